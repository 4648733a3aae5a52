"""The allocation's tie-break without a solver, when the model falls apart into independent blocks.

The third stage of :func:`wallet.stacking.allocate.allocate` keeps, among the
edges the credits stage chose, the subset of least tie weight that still
meets as many units and counts as many credits. Solved with HiGHS it costs
a fresh MIP (about 15 ms, mostly presolve) even when the answer is plain.
Without ``allowSharing``, and when the target's total does not cap what the
chosen edges count, units and credits are sums over *blocks* (each top-level
component, each group), every block's share can only shrink when edges are
dropped, so each block must keep its own units and credits: the stage
splits into one small problem per block.

* A slot at the top level, or any member of a choose-k group, counts a unit
  with its one edge: the edge stays.
* A pool at the top level, or a credit group of slots, must keep a covered
  amount T (its required credits, or what it counted); the least weight
  subset whose credits reach T is found by an exhaustive depth-first search,
  pruned by the fractional (LP) bound and by the lightest items in the
  fewest number that can reach T.

The answer is used only when it is *the* optimum by a margin larger than
HiGHS's own gap (tie weights differ by at least ``1 / scale``; an exact tie
between two subsets, or a search over :data:`MAX_NODES`, hands the stage
back to HiGHS), so it is the allocation HiGHS returns, found faster.
Anything else (sharing, pools inside groups, a binding total, credits that
are not on a grid, a zero requirement) also goes to HiGHS.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from wallet.stacking.target import Target

#: Search nodes per block after which the block is handed back to HiGHS.
MAX_NODES = 5_000
#: Items per block beyond which the (recursive) search is not tried.
MAX_ITEMS = 250
#: Largest weight scale handled: distinct subsets' weights differ by at least ``1 / scale``,
#: which must stay well above HiGHS's absolute gap (1e-7) for its answer to be the unique optimum.
MAX_SCALE = 5e6
#: Tie weights closer than this many multiples of ``1 / scale`` count as a tie (HiGHS's
#: absolute gap is 1e-7; weights of distinct subsets differ by a whole multiple of ``1 / scale``).
_TIE = 0.5


class TieEdge(NamedTuple):
    """An edge of the credits stage's answer: where it goes, what it counts, its tie weight."""

    component: int
    value: float
    weight: float


def minimal_subset(target: Target, edges: Sequence[TieEdge], grid: float | None, scale: float,
                   best_credits: float) -> list[int] | None:
    """Positions in ``edges`` of the least-weight subset keeping units and credits, or ``None``.

    ``None`` means "ask HiGHS": the shape is not one this module handles, or
    the optimum is not unique by a clear margin. ``grid`` is the credit step
    every figure is a multiple of (see :func:`wallet.stacking.allocate.credit_grid`).
    """
    if target.allow_sharing or grid is None or scale > MAX_SCALE or not edges:
        return None if edges else []
    tol = grid / 2
    margin = _TIE / scale
    comps = target.all_components()
    by_comp: dict[int, list[int]] = {}
    for i, e in enumerate(edges):
        by_comp.setdefault(e.component, []).append(i)
    keep: list[int] = []
    total = 0.0
    blocks: list[tuple[list[int], float]] = []  # (edges, amount to keep covered)
    for j, comp in enumerate(comps[: len(target.components)]):
        es = by_comp.get(j, [])
        if not es:
            continue
        if not comp.is_pool:
            keep.extend(es)
            total += sum(edges[i].value for i in es)
            continue
        need = comp.required_credits or 0.0
        if need <= tol:
            return None  # met with nothing at all: the model counts it only while an edge is there
        counted = min(need, sum(edges[i].value for i in es))
        blocks.append((es, counted))
        total += counted
    base = len(target.components)
    for g in target.groups:
        members = range(base, base + len(g.components))
        base += len(g.components)
        es = [i for j in members for i in by_comp.get(j, [])]
        if not es:
            continue
        if any(comps[j].is_pool and by_comp.get(j) for j in members):
            return None
        raw = sum(edges[i].value for i in es)
        counted = min(raw, g.max_credits) if g.max_credits is not None else raw
        total += counted
        if g.choose:
            keep.extend(es)  # each member's one edge is a unit
            continue
        if g.min_credits is not None:
            if g.min_credits <= tol:
                return None
            if raw + tol >= g.min_credits:
                counted = max(counted, g.min_credits)  # the threshold unit stays met
        blocks.append((es, counted))
    if target.total > 0 and total > target.total + tol:
        return None  # the total caps the credits: blocks could trade credits, no split
    counted_total = min(total, target.total) if target.total > 0 else total
    if abs(counted_total - best_credits) > tol:
        return None  # not the credits the stage proved: leave it to the solver
    for es, amount in blocks:
        found = _cover([edges[i] for i in es], amount, tol, margin)
        if found is None:
            return None
        keep.extend(es[k] for k in found)
    return sorted(keep)


def _cover(items: Sequence[TieEdge], amount: float, tol: float, margin: float) -> list[int] | None:
    """Positions of the least-weight items whose values reach ``amount`` (within ``tol``); ``None`` on a tie.

    Depth first over the items by weight per credit, taking an item before
    leaving it out; a node is pruned when its bound cannot come within
    ``margin`` of the best found.
    """
    if amount <= tol:
        return []
    useful = [k for k, it in enumerate(items) if it.value > tol]
    if len(useful) > MAX_ITEMS:
        return None
    if sum(items[k].value for k in useful) + tol < amount:
        return None
    order = sorted(useful, key=lambda k: (items[k].weight / items[k].value, k))
    weights = [items[k].weight for k in order]
    values = [items[k].value for k in order]
    n = len(order)
    best = float("inf")
    best_set: list[int] = []
    tied = False
    nodes = 0
    chosen: list[int] = []

    def bound(k: int, left: float) -> float:
        """The least weight that can still cover ``left`` from items ``k..``: the larger of
        the fractional completion and the lightest items in the fewest number that can."""
        extra, rest = 0.0, left
        for m in range(k, n):
            if values[m] + tol >= rest:
                extra += weights[m] * min(1.0, rest / values[m])
                break
            extra += weights[m]
            rest -= values[m]
        else:
            return float("inf")
        fewest, covered = 0, 0.0
        for v in sorted(values[k:], reverse=True):
            fewest += 1
            covered += v
            if covered + tol >= left:
                break
        return max(extra, sum(sorted(weights[k:])[:fewest]))

    def search(k: int, weight: float, left: float) -> bool:
        nonlocal best, best_set, tied, nodes
        nodes += 1
        if nodes > MAX_NODES:
            return False
        if left <= tol:
            if weight < best - margin:
                best, best_set, tied = weight, list(chosen), False
            elif weight < best + margin:
                tied = True
            return True
        if k == n or weight + bound(k, left) > best + margin:
            return True
        chosen.append(k)
        if not search(k + 1, weight + weights[k], left - values[k]):
            return False
        chosen.pop()
        return search(k + 1, weight, left)

    if not search(0, 0.0, amount) or tied or best == float("inf"):
        return None
    return sorted(order[k] for k in best_set)
