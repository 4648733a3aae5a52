"""Agreement of the wallet with credentials nobody here wrote (issue 11, section 4).

The corpus is other projects' public test credentials, each with the result an
honest *offline* verifier should give (``manifest.json``: source repository
and commit, path, expected result, why). The files themselves are not in the
repository (licences and size vary): they are read from a git-ignored cache,
``benchmarks/interop/cache/<owner>+<repo>/<path>``, filled from public
repository snapshots (docs in ``README.md`` here).

    python benchmarks/interop/run.py --populate /work/.mirror   # fill the cache from snapshots
    python benchmarks/interop/run.py [--verbose] [--json]       # print the agreement

Results compared (the owner's state, :mod:`wallet.readout`, in six classes):
``genuine`` (valid, valid with a note, or genuine with revocation unchecked),
``cannot-check``, ``forged``, ``expired`` (or not yet valid), ``revoked``
(or suspended), ``invalid``. A file that makes the wallet raise counts as a
disagreement and is listed as a crash.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CACHE = HERE / "cache"

_CLASS = {
    "valid": "genuine", "valid-note": "genuine", "status-unchecked": "genuine",
    "cannot-check": "cannot-check", "forged": "forged",
    "expired": "expired", "not-yet-valid": "expired",
    "revoked": "revoked", "suspended": "revoked", "invalid": "invalid",
}


def _cached(source: str, path: str) -> Path:
    return CACHE / source.replace("/", "+") / path


def populate(manifest: dict[str, Any], mirrors: Path) -> int:
    """Copy every file the manifest names out of the repository snapshots (``git show COMMIT:PATH``)."""
    missing = 0
    wanted: set[tuple[str, str]] = set()
    for entry in manifest["entries"]:
        wanted.add((entry["source"], entry["path"]))
        wanted.update((entry["source"], p) for p in entry.get("did_docs", []))
        wanted.update((entry["source"], p) for p in entry.get("status_lists", {}).values())
    for source, path in sorted(wanted):
        repo = mirrors / source.replace("/", "+") / "repo"
        commit = manifest["sources"][source]["commit"]
        proc = subprocess.run(["git", f"--git-dir={repo}", "show", f"{commit}:{path}"], capture_output=True,
                              check=False)
        if proc.returncode != 0:
            print(f"missing: {source} {path}: {proc.stderr.decode(errors='replace').strip()}", file=sys.stderr)
            missing += 1
            continue
        target = _cached(source, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(proc.stdout)
    print(f"cached {len(wanted) - missing} of {len(wanted)} files in {CACHE}")
    return 1 if missing else 0


def _context(entry: dict[str, Any], now: datetime) -> Any:
    from wallet.verify.context import VerificationContext

    did_docs = {}
    for path in entry.get("did_docs", []):
        doc = json.loads(_cached(entry["source"], path).read_bytes())
        did_docs[doc["id"]] = doc
    lists = {url: _cached(entry["source"], path).read_bytes() for url, path in entry.get("status_lists", {}).items()}
    return VerificationContext(now=now, did_documents=did_docs, status_lists=lists)


def run(manifest: dict[str, Any]) -> dict[str, Any]:
    from wallet.readout import credential_state
    from wallet.verify.engine import verify_bytes

    now = datetime.fromisoformat(manifest["now"])
    rows = []
    started = time.perf_counter()
    for entry in manifest["entries"]:
        path = _cached(entry["source"], entry["path"])
        if not path.exists():
            rows.append({**entry, "got": "missing", "agree": False})
            continue
        try:
            _, report = verify_bytes(path.read_bytes(), _context(entry, now))
            state = credential_state(report).state.value
            got = _CLASS[state]
            reason = next((c.explained for c in report.checks if c.status.value in ("failed", "not-checked")
                           and (c.essential or c.status.value == "failed")), "")
        except Exception as exc:  # noqa: BLE001 - a crash is a finding, counted and listed
            got, state, reason = "crash", "crash", f"{type(exc).__name__}: {exc}"
        rows.append({**entry, "got": got, "state": state, "reason": reason, "agree": got == entry["expected"]})
    elapsed = time.perf_counter() - started
    agree = sum(r["agree"] for r in rows)
    by_source: dict[str, Counter[str]] = {}
    for r in rows:
        by_source.setdefault(r["source"], Counter())["agree" if r["agree"] else "disagree"] += 1
    summary = {"files": len(rows), "agree": agree, "agreement": round(100 * agree / len(rows), 1) if rows else 0.0,
               "crashes": sum(r["got"] == "crash" for r in rows), "missing": sum(r["got"] == "missing" for r in rows),
               "seconds": round(elapsed, 2),
               "by_source": {s: dict(c) for s, c in sorted(by_source.items())}}
    return {"summary": summary, "rows": rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--manifest", type=Path, default=HERE / "manifest.json")
    parser.add_argument("--populate", type=Path, metavar="MIRRORS", help="fill the cache from repository snapshots")
    parser.add_argument("--verbose", action="store_true", help="list every file, not only disagreements")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    manifest = json.loads(args.manifest.read_text(encoding="utf-8"))
    if args.populate:
        return populate(manifest, args.populate)
    result = run(manifest)
    if args.json:
        print(json.dumps(result, indent=1, default=str))
        return 0
    for r in result["rows"]:
        if args.verbose or not r["agree"]:
            mark = "ok " if r["agree"] else "NO "
            print(f"{mark} {r['source']}:{r['path']}\n     expected {r['expected']}, got {r['got']}"
                  f" ({r.get('state')}){': ' + r['reason'][:240] if r.get('reason') and not r['agree'] else ''}")
    s = result["summary"]
    print(f"agreement: {s['agree']}/{s['files']} ({s['agreement']}%), crashes {s['crashes']}, "
          f"missing {s['missing']}, {s['seconds']} s")
    for source, counts in s["by_source"].items():
        print(f"  {source}: {counts.get('agree', 0)} agree, {counts.get('disagree', 0)} disagree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
