"""Fixtures for the share service: the same tests run on SQLite and on a real PostgreSQL.

PostgreSQL is a throw-away cluster the session starts itself (``tools/pgcluster.py``:
initdb + pg_ctl on a free loopback port, as the ``postgres`` user when we are
root) and stops at the end. Without PostgreSQL's binaries the PostgreSQL half
skips with a message; with ``WALLET_REQUIRE_POSTGRES=1`` (CI) it fails instead.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import pgcluster  # noqa: E402

from wallet.sharing.server.config import ServerConfig  # noqa: E402
from wallet.sharing.server.store import ShareStore, open_store, sqlite_path  # noqa: E402

T0 = 1_800_000_000.0
VIEWER_HTML = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shared credentials</title>'
    '<script src="/assets/viewer.js" defer></script></head><body><main id="app">Loading…</main></body></html>'
)
VIEWER_JS = 'document.getElementById("app").textContent = "viewer " + location.pathname;\n'


class Clock:
    """A clock the tests move by hand (Unix seconds)."""

    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[pgcluster.PgCluster]:
    if pgcluster.pg_bin_dir() is None:
        msg = ("PostgreSQL is not installed (Debian: apt-get install postgresql; `sh tools/bootstrap.sh test` "
               "installs it as root): the PostgreSQL half of the share-service tests did not run")
        if os.environ.get("WALLET_REQUIRE_POSTGRES") == "1":
            pytest.fail(msg)
        pytest.skip(msg)
    cluster = pgcluster.PgCluster.start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def pg_url(pg_cluster: pgcluster.PgCluster) -> str:
    return pg_cluster.create_database("shares")


def reset_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS shares, share_schema")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/shares.db"
    url: str = request.getfixturevalue("pg_url")
    reset_postgres(url)
    return url


@pytest.fixture
def store(db_url: str) -> Iterator[ShareStore]:
    opened = open_store(db_url)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def viewer_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "viewer"
    folder.mkdir()
    (folder / "index.html").write_text(VIEWER_HTML, encoding="utf-8")
    (folder / "assets").mkdir()
    (folder / "assets" / "viewer.js").write_text(VIEWER_JS, encoding="utf-8")
    return folder


@pytest.fixture
def make_client(store: ShareStore, clock: Clock, viewer_dir: Path) -> Iterator[Callable[..., Any]]:
    """``make_client(**config overrides)`` → a started Starlette TestClient (lifespan on)."""
    from starlette.testclient import TestClient

    from wallet.sharing.server.app import create_app

    clients: list[TestClient] = []

    def make(**overrides: Any) -> TestClient:
        settings: dict[str, Any] = {"public_url": "https://share.example", "static_dir": viewer_dir,
                                    "clock": clock, "upload_limit": None, "read_limit": None}
        settings.update(overrides)
        client = TestClient(create_app(ServerConfig(**settings), store))
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: Callable[..., Any]) -> Any:
    return make_client()


def row_count(db_url: str) -> int:
    """Rows in the shares table, read straight from the database (not through the store)."""
    if db_url.startswith("sqlite:///"):
        with sqlite3.connect(sqlite_path(db_url)) as conn:
            return int(conn.execute("SELECT count(*) FROM shares").fetchone()[0])
    import psycopg

    with psycopg.connect(db_url, autocommit=True) as conn:
        row = conn.execute("SELECT count(*) FROM shares").fetchone()
        assert row is not None
        return int(row[0])


def sealed(payload: bytes = b"") -> bytes:
    """An opaque body the service accepts: the WSB1 prefix, a nonce's worth of bytes, then anything."""
    return b"WSB1" + os.urandom(12) + payload + os.urandom(16)


OCTET = {"Content-Type": "application/octet-stream"}
