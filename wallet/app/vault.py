"""Creating, opening, re-keying, backing up and restoring a vault.

The typed :class:`VaultLike` protocol is what every use case needs from a
vault; :class:`wallet.storage.Vault` implements it, and tests may pass a
lighter fake. The functions here add the checks both front ends used to do
each in their own way (does the file exist, is the KDF memory in range, may
an existing vault be replaced).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from wallet.errors import NoVault, UsageError, VaultExists

PathLike = str | os.PathLike[str]
KDF_MEMORY_RANGE_MIB = (64, 4096)
DEFAULT_KDF_MEMORY_MIB = 256


class StoredLike(Protocol):
    """A stored credential record (``wallet.storage.records.StoredCredential``)."""

    @property
    def id(self) -> str: ...
    @property
    def raw(self) -> bytes: ...
    @property
    def format(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def imported_at(self) -> datetime: ...
    @property
    def parsed(self) -> dict[str, Any]: ...
    @property
    def report(self) -> dict[str, Any] | None: ...


class VaultLike(Protocol):
    """What the use cases need from an open vault (``wallet.storage.Vault``)."""

    def holder_did(self) -> str: ...
    def holder_private_key(self) -> Any: ...
    def info(self) -> dict[str, Any]: ...
    def add_credentials(self, items: Sequence[Any]) -> list[tuple[Any, bool]]: ...
    def get_credential(self, id_or_prefix: str) -> Any: ...
    def list_credentials(self) -> Sequence[Any]: ...
    def list_for_display(self) -> Sequence[Any]: ...
    def count_credentials(self) -> int: ...
    def remove_credential(self, id: str) -> None: ...
    def set_report(self, id: str, report: dict[str, Any]) -> None: ...
    def put_evidence(self, kind: str, key: str, data: bytes, fetched_at: datetime | None = None) -> None: ...
    def get_evidence(self, kind: str, key: str) -> tuple[bytes, datetime] | None: ...
    def list_evidence(self, kind: str) -> dict[str, bytes]: ...
    def put_evidence_rows(self, rows: Sequence[Any]) -> None: ...
    def get_evidence_record(self, kind: str, key: str) -> Any: ...
    def evidence_records(self, kind: str | None = None, *, with_data: bool = False) -> list[Any]: ...
    def pin_context(self, row: Any, *, replace: bool = False) -> bool: ...
    def log_contact(self, host: str, when: datetime, purpose: str) -> None: ...
    def list_contacts(self, limit: int | None = None) -> list[tuple[str, datetime, str]]: ...
    def set_host_decision(self, host: str, allowed: bool | None) -> None: ...
    def host_decisions(self) -> dict[str, bool]: ...
    def put_target(self, id: str, data: dict[str, Any]) -> None: ...
    def list_targets(self) -> list[dict[str, Any]]: ...
    def get_target(self, id: str) -> dict[str, Any]: ...
    def remove_target(self, id: str) -> None: ...
    def add_share(self, id: str, data: dict[str, Any]) -> None: ...
    def list_shares(self) -> list[dict[str, Any]]: ...
    def get_setting(self, key: str, default: Any = None) -> Any: ...
    def set_setting(self, key: str, value: Any) -> None: ...
    def add_trusted_issuer(self, id: str, label: str) -> None: ...
    def remove_trusted_issuer(self, id: str) -> None: ...
    def list_trusted_issuers(self) -> list[tuple[str, str]]: ...
    def add_trust_anchor(self, der: bytes, label: str) -> str: ...
    def list_trust_anchors(self) -> list[tuple[str, bytes, str]]: ...
    def remove_trust_anchor(self, sha256: str) -> None: ...


def exists(path: PathLike) -> bool:
    from wallet.storage import Vault  # deferred: start-up time

    return bool(Vault.exists(path))


def create(path: PathLike, passphrase: str, memory_mib: int = DEFAULT_KDF_MEMORY_MIB) -> Any:
    """A new vault with its holder key; never touches an existing one."""
    from wallet.storage import KdfParams, Vault  # deferred: start-up time

    low, high = KDF_MEMORY_RANGE_MIB
    if not low <= memory_mib <= high:
        raise UsageError(f"the key-derivation memory must be between {low} and {high} MiB")
    target = Path(path)
    if Vault.exists(target):
        raise VaultExists(f"a vault already exists at {target}; it was left untouched")
    target.parent.mkdir(parents=True, exist_ok=True)
    return Vault.create(target, passphrase, KdfParams(memory_kib=memory_mib * 1024, iterations=3, lanes=4))


def open_existing(path: PathLike) -> Path:
    """The path, or NoVault with the command that creates one."""
    from wallet.storage import Vault  # deferred: start-up time

    target = Path(path)
    if not Vault.exists(target):
        raise NoVault(f"no vault at {target}; create one with `wallet init` (or pass --vault PATH)")
    return target


def unlock(path: PathLike, passphrase: str) -> Any:
    """Open an existing vault (WrongPassphrase, CorruptVault, VaultTooNew otherwise)."""
    from wallet.storage import Vault  # deferred: start-up time

    return Vault.open(open_existing(path), passphrase)


def change_passphrase(vault: Any, current: str | None, new: str) -> None:
    """Re-key the vault. ``current``, when given, must be the passphrase it was opened with."""
    if current is not None:
        from wallet.storage import Vault  # deferred: start-up time

        Vault.open(vault.path, current).close()  # WrongPassphrase when it is not
    vault.change_passphrase(new)


def backup(vault: Any, out: PathLike, *, replace: bool = False) -> Path:
    target = Path(out)
    if target.exists() and not replace:
        raise UsageError(f"{target} exists; choose another name (or --force to replace it)")
    return Path(vault.backup(target))


def check_backup(backup_file: PathLike, passphrase: str) -> None:
    """Check a backup's passphrase (and that it is a backup) without restoring anything.

    Raises ``BackupPassphraseError`` (a ``WrongPassphrase``) or ``BackupError``;
    front ends call it before asking whether to replace an existing wallet.
    """
    from wallet.storage.backup import check_backup_passphrase  # deferred: start-up time

    check_backup_passphrase(Path(backup_file), passphrase)


@dataclass(frozen=True)
class Restored:
    path: Path
    credentials: int


def restore(backup_file: PathLike, path: PathLike, passphrase: str, *, replace: bool) -> Restored:
    """Restore a backup into ``path``; an existing vault is replaced only when ``replace``.

    The old files are kept, renamed (see ``wallet.storage``), never deleted.
    """
    from wallet.storage import Vault  # deferred: start-up time

    target = Path(path)
    if Vault.exists(target) and not replace:
        raise VaultExists(f"a vault exists at {target}; confirm to replace it (its files are kept, renamed)")
    vault = Vault.restore(Path(backup_file), target, passphrase, overwrite=Vault.exists(target))
    try:
        return Restored(target, vault.count_credentials())
    finally:
        vault.close()


def default_path() -> Path:
    from wallet.storage import default_vault_path  # deferred: start-up time

    return Path(default_vault_path())
