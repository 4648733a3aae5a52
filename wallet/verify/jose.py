"""Compact JWS verification and signing, written directly on ``cryptography``.

Why by hand and not PyJWT/joserfc/python-jose: the JOSE libraries' history is
a list of algorithm-confusion bugs (PyJWT CVE-2022-29217 and CVE-2026-48526,
python-jose CVE-2024-33663 with a DER bypass still open, jwcrypto's ``p2c``
and zip bombs; threat "alg none and algorithm confusion" in docs/THREATS.md). What the wallet needs is small: verify one
compact JWS with one public key. About 200 lines we can read end to end are
easier to trust than a general library with JWE, HMAC and key guessing.

The rules, each enforced here and tested in ``tests/verify/test_jose_attacks.py``:

* the **algorithm comes from the key type**; the header's ``alg`` must merely
  agree (Ed25519 -> EdDSA, P-256 -> ES256, P-384 -> ES384, P-521 -> ES512,
  secp256k1 -> ES256K (RFC 8812), RSA >= 2048 bits -> RS256/384/512 or PS256/384/512);
* a key or header the wallet does not implement (another curve, an RSA key
  under 2048 bits, a ``crit`` extension) raises :class:`JoseUnsupported`:
  the token *could not be checked*, which is never reported as forged;
* ``none`` and every HMAC algorithm are refused, whatever the key;
* the key must be a ``cryptography`` public key object: PEM, DER or JWK bytes
  and strings are refused, so they can never become an HMAC secret;
* JWE (five segments, ``enc``) is refused entirely, so ``zip`` and ``p2c``
  bombs cannot happen; a ``zip`` header on a JWS is refused too;
* any ``crit`` extension is refused (we understand none, RFC 7515 4.1.11),
  which also refuses the unencoded payload option (``b64: false``);
* ECDSA signatures are the fixed-length raw ``r || s`` of RFC 7518 3.4.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping  # not typing.Mapping: its isinstance is several times slower
from functools import cache
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

from wallet.errors import InputError
from wallet.formats.jwt import CompactJws, split_jws
from wallet.util.b64 import b64url_encode
from wallet.verify.ed25519 import verify as verify_ed25519

PublicKey = ed25519.Ed25519PublicKey | ec.EllipticCurvePublicKey | rsa.RSAPublicKey
PrivateKey = ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey

#: Key type -> the algorithms allowed with it. The first is used when signing.
ALGORITHMS_FOR_KEY: dict[str, tuple[str, ...]] = {
    "Ed25519": ("EdDSA",),
    "P-256": ("ES256",),
    "P-384": ("ES384",),
    "P-521": ("ES512",),
    "secp256k1": ("ES256K",),
    "RSA": ("RS256", "PS256", "RS384", "PS384", "RS512", "PS512"),
}
_EC_HASH: dict[str, Callable[[], hashes.HashAlgorithm]] = {
    "ES256": hashes.SHA256,
    "ES384": hashes.SHA384,
    "ES512": hashes.SHA512,
    "ES256K": hashes.SHA256,
}


@cache
def _ecdsa(alg: str) -> ec.ECDSA:
    """One ``ECDSA`` per algorithm, built on first use: it holds no state, and building one is not free
    (the first also loads cryptography's OpenSSL backend module, which an Ed25519-only start-up never needs)."""
    return ec.ECDSA(_EC_HASH[alg]())
_RSA_HASH: dict[str, Callable[[], hashes.HashAlgorithm]] = {
    "256": hashes.SHA256, "384": hashes.SHA384, "512": hashes.SHA512,
}
_EC_SIZE = {"P-256": 32, "P-384": 48, "P-521": 66, "secp256k1": 32}
_CURVE_NAMES = {"secp256r1": "P-256", "secp384r1": "P-384", "secp521r1": "P-521", "secp256k1": "secp256k1"}
MIN_RSA_BITS = 2048


class JoseError(Exception):
    """A JWS that must not be accepted; the message says why, for the report."""


class JoseUnsupported(JoseError):
    """A JWS the wallet cannot check (a key, curve or header extension it does not implement).

    Still refused, but reported as *not checked*: nothing was found wrong with it.
    """


def key_type(key: Any) -> str:
    """``Ed25519``, ``P-256``, ``P-384``, ``P-521`` or ``RSA``; anything else is refused."""
    if isinstance(key, (ed25519.Ed25519PublicKey, ed25519.Ed25519PrivateKey)):
        return "Ed25519"
    if isinstance(key, (ec.EllipticCurvePublicKey, ec.EllipticCurvePrivateKey)):
        name = _CURVE_NAMES.get(key.curve.name)
        if name is None:
            raise JoseUnsupported(f"the elliptic curve {key.curve.name} is not supported")
        return name
    if isinstance(key, (rsa.RSAPublicKey, rsa.RSAPrivateKey)):
        if key.key_size < MIN_RSA_BITS:
            raise JoseUnsupported(f"RSA keys shorter than {MIN_RSA_BITS} bits are refused")
        return "RSA"
    if isinstance(key, (bytes, bytearray, str, Mapping)):
        raise JoseError("the key must be a public key object, not bytes, text or a JWK (no HMAC secrets)")
    raise JoseUnsupported(f"unsupported key type {type(key).__name__}")


def split_compact(compact: str | bytes) -> CompactJws:
    """Split and decode a compact JWS with caps; refuse JWE and unsafe headers."""
    try:
        jws = split_jws(compact)
    except InputError as exc:
        raise JoseError(str(exc).rstrip(".")) from exc
    check_header(jws.header)
    return jws


def check_header(header: Mapping[str, Any]) -> None:
    """Refuse the headers no verifier of ours may accept, independent of the key."""
    alg = header.get("alg")
    if not isinstance(alg, str) or not alg:
        raise JoseError("the JWS header has no 'alg'")
    if alg.lower() == "none":
        raise JoseError("alg 'none' (an unsigned token) is refused")
    if alg.upper().startswith("HS"):
        raise JoseError(f"alg '{alg}' (HMAC, a shared secret) is refused: credentials are signed with public keys")
    if "enc" in header:
        raise JoseError("the header names an encryption ('enc'): JWE is refused")
    if "zip" in header:
        raise JoseError("compressed payloads ('zip') are refused")
    if "crit" in header:
        names = header["crit"]
        if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
            raise JoseError("the 'crit' header is malformed")
        raise JoseUnsupported(f"critical header extension(s) {', '.join(names)} are not understood")
    if header.get("b64") is False:
        raise JoseUnsupported("unencoded payloads (b64: false) are refused in compact JWS")


def algorithm_for(key: Any, header_alg: str) -> str:
    """The algorithm to verify with: decided by the key, the header only has to agree."""
    return _agreed(key_type(key), header_alg)


def _agreed(ktype: str, header_alg: str) -> str:
    allowed = ALGORITHMS_FOR_KEY[ktype]
    if header_alg not in allowed:
        raise JoseError(f"alg '{header_alg}' does not match the {ktype} key (expected {' or '.join(allowed)})")
    return header_alg


def _rsa_padding(alg: str, digest: hashes.HashAlgorithm) -> padding.AsymmetricPadding:
    """RS*: PKCS #1 v1.5; PS*: PSS with MGF1 of the same hash and a salt as long as the hash (RFC 7518 3.5)."""
    if alg.startswith("PS"):
        return padding.PSS(mgf=padding.MGF1(digest), salt_length=digest.digest_size)
    return padding.PKCS1v15()


def _verify_signature(key: PublicKey, ktype: str, alg: str, signature: bytes, data: bytes) -> None:
    """``ktype`` is ``key_type(key)``, worked out once by the caller (its isinstance tests are not free)."""
    try:
        if isinstance(key, ed25519.Ed25519PublicKey):
            verify_ed25519(key, signature, data)
        elif isinstance(key, ec.EllipticCurvePublicKey):
            size = _EC_SIZE[ktype]
            if len(signature) != 2 * size:
                raise JoseError(f"{alg} signatures are {2 * size} bytes (raw r||s), not {len(signature)}")
            r = int.from_bytes(signature[:size], "big")
            s = int.from_bytes(signature[size:], "big")
            key.verify(encode_dss_signature(r, s), data, _ecdsa(alg))
        elif isinstance(key, rsa.RSAPublicKey):
            if len(signature) != (key.key_size + 7) // 8:
                raise JoseError("the RSA signature length does not match the key")
            digest = _RSA_HASH[alg[2:]]()
            key.verify(signature, data, _rsa_padding(alg, digest), digest)
        else:
            raise JoseError("a private key was given where a public key is needed")
    except InvalidSignature as exc:
        raise JoseError("the signature does not match (the content was changed or another key signed it)") from exc


def verify_parts(jws: CompactJws, key: Any) -> str:
    """Verify an already split JWS with ``key``; raise :class:`JoseError` if it fails.

    Returns the key type (``Ed25519``, ``P-256``...), which callers report.
    """
    ktype = key_type(key)
    alg = _agreed(ktype, str(jws.header["alg"]))
    _verify_signature(key, ktype, alg, jws.signature, jws.signing_input)
    return ktype


def verify_compact(compact: str | bytes, key: Any) -> tuple[dict[str, Any], bytes]:
    """Verify a compact JWS with a public key; return the header and the payload bytes."""
    jws = split_compact(compact)
    verify_parts(jws, key)
    return jws.header, jws.payload


def _public(key: PrivateKey) -> PublicKey:
    return key.public_key()


def sign_compact(header: Mapping[str, Any], payload: Mapping[str, Any] | bytes, private_key: PrivateKey) -> str:
    """Sign a compact JWS (tests, the demo issuer). ``alg`` defaults to the key's algorithm."""
    ktype = key_type(private_key)
    head = dict(header)
    alg = str(head.setdefault("alg", ALGORITHMS_FOR_KEY[ktype][0]))
    algorithm_for(_public(private_key), alg)
    body = payload if isinstance(payload, (bytes, bytearray)) else json.dumps(
        payload, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
    head_b64 = b64url_encode(json.dumps(head, separators=(",", ":")).encode("utf-8"))
    signing_input = f"{head_b64}.{b64url_encode(bytes(body))}".encode("ascii")
    if isinstance(private_key, ed25519.Ed25519PrivateKey):
        sig = private_key.sign(signing_input)
    elif isinstance(private_key, ec.EllipticCurvePrivateKey):
        size = _EC_SIZE[ktype]
        r, s = decode_dss_signature(private_key.sign(signing_input, ec.ECDSA(_EC_HASH[alg]())))
        sig = r.to_bytes(size, "big") + s.to_bytes(size, "big")
    else:
        digest = _RSA_HASH[alg[2:]]()
        sig = private_key.sign(signing_input, _rsa_padding(alg, digest), digest)
    return f"{signing_input.decode('ascii')}.{b64url_encode(sig)}"
