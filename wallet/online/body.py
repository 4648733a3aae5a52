"""Reading a response body under a size cap, decoding gzip/deflate under the same cap.

Every byte is counted as it arrives, so a 50 MB answer is cut off after the
cap plus one chunk, not after 50 MB are in memory. A declared
``Content-Length`` above the cap is refused before reading anything.
``Content-Encoding: gzip`` or ``deflate`` is decoded as a stream with the
*decoded* size capped and a ratio cap (a gzip bomb of zeros expands about
1000:1; real JSON and XML stay well under 100:1), the same way
``wallet.verify.status`` decodes the status bitstring (threat "zip and deflate bombs" in docs/THREATS.md).
Any other or stacked encoding is refused: the wallet asks only for these two.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

from wallet.errors import ConnectionFailed, ResponseTooLarge
from wallet.online.settings import DECODE_RATIO_FLOOR, MAX_DECODE_RATIO

CHUNK = 64 * 1024


class Decoder:
    """Streaming decoder for one ``Content-Encoding`` with a decoded-size and ratio cap."""

    def __init__(self, encoding: str, cap: int, host: str) -> None:
        self.cap = cap
        self.host = host
        self.encoding = encoding
        self.encoded = 0
        self.out = bytearray()
        self._inflater: zlib._Decompress | None = None
        self._deflate_sniffed = False
        if encoding in ("gzip", "x-gzip"):
            self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._deflate_sniffed = True  # zlib-wrapped or raw: decided on the first bytes
        elif encoding not in ("", "identity"):
            raise ConnectionFailed(f"{host} sent the content encoding {encoding!r}, which the wallet did not ask for.")

    def _too_large(self) -> ResponseTooLarge:
        return ResponseTooLarge(f"The response from {self.host} is larger than {self.cap} bytes, "
                                "the limit for this kind of document.")

    def feed(self, data: bytes) -> None:
        self.encoded += len(data)
        if self.encoded > self.cap:
            raise self._too_large()
        if self._deflate_sniffed and data:
            # RFC 9110 says "deflate" is zlib-wrapped; some servers send raw deflate.
            zlib_header = len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
            self._inflater = zlib.decompressobj(zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS)
            self._deflate_sniffed = False
        if self._inflater is None:
            self.out += data
            return
        pending = data
        try:
            while pending:
                piece = self._inflater.decompress(pending, CHUNK)
                self._take(piece)
                pending = self._inflater.unconsumed_tail
                if self._inflater.eof and (pending or self._inflater.unused_data):
                    raise ConnectionFailed(f"{self.host} sent data after the end of the compressed response.")
        except zlib.error as exc:
            raise ConnectionFailed(f"{self.host} sent a response that is not valid {self.encoding}.") from exc

    def _take(self, piece: bytes) -> None:
        self.out += piece
        if len(self.out) > self.cap:
            raise self._too_large()
        if len(self.out) > DECODE_RATIO_FLOOR and len(self.out) > MAX_DECODE_RATIO * max(self.encoded, 1):
            raise ResponseTooLarge(f"The response from {self.host} is compressed suspiciously well "
                                   "(a decompression bomb), so it was not read.")

    def finish(self) -> bytes:
        if self._inflater is not None:
            try:
                while not self._inflater.eof:
                    piece = self._inflater.decompress(b"", CHUNK)
                    if not piece:
                        break
                    self._take(piece)
            except zlib.error as exc:
                raise ConnectionFailed(f"{self.host} sent a response that is not valid {self.encoding}.") from exc
            if not self._inflater.eof:
                raise ConnectionFailed(f"{self.host} sent a truncated {self.encoding} response.")
        return bytes(self.out)


def read_body(read: Callable[[int], bytes], content_length: int | None, encoding: str, cap: int,
              host: str, before_read: Callable[[], None]) -> bytes:
    """Read and decode a body through ``read(n)``; ``before_read`` refreshes the socket timeout."""
    if content_length is not None and content_length > cap:
        raise ResponseTooLarge(f"The response from {host} would be {content_length} bytes; "
                               f"the limit for this kind of document is {cap}.")
    decoder = Decoder(encoding, cap, host)
    while True:
        before_read()
        data = read(CHUNK)
        if not data:
            break
        decoder.feed(data)
    if content_length is not None and decoder.encoded != content_length:
        # http.client's read(n) ends quietly at EOF; a short body must not pass for a whole one
        raise ConnectionFailed(f"{host} closed the connection before sending the whole response.")
    return decoder.finish()
