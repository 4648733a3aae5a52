"""VC JSON -> model: Annex I elements from the corpus, the OB 3.0 samples, language maps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wallet.errors import InputError
from wallet.formats import parse
from wallet.formats.vc_json import lang_map
from wallet.model import Container
from wallet.model import CredentialFormat as F
from wallet.util.dates import parse_datetime

OB30 = "1edtech-dc-validator/inspector-vc/src/test/resources/ob30"


def _manifest(corpus_dir: Path) -> list[dict]:
    return json.loads((corpus_dir / "manifest.json").read_text())["entries"]


def test_corpus_content_round_trips(corpus_dir: Path) -> None:
    """manifest ``content`` (course, learner, creditsEarned) is found in every credential's model."""
    checked = 0
    for entry in _manifest(corpus_dir):
        if entry["format"] == "vp" or entry["variant"] == "tampered" or "content" not in entry:
            continue
        cred = parse((corpus_dir / entry["file"]).read_bytes())
        content = entry["content"]
        ach = cred.achievement
        assert ach is not None, entry["file"]
        assert ach.credits == pytest.approx(content["creditsEarned"]), entry["file"]
        assert ach.credit_framework == "ECTS", entry["file"]
        assert ach.ects == pytest.approx(content["creditsEarned"])
        assert ach.eqf_level in (5, 6, 7), entry["file"]
        assert ach.grade in ("A", "B", "C", "D", "E"), entry["file"]
        assert ach.title and ach.learning_outcomes, entry["file"]
        assert ach.thematic_area, entry["file"]
        learner = content["learner"]
        if cred.subject.name:
            assert cred.subject.name["und"] == learner, entry["file"]
        else:  # OB3 names the learner only in the credential description
            assert learner in cred.description["und"], entry["file"]
        code = content["course"]
        assert code in json.dumps(cred.document, ensure_ascii=False) if cred.document else True
        assert cred.issuer.id == entry["issuer"]
        assert cred.issuer.name
        assert cred.subject.id == entry["subject"]
        assert cred.id == entry["credentialId"]
        assert cred.valid_from == parse_datetime(entry["validFrom"])
        assert cred.valid_until == parse_datetime(entry["validUntil"])
        checked += 1
    assert checked >= 60


def test_ob3_issuer_country_and_outcomes(corpus_dir: Path) -> None:
    entry = next(e for e in _manifest(corpus_dir) if e["kind"] == "ob3-eddsa-rdfc-2022" and e["variant"] == "valid")
    cred = parse((corpus_dir / entry["file"]).read_bytes())
    assert cred.format is F.VC_LDP and "OpenBadgeCredential" in cred.types
    assert cred.issuer.country and len(cred.issuer.country) == 2
    assert cred.issuer.url and cred.issuer.url.startswith("https://")
    ach = cred.achievement
    assert ach.achievement_type in ("Course", "MicroCredential", "Certificate", "Degree")
    assert ach.criteria["und"].startswith("Learners who earn")
    assert all(o.title["und"] in ach.criteria["und"] for o in ach.learning_outcomes)


def test_ob3_complete_sample(vectors_dir: Path) -> None:
    cred = parse((vectors_dir / OB30 / "complete.json").read_bytes())
    assert cred.issuer.name == {"und": "1EdTech University"}
    assert cred.issuer.country == "US"
    assert cred.valid_until is not None and cred.valid_until.year == 2030
    assert cred.achievement.credits == 42.0
    assert cred.achievement.credit_framework is None  # OB3 credits are not ECTS unless stated
    assert cred.achievement.grade == "A"
    assert cred.achievement.awarding_body is not None
    assert "emailAddress:student@1edtech.edu" in cred.subject.identifiers
    assert cred.image


def test_esco_and_eqf_from_alignment() -> None:
    vc = {
        "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
        "issuer": {"id": "did:example:i", "address": {"addressCountry": "Slovenia"}},
        "credentialSubject": {"id": "did:example:s", "achievement": {
            "name": [{"@value": "Robotics", "@language": "en"}, {"@value": "Robotika", "@language": "sl"}],
            "creditsAvailable": "5",
            "alignment": [
                {"targetFramework": "EQF", "targetCode": "5", "targetName": "EQF 5"},
                {"targetUrl": "http://data.europa.eu/esco/skill/abc", "targetName": "program robots",
                 "targetFramework": "ESCO"},
                {"targetFramework": "ECTS", "targetName": "credits"},
            ]}},
    }
    cred = parse(json.dumps(vc).encode())
    ach = cred.achievement
    assert ach.title == {"en": "Robotics", "sl": "Robotika"}
    assert ach.eqf_level == 5 and ach.credits == 5.0 and ach.credit_framework == "ECTS"
    assert ach.esco_skills == ("http://data.europa.eu/esco/skill/abc",)
    assert ach.learning_outcomes[0].title == {"und": "program robots"}
    assert cred.issuer.country == "Slovenia"
    assert set(cred.languages) == {"en", "sl"}


@pytest.mark.parametrize("name", [
    "credential-name-language-en-ok.json", "credential-multi-language-name-ok.json",
    "credential-description-language-direction-en-ok.json", "issuer-multi-language-name-ok.json",
])
def test_language_maps_kept(vectors_dir: Path, name: str) -> None:
    path = vectors_dir / "w3c-vc-data-model-2.0-test-suite/tests/input/names-and-descriptions" / name
    doc = json.loads(path.read_text())
    cred = parse(path.read_bytes())
    if name.startswith("issuer"):
        assert cred.issuer.name == lang_map(doc["issuer"]["name"]) and len(cred.issuer.name) >= 2
    elif "description" in name:
        assert cred.description == {"en": doc["description"]["@value"]}
    else:
        assert cred.title == lang_map(doc["name"]) and "und" not in cred.title


def test_presentation_parsed(corpus_dir: Path) -> None:
    path = next(corpus_dir.glob("vp-eddsa-rdfc-2022.valid.*.vp.json"))
    cred = parse(path.read_bytes())
    assert cred.format is F.VP_LDP and cred.container is Container.NONE
    assert cred.issuer.id and cred.issuer.id.startswith("did:key:")
    assert cred.document["verifiableCredential"]


def test_raw_kept_and_document_is_the_dict(corpus_dir: Path) -> None:
    raw = next(corpus_dir.glob("ob3-eddsa-jcs-2022.valid.*.json")).read_bytes()
    cred = parse(raw)
    assert cred.raw == raw and cred.document == json.loads(raw)


@pytest.mark.parametrize("raw", [
    b'{"type": ["VerifiableCredential"], "type": ["X"]}',  # duplicate keys
    b'{"type": ["VerifiableCredential"], "n": NaN}',
    b"[" * 5000 + b"]" * 5000,
])
def test_hostile_json_refused(raw: bytes) -> None:
    with pytest.raises(InputError):
        parse(raw)
