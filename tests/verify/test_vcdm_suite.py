"""W3C VCDM 2.0 test-suite inputs: '*-ok.json' accepted, '*-fail*.json' rejected.

The inputs are what the W3C suite sends to an issuer, so, like the suite's
harness, we fill its placeholders first: "PAST DATE"/"FUTURE DATE", and an
empty issuer object (the issuer under test puts its own id there). The
structure rules are ``wallet.verify.vcdm``; the JSON-LD rules (undefined or
redefined terms, bundled contexts) are ``strict_quads`` on the document
without its proof, as verification does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wallet.shared_data import shared_dir
from wallet.verify.safe_jsonld import JsonLdProblem, strict_quads
from wallet.verify.vcdm import credential_problems, presentation_problems

INPUTS = "w3c-vc-data-model-2.0-test-suite/tests/input"
PLACEHOLDERS = {"PAST DATE": "2020-01-01T00:00:00Z", "FUTURE DATE": "2030-01-01T00:00:00Z"}


def _names() -> list[str]:
    root = shared_dir()
    if root is None:
        return []
    folder = root / "vectors" / INPUTS
    return sorted(p.name for p in folder.glob("*.json") if "-ok" in p.name or "-fail" in p.name)


def _fill(doc: Any) -> Any:
    if isinstance(doc, dict):
        filled = {k: _fill(v) for k, v in doc.items()}
        if filled.get("issuer") == {}:
            filled["issuer"] = {"id": "did:example:issuer-under-test"}
        return filled
    if isinstance(doc, list):
        return [_fill(v) for v in doc]
    return PLACEHOLDERS.get(doc, doc) if isinstance(doc, str) else doc


def problems_of(name: str, doc: Any) -> list[str]:
    if name.startswith("presentation"):
        problems = presentation_problems(doc)
    else:
        problems = credential_problems(doc, require_issuer=False)
    if not problems:
        try:
            strict_quads({k: v for k, v in doc.items() if k != "proof"})
        except JsonLdProblem as exc:
            problems = [str(exc)]
    return problems


@pytest.mark.parametrize("name", _names())
def test_vcdm_input(vectors_dir: Path, name: str) -> None:
    doc = _fill(json.loads((vectors_dir / INPUTS / name).read_text(encoding="utf-8")))
    problems = problems_of(name, doc)
    if "-fail" in name:
        assert problems, f"{name} should be rejected"
    else:
        assert problems == [], problems
