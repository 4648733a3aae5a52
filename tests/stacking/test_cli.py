"""`wallet target ...` and `wallet progress`: handlers on an in-memory vault, and once end to end."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_vault import FakeVault, passed
from stack_helpers import credential

from wallet.cli import cmd_target, main
from wallet.stacking import bundled_targets

MINE: dict[str, Any] = {
    "id": "urn:mine:target",
    "title": {"en": "Mine", "sl": "Moj"},
    "total": {"amount": 6},
    "components": [{"id": "k", "title": {"en": "K"}, "credits": 6, "match": {"identifiers": ["urn:spec:k"]}}],
}


@pytest.fixture()
def vault(monkeypatch: pytest.MonkeyPatch) -> FakeVault:
    fake = FakeVault()

    @contextlib.contextmanager
    def fake_open(args: Any) -> Iterator[FakeVault]:
        yield fake

    monkeypatch.setattr(cmd_target, "open_vault", fake_open)
    return fake


def test_target_add_list_remove(vault: FakeVault, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "mine.json"
    file.write_text(json.dumps(MINE), encoding="utf-8")
    assert main(["target", "add", str(file)]) == 0
    assert "added target urn:mine:target" in capsys.readouterr().out

    assert main(["target", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [t["id"] for t in listed][-1] == "urn:mine:target"
    assert sum(1 for t in listed if t["bundled"]) == len(bundled_targets())

    assert main(["target", "list", "--lang", "sl"]) == 0
    assert "Moj: 1 requirements, 6 ECTS" in capsys.readouterr().out

    assert main(["target", "remove", "urn:mine:target"]) == 0
    assert main(["target", "remove", "urn:mine:target"]) == 4  # NotFound
    assert main(["target", "remove", bundled_targets()[0].id]) == 3  # InputError: bundled
    assert "bundled target" in capsys.readouterr().err


def test_target_add_refuses_a_bad_file(vault: FakeVault, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "bad.json"
    file.write_text(json.dumps({"id": "x", "title": {"en": "X"}}), encoding="utf-8")
    assert main(["target", "add", str(file)]) == 3
    assert "give at least one component" in capsys.readouterr().err
    assert vault.targets == {}


def test_progress_json_and_text(vault: FakeVault, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    vault.put_target(MINE["id"], MINE)
    vault.add("c1", credential("K", spec="urn:spec:k", credits=6), [passed()])
    assert main(["progress", "urn:mine:target", "--json", "--now", "2026-06-01T00:00:00Z"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["fraction"] == 1.0 and data["allocations"]["k"][0]["credential"] == "c1"
    assert data["asOf"].startswith("2026-06-01")

    assert main(["progress", "--json"]) == 0
    every = json.loads(capsys.readouterr().out)
    assert isinstance(every, list) and len(every) == len(bundled_targets()) + 1

    assert main(["progress"]) == 0
    out = capsys.readouterr().out
    assert "Mine" in out and "<- K: counts because it is the credential this requirement names" in out
    assert "urn:spec:k" not in out  # identifiers stay out of the words
    assert main(["progress", "urn:none"]) == 4


def test_end_to_end_with_a_real_vault(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("sqlcipher3")
    pw = tmp_path / "pw"
    pw.write_text("a long enough passphrase\n", encoding="utf-8")
    opts = ["--vault", str(tmp_path / "v.db"), "--passphrase-file", str(pw)]
    assert main(["init", *opts]) == 0
    file = tmp_path / "mine.json"
    file.write_text(json.dumps(MINE), encoding="utf-8")
    assert main(["target", "add", str(file), *opts]) == 0
    capsys.readouterr()
    assert main(["progress", "urn:mine:target", "--json", *opts]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["target"]["id"] == "urn:mine:target" and data["componentsMet"] == 0
    assert main(["target", "remove", "urn:mine:target", *opts]) == 0


def test_solver_banner_never_reaches_stdout() -> None:
    """HiGHS prints a banner on file descriptor 1; `--json` output must stay parseable."""
    script = (
        "import json; from wallet.stacking.demo import demo_candidates; "
        "from wallet.stacking import bundled_targets, progress; "
        "print(json.dumps([progress(t, demo_candidates()).to_json() for t in bundled_targets()]))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert len(json.loads(out.stdout)) == len(bundled_targets())
