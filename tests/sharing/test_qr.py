"""QR codes: every produced code is read back with an independent decoder
(zxing-cpp) and must give exactly the link (threat "QR payload too large" in docs/THREATS.md)."""

from __future__ import annotations

import io
import re

import pytest
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from tests.hypothesis_profiles import examples
from wallet.errors import InputError
from wallet.sharing import qr
from wallet.sharing.link import encode_link


def decode_png(png: bytes) -> str:
    # Only QR codes: on dense random modules zxing can also "see" a 1-D barcode.
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)).convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)
    assert len(results) == 1, "exactly one QR code expected"
    assert results[0].format == zxingcpp.BarcodeFormat.QRCode
    return str(results[0].text)


def rasterise_svg(svg: bytes, scale: int = 4) -> Image.Image:
    """Paint our SVG (white rect + path of 'Mx,yhWv1h-Wz' runs) onto a bitmap.

    A tiny renderer for exactly the shape ``render_svg`` writes, so the test
    checks the SVG file itself, not the matrix it came from.
    """
    text = svg.decode("ascii")
    n = int(re.search(r'viewBox="0 0 (\d+) \1"', text).group(1))  # type: ignore[union-attr]
    assert f'<rect width="{n}" height="{n}" fill="#fff"/>' in text
    img = Image.new("L", (n * scale, n * scale), 255)
    path = re.search(r'<path fill="#000" d="([^"]*)"', text).group(1)  # type: ignore[union-attr]
    runs = re.findall(r"M(\d+),(\d+)h(\d+)v1h-(\d+)z", path)
    assert "".join(f"M{x},{y}h{w}v1h-{w2}z" for x, y, w, w2 in runs) == path, "unexpected path syntax"
    for x, y, w, _ in runs:
        x0, y0 = int(x) * scale, int(y) * scale
        img.paste(0, (x0, y0, x0 + int(w) * scale, y0 + scale))
    return img


def test_capacity_table_matches_the_published_numbers() -> None:
    assert qr.byte_capacity(40, "L") == 2953
    assert qr.byte_capacity(40, "M") == 2331
    assert qr.byte_capacity(25, "M") == 997
    assert qr.byte_capacity(1, "M") == 14


@settings(max_examples=examples(12), deadline=None)
@given(st.integers(min_value=1, max_value=2331 - len("wallet:/open#v=1&b=")), st.randoms())
def test_any_link_within_capacity_decodes_back_equal(length: int, rnd: object) -> None:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    payload = "".join(rnd.choice(alphabet) for _ in range(length))  # type: ignore[attr-defined]
    url = "wallet:/open#v=1&b=" + payload
    png, code = qr.qr_png(url)
    assert code.version <= 40 and code.level == "M"
    assert len(url) <= qr.byte_capacity(code.version)
    assert decode_png(png) == url


def test_real_link_png_and_svg_decode_to_the_link() -> None:
    url = encode_link(b'{"@context":["https://www.w3.org/ns/credentials/v2"],"type":"VerifiablePresentation"}' * 6)
    png, code = qr.qr_png(url)
    assert png.startswith(b"\x89PNG") and decode_png(png) == url
    svg, svg_code = qr.qr_svg(url)
    assert svg.startswith(b"<svg") and svg_code.matrix == code.matrix
    results = zxingcpp.read_barcodes(rasterise_svg(svg), formats=zxingcpp.BarcodeFormat.QRCode)
    assert [r.text for r in results] == [url]


def test_exactly_at_capacity_fits_and_one_more_byte_does_not() -> None:
    url = "wallet:/open#v=1&b=" + "A" * (2331 - 19)
    png, code = qr.qr_png(url)
    assert code.version == 40 and decode_png(png) == url
    with pytest.raises(InputError) as err:
        qr.make_qr(url + "A")
    message = str(err.value)
    assert message.startswith("this bundle is too large for a QR code (2,332 bytes; a QR code holds at most "
                              "2,331 bytes at level M)")
    assert "share it as a file" in message


def test_warning_beyond_version_25() -> None:
    small = qr.make_qr("wallet:/open#v=1&b=" + "A" * 500)
    assert small.version <= 25 and small.warning is None
    big = qr.make_qr("wallet:/open#v=1&b=" + "A" * 1200)
    assert big.version > 25 and big.warning and "version" in big.warning


def test_other_levels_and_bad_level() -> None:
    assert qr.make_qr("wallet:/open#v=1&b=AAAA", "H").level == "H"
    with pytest.raises(InputError, match="2,953 bytes at level L"):
        qr.make_qr("x" * 3000, "L")
    from wallet.errors import UsageError

    with pytest.raises(UsageError):
        qr.make_qr("x", "Z")
