"""`wallet share-server`: run the share service for hosted, end-to-end encrypted links.

Starlette, uvicorn and psycopg are imported only when this command runs, so
``wallet --help`` and every other command stay fast.
"""

from __future__ import annotations

import argparse
from pathlib import Path

DEFAULT_PORT = 8080


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "share-server",
        help="run the share service that stores hosted links' sealed packages (docs/SHARE_SERVICE.md)",
        description="Serve the share service. Prints the URL it listens on as its first line; "
        "stops cleanly on SIGTERM or Ctrl-C.",
    )
    p.add_argument("--db", metavar="URL",
                   help="sqlite:///FILE (default: share-server.db in the user data folder) or postgresql://…")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0 = any free port)")
    p.add_argument("--public-url", metavar="URL",
                   help="the base of the links handed out, as people reach it (default: the listening URL)")
    p.add_argument("--static", metavar="DIR", help="the viewer page's folder (default: the bundled resources/viewer)")
    p.add_argument("--tls-cert", metavar="FILE", help="serve HTTPS with this certificate chain (PEM)")
    p.add_argument("--tls-key", metavar="FILE", help="the certificate's private key (PEM)")
    p.add_argument("--trust-proxy", metavar="ADDR[,ADDR]", default="",
                   help="believe X-Forwarded-For/-Proto from these proxy addresses only")
    p.add_argument("--hsts", action="store_true", help="send HSTS even on plain HTTP (TLS ends at a proxy)")
    p.add_argument("--upload-limit", default="60/h", metavar="N/PERIOD",
                   help="uploads and deletes per client address (token bucket; default 60/h; 'off')")
    p.add_argument("--read-limit", default="300/min", metavar="N/PERIOD",
                   help="reads per client address (default 300/min; 'off')")
    p.add_argument("--sweep-interval", type=float, default=60.0, metavar="SECONDS",
                   help="how often expired shares are deleted (default 60; reads check expiry too)")
    p.add_argument("--access-log", action="store_true",
                   help="log each request (off by default: paths contain share ids)")
    p.set_defaults(func=cmd_share_server)


def default_db_url() -> str:
    import platformdirs

    from wallet.storage.paths import APP_NAME

    return "sqlite:///" + str(Path(platformdirs.user_data_dir(APP_NAME)) / "share-server.db")


def default_static_dir() -> Path | None:
    from wallet.resources import resources_dir

    try:
        return resources_dir() / "viewer"
    except FileNotFoundError:
        return None


def cmd_share_server(args: argparse.Namespace) -> int:
    from wallet.errors import UsageError
    from wallet.sharing.server.config import RateLimit, ServerConfig
    from wallet.sharing.server.store import open_store

    if not 0 <= args.port <= 65535:
        raise UsageError("--port must be between 0 and 65535")
    static = Path(args.static).expanduser() if args.static else default_static_dir()
    proxies = tuple(a.strip() for a in args.trust_proxy.split(",") if a.strip())
    config = ServerConfig(
        public_url=args.public_url or "http://127.0.0.1",  # replaced by the listening URL when not given
        static_dir=static,
        upload_limit=RateLimit.parse(args.upload_limit),
        read_limit=RateLimit.parse(args.read_limit),
        trusted_proxies=proxies,
        hsts=args.hsts,
        sweep_interval=args.sweep_interval,
    )
    store = open_store(args.db or default_db_url())
    try:
        from wallet.sharing.server.run import serve

        return serve(
            config,
            store,
            host=args.host,
            port=args.port,
            tls_cert=Path(args.tls_cert) if args.tls_cert else None,
            tls_key=Path(args.tls_key) if args.tls_key else None,
            access_log=args.access_log,
            public_url_given=bool(args.public_url),
        )
    finally:
        store.close()
