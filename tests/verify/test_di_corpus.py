"""The reference peer's corpus: every file must get the manifest's expected result.

JWT kinds go through the JOSE verifier (another module) via the same engine.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.verify.conftest import expected_of, load_corpus
from wallet.shared_data import shared_dir
from wallet.verify.engine import verify_bytes


def _entries() -> list[dict]:
    """Manifest entries for parametrising (empty without ../shared: the fixture then skips)."""
    root = shared_dir()
    if root is None:
        return []
    return json.loads((root / "corpus" / "manifest.json").read_text(encoding="utf-8"))["entries"]


@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e["file"])
def test_corpus_file_matches_manifest(corpus_dir: Path, entry: dict) -> None:
    _, ctx_for = load_corpus(corpus_dir)
    _, report = verify_bytes((corpus_dir / entry["file"]).read_bytes(), ctx_for(entry))
    got = expected_of(report.verdict.value)
    detail = [(c.name, c.status.value, c.explained) for c in report.checks if c.status.value != "passed"]
    assert got == entry["expected"], f"{entry['file']}: {entry['reason']} -> {detail}"
    if entry.get("revoked"):
        status = report.check("status")
        if status is not None:
            assert "revoked" in status.explained


def test_corpus_covers_every_file(corpus_dir: Path) -> None:
    manifest, _ = load_corpus(corpus_dir)
    assert len(manifest["entries"]) == len([p for p in corpus_dir.iterdir() if p.name != "manifest.json" and p.is_file() and not p.name.startswith(".")])


def test_whole_corpus_with_sockets_disabled(corpus_dir: Path, no_network: None) -> None:
    manifest, ctx_for = load_corpus(corpus_dir)
    mismatches = []
    for entry in manifest["entries"]:
        _, report = verify_bytes((corpus_dir / entry["file"]).read_bytes(), ctx_for(entry))
        if expected_of(report.verdict.value) != entry["expected"]:
            mismatches.append(entry["file"])
    assert mismatches == []


def test_issuer_trusted_check_when_in_trust_store(corpus_dir: Path) -> None:
    from dataclasses import replace

    from wallet.verify.context import TrustedIssuer

    manifest, ctx_for = load_corpus(corpus_dir)
    entry = next(e for e in manifest["entries"] if e["file"].startswith("ob3-eddsa-rdfc-2022.valid"))
    ctx = replace(ctx_for(entry), trusted_issuers=(TrustedIssuer(entry["issuer"], "Test University"),))
    _, report = verify_bytes((corpus_dir / entry["file"]).read_bytes(), ctx)
    assert report.verdict.value == "valid"
    assert report.issuer_label == "Test University"
    assert report.check("issuer-trusted").status.value == "passed"


def test_missing_status_list_is_not_checked_never_passed(corpus_dir: Path) -> None:
    from dataclasses import replace

    manifest, ctx_for = load_corpus(corpus_dir)
    entry = next(e for e in manifest["entries"] if e["variant"] == "status-revoked")
    ctx = replace(ctx_for(entry), status_lists={})
    _, report = verify_bytes((corpus_dir / entry["file"]).read_bytes(), ctx)
    status = report.check("status")
    assert status.status.value == "not-checked"
    assert status.message.id == "status.offline" and str(status.message.get("url")).startswith("https://")
    assert report.verdict.value == "valid-with-warnings"
