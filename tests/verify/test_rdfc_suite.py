"""The W3C RDFC-1.0 test suite (86 manifest entries) through our canonicalizer."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from wallet.shared_data import shared_dir
from wallet.verify.canon import (
    Budget,
    CanonicalizationBudgetExceeded,
    canonical_issued,
    canonicalize_quads,
)
from wallet.verify.nquads import parse_nquads


def _entries() -> list[dict]:
    root = shared_dir()
    if root is None:
        return []
    manifest = root / "vectors" / "w3c-rdf-canon" / "tests" / "manifest.jsonld"
    return json.loads(manifest.read_text(encoding="utf-8"))["entries"]


@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e["id"].lstrip("#"))
def test_rdfc10(vectors_dir: Path, entry: dict) -> None:
    base = vectors_dir / "w3c-rdf-canon" / "tests"
    algorithm = {"SHA384": "sha384"}.get(entry.get("hashAlgorithm", ""), "sha256")
    quads = parse_nquads((base / entry["action"]).read_text(encoding="utf-8"))
    if entry["type"] == "rdfc:RDFC10NegativeEvalTest":
        started = time.monotonic()
        with pytest.raises(CanonicalizationBudgetExceeded, match="canonicalization aborted"):
            canonicalize_quads(quads, hash_algorithm=algorithm)
        assert time.monotonic() - started < 5.0
        return
    if entry["type"] == "rdfc:RDFC10MapTest":
        expected = json.loads((base / entry["result"]).read_text(encoding="utf-8"))
        assert canonical_issued(quads, hash_algorithm=algorithm) == expected
        return
    assert canonicalize_quads(quads, hash_algorithm=algorithm) == (base / entry["result"]).read_text(encoding="utf-8")


def test_poison_clique_respects_the_time_budget(vectors_dir: Path) -> None:
    """threat "RDFC-1.0 poison graphs" in docs/THREATS.md: with a generous permutation cap, the wall clock still stops it."""
    quads = parse_nquads((vectors_dir / "w3c-rdf-canon/tests/rdfc10/test074-in.nq").read_text(encoding="utf-8"))
    budget = Budget(max_permutations=10**12, max_ndegree_calls=10**12, seconds=0.5)
    started = time.monotonic()
    with pytest.raises(CanonicalizationBudgetExceeded, match="longer than 0.5 s"):
        canonicalize_quads(quads, budget)
    assert time.monotonic() - started < 2.0


def test_symmetric_blank_node_ring_aborts() -> None:
    """A synthetic poison graph: a 12-node clique of blank nodes."""
    nodes = [f"_:n{i}" for i in range(12)]
    quads = [(a, "<urn:ex:p>", b, "") for a in nodes for b in nodes if a != b]
    with pytest.raises(CanonicalizationBudgetExceeded):
        canonicalize_quads(quads)
