"""Worst-case inputs for verification time: the slow shapes of issue 11 and the largest inputs under the caps.

    .venv/bin/python benchmarks/bench_slow_inputs.py [--runs 5] [--only NAME]

Prints, per constructed input, its size, the verdict with the check that
decided it, and min/median/max seconds of ``verify_bytes`` over ``--runs``
runs (after one warm-up). The JSON-LD work budget (``wallet/verify/budget.py``)
promises that no input under the size caps takes more than 2 s; this is the
evidence. Runs against any checkout (``PYTHONPATH=/other/checkout``) to
compare before/after.
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.verify.helpers import HOLDER, ctx, ob3_credential, raw, signed  # noqa: E402
from wallet.verify.engine import verify_bytes  # noqa: E402

V2 = "https://www.w3.org/ns/credentials/v2"


def _proof() -> dict[str, Any]:
    return signed(ob3_credential())["proof"]


def _unsigned_shape(doc: dict[str, Any]) -> bytes:
    """A shape that cannot be signed as is (or is too slow to sign) under a real proof: verification still does all the work."""
    out = copy.deepcopy(doc)
    out["proof"] = _proof()
    return raw(out)


def many_values(n: int) -> bytes:
    doc = ob3_credential()
    doc["credentialSubject"]["achievement"]["tag"] = [f"t{i}" for i in range(n)]
    return _unsigned_shape(doc)


def many_nodes(n: int) -> bytes:
    doc = ob3_credential()
    doc["credentialSubject"]["achievement"]["alignment"] = [
        {"id": f"urn:a:{i}", "type": ["Alignment"], "targetName": f"n{i}", "targetUrl": f"https://e.org/{i}"}
        for i in range(n)
    ]
    return _unsigned_shape(doc)


def clique(n: int) -> bytes:
    doc = ob3_credential()
    doc["credentialSubject"]["achievement"]["alignment"] = [
        {"id": f"_:b{i}", "type": ["Alignment"], "targetName": "n", "targetUrl": "https://e.org/",
         "targetFramework": [{"id": f"_:b{j}"} for j in range(n) if j != i]}
        for i in range(n)
    ]
    return _unsigned_shape(doc)


def repeated_types(n: int) -> bytes:
    doc = ob3_credential()
    doc["credentialSubject"]["achievement"]["type"] = ["Achievement"] * n
    return _unsigned_shape(doc)


def contexts(n: int) -> bytes:
    doc = ob3_credential()
    doc["@context"] = [V2] * n + doc["@context"][1:]
    return _unsigned_shape(doc)


def json_values(n: int) -> bytes:
    doc = ob3_credential()
    doc["@context"] = [*doc["@context"], {"blob": "https://example.org/blob"}]
    doc["credentialSubject"]["blob"] = [{"@value": {"n": i}, "@type": "@json"} for i in range(n)]
    return _unsigned_shape(doc)


def presentation_of_cliques(count: int, size: int) -> bytes:
    """A presentation whose every credential runs into the canonicalization budget (one shared deadline)."""
    creds = [json.loads(clique(size)) for _ in range(count)]
    vp = {"@context": [V2], "type": ["VerifiablePresentation"], "holder": HOLDER.did, "verifiableCredential": creds}
    vp["proof"] = {**_proof(), "proofPurpose": "authentication"}
    return raw(vp)


CASES: dict[str, Callable[[], bytes]] = {
    "values-5000 (issue: 18 s)": lambda: many_values(5_000),
    "values-10000 (issue: 60 s)": lambda: many_values(10_000),
    "clique-200 (issue: 7 s)": lambda: clique(200),
    "values-38000 (under the cap)": lambda: many_values(38_000),
    "nodes-5400 (under the cap)": lambda: many_nodes(5_400),
    "clique-140 (under the cap)": lambda: clique(140),
    "types-1000 (fuzz hang)": lambda: repeated_types(1_000),
    "types-250 (under the cap)": lambda: repeated_types(250),
    "contexts-1000 (fuzz hang)": lambda: contexts(1_000),
    "contexts-62 (under the cap)": lambda: contexts(62),
    "json-values-999 (under the cap)": lambda: json_values(999),
    "presentation-20x-clique-40": lambda: presentation_of_cliques(20, 40),
}


def _decided_by(report: Any) -> str:
    for status in ("failed", "not-checked", "warning"):
        for check in report.checks:
            if check.status.value == status:
                return f"{check.name}: {check.reason[:90]}"
    return "all passed"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", help="run only the cases whose name contains this text")
    args = parser.parse_args()
    verify_bytes(raw(signed(ob3_credential())), ctx())  # contexts loaded once
    print(f"{'case':<34} {'bytes':>9}  {'min':>6} {'median':>6} {'max':>6}  verdict / deciding check")
    for name, make in CASES.items():
        if args.only and args.only not in name:
            continue
        data = make()
        times = []
        report = None
        for _ in range(args.runs + 1):
            start = time.perf_counter()
            _, report = verify_bytes(data, ctx())
            times.append(time.perf_counter() - start)
        times = times[1:] if args.runs > 0 else times
        assert report is not None
        print(f"{name:<34} {len(data):>9}  {min(times):6.2f} {statistics.median(times):6.2f} {max(times):6.2f}  "
              f"{report.verdict.value} / {_decided_by(report)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
