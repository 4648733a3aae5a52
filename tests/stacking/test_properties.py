"""Properties of the allocation, checked on random small targets with hypothesis.

The strongest one compares the engine with brute force over every
assignment: it must reach the same (units met, credits counted) optimum.
"""

from __future__ import annotations

import itertools
import json
import random
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from stack_helpers import NOW, cand, evaluate, group, reduction_off, target

from tests.hypothesis_profiles import examples
from wallet.model import replace
from wallet.stacking import Candidate, Component, Progress, Target, load_target, progress

CRED_IDS = ["c1", "c2", "c3", "c4", "c5"]
CREDIT_VALUES = [0.0, 1.0, 2.0, 3.0, 5.0, 6.0]


@st.composite
def instances(draw: Any, sharing: bool = False) -> tuple[Target, list[Candidate], dict[str, list[str]]]:
    """A target of 1-4 components (slots or pools, some in a group) and 1-5 credentials."""
    n_creds = draw(st.integers(1, 5))
    creds = CRED_IDS[:n_creds]
    credits = {c: draw(st.sampled_from(CREDIT_VALUES)) for c in creds}
    n_comps = draw(st.integers(1, 4))
    comps: list[dict[str, Any]] = []
    matches: dict[str, list[str]] = {}
    for j in range(n_comps):
        cid = f"k{j}"
        who = draw(st.lists(st.sampled_from(creds), unique=True, max_size=n_creds))
        matches[cid] = sorted(who)
        data: dict[str, Any] = {"id": cid, "title": {"en": cid}, "match": {"identifiers": sorted(who) or ["nobody"]}}
        kind = draw(st.sampled_from(["slot", "slot-credits", "pool"]))
        if kind == "slot-credits":
            data["credits"] = draw(st.sampled_from([2.0, 4.0, 6.0]))
        elif kind == "pool":
            data["requiredCredits"] = draw(st.sampled_from([2.0, 5.0, 8.0]))
        comps.append(data)
    split = draw(st.integers(0, n_comps))
    required, members = comps[:split], comps[split:]
    groups = []
    if members:
        mode = draw(st.sampled_from(["choose", "credits", "both"]))
        choose = draw(st.integers(1, len(members))) if mode in ("choose", "both") else None
        min_credits = draw(st.sampled_from([3.0, 6.0])) if mode in ("credits", "both") else None
        max_credits = draw(st.sampled_from([None, 6.0, 9.0])) if min_credits is not None else None
        if max_credits is not None and min_credits is not None and max_credits < min_credits:
            max_credits = min_credits
        groups.append(group("g", members, choose=choose, min_credits=min_credits, max_credits=max_credits))
    total = draw(st.sampled_from([None, 6.0, 12.0, 30.0]))
    t = target(required, groups, total=total, sharing=sharing)
    cands = [cand(c, spec=c, credits=credits[c]) for c in creds]
    return t, cands, matches


#: Targets on which HiGHS 1.16.0 with its default options ended a stage in "Solve error"
#: (presolve reduced the model to nothing and postsolve returned a point violating a row),
#: so progress raised RuntimeError. The first was found on a newcomer's run; the others by
#: these properties at 60,000 random examples. Each is a choose-1 group whose components list
#: overlapping identifiers. (target document, [(credential id, credits)]).
HIGHS_FAILURES: list[tuple[dict[str, Any], list[tuple[str, float]]]] = [
    (
        {"id": "urn:test:target", "title": {"en": "Test target"}, "total": {"amount": 6.0, "unit": "ECTS"},
         "groups": [{"id": "g", "title": {"en": "g"}, "choose": 1, "minCredits": 3.0, "maxCredits": 9.0, "components": [
             {"id": "k0", "title": {"en": "k0"}, "match": {"identifiers": ["nobody"]}},
             {"id": "k1", "title": {"en": "k1"}, "match": {"identifiers": ["c2"]}, "requiredCredits": 2.0},
             {"id": "k2", "title": {"en": "k2"}, "match": {"identifiers": ["c1", "c2"]}, "requiredCredits": 2.0},
             {"id": "k3", "title": {"en": "k3"}, "match": {"identifiers": ["c1", "c2"]}}]}]},
        [("c1", 6.0), ("c2", 6.0)],
    ),
    (
        json.loads('{"id": "urn:test:target", "title": {"en": "Test target"}, "groups": [{"id": "g", "title": {"en": "g"}, "components": [{"id": "k0", "title": {"en": "k0"}, "match": {"identifiers": ["c2", "c4", "c5"]}}, {"id": "k1", "title": {"en": "k1"}, "match": {"identifiers": ["c2", "c4", "c5"]}, "requiredCredits": 2.0}, {"id": "k2", "title": {"en": "k2"}, "match": {"identifiers": ["c2", "c4", "c5"]}}], "choose": 1, "minCredits": 3.0, "maxCredits": 6.0}]}'),
        [('c1', 2.0), ('c2', 0.0), ('c3', 1.0), ('c4', 5.0), ('c5', 1.0)],
    ),
    (
        json.loads('{"id": "urn:test:target", "title": {"en": "Test target"}, "groups": [{"id": "g", "title": {"en": "g"}, "components": [{"id": "k0", "title": {"en": "k0"}, "match": {"identifiers": ["c2", "c4", "c5"]}}, {"id": "k1", "title": {"en": "k1"}, "match": {"identifiers": ["c2", "c4", "c5"]}, "requiredCredits": 2.0}, {"id": "k2", "title": {"en": "k2"}, "match": {"identifiers": ["c2", "c4", "c5"]}}], "choose": 1, "minCredits": 3.0, "maxCredits": 6.0}]}'),
        [('c1', 2.0), ('c2', 0.0), ('c3', 2.0), ('c4', 5.0), ('c5', 1.0)],
    ),
    (
        json.loads('{"id": "urn:test:target", "title": {"en": "Test target"}, "components": [{"id": "k0", "title": {"en": "k0"}, "match": {"identifiers": ["nobody"]}}], "groups": [{"id": "g", "title": {"en": "g"}, "components": [{"id": "k1", "title": {"en": "k1"}, "match": {"identifiers": ["c2"]}, "requiredCredits": 2.0}, {"id": "k2", "title": {"en": "k2"}, "match": {"identifiers": ["c1", "c2"]}}, {"id": "k3", "title": {"en": "k3"}, "match": {"identifiers": ["c1", "c2"]}, "credits": 4.0}], "choose": 1, "minCredits": 6.0}]}'),
        [('c1', 5.0), ('c2', 1.0)],
    ),
    (
        json.loads('{"id": "urn:test:target", "title": {"en": "Test target"}, "groups": [{"id": "g", "title": {"en": "g"}, "components": [{"id": "k0", "title": {"en": "k0"}, "match": {"identifiers": ["nobody"]}, "credits": 2.0}, {"id": "k1", "title": {"en": "k1"}, "match": {"identifiers": ["c2", "c3"]}}, {"id": "k2", "title": {"en": "k2"}, "match": {"identifiers": ["c3"]}, "requiredCredits": 2.0}, {"id": "k3", "title": {"en": "k3"}, "match": {"identifiers": ["c1", "c2", "c3"]}, "credits": 6.0}], "choose": 1, "minCredits": 3.0}]}'),
        [('c1', 0.0), ('c2', 5.0), ('c3', 5.0)],
    ),
]

#: The same with ``allowSharing`` (the final model, 21,000 random sharing examples: HiGHS failed 13 stage
#: solves in 83,790, all answered without presolve).
HIGHS_SHARING_FAILURES: list[tuple[dict[str, Any], list[tuple[str, float]]]] = [
    (
        {"id": "urn:test:target", "title": {"en": "Test target"}, "allowSharing": True,
         "groups": [{"id": "g", "title": {"en": "g"}, "choose": 1, "minCredits": 6.0, "maxCredits": 6.0, "components": [
             {"id": "k0", "title": {"en": "k0"}, "match": {"identifiers": ["nobody"]}, "credits": 4.0},
             {"id": "k1", "title": {"en": "k1"}, "match": {"identifiers": ["c1", "c2", "c3"]}, "requiredCredits": 5.0},
             {"id": "k2", "title": {"en": "k2"}, "match": {"identifiers": ["c1", "c2", "c3"]}}]}]},
        [("c1", 5.0), ("c2", 6.0), ("c3", 6.0)],
    ),
    (
        {"id": "urn:test:target", "title": {"en": "Test target"}, "allowSharing": True,
         "total": {"amount": 30.0, "unit": "ECTS"},
         "groups": [{"id": "g", "title": {"en": "g"}, "choose": 1, "minCredits": 6.0, "maxCredits": 6.0, "components": [
             {"id": "k0", "title": {"en": "k0"}, "match": {"identifiers": ["c1", "c2", "c3", "c5"]}},
             {"id": "k1", "title": {"en": "k1"}, "match": {"identifiers": ["c1", "c2", "c3", "c5"]},
              "requiredCredits": 5.0},
             {"id": "k2", "title": {"en": "k2"}, "match": {"identifiers": ["nobody"]}, "credits": 2.0},
             {"id": "k3", "title": {"en": "k3"}, "match": {"identifiers": ["c1", "c2", "c3", "c5"]}}]}]},
        [("c1", 1.0), ("c2", 1.0), ("c3", 0.0), ("c4", 3.0), ("c5", 0.0)],
    ),
]

def found_case(i: int, sharing: bool = False) -> tuple[Target, list[Candidate], dict[str, list[str]]]:
    """``HIGHS_FAILURES[i]`` (or ``HIGHS_SHARING_FAILURES[i]``) as a property-test case (target, candidates, matches)."""
    doc, creds = (HIGHS_SHARING_FAILURES if sharing else HIGHS_FAILURES)[i]
    t = load_target(doc)
    cands = [cand(c, spec=c, credits=v) for c, v in creds]
    ids = {c for c, _ in creds}
    matches = {c.id: sorted(set(c.rules.identifiers) & ids) for c in t.all_components()}
    return t, cands, matches


def brute_force(t: Target, cands: list[Candidate], matches: dict[str, list[str]]) -> tuple[int, float]:
    """Best (units, credits) over every way of giving each credential to at most one component."""
    comps = {c.id: c for c in t.all_components()}
    value = {c.id: c.credential.achievements[0].credits or 0.0 for c in cands}
    options = [[None] + [k for k, who in matches.items() if c.id in who] for c in cands]
    best = (0, 0.0)
    for choice in itertools.product(*options):
        assign: dict[str, list[float]] = {}
        for c, k in zip(cands, choice, strict=True):
            if k is not None:
                comp = comps[k]
                v = value[c.id]
                assign.setdefault(k, []).append(min(v, comp.credits) if comp.credits is not None else v)
        score = evaluate(t, assign)
        if score is not None and score > best:
            best = score
    return best


def check_invariants(p: Progress, t: Target, sharing: bool) -> None:
    seen: dict[str, int] = {}
    for allocs in p.allocations.values():
        for a in allocs:
            seen[a.credential_id] = seen.get(a.credential_id, 0) + 1
    if not sharing:
        assert all(n == 1 for n in seen.values()), f"a credential counted twice: {seen}"
    status = {s.id: s for s in p.components}
    for c in t.all_components():
        allocs = p.allocations[c.id]
        if not c.is_pool:
            assert len(allocs) <= 1, f"slot {c.id} over-filled"
        elif allocs and not sharing:
            # minimal: dropping the smallest credential would leave the pool short
            assert status[c.id].credits_counted <= (c.required_credits or 0.0) + 1e-9
    for g in t.groups:
        if g.choose:
            assert sum(1 for c in g.components if p.allocations[c.id]) <= g.choose, "choose-k group over-filled"
    assert 0.0 <= p.fraction <= 1.0
    if t.total > 0:
        assert p.credits_counted <= t.total + 1e-9


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
@example(found_case(0))
@example(found_case(1))
@example(found_case(2))
@example(found_case(3))
@example(found_case(4))
def test_engine_matches_brute_force(case: tuple[Target, list[Candidate], dict[str, list[str]]]) -> None:
    t, cands, matches = case
    p = progress(t, cands, NOW)
    check_invariants(p, t, sharing=False)
    assert (p.components_met, round(p.credits_counted, 6)) == brute_force(t, cands, matches)


@settings(max_examples=examples(100), deadline=None)
@given(instances(), st.randoms(use_true_random=False))
@example(found_case(0), random.Random(0))
@example(found_case(3), random.Random(1))
def test_deterministic_whatever_the_input_order(case: tuple[Target, list[Candidate], dict[str, list[str]]],
                                                rnd: random.Random) -> None:
    t, cands, _ = case
    first = progress(t, cands, NOW).to_json()
    shuffled = list(cands)
    rnd.shuffle(shuffled)
    assert progress(t, shuffled, NOW).to_json() == first


@settings(max_examples=examples(100), deadline=None)
@given(instances(), st.sampled_from(CREDIT_VALUES), st.lists(st.sampled_from([f"k{j}" for j in range(4)]), max_size=3))
def test_progress_never_decreases_when_a_valid_credential_is_added(
    case: tuple[Target, list[Candidate], dict[str, list[str]]], credits: float, fits: list[str]
) -> None:
    t, cands, _ = case
    # the new credential fits the drawn components: add its id to their identifiers
    fitting = {c.id for c in t.all_components() if c.id in fits}

    def widen(c: Component) -> Component:
        if c.id not in fitting:
            return c
        return replace(c, rules=replace(c.rules, identifiers=(*c.rules.identifiers, "c9")))

    t = replace(
        t,
        components=tuple(widen(c) for c in t.components),
        groups=tuple(replace(g, components=tuple(widen(c) for c in g.components)) for g in t.groups),
    )
    before = progress(t, cands, NOW)
    extra = cand("c9", spec="c9", credits=credits)
    after = progress(t, cands + [extra], NOW)
    assert (after.components_met, round(after.credits_counted, 6)) >= (before.components_met, round(before.credits_counted, 6))


@settings(max_examples=examples(80), deadline=None)
@given(instances(sharing=True))
@example(found_case(0, sharing=True))
@example(found_case(1, sharing=True))
def test_sharing_counts_each_credential_once(case: tuple[Target, list[Candidate], dict[str, list[str]]]) -> None:
    t, cands, _ = case
    p = progress(t, cands, NOW)
    check_invariants(p, t, sharing=True)
    distinct = {a.credential_id for allocs in p.allocations.values() for a in allocs}
    value = {c.id: c.credential.achievements[0].credits or 0.0 for c in cands}
    assert p.credits_counted <= sum(value[c] for c in distinct) + 1e-6
    # sharing can only help: at least as good as the same target without sharing
    strict = progress(replace(t, allow_sharing=False), cands, NOW)
    assert (p.components_met, round(p.credits_counted, 6)) >= (strict.components_met, round(strict.credits_counted, 6))


@st.composite
def crowded(draw: Any) -> tuple[Target, list[Candidate]]:
    """Many credentials competing for few components: where the edge reduction actually cuts."""
    n_creds = draw(st.integers(8, 30))
    creds = [f"c{i:02d}" for i in range(n_creds)]
    comps = []
    for j in range(draw(st.integers(2, 6))):
        who = draw(st.lists(st.sampled_from(creds), unique=True, min_size=1, max_size=n_creds))
        data: dict[str, Any] = {"id": f"k{j}", "title": {"en": f"k{j}"}, "match": {"identifiers": sorted(who)}}
        if draw(st.booleans()):
            data["requiredCredits"] = draw(st.sampled_from([4.0, 7.0, 12.0]))
        comps.append(data)
    split = draw(st.integers(1, len(comps)))
    groups = []
    if split < len(comps):
        members = comps[split:]
        groups.append(group("g", members, choose=draw(st.integers(1, len(members))),
                            min_credits=draw(st.sampled_from([None, 5.0]))))
    t = target(comps[:split], groups, total=draw(st.sampled_from([None, 20.0])))
    return t, [cand(c, spec=c, credits=draw(st.sampled_from(CREDIT_VALUES))) for c in creds]


@settings(max_examples=examples(60), deadline=None)
@given(crowded())
def test_edge_reduction_is_exact(case: tuple[Target, list[Candidate]]) -> None:
    t, cands = case
    reduced = progress(t, cands, NOW)
    with reduction_off():
        full = progress(t, cands, NOW)
    assert (reduced.components_met, round(reduced.credits_counted, 6)) == (full.components_met, round(full.credits_counted, 6))
