#!/usr/bin/env python3
"""Fuzz the wallet's hostile-input entry points in-process.

    tools/fuzz.py TARGET --seconds N [--jobs 1] [--engine auto|atheris|hypothesis]
    tools/fuzz.py all --seconds N          every input target, one after the other (not 'properties')
    tools/fuzz.py list                     the targets
    tools/fuzz.py properties --seconds N   the property tests with random exploration

Coverage-guided with atheris (libFuzzer) when it is installed, Hypothesis
otherwise; seeded from ``$WALLET_SHARED`` (default ``../shared``), from the
committed seed corpus ``tests/fuzz_seeds/<target>/`` and from the fixed
regressions ``tests/fuzz_regressions/<target>/``. Each target runs in its own
process; findings (crash inputs, hangs, libFuzzer artifacts) go to
``fuzz-findings/<target>/`` (git-ignored). Exit status 1 when any target
crashed, hung (> 2 s on one input) or went over 512 MiB RSS.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools.fuzzing.runner import CURRENT_INPUT, HANG_SECONDS, RSS_LIMIT_MB  # noqa: E402
from tools.fuzzing.targets import TARGETS  # noqa: E402

FINDINGS = ROOT / "fuzz-findings"
_COV = re.compile(r"cov: (\d+) ft: (\d+)")
_LIBFUZZER_KINDS = {"timeout": "hang", "oom": "rss", "crash": "crash", "leak": "crash", "slow-unit": "hang"}


def _engine(choice: str) -> str:
    if choice != "auto":
        return choice
    return "atheris" if importlib.util.find_spec("atheris") is not None else "hypothesis"


# -- worker side ----------------------------------------------------------------------------------

def worker(args: argparse.Namespace) -> int:
    from tools.fuzzing import runner, seeds

    target = TARGETS[args.worker]
    findings = FINDINGS / target.name
    runner.block_network()
    if args.engine == "atheris" and not args.replay:
        import atheris

        # Everything the target imports from here on is instrumented for coverage.
        instrumented: Any = atheris.instrument_imports(include=list(target.instrument))
    else:
        instrumented = contextlib.nullcontext()
    with instrumented:
        if target.setup is not None:
            target.setup()
        executor = runner.Executor(target, findings, Path(args.stats))
        executor.watch_engine()
        inputs = seeds.collect(target)
        runner.warm_up(executor, inputs)
    if args.replay:
        files = [Path(f) for f in args.replay]
        executor.hang_seconds = HANG_SECONDS
        results = runner.replay(executor, files)
        Path(args.stats).write_text(json.dumps({"replay": results}), encoding="utf-8")
        return 0
    if args.engine == "atheris":
        with tempfile.TemporaryDirectory(prefix=f"fuzz-seeds-{target.name}-") as tmp:
            seeds.write_seed_dir(inputs, Path(tmp))
            runner.run_atheris(executor, inputs, args.seconds, findings / "corpus", Path(tmp))
    else:
        runner.run_hypothesis(executor, inputs, args.seconds)
    return 0


# -- parent side ----------------------------------------------------------------------------------

def _spawn(name: str, seconds: float, engine: str, stats: Path, log: Path, replay: list[str] | None = None) -> tuple[int, float]:
    """Run one worker; (exit status, its peak RSS in MiB from wait4)."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", name, "--seconds", f"{seconds:.1f}",
           "--engine", engine, "--stats", str(stats)]
    if replay:
        cmd += ["--replay", *replay]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    with log.open("ab") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, usage.ru_maxrss / 1024


def _merge(total: dict[str, Any], part: dict[str, Any]) -> None:
    total["executions"] += part.get("executions", 0)
    total["seconds"] += part.get("seconds", 0.0)
    total["slowest_s"] = max(total["slowest_s"], part.get("slowest_s", 0.0))
    total.setdefault("memory_steps", []).extend(part.get("memory_steps", []))
    total["engine"] = part.get("engine") or total["engine"]
    for kind in ("crashes", "hangs"):
        for sig, entry in part.get(kind, {}).items():
            mine = total[kind].setdefault(sig, {"count": 0, "files": [], "detail": entry.get("detail", "")})
            mine["count"] += entry["count"]
            mine["files"] += entry["files"][: 3 - len(mine["files"])]


def _libfuzzer_artifacts(folder: Path, before: set[Path]) -> list[Path]:
    return sorted(p for p in folder.glob("libfuzzer-*") if p not in before)


def fuzz_target(name: str, seconds: float, engine: str) -> dict[str, Any]:
    findings = FINDINGS / name
    findings.mkdir(parents=True, exist_ok=True)
    if name == "properties":
        from tools.fuzzing.properties import run_properties

        started = time.monotonic()
        result = run_properties(seconds, findings)
        result.update(seconds=time.monotonic() - started, peak_rss_mb=None, coverage=None, slowest_s=None)
        return result
    log = findings / "worker.log"
    log.write_bytes(b"")
    total: dict[str, Any] = {"target": name, "engine": engine, "executions": 0, "seconds": 0.0, "crashes": {},
                             "hangs": {}, "slowest_s": 0.0, "peak_rss_mb": 0.0, "coverage": None, "restarts": 0}
    deadline = time.monotonic() + seconds
    while True:
        remaining = deadline - time.monotonic()
        if remaining < 3 and total["executions"]:
            break
        stats = findings / "stats.json"
        stats.unlink(missing_ok=True)
        before = set(findings.glob("libfuzzer-*"))
        status, rss = _spawn(name, max(remaining, 3.0), engine, stats, log)
        total["peak_rss_mb"] = max(total["peak_rss_mb"], rss)
        if stats.exists():
            _merge(total, json.loads(stats.read_text(encoding="utf-8")))
        for artifact in _libfuzzer_artifacts(findings, before):
            kind = _LIBFUZZER_KINDS.get(artifact.name.split("-")[1], "crash")
            table = total["hangs"] if kind == "hang" else total["crashes"]
            sig = f"libFuzzer {artifact.name.split('-')[1]} (see {log.relative_to(ROOT)})"
            table.setdefault(sig, {"count": 0, "files": [], "detail": ""})
            table[sig]["count"] += 1
            table[sig]["files"].append(str(_running_input(findings, artifact).relative_to(ROOT)))
        if status == 0:
            break
        total["restarts"] += 1
        if total["restarts"] > 20:
            break
    (findings / CURRENT_INPUT).unlink(missing_ok=True)
    if not total["executions"]:
        # A worker that dies before its first input (an import error, a broken seed set) found
        # nothing because it tested nothing: that is a failure, not a clean run.
        sig = f"the worker ran no input (exit status {status}; see {log.relative_to(ROOT)})"
        total["crashes"][sig] = {"count": 1, "files": [], "detail": _log_tail(log)}
    covs = _COV.findall(log.read_text(encoding="utf-8", errors="replace"))
    if covs:
        total["coverage"] = {"cov": int(covs[-1][0]), "ft": int(covs[-1][1])}
    if engine == "atheris" and total["hangs"]:
        _confirm_hangs(name, total, findings, log)
    return total


def _running_input(findings: Path, artifact: Path) -> Path:
    """The input the worker was running when libFuzzer stopped it (see ``runner.CURRENT_INPUT``)."""
    current = findings / CURRENT_INPUT
    if not current.exists():
        return artifact
    data = current.read_bytes()
    kept = findings / f"{artifact.name.split('-')[0]}-{artifact.name.split('-')[1]}-input-{hashlib.sha1(data).hexdigest()[:12]}.bin"
    kept.write_bytes(data)
    current.unlink()
    return kept


def _log_tail(log: Path, lines: int = 3) -> str:
    text = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    return " | ".join(text[-lines:])


def _confirm_hangs(name: str, total: dict[str, Any], findings: Path, log: Path) -> None:
    """Instrumented code is slower: a hang counts only if it is still slow without atheris."""
    files = [f for entry in total["hangs"].values() for f in entry["files"]]
    stats = findings / "replay.json"
    _spawn(name, 0, "hypothesis", stats, log, replay=[str(ROOT / f) for f in files])
    replayed = json.loads(stats.read_text(encoding="utf-8"))["replay"] if stats.exists() else []
    confirmed = {r["file"] for r in replayed if r["outcome"] == "hang"}
    total["hangs_unconfirmed"] = [r for r in replayed if r["outcome"] != "hang"]
    for sig in list(total["hangs"]):
        entry = total["hangs"][sig]
        entry["files"] = [f for f in entry["files"] if str(ROOT / f) in confirmed]
        if not entry["files"] and not sig.startswith("libFuzzer"):
            del total["hangs"][sig]


def _row(result: dict[str, Any]) -> str:
    secs = max(result.get("seconds") or 0.0, 1e-9)
    cov = result.get("coverage")
    cov_text = f"cov {cov['cov']} ft {cov['ft']}" if cov else "n/a"
    rss = result.get("peak_rss_mb")
    rss_text = f"{rss:.0f} MiB" if rss else "n/a"
    return (f"{result['target']:<14} {result['engine']:<11} execs {result['executions']:>8}  "
            f"{result['executions'] / secs:>8.1f}/s  crashes {len(result['crashes']):>2}  hangs {len(result['hangs']):>2}  "
            f"peak RSS {rss_text:>8}  coverage {cov_text}")


def _failed(result: dict[str, Any]) -> bool:
    rss = result.get("peak_rss_mb") or 0
    return bool(result["crashes"] or result["hangs"] or rss > RSS_LIMIT_MB)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("target", nargs="?", help="a target name, 'all' (every input target), 'list' or 'properties'")
    parser.add_argument("--seconds", type=float, default=60.0, help="time per target (default 60)")
    parser.add_argument("--jobs", type=int, default=1, help="targets run in parallel (default 1)")
    parser.add_argument("--engine", choices=("auto", "atheris", "hypothesis"), default="auto")
    parser.add_argument("--json", action="store_true", help="print one JSON object per target")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--stats", help=argparse.SUPPRESS)
    parser.add_argument("--replay", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.engine = _engine(args.engine)
    if args.worker:
        return worker(args)
    if args.target in (None, "list"):
        for target in TARGETS.values():
            print(f"{target.name:<14} {target.what}" + (f"  [findings go to the {target.owner} code]" if target.owner != "verification" else ""))
        print(f"{'properties':<14} the project's Hypothesis property tests under the 'fuzz' profile")
        return 0
    names = list(TARGETS) if args.target == "all" else [args.target]
    unknown = [n for n in names if n not in TARGETS and n != "properties"]
    if unknown:
        parser.error(f"unknown target {unknown[0]!r}; `tools/fuzz.py list` shows the targets")
    print(f"engine: {args.engine}; {args.seconds:g} s per target; hang limit {HANG_SECONDS:g} s; RSS limit {RSS_LIMIT_MB} MiB",
          flush=True)
    failed = False
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for result in pool.map(lambda n: fuzz_target(n, args.seconds, args.engine), names):
            print(json.dumps(result) if args.json else _row(result), flush=True)
            if not args.json:
                for kind in ("crashes", "hangs"):
                    for sig, entry in result[kind].items():
                        label = "crash" if kind == "crashes" else "hang"
                        print(f"    {label}: {sig} x{entry['count']} -> {', '.join(entry['files'][:1])}")
            failed |= _failed(result)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
