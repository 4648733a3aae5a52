"""The cryptosuites: how a proof's data is hashed, signed and checked.

Why one table: every suite is the same recipe (canonicalize the proof
options and the document, hash both, sign the concatenation) with a few
knobs: RDFC-1.0 or JCS, which hash, which signature scheme and encoding.
Keeping the knobs in one frozen value makes signing and verifying share the
exact same byte construction, so a wallet-signed presentation verifies with
the same code that checks an issuer's credential.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import base58
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.asymmetric.utils import (
    decode_dss_signature,
    encode_dss_signature,
)

from wallet.errors import InputError
from wallet.util.b58 import b58decode
from wallet.util.b64 import b64url_decode, b64url_encode
from wallet.verify.canon import canonicalize_quads
from wallet.verify.did import PublicKey
from wallet.verify.ed25519 import verify as verify_ed25519
from wallet.verify.jcs import jcs
from wallet.verify.safe_jsonld import strict_quads


class ProofError(Exception):
    """The proof is malformed or cannot be checked (one plain sentence)."""


@dataclass(frozen=True)
class Suite:
    """One cryptosuite's knobs."""

    name: str  # cryptosuite name, or the proof type for the legacy suites
    proof_type: str
    canonicalization: str  # "rdfc" or "jcs"
    key_types: frozenset[str]
    value_field: str = "proofValue"  # "jws" for Ed25519Signature2018
    jws_detached: bool = False


SUITES: dict[str, Suite] = {
    s.name: s
    for s in (
        Suite("eddsa-rdfc-2022", "DataIntegrityProof", "rdfc", frozenset({"Ed25519"})),
        Suite("eddsa-jcs-2022", "DataIntegrityProof", "jcs", frozenset({"Ed25519"})),
        Suite("ecdsa-rdfc-2019", "DataIntegrityProof", "rdfc", frozenset({"P-256", "P-384"})),
        Suite("ecdsa-jcs-2019", "DataIntegrityProof", "jcs", frozenset({"P-256", "P-384"})),
        Suite("Ed25519Signature2020", "Ed25519Signature2020", "rdfc", frozenset({"Ed25519"})),
        Suite(
            "Ed25519Signature2018",
            "Ed25519Signature2018",
            "rdfc",
            frozenset({"Ed25519"}),
            value_field="jws",
            jws_detached=True,
        ),
    )
}

#: Pre-standard names still found in the wild (1EdTech OB 3.0 samples).
ALIASES = {"eddsa-2022": "eddsa-rdfc-2022"}


def suite_of(proof: Mapping[str, Any]) -> Suite | None:
    """The suite a proof uses, or None when we do not implement it."""
    ptype = proof.get("type")
    types = ptype if isinstance(ptype, list) else [ptype]
    if "DataIntegrityProof" in types:
        name = proof.get("cryptosuite")
        if not isinstance(name, str):
            return None
        return SUITES.get(ALIASES.get(name, name))
    for t in types:
        if isinstance(t, str) and t in SUITES and SUITES[t].proof_type == t:
            return SUITES[t]
    return None


#: The constructors themselves: ``hashlib.new(name)`` looks the name up on every call.
_HASHES = {"sha256": hashlib.sha256, "sha384": hashlib.sha384}


def hash_name(suite: Suite, key_type: str) -> str:
    """The suite's hash for this key: SHA-384 for ecdsa-*-2019 with P-384, else SHA-256 (vc-di-ecdsa 3.3)."""
    return "sha384" if key_type == "P-384" and suite.name.startswith("ecdsa") else "sha256"


def canonical_form(suite: Suite, document: Mapping[str, Any], key_type: str = "") -> bytes:
    """The canonical bytes of a document or proof configuration for ``suite`` and a key of ``key_type``.

    RDFC-1.0 labels blank nodes with hashes of their surroundings, and
    vc-di-ecdsa (ecdsa-rdfc-2019, 3.3.2) runs it with the suite's hash: SHA-384
    for a P-384 key. A document without blank nodes canonicalizes the same
    either way, so the difference shows only on documents that have them.
    """
    if suite.canonicalization == "jcs":
        return jcs(document if type(document) is dict else dict(document))  # jcs takes a plain dict as JSON
    return canonicalize_quads(strict_quads(document), hash_algorithm=hash_name(suite, key_type)).encode("utf-8")


def proof_config(suite: Suite, proof: Mapping[str, Any], document: Mapping[str, Any]) -> dict[str, Any]:  # noqa: ARG001 - suites share one call shape
    """The proof options that are hashed: the proof minus its value, with the document's context."""
    config = {k: v for k, v in proof.items() if k not in ("proofValue", "jws", "signatureValue")}
    if "@context" in config:
        doc_ctx = document.get("@context")
        pctx = config["@context"]
        doc_list = doc_ctx if isinstance(doc_ctx, list) else [doc_ctx]
        p_list = pctx if isinstance(pctx, list) else [pctx]
        if doc_list[: len(p_list)] != p_list:
            raise ProofError("the proof's @context does not match the document's @context")
    elif "@context" in document:
        config["@context"] = document["@context"]
    return config


def hash_data(
    suite: Suite,
    key_type: str,
    config: Mapping[str, Any],
    unsecured: Mapping[str, Any],
    canonical_doc: bytes | None = None,
) -> bytes:
    """hash(canonical proof config) || hash(canonical document) — the signed bytes.

    ``canonical_doc`` lets a caller that already canonicalized the document
    with this suite's RDFC hash (the JSON-LD check does, with SHA-256) skip a
    second expansion.
    """
    digest = _HASHES[hash_name(suite, key_type)]
    proof_hash = digest(canonical_form(suite, config, key_type)).digest()
    if canonical_doc is None:
        canonical_doc = canonical_form(suite, unsecured, key_type)
    doc_hash = digest(canonical_doc).digest()
    return proof_hash + doc_hash


_B58 = re.compile(r"^z[1-9A-HJ-NP-Za-km-z]+$")
_B64URL = re.compile(r"^[A-Za-z0-9_-]*$")


def _b64url_decode(text: str) -> bytes:
    """Strict base64url (the standard decoder silently skips stray characters); a ProofError otherwise."""
    try:
        return b64url_decode(text, "proof's JWS")
    except InputError as exc:
        raise ProofError("the proof's JWS is not base64url") from exc


_JWS_HEADER = {"alg": "EdDSA", "b64": False, "crit": ["b64"]}


def _signature_bytes(suite: Suite, proof: Mapping[str, Any], data: bytes) -> tuple[bytes, bytes]:
    """(signature, message actually signed) from the proof's value field."""
    value = proof.get(suite.value_field)
    if not isinstance(value, str) or not value:
        raise ProofError(f"the proof has no {suite.value_field}")
    if suite.jws_detached:
        parts = value.split(".")
        if len(parts) != 3 or parts[1] != "":
            raise ProofError("the proof's jws is not a detached JWS")
        try:
            header = json.loads(_b64url_decode(parts[0]))
        except ValueError as exc:
            raise ProofError("the proof's JWS header is not valid JSON") from exc
        if header.get("alg") != "EdDSA" or header.get("b64") is not False or "b64" not in header.get("crit", []):
            raise ProofError("the proof's JWS header must say alg EdDSA with b64 false")
        return _b64url_decode(parts[2]), parts[0].encode("ascii") + b"." + data
    if not _B58.match(value):  # the base58 library would silently strip whitespace
        raise ProofError("the proof value is not base58btc multibase ('z…')")
    try:
        return b58decode(value[1:]), data
    except ValueError as exc:
        raise ProofError("the proof value is not valid base58") from exc


@cache
def _ecdsa(key_type: str) -> ec.ECDSA:
    """Built on first use and kept: an ``ECDSA`` holds no state, and building one is not free."""
    return ec.ECDSA(hashes.SHA384() if key_type == "P-384" else hashes.SHA256())


def check_signature(suite: Suite, key: PublicKey, key_type: str, proof: Mapping[str, Any], data: bytes) -> bool:
    """True when the proof's signature over ``data`` verifies with ``key``."""
    if key_type not in suite.key_types:
        raise ProofError(f"{suite.name} proofs cannot be made with a {key_type} key")
    sig, message = _signature_bytes(suite, proof, data)
    try:
        if isinstance(key, ed25519.Ed25519PublicKey):
            if len(sig) != 64:
                return False
            verify_ed25519(key, sig, message)
            return True
        if isinstance(key, ec.EllipticCurvePublicKey):
            size = (key.curve.key_size + 7) // 8
            if len(sig) != 2 * size:
                return False
            der = encode_dss_signature(int.from_bytes(sig[:size], "big"), int.from_bytes(sig[size:], "big"))
            key.verify(der, message, _ecdsa(key_type))
            return True
    except InvalidSignature:
        return False
    raise ProofError(f"{suite.name} does not support this key type")


def make_signature(suite: Suite, private_key: Any, key_type: str, data: bytes) -> str:
    """The proof value (or detached JWS) for ``data``, signed with ``private_key``."""
    if suite.jws_detached:
        header = b64url_encode(json.dumps(_JWS_HEADER, separators=(",", ":")).encode())
        sig = private_key.sign(header.encode("ascii") + b"." + data)
        return header + ".." + b64url_encode(sig)
    if isinstance(private_key, ed25519.Ed25519PrivateKey):
        sig = private_key.sign(data)
    elif isinstance(private_key, ec.EllipticCurvePrivateKey):
        algo = hashes.SHA384() if key_type == "P-384" else hashes.SHA256()
        r, s = decode_dss_signature(private_key.sign(data, ec.ECDSA(algo)))
        size = (private_key.curve.key_size + 7) // 8
        sig = r.to_bytes(size, "big") + s.to_bytes(size, "big")
    else:
        raise ProofError("only Ed25519, P-256 and P-384 keys can sign here")
    return "z" + base58.b58encode(sig).decode("ascii")
