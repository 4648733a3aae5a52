"""European Digital Credentials (ELM v3): unsigned JSON-LD and JAdES-sealed.

A sealed EDC is a JWS in JSON serialization with ``b64: false``: the payload
is the credential JSON *as a string*, signed byte for byte. The wallet keeps
``raw`` exactly as received and parses the credential from that string, so
what is shown is exactly what the seal covers (verification lives in
:mod:`wallet.verify.seals.jades`). Nothing is re-serialised and no JSON-LD
context is fetched: fields are read from the compacted edc-ap terms.
"""

from __future__ import annotations

import json
from typing import Any

from wallet.errors import InputError
from wallet.formats.elm_fields import achievement, collect_languages, display_image, organisation, person
from wallet.formats.elm_values import lang_map
from wallet.formats.jsonld_forms import plain_node
from wallet.model import Container, Credential, CredentialFormat, Issuer, replace
from wallet.util.b64 import b64url_decode
from wallet.util.dates import parse_datetime
from wallet.util.values import as_list, first

#: Largest EDC file accepted. The official samples are ~150 KB; diploma
#: supplements with several images stay well under this.
MAX_ELM_BYTES = 8 * 1024 * 1024
#: Largest single string (an embedded base64 image): a 50 MB logo is refused.
MAX_STRING_CHARS = 3 * 1024 * 1024
#: JSON nesting deeper than this is refused before Python's recursion limit bites.
MAX_DEPTH = 100
EDC_TYPE = "EuropeanDigitalCredential"


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Duplicate keys make a JSON object mean different things to different parsers."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise InputError(f"The credential JSON repeats the key {key!r}.")
        out[key] = value
    return out


def _check_limits(node: Any, depth: int = 0) -> None:
    """Refuse oversize strings (embedded images) and absurd nesting, without recursion blow-up."""
    stack: list[tuple[Any, int]] = [(node, depth)]
    while stack:
        item, level = stack.pop()
        if level > MAX_DEPTH:
            raise InputError("The credential JSON is nested too deeply.")
        if isinstance(item, str):
            if len(item) > MAX_STRING_CHARS:
                raise InputError(
                    f"The credential embeds a value (e.g. an image) of {len(item)} characters; "
                    f"the limit is {MAX_STRING_CHARS}."
                )
        elif isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)


def _no_constants(name: str) -> Any:
    raise InputError(f"The JSON contains {name}, which is not valid JSON.")


def load_json(raw: bytes | str, what: str = "credential") -> Any:
    """Strict JSON: size cap, UTF-8, no duplicate keys, no NaN, bounded depth and strings."""
    try:
        data = raw.encode("utf-8") if isinstance(raw, str) else bytes(raw)
    except UnicodeEncodeError as exc:  # a lone surrogate escaped in a JSON string
        raise InputError(f"The {what} is not valid Unicode text.") from exc
    if len(data) > MAX_ELM_BYTES:
        raise InputError(f"The {what} is too large ({len(data)} bytes; the limit is {MAX_ELM_BYTES}).")
    try:
        text = data.decode("utf-8-sig")
        obj = json.loads(
            text,
            object_pairs_hook=_reject_duplicates,
            parse_constant=_no_constants,
        )
    except UnicodeDecodeError as exc:
        raise InputError(f"The {what} is not UTF-8 text.") from exc
    except RecursionError as exc:
        raise InputError(f"The {what} JSON is nested too deeply.") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"The {what} is not valid JSON ({exc.msg} at line {exc.lineno}).") from exc
    _check_limits(obj)
    return obj




def jws_signatures(obj: dict[str, Any]) -> list[dict[str, Any]]:
    """The signature objects of a general or flattened JWS JSON serialization."""
    if isinstance(obj.get("signatures"), list):
        return [s for s in obj["signatures"] if isinstance(s, dict)]
    if "protected" in obj and "signature" in obj:
        return [{k: obj[k] for k in ("protected", "header", "signature") if k in obj}]
    return []


def is_jades(obj: Any) -> bool:
    """A JWS JSON serialization with a string payload (how EDCs are sealed)."""
    if not isinstance(obj, dict) or not isinstance(obj.get("payload"), str):
        return False
    sigs = jws_signatures(obj)
    return bool(sigs) and all(isinstance(s.get("protected"), str) and isinstance(s.get("signature"), str) for s in sigs)


def _is_elm_object(obj: Any) -> bool:
    return isinstance(obj, dict) and EDC_TYPE in [t for t in as_list(obj.get("type")) if isinstance(t, str)]


def _uploadable(obj: Any) -> dict[str, Any] | None:
    """The EDC issuer's "uploadable" wrapper ``{"credential": {...}}`` holds an unsigned EDC."""
    if isinstance(obj, dict) and set(obj) == {"credential"} and _is_elm_object(obj["credential"]):
        return obj["credential"]
    return None


def is_elm(obj: Any) -> bool:
    """An ELM v3 credential: ``type`` includes EuropeanDigitalCredential (or its uploadable wrapper)."""
    return _is_elm_object(obj) or _uploadable(obj) is not None


def protected_header(signature: dict[str, Any]) -> dict[str, Any]:
    header = load_json(b64url_decode(signature.get("protected"), "protected header"), "protected header")
    if not isinstance(header, dict):
        raise InputError("The JAdES protected header is not a JSON object.")
    return header


def credential_from_dict(cred: dict[str, Any], raw: bytes, fmt: CredentialFormat, document: Any) -> Credential:
    """Build the normalised Credential from an ELM v3 credential object (read through its signed forms)."""
    cred = plain_node(cred)
    issuer = organisation(cred.get("issuer")) or Issuer(id=cred.get("issuer") if isinstance(cred.get("issuer"), str) else None)
    subject_node = first(cred.get("credentialSubject"))
    claims = as_list(subject_node.get("hasClaim")) if isinstance(subject_node, dict) else []
    achievements = tuple(a for a in (achievement(c) for c in claims) if a is not None)
    display = first(cred.get("displayParameter"))
    display = display if isinstance(display, dict) else {}
    languages: set[str] = set()
    collect_languages(cred, languages)
    primary = [lang for lang in (lang_map(display.get("title")) or {}) if lang != "und"]
    return Credential(
        format=fmt,
        raw=raw,
        id=cred.get("id") if isinstance(cred.get("id"), str) else None,
        types=tuple(t for t in as_list(cred.get("type")) if isinstance(t, str)),
        issuer=issuer,
        subject=person(subject_node),
        title=lang_map(display.get("title")) or (achievements[0].title if achievements else {}),
        description=lang_map(display.get("description")),
        image=display_image(display),
        issued=parse_datetime(cred.get("issued")) or parse_datetime(cred.get("issuanceDate"))
        or parse_datetime(cred.get("validFrom")),
        valid_from=parse_datetime(cred.get("validFrom")) or parse_datetime(cred.get("issuanceDate")),
        valid_until=parse_datetime(cred.get("validUntil")) or parse_datetime(cred.get("expirationDate")),
        achievements=achievements,
        languages=tuple(primary + sorted(languages - set(primary))),
        document=document,
    )


def parse_elm(raw: bytes, container: Container = Container.NONE) -> Credential:
    """Parse an EDC file: JAdES-sealed (EDC_JADES) or unsigned ELM v3 (EDC_JSONLD)."""
    obj = load_json(raw, "European Digital Credential")
    if is_jades(obj):
        for sig in jws_signatures(obj):
            header = protected_header(sig)
            if header.get("b64", True) is not False:
                raise InputError("The JAdES seal must use an unencoded payload (b64: false), as EDCs do.")
        payload = load_json(obj["payload"], "sealed credential payload")
        if not _is_elm_object(payload):
            raise InputError("The sealed payload is not a European Digital Credential.")
        return replace(credential_from_dict(payload, bytes(raw), CredentialFormat.EDC_JADES, obj), container=container)
    if _is_elm_object(obj):
        return replace(credential_from_dict(obj, bytes(raw), CredentialFormat.EDC_JSONLD, obj), container=container)
    inner = _uploadable(obj)
    if inner is not None:
        return replace(credential_from_dict(inner, bytes(raw), CredentialFormat.EDC_JSONLD, obj), container=container)
    raise InputError("This is neither a European Digital Credential nor a JAdES-sealed one.")


def sealed_payload(cred: Credential) -> dict[str, Any]:
    """The credential object inside a sealed EDC (for callers needing the ELM JSON)."""
    if cred.format is CredentialFormat.EDC_JADES and isinstance(cred.document, dict):
        payload = load_json(cred.document["payload"], "sealed credential payload")
        if isinstance(payload, dict):
            return payload
    if isinstance(cred.document, dict):
        return _uploadable(cred.document) or cred.document
    raise InputError("The credential has no ELM document.")
