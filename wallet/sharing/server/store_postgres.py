"""The shared store: PostgreSQL, for several stateless service instances.

Blobs live in a ``bytea`` column rather than an S3-compatible object store:
a share is at most 2 MiB, and one database keeps the blob, its expiry and its
delete-token hash in **one row**, so "claim a one-time link" and "delete"
are single atomic statements (``DELETE … RETURNING``) across every instance.
With an object store, a delete would be two systems to keep consistent (a
crash between them leaves a readable blob or a dangling row), and a one-time
claim would need a lock service. The column is ``STORAGE EXTERNAL``: the
ciphertext is incompressible, so PostgreSQL should not try.

Connections come from a ``psycopg_pool`` pool in autocommit mode; every
operation is one statement (plus a read for the constant-time token check).
The schema is created on start under an advisory lock, so instances starting
together do not race on ``CREATE TABLE``.
"""

from __future__ import annotations

import hmac
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool

from wallet.errors import UsageError
from wallet.sharing.server.store import (
    SCHEMA_VERSION,
    DeleteOutcome,
    NewShare,
    SchemaTooNew,
    ShareMeta,
    ShareStore,
    StoredShare,
    redact_url,
)

#: An arbitrary constant naming "the share service's schema" for pg_advisory_xact_lock.
_SCHEMA_LOCK = 0x57534231
POOL_MAX = 16

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS shares (
        id text PRIMARY KEY,
        blob bytea NOT NULL,
        delete_hash bytea NOT NULL,
        expires bigint NOT NULL,
        one_time boolean NOT NULL
    )""",
    "ALTER TABLE shares ALTER COLUMN blob SET STORAGE EXTERNAL",
    "CREATE INDEX IF NOT EXISTS shares_expires ON shares (expires)",
    "CREATE TABLE IF NOT EXISTS share_schema (version integer NOT NULL)",
)


class PostgresStore(ShareStore):
    backend = "postgresql"

    def __init__(self, url: str, *, pool_max: int = POOL_MAX) -> None:
        self.url = url
        # One direct connection first: a wrong URL or a database that is down
        # fails at once with libpq's reason, instead of the pool's retries.
        try:
            with psycopg.connect(url, autocommit=True, connect_timeout=10) as conn:
                self._create_schema(conn)
        except psycopg.Error as exc:
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
            raise UsageError(f"cannot connect to {redact_url(url)}: {reason}") from exc
        self._pool: ConnectionPool[Any] = ConnectionPool(
            url, min_size=1, max_size=pool_max, kwargs={"autocommit": True}, open=False, name="share-server"
        )
        self._pool.open(wait=True, timeout=30.0)

    @staticmethod
    def _create_schema(conn: psycopg.Connection[Any]) -> None:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
            for statement in SCHEMA:
                conn.execute(statement)
            row = conn.execute("SELECT max(version) FROM share_schema").fetchone()
            if row is None or row[0] is None:
                conn.execute("INSERT INTO share_schema (version) VALUES (%s)", (SCHEMA_VERSION,))
            elif row[0] > SCHEMA_VERSION:
                raise SchemaTooNew(f"the database was made by a newer share server (schema {row[0]}); refusing it")

    def create(self, share: NewShare) -> bool:
        with self._pool.connection() as conn:
            try:
                conn.execute(
                    "INSERT INTO shares (id, blob, delete_hash, expires, one_time) VALUES (%s, %b, %b, %s, %s)",
                    (share.share_id, share.blob, share.delete_hash, share.expires, share.one_time),
                )
            except psycopg.errors.UniqueViolation:
                return False
        return True

    def _delete_expired(self, conn: psycopg.Connection[Any], share_id: str, now: int) -> None:
        conn.execute("DELETE FROM shares WHERE id = %s AND expires <= %s", (share_id, now))

    def get(self, share_id: str, now: int) -> StoredShare | None:
        with self._pool.connection() as conn:
            row = conn.cursor(binary=True).execute(
                "SELECT blob, expires, one_time FROM shares WHERE id = %s", (share_id,)
            ).fetchone()
            if row is None:
                return None
            if row[1] <= now:
                self._delete_expired(conn, share_id, now)
                return None
        return StoredShare(bytes(row[0]), int(row[1]), bool(row[2]))

    def meta(self, share_id: str, now: int) -> ShareMeta | None:
        with self._pool.connection() as conn:
            row = conn.execute(
                "SELECT expires, one_time, octet_length(blob) FROM shares WHERE id = %s", (share_id,)
            ).fetchone()
            if row is None:
                return None
            if row[0] <= now:
                self._delete_expired(conn, share_id, now)
                return None
        return ShareMeta(int(row[0]), bool(row[1]), int(row[2]))

    def claim(self, share_id: str, now: int) -> StoredShare | None:
        with self._pool.connection() as conn:
            row = conn.cursor(binary=True).execute(
                "DELETE FROM shares WHERE id = %s AND one_time AND expires > %s RETURNING blob, expires",
                (share_id, now),
            ).fetchone()
        if row is not None:
            return StoredShare(bytes(row[0]), int(row[1]), True)
        found = self.get(share_id, now)
        return found if found is not None and not found.one_time else None

    def delete(self, share_id: str, token_hash: bytes) -> DeleteOutcome:
        with self._pool.connection() as conn:
            row = conn.cursor(binary=True).execute(
                "SELECT delete_hash FROM shares WHERE id = %s", (share_id,)
            ).fetchone()
            if row is None:
                return DeleteOutcome.NOT_FOUND
            if not hmac.compare_digest(bytes(row[0]), token_hash):
                return DeleteOutcome.FORBIDDEN
            cur = conn.execute("DELETE FROM shares WHERE id = %s AND delete_hash = %b", (share_id, token_hash))
            return DeleteOutcome.DELETED if cur.rowcount else DeleteOutcome.NOT_FOUND

    def sweep(self, now: int) -> int:
        with self._pool.connection() as conn:
            return conn.execute("DELETE FROM shares WHERE expires <= %s", (now,)).rowcount

    def ping(self) -> None:
        with self._pool.connection(timeout=5.0) as conn:
            conn.execute("SELECT 1").fetchone()

    def close(self) -> None:
        self._pool.close()
