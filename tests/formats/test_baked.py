"""Baked badges: extraction from the shared PNG/SVG samples, and threats "XXE and billion laughs", "oversized badge chunk", "zip and deflate bombs" in docs/THREATS.md."""

from __future__ import annotations

import json
import struct
import time
import tracemalloc
import zlib
from pathlib import Path

import pytest

from wallet.errors import InputError
from wallet.formats import detect, parse
from wallet.formats.baked import PNG_SIGNATURE, extract_png, extract_svg
from wallet.model import Container
from wallet.model import CredentialFormat as F
from wallet.util.limits import MAX_ITXT_CHUNK_BYTES

OB20 = "1edtech-dc-validator/inspector-vc/src/test/resources/ob20"
OB30 = "1edtech-dc-validator/inspector-vc/src/test/resources/ob30"
ASSERTION = {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "https://x.example/a",
             "recipient": {"type": "email", "hashed": False, "identity": "a@x.example"},
             "badge": "https://x.example/b", "issuedOn": "2020-01-01T00:00:00Z",
             "verification": {"type": "hosted"}}


def chunk(ctype: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + ctype + body + struct.pack(">I", zlib.crc32(ctype + body) & 0xFFFFFFFF)


def itxt(keyword: bytes, text: bytes, compressed: bool = False) -> bytes:
    data = zlib.compress(text) if compressed else text
    return chunk(b"iTXt", keyword + b"\0" + bytes([1 if compressed else 0, 0]) + b"\0\0" + data)


IHDR = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
IDAT = chunk(b"IDAT", zlib.compress(b"\0\0"))
IEND = chunk(b"IEND", b"")


def png(*middle: bytes) -> bytes:
    return PNG_SIGNATURE + IHDR + b"".join(middle) + IDAT + IEND


# ---- shared samples ----

@pytest.mark.parametrize(("rel", "fmt", "container"), [
    (f"{OB20}/simple-badge.png", F.OB2_HOSTED, Container.PNG),
    ("openbadges/ob2-baked/baked_heart.png", F.OB2_HOSTED, Container.PNG),
    (f"{OB30}/simple-json.png", F.VC_LDP, Container.PNG),
    (f"{OB30}/simple-jwt.png", F.VC_JOSE, Container.PNG),
    (f"{OB30}/simple-jwt_v1.png", F.VC_JWT, Container.PNG),
    (f"{OB30}/simple-json.svg", F.VC_LDP, Container.SVG),
    (f"{OB30}/simple-jwt.svg", F.VC_JOSE, Container.SVG),
    (f"{OB30}/simple-jwt_v1.svg", F.VC_JWT, Container.SVG),
])
def test_baked_samples_parse(vectors_dir: Path, rel: str, fmt: F, container: Container) -> None:
    raw = (vectors_dir / rel).read_bytes()
    cred = parse(raw)
    assert (cred.format, cred.container) == (fmt, container)
    assert cred.raw == raw  # the original image, not the inner payload
    if fmt in (F.VC_JOSE, F.VC_JWT):
        assert set(cred.document) >= {"header", "payload", "compact"}
    else:
        assert isinstance(cred.document, dict) and "type" in cred.document
    assert cred.title or cred.achievements


def test_ob2_baked_png_carries_assertion(vectors_dir: Path) -> None:
    payload = extract_png((vectors_dir / "openbadges/ob2-baked/baked_heart.png").read_bytes())
    assert payload.keyword == "openbadges"
    assert json.loads(payload.text)["type"] == "Assertion"


@pytest.mark.parametrize("name", ["openbadges/ob2-baked/public_domain_heart_unbaked.png", "openbadges/test/unbaked.png"])
def test_unbaked_png(vectors_dir: Path, name: str) -> None:
    raw = (vectors_dir / name).read_bytes()
    assert detect(raw) == (F.UNKNOWN, Container.PNG)
    with pytest.raises(InputError, match="no baked badge"):
        parse(raw)


def test_mozilla_svg_samples(vectors_dir: Path) -> None:
    base = vectors_dir / "openbadges/test"
    assert json.loads(extract_svg((base / "baked.svg").read_bytes()).text) == {"verify": {"url": "http://example.org"}}
    with pytest.raises(InputError, match="not valid JSON"):
        parse((base / "bad-json.svg").read_bytes())
    with pytest.raises(InputError, match="holds no JSON"):
        parse((base / "no-json.svg").read_bytes())
    with pytest.raises(InputError, match="no baked badge"):
        parse((base / "unbaked.svg").read_bytes())
    with pytest.raises(InputError, match="not an Open Badge"):
        parse((base / "baked.svg").read_bytes())


# ---- row 18: PNG iTXt rules ----

def test_constructed_png_round_trip() -> None:
    cred = parse(png(itxt(b"openbadges", json.dumps(ASSERTION).encode())))
    assert cred.format is F.OB2_HOSTED and cred.container is Container.PNG


def test_two_badge_chunks_refused() -> None:
    body = json.dumps(ASSERTION).encode()
    with pytest.raises(InputError, match="more than one"):
        parse(png(itxt(b"openbadges", body), itxt(b"openbadges", body)))
    with pytest.raises(InputError, match="more than one"):
        parse(png(itxt(b"openbadges", body), itxt(b"openbadgecredential", body)))


def test_compressed_itxt_refused() -> None:
    with pytest.raises(InputError, match="compressed"):
        parse(png(itxt(b"openbadges", json.dumps(ASSERTION).encode(), compressed=True)))


def test_huge_chunk_refused_without_allocating() -> None:
    """A header claiming a 100 MB iTXt, with no data behind it: refused before any read."""
    claim = struct.pack(">I", 100 * 1024 * 1024) + b"iTXt" + b"openbadges\0\0\0\0\0"
    raw = PNG_SIGNATURE + IHDR + claim
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="limit"):
            parse(raw)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024


def test_oversized_real_chunk_refused() -> None:
    with pytest.raises(InputError, match="limit"):
        parse(png(itxt(b"openbadges", b"x" * (MAX_ITXT_CHUNK_BYTES + 1))))


def test_total_text_cap() -> None:
    filler = [chunk(b"tEXt", b"Comment\0" + b"x" * (900 * 1024)) for _ in range(3)]
    with pytest.raises(InputError, match="text chunks exceed"):
        parse(png(*filler, itxt(b"openbadges", json.dumps(ASSERTION).encode())))


def _ztxt_bomb(keyword: bytes, megabytes: int) -> bytes:
    comp = zlib.compressobj(9)
    block = b"\0" * (1024 * 1024)
    data = b"".join(comp.compress(block) for _ in range(megabytes)) + comp.flush()
    return chunk(b"zTXt", keyword + b"\0\0" + data)


def test_ztxt_bomb_never_inflated() -> None:
    """A zTXt that inflates to 256 MB: a badge in it is refused, any other is skipped unread."""
    bomb, other = _ztxt_bomb(b"openbadges", 256), _ztxt_bomb(b"Comment", 256)
    assert len(bomb) < MAX_ITXT_CHUNK_BYTES
    start = time.monotonic()
    with pytest.raises(InputError, match="zTXt"):
        parse(png(bomb))
    cred = parse(png(other, itxt(b"openbadges", json.dumps(ASSERTION).encode())))
    assert cred.format is F.OB2_HOSTED
    assert time.monotonic() - start < 1.0


def test_no_decompression_in_formats_or_jose() -> None:
    """Row 19: nothing in these modules inflates anything, so no bomb can go off here."""
    import importlib

    names = ("wallet.formats.baked", "wallet.formats.detect", "wallet.formats.enveloped", "wallet.formats.jwt",
             "wallet.util.limits", "wallet.formats.ob2", "wallet.formats.vc_json", "wallet.verify.jose",
             "wallet.verify.jose_vc", "wallet.verify.ob2")
    for module in map(importlib.import_module, names):
        source = Path(module.__file__).read_text()
        for call in ("zlib.decompress", "decompressobj", "import gzip", "zipfile", "import lzma", "import bz2"):
            assert call not in source, f"{module.__name__} uses {call}"


def test_bad_crc_and_truncation_refused() -> None:
    good = png(itxt(b"openbadges", json.dumps(ASSERTION).encode()))
    damaged = bytearray(good)
    damaged[len(PNG_SIGNATURE) + len(IHDR) + 20] ^= 0xFF
    with pytest.raises(InputError, match="CRC"):
        parse(bytes(damaged))
    with pytest.raises(InputError, match="truncated|IEND"):
        parse(good[:-12])


# ---- row 12 for SVG: no entities, no network ----

def test_svg_entities_refused() -> None:
    svg = b"""<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">
<openbadges:assertion>&x;</openbadges:assertion></svg>"""
    with pytest.raises(InputError, match="entities"):
        parse(svg)


def test_svg_external_dtd_not_loaded(vectors_dir: Path) -> None:
    """The OB 3.0 samples declare the SVG 1.1 DTD by URL; it is never fetched (parse works offline)."""
    raw = (vectors_dir / OB30 / "simple-json.svg").read_bytes()
    assert b"svg11.dtd" in raw
    assert parse(raw).format is F.VC_LDP


def test_svg_two_badges_refused() -> None:
    inner = json.dumps(ASSERTION)
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">'
           f"<openbadges:assertion><![CDATA[{inner}]]></openbadges:assertion>"
           f"<openbadges:assertion><![CDATA[{inner}]]></openbadges:assertion></svg>").encode()
    with pytest.raises(InputError, match="more than one"):
        parse(svg)


def test_svg_badge_tags_are_read_without_etree_qname() -> None:
    """Issue 11: a fuzzed baked SVG crashed extraction with etree.QName's ValueError."""
    from wallet.formats.baked import _split_tag

    assert _split_tag("{http://openbadges.org}assertion") == ("http://openbadges.org", "assertion")
    assert _split_tag("svg") == (None, "svg")
    assert _split_tag("{}x") == ("", "x")
    assert _split_tag("{unterminated") == ("unterminated", "")
    assert _split_tag(object()) == (None, "")


def test_svg_with_odd_nodes_and_namespaces_is_refused_cleanly() -> None:
    from wallet.formats.baked import extract_svg

    for svg in (
        b'<svg xmlns:o="%00"><o:assertion>{}</o:assertion></svg>',
        b'<svg><!-- c --><?pi x?><assertion xmlns="http://openbadges.org">&amp;</assertion></svg>',
        b'<x:svg xmlns:x="urn:x"><y/></x:svg>',
    ):
        try:
            payload = extract_svg(svg)
        except InputError:
            continue
        assert payload.text == b"&" and payload.keyword == "assertion"
