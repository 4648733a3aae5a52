"""Opening a SQLCipher database with a raw key, and SQLCipher's errors in our terms.

``PRAGMA key`` never fails by itself: a wrong key (or a damaged first page)
only shows at the first read, as "file is not a database". So the key is
tested at once with ``SELECT count(*) FROM sqlite_master``, and every page's
HMAC is checked with ``PRAGMA cipher_integrity_check`` before the vault is
handed out. A wrong key and a damaged file look alike to SQLCipher, so the
message says so.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeAlias

from sqlcipher3 import dbapi2 as sqlcipher

from wallet.errors import CorruptVault, VaultError, WrongPassphrase

WRONG_PASSPHRASE = "Wrong passphrase, or the vault file is damaged."
BUSY_TIMEOUT_MS = 10_000

#: sqlcipher3 ships no type stubs; its Connection mirrors sqlite3.Connection.
Connection: TypeAlias = Any
DatabaseError = sqlcipher.DatabaseError
IntegrityError = sqlcipher.IntegrityError


def _key_pragma(key: bytes | bytearray) -> str:
    if len(key) != 32:
        raise ValueError("SQLCipher raw keys are 32 bytes")
    return f"PRAGMA key = \"x'{bytes(key).hex()}'\""


def connect(path: Path, key: bytes | bytearray, *, check: bool = True) -> Connection:
    """Open ``path`` with a raw 32-byte key, set the pragmas, test the key.

    Raises WrongPassphrase when the key does not decrypt the first page and
    CorruptVault when any page fails its HMAC. The connection is in autocommit
    mode: callers open transactions explicitly (see :func:`transaction`).
    """
    conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        # Global: wipe SQLCipher's buffers on free. Set before the key is given.
        conn.execute("PRAGMA cipher_memory_security = ON")
        # Tamper reports come back as exceptions; keep SQLCipher quiet on stderr.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(_key_pragma(key))
        conn.execute("PRAGMA cipher_page_size = 4096")
        conn.execute("PRAGMA cipher_hmac_algorithm = HMAC_SHA512")
        conn.execute("PRAGMA cipher_plaintext_header_size = 0")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except DatabaseError as exc:
            raise WrongPassphrase(WRONG_PASSPHRASE) from exc
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
        if not mode or str(mode[0]).lower() != "wal":
            raise VaultError("could not put the vault in WAL mode (is the folder read-only?)")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA foreign_keys = ON")
        # A removed credential is overwritten, not left in free pages.
        conn.execute("PRAGMA secure_delete = ON")
        if check:
            cipher_integrity_check(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def cipher_integrity_check(conn: Connection) -> None:
    """Check every page's HMAC; raise CorruptVault naming the failed pages."""
    try:
        rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
    except DatabaseError as exc:
        raise CorruptVault(f"the vault file failed the page check (cipher_integrity_check): {exc}") from exc
    if rows:
        problems = "; ".join(str(r[0]) for r in rows[:5])
        more = f" (and {len(rows) - 5} more)" if len(rows) > 5 else ""
        raise CorruptVault(f"the vault file failed the page check (cipher_integrity_check): {problems}{more}")


def sqlite_integrity_check(conn: Connection) -> None:
    """SQLite's own structural check (b-trees, indexes); raise CorruptVault on any finding."""
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except DatabaseError as exc:
        raise CorruptVault(f"the vault file failed the structure check (integrity_check): {exc}") from exc
    if [r[0] for r in rows] != ["ok"]:
        problems = "; ".join(str(r[0]) for r in rows[:5])
        raise CorruptVault(f"the vault file failed the structure check (integrity_check): {problems}")


def as_vault_error(exc: Exception) -> VaultError:
    """Translate a SQLCipher error met while reading or writing into a wallet error.

    SQLite messages carry no bound values, so they are safe to show.
    """
    text = str(exc)
    low = text.lower()
    if "malformed" in low or "not a database" in low or "corrupt" in low:
        return CorruptVault(f"the vault file is damaged ({text}); it was left as it is")
    if "locked" in low or "busy" in low:
        return VaultError("the vault is busy in another window or process; try again")
    if "disk" in low or "full" in low or "i/o" in low or "readonly" in low or "read-only" in low:
        return VaultError(f"the vault could not be written ({text}); nothing was changed")
    return VaultError(f"vault database error: {text}")


@contextlib.contextmanager
def transaction(conn: Connection, mode: str = "IMMEDIATE") -> Iterator[Connection]:
    """One explicit transaction: commit on success, roll back on any exception."""
    if mode not in ("DEFERRED", "IMMEDIATE", "EXCLUSIVE"):
        raise ValueError(mode)
    try:
        conn.execute(f"BEGIN {mode}")
    except DatabaseError as exc:
        raise as_vault_error(exc) from exc
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except DatabaseError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise as_vault_error(exc) from exc


@contextlib.contextmanager
def db_errors() -> Iterator[None]:
    """Turn SQLCipher errors raised inside the block into wallet errors."""
    try:
        yield
    except IntegrityError:
        raise
    except DatabaseError as exc:
        raise as_vault_error(exc) from exc


def cipher_version(conn: Connection) -> str:
    row = conn.execute("PRAGMA cipher_version").fetchone()
    return str(row[0]) if row else "unknown"
