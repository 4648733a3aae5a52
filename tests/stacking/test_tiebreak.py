"""The allocation's short cuts give the allocation the three stages give, or step aside.

``wallet.stacking.tiebreak`` replaces the third (tie-break) stage when the
model splits into blocks, and the units stage is skipped when its bound
(``allocate.units_bound``) is what the credits stage reaches; these tests run
the same targets with and without them and require the same progress,
allocation for allocation.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from stack_helpers import NOW, cand, comp, group, target
from test_properties import crowded, found_case, instances

from tests.hypothesis_profiles import examples
from wallet.stacking import Candidate, Target, progress
from wallet.stacking import allocate as allocate_module
from wallet.stacking.tiebreak import TieEdge, _cover, minimal_subset


@contextlib.contextmanager
def highs_only() -> Iterator[None]:
    """Every tie-break stage solved by HiGHS (the fast path declines)."""
    original = allocate_module.minimal_subset

    def decline(*args: Any) -> None:
        return None

    allocate_module.minimal_subset = decline  # type: ignore[assignment]
    try:
        yield
    finally:
        allocate_module.minimal_subset = original


@contextlib.contextmanager
def stages_in_turn() -> Iterator[None]:
    """The units stage always solved first (no guess from the bound)."""
    original = allocate_module._units_reach_their_bound

    def decline(*args: Any) -> tuple[bool, None]:
        return False, None

    allocate_module._units_reach_their_bound = decline  # type: ignore[assignment]
    try:
        yield
    finally:
        allocate_module._units_reach_their_bound = original


def _same_with_and_without(t: Target, cands: list[Candidate]) -> None:
    fast = progress(t, cands, NOW).to_json()
    with highs_only():
        slow = progress(t, cands, NOW).to_json()
    with stages_in_turn():
        in_turn = progress(t, cands, NOW).to_json()
    with highs_only(), stages_in_turn():
        plain = progress(t, cands, NOW).to_json()
    assert fast == slow == in_turn == plain


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
@example(found_case(0))
@example(found_case(3))
def test_small_targets_get_the_allocation_highs_gives(case: tuple[Target, list[Candidate], Any]) -> None:
    t, cands, _ = case
    _same_with_and_without(t, cands)


@settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(crowded())
def test_crowded_targets_get_the_allocation_highs_gives(case: tuple[Target, list[Candidate]]) -> None:
    t, cands = case
    _same_with_and_without(t, cands)


def test_overfilled_pools_and_credit_groups_are_trimmed_like_highs_trims_them() -> None:
    """Many spare credentials in two pools and a credit group: the shape of the benchmark."""
    pools = [comp("free", need=10, identifiers=[f"f{i:02d}" for i in range(30)]),
             comp("practice", need=15, identifiers=[f"p{i:02d}" for i in range(30)])]
    electives = [comp(f"e{k}", credits=6, identifiers=[f"e{k}"]) for k in range(12)]
    t = target([comp("core", identifiers=["core"]), *pools],
               [group("electives", electives, min_credits=30, max_credits=36),
                group("pick", [comp("x", identifiers=["x"]), comp("y", identifiers=["y"])], choose=1)])
    cands = [cand("core", spec="core", credits=6), cand("x", spec="x", credits=3), cand("y", spec="y", credits=3)]
    cands += [cand(f"f{i:02d}", spec=f"f{i:02d}", credits=float(5 + i % 2)) for i in range(30)]
    cands += [cand(f"p{i:02d}", spec=f"p{i:02d}", credits=6.0) for i in range(30)]
    cands += [cand(f"e{k}", spec=f"e{k}", credits=6.0) for k in range(12)]
    _same_with_and_without(t, cands)
    p = progress(t, cands, NOW)
    assert sum(len(p.allocations[k]) for k in ("free", "practice")) == 5  # 5+5 or 6+6; 6+6+6
    assert sum(len(p.allocations[f"e{k}"]) for k in range(12)) == 6  # 36 counted, no more


def test_a_cover_takes_the_lightest_items_that_reach_the_amount() -> None:
    items = [TieEdge(0, 6.0, 1.5), TieEdge(0, 6.0, 1.1), TieEdge(0, 5.0, 1.2), TieEdge(0, 5.0, 1.05)]
    assert _cover(items, 10.0, 0.5, 1e-7) == [1, 3]  # 1.1 + 1.05, although 6 + 5 = 11 > 10
    assert _cover(items, 12.0, 0.5, 1e-7) == [0, 1]  # 6 + 6 (weight 2.6) is lighter than 6 + 5 + 5 (3.35)
    assert _cover(items, 0.0, 0.5, 1e-7) == []
    assert _cover(items, 30.0, 0.5, 1e-7) is None  # cannot be reached


def test_an_exact_tie_is_left_to_the_solver() -> None:
    tied = [TieEdge(0, 5.0, 1.25), TieEdge(0, 5.0, 1.25), TieEdge(0, 5.0, 1.75)]
    assert _cover(tied, 5.0, 0.5, 1e-7) is None
    assert _cover(tied, 10.0, 0.5, 1e-7) == [0, 1]


def test_shapes_it_does_not_handle_go_to_the_solver() -> None:
    pool_in_group = target(groups=[group("g", [comp("pool", need=5, identifiers=["a", "b"])], choose=1)])
    edges = [TieEdge(0, 3.0, 1.1), TieEdge(0, 3.0, 1.2)]
    assert minimal_subset(pool_in_group, edges, 1.0, 10, 5.0) is None
    capped = target([comp("pool", need=20, identifiers=["a", "b"])], total=5)
    assert minimal_subset(capped, edges, 1.0, 10, 5.0) is None  # the total binds: blocks could trade
    sharing = target([comp("pool", need=5, identifiers=["a", "b"])], sharing=True)
    assert minimal_subset(sharing, edges, 1.0, 10, 5.0) is None
    plain = target([comp("pool", need=5, identifiers=["a", "b"])])
    assert minimal_subset(plain, edges, None, 10, 5.0) is None  # credits not on a grid
    assert minimal_subset(plain, edges, 1.0, 10, 5.0) == [0, 1]


def test_a_units_bound_that_cannot_be_met_falls_back_to_the_stages_in_turn() -> None:
    # One credential fits both slots: each could be met alone (bound 2), together only one is.
    t = target([comp("a", identifiers=["s"]), comp("b", identifiers=["s"])])
    cands = [cand("x", spec="s", credits=3)]
    edges = [allocate_module.Edge(0, 0, 3.0), allocate_module.Edge(0, 1, 3.0)]
    assert allocate_module.units_bound(t, edges) == 2
    p = progress(t, cands, NOW)
    assert p.components_met == 1 and p.optimal
    _same_with_and_without(t, cands)
