"""Explaining progress: what is missing, ordered by what it would add, and a text view.

A progress bar alone does not help a learner decide what to do next. Each
:class:`Gap` names the requirement, the units and credits closing it would
add, the ESCO skills and rules it asks for, and any pending credential that
would fill it once it verifies. Gaps are ordered by ``gain``, the increase of
the progress fraction closing the gap alone would bring.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wallet.model import LangMap, pick_lang
from wallet.stacking.rules import describe_rules
from wallet.stacking.target import Component, Target

if TYPE_CHECKING:  # imported for annotations only: progress imports this module
    from wallet.stacking.progress import ComponentStatus, GroupStatus, Progress

_TOL = 1e-6


@dataclass(frozen=True)
class Gap:
    """One unmet requirement and what closing it takes."""

    kind: str  # "component", "group" or "credits"
    id: str  # component or group id; the target id for a credits gap
    title: LangMap
    units: int  # units closing it adds
    credits: float  # credits closing it adds (at least)
    gain: float  # increase of the progress fraction
    needs: tuple[str, ...] = ()  # the rules, in words
    skills: tuple[str, ...] = ()  # ESCO skills asked for
    options: tuple[str, ...] = ()  # for a group: the components still open
    blocked_by: tuple[str, ...] = field(default=())  # pending credentials that would fill it

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "title": dict(self.title),
            "units": self.units,
            "credits": round(self.credits, 6),
            "gain": round(self.gain, 6),
            "needs": list(self.needs),
            "skills": list(self.skills),
            "options": list(self.options),
            "blockedBy": list(self.blocked_by),
        }


def _weights(target: Target) -> tuple[float, float]:
    shares = (1 if target.units_total else 0) + (1 if target.total > 0 else 0)
    if not shares:
        return 0.0, 0.0
    unit_w = 1.0 / (target.units_total * shares) if target.units_total else 0.0
    credit_w = 1.0 / (target.total * shares) if target.total > 0 else 0.0
    return unit_w, credit_w


def _missing_credits(comp: Component, status: ComponentStatus) -> float:
    cap = comp.credit_cap
    return max(0.0, cap - status.credits_counted) if cap is not None else 0.0


def find_gaps(
    target: Target,
    statuses: Sequence[ComponentStatus],
    groups: Sequence[GroupStatus],
    credits_counted: float,
    blocked: Mapping[str, tuple[str, ...]],
) -> tuple[Gap, ...]:
    """Every unmet requirement, most useful first (gain, then units, credits, id)."""
    unit_w, credit_w = _weights(target)
    room = max(0.0, target.total - credits_counted) if target.total > 0 else 0.0
    by_id = {s.id: s for s in statuses}

    def gain(units: int, credits: float) -> float:
        return units * unit_w + min(credits, room) * credit_w

    gaps: list[Gap] = []
    for comp in target.components:
        status = by_id[comp.id]
        if status.met:
            continue
        missing = _missing_credits(comp, status)
        gaps.append(
            Gap("component", comp.id, comp.title, 1, missing, gain(1, missing),
                describe_rules(comp.rules, target.unit), comp.rules.esco_skills, (), blocked.get(comp.id, ()))
        )
    for group, gstat in zip(target.groups, groups, strict=True):
        if gstat.met:
            continue
        open_members = [c for c in group.components if not by_id[c.id].met]
        units = (group.choose - gstat.chosen) if group.choose else 0
        member_credits = sorted(_missing_credits(c, by_id[c.id]) for c in open_members)
        credits = sum(member_credits[:units])
        if group.min_credits is not None:
            raw = sum(by_id[c.id].credits_counted for c in group.components)
            if raw + _TOL < group.min_credits:
                units += 1
                credits = max(credits, group.min_credits - raw)
        skills = tuple(dict.fromkeys(s for c in open_members for s in c.rules.esco_skills))
        waiting = tuple(dict.fromkeys(p for c in open_members for p in blocked.get(c.id, ())))
        needs = tuple(
            f"{pick_lang(c.title) or c.id}: " + "; ".join(describe_rules(c.rules, target.unit)) for c in open_members
        )
        gaps.append(
            Gap("group", group.id, group.title, units, credits, gain(units, credits), needs, skills,
                tuple(c.id for c in open_members), waiting)
        )
    if target.total > 0:
        residual = room - sum(g.credits for g in gaps)
        if residual > _TOL:
            gaps.append(
                Gap("credits", target.id, target.title, 0, residual, gain(0, residual),
                    (f"{residual:g} more {target.unit} from credentials that count towards this target",))
            )
    return tuple(sorted(gaps, key=lambda g: (-round(g.gain, 9), -g.units, -g.credits, g.id)))


def render_text(progress: Progress, prefs: Sequence[str] = ()) -> list[str]:
    """A plain-text report of one target's progress (the CLI prints it)."""
    t = progress.target
    lines = [
        f"{pick_lang(t.title, prefs)} [{t.id}]{' (bundled)' if t.bundled else ''}",
        f"  progress {progress.fraction * 100:.0f}%: {progress.components_met}/{progress.components_total} "
        f"requirements met"
        + (f", {progress.credits_counted:g}/{progress.credits_required:g} {progress.unit}"
           if progress.credits_required > 0 else ""),
    ]
    if not progress.optimal:
        lines.append("  note: the solver could not prove this allocation optimal; it may not be the best one")
    group_of = {g.id: g for g in progress.groups}
    current_group: str | None = None
    for status in progress.components:
        if status.group != current_group and status.group is not None:
            g = group_of[status.group]
            rule = []
            if g.choose:
                rule.append(f"choose {g.choose}, {g.chosen} chosen")
            if g.min_credits is not None:
                rule.append(f"at least {g.min_credits:g} {progress.unit}, {g.credits_counted:g} counted")
            lines.append(f"  group {pick_lang(g.title, prefs)} ({'; '.join(rule)}){' - met' if g.met else ''}")
        current_group = status.group
        indent = "    " if status.group else "  "
        mark = "x" if status.met else ("~" if status.allocations else " ")
        credit = f" {status.credits_counted:g}/{status.credits_needed:g} {progress.unit}" if status.credits_needed else ""
        lines.append(f"{indent}[{mark}] {pick_lang(status.title, prefs) or status.id}{credit}")
        for alloc in status.allocations:
            lines.append(f"{indent}      <- {alloc.credential_id}: {'; '.join(alloc.reasons)}")
    if progress.gaps:
        lines.append("  missing (most useful first):")
        for gap in progress.gaps:
            what = [f"{gap.units} requirement{'s' if gap.units != 1 else ''}"] if gap.units else []
            if gap.credits > _TOL:
                what.append(f"{gap.credits:g} {progress.unit}")
            lines.append(f"    - {pick_lang(gap.title, prefs) or gap.id}: {', '.join(what)}")
            for need in gap.needs:
                lines.append(f"        needs {need}")
            if gap.blocked_by:
                lines.append(f"        would be filled by pending {', '.join(gap.blocked_by)}")
    for item in progress.pending:
        lines.append(f"  pending {item.credential_id}: {item.reason}")
    return lines
