"""The `wallet` CLI end to end on a real vault: what a user types, what they see."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wallet.cli import main

PASS = "correct horse battery staple"


@pytest.fixture()
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "v.db"
    monkeypatch.setenv("WALLET_PASSPHRASE", PASS)
    monkeypatch.delenv("WALLET_VAULT", raising=False)
    assert main(["init", "--vault", str(path), "--kdf-memory-mib", "64"]) == 0
    return path


def _json_out(capsys: pytest.CaptureFixture[str]) -> object:
    return json.loads(capsys.readouterr().out)


def test_init_refuses_existing_vault(vault: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["init", "--vault", str(vault), "--kdf-memory-mib", "64"]) == 14
    assert "already exists" in capsys.readouterr().err


def test_no_vault_and_wrong_passphrase_have_their_own_exit_codes(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", "--vault", str(tmp_path / "none.db")]) == 15
    monkeypatch.setenv("WALLET_PASSPHRASE", "not it")
    capsys.readouterr()
    assert main(["list", "--vault", str(vault)]) == 11
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "damaged" in err


def test_passphrase_file(vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WALLET_PASSPHRASE")
    pf = tmp_path / "pw"
    pf.write_text(PASS + "\n")
    assert main(["info", "--vault", str(vault), "--passphrase-file", str(pf)]) == 0


def test_import_list_show_remove(
    vault: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [corpus_dir / "ob3-eddsa-rdfc-2022.valid.001.json", corpus_dir / "jwt-vc11-eddsa.valid.001.jwt"]
    assert main(["import", "--vault", str(vault), "--json", *map(str, files)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["outcome"] for r in rows] == ["imported", "imported"]
    # importing again: duplicates, nothing new
    assert main(["import", "--vault", str(vault), "--json", str(files[0])]) == 0
    assert json.loads(capsys.readouterr().out)["outcome"] == "duplicate"

    assert main(["list", "--vault", str(vault), "--json"]) == 0
    listed = _json_out(capsys)
    assert isinstance(listed, list) and len(listed) == 2
    ident = rows[0]["id"]
    assert main(["show", "--vault", str(vault), ident[:8], "--json"]) == 0
    shown = _json_out(capsys)
    assert isinstance(shown, dict) and shown["id"] == ident

    assert main(["show", "--vault", str(vault), ident, "--raw"]) == 0
    assert capsys.readouterr().out.encode() == files[0].read_bytes()

    assert main(["remove", "--vault", str(vault), ident, "--yes"]) == 0
    capsys.readouterr()
    assert main(["show", "--vault", str(vault), ident]) == 4


def test_import_of_garbage_stores_nothing(vault: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json")
    assert main(["import", "--vault", str(vault), str(bad)]) == 3
    capsys.readouterr()
    assert main(["list", "--vault", str(vault), "--json"]) == 0
    assert _json_out(capsys) == []


def test_passwd_backup_restore(
    vault: Path, tmp_path: Path, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "--vault", str(vault), str(corpus_dir / "ob3-eddsa-jcs-2022.valid.001.json")]) == 0
    new = tmp_path / "new-pw"
    new.write_text("a new passphrase\n")
    assert main(["passwd", "--vault", str(vault), "--new-passphrase-file", str(new)]) == 0
    assert main(["info", "--vault", str(vault)]) == 11  # the old passphrase no longer opens it
    monkeypatch.setenv("WALLET_PASSPHRASE", "a new passphrase")
    backup = tmp_path / "b.walletbackup"
    assert main(["backup", "--vault", str(vault), str(backup)]) == 0
    restored = tmp_path / "restored.db"
    assert main(["restore", "--vault", str(restored), str(backup)]) == 0
    capsys.readouterr()
    assert main(["list", "--vault", str(restored), "--json"]) == 0
    assert len(_json_out(capsys)) == 1  # type: ignore[arg-type]
    # restore never replaces an existing vault without confirmation (no terminal here)
    assert main(["restore", "--vault", str(restored), str(backup)]) == 2


def test_debug_shows_traceback_only_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--debug", "list", "--vault", str(tmp_path / "none.db")]) == 15
    assert "Traceback" in capsys.readouterr().err
