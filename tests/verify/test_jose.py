"""Compact JWS: sign/verify round trips for every supported key type, and the strict parts."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from wallet.util.b64 import b64url_decode, b64url_encode
from wallet.verify.jose import JoseError, sign_compact, split_compact, verify_compact

KEYS = {
    "EdDSA": lambda: ed25519.Ed25519PrivateKey.generate(),
    "ES256": lambda: ec.generate_private_key(ec.SECP256R1()),
    "ES384": lambda: ec.generate_private_key(ec.SECP384R1()),
    "ES512": lambda: ec.generate_private_key(ec.SECP521R1()),
    "RS256": lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048),
}
SIG_LEN = {"EdDSA": 64, "ES256": 64, "ES384": 96, "ES512": 132, "RS256": 256}


@pytest.fixture(scope="module")
def keys() -> dict:
    return {alg: make() for alg, make in KEYS.items()}


@pytest.mark.parametrize("alg", list(KEYS))
def test_round_trip(keys: dict, alg: str) -> None:
    private = keys[alg]
    token = sign_compact({"typ": "JWT"}, {"iss": "did:example:1", "n": "žlica"}, private)
    header, payload = verify_compact(token, private.public_key())
    assert header["alg"] == alg and header["typ"] == "JWT"
    assert payload.decode() == '{"iss":"did:example:1","n":"žlica"}'
    assert len(split_compact(token).signature) == SIG_LEN[alg]


def test_ps256_round_trip(keys: dict) -> None:
    token = sign_compact({"alg": "PS256"}, b"payload", keys["RS256"])
    assert verify_compact(token, keys["RS256"].public_key()) == ({"alg": "PS256"}, b"payload")


@pytest.mark.parametrize("alg", list(KEYS))
def test_any_changed_byte_fails(keys: dict, alg: str) -> None:
    private = keys[alg]
    token = sign_compact({}, {"a": 1}, private)
    head, body, sig = token.split(".")
    raw = bytearray(b64url_decode(sig, "sig"))
    raw[len(raw) // 2] ^= 0x01
    changed = b64url_encode(b'{"a":2}')
    for forged in (f"{head}.{changed}.{sig}", f"{head}.{body}.{b64url_encode(bytes(raw))}"):
        with pytest.raises(JoseError, match="signature does not match"):
            verify_compact(forged, private.public_key())


def test_wrong_key_same_type_fails(keys: dict) -> None:
    token = sign_compact({}, b"x", keys["EdDSA"])
    with pytest.raises(JoseError, match="does not match"):
        verify_compact(token, ed25519.Ed25519PrivateKey.generate().public_key())


def test_ecdsa_der_signature_refused(keys: dict) -> None:
    """ECDSA must be raw r||s (RFC 7518 3.4); a DER-encoded signature is another length."""
    private = keys["ES256"]
    token = sign_compact({}, b"x", private)
    head, body, _ = token.split(".")
    from cryptography.hazmat.primitives import hashes

    der = private.sign(f"{head}.{body}".encode(), ec.ECDSA(hashes.SHA256()))
    with pytest.raises(JoseError, match="raw r"):
        verify_compact(f"{head}.{body}.{b64url_encode(der)}", private.public_key())


def test_short_rsa_key_refused() -> None:
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    with pytest.raises(JoseError, match="2048"):
        sign_compact({}, b"x", small)


@pytest.mark.parametrize("token", ["", "a", "a.b", "a.b.c.d", "!!.e30.", "e30.e30.e30.", "W10.e30.AA"])
def test_malformed_refused(token: str) -> None:
    with pytest.raises(JoseError):
        split_compact(token)


def test_oversize_header_refused(keys: dict) -> None:
    token = sign_compact({"pad": "x" * 20000}, b"x", keys["EdDSA"])
    with pytest.raises(JoseError, match="too large"):
        split_compact(token)
