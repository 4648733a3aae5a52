"""A rough passphrase strength estimate for the create-vault meter.

Why hand-written: the usual estimator (zxcvbn) is not a dependency, and the
meter only needs to nudge people away from short, single-class passphrases.
The estimate is the length times the bits per character of the character
classes used, with repeated characters and very common words discounted.
It never blocks: the vault's Argon2id cost is the real protection.
"""

from __future__ import annotations

import math
import string

_COMMON = {"password", "geslo", "123456", "qwerty", "wallet", "denarnica", "letmein", "admin"}


def estimate_bits(passphrase: str) -> float:
    """Approximate entropy in bits (0 for an empty passphrase)."""
    if not passphrase:
        return 0.0
    pool = 0
    if any(c in string.ascii_lowercase for c in passphrase):
        pool += 26
    if any(c in string.ascii_uppercase for c in passphrase):
        pool += 26
    if any(c in string.digits for c in passphrase):
        pool += 10
    if any(c in string.punctuation or c == " " for c in passphrase):
        pool += 33
    if any(ord(c) > 127 for c in passphrase):
        pool += 60
    distinct = len(set(passphrase))
    effective = min(len(passphrase), distinct * 2)
    bits = effective * math.log2(max(pool, 2))
    lowered = passphrase.lower()
    if any(word in lowered for word in _COMMON):
        bits *= 0.5
    return round(bits, 1)


def level(bits: float) -> int:
    """0 (very weak) .. 4 (strong)."""
    for index, limit in enumerate((28, 45, 60, 80)):
        if bits < limit:
            return index
    return 4
