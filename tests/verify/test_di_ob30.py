"""1EdTech validator OB 3.0 samples (JSON-LD ones; JWT samples belong to the JOSE tests).

Positives must verify (valid or valid-with-warnings: their keys are named
only in the verification method URL, which the wallet flags); negatives
must not, and for the right reason (the named check fails).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from wallet.verify.context import VerificationContext
from wallet.verify.engine import verify_bytes

OB30 = "1edtech-dc-validator/inspector-vc/src/test/resources/ob30"
LIST_URL = (
    "https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/"
    "inspector-vc/src/test/resources/ob30/bit-string-list/testlist"
)
NOW = datetime(2026, 11, 24, tzinfo=UTC)

POSITIVE = [
    "simple.json", "simple.1ob", "simple_v1.json", "simple-did-key-method.json", "simple-did-web-method.json",
    "simple-multiple-proofs.json", "simple-context-alias.json", "simple-context-version.json",
    "simple-eddsa-2022.json", "endorsement-valid.json", "simple-json.png", "simple-json.svg",
    "bit-string-list/testlist",
    # 1EdTech marks complete.json invalid only because an inline JSON-schema URL 404s online;
    # offline its signature, dates and structure all hold.
    "complete.json",
]

# file -> (check that must fail, words its reason must contain)
NEGATIVE = {
    "simple-err-type.json": ("jsonld", "OtherCredential"),
    "simple-err-context.json": ("format", "first @context entry"),
    "simple-err-issuer.json": ("format", "names no issuer"),
    "simple-err-expired.json": ("validity", "expired"),
    "simple-err-issued.json": ("validity", "not valid yet"),
    "simple-err-proof-value.json": ("signature", "does not match"),
    "simple-err-proof-method.json": ("signature", "could not be found"),
    "simple-err-proof-method-no-scheme.json": ("signature", "not a URL"),
    "simple-err-proof-method-unknown-scheme.json": ("signature", "unknown scheme"),
    "simple-err-credential-subject-type.json": ("format", "AchievementSubject"),
    "simple-err-credential-subject-identifier-type.json": ("jsonld", "InvalidIdentityObject"),
    "simple-err-credential-subject-result-type.json": ("jsonld", "InvalidResult"),
    "simple-err-credential-subject-achievement-result-description-type.json": ("jsonld", "InvalidResultDescription"),
    "simple-err-credential-subject-profile-type.json": ("jsonld", "InvalidProfile"),
    "simple-err-evidence-type.json": ("jsonld", "InvalidEvidence"),
    "simple-err-issuer-type.json": ("format", "Profile"),
    "simple-err-issuer-parentorg-type.json": ("jsonld", "InvalidProfile"),
    "simple-err-issuer-otheridentifier-type.json": ("jsonld", "InvalidIdentifierEntry"),
    "simple-noproof.json": ("signature", "not signed"),
    "endorsement-err-schema-status-refresh.json": ("signature", "does not match"),
    "complete_v1.json": ("jsonld", "1EdTechCredentialRefresh"),
    "bit-string-list/credential-status-revoked.json": ("status", "revoked"),
    "bit-string-list/credential-status-revoked-blank-nodes.json": ("status", "revoked"),
}

# Not valid offline, but only because something would have to be fetched.
OFFLINE_ONLY = {
    "simple-err-proof-method-unknown-did-method.json": "did:example",
    "credential-status-revoked.json": "did:web",
    "sd/derivedcredential.json": "ecdsa-sd-2023",
}


def _ctx(vectors_dir: Path) -> VerificationContext:
    lst = (vectors_dir / OB30 / "bit-string-list/testlist").read_bytes()
    return VerificationContext(now=NOW, status_lists={LIST_URL: lst})


@pytest.mark.parametrize("name", POSITIVE)
def test_positive(vectors_dir: Path, name: str) -> None:
    _, report = verify_bytes((vectors_dir / OB30 / name).read_bytes(), _ctx(vectors_dir))
    assert report.verdict.value in ("valid", "valid-with-warnings"), [
        (c.name, c.explained) for c in report.checks if c.status.value != "passed"
    ]
    assert report.check("signature").status.value in ("passed", "warning")


@pytest.mark.parametrize("name", sorted(NEGATIVE))
def test_negative_for_the_right_reason(vectors_dir: Path, name: str) -> None:
    check_name, words = NEGATIVE[name]
    _, report = verify_bytes((vectors_dir / OB30 / name).read_bytes(), _ctx(vectors_dir))
    assert report.verdict.value == "invalid"
    failed = [c for c in report.checks if c.status.value == "failed" and c.name == check_name]
    assert failed and words in failed[0].explained, [(c.name, c.explained) for c in report.checks]


@pytest.mark.parametrize("name", sorted(OFFLINE_ONLY))
def test_needs_network_so_cannot_verify_offline(vectors_dir: Path, name: str) -> None:
    _, report = verify_bytes((vectors_dir / OB30 / name).read_bytes(), _ctx(vectors_dir))
    assert report.verdict.value == "cannot-verify-offline"
    assert OFFLINE_ONLY[name] in report.check("signature").explained
