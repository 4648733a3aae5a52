"""What a failed SQLite call or file operation means, in the wallet's terms.

"The vault file is damaged" is the most frightening thing a vault can say,
so it is said only when SQLite reports damage (``SQLITE_CORRUPT``,
``SQLITE_NOTADB``) or a page fails its HMAC. Everything else that can go
wrong with the files is the environment, and says so:

* a full disk: SQLite says ``SQLITE_FULL`` when a write finds no room, but
  creating the 32 KiB ``-shm`` file of a vault on a full disk is reported as
  ``SQLITE_IOERR`` ("disk I/O error", on the first read after the key). An
  I/O error with less than :data:`LOW_SPACE` free on the vault's file system
  is therefore reported as :class:`~wallet.errors.NoSpace` too;
* busy, read-only, cannot open, other I/O errors: a VaultError naming it.

SQLite messages carry no bound values, so they are safe to show.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from wallet.errors import CorruptVault, NoSpace, VaultError

#: Free space below which an I/O error on the vault is taken to be a full disk.
LOW_SPACE = 1024 * 1024

# SQLite primary result codes (https://www.sqlite.org/rescode.html).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_NOMEM = 7
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

_NO_SPACE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})


def sqlite_code(exc: BaseException) -> int:
    """The primary SQLite result code of a sqlcipher3 error (0 if it carries none)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return int(code) & 0xFF if isinstance(code, int) else 0


def free_space(path: Path | None) -> int | None:
    """Bytes available to this user on the file system holding ``path`` (None if unknown)."""
    if path is None:
        return None
    folder = path if path.is_dir() else path.parent
    try:
        stat = os.statvfs(folder)
    except OSError:
        return None
    return stat.f_bavail * stat.f_frsize


def no_space(path: Path | None, doing: str) -> NoSpace:
    free = free_space(path)
    left = f" ({free // 1024} KiB free)" if free is not None else ""
    where = f" holding {path.parent if path is not None and not path.is_dir() else path}" if path is not None else ""
    return NoSpace(f"no space left on the device{where}{left}: {doing}; free some space and try again")


def is_damage(exc: BaseException) -> bool:
    """Whether SQLite reports the file itself as damaged (or not a database under this key)."""
    code = sqlite_code(exc)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return True
    if code:
        return False
    low = str(exc).lower()
    return "malformed" in low or "not a database" in low or "corrupt" in low


def environment_error(exc: BaseException, path: Path | None, doing: str) -> VaultError | None:
    """The VaultError for a failure of the surroundings (disk, locks, permissions), else None."""
    code = sqlite_code(exc)
    low = str(exc).lower()
    if code == SQLITE_FULL or (not code and "full" in low):
        return no_space(path, doing)
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN) or (not code and ("i/o" in low or "unable to open" in low)):
        free = free_space(path)
        if free is not None and free < LOW_SPACE:
            return no_space(path, doing)
        return VaultError(f"the vault's files could not be read or written ({exc}): {doing}; the vault was left as it is")
    if code in (SQLITE_BUSY, SQLITE_LOCKED) or (not code and ("locked" in low or "busy" in low)):
        return VaultError("the vault is busy in another window or process; try again")
    if code in (SQLITE_READONLY, SQLITE_PERM) or (not code and ("readonly" in low or "read-only" in low)):
        return VaultError(f"the vault cannot be written here ({exc}; is the folder read-only?): {doing}")
    if code == SQLITE_NOMEM:
        return VaultError(f"out of memory: {doing}")
    return None


def as_vault_error(exc: BaseException, path: Path | None = None, doing: str = "nothing was changed") -> VaultError:
    """Translate an SQLite error met while reading or writing into a wallet error."""
    if is_damage(exc):
        return CorruptVault(f"the vault file is damaged ({exc}); it was left as it is")
    found = environment_error(exc, path, doing)
    if found is not None:
        return found
    return VaultError(f"vault database error: {exc}")


def os_error(exc: OSError, path: Path | None, doing: str, kind: type[VaultError] = VaultError) -> VaultError:
    """Translate a failed file operation (ENOSPC, EROFS, EACCES, ...) into a wallet error of ``kind``."""
    if exc.errno in _NO_SPACE_ERRNOS:
        error = no_space(path, doing)
        return error if kind is VaultError else kind(str(error))
    reason = exc.strerror or type(exc).__name__
    return kind(f"{doing}: {reason}")
