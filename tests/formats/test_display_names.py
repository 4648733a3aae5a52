"""Display: long DIDs get a short form in lists; JWT achievements show their title; the untitled fallback is translated."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from wallet import codec
from wallet.app.credentials import row_from_parsed
from wallet.formats import parse
from wallet.formats.identifiers import short_identifier
from wallet.model import Credential, CredentialFormat
from wallet.util.b64 import b64url_encode
from wallet.verify.did import did_key_for
from wallet.verify.jose import sign_compact


def _did_jwk() -> tuple[ec.EllipticCurvePrivateKey, str]:
    key = ec.derive_private_key(0xD1D_7E4, ec.SECP256R1())
    n = key.public_key().public_numbers()
    jwk = {"kty": "EC", "crv": "P-256", "x": b64url_encode(n.x.to_bytes(32, "big")),
           "y": b64url_encode(n.y.to_bytes(32, "big"))}
    return key, "did:jwk:" + b64url_encode(json.dumps(jwk).encode())


def test_short_identifier_keeps_method_and_a_fingerprint() -> None:
    _, did = _did_jwk()
    assert len(did) > 150
    short = short_identifier(did)
    assert short.startswith("did:jwk:…") and len(short) <= 25
    assert short_identifier(did) == short  # stable
    assert short_identifier(did + "x") != short  # two issuers never look the same
    assert short_identifier("did:web:uni.example") == "did:web:uni.example"
    assert short_identifier("https://university.example/issuers/registrar/2024/very-long-path") \
        == "https://university.example/issuers/registrar/2024/very-long-path"


def test_did_jwk_issuer_is_short_in_the_list_and_whole_in_json() -> None:
    key, did = _did_jwk()
    vc = {"@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiableCredential"],
          "issuanceDate": "2025-01-01T00:00:00Z", "credentialSubject": {"id": "did:example:ada"}}
    token = sign_compact({"alg": "ES256", "typ": "JWT", "kid": f"{did}#0"}, {"iss": did, "vc": vc}, key)
    cred = parse(token.encode())
    row = row_from_parsed("c1", cred.format.value, codec.to_json(cred), None, datetime(2026, 1, 1, tzinfo=UTC), ("en",))
    assert row.issuer.startswith("did:jwk:…") and len(row.issuer) <= 25
    assert row.issuer_id == did and row.to_json()["issuer_id"] == did


def test_jwt_achievement_name_as_language_map_is_the_title() -> None:
    key = ed25519.Ed25519PrivateKey.from_private_bytes(b"\x09" * 32)
    did = did_key_for(key.public_key())
    vc = {"@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiableCredential", "OpenBadgeCredential"],
          "credentialSubject": {"type": "AchievementSubject",
                                "achievement": {"type": "Achievement", "name": {"en": "Teamwork", "sl": "Timsko delo"}}}}
    cred = parse(sign_compact({"alg": "EdDSA", "typ": "JWT"}, {"iss": did, "vc": vc}, key).encode())
    assert cred.display_title(("sl",)) == "Timsko delo"
    assert cred.display_title() == "Teamwork"


def test_untitled_fallback_is_a_translated_message() -> None:
    cred = Credential(CredentialFormat.VC_LDP, b"{}")
    assert cred.display_title() == "(untitled credential)"
    assert cred.display_title(("sl",)) == "(dokazilo brez naslova)"
