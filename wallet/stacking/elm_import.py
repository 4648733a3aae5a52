"""Targets from ELM v3: a Qualification or LearningAchievementSpecification with ``hasPart``.

Issuers already describe how qualifications are composed: in ELM v3 a
specification lists its parts with ``hasPart`` and states its size with
``creditPoint`` (framework ECTS) or ``volumeOfLearning``. Importing that
saves the learner from writing a target by hand.

Accepted input: a bare specification; an ELM credential (the specification is
``credentialSubject.hasClaim[].specifiedBy``); or a JAdES-sealed EDC whose
``payload`` holds the credential. Each part becomes a component matched by the
part's specification id *or* its title (any language, whole title, case
and spacing ignored), worth the part's ECTS. If the specification has no
``hasPart`` but the claim does (achievement parts), those parts are used; with
no parts at all the specification itself is the one required component.

The result is a target *document* (see docs/TARGETS.md) passed through the
same schema validation as any other target, so it can be stored in the vault.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

from wallet.errors import InputError
from wallet.stacking.schema import load_target
from wallet.stacking.target import UNIT_ECTS, UNIT_HOURS, Target
from wallet.util.values import as_list

SPEC_TYPES = frozenset({"Qualification", "LearningAchievementSpecification"})
#: The ELM concept for ECTS in the education-credit scheme.
ECTS_CONCEPT = "http://data.europa.eu/snb/education-credit/6fcec5c5af"
_HOURS = re.compile(r"^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?)?$")
_LANG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")



def _types(node: Mapping[str, Any]) -> set[str]:
    return {str(t) for t in as_list(node.get("type"))}


def _langmap(value: Any) -> dict[str, str]:
    """An ELM language map; values may be strings or lists of strings."""
    out: dict[str, str] = {}
    if isinstance(value, str):
        return {"und": value} if value.strip() else {}
    if not isinstance(value, Mapping):
        return out
    for lang, text in value.items():
        first = text[0] if isinstance(text, list) and text else text
        if isinstance(first, str) and first.strip() and _LANG.match(str(lang)):
            out[str(lang)] = first.strip()
    return out


def _ects(spec: Mapping[str, Any]) -> float | None:
    for point in as_list(spec.get("creditPoint")):
        if not isinstance(point, Mapping):
            continue
        framework = point.get("framework") or {}
        fid = framework.get("id", "") if isinstance(framework, Mapping) else str(framework)
        label = " ".join(_langmap(framework.get("prefLabel")).values()) if isinstance(framework, Mapping) else ""
        if fid == ECTS_CONCEPT or "ECTS" in label or "European Credit Transfer" in label:
            raw = point.get("point", "")
            if not isinstance(raw, (str, int, float)) or isinstance(raw, bool):
                continue
            try:
                value = float(str(raw).replace(",", "."))
            except ValueError:
                continue
            if math.isfinite(value) and value > 0:
                return value
    return None


def _hours(spec: Mapping[str, Any]) -> float | None:
    found = _HOURS.match(str(spec.get("volumeOfLearning") or ""))
    if not found or not any(found.groups()):
        return None
    days, hours, minutes = (float(g) if g else 0.0 for g in found.groups())
    total = days * 24 + hours + minutes / 60
    return total if math.isfinite(total) and total > 0 else None


def _eqf(spec: Mapping[str, Any]) -> int | None:
    for level in as_list(spec.get("eqfLevel")):
        ident = level.get("id", "") if isinstance(level, Mapping) else level
        if not isinstance(ident, str):
            continue  # an id that is a number, list or object names no EQF level
        found = re.search(r"/eqf/([1-8])$", ident)
        if found:
            return int(found.group(1))
    return None


def _label(concept: Any) -> str | None:
    if not isinstance(concept, Mapping):
        return None
    labels = _langmap(concept.get("prefLabel"))
    ident = concept.get("id")
    return labels.get("en") or next(iter(labels.values()), None) or (ident if isinstance(ident, str) else None)


def _unwrap(document: Any) -> Mapping[str, Any]:
    if not isinstance(document, Mapping):
        raise InputError("an ELM document must be a JSON object")
    payload = document.get("payload")
    if isinstance(payload, str) and "signatures" in document:
        try:
            inner = json.loads(payload)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise InputError("the sealed EDC's payload is not JSON (or nests too deeply)") from exc
        except ValueError as exc:  # e.g. an integer of more than 4,300 digits
            raise InputError(f"the sealed EDC's payload is not usable JSON ({exc})") from exc
        return _unwrap(inner)
    return document


def find_specification(document: Any) -> tuple[Mapping[str, Any], Mapping[str, Any] | None]:
    """The specification to import and the claim that points at it (if any)."""
    doc = _unwrap(document)
    if _types(doc) & SPEC_TYPES:
        return doc, None
    subject = doc.get("credentialSubject")
    for subj in as_list(subject):
        if not isinstance(subj, Mapping):
            continue
        for claim in as_list(subj.get("hasClaim")):
            if not isinstance(claim, Mapping):
                continue
            for spec in as_list(claim.get("specifiedBy")):
                if isinstance(spec, Mapping) and _types(spec) & SPEC_TYPES:
                    return spec, claim
    raise InputError(
        "no Qualification or LearningAchievementSpecification found (looked at the document and "
        "credentialSubject.hasClaim[].specifiedBy)"
    )


def _component(node: Mapping[str, Any], position: int, used: set[str]) -> dict[str, Any]:
    ident = str(node.get("id") or f"part-{position}")
    cid = ident if ident not in used else f"{ident}#{position}"
    used.add(cid)
    title = _langmap(node.get("title")) or {"en": f"Part {position}"}
    alternatives: list[dict[str, Any]] = []
    if node.get("id"):
        alternatives.append({"identifiers": [ident]})
    titles = sorted(set(_langmap(node.get("title")).values()))
    if titles:
        alternatives.append({"titles": titles})
    if not alternatives:
        raise InputError(f"part {position} of the specification has neither an id nor a title to match")
    comp: dict[str, Any] = {"id": cid, "title": title, "match": {"anyOf": alternatives}}
    credits = _ects(node)
    if credits:
        comp["credits"] = credits
    return comp


def _parts(spec: Mapping[str, Any], claim: Mapping[str, Any] | None) -> list[Mapping[str, Any]]:
    parts = [p for p in as_list(spec.get("hasPart")) if isinstance(p, Mapping)]
    if parts or claim is None:
        return parts
    out = []
    for part in as_list(claim.get("hasPart")):
        if not isinstance(part, Mapping):
            continue
        specs = [s for s in as_list(part.get("specifiedBy")) if isinstance(s, Mapping)]
        out.append(specs[0] if specs else part)
    return out


def target_document_from_elm(document: Any, target_id: str | None = None) -> dict[str, Any]:
    """The target document (docs/TARGETS.md format) for an ELM specification."""
    spec, claim = find_specification(document)
    spec_id = str(spec.get("id") or "")
    title = _langmap(spec.get("title")) or (_langmap(claim.get("title")) if claim else {})
    if not title:
        raise InputError("the ELM specification has no title")
    used: set[str] = set()
    parts = _parts(spec, claim)
    components = [_component(p, i + 1, used) for i, p in enumerate(parts)] or [_component(spec, 1, used)]
    data: dict[str, Any] = {
        "id": target_id or spec_id or "elm-import",
        "title": title,
        "components": components,
        "source": {"importedFrom": "ELM v3", "elmSpecification": spec_id or "(no id)"},
    }
    description = _langmap(spec.get("description"))
    if description:
        data["description"] = description
    framework: dict[str, Any] = {}
    eqf = _eqf(spec)
    if eqf:
        framework["eqfLevel"] = eqf
    for key, concept in (("nqfLevel", spec.get("nqfLevel")), ("qualificationType", spec.get("dcType"))):
        label = _label(as_list(concept)[0] if as_list(concept) else None)
        if label:
            framework[key] = label[:100]
    if framework:
        data["framework"] = framework
    ects = _ects(spec)
    part_ects = [float(c["credits"]) for c in components if c.get("credits")]
    if ects is None and parts and len(part_ects) == len(components):
        ects = sum(part_ects)
    if ects:
        data["total"] = {"amount": ects, "unit": UNIT_ECTS}
    elif (hours := _hours(spec)) is not None:
        data["total"] = {"amount": hours, "unit": UNIT_HOURS}
        for comp in components:
            comp.pop("credits", None)  # parts' ECTS mean nothing in a total counted in hours
    return data


def target_from_elm(document: Any, target_id: str | None = None) -> Target:
    """Build (and validate) a :class:`Target` from an ELM credential or specification."""
    return load_target(target_document_from_elm(document, target_id))


def looks_like_elm(document: Any) -> bool:
    """Whether a JSON document is ELM rather than a target (used by ``wallet target add``)."""
    if not isinstance(document, Mapping):
        return False
    if "payload" in document and "signatures" in document:
        return True
    types = _types(document)
    return bool(types & SPEC_TYPES or "EuropeanDigitalCredential" in types or "@context" in document)
