"""FakeShareService: a test stand-in for the share service, on loopback.

It implements exactly the contract the web page relies on, and nothing more:

* ``GET /s/<id>`` -> the built ``resources/viewer/index.html`` (the same page
  for every id); ``GET /assets/<file>`` -> the built assets;
* ``GET /api/shares/<id>/meta`` -> ``{"expires", "one_time", "size"}``;
* ``GET /api/shares/<id>`` -> the ciphertext; 404 missing or expired;
  409 ``{"error": "one-time"}`` for a one-time share;
* ``POST /api/shares/<id>/claim`` -> the ciphertext; a one-time share is
  deleted by it;
* the Content-Security-Policy of the contract on every response.

The real service (``wallet share-server``) is written in parallel and replaces
this fake in the final integration tests. Every request is logged so tests can
check what the page asked for (and that the key never reached the server).
"""

from __future__ import annotations

import json
import re
import secrets
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CSP = ("default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data: blob:; "
       "style-src 'self'; font-src 'self'")
_ID = re.compile(r"^[A-Za-z0-9_-]{8,128}$")
_ASSET = re.compile(r"^[A-Za-z0-9._-]{1,100}$")
_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
          ".html": "text/html; charset=utf-8"}


@dataclass
class Share:
    blob: bytes
    expires: datetime
    one_time: bool = False


@dataclass
class FakeShareService:
    viewer_dir: Path
    shares: dict[str, Share] = field(default_factory=dict)
    log: list[tuple[str, str]] = field(default_factory=list)
    asset_overrides: dict[str, bytes] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None

    # ---------------------------------------------------------- test controls

    def add(self, blob: bytes, *, one_time: bool = False, expires: datetime | None = None) -> str:
        share_id = secrets.token_urlsafe(16)  # 128 random bits
        with self.lock:
            self.shares[share_id] = Share(blob, expires or datetime.now(UTC) + timedelta(days=30), one_time)
        return share_id

    def replace_blob(self, share_id: str, blob: bytes) -> None:
        with self.lock:
            self.shares[share_id].blob = blob

    def requests_for(self, share_id: str) -> list[tuple[str, str]]:
        with self.lock:
            return [(m, p) for m, p in self.log if share_id in p]

    @property
    def base_url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    # ---------------------------------------------------------- lifecycle

    def start(self) -> FakeShareService:
        service = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                return  # the test log is service.log

            def _send(self, status: int, body: bytes, content_type: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Content-Security-Policy", CSP)
                self.send_header("X-Content-Type-Options", "nosniff")
                self.send_header("Referrer-Policy", "no-referrer")
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

            def _json(self, status: int, obj: object) -> None:
                self._send(status, json.dumps(obj).encode(), "application/json")

            def _live(self, share_id: str) -> Share | None:
                share = service.shares.get(share_id)
                if share is not None and share.expires <= datetime.now(UTC):
                    del service.shares[share_id]  # expiry is enforced on read, as the service does
                    return None
                return share

            def do_GET(self) -> None:  # noqa: N802
                with service.lock:
                    service.log.append(("GET", self.path))
                path = self.path.split("?", 1)[0]
                parts = path.strip("/").split("/")
                if len(parts) == 2 and parts[0] == "s":
                    self._send(200, (service.viewer_dir / "index.html").read_bytes(), _TYPES[".html"])
                elif len(parts) == 2 and parts[0] == "assets" and _ASSET.match(parts[1]):
                    file = service.viewer_dir / "assets" / parts[1]
                    body = service.asset_overrides.get(parts[1])
                    if body is None and file.is_file():
                        body = file.read_bytes()
                    if body is None:
                        self._json(404, {"error": "not found"})
                        return
                    self._send(200, body, _TYPES.get(file.suffix, "application/octet-stream"))
                elif len(parts) in (3, 4) and parts[:2] == ["api", "shares"] and _ID.match(parts[2]):
                    with service.lock:
                        share = self._live(parts[2])
                    if share is None:
                        self._json(404, {"error": "not found"})
                    elif len(parts) == 4 and parts[3] == "meta":
                        self._json(200, {"expires": share.expires.isoformat().replace("+00:00", "Z"),
                                         "one_time": share.one_time, "size": len(share.blob)})
                    elif len(parts) == 3 and share.one_time:
                        self._json(409, {"error": "one-time"})
                    elif len(parts) == 3:
                        self._send(200, share.blob, "application/octet-stream")
                    else:
                        self._json(404, {"error": "not found"})
                else:
                    self._json(404, {"error": "not found"})

            def do_POST(self) -> None:  # noqa: N802
                with service.lock:
                    service.log.append(("POST", self.path))
                parts = self.path.split("?", 1)[0].strip("/").split("/")
                if len(parts) == 4 and parts[:2] == ["api", "shares"] and parts[3] == "claim" and _ID.match(parts[2]):
                    with service.lock:
                        share = self._live(parts[2])
                        if share is not None and share.one_time:
                            del service.shares[parts[2]]  # burnt by the claim
                    if share is None:
                        self._json(404, {"error": "not found"})
                    else:
                        self._send(200, share.blob, "application/octet-stream")
                else:
                    self._json(404, {"error": "not found"})

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-share-service", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
