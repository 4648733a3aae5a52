"""Explaining progress: what is missing, ordered by what it would add, and a text view.

A progress bar alone does not help a learner decide what to do next. Each
:class:`Gap` names the requirement, the units and credits closing it would
add, the ESCO skills and rules it asks for, and any pending credential that
would fill it once it verifies. Gaps are ordered by ``gain``, the increase of
the progress fraction closing the gap alone would bring.

Everything a learner reads is a catalogue message (``stacking.*``), rendered
in the reader's language by the CLI (``wallet progress --lang sl``) and the
app alike: "counts because: it is at EQF level 6 …", "missing: Final project
— 12 ECTS", "needs to be awarded in the last 3 years". The numbers agree with
each other: a requirement that is met is never shown as "4/6".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wallet.messages import Message, msg, render, text
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
    needs: tuple[Message, ...] = ()  # the rules, in words (for a group: how many of its options)
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
            "needs": [render(n) for n in self.needs],
            "needMessages": [n.to_json() for n in self.needs],
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
        needs: tuple[Message, ...] = ()
        if units:
            needs += (msg("stacking.need.choose", count=max(units, 1)),)
        if group.min_credits is not None:
            needs += (msg("stacking.need.group_credits", value=group.min_credits, unit=target.unit),)
        gaps.append(
            Gap("group", group.id, group.title, units, credits, gain(units, credits), needs, skills,
                tuple(c.id for c in open_members), waiting)
        )
    if target.total > 0:
        residual = room - sum(g.credits for g in gaps)
        if residual > _TOL:
            gaps.append(
                Gap("credits", target.id, target.title, 0, residual, gain(0, residual),
                    (msg("stacking.need.more_credits", value=residual, unit=target.unit),))
            )
    return tuple(sorted(gaps, key=lambda g: (-round(g.gain, 9), -g.units, -g.credits, g.id)))


def counts_because(reasons: Sequence[Message], langs: Sequence[str]) -> str:
    """"counts because: its title is …; it is at EQF level 6 …" in the reader's language."""
    joined = "; ".join(render(r, langs) for r in reasons)
    return render(msg("stacking.counts_because", reasons=text(joined)), langs)


def component_line(status: ComponentStatus, unit: str) -> Message:
    """A requirement's state with numbers that agree with it.

    A met slot shows what it counted ("met — 4 ECTS counted"), never "4/6":
    the slot's nominal credits only cap what it counts. A pool shows how far
    it is ("4 of 10 ECTS so far").
    """
    counted, needed = status.credits_counted, status.credits_needed
    if status.met:
        return msg("stacking.status.met_credits", value=counted, unit=unit) if counted > _TOL \
            else msg("stacking.status.met")
    if status.allocations and needed:
        return msg("stacking.status.partly", value=counted, needed=needed, unit=unit)
    if needed:
        return msg("stacking.status.missing_credits", needed=needed, unit=unit)
    return msg("stacking.status.missing")


def progress_line(progress: Progress) -> Message:
    """"58 % — 4 of 7 requirements met, 35 of 60 ECTS"."""
    percent = int(round(progress.fraction * 100))
    if progress.credits_required > 0:
        return msg("stacking.summary_credits", percent=percent, met=progress.components_met,
                   count=progress.components_total, value=progress.credits_counted,
                   needed=progress.credits_required, unit=progress.unit)
    return msg("stacking.summary", percent=percent, met=progress.components_met, count=progress.components_total)


def gap_line(gap: Gap, title: str, unit: str) -> Message:
    """"missing: Final project — 12 ECTS" (what closing the gap adds)."""
    if gap.kind == "credits":
        return msg("stacking.gap.credits", value=gap.credits, unit=unit)
    if gap.credits > _TOL:
        return msg("stacking.gap.credits_of", title=title, value=gap.credits, unit=unit)
    return msg("stacking.gap.plain", title=title)


def render_text(progress: Progress, prefs: Sequence[str] = (), langs: Sequence[str] | None = None,
                titles: Mapping[str, str] | None = None) -> list[str]:
    """A plain-text report of one target's progress (the CLI prints it), in the reader's language.

    ``langs`` defaults to ``prefs`` (the languages of the target's titles);
    ``titles`` names credentials by their title instead of their wallet id.
    """
    langs = tuple(langs or prefs or ("en",))
    t = progress.target

    def say(message: Message) -> str:
        return render(message, langs)

    def name(credential_id: str) -> str:
        return (titles or {}).get(credential_id) or credential_id

    head = pick_lang(t.title, prefs or langs)
    lines = [head + (f" ({say(msg('stacking.bundled'))})" if t.bundled else ""), "  " + say(progress_line(progress))]
    if not progress.optimal:
        lines.append("  " + say(msg("stacking.not_optimal")))
    group_of = {g.id: g for g in progress.groups}
    current_group: str | None = None
    for status in progress.components:
        if status.group != current_group and status.group is not None:
            g = group_of[status.group]
            rule = []
            if g.choose:
                rule.append(say(msg("stacking.group.choose", count=g.choose, chosen=g.chosen)))
            if g.min_credits is not None:
                rule.append(say(msg("stacking.group.credits", value=g.min_credits, counted=g.credits_counted,
                                    unit=progress.unit)))
            met = f" — {say(msg('stacking.status.met'))}" if g.met else ""
            lines.append(f"  {pick_lang(g.title, prefs or langs)} ({'; '.join(rule)}){met}")
        current_group = status.group
        indent = "    " if status.group else "  "
        mark = "x" if status.met else ("~" if status.allocations else " ")
        lines.append(f"{indent}[{mark}] {pick_lang(status.title, prefs or langs) or status.id}: "
                     f"{say(component_line(status, progress.unit))}")
        for alloc in status.allocations:
            lines.append(f"{indent}      <- {name(alloc.credential_id)}: {counts_because(alloc.reasons, langs)}")
    if progress.gaps:
        lines.append("  " + say(msg("stacking.missing_heading")))
        components = {c.id: c for c in progress.target.all_components()}
        for gap in progress.gaps:
            title = pick_lang(gap.title, prefs or langs) or gap.id
            lines.append(f"    - {say(gap_line(gap, title, progress.unit))}")
            for need in gap.needs:
                lines.append(f"        {say(msg('stacking.needs', need=need))}")
            for option in gap.options:
                comp = components.get(option)
                if comp is None:
                    continue
                rules = "; ".join(say(n) for n in describe_rules(comp.rules, progress.unit))
                option_title = pick_lang(comp.title, prefs or langs) or comp.id
                lines.append(f"        - {option_title}" + (f": {rules}" if rules else ""))
            if gap.blocked_by:
                lines.append("        " + say(msg("stacking.blocked_by",
                                                     names=", ".join(name(b) for b in gap.blocked_by))))
    for item in progress.pending:
        lines.append(f"  {say(msg('stacking.pending_line', name=name(item.credential_id), reason=item.reason))}")
    return lines
