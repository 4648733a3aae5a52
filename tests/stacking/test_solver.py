"""The solve chain behind the allocation: every method is exact alone, answers are checked,
and a model always gets an allocation even when a solver fails.

The same properties, run at thousands of examples, gave the figures in
docs/TARGETS.md ("When the solver fails").
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, example, given, settings
from stack_helpers import NOW, cand, comp, group, solver_order, target
from test_properties import HIGHS_FAILURES, HIGHS_SHARING_FAILURES, brute_force, check_invariants, found_case, instances

from wallet.stacking import Candidate, Target, milp, progress, render_text
from wallet.stacking.milp import Objective, Program, solve

Case = tuple[Target, list[Candidate], dict[str, list[str]]]


def score(t: Target, cands: list[Candidate]) -> tuple[int, float]:
    p = progress(t, cands, NOW)
    return p.components_met, round(p.credits_counted, 6)


def test_the_case_highs_could_not_solve_gets_the_brute_force_optimum() -> None:
    t, cands, matches = found_case(0)
    assert brute_force(t, cands, matches) == (2, 6.0)
    p = progress(t, cands, NOW)
    assert (p.components_met, p.credits_counted, p.optimal) == (2, 6.0, True)
    assert progress(t, cands[::-1], NOW).to_json() == p.to_json()


@pytest.mark.parametrize("i", range(len(HIGHS_SHARING_FAILURES)))
def test_every_sharing_case_highs_failed_on_gets_the_same_optimum_from_each_method(i: int) -> None:
    t, cands, _ = found_case(i, sharing=True)
    results = set()
    for order in (milp.ORDER, ("highs-no-presolve",), ("branch-and-bound",)):
        with solver_order(order):
            p = progress(t, cands, NOW)
        check_invariants(p, t, sharing=True)
        assert p.optimal
        results.add((p.components_met, round(p.credits_counted, 6)))
    assert len(results) == 1, results
    assert progress(t, cands[::-1], NOW).to_json() == progress(t, cands, NOW).to_json()


@pytest.mark.parametrize("i", range(len(HIGHS_FAILURES)))
@pytest.mark.parametrize("order", [milp.ORDER, ("highs-no-presolve",), ("branch-and-bound",)])
def test_every_case_highs_failed_on_is_solved_exactly_by_each_fallback(i: int, order: tuple[str, ...]) -> None:
    t, cands, matches = found_case(i)
    with solver_order(order):
        p = progress(t, cands, NOW)
        again = progress(t, cands[::-1], NOW)
    check_invariants(p, t, sharing=False)
    assert p.optimal and (p.components_met, round(p.credits_counted, 6)) == brute_force(t, cands, matches)
    assert again.to_json() == p.to_json()


@pytest.mark.parametrize("method", ["highs", "highs-no-presolve", "branch-and-bound"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=instances())
@example(case=found_case(0))
def test_each_method_alone_matches_brute_force(method: str, case: Case) -> None:
    t, cands, matches = case
    with solver_order((method,) if method != "highs" else ("highs", "branch-and-bound")):
        # "highs" alone may meet its own bug (the example above); what it answers must be right
        p = progress(t, cands, NOW)
    check_invariants(p, t, sharing=False)
    assert p.optimal
    assert (p.components_met, round(p.credits_counted, 6)) == brute_force(t, cands, matches)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(sharing=True))
@example(found_case(0, sharing=True))
@example(found_case(1, sharing=True))
def test_branch_and_bound_agrees_with_highs_when_credits_are_shared(case: Case) -> None:
    t, cands, _ = case
    with solver_order(("highs-no-presolve",)):
        reference = score(t, cands)
    with solver_order(("branch-and-bound",)):
        p = progress(t, cands, NOW)
    check_invariants(p, t, sharing=True)
    assert p.optimal
    assert (p.components_met, round(p.credits_counted, 6)) == reference


def test_when_every_method_fails_progress_still_answers_and_says_it_is_not_proven() -> None:
    t = target([comp("a", identifiers=["A"]), comp("b", need=5, identifiers=["B", "C"])])
    cands = [cand("A", spec="A", credits=3), cand("B", spec="B", credits=3), cand("C", spec="C", credits=3)]
    with solver_order(()):
        p = progress(t, cands, NOW)
    assert not p.optimal
    assert p.components_met == 0  # the only point known without a solver: nothing allocated
    assert "could not prove this allocation optimal" in "\n".join(render_text(p))


def _knapsack() -> tuple[Program, dict[int, float]]:
    """max 5a + 4b + 3c subject to 2a + 3b + c <= 4, binaries: optimum a + c = 8."""
    p = Program()
    a, b, c = (p.col(0.0, 1.0, integer=True) for _ in range(3))
    p.row(-milp.INF, 4.0, [a, b, c], [2.0, 3.0, 1.0])
    return p, {a: 5.0, b: 4.0, c: 3.0}


@pytest.mark.parametrize("method", list(milp.METHODS))
def test_each_method_solves_a_known_program_exactly(method: str) -> None:
    program, costs = _knapsack()
    answer = solve(program, costs, True, order=(method,))
    assert answer is not None and answer.method == method and answer.optimal
    assert answer.objective == 8.0 and answer.point == (1.0, 0.0, 1.0)


def test_an_answer_that_breaks_the_model_is_not_accepted() -> None:
    """A solver that says "optimal" with a point violating a row (what HiGHS's postsolve did)."""
    program, costs = _knapsack()

    def liar(p: Program, objective: Objective) -> tuple[Sequence[float], bool]:
        return [1.0, 1.0, 1.0], True  # 2 + 3 + 1 > 4

    milp.METHODS["liar"] = liar
    try:
        answer = solve(program, costs, True, order=("liar", "branch-and-bound"))
    finally:
        del milp.METHODS["liar"]
    assert answer is not None and answer.method == "branch-and-bound" and answer.objective == 8.0


def test_violation_names_bounds_rows_and_integrality() -> None:
    program, _ = _knapsack()
    assert program.violation([1.0, 0.0, 1.0]) is None
    assert "row 0" in (program.violation([1.0, 1.0, 0.0]) or "")
    assert "not integral" in (program.violation([0.5, 0.0, 0.0]) or "")
    assert program.violation([0.5, 0.0, 0.0], integral=False) is None
    assert "outside" in (program.violation([2.0, 0.0, 0.0]) or "")
    assert program.violation([float("nan"), 0.0, 0.0]) is not None
    assert program.violation([1.0, 0.0]) is not None


def test_a_known_feasible_start_is_returned_not_proven_when_no_method_answers() -> None:
    program, costs = _knapsack()
    answer = solve(program, costs, True, start=[0.0, 0.0, 1.0], order=())
    assert answer is not None and not answer.optimal and answer.objective == 3.0
    assert solve(program, costs, True, order=()) is None
    # a start that is not feasible is never returned
    assert solve(program, costs, True, start=[1.0, 1.0, 1.0], order=()) is None


def test_a_large_choose_group_is_solved_by_branch_and_bound_alone() -> None:
    """Ten elective pools competing for seven credentials (about 90 binaries): still exact."""
    members = [comp(f"e{i}", need=4.0 + i % 3, identifiers=[f"c{j}" for j in range(7) if (i + j) % 3]) for i in range(10)]
    t = target([comp("core", identifiers=["c0", "c1"])], [group("g", members, choose=3, min_credits=10)], total=40)
    cands = [cand(f"c{j}", spec=f"c{j}", credits=float(1 + j % 4)) for j in range(7)]
    with solver_order(("highs-no-presolve",)):
        reference = score(t, cands)
    with solver_order(("branch-and-bound",)):
        p = progress(t, cands, NOW)
    assert p.optimal and (p.components_met, round(p.credits_counted, 6)) == reference == (5, 16.0)
