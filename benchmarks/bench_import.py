"""Big imports end to end: ``wallet import`` of a fresh peer corpus against the peer's verification of it.

Usage: python benchmarks/bench_import.py [DIR] [--runs 5] [--n 60] [--seed 11] [--json]

Without DIR a fresh corpus is issued by the reference peer into a temp folder
(``tools/peer.sh issue DIR --n 60 --seed 11``: 1,061 credentials, presentations
and status lists of every kind). Each run imports every ``*.jwt`` and ``*.json``
of DIR into a fresh vault made with the floor KDF (``wallet init
--kdf-memory-mib 64``) with the whole CLI process timed (start-up, reading,
detection, parsing, verification, storing, exit), the way a user waits for it;
runs alternate with the peer's verification of the same folder (``tools/peer.sh
verify DIR``: its summary line's ``totalMs``, the sum of its per-file
verification, and ``wallMs``). Prints min/median/max of both, credentials per
second, and ours/peer on the medians (the target is <= 1.0 against the peer's
verification time alone). Python bytecode is cached in a temp folder and one
untimed import warms it, as an installed wallet has its bytecode compiled.
``--json`` prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import measure  # benchmarks/measure.py: the benchmarks' shared helpers (run as scripts from benchmarks/)

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "benchmark passphrase"


def spread(values: list[float]) -> dict[str, float]:
    return measure.Spread.of(values).to_json()


def machine() -> dict[str, Any]:
    cpu = measure.cpu_model()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return {"cpu": cpu, "cores": os.cpu_count(), "python": sys.version.split()[0], "load": load}


def files_of(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.iterdir() if p.suffix in (".jwt", ".json") and p.is_file())


def import_once(folder: Path, work: Path, env: dict[str, str], index: int) -> tuple[float, dict[str, int]]:
    """Seconds for one whole ``wallet import`` process into a fresh floor-KDF vault, and its outcomes."""
    vault_env = {**env, "WALLET_VAULT": str(work / f"vault-{index}" / "vault.db"), "WALLET_PASSPHRASE": PASSPHRASE}
    subprocess.run([sys.executable, "-m", "wallet", "init", "--kdf-memory-mib", "64"], env=vault_env, check=True,
                   capture_output=True)
    command = [sys.executable, "-m", "wallet", "import", "--json", *files_of(folder)]
    start = time.perf_counter()
    proc = subprocess.run(command, env=vault_env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 3):  # 3: some files were refused, as a corpus with tampered files must be
        raise SystemExit(f"wallet import failed ({proc.returncode}): {proc.stderr.strip()[-600:]}")
    outcomes: dict[str, int] = {}
    for line in proc.stdout.splitlines():
        outcome = json.loads(line)["outcome"]
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    shutil.rmtree(work / f"vault-{index}", ignore_errors=True)
    return seconds, outcomes


def peer_once(folder: Path) -> dict[str, float]:
    """The peer's summary line for one verification of ``folder``: totalMs, wallMs, count, and its process time."""
    start = time.perf_counter()
    proc = subprocess.run([str(ROOT / "tools" / "peer.sh"), "verify", str(folder), "--quiet"],
                          capture_output=True, text=True, check=False)
    process_ms = (time.perf_counter() - start) * 1000
    for line in reversed(proc.stdout.splitlines()):
        try:
            row = json.loads(line)
        except ValueError:
            continue
        if row.get("summary"):
            return {"totalMs": float(row["totalMs"]), "wallMs": float(row["wallMs"]), "count": row["count"],
                    "processMs": process_ms}
    raise SystemExit(f"the peer printed no summary: {proc.stderr.strip()[-600:]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("dir", nargs="?", type=Path, help="a peer corpus (default: issue a fresh one)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--n", type=int, default=60, help="credentials per kind and variant when issuing (default 60)")
    ap.add_argument("--seed", default="11")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    if shutil.which("node") is None:
        raise SystemExit("node is needed for the reference peer (tools/peer.sh)")
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        work = Path(tmp)
        folder = args.dir
        if folder is None:
            folder = work / "corpus"
            subprocess.run([str(ROOT / "tools" / "peer.sh"), "issue", str(folder), "--n", str(args.n),
                            "--seed", str(args.seed)], check=True, capture_output=True)
        files = files_of(folder)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update({"PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(work / "pycache")})
        import_once(folder, work, env, -1)  # warm-up: compiles and caches the bytecode, fills the OS cache
        ours: list[float] = []
        peer: list[dict[str, float]] = []
        outcomes: dict[str, int] = {}
        for i in range(args.runs):
            seconds, outcomes = import_once(folder, work, env, i)
            ours.append(seconds)
            peer.append(peer_once(folder))
            if not args.json:
                print(f"run {i + 1}: wallet import {seconds * 1000:.0f} ms; peer totalMs {peer[-1]['totalMs']:.0f} "
                      f"wallMs {peer[-1]['wallMs']:.0f}", file=sys.stderr)
    ours_ms = spread([s * 1000 for s in ours])
    total_ms = spread([p["totalMs"] for p in peer])
    wall_ms = spread([p["wallMs"] for p in peer])
    process_ms = spread([p["processMs"] for p in peer])
    results = sum(outcomes.values())
    result: dict[str, Any] = {
        "benchmark": "import", "dir": str(args.dir or "fresh corpus"), "files": len(files), "runs": args.runs,
        "timed": "whole `python -m wallet import` process, fresh floor-KDF vault each run",
        "results": results, "outcomes": outcomes,
        "ours_ms": ours_ms, "peer_total_ms": total_ms, "peer_wall_ms": wall_ms, "peer_process_ms": process_ms,
        "peer_count": peer[0]["count"],
        "files_per_s": len(files) / (ours_ms["median"] / 1000),
        "stored_per_s": outcomes.get("imported", 0) / (ours_ms["median"] / 1000),
        "peer_files_per_s": peer[0]["count"] / (total_ms["median"] / 1000),
        "ratio_vs_peer_total": ours_ms["median"] / total_ms["median"],
        "ratio_vs_peer_wall": ours_ms["median"] / wall_ms["median"],
        "workers": os.environ.get("WALLET_IMPORT_WORKERS", "one per core"),
        "machine": machine(),
    }
    if args.json:
        print(json.dumps(result))
        return 0

    def fmt(s: dict[str, float]) -> str:
        return f"min {s['min']:.0f} / median {s['median']:.0f} / max {s['max']:.0f} ms"

    print(f"corpus: {len(files)} files ({result['dir']}); {results} results: "
          + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    print(f"wallet import (whole process, {args.runs} runs): {fmt(ours_ms)}")
    print(f"peer verification totalMs:                {fmt(total_ms)}")
    print(f"peer verification wallMs:                 {fmt(wall_ms)}")
    print(f"peer process (node start-up included):    {fmt(process_ms)}")
    print(f"throughput: {result['files_per_s']:.0f} files/s, {result['stored_per_s']:.0f} stored credentials/s "
          f"(peer: {result['peer_files_per_s']:.0f} files/s verified)")
    print(f"ours/peer (medians): {result['ratio_vs_peer_total']:.2f} x totalMs, "
          f"{result['ratio_vs_peer_wall']:.2f} x wallMs (target <= 1.0 x totalMs)")
    m = result["machine"]
    print(f"{m['cpu']}, {m['cores']} cores, python {m['python']}, load {m['load']:.2f}, workers: {result['workers']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
