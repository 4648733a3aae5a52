"""The holder's Ed25519 key and its did:key identifier.

The key pair is made when the vault is created and its private half is only
ever stored inside the encrypted vault. did:key for Ed25519 is the multibase
base58btc ('z') encoding of the multicodec prefix 0xed 0x01 followed by the
32-byte public key, so DIDs start ``did:key:z6Mk``.
"""

from __future__ import annotations

import base58
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from wallet.errors import CorruptVault

ED25519_MULTICODEC = b"\xed\x01"


def did_key_of(public_key: Ed25519PublicKey) -> str:
    """``did:key:z6Mk...`` for an Ed25519 public key."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "did:key:z" + base58.b58encode(ED25519_MULTICODEC + raw).decode("ascii")


def public_key_of(did: str) -> Ed25519PublicKey:
    """The Ed25519 public key a did:key names (for checks; raises ValueError if not one)."""
    if not did.startswith("did:key:z"):
        raise ValueError("not a base58btc did:key")
    data = base58.b58decode(did[len("did:key:z"):])
    if data[:2] != ED25519_MULTICODEC or len(data) != 34:
        raise ValueError("not an Ed25519 did:key")
    return Ed25519PublicKey.from_public_bytes(data[2:])


def generate() -> tuple[str, bytes]:
    """A new key pair as (did, 32-byte private seed)."""
    key = Ed25519PrivateKey.generate()
    seed = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    return did_key_of(key.public_key()), seed


def load(did: str, seed: bytes) -> Ed25519PrivateKey:
    """Rebuild the private key from the vault, checking it still matches its DID."""
    try:
        key = Ed25519PrivateKey.from_private_bytes(seed)
    except ValueError as exc:
        raise CorruptVault("the holder key stored in the vault is malformed") from exc
    if did_key_of(key.public_key()) != did:
        raise CorruptVault("the holder key stored in the vault does not match its DID")
    return key
