"""What is shown must be what is signed (issue 11, section 3).

A Data Integrity proof over RDF signs the graph. Rewrites that leave the
graph unchanged (``"grade": "E"`` -> ``{"@value": "E"}``, ``"creditsEarned": 3``
-> ``[3]`` or ``{"@set": [3]}``, ``"eqfLevel": 6`` -> ``[6]``, ``"id"`` ->
``"@id"``, a value repeated) keep the signature valid, so they must not change
what a reader is shown: each rewrite here must verify AND show the same grade,
credits and EQF level as the credential the issuer signed.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.verify.helpers import OB3, V2, ctx, ob3_credential, raw, signed
from wallet.formats import parse
from wallet.formats.jsonld_forms import plain_forms
from wallet.verify.engine import verify_bytes

#: The issuer's own terms for what OB 3.0 has no property for (the credential defines them itself).
VOCAB = {"grade": "https://example.org/vocab#grade", "eqfLevel": "https://example.org/vocab#eqfLevel"}


def _original() -> dict[str, Any]:
    doc = ob3_credential()
    doc["@context"] = [V2, OB3, VOCAB]
    subject = doc["credentialSubject"]
    subject["creditsEarned"] = 3
    subject["result"] = [{"type": ["Result"], "value": "B+"}]
    subject["achievement"]["grade"] = "E"
    subject["achievement"]["eqfLevel"] = 6
    subject["achievement"]["creditsAvailable"] = 5
    return signed(doc)


def _achievement(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["credentialSubject"]["achievement"]


REWRITES: dict[str, Callable[[dict[str, Any]], None]] = {
    "grade as a value object": lambda d: _achievement(d).update(grade={"@value": "E"}),
    "grade in an array": lambda d: _achievement(d).update(grade=["E"]),
    "grade as a typed string": lambda d: _achievement(d).update(
        grade={"@value": "E", "@type": "http://www.w3.org/2001/XMLSchema#string"}),
    "credits in an array": lambda d: d["credentialSubject"].update(creditsEarned=[3]),
    "grade as @set": lambda d: _achievement(d).update(grade={"@set": ["E"]}),
    "credits repeated": lambda d: d["credentialSubject"].update(creditsEarned=[3, 3]),
    "EQF level in an array": lambda d: _achievement(d).update(eqfLevel=[6]),
    "EQF level as @set of a value object": lambda d: _achievement(d).update(eqfLevel={"@set": [{"@value": 6}]}),
    "result value as a value object": lambda d: d["credentialSubject"]["result"][0].update(value={"@value": "B+"}),
    "subject in an array": lambda d: d.update(credentialSubject=[d["credentialSubject"]]),
    "achievement id as @id": lambda d: _achievement(d).update({"@id": _achievement(d).pop("id")}),
}


def _shown(doc: dict[str, Any]) -> tuple[Any, ...]:
    cred = parse(raw(doc))
    a = cred.achievement
    assert a is not None
    return a.grade, a.credits, a.eqf_level, a.id, cred.display_title()


def test_the_original_shows_its_values() -> None:
    doc = _original()
    _, report = verify_bytes(raw(doc), ctx())
    assert report.check("signature").status.value == "passed"
    assert _shown(doc) == ("B+", 3.0, 6, "https://example.org/achievements/1", "Teamwork")


@pytest.mark.parametrize("name", sorted(REWRITES))
def test_rewrite_verifies_and_shows_the_same_values(name: str) -> None:
    original = _original()
    rewritten = copy.deepcopy(original)
    REWRITES[name](rewritten)
    assert rewritten != original
    _, report = verify_bytes(raw(rewritten), ctx())
    assert report.check("signature").status.value == "passed", report.check("signature").explained
    assert _shown(rewritten) == _shown(original)


def test_grade_is_read_when_the_achievement_grade_is_the_only_one() -> None:
    doc = _original()
    del doc["credentialSubject"]["result"]
    doc = signed({k: v for k, v in doc.items() if k != "proof"})
    rewritten = copy.deepcopy(doc)
    _achievement(rewritten)["grade"] = {"@value": "E"}
    assert _shown(doc)[0] == _shown(rewritten)[0] == "E"
    assert verify_bytes(raw(rewritten), ctx())[1].check("signature").status.value == "passed"


def test_a_real_change_still_fails_the_signature() -> None:
    changed = _original()
    changed["credentialSubject"]["creditsEarned"] = [3, 4]  # a second value is a new triple
    assert verify_bytes(raw(changed), ctx())[1].check("signature").status.value == "failed"


def test_plain_forms_keeps_language_values_and_context() -> None:
    node = {"@context": [{"@set": 1}], "name": [{"@value": "Ekipa", "@language": "sl"}],
            "x": {"@set": [[1], {"@set": [1]}]}, "@type": ["A"], "@id": "urn:x"}
    assert plain_forms(node) == {"@context": [{"@set": 1}], "name": {"@value": "Ekipa", "@language": "sl"},
                                 "x": 1, "type": "A", "id": "urn:x"}
    assert json.dumps(plain_forms([1, 2, 1])) == "[1, 2]"
