"""Security headers on every response, and which proxies to believe.

The viewer page decrypts a learner's credentials with a key from the URL
fragment, so whatever script runs on the page can read them: the CSP allows
scripts from this origin only (no inline script, no third party, no
``eval``), ``connect-src 'self'`` keeps the page from sending anything
elsewhere, and ``Referrer-Policy: no-referrer`` keeps the share URL out of
other sites' logs. HSTS is sent when the request arrived over TLS — directly
(``--tls-cert``) or through a proxy listed in ``--trust-proxy`` that set
``X-Forwarded-Proto: https`` — because over plain HTTP the page could be
replaced in transit (PrivateBin's warning, the share-service design in docs/SHARE_SERVICE.md).
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data: blob:; "
    "style-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), "
    "accelerometer=(), gyroscope=(), magnetometer=(), interest-cohort=(), browsing-topics=()"
)
HSTS = "max-age=31536000"

BASE_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"referrer-policy", b"no-referrer"),
    (b"x-content-type-options", b"nosniff"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", PERMISSIONS_POLICY.encode()),
    (b"x-robots-tag", b"noindex, nofollow"),
)


class SecurityHeaders:
    """Pure ASGI middleware: adds the headers above to every HTTP response, whatever produced it."""

    def __init__(self, app: ASGIApp, *, always_hsts: bool = False) -> None:
        self.app = app
        self.always_hsts = always_hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        hsts = self.always_hsts or scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                present = {name.lower() for name, _ in headers}
                extra: Iterable[tuple[bytes, bytes]] = BASE_HEADERS
                if hsts:
                    extra = (*BASE_HEADERS, (b"strict-transport-security", HSTS.encode()))
                headers.extend(h for h in extra if h[0] not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def with_trusted_proxies(app: ASGIApp, proxies: tuple[str, ...]) -> ASGIApp:
    """Believe ``X-Forwarded-For``/``-Proto`` from these addresses only (uvicorn's middleware)."""
    if not proxies:
        return app
    from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

    return ProxyHeadersMiddleware(app, trusted_hosts=list(proxies))  # type: ignore[arg-type,return-value]
