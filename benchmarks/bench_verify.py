"""Verification speed: the wallet against the reference peer, on the same folder, in the same run.

Usage: python benchmarks/bench_verify.py DIR [--runs N] [--full]
(DIR defaults to ../shared/corpus). Prints our ms per credential per kind
(bytes -> verification report; ``--full`` also builds the display model),
then, when node is available, the peer's (`tools/peer.sh verify DIR --bench`)
and the ratio ours/peer (<= 1.0 means we are at least as fast).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wallet.bench import run_bench  # noqa: E402 (after the sys.path line above)
from wallet.shared_data import shared_dir  # noqa: E402


def peer_bench(folder: Path, runs: int) -> dict[str, dict[str, Any]] | None:
    """The peer's per-kind figures, or None when node or the peer is unavailable."""
    if shutil.which("node") is None:
        print("node not found: peer figures skipped", file=sys.stderr)
        return None
    proc = subprocess.run(
        [str(ROOT / "tools" / "peer.sh"), "verify", str(folder), "--bench", "--runs", str(runs), "--quiet"],
        capture_output=True, text=True, timeout=1800, check=False,
    )
    rows = {}
    for line in proc.stdout.splitlines():
        try:
            row = json.loads(line)
        except ValueError:
            continue
        if row.get("bench") and "kind" in row:
            rows[row["kind"]] = row
    if not rows:
        print(f"peer bench produced no figures: {proc.stderr.strip()[-400:]}", file=sys.stderr)
        return None
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    default = (shared_dir() or ROOT.parent / "shared") / "corpus"
    parser.add_argument("dir", nargs="?", type=Path, default=default)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--full", action="store_true",
                        help="time verify_bytes (report + display model) instead of verify_report")
    args = parser.parse_args()
    print(f"== wallet ({args.dir}; timing {'verify_bytes' if args.full else 'verify_report'})")
    ours = run_bench(args.dir, args.runs, full=args.full)
    peer = peer_bench(args.dir, args.runs)
    if peer is None:
        return 0
    print("\n== ratio ours/peer, ms per credential (median of runs after a warm-up)")
    print(f"{'kind':34} {'ours':>8} {'peer':>8} {'ratio':>7} {'ours(valid)':>12} {'peer(valid)':>12} {'ratio':>7}")
    for kind, row in ours["kinds"].items():
        theirs = peer.get(kind)
        if theirs is None:
            print(f"{kind:34} {row['msPerCredential']:>8.2f} {'-':>8}")
            continue
        ratio = row["msPerCredential"] / theirs["msPerCredential"] if theirs["msPerCredential"] else float("nan")
        ov, pv = row.get("msPerValidCredential"), theirs.get("msPerValidCredential")
        vratio = f"{ov / pv:>7.2f}" if ov and pv else f"{'-':>7}"
        print(f"{kind:34} {row['msPerCredential']:>8.2f} {theirs['msPerCredential']:>8.2f} {ratio:>7.2f} "
              f"{(ov or 0):>12.2f} {(pv or 0):>12.2f} {vratio}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
