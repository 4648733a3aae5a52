"""Target format: bundled targets validate; broken targets fail with a message naming the problem."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from wallet.errors import InputError
from wallet.resources import resource
from wallet.stacking import bundled_targets, load_target, load_target_file
from wallet.stacking.schema import MAX_TARGET_BYTES, bundled_target_files, target_schema
from wallet.stacking.target import parse_max_age


def minimal() -> dict[str, Any]:
    return {
        "id": "urn:test:t",
        "title": {"en": "T"},
        "components": [{"id": "a", "title": {"en": "A"}, "match": {"identifiers": ["x"]}}],
    }


def test_schema_itself_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(target_schema())


def test_at_least_three_bundled_targets_load_and_validate() -> None:
    files = bundled_target_files()
    targets = bundled_targets()
    assert len(files) >= 3 and len(targets) == len(files)
    validator = jsonschema.Draft202012Validator(target_schema())
    for file in files:
        validator.validate(json.loads(file.read_text(encoding="utf-8")))
    assert all(t.bundled for t in targets)
    assert len({t.id for t in targets}) == len(targets)
    kinds = {t.framework.qualification_type for t in targets}
    assert any("NPK" in (k or "") for k in kinds)
    assert any(t.total == 60 and t.unit == "ECTS" for t in targets)


def test_docs_example_is_a_valid_target() -> None:
    doc = (resource().parent / "docs" / "TARGETS.md").read_text(encoding="utf-8")
    block = doc.split("```json", 1)[1].split("```", 1)[0]
    target = load_target(json.loads(block))
    assert target.units_total >= 3


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.pop("id"), "'id' is a required property"),
        (lambda d: d.update(title="T"), "target.title"),
        (lambda d: d.update(colour="red"), "colour"),
        (lambda d: d.update(components=[]), "target"),
        (lambda d: d["components"][0].update(match={}), "components[0].match"),
        (lambda d: d["components"][0]["match"].update(titlePattern="(unclosed"), "not a valid regular expression"),
        (lambda d: d["components"][0]["match"].update(maxAge="P5X"), "maxAge"),
        (lambda d: d["components"][0]["match"].update(minEqfLevel=9), "minEqfLevel"),
        (lambda d: d["components"][0].update(credits=3, requiredCredits=6), "not both"),
        (lambda d: d["components"].append(dict(d["components"][0])), "used twice"),
        (lambda d: d.update(total={"amount": -1}), "target.total.amount"),
        (lambda d: d.update(total={"amount": 5, "unit": "KT"}), "target.total.unit"),
        (lambda d: d.update(groups=[{"id": "g", "title": {"en": "G"}, "components": d["components"][:]}]), "choose"),
    ],
)
def test_bad_targets_give_clear_input_errors(change: Any, expected: str) -> None:
    data = minimal()
    change(data)
    with pytest.raises(InputError) as info:
        load_target(data)
    assert expected in str(info.value)


def test_choose_more_than_offered_is_rejected() -> None:
    data = minimal()
    data["groups"] = [{"id": "g", "title": {"en": "G"}, "choose": 3,
                       "components": [{"id": "b", "title": {"en": "B"}, "match": {"identifiers": ["y"]}}]}]
    with pytest.raises(InputError, match="choose 3 of only 1"):
        load_target(data)


def test_not_an_object() -> None:
    with pytest.raises(InputError, match="JSON object"):
        load_target([])  # type: ignore[arg-type]


def test_file_errors(tmp_path: Path) -> None:
    missing = tmp_path / "none.json"
    with pytest.raises(InputError, match="cannot read"):
        load_target_file(missing)
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        load_target_file(broken)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (MAX_TARGET_BYTES + 1))
    with pytest.raises(InputError, match="too large"):
        load_target_file(big)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"id": "x"}), encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.json: invalid target"):
        load_target_file(bad)
    good = tmp_path / "good.json"
    good.write_text(json.dumps(minimal()), encoding="utf-8")
    assert load_target_file(good).id == "urn:test:t"


@pytest.mark.parametrize(("text", "days"), [("P5Y", 1825), ("P18M", 540), ("P2W", 14), ("P1Y6M", 545), (90, 90)])
def test_max_age(text: Any, days: int) -> None:
    assert parse_max_age(text).days == days


@pytest.mark.parametrize("text", ["P", "P0D", "5Y", 0, -3, True])
def test_bad_max_age(text: Any) -> None:
    with pytest.raises(InputError):
        parse_max_age(text)
