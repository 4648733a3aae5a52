"""Compact JWS parsing: VC 1.1 claims, VC-JOSE, SD-JWT, document shape, caps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wallet.errors import InputError
from wallet.formats import parse
from wallet.formats.jwt import split_jws, split_sd_jwt, vc11_view
from wallet.model import CredentialFormat as F
from wallet.util.b64 import b64url_encode
from wallet.util.limits import MAX_COMPACT_CHARS

SUITE = "w3c-vc-jose-cose-test-suite/tests/input"
HEAD = b64url_encode(b'{"alg":"EdDSA"}')


def test_vc11_jwt_document_and_fields(corpus_dir: Path) -> None:
    raw = (corpus_dir / "jwt-vc11-es256.valid.001.jwt").read_bytes()
    cred = parse(raw)
    assert cred.format is F.VC_JWT and cred.raw == raw
    assert set(cred.document) == {"header", "payload", "compact"}
    assert cred.document["compact"] == raw.decode().strip()
    assert cred.document["header"]["alg"] == "ES256"
    payload = cred.document["payload"]
    assert cred.issuer.id == payload["iss"] and cred.id == payload["jti"]
    assert cred.subject.id == payload["sub"]
    assert cred.valid_until is not None and int(cred.valid_until.timestamp()) == payload["exp"]


def test_vc11_claims_fill_missing_fields() -> None:
    payload = {"iss": "did:example:i", "jti": "urn:uuid:9", "sub": "did:example:s", "nbf": 1700000000,
               "exp": 1800000000, "vc": {"type": ["VerifiableCredential"], "credentialSubject": {"x": 1}}}
    view = vc11_view(payload)
    assert view["id"] == "urn:uuid:9" and view["issuer"] == "did:example:i"
    assert view["credentialSubject"]["id"] == "did:example:s"
    assert view["issuanceDate"] == 1700000000 and view["expirationDate"] == 1800000000


def test_vc_jose_payload_is_the_credential(corpus_dir: Path) -> None:
    cred = parse((corpus_dir / "jose-vc2-eddsa.valid.001.jwt").read_bytes())
    assert cred.format is F.VC_JOSE
    assert cred.document["header"]["typ"] == "vc+jwt"
    assert cred.achievement is not None and cred.achievement.credits


def test_sd_jwt_parsed_from_issuer_jwt(vectors_dir: Path) -> None:
    raw = (vectors_dir / SUITE / "credential-sdjwt-nested.txt").read_bytes()
    cred = parse(raw)
    assert cred.format is F.SD_JWT
    assert cred.issuer.id == "https://example.issuer/vc-jose-cose"
    assert "EmploymentCredential" in cred.types
    assert len(cred.document["disclosures"]) >= 1
    issuer_jwt, disclosures, kb = split_sd_jwt(raw.decode().strip())
    assert issuer_jwt.count(".") == 2 and kb is None and disclosures == cred.document["disclosures"]


def test_jwt_split_refuses_jwe_and_bad_parts() -> None:
    with pytest.raises(InputError, match="JWE"):
        split_jws("a.b.c.d.e")
    with pytest.raises(InputError, match="3 dot-separated"):
        split_jws("a.b")
    with pytest.raises(InputError, match="too large"):
        split_jws("a" * (MAX_COMPACT_CHARS + 1))
    with pytest.raises(InputError, match="base64url"):
        split_jws("e30=.e30.AA")


def test_jwt_with_non_credential_payload_refused() -> None:
    token = f"{HEAD}.{b64url_encode(json.dumps({'hello': 1}).encode())}.AA"
    with pytest.raises(InputError):
        parse(token.encode())


def test_vp_jwt_holder_from_iss() -> None:
    payload = {"iss": "did:example:holder", "vp": {"type": ["VerifiablePresentation"],
                                                   "verifiableCredential": []}}
    token = f"{HEAD}.{b64url_encode(json.dumps(payload).encode())}.AA"
    cred = parse(token.encode())
    assert cred.format is F.VP_JWT and cred.issuer.id == "did:example:holder"
