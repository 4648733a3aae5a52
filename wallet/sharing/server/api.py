"""The JSON API: upload, read, meta, claim, delete (``docs/SHARE_SERVICE.md``).

The service treats every body as opaque bytes. It checks only what protects
it and its users without reading anything: the size cap, the ``WSB1`` prefix
of a sealed package (so a buggy client that uploads plaintext is refused
rather than published), the content type (a cross-site HTML form cannot send
``application/octet-stream``), and the rate limits. It fetches nothing, ever.

Database calls run in worker threads; the rate limiter runs on the event loop.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from wallet.sharing.hosted import ID_BYTES, MAGIC, NONCE_BYTES, TAG_BYTES, b64url
from wallet.sharing.server.config import ServerConfig
from wallet.sharing.server.ratelimit import TokenBuckets, client_key, retry_after
from wallet.sharing.server.store import DeleteOutcome, NewShare, ShareStore

SHARE_ID = re.compile(r"^[A-Za-z0-9_-]{22}$")
TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")
DIGITS = re.compile(r"^[0-9]{1,12}$")  # ASCII only: str.isdigit() also accepts "²", which int() refuses
_MIN_BLOB = len(MAGIC) + NONCE_BYTES + TAG_BYTES
NO_STORE = {"Cache-Control": "no-store"}


class ApiError(Exception):
    """An expected failure, answered as ``{"error": code, "message": sentence}``."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status, headers={**NO_STORE, **(headers or {})})


def iso(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def token_hash(token: str) -> bytes:
    return hashlib.sha256(token.encode("ascii")).digest()


class ShareApi:
    """The endpoints, bound to one store and configuration."""

    def __init__(self, config: ServerConfig, store: ShareStore) -> None:
        self.config = config
        self.store = store
        self.uploads = TokenBuckets(config.upload_limit, config.clock) if config.upload_limit else None
        self.reads = TokenBuckets(config.read_limit, config.clock) if config.read_limit else None

    def now(self) -> int:
        return int(self.config.clock())

    def _limit(self, request: Request, buckets: TokenBuckets | None) -> None:
        if buckets is None:
            return
        wait = buckets.take(client_key(request.client.host if request.client else None))
        if wait > 0:
            raise ApiError(429, "rate-limited", "Too many requests from your address; try again later.",
                           {"Retry-After": retry_after(wait)})

    def _share_id(self, request: Request) -> str:
        share_id = str(request.path_params["share_id"])
        if not SHARE_ID.match(share_id):
            raise ApiError(404, "not-found", "There is no such share (it may have expired or been deleted).")
        return share_id

    async def _body(self, request: Request) -> bytes:
        media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media != "application/octet-stream":
            raise ApiError(415, "unsupported-media-type", "Upload the sealed package as application/octet-stream.")
        too_big = ApiError(413, "too-large", f"A share may be at most {self.config.max_blob:,} bytes.")
        declared = request.headers.get("content-length")
        if declared is not None and not DIGITS.match(declared):
            raise ApiError(400, "bad-request", "Invalid Content-Length.")
        if declared is not None and int(declared) > self.config.max_blob:
            raise too_big
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > self.config.max_blob:
                raise too_big
        if len(body) < _MIN_BLOB or body[: len(MAGIC)] != MAGIC:
            raise ApiError(400, "not-sealed", "The body is not a sealed wallet package (it must start with WSB1).")
        return bytes(body)

    def _upload_options(self, request: Request) -> tuple[int, bool]:
        query = request.query_params
        unknown = sorted(set(query.keys()) - {"expires", "one_time"})
        if unknown or any(len(query.getlist(k)) > 1 for k in query.keys()):
            raise ApiError(400, "bad-request", "Only the query parameters expires and one_time are understood, once each.")
        expires = self.config.default_expires
        if "expires" in query:
            text = query["expires"]
            if not DIGITS.match(text):
                raise ApiError(400, "bad-expires", "expires must be a whole number of seconds.")
            expires = int(text)
        if not self.config.min_expires <= expires <= self.config.max_expires:
            raise ApiError(400, "bad-expires", f"expires must be between {self.config.min_expires:,} and "
                           f"{self.config.max_expires:,} seconds.")
        one_time_text = query.get("one_time", "0")
        if one_time_text not in ("0", "1", "true", "false"):
            raise ApiError(400, "bad-request", "one_time must be 1 or 0.")
        return expires, one_time_text in ("1", "true")

    async def upload(self, request: Request) -> Response:
        self._limit(request, self.uploads)
        expires_in, one_time = self._upload_options(request)
        blob = await self._body(request)
        token = b64url(os.urandom(32))
        expires = self.now() + expires_in
        for _ in range(4):
            share_id = b64url(os.urandom(ID_BYTES))
            share = NewShare(share_id, blob, token_hash(token), expires, one_time)
            if await run_in_threadpool(self.store.create, share):
                break
        else:  # four collisions of 128 random bits: the random source is broken
            raise ApiError(500, "internal", "Could not allocate a share id.")
        body = {
            "id": share_id,
            "delete_token": token,
            "expires": iso(expires),
            "one_time": one_time,
            "url": f"{self.config.public_url}/s/{share_id}",
        }
        return JSONResponse(body, 201, headers={**NO_STORE, "Location": f"/api/shares/{share_id}"})

    def _blob_response(self, blob: bytes) -> Response:
        return Response(blob, 200, media_type="application/octet-stream", headers=NO_STORE)

    async def read(self, request: Request) -> Response:
        self._limit(request, self.reads)
        share_id = self._share_id(request)
        share = await run_in_threadpool(self.store.get, share_id, self.now())
        if share is None:
            raise ApiError(404, "not-found", "There is no such share (it may have expired or been deleted).")
        if share.one_time:
            raise ApiError(409, "one-time", "This link can be opened once; claim it to open it.")
        return self._blob_response(share.blob)

    async def meta(self, request: Request) -> Response:
        self._limit(request, self.reads)
        share_id = self._share_id(request)
        meta = await run_in_threadpool(self.store.meta, share_id, self.now())
        if meta is None:
            raise ApiError(404, "not-found", "There is no such share (it may have expired or been deleted).")
        return JSONResponse({"expires": iso(meta.expires), "one_time": meta.one_time, "size": meta.size},
                            headers=NO_STORE)

    async def claim(self, request: Request) -> Response:
        self._limit(request, self.reads)
        share_id = self._share_id(request)
        share = await run_in_threadpool(self.store.claim, share_id, self.now())
        if share is None:
            raise ApiError(404, "not-found", "There is no such share (it was opened already, expired or deleted).")
        return self._blob_response(share.blob)

    async def delete(self, request: Request) -> Response:
        self._limit(request, self.uploads)
        share_id = self._share_id(request)
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ApiError(401, "unauthorized", "Deleting a share needs its delete token (Authorization: Bearer).",
                           {"WWW-Authenticate": 'Bearer realm="share"'})
        token = token.strip()
        # A malformed token cannot match any stored SHA-256 (an empty digest never compares equal).
        digest = token_hash(token) if TOKEN.match(token) else b""
        outcome = await run_in_threadpool(self.store.delete, share_id, digest)
        if outcome is DeleteOutcome.NOT_FOUND:
            raise ApiError(404, "not-found", "There is no such share (it may have expired or been deleted).")
        if outcome is DeleteOutcome.FORBIDDEN:
            raise ApiError(403, "forbidden", "This is not the delete token of this share.")
        return Response(status_code=204, headers=NO_STORE)

    async def health(self, request: Request) -> Response:  # noqa: ARG002 - Starlette's endpoint signature
        try:
            await run_in_threadpool(self.store.ping)
        except Exception:  # noqa: BLE001 - any database failure means "unhealthy", said without details
            return error_response(503, "unavailable", "The database cannot be reached.")
        return JSONResponse({"status": "ok"}, headers=NO_STORE)


Endpoint = Callable[[Request], Awaitable[Response]]


def handles_errors(endpoint: Endpoint) -> Endpoint:
    """Turn an ``ApiError`` into its JSON answer (kept local: no global handler hides bugs)."""

    async def wrapped(request: Request) -> Response:
        try:
            return await endpoint(request)
        except ApiError as exc:
            return error_response(exc.status, exc.code, exc.message, exc.headers)

    return wrapped

