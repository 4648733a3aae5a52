"""tools/fuzz.py records crashes and hangs, and runs a target end to end (briefly)."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tools.fuzzing import mutate
from tools.fuzzing.runner import Executor, crash_signature
from tools.fuzzing.targets import TARGETS, Target

ROOT = Path(__file__).resolve().parents[2]


def _crashing(data: bytes) -> None:
    if data.startswith(b"{"):
        raise KeyError("boom")
    if data == b"slow":
        time.sleep(1.0)
    if data == b"refused":
        from wallet.errors import InputError

        raise InputError("refused")


def test_executor_records_crashes_hangs_and_refusals(tmp_path: Path) -> None:
    target = Target("selftest", _crashing, "test")
    stats = tmp_path / "stats.json"
    previous = signal.getsignal(signal.SIGALRM)  # the watchdog's; pytest-timeout sets its own per test
    try:
        executor = Executor(target, tmp_path / "findings", stats, hang_seconds=0.2)
        assert executor.execute(b"{}") == "crash"
        assert executor.execute(b'{"a": 1}') == "crash"
        assert executor.execute(b"slow") == "hang"
        assert executor.execute(b"refused") == "refused"
        assert executor.execute(b"fine") == "ok"
        executor.flush()
    finally:
        signal.signal(signal.SIGALRM, previous)
    saved = json.loads(stats.read_text())
    (sig, entry), = saved["crashes"].items()
    assert sig.startswith("KeyError at ") and "_crashing" in sig and entry["count"] == 2
    assert len(entry["files"]) == 2 and saved["hangs"] and saved["executions"] == 5
    assert sorted(p.name.split("-")[0] for p in (tmp_path / "findings").iterdir()) == ["crash", "crash", "hang"]


def test_crash_signature_names_type_and_innermost_frame() -> None:
    try:
        _crashing(b"{")
    except KeyError as exc:
        assert crash_signature(exc).startswith("KeyError at tests/fuzz/test_fuzz_harness.py:")


@pytest.mark.parametrize("seed", range(20))
def test_mutators_are_total(seed: int) -> None:
    rng = random.Random(seed)
    inputs = [b"", b"{", b'{"a": [1, {"b": null}]}', b"eyJhbGciOiJFZERTQSJ9.eyJhIjoxfQ.sig~WyJzIiwibiIsMV0~",
              b"<svg><a x='1'>t</a></svg>", b"\x89PNG\r\n\x1a\nxx", b"wallet:/open#v=1&b=AAAA", b'{"format":"x"}\n{}\n{}\n']
    for data in inputs:
        out = mutate.structured_mutation(data, rng)
        assert isinstance(out, bytes)
        assert isinstance(mutate.mutate_bytes(data, rng, 1024), bytes)


def test_every_target_is_registered_with_seeds_or_a_generator() -> None:
    expected = {"detect", "dataintegrity", "jose", "ob2", "jades", "edci", "status", "sharelink", "presentation",
                "restore", "targets"}
    assert expected <= set(TARGETS)
    for target in TARGETS.values():
        assert target.shared_globs or target.generated, target.name


def test_fuzz_command_runs_a_target_briefly(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "tools/fuzz.py", "detect", "--seconds", "4", "--engine", "hypothesis", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=240, check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    result = json.loads(proc.stdout.splitlines()[-1])
    assert result["target"] == "detect" and result["executions"] > 0
    assert result["crashes"] == {} and result["hangs"] == {} and result["peak_rss_mb"] < 512
