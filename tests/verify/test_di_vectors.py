"""W3C vc-di-eddsa and vc-di-ecdsa test vectors, every intermediate value.

For each suite: the canonical document, its hash, the proof configuration,
its canonical form and hash, the combined hash, and the signature. Ed25519
is deterministic, so our signature must equal the vector's byte for byte;
ECDSA signatures are randomised, so the given signature must verify and our
own fresh one must verify too.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import base58
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from wallet.verify.context import VerificationContext
from wallet.verify.dataintegrity.proofs import verify_proofs
from wallet.verify.dataintegrity.signing import sign
from wallet.verify.dataintegrity.suites import (
    SUITES,
    canonical_form,
    check_signature,
    hash_data,
    proof_config,
)
from wallet.verify.did import multibase_to_key

# (folder under TestVectors, file suffix, key pair file, suite name, key type)
CASES = [
    ("w3c-vc-di-eddsa", "eddsa-rdfc-2022", "DataInt", "keyPair.json", "eddsa-rdfc-2022", "Ed25519"),
    ("w3c-vc-di-eddsa", "eddsa-rdfc-2022/employ", "DataInt", None, "eddsa-rdfc-2022", "Ed25519"),
    ("w3c-vc-di-eddsa", "eddsa-jcs-2022", "JCS", "keyPair.json", "eddsa-jcs-2022", "Ed25519"),
    ("w3c-vc-di-eddsa", "Ed25519Signature2020", "EdSig", "keyPair.json", "Ed25519Signature2020", "Ed25519"),
    ("w3c-vc-di-ecdsa", "ecdsa-rdfc-2019-p256", "ECDSAP256", "p256KeyPair.json", "ecdsa-rdfc-2019", "P-256"),
    ("w3c-vc-di-ecdsa", "ecdsa-rdfc-2019-p256/employ", "ECDSAP256", None, "ecdsa-rdfc-2019", "P-256"),
    ("w3c-vc-di-ecdsa", "ecdsa-rdfc-2019-p384", "ECDSAP384", "p384KeyPair.json", "ecdsa-rdfc-2019", "P-384"),
    # Has blank nodes: passes only when RDFC-1.0 itself runs with SHA-384 for P-384 (vc-di-ecdsa 3.3.2).
    ("w3c-vc-di-ecdsa", "ecdsa-rdfc-2019-p384/employ", "ECDSAP384", None, "ecdsa-rdfc-2019", "P-384"),
    ("w3c-vc-di-ecdsa", "ecdsa-jcs-2019-p256", "JCSECDSAP256", "p256KeyPair.json", "ecdsa-jcs-2019", "P-256"),
    ("w3c-vc-di-ecdsa", "ecdsa-jcs-2019-p384", "JCSECDSAP384", "p384KeyPair.json", "ecdsa-jcs-2019", "P-384"),
]
IDS = [c.id if hasattr(c, "marks") else c[1] for c in CASES]

_PRIV_PREFIX = {"Ed25519": b"\x80\x26", "P-256": b"\x86\x26", "P-384": b"\x87\x26"}


def _private_key(multibase: str, key_type: str):
    raw = base58.b58decode(multibase[1:])
    assert raw[:2] == _PRIV_PREFIX[key_type]
    body = raw[2:]
    if key_type == "Ed25519":
        return ed25519.Ed25519PrivateKey.from_private_bytes(body)
    curve = ec.SECP256R1() if key_type == "P-256" else ec.SECP384R1()
    return ec.derive_private_key(int.from_bytes(body, "big"), curve)


def _read(folder: Path, name: str) -> str:
    return (folder / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("repo,sub,suffix,keyfile,suite_name,key_type", CASES, ids=IDS)
def test_intermediate_values(vectors_dir: Path, repo, sub, suffix, keyfile, suite_name, key_type) -> None:
    folder = vectors_dir / repo / "TestVectors" / sub
    signed = json.loads(_read(folder, f"signed{suffix}.json"))
    suite = SUITES[suite_name]
    unsecured = {k: v for k, v in signed.items() if k != "proof"}
    proof = signed["proof"]

    canon_doc = canonical_form(suite, unsecured, key_type)
    assert canon_doc.decode() == _read(folder, f"canonDoc{suffix}.txt")
    name = "sha384" if key_type == "P-384" else "sha256"
    assert hashlib.new(name, canon_doc).hexdigest() == _read(folder, f"docHash{suffix}.txt").strip()

    config = proof_config(suite, proof, unsecured)
    expected_config = json.loads(_read(folder, f"proofConfig{suffix}.json"))
    assert config == expected_config
    canon_proof = canonical_form(suite, config, key_type)
    assert canon_proof.decode() == _read(folder, f"proofCanon{suffix}.txt")
    assert hashlib.new(name, canon_proof).hexdigest() == _read(folder, f"proofHash{suffix}.txt").strip()

    data = hash_data(suite, key_type, config, unsecured)
    assert data.hex() == _read(folder, f"combinedHash{suffix}.txt").strip()

    key = multibase_to_key(proof["verificationMethod"].split("#")[-1])
    assert check_signature(suite, key, key_type, proof, data)
    sig = base58.b58decode(proof["proofValue"][1:])
    assert sig.hex() == _read(folder, f"sigHex{suffix}.txt").strip()
    assert proof["proofValue"] == _read(folder, f"sigBTC58{suffix}.txt").strip()

    if keyfile is not None:
        pair = json.loads((vectors_dir / repo / "TestVectors" / keyfile).read_text())
        secret = pair.get("privateKeyMultibase") or pair["secretKeyMultibase"]
        private = _private_key(secret, key_type)
        ours = sign(unsecured, private, proof["verificationMethod"], suite_name, created=proof["created"])
        if key_type == "Ed25519":
            assert ours["proof"] == proof  # deterministic: byte-identical proof
        results, _ = verify_proofs(ours, VerificationContext())
        assert [r.ok for r in results] == [True]


TAMPER_CASES = [tuple(c.values) if hasattr(c, "marks") else c for c in CASES]


@pytest.mark.parametrize("repo,sub,suffix,keyfile,suite_name,key_type", TAMPER_CASES, ids=[c[1] for c in TAMPER_CASES])
def test_vector_tampered_fails(vectors_dir: Path, repo, sub, suffix, keyfile, suite_name, key_type) -> None:
    signed = json.loads(_read(vectors_dir / repo / "TestVectors" / sub, f"signed{suffix}.json"))
    signed["credentialSubject"]["id"] = "did:example:mallory"
    results, _ = verify_proofs(signed, VerificationContext())
    assert [r.ok for r in results] == [False]


@pytest.mark.parametrize("name", ["signedProofSet1.json", "signedProofSet2.json", "signedProofChain1.json", "signedProofChain2.json"])
def test_proof_sets_and_chains(vectors_dir: Path, name: str) -> None:
    doc = json.loads((vectors_dir / "w3c-vc-di-eddsa/TestVectors/proof-set-chain" / name).read_text())
    results, outcome = verify_proofs(doc, VerificationContext())
    assert outcome.problem is None
    assert results and all(r.ok for r in results), [r.explained for r in results]


def test_proof_chain_with_missing_previous_proof_fails(vectors_dir: Path) -> None:
    doc = json.loads((vectors_dir / "w3c-vc-di-eddsa/TestVectors/proof-set-chain/signedProofChain2.json").read_text())
    doc["proof"] = [p for p in doc["proof"] if p.get("id") != "urn:uuid:d94f792a-c546-4d06-b38a-da070ab56c23"]
    results, _ = verify_proofs(doc, VerificationContext())
    assert any(r.ok is False and "missing" in str(r.reason.get("detail")) for r in results)


def test_citizenship_ecdsa_examples(vectors_dir: Path) -> None:
    folder = vectors_dir / "w3c-ccg-citizenship"
    signed = sorted(folder.rglob("*-signed.jsonld"))
    checked = 0
    for path in signed:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(doc, dict) or "proof" not in doc:
            continue
        results, outcome = verify_proofs(doc, VerificationContext())
        assert outcome.problem is None, (path.name, outcome.problem)
        assert all(r.ok for r in results), (path.name, [r.explained for r in results])
        checked += 1
    assert checked > 0


def test_p384_employ_is_self_consistent(vectors_dir: Path) -> None:
    """The upstream P-384 vector with blank nodes: its own canonical strings and signature agree."""
    folder = vectors_dir / "w3c-vc-di-ecdsa/TestVectors/ecdsa-rdfc-2019-p384/employ"
    proof = json.loads(_read(folder, "signedECDSAP384.json"))["proof"]
    data = hashlib.sha384((folder / "proofCanonECDSAP384.txt").read_bytes()).digest() + hashlib.sha384(
        (folder / "canonDocECDSAP384.txt").read_bytes()
    ).digest()
    assert data.hex() == _read(folder, "combinedHashECDSAP384.txt").strip()
    key = multibase_to_key(proof["verificationMethod"].split("#")[-1])
    assert check_signature(SUITES["ecdsa-rdfc-2019"], key, "P-384", proof, data)
