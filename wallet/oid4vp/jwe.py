"""The encrypted answer of ``direct_post.jwt``: a compact JWE with ECDH-ES (RFC 7516, RFC 7518 4.6).

OID4VP 1.0 section 8.3: the wallet encrypts the response parameters (a JSON
object with ``vp_token`` and ``state``) to a key from the verifier's
``client_metadata.jwks``, with the key's ``alg`` (ECDH-ES, direct key
agreement) and an ``enc`` from ``encrypted_response_enc_values_supported``.

Why by hand on ``cryptography`` rather than a JOSE library: the project
verifies JWS by hand for the reasons in :mod:`wallet.verify.jose` (the JOSE
libraries' CVE history), and encryption to a known public key is small:
an ephemeral key on the recipient's curve, ECDH, the Concat KDF of NIST SP
800-56A (RFC 7518 4.6.2: ``AlgorithmID`` = the ``enc`` value, empty
``PartyUInfo``/``PartyVInfo``, ``SuppPubInfo`` = the key length in bits), and
AES-GCM with the protected header as additional data. The wallet only ever
*encrypts* here; it never decrypts a JWE from anyone (no ``zip``, no ``p2c``
to bound). Tested against jwcrypto and against the reference verifier.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, x25519
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from wallet.errors import InputError
from wallet.messages import msg
from wallet.util.b64 import b64url_decode, b64url_encode

#: Content encryptions the wallet makes, by preference when the verifier lists several.
ENC_KEY_BITS = {"A128GCM": 128, "A192GCM": 192, "A256GCM": 256}
ALGORITHMS = ("ECDH-ES",)
_CURVES: dict[str, tuple[ec.EllipticCurve, int]] = {"P-256": (ec.SECP256R1(), 32), "P-384": (ec.SECP384R1(), 48),
                                                    "P-521": (ec.SECP521R1(), 66)}


def refuse(reason: str) -> InputError:
    return InputError(f"The answer cannot be encrypted for the verifier: {reason}.",
                      message=msg("present.encryption_impossible", detail=reason))


def _recipient(jwk: Mapping[str, Any]) -> ec.EllipticCurvePublicKey | x25519.X25519PublicKey:
    kty, crv = jwk.get("kty"), jwk.get("crv")
    try:
        if kty == "EC" and crv in _CURVES:
            curve, size = _CURVES[str(crv)]
            x, y = b64url_decode(jwk.get("x"), "x"), b64url_decode(jwk.get("y"), "y")
            if len(x) != size or len(y) != size:
                raise refuse("the verifier's key has coordinates of the wrong length")
            # from_encoded_point checks that the point is on the curve (no invalid-curve attack)
            return ec.EllipticCurvePublicKey.from_encoded_point(curve, b"\x04" + x + y)
        if kty == "OKP" and crv == "X25519":
            raw = b64url_decode(jwk.get("x"), "x")
            if len(raw) != 32:
                raise refuse("the verifier's X25519 key is not 32 bytes")
            return x25519.X25519PublicKey.from_public_bytes(raw)
    except (ValueError, InputError) as exc:
        if isinstance(exc, InputError) and exc.message is not None:
            raise
        raise refuse("the verifier's key is not a valid public key") from exc
    raise refuse(f"the verifier's key type {str(kty)[:10]} {str(crv)[:10]} is not one the wallet can encrypt to")


def usable_key(keys: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The first key meant for encryption with ECDH-ES on a curve the wallet implements."""
    for key in keys:
        if key.get("use") not in (None, "enc") or key.get("alg", "ECDH-ES") not in ALGORITHMS:
            continue
        if (key.get("kty") == "EC" and key.get("crv") in _CURVES) or (key.get("kty") == "OKP"
                                                                       and key.get("crv") == "X25519"):
            return key
    return None


def choose_enc(offered: Sequence[str]) -> str | None:
    """The first content encryption the verifier lists that the wallet makes."""
    return next((e for e in offered if e in ENC_KEY_BITS), None)


def _concat_kdf(shared: bytes, enc: str, bits: int) -> bytes:
    """NIST SP 800-56A Concat KDF with SHA-256 as RFC 7518 4.6.2 sets its inputs for direct agreement."""
    def field(data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + data

    other = field(enc.encode("ascii")) + field(b"") + field(b"") + bits.to_bytes(4, "big")
    out = b""
    counter = 1
    while len(out) * 8 < bits:
        digest = hashes.Hash(hashes.SHA256())
        digest.update(counter.to_bytes(4, "big") + shared + other)
        out += digest.finalize()
        counter += 1
    return out[: bits // 8]


def _epk(private: ec.EllipticCurvePrivateKey | x25519.X25519PrivateKey) -> dict[str, str]:
    public = private.public_key()
    if isinstance(public, x25519.X25519PublicKey):
        from cryptography.hazmat.primitives import serialization

        raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return {"kty": "OKP", "crv": "X25519", "x": b64url_encode(raw)}
    name = {"secp256r1": "P-256", "secp384r1": "P-384", "secp521r1": "P-521"}[public.curve.name]
    size = _CURVES[name][1]
    numbers = public.public_numbers()
    return {"kty": "EC", "crv": name, "x": b64url_encode(numbers.x.to_bytes(size, "big")),
            "y": b64url_encode(numbers.y.to_bytes(size, "big"))}


def encrypt(payload: bytes, jwk: Mapping[str, Any], enc: str) -> str:
    """Compact JWE of ``payload`` to the public ``jwk`` with ECDH-ES and ``enc`` (A128GCM/A192GCM/A256GCM)."""
    if enc not in ENC_KEY_BITS:
        raise refuse(f"the content encryption {enc[:20]} is not supported")
    recipient = _recipient(jwk)
    ephemeral: ec.EllipticCurvePrivateKey | x25519.X25519PrivateKey
    if isinstance(recipient, x25519.X25519PublicKey):
        ephemeral = x25519.X25519PrivateKey.generate()
        shared = ephemeral.exchange(recipient)
    else:
        ephemeral = ec.generate_private_key(recipient.curve)
        shared = ephemeral.exchange(ec.ECDH(), recipient)
    header: dict[str, Any] = {"alg": "ECDH-ES", "enc": enc, "epk": _epk(ephemeral)}
    if isinstance(jwk.get("kid"), str):
        header["kid"] = jwk["kid"]
    protected = b64url_encode(json.dumps(header, separators=(",", ":")).encode("utf-8"))
    key = _concat_kdf(shared, enc, ENC_KEY_BITS[enc])
    iv = os.urandom(12)
    sealed = AESGCM(key).encrypt(iv, payload, protected.encode("ascii"))
    ciphertext, tag = sealed[:-16], sealed[-16:]
    return ".".join([protected, "", b64url_encode(iv), b64url_encode(ciphertext), b64url_encode(tag)])
