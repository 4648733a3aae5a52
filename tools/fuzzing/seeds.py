"""Seed inputs for a target: ../shared, the committed seed corpus, regressions, generated ones."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tools.fuzzing.targets import COMMITTED_SEEDS, ROOT, Target

REGRESSIONS = ROOT / "tests" / "fuzz_regressions"


def shared_root() -> Path | None:
    from wallet.shared_data import shared_dir

    return shared_dir()


def collect(target: Target) -> list[bytes]:
    """Every seed of ``target``, de-duplicated, each at most ``target.max_len`` bytes (bigger ones skipped)."""
    found: list[bytes] = []
    shared = shared_root()
    if shared is not None:
        for pattern in target.shared_globs:
            for path in sorted(shared.glob(pattern)):
                if path.is_file() and path.name != "manifest.json":
                    found.append(path.read_bytes())
    folders = [COMMITTED_SEEDS / target.name, *(COMMITTED_SEEDS / f for f in target.seed_folders), REGRESSIONS / target.name]
    for folder in folders:
        if folder.is_dir():
            found += [p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()]
    if target.generated is not None:
        found += list(target.generated(shared))
    seen: set[bytes] = set()
    out = []
    for data in found:
        digest = hashlib.sha1(data).digest()
        if digest not in seen and 0 < len(data) <= target.max_len:
            seen.add(digest)
            out.append(data)
    return out


def write_seed_dir(seeds: list[bytes], folder: Path) -> Path:
    """The seeds as files, for libFuzzer (it reads a corpus from folders)."""
    folder.mkdir(parents=True, exist_ok=True)
    for data in seeds:
        (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
    return folder
