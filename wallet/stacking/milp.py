"""A small mixed-integer program, and a solve that never gives up on a feasible model.

HiGHS is fast and exact, but it is a large C++ solver with its own bugs. With
HiGHS 1.16.0, a 15-column allocation model (a choose-1 group whose components
list overlapping identifiers, one matching nothing) ends in ``Solve error``:
presolve reduces the model to nothing, and postsolve hands back a point that
violates a row by 2. A learner's progress must not depend on such a bug, so a
stage is solved by the first of these methods that gives a *checked* answer:

1. HiGHS's MIP solver with its default options;
2. the same without presolve (where that bug lives);
3. :mod:`wallet.stacking.branch_bound`: a branch-and-bound written here,
   over HiGHS *LP* relaxations (the simplex, the most exercised part of
   HiGHS; the interior-point method if the simplex fails);
4. a known feasible point the caller supplies (the previous stage's answer),
   reported as not proven optimal.

Every answer is checked in Python against the model's bounds, rows and
integrality before it is accepted, and its objective is recomputed from the
point, so a solver that returns "optimal" with a wrong point cannot slip
through. Each method is deterministic, and which one answers depends only on
the model, so the same input always gives the same allocation.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import highspy
import numpy as np

#: Seconds after which a method stops; its best point is then reported as not proven optimal.
TIME_LIMIT = 20.0
#: How far a point may be off a bound or a row (HiGHS works to 1e-6 to 1e-7) and still be accepted.
FEASIBILITY_TOL = 1e-5
INTEGRALITY_TOL = 1e-5
INF = highspy.kHighsInf

_BANNER_LOCK = threading.Lock()
_BANNER_DONE = False


def new_highs() -> highspy.Highs:
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
    solver.setOptionValue("time_limit", TIME_LIMIT)
    return solver


@dataclass
class Program:
    """Columns and rows accumulated in Python; every solver is built from this one description.

    Mutable on purpose (it is a builder): stages add rows as they fix the
    previous optimum. All integer columns of the allocation models are binary.
    """

    lower: list[float] = field(default_factory=list)
    upper: list[float] = field(default_factory=list)
    integer: list[int] = field(default_factory=list)
    rows: list[tuple[float, float, list[int], list[float]]] = field(default_factory=list)
    first: set[int] = field(default_factory=set)  # columns to branch on first (group-level decisions)
    _cache: tuple[tuple[int, int], tuple[np.ndarray, ...]] | None = field(default=None, repr=False, compare=False)

    @property
    def n(self) -> int:
        return len(self.lower)

    def col(self, lower: float, upper: float, integer: bool = False, branch_first: bool = False) -> int:
        """A new column; ``branch_first`` marks a decision a search should branch on before the others."""
        self.lower.append(lower)
        self.upper.append(upper)
        if integer:
            self.integer.append(len(self.lower) - 1)
        if branch_first:
            self.first.add(len(self.lower) - 1)
        return len(self.lower) - 1

    def row(self, lower: float, upper: float, idx: list[int], val: list[float]) -> None:
        if idx:
            self.rows.append((lower, upper, list(idx), list(val)))

    def drop_last_row(self) -> None:
        """Take back the last row added (a stage's guess that did not hold)."""
        self.rows.pop()

    def at_least(self, cols: Sequence[int], bound: float) -> None:
        """Require ``sum(cols) >= bound`` (how a stage fixes the previous optimum)."""
        self.row(bound, INF, list(cols), [1.0] * len(cols))

    def highs(self, costs: np.ndarray, maximize: bool, *, integral: bool = True) -> highspy.Highs:
        """A fresh HiGHS instance holding this program (the LP relaxation if not ``integral``)."""
        solver = new_highs()
        n = self.n
        solver.addCols(n, costs, np.array(self.lower, dtype=np.float64), np.array(self.upper, dtype=np.float64), 0,
                       np.array([], dtype=np.int32), np.array([], dtype=np.int32), np.array([], dtype=np.float64))
        _, _, _, ptr, cols, vals, lo, hi, _ = self._arrays()
        solver.addRows(len(self.rows), lo, hi, len(cols), ptr[:-1].astype(np.int32), cols.astype(np.int32), vals)
        if integral and self.integer:
            ints = np.array(self.integer, dtype=np.int32)
            solver.changeColsIntegrality(len(ints), ints, np.ones(len(ints), dtype=np.uint8))
        solver.changeObjectiveSense(highspy.ObjSense.kMaximize if maximize else highspy.ObjSense.kMinimize)
        return solver

    def _arrays(self) -> tuple[np.ndarray, ...]:
        """Bounds and rows as numpy arrays (compressed rows), rebuilt when rows were added."""
        if self._cache is None or self._cache[0] != (self.n, len(self.rows)):
            ptr = np.cumsum([0] + [len(r[2]) for r in self.rows])
            cols = np.array([j for r in self.rows for j in r[2]], dtype=np.int64)
            vals = np.array([v for r in self.rows for v in r[3]], dtype=np.float64)
            lo = np.array([r[0] for r in self.rows], dtype=np.float64)
            hi = np.array([r[1] for r in self.rows], dtype=np.float64)
            finite = np.maximum(np.where(lo > -INF, np.abs(lo), 0.0), np.where(hi < INF, np.abs(hi), 0.0))
            slack = FEASIBILITY_TOL * np.maximum(1.0, finite)
            arrays = (np.array(self.lower), np.array(self.upper), np.array(self.integer, dtype=np.int64),
                      ptr, cols, vals, lo, hi, slack)
            self._cache = ((self.n, len(self.rows)), arrays)
        return self._cache[1]

    def violation(self, point: Sequence[float] | np.ndarray, *, integral: bool = True) -> str | None:
        """Why ``point`` is not a solution of the program (``None`` if it is one)."""
        x = np.asarray(point, dtype=np.float64)
        if x.shape != (self.n,) or not np.all(np.isfinite(x)):
            return "the point has the wrong size or a non-finite value"
        lower, upper, integer, ptr, cols, vals, lo, hi, slack = self._arrays()
        outside = np.flatnonzero((x < lower - FEASIBILITY_TOL) | (x > upper + FEASIBILITY_TOL))
        if len(outside):
            j = int(outside[0])
            return f"column {j} = {x[j]} is outside [{lower[j]}, {upper[j]}]"
        if integral and len(integer):
            off = np.flatnonzero(np.abs(x[integer] - np.round(x[integer])) > INTEGRALITY_TOL)
            if len(off):
                j = int(integer[off[0]])
                return f"column {j} = {x[j]} is not integral"
        if len(self.rows):
            activity = np.add.reduceat(x[cols] * vals, ptr[:-1])
            bad = np.flatnonzero((activity < lo - slack) | (activity > hi + slack))
            if len(bad):
                r = int(bad[0])
                return f"row {r} = {activity[r]} is outside [{lo[r]}, {hi[r]}]"
        return None


@dataclass(frozen=True)
class Answer:
    """A checked point of a program, its objective (recomputed here), and how it was found."""

    objective: float
    point: tuple[float, ...]
    optimal: bool  # proven optimal by the method that found it
    method: str


@dataclass(frozen=True)
class Objective:
    """What a stage optimises, and what the methods may use about it.

    ``grid``: every integral point's best completion has an objective that is
    a multiple of it (1 for units; the credits' common step, e.g. 0.5, for
    credits), so a search may prune a node whose bound, rounded down to the
    grid, cannot beat its best point. ``None`` when nothing is known.
    """

    costs: np.ndarray
    maximize: bool
    start: tuple[float, ...] | None = None  # a feasible point: the incumbent to beat
    grid: float | None = None


def _checked(program: Program, costs: np.ndarray, point: Sequence[float], optimal: bool, method: str) -> Answer | None:
    """The answer for ``point`` if it satisfies the program, else ``None``."""
    if program.violation(point) is not None:
        return None
    x = np.asarray(point, dtype=np.float64).copy()
    # Integer columns exactly integral: the allocation reads them with > 0.5 anyway.
    integer = program._arrays()[2]
    x[integer] = np.round(x[integer]) + 0.0  # half to even, as round() does; + 0.0 turns -0.0 into 0.0
    return Answer(float(np.dot(costs, x)), tuple(x.tolist()), optimal, method)


#: A method returns (point, proven optimal), or ``None`` when it has no point.
Method = Callable[[Program, Objective], "tuple[Sequence[float], bool] | None"]


def highs_mip(program: Program, objective: Objective, *, presolve: bool = True) -> tuple[Sequence[float], bool] | None:
    """HiGHS's MIP solver, gap zero; a time-limited feasible point counts as not proven optimal."""
    solver = program.highs(objective.costs, objective.maximize)
    solver.setOptionValue("mip_rel_gap", 0.0)
    solver.setOptionValue("mip_abs_gap", 1e-7)
    if not presolve:
        solver.setOptionValue("presolve", "off")
    solver.run()
    status = solver.getModelStatus()
    if status == highspy.HighsModelStatus.kOptimal:
        return list(solver.getSolution().col_value), True
    if status == highspy.HighsModelStatus.kTimeLimit and solver.getInfo().primal_solution_status == 2:
        return list(solver.getSolution().col_value), False
    return None


def _branch_and_bound(program: Program, objective: Objective) -> tuple[Sequence[float], bool] | None:
    from wallet.stacking.branch_bound import branch_and_bound

    return branch_and_bound(program, objective)


METHODS: dict[str, Method] = {
    "highs": highs_mip,
    "highs-no-presolve": lambda p, o: highs_mip(p, o, presolve=False),
    "branch-and-bound": _branch_and_bound,
}
#: The order methods are tried in (tests run each one alone against brute force).
ORDER: tuple[str, ...] = ("highs", "highs-no-presolve", "branch-and-bound")


def solve(
    program: Program,
    costs: Mapping[int, float],
    maximize: bool,
    start: Sequence[float] | None = None,
    order: Sequence[str] | None = None,
    grid: float | None = None,
) -> Answer | None:
    """Optimise ``costs`` over ``program`` with the first method that gives a checked answer.

    ``start`` is a point known to be feasible; if every method fails it is
    returned, marked not optimal. ``None`` only when every method fails and
    no start was given. ``grid``: see :class:`Objective`.
    """
    vector = np.zeros(program.n)
    for col, c in costs.items():
        vector[col] = c
    objective = Objective(vector, maximize, None if start is None else tuple(start), grid)
    for name in order if order is not None else ORDER:
        found = METHODS[name](program, objective)
        answer = None if found is None else _checked(program, vector, found[0], found[1], name)
        if answer is not None:
            return answer
    if start is not None:
        return _checked(program, vector, start, False, "known feasible point")
    return None
