"""Blockcerts certificates (v2 and v3): recognised as their own format, not as hosted Open Badges.

Blockcerts (blockcerts.org, cert-issuer/cert-verifier-js) anchors a batch of
certificates in a blockchain: each certificate's normalised JSON-LD hash is
a leaf of a Merkle tree whose root is written into a transaction. The
certificate carries the proof from its hash to the root:

* **v2** is an Open Badges 2.0 assertion (``type: Assertion``, the
  ``https://w3id.org/blockcerts/v2`` context) with a ``signature`` of type
  ``MerkleProof2017`` (``targetHash``, ``merkleRoot``, ``proof`` path, ``anchors``);
* **v3** is a W3C Verifiable Credential (``BlockcertsCredential``, the
  ``https://w3id.org/blockcerts/v3…`` contexts) with a ``MerkleProof2019``
  proof (or a ``DataIntegrityProof`` with cryptosuite ``merkle-proof-2019``)
  whose ``proofValue`` encodes the same fields in CBOR; a ``ChainedProof2021``
  of ``chainedProofType`` MerkleProof2019 anchors a document already signed
  with another proof.

Before this module a v2 certificate was taken for a hosted Open Badge (and
one with large embedded images refused as "too large"). Parsing only; what
can be verified offline is in :mod:`wallet.verify.blockcerts`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wallet.errors import InputError
from wallet.formats import ob2, vc_json
from wallet.model import Container, Credential, CredentialFormat
from wallet.util.limits import MAX_EDC_BYTES, load_json_object
from wallet.util.values import as_list

_V3_PROOFS = ("MerkleProof2019",)


def _contexts(obj: dict[str, Any]) -> list[str]:
    return [c for c in as_list(obj.get("@context")) if isinstance(c, str)]


def _blockcerts_context(obj: dict[str, Any]) -> bool:
    return any("blockcerts" in c for c in _contexts(obj))


def _types(value: Any) -> list[str]:
    return [t for t in as_list(value) if isinstance(t, str)]


def is_v2(obj: Any) -> bool:
    """An OB 2.0 assertion carrying a MerkleProof2017 ``signature``."""
    if not isinstance(obj, dict) or not isinstance(obj.get("signature"), dict):
        return False
    return "MerkleProof2017" in _types(obj["signature"].get("type")) and (
        _blockcerts_context(obj) or "Assertion" in _types(obj.get("type")))


def merkle_proof_2019(obj: Mapping[str, Any]) -> dict[str, Any] | None:
    """The MerkleProof2019 proof of a v3 certificate (the first, when chained with others)."""
    for proof in as_list(obj.get("proof")):
        if not isinstance(proof, dict):
            continue
        types = _types(proof.get("type"))
        if any(t in _V3_PROOFS for t in types) or (
                "DataIntegrityProof" in types and proof.get("cryptosuite") == "merkle-proof-2019") or (
                "ChainedProof2021" in types and proof.get("chainedProofType") == "MerkleProof2019"):
            return proof
    return None


def is_v3(obj: Any) -> bool:
    """A Verifiable Credential secured with a MerkleProof2019 proof."""
    return isinstance(obj, dict) and merkle_proof_2019(obj) is not None


def is_v1(obj: Any) -> bool:
    """Blockcerts 1.2 (``BlockchainCertificate``: a ``document`` and a ``receipt``): recognised, not verified."""
    return isinstance(obj, dict) and obj.get("type") == "BlockchainCertificate" and isinstance(obj.get("document"), dict) \
        and isinstance(obj.get("receipt"), dict)


def is_blockcerts(obj: Any) -> bool:
    return is_v2(obj) or is_v3(obj) or is_v1(obj)


def version_of(obj: dict[str, Any]) -> int:
    return 2 if is_v2(obj) else 3


def parse_blockcerts(raw: bytes, container: Container = Container.NONE) -> Credential:
    """Parse a Blockcerts certificate (up to the EDC size cap: certificates embed their images)."""
    obj = load_json_object(raw, "Blockcerts certificate", MAX_EDC_BYTES)
    if is_v2(obj):
        return ob2.credential_from_assertion(obj, raw=bytes(raw), fmt=CredentialFormat.BLOCKCERTS,
                                             container=container)
    if is_v3(obj):
        return vc_json.credential_from_vc(obj, raw=bytes(raw), fmt=CredentialFormat.BLOCKCERTS, container=container)
    if is_v1(obj):
        document = obj["document"]
        certificate = document.get("certificate") if isinstance(document.get("certificate"), dict) else {}
        issuer = certificate.get("issuer")
        return Credential(CredentialFormat.BLOCKCERTS, bytes(raw), container, types=("BlockchainCertificate",),
                          issuer=vc_json.issuer_of(issuer), title=vc_json.lang_map(certificate.get("name")),
                          description=vc_json.lang_map(certificate.get("description")), document=obj)
    raise InputError("The JSON is not a Blockcerts certificate.")
