"""What is on disk: only ciphertext ever (marker test), deletes are hard (SQLite
file bytes; PostgreSQL rows and table files), and the sweeper removes expired shares."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.share_server.conftest import OCTET, Clock, row_count, sealed
from wallet.sharing.hosted import EvidenceItem, open_package, seal_package
from wallet.sharing.server.store import ShareStore, sqlite_path

MARKER = "MARKER-plaintext-7f3a9c1e-never-on-the-server"


def files_containing(root: Path, needle: bytes, *, prefix: str = "") -> list[str]:
    hits = []
    for path in sorted(root.rglob(f"{prefix}*")):
        if path.is_file() and needle in path.read_bytes():
            hits.append(str(path.relative_to(root)))
    return hits


def flush(db_url: str) -> Path:
    """Push everything the database holds to its files; the folder to scan."""
    if db_url.startswith("sqlite:///"):
        return sqlite_path(db_url).parent
    import psycopg

    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("CHECKPOINT")
        row = conn.execute("SELECT current_setting('data_directory')").fetchone()
    assert row is not None
    return Path(row[0])


def test_marker_never_reaches_the_database(client: Any, db_url: str) -> None:
    """The learner's plaintext (a marker inside a sealed package) is nowhere in the database's files,
    while the ciphertext demonstrably is: the scan would have found the marker."""
    presentation = {"type": ["VerifiablePresentation"], "holder": "did:key:z6Mk",
                    "verifiableCredential": [{"credentialSubject": {"name": MARKER}}]}
    evidence = [EvidenceItem("did-document", "https://issuer.example/.well-known/did.json",
                             datetime(2026, 11, 20, tzinfo=UTC), "application/did+json", {"note": MARKER})]
    key, blob = seal_package(presentation, evidence, now=datetime(2026, 11, 24, tzinfo=UTC))
    created = client.post("/api/shares", content=blob, headers=OCTET).json()
    assert open_package(key, client.get(f"/api/shares/{created['id']}").content).presentation == presentation

    root = flush(db_url)
    assert files_containing(root, blob[16:80]), "the scan must see the stored ciphertext"
    assert files_containing(root, MARKER.encode()) == []
    assert files_containing(root, MARKER.encode("utf-16-le")) == []
    assert files_containing(root, key) == [] and files_containing(root, key.hex().encode()) == []


@pytest.mark.parametrize("how", ["delete", "claim", "sweep"])
def test_sqlite_delete_leaves_no_ciphertext_bytes(tmp_path: Path, how: str) -> None:
    """secure_delete zeroes the row and its overflow pages; the checkpoint empties the WAL."""
    from wallet.sharing.server.store import NewShare
    from wallet.sharing.server.store_sqlite import SqliteStore

    store = SqliteStore(tmp_path / "shares.db")
    try:
        keep, small, big = sealed(os.urandom(300)), sealed(os.urandom(300)), sealed(os.urandom(300_000))
        store.create(NewShare("k" * 22, keep, b"h" * 32, 10_000, False))
        store.create(NewShare("s" * 22, small, b"s" * 32, 1_000, how == "claim"))
        store.create(NewShare("b" * 22, big, b"b" * 32, 1_000, how == "claim"))
        needles = [small[20:84], big[20:84], big[150_000:150_064], big[-80:-16]]
        assert all(files_containing(tmp_path, n, prefix="shares.db") for n in needles)
        if how == "delete":
            from wallet.sharing.server.store import DeleteOutcome

            assert store.delete("s" * 22, b"s" * 32) is DeleteOutcome.DELETED
            assert store.delete("b" * 22, b"b" * 32) is DeleteOutcome.DELETED
        elif how == "claim":
            assert store.claim("s" * 22, 500) is not None and store.claim("b" * 22, 500) is not None
        else:
            assert store.sweep(1_000) == 2
        for needle in needles:
            assert files_containing(tmp_path, needle, prefix="shares.db") == []
        assert files_containing(tmp_path, keep[20:84], prefix="shares.db")  # the other share is intact
        assert store.get("k" * 22, 500) is not None
    finally:
        store.close()


@pytest.mark.postgres
def test_postgres_delete_removes_the_row_and_vacuum_full_the_bytes(pg_url: str) -> None:
    """On PostgreSQL the row is gone at once; its bytes leave the table files at VACUUM FULL
    (docs/SHARE_SERVICE.md says so, and that the WAL keeps them until recycled)."""
    import psycopg

    from tests.share_server.conftest import reset_postgres
    from wallet.sharing.server.store import DeleteOutcome, NewShare, open_store

    reset_postgres(pg_url)
    store = open_store(pg_url)
    try:
        gone, kept = sealed(os.urandom(200_000)), sealed(os.urandom(200_000))
        store.create(NewShare("g" * 22, gone, b"g" * 32, 10**10, False))
        store.create(NewShare("k" * 22, kept, b"k" * 32, 10**10, False))
        assert store.delete("g" * 22, b"g" * 32) is DeleteOutcome.DELETED
        with psycopg.connect(pg_url, autocommit=True) as conn:
            assert conn.execute("SELECT count(*) FROM shares WHERE id = %s", ("g" * 22,)).fetchone() == (0,)
            conn.execute("VACUUM FULL shares")
            conn.execute("CHECKPOINT")
            data = Path(conn.execute("SELECT current_setting('data_directory')").fetchone()[0])  # type: ignore[index]
            files = [data / r[0] for r in conn.execute(
                "SELECT pg_relation_filepath(c.oid) FROM pg_class c WHERE c.oid = 'shares'::regclass "
                "OR c.oid = (SELECT reltoastrelid FROM pg_class WHERE oid = 'shares'::regclass)").fetchall()]
        assert len(files) == 2
        contents = b"".join(p.read_bytes() for p in files)
        assert kept[50_000:50_064] in contents  # the scan sees live data
        assert gone[50_000:50_064] not in contents
    finally:
        store.close()


def test_sweeper_deletes_expired_shares(make_client: Any, clock: Clock, db_url: str) -> None:
    client = make_client(sweep_interval=0.05)
    for _ in range(3):
        client.post("/api/shares?expires=300", content=sealed(), headers=OCTET)
    keep = client.post("/api/shares?expires=600", content=sealed(), headers=OCTET).json()
    assert row_count(db_url) == 4
    clock.advance(301)
    deadline = time.monotonic() + 15
    while row_count(db_url) != 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert row_count(db_url) == 1  # nobody read the expired shares: the sweeper removed them
    assert client.get(f"/api/shares/{keep['id']}").status_code == 200


def test_sweep_and_expiry_boundaries(store: ShareStore) -> None:
    from wallet.sharing.server.store import NewShare

    for i, expires in enumerate((100, 200, 300)):
        store.create(NewShare(f"{i:0>22}", sealed(), b"h" * 32, expires, False))
    assert store.sweep(99) == 0
    assert store.sweep(200) == 2  # "expires" is the first second at which a share is gone
    assert store.get(f"{2:0>22}", 299) is not None and store.get(f"{2:0>22}", 300) is None
    assert store.meta(f"{2:0>22}", 0) is None  # deleted by the read above, not just hidden


def test_id_collision_is_reported_not_overwritten(store: ShareStore) -> None:
    from wallet.sharing.server.store import NewShare

    first = sealed(b"first")
    assert store.create(NewShare("c" * 22, first, b"1" * 32, 10**10, False))
    assert not store.create(NewShare("c" * 22, sealed(b"second"), b"2" * 32, 10**10, False))
    found = store.get("c" * 22, 0)
    assert found is not None and found.blob == first


def test_schema_from_a_newer_server_is_refused(db_url: str) -> None:
    from wallet.sharing.server.store import SchemaTooNew, open_store

    open_store(db_url).close()
    if db_url.startswith("sqlite"):
        import sqlite3

        with sqlite3.connect(sqlite_path(db_url)) as conn:
            conn.execute("UPDATE share_schema SET version = 99")
    else:
        import psycopg

        with psycopg.connect(db_url, autocommit=True) as conn:
            conn.execute("UPDATE share_schema SET version = 99")
    with pytest.raises(SchemaTooNew, match="newer share server"):
        open_store(db_url)


def test_sqlite_file_is_private(tmp_path: Path) -> None:
    from wallet.sharing.server.store_sqlite import SqliteStore

    SqliteStore(tmp_path / "new" / "shares.db").close()
    assert (tmp_path / "new" / "shares.db").stat().st_mode & 0o077 == 0
