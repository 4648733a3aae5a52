"""Resolving verification methods to public keys, offline.

did:key and did:jwk carry the key in the identifier itself. did:web (and any
other method) is resolved only from a DID document that is already in the
verification context (the vault's evidence cache, or a file the user
supplied): there is no fetching here, by design.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import base58
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from wallet.errors import InputError
from wallet.util.b64 import b64url_decode_lenient
from wallet.util.values import MAPPING
from wallet.verify.context import VerificationContext

PublicKey = ed25519.Ed25519PublicKey | ec.EllipticCurvePublicKey | rsa.RSAPublicKey

RELATIONSHIPS = (
    "assertionMethod",
    "authentication",
    "capabilityInvocation",
    "capabilityDelegation",
    "keyAgreement",
)

# multicodec prefixes (unsigned varint) of the public key types did:key uses
_ED25519_PUB = b"\xed\x01"
_P256_PUB = b"\x80\x24"
_P384_PUB = b"\x81\x24"
_SECP256K1_PUB = b"\xe7\x01"  # did:key z…Q3s (EcdsaSecp256k1, used by several DID ecosystems)
_CURVES: dict[str, ec.EllipticCurve] = {
    "P-256": ec.SECP256R1(), "P-384": ec.SECP384R1(), "P-521": ec.SECP521R1(), "secp256k1": ec.SECP256K1(),
}
_P521_PUB = b"\x82\x24"
#: Multicodec public key types the wallet recognises but does not verify with: a key of one of these is
#: "not supported" (not checked); any other prefix is not a key at all (a failure).
_KNOWN_UNSUPPORTED = {
    b"\xea\x01": "bls12_381-g1", b"\xeb\x01": "bls12_381-g2", b"\xec\x01": "x25519", b"\xee\x01": "bls12_381-g1g2",
    b"\x83\x24": "ed448", b"\x84\x24": "x448", b"\x85\x24": "rsa", b"\x86\x24": "sm2",
}
#: cryptography's curve names -> the names JOSE and Data Integrity use.
CURVE_NAMES = {"secp256r1": "P-256", "secp384r1": "P-384", "secp521r1": "P-521", "secp256k1": "secp256k1"}


class KeyResolutionError(Exception):
    """The verification method cannot be resolved to a usable key (a failure)."""


class NotAvailableOffline(KeyResolutionError):
    """The key would need a network lookup (no cached DID document): not-checked."""


class UnsupportedKey(KeyResolutionError):
    """The key is of a type, curve or encoding the wallet does not implement: not-checked, never "forged"."""


@dataclass(frozen=True)
class ResolvedKey:
    vm_id: str  # absolute verification method id
    controller: str  # the DID that controls the key
    key: PublicKey
    key_type: str  # "Ed25519", "P-256", "P-384" or "RSA"
    relationships: frozenset[str]  # verification relationships the DID document grants

    def allows(self, relationship: str) -> bool:
        return relationship in self.relationships


def key_type_of(key: PublicKey) -> str:
    if isinstance(key, ed25519.Ed25519PublicKey):
        return "Ed25519"
    if isinstance(key, ec.EllipticCurvePublicKey):
        name = CURVE_NAMES.get(key.curve.name)
        if name is None:
            raise UnsupportedKey(f"the elliptic curve {key.curve.name} is not supported")
        return name
    if isinstance(key, rsa.RSAPublicKey):
        return "RSA"
    raise UnsupportedKey(f"unsupported key type {type(key).__name__}")


def multibase_to_key(value: str) -> PublicKey:
    """Decode a base58btc multibase multicodec public key (``z6Mk…``, ``zDn…``, ``z82…``)."""
    if not value.startswith("z"):
        raise UnsupportedKey("only base58btc ('z') multibase keys are supported")
    try:
        data = base58.b58decode(value[1:])
    except ValueError as exc:
        raise KeyResolutionError(f"bad base58 in multibase key: {exc}") from exc
    # The base58 library tolerates surrounding whitespace: insist on the canonical text.
    if base58.b58encode(data).decode() != value[1:]:
        raise KeyResolutionError("multibase key is not in canonical base58btc form")
    return _multicodec_to_key(data)


def _multicodec_to_key(data: bytes) -> PublicKey:
    prefix, body = data[:2], data[2:]
    try:
        if prefix == _ED25519_PUB:
            if len(body) != 32:
                raise KeyResolutionError("Ed25519 public key must be 32 bytes")
            return ed25519.Ed25519PublicKey.from_public_bytes(body)
        if prefix == _P256_PUB:
            return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), body)
        if prefix == _P384_PUB:
            return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP384R1(), body)
        if prefix == _SECP256K1_PUB:
            return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256K1(), body)
        if prefix == _P521_PUB:
            return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP521R1(), body)
    except ValueError as exc:
        raise KeyResolutionError(f"invalid public key bytes: {exc}") from exc
    if prefix in _KNOWN_UNSUPPORTED:
        raise UnsupportedKey(f"{_KNOWN_UNSUPPORTED[prefix]} keys are not supported")
    raise KeyResolutionError(f"unknown multicodec key prefix 0x{prefix.hex()}: not a public key")


def key_to_multibase(key: PublicKey) -> str:
    """The did:key multibase form of a public key (inverse of :func:`multibase_to_key`)."""
    if isinstance(key, ed25519.Ed25519PublicKey):
        raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return "z" + base58.b58encode(_ED25519_PUB + raw).decode()
    if isinstance(key, ec.EllipticCurvePublicKey):
        prefix = {"secp256r1": _P256_PUB, "secp384r1": _P384_PUB, "secp521r1": _P521_PUB,
                  "secp256k1": _SECP256K1_PUB}.get(key.curve.name)
        if prefix is None:
            raise KeyResolutionError(f"curve {key.curve.name} has no did:key form here")
        point = key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint)
        return "z" + base58.b58encode(prefix + point).decode()
    raise KeyResolutionError("only Ed25519, P-256, P-384, P-521 and secp256k1 keys have a did:key form here")


def did_key_for(key: PublicKey) -> str:
    """did:key identifier of a public key."""
    return "did:key:" + key_to_multibase(key)


def _b64url_decode(value: str) -> bytes:
    return b64url_decode_lenient(value, "key")


def jwk_to_key(jwk: Mapping[str, Any]) -> PublicKey:
    """A public key from a JWK (OKP Ed25519, EC P-256/P-384/P-521/secp256k1, RSA). Private parts are ignored."""
    kty = jwk.get("kty")
    try:
        if kty == "OKP" and jwk.get("crv") == "Ed25519":
            return ed25519.Ed25519PublicKey.from_public_bytes(_b64url_decode(str(jwk["x"])))
        if kty == "EC" and jwk.get("crv") in _CURVES:
            x = int.from_bytes(_b64url_decode(str(jwk["x"])), "big")
            y = int.from_bytes(_b64url_decode(str(jwk["y"])), "big")
            return ec.EllipticCurvePublicNumbers(x, y, _CURVES[str(jwk["crv"])]).public_key()
        if kty == "RSA":
            n = int.from_bytes(_b64url_decode(str(jwk["n"])), "big")
            e = int.from_bytes(_b64url_decode(str(jwk["e"])), "big")
            if n.bit_length() < 2048:
                raise UnsupportedKey("RSA keys shorter than 2048 bits are refused")
            return rsa.RSAPublicNumbers(e, n).public_key()
    except (KeyError, ValueError, TypeError, InputError) as exc:  # InputError: a member that is not base64url
        raise KeyResolutionError(f"malformed JWK: {exc}") from exc
    raise UnsupportedKey(f"unsupported JWK (kty={kty!r}, crv={jwk.get('crv')!r})")


def split_did_url(vm: str) -> tuple[str, str]:
    """``did:x:y#frag`` → (``did:x:y``, ``#frag``); no fragment gives ``""``."""
    did, _, frag = vm.partition("#")
    return did.split("?")[0], ("#" + frag) if frag else ""


@lru_cache(maxsize=4096)
def _did_key(did: str) -> tuple[PublicKey, str]:
    ident = did[len("did:key:") :]
    return multibase_to_key(ident), ident


@lru_cache(maxsize=1024)
def _did_jwk(did: str) -> PublicKey:
    try:
        jwk = json.loads(_b64url_decode(did[len("did:jwk:") :]))
    except ValueError as exc:
        raise KeyResolutionError(f"did:jwk does not hold a JSON JWK: {exc}") from exc
    if not isinstance(jwk, dict):
        raise KeyResolutionError("did:jwk does not hold a JWK object")
    if "d" in jwk:
        raise KeyResolutionError("did:jwk must not contain a private key")
    return jwk_to_key(jwk)


def _secp256k1_point(raw: bytes) -> PublicKey:
    try:
        return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256K1(), raw)
    except ValueError as exc:
        raise KeyResolutionError(f"invalid secp256k1 public key bytes: {exc}") from exc


def _method_key(method: Mapping[str, Any]) -> PublicKey:
    secp256k1 = "Secp256k1" in str(method.get("type", ""))
    if "publicKeyMultibase" in method:
        return multibase_to_key(str(method["publicKeyMultibase"]))
    if "publicKeyJwk" in method and isinstance(method["publicKeyJwk"], MAPPING):
        return jwk_to_key(method["publicKeyJwk"])
    if "publicKeyBase58" in method:  # Ed25519VerificationKey2018, EcdsaSecp256k1VerificationKey2019
        try:
            raw = base58.b58decode(str(method["publicKeyBase58"]))
        except ValueError as exc:
            raise KeyResolutionError(f"bad base58 in publicKeyBase58: {exc}") from exc
        if secp256k1:
            return _secp256k1_point(raw)
        try:
            return ed25519.Ed25519PublicKey.from_public_bytes(raw)
        except ValueError as exc:
            raise KeyResolutionError(f"invalid Ed25519 public key bytes: {exc}") from exc
    if "publicKeyHex" in method and secp256k1:  # EcdsaSecp256k1VerificationKey2019 (older DID documents)
        try:
            raw = bytes.fromhex(str(method["publicKeyHex"]))
        except ValueError as exc:
            raise KeyResolutionError(f"bad hex in publicKeyHex: {exc}") from exc
        return _secp256k1_point(raw)
    raise UnsupportedKey("verification method has no supported public key property")


def _absolute(did: str, ref: str) -> str:
    return did + ref if ref.startswith("#") else ref


def resolve_from_document(vm_id: str, doc: Mapping[str, Any]) -> ResolvedKey:
    """Find ``vm_id`` in a DID document and say which relationships grant it."""
    did = str(doc.get("id", split_did_url(vm_id)[0]))
    methods: dict[str, Mapping[str, Any]] = {}
    for m in doc.get("verificationMethod", []) or []:
        if isinstance(m, MAPPING) and "id" in m:
            methods[_absolute(did, str(m["id"]))] = m
    rels: set[str] = set()
    for rel in RELATIONSHIPS:
        for entry in doc.get(rel, []) or []:
            if isinstance(entry, str):
                if _absolute(did, entry) == vm_id:
                    rels.add(rel)
            elif isinstance(entry, MAPPING) and "id" in entry:
                abs_id = _absolute(did, str(entry["id"]))
                methods.setdefault(abs_id, entry)
                if abs_id == vm_id:
                    rels.add(rel)
    method = methods.get(vm_id)
    if method is None:
        raise KeyResolutionError(f"{vm_id} is not a verification method of {did}")
    controller = str(method.get("controller", did))
    key = _method_key(method)
    return ResolvedKey(vm_id, controller, key, key_type_of(key), frozenset(rels))


@lru_cache(maxsize=4096)
def _self_describing(vm: str) -> ResolvedKey:
    """A did:key or did:jwk method: the DID *is* the key, so its resolution depends on ``vm`` alone.

    Cached like the decoded keys below (and like the reference peer's did:key
    cache): an issuer signs many credentials with one key. A refusal raises
    and is not cached.
    """
    did, frag = split_did_url(vm)
    if did.startswith("did:key:"):
        key, ident = _did_key(did)
        if frag and frag != "#" + ident:
            raise KeyResolutionError(f"{vm} does not name the key of {did}")
        return ResolvedKey(did + "#" + ident, did, key, key_type_of(key), frozenset(RELATIONSHIPS))
    if frag and frag != "#0":
        raise KeyResolutionError(f"{vm}: did:jwk keys are named #0")
    key = _did_jwk(did)
    return ResolvedKey(did + "#0", did, key, key_type_of(key), frozenset(RELATIONSHIPS))


def resolve(vm: str, ctx: VerificationContext | None = None) -> ResolvedKey:
    """Resolve a verification method id (a DID URL, or a bare DID) to its key, offline."""
    if vm.startswith(("did:key:", "did:jwk:")):
        return _self_describing(vm)
    did, frag = split_did_url(vm)
    if not did.startswith("did:"):
        raise KeyResolutionError(f"{vm!r} is not a DID URL")
    doc = (ctx.did_documents.get(did) if ctx else None)
    if doc is None:
        raise NotAvailableOffline(
            f"no cached DID document for {did}; supply it with --did-doc or refresh online"
        )
    if not frag:
        first = (doc.get("assertionMethod") or doc.get("verificationMethod") or [None])[0]
        ref = first if isinstance(first, str) else (first or {}).get("id") if first else None
        if not ref:
            raise KeyResolutionError(f"{did} names no verification method")
        vm = _absolute(did, str(ref))
    return resolve_from_document(vm, doc)
