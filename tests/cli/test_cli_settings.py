"""`wallet settings`: what the desktop app's settings dialog edits, from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wallet.cli import main


@pytest.fixture()
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("WALLET_PASSPHRASE", "settings test")
    path = str(tmp_path / "v.db")
    assert main(["init", "--vault", path, "--kdf-memory-mib", "64"]) == 0
    return path


def test_defaults_set_and_reset(vault: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["settings", "list", "--vault", vault, "--json"]) == 0
    values = json.loads(capsys.readouterr().out)
    assert values == {"share.expires": "30d", "share.link_base": "wallet:/open", "share.server": "",
                      "ui.credential_languages": ["en"], "ui.autolock_minutes": 5, "keys.policy": "per-issuer",
                      "online.fetch": "ask", "online.offline": False}
    assert main(["settings", "set", "--vault", vault, "keys.policy", "everywhere"]) == 2
    assert main(["settings", "set", "--vault", vault, "share.expires", "7d"]) == 0
    assert main(["settings", "set", "--vault", vault, "ui.credential_languages", "sl,en"]) == 0
    assert main(["settings", "set", "--vault", vault, "ui.autolock_minutes", "10"]) == 0
    capsys.readouterr()
    assert main(["settings", "list", "--vault", vault, "--json"]) == 0
    values = json.loads(capsys.readouterr().out)
    assert values["share.expires"] == "7d" and values["ui.credential_languages"] == ["sl", "en"]
    assert values["ui.autolock_minutes"] == 10
    assert main(["settings", "set", "--vault", vault, "online.fetch", "never"]) == 0
    assert main(["settings", "set", "--vault", vault, "online.offline", "on"]) == 0
    capsys.readouterr()
    assert main(["settings", "list", "--vault", vault, "--json"]) == 0
    values = json.loads(capsys.readouterr().out)
    assert values["online.fetch"] == "never" and values["online.offline"] is True
    assert main(["settings", "reset", "--vault", vault, "share.expires"]) == 0
    capsys.readouterr()
    assert main(["settings", "list", "--vault", vault, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["share.expires"] == "30d"


@pytest.mark.parametrize("key,value", [
    ("share.expires", "forever"), ("share.expires", "400d"), ("ui.autolock_minutes", "-1"),
    ("ui.credential_languages", "english!"), ("share.link_base", "http://x#y"), ("no.such", "1"),
    ("online.fetch", "sometimes"), ("online.offline", "maybe"),
])
def test_bad_values_are_refused_with_a_reason(vault: str, key: str, value: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["settings", "set", "--vault", vault, key, value]) == 2
    err = capsys.readouterr().err
    assert err.startswith("wallet: error: ") and err.count("\n") == 1
