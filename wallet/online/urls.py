"""Which URLs the wallet may fetch, decided before any name is resolved.

The rules (threat "did:web SSRF" in docs/THREATS.md; ``docs/ONLINE.md`` explains each threat):

* ``https`` only. Plain ``http`` only in the unsafe loopback test mode, and
  then only to loopback (checked again on the connected address).
* No user name or password in the URL (``https://user:pw@host``): the wallet
  never sends credentials it was not explicitly given, and the ``@`` form is a
  classic way to make a URL look like it points elsewhere.
* No IP literals: not ``[::1]``, not ``169.254.169.254``, and not the forms
  URL parsers and ``inet_aton`` also read as IPv4 (``2130706433``,
  ``0x7f.1``, ``0177.0.0.1``, ``127.1``; the WHATWG URL Standard's "ends in a
  number" rule). Only the test mode lets a loopback literal through.
* Host names are LDH labels after IDNA (UTS #46) mapping; ``localhost`` and
  ``*.localhost`` (RFC 6761) are refused by name as well as by address.
* No whitespace, control characters or backslashes anywhere, no
  percent-encoding in the host, and at most 8 KiB.

A URL that passes is still only *allowed to be resolved*: the address it
resolves to is checked at connect time.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import idna

from wallet.errors import AddressRefused
from wallet.online.addresses import IPAddress, is_loopback, parse_ip, refusal

MAX_URL_CHARS = 8 * 1024
_LDH = set("abcdefghijklmnopqrstuvwxyz0123456789-")
_HEX = set("0123456789abcdef")


@dataclass(frozen=True)
class Target:
    """A URL that passed the rules, split for the connection."""

    url: str  # normalised: lower-case scheme and host, no fragment
    scheme: str
    host: str  # ASCII; an IP literal without brackets (test mode only)
    port: int
    path: str  # path and query, as sent in the request line
    literal: IPAddress | None = None

    @property
    def origin(self) -> tuple[str, str, int]:
        return (self.scheme, self.host, self.port)


def display_url(url: str) -> str:
    """A URL for messages: scheme, host and path only (queries may carry codes or tokens)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "(an unreadable URL)"
    shown = urlunsplit((parts.scheme, parts.netloc.rpartition("@")[2], parts.path, "", ""))
    return shown if len(shown) <= 200 else shown[:197] + "..."


def clause(exc: Exception) -> str:
    """An error's sentence as a clause inside another sentence (first letter lowered, no final period)."""
    text = str(exc).strip().rstrip(".")
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _ends_in_number(host: str) -> bool:
    """WHATWG URL "ends in a number": the last label is decimal, or 0x-hex (an IPv4 in disguise)."""
    labels = host.split(".")
    if labels and labels[-1] == "" and len(labels) > 1:
        labels.pop()
    last = labels[-1] if labels else ""
    if last and last.isascii() and last.isdigit():
        return True
    return last[:2] in ("0x", "0X") and all(c in _HEX for c in last[2:].lower())


def _ipv4_in_disguise(host: str) -> IPAddress | None:
    """The address ``inet_aton`` would read from ``host`` (``2130706433``, ``0x7f.1``…), if any."""
    try:
        return parse_ip(socket.inet_ntoa(socket.inet_aton(host)))
    except (OSError, ValueError):
        return None


def _check_literal(ip: IPAddress, shown: str, allow_loopback: bool) -> None:
    if allow_loopback and is_loopback(ip):
        return
    why = refusal(ip) or "a public address"
    raise AddressRefused(
        f"The URL names the IP address {shown} ({why}); the wallet only connects to host names."
    )


def _ascii_host(host: str, url: str) -> str:
    if not host.isascii():
        try:
            host = idna.encode(host, uts46=True).decode("ascii")
        except idna.IDNAError as exc:
            raise AddressRefused(f"The host name in {display_url(url)} is not a valid internationalised name.") from exc
    host = host.lower()
    if host.endswith("."):
        raise AddressRefused(f"The host name in {display_url(url)} ends with a dot, which the wallet refuses.")
    labels = host.split(".")
    if len(host) > 253 or any(not 0 < len(label) <= 63 or set(label) - _LDH or label[0] == "-" or label[-1] == "-"
                              for label in labels):
        raise AddressRefused(f"The host name in {display_url(url)} is not a valid DNS name.")
    return host


def parse_target(url: str, *, allow_loopback: bool = False) -> Target:
    """Check ``url`` against the rules above and split it, or raise :class:`AddressRefused`."""
    if not isinstance(url, str) or not url:
        raise AddressRefused("The URL to fetch is empty.")
    if len(url) > MAX_URL_CHARS:
        raise AddressRefused(f"The URL is longer than {MAX_URL_CHARS} characters.")
    if any(c <= " " or c == "\x7f" or c == "\\" for c in url):
        raise AddressRefused("The URL contains spaces, control characters or backslashes, which the wallet refuses.")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise AddressRefused(f"The URL {display_url(url)} is malformed ({exc}).") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("https", "http"):
        raise AddressRefused(f"Only https URLs are fetched, not {scheme or 'scheme-less'} URLs.")
    if scheme == "http" and not allow_loopback:
        raise AddressRefused(f"The URL {display_url(url)} is plain http; the wallet fetches only over https.")
    if "@" in parts.netloc:
        raise AddressRefused("The URL carries a user name or password, which the wallet never sends.")
    raw_host = parts.hostname or ""
    if not raw_host:
        raise AddressRefused(f"The URL {display_url(url)} has no host.")
    if "%" in raw_host:
        raise AddressRefused(f"The host in {display_url(url)} is percent-encoded or has a zone id, which is refused.")
    if port == 0:
        raise AddressRefused(f"The URL {display_url(url)} names port 0.")
    literal: IPAddress | None = None
    if parts.netloc.rpartition("@")[2].startswith("["):
        literal = parse_ip(raw_host)
        if literal is None:
            raise AddressRefused(f"The URL {display_url(url)} has a malformed IPv6 address.")
        _check_literal(literal, f"[{raw_host}]", allow_loopback)
        host = str(literal)
    elif _ends_in_number(raw_host) or _ipv4_in_disguise(raw_host) is not None:
        literal = _ipv4_in_disguise(raw_host)
        if literal is None:
            raise AddressRefused(f"The host {raw_host} looks like an IP address; the wallet only connects to host names.")
        shown = raw_host if raw_host == str(literal) else f"{raw_host} (= {literal})"
        _check_literal(literal, shown, allow_loopback)
        host = str(literal)
    else:
        host = _ascii_host(raw_host, url)
        if not allow_loopback and (host == "localhost" or host.endswith(".localhost")):
            raise AddressRefused(f"The URL {display_url(url)} names {host}, a loopback name the wallet never contacts.")
    if scheme == "http" and not (literal is not None and is_loopback(literal)) and host != "localhost":
        raise AddressRefused(f"The URL {display_url(url)} is plain http; only loopback may use http, in test mode.")
    port = port or (443 if scheme == "https" else 80)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    netloc_host = f"[{host}]" if ":" in host else host
    default = 443 if scheme == "https" else 80
    netloc = netloc_host if port == default else f"{netloc_host}:{port}"
    normalised = urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))
    return Target(normalised, scheme, host, port, path, literal)
