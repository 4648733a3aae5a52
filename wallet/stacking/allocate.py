"""Optimal allocation of credentials to components: a lexicographic integer program.

Why not greedy: a credential that matches two components, an elective group
that greedy overfills with a large credential, or a choose-k group whose best
choice depends on what the other components need all make first-fit
allocations lose progress (``tests/stacking/test_greedy_traps.py`` has the
hand-checked cases). The problem is a generalised assignment with credit
thresholds, so it is solved exactly as a mixed-integer program with HiGHS.

Model (one binary ``x`` per eligible (credential, component) edge, worth the
credential's credits there; with ``allowSharing`` also a flow ``f`` of credits
along each chosen edge):

* a credential fills one component (or, with ``allowSharing``, several, but
  its credits count once: the sum of its ``f`` is at most its value);
* a slot holds at most one credential; a pool counts at most its required
  credits and is met when they are reached;
* a choose-k group uses at most k of its components (never over-filled);
  a credit group is met when its members' counted credits reach ``minCredits``
  and counts at most ``maxCredits``;
* the total counted is capped by the target's total.

Objectives, solved in order, each fixing the previous optimum (the units
stage is skipped when its upper bound, :func:`units_bound`, turns out to be
met by the credits stage's answer: the same row, one MIP fewer): (1) units met,
(2) credits counted, (3) on a small model of the chosen edges only, a
tie-break that drops every credential adding nothing and prefers lower ranks
(sorted ids), then earlier components, so results are minimal and
deterministic. The MIP gap is zero: each stage is solved to proven
optimality (or reported as not proven when the time limit is hit). The
tie-break is solved without a solver when the model splits into independent
blocks and its optimum is unique (:mod:`wallet.stacking.tiebreak`: the same
allocation, without a MIP's fixed cost). Each solved
stage goes through :func:`wallet.stacking.milp.solve`, which checks every
answer and falls back to other methods when HiGHS fails (it has, on a
15-column model), so a model always gets an allocation.

Before solving, each component keeps only its best few candidates (see
:func:`reduce_edges`); this is exact, not a heuristic, and is what makes
10,000 credentials solve in milliseconds.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from wallet.stacking import milp
from wallet.stacking.milp import INF, TIME_LIMIT, Answer, Program, solve
from wallet.stacking.target import Component, Target
from wallet.stacking.tiebreak import TieEdge, minimal_subset

__all__ = ["TIME_LIMIT", "Edge", "Solution", "allocate", "reduce_edges"]

_EPS = 1e-6


class Edge(NamedTuple):
    """A credential (index in the sorted candidate list) that may fill a component.

    A named tuple (immutable, and cheap to create by the thousand).
    """

    credential: int
    component: int  # index in ``target.all_components()``
    value: float  # credits it can count there (a slot's nominal credits cap it)


@dataclass(frozen=True)
class Solution:
    """The chosen edges with the credits each counts, and whether HiGHS proved optimality."""

    chosen: tuple[tuple[int, int, float], ...]  # (credential, component, counted credits)
    optimal: bool


def _capacity(comp: Component, edges: Sequence[Edge]) -> int:
    """How many credentials a component can hold in a minimal optimal allocation.

    A slot holds one. In a minimal pool every credential is needed, so with
    values of at least ``vmin`` it holds fewer than ``required / vmin + 1``.
    """
    if not comp.is_pool:
        return min(1, len(edges))
    positive = [e.value for e in edges if e.value > _EPS]
    if not positive:
        return 0
    bound = math.floor((comp.required_credits or 0.0) / min(positive)) + 1
    return min(len(positive), bound)


def reduce_edges(target: Target, edges: Sequence[Edge], rank: Sequence[int]) -> list[Edge]:
    """Keep, per component, only the candidates an optimal allocation can need.

    Take an optimal allocation and make it minimal (drop credentials that add
    nothing); component k then holds at most ``cap_k`` credentials. Rank j's
    candidates by value, then id, and keep the best
    ``K_j = cap_j + sum over k != j of min(cap_k, |candidates shared by j and k|)``.
    If j used a credential outside that list, fewer than ``K_j`` of the listed
    ones can be in use (by j itself or by the other components), so one of
    them is unused and worth at least as much in j; swapping it in never
    lowers units or credits. Hence the optimum over the kept edges equals the
    optimum over all edges: the reduction is exact.
    """
    comps = target.all_components()
    by_comp: dict[int, list[Edge]] = {}
    for edge in edges:
        if edge.value <= _EPS and comps[edge.component].is_pool:
            continue  # adds nothing to a pool: neither credits nor its threshold
        by_comp.setdefault(edge.component, []).append(edge)
    caps = {j: _capacity(comps[j], es) for j, es in by_comp.items()}
    comps_of: dict[int, list[int]] = {}
    for j, es in by_comp.items():
        for e in es:
            comps_of.setdefault(e.credential, []).append(j)
    shared: dict[tuple[int, int], int] = {}
    for holders in comps_of.values():
        if len(holders) > 1:
            for j in holders:
                for k in holders:
                    if j != k:
                        shared[(j, k)] = shared.get((j, k), 0) + 1
    limits = {j: caps[j] for j in by_comp}
    for (j, k), count in shared.items():
        limits[j] += min(caps[k], count)
    kept: list[Edge] = []
    by_rank = rank.__getitem__
    for j in sorted(by_comp):
        # by value, highest first, then rank: a stable sort by value (reversed) after one by rank
        ordered = sorted(by_comp[j], key=lambda e: by_rank(e.credential))
        ordered.sort(key=_value_of, reverse=True)
        kept.extend(ordered[: limits[j]])
    return kept


_value_of = operator.attrgetter("value")


def _snap(value: float, upper: float) -> float:
    """Undo solver tolerance (about 1e-6): snap to a bound, else round to 1e-4.

    Credits are stated in halves or quarters of a point (hours in whole
    numbers), so four decimals keep every real value exact while removing
    noise such as 2.999999 + 3.000001 from a credential shared by two components.
    """
    if value < 1e-5:
        return 0.0
    if abs(upper - value) < 1e-5:
        return upper
    return round(value, 4)


@dataclass(frozen=True)
class _Built:
    """A model (a :class:`Program`, still open to the stages' rows) and the columns they need."""

    program: Program
    x: list[int]  # per edge: chosen (binary)
    f: list[int]  # per edge: credits flowing (sharing only)
    units: list[int]  # columns whose sum is the units met
    total: int  # the credits counted


def _build_model(target: Target, values: Sequence[float], edges: Sequence[Edge]) -> _Built:
    """The integer program described in the module docstring, for these edges."""
    comps = target.all_components()
    inf = INF
    sharing = target.allow_sharing
    m = Program()
    x = [m.col(0.0, 1.0, integer=True) for _ in edges]
    # Credits along an edge: w*x when a credential fills one component; with sharing a
    # flow f (at most w*x) so that a credential's credits are counted once in total.
    f = [m.col(0.0, e.value) for e in edges] if sharing else []
    by_comp: dict[int, list[int]] = {}
    by_cred: dict[int, list[int]] = {}
    for i, e in enumerate(edges):
        by_comp.setdefault(e.component, []).append(i)
        by_cred.setdefault(e.credential, []).append(i)
        if sharing:
            m.row(-inf, 0.0, [f[i], x[i]], [1.0, -e.value])
    for c, es in by_cred.items():
        if len(es) > 1:
            if sharing:
                m.row(-inf, values[c], [f[i] for i in es], [1.0] * len(es))  # credits count once
            else:
                m.row(-inf, 1.0, [x[i] for i in es], [1.0] * len(es))  # one component only

    def credit_terms(j: int) -> tuple[list[int], list[float]]:
        es = by_comp.get(j, [])
        if sharing:
            return [f[i] for i in es], [1.0] * len(es)
        return [x[i] for i in es], [edges[i].value for i in es]

    unit_cols: list[int] = []
    counted: dict[int, tuple[list[int], list[float]]] = {}  # component -> credits it counts (linear terms)
    choose_groups = {g.id for g in target.groups if g.choose}
    used_col: dict[int, int] = {}
    for j, comp in enumerate(comps):
        es = by_comp.get(j, [])
        if not es:
            counted[j] = ([], [])
            continue
        idx, val = credit_terms(j)
        if comp.is_pool:
            need = comp.required_credits or 0.0
            capped = m.col(0.0, need)  # a pool counts at most its required credits
            m.row(-inf, 0.0, [capped] + idx, [1.0] + [-v for v in val])
            counted[j] = ([capped], [1.0])
            met = m.col(0.0, 1.0, integer=True, branch_first=True)
            m.row(-inf, 0.0, [met] + idx, [need] + [-v for v in val])
            if comp.group in choose_groups:
                used = m.col(0.0, 1.0, integer=True, branch_first=True)  # binary at any optimum
                used_col[j] = used
                for i in es:
                    m.row(-inf, 0.0, [x[i], used], [1.0, -1.0])
        else:
            counted[j] = (idx, val)
            met = m.col(0.0, 1.0, integer=True)  # integral at any optimum; integral objective for the search
            m.row(-inf, 1.0, [x[i] for i in es], [1.0] * len(es))
            m.row(-inf, 0.0, [met] + [x[i] for i in es], [1.0] + [-1.0] * len(es))
        if comp.group is None or comp.group in choose_groups:
            unit_cols.append(met)

    def terms(members: Sequence[int]) -> tuple[list[int], list[float]]:
        idx: list[int] = []
        val: list[float] = []
        for j in members:
            idx.extend(counted[j][0])
            val.extend(counted[j][1])
        return idx, val

    total_idx, total_val = terms([j for j, comp in enumerate(comps) if comp.group is None])
    base = len(target.components)
    for g in target.groups:
        members = range(base, base + len(g.components))
        base += len(g.components)
        g_idx, g_val = terms(members)
        if g.choose:
            idx, val = [], []
            for j in members:
                if j in used_col:
                    idx.append(used_col[j])
                    val.append(1.0)
                elif not comps[j].is_pool:
                    idx.extend(x[i] for i in by_comp.get(j, []))
                    val.extend(1.0 for _ in by_comp.get(j, []))
            m.row(-inf, float(g.choose), idx, val)  # never more than k components used
        if g.min_credits is not None and g_idx:
            met = m.col(0.0, 1.0, integer=True, branch_first=True)
            m.row(-inf, 0.0, [met] + g_idx, [g.min_credits] + [-v for v in g_val])
            unit_cols.append(met)
        if g_idx:
            t = m.col(0.0, g.max_credits if g.max_credits is not None else inf)
            m.row(-inf, 0.0, [t] + g_idx, [1.0] + [-v for v in g_val])
            total_idx.append(t)
            total_val.append(1.0)
    total = m.col(0.0, target.total if target.total > 0 else inf)
    m.row(-inf, 0.0, [total] + total_idx, [1.0] + [-v for v in total_val])

    return _Built(m, x, f, unit_cols, total)


#: Steps credits are stated in, coarsest first (see :func:`credit_grid`).
_STEPS = (1.0, 0.5, 0.25, 0.125, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001, 0.0001)


def credit_grid(target: Target, values: Sequence[float], edges: Sequence[Edge]) -> float | None:
    """The largest step every credit figure of the model is a multiple of, or ``None``.

    With every capacity on a grid, the credits counted by the best completion
    of an allocation are on it too: the credits flow from credentials through
    components and groups to the total, and a network flow with capacities and
    lower bounds on a grid has an optimal flow on that grid. Branch and bound
    uses this to prune (an allocation cannot count 17.3 credits if all figures
    are whole numbers).
    """
    figures = {*values, *(e.value for e in edges), target.total}  # distinct figures: a wallet repeats a few
    for comp in target.all_components():
        figures.update((comp.credits or 0.0, comp.required_credits or 0.0))
    for g in target.groups:
        figures.update((g.min_credits or 0.0, g.max_credits or 0.0))
    for step in _STEPS:
        if all(abs(v / step - round(v / step)) <= 1e-9 * max(1.0, abs(v / step)) for v in figures):
            return step
    return None


def _stage(program: Program, costs: dict[int, float], maximize: bool, start: Sequence[float] | None,
           grid: float | None) -> Answer:
    answer = solve(program, costs, maximize, start, grid=grid)
    if answer is None:  # only without a start point; the stages always give one
        raise RuntimeError("no method could solve the allocation model")
    return answer


def units_bound(target: Target, edges: Sequence[Edge]) -> int:
    """An upper bound on the units the model can meet: each unit counted if it could be met alone.

    A slot with a candidate, a pool whose candidates together reach its
    credits (with room for the solver's tolerance, so the bound is never too
    low), a choose-k group's k best members, a credit group whose members
    could together reach its threshold.
    """
    comps = target.all_components()
    reach: dict[int, float] = {}  # per component, the most credits it could count
    seen: set[int] = set()
    for e in edges:
        seen.add(e.component)
        if comps[e.component].is_pool:
            reach[e.component] = reach.get(e.component, 0.0) + e.value
        else:
            reach[e.component] = max(reach.get(e.component, 0.0), e.value)

    def met(j: int) -> bool:
        comp = comps[j]
        if j not in seen:
            return False
        if not comp.is_pool:
            return True
        need = comp.required_credits or 0.0
        return reach[j] >= need - 1e-4 * max(1.0, need)

    units = sum(1 for j in range(len(target.components)) if met(j))
    base = len(target.components)
    for g in target.groups:
        members = range(base, base + len(g.components))
        base += len(g.components)
        if g.choose:
            units += min(g.choose, sum(1 for j in members if met(j)))
        if g.min_credits is not None and any(j in seen for j in members):
            counted = sum(min(reach[j], comps[j].required_credits or 0.0) if comps[j].is_pool else reach[j]
                          for j in members if j in seen)
            units += counted >= g.min_credits - 1e-4 * max(1.0, g.min_credits)
    return units


def _units_reach_their_bound(target: Target, full: _Built, edges: Sequence[Edge],
                             grid: float | None) -> tuple[bool, Answer | None]:
    """The credits stage solved at once, when the units stage's answer is the bound (usually).

    The units stage only tells the credits stage how many units to keep
    (``units >= best - 0.5``). If the credits stage, given the row for the
    bound of :func:`units_bound`, answers with that many units, the bound
    was the optimum: the row, the model and so the answer are exactly those
    of the two stages run in turn, one MIP fewer. Otherwise the row is taken
    back and the stages run in turn. Only the first method of the solve
    order is tried here, so a model whose bound cannot be met costs one
    quick failure, never the fallback search. Returns (units proven optimal, answer).
    """
    if not milp.ORDER:
        return False, None
    bound = units_bound(target, edges)
    full.program.at_least(full.units, bound - 0.5)
    answer = solve(full.program, {full.total: 1.0}, True, None, order=milp.ORDER[:1], grid=grid)
    if answer is not None and answer.optimal and round(sum(answer.point[c] for c in full.units)) == bound:
        return True, answer
    full.program.drop_last_row()
    return False, None


def allocate(target: Target, values: Sequence[float], edges: Sequence[Edge], rank: Sequence[int]) -> Solution:
    """Choose edges so that units met, then credits counted, are maximal.

    ``values[c]`` is credential c's credit value, ``rank[c]`` its position in
    id order (the tie-break). Never fails: every stage has a feasible point
    to fall back on (nothing chosen, then the previous stage's answer), and
    a fallback is reported as not proven optimal.
    """
    edges = reduce_edges(target, edges, rank)
    if not edges:
        return Solution(chosen=(), optimal=True)
    full = _build_model(target, values, edges)
    grid = credit_grid(target, values, edges)
    first_optimal, second = _units_reach_their_bound(target, full, edges, grid)
    if second is not None:
        best_units = float(units_bound(target, edges))
    else:
        # Choosing nothing satisfies every row of the model: the first stage's fallback.
        first = _stage(full.program, {c: 1.0 for c in full.units}, True, [0.0] * full.program.n, 1.0)
        best_units = first.objective
        full.program.at_least(full.units, best_units - 0.5)
        second = _stage(full.program, {full.total: 1.0}, True, first.point, grid)
        first_optimal = first.optimal
    best_credits = second.objective
    picked = second.point

    # Tie-break on a small model over the chosen edges only: keep the optimum,
    # drop every credential that adds nothing, prefer lower ranks (smaller ids),
    # then earlier components, so that every method picks the same allocation.
    chosen_edges = [e for i, e in enumerate(edges) if picked[full.x[i]] > 0.5]
    n_comps = len(target.all_components())
    scale = len(values) * n_comps + 1
    weights = [1.0 + (rank[e.credential] * n_comps + e.component) / scale for e in chosen_edges]
    # The same optimum without a solver when the model splits into blocks (see wallet.stacking.tiebreak).
    kept = minimal_subset(target, [TieEdge(e.component, e.value, w) for e, w in zip(chosen_edges, weights, strict=True)],
                          grid, scale, best_credits)
    if kept is not None:
        chosen = tuple((chosen_edges[i].credential, chosen_edges[i].component, chosen_edges[i].value) for i in kept)
        return Solution(chosen=tuple(sorted(chosen, key=lambda t: (t[1], rank[t[0]]))),
                        optimal=first_optimal and second.optimal)
    small = _build_model(target, values, chosen_edges)
    small.program.at_least(small.units, best_units - 0.5)
    small.program.at_least([small.total], best_credits - max(_EPS, 1e-9 * best_credits))
    tie = {small.x[i]: w for i, w in enumerate(weights)}
    third = solve(small.program, tie, False)
    if third is None:
        # The tie-break failed every method: keep the second stage's allocation (optimal
        # in units and credits, perhaps not minimal), and say it is not proven optimal.
        built, point, used, optimal = full, picked, edges, False
    else:
        built, point, used, optimal = small, third.point, chosen_edges, first_optimal and second.optimal and third.optimal
    chosen = tuple(
        (e.credential, e.component, _snap(float(point[built.f[i]]), e.value) if target.allow_sharing else e.value)
        for i, e in enumerate(used)
        if point[built.x[i]] > 0.5
    )
    return Solution(chosen=tuple(sorted(chosen, key=lambda t: (t[1], rank[t[0]]))), optimal=optimal)
