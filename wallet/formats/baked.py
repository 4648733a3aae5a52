"""Baked badges: a credential inside a PNG (iTXt chunk) or an SVG element.

PNG (Open Badges Baking spec): the credential is the text of one ``iTXt``
chunk with keyword ``openbadges`` (OB 2.0) or ``openbadgecredential`` (OB
3.0). The spec says "Compression MUST NOT be used" and the chunk "MUST NOT
appear ... more than once", so the reader enforces exactly that (threat "oversized badge chunk" in docs/THREATS.md) and never decompresses anything: a compressed iTXt, a badge in a
``zTXt`` chunk or a second badge chunk is refused, other ``zTXt`` chunks are
skipped unread (no zlib bomb can go off). Chunks are walked with ``struct``
from the declared lengths, each length is checked against the caps and the
bytes actually present *before* it is used, and every CRC is checked. The
image itself is never decoded.

SVG: an ``openbadges:assertion`` (OB 2.0, ``http://openbadges.org``) or
``openbadges:credential`` (OB 3.0) element whose text/CDATA is the JSON or
JWS; OB 3.0 may instead put a JWS in the ``verify`` attribute. SVGs are
parsed with a hardened lxml parser: no network, no DTD loading, no entity
expansion, and any ``<!ENTITY`` declaration is refused up front.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # lxml loads with the first SVG: a JSON or JWT credential never needs it (start-up, issue 17)
    from lxml import etree

from wallet.errors import InputError
from wallet.model import Container
from wallet.util.limits import (
    MAX_ITXT_CHUNK_BYTES,
    MAX_PNG_CHUNK_BYTES,
    MAX_PNG_CHUNKS,
    MAX_PNG_TEXT_BYTES,
    MAX_SVG_BYTES,
    check_size,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
BADGE_KEYWORDS = (b"openbadges", b"openbadgecredential")
SVG_NAMESPACES = ("http://openbadges.org", "https://purl.imsglobal.org/ob/v3p0", "http://purl.imsglobal.org/ob/v3p0")
SVG_ELEMENTS = ("assertion", "credential")
_TEXT_CHUNKS = (b"tEXt", b"iTXt", b"zTXt")
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)


@dataclass(frozen=True)
class BakedPayload:
    """What a baked image holds: the credential text and where it came from."""

    text: bytes
    container: Container
    keyword: str  # PNG keyword or SVG element name
    verify_url: str | None = None  # SVG ``verify`` attribute when it is a URL


@dataclass(frozen=True)
class PngChunk:
    type: bytes
    data: bytes


def iter_png_chunks(data: bytes) -> Iterator[PngChunk]:
    """Walk PNG chunks with every length checked before use and every CRC verified."""
    if not data.startswith(PNG_SIGNATURE):
        raise InputError("This is not a PNG image (bad signature).")
    pos, count, size = len(PNG_SIGNATURE), 0, len(data)
    while pos < size:
        if size - pos < 12:
            raise InputError("The PNG is truncated (incomplete chunk header).")
        (length,) = struct.unpack_from(">I", data, pos)
        ctype = data[pos + 4: pos + 8]
        if length > MAX_PNG_CHUNK_BYTES:
            raise InputError(f"A PNG chunk claims {length} bytes; the limit is {MAX_PNG_CHUNK_BYTES}.")
        if ctype in _TEXT_CHUNKS and length > MAX_ITXT_CHUNK_BYTES:
            raise InputError(f"A PNG text chunk claims {length} bytes; the limit is {MAX_ITXT_CHUNK_BYTES}.")
        if length > size - pos - 12:
            raise InputError("The PNG is truncated (a chunk is longer than the file).")
        if not re.fullmatch(rb"[A-Za-z]{4}", ctype):
            raise InputError("The PNG has a malformed chunk type.")
        body = data[pos + 8: pos + 8 + length]
        (crc,) = struct.unpack_from(">I", data, pos + 8 + length)
        if zlib.crc32(ctype + body) & 0xFFFFFFFF != crc:
            raise InputError(f"The PNG chunk {ctype.decode('ascii')} has a bad CRC (the file is damaged).")
        count += 1
        if count > MAX_PNG_CHUNKS:
            raise InputError(f"The PNG has more than {MAX_PNG_CHUNKS} chunks.")
        yield PngChunk(ctype, body)
        pos += 12 + length
        if ctype == b"IEND":
            return
    raise InputError("The PNG has no IEND chunk (truncated).")


def _itxt_fields(body: bytes) -> tuple[bytes, int, bytes]:
    """(keyword, compression flag, text) of an iTXt chunk (PNG spec 11.3.4.5)."""
    keyword, sep, rest = body.partition(b"\0")
    if not sep or not 1 <= len(keyword) <= 79 or len(rest) < 2:
        raise InputError("The PNG has a malformed iTXt chunk.")
    flag = rest[0]
    after = rest[2:]
    _lang, sep1, after = after.partition(b"\0")
    _translated, sep2, value = after.partition(b"\0")
    if not (sep1 and sep2):
        raise InputError("The PNG has a malformed iTXt chunk.")
    return keyword, flag, value


def extract_png(data: bytes) -> BakedPayload:
    """The one uncompressed badge iTXt of a PNG, under the caps, or :class:`InputError`."""
    found: list[tuple[bytes, bytes]] = []
    text_total = 0
    for chunk in iter_png_chunks(data):
        if chunk.type not in _TEXT_CHUNKS:
            continue
        text_total += len(chunk.data)
        if text_total > MAX_PNG_TEXT_BYTES:
            raise InputError(f"The PNG's text chunks exceed {MAX_PNG_TEXT_BYTES} bytes together.")
        keyword = chunk.data.split(b"\0", 1)[0]
        if keyword not in BADGE_KEYWORDS:
            continue  # other text (zTXt included) is skipped unread: never decompressed
        if chunk.type == b"zTXt":
            raise InputError("The badge is in a compressed zTXt chunk; the Baking spec forbids compression.")
        if chunk.type == b"iTXt":
            _, flag, value = _itxt_fields(chunk.data)
            if flag != 0:
                raise InputError("The badge iTXt chunk is compressed; the Baking spec forbids compression.")
        else:  # tEXt: OB 1.0 bakers wrote the assertion URL here
            value = chunk.data[len(keyword) + 1:]
        found.append((keyword, value))
        if len(found) > 1:
            raise InputError("The PNG holds more than one badge chunk; the Baking spec allows exactly one.")
    if not found:
        raise InputError("The PNG holds no baked badge (no 'openbadges' iTXt chunk).")
    keyword, value = found[0]
    if not value.strip():
        raise InputError("The PNG's badge chunk is empty.")
    return BakedPayload(value.strip(), Container.PNG, keyword.decode("ascii"))


def has_png_badge(data: bytes) -> bool:
    """Cheap check used by detection: a badge keyword appears in some text chunk header."""
    return any(kw + b"\0" in data for kw in BADGE_KEYWORDS)


def _svg_parser() -> etree.XMLParser:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


def parse_svg(data: bytes) -> etree._Element:
    """Parse SVG bytes with the hardened parser (the DOCTYPE's external DTD is never loaded)."""
    from lxml import etree

    check_size(data, MAX_SVG_BYTES, "SVG badge")
    if _ENTITY.search(data):
        raise InputError("The SVG declares XML entities, which are refused.")
    try:
        root = etree.fromstring(data, parser=_svg_parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(f"The SVG is not well-formed XML ({exc.msg}).") from exc
    if root is None:
        raise InputError("The SVG is empty.")
    return root


def _split_tag(tag: object) -> tuple[str | None, str]:
    """(namespace, local name) of an element tag, without ``etree.QName``.

    ``etree.QName`` re-validates the name and raises ``ValueError`` on tags
    libxml2 accepted (a fuzzed SVG crashed badge extraction that way).
    """
    if not isinstance(tag, str):
        return None, ""
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return None, tag


def _badge_elements(root: etree._Element) -> list[etree._Element]:
    found = []
    for element in root.iter():
        namespace, local = _split_tag(element.tag)
        if local in SVG_ELEMENTS and namespace in SVG_NAMESPACES:
            found.append(element)
    return found


def extract_svg(data: bytes) -> BakedPayload:
    """The badge element's JSON/JWS (text, CDATA or a JWS ``verify`` attribute)."""
    root = parse_svg(data)
    if _split_tag(root.tag)[1] != "svg":
        raise InputError("The XML is not an SVG image.")
    elements = _badge_elements(root)
    if not elements:
        raise InputError("The SVG holds no baked badge (no openbadges:assertion element).")
    if len(elements) > 1:
        raise InputError("The SVG holds more than one baked badge element.")
    element = elements[0]
    name = _split_tag(element.tag)[1]
    body = (element.text or "").strip()
    verify = (element.get("verify") or "").strip()
    if body:
        return BakedPayload(body.encode("utf-8"), Container.SVG, name, verify or None)
    if verify and verify.count(".") == 2 and not verify.startswith(("http:", "https:")):
        return BakedPayload(verify.encode("ascii", "replace"), Container.SVG, name)
    if verify:
        raise InputError(
            f"The SVG's openbadges:{name} holds no JSON, only a link ({verify}); "
            "it can only be checked online."
        )
    raise InputError(f"The SVG's openbadges:{name} element is empty (no JSON).")


def is_svg(data: bytes) -> bool:
    """Cheap sniff: XML whose first element is ``svg`` (no full parse)."""
    head = data[:4096]
    return re.search(rb"<svg[\s>]", head) is not None or re.search(rb"<[A-Za-z_][\w.-]*:svg[\s>]", head) is not None


def extract(data: bytes) -> BakedPayload:
    """The baked payload of a PNG or SVG badge."""
    if data.startswith(PNG_SIGNATURE):
        return extract_png(data)
    return extract_svg(data)
