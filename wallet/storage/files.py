"""The files that make up a vault on disk, and the moves that keep them consistent.

A vault is ``<name>`` (the SQLCipher database; its ``-wal``/``-shm`` files
while open) plus ``<name>.header``. Two files cannot be renamed together, so
a header that is not yet in force is written first as ``<name>.header.pending``
and promoted (renamed over the header) once the database it belongs to is in
place. Opening tries the header, then a pending one, and finishes whatever
step a crash interrupted (see docs/BACKUP_FORMAT.md, "crash windows").
"""

from __future__ import annotations

import os
import secrets
from datetime import UTC, datetime
from pathlib import Path

from wallet.storage.header import header_path, pending_header_path

SQLITE_SIDECARS = ("-wal", "-shm", "-journal")


def fsync_dir(folder: Path) -> None:
    """Make renames and links in ``folder`` durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sidecar(db_path: Path, suffix: str) -> Path:
    return db_path.with_name(db_path.name + suffix)


def temp_db_path(db_path: Path, purpose: str) -> Path:
    """A fresh, hidden database path beside ``db_path`` (same filesystem, so link works)."""
    return db_path.with_name(f".{db_path.name}.{secrets.token_hex(6)}.{purpose}")


def precreate_private(path: Path) -> None:
    """Create an empty file readable by the owner only, before SQLite writes to it.

    SQLite gives its -wal and -shm files the database file's permissions.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def remove_db_files(db_path: Path) -> None:
    """Remove a (temporary) database and any SQLite sidecars it left."""
    for suffix in ("",) + SQLITE_SIDECARS:
        sidecar(db_path, suffix).unlink(missing_ok=True)


def link_into_place(src: Path, dst: Path) -> None:
    """Give ``src`` the name ``dst`` without ever replacing an existing ``dst``.

    Raises FileExistsError if ``dst`` exists. The durable state afterwards is
    ``dst`` complete; ``src`` is removed.
    """
    os.link(src, dst)
    src.unlink()
    fsync_dir(dst.parent)


def promote_pending_header(db_path: Path) -> None:
    """Put the pending header in force (atomic rename) and make it durable."""
    os.replace(pending_header_path(db_path), header_path(db_path))
    fsync_dir(db_path.parent)


def move_aside(db_path: Path) -> list[tuple[Path, Path]]:
    """Rename an existing vault's files to ``<name>.replaced-<UTC time><suffix>``.

    Used by restore with overwrite=True: the old vault is kept, not deleted,
    and its WAL can never be replayed into the restored database. Returns
    (original, new name) pairs, so a failed install can undo it.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    moved: list[tuple[Path, Path]] = []
    for suffix in ("",) + SQLITE_SIDECARS + (".header", ".header.pending"):
        src = sidecar(db_path, suffix)
        if src.exists():
            dst = db_path.with_name(f"{db_path.name}.replaced-{stamp}{suffix}")
            os.replace(src, dst)
            moved.append((src, dst))
    if moved:
        fsync_dir(db_path.parent)
    return moved


def move_back(moved: list[tuple[Path, Path]]) -> None:
    """Undo :func:`move_aside` (a restore that failed to install): each file gets its name back."""
    for original, aside in moved:
        if not original.exists():
            os.replace(aside, original)
    if moved:
        fsync_dir(moved[0][0].parent)
