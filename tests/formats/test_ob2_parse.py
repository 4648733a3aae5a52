"""Open Badges 2.0 assertions -> model, with BadgeClass/Issuer from cached documents only."""

from __future__ import annotations

import json
from pathlib import Path

from wallet.formats import parse
from wallet.formats.ob2 import credential_from_assertion, is_assertion, with_documents
from wallet.model import Container
from wallet.model import CredentialFormat as F

OB20 = "1edtech-dc-validator/inspector-vc/src/test/resources/ob20"


def _docs(vectors_dir: Path) -> dict:
    docs = {}
    for path in (vectors_dir / OB20 / "assets").glob("*.json"):
        text = path.read_text(encoding="utf-8-sig").strip()
        if text.startswith("{"):
            docs["https://example.org/" + path.name] = docs["http://example.org/" + path.name] = json.loads(text)
    return docs


def test_hosted_assertion_fields(vectors_dir: Path) -> None:
    raw = (vectors_dir / OB20 / "basic-assertion.json").read_bytes()
    cred = parse(raw)
    assert cred.format is F.OB2_HOSTED and cred.raw == raw
    assert cred.id == "https://example.org/beths-robotics-badge.json"
    assert cred.subject.identifiers == ("email:sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942",)
    assert cred.issued is not None and cred.issued.year == 2016
    assert cred.achievement.id == "https://example.org/robotics-badge.json"
    assert not cred.title  # the BadgeClass is only a URL and nothing is fetched

    full = with_documents(cred, _docs(vectors_dir))
    assert full.title == {"und": "Awesome Robotics Badge"}
    assert full.description["und"].startswith("For doing awesome things")
    assert full.issuer.id == "https://example.org/organization.json"
    assert full.issuer.url == "https://example.org"
    assert full.achievement.awarding_body.name == {"und": "An Example Badge Issuer"}
    assert full.image == "https://example.org/beths-robot-badge.png"


def test_embedded_badge_class(vectors_dir: Path) -> None:
    cred = parse((vectors_dir / OB20 / "assertion-with-endorsements.json").read_bytes())
    assert cred.title == {"und": "Awesome Robotics Badge"}


def test_signed_assertion_document(vectors_dir: Path) -> None:
    cred = parse((vectors_dir / OB20 / "simple.jwt").read_bytes())
    assert cred.format is F.OB2_SIGNED
    assert cred.document["header"] == {"typ": "JWT", "alg": "RS256"}
    assert cred.document["payload"]["verification"]["creator"] == "http://example.org/key1.json"


def test_baked_ob2_png(vectors_dir: Path) -> None:
    cred = parse((vectors_dir / OB20 / "simple-badge.png").read_bytes())
    assert (cred.format, cred.container) == (F.OB2_HOSTED, Container.PNG)
    assert cred.document["type"] == "Assertion"


def test_alignment_eqf_and_esco() -> None:
    assertion = {
        "@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "urn:uuid:1",
        "recipient": {"type": "email", "identity": "a@b.c", "hashed": False}, "issuedOn": "2020-02-02",
        "expires": "2030-02-02T00:00:00Z",
        "badge": {"type": "BadgeClass", "id": "urn:b", "name": "Welding", "criteria": {"narrative": "Weld."},
                  "issuer": {"type": "Profile", "id": "https://i.example", "name": "Guild"},
                  "alignment": [{"targetName": "EQF 4", "targetUrl": "http://data.europa.eu/snb/eqf/4"},
                                {"targetName": "weld", "targetUrl": "http://data.europa.eu/esco/skill/w1"}]},
    }
    assert is_assertion(assertion)
    cred = credential_from_assertion(assertion, raw=b"", fmt=F.OB2_HOSTED)
    ach = cred.achievement
    assert ach.eqf_level == 4 and ach.esco_skills == ("http://data.europa.eu/esco/skill/w1",)
    assert ach.criteria == {"und": "Weld."} and cred.issuer.name == {"und": "Guild"}
    assert cred.valid_until is not None and cred.valid_until.year == 2030
