"""The ``properties`` target: the project's Hypothesis tests with random exploration.

The test suite runs every property derandomized (``tests/hypothesis_profiles.py``),
so a landing never depends on luck. Here the same tests run under the
``fuzz`` profile: a fresh random seed per round and many more examples per
test (``HYPOTHESIS_FUZZ_FACTOR``), round after round until the time is spent.
A failing property is reported with pytest's output (Hypothesis prints the
falsifying example and the ``@reproduce_failure`` blob).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tools.fuzzing.targets import ROOT

_SUMMARY = re.compile(r"(\d+) (passed|failed|error|errors)")


#: Seconds one round of the property tests takes at the suite's example counts (measured: ~25 s).
ROUND_SECONDS = 25


def run_properties(seconds: float, findings: Path, factor: int | None = None) -> dict[str, Any]:
    """Rounds of ``pytest -m hypothesis tests`` under the fuzz profile until ``seconds`` are spent.

    The examples per test scale with the time given (``HYPOTHESIS_FUZZ_FACTOR``
    overrides): one round should fit, and each round draws new random examples.
    """
    if factor is None:
        factor = int(os.environ.get("HYPOTHESIS_FUZZ_FACTOR") or max(1, min(50, int((seconds - 20) // ROUND_SECONDS))))
    env = dict(os.environ, HYPOTHESIS_PROFILE="fuzz", HYPOTHESIS_FUZZ_FACTOR=str(factor), QT_QPA_PLATFORM="offscreen")
    deadline = time.monotonic() + seconds
    rounds = passed = 0
    failures: dict[str, dict[str, Any]] = {}
    stopped = False
    while time.monotonic() < deadline - 5:
        remaining = deadline - time.monotonic()
        cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "hypothesis", "-x",
               "--timeout=0", "tests"]
        try:
            proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=remaining, check=False)
        except subprocess.TimeoutExpired:
            stopped = True  # the round was cut at the deadline: not a failure
            break
        rounds += 1
        counts = {kind: int(n) for n, kind in _SUMMARY.findall(proc.stdout.splitlines()[-1] if proc.stdout else "")}
        passed += counts.get("passed", 0)
        if proc.returncode not in (0, 5):
            findings.mkdir(parents=True, exist_ok=True)
            log = findings / f"round-{rounds}.log"
            log.write_text(proc.stdout + proc.stderr, encoding="utf-8")
            for name in re.findall(r"^FAILED (\S+)", proc.stdout, re.MULTILINE) or ["pytest exited with " + str(proc.returncode)]:
                entry = failures.setdefault(name, {"count": 0, "files": [], "detail": ""})
                entry["count"] += 1
                entry["files"].append(str(log.relative_to(ROOT)))
    return {"target": "properties", "engine": f"hypothesis (fuzz profile, x{factor} examples)", "rounds": rounds,
            "executions": passed, "crashes": failures, "hangs": {}, "stopped_at_deadline": stopped}
