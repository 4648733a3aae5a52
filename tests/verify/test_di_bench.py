"""`wallet bench verify DIR` implementation: runs and reports every kind."""

from __future__ import annotations

import shutil
from pathlib import Path

from wallet.bench import run_bench


def test_run_bench_on_corpus(corpus_dir: Path) -> None:
    lines: list[str] = []
    result = run_bench(corpus_dir, runs=1, out=lines.append)
    assert result["files"] == 130
    assert "ob3-eddsa-rdfc-2022" in result["kinds"]
    assert all(row["msPerCredential"] > 0 for row in result["kinds"].values())
    assert any("vp-eddsa-rdfc-2022" in line for line in lines)


def test_run_bench_without_manifest_uses_detected_format(corpus_dir: Path, tmp_path: Path) -> None:
    for name in ("ob3-eddsa-rdfc-2022.valid.001.json", "jwt-vc11-eddsa.valid.001.jwt", "statuslist.ob3-eddsa-rdfc-2022.json"):
        shutil.copy(corpus_dir / name, tmp_path / name)
    result = run_bench(tmp_path, runs=1, out=lambda _: None)
    assert set(result["kinds"]) == {"vc-ldp", "vc-jwt"}
