"""The loopback redirect of RFC 8252 (OAuth 2.0 for Native Apps): the browser hands the code back here.

A native app must not embed the issuer's sign-in page (the user could not
tell it from a phishing page, and the app could read the password), so the
wallet opens the **system browser** and listens on ``http://127.0.0.1:<a
random port>/callback`` for the one redirect that carries the authorization
code (RFC 8252 sections 7.3 and 8.3: the loopback IP literal, not
``localhost``, and any port).

The listener:

* binds to 127.0.0.1 only, on a port the system picks;
* accepts **one** callback: the first request to ``/callback`` ends it,
  whatever it carries; other paths (a browser's ``/favicon.ico``) get 404;
* checks ``state`` (RFC 6749 section 10.12): a callback with another
  ``state`` is refused, and the listener is closed all the same;
* closes after that callback, after a timeout, on cancel, or on ``close()``;
  it never stays open behind the user's back.

Headless use (``--no-browser``, the test mode of issuers that approve
without user interaction): :func:`deliver` sends the redirect the wallet
received itself to this listener, over loopback only.
"""

from __future__ import annotations

import html
import http.client
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from wallet.errors import Cancelled, IssuanceError, UsageError
from wallet.messages import msg

CALLBACK_PATH = "/callback"
DEFAULT_TIMEOUT = 300.0
MAX_REQUESTS = 20  # stray requests (favicons, probes) before the listener gives up
IDLE_CONNECTION_SECONDS = 2.0


@dataclass(frozen=True)
class Callback:
    """What the browser brought back."""

    code: str | None
    state: str | None
    iss: str | None = None
    error: str | None = None
    error_description: str | None = None


_PAGE = ("<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
         "<body style='font-family:sans-serif;margin:3em'><h1>{title}</h1><p>{text}</p></body></html>")
#: The page the browser shows after the redirect (English and Slovenian: the browser is not the wallet's UI).
_DONE = ("Learner wallet / Učna denarnica", "You can close this window and return to the wallet. "
         "/ To okno lahko zaprete in se vrnete v denarnico.")
_REFUSED = ("Learner wallet / Učna denarnica", "This sign-in does not belong to the wallet's request, so it was "
            "ignored. / Ta prijava ne pripada zahtevi denarnice, zato je bila prezrta.")


class LoopbackListener:
    """One redirect listener on 127.0.0.1; use :meth:`wait` once, or :meth:`close`."""

    def __init__(self, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.timeout = timeout
        self._result: Callback | None = None
        self._expected_state: str | None = None
        self._requests = 0
        listener = self

        class Handler(BaseHTTPRequestHandler):
            # A browser may open a connection and send nothing (a speculative preconnect): the listener
            # serves one connection at a time, so an idle one is dropped after this many seconds.
            timeout = IDLE_CONNECTION_SECONDS

            def do_GET(self) -> None:  # noqa: N802 - the standard library's name
                listener._handle(self)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: ARG002 - quiet: codes must not reach logs
                return

        self._server = HTTPServer(("127.0.0.1", 0), Handler)
        self.port = int(self._server.server_address[1])
        self.redirect_uri = f"http://127.0.0.1:{self.port}{CALLBACK_PATH}"
        self._closed = False
        self._lock = threading.Lock()

    @property
    def closed(self) -> bool:
        return self._closed

    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        self._requests += 1
        parts = urlsplit(request.path)
        if parts.path != CALLBACK_PATH or self._result is not None:
            request.send_response(404)
            request.send_header("Content-Length", "0")
            request.end_headers()
            return
        query = parse_qs(parts.query, max_num_fields=20)

        def one(name: str) -> str | None:
            values = query.get(name)
            return values[0][:4096] if values else None

        result = Callback(one("code"), one("state"), one("iss"), one("error"), one("error_description"))
        self._result = result
        title, words = _DONE if result.state == self._expected_state else _REFUSED
        body = _PAGE.format(title=html.escape(title), text=html.escape(words)).encode("utf-8")
        request.send_response(200)
        request.send_header("Content-Type", "text/html; charset=utf-8")
        request.send_header("Content-Length", str(len(body)))
        request.send_header("Cache-Control", "no-store")
        request.send_header("Referrer-Policy", "no-referrer")
        request.end_headers()
        request.wfile.write(body)

    def wait(self, state: str, *, cancelled: Callable[[], bool] | None = None) -> Callback:
        """The callback for ``state``; raises on timeout, cancel, a wrong ``state`` or an error answer.

        The listener is closed when this returns or raises.
        """
        self._expected_state = state
        deadline = time.monotonic() + self.timeout
        try:
            while self._result is None:
                if self._closed:
                    raise Cancelled("The sign-in was cancelled.", message=msg("receive.cancelled"))
                if cancelled is not None and cancelled():
                    raise Cancelled("The sign-in was cancelled.", message=msg("receive.cancelled"))
                left = deadline - time.monotonic()
                if left <= 0:
                    raise IssuanceError("No answer came back from the issuer's sign-in page in time.",
                                        error="timeout", message=msg("receive.login_timeout"))
                if self._requests >= MAX_REQUESTS:
                    raise IssuanceError("Too many unexpected requests reached the wallet's sign-in listener.",
                                        error="flooded", message=msg("receive.login_refused", detail="requests"))
                self._server.timeout = min(left, 0.25)
                self._server.handle_request()
            result = self._result
            if result.state != state:
                raise IssuanceError("The answer from the sign-in page does not belong to this request (state).",
                                    error="state_mismatch", message=msg("receive.login_refused", detail="state"))
            if result.error:
                raise IssuanceError(f"The issuer did not authorize the request ({result.error[:80]}).",
                                    error=result.error, description=result.error_description,
                                    message=msg("receive.login_denied", error=result.error[:80]))
            if not result.code:
                raise IssuanceError("The sign-in page sent no authorization code.", error="no_code",
                                    message=msg("receive.login_refused", detail="code"))
            return result
        finally:
            self.close()

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self._server.server_close()

    def __enter__(self) -> LoopbackListener:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def deliver(listener: LoopbackListener, redirect: str, *, timeout: float = 10.0) -> None:
    """Hand a redirect the wallet received itself to ``listener`` (headless mode), over loopback only."""
    if not redirect.startswith(listener.redirect_uri + "?") and redirect != listener.redirect_uri:
        raise UsageError("The issuer redirected somewhere other than the wallet's listener.",
                         message=msg("receive.login_refused", detail="redirect"))
    parts = urlsplit(redirect)

    def send() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", listener.port, timeout=timeout)
        try:
            conn.request("GET", f"{parts.path}?{parts.query}")
            conn.getresponse().read()
        except (OSError, http.client.HTTPException):
            return  # the listener's wait() times out and says so; there is nobody else to tell here
        finally:
            conn.close()

    # the caller's listener.wait() serves the request; this thread only sends it (and ends with it)
    threading.Thread(target=send, name="wallet-loopback-deliver", daemon=True).start()


def authorize_headless(client: Any, url: str, listener: LoopbackListener) -> None:
    """Follow the authorization URL without a browser, as far as a redirect back to the listener.

    Only an issuer that approves without asking anything (the reference peer's
    ``--auto-approve``) can be signed in this way: a sign-in page instead of a
    redirect means a person is needed, and the wallet says so.
    """
    from wallet.online.settings import FetchKind  # deferred: keeps this module's imports small

    current = url
    for _hop in range(4):
        resp = client.get(current, kind=FetchKind.OAUTH, follow_redirects=False, check_status=False,
                          purpose="authorization (headless)", headers={"Accept": "text/html"})
        location = resp.header("location")
        if resp.status in (301, 302, 303, 307, 308) and location:
            if location.startswith(listener.redirect_uri):
                deliver(listener, location)
                return
            from urllib.parse import urljoin

            current = urljoin(current, location)
            continue
        break
    raise IssuanceError("The issuer wants you to sign in on its page: run without --no-browser.",
                        error="interaction_required", message=msg("receive.browser_needed"))
