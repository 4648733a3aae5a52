"""The page check: every page's HMAC, without false alarms from a busy WAL.

``PRAGMA cipher_integrity_check`` reads the main database file directly,
page by page, and recomputes each page's HMAC. It takes no lock and ignores
the WAL. In WAL mode the main file is only guaranteed complete once the WAL
has been copied into it (a checkpoint). While another process imports, the
file legitimately holds pages that are not written yet (zero-filled holes
beyond a page a checkpoint already wrote, their content still in the WAL) or
a page being rewritten at that moment. Under three importing processes and
a backup, about 4% of opens reported "HMAC verification failed" on pages
that were fine (measured: 16 of 420 checks in 30 s; the failing pages were
all zeros on disk, and valid a moment later).

So a failed check is a suspicion, not a verdict. Before saying "damaged",
the check is repeated on a main file that cannot change and holds every
page: this connection opens a read transaction (a snapshot), and a second
connection runs a PASSIVE checkpoint. A checkpoint never copies frames past
an active reader's snapshot, and from the moment everything up to the
snapshot is copied, no checkpoint can write to the main file until the read
transaction ends (SQLite's WAL design: ``walCheckpoint`` backfills only up
to the oldest reader's mark, and needs ``WAL_READ_LOCK(0)`` exclusively,
which a reader of a fully backfilled WAL holds). When the checkpoint reports
every WAL frame copied, the main file is the snapshot, complete and still,
and the repeated check is the verdict: a damaged page fails again; a page
that was merely not written yet passes.

A checkpoint is ordinary SQLite work (every closing connection does one), not
a repair: it copies HMAC-protected frames verbatim, so a tampered frame fails
the repeated check. If the file cannot be made still (other processes keep
writing; a read-only or full disk refuses the checkpoint), the snapshot is
read through SQLite's pager instead, which checks the HMAC of every page it
reads (``PRAGMA integrity_check`` visits every table and index page): damage
to data in use is still found.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from sqlcipher3 import dbapi2 as sqlcipher

from wallet.errors import CorruptVault, VaultError
from wallet.storage import faults

DatabaseError = sqlcipher.DatabaseError

#: Attempts to get a still, complete main file before deciding on the pager's view.
STILL_ATTEMPTS = 4


def _describe(rows: list[Any]) -> str:
    problems = "; ".join(str(r[0]) for r in rows[:5])
    more = f" (and {len(rows) - 5} more)" if len(rows) > 5 else ""
    return f"the vault file failed the page check (cipher_integrity_check): {problems}{more}"


def raw_page_check(conn: Any, doing: str) -> list[Any]:
    """The rows of ``PRAGMA cipher_integrity_check`` (one per failed page; empty when all pass)."""
    try:
        return list(conn.execute("PRAGMA cipher_integrity_check").fetchall())
    except DatabaseError as exc:
        env = faults.environment_error(exc, getattr(conn, "path", None), doing)
        if env is not None:
            raise env from exc
        raise CorruptVault(f"the vault file failed the page check (cipher_integrity_check): {exc}") from exc


def sqlite_integrity_check(conn: Any) -> None:
    """SQLite's own structural check (b-trees, indexes); raise CorruptVault on any finding.

    It reads every table and index page through the pager, so it also checks
    each of those pages' HMAC, on the connection's snapshot.
    """
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except DatabaseError as exc:
        env = faults.environment_error(exc, getattr(conn, "path", None), "the check did not run")
        if env is not None:
            raise env from exc
        raise CorruptVault(f"the vault file failed the structure check (integrity_check): {exc}") from exc
    if [r[0] for r in rows] != ["ok"]:
        problems = "; ".join(str(r[0]) for r in rows[:5])
        raise CorruptVault(f"the vault file failed the structure check (integrity_check): {problems}")


def _begin_snapshot(conn: Any, doing: str) -> None:
    """Open a read transaction and start its snapshot."""
    try:
        conn.execute("BEGIN DEFERRED")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot starts here
    except DatabaseError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise faults.as_vault_error(exc, getattr(conn, "path", None), doing) from exc


def _on_still_file(conn: Any, reopen: Callable[[], Any], doing: str) -> list[Any] | None:
    """The check on a main file that holds the whole snapshot and cannot change; None if not had."""
    _begin_snapshot(conn, doing)
    try:
        try:
            other = reopen()
        except (VaultError, DatabaseError, OSError):
            return None  # no second connection (e.g. a full disk): no still file either
        try:
            busy, frames, copied = other.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except DatabaseError:
            return None  # read-only or full disk: the checkpoint cannot write
        finally:
            other.close()
        if busy != 0 or frames < 0 or copied != frames:
            return None  # another checkpoint was running, or frames after our snapshot are not copied yet
        return raw_page_check(conn, doing)
    finally:
        conn.execute("ROLLBACK")


def page_check(conn: Any, reopen: Callable[[], Any] | None, doing: str = "the vault was not opened") -> None:
    """Check every page's HMAC; raise CorruptVault only for damage that a still file confirms.

    ``reopen`` opens a second connection to the same vault (same key, no
    check); without it a failed raw check is final.
    """
    rows = raw_page_check(conn, doing)
    if not rows:
        return
    if reopen is None:
        raise CorruptVault(_describe(rows))
    for attempt in range(STILL_ATTEMPTS):
        still = _on_still_file(conn, reopen, doing)
        if still is not None:
            if still:
                raise CorruptVault(_describe(still))
            return  # the pages were only not written yet
        time.sleep(0.02 * (attempt + 1))
    # Never still: decide on what SQLite reads, every page through the HMAC check.
    _begin_snapshot(conn, doing)
    try:
        sqlite_integrity_check(conn)
    finally:
        conn.execute("ROLLBACK")
