"""File-level properties: owner-only modes, a worker thread, JSON info, and a
property test of the backup container against random damage."""

from __future__ import annotations

import json
import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hypothesis_profiles import examples
from wallet.errors import BackupError
from wallet.storage import KdfParams, Vault
from wallet.storage.backup import BackupKey, encode_backup, read_backup
from wallet.storage.header import header_path
from wallet.storage.kdf import derive_master


def test_files_are_owner_only(vault: Vault, vault_path: Path, make_credential) -> None:
    vault.add_credential(*make_credential(1))
    for p in (vault_path, header_path(vault_path), vault_path.with_name("vault.db-wal")):
        assert stat.S_IMODE(p.stat().st_mode) == 0o600, p
    leftovers = [p.name for p in vault_path.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_info_is_json_and_has_no_secret(vault: Vault) -> None:
    text = json.dumps(vault.info())
    assert "salt\":" not in text and vault.holder_did() in text


def test_used_from_a_worker_thread(vault: Vault, make_credential) -> None:
    """The GUI runs all vault work on one worker thread, not the one that opened it."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        sc, new = pool.submit(vault.add_credential, *make_credential(1)).result()
        assert new and pool.submit(vault.count_credentials).result() == 1


@pytest.fixture(scope="module")
def sample_backup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    kdf = KdfParams.floor()
    salt = b"s" * 16
    key = BackupKey(kdf, salt, derive_master("pw", salt, kdf))
    payload = [bytes([i % 251]) * 5000 for i in range(40)]  # ~200 KB: 4 chunks
    data = encode_backup(payload, key)
    return tmp_path_factory.mktemp("bk") / "b.lwb", data


@settings(max_examples=examples(15), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_backup_container_rejects_any_damage(sample_backup: tuple[Path, bytes], data: st.DataObject) -> None:
    path, good = sample_backup
    kind = data.draw(st.sampled_from(["flip", "truncate", "append", "drop-chunk"]))
    if kind == "flip":
        pos = data.draw(st.integers(0, len(good) - 1))
        bad = bytearray(good)
        bad[pos] ^= 1 << data.draw(st.integers(0, 7))
        damaged = bytes(bad)
    elif kind == "truncate":
        damaged = good[: data.draw(st.integers(0, len(good) - 1))]
    elif kind == "append":
        damaged = good + data.draw(st.binary(min_size=1, max_size=100))
    else:
        start = len(good) - 2 * (65536 + 16) - 100  # remove one whole chunk-sized span
        damaged = good[:start] + good[start + 65536 + 16 :]
    path.write_bytes(damaged)
    with pytest.raises(BackupError):
        read_backup(path, "pw")


def test_backup_container_round_trip(sample_backup: tuple[Path, bytes]) -> None:
    path, good = sample_backup
    path.write_bytes(good)
    plain, _key = read_backup(path, "pw")
    assert plain == b"".join(bytes([i % 251]) * 5000 for i in range(40))
