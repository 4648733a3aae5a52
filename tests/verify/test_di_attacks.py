"""Attack regressions: threats "JSON-LD context substitution", "remote context fetch", "RDFC-1.0 poison graphs" in docs/THREATS.md (JSON-LD and canonicalization)."""

from __future__ import annotations

import copy
import json
import time
from pathlib import Path

import pytest

from tests.verify.conftest import load_corpus
from tests.verify.helpers import ISSUER, OB3, V2, ctx, ob3_credential, raw, signed
from wallet.verify import jsonld as offline
from wallet.verify.engine import verify_bytes
from wallet.verify.safe_jsonld import JsonLdProblem, strict_quads


def _corpus_doc(corpus_dir: Path, prefix: str) -> tuple[dict, object]:
    manifest, ctx_for = load_corpus(corpus_dir)
    entry = next(e for e in manifest["entries"] if e["file"].startswith(prefix))
    return json.loads((corpus_dir / entry["file"]).read_text(encoding="utf-8")), ctx_for(entry)


def _verdict(doc: dict, context) -> tuple[str, dict]:
    _, report = verify_bytes(raw(doc), context)
    return report.verdict.value, {c.name: c for c in report.checks}


# --- row 7: context substitution and term redefinition -------------------------------


def test_inline_context_redefining_credential_status_after_signing_fails(corpus_dir: Path) -> None:
    doc, context = _corpus_doc(corpus_dir, "ob3-eddsa-rdfc-2022.status-active")
    assert _verdict(doc, context)[0] != "invalid"
    doc["@context"].append({"credentialStatus": "https://attacker.example/ignored"})
    verdict, checks = _verdict(doc, context)
    assert verdict == "invalid"
    assert checks["jsonld"].status.value == "failed"
    assert "redefines terms of a published context (credentialStatus)" in checks["jsonld"].explained


def test_inline_context_redefining_with_scoped_trick_fails(corpus_dir: Path) -> None:
    doc, context = _corpus_doc(corpus_dir, "vc11-ed25519-signature-2020.status-active")
    doc["@context"].append({"@version": 1.1, "credentialStatus": {"@id": "https://attacker.example/x", "@type": "@json"}})
    assert _verdict(doc, context)[0] == "invalid"


@pytest.mark.parametrize("prefix", ["ob3-eddsa-rdfc-2022.valid", "vc2-ecdsa-rdfc-2019.valid", "ob3-eddsa-jcs-2022.valid"])
def test_swapped_context_url_is_never_accepted(corpus_dir: Path, prefix: str) -> None:
    """A context the wallet does not know is flagged (row 7): never valid, and "cannot be checked", not "forged".

    The wallet cannot tell a look-alike context from an honest issuer's vocabulary
    it has not bundled (an older consortium context, another vendor's suite), so
    it must not call either a forgery; it must not accept either.
    """
    doc, context = _corpus_doc(corpus_dir, prefix)
    url = "https://attacker.example/contexts/look-alike.json"
    doc["@context"][-1] = url
    verdict, checks = _verdict(doc, context)
    assert checks["jsonld"].status.value == "not-checked" and checks["jsonld"].essential
    assert checks["jsonld"].message.id == "jsonld.unknown_context"
    assert url in checks["jsonld"].reason
    if "jcs" in prefix:  # JCS signs the JSON itself, context list included: the swap is a real change
        assert verdict == "invalid" and checks["signature"].status.value == "failed"
    else:  # RDFC signs the RDF the unknown context would define: nothing can be checked
        assert verdict == "cannot-verify-offline"
        assert checks["signature"].status.value == "not-checked"
        assert checks["signature"].message.id == "proof.unknown_context"


def test_swapped_to_other_bundled_ob_version_never_passes_silently(corpus_dir: Path) -> None:
    doc, context = _corpus_doc(corpus_dir, "ob3-eddsa-rdfc-2022.valid")
    doc["@context"] = [V2, "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json"]
    assert _verdict(doc, context)[0] == "invalid"


@pytest.mark.parametrize("where", ["top", "subject", "achievement"])
def test_unmapped_property_added_after_signing_fails(corpus_dir: Path, where: str) -> None:
    doc, context = _corpus_doc(corpus_dir, "ob3-eddsa-rdfc-2022.valid")
    target = {"top": doc, "subject": doc["credentialSubject"], "achievement": doc["credentialSubject"]["achievement"]}[where]
    target["bonusCredits"] = 30
    verdict, checks = _verdict(doc, context)
    assert verdict == "invalid"
    assert checks["jsonld"].status.value == "failed"
    assert "bonusCredits" in checks["jsonld"].explained


def test_unmapped_property_with_vocab_context_breaks_signature(corpus_dir: Path) -> None:
    doc, context = _corpus_doc(corpus_dir, "vc2-ecdsa-rdfc-2019.valid")
    doc["credentialSubject"]["bonusCredits"] = 30
    verdict, checks = _verdict(doc, context)
    assert verdict == "invalid" and checks["signature"].status.value == "failed"


def test_unmapped_property_in_signed_document_is_flagged() -> None:
    """Even a correctly signed credential with a dropped term is refused (signature would not cover it)."""
    doc = ob3_credential()
    doc["credentialSubject"]["secretNote"] = "not covered"
    with pytest.raises(JsonLdProblem, match="secretNote"):
        strict_quads(doc)


def test_relative_identifier_is_flagged() -> None:
    doc = ob3_credential()
    doc["credentialSubject"]["achievement"]["id"] = "achievements/1"
    with pytest.raises(JsonLdProblem, match="relative"):
        strict_quads(doc)


# --- row 8: no fetches, loops and depth caps ----------------------------------------------


def test_unknown_context_url_gives_clear_error() -> None:
    doc = ob3_credential()
    doc["@context"] = [V2, "https://unknown.example/ctx.json"]
    with pytest.raises(JsonLdProblem, match=r"^loading document failed: https://unknown.example/ctx.json is not a bundled context$"):
        strict_quads(doc)


def test_nested_import_of_unknown_url_is_refused() -> None:
    doc = ob3_credential()
    doc["@context"] = [V2, OB3, {"@import": "https://unknown.example/imported.json"}]
    with pytest.raises(JsonLdProblem, match="not a bundled context"):
        strict_quads(doc)


@pytest.fixture()
def fake_contexts(monkeypatch: pytest.MonkeyPatch):
    """Pretend some URLs are bundled, with the given contents (cache cleared around the test)."""
    table: dict[str, dict] = {}
    real_load = offline.load_context
    real_bundled = offline.is_bundled
    monkeypatch.setattr(offline, "load_context", lambda url: copy.deepcopy(table[url]) if url in table else real_load(url))
    monkeypatch.setattr(offline, "is_bundled", lambda url: url in table or real_bundled(url))
    offline.clear_caches()
    yield table
    offline.clear_caches()


def test_self_importing_context_aborts(fake_contexts: dict) -> None:
    url = "https://loop.example/ctx"
    fake_contexts[url] = {"@context": [url, {"x": "urn:x"}]}
    doc = {"@context": [url], "x": "y"}
    with pytest.raises(JsonLdProblem, match="context"):
        strict_quads(doc)


def test_context_chain_deeper_than_cap_aborts(fake_contexts: dict) -> None:
    for i in range(15):
        fake_contexts[f"https://chain.example/{i}"] = {"@context": [f"https://chain.example/{i + 1}"] if i < 14 else {"x": "urn:x"}}
    doc = {"@context": ["https://chain.example/0"], "x": "y"}
    with pytest.raises(JsonLdProblem, match="overflow|Maximum|context"):
        strict_quads(doc)


def test_pinned_hash_mismatch_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    entry = offline.bundled_index()[V2]
    fake = {V2: offline.BundledContext(entry.url, entry.file, "0" * 64)}
    offline._load_pinned.cache_clear()
    monkeypatch.setattr(offline, "bundled_index", lambda: fake)
    try:
        with pytest.raises(offline.ContextLoadError, match="pinned hash"):
            offline.load_context(V2)
    finally:
        offline._load_pinned.cache_clear()


def test_bundled_credentials_verify_with_sockets_disabled(no_network: None) -> None:
    offline.clear_caches()
    doc = signed(ob3_credential())
    _, report = verify_bytes(raw(doc), ctx())
    assert report.verdict.value == "valid-with-warnings"


# --- row 15: poison graphs abort within the budget ------------------------------------------


def test_poison_graph_credential_aborts_within_budget() -> None:
    nodes = [f"_:n{i}" for i in range(10)]
    graph = [{"@id": n, "knows": [{"@id": m} for m in nodes if m != n]} for n in nodes]
    doc = {
        "@context": [V2, "https://www.w3.org/ns/credentials/examples/v2"],
        "type": ["VerifiableCredential"],
        "issuer": ISSUER.did,
        "validFrom": "2025-01-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:x", "knows": graph},
    }
    poisoned = copy.deepcopy(doc)
    poisoned["proof"] = {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "created": "2025-01-01T00:00:00Z",
        "verificationMethod": ISSUER.vm,
        "proofPurpose": "assertionMethod",
        "proofValue": "z" + "1" * 80,
    }
    started = time.monotonic()
    _, report = verify_bytes(raw(poisoned), ctx())
    assert time.monotonic() - started < 5.0
    assert report.verdict.value == "invalid"
    assert "canonicalization aborted" in report.check("jsonld").explained.lower()
