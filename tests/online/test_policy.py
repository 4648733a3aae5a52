"""When the wallet may fetch (settings, flags, answers per host), the evidence views, and a hostile cache."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from wallet.app import online
from wallet.app.context import context_from_vault
from wallet.app.evidence import cache_size, list_evidence, show_evidence
from wallet.app.online import FetchPlan, import_plan, pending_hosts, select_needs
from wallet.errors import NotFound, UsageError
from wallet.online.evidence import EvidenceKind, EvidenceNeed
from wallet.storage import KdfParams, Vault
from wallet.storage.evidence import EvidenceRow

WHEN = datetime(2026, 11, 27, 10, tzinfo=UTC)


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    v = Vault.create(tmp_path / "v.db", "policy tests", KdfParams.floor())
    try:
        yield v
    finally:
        v.close()


def _need(url: str, kind: EvidenceKind = EvidenceKind.STATUS_LIST) -> EvidenceNeed:
    return EvidenceNeed(kind, url, "the status list")


def test_the_import_plan_follows_flags_then_settings(vault: Vault) -> None:
    env: dict[str, str] = {}
    assert import_plan(vault, environ=env) == FetchPlan(True, ask=True)  # the default: ask once per host
    assert import_plan(vault, online=True, environ=env) == FetchPlan(True, ask=False, respect_denials=False)
    assert import_plan(vault, offline=True, environ=env).fetch is False
    assert import_plan(vault, environ={"WALLET_OFFLINE": "1"}, online=True).fetch is False  # offline wins
    with pytest.raises(UsageError):
        import_plan(vault, online=True, offline=True)
    online.set_fetch_policy(vault, "always")
    assert import_plan(vault, environ=env) == FetchPlan(True)
    online.set_fetch_policy(vault, "never")
    assert import_plan(vault, environ=env).fetch is False
    assert import_plan(vault, online=True, environ=env).fetch is True  # an explicit --online still fetches
    online.set_offline(vault, True)
    assert import_plan(vault, online=True, environ=env).fetch is False
    assert online.online_settings(vault, environ=env).offline is True
    with pytest.raises(UsageError):
        online.set_fetch_policy(vault, "sometimes")


def test_asking_once_per_host_and_remembering(vault: Vault) -> None:
    needs = [_need("https://a.example/1"), _need("https://a.example/2"), _need("https://b.example/1"),
             EvidenceNeed(EvidenceKind.DID_DOCUMENT, "did:web:a.example", "the issuer's DID")]
    asked: list[tuple[str, int]] = []

    def ask(host: str, group: object) -> bool:
        asked.append((host, len(group)))  # type: ignore[arg-type]
        return host == "a.example"

    assert [q.host for q in pending_hosts(vault, needs)] == ["a.example", "b.example"]
    chosen, left = select_needs(vault, needs, FetchPlan(True, ask=True), ask)
    assert asked == [("a.example", 3), ("b.example", 1)]  # one question per host, whatever it needs from it
    assert {n.key for n in chosen} == {"https://a.example/1", "https://a.example/2", "did:web:a.example"}
    assert [n.key for n in left] == ["https://b.example/1"]
    assert vault.host_decisions() == {"a.example": True, "b.example": False}
    assert pending_hosts(vault, needs) == []
    chosen, _ = select_needs(vault, needs, FetchPlan(True, ask=True), lambda *_: pytest.fail("asked again"))
    assert len(chosen) == 3
    # "always" respects a refusal; an explicit --online does not
    assert len(select_needs(vault, needs, FetchPlan(True))[0]) == 3
    assert len(select_needs(vault, needs, FetchPlan(True, respect_denials=False))[0]) == 4
    # nobody to ask: an unanswered host is left out
    fresh = [_need("https://c.example/1"), _need("did:web:bad domain")]
    chosen, left = select_needs(vault, fresh, FetchPlan(True, ask=True), None)
    assert chosen == [] and len(left) == 2


def test_evidence_views(vault: Vault) -> None:
    vault.put_evidence_rows([
        EvidenceRow("status-list", "https://a.example/1", b'{"type": "x"}', WHEN, "https://cdn.a.example/1",
                    "application/vc+ld+json", 600, WHEN, ("The list has only 8 entries.",), 200),
        EvidenceRow("did-document", "https://a.example/1", b"\x00\x01binary", WHEN, None),
    ])
    items = list_evidence(vault)
    assert [(i.kind, i.host) for i in items] == [("did-document", "a.example"), ("status-list", "cdn.a.example")]
    assert items[1].stale(WHEN) is False and items[1].stale(datetime(2026, 11, 28, tzinfo=UTC)) is True
    size = cache_size(vault)
    assert size.count == 2 and size.size == 13 + 8 and dict((k, c) for k, c, _b in size.by_kind) == {
        "did-document": 1, "status-list": 1}
    with pytest.raises(UsageError, match="several kinds"):
        show_evidence(vault, "https://a.example/1")
    shown = show_evidence(vault, "https://a.example/1", "status-list")
    assert shown.text == '{"type": "x"}' and shown.to_json()["notes"] == ["The list has only 8 entries."]
    assert show_evidence(vault, "https://a.example/1", "did-document").text is None  # binary: not printed
    with pytest.raises(NotFound):
        show_evidence(vault, "https://nothing.example/")


def test_a_hostile_cache_never_breaks_verification_context(vault: Vault) -> None:
    vault.put_evidence_rows([
        EvidenceRow("did-document", "did:web:a.example", b"not json", WHEN, "https://a.example/.well-known/did.json"),
        EvidenceRow("did-document", "did:web:b.example", b"[1, 2]", WHEN, "https://b.example/.well-known/did.json"),
        EvidenceRow("jwt-vc-issuer", "https://c.example", b'{"issuer": "https://c.example", "jwks_uri": '
                    b'"https://c.example/keys"}', WHEN, "https://c.example/.well-known/jwt-vc-issuer"),
        EvidenceRow("ob2-hosted", "https://d.example/b/1", b"<html>gone</html>", WHEN, "https://d.example/b/1",
                    "text/html", http_status=410, revoked=True),
        EvidenceRow("trust-snapshot", "eu", b"damaged", WHEN),
    ])
    ctx = context_from_vault(vault)
    assert ctx.did_documents == {} and ctx.issuer_metadata == {}  # unreadable, or keys not fetched: left out
    assert ctx.documents == {"https://d.example/b/1": {"id": "https://d.example/b/1", "revoked": True}}
    assert ctx.fetched_at("did-document", "did:web:a.example") == WHEN and ctx.trusted_list is None
