"""``wallet bench verify DIR``: how fast verification is, per kind of credential.

Why it looks like the reference peer's ``verify.mjs --bench``: the numbers
are only meaningful side by side with the peer's on the same folder, so the
method is the same — one warm-up pass (fills the context and key caches),
then ``runs`` timed passes over every file, one at a time, and for each kind
the median over the passes of the per-pass mean. A kind is the manifest's
``kind`` when the folder has a ``manifest.json`` (the peer's corpus format),
otherwise the detected credential format.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from wallet.errors import InputError
from wallet.formats import detect
from wallet.verify.context import VerificationContext
from wallet.verify.engine import verify_bytes, verify_report

LIST_TYPES = ("BitstringStatusListCredential", "StatusList2021Credential")


@dataclass(frozen=True)
class BenchItem:
    """One file to verify, with the context it is verified in."""

    name: str
    kind: str
    valid_expected: bool | None
    data: bytes
    ctx: VerificationContext


def _from_manifest(folder: Path, manifest: dict[str, Any]) -> list[BenchItem]:
    now = datetime.fromisoformat(manifest["createdAt"]) + timedelta(minutes=1)
    lists = {url: (folder / name).read_bytes() for url, name in manifest.get("statusLists", {}).items()}
    items = []
    for entry in manifest["entries"]:
        ctx = VerificationContext(now=now, status_lists=lists, challenge=entry.get("challenge"), domain=entry.get("domain"))
        items.append(BenchItem(entry["file"], entry["kind"], entry.get("expected") == "valid" and entry.get("variant") == "valid",
                               (folder / entry["file"]).read_bytes(), ctx))
    return items


def _status_lists(files: list[Path]) -> dict[str, bytes]:
    lists: dict[str, bytes] = {}
    for path in files:
        if path.suffix != ".json":
            continue
        try:
            doc = json.loads(path.read_bytes())
        except ValueError:
            continue
        types = doc.get("type", []) if isinstance(doc, dict) else []
        if isinstance(doc, dict) and isinstance(doc.get("id"), str) and any(t in LIST_TYPES for t in types):
            lists[doc["id"]] = path.read_bytes()
    return lists


def _from_folder(folder: Path) -> list[BenchItem]:
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".") and p.suffix in (".json", ".jwt", ".png", ".svg", ".xml"))
    ctx = VerificationContext(status_lists=_status_lists(files))
    items = []
    for path in files:
        data = path.read_bytes()
        try:
            kind = detect(data)[0].value
        except InputError:
            kind = "unreadable"
        items.append(BenchItem(path.name, kind, None, data, ctx))
    return items


def collect(folder: Path) -> list[BenchItem]:
    """The files of a bench folder and how each is verified."""
    manifest = folder / "manifest.json"
    if manifest.is_file():
        return _from_manifest(folder, json.loads(manifest.read_text(encoding="utf-8")))
    return _from_folder(folder)


def _verifier(full: bool) -> Callable[[bytes, VerificationContext], object]:
    """Bytes -> report (what the peer times), or ``full``: also the display model (``verify_bytes``)."""
    return verify_bytes if full else verify_report


def _one_pass(items: list[BenchItem], full: bool = False) -> dict[str, list[float]]:
    check = _verifier(full)
    times: dict[str, list[float]] = {}
    for item in items:
        started = time.perf_counter()
        check(item.data, item.ctx)
        times.setdefault(item.name, []).append((time.perf_counter() - started) * 1000.0)
    return times


def run_bench(dir: Path, runs: int = 3, out: Callable[[str], None] = print, full: bool = False) -> dict[str, Any]:
    """Benchmark verification of every file in ``dir``; print and return ms per credential per kind.

    Each file is timed from its bytes to its verification report
    (``engine.verify_report``), as the peer times verification; ``full``
    times ``engine.verify_bytes``, which also builds the credential's
    display model (achievements, subject, languages) for the CLI and GUI.
    """
    folder = Path(dir)
    items = collect(folder)
    if not items:
        raise FileNotFoundError(f"no credentials to benchmark in {folder}")
    _one_pass(items, full)  # warm-up
    passes = []
    started = time.perf_counter()
    for _ in range(max(1, runs)):
        passes.append(_one_pass(items, full))
    total_ms = (time.perf_counter() - started) * 1000.0 / max(1, runs)
    kinds: dict[str, Any] = {}
    for kind in sorted({i.kind for i in items}):
        names = [i.name for i in items if i.kind == kind]
        valid = [i.name for i in items if i.kind == kind and i.valid_expected]
        per_pass = [statistics.mean(p[n][0] for n in names) for p in passes]
        per_pass_valid = [statistics.mean(p[n][0] for n in valid) for p in passes] if valid else []
        kinds[kind] = {
            "files": len(names),
            "msPerCredential": round(statistics.median(per_pass), 3),
            "validFiles": len(valid),
            "msPerValidCredential": round(statistics.median(per_pass_valid), 3) if valid else None,
            "runs": [round(x, 3) for x in per_pass],
        }
    result = {"dir": str(folder), "files": len(items), "runs": max(1, runs), "kinds": kinds, "meanTotalMs": round(total_ms, 1),
              "timed": "verify_bytes" if full else "verify_report"}
    out(f"{'kind':34} {'files':>5} {'ms/cred':>9} {'ms/valid':>9}")
    for kind, row in kinds.items():
        valid_ms = "-" if row["msPerValidCredential"] is None else f"{row['msPerValidCredential']:.2f}"
        out(f"{kind:34} {row['files']:>5} {row['msPerCredential']:>9.2f} {valid_ms:>9}")
    out(f"{'whole folder (ms per pass)':34} {len(items):>5} {total_ms:>9.0f}")
    return result
