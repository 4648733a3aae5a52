"""Targets from ELM v3 documents, reading the official samples in place from ../shared."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from stack_helpers import NOW, cand

from wallet.errors import InputError
from wallet.messages import msg
from wallet.stacking import progress, target_from_elm
from wallet.stacking.elm_import import (
    find_specification,
    looks_like_elm,
    target_document_from_elm,
)

ELM = Path("vectors", "eu-elm-v3", "Credentials", "JSON-LD Examples (ELM v3)")
LEGACY = Path("vectors", "eu-edci-legacy", "edci-data-model", "src", "test", "resources", "jsonld",
              "credential_shouldValidate.jsonld")
ECTS = "http://data.europa.eu/snb/education-credit/6fcec5c5af"


def load(shared: Path, rel: Path | str) -> Any:
    return json.loads((shared / rel).read_text(encoding="utf-8"))


def part(ident: str, title: dict[str, str], ects: str) -> dict[str, Any]:
    return {
        "id": ident,
        "type": "LearningAchievementSpecification",
        "title": title,
        "creditPoint": {"id": f"{ident}:cp", "type": "CreditPoint",
                        "framework": {"id": ECTS, "type": "Concept"}, "point": ects},
    }


@pytest.mark.shared
def test_micro_credential_sample_without_parts_is_one_component(shared: Path) -> None:
    doc = load(shared, ELM / "Sample-MC-Annex1-unsigned.jsonld")
    target = target_from_elm(doc)
    assert target.id == "urn:epass:qualification:1"
    assert target.title == {"en": "Digital micro-credential creation"}
    assert (target.total, target.unit) == (2.0, "ECTS")
    assert target.framework.eqf_level == 6
    assert target.framework.nqf_level == "RQF Level 6"
    assert [c.id for c in target.components] == ["urn:epass:qualification:1"]
    assert target.components[0].credits == 2.0


@pytest.mark.shared
def test_sealed_sample_gives_the_same_target(shared: Path) -> None:
    sealed = load(shared, ELM / "Sample-MC-Annex1-signed.jsonld")
    assert looks_like_elm(sealed)
    plain = target_document_from_elm(load(shared, ELM / "Sample-MC-Annex1-unsigned.jsonld"))
    assert target_document_from_elm(sealed) == plain


@pytest.mark.shared
def test_qualification_with_has_part_becomes_components(shared: Path) -> None:
    # The official sample's Qualification, with the hasPart composition ELM v3 allows added to it.
    doc = copy.deepcopy(load(shared, ELM / "Sample-MC-Annex1-unsigned.jsonld"))
    spec = doc["credentialSubject"]["hasClaim"]["specifiedBy"]
    spec["creditPoint"]["point"] = "6"
    spec["hasPart"] = [
        part("urn:epass:learningAchievementSpec:part-1", {"en": "Designing micro-credentials", "sl": "Oblikovanje mikrodokazil"}, "2"),
        part("urn:epass:learningAchievementSpec:part-2", {"en": "Issuing with EDCI"}, "2"),
        part("urn:epass:learningAchievementSpec:part-3", {"en": "Quality assurance"}, "2"),
    ]
    target = target_from_elm(doc)
    assert (target.total, target.unit) == (6.0, "ECTS")
    assert [c.id for c in target.components] == [p["id"] for p in spec["hasPart"]]
    assert all(c.credits == 2.0 for c in target.components)

    by_spec = cand("by-spec", spec="urn:epass:learningAchievementSpec:part-2", credits=2)
    by_title = cand("by-title", title={"sl": "  oblikovanje   MIKRODOKAZIL "}, credits=2)
    unrelated = cand("other", title="Quality assurance in higher education", credits=2)
    p = progress(target, [by_spec, by_title, unrelated], NOW)
    assert [a.credential_id for a in p.allocations["urn:epass:learningAchievementSpec:part-1"]] == ["by-title"]
    assert [a.credential_id for a in p.allocations["urn:epass:learningAchievementSpec:part-2"]] == ["by-spec"]
    assert not p.allocations["urn:epass:learningAchievementSpec:part-3"]
    assert (p.components_met, p.credits_counted) == (2, 4.0)
    assert msg("stacking.why.identifier", id="urn:epass:learningAchievementSpec:part-2") in p.allocations[
        "urn:epass:learningAchievementSpec:part-2"][0].reasons


@pytest.mark.shared
def test_bare_specification_and_sum_of_parts(shared: Path) -> None:
    spec = copy.deepcopy(load(shared, ELM / "Sample-MC-Annex1-unsigned.jsonld")["credentialSubject"]["hasClaim"]["specifiedBy"])
    del spec["creditPoint"]
    spec["hasPart"] = part("urn:x:only-part", {"en": "Only part"}, "3")  # a single object, not a list
    found, claim = find_specification(spec)
    assert found is spec and claim is None
    target = target_from_elm(spec, target_id="urn:my:target")
    assert target.id == "urn:my:target"
    assert (target.total, [c.id for c in target.components]) == (3.0, ["urn:x:only-part"])


@pytest.mark.shared
def test_claim_parts_and_hours_from_the_legacy_sample(shared: Path) -> None:
    target = target_from_elm(load(shared, LEGACY))
    assert target.unit == "hours" and target.total == 1000.0  # volumeOfLearning PT1000H, no ECTS credit point
    assert [c.id for c in target.components] == ["urn:epass:learningAchievement:1", "urn:epass:learningAchievement:2"]
    assert target.components[0].title["es"] == "Sub logro 1"
    assert all(c.credits is None for c in target.components)


@pytest.mark.shared
def test_document_without_a_specification(shared: Path) -> None:
    with pytest.raises(InputError, match="no Qualification or LearningAchievementSpecification"):
        target_from_elm(load(shared, ELM / "Sample-CertOfPart-unsigned.jsonld"))


def test_not_json_object() -> None:
    with pytest.raises(InputError):
        target_from_elm(["not", "a", "document"])
