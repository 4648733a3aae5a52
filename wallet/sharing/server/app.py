"""The ASGI application: routes, the viewer page, security headers, the sweeper.

``create_app(config, store)`` is what both uvicorn (``wallet share-server``)
and the in-process tests run. The store is opened and closed by the caller.

Routes::

    POST   /api/shares                 upload a sealed package
    GET    /api/shares/{id}            the package (409 for a one-time share)
    GET    /api/shares/{id}/meta       expiry, one-time flag, size (never burns)
    POST   /api/shares/{id}/claim      the package; a one-time share is deleted
    DELETE /api/shares/{id}            hard delete with the delete token
    GET    /api/health                 database reachable?
    GET    /s/{id}                     the viewer page (the same for every id)
    GET    /assets/{file}              the viewer's static files (``<static>/assets/``)

Why Starlette on uvicorn: the service is a handful of routes over bytes, and
Starlette is the small ASGI toolkit with exactly the parts used here (routing,
streamed request bodies for the size cap, static files with path-traversal
checks, lifespan for the sweeper) without FastAPI's validation layer, which
would add nothing to opaque bodies. uvicorn serves it with TLS and graceful
SIGTERM handling.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import mimetypes
from collections.abc import AsyncIterator
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp

from wallet.sharing.server.api import ShareApi, error_response, handles_errors
from wallet.sharing.server.config import ServerConfig
from wallet.sharing.server.security import SecurityHeaders, with_trusted_proxies
from wallet.sharing.server.store import ShareStore

log = logging.getLogger("wallet.share_server")

# With nosniff, a script served as text/plain does not run: name the types
# Python's table may lack.
for _type, _ext in (("text/javascript", ".js"), ("text/javascript", ".mjs"), ("application/wasm", ".wasm"),
                    ("font/woff2", ".woff2"), ("image/svg+xml", ".svg"), ("application/json", ".json")):
    mimetypes.add_type(_type, _ext)

NOT_INSTALLED = (
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Viewer not installed</title></head>"
    "<body><h1>The viewer is not installed</h1><p>This share service has no viewer page installed, so shared "
    "links cannot be opened here. The operator can install it with <code>--static DIR</code>.</p></body></html>"
)


class RevalidatedStaticFiles(StaticFiles):
    """Static files that browsers re-check (ETag) before use: a stale script would fail its SRI pin."""

    async def check_config(self) -> None:
        # A missing viewer folder means "not installed": assets answer 404 and
        # /s/… a 503 page, instead of Starlette's RuntimeError on each request.
        if self.directory is not None and not Path(self.directory).is_dir():
            return
        await super().check_config()

    def file_response(self, *args: object, **kwargs: object) -> Response:
        response = super().file_response(*args, **kwargs)  # type: ignore[arg-type]
        response.headers["Cache-Control"] = "no-cache"
        return response


def _viewer_routes(static_dir: Path | None) -> list[Route | Mount]:
    index = static_dir / "index.html" if static_dir else None

    async def viewer(request: Request) -> Response:  # noqa: ARG001 - the id is for the page, not the server
        if index is None or not index.is_file():
            return HTMLResponse(NOT_INSTALLED, 503, headers={"Cache-Control": "no-store"})
        return FileResponse(index, media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-cache"})

    routes: list[Route | Mount] = [Route("/s/{share_id}", viewer, methods=["GET", "HEAD"])]
    if static_dir is not None:
        # The viewer's script is ~500 kB; gzip makes it ~120 kB. Only these
        # public, secret-free files are compressed (never API answers).
        assets = RevalidatedStaticFiles(directory=static_dir / "assets", check_dir=False)
        routes.append(Mount("/assets", GZipMiddleware(assets, minimum_size=1024), name="assets"))
    return routes


async def _front(request: Request) -> Response:  # noqa: ARG001
    return PlainTextResponse("Learner wallet share service. Shared links look like /s/<id>#v=1&k=<key>.\n")


async def _robots(request: Request) -> Response:  # noqa: ARG001
    return PlainTextResponse("User-agent: *\nDisallow: /\n")


async def _http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    if request.url.path.startswith("/api/"):
        code = {404: "not-found", 405: "method-not-allowed"}.get(status, "error")
        return error_response(status, code, "No such endpoint." if status == 404 else "Method not allowed here.")
    return PlainTextResponse("Not found.\n" if status == 404 else "Not allowed.\n", status)


async def _sweeper(api: ShareApi, interval: float) -> None:
    """Hard-delete expired shares every ``interval`` seconds (reads enforce expiry in between)."""
    while True:
        await asyncio.sleep(interval)
        try:
            removed = await run_in_threadpool(api.store.sweep, api.now())
        except Exception as exc:  # noqa: BLE001 - a failed sweep is retried next time, never fatal
            log.warning("expiry sweep failed: %s", type(exc).__name__)
            continue
        if removed:
            log.info("expiry sweep removed %d shares", removed)


def create_app(config: ServerConfig, store: ShareStore) -> ASGIApp:
    api = ShareApi(config, store)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:  # noqa: ARG001
        task = asyncio.create_task(_sweeper(api, config.sweep_interval))
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    routes: list[Route | Mount] = [
        Route("/", _front, methods=["GET", "HEAD"]),
        Route("/robots.txt", _robots, methods=["GET", "HEAD"]),
        Route("/api/health", handles_errors(api.health), methods=["GET"]),
        Route("/api/shares", handles_errors(api.upload), methods=["POST"]),
        Route("/api/shares/{share_id}", handles_errors(api.read), methods=["GET"]),
        Route("/api/shares/{share_id}", handles_errors(api.delete), methods=["DELETE"]),
        Route("/api/shares/{share_id}/meta", handles_errors(api.meta), methods=["GET"]),
        Route("/api/shares/{share_id}/claim", handles_errors(api.claim), methods=["POST"]),
        *_viewer_routes(config.static_dir),
    ]
    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers={HTTPException: _http_error})
    app.state.api = api
    inner: ASGIApp = SecurityHeaders(app, always_hsts=config.hsts)
    return with_trusted_proxies(inner, config.trusted_proxies)


def share_api(app: ASGIApp) -> ShareApi:
    """The ``ShareApi`` inside an app made by :func:`create_app` (tests and the runner use it)."""
    inner: object = app
    while not isinstance(inner, Starlette):
        inner = getattr(inner, "app")  # noqa: B009 - each middleware keeps the next app as .app
    api = inner.state.api
    assert isinstance(api, ShareApi)
    return api


__all__ = ["create_app", "share_api"]
