"""threat "alg none and algorithm confusion" in docs/THREATS.md: alg none, algorithm/key confusion, JWE, crit, zip. Each must be refused."""

from __future__ import annotations

import hashlib
import hmac
import json

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from wallet.util.b64 import b64url_encode
from wallet.verify.jose import JoseError, sign_compact, verify_compact


def _b64json(obj: dict) -> str:
    return b64url_encode(json.dumps(obj).encode())


def _hs256(header: dict, payload: dict, secret: bytes) -> str:
    signing_input = f"{_b64json(header)}.{_b64json(payload)}"
    mac = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64url_encode(mac)}"


@pytest.fixture(scope="module")
def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


PAYLOAD = {"iss": "did:example:issuer", "vc": {"type": ["VerifiableCredential"]}}


@pytest.mark.parametrize("alg", ["none", "None", "NONE"])
def test_alg_none_forgery_refused(alg: str) -> None:
    key = ed25519.Ed25519PrivateKey.generate().public_key()
    for sig in ("", "AAAA"):
        token = f"{_b64json({'alg': alg})}.{_b64json(PAYLOAD)}.{sig}"
        with pytest.raises(JoseError, match="none"):
            verify_compact(token, key)


def _public_forms(public) -> dict[str, bytes]:
    pem = public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    der = public.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    numbers = public.public_numbers()
    jwk = json.dumps({"kty": "RSA", "n": b64url_encode(numbers.n.to_bytes(256, "big")),
                      "e": b64url_encode(numbers.e.to_bytes(3, "big"))}).encode()
    return {"pem": pem, "der": der, "jwk": jwk}


@pytest.mark.parametrize("form", ["pem", "der", "jwk"])
@pytest.mark.parametrize("alg", ["HS256", "HS384", "HS512", "hs256"])
def test_hmac_with_public_key_as_secret_refused(rsa_key: rsa.RSAPrivateKey, form: str, alg: str) -> None:
    """CVE-2022-29217 / CVE-2024-33663: the public key (PEM, DER or JWK) used as an HMAC secret."""
    public = rsa_key.public_key()
    secret = _public_forms(public)[form]
    token = _hs256({"alg": alg, "typ": "JWT"}, PAYLOAD, secret)
    with pytest.raises(JoseError, match="HMAC"):
        verify_compact(token, public)
    with pytest.raises(JoseError):  # even a caller handing over the key bytes gets no HMAC
        verify_compact(token, secret)  # type: ignore[arg-type]


@pytest.mark.parametrize("form", ["pem", "der", "jwk"])
def test_key_bytes_never_accepted_as_key(rsa_key: rsa.RSAPrivateKey, form: str) -> None:
    token = sign_compact({}, PAYLOAD, rsa_key)
    with pytest.raises(JoseError, match="public key object"):
        verify_compact(token, _public_forms(rsa_key.public_key())[form])  # type: ignore[arg-type]


@pytest.mark.parametrize(("signer", "claimed", "verifier"), [
    ("ed25519", "ES256", "ed25519"),
    ("p256", "EdDSA", "p256"),
    ("p256", "ES384", "p256"),
    ("p384", "ES256", "p384"),
    ("rsa", "ES256", "rsa"),
    ("rsa", "EdDSA", "rsa"),
])
def test_alg_key_mismatch_refused(rsa_key: rsa.RSAPrivateKey, signer: str, claimed: str, verifier: str) -> None:
    keys = {"ed25519": ed25519.Ed25519PrivateKey.generate(), "p256": ec.generate_private_key(ec.SECP256R1()),
            "p384": ec.generate_private_key(ec.SECP384R1()), "rsa": rsa_key}
    token = sign_compact({}, PAYLOAD, keys[signer])
    head, body, sig = token.split(".")
    forged = f"{_b64json({'alg': claimed})}.{body}.{sig}"
    with pytest.raises(JoseError, match="does not match the"):
        verify_compact(forged, keys[verifier].public_key())


def test_sign_refuses_mismatched_alg() -> None:
    with pytest.raises(JoseError, match="does not match"):
        sign_compact({"alg": "ES256"}, PAYLOAD, ed25519.Ed25519PrivateKey.generate())
    with pytest.raises(JoseError, match="HMAC"):
        verify_compact(f"{_b64json({'alg': 'HS256'})}.{_b64json(PAYLOAD)}.AA", ed25519.Ed25519PrivateKey
                       .generate().public_key())


def test_jwe_compact_refused() -> None:
    """Five-part JWE: never decrypted, never decompressed (jwcrypto CVE-2024-28102, CVE-2023-6681)."""
    header = {"alg": "PBES2-HS256+A128KW", "enc": "A128GCM", "zip": "DEF", "p2c": 2**31}
    jwe = f"{_b64json(header)}.AAAA.AAAA.AAAA.AAAA"
    with pytest.raises(JoseError, match="JWE"):
        verify_compact(jwe, ed25519.Ed25519PrivateKey.generate().public_key())


def test_enc_header_in_three_parts_refused() -> None:
    private = ed25519.Ed25519PrivateKey.generate()
    token = sign_compact({"enc": "A256GCM"}, PAYLOAD, private)
    with pytest.raises(JoseError, match="JWE"):
        verify_compact(token, private.public_key())


def test_unknown_crit_refused() -> None:
    private = ed25519.Ed25519PrivateKey.generate()
    token = sign_compact({"crit": ["exp-policy"], "exp-policy": 1}, PAYLOAD, private)
    with pytest.raises(JoseError, match="exp-policy"):
        verify_compact(token, private.public_key())
    token = sign_compact({"crit": ["b64"], "b64": False}, PAYLOAD, private)
    with pytest.raises(JoseError, match="critical"):
        verify_compact(token, private.public_key())


def test_zip_refused() -> None:
    private = ed25519.Ed25519PrivateKey.generate()
    token = sign_compact({"zip": "DEF"}, PAYLOAD, private)
    with pytest.raises(JoseError, match="zip"):
        verify_compact(token, private.public_key())


def test_duplicate_header_keys_refused() -> None:
    """Two 'alg' members: parsers disagree on which wins, so the header is refused."""
    private = ed25519.Ed25519PrivateKey.generate()
    head = b64url_encode(b'{"alg":"EdDSA","alg":"none"}')
    with pytest.raises(JoseError, match="repeats"):
        verify_compact(f"{head}.{_b64json(PAYLOAD)}.AA", private.public_key())
