"""The expanded-document budget (wallet.verify.budget.check_expanded_budget) against its one-walk form.

Why: the faster form counts the pairwise duplicate checks only when an
upper bound says they could exceed the cap; it must refuse exactly what
the plain walk below refuses, with the same sentence. The caps are lowered
here so that generated documents reach both of them.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.hypothesis_profiles import examples
from wallet.verify import budget
from wallet.verify.budget import WorkBudgetExceeded
from wallet.verify.node_index import indexable


def _plain_check(expanded: Any) -> None:
    """check_expanded_budget as it was: one walk that always counts the pairs."""
    values = 0
    slots: dict[Any, list[int]] = {}
    anonymous = 0
    stack = [expanded]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
            continue
        values += 1
        if not isinstance(item, dict) or "@value" in item:
            continue
        node = item.get("@id")
        if not isinstance(node, str):
            anonymous += 1
            node = anonymous
        for key, member in item.items():
            if key == "@id":
                continue
            members = member if isinstance(member, list) else [member]
            slot = slots.setdefault((node, key), [0, 0])
            slot[0] += len(members)
            if not slot[1] and not all(indexable(m) for m in members):
                slot[1] = 1
            if isinstance(member, (dict, list)):
                stack.append(member)
    if values > budget.MAX_EXPANDED_VALUES:
        raise WorkBudgetExceeded(
            f"the credential expands to {values:,} JSON-LD values; at most {budget.MAX_EXPANDED_VALUES:,} are processed"
        )
    checks = sum(n * (n - 1) // 2 for n, unindexable in slots.values() if unindexable)
    if checks > budget.MAX_DUPLICATE_CHECKS:
        biggest = max(n for n, unindexable in slots.values() if unindexable)
        raise WorkBudgetExceeded(
            f"the credential gives one node {biggest:,} structured values for the same property; "
            "processing it would take too long"
        )


def _outcome(check: Any, expanded: Any) -> str | None:
    try:
        check(expanded)
    except WorkBudgetExceeded as exc:
        return str(exc)
    return None


LEAVES = st.one_of(
    st.sampled_from(["a", "urn:x", 1, True, None]),
    st.builds(lambda v: {"@value": v}, st.sampled_from(["x", 1, 2.5, False])),
    st.builds(lambda v: {"@value": v, "@type": "@json"}, st.dictionaries(st.sampled_from("ab"), st.integers(0, 2))),
    st.just({"@value": "x", "@id": "urn:both"}),  # no hashable key: not indexable
)
NODES = st.recursive(
    LEAVES,
    lambda inner: st.one_of(
        st.lists(inner, max_size=6),
        st.dictionaries(st.sampled_from(["@id", "p", "q", "@type", "@graph"]), st.one_of(inner, st.lists(inner, max_size=8)),
                        max_size=4).map(lambda d: {**d, "@id": "urn:same"} if "p" in d and len(d) % 2 else d),
    ),
    max_leaves=60,
)


CAPS = [(10**9, 10**9), (40, 10**9), (10**9, 3), (10**9, 0), (25, 8)]


@settings(max_examples=examples(300))
@given(expanded=st.lists(NODES, max_size=4))
def test_budget_refuses_exactly_what_the_plain_walk_refuses(expanded: list[Any]) -> None:
    for values, checks in CAPS:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(budget, "MAX_EXPANDED_VALUES", values)
            patch.setattr(budget, "MAX_DUPLICATE_CHECKS", checks)
            assert _outcome(budget.check_expanded_budget, expanded) == _outcome(_plain_check, expanded), (values, checks)


def test_the_generated_documents_reach_both_refusals(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not vacuous: with low caps, the exact pair count refuses and the bound alone would not decide."""
    monkeypatch.setattr(budget, "MAX_DUPLICATE_CHECKS", 3)
    unindexable = [{"p": [{"@value": {"a": 1}, "@type": "@json"} for _ in range(4)]}]
    indexable_only = [{"p": ["a", "b", "c", "d"]}]
    assert "structured values" in (_outcome(budget.check_expanded_budget, unindexable) or "")
    assert _outcome(budget.check_expanded_budget, indexable_only) is None
    assert _outcome(_plain_check, indexable_only) is None
