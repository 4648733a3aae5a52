"""EnvelopedVerifiableCredential: data: URLs in every encoding, media type agreement."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from urllib.parse import quote

import pytest

from wallet.errors import InputError
from wallet.formats import detect, parse
from wallet.formats.enveloped import UnsupportedMedia, decode_data_url, inner_credential, inner_of
from wallet.model import CredentialFormat as F

DM2 = "w3c-vc-data-model-2.0-test-suite/tests/input"


def _envelope(url: str) -> bytes:
    return json.dumps({"@context": "https://www.w3.org/ns/credentials/v2",
                       "type": "EnvelopedVerifiableCredential", "id": url}).encode()


def test_vc_data_model_suite_envelopes(vectors_dir: Path) -> None:
    ok = json.loads((vectors_dir / DM2 / "presentation-enveloped-vc-ok.json").read_text())
    inner = inner_credential(ok["verifiableCredential"][0])
    assert inner.format is F.VC_JWT and inner.issuer.id == "https://example.edu/issuers/565049"
    missing_type = json.loads((vectors_dir / DM2 / "presentation-enveloped-vc-missing-type-fail.json").read_text())
    with pytest.raises(InputError, match="not an EnvelopedVerifiableCredential"):
        inner_credential(missing_type["verifiableCredential"][0])


def test_jwt_envelope_file(corpus_dir: Path) -> None:
    token = (corpus_dir / "jose-vc2-es256.valid.001.jwt").read_text().strip()
    raw = _envelope(f"data:application/vc+jwt,{token}")
    assert detect(raw)[0] is F.VC_ENVELOPED
    cred = parse(raw)
    assert cred.format is F.VC_ENVELOPED and cred.raw == raw
    assert cred.document["media_type"] == "application/vc+jwt" and cred.document["inner_format"] == "vc-jose"
    assert cred.title and cred.achievement is not None
    assert inner_of(cred).format is F.VC_JOSE


@pytest.mark.parametrize("encode", ["base64", "percent"])
def test_json_envelope_encodings(corpus_dir: Path, encode: str) -> None:
    body = next(corpus_dir.glob("ob3-eddsa-jcs-2022.valid.*.json")).read_bytes()
    if encode == "base64":
        url = "data:application/vc;base64," + base64.b64encode(body).decode()
    else:
        url = "data:application/vc+ld+json," + quote(body.decode())
    cred = parse(_envelope(url))
    assert cred.format is F.VC_ENVELOPED and cred.document["inner_format"] == "vc-ldp"
    assert cred.issuer.name


def test_media_type_must_match_content(corpus_dir: Path) -> None:
    token = (corpus_dir / "jose-vc2-es256.valid.001.jwt").read_text().strip()
    with pytest.raises(InputError, match="says application/vc\\+sd-jwt"):
        parse(_envelope(f"data:application/vc+sd-jwt,{token}"))


def test_cose_and_unknown_media_unsupported() -> None:
    with pytest.raises(UnsupportedMedia, match="COSE"):
        parse(_envelope("data:application/vc+cose;base64,AAAA"))
    with pytest.raises(UnsupportedMedia, match="text/html"):
        parse(_envelope("data:text/html,<b>hi</b>"))


def test_bad_base64_refused() -> None:
    with pytest.raises(InputError, match="base64"):
        decode_data_url("data:application/vc;base64,***")
