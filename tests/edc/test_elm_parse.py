"""ELM v3 parsing: every Annex I element of the official micro-credential sample, languages kept."""

from __future__ import annotations

import json

import pytest

from wallet.errors import InputError
from wallet.formats.elm import MAX_STRING_CHARS, is_elm, is_jades, parse_elm
from wallet.model import CredentialFormat


def test_unsigned_sample_has_every_annex_i_element(mc_unsigned: bytes) -> None:
    cred = parse_elm(mc_unsigned)
    assert cred.format is CredentialFormat.EDC_JSONLD
    assert cred.raw == mc_unsigned
    # learner
    assert cred.subject.name == {"en": "Ana Andromeda"}
    assert cred.subject.given_name == {"en": "Ana"} and cred.subject.family_name == {"en": "Andromeda"}
    assert cred.subject.date_of_birth.startswith("1999-10-01")
    assert any("LA-234218" in i for i in cred.subject.identifiers)
    a = cred.achievement
    assert a is not None
    assert a.title == {"en": "Digital micro-credential creation"}
    # awarding body and its country
    assert a.awarding_body.name == {"en": "University of Zed"} and a.awarding_body.country == "IRL"
    assert cred.issuer.country == "IRL"
    assert cred.valid_from is not None
    # learning outcomes with ESCO skills, both languages of the second outcome
    assert len(a.learning_outcomes) == 2
    assert a.learning_outcomes[1].title == {"en": "Developing digital content", "es": "Contento digital"}
    assert len(a.esco_skills) == 4 and all(s.startswith("http://data.europa.eu/esco/skill/") for s in a.esco_skills)
    # workload, level, assessment, participation, prerequisites, id verification, grade, stackability
    assert a.credits == 2.0 and a.credit_framework == "ECTS" and a.ects == 2.0
    assert a.volume_of_learning_hours == 60.0
    assert a.eqf_level == 6 and a.nqf_level == "RQF Level 6"
    assert a.assessment_type == {"en": "artefact assessment"}
    assert a.participation_mode == {"en": "Blended"}
    assert "EU Login" in a.entry_requirements["en"]
    assert a.id_verification == {"en": "Unsupervised without ID Verification"}
    assert a.grade == "Pass"
    assert a.is_partial_qualification is False
    assert a.thematic_area == ("http://data.europa.eu/snb/isced-f/003", "http://data.europa.eu/snb/isced-f/0688")
    assert "es" in cred.languages and cred.languages[0] == "en"
    assert cred.title == {"en": "Micro-Credential"}
    assert cred.image and cred.image.startswith("data:image/")


def test_sealed_sample_is_parsed_from_the_payload(mc_signed: bytes) -> None:
    obj = json.loads(mc_signed)
    assert is_jades(obj) and not is_elm(obj)
    cred = parse_elm(mc_signed)
    assert cred.format is CredentialFormat.EDC_JADES
    assert cred.raw == mc_signed and cred.document == obj
    assert cred.achievement.eqf_level == 6
    assert cred.issued is not None and cred.issued.year == 2023
    assert len(cred.languages) > 20  # the sealed payload carries the platform's multilingual evidence


def test_quality_assurance_and_has_part(mc_unsigned: bytes) -> None:
    doc = json.loads(mc_unsigned)
    claim = doc["credentialSubject"]["hasClaim"]
    claim["specifiedBy"]["accreditation"] = {
        "id": "urn:acc:1", "type": "Accreditation", "title": {"en": "Accredited programme", "sl": "Akreditiran program"},
        "accreditingAgent": {"id": "urn:org:qa", "type": "Organisation", "legalName": {"en": "QA Agency"}},
    }
    part = json.loads(json.dumps(claim))
    part["id"] = "urn:part:1"
    part["title"] = {"en": "Module 1", "sl": "Modul 1"}
    part.pop("hasPart", None)
    claim["hasPart"] = [part]
    cred = parse_elm(json.dumps(doc).encode())
    a = cred.achievement
    assert "Accredited programme" in a.quality_assurance["en"] and "QA Agency" in a.quality_assurance["en"]
    assert a.quality_assurance["sl"].startswith("Akreditiran")
    assert len(a.parts) == 1 and a.parts[0].title == {"en": "Module 1", "sl": "Modul 1"}
    assert "sl" in cred.languages


@pytest.mark.parametrize(
    "raw, words",
    [
        (b"not json", "not valid JSON"),
        (b'{"type": ["VerifiableCredential"]}', "neither"),
        (b'{"a": 1, "a": 2}', "repeats"),
        (b"[" * 5000 + b"]" * 5000, "nested"),
    ],
)
def test_bad_input_is_an_input_error(raw: bytes, words: str) -> None:
    with pytest.raises(InputError, match=words):
        parse_elm(raw)


def test_oversized_logo_is_refused(mc_unsigned: bytes) -> None:
    doc = json.loads(mc_unsigned)
    doc["issuer"]["logo"]["content"] = "A" * (MAX_STRING_CHARS + 1)
    with pytest.raises(InputError, match="image"):
        parse_elm(json.dumps(doc).encode())
    doc["issuer"]["logo"]["content"] = "A" * (50 * 1024 * 1024)
    with pytest.raises(InputError, match="too large"):
        parse_elm(json.dumps(doc).encode())


def _walk(node, key):  # type: ignore[no-untyped-def]
    """Every object in ``node`` that has ``key``."""
    stack, found = [node], []
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if key in item:
                found.append(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def test_elm_values_read_through_signed_forms(mc_unsigned: bytes) -> None:
    """Issue 11: JSON-LD spellings of the same graph show the same EQF level, credits and grade."""
    import json

    from wallet.formats.elm import parse_elm

    original = parse_elm(mc_unsigned).achievement
    assert original is not None and original.eqf_level and original.credits is not None
    doc = json.loads(mc_unsigned)
    for spec in _walk(doc, "eqfLevel"):
        level = spec["eqfLevel"]
        spec["eqfLevel"] = [{"@id": level["id"], **{k: v for k, v in level.items() if k != "id"}}] \
            if isinstance(level, dict) else [level]
    for credit in _walk(doc, "point"):
        credit["point"] = {"@value": credit["point"]}
    for holder in _walk(doc, "creditPoint"):
        holder["creditPoint"] = {"@set": holder["creditPoint"] if isinstance(holder["creditPoint"], list)
                                 else [holder["creditPoint"]]}
    rewritten = parse_elm(json.dumps(doc).encode()).achievement
    assert rewritten is not None
    assert (rewritten.eqf_level, rewritten.credits, rewritten.credit_framework, rewritten.grade) == \
        (original.eqf_level, original.credits, original.credit_framework, original.grade)
