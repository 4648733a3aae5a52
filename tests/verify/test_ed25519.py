"""The libsodium fast path for Ed25519 gives OpenSSL's verdicts, bit for bit (wallet.verify.ed25519).

Edge cases from "Taming the many EdDSAs" (Chalkias et al., 2020): small-order
and non-canonical public keys, small-order and non-canonical R, S at or above
the group order. On each, libsodium may refuse where OpenSSL accepts, never
the other way round, and the combined check must say what OpenSSL says.
"""

from __future__ import annotations

import hashlib

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from hypothesis import given
from hypothesis import strategies as st

from wallet.verify import ed25519

L = 2**252 + 27742317777372353535851937790883648493
P = 2**255 - 19
IDENTITY = (1).to_bytes(32, "little")  # the neutral point: small order
ORDER_2 = (P - 1).to_bytes(32, "little")  # (0, -1): order 2
NON_CANONICAL_IDENTITY = (P + 1).to_bytes(32, "little")  # y = p + 1 encodes y = 1 again


def _openssl_accepts(public: bytes, signature: bytes, message: bytes) -> bool | None:
    try:
        key = Ed25519PublicKey.from_public_bytes(public)
    except ValueError:
        return None  # not a key at all: the wallet never gets this far
    try:
        key.verify(signature, message)
    except InvalidSignature:
        return False
    return True


def _combined_accepts(public: bytes, signature: bytes, message: bytes) -> bool:
    try:
        ed25519.verify(Ed25519PublicKey.from_public_bytes(public), signature, message)
    except InvalidSignature:
        return False
    return True


def _cases() -> list[tuple[str, bytes, bytes, bytes]]:
    key = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"wallet ed25519 edge cases").digest())
    public = key.public_key().public_bytes_raw()
    message = b'{"iss":"did:key:z6Mk","vc":{}}'
    good = key.sign(message)
    r, s = good[:32], int.from_bytes(good[32:], "little")
    cases = [
        ("valid", public, good, message),
        ("other message", public, good, message + b" "),
        ("R bit flipped", public, bytes([good[0] ^ 1]) + good[1:], message),
        ("S bit flipped", public, good[:32] + bytes([good[32] ^ 1]) + good[33:], message),
        ("S + L (malleable)", public, r + (s + L).to_bytes(32, "little"), message),
        ("S = L", public, r + L.to_bytes(32, "little"), message),
        ("empty message", public, key.sign(b""), b""),
    ]
    for name, small in (("identity key", IDENTITY), ("order-2 key", ORDER_2),
                        ("non-canonical identity key", NON_CANONICAL_IDENTITY)):
        # With a small-order A, R = identity and S = 0 satisfy the cofactorless equation for some messages.
        for msg in (b"", message, b"x" * 100):
            cases.append((f"{name}, R = identity, S = 0", small, IDENTITY + bytes(32), msg))
            cases.append((f"{name}, R = order 2, S = 0", small, ORDER_2 + bytes(32), msg))
    cases.append(("small-order R, real key", public, IDENTITY + bytes(32), message))
    cases.append(("non-canonical R", public, NON_CANONICAL_IDENTITY + good[32:], message))
    return cases


@pytest.mark.parametrize(("name", "public", "signature", "message"), _cases(), ids=[c[0] for c in _cases()])
def test_same_verdict_as_openssl(name: str, public: bytes, signature: bytes, message: bytes) -> None:
    expected = _openssl_accepts(public, signature, message)
    assert expected is not None, f"{name}: OpenSSL loads every 32-byte key here"
    assert _combined_accepts(public, signature, message) is expected
    if ed25519.sodium_accepts(public, signature, message):
        assert expected, f"{name}: libsodium accepted what OpenSSL refuses"


def test_the_edge_cases_do_exercise_a_disagreement() -> None:
    """At least one case is accepted by OpenSSL and refused by libsodium (so the fallback is really used)."""
    disagreements = [name for name, public, sig, msg in _cases()
                     if _openssl_accepts(public, sig, msg) and not ed25519.sodium_accepts(public, sig, msg)]
    assert disagreements


@given(st.binary(min_size=64, max_size=64), st.binary(max_size=64), st.integers(0, 2**32 - 1))
def test_random_signatures_agree(signature: bytes, message: bytes, seed: int) -> None:
    key = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(seed.to_bytes(4, "big")).digest())
    public = key.public_key().public_bytes_raw()
    for sig in (signature, key.sign(message)):
        assert _combined_accepts(public, sig, message) is _openssl_accepts(public, sig, message)
