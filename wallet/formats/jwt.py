"""Compact JWS credentials: VC-JWT (VC 1.1), VC-JOSE (``vc+jwt``), VP-JWT, SD-JWT.

Parsing only: the parts are split and decoded with caps, the JWT is
classified and its credential normalised. Signatures are verified by
:mod:`wallet.verify.jose` / :mod:`wallet.verify.jose_vc`, which reuse
:func:`split_jws` so both see exactly the same bytes.

* VC 1.1 JWT (section 6.3.1): claims ``iss``/``sub``/``jti``/``nbf``/``exp``
  stand for ``issuer``/``credentialSubject.id``/``id``/``issuanceDate``/
  ``expirationDate``; ``vc`` holds the rest. Missing VC fields are filled from
  the claims for display, and their agreement is checked by verification.
* VC-JOSE-COSE: header ``typ: vc+jwt``, the payload **is** the credential.
* SD-JWT: ``<issuer JWT>~<disclosure>~...~[<key binding JWT>]``. Fields come
  from the issuer-signed JWT; disclosures are kept in ``document``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from wallet.errors import InputError
from wallet.formats import ob2, vc_json
from wallet.model import Container, Credential, CredentialFormat
from wallet.util.b64 import b64url_decode
from wallet.util.frozen import fast_init
from wallet.util.limits import (
    MAX_COMPACT_CHARS,
    MAX_CREDENTIAL_BYTES,
    MAX_JOSE_HEADER_BYTES,
    MAX_SD_JWT_PARTS,
    check_size,
    load_json,
)

_B64 = r"[A-Za-z0-9_-]"
COMPACT_JWS = re.compile(rf"^{_B64}+\.{_B64}*\.{_B64}*$")
SD_JWT = re.compile(rf"^{_B64}+\.{_B64}*\.{_B64}*(~{_B64}*)*~({_B64}+\.{_B64}*\.{_B64}*)?$")
VC_JOSE_TYPES = ("vc+jwt", "application/vc+jwt", "vc+ld+jwt", "vc-ld+jwt", "application/vc+ld+jwt")
VP_JOSE_TYPES = ("vp+jwt", "application/vp+jwt", "vp+ld+jwt", "vp-ld+jwt", "application/vp+ld+jwt")
SD_JWT_TYPES = ("vc+sd-jwt", "vp+sd-jwt", "dc+sd-jwt", "application/vc+sd-jwt", "application/vp+sd-jwt")


@fast_init
@dataclass(frozen=True)
class CompactJws:
    """The parts of a compact JWS, decoded but **not** verified."""

    header: dict[str, Any]
    payload: bytes
    signature: bytes
    signing_input: bytes
    compact: str


class DecodedJws(NamedTuple):
    """A compact JWS and its payload object, decoded once from the same signed text.

    Parsing hands this to verification (within one ``verify_bytes`` call) so
    the payload is not decoded a second time; ``jws.compact`` is the text it
    came from, which verification compares with the credential's.
    """

    jws: CompactJws
    payload: dict[str, Any]


def _as_text(data: str | bytes, what: str) -> str:
    if isinstance(data, (bytes, bytearray)):
        check_size(data, MAX_COMPACT_CHARS, what)
        try:
            return bytes(data).decode("ascii").strip()
        except UnicodeDecodeError as exc:
            raise InputError(f"The {what} is not ASCII text.") from exc
    return data.strip()


def split_jws(compact: str | bytes) -> CompactJws:
    """Split and decode a compact JWS (structure and size only; nothing is trusted)."""
    text = _as_text(compact, "JWS")
    check_size(text, MAX_COMPACT_CHARS, "JWS")
    parts = text.split(".")
    if len(parts) == 5:
        raise InputError("This is an encrypted JWE, which is refused: only signed JWS is accepted.")
    if len(parts) != 3:
        raise InputError(f"A compact JWS has 3 dot-separated parts, not {len(parts)}.")
    check_size(parts[0], MAX_JOSE_HEADER_BYTES * 4 // 3 + 4, "JWS protected header")
    header = load_json(b64url_decode(parts[0], "JWS header"), "JWS header", MAX_JOSE_HEADER_BYTES)
    if not isinstance(header, dict):
        raise InputError("The JWS header is not a JSON object.")
    payload = b64url_decode(parts[1], "JWS payload")
    signature = b64url_decode(parts[2], "JWS signature")
    return CompactJws(header, payload, signature, f"{parts[0]}.{parts[1]}".encode("ascii"), text)


_B64URL_BYTES = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def is_compact_jws(text: str) -> bool:
    """Exactly what ``COMPACT_JWS.match`` accepts (whose ``$`` also allows one final newline).

    Deleting the base64url alphabet in C and looking at what is left is
    several times faster than the regex over a few kilobytes of token.
    """
    if len(text) > MAX_COMPACT_CHARS:
        return False
    body = text[:-1] if text.endswith("\n") else text
    return body.isascii() and not body.startswith(".") \
        and body.encode("ascii").translate(None, _B64URL_BYTES) == b".."


def is_sd_jwt(text: str) -> bool:
    return "~" in text and len(text) <= MAX_COMPACT_CHARS and SD_JWT.match(text) is not None


def payload_object(jws: CompactJws) -> dict[str, Any]:
    obj = load_json(jws.payload, "JWT payload", MAX_CREDENTIAL_BYTES)
    if not isinstance(obj, dict):
        raise InputError("The JWT payload is not a JSON object.")
    return obj


def _is_ob2_assertion(payload: dict[str, Any]) -> bool:
    raw_context = payload.get("@context")
    contexts: list[Any] = raw_context if isinstance(raw_context, list) else [raw_context]
    context = " ".join(c for c in contexts if isinstance(c, str))
    types = payload.get("type")
    typed = types == "Assertion" or (isinstance(types, list) and "Assertion" in types)
    return typed and ("openbadges/v2" in context or ("badge" in payload and "recipient" in payload))


def _has_type(payload: dict[str, Any], wanted: str) -> bool:
    types = payload.get("type")
    return types == wanted or (isinstance(types, list) and wanted in types)


def classify(header: dict[str, Any], payload: dict[str, Any]) -> CredentialFormat:
    """Which credential a decoded JWS holds, by ``typ`` first, then by its claims."""
    typ = str(header.get("typ", "")).lower()
    if typ in SD_JWT_TYPES:
        return CredentialFormat.SD_JWT
    if typ in VC_JOSE_TYPES:
        return CredentialFormat.VC_JOSE
    if typ in VP_JOSE_TYPES:
        return CredentialFormat.VP_JWT
    if _is_ob2_assertion(payload):
        return CredentialFormat.OB2_SIGNED
    if isinstance(payload.get("vp"), dict):
        return CredentialFormat.VP_JWT
    if isinstance(payload.get("vc"), dict):
        return CredentialFormat.VC_JWT
    if _has_type(payload, "VerifiablePresentation"):
        return CredentialFormat.VP_JWT
    if _has_type(payload, "VerifiableCredential") or "credentialSubject" in payload:
        return CredentialFormat.VC_JOSE  # typ missing or wrong: verification reports the media type
    return CredentialFormat.UNKNOWN


def vc11_view(payload: dict[str, Any]) -> dict[str, Any]:
    """The ``vc`` claim with the registered claims filled in where it lacks them (display only)."""
    vc = dict(payload["vc"])
    if "id" not in vc and isinstance(payload.get("jti"), str):
        vc["id"] = payload["jti"]
    if "issuer" not in vc and isinstance(payload.get("iss"), str):
        vc["issuer"] = payload["iss"]
    if "issuanceDate" not in vc and "validFrom" not in vc and isinstance(payload.get("nbf"), (int, float)):
        vc["issuanceDate"] = payload["nbf"]
    if "expirationDate" not in vc and "validUntil" not in vc and isinstance(payload.get("exp"), (int, float)):
        vc["expirationDate"] = payload["exp"]
    subject = vc.get("credentialSubject")
    if isinstance(payload.get("sub"), str) and isinstance(subject, dict) and "id" not in subject:
        vc["credentialSubject"] = {**subject, "id": payload["sub"]}
    return vc


def credential_from_jws(
    jws: CompactJws, raw: bytes, container: Container = Container.NONE, *, full_text: str | None = None,
    fmt: CredentialFormat | None = None, extra: dict[str, Any] | None = None,
    payload: dict[str, Any] | None = None, display: bool = True,
) -> Credential:
    """Normalise a decoded compact JWS credential (not verified).

    ``payload`` is the already decoded payload of ``jws`` when the caller has it;
    ``display=False`` builds only :func:`vc_json.verification_view` (not for OB 2.0).
    """
    if payload is None:
        payload = payload_object(jws)
    fmt = fmt or classify(jws.header, payload)
    document = {"header": jws.header, "payload": payload, "compact": full_text or jws.compact, **(extra or {})}
    if fmt is CredentialFormat.OB2_SIGNED:
        return ob2.credential_from_assertion(payload, raw=raw, fmt=fmt, container=container, document=document)
    credential = vc_json.credential_from_vc if display else vc_json.verification_view
    if fmt is CredentialFormat.VC_JWT:
        return credential(vc11_view(payload), raw=raw, fmt=fmt, container=container, document=document)
    if fmt is CredentialFormat.VP_JWT:
        vp = payload["vp"] if isinstance(payload.get("vp"), dict) else payload
        if "holder" not in vp and isinstance(payload.get("iss"), str):
            vp = {**vp, "holder": payload["iss"]}
        presentation = vc_json.presentation_from_vp if display else vc_json.verification_view
        return presentation(vp, raw=raw, fmt=fmt, container=container, document=document)
    if fmt is CredentialFormat.SD_JWT:  # an issuer-signed JWT typed as an SD-JWT, without its '~'
        from wallet.formats.sd_jwt import split, unpack  # deferred: they import this module
        from wallet.formats.sd_jwt_view import credential_of

        sd_jwt = split((full_text or jws.compact) + "~")
        return credential_of(sd_jwt, unpack(sd_jwt), raw, container)
    if fmt is CredentialFormat.VC_JOSE:
        return credential(payload, raw=raw, fmt=fmt, container=container, document=document)
    raise InputError("The JWT holds neither a credential, a presentation nor an Open Badges assertion.")


def split_sd_jwt(text: str) -> tuple[str, list[str], str | None]:
    """``issuer JWT``, the disclosures, and the key-binding JWT (if any) of an SD-JWT."""
    parts = text.split("~")
    if len(parts) > MAX_SD_JWT_PARTS:
        raise InputError(f"The SD-JWT has more than {MAX_SD_JWT_PARTS} parts.")
    key_binding = parts[-1] or None
    return parts[0], [p for p in parts[1:-1] if p], key_binding


def parse_jwt(raw: bytes, container: Container = Container.NONE) -> Credential:
    """Parse a compact JWS or SD-JWT credential given as bytes (whitespace tolerated)."""
    text = _as_text(raw, "JWT")
    if "~" in text:
        from wallet.formats.sd_jwt_view import parse_sd_jwt  # deferred: it imports this module

        return parse_sd_jwt(bytes(raw), container)
    return credential_from_jws(split_jws(text), bytes(raw), container)


def parse_decoded(raw: bytes, container: Container, decoded: DecodedJws, fmt: CredentialFormat | None = None,
                  *, display: bool = True) -> tuple[Credential, DecodedJws | None]:
    """:func:`parse_jwt` when recognition has already split and decoded the same JWS.

    ``decoded`` is used only if ``raw`` reads as exactly the text it was
    decoded from (not an SD-JWT); otherwise this is :func:`parse_jwt`. ``fmt``
    is what :func:`classify` said of ``decoded``, when already known. Returns
    the credential and the decoded JWS it was built from (or None).
    ``display=False``: see :func:`credential_from_jws`.
    """
    text = _as_text(raw, "JWT")
    if "~" in text or text != decoded.jws.compact:
        return parse_jwt(raw, container), None
    return credential_from_jws(decoded.jws, bytes(raw), container, payload=decoded.payload, fmt=fmt,
                               display=display), decoded
