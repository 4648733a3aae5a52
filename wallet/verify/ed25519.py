"""Ed25519 signature checks: libsodium's verdict, with OpenSSL's only where the two may differ.

Why (issue 17): an Ed25519 check is most of the cost of a JWT or JCS
credential, and OpenSSL's verification (through ``cryptography``) takes about
twice as long as libsodium's (here ~110 µs against ~60 µs). The two libraries
do not refuse exactly the same signatures, though (Chalkias et al., "Taming
the many EdDSAs", 2020): libsodium is the stricter one. Before the equation
it refuses a small-order ``R``, a non-canonical or small-order public key,
and a non-canonical ``S`` (which OpenSSL refuses too); then both check the
same cofactorless equation (``encode(S·B − h·A) == R``, byte for byte) on
the same bytes. So:

* libsodium accepts → valid (OpenSSL would accept);
* libsodium refuses, and none of its extra refusals applies (``R`` and the
  key are not small-order, the key is canonical) → the equation failed,
  or ``S`` was not canonical, and OpenSSL refuses the same: invalid;
* libsodium refuses and one of its extra refusals applies → OpenSSL decides.

The wallet's verdicts are therefore OpenSSL's, bit for bit
(``tests/verify/test_ed25519.py`` compares the two on the edge cases and on
random signatures); a genuine credential and a forged one are both checked
in libsodium's time, and only a crafted small-order input pays for both.
libsodium comes with PyNaCl (a wheel that bundles it).
"""

from __future__ import annotations

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from nacl.bindings import crypto_sign_open as _sodium_open
from nacl.exceptions import BadSignatureError as _SodiumRefused

_P = 2**255 - 19

#: The encodings libsodium's ``ge25519_has_small_order`` refuses, its top
#: (sign) bit ignored: the eight points of order 1, 2, 4 and 8 (y = 1, p − 1,
#: 0 and the two order-8 y values) and the non-canonical y = p, p + 1.
#: The test recomputes each point's order.
SMALL_ORDER = frozenset(bytes.fromhex(h) for h in (
    "0000000000000000000000000000000000000000000000000000000000000000",
    "0100000000000000000000000000000000000000000000000000000000000000",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
))


def _small_order(point: bytes) -> bool:
    return point[:31] + bytes([point[31] & 0x7F]) in SMALL_ORDER


def sodium_stricter(public: bytes, signature: bytes) -> bool:
    """Whether libsodium refuses this key or ``R`` where OpenSSL goes on to the equation."""
    if len(signature) != 64 or len(public) != 32:
        return True
    return (_small_order(signature[:32]) or _small_order(public)
            or int.from_bytes(public, "little") & (2**255 - 1) >= _P)


def sodium_accepts(public: bytes, signature: bytes, message: bytes) -> bool:
    """Whether libsodium accepts the signature (False, never an error, for anything it refuses)."""
    if len(signature) != 64 or len(public) != 32:
        return False
    try:
        _sodium_open(signature + message, public)
    except (_SodiumRefused, ValueError):
        return False
    return True


def verify(key: Ed25519PublicKey, signature: bytes, message: bytes) -> None:
    """``key.verify(signature, message)``, faster: raises ``InvalidSignature`` exactly when OpenSSL does."""
    public = key.public_bytes_raw()
    if sodium_accepts(public, signature, message):
        return
    if not sodium_stricter(public, signature):
        raise InvalidSignature  # the equation (or S) failed: OpenSSL checks the same and refuses
    key.verify(signature, message)  # a refusal libsodium may be too strict for: OpenSSL's word


__all__ = ("InvalidSignature", "sodium_accepts", "sodium_stricter", "verify")
