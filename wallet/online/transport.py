"""Opening one connection: resolve once, check every address, connect to a checked one.

Why by hand on top of :mod:`http.client` rather than through requests or
httpx: the SSRF rule must hold for the address the socket actually connects
to. Resolving a name, checking the answer and letting the HTTP library
resolve it again would leave a DNS-rebinding window (the second answer can
be 127.0.0.1). Here the name is resolved exactly once, *every* address in
the answer is checked (a mixed public/private answer is refused), and the
socket is connected to one of those checked addresses, while TLS still
verifies the certificate for the *name* (SNI and hostname check) and the
``Host`` header still names it. requests/urllib3 only allow this by
overriding private connection internals, and both would also have to be
talked out of environment proxies, ``.netrc`` credentials, cookies and
automatic decompression without a cap; the standard library's
``http.client`` does none of those and hands us the socket, which the
deadline watchdog needs.

The deadline: every socket operation gets at most the time left, and a
watchdog timer shuts the socket down when the total deadline passes, so a
server that dribbles one byte every few seconds (slow loris) cannot keep a
request alive past it, in the headers or in the body.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from wallet.errors import AddressRefused, ConnectionFailed, FetchTimeout, TlsError
from wallet.online.addresses import IPAddress, is_loopback, parse_ip, refusal
from wallet.online.urls import Target

#: Resolves (host, port) to address strings. The default is the system resolver.
Resolver = Callable[[str, int], Sequence[str]]

_DNS_POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="wallet-dns")


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for ``host``, in its order, without duplicates."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: list[str] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        address = str(sockaddr[0])
        if address not in seen:
            seen.append(address)
    return seen


class Deadline:
    """The total time budget of one request, across redirects."""

    def __init__(self, seconds: float, host: str) -> None:
        self.seconds = seconds
        self.host = host
        self.end = time.monotonic() + seconds

    def remaining(self) -> float:
        """Seconds left; raises :class:`FetchTimeout` once none are."""
        left = self.end - time.monotonic()
        if left <= 0:
            raise self.timeout()
        return left

    def expired(self) -> bool:
        return time.monotonic() >= self.end

    def timeout(self) -> FetchTimeout:
        return FetchTimeout(f"{self.host} did not answer completely within {self.seconds:g} seconds.")


class Watchdog:
    """Shuts a socket down at the deadline, waking any thread blocked reading it."""

    def __init__(self, sock: socket.socket, deadline: Deadline) -> None:
        self.fired = False
        self._sock = sock
        self._timer = threading.Timer(max(deadline.end - time.monotonic(), 0.0), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        self.fired = True
        try:
            # socket.socket.shutdown, not SSLSocket.shutdown: the latter tears down
            # the TLS object under the reading thread; a plain shutdown(2) just
            # makes the blocked recv return.
            socket.socket.shutdown(self._sock, socket.SHUT_RDWR)
        except OSError:
            pass  # already closed: nothing left to wake

    def cancel(self) -> None:
        self._timer.cancel()


def resolve_checked(target: Target, resolver: Resolver, deadline: Deadline, allow_loopback: bool) -> list[IPAddress]:
    """Resolve ``target.host`` once and check every address; refuse if any is off limits."""
    if target.literal is not None:
        addresses: Sequence[str] = [str(target.literal)]
    else:
        future = _DNS_POOL.submit(resolver, target.host, target.port)
        try:
            addresses = future.result(timeout=deadline.remaining())
        except FutureTimeout as exc:
            raise FetchTimeout(f"Looking up {target.host} took longer than {deadline.seconds:g} seconds.") from exc
        except (OSError, UnicodeError) as exc:
            raise ConnectionFailed(f"The host name {target.host} could not be resolved.") from exc
    checked: list[IPAddress] = []
    for text in addresses:
        ip = parse_ip(text)
        if ip is None:
            raise ConnectionFailed(f"The resolver gave {target.host} an unreadable address.")
        why = refusal(ip, allow_loopback=allow_loopback)
        if why is not None:
            raise AddressRefused(f"{target.host} resolves to {ip}, {why}, which the wallet never contacts.")
        if target.scheme == "http" and not is_loopback(ip):
            raise AddressRefused(f"Plain http is allowed only to loopback in test mode, and {target.host} is {ip}.")
        checked.append(ip)
    if not checked:
        raise ConnectionFailed(f"The host name {target.host} has no addresses.")
    return checked


class PinnedHTTPConnection(http.client.HTTPConnection):
    """Plain HTTP to one checked address (loopback test mode only)."""

    def __init__(self, target: Target, address: IPAddress, timeout: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout)
        self.address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((str(self.address), self.port), self.timeout)


class PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to one checked address, with SNI and certificate checks for the host *name*."""

    def __init__(self, target: Target, address: IPAddress, timeout: float, context: ssl.SSLContext) -> None:
        super().__init__(target.host, target.port, timeout=timeout, context=context)
        self.address = address
        self.tls_context = context

    def connect(self) -> None:
        sock = socket.create_connection((str(self.address), self.port), self.timeout)
        try:
            self.sock = self.tls_context.wrap_socket(sock, server_hostname=self.host)
        except BaseException:
            sock.close()
            raise


def open_connection(target: Target, addresses: Sequence[IPAddress], context: ssl.SSLContext | None,
                    connect_timeout: float, deadline: Deadline) -> http.client.HTTPConnection:
    """Connect (TCP and TLS) to the first checked address that answers, within the timeouts."""
    last: Exception | None = None
    for address in addresses:
        timeout = min(connect_timeout, deadline.remaining())
        conn: http.client.HTTPConnection
        if target.scheme == "https":
            assert context is not None
            conn = PinnedHTTPSConnection(target, address, timeout, context)
        else:
            conn = PinnedHTTPConnection(target, address, timeout)
        try:
            conn.connect()
            return conn
        except ssl.SSLCertVerificationError as exc:
            conn.close()
            detail = exc.verify_message or exc.reason or "verification failed"
            raise TlsError(f"The certificate of {target.host} is not trusted ({detail}).") from exc
        except ssl.SSLError as exc:
            conn.close()
            raise TlsError(f"The TLS handshake with {target.host} failed ({exc.reason or exc}).") from exc
        except OSError as exc:  # refused, unreachable, or the connect timeout (TimeoutError): try the next
            conn.close()
            last = exc
    if isinstance(last, TimeoutError):
        raise FetchTimeout(f"{target.host} did not accept a connection within {connect_timeout:g} seconds.") from last
    if deadline.expired():
        raise deadline.timeout() from last
    raise ConnectionFailed(f"Could not connect to {target.host} ({_reason(last)}).") from last


def _reason(exc: Exception | None) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return type(exc).__name__ if exc else "no address answered"
