"""A fresh corpus from the reference peer (new seed) must agree with its manifest.

Needs node and the peer's npm packages (tools/peer.sh installs them once into
.cache); skipped when node is not available.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.verify.conftest import expected_of, load_corpus
from wallet.verify.engine import verify_bytes

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_fresh_peer_corpus_agrees(tmp_path: Path, shared: Path) -> None:
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("node/npm not available: the reference peer cannot run")
    out = tmp_path / "fresh"
    seed = f"wallet-verify-{int(time.time())}"
    proc = subprocess.run(
        [str(ROOT / "tools" / "peer.sh"), "issue", str(out), "--n", "20", "--seed", seed],
        capture_output=True, text=True, timeout=600, check=False,
    )
    if proc.returncode != 0:
        pytest.skip(f"the reference peer could not issue a corpus: {proc.stderr.strip()[-300:]}")
    manifest, ctx_for = load_corpus(out)
    mismatches = []
    for entry in manifest["entries"]:
        _, report = verify_bytes((out / entry["file"]).read_bytes(), ctx_for(entry))
        if expected_of(report.verdict.value) != entry["expected"]:
            mismatches.append((entry["file"], report.verdict.value))
    assert len(manifest["entries"]) > 300
    assert mismatches == [], f"seed {seed}: {mismatches}"
