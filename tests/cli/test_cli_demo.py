"""`wallet demo` (the README's first command without a display) makes and lists a real demo vault."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wallet.cli import main


def test_demo_vault_is_signed_verified_and_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.db"
    assert main(["demo", "--vault", str(path)]) == 0
    out = capsys.readouterr().out
    rows = re.findall(r"^([0-9a-f]{16})\s+(\S+)\s+(\S+)", out, flags=re.M)
    formats = {fmt for _, fmt, _ in rows}
    verdicts = [verdict for _, _, verdict in rows]
    assert len(rows) >= 10
    assert {"vc-ldp", "vc-jose", "vc-jwt"} <= formats  # several signing formats
    assert verdicts.count("Valid") >= 8  # freshly signed by trusted demo issuers
    assert "Revoked" in out and "Expired" in out  # and the two deliberate failures say why
    assert "3 target qualifications" in out
    assert path.exists()
