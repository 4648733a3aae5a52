"""The evidence cache with its metadata, pinned contexts, the contact log and host answers (schema 2)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from wallet.errors import UsageError
from wallet.storage import KdfParams, Vault, schema
from wallet.storage.evidence import MAX_CONTACTS, EvidenceRow, PinnedContextConflict

from .conftest import PASSPHRASE

WHEN = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


def _row(**over: object) -> EvidenceRow:
    base: dict[str, object] = dict(kind="status-list", key="https://issuer.example/status/1", data=b"\x1f\x8b list",
                                   fetched_at=WHEN, source_url="https://cdn.issuer.example/status/1",
                                   media_type="application/vc+jwt", max_age=300,
                                   issued_at=WHEN - timedelta(days=1), notes=("small list", "id differs"),
                                   http_status=200, revoked=None)
    base.update(over)
    return EvidenceRow(**base)  # type: ignore[arg-type]


def test_rows_keep_every_field(vault: Vault) -> None:
    vault.put_evidence_rows([_row(), _row(kind="ob2-hosted", key="https://b.example/a/1", data=b"", http_status=410,
                                          revoked=True, max_age=None, issued_at=None, notes=())])
    got = vault.get_evidence_record("status-list", "https://issuer.example/status/1")
    assert got is not None and got.data == b"\x1f\x8b list" and got.size == len(b"\x1f\x8b list")
    assert got.sha256 == hashlib.sha256(b"\x1f\x8b list").hexdigest()
    assert (got.fetched_at, got.source_url, got.media_type, got.max_age) == (
        WHEN, "https://cdn.issuer.example/status/1", "application/vc+jwt", 300)
    assert got.issued_at == WHEN - timedelta(days=1) and got.notes == ("small list", "id differs")
    assert got.http_status == 200 and got.revoked is None and got.fetched_online
    assert got.stale_after == WHEN + timedelta(seconds=300)
    gone = vault.get_evidence_record("ob2-hosted", "https://b.example/a/1")
    assert gone is not None and gone.revoked is True and gone.http_status == 410 and gone.stale_after is None
    listed = vault.evidence_records()
    assert [(r.kind, r.key, r.data) for r in listed] == [("ob2-hosted", "https://b.example/a/1", None),
                                                         ("status-list", "https://issuer.example/status/1", None)]
    assert [r.data for r in vault.evidence_records("status-list", with_data=True)] == [b"\x1f\x8b list"]
    # the plain API still works and a file-given list has no source
    vault.put_evidence("status-list", "https://issuer.example/status/1", b"from a file")
    again = vault.get_evidence_record("status-list", "https://issuer.example/status/1")
    assert again is not None and again.source_url is None and again.max_age is None and again.notes == ()


def test_a_batch_is_all_or_nothing(vault: Vault) -> None:
    with pytest.raises(UsageError):
        vault.put_evidence_rows([_row(key="https://ok.example/1"), _row(key="")])
    assert vault.evidence_records() == []
    with pytest.raises(UsageError):
        vault.put_evidence_rows([_row(key="x" * 5000)])


def test_pinned_contexts_are_never_silently_replaced(vault: Vault) -> None:
    url = "https://contexts.example/v1"
    first = EvidenceRow("context", url, b'{"@context": {"a": "https://a/"}}', WHEN, url, "application/ld+json")
    with pytest.raises(UsageError, match="pin_context"):
        vault.put_evidence_rows([first])
    with pytest.raises(UsageError, match="pin_context"):
        vault.put_evidence("context", url, b"{}")
    assert vault.pin_context(first) is True
    assert vault.pin_context(first) is False  # the same bytes: nothing to do
    other = EvidenceRow("context", url, b'{"@context": {"a": "https://evil/"}}', WHEN, url, "application/ld+json")
    with pytest.raises(PinnedContextConflict, match="already pinned"):
        vault.pin_context(other)
    stored = vault.get_evidence_record("context", url)
    assert stored is not None and stored.data == first.data
    assert vault.pin_context(other, replace=True) is True
    assert vault.list_evidence("context") == {url: other.data}
    with pytest.raises(UsageError):
        vault.pin_context(_row())


def test_contact_log_is_newest_first_and_bounded(vault: Vault) -> None:
    for i in range(MAX_CONTACTS + 5):
        vault.log_contact(f"h{i}.example", WHEN + timedelta(seconds=i), "status list")
    contacts = vault.list_contacts()
    assert len(contacts) == MAX_CONTACTS
    assert contacts[0] == (f"h{MAX_CONTACTS + 4}.example", WHEN + timedelta(seconds=MAX_CONTACTS + 4), "status list")
    assert vault.list_contacts(limit=2)[1][0] == f"h{MAX_CONTACTS + 3}.example"


def test_host_decisions(vault: Vault) -> None:
    vault.set_host_decision("Issuer.Example", True)
    vault.set_host_decision("tracker.example", False)
    assert vault.host_decisions() == {"issuer.example": True, "tracker.example": False}
    vault.set_host_decision("tracker.example", None)
    assert vault.host_decisions() == {"issuer.example": True}
    with pytest.raises(UsageError):
        vault.set_host_decision(" ", True)


def test_evidence_and_logs_survive_a_backup(vault: Vault, tmp_path: Path) -> None:
    vault.put_evidence_rows([_row()])
    vault.pin_context(EvidenceRow("context", "https://c.example/", b'{"@context": {}}', WHEN, "https://c.example/"))
    vault.log_contact("issuer.example", WHEN, "status list")
    vault.set_host_decision("issuer.example", True)
    out = vault.backup(tmp_path / "b.lwb")
    with Vault.restore(out, tmp_path / "r" / "v.db", PASSPHRASE) as restored:
        assert restored.evidence_records(with_data=True) == vault.evidence_records(with_data=True)
        assert restored.list_contacts() == vault.list_contacts()
        assert restored.host_decisions() == {"issuer.example": True}


def test_an_older_vault_keeps_its_evidence(tmp_path: Path, kdf: KdfParams, monkeypatch: pytest.MonkeyPatch) -> None:
    """A schema-1 vault (evidence without metadata) opens at the current schema with its evidence intact."""
    path = tmp_path / "old.db"
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
        m.setattr(schema, "SCHEMA_MAX", 1)
        m.setattr(schema.migrate, "__defaults__", (1,))
        old = Vault.create(path, PASSPHRASE, kdf)
        assert schema.schema_version(old._db()) == 1
        assert "source_url" not in [r[1] for r in old._db().execute("PRAGMA table_info(evidence)")]
        old._db().execute("INSERT INTO evidence (kind, key, data, fetched_at) VALUES (?, ?, ?, ?)",
                          ("did-document", "did:web:old.example", b'{"id": "did:web:old.example"}', WHEN.isoformat()))
        old.close()
    with Vault.open(path, PASSPHRASE) as v:
        assert schema.schema_version(v._db()) == schema.SCHEMA_MAX
        got = v.get_evidence_record("did-document", "did:web:old.example")
        assert got is not None and got.data == b'{"id": "did:web:old.example"}' and got.fetched_at == WHEN
        assert got.sha256 == hashlib.sha256(got.data).hexdigest() and got.source_url is None and got.notes == ()
        v.log_contact("new.example", WHEN, "DID document")
        assert v.list_contacts()[0][0] == "new.example"
