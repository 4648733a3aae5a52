"""The committed page (resources/viewer/) is exactly what the build makes
from web/ with the locked npm packages: rebuilding gives byte-identical
files, and index.html pins each asset with Subresource Integrity.

Needs node and npm; when web/node_modules is missing, ``npm ci`` runs in a
temporary copy (only the npm registry is contacted).
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "web"
BUILT = ROOT / "resources" / "viewer"


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_index_pins_every_asset_with_sri() -> None:
    html = (BUILT / "index.html").read_text(encoding="utf-8")
    assets = sorted((BUILT / "assets").iterdir())
    assert {p.suffix for p in assets} == {".js", ".css"} and len(assets) == 2
    for asset in assets:
        digest = base64.b64encode(hashlib.sha384(asset.read_bytes()).digest()).decode()
        assert re.search(rf'"/assets/{re.escape(asset.name)}" integrity="sha384-{re.escape(digest)}" '
                         r'crossorigin="anonymous"', html), asset.name
        assert asset.name.startswith("viewer-" + hashlib.sha256(asset.read_bytes()).hexdigest()[:16])
    assert "<script>" not in html and "style=" not in html and "<style" not in html  # the CSP allows neither


@pytest.mark.slow
def test_rebuilding_gives_byte_identical_output(tmp_path: Path) -> None:
    if shutil.which("node") is None or shutil.which("npm") is None:
        msg = "node and npm are needed to rebuild the viewer (sh tools/bootstrap.sh test installs them)"
        if os.environ.get("WALLET_REQUIRE_SHARED") == "1":  # .ci/run never skips
            pytest.fail(msg)
        pytest.skip(msg)
    web = WEB
    if not (WEB / "node_modules").is_dir():
        web = tmp_path / "web"
        shutil.copytree(WEB, web, ignore=shutil.ignore_patterns("node_modules"))
        done = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=web,
                              capture_output=True, text=True, timeout=600, check=False)
        assert done.returncode == 0, done.stderr
    out = tmp_path / "out"
    done = subprocess.run(["node", "build.mjs", "--out", str(out), "--contexts", str(ROOT / "resources" / "contexts")],
                          cwd=web, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    rebuilt, committed = _files(out), _files(BUILT)
    assert sorted(rebuilt) == sorted(committed)
    changed = [name for name in committed if rebuilt[name] != committed[name]]
    assert not changed, f"resources/viewer is not what web/ builds: {changed}; run sh tools/build_viewer.sh"
