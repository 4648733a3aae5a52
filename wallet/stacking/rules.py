"""Matching credentials against a component's rules, with the reasons why.

Each credential is reduced once per progress computation to
:class:`Facts` (sets of ids, skills, titles, a date, a credit value per
achievement), so a rule check is a few set look-ups.
:mod:`wallet.stacking.index` then finds the few credentials worth checking.

A credential matches a component when one of its achievements satisfies every
rule the component states. The reasons returned say which rule matched and on
what value, because the user needs to see *why* a credential counts; they are
catalogue messages (``stacking.why.*``, ``stacking.need.*``), so the CLI and
the app say it in the reader's language, with no regular expression, URN or
ISO 8601 duration in the sentence.
"""

from __future__ import annotations

import functools
import math
import re
import weakref
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, NamedTuple

from wallet.messages import Message, msg
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
    value: float = 0.0  # the most credits any achievement carries (stored: read once per credential and run)


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
    """Reduce a credential to the facts the rules need.

    The hot path of a cold progress computation (once per credential): it
    takes the common shapes (titles without empty texts, an achievement
    whose titles repeat the credential's, credits as a plain float) without
    per-item comprehensions, and builds the named tuples directly; anything
    else goes the general way, with the same result.
    """
    title = credential.title
    if all(title.values()):
        envelope_titles: tuple[tuple[str, str], ...] = tuple(title.items())
    else:
        envelope_titles = tuple([(lang, text) for lang, text in title.items() if text])
    cred_issuer = credential.issuer.id
    date_fallback = _aware(credential.issued or credential.valid_from)
    achievements = credential.achievements or (Achievement(title=credential.title),)
    hours = unit == UNIT_HOURS
    out = []
    for ach in achievements:
        skills = tuple(ach.esco_skills)
        outcomes: tuple[str, ...] = ()
        if ach.learning_outcomes:
            extra = tuple(s for o in ach.learning_outcomes for s in o.esco_skills if s not in skills)
            skills = skills + tuple(dict.fromkeys(extra))
            outcomes = tuple(o.id for o in ach.learning_outcomes if o.id)
        body = ach.awarding_body.id if ach.awarding_body is not None else None
        if ach.title.items() <= title.items():
            titles = envelope_titles  # every title of the achievement is the credential's (or empty)
        else:
            own = tuple((lang, text) for lang, text in ach.title.items() if text and (lang, text) not in envelope_titles)
            titles = envelope_titles + own if own else envelope_titles
        if hours:
            raw = ach.volume_of_learning_hours
        else:  # Achievement.ects, inline
            raw = ach.credits
            framework = ach.credit_framework
            if framework is not None and framework.upper() != "ECTS":
                raw = None
        value = raw if type(raw) is float and 0.0 < raw <= MAX_VALUE else achievement_value(ach, unit)
        awarded = ach.awarded_on
        ident, spec = ach.id, ach.specification_id
        out.append(_new_tuple(AchievementFacts, (
            (ident,) if ident and (not spec or spec == ident) else _present(ident, spec),
            titles,
            skills,
            outcomes,
            (cred_issuer,) if cred_issuer and (not body or body == cred_issuer) else _present(cred_issuer, body),
            ach.eqf_level,
            value,
            (awarded if awarded.tzinfo else awarded.replace(tzinfo=UTC)) if awarded else date_fallback,
        )))
    if len(out) == 1:
        return _new_tuple(Facts, (credential_id, (out[0],), out[0].value))
    return _new_tuple(Facts, (credential_id, tuple(out), max(a.value for a in out)))


#: Builds a named tuple from a tuple of its fields without the generated ``__new__`` (a Python call).
_new_tuple: Any = tuple.__new__

#: Per unit, ``id(credential)`` -> its facts (whose ``id`` is the credential id they were built for).
_FACTS_CACHE: dict[str, dict[int, Facts]] = {}
#: ``id(credential)`` -> a weak reference to it: validates a hit, and its callback evicts the facts.
_REFS: dict[int, weakref.ref[Credential]] = {}
#: ``id()`` of each weak reference -> ``id()`` of its credential, for the callback.
_REF_KEYS: dict[int, int] = {}


def _evict(ref: weakref.ref[Credential]) -> None:
    """Drop a dead credential's facts (the callback of its weak reference)."""
    key = _REF_KEYS.pop(id(ref), None)
    if key is None or _REFS.get(key) is not ref:
        return
    del _REFS[key]
    for by_id in list(_FACTS_CACHE.values()):
        by_id.pop(key, None)


def cached_facts_batch(pairs: Sequence[tuple[str, Credential]], unit: str) -> list[Facts]:
    """:func:`facts_of` for each (credential id, credential), remembered while the credential lives.

    Credentials are immutable, so their facts never change; progress is often
    computed for several targets over the same candidates (``wallet progress``
    shows every target), and reducing 10,000 credentials costs more than the
    solver. A weak reference to each credential both validates a hit (an
    ``id()`` can be reused after an object dies, and the dead object's entry
    is gone by then) and evicts the facts when the credential goes away. The
    cache adds one object per credential (the reference; the keys are plain
    ints), because every object that stays alive is one more for the garbage
    collector to walk after a cold computation.
    """
    by_id = _FACTS_CACHE.setdefault(unit, {})
    out: list[Facts] = []
    append = out.append
    for credential_id, credential in pairs:
        key = id(credential)
        ref = _REFS.get(key)
        if ref is not None and ref() is credential:
            facts = by_id.get(key)
            if facts is not None and facts.id == credential_id:
                append(facts)
                continue
        else:
            if ref is not None:  # a dead object's reference whose callback has not run yet
                _REF_KEYS.pop(id(ref), None)
                for other in _FACTS_CACHE.values():
                    other.pop(key, None)
            ref = weakref.ref(credential, _evict)
            _REFS[key] = ref
            _REF_KEYS[id(ref)] = key
        facts = facts_of(credential_id, credential, unit)
        by_id[key] = facts
        append(facts)
    return out


def cached_facts(credential_id: str, credential: Credential, unit: str) -> Facts:
    """:func:`cached_facts_batch` for one credential."""
    return cached_facts_batch([(credential_id, credential)], unit)[0]


@functools.lru_cache(maxsize=1024)
def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Title patterns are case-insensitive; compiled once per process."""
    return re.compile(pattern, re.IGNORECASE)


def age_message(rules: Rules) -> Message:
    """The rule's maximum age in words ("3 years", "18 months"), never an ISO 8601 duration."""
    text = rules.max_age_text or ""
    found = re.fullmatch(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?", text)
    if found:
        parts = [(int(v), unit) for v, unit in zip(found.groups(), ("y", "m", "w", "d"), strict=True) if v]
        if len(parts) == 1:
            count, unit = parts[0]
            if unit == "y":
                return msg("duration.years", count=count)
            if unit == "m":
                return msg("duration.months", count=count)
            if unit == "w":
                return msg("duration.weeks", count=count)
    days = rules.max_age.days if rules.max_age is not None else 0
    return msg("duration.days", count=days)


def match_achievement(rules: Rules, facts: AchievementFacts, now: datetime, unit: str) -> tuple[Message, ...] | None:
    """The reasons every rule holds for this achievement (in words), or ``None`` if one fails.

    Each reason is a catalogue message; what it matched on (an identifier, a
    pattern, skill URIs) travels as a parameter for a technical view, never
    in the sentence a learner reads.
    """
    reasons: list[Message] = []
    pattern = compile_pattern(rules.title_pattern) if rules.title_pattern else None
    if rules.identifiers:
        hit = sorted(i for i in set(rules.identifiers) if i in facts.identifiers)
        if not hit:
            return None
        reasons.append(msg("stacking.why.identifier", id=hit[0]))
    if rules.titles:
        wanted = title_keys(rules.titles)
        listed = next(((lang, t) for lang, t in facts.titles if title_key(t) in wanted), None)
        if listed is None:
            return None
        reasons.append(msg("stacking.why.title", title=listed[1], lang=listed[0]))
    if pattern is not None:
        title_hit = next(((lang, t) for lang, t in facts.titles if pattern.search(t[:MAX_PATTERN_TEXT])), None)
        if title_hit is None:
            return None
        reasons.append(msg("stacking.why.pattern", title=title_hit[1], lang=title_hit[0], pattern=pattern.pattern))
    if rules.esco_skills:
        have = sorted(k for k in set(rules.esco_skills) if k in facts.skills)
        if not have or (rules.skills_match_all and len(have) < len(set(rules.esco_skills))):
            return None
        reasons.append(msg("stacking.why.skills", count=len(have), skills=have))
    if rules.learning_outcomes:
        outcomes = sorted(o for o in set(rules.learning_outcomes) if o in facts.outcomes)
        if not outcomes:
            return None
        reasons.append(msg("stacking.why.outcome", outcomes=outcomes))
    if rules.issuers:
        issuers = sorted(i for i in set(rules.issuers) if i in facts.issuers)
        if not issuers:
            return None
        reasons.append(msg("stacking.why.issuer", issuer=issuers[0]))
    if rules.min_eqf_level is not None:
        if facts.eqf_level is None or facts.eqf_level < rules.min_eqf_level:
            return None
        reasons.append(msg("stacking.why.eqf", level=facts.eqf_level, min=rules.min_eqf_level))
    if rules.min_credits is not None:
        if facts.value + 1e-9 < rules.min_credits:
            return None
        reasons.append(msg("stacking.why.credits", value=facts.value, min=rules.min_credits, unit=unit))
    if rules.max_age is not None:
        # the same float comparison as the index's mask, so both always agree
        if facts.date is None or facts.date.timestamp() < (now - rules.max_age).timestamp():
            return None
        reasons.append(msg("stacking.why.age", date=facts.date.date(), age=age_message(rules)))
    if rules.alternatives:
        alternative = next(
            (r for r in (match_achievement(alt, facts, now, unit) for alt in rules.alternatives) if r is not None),
            None,
        )
        if alternative is None:
            return None
        reasons[:0] = alternative  # the identifying rule first: it is what the user looks for
    return tuple(reasons)


def match(rules: Rules, facts: Facts, now: datetime, unit: str) -> tuple[float, tuple[Message, ...]] | None:
    """Best matching achievement of a credential: (its credit value, reasons), or ``None``."""
    best: tuple[float, tuple[Message, ...]] | None = None
    for ach in facts.achievements:
        reasons = match_achievement(rules, ach, now, unit)
        if reasons is not None and (best is None or ach.value > best[0]):
            best = (ach.value, reasons)
    return best


def describe_rules(rules: Rules, unit: str) -> tuple[Message, ...]:
    """What a component asks for, in words, for gaps and the target view.

    Identifiers, patterns and URIs go into parameters (technical details);
    the words say what kind of credential would do.
    """
    out: list[Message] = []
    if rules.identifiers:
        out.append(msg("stacking.need.identifier", ids=rules.identifiers))
    if rules.titles:
        out.append(msg("stacking.need.titles", titles=", ".join(f"“{t}”" for t in rules.titles)))
    if rules.title_pattern:
        out.append(msg("stacking.need.pattern", pattern=rules.title_pattern))
    if rules.esco_skills:
        count = len(rules.esco_skills)
        out.append(msg("stacking.need.skills_all", count=count, skills=rules.esco_skills) if rules.skills_match_all
                   else msg("stacking.need.skills_any", count=count, skills=rules.esco_skills))
    if rules.learning_outcomes:
        out.append(msg("stacking.need.outcome", outcomes=rules.learning_outcomes))
    if rules.issuers:
        out.append(msg("stacking.need.issuer", issuers=rules.issuers))
    if rules.min_eqf_level is not None:
        out.append(msg("stacking.need.eqf", level=rules.min_eqf_level))
    if rules.min_credits is not None:
        out.append(msg("stacking.need.credits", value=rules.min_credits, unit=unit))
    if rules.max_age is not None:
        out.append(msg("stacking.need.age", age=age_message(rules)))
    for number, alt in enumerate(rules.alternatives, start=1):
        out.extend(msg("stacking.need.option", number=number, need=need) for need in describe_rules(alt, unit))
    return tuple(out)
