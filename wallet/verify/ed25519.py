"""Ed25519 signature checks: libsodium first, OpenSSL for the final word on a refusal.

Why (issue 17): an Ed25519 check is most of the cost of a JWT or JCS
credential, and OpenSSL's verification (through ``cryptography``) takes about
twice as long as libsodium's (here ~105 µs against ~50 µs). The two libraries
do not refuse exactly the same signatures, though (Chalkias et al., "Taming
the many EdDSAs", 2020): libsodium is the stricter one. It refuses a
non-canonical ``S`` (as OpenSSL does), and also small-order or non-canonical
public keys and small-order ``R``, then checks the same cofactorless equation
(``encode(S·B − h·A) == R``) on the same bytes. So whatever libsodium accepts,
OpenSSL accepts too, and only a refusal needs a second opinion:

* libsodium accepts → valid (OpenSSL would accept);
* libsodium refuses → OpenSSL decides, exactly as before.

The wallet's verdicts are therefore OpenSSL's, bit for bit
(``tests/verify/test_ed25519.py`` compares the two on edge cases); a genuine
credential is checked in half the time, a forged one in 1.5 times.
libsodium comes with PyNaCl (a wheel that bundles it).
"""

from __future__ import annotations

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from nacl.bindings import crypto_sign_open as _sodium_open
from nacl.exceptions import BadSignatureError as _SodiumRefused


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
    if sodium_accepts(key.public_bytes_raw(), signature, message):
        return
    key.verify(signature, message)  # the refusal (or an acceptance libsodium is too strict for) is OpenSSL's


__all__ = ("InvalidSignature", "sodium_accepts", "verify")
