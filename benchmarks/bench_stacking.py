"""Benchmark: progress of 10,000 credentials towards a target of 100 components.

Run ``python benchmarks/bench_stacking.py`` (add ``--credentials N``,
``--runs N`` to vary; ``--json`` prints one JSON object for
``benchmarks/run_all.py``). The target is a cold median under 200 ms: a
fresh process's first progress computation over credentials it has never
seen (the warm figure reuses facts and index, as a second target does). The data is synthetic but shaped like a real wallet
of a heavy user: many credentials per specification, overlapping ESCO skills,
a few title-pattern components that must scan every credential, pools, and
elective groups (choose-k and credit thresholds).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import measure  # benchmarks/measure.py: the benchmarks' shared helpers (run as scripts from benchmarks/)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wallet.model import Achievement, Credential, CredentialFormat, Issuer, Verdict
from wallet.stacking import Candidate, Target, load_target, progress

NOW = datetime(2026, 6, 1, tzinfo=UTC)
#: Wave-1 target (issue 17): a cold progress computation, median, on the project's 2-vCPU machine.
TARGET_MS = 200
SKILL = "http://data.europa.eu/esco/skill/bench-{:04d}"
SPEC = "urn:bench:spec:{:04d}"
TOPICS = ["statistics", "programming", "databases", "ethics", "networks", "security", "design", "law"]


def make_target() -> Target:
    """100 components: 60 required slots, 2 pools, 3 choose-k groups of 6, one 20-component credit group."""
    comps = []
    for j in range(60):
        if j % 12 == 5:  # scans every credential
            match = {"titlePattern": rf"\b{TOPICS[j % len(TOPICS)]}\b.*\b{j:03d}\b", "minEqfLevel": 4}
        elif j % 3 == 0:
            match = {"escoSkills": [SKILL.format(j), SKILL.format(j + 200)], "minCredits": 2}
        else:
            match = {"anyOf": [{"identifiers": [SPEC.format(j)]}, {"titles": [f"Course {j:03d}"]}]}  # as ELM import writes
        comps.append({"id": f"req-{j}", "title": {"en": f"Required {j}"}, "credits": 6, "match": match})
    comps.append({"id": "pool-a", "title": {"en": "Free electives"}, "requiredCredits": 10,
                  "match": {"minEqfLevel": 6, "issuers": ["did:web:issuer-3.example"], "maxAge": "P10Y"}})
    comps.append({"id": "pool-b", "title": {"en": "Practice"}, "requiredCredits": 15,
                  "match": {"escoSkills": [SKILL.format(150 + k) for k in range(10)]}})
    groups = []
    for g in range(3):
        members = [{"id": f"ch-{g}-{k}", "title": {"en": f"Option {g}.{k}"}, "credits": 6,
                    "match": {"identifiers": [SPEC.format(100 + g * 6 + k)]}} for k in range(6)]
        groups.append({"id": f"choose-{g}", "title": {"en": f"Choose 2 ({g})"}, "choose": 2, "components": members})
    members = [{"id": f"cr-{k}", "title": {"en": f"Elective {k}"}, "credits": 6,
                "match": {"escoSkills": [SKILL.format(120 + k)], "minEqfLevel": 5}} for k in range(20)]
    groups.append({"id": "credit-group", "title": {"en": "Electives"}, "minCredits": 30, "maxCredits": 36,
                   "components": members})
    data = {"id": "urn:bench:target", "title": {"en": "Benchmark"}, "total": {"amount": 480},
            "components": comps, "groups": groups}
    target = load_target(data)
    assert len(target.all_components()) == 100
    return target


def make_candidates(rng: random.Random, n: int) -> list[Candidate]:
    out = []
    for i in range(n):
        spec = rng.randrange(400)
        skills = tuple(SKILL.format(rng.randrange(400)) for _ in range(rng.randint(1, 4)))
        topic = rng.choice(TOPICS)
        title = f"course {spec:03d}" if rng.random() < 0.3 else f"{topic} workshop {rng.randrange(100):03d}"
        awarded = NOW - timedelta(days=rng.randrange(5000))
        issuer = Issuer(id=f"did:web:issuer-{rng.randrange(8)}.example", name={"en": "Issuer"})
        ach = Achievement(id=SPEC.format(spec), title={"en": title}, specification_id=SPEC.format(spec),
                          credits=float(rng.choice([1, 2, 3, 5, 6])), credit_framework="ECTS",
                          eqf_level=rng.randint(3, 8), esco_skills=skills, awarded_on=awarded)
        cred = Credential(format=CredentialFormat.VC_LDP, raw=b"", id=f"urn:bench:cred:{i}", issuer=issuer,
                          title={"en": title, "sl": f"tečaj {spec:03d}"}, issued=awarded, achievements=(ach,))
        verdict = Verdict.VALID if rng.random() < 0.95 else Verdict.INVALID
        out.append(Candidate(f"cred-{i:05d}", cred, verdict, "revoked" if verdict is Verdict.INVALID else ""))
    return out


def timed(work: Callable[..., object], *args: object) -> tuple[float, float]:
    """(wall-clock ms, CPU ms) of one call; CPU time is less disturbed by other processes."""
    wall, cpu = time.perf_counter(), time.process_time()
    work(*args)
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def machine() -> dict[str, object]:
    """CPU model, cores, Python version and the load average when the run started."""
    model = measure.cpu_model()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return {"cpu": model, "cores": os.cpu_count(), "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}", "load_average": load}


def figures(runs: list[tuple[float, float]]) -> dict[str, float]:
    """min / median / max of the wall-clock times, and the median CPU time (ms)."""
    wall = [w for w, _ in runs]
    return {"min": round(min(wall), 1), "median": round(statistics.median(wall), 1), "max": round(max(wall), 1),
            "cpu_median": round(statistics.median(c for _, c in runs), 1), "runs": len(wall)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--credentials", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each kind (at least 5)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print one JSON object with the figures instead")
    args = parser.parse_args()
    if args.runs < 5:
        parser.error("--runs must be at least 5 (figures are min/median/max over at least 5 runs)")
    started = machine()
    target = make_target()
    progress(target, make_candidates(random.Random(0), 50), NOW)  # warm-up: imports, HiGHS start-up

    # Cold: credentials this process has never seen, as after opening the vault: every run
    # builds new objects from its own seed, so no cache (by object or by content) can help it.
    cold: list[tuple[float, float]] = []
    for run in range(args.runs):
        fresh = make_candidates(random.Random(f"{args.seed}-cold-{run}"), args.credentials)
        cold.append(timed(progress, target, fresh, NOW))
        del fresh

    # Warm: the same credentials again (another target or a refresh): facts and index are reused.
    candidates = make_candidates(random.Random(args.seed), args.credentials)
    result = progress(target, candidates, NOW)
    warm = [timed(progress, target, candidates, NOW) for _ in range(args.runs)]
    cold_ms, warm_ms = figures(cold), figures(warm)
    met = cold_ms["median"] < TARGET_MS
    if args.json:
        print(json.dumps({
            "benchmark": "stacking progress",
            "credentials": len(candidates), "components": len(target.all_components()), "runs": args.runs,
            "cold_ms": cold_ms, "warm_ms": warm_ms, "target_ms": TARGET_MS, "target_met": met,
            "result": {"components_met": result.components_met, "components_total": result.components_total,
                       "credits_counted": result.credits_counted, "credits_required": result.credits_required,
                       "optimal": result.optimal, "pending": len(result.pending)},
            "machine": started,
        }))
        return 0
    load = started["load_average"]
    print(f"machine: {started['cores']} cores ({started['cpu']}), Python {started['python']}, {started['system']}"
          + (f", load average {load:.2f} at start" if isinstance(load, float) else ""))
    print(f"credentials={len(candidates)} components={len(target.all_components())} runs={args.runs}")
    print(f"requirements met {result.components_met}/{result.components_total}, "
          f"{result.credits_counted:g}/{result.credits_required:g} ECTS, optimal={result.optimal}, "
          f"pending={len(result.pending)}")
    for name, row in (("cold (fresh credentials)", cold_ms), ("warm (same credentials)", warm_ms)):
        print(f"progress, {name}: median {row['median']:.1f} ms wall per computation "
              f"(min {row['min']:.1f}, max {row['max']:.1f}; median CPU {row['cpu_median']:.1f} ms)")
    print(f"target: cold median < {TARGET_MS} ms: {'met' if met else 'NOT met'}")
    cores = started["cores"]
    if isinstance(load, float) and isinstance(cores, int) and load > cores:
        print(f"note: load average {load:.1f} on {cores} cores: the wall-clock figures include waiting for a CPU "
              f"(cold median CPU time {cold_ms['cpu_median']:.1f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
