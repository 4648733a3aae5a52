"""How each stored credential travels inside a presentation.

JSON-LD credentials go in as the issuer wrote them: the original JSON object
parsed from the original bytes (never the normalised model, never
re-serialised fields), because their Data Integrity proof covers exactly that
object. Everything else is wrapped, unchanged, in a VC 2.0
``EnvelopedVerifiableCredential`` whose ``id`` is a ``data:`` URL (VCDM 2.0
section 4.13) with these media types:

=================  =======================================  ==========
format             media type                               encoding
=================  =======================================  ==========
VC-JOSE (vc+jwt)   ``application/vc+jwt`` (vc-jose-cose)    as is
VC 1.1 JWT         ``application/jwt`` (RFC 7519): its      as is
                   payload is not a VCDM 2.0 credential,
                   so ``vc+jwt`` would misdescribe it
SD-JWT             ``application/dc+sd-jwt`` when the JWT   as is
                   says ``typ: dc+sd-jwt``, else
                   ``application/vc+sd-jwt``
EDC (JAdES)        ``application/jose+json`` (RFC 7515     ``;base64``
                   JSON serialisation, which JAdES is)
EDCI XML (XAdES)   ``application/xml``                      ``;base64``
=================  =======================================  ==========

Compact JWS text is already URL-safe; JSON and XML are base64 so the bytes
that the seal covers survive exactly. Formats that are not credentials at all
(presentations, Open Badges 2.0 assertions) are refused with a reason.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from wallet.errors import InputError
from wallet.formats import registry
from wallet.formats.baked import extract
from wallet.model import Container, Credential, CredentialFormat
from wallet.util.b64 import b64url_decode_lenient

VC2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
ENVELOPE_TYPE = "EnvelopedVerifiableCredential"
#: Why a format cannot travel in a bundle, by the registry's ``refused`` key.
_REFUSED = {
    "presentation": "it is itself a presentation",
    "ob2-signed": "Open Badges 2.0 assertions are not Verifiable Credentials; share the badge file",
    "ob2-hosted": "hosted Open Badges 2.0 assertions are checked at their URL; share that URL",
}
SD_JWT_MEDIA = "application/vc+sd-jwt"


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise InputError(f"the stored credential has the key {key!r} twice; it cannot be shared as is")
        out[key] = value
    return out


def original_payload(cred: Credential) -> bytes:
    """The credential's own bytes, out of a baked badge image when it came in one."""
    if cred.container in (Container.PNG, Container.SVG):
        return extract(cred.raw).text
    return cred.raw


def original_json(cred: Credential) -> dict[str, Any]:
    """The issuer's JSON object exactly as received (key order kept)."""
    try:
        obj = json.loads(original_payload(cred), object_pairs_hook=_no_duplicates)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"the stored credential is not JSON any more ({exc}); re-import it") from exc
    if not isinstance(obj, dict):
        raise InputError("the stored credential is not a JSON object; it cannot be embedded")
    return obj


def _sd_jwt_media(text: str) -> str:
    head = text.split(".", 1)[0]
    try:
        header = json.loads(b64url_decode_lenient(head, "header"))
    except (InputError, ValueError):
        return SD_JWT_MEDIA
    typ = header.get("typ") if isinstance(header, dict) else None
    return "application/dc+sd-jwt" if typ == "dc+sd-jwt" else SD_JWT_MEDIA


def media_type_of(cred: Credential) -> str:
    """The data: URL media type this credential travels under (see the table above)."""
    if cred.format is CredentialFormat.SD_JWT:
        return _sd_jwt_media(original_payload(cred).decode("ascii", "replace").strip())
    entry = registry.entry(cred.format)
    if entry is None or entry.media_type is None:
        raise InputError(f"a {cred.format.value} credential is not sent in an envelope")
    return entry.media_type


def data_url(cred: Credential) -> str:
    """``data:<media type>[;base64],<payload>`` for a non-JSON-LD credential."""
    media = media_type_of(cred)
    payload = original_payload(cred)
    entry = registry.entry(cred.format)
    if entry is not None and entry.base64:
        return f"data:{media};base64,{base64.b64encode(payload).decode('ascii')}"
    try:
        text = payload.decode("ascii").strip()
    except UnicodeDecodeError as exc:
        raise InputError("the stored JWT credential is not ASCII text; re-import it") from exc
    return f"data:{media},{text}"


def embed(cred: Credential) -> dict[str, Any]:
    """The ``verifiableCredential`` entry for one credential."""
    entry = registry.entry(cred.format)
    if entry is None:
        raise InputError(f"{cred.display_title()} cannot go in a bundle: its format is not recognised")
    if entry.refused is not None:
        raise InputError(f"{cred.display_title()} cannot go in a bundle: {_REFUSED.get(entry.refused, entry.refused)}")
    if entry.embedded_json:
        return original_json(cred)
    if cred.format is CredentialFormat.VC_ENVELOPED:
        obj = original_json(cred)  # already an envelope: keep it as the issuer's wallet made it
        obj.setdefault("@context", [VC2_CONTEXT])
        return obj
    # A one-element array rather than a string: some verifiers index @context[0].
    return {"@context": [VC2_CONTEXT], "type": ENVELOPE_TYPE, "id": data_url(cred)}
