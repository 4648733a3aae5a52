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

Objectives, solved in order, each fixing the previous optimum: (1) units met,
(2) credits counted, (3) on a small model of the chosen edges only, a
tie-break that drops every credential adding nothing and prefers lower ranks
(sorted ids), so results are minimal and deterministic. The MIP gap is zero:
each stage is solved to proven optimality (or reported as not proven when
the time limit is hit).

Before solving, each component keeps only its best few candidates (see
:func:`reduce_edges`); this is exact, not a heuristic, and is what makes
10,000 credentials solve in milliseconds.
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import highspy
import numpy as np

from wallet.stacking.target import Component, Target

_EPS = 1e-6
#: Seconds after which HiGHS stops and the best allocation found is reported as not proven optimal.
TIME_LIMIT = 20.0


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
    for j in sorted(by_comp):
        ordered = sorted(by_comp[j], key=lambda e: (-e.value, rank[e.credential]))
        kept.extend(ordered[: limits[j]])
    return kept


_BANNER_LOCK = threading.Lock()
_BANNER_DONE = False


def _new_solver() -> highspy.Highs:
    """A silent HiGHS instance.

    HiGHS prints a banner on the process's first instance straight to file
    descriptor 1, which would corrupt ``wallet progress --json`` output; the
    first instance is therefore created with fd 1 pointed at /dev/null.
    """
    global _BANNER_DONE
    with _BANNER_LOCK:
        if not _BANNER_DONE:
            saved = os.dup(1)
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, 1)
                solver = highspy.Highs()
            finally:
                os.dup2(saved, 1)
                os.close(saved)
                os.close(devnull)
            _BANNER_DONE = True
        else:
            solver = highspy.Highs()
    solver.setOptionValue("output_flag", False)
    solver.setOptionValue("mip_rel_gap", 0.0)
    solver.setOptionValue("mip_abs_gap", 1e-7)
    solver.setOptionValue("time_limit", TIME_LIMIT)
    return solver


class _Model:
    """Columns and rows accumulated in Python, passed to HiGHS in one call."""

    def __init__(self) -> None:
        self.lower: list[float] = []
        self.upper: list[float] = []
        self.integer: list[int] = []
        self.rows: list[tuple[float, float, list[int], list[float]]] = []

    def col(self, lower: float, upper: float, integer: bool = False) -> int:
        self.lower.append(lower)
        self.upper.append(upper)
        if integer:
            self.integer.append(len(self.lower) - 1)
        return len(self.lower) - 1

    def row(self, lower: float, upper: float, idx: list[int], val: list[float]) -> None:
        if idx:
            self.rows.append((lower, upper, idx, val))

    def build(self) -> highspy.Highs:
        solver = _new_solver()
        n = len(self.lower)
        solver.addCols(n, np.zeros(n), np.array(self.lower), np.array(self.upper), 0,
                       np.array([], dtype=np.int32), np.array([], dtype=np.int32), np.array([]))
        starts: list[int] = []
        index: list[int] = []
        value: list[float] = []
        for _, _, idx, val in self.rows:
            starts.append(len(index))
            index.extend(idx)
            value.extend(val)
        solver.addRows(
            len(self.rows),
            np.array([r[0] for r in self.rows]),
            np.array([r[1] for r in self.rows]),
            len(index),
            np.array(starts, dtype=np.int32),
            np.array(index, dtype=np.int32),
            np.array(value, dtype=np.float64),
        )
        if self.integer:
            ints = np.array(self.integer, dtype=np.int32)
            solver.changeColsIntegrality(len(ints), ints, np.ones(len(ints), dtype=np.uint8))
        return solver


def _solve(solver: highspy.Highs, costs: dict[int, float], n: int, maximize: bool) -> tuple[float, bool]:
    cost = np.zeros(n)
    for col, c in costs.items():
        cost[col] = c
    solver.changeColsCost(n, np.arange(n, dtype=np.int32), cost)
    solver.changeObjectiveSense(highspy.ObjSense.kMaximize if maximize else highspy.ObjSense.kMinimize)
    solver.run()
    status = solver.getModelStatus()
    if status == highspy.HighsModelStatus.kOptimal:
        return solver.getInfo().objective_function_value, True
    if solver.getInfo().primal_solution_status == 2:  # feasible, e.g. time limit hit
        return solver.getInfo().objective_function_value, False
    raise RuntimeError(f"HiGHS could not solve the allocation model ({solver.modelStatusToString(status)})")


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
    """A model passed to HiGHS and the columns the stages need."""

    solver: highspy.Highs
    n: int
    x: list[int]  # per edge: chosen (binary)
    f: list[int]  # per edge: credits flowing (sharing only)
    units: list[int]  # columns whose sum is the units met
    total: int  # the credits counted


def _build_model(target: Target, values: Sequence[float], edges: Sequence[Edge]) -> _Built:
    """The integer program described in the module docstring, for these edges."""
    comps = target.all_components()
    inf = highspy.kHighsInf
    sharing = target.allow_sharing
    m = _Model()
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
            met = m.col(0.0, 1.0, integer=True)
            m.row(-inf, 0.0, [met] + idx, [need] + [-v for v in val])
            if comp.group in choose_groups:
                used = m.col(0.0, 1.0)
                used_col[j] = used
                for i in es:
                    m.row(-inf, 0.0, [x[i], used], [1.0, -1.0])
        else:
            counted[j] = (idx, val)
            met = m.col(0.0, 1.0)
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
            met = m.col(0.0, 1.0, integer=True)
            m.row(-inf, 0.0, [met] + g_idx, [g.min_credits] + [-v for v in g_val])
            unit_cols.append(met)
        if g_idx:
            t = m.col(0.0, g.max_credits if g.max_credits is not None else inf)
            m.row(-inf, 0.0, [t] + g_idx, [1.0] + [-v for v in g_val])
            total_idx.append(t)
            total_val.append(1.0)
    total = m.col(0.0, target.total if target.total > 0 else inf)
    m.row(-inf, 0.0, [total] + total_idx, [1.0] + [-v for v in total_val])

    return _Built(m.build(), len(m.lower), x, f, unit_cols, total)


def _at_least(built: _Built, cols: list[int], bound: float) -> None:
    if cols:
        built.solver.addRow(bound, highspy.kHighsInf, len(cols), np.array(cols, dtype=np.int32), np.ones(len(cols)))


def allocate(target: Target, values: Sequence[float], edges: Sequence[Edge], rank: Sequence[int]) -> Solution:
    """Choose edges so that units met, then credits counted, are maximal.

    ``values[c]`` is credential c's credit value, ``rank[c]`` its position in
    id order (the tie-break).
    """
    edges = reduce_edges(target, edges, rank)
    if not edges:
        return Solution(chosen=(), optimal=True)
    full = _build_model(target, values, edges)
    best_units, ok1 = _solve(full.solver, {c: 1.0 for c in full.units}, full.n, maximize=True)
    _at_least(full, full.units, best_units - 0.5)
    best_credits, ok2 = _solve(full.solver, {full.total: 1.0}, full.n, maximize=True)
    picked = full.solver.getSolution().col_value

    # Tie-break on a small model over the chosen edges only: keep the optimum,
    # drop every credential that adds nothing, prefer lower ranks (smaller ids).
    chosen_edges = [e for i, e in enumerate(edges) if picked[full.x[i]] > 0.5]
    small = _build_model(target, values, chosen_edges)
    _at_least(small, small.units, best_units - 0.5)
    _at_least(small, [small.total], best_credits - max(_EPS, 1e-9 * best_credits))
    scale = len(values) + 1
    tie = {small.x[i]: 1.0 + rank[e.credential] / scale for i, e in enumerate(chosen_edges)}
    _, ok3 = _solve(small.solver, tie, small.n, maximize=False)
    solution = small.solver.getSolution().col_value
    chosen = tuple(
        (e.credential, e.component, _snap(float(solution[small.f[i]]), e.value) if target.allow_sharing else e.value)
        for i, e in enumerate(chosen_edges)
        if solution[small.x[i]] > 0.5
    )
    return Solution(chosen=tuple(sorted(chosen, key=lambda t: (t[1], rank[t[0]]))), optimal=ok1 and ok2 and ok3)
