"""The Vault's table operations, as the CLI and GUI use them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from wallet.errors import NotFound, UsageError, VaultError
from wallet.storage import StoredCredential, Vault, default_vault_path
from wallet.storage.holder_key import public_key_of


def test_add_get_list_remove(vault: Vault, make_credential) -> None:
    raw, fmt, parsed, source, report = make_credential(1)
    sc, new = vault.add_credential(raw, fmt, parsed, source, report)
    assert new and isinstance(sc, StoredCredential)
    assert sc.raw == raw and sc.parsed == parsed and sc.report == report and sc.format == fmt
    assert len(sc.id) == 16 and sc.sha256.startswith(sc.id)
    assert sc.imported_at.tzinfo is not None
    again, new2 = vault.add_credential(raw, fmt, parsed, "other-source")
    assert not new2 and again.id == sc.id and again.source == source
    assert vault.get_credential(sc.id) == sc
    assert vault.get_credential(sc.id[:4].upper()).id == sc.id
    assert vault.get_credential(sc.sha256).id == sc.id
    wrong_tail = sc.sha256[:20] + ("0" if sc.sha256[20] != "0" else "1")
    with pytest.raises(NotFound):
        vault.get_credential(wrong_tail)
    assert vault.list_credentials() == [sc]
    assert vault.count_credentials() == 1
    vault.remove_credential(sc.id)
    assert vault.count_credentials() == 0
    assert vault._db().execute("SELECT count(*) FROM reports").fetchone()[0] == 0
    with pytest.raises(NotFound):
        vault.remove_credential(sc.id)
    with pytest.raises(NotFound):
        vault.get_credential(sc.id)
    with pytest.raises(NotFound):
        vault.get_credential("not-hex")


def test_ambiguous_prefix(vault: Vault, make_credential) -> None:
    ids = [vault.add_credential(*make_credential(i))[0].id for i in range(40)]
    # 40 ids over 16 first digits: some digit is shared (pigeonhole).
    shared = next(c for c in "0123456789abcdef" if sum(i.startswith(c) for i in ids) > 1)
    with pytest.raises(UsageError, match="several"):
        vault.get_credential(shared)


def test_batch_is_all_or_nothing(vault: Vault, make_credential) -> None:
    good = [make_credential(i) for i in range(5)]
    bad = ("not bytes", "vc-ldp", {}, "x", None)
    with pytest.raises(UsageError):
        vault.add_credentials(good[:3] + [bad] + good[3:])  # type: ignore[list-item]
    assert vault.count_credentials() == 0
    not_json = (b"raw", "vc-ldp", {"when": object()}, "x", None)
    with pytest.raises(UsageError):
        vault.add_credentials(good + [not_json])
    assert vault.count_credentials() == 0
    results = vault.add_credentials(good + good[:2])
    assert [new for _, new in results] == [True] * 5 + [False] * 2
    assert vault.count_credentials() == 5


def test_reports(vault: Vault, make_credential) -> None:
    raw, fmt, parsed, source, _ = make_credential(1)
    sc, _ = vault.add_credential(raw, fmt, parsed, source)
    assert sc.report is None
    vault.set_report(sc.id, {"verdict": "invalid"})
    assert vault.get_credential(sc.id).report == {"verdict": "invalid"}
    with pytest.raises(NotFound):
        vault.set_report("0" * 16, {})


def test_evidence_targets_shares_settings(vault: Vault) -> None:
    when = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    vault.put_evidence("status-list", "https://a/1", b"\x00\x01", when)
    vault.put_evidence("did-document", "did:web:a", b"{}")
    assert vault.get_evidence("status-list", "https://a/1") == (b"\x00\x01", when)
    assert vault.get_evidence("status-list", "nope") is None
    vault.put_evidence("status-list", "https://a/1", b"new")
    assert vault.list_evidence("status-list") == {"https://a/1": b"new"}

    vault.put_target("t1", {"id": "t1", "ects": 60})
    vault.put_target("t2", {"id": "t2"})
    vault.put_target("t1", {"id": "t1", "ects": 30})
    assert vault.list_targets() == [{"id": "t1", "ects": 30}, {"id": "t2"}]
    assert vault.get_target("t2") == {"id": "t2"}
    vault.remove_target("t2")
    with pytest.raises(NotFound):
        vault.get_target("t2")

    vault.add_share("s1", {"url": "https://share/x"})
    assert vault.list_shares() == [{"url": "https://share/x"}]

    assert vault.get_setting("missing", 7) == 7
    vault.set_setting("langs", ["sl", "en"])
    assert vault.get_setting("langs") == ["sl", "en"]
    with pytest.raises(UsageError):
        vault.set_setting("bad", object())


def test_trust_store(vault: Vault) -> None:
    vault.add_trusted_issuer("did:web:uni.example", "University")
    assert vault.list_trusted_issuers() == [("did:web:uni.example", "University")]
    vault.remove_trusted_issuer("did:web:uni.example")
    assert vault.list_trusted_issuers() == []
    sha = vault.add_trust_anchor(b"\x30\x03\x02\x01\x01", "Test root")
    assert vault.list_trust_anchors() == [(sha, b"\x30\x03\x02\x01\x01", "Test root")]
    vault.remove_trust_anchor(sha)
    with pytest.raises(NotFound):
        vault.remove_trust_anchor(sha)


def test_holder_key_signs(vault: Vault) -> None:
    did = vault.holder_did()
    assert did.startswith("did:key:z6Mk")
    sig = vault.holder_private_key().sign(b"presentation")
    public_key_of(did).verify(sig, b"presentation")


def test_info_and_closed(vault: Vault, make_credential) -> None:
    vault.add_credential(*make_credential(1))
    info = vault.info()
    assert info["credential_count"] == 1 and info["schema_version"] >= 1
    assert info["kdf"]["memory_kib"] == 65536 and info["holder_did"] == vault.holder_did()
    assert info["sqlcipher_version"].startswith("4.") and info["file_size"] > 0
    vault.close()
    with pytest.raises(VaultError, match="closed"):
        vault.count_credentials()
    vault.close()  # idempotent


def test_default_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WALLET_VAULT", str(tmp_path / "v.db"))
    assert default_vault_path() == tmp_path / "v.db"
    monkeypatch.delenv("WALLET_VAULT")
    assert default_vault_path().name == "vault.db" and "learner-wallet" in str(default_vault_path())
