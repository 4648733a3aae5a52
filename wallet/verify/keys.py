"""Public keys as JWKs and DIDs: the inverse of :func:`wallet.verify.did.jwk_to_key`.

The holder's keys are named three ways in the protocols the wallet speaks:
a JWK (SD-JWT ``cnf``, OID4VCI proofs with ``jwk``), a ``did:key`` and a
``did:jwk`` (proofs and presentations with ``kid``). These functions give
each form of a ``cryptography`` public key, and the RFC 7638 thumbprint that
identifies a key whatever form it was written in.
"""

from __future__ import annotations

import json
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from wallet.util.b64 import b64url_encode
from wallet.verify.did import did_key_for, key_to_multibase
from wallet.verify.jose_vc import jwk_thumbprint

_CURVES = {"secp256r1": ("P-256", 32), "secp384r1": ("P-384", 48), "secp521r1": ("P-521", 66)}


def public_jwk(key: Any) -> dict[str, str]:
    """The public JWK of an Ed25519 or EC key (private keys give their public half)."""
    if isinstance(key, (ed25519.Ed25519PrivateKey, ec.EllipticCurvePrivateKey)):
        key = key.public_key()
    if isinstance(key, ed25519.Ed25519PublicKey):
        raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return {"kty": "OKP", "crv": "Ed25519", "x": b64url_encode(raw)}
    if isinstance(key, ec.EllipticCurvePublicKey) and key.curve.name in _CURVES:
        crv, size = _CURVES[key.curve.name]
        numbers = key.public_numbers()
        return {"kty": "EC", "crv": crv, "x": b64url_encode(numbers.x.to_bytes(size, "big")),
                "y": b64url_encode(numbers.y.to_bytes(size, "big"))}
    raise ValueError(f"no JWK form for {type(key).__name__}")


def thumbprint(key: Any) -> str:
    """RFC 7638 SHA-256 thumbprint of a public (or private) key."""
    return jwk_thumbprint(public_jwk(key))


def did_jwk_for(key: Any) -> str:
    """``did:jwk`` of a public key: base64url of its JWK with the members sorted, as the peer derives it."""
    jwk = public_jwk(key)
    text = json.dumps(dict(sorted(jwk.items())), separators=(",", ":"))
    return "did:jwk:" + b64url_encode(text.encode("utf-8"))


def did_for(key: Any, method: str) -> tuple[str, str]:
    """(DID, key id) of a public key for ``did:key`` or ``did:jwk``."""
    if isinstance(key, (ed25519.Ed25519PrivateKey, ec.EllipticCurvePrivateKey)):
        key = key.public_key()
    if method == "did:key":
        did = did_key_for(key)
        return did, f"{did}#{key_to_multibase(key)}"
    if method == "did:jwk":
        did = did_jwk_for(key)
        return did, f"{did}#0"
    raise ValueError(f"unsupported DID method {method}")
