"""Small builders for stacking tests: credentials, candidates and targets in a line each."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from wallet.model import (
    Achievement,
    Credential,
    CredentialFormat,
    Issuer,
    LearningOutcome,
    Verdict,
)
from wallet.stacking import Candidate, Target, load_target

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def credential(
    title: str | dict[str, str] = "Course",
    *,
    credits: float | None = None,
    hours: float | None = None,
    eqf: int | None = None,
    skills: Sequence[str] = (),
    outcomes: Sequence[tuple[str, Sequence[str]]] = (),
    spec: str | None = None,
    ach_id: str | None = None,
    issuer: str = "did:web:issuer.example",
    awarded: datetime | None = None,
    valid_until: datetime | None = None,
) -> Credential:
    titles = {"en": title} if isinstance(title, str) else dict(title)
    ach = Achievement(
        id=ach_id,
        title=titles,
        specification_id=spec,
        credits=credits,
        credit_framework="ECTS" if credits is not None else None,
        volume_of_learning_hours=hours,
        eqf_level=eqf,
        esco_skills=tuple(skills),
        learning_outcomes=tuple(LearningOutcome(title={"en": "outcome"}, id=i, esco_skills=tuple(s)) for i, s in outcomes),
        awarded_on=awarded,
    )
    return Credential(
        format=CredentialFormat.VC_LDP,
        raw=b"{}",
        id=f"urn:test:{titles.get('en', 'x')}",
        issuer=Issuer(id=issuer, name={"en": "Issuer"}),
        title=titles,
        issued=awarded or datetime(2025, 1, 1, tzinfo=UTC),
        valid_until=valid_until,
        achievements=(ach,),
    )


def cand(cid: str, verdict: Verdict = Verdict.VALID, reason: str = "", **kwargs: Any) -> Candidate:
    kwargs.setdefault("title", cid)
    return Candidate(cid, credential(**kwargs), verdict, reason)


def comp(cid: str, *, credits: float | None = None, need: float | None = None, **rules: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"id": cid, "title": {"en": cid}, "match": rules or {"identifiers": [cid]}}
    if credits is not None:
        data["credits"] = credits
    if need is not None:
        data["requiredCredits"] = need
    return data


def target(components: Sequence[dict[str, Any]] = (), groups: Sequence[dict[str, Any]] = (),
           total: float | None = None, unit: str = "ECTS", sharing: bool = False) -> Target:
    data: dict[str, Any] = {"id": "urn:test:target", "title": {"en": "Test target"}}
    if components:
        data["components"] = list(components)
    if groups:
        data["groups"] = list(groups)
    if total is not None:
        data["total"] = {"amount": total, "unit": unit}
    if sharing:
        data["allowSharing"] = True
    return load_target(data)


def group(gid: str, members: Sequence[dict[str, Any]], *, choose: int | None = None,
          min_credits: float | None = None, max_credits: float | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"id": gid, "title": {"en": gid}, "components": list(members)}
    if choose is not None:
        data["choose"] = choose
    if min_credits is not None:
        data["minCredits"] = min_credits
    if max_credits is not None:
        data["maxCredits"] = max_credits
    return data


def evaluate(t: Target, assign: dict[str, list[float]]) -> tuple[int, float] | None:
    """Independent scorer of an allocation: (units met, credits counted), None if not allowed.

    ``assign`` maps a component id to the credit values counted there (a
    slot's values already capped by its nominal credits). Written from the
    documented semantics, not from the engine, so tests can compare the two.
    """

    def score(c: Any, vals: list[float]) -> tuple[float, bool] | None:
        if c.is_pool:
            return min(sum(vals), c.required_credits), bool(vals) and sum(vals) + 1e-9 >= c.required_credits
        if len(vals) > 1:
            return None
        return sum(vals), bool(vals)

    units, credits = 0, 0.0
    for c in t.components:
        got = score(c, assign.get(c.id, []))
        if got is None:
            return None
        credits += got[0]
        units += got[1]
    for g in t.groups:
        members = [score(c, assign.get(c.id, [])) for c in g.components]
        if any(m is None for m in members):
            return None
        used = sum(1 for c in g.components if assign.get(c.id))
        if g.choose and used > g.choose:
            return None
        if g.choose:
            units += min(g.choose, sum(1 for m in members if m and m[1]))
        raw = sum(m[0] for m in members if m)
        if g.min_credits is not None and raw + 1e-9 >= g.min_credits:
            units += 1
        credits += min(raw, g.max_credits) if g.max_credits is not None else raw
    if t.total > 0:
        credits = min(credits, t.total)
    return units, round(credits, 6)


def greedy(t: Target, credits: dict[str, float], matches: dict[str, list[str]]) -> tuple[int, float] | None:
    """First-fit allocation: components in order; a slot takes the first credential by id, a pool the largest first."""
    used: set[str] = set()
    assign: dict[str, list[float]] = {}

    def value(c: Any, cred: str) -> float:
        v = credits[cred]
        return min(v, c.credits) if c.credits is not None else v

    def fill(c: Any) -> None:
        options = sorted((x for x in matches.get(c.id, []) if x not in used), key=lambda x: (-credits[x], x))
        if not c.is_pool:
            options = sorted(options)[:1]
        for x in options:
            if c.is_pool and sum(assign.get(c.id, [])) >= c.required_credits:
                break
            assign.setdefault(c.id, []).append(value(c, x))
            used.add(x)

    for c in t.components:
        fill(c)
    for g in t.groups:
        for c in g.components:
            if g.choose and sum(1 for m in g.components if assign.get(m.id)) >= g.choose:
                break
            fill(c)
    return evaluate(t, assign)


@contextlib.contextmanager
def reduction_off() -> Iterator[None]:
    """Turn the exact edge reduction off (every useful candidate kept), to compare against it."""
    from wallet.stacking import allocate

    original = allocate.reduce_edges

    def keep_all(t: Any, edges: Sequence[allocate.Edge], rank: Sequence[int]) -> list[allocate.Edge]:
        comps = t.all_components()
        return [e for e in edges if e.value > 1e-6 or not comps[e.component].is_pool]

    allocate.reduce_edges = keep_all  # type: ignore[assignment]
    try:
        yield
    finally:
        allocate.reduce_edges = original  # type: ignore[assignment]


@contextlib.contextmanager
def solver_order(order: Sequence[str]) -> Iterator[None]:
    """Solve every stage with only these methods (see ``wallet.stacking.milp.ORDER``)."""
    from wallet.stacking import milp

    original = milp.ORDER
    milp.ORDER = tuple(order)
    try:
        yield
    finally:
        milp.ORDER = original
