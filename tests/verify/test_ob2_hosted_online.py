"""Open Badges 2.0 hosted assertions with a copy fetched from their ``id`` (threat "Open Badges 2.0 hosted assertions" in docs/THREATS.md)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from wallet.formats import parse
from wallet.messages import render
from wallet.model import CheckStatus, Verdict, verdict_of
from wallet.readout import State, credential_state
from wallet.verify.context import VerificationContext
from wallet.verify.engine import verify
from wallet.verify.ob2 import verify_ob2

OB20 = "1edtech-dc-validator/inspector-vc/src/test/resources/ob20"
NOW = datetime(2026, 1, 1, tzinfo=UTC)
CHECKED = datetime(2025, 12, 31, 9, 30, tzinfo=UTC)
ID = "https://example.org/beths-robotics-badge.json"


@pytest.fixture(scope="module")
def stored(vectors_dir: Path) -> bytes:
    return (vectors_dir / OB20 / "basic-assertion.json").read_bytes()


@pytest.fixture(scope="module")
def documents(vectors_dir: Path) -> dict[str, Any]:
    docs: dict[str, Any] = {}
    for path in (vectors_dir / OB20 / "assets").glob("*.json"):
        text = path.read_text(encoding="utf-8-sig").strip()
        if text.startswith("{"):
            docs["https://example.org/" + path.name] = json.loads(text)
    return docs


def _checks(raw: bytes, documents: dict[str, Any], copy: Any, fetched: datetime | None = CHECKED) -> dict[str, Any]:
    docs = dict(documents)
    if copy is not None:
        docs[ID] = copy
    ctx = VerificationContext(now=NOW, documents=docs, fetched={f"ob2-hosted {ID}": fetched} if fetched else {})
    return {c.name: c for c in verify_ob2(parse(raw), ctx)}


def test_a_fetched_copy_equal_to_the_stored_badge_passes_as_of(stored: bytes, documents: dict[str, Any]) -> None:
    checks = _checks(stored, documents, json.loads(stored))
    signature = checks["signature"]
    assert signature.status is CheckStatus.PASSED and signature.message.id == "ob2.hosted_checked"
    assert "31 Dec 2025, 09:30 UTC" in render(signature.message)
    assert verdict_of(list(checks.values())) is Verdict.VALID


def test_a_copy_without_a_fetch_time_is_not_trusted(stored: bytes, documents: dict[str, Any]) -> None:
    """A document handed over as a file (``wallet verify --document``) is not the issuer's hosted copy."""
    checks = _checks(stored, documents, json.loads(stored), fetched=None)
    assert checks["signature"].status is CheckStatus.NOT_CHECKED and checks["signature"].message.id == "ob2.hosted_offline"


def test_offline_after_a_fetch_says_when_it_was_last_checked(stored: bytes, documents: dict[str, Any]) -> None:
    checks = _checks(stored, documents, None)
    assert checks["signature"].status is CheckStatus.NOT_CHECKED
    assert checks["signature"].message.id == "ob2.hosted_offline_last"
    assert "last checked online on 31 Dec 2025" in render(checks["signature"].message)
    assert verdict_of(list(checks.values())) is Verdict.CANNOT_VERIFY_OFFLINE


def test_the_hosted_copy_is_what_counts(stored: bytes, documents: dict[str, Any]) -> None:
    hosted = {**json.loads(stored), "expires": "2017-06-30T00:00:00Z"}  # the issuer shortened it
    checks = _checks(stored, documents, hosted)
    assert checks["signature"].status is CheckStatus.WARNING and checks["signature"].message.id == "ob2.hosted_differs"
    assert checks["validity"].status is CheckStatus.FAILED  # read from the hosted copy, not the stored one


def test_revoked_true_and_410_gone_mean_revoked(stored: bytes, documents: dict[str, Any]) -> None:
    hosted = {**json.loads(stored), "revoked": True, "revocationReason": "issued in error"}
    checks = _checks(stored, documents, hosted)
    assert checks["status"].status is CheckStatus.FAILED and checks["status"].message.id == "ob2.hosted_revoked"
    gone = _checks(stored, documents, {"id": ID, "revoked": True})
    assert gone["status"].message.id == "ob2.hosted_revoked" and gone["signature"].message.id == "ob2.hosted_gone"
    report = verify(parse(stored), VerificationContext(now=NOW, documents={ID: {"id": ID, "revoked": True}},
                                                       fetched={f"ob2-hosted {ID}": CHECKED}))
    assert credential_state(report).state is State.REVOKED
    assert "checked on 31 Dec 2025" in render(credential_state(report).reason)


def test_a_copy_naming_another_id_is_ignored(stored: bytes, documents: dict[str, Any]) -> None:
    checks = _checks(stored, documents, {**json.loads(stored), "id": "https://elsewhere.example/b.json"})
    assert checks["signature"].message.id == "ob2.hosted_offline_last"
