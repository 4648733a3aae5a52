"""EnvelopedVerifiableCredential: a secured credential inside a ``data:`` URL.

VC 2.0 (section 4.13) carries credentials secured by something other than an
embedded proof (JOSE, SD-JWT, COSE) as ``{"type": "EnvelopedVerifiableCredential",
"id": "data:<media type>,<credential>"}``; the wallet's own presentations
do the same for JWT/JAdES credentials (ARCHITECTURE.md). Here the envelope is
opened and its content parsed like any other input; the envelope itself
proves nothing, the inner credential's signature does.

The data is used as written for JWT media types (a compact JWS is already
URL-safe), base64-decoded when the URL says ``;base64`` (``;base64url`` too)
and percent-decoded otherwise (RFC 2397).
"""

from __future__ import annotations

import base64
import binascii
from typing import Any
from urllib.parse import unquote_to_bytes

from wallet.errors import InputError
from wallet.formats import registry
from wallet.formats.detect import parse_payload
from wallet.formats.jwt import is_compact_jws, is_sd_jwt
from wallet.model import Container, Credential, CredentialFormat, replace
from wallet.util.limits import MAX_DATA_URL_CHARS, MAX_EDC_BYTES, check_size, load_json_object
from wallet.util.values import as_list

ENVELOPE_TYPES = ("EnvelopedVerifiableCredential", "EnvelopedVerifiablePresentation")
JWT_MEDIA = ("application/vc+jwt", "application/vc-ld+jwt", "application/vc+ld+jwt", "application/vp+jwt",
             "application/vp-ld+jwt", "application/vp+ld+jwt", "application/jwt")
SD_JWT_MEDIA = ("application/vc+sd-jwt", "application/vp+sd-jwt", "application/dc+sd-jwt", "application/sd-jwt")
JSON_MEDIA = ("application/vc", "application/vp", "application/vc+ld+json", "application/vp+ld+json",
              "application/ld+json", "application/json")
JOSE_JSON_MEDIA = ("application/jose+json",)
COSE_MEDIA = ("application/vc+cose", "application/vp+cose", "application/cose")
XML_MEDIA = ("application/xml", "text/xml")  # EDCI XML with an enveloped XAdES seal


class UnsupportedMedia(InputError):
    """A well-formed envelope whose media type the wallet cannot verify yet (e.g. COSE)."""


def is_enveloped(obj: Any) -> bool:
    """An object typed EnvelopedVerifiable* whose id is a ``data:`` URL."""
    if not isinstance(obj, dict):
        return False
    types = [t for t in as_list(obj.get("type")) if isinstance(t, str)]
    return any(t in ENVELOPE_TYPES for t in types) and isinstance(obj.get("id"), str) \
        and obj["id"].startswith("data:")


def decode_data_url(url: str) -> tuple[str, bytes]:
    """``data:<media type>[;params][;base64],<data>`` -> (media type, data bytes)."""
    check_size(url, MAX_DATA_URL_CHARS, "data: URL")
    if not url.startswith("data:") or "," not in url:
        raise InputError("The envelope's id is not a data: URL.")
    head, _, body = url[len("data:"):].partition(",")
    params = [p.strip() for p in head.split(";")]
    media = params[0].lower() or "text/plain"
    flags = {p.lower() for p in params[1:]}
    if media in JWT_MEDIA or media in SD_JWT_MEDIA:
        if is_compact_jws(body) or is_sd_jwt(body):
            return media, body.encode("ascii")
    if "base64" in flags or "base64url" in flags:
        try:
            cleaned = unquote_to_bytes(body).strip()
            if "base64url" in flags or b"-" in cleaned or b"_" in cleaned:
                data = base64.urlsafe_b64decode(cleaned + b"=" * (-len(cleaned) % 4))
            else:
                data = base64.b64decode(cleaned + b"=" * (-len(cleaned) % 4), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise InputError("The data: URL says base64 but its data is not base64.") from exc
        return media, data
    return media, unquote_to_bytes(body)


def unwrap(obj: dict[str, Any]) -> tuple[str, bytes]:
    """The media type and the content bytes of an envelope object."""
    if not is_enveloped(obj):
        raise InputError("This is not an EnvelopedVerifiableCredential with a data: URL.")
    media, data = decode_data_url(obj["id"])
    if media in COSE_MEDIA:
        raise UnsupportedMedia(f"COSE-secured credentials ({media}) are not supported yet.")
    known = JWT_MEDIA + SD_JWT_MEDIA + JSON_MEDIA + JOSE_JSON_MEDIA + XML_MEDIA
    if media not in known and registry.by_media_type(media) is None:
        raise UnsupportedMedia(f"The envelope's media type {media!r} is not one the wallet understands.")
    return media, data


def _expected_formats(media: str) -> tuple[CredentialFormat, ...]:
    added = registry.by_media_type(media)
    if added is not None:
        return (added.format,)
    if media in JWT_MEDIA:
        return (CredentialFormat.VC_JOSE, CredentialFormat.VC_JWT, CredentialFormat.VP_JWT)
    if media in SD_JWT_MEDIA:
        return (CredentialFormat.SD_JWT,)
    if media in JOSE_JSON_MEDIA:
        return (CredentialFormat.EDC_JADES,)
    if media in XML_MEDIA:
        return (CredentialFormat.EDCI_XML,)
    return (CredentialFormat.VC_LDP, CredentialFormat.VP_LDP, CredentialFormat.EDC_JSONLD)


def inner_credential(obj: dict[str, Any]) -> Credential:
    """Parse what the envelope holds, checking it is what its media type says."""
    media, data = unwrap(obj)
    inner = parse_payload(data, Container.NONE)
    if inner.format not in _expected_formats(media):
        raise InputError(f"The envelope says {media} but holds a {inner.format.value} credential.")
    return inner


def parse_enveloped(raw: bytes, container: Container = Container.NONE) -> Credential:
    """An envelope file: fields from the inner credential, ``raw`` stays the envelope.

    ``document`` is ``{"envelope": <object>, "media_type": str, "inner_format": str,
    "inner_raw": bytes, "inner": <inner document>}``; verification re-parses
    ``inner_raw`` (see :func:`inner_of`).
    """
    obj = load_json_object(raw, "enveloped credential", MAX_EDC_BYTES)
    inner = inner_credential(obj)
    media, data = unwrap(obj)
    document = {"envelope": obj, "media_type": media, "inner_format": inner.format.value,
                "inner_raw": data, "inner": inner.document}
    return replace(inner, format=CredentialFormat.VC_ENVELOPED, raw=bytes(raw), container=container,
                   document=document)


def inner_of(cred: Credential) -> Credential:
    """The inner credential of a parsed VC_ENVELOPED credential (re-parsed from its bytes)."""
    if cred.format is not CredentialFormat.VC_ENVELOPED or not isinstance(cred.document, dict):
        raise InputError("Not an enveloped credential.")
    return inner_credential(cred.document["envelope"])
