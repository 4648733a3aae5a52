"""Run the share service under uvicorn until SIGTERM or SIGINT.

The socket is bound here, before uvicorn starts, so ``--port 0`` yields a real
port to print; the URL is printed (stdout, first line, flushed) only once the
server accepts connections, so a script can wait for that line and connect.
A signal stops the server gracefully (in-flight requests finish), then the
store is closed (SQLite checkpoints its WAL) and the process exits 0.

uvicorn's own proxy-header handling is switched off: by default it believes
``X-Forwarded-For`` from 127.0.0.1, which would let any local client pick its
own rate-limit bucket. Proxies are trusted only when named (``--trust-proxy``).
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import ssl
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import uvicorn

from wallet.errors import UsageError
from wallet.sharing.server.app import create_app
from wallet.sharing.server.config import ServerConfig
from wallet.sharing.server.store import ShareStore

log = logging.getLogger("wallet.share_server")


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (port 0: any free port)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise UsageError(f"cannot listen on {host!r}: {exc.strerror}") from exc
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    sock.set_inheritable(True)
    return sock


def listen_url(sock: socket.socket, tls: bool) -> str:
    host, port = sock.getsockname()[:2]
    if isinstance(ipaddress.ip_address(host), ipaddress.IPv6Address):
        host = f"[{host}]"
    return f"{'https' if tls else 'http'}://{host}:{port}"


def check_tls(cert: Path | None, key: Path | None) -> None:
    """Load the certificate and key once, so a mistake is one clear line before anything starts."""
    if (cert is None) != (key is None):
        raise UsageError("--tls-cert and --tls-key go together")
    if cert is None or key is None:
        return
    try:
        ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(cert, key)
    except (OSError, ssl.SSLError) as exc:
        raise UsageError(f"cannot use the TLS certificate {cert} with key {key}: {exc}") from exc


class _Server(uvicorn.Server):
    """uvicorn's server, announcing readiness and exiting normally after a signal."""

    def __init__(self, config: uvicorn.Config, on_ready: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_ready = on_ready

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if not self.should_exit:
            self._on_ready()

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        await super().shutdown(sockets=sockets)
        # uvicorn re-raises the caught signal after shutdown; we have stopped
        # cleanly and want the store closed and exit status 0 instead.
        captured = getattr(self, "_captured_signals", None)
        if isinstance(captured, list):
            captured.clear()


def serve(
    config: ServerConfig,
    store: ShareStore,
    *,
    host: str,
    port: int,
    tls_cert: Path | None = None,
    tls_key: Path | None = None,
    access_log: bool = False,
    public_url_given: bool = False,
) -> int:
    """Serve until a signal; the caller owns (and closes) ``store``."""
    check_tls(tls_cert, tls_key)
    sock = bind(host, port)
    url = listen_url(sock, tls_cert is not None)
    if not public_url_given:
        config = replace(config, public_url=url)
        if host in ("0.0.0.0", "::", ""):
            print(f"share-server: links will name {url}; set --public-url to the address people reach",
                  file=sys.stderr)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("share-server: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    uv_config = uvicorn.Config(
        create_app(config, store),
        lifespan="on",
        access_log=access_log,
        proxy_headers=False,
        server_header=False,
        log_level="warning",
        ssl_certfile=str(tls_cert) if tls_cert else None,
        ssl_keyfile=str(tls_key) if tls_key else None,
        timeout_graceful_shutdown=10,
    )
    if access_log:  # uvicorn logs requests at INFO; everything else of its own stays at WARNING
        logging.getLogger("uvicorn.access").setLevel(logging.INFO)

    def ready() -> None:
        print(url, flush=True)
        print(f"share-server: serving {store.backend} storage; links use {config.public_url}; "
              "stop with Ctrl-C or SIGTERM", file=sys.stderr, flush=True)

    server = _Server(uv_config, ready)
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
        log.removeHandler(handler)
    if not server.started:
        raise UsageError("the share server did not start (see the messages above)")
    print("share-server: stopped", file=sys.stderr, flush=True)
    return 0
