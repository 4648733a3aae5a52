"""Measuring whole processes the same way for the wallet and the reference peer.

Why its own module: every figure of issue 17 is a spread (min/median/max
over at least five runs) and, where the peer does the same work, a ratio of
medians measured in the same run. A process is timed with ``os.wait4``,
which gives that one child's CPU time and peak RSS (``RUSAGE_CHILDREN``
would mix every child ever waited for).
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import sysconfig
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Run:
    """One finished process: wall and CPU seconds, peak RSS in MiB, exit code, what it printed."""

    wall: float
    cpu: float
    rss_mib: float
    code: int
    stdout: str


@dataclass(frozen=True)
class Spread:
    """min / median / max of a list of figures."""

    low: float
    median: float
    high: float
    n: int

    @staticmethod
    def of(values: Sequence[float]) -> Spread:
        return Spread(min(values), statistics.median(values), max(values), len(values))

    def text(self, unit: str = "", digits: int = 2) -> str:
        return f"{self.median:.{digits}f}{unit} (min {self.low:.{digits}f}, max {self.high:.{digits}f}, n={self.n})"

    def to_json(self) -> dict[str, float]:
        return {"min": round(self.low, 6), "median": round(self.median, 6), "max": round(self.high, 6), "n": self.n}


def run(argv: Sequence[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """Run one process to its end and measure it; its output is kept, not shown.

    The child is reaped here with ``wait4`` (not by ``Popen.wait``), so its
    own CPU time and peak RSS can be read.
    """
    started = time.perf_counter()
    proc = subprocess.Popen(list(argv), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL, env=env, cwd=cwd)
    assert proc.stdout is not None
    out = proc.stdout.read()
    proc.stdout.close()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)  # so Popen never waits for it again
    wall = time.perf_counter() - started
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, proc.returncode,
               out.decode("utf-8", "replace"))


def compile_wallet() -> None:
    """Byte-compile the wallet, as installing it does (``tools/bootstrap.sh``, or pip for a normal install).

    With ``PYTHONDONTWRITEBYTECODE`` set (it is on some machines, this one
    included) an editable install never writes its ``.pyc`` files, and every
    process would compile every module from source: that is not what a user
    of an installed wallet waits for.
    """
    subprocess.run([python(), "-m", "compileall", "-q", str(ROOT / "wallet")], check=True)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def memory_gib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return 0.0


def node_version() -> str:
    try:
        return subprocess.run(["node", "--version"], capture_output=True, text=True, timeout=30, check=False).stdout.strip()
    except OSError:
        return "not found"


def git_commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT,
                              timeout=30, check=False).stdout.strip() or "?"
    except OSError:
        return "?"


def machine() -> dict[str, object]:
    """What the figures were measured on (printed with every run of the benchmarks)."""
    return {
        "cpu": cpu_model(), "cores": os.cpu_count(), "memory_gib": round(memory_gib(), 1),
        "python": platform.python_version(), "python_build": python_build(), "node": node_version(),
        "os": platform.platform(),
        "commit": git_commit(), "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def python_build() -> str:
    """Where the interpreter comes from and how it was built: the same code runs 8-14% faster
    on Debian's own python3.11 than on an unoptimised ``--enable-shared`` build (docs/PERFORMANCE.md)."""
    args = str(sysconfig.get_config_var("CONFIG_ARGS") or "")
    flags = [name for name in ("--enable-optimizations", "--with-lto") if name in args]
    try:  # what this process loaded, not what the build could produce (Debian ships both)
        shared = "libpython shared library" if "libpython" in Path("/proc/self/maps").read_text() else "static"
    except OSError:
        shared = "shared" if sysconfig.get_config_var("Py_ENABLE_SHARED") else "static"
    return f"{sys.base_prefix} ({shared}{', ' + ', '.join(flags) if flags else ''})"


def python() -> str:
    """The interpreter running the benchmarks (the project's venv when started from it)."""
    return sys.executable
