"""Matching credentials against a component's rules, with the reasons why.

Each credential is reduced once per progress computation to
:class:`Facts` (sets of ids, skills, titles, a date, a credit value per
achievement), so a rule check is a few set look-ups.
:mod:`wallet.stacking.index` then finds the few credentials worth checking.

A credential matches a component when one of its achievements satisfies every
rule the component states. The reasons returned say which rule matched and on
what value, because the user needs to see *why* a credential counts.
"""

from __future__ import annotations

import functools
import math
import re
import weakref
from datetime import UTC, datetime
from typing import NamedTuple

from wallet.model import Achievement, Credential
from wallet.stacking.patterns import MAX_PATTERN_TEXT
from wallet.stacking.target import UNIT_HOURS, Rules


class AchievementFacts(NamedTuple):
    """What the rules look at in one achievement (plus its credential's envelope).

    A named tuple of tuples rather than a frozen dataclass of frozensets: it is
    built for every credential (10,000 in the benchmark); a frozen dataclass's
    ``__init__`` and the garbage collector's traversal of thousands of sets
    (tuples of strings are untracked) cost more than the whole solve. The
    tuples are short, so membership tests stay cheap.
    """

    identifiers: tuple[str, ...]
    titles: tuple[tuple[str, str], ...]  # (language, text), credential title included
    skills: tuple[str, ...]
    outcomes: tuple[str, ...]
    issuers: tuple[str, ...]
    eqf_level: int | None
    value: float  # credits in the target's unit; 0 when not stated
    date: datetime | None  # awarded / issued / valid-from, whichever is known first


class Facts(NamedTuple):
    """One credential as the matcher sees it."""

    id: str
    achievements: tuple[AchievementFacts, ...]

    @property
    def value(self) -> float:
        """The most credits any achievement of the credential carries."""
        return max((a.value for a in self.achievements), default=0.0)


def title_key(text: str) -> str:
    """A title compared for the ``titles`` rule: case and runs of whitespace ignored."""
    key = text.strip().casefold()
    if "  " in key or "\t" in key or "\n" in key or "\r" in key:
        key = " ".join(key.split())
    return key


@functools.lru_cache(maxsize=4096)
def title_keys(titles: tuple[str, ...]) -> frozenset[str]:
    return frozenset(title_key(t) for t in titles)


def _aware(when: datetime | None) -> datetime | None:
    if when is None:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


#: More credits (or hours) than any achievement carries; also the target schema's cap on a figure.
MAX_VALUE = 100_000.0


def achievement_value(achievement: Achievement, unit: str) -> float:
    """Credits of an achievement in the target's unit (ECTS or hours); 0 if not stated.

    No conversion between hours and ECTS: 1 ECTS is 25 to 30 hours depending
    on the country, so converting would invent precision the credential lacks.
    A figure that is not a finite, non-negative number counts as not stated,
    and one above :data:`MAX_VALUE` counts as that much: a credential is
    hostile input, and NaN or 1e300 credits would otherwise reach the solver
    (HiGHS reports such a model infeasible).
    """
    raw = achievement.volume_of_learning_hours if unit == UNIT_HOURS else achievement.ects
    try:
        value = float(raw or 0.0)
    except (TypeError, ValueError, OverflowError):
        return 0.0
    if not math.isfinite(value) or value <= 0.0:
        return 0.0
    return min(value, MAX_VALUE)


def _present(first: str | None, second: str | None) -> tuple[str, ...]:
    """The one or two values that are set, without repeating an equal second one."""
    if first and second and second != first:
        return (first, second)
    value = first or second
    return (value,) if value else ()


def facts_of(credential_id: str, credential: Credential, unit: str) -> Facts:
    """Reduce a credential to the facts the rules need (hot path: kept lean)."""
    envelope_titles = tuple((lang, text) for lang, text in credential.title.items() if text)
    cred_issuer = credential.issuer.id
    date_fallback = _aware(credential.issued or credential.valid_from)
    achievements = credential.achievements or (Achievement(title=credential.title),)
    out = []
    for ach in achievements:
        skills = tuple(ach.esco_skills)
        outcomes: tuple[str, ...] = ()
        if ach.learning_outcomes:
            extra = tuple(s for o in ach.learning_outcomes for s in o.esco_skills if s not in skills)
            skills = skills + tuple(dict.fromkeys(extra))
            outcomes = tuple(o.id for o in ach.learning_outcomes if o.id)
        body = ach.awarding_body.id if ach.awarding_body is not None else None
        issuers = _present(cred_issuer, body)
        own = tuple((lang, text) for lang, text in ach.title.items() if text and (lang, text) not in envelope_titles)
        out.append(
            AchievementFacts(
                _present(ach.id, ach.specification_id),
                envelope_titles + own if own else envelope_titles,
                skills,
                outcomes,
                issuers,
                ach.eqf_level,
                achievement_value(ach, unit),
                _aware(ach.awarded_on) or date_fallback,
            )
        )
    return Facts(credential_id, tuple(out))


_FACTS_CACHE: dict[tuple[int, str, str], tuple[weakref.ref[Credential], Facts]] = {}


def cached_facts(credential_id: str, credential: Credential, unit: str) -> Facts:
    """:func:`facts_of`, remembered for as long as the credential object lives.

    Credentials are immutable, so their facts never change; progress is often
    computed for several targets over the same candidates (``wallet progress``
    shows every target), and reducing 10,000 credentials costs more than the
    solver. The weak reference both validates a hit (an ``id()`` can be reused
    after an object dies) and evicts the entry when the credential goes away.
    """
    key = (id(credential), credential_id, unit)
    hit = _FACTS_CACHE.get(key)
    if hit is not None and hit[0]() is credential:
        return hit[1]
    facts = facts_of(credential_id, credential, unit)

    def evict(ref: weakref.ref[Credential], key: tuple[int, str, str] = key) -> None:
        entry = _FACTS_CACHE.get(key)
        if entry is not None and entry[0] is ref:
            del _FACTS_CACHE[key]

    _FACTS_CACHE[key] = (weakref.ref(credential, evict), facts)
    return facts


def _fmt(value: float) -> str:
    return f"{value:g}"


@functools.lru_cache(maxsize=1024)
def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Title patterns are case-insensitive; compiled once per process."""
    return re.compile(pattern, re.IGNORECASE)


def match_achievement(rules: Rules, facts: AchievementFacts, now: datetime, unit: str) -> tuple[str, ...] | None:
    """The reasons every rule holds for this achievement, or ``None`` if one fails."""
    reasons: list[str] = []
    pattern = compile_pattern(rules.title_pattern) if rules.title_pattern else None
    if rules.identifiers:
        hit = sorted(i for i in set(rules.identifiers) if i in facts.identifiers)
        if not hit:
            return None
        reasons.append(f"identifier {hit[0]} is listed")
    if rules.titles:
        wanted = title_keys(rules.titles)
        listed = next(((lang, t) for lang, t in facts.titles if title_key(t) in wanted), None)
        if listed is None:
            return None
        reasons.append(f"title '{listed[1]}' ({listed[0]}) is listed")
    if pattern is not None:
        title_hit = next(((lang, t) for lang, t in facts.titles if pattern.search(t[:MAX_PATTERN_TEXT])), None)
        if title_hit is None:
            return None
        reasons.append(f"title '{title_hit[1]}' ({title_hit[0]}) matches /{pattern.pattern}/")
    if rules.esco_skills:
        have = sorted(k for k in set(rules.esco_skills) if k in facts.skills)
        if not have or (rules.skills_match_all and len(have) < len(set(rules.esco_skills))):
            return None
        reasons.append("ESCO skill" + ("s " if len(have) > 1 else " ") + ", ".join(have))
    if rules.learning_outcomes:
        outcomes = sorted(o for o in set(rules.learning_outcomes) if o in facts.outcomes)
        if not outcomes:
            return None
        reasons.append("learning outcome " + ", ".join(outcomes))
    if rules.issuers:
        issuers = sorted(i for i in set(rules.issuers) if i in facts.issuers)
        if not issuers:
            return None
        reasons.append(f"issued by {issuers[0]}")
    if rules.min_eqf_level is not None:
        if facts.eqf_level is None or facts.eqf_level < rules.min_eqf_level:
            return None
        reasons.append(f"EQF level {facts.eqf_level} >= {rules.min_eqf_level}")
    if rules.min_credits is not None:
        if facts.value + 1e-9 < rules.min_credits:
            return None
        reasons.append(f"{_fmt(facts.value)} {unit} >= {_fmt(rules.min_credits)}")
    if rules.max_age is not None:
        # the same float comparison as the index's mask, so both always agree
        if facts.date is None or facts.date.timestamp() < (now - rules.max_age).timestamp():
            return None
        reasons.append(f"awarded {facts.date.date().isoformat()}, within {rules.max_age_text}")
    if rules.alternatives:
        alternative = next(
            (r for r in (match_achievement(alt, facts, now, unit) for alt in rules.alternatives) if r is not None),
            None,
        )
        if alternative is None:
            return None
        reasons[:0] = alternative  # the identifying rule first: it is what the user looks for
    return tuple(reasons)


def match(rules: Rules, facts: Facts, now: datetime, unit: str) -> tuple[float, tuple[str, ...]] | None:
    """Best matching achievement of a credential: (its credit value, reasons), or ``None``."""
    best: tuple[float, tuple[str, ...]] | None = None
    for ach in facts.achievements:
        reasons = match_achievement(rules, ach, now, unit)
        if reasons is not None and (best is None or ach.value > best[0]):
            best = (ach.value, reasons)
    return best


def describe_rules(rules: Rules, unit: str) -> tuple[str, ...]:
    """What a component asks for, in words, for gaps and the target view."""
    out = []
    if rules.identifiers:
        out.append("a credential for " + " or ".join(rules.identifiers))
    if rules.titles:
        out.append("the title " + " or ".join(f"'{t}'" for t in rules.titles))
    if rules.title_pattern:
        out.append(f"a title matching /{rules.title_pattern}/")
    if rules.esco_skills:
        joiner = " and " if rules.skills_match_all else " or "
        out.append("ESCO skill " + joiner.join(rules.esco_skills))
    if rules.learning_outcomes:
        out.append("learning outcome " + " or ".join(rules.learning_outcomes))
    if rules.issuers:
        out.append("issued by " + " or ".join(rules.issuers))
    if rules.min_eqf_level is not None:
        out.append(f"EQF level {rules.min_eqf_level} or higher")
    if rules.min_credits is not None:
        out.append(f"at least {_fmt(rules.min_credits)} {unit}")
    if rules.max_age_text is not None:
        out.append(f"awarded within {rules.max_age_text}")
    if rules.alternatives:
        out.append(" or ".join("(" + ", ".join(describe_rules(alt, unit)) + ")" for alt in rules.alternatives))
    return tuple(out)

