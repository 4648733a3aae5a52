"""Putting a new database and its header in place (create and restore).

A new vault is built completely at a hidden temp name in the target folder,
then installed with the pending-header protocol of ``files.py``, so there is
never a half-made vault under the real name.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from wallet.atomic import write_atomic
from wallet.errors import VaultExists
from wallet.storage import files
from wallet.storage.connection import Connection, connect
from wallet.storage.header import pending_header_path
from wallet.storage.kdf import INFO_HEADER_MAC, INFO_SQLCIPHER, subkey


def keys_of(master: bytearray) -> tuple[bytearray, bytearray]:
    """(SQLCipher raw key, header MAC key) for a master key."""
    return subkey(master, INFO_SQLCIPHER), subkey(master, INFO_HEADER_MAC)


def build_database(tmp: Path, db_key: bytearray, populate: Callable[[Connection], None]) -> None:
    """Create a new encrypted database at ``tmp`` and fill it; closed on return."""
    files.precreate_private(tmp)
    conn = connect(tmp, db_key, check=False)
    try:
        populate(conn)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def install(tmp: Path, path: Path, header_bytes: bytes) -> None:
    """Put a finished database and its header in place, crash-safely.

    Order: pending header (durable) -> link the database in (never replacing
    one) -> promote the header. A crash before the link leaves no vault; after
    it, opening finds the pending header and promotes it.
    """
    write_atomic(pending_header_path(path), header_bytes)
    try:
        files.link_into_place(tmp, path)
    except FileExistsError as exc:
        raise VaultExists(f"a vault appeared at {path} meanwhile; it was left untouched") from exc
    files.promote_pending_header(path)
