"""The fuzz worker: runs one target in this process and records what goes wrong.

One input is executed under a watchdog (``signal.setitimer``): longer than
the limit is a hang. Any exception other than a documented
:class:`wallet.errors.WalletError` is a crash, identified by its signature
(exception type + innermost frame); the input is saved under
``fuzz-findings/<target>/``. Opening a network connection is a crash too
(verification must be offline). Statistics go to a JSON file every couple of
seconds, so the parent still has them when libFuzzer ends the process (an
out-of-memory or a hard timeout).

Engines: atheris (libFuzzer, coverage-guided, with our structure-aware
mutator as its custom mutator) when it is installed; Hypothesis otherwise
(random bytes and seeded structure-aware mutations, ``derandomize=False``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import random
import resource
import signal
import socket
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tools.fuzzing.mutate import mutate_bytes, structured_mutation
from tools.fuzzing.targets import ROOT, Target

HANG_SECONDS = 2.0
RSS_LIMIT_MB = 512
MAX_SAVED_PER_SIGNATURE = 3
#: An input that raises the process's peak RSS by this much is kept as memory-<hash>.bin.
MEMORY_STEP_MB = 48
#: The input being run, rewritten before each one (atheris only): what was running when libFuzzer stopped the process.
CURRENT_INPUT = "current-input.bin"


class Hang(BaseException):
    """Raised by the watchdog; a BaseException so no ``except Exception`` in the code under test swallows it."""


class NetworkAttempt(BaseException):
    """The code under test tried to open a network connection."""


def _no_network(*_args: Any, **_kwargs: Any) -> Any:
    raise NetworkAttempt("network access attempted while fuzzing (verification must be offline)")


def block_network() -> None:
    socket.socket.connect = _no_network  # type: ignore[method-assign]
    socket.create_connection = _no_network  # type: ignore[assignment]
    socket.getaddrinfo = _no_network  # type: ignore[assignment]


def _frame_label(frame: traceback.FrameSummary) -> str:
    path = frame.filename
    for marker in ("site-packages/", str(ROOT) + "/"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    return f"{path}:{frame.lineno} {frame.name}"


def crash_signature(exc: BaseException) -> str:
    """Exception type and the innermost frame where it was raised."""
    frames = traceback.extract_tb(exc.__traceback__)
    top = _frame_label(frames[-1]) if frames else "?"
    return f"{type(exc).__module__}.{type(exc).__qualname__} at {top}".removeprefix("builtins.")


@dataclass
class Stats:
    target: str
    engine: str
    executions: int = 0
    seconds: float = 0.0
    crashes: dict[str, dict[str, Any]] = field(default_factory=dict)
    hangs: dict[str, dict[str, Any]] = field(default_factory=dict)
    slowest_s: float = 0.0
    peak_rss_mb: float = 0.0
    memory_steps: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "target": self.target, "engine": self.engine, "executions": self.executions,
            "seconds": round(self.seconds, 2), "crashes": self.crashes, "hangs": self.hangs,
            "slowest_s": round(self.slowest_s, 3), "peak_rss_mb": round(self.peak_rss_mb, 1),
            "memory_steps": self.memory_steps[-20:],
        }


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Executor:
    """Runs inputs through one target with the watchdog; records crashes and hangs."""

    def __init__(self, target: Target, findings: Path, stats_file: Path | None, hang_seconds: float = HANG_SECONDS) -> None:
        from wallet.errors import WalletError

        self.target = target
        self.findings = findings
        self.stats_file = stats_file
        self.hang_seconds = hang_seconds
        self.allowed = WalletError
        self.stats = Stats(target.name, "")
        self.started = time.monotonic()
        self.last_flush = 0.0
        self.contained: list[BaseException] = []
        self.keep_current = False
        self.armed = False
        self.peak_before = 0.0
        signal.signal(signal.SIGALRM, self._alarm)

    def watch_engine(self) -> None:
        """Count what the engine contains as crashes too (worker processes only: this patches globals).

        The engine turns an unexpected exception into a not-checked check and
        a log line so a batch finishes; for the fuzzer it is still a bug.
        """
        from wallet.verify import engine

        original = engine.log_internal_error

        def record(exc: BaseException, what: str) -> None:
            self.contained.append(exc)
            original(exc, what)

        engine.log_internal_error = record  # type: ignore[assignment]
        logging.getLogger("wallet").setLevel(logging.CRITICAL)  # recorded here; no log noise

    def _alarm(self, _signum: int, _frame: Any) -> None:
        # Only while an input runs: an alarm handled after it finished (the handler runs between
        # bytecodes, maybe in a `finally`) must not escape to libFuzzer as an uncaught exception.
        if self.armed:
            raise Hang()

    def _save(self, kind: str, signature: str, data: bytes, detail: str) -> dict[str, Any]:
        table = self.stats.crashes if kind == "crash" else self.stats.hangs
        entry = table.setdefault(signature, {"count": 0, "files": [], "detail": detail})
        entry["count"] += 1
        if len(entry["files"]) < MAX_SAVED_PER_SIGNATURE:
            self.findings.mkdir(parents=True, exist_ok=True)
            sig = hashlib.sha1(signature.encode()).hexdigest()[:10]
            name = f"{kind}-{sig}-{hashlib.sha1(data).hexdigest()[:12]}.bin"
            (self.findings / name).write_bytes(data)
            entry["files"].append(str((self.findings / name).relative_to(ROOT) if self.findings.is_relative_to(ROOT) else self.findings / name))
        return entry

    def _save_memory(self, data: bytes, before: float, after: float) -> None:
        """A note, not a finding by itself (the limit is judged on the peak): the input and the growth."""
        self.findings.mkdir(parents=True, exist_ok=True)
        name = f"memory-{hashlib.sha1(data).hexdigest()[:12]}.bin"
        (self.findings / name).write_bytes(data)
        self.stats.memory_steps.append({"file": name, "before_mb": round(before), "after_mb": round(after)})

    def _run(self, data: bytes) -> str:
        try:
            self.target.run(data)
        except Hang:
            return "hang"
        except self.allowed:
            return "refused"
        except (Exception, NetworkAttempt, RecursionError, SystemExit, GeneratorExit) as exc:  # noqa: BLE001 - every escape is a finding
            signal.setitimer(signal.ITIMER_REAL, 0)
            self._save("crash", crash_signature(exc), data, "".join(traceback.format_exception(exc))[-4000:])
            return "crash"
        outcome = "ok"
        for exc in self.contained:
            self._save("crash", "contained by the engine: " + crash_signature(exc), data,
                       "".join(traceback.format_exception(exc))[-4000:])
            outcome = "crash"
        return outcome

    def execute(self, data: bytes) -> str:
        """Run one input; 'ok', 'refused' (a WalletError), 'crash' or 'hang'."""
        self.stats.executions += 1
        if self.keep_current:
            # libFuzzer's out-of-memory artifact is its own (empty) unit for a custom mutator, and a
            # process killed for its RSS cannot save anything: the input on disk first says which one.
            (self.findings / CURRENT_INPUT).write_bytes(data)
        start = time.monotonic()
        if not self.peak_before:
            self.peak_before = peak_rss_mb()
        outcome = "ok"
        self.contained.clear()
        self.armed = True
        signal.setitimer(signal.ITIMER_REAL, self.hang_seconds)
        try:
            outcome = self._run(data)
        except Hang:  # the alarm went off as the input finished, after its own handlers
            outcome = "hang"
        finally:
            self.armed = False
            signal.setitimer(signal.ITIMER_REAL, 0)
        elapsed = time.monotonic() - start
        self.stats.slowest_s = max(self.stats.slowest_s, elapsed)
        peak = peak_rss_mb()
        if peak - self.peak_before >= MEMORY_STEP_MB:
            # One input raised the peak a lot: keep it (libFuzzer checks the peak once a second, so the
            # input running when it stops the process need not be the one that grew it).
            self._save_memory(data, self.peak_before, peak)
        self.peak_before = peak
        if outcome == "hang" or elapsed > self.hang_seconds:
            self._save("hang", f"longer than {self.hang_seconds:g} s", data, f"{elapsed:.2f} s")
            outcome = "hang"
        now = time.monotonic()
        if now - self.last_flush > 2.0:
            self.flush()
        return outcome

    def flush(self) -> None:
        self.last_flush = time.monotonic()
        self.stats.seconds = self.last_flush - self.started
        self.stats.peak_rss_mb = peak_rss_mb()
        if self.stats_file is not None:
            tmp = self.stats_file.with_suffix(".tmp")
            tmp.write_text(json.dumps(self.stats.to_json()), encoding="utf-8")
            tmp.replace(self.stats_file)


def warm_up(executor: Executor, seeds: list[bytes]) -> None:
    """Run the seeds once without counting time against them: first calls load contexts, schemas, keys."""
    saved = executor.hang_seconds
    executor.hang_seconds = 60.0
    try:
        for data in seeds[:50]:
            executor.execute(data)
    finally:
        executor.hang_seconds = saved
        executor.stats.executions = 0
        executor.stats.hangs.clear()
        executor.stats.slowest_s = 0.0


def run_hypothesis(executor: Executor, seeds: list[bytes], seconds: float) -> None:
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    executor.stats.engine = "hypothesis"
    deadline = time.monotonic() + seconds
    executor.started = time.monotonic()
    max_len = executor.target.max_len

    @settings(max_examples=100, deadline=None, derandomize=False, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def batch(data: st.DataObject) -> None:
        # Draw first, then decide: what is drawn must not depend on the clock.
        raw_bytes = not seeds or data.draw(st.integers(0, 9)) == 0
        drawn = data.draw(st.binary(max_size=4096)) if raw_bytes else b""
        rng = random.Random(data.draw(st.integers(0, 2**64 - 1)))
        if time.monotonic() > deadline:
            return
        if raw_bytes:
            executor.execute(drawn)
            return
        buf = seeds[rng.randrange(len(seeds))]
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            buf = structured_mutation(buf, rng) if rng.random() < 0.7 else mutate_bytes(buf, rng, max_len)
        executor.execute(buf)

    while time.monotonic() < deadline:
        batch()
    executor.flush()


def run_atheris(executor: Executor, seeds: list[bytes], seconds: float, corpus: Path, seed_dir: Path) -> None:
    import atheris

    executor.stats.engine = "atheris"
    deadline = time.monotonic() + seconds
    executor.started = time.monotonic()

    def one_input(data: bytes) -> None:
        if time.monotonic() > deadline:
            executor.flush()
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0)
        executor.execute(data)

    def mutator(data: bytes, max_size: int, seed: int) -> bytes:
        rng = random.Random(seed)
        if rng.random() < 0.5:
            out = structured_mutation(data, rng)
            if out != data:
                return out[:max_size]
        return atheris.Mutate(data, max_size)

    corpus.mkdir(parents=True, exist_ok=True)
    executor.keep_current = True
    max_len = max([executor.target.max_len, *(len(s) for s in seeds)])
    executor.findings.mkdir(parents=True, exist_ok=True)
    argv = [
        sys.argv[0], f"-max_total_time={int(seconds) + 60}", "-timeout=30", f"-rss_limit_mb={RSS_LIMIT_MB}",
        f"-max_len={max_len}", f"-artifact_prefix={executor.findings}/libfuzzer-", "-reload=0",
        "-print_pcs=0", str(corpus), str(seed_dir),
    ]
    atheris.Setup(argv, one_input, custom_mutator=mutator)
    atheris.Fuzz()


def replay(executor: Executor, files: list[Path]) -> list[dict[str, Any]]:
    """Re-run saved inputs (no instrumentation): how long each takes and what it does now."""
    results = []
    for path in files:
        data = path.read_bytes()
        start = time.monotonic()
        outcome = executor.execute(data)
        results.append({"file": str(path), "outcome": outcome, "seconds": round(time.monotonic() - start, 3)})
    return results
