"""Target qualifications: what a learner stacks credentials towards.

A target is plain data (frozen dataclasses) built from the JSON format that
``docs/TARGETS.md`` documents and ``resources/schemas/target.schema.json``
checks. Parsing here assumes the document already passed the schema
(:mod:`wallet.stacking.schema` does both); it only adds the checks a JSON
Schema cannot express (unique ids, regexes that compile, durations).

Vocabulary used everywhere in the stacking engine:

* a **component** is one requirement slot, matched by :class:`Rules`. It is
  either a *slot* (filled by one credential) or a *pool* (``requiredCredits``:
  filled by as many credentials as it takes to reach that many credits);
* a **group** holds elective components: ``choose`` k of them must be met,
  and/or at least ``minCredits`` must come from them;
* a **unit** is one countable step of progress: each required component,
  each of the k choices of a group, and a group's credit threshold.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from wallet.errors import InputError
from wallet.model import LangMap
from wallet.stacking.patterns import check_title_pattern

#: Units a target's total requirement can be expressed in.
UNIT_ECTS = "ECTS"
UNIT_HOURS = "hours"

_DURATION = re.compile(
    r"^P(?:(?P<y>\d+)Y)?(?:(?P<m>\d+)M)?(?:(?P<w>\d+)W)?(?:(?P<d>\d+)D)?$"
)


#: The longest maxAge accepted: 1,000 years. Longer would mean "any age" (give no maxAge),
#: and "now minus maxAge" must stay a date Python can represent (year 1 or later).
MAX_AGE_DAYS = 365_000


def parse_max_age(value: str | int) -> timedelta:
    """An ISO 8601 date duration (``P5Y``, ``P18M``, ``P2W``, ``P90D``) or a number of days.

    Years count as 365 days and months as 30: a maximum age is a policy
    threshold, not a calendar computation, and a fixed length keeps results
    reproducible. At most :data:`MAX_AGE_DAYS`; anything else is an InputError.
    """
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InputError("maxAge must be a duration like 'P5Y' or a number of days")
    if isinstance(value, int):
        days = value
        shown = str(value) if abs(value) < 10**12 else "(a huge number)"  # str() of a huge int raises
    else:
        if len(value) > 40:
            raise InputError("maxAge is too long to be a duration like 'P5Y', 'P18M' or 'P90D'")
        found = _DURATION.match(value)
        if not found or value == "P":
            raise InputError(f"maxAge {value!r} is not a duration like 'P5Y', 'P18M' or 'P90D'")
        parts = {k: int(v) if v else 0 for k, v in found.groupdict().items()}
        days = parts["y"] * 365 + parts["m"] * 30 + parts["w"] * 7 + parts["d"]
        shown = repr(value)
    if days <= 0:
        raise InputError(f"maxAge {shown} must be longer than zero days")
    if days > MAX_AGE_DAYS:
        raise InputError(f"maxAge {shown} is longer than 1,000 years; leave maxAge out to accept any age")
    return timedelta(days=days)


@dataclass(frozen=True)
class Rules:
    """How a component recognises a credential. Every rule given must hold.

    Within a list rule any entry suffices (``skillsMatch: "all"`` makes the
    ESCO skills rule need every listed skill). ``alternatives`` (``anyOf`` in
    JSON) expresses "this id *or* this title", which an ELM import needs.
    """

    identifiers: tuple[str, ...] = ()  # achievement or specification ids
    titles: tuple[str, ...] = ()  # exact titles, case and spacing ignored, any language
    title_pattern: str | None = None  # regex, case-insensitive, any language
    esco_skills: tuple[str, ...] = ()
    skills_match_all: bool = False
    learning_outcomes: tuple[str, ...] = ()  # learning outcome ids (URIs)
    issuers: tuple[str, ...] = ()  # issuer or awarding body ids
    min_eqf_level: int | None = None
    min_credits: float | None = None  # in the target's unit
    max_age: timedelta | None = None
    max_age_text: str | None = None  # as written, for explanations
    alternatives: tuple[Rules, ...] = ()  # "anyOf": at least one must hold as well

    @property
    def is_empty(self) -> bool:
        return not (
            self.alternatives
            or self.identifiers
            or self.titles
            or self.title_pattern
            or self.esco_skills
            or self.learning_outcomes
            or self.issuers
            or self.min_eqf_level is not None
            or self.min_credits is not None
            or self.max_age is not None
        )


@dataclass(frozen=True)
class Component:
    """One requirement: a slot (one credential) or a pool (``required_credits``)."""

    id: str
    title: LangMap
    rules: Rules
    credits: float | None = None  # nominal value of a slot; caps what it counts
    required_credits: float | None = None  # makes the component a pool
    description: LangMap = field(default_factory=dict)
    group: str | None = None  # id of the elective group holding it

    @property
    def is_pool(self) -> bool:
        return self.required_credits is not None

    @property
    def credit_cap(self) -> float | None:
        """The most credits this component can count towards the total."""
        return self.required_credits if self.is_pool else self.credits


@dataclass(frozen=True)
class Group:
    """Electives: choose ``choose`` of ``components`` and/or reach ``min_credits``."""

    id: str
    title: LangMap
    components: tuple[Component, ...]
    choose: int | None = None
    min_credits: float | None = None
    max_credits: float | None = None  # cap on what the group counts towards the total
    description: LangMap = field(default_factory=dict)

    @property
    def units(self) -> int:
        return (self.choose or 0) + (1 if self.min_credits is not None else 0)


@dataclass(frozen=True)
class Framework:
    """Where the qualification sits: EQF/NQF levels and its type."""

    eqf_level: int | None = None
    nqf_level: str | None = None
    qualification_type: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Target:
    """A target qualification: required components, elective groups, a total."""

    id: str
    title: LangMap
    components: tuple[Component, ...]
    groups: tuple[Group, ...] = ()
    total: float = 0.0  # 0 means no credit total is required
    unit: str = UNIT_ECTS
    allow_sharing: bool = False
    framework: Framework = field(default_factory=Framework)
    description: LangMap = field(default_factory=dict)
    document: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)  # as loaded
    bundled: bool = False

    def all_components(self) -> tuple[Component, ...]:
        """Required components first, then each group's, in document order."""
        return self.components + tuple(c for g in self.groups for c in g.components)

    @property
    def units_total(self) -> int:
        return len(self.components) + sum(g.units for g in self.groups)

    def component(self, component_id: str) -> Component:
        for comp in self.all_components():
            if comp.id == component_id:
                return comp
        raise KeyError(component_id)


def _langmap(value: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in (value or {}).items()}


def _rules(data: Mapping[str, Any], where: str) -> Rules:
    pattern = data.get("titlePattern")
    if pattern is not None:
        check_title_pattern(pattern, f"{where}.titlePattern")
    max_age_raw = data.get("maxAge")
    max_age = None
    if max_age_raw is not None:
        try:
            max_age = parse_max_age(max_age_raw)
        except InputError as exc:
            raise InputError(f"{where}: {exc}") from exc
    rules = Rules(
        identifiers=tuple(data.get("identifiers", ())),
        titles=tuple(data.get("titles", ())),
        title_pattern=pattern,
        esco_skills=tuple(data.get("escoSkills", ())),
        skills_match_all=data.get("skillsMatch", "any") == "all",
        learning_outcomes=tuple(data.get("learningOutcomes", ())),
        issuers=tuple(data.get("issuers", ())),
        min_eqf_level=data.get("minEqfLevel"),
        min_credits=float(data["minCredits"]) if "minCredits" in data else None,
        max_age=max_age,
        max_age_text=str(max_age_raw) if max_age_raw is not None else None,
        alternatives=tuple(
            _rules(alt, f"{where}.anyOf[{i}]") for i, alt in enumerate(data.get("anyOf", ()))
        ),
    )
    if rules.is_empty:
        raise InputError(f"{where} has no rule; give at least one (identifiers, titlePattern, ...)")
    return rules


def _component(data: Mapping[str, Any], where: str, group: str | None) -> Component:
    return Component(
        id=data["id"],
        title=_langmap(data.get("title")),
        rules=_rules(data["match"], f"{where}.match"),
        credits=float(data["credits"]) if "credits" in data else None,
        required_credits=float(data["requiredCredits"]) if "requiredCredits" in data else None,
        description=_langmap(data.get("description")),
        group=group,
    )


def target_from_dict(data: Mapping[str, Any], *, bundled: bool = False) -> Target:
    """Build a :class:`Target` from a schema-valid document; semantic errors raise InputError."""
    components = tuple(
        _component(c, f"components[{i}]", None) for i, c in enumerate(data.get("components", ()))
    )
    groups = []
    for gi, g in enumerate(data.get("groups", ())):
        members = tuple(
            _component(c, f"groups[{gi}].components[{ci}]", g["id"]) for ci, c in enumerate(g["components"])
        )
        choose = g.get("choose")
        if choose is not None and choose > len(members):
            raise InputError(
                f"groups[{gi}] ({g['id']}) asks to choose {choose} of only {len(members)} components"
            )
        if choose is None and "minCredits" not in g:
            raise InputError(f"groups[{gi}] ({g['id']}) needs 'choose' or 'minCredits'")
        min_c = float(g["minCredits"]) if "minCredits" in g else None
        max_c = float(g["maxCredits"]) if "maxCredits" in g else None
        if min_c is not None and max_c is not None and max_c < min_c:
            raise InputError(f"groups[{gi}] ({g['id']}) has maxCredits below minCredits")
        groups.append(
            Group(
                id=g["id"],
                title=_langmap(g.get("title")),
                components=members,
                choose=choose,
                min_credits=min_c,
                max_credits=max_c,
                description=_langmap(g.get("description")),
            )
        )
    seen: set[str] = set()
    for ident in [c.id for c in components] + [g.id for g in groups] + [m.id for g in groups for m in g.components]:
        if ident in seen:
            raise InputError(f"the id {ident!r} is used twice in the target; component and group ids must be unique")
        seen.add(ident)
    if not components and not groups:
        raise InputError("a target needs at least one component or group")
    total = data.get("total") or {}
    fw = data.get("framework") or {}
    return Target(
        id=data["id"],
        title=_langmap(data.get("title")),
        components=components,
        groups=tuple(groups),
        total=float(total.get("amount", 0.0)),
        unit=total.get("unit", UNIT_ECTS),
        allow_sharing=bool(data.get("allowSharing", False)),
        framework=Framework(
            eqf_level=fw.get("eqfLevel"),
            nqf_level=fw.get("nqfLevel"),
            qualification_type=fw.get("qualificationType"),
            country=fw.get("country"),
        ),
        description=_langmap(data.get("description")),
        document=dict(data),
        bundled=bundled,
    )
