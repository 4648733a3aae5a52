"""Every bundle the wallet makes must verify in the independent reference peer
(Digital Bazaar's @digitalbazaar/vc, ../shared/peers/dbvc) for what the peer
supports. The peer checks the presentation proof with the challenge and
domain from a manifest we write, and every embedded credential including its
status. It cannot verify EnvelopedVerifiableCredential entries (its
``vc.verify`` treats each entry as a Data Integrity credential), so for mixed
bundles we require the presentation proof and the JSON-LD credentials to
verify and record the envelopes as unsupported by the peer.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from wallet.formats import parse
from wallet.sharing.bundle import make_bundle

ROOT = Path(__file__).resolve().parents[2]
KINDS = ["ob3-eddsa-rdfc-2022", "vc2-ecdsa-rdfc-2019", "vc11-ed25519-signature-2020",
         "ob3-eddsa-jcs-2022", "vc2-ecdsa-jcs-2019"]
JWTS = ["jose-vc2-eddsa.valid.001.jwt", "jose-vc2-es256.valid.001.jwt",
        "jwt-vc11-eddsa.valid.001.jwt", "jwt-vc11-es256.valid.001.jwt"]

pytestmark = [pytest.mark.slow, pytest.mark.shared]


def _bundles() -> list[tuple[str, list[str], dict[str, Any]]]:
    """(file name, corpus files, manifest fields) for every bundle to check."""
    plan: list[tuple[str, list[str], dict[str, Any]]] = []
    for kind in KINDS:
        plan.append((f"ldp-{kind}.vp.json", [f"{kind}.valid.001.json", f"{kind}.valid.002.json"],
                     {"expected": "valid"}))
    plan.append(("ldp-all-kinds.vp.json", [f"{k}.valid.003.json" for k in KINDS], {"expected": "valid"}))
    plan.append(("ldp-status-active.vp.json", [f"{k}.status-active.001.json" for k in KINDS],
                 {"expected": "valid"}))
    plan.append(("neg-embedded-revoked.vp.json", [f"{KINDS[0]}.valid.001.json", f"{KINDS[0]}.status-revoked.001.json"],
                 {"expected": "invalid"}))
    plan.append(("neg-wrong-challenge.vp.json", [f"{KINDS[1]}.valid.001.json"],
                 {"expected": "invalid", "challenge": "not-what-was-signed"}))
    plan.append(("mixed-jwt-envelopes.vp.json", [f"{KINDS[0]}.valid.001.json", *JWTS], {}))
    plan.append(("jwt-envelopes-only.vp.json", JWTS[:2], {}))
    return plan


def _write_dir(out: Path, corpus: Path) -> dict[str, dict[str, Any]]:
    key = Ed25519PrivateKey.from_private_bytes(b"\x07" * 32)
    from wallet.verify.did import did_key_for

    did = did_key_for(key.public_key())
    now = datetime.now(UTC)
    entries = []
    plan = {}
    for i, (name, files, fields) in enumerate(_bundles()):
        creds = [parse((corpus / f).read_bytes()) for f in files]
        challenge, domain = f"challenge-{i}", "verifier.example"
        bundle = make_bundle(creds, key, did, challenge=challenge, domain=domain,
                             expires=now + timedelta(days=30), now=now)
        (out / name).write_bytes(bundle.to_bytes(pretty=True))
        entry = {"file": name, "kind": "wallet-bundle", "format": "vp", "challenge": challenge,
                 "domain": domain, **fields}
        entries.append(entry)
        plan[name] = {"files": files, **entry}
    tampered = json.loads((out / "ldp-all-kinds.vp.json").read_text())
    tampered["verifiableCredential"].pop()
    (out / "neg-tampered.vp.json").write_text(json.dumps(tampered))
    source = next(e for e in entries if e["file"] == "ldp-all-kinds.vp.json")
    entries.append({**source, "file": "neg-tampered.vp.json", "expected": "invalid"})
    plan["neg-tampered.vp.json"] = entries[-1]
    (out / "manifest.json").write_text(json.dumps({"generator": "learner-wallet tests", "entries": entries}))
    corpus_manifest = json.loads((corpus / "manifest.json").read_text())
    index = {url: str((corpus / file).resolve()) for url, file in corpus_manifest["statusLists"].items()}
    (out / "status-index.json").write_text(json.dumps(index))
    return plan


def test_reference_peer_verifies_wallet_bundles(corpus_dir: Path, tmp_path: Path) -> None:
    if shutil.which("node") is None:
        pytest.skip("node is not installed: the reference peer cannot run")
    out = tmp_path / "bundles"
    out.mkdir()
    plan = _write_dir(out, corpus_dir)
    proc = subprocess.run([str(ROOT / "tools" / "peer.sh"), "verify", str(out), "--documents",
                           str(out / "status-index.json")], capture_output=True, text=True, timeout=240, check=False)
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    assert lines and lines[-1].get("summary"), proc.stderr[-2000:]
    results = {line["file"]: line for line in lines if "file" in line}
    assert set(results) == set(plan)
    summary = lines[-1]
    assert summary["mismatched"] == [], [results[f] for f in summary["mismatched"]]
    envelope_failures = 0
    for name, result in results.items():
        expected = plan[name].get("expected")
        if expected == "valid":
            assert result["verified"], (name, result.get("error"))
        elif expected == "invalid":
            assert not result["verified"], name
        else:  # mixed bundles: the holder proof and the JSON-LD credentials must verify
            assert result["presentationVerified"], (name, result.get("error"))
            for cred, file in zip(result["credentials"], plan[name]["files"], strict=True):
                if file.endswith(".json"):
                    assert cred["verified"], (name, file, cred.get("error"))
                else:
                    assert not cred["verified"]  # the peer cannot open envelopes
                    envelope_failures += 1
    report = {
        "bundles": len(results),
        "expected_valid_verified": sum(1 for n, r in results.items() if plan[n].get("expected") == "valid"
                                       and r["verified"]),
        "expected_invalid_rejected": sum(1 for n, r in results.items() if plan[n].get("expected") == "invalid"
                                         and not r["verified"]),
        "mixed_presentation_proof_verified": sum(1 for n, r in results.items() if "expected" not in plan[n]
                                                 and r["presentationVerified"]),
        "envelopes_peer_cannot_verify": envelope_failures,
    }
    print("PEER-INTEROP", json.dumps(report))
