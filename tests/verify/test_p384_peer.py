"""ecdsa-rdfc-2019 with P-384 runs RDFC-1.0 with SHA-384 (vc-di-ecdsa 3.3.2), checked by the reference peer.

RDFC-1.0 names blank nodes by hashing their surroundings with the suite's
hash, so a P-384 credential *with blank nodes* canonicalizes differently
under SHA-256 and SHA-384. The wallet once used SHA-256 inside RDFC for
every key: its P-384 credentials then failed in Digital Bazaar's library
(the reference peer). Both directions are checked here: the wallet's own
P-384 credential must verify in the peer, and must verify in the wallet.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from wallet.verify.context import VerificationContext
from wallet.verify.dataintegrity.proofs import verify_proofs
from wallet.verify.dataintegrity.signing import sign
from wallet.verify.dataintegrity.suites import SUITES, canonical_form
from wallet.verify.did import did_key_for

ROOT = Path(__file__).resolve().parents[2]

#: credentialSubject has no id: it is a blank node.
UNSIGNED = {
    "@context": ["https://www.w3.org/ns/credentials/v2"],
    "type": ["VerifiableCredential"],
    "name": "Alumni of Example University",
    "validFrom": "2024-01-01T00:00:00Z",
    "credentialSubject": {"name": "Ada Lovelace", "description": "Alumna of Example University"},
}


def _signed_p384() -> dict:
    key = ec.derive_private_key(0x3847_5A1B_2C3D_4E5F, ec.SECP384R1())
    did = did_key_for(key.public_key())
    doc = {**UNSIGNED, "issuer": did}
    return sign(doc, key, f"{did}#{did.split(':')[-1]}", "ecdsa-rdfc-2019", created="2024-01-01T00:00:00Z")


def test_p384_rdfc_labels_blank_nodes_with_sha384() -> None:
    doc = _signed_p384()
    unsecured = {k: v for k, v in doc.items() if k != "proof"}
    suite = SUITES["ecdsa-rdfc-2019"]
    with_384 = canonical_form(suite, unsecured, "P-384")
    with_256 = canonical_form(suite, unsecured, "P-256")
    assert b"_:c14n" in with_384  # the document really has blank nodes
    assert with_384 != with_256  # ... whose labels depend on the hash
    results, _ = verify_proofs(doc, VerificationContext())
    assert [r.ok for r in results] == [True]


@pytest.mark.slow
def test_reference_peer_verifies_a_p384_credential_with_blank_nodes(tmp_path: Path, shared: Path) -> None:
    if shutil.which("node") is None:
        pytest.skip("node is not installed: the reference peer cannot run")
    out = tmp_path / "p384"
    out.mkdir()
    (out / "p384-blank-nodes.json").write_text(json.dumps(_signed_p384()), encoding="utf-8")
    entries = [{"file": "p384-blank-nodes.json", "kind": "wallet-p384", "format": "vc", "expected": "valid"}]
    (out / "manifest.json").write_text(json.dumps({"generator": "learner-wallet tests", "entries": entries}))
    proc = subprocess.run([str(ROOT / "tools" / "peer.sh"), "verify", str(out)], capture_output=True, text=True,
                          timeout=240, check=False, env={**os.environ, "WALLET_SHARED": str(shared)})
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    results = {line["file"]: line for line in lines if "file" in line}
    assert "p384-blank-nodes.json" in results, proc.stderr[-2000:]
    assert results["p384-blank-nodes.json"]["verified"], results["p384-blank-nodes.json"].get("error")
