"""How manifest.json was made: the expected result of each file, from its name and its own content (rules below).

Run from this folder with the repository snapshots in /work/.mirror (see README.md); it rewrites manifest.json.
"""
import json
import re
import subprocess
from collections import Counter
from datetime import UTC, datetime

NOW = datetime(2026, 1, 1, tzinfo=UTC)
def _when(v):
    try:
        return datetime.fromisoformat(str(v).replace("Z", "+00:00"))
    except ValueError:
        return None
def date_state(doc):
    """From the document's own dates (the file names of some fixtures disagree with their content)."""
    for key in ("validUntil", "expirationDate", "expires"):
        w = _when(doc.get(key)) if doc.get(key) else None
        if w and w < NOW:
            return f"its {key} ({doc[key]}) is before {NOW.date()}"
    for key in ("validFrom", "issuanceDate"):
        w = _when(doc.get(key)) if doc.get(key) else None
        if w and w > NOW:
            return f"its {key} ({doc[key]}) is after {NOW.date()}: not yet valid"
    return None
DCC = "digitalcredentials/vc-test-fixtures"
DCC_C = "0440d64c3af3c29e6caacac878c7eaf55cf7576f"
BC = "blockchain-certificates/cert-verifier-js"
BC_C = "21de5589cd9b6092ba2f3191731543b0576a9e9d"
def ls(repo, commit, prefix):
    out = subprocess.check_output(["git", f"--git-dir=/work/.mirror/{repo.replace('/', '+')}/repo", "ls-tree", "-r", "--name-only", commit, prefix]).decode()
    return [p for p in out.splitlines() if p.endswith(".json")]
entries = []
LIST_URL = "https://digitalcredentials.github.io/vc-test-fixtures/"
lists = {LIST_URL + p: p for p in ["statusLists/didkey-ed25519Signature2020/" + n for n in ("e5WK8CbZ1GjycuPombrj", "expired", "missingBitStringType", "notYetValid", "tampered")]}
for path in ls(DCC, DCC_C, "verifiableCredentials"):
    name = path.rsplit("/", 1)[1][:-5]
    low = name.lower()
    e = {"source": DCC, "path": path, "did_docs": ["dids/legacy/did.json", "dids/oidf/did.json"], "status_lists": lists}
    try:
        doc = json.loads(subprocess.check_output(["git", f"--git-dir=/work/.mirror/{DCC.replace('/', '+')}/repo", "show", f"{DCC_C}:{path}"]))
    except ValueError:
        print("not JSON, skipped:", path)
        continue
    status = doc.get("credentialStatus")
    url = status.get("statusListCredential") if isinstance(status, dict) else None
    list_known = url in lists
    if "baddidweb" in low:
        exp, why = "cannot-check", "its did:web DID document is not published with the fixtures: the key cannot be found offline"
    elif "https://w3id.org/dcc/v1" in json.dumps(doc.get("@context")):
        exp, why = "cannot-check", "uses the DCC vocabulary https://w3id.org/dcc/v1, which an offline verifier without that vocabulary cannot check"
    elif "tamperedstatus" in low:
        exp, why = "invalid", "the status list's own proof was tampered with: its revocation answer cannot be used"
    elif "tampered" in low:
        exp, why = "forged", "the credential was changed after signing"
    elif "notyetvalidstatus" in low or "expiredstatus" in low or "missingtypestatus" in low:
        exp, why = "invalid", "the status list credential is not usable (not yet valid / expired / malformed), so the credential's status is in error"
    elif re.search(r"revoke", low) and list_known and not date_state(doc):
        exp, why = "revoked", "revoked in the status list published with the fixtures"
    elif date_state(doc):
        exp, why = "expired", date_state(doc)
    elif re.search(r"revoke", low):
        exp, why = "genuine", "revoked in a status list that is not published with the fixtures: offline, genuine with revocation not checked"
    else:
        exp, why = "genuine", "signed by a did:key or a did:web whose document is published with the fixtures; no problem named"
    e.update(expected=exp, why=why)
    if not list_known:
        e.pop("status_lists")
    entries.append(e)
# Blockcerts: offline, the anchor is never checked -> cannot-check unless the document itself is wrong
bc_rules = {
    "tampered": ("forged", "the certificate was changed after it was hashed"),
    "invalid-merkle-receipt": ("forged", "the Merkle receipt does not lead to its root"),
    "expired": ("expired", "its expiration date has passed"),
    "not-yet-valid": ("expired", "validFrom is in the future"),
    "invalid-date-format": ("invalid", "a date is not an XML Schema dateTime"),
}
ORIGINALS = {"testnet-v3-did.json", "mocknet-vc-v2-data-integrity-proof.json",
             "mocknet-vc-v2-data-integrity-proof-multiple-signatures.json"}
VARIANTS = {"testnet-v3--no-did.json", "testnet-v3-did--verification-method-not-referenced.json",
            "mocknet-vc-v2-invalid-date-format.json", "mocknet-vc-v2-validFrom-valid.json",
            "mocknet-vc-v2-data-integrity-proof-multiple-signatures-non-chained.json",
            "mocknet-vc-v2-credential-schema.json"}
for path in ls(BC, BC_C, "test/fixtures/v2") + ls(BC, BC_C, "test/fixtures/v3") + ls(BC, BC_C, "test/fixtures/v1"):
    name = path.rsplit("/", 1)[1]
    if name in ("example-non-chained-proofs.json", "proof-chain-example-secp256k1.json"):
        continue  # share one receipt and differ; which one was issued is not known
    if "presentation" in name or "status-list" in name or name.startswith("cert-rl") or "issuer" in name and "v1-issuer" not in name:
        continue
    exp, why = "cannot-check", "Blockcerts: the blockchain anchor (and any revocation list) can only be checked online"
    for key, (e2, w2) in bc_rules.items():
        if key in name:
            exp, why = e2, w2
    if name == "ethereum-merkle-root-unmatch-2.0.json":
        exp, why = "forged", "its receipt's merkleRoot was edited (first hex digit): the path no longer leads to it"
    if name == "vp-eddsa-rdfc-2022.json":
        exp, why = "genuine", "a presentation signed with eddsa-rdfc-2022 by a did:key (not a Blockcerts certificate)"
    if "mocknet" in name and exp == "cannot-check":
        why = "Blockcerts test mode: never anchored in a blockchain, so nothing proves who issued it"
    if "v1/" in path:
        exp, why = "cannot-check", "Blockcerts 1.2 (no longer a supported version): cannot be checked"
    entries.append({"source": BC, "path": path, "expected": exp, "why": why})
manifest = {
    "about": "Credentials from other projects' public test suites, with the result an honest offline verifier should give. See README.md.",
    "now": "2026-01-01T00:00:00+00:00",
    "classes": ["genuine", "cannot-check", "forged", "expired", "revoked", "invalid"],
    "sources": {DCC: {"commit": DCC_C, "licence": "MIT (package.json)", "what": "DCC test VCs: v1/v2, Ed25519Signature2020, DataIntegrityProof, did:key/did:web, status lists"},
                BC: {"commit": BC_C, "licence": "MIT (LICENSE.md)", "what": "Blockcerts v1.2/v2/v3 certificates (MerkleProof2017/2019), Ethereum/Bitcoin/mocknet"}},
    "entries": entries,
}
open("manifest.json", "w").write(json.dumps(manifest, indent=1) + "\n")
print(len(entries), Counter((e["source"].split("/")[0], e["expected"]) for e in entries))
