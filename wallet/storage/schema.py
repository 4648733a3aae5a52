"""Schema versions: find the numbered migrations, apply them, refuse the future.

The version lives in ``PRAGMA user_version`` (inside the encrypted file). A
new vault is an empty database with every migration applied; an older vault
is upgraded on open. Both happen in one exclusive transaction, so a crash
leaves the old version, never half an upgrade. A vault from a newer wallet is
refused with VaultTooNew rather than guessed at.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from wallet.errors import CorruptVault, VaultTooNew
from wallet.storage import migrations as _migrations_pkg
from wallet.storage.connection import Connection, transaction

_NAME = re.compile(r"m(\d{4})_\w+")


@dataclass(frozen=True)
class Migration:
    """One step from ``version - 1`` to ``version``."""

    version: int
    name: str
    description: str
    apply: Callable[[Connection], None]


def _as_migration(version: int, name: str, module: ModuleType) -> Migration:
    sql = getattr(module, "SQL", None)
    upgrade = getattr(module, "upgrade", None)
    if callable(upgrade):
        step: Callable[[Connection], None] = upgrade
    elif isinstance(sql, str):
        statements = [s.strip() for s in sql.split(";") if s.strip() and not s.strip().startswith("--")]

        def step(conn: Connection, _stmts: list[str] = statements) -> None:
            # executescript() would COMMIT our transaction; run one statement at a time.
            for stmt in _stmts:
                conn.execute(stmt)

    else:
        raise RuntimeError(f"migration {name} has neither SQL nor upgrade()")
    return Migration(version, name, (module.__doc__ or "").strip(), step)


def discover() -> tuple[Migration, ...]:
    """All migrations in ``wallet/storage/migrations``, ordered, numbered 1..N without gaps."""
    found: list[Migration] = []
    for info in pkgutil.iter_modules(_migrations_pkg.__path__):
        match = _NAME.fullmatch(info.name)
        if not match:
            continue
        module = importlib.import_module(f"{_migrations_pkg.__name__}.{info.name}")
        found.append(_as_migration(int(match.group(1)), info.name, module))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError("schema migrations must be numbered 1..N without gaps")
    return tuple(found)


MIGRATIONS = discover()
#: The oldest schema this wallet can upgrade, and the one it writes.
SCHEMA_MIN = 1
SCHEMA_MAX = MIGRATIONS[-1].version


def schema_version(conn: Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0]) if row else 0


def check_supported(version: int, *, fresh_ok: bool = False) -> None:
    """Refuse versions this wallet cannot open (newer, or older than it can upgrade)."""
    if version > SCHEMA_MAX:
        raise VaultTooNew(
            f"this vault uses schema version {version}, but this wallet only knows up to "
            f"{SCHEMA_MAX}. Update the wallet to open it; the vault was left untouched."
        )
    if version < SCHEMA_MIN and not (fresh_ok and version == 0):
        raise CorruptVault(f"this vault has schema version {version}, which no wallet release wrote")


def migrate(conn: Connection, target: int = SCHEMA_MAX) -> int:
    """Bring the schema up to ``target`` in one exclusive transaction; return the new version.

    The version is re-read inside the transaction, so two processes opening
    the same old vault do not both upgrade it.
    """
    if target > SCHEMA_MAX:
        raise VaultTooNew(f"schema version {target} is newer than this wallet ({SCHEMA_MAX})")
    if schema_version(conn) >= target:
        check_supported(schema_version(conn))
        return schema_version(conn)
    with transaction(conn, "EXCLUSIVE"):
        current = schema_version(conn)
        check_supported(current, fresh_ok=True)
        for migration in MIGRATIONS[current:target]:
            migration.apply(conn)
        # PRAGMA takes no parameters; target is an int we computed.
        conn.execute(f"PRAGMA user_version = {int(target)}")
    return target
