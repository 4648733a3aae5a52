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


def _order(encoding: bytes) -> int | None:
    """The order of the point an encoding decodes to (1..8), or None if larger or not a point (pure Python)."""
    d = -121665 * pow(121666, P - 2, P) % P
    y = int.from_bytes(encoding, "little") & (2**255 - 1)
    sign = encoding[31] >> 7
    y %= P
    u, v = (y * y - 1) % P, (d * y * y + 1) % P
    x = u * pow(v, 3, P) * pow(u * pow(v, 7, P), (P - 5) // 8, P) % P  # candidate sqrt(u/v) (RFC 8032 5.1.3)
    if v * x * x % P == (-u) % P:
        x = x * pow(2, (P - 1) // 4, P) % P
    if v * x * x % P != u % P:
        return None
    if x & 1 != sign:
        x = (-x) % P

    def add(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
        (x1, y1), (x2, y2) = a, b
        t = d * x1 * x2 * y1 * y2 % P
        return ((x1 * y2 + y1 * x2) * pow(1 + t, P - 2, P) % P, (y1 * y2 + x1 * x2) * pow(1 - t, P - 2, P) % P)

    point, acc = (x, y), (x, y)
    for n in range(1, 9):
        if acc == (0, 1):
            return n
        acc = add(acc, point)
    return None


def test_small_order_list_is_exactly_the_small_order_encodings() -> None:
    """Each listed encoding is a point of order 1, 2, 4 or 8, whatever its sign bit; an honest key is not."""
    for encoding in ed25519.SMALL_ORDER:
        assert _order(encoding) in (1, 2, 4, 8), encoding.hex()
        assert _order(encoding[:31] + bytes([encoding[31] | 0x80])) in (1, 2, 4, 8, None), encoding.hex()
    assert len([e for e in ed25519.SMALL_ORDER if _order(e) == 8]) == 2  # the two y values of the order-8 points
    private = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"order").digest())
    key, signature = private.public_key().public_bytes_raw(), private.sign(b"m")
    assert _order(key) is None and _order(signature[:32]) is None
    assert not ed25519.sodium_stricter(key, signature)
    assert ed25519.sodium_stricter(key, bytes(64)) and ed25519.sodium_stricter(bytes(32), signature)


@given(st.binary(min_size=32, max_size=32), st.binary(min_size=32, max_size=32), st.binary(max_size=16))
def test_random_keys_and_r_agree(public: bytes, r: bytes, message: bytes) -> None:
    """Any key bytes and any R: libsodium's refusal is final only where OpenSSL refuses too."""
    signature = r + bytes(32)
    expected = _openssl_accepts(public, signature, message)
    if expected is None:
        return
    assert _combined_accepts(public, signature, message) is expected
