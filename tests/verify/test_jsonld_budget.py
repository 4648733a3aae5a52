"""The JSON-LD work budget (wallet.verify.budget): constructed worst cases are refused or stay linear.

These tests assert what is refused and what is accepted, never how long it
took: the measured times are in ``tools/fuzz.py`` and the closing note of
issue 11 (``benchmarks/bench_slow_inputs.py`` prints them).
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from tests.verify.helpers import ctx, ob3_credential, raw, signed
from wallet.verify import budget, jsonld
from wallet.verify.budget import WorkBudgetExceeded, check_deadline, input_budget
from wallet.verify.canon import Budget, CanonicalizationBudgetExceeded, canonicalize_quads
from wallet.verify.engine import verify_bytes

V2 = "https://www.w3.org/ns/credentials/v2"


def _failed(report: Any) -> dict[str, str]:
    return {c.name: c.explained for c in report.checks if c.status.value == "failed"}


def _with_proof(doc: dict[str, Any]) -> bytes:
    """An unsigned shape under a real proof: the JSON-LD check runs before the signature is compared."""
    out = copy.deepcopy(doc)
    out["proof"] = signed(ob3_credential())["proof"]
    return raw(out)


@pytest.mark.parametrize("values", [5_000, 10_000])
def test_many_values_on_one_property_verify(values: int) -> None:
    """Quadratic before (18 s for 5,000 values, 60 s for 10,000): now linear, and the signature verifies."""
    doc = ob3_credential()
    doc["credentialSubject"]["achievement"]["tag"] = [f"t{i}" for i in range(values)]
    _, report = verify_bytes(raw(signed(doc)), ctx())
    assert report.verdict.value == "valid-with-warnings", _failed(report)


def test_many_nodes_referenced_from_one_property_verify() -> None:
    doc = ob3_credential()
    doc["credentialSubject"]["achievement"]["alignment"] = [
        {"id": f"urn:a:{i}", "type": ["Alignment"], "targetName": f"n{i}", "targetUrl": f"https://e.org/{i}"}
        for i in range(2_000)
    ]
    _, report = verify_bytes(raw(signed(doc)), ctx())
    assert report.verdict.value == "valid-with-warnings", _failed(report)


def _clique(n: int) -> dict[str, Any]:
    doc = ob3_credential()
    doc["credentialSubject"]["achievement"]["alignment"] = [
        {"id": f"_:b{i}", "type": ["Alignment"], "targetName": "n", "targetUrl": "https://e.org/",
         "targetFramework": [{"id": f"_:b{j}"} for j in range(n) if j != i]}
        for i in range(n)
    ]
    return doc


def test_a_200_node_blank_node_clique_is_refused_before_any_work() -> None:
    _, report = verify_bytes(_with_proof(_clique(200)), ctx())
    assert "JSON values; at most 40,000" in _failed(report)["jsonld"]


def test_a_smaller_clique_is_stopped_by_the_canonicalization_budget() -> None:
    _, report = verify_bytes(_with_proof(_clique(60)), ctx())
    assert "canonicalization aborted" in _failed(report)["jsonld"].lower()


def test_a_chain_of_look_alike_blank_nodes_is_refused_not_a_stack_overflow() -> None:
    """Fuzz finding (dataintegrity, presentation): a 1,500-link blank-node cycle recursed past Python's stack."""
    chain = [(f"_:n{i}", "urn:p", f"_:n{(i + 1) % 1500}", "") for i in range(1500)]
    with pytest.raises(CanonicalizationBudgetExceeded, match="chain of more than 128"):
        canonicalize_quads(chain, Budget(seconds=3600))
    short = [(f"_:n{i}", "urn:p", f"_:n{(i + 1) % 40}", "") for i in range(40)]
    assert canonicalize_quads(short, Budget(seconds=3600)).count("\n") == 40


def test_too_many_context_entries_are_refused() -> None:
    doc = ob3_credential()
    doc["@context"] = [V2] * (budget.MAX_CONTEXT_ENTRIES + 1) + doc["@context"][1:]
    _, report = verify_bytes(_with_proof(doc), ctx())
    assert "@context entries" in _failed(report)["jsonld"]


def test_many_distinct_contexts_across_a_document_are_refused() -> None:
    doc = ob3_credential()
    doc["credentialSubject"]["@context"] = [{"@vocab": f"urn:v{i}:"} for i in range(40)]
    doc["credentialSubject"]["achievement"]["@context"] = [{"@vocab": f"urn:w{i}:"} for i in range(40)]
    _, report = verify_bytes(_with_proof(doc), ctx())
    assert "@context entries" in _failed(report)["jsonld"]


def test_repeated_contexts_of_embedded_credentials_are_not_new_work() -> None:
    """A bundle of 50 credentials repeats their few context URLs 150+ times: counted once each, up to a total."""
    cred = ob3_credential()
    vp = {"@context": [V2], "type": ["VerifiablePresentation"], "verifiableCredential": [dict(cred) for _ in range(50)]}
    budget.check_input_budget(vp)  # no refusal
    vp["verifiableCredential"] = [dict(cred) for _ in range(budget.MAX_DOCUMENT_CONTEXT_ENTRIES // len(cred["@context"]) + 1)]
    with pytest.raises(budget.WorkBudgetExceeded, match="document has"):
        budget.check_input_budget(vp)


def test_thousands_of_types_are_refused_whatever_the_cache_holds() -> None:
    """Each type applies its scoped context again; the count must not depend on the context cache."""
    doc = ob3_credential()
    doc["credentialSubject"]["achievement"]["type"] = ["Achievement"] * 5_000
    for cold in (True, False, False):
        if cold:
            jsonld.clear_caches()
        _, report = verify_bytes(_with_proof(doc), ctx())
        assert "context applications" in _failed(report)["jsonld"]


def test_many_structured_values_on_one_property_are_refused() -> None:
    """@json values have no hashable key: pyld's quadratic duplicate check would run, so they are capped."""
    doc = ob3_credential()
    doc["@context"] = [*doc["@context"], {"blob": "https://example.org/blob"}]
    doc["credentialSubject"]["blob"] = [{"@value": {"n": i}, "@type": "@json"} for i in range(1_100)]
    with pytest.raises(WorkBudgetExceeded, match="structured values for the same property"):
        jsonld.expand(doc)
    _, report = verify_bytes(_with_proof(doc), ctx())
    assert "structured values" in _failed(report)["jsonld"]


def test_the_input_value_cap_applies_to_expansion_too() -> None:
    doc = {"@context": V2, "type": "VerifiableCredential", "credentialSubject": {"id": "urn:x", "n": list(range(40_000))}}
    with pytest.raises(WorkBudgetExceeded, match="JSON values"):
        jsonld.expand(doc)


def test_quad_cap() -> None:
    budget.check_quads(budget.MAX_QUADS)
    with pytest.raises(WorkBudgetExceeded, match="RDF statements"):
        budget.check_quads(budget.MAX_QUADS + 1)


def test_one_deadline_is_shared_by_everything_an_input_causes() -> None:
    """The deadline is set by the outermost call; an inner call shares it instead of starting its own."""
    check_deadline()  # no verification running: nothing to check
    with input_budget(seconds=-1):
        with input_budget(seconds=3600):  # nested: shares the outer (already spent) deadline
            with pytest.raises(WorkBudgetExceeded, match="longer than"):
                check_deadline()
            poison = [(f"_:b{i}", "<urn:p>", f"_:b{j}", "") for i in range(8) for j in range(8) if i != j]
            with pytest.raises(CanonicalizationBudgetExceeded, match="allowed for one input"):
                canonicalize_quads(poison, Budget(max_permutations=10**12, max_ndegree_calls=10**12, seconds=3600))


def test_a_spent_input_budget_fails_the_jsonld_check_not_the_process() -> None:
    doc = signed(ob3_credential())
    with input_budget(seconds=-1):
        _, report = verify_bytes(raw(doc), ctx())
    assert report.verdict.value == "invalid"
    assert "longer than" in _failed(report)["jsonld"]


def test_real_credentials_are_far_below_every_cap(corpus_dir: Any) -> None:
    """The caps are ~10x what real credentials need (here: the shared corpus)."""
    for path in sorted(corpus_dir.glob("*.json")):
        values, contexts, _, _ = budget._count_input(json.loads(path.read_bytes()))
        assert values * 4 < budget.MAX_INPUT_VALUES and contexts * 4 < budget.MAX_CONTEXT_ENTRIES, path.name
