"""`wallet share` end to end on a real vault: every output kind, recorded shares."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
import zxingcpp
from lxml import etree
from PIL import Image

from wallet.cli import main
from wallet.sharing.link import decode_link

PASS = "correct horse battery staple"
CORPUS_FILES = ["ob3-eddsa-rdfc-2022.valid.001.json", "vc2-ecdsa-rdfc-2019.valid.002.json",
                "jose-vc2-eddsa.valid.001.jwt", "ob3-eddsa-rdfc-2022.expired.001.json"]


@pytest.fixture()
def vault(tmp_path: Path, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch,
          capsys: pytest.CaptureFixture[str]) -> tuple[Path, list[str]]:
    path = tmp_path / "v.db"
    monkeypatch.setenv("WALLET_PASSPHRASE", PASS)
    monkeypatch.delenv("WALLET_VAULT", raising=False)
    assert main(["init", "--vault", str(path), "--kdf-memory-mib", "64"]) == 0
    main(["import", "--vault", str(path), *[str(corpus_dir / f) for f in CORPUS_FILES]])
    out = capsys.readouterr().out
    ids = re.findall(r"imported ([0-9a-f]{16})", out)
    assert len(ids) == len(CORPUS_FILES), out
    return path, ids


def test_every_kind_of_share(vault: tuple[Path, list[str]], tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    path, ids = vault
    v = ["--vault", str(path)]
    ldp, generic, jose, expired = ids

    assert main(["share", ldp, jose, "--out", str(tmp_path / "b.vp.json"), "--challenge", "n-1", *v]) == 0
    doc = json.loads((tmp_path / "b.vp.json").read_text())
    assert doc["type"] == ["VerifiablePresentation"] and doc["proof"]["challenge"] == "n-1"
    assert doc["verifiableCredential"][1]["type"] == "EnvelopedVerifiableCredential"
    assert (tmp_path / "b.vp.json").stat().st_mode & 0o777 == 0o600

    capsys.readouterr()
    assert main(["share", generic, "--link", "--expires", "2d", "--base", "https://w.example/open", *v]) == 0
    url = capsys.readouterr().out.strip()
    assert url.startswith("https://w.example/open#v=1&b=")
    assert json.loads(decode_link(url))["proof"]["expires"]

    assert main(["share", generic, "--qr", str(tmp_path / "q.png"), *v]) == 0
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO((tmp_path / "q.png").read_bytes())), formats=zxingcpp.BarcodeFormat.QRCode)
    assert len(decoded) == 1 and decoded[0].text.startswith("wallet:/open#v=1&b=")
    assert main(["share", generic, "--qr", str(tmp_path / "q.svg"), *v]) == 0
    assert (tmp_path / "q.svg").read_bytes().startswith(b"<svg")
    capsys.readouterr()
    assert main(["share", ldp, generic, jose, "--qr", str(tmp_path / "big.png"), *v]) == 3
    assert "too large for a QR code" in capsys.readouterr().err
    assert main(["share", generic, "--qr", str(tmp_path / "q.gif"), *v]) == 2

    assert main(["share", ldp, generic, "--pdf", str(tmp_path / "p.pdf"), "--lang", "en,sl", *v]) == 0
    assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF-")

    assert main(["share", ldp, generic, "--europass", str(tmp_path / "cv.xml"), *v]) == 0
    root = etree.parse(str(tmp_path / "cv.xml")).getroot()
    assert root.tag == "{http://www.europass.eu/1.0}Candidate"
    assert main(["share", ldp, "--europass", str(tmp_path / "cv2.xml"), "--legacy", *v]) == 0
    assert etree.parse(str(tmp_path / "cv2.xml")).getroot().tag == "{http://europass.cedefop.europa.eu/Europass}SkillsPassport"

    capsys.readouterr()
    assert main(["share", ldp, expired, "--europass", str(tmp_path / "some.xml"), *v]) == 3
    err = capsys.readouterr().err
    assert "left out" in err and "only verified credentials" in err
    assert etree.parse(str(tmp_path / "some.xml")).getroot().tag == "{http://www.europass.eu/1.0}Candidate"
    assert main(["share", expired, "--europass", str(tmp_path / "no.xml"), *v]) == 3
    assert not (tmp_path / "no.xml").exists()
    assert main(["share", ldp, "--out", str(tmp_path / "x.json"), "--expires", "400d", *v]) == 2

    from wallet.storage import Vault

    opened = Vault.open(path, PASS)
    try:
        kinds = [s["kind"] for s in opened.list_shares()]
    finally:
        opened.close()
    assert kinds == ["file", "link", "qr", "qr", "pdf", "europass", "europass-legacy", "europass"]
