"""Finding the credentials worth checking against a component (the prefilter).

With 10,000 credentials and 100 components, checking every pair costs a
million rule evaluations in Python; that alone would blow the 200 ms budget.
:class:`FactIndex` narrows each component to a *superset* of its matches
cheaply, and only those are checked exactly by :func:`wallet.stacking.rules.match`:

* identifiers, exact titles, ESCO skills, learning outcomes and issuers go
  through an inverted index (value -> credentials);
* minimum EQF level, minimum credits and maximum age are numpy masks over
  per-credential maxima (a credential passes if any achievement could);
* a title regex is searched once per credential over its titles joined by
  newlines, compiled with MULTILINE so ``^``/``$`` still match at each title's
  edges; patterns whose meaning could change that way (``\\A``, ``\\Z``,
  inline flags) are checked title by title instead;
* ``anyOf`` alternatives contribute the union of their own supersets.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

import numpy as np

from wallet.stacking.patterns import MAX_PATTERN_TEXT
from wallet.stacking.rules import (
    AchievementFacts,
    Facts,
    compile_pattern,
    match,
    title_key,
)
from wallet.stacking.target import Component, Rules

_UNSAFE_FOR_JOINED = re.compile(r"\\A|\\Z|\(\?[a-zA-Z-]")


# What each indexed kind reads from an achievement's facts.
_KINDS: dict[str, Callable[[AchievementFacts], Iterable[str]]] = {
    "id": lambda a: a.identifiers,
    "skill": lambda a: a.skills,
    "outcome": lambda a: a.outcomes,
    "issuer": lambda a: a.issuers,
    "title": lambda a: [title_key(t) for _, t in a.titles],  # repeats are removed in _union
}


class FactIndex:
    """Inverted indexes and numeric columns over one list of credentials' facts.

    Every index and column is built on first use, so a target only pays for
    the rules it actually uses (an NPK matched by titles never builds the
    skill index). A lock makes the lazy building safe from several threads.
    """

    def __init__(self, facts: Sequence[Facts]) -> None:
        self.facts = tuple(facts)
        self._lock = threading.Lock()
        self._indexes: dict[str, dict[str, list[int]]] = {}
        self._columns: dict[str, np.ndarray] = {}
        self._text: list[str] | None = None

    def _index(self, kind: str) -> dict[str, list[int]]:
        with self._lock:
            found = self._indexes.get(kind)
            if found is None:
                read = _KINDS[kind]
                found = {}
                for position, item in enumerate(self.facts):
                    for ach in item.achievements:
                        for value in read(ach):
                            found.setdefault(value, []).append(position)  # repeats removed in _union
                self._indexes[kind] = found
            return found

    def _column(self, name: str) -> np.ndarray:
        """Per credential, the best any achievement offers: max EQF level, credits, latest date."""
        with self._lock:
            found = self._columns.get(name)
            if found is None:
                found = np.array([self._best(f, name) for f in self.facts], dtype=float)
                self._columns[name] = found
            return found

    @staticmethod
    def _best(item: Facts, name: str) -> float:
        """The best value of a column over a credential's achievements (usually just one)."""
        if len(item.achievements) == 1:
            ach = item.achievements[0]
            if name == "eqf":
                return float(ach.eqf_level) if ach.eqf_level is not None else -1.0
            if name == "value":
                return ach.value
            return ach.date.timestamp() if ach.date is not None else -np.inf
        return max((FactIndex._best(Facts(item.id, (a,)), name) for a in item.achievements), default=-np.inf)

    def _joined_titles(self) -> list[str]:
        with self._lock:
            if self._text is None:
                # one line per title (a title's own line breaks only add candidates)
                self._text = [
                    "\n".join([t[:MAX_PATTERN_TEXT] for ach in item.achievements for _, t in ach.titles])
                    for item in self.facts
                ]
            return self._text

    def _union(self, kind: str, values: Iterable[str]) -> np.ndarray:
        index = self._index(kind)
        found: set[int] = set()
        for value in values:
            found.update(index.get(value, ()))
        return np.array(sorted(found), dtype=np.int64)

    def _regex(self, pattern: str, base: np.ndarray | None) -> np.ndarray:
        indices = range(len(self.facts)) if base is None else base.tolist()
        if _UNSAFE_FOR_JOINED.search(pattern):
            search = compile_pattern(pattern).search
            hits = [i for i in indices if any(search(t[:MAX_PATTERN_TEXT]) for _, t in self._titles(i))]
        else:
            joined = re.compile(pattern, re.IGNORECASE | re.MULTILINE).search
            text = self._joined_titles()
            hits = [i for i in indices if joined(text[i])]
        return np.array(hits, dtype=np.int64)

    def _titles(self, index: int) -> Iterable[tuple[str, str]]:
        return (t for ach in self.facts[index].achievements for t in ach.titles)

    def select(self, rules: Rules, now: datetime) -> tuple[np.ndarray | None, bool]:
        """A superset of the credentials matching ``rules`` (``None``: all of them), and
        whether it is exact for single-achievement credentials.

        It is exact when every rule was decided by an index or a numeric mask
        with the same comparison :func:`wallet.stacking.rules.match` makes; a
        title regex (searched over joined titles) and ``skillsMatch: "all"``
        (indexed as "any") are not.
        """
        sets: list[np.ndarray] = []
        exact = not rules.title_pattern and not (rules.esco_skills and rules.skills_match_all)
        if rules.identifiers:
            sets.append(self._union("id", rules.identifiers))
        if rules.titles:
            sets.append(self._union("title", (title_key(t) for t in rules.titles)))
        if rules.learning_outcomes:
            sets.append(self._union("outcome", rules.learning_outcomes))
        if rules.esco_skills:
            sets.append(self._union("skill", rules.esco_skills))
        if rules.issuers:
            sets.append(self._union("issuer", rules.issuers))
        if rules.alternatives:
            parts = [self.select(alt, now) for alt in rules.alternatives]
            if all(p is not None for p, _ in parts):
                sets.append(np.unique(np.concatenate([p for p, _ in parts if p is not None])))
                exact = exact and all(e for _, e in parts)
            else:
                exact = False
        chosen: np.ndarray | None = None
        for found in sorted(sets, key=len):
            chosen = found if chosen is None else np.intersect1d(chosen, found, assume_unique=True)
        mask = None
        if rules.min_eqf_level is not None:
            mask = self._column("eqf") >= rules.min_eqf_level
        if rules.min_credits is not None:
            passed = self._column("value") + 1e-9 >= rules.min_credits
            mask = passed if mask is None else mask & passed
        if rules.max_age is not None:
            passed = self._column("date") >= (now - rules.max_age).timestamp()
            mask = passed if mask is None else mask & passed
        if mask is not None:
            chosen = np.flatnonzero(mask) if chosen is None else chosen[mask[chosen]]
        if rules.title_pattern:
            chosen = self._regex(rules.title_pattern, chosen)
        return chosen, exact

    def matches(
        self, component: Component, now: datetime, unit: str
    ) -> list[tuple[int, float, tuple[str, ...] | None]]:
        """Every credential matching the component: (index, credit value, reasons).

        Reasons are ``None`` where the prefilter was exact: they are worked out
        by :meth:`reasons` only for the few edges the allocation uses, which
        saves checking thousands of candidates twice.
        """
        rules = component.rules
        chosen, exact = self.select(rules, now)
        indices = range(len(self.facts)) if chosen is None else chosen.tolist()
        out: list[tuple[int, float, tuple[str, ...] | None]] = []
        facts = self.facts
        for index in indices:
            achievements = facts[index].achievements
            if exact and len(achievements) == 1:
                out.append((index, achievements[0].value, None))
                continue
            found = match(rules, facts[index], now, unit)
            if found is not None:
                out.append((index, found[0], found[1]))
        return out

    def reasons(self, component: Component, index: int, now: datetime, unit: str) -> tuple[str, ...]:
        """Why credential ``index`` matches ``component`` (it must, per :meth:`matches`)."""
        found = match(component.rules, self.facts[index], now, unit)
        if found is None:
            raise RuntimeError(f"prefilter and rules disagree on {self.facts[index].id} for {component.id}")
        return found[1]

_RECENT: list[tuple[tuple[int, ...], FactIndex]] = []
_RECENT_LOCK = threading.Lock()
_RECENT_SIZE = 4


def index_for(facts: Sequence[Facts]) -> FactIndex:
    """The index over exactly these facts objects, reused while recent.

    Progress is usually computed for several targets over the same credentials;
    the facts come from :func:`wallet.stacking.rules.cached_facts`, so the same
    credentials give the same objects. A cached index holds its facts, so their
    ``id()`` values cannot be reused while it is cached and the key is exact.
    """
    key = tuple(map(id, facts))
    with _RECENT_LOCK:
        for position, (known, index) in enumerate(_RECENT):
            if known == key:
                _RECENT.insert(0, _RECENT.pop(position))
                return index
    index = FactIndex(facts)
    with _RECENT_LOCK:
        _RECENT.insert(0, (key, index))
        del _RECENT[_RECENT_SIZE:]
    return index
