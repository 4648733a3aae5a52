"""`wallet verify` needs no vault and prints one JSON object per file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wallet.cli import main


def _manifest(corpus_dir: Path) -> dict:
    return json.loads((corpus_dir / "manifest.json").read_text())


def test_verify_json_lines(corpus_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    m = _manifest(corpus_dir)
    now = m["createdAt"]
    entries = [e for e in m["entries"] if e["format"] in ("ldp", "jwt")][::7]
    status = [str(corpus_dir / f) for f in m["statusLists"].values()]
    args = ["verify", "--json", "--now", now]
    for s in status:
        args += ["--status-list", s]
    code = main(args + [str(corpus_dir / e["file"]) for e in entries])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == len(entries)
    for entry, out in zip(entries, lines, strict=True):
        assert {"file", "format", "verdict", "checks"} <= out.keys()
        assert all({"name", "status", "reason"} <= c.keys() for c in out["checks"])
        ok = out["verdict"] in ("valid", "valid-with-warnings")
        assert ok == (entry["expected"] == "valid"), (entry["file"], out)
    assert code == (6 if any(e["expected"] == "invalid" for e in entries) else 0)


def test_verify_missing_file_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", "--json", str(tmp_path / "nope.json")]) == 6
    out = json.loads(capsys.readouterr().out)
    assert out["verdict"] == "invalid" and "no such file" in out["checks"][0]["reason"]
    assert out["checks"][0]["message"]["id"] == "import.no_file"
