"""Finding the credentials worth checking against a component (the prefilter).

With 10,000 credentials and 100 components, checking every pair costs a
million rule evaluations in Python; that alone would blow the 200 ms budget.
:class:`FactIndex` narrows each component to a *superset* of its matches
cheaply, and only those are checked exactly by :func:`wallet.stacking.rules.match`:

* identifiers, exact titles, ESCO skills, learning outcomes and issuers go
  through an inverted index (value -> credentials);
* minimum EQF level, minimum credits and maximum age are numpy masks over
  per-credential maxima (a credential passes if any achievement could);
* exact titles and title patterns work on the distinct title texts (titles
  repeat across a wallet): a key or a search once per text, the same search
  the rules make (title by title, never over titles joined together, where a
  lookahead could see the next title);
* ``anyOf`` alternatives contribute the union of their own supersets.
"""

from __future__ import annotations

import operator
import threading
import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any, NamedTuple

import numpy as np

from wallet.messages import Message
from wallet.stacking.patterns import MAX_PATTERN_TEXT
from wallet.stacking.rules import (
    AchievementFacts,
    Facts,
    compile_pattern,
    match,
    title_key,
)
from wallet.stacking.target import Component, Rules

#: What each value index reads from an achievement's facts (titles have their own map).
_FIELDS: dict[str, Callable[[AchievementFacts], tuple[str, ...]]] = {
    "id": operator.attrgetter("identifiers"),
    "skill": operator.attrgetter("skills"),
    "outcome": operator.attrgetter("outcomes"),
    "issuer": operator.attrgetter("issuers"),
}
#: Below this many candidates per distinct title, a title pattern is searched in the candidates'
#: titles only, rather than in every distinct title of the wallet.
_FEW = 0.25


def index_kinds(components: Iterable[Component]) -> set[str]:
    """The value indexes these components' rules look up ("title" also for a title pattern)."""
    kinds: set[str] = set()

    def walk(rules: Rules) -> None:
        if rules.identifiers:
            kinds.add("id")
        if rules.titles or rules.title_pattern:
            kinds.add("title")
        if rules.esco_skills:
            kinds.add("skill")
        if rules.learning_outcomes:
            kinds.add("outcome")
        if rules.issuers:
            kinds.add("issuer")
        for alternative in rules.alternatives:
            walk(alternative)

    for component in components:
        walk(component.rules)
    return kinds


class FactIndex:
    """Inverted indexes and numeric columns over one list of credentials' facts.

    Every index and column is built on first use, so a target only pays for
    the rules it actually uses (an NPK matched by titles never builds the
    skill index). A lock makes the lazy building safe from several threads.
    """

    def __init__(self, facts: Sequence[Facts]) -> None:
        self.facts = tuple(facts)
        self._lock = threading.RLock()
        self._indexes: dict[str, dict[str, list[int]]] = {}
        self._columns: dict[str, np.ndarray] = {}
        self._title_map: dict[str, list[int]] | None = None
        self._patterns: dict[str, np.ndarray] = {}

    def _titles_by_text(self) -> dict[str, list[int]]:
        """Each distinct title text -> the credentials (positions) that carry it.

        Titles repeat across a wallet (many credentials of one course), so the
        title rules work per distinct text: a key or a pattern search once per
        text, not once per credential.
        """
        with self._lock:
            if self._title_map is None:
                found: defaultdict[str, list[int]] = defaultdict(list)
                for position, item in enumerate(self.facts):
                    for ach in item.achievements:
                        for _, text in ach.titles:
                            found[text].append(position)  # repeats are harmless: every use takes a set
                self._title_map = found
            return self._title_map

    def prepare(self, kinds: Iterable[str]) -> None:
        """Build the value indexes of these kinds (and the title map, for "title") in one pass.

        A target usually uses several kinds; one walk over the credentials
        for all of them costs less than one walk each. Built indexes are kept.
        """
        with self._lock:
            wanted = {k for k in kinds if k in _FIELDS and k not in self._indexes}
            titles = "title" in kinds and self._title_map is None
            if not wanted and not titles:
                return
            maps: list[tuple[Callable[[AchievementFacts], tuple[str, ...]], defaultdict[str, list[int]]]] = [
                (_FIELDS[k], defaultdict(list)) for k in sorted(wanted)]
            title_map: defaultdict[str, list[int]] = defaultdict(list)
            for position, item in enumerate(self.facts):
                for ach in item.achievements:
                    for read, found in maps:
                        for value in read(ach):
                            found[value].append(position)
                    if titles:
                        for _, text in ach.titles:
                            title_map[text].append(position)
            for kind, (_, found) in zip(sorted(wanted), maps, strict=True):
                self._indexes[kind] = found
            if titles:
                self._title_map = title_map

    def _index(self, kind: str) -> dict[str, list[int]]:
        with self._lock:
            found = self._indexes.get(kind)
            if found is None:
                found = {}
                get = found.get
                if kind == "title":
                    for text, where in self._titles_by_text().items():
                        key = title_key(text)
                        listed = get(key)
                        if listed is None:
                            found[key] = list(where)
                        else:
                            listed.extend(where)  # repeats removed in _union
                else:
                    read = _FIELDS[kind]
                    lists: defaultdict[str, list[int]] = defaultdict(list)
                    for position, item in enumerate(self.facts):
                        for ach in item.achievements:
                            for value in read(ach):
                                lists[value].append(position)  # repeats removed in _union
                    found = lists
                self._indexes[kind] = found
            return found

    def _column(self, name: str) -> np.ndarray:
        """Per credential, the best any achievement offers: max EQF level, credits, latest date."""
        with self._lock:
            found = self._columns.get(name)
            if found is None:
                facts = self.facts
                if name == "value":
                    found = np.fromiter((f.value for f in facts), dtype=float, count=len(facts))
                elif all(len(f.achievements) == 1 for f in facts):
                    achs = [f.achievements[0] for f in facts]
                    if name == "eqf":
                        found = np.array([-1.0 if a.eqf_level is None else float(a.eqf_level) for a in achs])
                    else:
                        found = np.array([-np.inf if a.date is None else a.date.timestamp() for a in achs])
                else:
                    found = np.array([self._best(f, name) for f in facts], dtype=float)
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

    def _union(self, kind: str, values: Iterable[str]) -> np.ndarray:
        index = self._index(kind)
        found: set[int] = set()
        for value in values:
            found.update(index.get(value, ()))
        return np.array(sorted(found), dtype=np.int64)

    def _regex(self, pattern: str, base: np.ndarray | None) -> np.ndarray:
        """The credentials (within ``base``) with a title the pattern finds: exact, title by title.

        The search is the one :func:`wallet.stacking.rules.match_achievement`
        makes (case-insensitive, in the first :data:`MAX_PATTERN_TEXT`
        characters of each title), run once per distinct title: over every
        distinct title of the wallet (remembered per pattern), or, when
        ``base`` is small, over the titles of its credentials only.
        """
        search = compile_pattern(pattern).search
        titles = self._titles_by_text()
        with self._lock:
            every = self._patterns.get(pattern)
        if every is None and base is not None and len(base) < _FEW * len(titles):
            seen: dict[str, bool] = {}

            def found_in(text: str) -> bool:
                hit = seen.get(text)
                if hit is None:
                    hit = seen[text] = search(text[:MAX_PATTERN_TEXT]) is not None
                return hit

            facts = self.facts
            hits = [i for i in base.tolist()
                    if any(found_in(text) for ach in facts[i].achievements for _, text in ach.titles)]
            return np.array(hits, dtype=np.int64)
        if every is None:
            found: set[int] = set()
            for text, where in titles.items():
                if search(text[:MAX_PATTERN_TEXT]):
                    found.update(where)
            every = np.array(sorted(found), dtype=np.int64)
            with self._lock:
                self._patterns[pattern] = every
        return every if base is None else np.intersect1d(base, every, assume_unique=True)

    def select(self, rules: Rules, now: datetime) -> tuple[np.ndarray | None, bool]:
        """A superset of the credentials matching ``rules`` (``None``: all of them), and
        whether it is exact for single-achievement credentials.

        It is exact when every rule was decided by an index, a numeric mask or
        a title search with the same comparison :func:`wallet.stacking.rules.match`
        makes; ``skillsMatch: "all"`` (indexed as "any") is not.
        """
        sets: list[np.ndarray] = []
        exact = not (rules.esco_skills and rules.skills_match_all)
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
    ) -> list[tuple[int, float, tuple[Message, ...] | None]]:
        """Every credential matching the component: (index, credit value, reasons).

        Reasons are ``None`` where the prefilter was exact: they are worked out
        by :meth:`reasons` only for the few edges the allocation uses, which
        saves checking thousands of candidates twice.
        """
        rules = component.rules
        chosen, exact = self.select(rules, now)
        indices = range(len(self.facts)) if chosen is None else chosen.tolist()
        out: list[tuple[int, float, tuple[Message, ...] | None]] = []
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

    def reasons(self, component: Component, index: int, now: datetime, unit: str) -> tuple[Message, ...]:
        """Why credential ``index`` matches ``component`` (it must, per :meth:`matches`)."""
        found = match(component.rules, self.facts[index], now, unit)
        if found is None:
            raise RuntimeError(f"prefilter and rules disagree on {self.facts[index].id} for {component.id}")
        return found[1]

class _Recent(NamedTuple):
    key: tuple[int, ...]  # id() of each facts object, in order
    built: FactIndex
    anchor: weakref.ref[Any] | None  # one of the credentials: the entry goes when it does


_RECENT: list[_Recent] = []
_RECENT_LOCK = threading.RLock()
_RECENT_SIZE = 4


def _forget(anchor: weakref.ref[Any]) -> None:
    """Drop the indexes over credentials that are gone (the anchor's callback).

    Their facts can never be asked for again (a new credential object gets
    new facts), so the memory is released when the caller lets the
    credentials go, rather than later, inside another computation.
    """
    with _RECENT_LOCK:
        _RECENT[:] = [entry for entry in _RECENT if entry.anchor is not anchor]


def index_for(facts: Sequence[Facts], anchor: object | None = None) -> FactIndex:
    """The index over exactly these facts objects, reused while recent.

    Progress is usually computed for several targets over the same credentials;
    the facts come from :func:`wallet.stacking.rules.cached_facts_batch`, so the same
    credentials give the same objects. A cached index holds its facts, so their
    ``id()`` values cannot be reused while it is cached and the key is exact.
    ``anchor`` (one of the credentials the facts describe) bounds the entry's
    life to the credentials': it is dropped when the anchor is collected.
    """
    key = tuple(map(id, facts))
    with _RECENT_LOCK:
        # a snapshot: an anchor's callback (the lock is re-entrant) may rewrite the list meanwhile
        for entry in tuple(_RECENT):
            if entry.key == key:
                _RECENT[:] = [entry, *(other for other in _RECENT if other is not entry)]
                return entry.built
    index = FactIndex(facts)
    ref = weakref.ref(anchor, _forget) if anchor is not None else None
    with _RECENT_LOCK:
        _RECENT.insert(0, _Recent(key, index, ref))
        del _RECENT[_RECENT_SIZE:]
    return index
