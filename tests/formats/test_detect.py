"""Format detection: every shared fixture lands in the right format, garbage never crashes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hypothesis_profiles import examples
from wallet.errors import InputError
from wallet.formats import detect, parse
from wallet.model import Container
from wallet.model import CredentialFormat as F
from wallet.util.limits import MAX_CREDENTIAL_BYTES, MAX_INPUT_BYTES

OB20 = "1edtech-dc-validator/inspector-vc/src/test/resources/ob20"
OB30 = "1edtech-dc-validator/inspector-vc/src/test/resources/ob30"
JOSE = "w3c-vc-jose-cose-test-suite/tests/input"

EXPECTED = [
    (f"{OB20}/simple.jwt", F.OB2_SIGNED, Container.NONE),
    (f"{OB20}/simple-revoked.jwt", F.OB2_SIGNED, Container.NONE),
    (f"{OB20}/basic-assertion.json", F.OB2_HOSTED, Container.NONE),
    (f"{OB20}/simple-badge.png", F.OB2_HOSTED, Container.PNG),
    ("openbadges/ob2-baked/baked_heart.png", F.OB2_HOSTED, Container.PNG),
    ("openbadges/ob2-baked/public_domain_heart_unbaked.png", F.UNKNOWN, Container.PNG),
    (f"{OB30}/simple.json", F.VC_LDP, Container.NONE),
    (f"{OB30}/simple.jwt", F.VC_JWT, Container.NONE),
    (f"{OB30}/simple-json.png", F.VC_LDP, Container.PNG),
    (f"{OB30}/simple-jwt.png", F.VC_JOSE, Container.PNG),
    (f"{OB30}/simple-jwt_v1.png", F.VC_JWT, Container.PNG),
    (f"{OB30}/simple-json.svg", F.VC_LDP, Container.SVG),
    (f"{OB30}/simple-jwt.svg", F.VC_JOSE, Container.SVG),
    (f"{OB30}/simple-jwt_v1.svg", F.VC_JWT, Container.SVG),
    (f"{JOSE}/credential-jose-minimal.txt", F.VC_JOSE, Container.NONE),
    (f"{JOSE}/credential-jose-bad-media-type.txt", F.VC_JOSE, Container.NONE),
    (f"{JOSE}/presentation-jose-multiple.txt", F.VP_JWT, Container.NONE),
    (f"{JOSE}/credential-sdjwt-selective.txt", F.SD_JWT, Container.NONE),
    (f"{JOSE}/presentation-single.json", F.VP_LDP, Container.NONE),
    ("w3c-vc-data-model-2.0-test-suite/tests/input/presentation-enveloped-vc-ok.json", F.VP_LDP, Container.NONE),
]


@pytest.mark.parametrize(("rel", "fmt", "container"), EXPECTED, ids=[e[0].rsplit("/", 1)[1] for e in EXPECTED])
def test_shared_fixtures_detected(vectors_dir: Path, rel: str, fmt: F, container: Container) -> None:
    assert detect((vectors_dir / rel).read_bytes()) == (fmt, container)


def test_corpus_detected_by_manifest(corpus_dir: Path) -> None:
    manifest = json.loads((corpus_dir / "manifest.json").read_text())
    wanted = {"ldp": F.VC_LDP, "vp": F.VP_LDP}
    for entry in manifest["entries"]:
        raw = (corpus_dir / entry["file"]).read_bytes()
        if entry["format"] == "jwt":
            expected = F.VC_JOSE if entry["kind"].startswith("jose-") else F.VC_JWT
        else:
            expected = wanted[entry["format"]]
        assert detect(raw) == (expected, Container.NONE), entry["file"]


def test_whitespace_and_bom_tolerated(corpus_dir: Path) -> None:
    raw = (corpus_dir / "jwt-vc11-eddsa.valid.001.jwt").read_bytes().strip()
    assert detect(b"\xef\xbb\xbf \n" + raw + b"\r\n\t")[0] is F.VC_JWT
    assert parse(b"\n" + raw + b"\n").format is F.VC_JWT


@pytest.mark.parametrize("raw", [
    b"", b"   ", b"hello world", b"{", b"[1,2,3]", b"{\"a\": 1}", b"\x00\xff\xfe" * 10, b"<html></html>",
    b"a.b.c", b"eyJ.eyJ.", "ünïcode".encode(), b"{\"type\": \"Assertion\"}", b"not~an~sd-jwt",
])
def test_garbage_is_unknown_or_input_error(raw: bytes) -> None:
    try:
        fmt, _ = detect(raw)
    except InputError:
        return
    assert fmt is F.UNKNOWN
    with pytest.raises(InputError):
        parse(raw)


def test_links_are_reported_for_routing() -> None:
    assert detect(b"https://share.example/x/abc#k=secret") == (F.UNKNOWN, Container.LINK)
    assert detect(b"wallet:share/abc#k=1") == (F.UNKNOWN, Container.LINK)
    assert detect(b"https://example.org/no-fragment") == (F.UNKNOWN, Container.NONE)
    with pytest.raises(InputError, match="share link"):
        parse(b"https://share.example/x/abc#k=secret")


def test_jwe_refused_at_detection() -> None:
    jwe = b"eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d"
    with pytest.raises(InputError, match="JWE"):
        detect(jwe)


def test_size_caps() -> None:
    with pytest.raises(InputError, match="too large"):
        detect(b"{" + b" " * MAX_INPUT_BYTES + b"}")
    big = json.dumps({"type": ["VerifiableCredential"], "pad": "x" * MAX_CREDENTIAL_BYTES}).encode()
    with pytest.raises(InputError, match="too large"):
        detect(big)


def test_non_bytes_refused() -> None:
    with pytest.raises(InputError):
        detect("a string")  # type: ignore[arg-type]


def test_edc_routed_to_its_parser(vectors_dir: Path) -> None:
    samples = sorted((vectors_dir / "eu-elm-v3").rglob("*.json"))
    formats = set()
    for path in samples:
        fmt, _ = detect(path.read_bytes())
        formats.add(fmt)
    assert F.EDC_JSONLD in formats or F.EDC_JADES in formats


def _total(raw: bytes) -> None:
    """detect and parse may only ever raise InputError."""
    try:
        detect(raw)
        parse(raw)
    except InputError:
        pass


@pytest.mark.hypothesis  # inner @given tests: selected by `tools/fuzz.py properties` too
def test_fuzz_random_bytes_and_mutations(vectors_dir: Path, corpus_dir: Path) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    seeds = [
        (corpus_dir / "jwt-vc11-eddsa.valid.001.jwt").read_bytes(),
        next(corpus_dir.glob("ob3-eddsa-jcs-2022.valid.*.json")).read_bytes(),
        (vectors_dir / "openbadges/ob2-baked/baked_heart.png").read_bytes(),
        (vectors_dir / f"{OB30}/simple-jwt.svg").read_bytes(),
        (vectors_dir / f"{JOSE}/credential-sdjwt-nested.txt").read_bytes(),
    ]

    @settings(max_examples=examples(300), deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(seeds), st.integers(min_value=0), st.binary(max_size=8), st.booleans())
    def mutate(seed: bytes, pos: int, insert: bytes, cut: bool) -> None:
        at = pos % len(seed)
        _total(seed[:at] + insert + (seed[at + len(insert):] if not cut else b""))

    @settings(max_examples=examples(200), deadline=None)
    @given(st.binary(max_size=512))
    def random_bytes(raw: bytes) -> None:
        _total(raw)
        _total(b"\x89PNG\r\n\x1a\n" + raw)
        _total(b"{" + raw)

    mutate()
    random_bytes()
