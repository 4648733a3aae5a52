"""The one HTTP client of the wallet: every network request goes through :class:`OnlineClient`.

The rules it enforces, in order, for every request and every redirect hop:

1. Offline mode: :class:`~wallet.errors.OfflineMode` before anything else.
2. The URL rules of :mod:`wallet.online.urls` (https only, no IP literals,
   no credentials in the URL).
3. ``on_contact(host, when, purpose)`` is called: the app keeps the list of
   hosts contacted and when (the name is about to go to the DNS resolver).
4. The name is resolved once and every address checked
   (:mod:`wallet.online.addresses`); the socket connects to a checked
   address while TLS verifies the certificate for the name, against the
   system trust store plus ``ca_bundle``.
5. The response is read under the size cap of its :class:`FetchKind`,
   decoded (gzip/deflate) under the same cap and a ratio cap, within the
   total deadline.
6. Redirects (301, 302, 303, 307, 308) are followed by hand, at most
   ``max_redirects``, each new URL checked from step 2; ``Authorization``,
   ``DPoP`` and ``Cookie`` headers are dropped when the origin changes.

Nothing is kept between requests: no cookies, no connection pool, no
credentials from ``.netrc`` or the environment, and no proxy (an explicit
proxy would make the connect-time address check meaningless; see
``docs/ONLINE.md``).
"""

from __future__ import annotations

import http.client
import json as jsonlib
import ssl
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

from wallet.errors import (
    AddressRefused,
    ConnectionFailed,
    HttpStatusError,
    OfflineMode,
    RedirectRefused,
    TlsError,
)
from wallet.online.body import read_body
from wallet.online.settings import FetchKind, OnlineSettings
from wallet.online.tls import trust_context
from wallet.online.transport import (
    Deadline,
    Resolver,
    Watchdog,
    open_connection,
    resolve_checked,
    system_resolver,
)
from wallet.online.urls import Target, clause, display_url, parse_target
from wallet.util.limits import load_json

#: ``on_contact(host, when, purpose)``: called before each connection attempt.
ContactHook = Callable[[str, datetime, str], None]

REDIRECTS = (301, 302, 303, 307, 308)
#: Headers a caller may not set: the client owns them.
_OWNED = {"host", "content-length", "transfer-encoding", "connection", "accept-encoding", "user-agent", "te",
          "upgrade", "proxy-authorization", "cookie"}
#: Headers dropped when a redirect leaves the origin they were meant for.
_ORIGIN_BOUND = {"authorization", "dpop"}


@dataclass(frozen=True)
class Response:
    """A complete, size-checked response (the body is decoded if it was gzip/deflate)."""

    url: str  # the final URL, after redirects
    status: int
    headers: Mapping[str, str]  # lower-case names; repeated headers joined with ", "
    body: bytes
    fetched_at: datetime  # aware UTC, when the response headers arrived
    media_type: str | None  # Content-Type without parameters, lower-case
    kind: FetchKind = FetchKind.METADATA
    redirects: tuple[str, ...] = field(default=())  # the URLs redirected from, in order

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    def json(self, what: str = "response") -> Any:
        """The body as strict JSON (the project's limits: no duplicate keys, bounded depth)."""
        return load_json(self.body, what, limit=max(len(self.body), 1))

    def text(self) -> str:
        """The body as UTF-8 text (a UTF-8 BOM tolerated)."""
        try:
            return self.body.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ConnectionFailed(f"The response from {display_url(self.url)} is not UTF-8 text.") from exc


def _media_type(value: str | None) -> str | None:
    if not value:
        return None
    return value.split(";", 1)[0].strip().lower() or None


def _headers(resp: http.client.HTTPResponse) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in resp.getheaders():
        key = name.lower()
        out[key] = f"{out[key]}, {value}" if key in out else value
    return out


def _content_length(value: str | None, host: str) -> int | None:
    if value is None:
        return None
    try:
        length = int(value.split(",")[0].strip())
    except ValueError as exc:
        raise ConnectionFailed(f"{host} sent an unreadable Content-Length.") from exc
    if length < 0:
        raise ConnectionFailed(f"{host} sent a negative Content-Length.")
    return length


class OnlineClient:
    """Fetches URLs under :class:`OnlineSettings`; thread-safe (no shared mutable state but the TLS context).

    ``resolver`` replaces the system resolver (``(host, port) -> [address, …]``):
    tests use it to play a rebinding DNS server. Whatever it returns is
    checked exactly like the system resolver's answer.
    """

    def __init__(self, settings: OnlineSettings | None = None, on_contact: ContactHook | None = None,
                 *, resolver: Resolver | None = None) -> None:
        self.settings = settings or OnlineSettings()
        self.on_contact = on_contact
        self.resolver = resolver or system_resolver
        self._context: ssl.SSLContext | None = None

    def _tls(self) -> ssl.SSLContext:
        if self._context is None:
            self._context = trust_context(self.settings.ca_bundle)
        return self._context

    def get(self, url: str, *, kind: FetchKind, headers: Mapping[str, str] | None = None,
            purpose: str | None = None, follow_redirects: bool = True, check_status: bool = True) -> Response:
        return self.request("GET", url, kind=kind, headers=headers, purpose=purpose,
                            follow_redirects=follow_redirects, check_status=check_status)

    def post(self, url: str, *, kind: FetchKind, headers: Mapping[str, str] | None = None,
             data: bytes | None = None, json: Any = None, form: Mapping[str, str] | None = None,
             purpose: str | None = None, follow_redirects: bool = True, check_status: bool = True) -> Response:
        return self.request("POST", url, kind=kind, headers=headers, data=data, json=json, form=form,
                            purpose=purpose, follow_redirects=follow_redirects, check_status=check_status)

    def request(self, method: str, url: str, *, kind: FetchKind, headers: Mapping[str, str] | None = None,
                data: bytes | None = None, json: Any = None, form: Mapping[str, str] | None = None,
                purpose: str | None = None, follow_redirects: bool = True, check_status: bool = True) -> Response:
        """One request, redirects followed (unless ``follow_redirects`` is False).

        ``data``, ``json`` and ``form`` are alternatives (``json`` and ``form``
        set the Content-Type). With ``check_status`` a final status outside
        200–299 raises :class:`HttpStatusError`, whose ``response`` still
        carries the (size-capped) body, e.g. an OAuth error object.
        """
        if self.settings.offline:
            raise OfflineMode(f"The wallet is in offline mode, so it did not contact {_host_of(url)}.")
        method = method.upper()
        if method not in ("GET", "POST", "HEAD", "PUT", "DELETE"):
            raise ConnectionFailed(f"The wallet does not send HTTP {method} requests.")
        body, send_headers = _prepare_body(data, json, form, headers)
        target = parse_target(url, allow_loopback=self.settings.allow_loopback)
        deadline = Deadline(self.settings.total_timeout, target.host)
        redirects: list[str] = []
        while True:
            try:
                resp = self._exchange(method, target, send_headers, body, kind, deadline, purpose)
            except RedirectRefused:
                raise
            except AddressRefused as exc:
                if not redirects:
                    raise
                raise RedirectRefused(f"A redirect from {display_url(redirects[-1])} was refused: {clause(exc)}.") from exc
            if resp.status not in REDIRECTS or not follow_redirects:
                final = Response(resp.url, resp.status, resp.headers, resp.body, resp.fetched_at, resp.media_type,
                                 kind, tuple(redirects))
                unfollowed = final.status in REDIRECTS and not follow_redirects
                if check_status and not 200 <= final.status < 300 and not unfollowed:
                    raise _status_error(final)
                return final
            redirects.append(target.url)
            previous, target = target, self._next_hop(target, resp, redirects)
            if resp.status == 303 or (resp.status in (301, 302) and method == "POST"):
                method, body = ("HEAD" if method == "HEAD" else "GET"), None
                send_headers = {k: v for k, v in send_headers.items() if k.lower() != "content-type"}
            if target.origin != previous.origin:
                send_headers = {k: v for k, v in send_headers.items() if k.lower() not in _ORIGIN_BOUND}

    def _next_hop(self, current: Target, resp: Response, seen: list[str]) -> Target:
        location = resp.header("location")
        if not location:
            raise RedirectRefused(f"{current.host} answered with a redirect but named no location.")
        if len(seen) > self.settings.max_redirects:
            raise RedirectRefused(f"{current.host} redirected more than {self.settings.max_redirects} times, "
                                  "so the wallet stopped following.")
        try:
            target = parse_target(urljoin(current.url, location.strip()), allow_loopback=self.settings.allow_loopback)
        except AddressRefused as exc:
            raise RedirectRefused(f"A redirect from {display_url(current.url)} was refused: {clause(exc)}.") from exc
        if target.url in seen:
            raise RedirectRefused(f"{current.host} redirects in a loop, so the wallet stopped following.")
        if current.scheme == "https" and target.scheme != "https":
            raise RedirectRefused(f"{current.host} redirects from https to plain http, which the wallet refuses.")
        return target

    def _exchange(self, method: str, target: Target, headers: Mapping[str, str], body: bytes | None,
                  kind: FetchKind, deadline: Deadline, purpose: str | None) -> Response:
        """One request/response on a fresh connection to a checked address."""
        if self.on_contact is not None:
            self.on_contact(target.host, datetime.now(UTC), purpose or kind.value)
        context = self._tls() if target.scheme == "https" else None
        addresses = resolve_checked(target, self.resolver, deadline, self.settings.allow_loopback)
        conn = open_connection(target, addresses, context, self.settings.connect_timeout, deadline)
        assert conn.sock is not None
        watchdog = Watchdog(conn.sock, deadline)
        try:
            response = self._send_and_read(conn, method, target, headers, body, kind, deadline)
            if watchdog.fired:  # the shutdown at the deadline looks like a clean end of stream to http.client
                raise deadline.timeout()
            return response
        except (OSError, http.client.HTTPException) as exc:
            if watchdog.fired or deadline.expired():
                raise deadline.timeout() from exc
            if isinstance(exc, ssl.SSLError):
                raise TlsError(f"The TLS connection to {target.host} failed ({exc.reason or exc}).") from exc
            if isinstance(exc, TimeoutError):
                raise deadline.timeout() from exc
            if isinstance(exc, http.client.HTTPException):
                raise ConnectionFailed(f"{target.host} sent a response that is not valid HTTP/1.1 "
                                       f"({type(exc).__name__}).") from exc
            raise ConnectionFailed(f"The connection to {target.host} broke off ({type(exc).__name__}).") from exc
        finally:
            watchdog.cancel()
            conn.close()

    def _send_and_read(self, conn: http.client.HTTPConnection, method: str, target: Target,
                       headers: Mapping[str, str], body: bytes | None, kind: FetchKind,
                       deadline: Deadline) -> Response:
        def refresh_timeout() -> None:
            if conn.sock is not None:
                conn.sock.settimeout(deadline.remaining())

        refresh_timeout()
        conn.putrequest(method, target.path, skip_accept_encoding=True)
        all_headers = {"User-Agent": self.settings.user_agent, "Accept-Encoding": "gzip, deflate",
                       "Connection": "close"}
        if not any(name.lower() == "accept" for name in headers):
            all_headers["Accept"] = "*/*"
        all_headers.update(headers)
        for name, value in all_headers.items():
            conn.putheader(name, value)
        if body is not None:
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        refresh_timeout()
        resp = conn.getresponse()
        fetched_at = datetime.now(UTC)
        head = _headers(resp)
        if resp.status in REDIRECTS or method == "HEAD":
            content = b""  # a redirect's body is never used; HEAD has none
        else:
            content = read_body(resp.read, _content_length(head.get("content-length"), target.host),
                                head.get("content-encoding", "").strip().lower(), kind.max_bytes, target.host,
                                refresh_timeout)
        return Response(target.url, resp.status, MappingProxyType(head), content, fetched_at,
                        _media_type(head.get("content-type")), kind)


def _prepare_body(data: bytes | None, json: Any, form: Mapping[str, str] | None,
                  headers: Mapping[str, str] | None) -> tuple[bytes | None, dict[str, str]]:
    given = [x is not None for x in (data, json, form)]
    if sum(given) > 1:
        raise ConnectionFailed("A request body is given as at most one of data, json or form.")
    out: dict[str, str] = {}
    for name, value in (headers or {}).items():
        if name.lower() in _OWNED:
            raise ConnectionFailed(f"The header {name} is set by the online client itself.")
        out[name] = value
    if json is not None:
        out.setdefault("Content-Type", "application/json")
        return jsonlib.dumps(json, separators=(",", ":"), ensure_ascii=False).encode("utf-8"), out
    if form is not None:
        out.setdefault("Content-Type", "application/x-www-form-urlencoded")
        return urlencode(dict(form)).encode("ascii"), out
    return (bytes(data) if data is not None else None), out


def _host_of(url: str) -> str:
    try:
        return urlsplit(url).hostname or "any host"
    except ValueError:
        return "any host"


def _status_error(resp: Response) -> HttpStatusError:
    try:
        phrase = http.HTTPStatus(resp.status).phrase
    except ValueError:
        phrase = "unknown status"
    return HttpStatusError(f"{display_url(resp.url)} answered HTTP {resp.status} ({phrase}).", resp.status, resp)
