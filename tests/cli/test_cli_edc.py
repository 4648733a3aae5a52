"""EDC files through the CLI like any other format: verify --json, import, show --lang sl."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wallet.cli import main

ELM = "eu-elm-v3/Credentials/JSON-LD Examples (ELM v3)"


def test_verify_json_covers_sealed_edc(vectors_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sample = vectors_dir / ELM / "Sample-MC-Annex1-signed.jsonld"
    main(["verify", "--json", str(sample)])
    out = json.loads(capsys.readouterr().out)
    assert out["format"] == "edc-jades"
    checks = {c["name"]: c for c in out["checks"]}
    assert checks["signature"]["status"] == "passed"
    assert out["verdict"] in ("valid-with-warnings", "cannot-verify-offline", "valid")
    assert {"format", "signature", "issuer-trusted", "status", "validity", "accreditation"} <= checks.keys()


def test_show_prints_annex_elements_in_slovenian(
    vectors_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WALLET_PASSPHRASE", "pw for edc test")
    vault = str(tmp_path / "v.db")
    assert main(["init", "--vault", vault, "--kdf-memory-mib", "64"]) == 0
    sample = vectors_dir / ELM / "Sample-MC-Annex1-signed.jsonld"
    assert main(["import", "--vault", vault, "--json", str(sample)]) == 0
    ident = json.loads(capsys.readouterr().out.splitlines()[-1])["id"]
    assert main(["show", "--vault", vault, ident, "--lang", "sl"]) == 0
    text = capsys.readouterr().out
    for label in ("Udeleženec", "Izdajatelj", "Država izdajatelja", "Datum izdaje", "Učni izidi",
                  "Obseg (kreditne točke / obseg učenja)", "Raven EOK / SOK", "Vrsta preverjanja znanja",
                  "Oblika udeležbe", "Zagotavljanje kakovosti", "Ocena"):
        assert label in text
    assert "Raven EOK" in text and "Podpis izdajatelja" in text and "Learner" not in text
    # the stored bytes are the original file, byte for byte
    assert main(["show", "--vault", vault, ident, "--raw"]) == 0
    assert capsys.readouterr().out.encode() == sample.read_bytes()


def test_tampered_credentials_are_refused_and_nothing_is_stored(
    vectors_dir: Path, corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("WALLET_PASSPHRASE", "pw for tamper test")
    vault = str(tmp_path / "v.db")
    assert main(["init", "--vault", vault, "--kdf-memory-mib", "64"]) == 0
    sealed = (vectors_dir / ELM / "Sample-MC-Annex1-signed.jsonld").read_bytes()
    edited = tmp_path / "edited-after-sealing.jsonld"
    edited.write_bytes(sealed.replace(b"Digital micro-credential creation", b"Digital micro-credential creatiom", 1))
    assert edited.read_bytes() != sealed
    capsys.readouterr()
    files = [str(edited), str(corpus_dir / "vc2-ecdsa-jcs-2019.tampered.001.json"),
             str(corpus_dir / "jwt-vc11-eddsa.wrong-key.001.jwt")]
    assert main(["import", "--vault", vault, "--json", *files]) == 3
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["outcome"] for r in rows] == ["invalid", "invalid", "invalid"]
    assert all(r["message"]["id"] == "import.refused_broken" and r["detail"].startswith("Not imported") for r in rows)
    assert rows[0]["message"]["params"]["check"] == "signature"
    assert main(["list", "--vault", vault, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
