"""Progress of a learner's credentials towards a target: the engine's entry point.

:func:`progress` splits candidates into counting and pending ones, matches
the counting ones against every component through the fact index, asks
:mod:`wallet.stacking.allocate` for the optimal allocation, and turns it into
a :class:`Progress` with per-component status, gaps and explanations. Met
status and credit totals are recomputed here from the chosen allocation
rather than read back from the solver, so the numbers shown are exact sums,
not floating-point solver output.
"""

from __future__ import annotations

import contextlib
import gc
import operator
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, NamedTuple

from wallet.errors import InputError
from wallet.messages import Message, render
from wallet.model import LangMap
from wallet.stacking.allocate import Edge, allocate
from wallet.stacking.candidates import COUNTING_VERDICTS, Candidate, Pending, pending_reason
from wallet.stacking.explain import Gap, find_gaps
from wallet.stacking.index import index_for, index_kinds
from wallet.stacking.rules import Facts, cached_facts_batch
from wallet.stacking.target import Component, Target

_TOL = 1e-6


class Allocation(NamedTuple):
    """One credential filling a component, and the rules it satisfied there (catalogue messages)."""

    credential_id: str
    reasons: tuple[Message, ...]

    def to_json(self) -> dict[str, Any]:
        return {"credential": self.credential_id, "reasons": [render(r) for r in self.reasons],
                "messages": [r.to_json() for r in self.reasons]}


@dataclass(frozen=True)
class ComponentStatus:
    """How far one component is filled."""

    id: str
    title: LangMap
    group: str | None
    met: bool
    credits_counted: float
    credits_needed: float | None  # a pool's required credits, a slot's nominal credits
    allocations: tuple[Allocation, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": dict(self.title),
            "group": self.group,
            "met": self.met,
            "creditsCounted": round(self.credits_counted, 6),
            "creditsNeeded": self.credits_needed,
            "allocations": [a.to_json() for a in self.allocations],
        }


@dataclass(frozen=True)
class GroupStatus:
    """How far an elective group is satisfied."""

    id: str
    title: LangMap
    choose: int | None
    chosen: int  # members met (at most ``choose``)
    min_credits: float | None
    credits_counted: float  # after the group's ``maxCredits`` cap
    met: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": dict(self.title),
            "choose": self.choose,
            "chosen": self.chosen,
            "minCredits": self.min_credits,
            "creditsCounted": round(self.credits_counted, 6),
            "met": self.met,
        }


@dataclass(frozen=True)
class Progress:
    """The result: how far along the learner is, what fills what, what is missing."""

    target: Target
    fraction: float  # 0..1: mean of the unit share and (when a total is set) the credit share
    components_met: int  # units met: required components, choices made, credit thresholds reached
    components_total: int
    credits_counted: float
    credits_required: float  # 0 when the target has no credit total
    unit: str
    allocations: Mapping[str, tuple[Allocation, ...]]  # every component id, filled or not
    gaps: tuple[Gap, ...]  # most useful first
    pending: tuple[Pending, ...]
    components: tuple[ComponentStatus, ...] = ()
    groups: tuple[GroupStatus, ...] = ()
    spare: tuple[str, ...] = ()  # valid credentials that match something but are not needed
    optimal: bool = True  # False only if the solver hit its time limit or every exact method failed
    as_of: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def complete(self) -> bool:
        return self.components_met >= self.components_total and self.credits_counted + _TOL >= self.credits_required

    def to_json(self) -> dict[str, Any]:
        return {
            "target": {"id": self.target.id, "title": dict(self.target.title), "bundled": self.target.bundled},
            "asOf": self.as_of.isoformat(),
            "fraction": round(self.fraction, 6),
            "complete": self.complete,
            "componentsMet": self.components_met,
            "componentsTotal": self.components_total,
            "creditsCounted": round(self.credits_counted, 6),
            "creditsRequired": self.credits_required,
            "unit": self.unit,
            "optimal": self.optimal,
            "allocations": {k: [a.to_json() for a in v] for k, v in self.allocations.items()},
            "components": [c.to_json() for c in self.components],
            "groups": [g.to_json() for g in self.groups],
            "gaps": [g.to_json() for g in self.gaps],
            "pending": [p.to_json() for p in self.pending],
            "spare": list(self.spare),
        }


def _split(candidates: Sequence[Candidate], now: datetime) -> tuple[list[Candidate], list[Pending], list[Candidate]]:
    counting: list[Candidate] = []
    pending: list[Pending] = []
    pending_cands: list[Candidate] = []
    previous: str | None = None
    for cand in sorted(candidates, key=_by_id):
        if cand.id == previous:  # sorted by id: a repeated id is next to its first use
            raise InputError(f"the credential id {cand.id!r} is offered twice; ids must be unique")
        previous = cand.id
        cred = cand.credential
        if cand.verdict in COUNTING_VERDICTS and cred.valid_until is None and cred.valid_from is None:
            counting.append(cand)  # the common case, decided without building a reason
            continue
        reason = pending_reason(cand, now)
        if reason is None:
            counting.append(cand)
        else:
            pending.append(Pending(cand.id, reason))
            pending_cands.append(cand)
    return counting, pending, pending_cands


_by_id = operator.attrgetter("id")
#: Builds a named tuple from a tuple of its fields without the generated ``__new__`` (a Python call).
_new_tuple: Any = tuple.__new__


def _pending_matches(
    target: Target, cands: Sequence[Candidate], open_components: Sequence[Component], now: datetime
) -> dict[str, tuple[str, ...]]:
    """Pending credentials that would fill each open component if they counted."""
    if not cands or not open_components:
        return {}
    index = index_for(cached_facts_batch([(c.id, c.credential) for c in cands], target.unit), cands[0].credential)
    return {comp.id: tuple(cands[i].id for i, _, _ in index.matches(comp, now, target.unit)) for comp in open_components}


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for one computation.

    A computation over 10,000 credentials allocates some 100,000 short-lived,
    acyclic objects (freed by reference counting anyway); each batch of
    allocations triggers collections that traverse the caller's whole heap
    (every credential), which measured as half the run time. The previous
    state is restored afterwards, so callers that disabled the collector
    themselves keep it disabled.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def progress(target: Target, candidates: Sequence[Candidate], now: datetime | None = None) -> Progress:
    """Allocate credentials to the target's components optimally and explain the result.

    Only candidates with a ``valid`` or ``valid-with-warnings`` verdict, inside
    their validity period at ``now``, count; the rest are listed as pending.
    """
    with _cyclic_gc_paused():
        return _progress(target, candidates, now)


def _progress(target: Target, candidates: Sequence[Candidate], now: datetime | None) -> Progress:
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    counting, pending, pending_cands = _split(candidates, now)
    facts: list[Facts] = cached_facts_batch([(c.id, c.credential) for c in counting], target.unit)
    index = index_for(facts, counting[0].credential if counting else None)
    comps = target.all_components()
    index.prepare(index_kinds(comps))
    edges: list[Edge] = []
    reasons: dict[tuple[int, int], tuple[Message, ...] | None] = {}
    matched: set[int] = set()
    for j, comp in enumerate(comps):
        found = index.matches(comp, now, target.unit)
        cap = comp.credits
        for cred, value, why in found:
            edge = _new_tuple(Edge, (cred, j, value if cap is None or value <= cap else cap))
            edges.append(edge)
            reasons[(cred, j)] = why
        matched.update([cred for cred, _, _ in found])
    values = [f.value for f in facts]
    solution = allocate(target, values, edges, list(range(len(facts))))

    chosen_by_comp: dict[int, list[tuple[int, float]]] = {}
    value_of = {(e.credential, e.component): e.value for e in edges}
    for cred, j, flow in solution.chosen:
        counted = flow if target.allow_sharing else value_of[(cred, j)]
        chosen_by_comp.setdefault(j, []).append((cred, counted))
    used = {cred for cred, _, _ in solution.chosen}

    statuses: list[ComponentStatus] = []
    for j, comp in enumerate(comps):
        got = chosen_by_comp.get(j, [])
        raw = sum(v for _, v in got)
        counted = min(raw, comp.required_credits) if comp.is_pool and comp.required_credits is not None else raw
        met = counted + _TOL >= (comp.required_credits or 0.0) if comp.is_pool else bool(got)
        statuses.append(
            ComponentStatus(
                id=comp.id,
                title=comp.title,
                group=comp.group,
                met=bool(got) and met,
                credits_counted=counted,
                credits_needed=comp.credit_cap,
                allocations=tuple(
                    Allocation(facts[c].id, reasons[(c, j)] or index.reasons(comp, c, now, target.unit))
                    for c, _ in got
                ),
            )
        )
    by_id = {s.id: s for s in statuses}
    units = sum(1 for s in statuses[: len(target.components)] if s.met)
    credits = sum(s.credits_counted for s in statuses[: len(target.components)])
    groups: list[GroupStatus] = []
    for g in target.groups:
        members = [by_id[c.id] for c in g.components]
        chosen = min(g.choose, sum(1 for s in members if s.met)) if g.choose else 0
        raw = sum(s.credits_counted for s in members)
        capped = min(raw, g.max_credits) if g.max_credits is not None else raw
        credit_ok = g.min_credits is None or raw + _TOL >= g.min_credits
        units += chosen + (1 if g.min_credits is not None and credit_ok else 0)
        credits += capped
        met = (not g.choose or chosen >= g.choose) and credit_ok
        groups.append(GroupStatus(g.id, g.title, g.choose, chosen, g.min_credits, capped, met))
    credits = round(credits, 6)  # sums of exact values; drops float noise such as 5.999999999
    if target.total > 0:
        credits = min(credits, target.total)
    shares = [units / target.units_total] if target.units_total else []
    if target.total > 0:
        shares.append(credits / target.total)
    fraction = min(1.0, sum(shares) / len(shares)) if shares else 0.0

    open_components = [comp for comp, status in zip(comps, statuses, strict=True) if not status.met]
    blocked = _pending_matches(target, pending_cands, open_components, now)
    gaps = find_gaps(target, statuses, groups, credits, blocked)
    return Progress(
        target=target,
        fraction=fraction,
        components_met=units,
        components_total=target.units_total,
        credits_counted=credits,
        credits_required=target.total,
        unit=target.unit,
        allocations={s.id: s.allocations for s in statuses},
        gaps=gaps,
        pending=tuple(pending),
        components=tuple(statuses),
        groups=tuple(groups),
        spare=tuple(facts[c].id for c in sorted(matched - used)),
        optimal=solution.optimal,
        as_of=now,
    )
