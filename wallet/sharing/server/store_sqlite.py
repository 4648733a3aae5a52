"""The embedded store: one SQLite file, zero configuration, for a single machine.

* WAL, so readers never wait for the writer; ``synchronous=FULL``, so a share
  the service answered ``201`` for survives a power cut.
* ``secure_delete=ON``: deleted rows (and freed overflow pages of big blobs)
  are overwritten with zeros, not just unlinked. After each delete a
  ``wal_checkpoint(TRUNCATE)`` copies the zeroed pages into the main file and
  empties the WAL, so the old frames holding the blob are gone from disk too
  (the sweeper retries a checkpoint that readers blocked).
* One writer connection behind a lock (SQLite serialises writers anyway, and a
  lock is fairer than its busy handler's sleeps); one read-only connection per
  worker thread.
* The file and its WAL are created readable by the owner only.
"""

from __future__ import annotations

import hmac
import logging
import os
import sqlite3
import threading
from pathlib import Path

from wallet.sharing.server.store import (
    SCHEMA_VERSION,
    DeleteOutcome,
    NewShare,
    SchemaTooNew,
    ShareMeta,
    ShareStore,
    StoredShare,
)

log = logging.getLogger("wallet.share_server")

SCHEMA = """
CREATE TABLE IF NOT EXISTS shares (
    id TEXT PRIMARY KEY,
    blob BLOB NOT NULL,
    delete_hash BLOB NOT NULL,
    expires INTEGER NOT NULL,
    one_time INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS shares_expires ON shares (expires);
CREATE TABLE IF NOT EXISTS share_schema (version INTEGER NOT NULL);
"""


class SqliteStore(ShareStore):
    backend = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self.path.exists():
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        self._lock = threading.Lock()
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        self._writer = self._connect()
        self._writer.execute("PRAGMA journal_mode=WAL")
        with self._lock:
            self._writer.execute("BEGIN IMMEDIATE")
            try:
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        self._writer.execute(statement)
                row = self._writer.execute("SELECT max(version) FROM share_schema").fetchone()
                if row[0] is None:
                    self._writer.execute("INSERT INTO share_schema (version) VALUES (?)", (SCHEMA_VERSION,))
                elif row[0] > SCHEMA_VERSION:
                    raise SchemaTooNew(
                        f"{self.path} was made by a newer share server (schema {row[0]}); refusing to open it"
                    )
                self._writer.execute("COMMIT")
            except BaseException:
                self._writer.execute("ROLLBACK")
                self._writer.close()
                raise

    def _connect(self, *, read_only: bool = False) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=10.0)
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA temp_store=MEMORY")
        if read_only:
            conn.execute("PRAGMA query_only=ON")
        return conn

    def _reader(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect(read_only=True)
            self._local.conn = conn
            with self._readers_lock:
                self._readers.append(conn)
        return conn

    def _delete_ids(self, sql: str, params: tuple[object, ...]) -> int:
        with self._lock:
            count = self._writer.execute(sql, params).rowcount
            if count:
                self._checkpoint_locked()
        return count

    def _checkpoint_locked(self) -> bool:
        busy, _, _ = self._writer.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return busy == 0

    def checkpoint(self) -> bool:
        """Empty the WAL into the main file; False if readers kept it from finishing."""
        with self._lock:
            return self._checkpoint_locked()

    def create(self, share: NewShare) -> bool:
        with self._lock:
            try:
                self._writer.execute(
                    "INSERT INTO shares (id, blob, delete_hash, expires, one_time) VALUES (?, ?, ?, ?, ?)",
                    (share.share_id, share.blob, share.delete_hash, share.expires, int(share.one_time)),
                )
            except sqlite3.IntegrityError:
                return False
        return True

    def get(self, share_id: str, now: int) -> StoredShare | None:
        row = self._reader().execute(
            "SELECT blob, expires, one_time FROM shares WHERE id = ?", (share_id,)
        ).fetchone()
        if row is None:
            return None
        if row[1] <= now:
            self._delete_ids("DELETE FROM shares WHERE id = ? AND expires <= ?", (share_id, now))
            return None
        return StoredShare(bytes(row[0]), int(row[1]), bool(row[2]))

    def meta(self, share_id: str, now: int) -> ShareMeta | None:
        row = self._reader().execute(
            "SELECT expires, one_time, length(blob) FROM shares WHERE id = ?", (share_id,)
        ).fetchone()
        if row is None:
            return None
        if row[0] <= now:
            self._delete_ids("DELETE FROM shares WHERE id = ? AND expires <= ?", (share_id, now))
            return None
        return ShareMeta(int(row[0]), bool(row[1]), int(row[2]))

    def claim(self, share_id: str, now: int) -> StoredShare | None:
        with self._lock:
            row = self._writer.execute(
                "DELETE FROM shares WHERE id = ? AND one_time = 1 AND expires > ? RETURNING blob, expires",
                (share_id, now),
            ).fetchone()
            if row is not None:
                self._checkpoint_locked()
                return StoredShare(bytes(row[0]), int(row[1]), True)
        found = self.get(share_id, now)
        # A one-time share seen here was claimed by someone else in between,
        # or expired: it is not handed out twice.
        return found if found is not None and not found.one_time else None

    def delete(self, share_id: str, token_hash: bytes) -> DeleteOutcome:
        row = self._reader().execute("SELECT delete_hash FROM shares WHERE id = ?", (share_id,)).fetchone()
        if row is None:
            return DeleteOutcome.NOT_FOUND
        if not hmac.compare_digest(bytes(row[0]), token_hash):
            return DeleteOutcome.FORBIDDEN
        removed = self._delete_ids("DELETE FROM shares WHERE id = ? AND delete_hash = ?", (share_id, token_hash))
        return DeleteOutcome.DELETED if removed else DeleteOutcome.NOT_FOUND

    def sweep(self, now: int) -> int:
        removed = self._delete_ids("DELETE FROM shares WHERE expires <= ?", (now,))
        if not removed and not self.checkpoint():
            log.info("WAL checkpoint postponed: readers were busy")
        return removed

    def ping(self) -> None:
        self._reader().execute("SELECT 1").fetchone()

    def close(self) -> None:
        with self._readers_lock:
            readers, self._readers = self._readers, []
        for conn in readers:
            conn.close()
        with self._lock:
            self._checkpoint_locked()
            self._writer.close()
