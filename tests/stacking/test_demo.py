"""Demo data: the documented shape, and each bundled target filled partly."""

from __future__ import annotations

import pytest

from wallet.stacking import bundled_targets, progress
from wallet.stacking.demo import DEMO_KEYS, demo_achievements, demo_candidates


def test_demo_items_have_exactly_the_documented_keys() -> None:
    items = demo_achievements()
    assert items
    for item in items:
        assert set(item) == set(DEMO_KEYS) | {"target"}
        assert isinstance(item["title"], str) and item["issuer_id"].startswith("did:")
        assert item["credits"] is None or item["credits"] > 0
        assert all(set(lo) == {"title", "esco_skills"} for lo in item["learning_outcomes"])


@pytest.mark.parametrize("target", bundled_targets(), ids=lambda t: t.id.rsplit(":", 1)[-1])
def test_each_bundled_target_is_filled_partly_by_its_demo_data(target) -> None:  # type: ignore[no-untyped-def]
    candidates = demo_candidates(target.id)
    assert candidates, f"no demo data for {target.id}"
    result = progress(target, candidates)
    assert 0 < result.fraction < 1
    assert result.gaps
    assert not result.pending
