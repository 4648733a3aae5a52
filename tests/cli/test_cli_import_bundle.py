"""A received link or presentation imports as the credentials it carries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wallet.cli import main


@pytest.fixture()
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WALLET_PASSPHRASE", "bundle import test")
    return tmp_path


def _init(path: Path) -> str:
    assert main(["init", "--vault", str(path), "--kdf-memory-mib", "64"]) == 0
    return str(path)


def test_presentation_file_imports_its_credentials(
    env: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vault = _init(env / "v.db")
    vp = next(corpus_dir.glob("vp-eddsa-rdfc-2022.valid.*.vp.json"))
    embedded = json.loads(vp.read_text())["verifiableCredential"]
    capsys.readouterr()
    assert main(["import", "--vault", vault, "--json", str(vp)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == len(embedded)
    assert all(r["outcome"] == "imported" and "[credential " in r["file"] for r in rows)
    assert main(["list", "--vault", vault, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {r["format"] for r in listed} == {"vc-ldp"}


def test_share_link_round_trip_into_another_vault(
    env: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    alice = _init(env / "alice.db")
    files = [corpus_dir / "ob3-eddsa-jcs-2022.valid.001.json", corpus_dir / "jwt-vc11-es256.valid.001.jwt"]
    capsys.readouterr()
    assert main(["import", "--vault", alice, "--json", *map(str, files)]) == 0
    ids = [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()]
    assert main(["share", "--vault", alice, *ids, "--link"]) == 0
    link = capsys.readouterr().out.strip().splitlines()[-1]
    assert link.startswith("wallet:/open#v=1&b=")
    link_file = env / "received.txt"
    link_file.write_text(link + "\n")

    bob = _init(env / "bob.db")
    capsys.readouterr()
    assert main(["import", "--vault", bob, "--json", str(link_file)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["outcome"] for r in rows] == ["imported", "imported"]
    # The JWT travelled in an envelope: Bob stores exactly the bytes Alice had.
    jwt_id = next(r["id"] for r in rows if r["file"].endswith("[credential 2]"))
    assert main(["show", "--vault", bob, jwt_id, "--raw"]) == 0
    assert capsys.readouterr().out.encode() == files[1].read_bytes().strip()


def test_garbage_link_is_one_invalid_result(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    vault = _init(env / "v.db")
    bad = env / "bad-link.txt"
    bad.write_text("wallet:/open#v=1&b=%%%not-base64")
    capsys.readouterr()
    assert main(["import", "--vault", vault, "--json", str(bad)]) == 3
    row = json.loads(capsys.readouterr().out)
    assert row["outcome"] == "invalid"
