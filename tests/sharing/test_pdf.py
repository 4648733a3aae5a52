"""The printable bundle: every standard element labelled on every card,
"not stated" where the credential is silent, the verification summary with
its "as of" date, and a QR code that decodes to the link."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from wallet.errors import UsageError
from wallet.messages import render
from wallet.sharing.europass_common import ExportEntry
from wallet.sharing.link import encode_link
from wallet.sharing.pdf import bundle_pdf, card_rows, parse_langs

from .conftest import NOW

ELEMENT_KEYS = ["learner", "title", "awarding_body", "issued", "outcomes", "esco", "workload", "level",
                "assessment", "mode", "quality", "entry", "id_verification", "grade", "stackability",
                "credential_id", "result"]
HOLDER = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"


def _text(pdf: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "b.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, check=True, timeout=60)
    return " ".join(out.stdout.decode("utf-8").split())


def test_every_element_has_a_row_and_labels_exist_in_both_languages(entries: list[ExportEntry]) -> None:
    rows = card_rows(entries[0], ("en", "sl"))
    assert [r.key for r in rows] == ELEMENT_KEYS
    title = next(r for r in rows if r.key == "title")
    assert title.values == ("Data Literacy for Teachers", "Podatkovna pismenost za učitelje")


def test_pdf_text_has_all_labels_values_and_not_stated(entries: list[ExportEntry], tmp_path: Path) -> None:
    link = encode_link(b'{"type":"VerifiablePresentation"}' * 10)
    pdf = bundle_pdf(entries, langs=("en",), link=link, holder=HOLDER, expires=NOW + timedelta(days=30), now=NOW)
    assert pdf.startswith(b"%PDF-")
    text = _text(pdf, tmp_path)
    for key in ELEMENT_KEYS:
        assert render(next(r for r in card_rows(entries[0], ("en",)) if r.key == key).label, ("en",)) in text, key
    for value in ("Ana Šolar", "University of Ljubljana (Slovenia)", "30 Jun 2026", "Interpret school data sets",
                  "6 ECTS credits, 150 hours", "EQF level 6: advanced knowledge", "national level 7",
                  "Written exam and project", "Blended",
                  "Accredited by NAKVIS", "Bachelor's degree", "Supervised on site", "A (excellent)",
                  "part of a larger qualification", "Uniwersytet Wiślański"):
        assert value in text, value
    assert text.count("not stated") >= 10  # the certificate says almost nothing
    assert "Checked offline on 24 Nov 2026, 06:00 UTC" in text
    assert "✓ Data Literacy for Teachers — Issued by University of Ljubljana — verified — not revoked" in text
    assert "stop being accepted after 24 Dec 2026, 06:00 UTC" in text


def test_bilingual_pdf_shows_both_languages(entries: list[ExportEntry], tmp_path: Path) -> None:
    pdf = bundle_pdf(entries, langs=("en", "sl"), link=None, holder=HOLDER, now=NOW)
    text = _text(pdf, tmp_path)
    for key in ELEMENT_KEYS:
        assert render(next(r for r in card_rows(entries[0], ("sl",)) if r.key == key).label, ("sl",)) in text, key
    assert "Podatkovna pismenost za učitelje" in text and "Pisni izpit in projekt" in text
    assert "ni navedeno" in text and "Zbirka dokazil" in text


def test_too_big_for_a_qr_code_is_said_on_paper(entries: list[ExportEntry], tmp_path: Path) -> None:
    big = encode_link(os.urandom(3000))
    text = _text(bundle_pdf(entries, link=big, now=NOW), tmp_path)
    assert "No QR code: the bundle is too large" in text and "at most 2,331 bytes" in text


def test_rendered_page_shows_a_qr_code_that_decodes_to_the_link(entries: list[ExportEntry], tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    link = encode_link(b'{"type":"VerifiablePresentation","holder":"did:key:z6Mk"}' * 8)
    (tmp_path / "b.pdf").write_bytes(bundle_pdf(entries, langs=("en", "sl"), link=link, holder=HOLDER, now=NOW))
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(tmp_path / "b.pdf"), str(tmp_path / "page")],
                   check=True, timeout=60)
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) >= 2
    image = Image.open(pages[0])
    assert image.size[0] > 1000
    decoded = [r.text for r in zxingcpp.read_barcodes(image.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)]
    assert decoded == [link]


def test_language_option() -> None:
    assert parse_langs("en,sl") == ("en", "sl") and parse_langs(None) == ("en",)
    with pytest.raises(UsageError):
        parse_langs("en,sl,de")
    with pytest.raises(UsageError, match="no printed labels for xx"):
        parse_langs("xx")


@pytest.mark.parametrize("payload", [200, 1600])  # a small (hosted-size) and a dense self-contained link
def test_the_printed_qr_code_is_at_least_6_cm_and_decodes_at_100_dpi(entries: list[ExportEntry], tmp_path: Path,
                                                                     payload: int) -> None:
    """Issue 16: the PDF's QR code follows the app's own advice and a 100 dpi scan still reads it."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    from wallet.sharing.qr import make_qr

    link = encode_link(os.urandom(payload))
    code = make_qr(link)
    assert code.print_mm >= 60
    (tmp_path / "b.pdf").write_bytes(bundle_pdf(entries, link=link, holder=HOLDER, now=NOW))
    subprocess.run(["pdftoppm", "-r", "100", "-f", "1", "-l", "1", "-png", str(tmp_path / "b.pdf"),
                    str(tmp_path / "page")], check=True, timeout=60)
    image = Image.open(sorted(tmp_path.glob("page*.png"))[0]).convert("L")
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [r.text for r in found] == [link]
    box = found[0].position  # corners of the symbol without its quiet zone, in pixels at 100 dpi
    width_mm = (box.top_right.x - box.top_left.x) / 100 * 25.4
    quiet = 2 * 4 * code.print_mm / code.size  # the four-module quiet zone on both sides
    assert width_mm + quiet >= 60 - 1.5, width_mm
