"""A regular (non-editable) wheel carries the resources the wallet needs at run time."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_ships_resources(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, check=False,
    )
    assert out.returncode == 0, out.stderr
    wheel = next(tmp_path.glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    share = "data/share/learner-wallet/resources/"
    viewer = [f"viewer/assets/{p.name}" for p in (ROOT / "resources" / "viewer" / "assets").iterdir()]
    for needed in ("contexts/index.json", "schemas/target.schema.json", "fonts/DejaVuSansCondensed.ttf",
                   "viewer/index.html", *viewer):
        assert any(n.endswith(share + needed) for n in names), needed
    bundled = [p.name for p in (ROOT / "resources" / "contexts").iterdir()]
    shipped = [n for n in names if share + "contexts/" in n]
    assert len(shipped) == len(bundled)
    assert any(n.startswith("wallet/cli/") for n in names)
