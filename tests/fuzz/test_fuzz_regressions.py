"""Every saved fuzz finding stays fixed: ``tests/fuzz_regressions/<target>/*`` through its fuzz target.

A finding is fixed when its input gives a report or a documented
:class:`wallet.errors.WalletError`, and nothing inside verification had to be
contained by the engine (an internal error turned into a not-checked check
still counts as a bug). Time is not asserted here: ``tools/fuzz.py`` holds
inputs to its 2 s limit, and the budget tests assert the refusals.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.fuzzing.targets import TARGETS
from wallet.errors import WalletError
from wallet.verify import engine

ROOT = Path(__file__).resolve().parents[2]
FINDINGS = sorted(p for p in (ROOT / "tests" / "fuzz_regressions").glob("*/*") if p.is_file())


def test_every_regression_folder_names_a_target() -> None:
    assert FINDINGS, "no saved findings"
    assert {p.parent.name for p in FINDINGS} <= set(TARGETS)


@pytest.mark.parametrize("path", FINDINGS, ids=[f"{p.parent.name}/{p.name}" for p in FINDINGS])
def test_saved_finding_stays_fixed(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    contained: list[BaseException] = []
    monkeypatch.setattr(engine, "log_internal_error", lambda exc, _what: contained.append(exc))
    try:
        TARGETS[path.parent.name].run(path.read_bytes())
    except WalletError:
        pass
    assert not contained, f"contained by the engine: {contained[0]!r}"
