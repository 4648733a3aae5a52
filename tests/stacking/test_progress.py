"""Matching rules, what counts, explanations and gaps, on hand-made credentials."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from stack_helpers import NOW, cand, comp, group, target

from wallet.errors import InputError
from wallet.messages import msg, render
from wallet.model import Verdict, replace
from wallet.stacking import progress, render_text

SKILL_A = "http://data.europa.eu/esco/skill/aaaa"
SKILL_B = "http://data.europa.eu/esco/skill/bbbb"


def only(p, component: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.credential_id for a in p.allocations[component]]


def test_only_valid_credentials_count_and_the_rest_is_pending_with_reasons() -> None:
    t = target([comp("k", identifiers=["s"])])
    cands = [
        cand("revoked", Verdict.INVALID, "revoked", spec="s"),
        cand("offline", Verdict.CANNOT_VERIFY_OFFLINE, "", spec="s"),
        cand("expired", spec="s", valid_until=NOW - timedelta(days=1)),
        cand("warned", Verdict.VALID_WITH_WARNINGS, spec="s"),
    ]
    p = progress(t, cands, NOW)
    assert only(p, "k") == ["warned"]
    pending = {ident: render(reason) for ident, reason in p.pending}
    assert pending == {
        "expired": f"expired on {render(msg('date.date', when=(NOW - timedelta(days=1)).date()))}",
        "offline": "cannot be checked offline",
        "revoked": "revoked",
    }


def test_pending_credentials_that_would_fill_a_gap_are_named() -> None:
    t = target([comp("k", identifiers=["s"])])
    p = progress(t, [cand("revoked", Verdict.INVALID, "revoked", spec="s")], NOW)
    assert p.gaps[0].id == "k" and p.gaps[0].blocked_by == ("revoked",)
    assert "would be filled by revoked, which does not count yet" in "\n".join(render_text(p))


def test_title_pattern_searches_every_language_case_insensitively() -> None:
    t = target([comp("k", titlePattern=r"strojno u[čc]enje")])
    p = progress(t, [cand("x", title={"en": "Machine learning", "sl": "STROJNO UČENJE"})], NOW)
    assert only(p, "k") == ["x"]
    reason = p.allocations["k"][0].reasons[0]
    assert (reason.id, reason.get("lang"), reason.get("title")) == ("stacking.why.pattern", "sl", "STROJNO UČENJE")
    assert "/" not in render(reason) and "strojno u[" not in render(reason)  # no regular expression in the words


def test_every_rule_must_hold() -> None:
    rules: dict[str, Any] = {"escoSkills": [SKILL_A], "issuers": ["did:web:good.example"], "minEqfLevel": 6, "minCredits": 3,
             "maxAge": "P2Y"}
    t = target([comp("k", **rules)])
    recent = NOW - timedelta(days=100)
    good: dict[str, Any] = {"skills": [SKILL_A], "issuer": "did:web:good.example", "eqf": 6, "credits": 3, "awarded": recent}
    p = progress(t, [cand("ok", **good)], NOW)
    assert only(p, "k") == ["ok"]
    reasons = " | ".join(render(r) for r in p.allocations["k"][0].reasons)
    for fragment in ("covers the ESCO skill asked for", "an issuer this requirement accepts",
                     "EQF level 6 (level 6 or higher needed)", "3 ECTS (at least 3 needed)", "within the last 2 years"):
        assert fragment in reasons
    assert "P2Y" not in reasons and "did:web" not in reasons
    for change in ({"skills": [SKILL_B]}, {"issuer": "did:web:other.example"}, {"eqf": 5}, {"credits": 2},
                   {"awarded": NOW - timedelta(days=800)}, {"eqf": None}):
        p = progress(t, [cand("bad", **{**good, **change})], NOW)
        assert not p.allocations["k"], change


def test_skills_all_and_learning_outcomes() -> None:
    t = target([comp("both", escoSkills=[SKILL_A, SKILL_B], skillsMatch="all"),
                comp("lo", learningOutcomes=["urn:lo:1"])])
    one = cand("one", skills=[SKILL_A])
    two = cand("two", outcomes=[("urn:lo:9", [SKILL_A, SKILL_B])])
    lo = cand("lo", outcomes=[("urn:lo:1", [])])
    p = progress(t, [one, two, lo], NOW)
    assert only(p, "both") == ["two"]  # skills named through a learning outcome count too
    assert only(p, "lo") == ["lo"]


def test_hours_targets_read_volume_of_learning() -> None:
    t = target([comp("k", need=40, minCredits=10)], total=40, unit="hours")
    p = progress(t, [cand("a", hours=30, credits=5), cand("b", hours=12), cand("c", credits=60)], NOW)
    assert sorted(only(p, "k")) == ["a", "b"]
    assert p.credits_counted == 40 and p.unit == "hours" and p.fraction == 1.0


def test_sharing_lets_one_credential_fill_two_components_but_counts_credits_once() -> None:
    comps = [comp("a", credits=6, identifiers=["s"]), comp("b", credits=6, identifiers=["s"])]
    strict = progress(target(comps, total=12), [cand("x", spec="s", credits=6)], NOW)
    shared = progress(target(comps, total=12, sharing=True), [cand("x", spec="s", credits=6)], NOW)
    assert strict.components_met == 1 and shared.components_met == 2
    assert strict.credits_counted == shared.credits_counted == 6


def test_gaps_are_ordered_by_what_they_add_and_name_skills() -> None:
    t = target(
        [comp("small", credits=2, identifiers=["s1"]), comp("big", credits=10, escoSkills=[SKILL_A])],
        [group("electives", [comp("e1", credits=3, identifiers=["e1"]), comp("e2", credits=3, identifiers=["e2"])],
               choose=2)],
        total=20,
    )
    p = progress(t, [cand("e1", spec="e1", credits=3)], NOW)
    # each adds one unit; then by credits: big (10), electives (3), small (2)
    assert [g.id for g in p.gaps] == ["big", "electives", "small", "urn:test:target"]
    big = p.gaps[0]
    assert (big.units, big.credits, big.skills) == (1, 10.0, (SKILL_A,))
    electives = p.gaps[1]
    assert (electives.units, electives.options) == (1, ("e2",))
    assert p.gaps[-1].kind == "credits" and p.gaps[-1].credits == 2.0  # 20 - 3 counted - 15 listed above
    assert all(a.gain >= b.gain for a, b in itertools.pairwise(p.gaps))


def test_pool_partly_filled_is_a_gap_with_the_missing_credits() -> None:
    t = target([comp("pool", need=10, minCredits=1)], total=10)
    p = progress(t, [cand("a", credits=4)], NOW)
    assert not p.components[0].met and p.components[0].credits_counted == 4
    assert (p.gaps[0].units, p.gaps[0].credits) == (1, 6.0)
    assert p.fraction == pytest.approx(0.5 * 0 + 0.5 * 0.4)


def test_json_is_serialisable_and_complete() -> None:
    t = target([comp("k", credits=5, identifiers=["s"])], total=5)
    p = progress(t, [cand("x", spec="s", credits=5), cand("y", Verdict.INVALID, "revoked")], NOW)
    data = json.loads(json.dumps(p.to_json()))
    assert data["complete"] is True and data["fraction"] == 1.0
    assert data["allocations"]["k"][0]["credential"] == "x"
    assert data["pending"] == [{"credential": "y", "reason": "revoked", "message": {"id": "legacy.text",
                                                                                   "params": {"text": "revoked"}}}]
    assert data["asOf"] == NOW.isoformat()


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(InputError, match="offered twice"):
        progress(target([comp("k")]), [cand("x"), cand("x")], NOW)


def test_naive_now_is_utc_and_future_credentials_are_pending() -> None:
    t = target([comp("k", identifiers=["s"])])
    later = cand("later", spec="s")
    later = replace(later, credential=replace(later.credential, valid_from=NOW + timedelta(days=3)))
    p = progress(t, [later], datetime(2026, 6, 1))
    assert render(p.pending[0].reason).startswith("not valid before")
    assert p.as_of.tzinfo == UTC


def test_text_report_shows_allocations_and_reasons() -> None:
    t = target([comp("k", credits=6, identifiers=["s"])], total=6)
    lines = render_text(progress(t, [cand("x", spec="s", credits=6)], NOW))
    text = "\n".join(lines)
    assert "100 %" in text and "[x] k: met — 6 ECTS counted" in text
    assert "<- x: counts because it is the credential this requirement names" in text
