"""Hand-checked cases where first-fit (greedy) allocation loses progress and the engine does not."""

from __future__ import annotations

from stack_helpers import NOW, cand, comp, greedy, group, target

from wallet.stacking import progress


def test_credential_matching_two_components_goes_where_it_is_needed() -> None:
    # A matches both courses, B only the first. Greedy gives A to the first and leaves the second empty.
    t = target([comp("course-1", identifiers=["A", "B"]), comp("course-2", identifiers=["A"])])
    cands = [cand("A", spec="A"), cand("B", spec="B")]
    assert greedy(t, {"A": 0, "B": 0}, {"course-1": ["A", "B"], "course-2": ["A"]}) == (1, 0)

    p = progress(t, cands, NOW)
    assert (p.components_met, p.components_total) == (2, 2)
    assert [a.credential_id for a in p.allocations["course-1"]] == ["B"]
    assert [a.credential_id for a in p.allocations["course-2"]] == ["A"]
    assert p.fraction == 1.0 and not p.gaps


def test_credit_group_is_not_overshot_by_a_large_credential() -> None:
    # Electives need (and count) exactly 10; free electives need 8. Credentials: 8, 5, 5, all eligible for both.
    # Whatever order the engine considers them in, the 8 must go to the free pool and 5+5 to the electives
    # (the next test shows greedy getting this wrong when the electives come first).
    members = [comp("el", need=10, minCredits=1)]
    t = target(
        [comp("free", need=8, minCredits=1)],
        [group("electives", members, min_credits=10, max_credits=10)],
        total=18,
    )
    credits = {"big": 8.0, "s1": 5.0, "s2": 5.0}
    cands = [cand(k, credits=v) for k, v in credits.items()]
    p = progress(t, cands, NOW)
    assert (p.components_met, p.components_total) == (2, 2)
    assert p.credits_counted == 18
    assert sorted(a.credential_id for a in p.allocations["el"]) == ["s1", "s2"]
    assert [a.credential_id for a in p.allocations["free"]] == ["big"]


def test_greedy_overshoot_in_group_order() -> None:
    # Same trap with the group before the pool in allocation order: largest-first fills the group with 8+5.
    t = target(
        [comp("core", identifiers=["core"])],
        [group("electives", [comp("el", need=10, minCredits=1)], min_credits=10, max_credits=10),
         group("free", [comp("free-pool", need=8, minCredits=1)], min_credits=8)],
        total=18,
    )
    credits = {"big": 8.0, "s1": 5.0, "s2": 5.0}
    assert greedy(t, credits, {"el": list(credits), "free-pool": list(credits)}) == (1, 15.0)
    p = progress(t, [cand(k, credits=v) for k, v in credits.items()], NOW)
    assert p.components_met == 2  # both credit thresholds; "core" has no credential
    assert p.credits_counted == 18


def test_choose_k_of_n_uses_the_credential_that_only_fits_one_option() -> None:
    # Choose 2 of {x, y, w}: P fits x and y, Q fits only x. Greedy: x<-P, then y and w have nothing.
    members = [comp("x", identifiers=["P", "Q"]), comp("y", identifiers=["P"]), comp("w", identifiers=["nobody"])]
    t = target(groups=[group("pick-two", members, choose=2)])
    assert greedy(t, {"P": 0, "Q": 0}, {"x": ["P", "Q"], "y": ["P"]}) == (1, 0)
    p = progress(t, [cand("P", spec="P"), cand("Q", spec="Q")], NOW)
    assert p.components_met == 2
    assert [a.credential_id for a in p.allocations["x"]] == ["Q"]
    assert [a.credential_id for a in p.allocations["y"]] == ["P"]
    assert p.groups[0].met


def test_choose_k_is_never_overfilled_even_when_credits_would_grow() -> None:
    # Choose 1 of two 6-ECTS options, total 12: filling both would count 12, but the rule allows one.
    t = target(groups=[group("one", [comp("a", credits=6), comp("b", credits=6)], choose=1)], total=12)
    p = progress(t, [cand("a", spec="a", credits=6), cand("b", spec="b", credits=6)], NOW)
    filled = [k for k, v in p.allocations.items() if v]
    assert filled == ["a"]  # tie broken by credential id
    assert p.credits_counted == 6 and p.components_met == 1


def test_lexicographic_components_before_credits() -> None:
    # One 10-ECTS credential fits a 10-ECTS slot or a 2-ECTS required slot that nothing else fits;
    # a 3-ECTS credential fits only the 10-ECTS slot. Meeting both requirements beats counting more credits.
    t = target([comp("big", credits=10, identifiers=["ten", "three"]), comp("small", credits=2, identifiers=["ten"])], total=12)
    p = progress(t, [cand("ten", spec="ten", credits=10), cand("three", spec="three", credits=3)], NOW)
    assert p.components_met == 2
    assert p.credits_counted == 5  # 3 in "big", 2 (capped) in "small"
