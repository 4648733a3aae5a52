"""Backups: exact round trip, and refusal of anything truncated, flipped or foreign."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from wallet.errors import BackupError, VaultExists, WrongPassphrase
from wallet.storage import KdfParams, Vault
from wallet.storage.backup import CHUNK_SIZE

from .conftest import PASSPHRASE


def _everything(v: Vault) -> tuple:
    return (
        [(c.id, c.raw, c.sha256, c.format, c.parsed, c.source, c.imported_at, c.report) for c in v.list_credentials()],
        v.holder_did(),
        v.list_evidence("status-list"),
        v.list_targets(),
        v.list_shares(),
        v.get_setting("langs"),
        v.list_trusted_issuers(),
        v.list_trust_anchors(),
    )


@pytest.fixture
def filled(vault: Vault, make_credential) -> Vault:
    # > 2 chunks of payload, so chunk boundaries exist to truncate at.
    vault.add_credentials([make_credential(i, size=2500) for i in range(60)])
    vault.add_credential(bytes(range(256)) * 10, "edci-xml", {"x": 1}, "binary.xml")
    vault.put_evidence("status-list", "https://s/1", b"\x00\xff" * 100)
    vault.put_target("t", {"ects": 60})
    vault.add_share("s", {"url": "u"})
    vault.set_setting("langs", ["sl"])
    vault.add_trusted_issuer("did:web:x", "X")
    vault.add_trust_anchor(b"\x30\x00", "root")
    return vault


def test_round_trip_on_a_fresh_path(filled: Vault, tmp_path: Path) -> None:
    out = filled.backup(tmp_path / "b.lwb")
    assert out.stat().st_size > 2 * CHUNK_SIZE
    assert (out.stat().st_mode & 0o777) == 0o600
    expected = _everything(filled)
    key_bytes = filled.holder_private_key().private_bytes_raw()
    with Vault.restore(out, tmp_path / "elsewhere" / "v.db", PASSPHRASE) as r:
        assert _everything(r) == expected
        assert r.holder_private_key().private_bytes_raw() == key_bytes
        r.integrity_check()
    with Vault.open(tmp_path / "elsewhere" / "v.db", PASSPHRASE) as r2:
        assert _everything(r2) == expected


def test_backup_with_its_own_passphrase(filled: Vault, tmp_path: Path, kdf: KdfParams) -> None:
    out = filled.backup(tmp_path / "b.lwb", passphrase="backup pass")
    with pytest.raises(WrongPassphrase):
        Vault.restore(out, tmp_path / "r.db", PASSPHRASE)
    assert not (tmp_path / "r.db").exists()
    with Vault.restore(out, tmp_path / "r.db", "backup pass", kdf=kdf) as r:
        assert r.count_credentials() == filled.count_credentials()
    Vault.open(tmp_path / "r.db", "backup pass").close()


def test_wrong_passphrase_is_both_errors(filled: Vault, tmp_path: Path) -> None:
    out = filled.backup(tmp_path / "b.lwb")
    with pytest.raises(BackupError) as info:
        Vault.restore(out, tmp_path / "r.db", "nope")
    assert isinstance(info.value, WrongPassphrase) and "nope" not in str(info.value)


def test_truncated_backups_refused(filled: Vault, tmp_path: Path) -> None:
    out = filled.backup(tmp_path / "b.lwb")
    data = out.read_bytes()
    body = len(data) - 3 * (CHUNK_SIZE + 16)
    cuts = {0, 5, 14, 40, body - 1, len(data) - 1, len(data) - 17}
    cuts |= {len(data) - k * (CHUNK_SIZE + 16) for k in range(1, 3)}  # exactly at chunk boundaries
    cuts |= set(random.Random(3).sample(range(len(data)), 3))
    bad = tmp_path / "bad.lwb"
    for cut in sorted(c for c in cuts if 0 <= c < len(data)):
        bad.write_bytes(data[:cut])
        with pytest.raises(BackupError):
            Vault.restore(bad, tmp_path / f"r{cut}.db", PASSPHRASE)
        assert not (tmp_path / f"r{cut}.db").exists()


def test_flipped_and_extended_backups_refused(filled: Vault, tmp_path: Path) -> None:
    out = filled.backup(tmp_path / "b.lwb")
    data = out.read_bytes()
    rng = random.Random(5)
    positions = [0, 9, 12, 20, 60] + rng.sample(range(100, len(data)), 8) + [len(data) - 1]
    bad = tmp_path / "bad.lwb"
    for pos in positions:
        flipped = bytearray(data)
        flipped[pos] ^= 0x01
        bad.write_bytes(flipped)
        with pytest.raises(BackupError):
            Vault.restore(bad, tmp_path / "r.db", PASSPHRASE)
    bad.write_bytes(data + b"\x00" * 17)
    with pytest.raises(BackupError):
        Vault.restore(bad, tmp_path / "r.db", PASSPHRASE)
    assert not (tmp_path / "r.db").exists()


def test_tampered_backup_kdf_refused(filled: Vault, tmp_path: Path) -> None:
    data = filled.backup(tmp_path / "b.lwb").read_bytes()
    bad = tmp_path / "bad.lwb"
    bad.write_bytes(data.replace(b'"memory_kib":65536', b'"memory_kib":8'.ljust(18, b" ")))
    with pytest.raises(BackupError, match="floor"):
        Vault.restore(bad, tmp_path / "r.db", PASSPHRASE)


def test_restore_never_overwrites_without_asking(filled: Vault, vault_path: Path, tmp_path: Path, kdf: KdfParams) -> None:
    out = filled.backup(tmp_path / "b.lwb")
    other = tmp_path / "other.db"
    with Vault.create(other, "other pass", kdf) as o:
        o.add_credential(b"keep me", "unknown", {}, "x")
    before = other.read_bytes()
    with pytest.raises(VaultExists):
        Vault.restore(out, other, PASSPHRASE)
    assert other.read_bytes() == before
    with Vault.restore(out, other, PASSPHRASE, overwrite=True) as r:
        assert r.count_credentials() == filled.count_credentials()
    aside = sorted(p.name for p in tmp_path.iterdir() if ".replaced-" in p.name)
    assert any(n.endswith(".header") for n in aside)  # the old vault was kept, not deleted
    old = next(tmp_path / n for n in aside if n.startswith("other.db.replaced-") and n.count(".") == 2)
    (tmp_path / "old-copy.db.header").write_bytes((tmp_path / (old.name + ".header")).read_bytes())
    old.rename(tmp_path / "old-copy.db")
    with Vault.open(tmp_path / "old-copy.db", "other pass") as o:
        assert o.get_credential(o.list_credentials()[0].id).raw == b"keep me"


def test_not_a_backup(tmp_path: Path) -> None:
    bad = tmp_path / "x.lwb"
    bad.write_bytes(b"PK\x03\x04 not a backup at all")
    with pytest.raises(BackupError, match="not a wallet backup"):
        Vault.restore(bad, tmp_path / "r.db", PASSPHRASE)
    with pytest.raises(BackupError):
        Vault.restore(tmp_path / "missing.lwb", tmp_path / "r.db", PASSPHRASE)


def test_a_backup_passphrase_is_checked_without_restoring(vault: Vault, tmp_path: Path) -> None:
    """The GUI asks "replace your wallet?" only after this passed (issue 16)."""
    from wallet.app.vault import check_backup
    from wallet.storage.backup import BackupPassphraseError

    out = tmp_path / "b.lwbackup"
    vault.backup(out)
    check_backup(out, PASSPHRASE)  # no exception, nothing written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.lwbackup", "vaultdir"]
    with pytest.raises(BackupPassphraseError):
        check_backup(out, "not the passphrase")
    foreign = tmp_path / "foreign.lwbackup"
    foreign.write_bytes(b"not a backup at all" * 10)
    with pytest.raises(BackupError, match="not a wallet backup"):
        check_backup(foreign, PASSPHRASE)
