"""Open Badges 2.0: signed JWS with issuer-linked keys only, hosted -> cannot verify offline (rows 16, 17)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from wallet.formats import parse
from wallet.formats.ob2 import with_documents
from wallet.model import CheckStatus, Verdict, verdict_of
from wallet.model import CredentialFormat as F
from wallet.verify.context import VerificationContext
from wallet.verify.jose import sign_compact
from wallet.verify.ob2 import recipient_matches, verify_ob2

OB20 = "1edtech-dc-validator/inspector-vc/src/test/resources/ob20"
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def _documents(vectors_dir: Path) -> dict:
    """The validator's assets, by the URLs the fixtures use (its test harness maps example.org/<file>)."""
    docs: dict = {}
    for path in (vectors_dir / OB20 / "assets").glob("*.json"):
        text = path.read_text(encoding="utf-8-sig").strip()
        if not text.startswith("{"):
            continue
        for host in ("http://example.org/", "https://example.org/", "http://example.com/"):
            docs[host + path.name] = json.loads(text)
    return docs


@pytest.fixture(scope="module")
def ctx(vectors_dir: Path) -> VerificationContext:
    return VerificationContext(now=NOW, documents=_documents(vectors_dir))


def _checks(vectors_dir: Path, name: str, ctx: VerificationContext) -> dict:
    return {c.name: c for c in verify_ob2(parse((vectors_dir / OB20 / name).read_bytes()), ctx)}


@pytest.mark.parametrize("name", ["simple.jwt", "simple-not-revoked.jwt"])
def test_signed_valid(vectors_dir: Path, ctx: VerificationContext, name: str) -> None:
    checks = _checks(vectors_dir, name, ctx)
    assert verdict_of(list(checks.values())) is Verdict.VALID
    assert checks["signature"].message.get("suite") == "RS256" and str(checks["signature"].message.get("key")).startswith("http://example.org/key")


def test_signed_revoked(vectors_dir: Path, ctx: VerificationContext) -> None:
    checks = _checks(vectors_dir, "simple-revoked.jwt", ctx)
    assert checks["signature"].status is CheckStatus.PASSED
    assert checks["status"].status is CheckStatus.FAILED and str(checks["status"].message.get("reason")).startswith("A good reason")


def test_signed_without_documents_cannot_verify_offline(vectors_dir: Path) -> None:
    checks = _checks(vectors_dir, "simple.jwt", VerificationContext(now=NOW))
    assert verdict_of(list(checks.values())) is Verdict.CANNOT_VERIFY_OFFLINE


def test_key_document_missing_is_not_checked(vectors_dir: Path, ctx: VerificationContext) -> None:
    docs = {k: v for k, v in ctx.documents.items() if "key1" not in k}
    checks = _checks(vectors_dir, "simple.jwt", VerificationContext(now=NOW, documents=docs))
    assert checks["signature"].status is CheckStatus.NOT_CHECKED and checks["signature"].essential


def test_key_not_linked_from_profile_refused(vectors_dir: Path, ctx: VerificationContext) -> None:
    """simple.jwt names key1; a profile linking only key2 must not accept it (row 17)."""
    docs = dict(ctx.documents)
    profile = dict(docs["https://example.org/organization.json"])
    profile["publicKey"] = "http://example.org/key2.json"
    docs["https://example.org/organization.json"] = profile
    checks = _checks(vectors_dir, "simple.jwt", VerificationContext(now=NOW, documents=docs))
    assert checks["signature"].status is CheckStatus.FAILED and checks["signature"].message.id == "ob2.key_not_linked"


def test_key_owned_by_someone_else_refused(vectors_dir: Path, ctx: VerificationContext) -> None:
    docs = dict(ctx.documents)
    key = dict(docs["http://example.org/key1.json"])
    key["owner"] = "https://attacker.example/profile"
    docs["http://example.org/key1.json"] = key
    checks = _checks(vectors_dir, "simple.jwt", VerificationContext(now=NOW, documents=docs))
    assert checks["signature"].status is CheckStatus.FAILED and "owned by" in checks["signature"].explained


def test_profile_linking_two_keys_uses_the_right_one(vectors_dir: Path, ctx: VerificationContext) -> None:
    docs = dict(ctx.documents)
    profile = dict(docs["https://example.org/organization.json"])
    profile["publicKey"] = ["http://example.org/key2.json", "http://example.org/key1.json"]
    docs["https://example.org/organization.json"] = profile
    checks = _checks(vectors_dir, "simple.jwt", VerificationContext(now=NOW, documents=docs))
    assert checks["signature"].status is CheckStatus.PASSED


def test_attacker_signed_with_own_key_refused(vectors_dir: Path, ctx: VerificationContext) -> None:
    """A JWS re-signed by someone else, naming the issuer's key URL, fails the signature."""
    payload = dict(parse((vectors_dir / OB20 / "simple.jwt").read_bytes()).document["payload"])
    attacker = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    token = sign_compact({"typ": "JWT"}, payload, attacker)
    checks = {c.name: c for c in verify_ob2(parse(token.encode()), ctx)}
    assert checks["signature"].status is CheckStatus.FAILED


@pytest.mark.parametrize("name", ["basic-assertion.json", "simple-badge.png", "basic-assertion-with-allowed-origins.json"])
def test_hosted_cannot_verify_offline(vectors_dir: Path, ctx: VerificationContext, name: str) -> None:
    checks = _checks(vectors_dir, name, ctx)
    assert checks["signature"].status is CheckStatus.NOT_CHECKED and checks["signature"].essential
    assert checks["signature"].message.id == "ob2.hosted_offline" and str(checks["signature"].message.get("url")).startswith("https://")
    assert verdict_of(list(checks.values())) is Verdict.CANNOT_VERIFY_OFFLINE


def test_hosted_baked_heart(vectors_dir: Path, ctx: VerificationContext) -> None:
    cred = parse((vectors_dir / "openbadges/ob2-baked/baked_heart.png").read_bytes())
    assert verdict_of(verify_ob2(cred, ctx)) is Verdict.CANNOT_VERIFY_OFFLINE


@pytest.mark.parametrize(("name", "check"), [
    ("basic-assertion-with-allowed-origins-invalid-starts-with.json", "hosted-origin"),
    ("basic-assertion-with-allowed-origins-invalid-multiple-starts-with.json", "hosted-origin"),
    ("basic-assertion-expired.json", "validity"),
    ("basic-assertion-in-future.json", "validity"),
    ("basic-assertion-expired-before-issued.json", "validity"),
])
def test_hosted_offline_failures(vectors_dir: Path, ctx: VerificationContext, name: str, check: str) -> None:
    checks = _checks(vectors_dir, name, ctx)
    assert checks[check].status is CheckStatus.FAILED
    assert verdict_of(list(checks.values())) is Verdict.INVALID


def test_recipient_hash(vectors_dir: Path, ctx: VerificationContext) -> None:
    cred = parse((vectors_dir / OB20 / "simple.jwt").read_bytes())
    assertion = cred.document["payload"]
    assert _checks(vectors_dir, "simple.jwt", ctx)["recipient"].status is CheckStatus.PASSED
    assert not recipient_matches(assertion, "someone@example.org")
    fake = dict(assertion, recipient={"type": "email", "hashed": True, "salt": "s",
                                      "identity": "sha256$" + __import__("hashlib").sha256(b"me@x.orgs").hexdigest()})
    assert recipient_matches(fake, "me@x.org") and not recipient_matches(fake, "me@y.org")
    unsalted = dict(assertion, recipient={"type": "email", "hashed": True, "identity": "sha256$00"})
    from wallet.verify.ob2 import _recipient_check

    assert _recipient_check(unsalted).status is CheckStatus.WARNING


def test_documents_fill_the_display(vectors_dir: Path, ctx: VerificationContext) -> None:
    cred = parse((vectors_dir / OB20 / "simple.jwt").read_bytes())
    assert cred.format is F.OB2_SIGNED and not cred.title
    full = with_documents(cred, ctx.documents)
    assert full.title == {"und": "Awesome Robotics Badge"}
    assert full.issuer.name == {"und": "An Example Badge Issuer"}
    assert full.issued is not None and full.issued.year == 2016


def test_jws_header_attacks_refused_for_badges(vectors_dir: Path, ctx: VerificationContext) -> None:
    cred = parse((vectors_dir / OB20 / "simple.jwt").read_bytes())
    _, body, sig = cred.document["compact"].split(".")
    from wallet.util.b64 import b64url_encode

    for header in ({"alg": "none"}, {"alg": "HS256"}, {"alg": "ES256"}):
        forged = f"{b64url_encode(json.dumps(header).encode())}.{body}.{sig}"
        checks = {c.name: c for c in verify_ob2(parse(forged.encode()), ctx)}
        assert checks["signature"].status is CheckStatus.FAILED, header


def test_pem_key_export_round_trip() -> None:
    """The CryptographicKey path uses PEM; make sure a fresh key verifies end to end."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.public_key().public_bytes(serialization.Encoding.PEM,
                                        serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    profile = {"id": "https://i.example/p", "type": "Issuer", "name": "I", "publicKey": "https://i.example/k"}
    docs = {"https://i.example/p": profile,
            "https://i.example/k": {"id": "https://i.example/k", "type": "CryptographicKey",
                                    "owner": "https://i.example/p", "publicKeyPem": pem},
            "https://i.example/b": {"id": "https://i.example/b", "type": "BadgeClass", "name": "B",
                                    "issuer": "https://i.example/p"}}
    assertion = {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "urn:uuid:1",
                 "recipient": {"type": "email", "hashed": True, "salt": "x", "identity": "sha256$ab"},
                 "badge": "https://i.example/b", "issuedOn": "2024-01-01T00:00:00Z",
                 "verification": {"type": "signed", "creator": "https://i.example/k"}}
    token = sign_compact({"typ": "JWT"}, assertion, key)
    checks = verify_ob2(parse(token.encode()), VerificationContext(now=NOW, documents=docs))
    assert verdict_of(checks) is Verdict.VALID
