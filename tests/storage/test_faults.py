"""Threat 4 and the crash windows: failed writes leave the old files intact.

A file object that fails after N bytes (ENOSPC), like KeePassXC's FailDevice,
is put under wallet.atomic; and each step of a passphrase change or create is
interrupted in turn to show that one header always matches the database.
test_disk_full.py does the same on a real, full file system.
"""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path
from typing import Any

import pytest

from wallet.errors import BackupError, NoSpace, WrongPassphrase
from wallet.storage import KdfParams, Vault
from wallet.storage import files as storage_files
from wallet.storage.header import VaultHeader, header_path, pending_header_path
from wallet.storage.kdf import INFO_HEADER_MAC, derive_master, subkey

from .conftest import PASSPHRASE


class FailAfter(io.RawIOBase):
    """A writable file that raises ENOSPC once ``limit`` bytes were written."""

    def __init__(self, inner: Any, limit: int) -> None:
        self.inner, self.limit, self.written = inner, limit, 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        room = self.limit - self.written
        if room <= 0:
            raise OSError(errno.ENOSPC, "No space left on device (simulated)")
        part = bytes(data)[:room]
        self.inner.write(part)
        self.written += len(part)
        if len(part) < len(data):
            raise OSError(errno.ENOSPC, "No space left on device (simulated)")
        return len(part)

    def fileno(self) -> int:
        return int(self.inner.fileno())

    def flush(self) -> None:
        if not self.inner.closed:
            self.inner.flush()

    def close(self) -> None:
        if not self.closed:
            super().close()
            self.inner.close()


@pytest.fixture
def disk_full(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Make wallet.atomic's writes fail after ``limit`` bytes."""

    def arm(limit: int) -> None:
        real = os.fdopen

        def failing(fd: int, *args: Any, **kwargs: Any) -> Any:
            return FailAfter(real(fd, *args, **kwargs), limit)

        monkeypatch.setattr("wallet.atomic.os.fdopen", failing)

    return arm


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp") or "pending" in p.name)


def test_failed_backup_keeps_old_backup(vault: Vault, tmp_path: Path, make_credential, disk_full) -> None:
    vault.add_credentials([make_credential(i, size=3000) for i in range(40)])
    out = tmp_path / "wallet.backup"
    vault.backup(out)
    before = out.read_bytes()
    vault.add_credential(*make_credential(99))
    disk_full(50_000)
    with pytest.raises(BackupError, match="no space left on the device.*previous backup there is unchanged") as info:
        vault.backup(out)
    assert isinstance(info.value.__cause__, OSError) and info.value.__cause__.errno == errno.ENOSPC
    assert out.read_bytes() == before
    assert _leftovers(tmp_path) == []
    restored = Vault.restore(out, tmp_path / "r" / "v.db", PASSPHRASE)
    with restored:
        assert restored.count_credentials() == 40


def test_failed_header_write_keeps_old_passphrase(vault: Vault, vault_path: Path, make_credential, disk_full) -> None:
    vault.add_credential(*make_credential(1))
    old_header = header_path(vault_path).read_bytes()
    disk_full(10)
    with pytest.raises(NoSpace, match="no space left on the device.*the old one still works"):
        vault.change_passphrase("new passphrase")
    assert header_path(vault_path).read_bytes() == old_header
    assert not pending_header_path(vault_path).exists()
    assert vault.count_credentials() == 1  # the open vault still works
    vault.close()
    with Vault.open(vault_path, PASSPHRASE) as v:
        assert v.count_credentials() == 1


def test_crash_after_rekey_before_header_rename(
    vault: Vault, vault_path: Path, make_credential, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault.add_credential(*make_credential(1))

    def crash(_path: Path) -> None:
        raise KeyboardInterrupt("simulated crash before the header rename")

    monkeypatch.setattr(storage_files, "promote_pending_header", crash)
    with pytest.raises(KeyboardInterrupt):
        vault.change_passphrase("new passphrase")
    monkeypatch.undo()
    vault.close()
    assert pending_header_path(vault_path).exists()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, PASSPHRASE)
    with Vault.open(vault_path, "new passphrase") as v:  # finishes the change
        assert v.count_credentials() == 1
    assert not pending_header_path(vault_path).exists()
    Vault.open(vault_path, "new passphrase").close()


def test_crash_before_rekey_commits(vault: Vault, vault_path: Path, kdf: KdfParams) -> None:
    vault.close()
    # The pending header of a change whose rekey never happened.
    pending = VaultHeader.new(kdf)
    master = derive_master("new passphrase", pending.salt, pending.kdf)
    pending_header_path(vault_path).write_bytes(pending.encode(subkey(master, INFO_HEADER_MAC)))
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, "new passphrase")
    assert pending_header_path(vault_path).exists()  # a failed open changes nothing
    Vault.open(vault_path, PASSPHRASE).close()
    assert not pending_header_path(vault_path).exists()  # stale: it can never apply


def test_crash_during_create_before_header_promoted(vault: Vault, vault_path: Path) -> None:
    did = vault.holder_did()
    vault.close()
    os.replace(header_path(vault_path), pending_header_path(vault_path))
    with Vault.open(vault_path, PASSPHRASE) as v:
        assert v.holder_did() == did
    assert header_path(vault_path).exists() and not pending_header_path(vault_path).exists()


def test_failed_create_leaves_nothing(tmp_path: Path, kdf: KdfParams, disk_full) -> None:
    path = tmp_path / "v.db"
    disk_full(5)
    with pytest.raises(NoSpace, match="the vault was not created"):
        Vault.create(path, PASSPHRASE, kdf)
    assert not path.exists() and not header_path(path).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == []
