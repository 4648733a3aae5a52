"""The prefilter (wallet.stacking.index) against the rules it stands in for, and the facts cache.

The index works on distinct title texts and per-credential columns; whatever
path it takes (every distinct title, or only the candidates' titles when few
remain), the credentials it finds for a component must be exactly those
``rules.match`` accepts, with the same reasons.
"""

from __future__ import annotations

import gc
from typing import Any

import pytest
from stack_helpers import NOW, cand, comp, target

from wallet.model import replace
from wallet.stacking import progress
from wallet.stacking import rules as rules_module
from wallet.stacking.index import FactIndex
from wallet.stacking.rules import cached_facts, cached_facts_batch, facts_of, match

TOPICS = ["Data science", "Statistika", "Machine learning", "Varnost", "Ethics"]


def _wallet(n: int) -> list[Any]:
    """Credentials with repeating titles in two languages, some with an achievement title of their own."""
    out = []
    for i in range(n):
        title = {"en": f"{TOPICS[i % 5]} {i % 7}", "sl": f"Tečaj {i % 11}"}
        c = cand(f"c{i:03d}", title=title, credits=float(1 + i % 6), eqf=3 + i % 5, spec=f"urn:spec:{i % 13}")
        if i % 9 == 0:  # an achievement titled differently from its credential
            ach = replace(c.credential.achievements[0], title={"en": f"Extra {i % 4}"})
            c = replace(c, credential=replace(c.credential, achievements=(ach,)))
        out.append(c)
    return out


@pytest.mark.parametrize("rules", [
    {"titlePattern": r"\bdata\b"},
    {"titlePattern": r"^te[cč]aj 1\d?$"},
    {"titlePattern": r"extra [02]"},
    {"titlePattern": r"science(?!\s)"},  # a negative lookahead at the end of a title
    {"titlePattern": r"ethics", "identifiers": ["urn:spec:3"]},  # few candidates left: the other path
    {"titlePattern": r"varnost", "minEqfLevel": 6, "minCredits": 3},
    {"titles": ["statistika 3", "EXTRA  1"]},
    {"anyOf": [{"identifiers": ["urn:spec:4"]}, {"titlePattern": "learning 2"}]},
])
def test_the_index_finds_exactly_what_the_rules_accept(rules: dict[str, Any]) -> None:
    cands = _wallet(120)
    facts = [facts_of(c.id, c.credential, "ECTS") for c in cands]
    component = target([comp("k", **rules)]).components[0]
    expected = [(i, found) for i, f in enumerate(facts) if (found := match(component.rules, f, NOW, "ECTS"))]
    index = FactIndex(facts)
    got = index.matches(component, NOW, "ECTS")
    assert [i for i, _, _ in got] == [i for i, _ in expected]
    for (i, value, why), (_, (want_value, want_why)) in zip(got, expected, strict=True):
        assert value == want_value
        assert (why if why is not None else index.reasons(component, i, NOW, "ECTS")) == want_why
    assert got == index.matches(component, NOW, "ECTS")  # the pattern's hits are remembered, unchanged


def test_a_negative_lookahead_is_checked_on_each_title_alone() -> None:
    # Joined with the next title ("Data\nPodatki") the lookahead would see a line break and miss.
    t = target([comp("k", titlePattern=r"data(?!\s)")])
    p = progress(t, [cand("x", title={"en": "Data", "sl": "Podatki"})], NOW)
    assert [a.credential_id for a in p.allocations["k"]] == ["x"]


def test_facts_are_remembered_while_the_credential_lives_and_forgotten_after() -> None:
    c = cand("alive", credits=3.0).credential
    first = cached_facts("alive", c, "ECTS")
    assert cached_facts("alive", c, "ECTS") is first
    assert cached_facts_batch([("alive", c)], "hours")[0] is not first  # another unit: its own facts
    assert cached_facts("renamed", c, "ECTS").id == "renamed"  # another id: not the cached facts
    key = id(c)
    del c
    gc.collect()
    assert all(key not in by_id for by_id in rules_module._FACTS_CACHE.values())


def test_facts_keep_the_credits_of_the_best_achievement() -> None:
    c = cand("two", credits=2.0).credential
    big = replace(c.achievements[0], credits=7.5, title={"en": "Other"})
    facts = facts_of("two", replace(c, achievements=(c.achievements[0], big)), "ECTS")
    assert facts.value == 7.5 and [a.value for a in facts.achievements] == [2.0, 7.5]
    assert facts.achievements[1].titles == (("en", "two"), ("en", "Other"))


def test_an_index_is_dropped_when_its_credentials_go() -> None:
    from wallet.stacking import index as index_module

    t = target([comp("k", identifiers=["s"])])
    cands = [cand(f"x{i}", spec="s") for i in range(3)]
    progress(t, cands, NOW)
    again = progress(t, cands, NOW)  # the same objects: the same index, reused
    assert [a.credential_id for a in again.allocations["k"]] == ["x0"]
    keys = {entry.key for entry in index_module._RECENT}
    assert len(keys) == len(index_module._RECENT)
    anchors = [entry.anchor for entry in index_module._RECENT if entry.anchor is not None]
    assert any(ref() is cands[0].credential for ref in anchors)
    ours = [ref for ref in anchors if ref() is cands[0].credential]
    del cands, again
    gc.collect()
    assert all(entry.anchor not in ours for entry in index_module._RECENT)  # gone with the credentials
    assert all(entry.anchor is None or entry.anchor() is not None for entry in index_module._RECENT)


def test_indexes_built_in_one_pass_equal_those_built_one_by_one() -> None:
    from wallet.stacking.index import index_kinds

    facts = [facts_of(c.id, c.credential, "ECTS") for c in _wallet(60)]
    t = target([comp("a", identifiers=["urn:spec:1"]), comp("b", titlePattern="data"),
                comp("c", anyOf=[{"issuers": ["did:web:issuer.example"]}, {"escoSkills": ["urn:x"]}])])
    kinds = index_kinds(t.all_components())
    assert kinds == {"id", "title", "issuer", "skill"}
    together, alone = FactIndex(facts), FactIndex(facts)
    together.prepare(kinds)
    for kind in kinds:
        assert together._index(kind) == alone._index(kind)
    assert together._titles_by_text() == alone._titles_by_text()
