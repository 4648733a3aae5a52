"""Opening: wrong passphrase, tampered headers, pragmas, exists/create rules."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from wallet.errors import (
    CorruptVault,
    NoVault,
    UsageError,
    VaultExists,
    VaultTooNew,
    WrongPassphrase,
)
from wallet.storage import KdfParams, Vault
from wallet.storage.header import header_path

from .conftest import PASSPHRASE


def test_wrong_passphrase(vault: Vault, vault_path: Path) -> None:
    vault.close()
    with pytest.raises(WrongPassphrase) as info:
        Vault.open(vault_path, "not it")
    assert "damaged" in str(info.value) and "not it" not in str(info.value)
    Vault.open(vault_path, PASSPHRASE).close()


def test_no_vault_and_exists(tmp_path: Path, kdf: KdfParams) -> None:
    path = tmp_path / "v.db"
    assert not Vault.exists(path)
    with pytest.raises(NoVault):
        Vault.open(path, PASSPHRASE)
    Vault.create(path, PASSPHRASE, kdf).close()
    assert Vault.exists(path)
    with pytest.raises(VaultExists):
        Vault.create(path, PASSPHRASE, kdf)


def test_create_refuses_orphan_header(tmp_path: Path, kdf: KdfParams) -> None:
    path = tmp_path / "v.db"
    header_path(path).write_text("{}")
    with pytest.raises(VaultExists):
        Vault.create(path, PASSPHRASE, kdf)
    assert header_path(path).read_text() == "{}"


def test_missing_header_is_corrupt_not_reset(vault: Vault, vault_path: Path) -> None:
    vault.close()
    before = vault_path.read_bytes()
    header_path(vault_path).unlink()
    with pytest.raises(CorruptVault, match="header"):
        Vault.open(vault_path, PASSPHRASE)
    assert vault_path.read_bytes() == before


def test_pragmas(vault: Vault) -> None:
    conn = vault._db()
    q = lambda p: conn.execute(f"PRAGMA {p}").fetchone()[0]  # noqa: E731
    assert str(q("cipher_memory_security")) == "1"
    assert q("temp_store") == 2  # MEMORY
    assert q("journal_mode") == "wal"
    assert q("synchronous") == 2  # FULL
    assert str(q("cipher_plaintext_header_size")) == "0"
    assert str(q("cipher_page_size")) == "4096"
    assert q("cipher_hmac_algorithm") == "HMAC_SHA512"
    assert q("secure_delete") == 1


def _rewrite_header(path: Path, **kdf: object) -> None:
    hp = header_path(path)
    obj = json.loads(hp.read_text())
    obj["kdf"].update(kdf)
    hp.write_text(json.dumps(obj))  # MAC left as it was: it no longer matches


@pytest.mark.parametrize(
    "change",
    [
        {"memory_kib": 8},
        {"memory_kib": 64 * 1024 * 1024},
        {"iterations": 1000},
        {"iterations": 1},
        {"lanes": 1},
        {"lanes": 1024},
        {"memory_kib": "65536"},
        {"algorithm": "pbkdf2"},
    ],
)
def test_tampered_kdf_params_refused_fast(vault: Vault, vault_path: Path, change: dict) -> None:
    vault.close()
    _rewrite_header(vault_path, **change)
    start = time.perf_counter()
    with pytest.raises(CorruptVault, match="refusing"):
        Vault.open(vault_path, PASSPHRASE)
    assert time.perf_counter() - start < 0.05  # refused before any derivation


def test_header_mac_broken(vault: Vault, vault_path: Path) -> None:
    vault.close()
    hp = header_path(vault_path)
    obj = json.loads(hp.read_text())
    obj["mac"] = ("0" if obj["mac"][0] != "0" else "1") + obj["mac"][1:]
    hp.write_text(json.dumps(obj))
    with pytest.raises(CorruptVault, match="authentication"):
        Vault.open(vault_path, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, "wrong")


def test_header_salt_changed(vault: Vault, vault_path: Path) -> None:
    vault.close()
    hp = header_path(vault_path)
    obj = json.loads(hp.read_text())
    obj["salt"] = "AAAAAAAAAAAAAAAAAAAAAA=="
    hp.write_text(json.dumps(obj))
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, PASSPHRASE)


@pytest.mark.parametrize("content", [b"", b"\xff\xfe", b"[]", b"{" * 5000, b'{"format": "other"}'])
def test_garbage_header(vault: Vault, vault_path: Path, content: bytes) -> None:
    vault.close()
    header_path(vault_path).write_bytes(content)
    with pytest.raises(CorruptVault):
        Vault.open(vault_path, PASSPHRASE)


def test_header_from_the_future(vault: Vault, vault_path: Path) -> None:
    vault.close()
    hp = header_path(vault_path)
    obj = json.loads(hp.read_text())
    obj["version"] = 99
    hp.write_text(json.dumps(obj))
    with pytest.raises(VaultTooNew):
        Vault.open(vault_path, PASSPHRASE)


def test_kdf_floor_enforced_for_new_vaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(CorruptVault):
        Vault.create(tmp_path / "v.db", PASSPHRASE, KdfParams(memory_kib=8192, iterations=3, lanes=4))
    assert not (tmp_path / "v.db").exists()
    monkeypatch.setenv("WALLET_KDF", "m=1024,t=1,p=1")
    with pytest.raises(UsageError):
        KdfParams.default()
    monkeypatch.setenv("WALLET_KDF", "m=65536,t=3,p=4")
    assert KdfParams.default() == KdfParams.floor()
    monkeypatch.delenv("WALLET_KDF")
    assert KdfParams.default() == KdfParams(262144, 3, 4)


def test_messages_hold_no_secret(vault: Vault, vault_path: Path) -> None:
    vault.close()
    secret = "hunter2-SECRET"
    with pytest.raises(WrongPassphrase) as info:
        Vault.open(vault_path, secret)
    assert secret not in repr(info.value) and secret not in str(info.value.__cause__)
