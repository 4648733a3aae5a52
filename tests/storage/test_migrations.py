"""Schema versions: discovery, fresh vaults at SCHEMA_MAX, newer vaults refused,
and an upgrade that fails leaves the old version."""

from __future__ import annotations

from pathlib import Path

import pytest

from wallet.errors import VaultTooNew
from wallet.storage import SCHEMA_MAX, SCHEMA_MIN, KdfParams, Vault, schema
from wallet.storage.connection import Connection

from .conftest import PASSPHRASE


def test_migrations_discovered_in_order() -> None:
    found = schema.discover()
    assert [m.version for m in found] == list(range(1, SCHEMA_MAX + 1))
    assert all(m.description for m in found)  # each says what it changes
    assert 1 <= SCHEMA_MIN <= SCHEMA_MAX


def test_fresh_vault_is_at_schema_max(vault: Vault) -> None:
    assert vault.info()["schema_version"] == SCHEMA_MAX
    tables = {r[0] for r in vault._db().execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {
        "credentials", "reports", "evidence", "targets", "shares", "settings",
        "trusted_issuers", "trust_anchors", "holder_key",
    } <= tables


def test_newer_schema_refused(vault: Vault, vault_path: Path) -> None:
    vault._db().execute(f"PRAGMA user_version = {SCHEMA_MAX + 1}")
    vault.close()
    before = vault_path.read_bytes()
    with pytest.raises(VaultTooNew, match="Update the wallet"):
        Vault.open(vault_path, PASSPHRASE)
    assert vault_path.read_bytes() == before


def test_failed_upgrade_rolls_back(vault: Vault, monkeypatch: pytest.MonkeyPatch) -> None:
    def good(conn: Connection) -> None:
        conn.execute("CREATE TABLE extra (x)")

    def broken(conn: Connection) -> None:
        conn.execute("INSERT INTO extra VALUES (1)")
        raise RuntimeError("migration bug")

    extra = (
        schema.Migration(SCHEMA_MAX + 1, "m_test_good", "adds extra", good),
        schema.Migration(SCHEMA_MAX + 2, "m_test_broken", "fails", broken),
    )
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS + extra)
    monkeypatch.setattr(schema, "SCHEMA_MAX", SCHEMA_MAX + 2)
    conn = vault._db()
    with pytest.raises(RuntimeError):
        schema.migrate(conn, SCHEMA_MAX + 2)
    assert schema.schema_version(conn) == SCHEMA_MAX
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").fetchone()[0] == 0
    assert schema.migrate(conn, SCHEMA_MAX + 1) == SCHEMA_MAX + 1
    assert schema.schema_version(conn) == SCHEMA_MAX + 1


def test_upgrade_from_an_older_version_on_open(tmp_path: Path, kdf: KdfParams, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "v.db"
    Vault.create(path, PASSPHRASE, kdf).close()

    def add_column(conn: Connection) -> None:
        conn.execute("ALTER TABLE settings ADD COLUMN note TEXT")

    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS + (schema.Migration(SCHEMA_MAX + 1, "m", "note", add_column),))
    monkeypatch.setattr(schema, "SCHEMA_MAX", SCHEMA_MAX + 1)
    monkeypatch.setattr(schema.migrate, "__defaults__", (SCHEMA_MAX + 1,))
    with Vault.open(path, PASSPHRASE) as v:
        assert schema.schema_version(v._db()) == SCHEMA_MAX + 1
        cols = [r[1] for r in v._db().execute("PRAGMA table_info(settings)")]
        assert "note" in cols
