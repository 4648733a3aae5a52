"""Opening a SQLCipher database with a raw key, and SQLCipher's errors in our terms.

``PRAGMA key`` never fails by itself: a wrong key (or a damaged first page)
only shows at the first read, as "file is not a database". So the key is
tested at once with ``SELECT count(*) FROM sqlite_master``, and every page's
HMAC is checked (:mod:`wallet.storage.pagecheck`) before the vault is handed
out. A wrong key and a damaged file look alike to SQLCipher, so the message
says so; any *other* failure of that first read (a full disk, a lock, a
read-only folder) is reported as what it is (:mod:`wallet.storage.faults`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeAlias

from sqlcipher3 import dbapi2 as sqlcipher

from wallet.errors import VaultError, WrongPassphrase
from wallet.storage import faults
from wallet.storage.faults import as_vault_error
from wallet.storage.pagecheck import page_check, sqlite_integrity_check

__all__ = [
    "BUSY_TIMEOUT_MS", "Connection", "DatabaseError", "IntegrityError", "SqlError", "WRONG_PASSPHRASE", "as_vault_error",
    "cipher_integrity_check", "cipher_version", "connect", "db_errors", "give_key", "raw_key_spec",
    "sqlite_integrity_check", "transaction",
]

WRONG_PASSPHRASE = "Wrong passphrase, or the vault file is damaged."
BUSY_TIMEOUT_MS = 10_000

#: sqlcipher3 ships no type stubs; its Connection mirrors sqlite3.Connection.
Connection: TypeAlias = Any
DatabaseError = sqlcipher.DatabaseError
IntegrityError = sqlcipher.IntegrityError
#: Every sqlcipher3 error, including InterfaceError (a value that cannot be bound).
SqlError = sqlcipher.Error


class _VaultConnection(sqlcipher.Connection):  # type: ignore[misc]
    """A connection that knows its file, so an error can say how much space is left there."""

    path: Path


_HEX_DIGITS = b"0123456789abcdef"


def raw_key_spec(key: bytes | bytearray) -> bytearray:
    """SQLCipher's raw-key form ``x'<64 hex digits>'`` in a wipeable bytearray.

    Built digit by digit, so no str or bytes copy of the hex key ever exists;
    it is handed to ``sqlite3_key``/``sqlite3_rekey`` through sqlcipher3's
    ``set_key``/``reset_key``, which read the buffer in place (``s*``), instead
    of a ``PRAGMA key`` statement (a str that also stays in the connection's
    statement cache until it closes).
    """
    if len(key) != 32:
        raise ValueError("SQLCipher raw keys are 32 bytes")
    spec = bytearray(2 + 2 * len(key) + 1)
    spec[0:2] = b"x'"
    for i, byte in enumerate(key):
        spec[2 + 2 * i] = _HEX_DIGITS[byte >> 4]
        spec[3 + 2 * i] = _HEX_DIGITS[byte & 0x0F]
    spec[-1] = ord("'")
    return spec


def give_key(conn: Connection, key: bytes | bytearray, *, rekey: bool = False) -> None:
    """Key (or re-key) ``conn`` with a raw 32-byte key; the hex form is wiped before returning."""
    spec = raw_key_spec(key)
    try:
        (conn.reset_key if rekey else conn.set_key)(spec)
    finally:
        spec[:] = bytes(len(spec))


def _open(path: Path, key: bytes | bytearray) -> Connection:
    """Open, key, test the key and set the pragmas (no page check)."""
    doing = "the vault was not opened"
    try:
        conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False, factory=_VaultConnection)
    except DatabaseError as exc:
        raise as_vault_error(exc, path, doing) from exc
    conn.path = path
    try:
        # Global: wipe SQLCipher's buffers on free. Set before the key is given.
        conn.execute("PRAGMA cipher_memory_security = ON")
        # Tamper reports come back as exceptions; keep SQLCipher quiet on stderr.
        conn.execute("PRAGMA cipher_log_level = NONE")
        give_key(conn, key)
        conn.execute("PRAGMA cipher_page_size = 4096")
        conn.execute("PRAGMA cipher_hmac_algorithm = HMAC_SHA512")
        conn.execute("PRAGMA cipher_plaintext_header_size = 0")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except DatabaseError as exc:
            env = None if faults.is_damage(exc) else faults.environment_error(exc, path, doing)
            if env is not None:
                raise env from exc  # a full disk or a lock, not a wrong key
            raise WrongPassphrase(WRONG_PASSPHRASE) from exc
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
            if not mode or str(mode[0]).lower() != "wal":
                raise VaultError("could not put the vault in WAL mode (is the folder read-only?)")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("PRAGMA foreign_keys = ON")
            # A removed credential is overwritten, not left in free pages.
            conn.execute("PRAGMA secure_delete = ON")
        except DatabaseError as exc:
            raise as_vault_error(exc, path, doing) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def connect(path: Path, key: bytes | bytearray, *, check: bool = True) -> Connection:
    """Open ``path`` with a raw 32-byte key, set the pragmas, test the key, check every page.

    Raises WrongPassphrase when the key does not decrypt the first page,
    CorruptVault when a page fails its HMAC (confirmed on a still file, see
    :mod:`wallet.storage.pagecheck`), NoSpace or VaultError when the disk or
    a lock is the problem. The connection is in autocommit mode: callers open
    transactions explicitly (see :func:`transaction`).
    """
    conn = _open(path, key)
    if check:
        try:
            page_check(conn, lambda: _open(path, key))
        except BaseException:
            conn.close()
            raise
    return conn


def cipher_integrity_check(conn: Connection, reopen: Any = None) -> None:
    """Every page's HMAC (see :func:`wallet.storage.pagecheck.page_check`); CorruptVault on damage."""
    page_check(conn, reopen, "the check did not run")


@contextlib.contextmanager
def transaction(conn: Connection, mode: str = "IMMEDIATE") -> Iterator[Connection]:
    """One explicit transaction: commit on success, roll back on any exception."""
    if mode not in ("DEFERRED", "IMMEDIATE", "EXCLUSIVE"):
        raise ValueError(mode)
    path = getattr(conn, "path", None)
    try:
        conn.execute(f"BEGIN {mode}")
    except DatabaseError as exc:
        raise as_vault_error(exc, path) from exc
    try:
        yield conn
    except DatabaseError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(exc, IntegrityError):
            raise
        raise as_vault_error(exc, path) from exc
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except DatabaseError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise as_vault_error(exc, path) from exc


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
