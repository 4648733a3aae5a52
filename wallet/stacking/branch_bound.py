"""Branch and bound over LP relaxations: the exact fallback when HiGHS's MIP solver fails.

Why a second exact method: HiGHS's MIP solver (presolve, cuts, heuristics,
postsolve) is where its bugs have been; its LP simplex is the most exercised
part of it. This search uses only the LP: at each node it solves the
relaxation with some binary columns fixed, prunes nodes whose bound cannot
beat the best integral point found, and branches on the most fractional
binary column (group-level decisions first, ties: the lowest index),
rounding-nearest child first. Depth
first, in a fixed order, so it is deterministic; it is exact when it runs to
the end, and reports "not proven optimal" when a node or time limit stops it.

When every integral point has an integral objective (the units stage), a
node is pruned as soon as its bound rounded down cannot beat the best point.
There are no cuts, so the search is for small models (tens of binaries,
which is what edge reduction leaves of a typical target); it is the
fallback, not the fast path, and a larger model that it cannot close in
:data:`MAX_NODES` is reported as not proven optimal.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

import highspy
import numpy as np

if TYPE_CHECKING:
    from wallet.stacking.milp import Objective, Program

#: Nodes after which the search stops and reports its best point as not proven optimal. The
#: node count, not the clock, is the limit that binds in practice (about 1,000 nodes a second),
#: so the same model gives the same answer on a fast or a busy machine; the time limit is a
#: safety net only.
MAX_NODES = 20_000
TIME_LIMIT = 60.0
_FRACTIONAL = 1e-6
_BOUND_TOL = 1e-7


class _Relaxation:
    """The LP relaxation, re-solved with changed column bounds at every node."""

    def __init__(self, program: Program, costs: np.ndarray, maximize: bool) -> None:
        self.program = program
        self.costs = costs
        self.maximize = maximize
        self.solver = program.highs(costs, maximize, integral=False)
        self.solver.setOptionValue("presolve", "off")
        self.solver.setOptionValue("solver", "simplex")

    def solve(self, fixed: dict[int, float]) -> tuple[str, np.ndarray | None]:
        """('optimal', point), ('infeasible', None) or ('error', None) with ``fixed`` columns set."""
        lower = [self.program.lower[j] for j in self.program.integer]
        upper = [self.program.upper[j] for j in self.program.integer]
        for k, j in enumerate(self.program.integer):
            if j in fixed:
                lower[k] = upper[k] = fixed[j]
        cols = np.array(self.program.integer, dtype=np.int32)
        outcome = self._run(cols, lower, upper)
        if outcome[0] == "error":
            # A fresh instance with the interior-point method, then the simplex again.
            for solver_name in ("ipm", "simplex"):
                self.solver = self.program.highs(self.costs, self.maximize, integral=False)
                self.solver.setOptionValue("presolve", "off")
                self.solver.setOptionValue("solver", solver_name)
                outcome = self._run(cols, lower, upper)
                if outcome[0] != "error":
                    break
        return outcome

    def _run(self, cols: np.ndarray, lower: list[float], upper: list[float]) -> tuple[str, np.ndarray | None]:
        if len(cols):
            self.solver.changeColsBounds(len(cols), cols, np.array(lower, dtype=np.float64),
                                         np.array(upper, dtype=np.float64))
        self.solver.run()
        status = self.solver.getModelStatus()
        if status == highspy.HighsModelStatus.kInfeasible:
            return "infeasible", None
        if status != highspy.HighsModelStatus.kOptimal:
            return "error", None
        point = np.array(self.solver.getSolution().col_value, dtype=np.float64)
        if self.program.violation(point, integral=False) is not None:
            return "error", None
        return "optimal", point


def _value(costs: np.ndarray, point: np.ndarray, maximize: bool) -> float:
    """The objective as a quantity to maximise."""
    value = float(np.dot(costs, point))
    return value if maximize else -value


def _grid(program: Program, objective: Objective) -> float | None:
    """The objective's grid: the one given, or 1 when the costs are integers on integer columns only."""
    if objective.grid is not None:
        return objective.grid
    integer = set(program.integer)
    if all(c == 0.0 or (j in integer and float(c).is_integer()) for j, c in enumerate(objective.costs)):
        return 1.0
    return None


def _prunable(bound: float, best_value: float, grid: float | None) -> bool:
    """Whether a node whose relaxation reaches ``bound`` cannot beat ``best_value``.

    With a grid, the best integral point below the node is on it: a bound of
    4.7 units can reach 4 at best.
    """
    if grid is not None:
        reachable = float(np.floor(bound / grid + 1e-6)) * grid
        return reachable <= best_value + 1e-6 * grid
    return bound <= best_value + _BOUND_TOL * max(1.0, abs(best_value))


def branch_and_bound(
    program: Program, objective: Objective, time_limit: float | None = None
) -> tuple[Sequence[float], bool] | None:
    """(best integral point, proven optimal), or ``None`` if no integral point was found.

    The objective's start point, if feasible, is the first incumbent, so the
    search only looks for better ones. Also ``None`` if an LP relaxation
    cannot be solved at all: a bound the search cannot trust would make its
    answer not exact.
    """
    costs, maximize = objective.costs, objective.maximize
    deadline = time.monotonic() + (TIME_LIMIT if time_limit is None else time_limit)
    lp = _Relaxation(program, costs, maximize)
    grid = _grid(program, objective)
    best: np.ndarray | None = None
    best_value = -np.inf
    if objective.start is not None and program.violation(objective.start) is None:
        best = np.array(objective.start, dtype=np.float64)
        best_value = _value(costs, best, maximize)
    stack: list[dict[int, float]] = [{}]
    nodes = 0
    complete = True
    while stack:
        if nodes >= MAX_NODES or time.monotonic() > deadline:
            complete = False
            break
        fixed = stack.pop()
        nodes += 1
        status, point = lp.solve(fixed)
        if status == "infeasible":
            continue
        if status == "error" or point is None:
            return None
        if best is not None and _prunable(_value(costs, point, maximize), best_value, grid):
            continue
        fractional = [(abs(point[j] - round(point[j])), j) for j in program.integer if j not in fixed]
        fractional = [(f, j) for f, j in fractional if f > _FRACTIONAL]
        if not fractional:
            # Integral: fix every binary at its rounded value and re-solve, so the
            # continuous columns are exact for exactly these choices.
            rounded = {j: float(round(point[j])) for j in program.integer}
            status, exact = lp.solve(rounded)
            if status == "infeasible":
                complete = False  # within tolerance only: not a point to trust, nor proof of none
                continue
            if status != "optimal" or exact is None:
                return None
            value = _value(costs, exact, maximize)
            if best is None or value > best_value:
                best, best_value = exact, value
            continue
        # Group-level decisions (a pool met, a component used) first: fixing them
        # settles many edges at once. Then the most fractional, lowest index.
        _, column = min(fractional, key=lambda fj: (fj[1] not in program.first, -fj[0], fj[1]))
        nearest = float(round(point[column]))
        # Depth first; the child nearest the LP value is explored first (pushed last).
        stack.append({**fixed, column: 1.0 - nearest})
        stack.append({**fixed, column: nearest})
    if best is None:
        return None
    return [float(v) for v in best], complete
