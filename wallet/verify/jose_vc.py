"""Verifying JWT-secured credentials: VC-JWT (VC 1.1), VC-JOSE (``vc+jwt``), VP-JWT, SD-JWT.

Mirrors the reference peer (peers/dbvc ``lib/jwt.mjs``) so the wallet and the
peer agree on every corpus file:

* ``signature`` (essential): the key comes from ``kid``: a DID URL resolved
  offline with :func:`wallet.verify.did.resolve` that must be an
  ``assertionMethod`` (``authentication`` for a presentation) of its DID, or
  a verification method of a cached controller document (VC-JOSE-COSE
  section 3.3.2). The JWS is then checked by :mod:`wallet.verify.jose`, where
  the algorithm follows from that key.
* ``issuer-key``: the DID (or controller document) listing the key equals
  ``iss`` and the credential's issuer
  (``vc.issuer`` for VC 1.1, ``issuer`` for VC-JOSE). A key carried in the
  token itself (``jwk`` header) proves integrity only, so unless a cached
  issuer document lists it the issuer is *not checked* (essential).
* ``jwt-claims``: the media type (``typ``/``cty``), no ``vc``/``vp`` claims in
  VC-JOSE, and for VC 1.1 ``jti``/``sub``/``nbf``/``exp`` agree with ``id``,
  ``credentialSubject.id``, ``issuanceDate``, ``expirationDate``.
* ``validity``: ``nbf``/``exp`` and validFrom/validUntil (issuanceDate/
  expirationDate) against ``ctx.now`` with ``ctx.clock_skew_seconds``.

Status and trust are the engine's. Claims are read from the signed bytes in
``document["compact"]``, never from the parsed copy.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping  # not typing.Mapping: its isinstance is several times slower
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from wallet.errors import InputError
from wallet.formats import enveloped
from wallet.formats.jwt import (
    SD_JWT_TYPES,
    VC_JOSE_TYPES,
    VP_JOSE_TYPES,
    DecodedJws,
    payload_object,
    split_sd_jwt,
)
from wallet.messages import msg
from wallet.model import Check, CheckId, CheckStatus, Credential, CredentialFormat
from wallet.util.b64 import b64url_encode
from wallet.util.dates import parse_datetime
from wallet.util.frozen import fast_init
from wallet.util.values import MAPPING, as_list
from wallet.verify import did
from wallet.verify.context import VerificationContext
from wallet.verify.jose import CompactJws, JoseError, JoseUnsupported, check_header, split_compact, verify_parts
from wallet.verify.x5c import CertificateKey, certificate_key
from wallet.verify.x5c import issuer_check as x5c_issuer_check

JWT_FORMATS = (CredentialFormat.VC_JWT, CredentialFormat.VC_JOSE, CredentialFormat.VP_JWT, CredentialFormat.SD_JWT)
PASSED, FAILED, NOT_CHECKED = CheckStatus.PASSED, CheckStatus.FAILED, CheckStatus.NOT_CHECKED


@fast_init
@dataclass(frozen=True)
class SigningKey:
    """The public key a JWS is checked with, and what links it to a controller."""

    key: Any
    vm_id: str
    owner: str | None  # the DID / controller document that lists the key; None: the token carried it
    relationships: frozenset[str]  # what that document grants the key
    certificate: CertificateKey | None = None  # the key came from an x5c chain (wallet.verify.x5c)


def jwk_thumbprint(jwk: Mapping[str, Any]) -> str:
    """RFC 7638 SHA-256 thumbprint (how VC-JOSE-COSE test keys are named in ``kid``)."""
    members = {"EC": ("crv", "kty", "x", "y"), "OKP": ("crv", "kty", "x"), "RSA": ("e", "kty", "n")}
    names = members.get(str(jwk.get("kty")), ())
    canon = json.dumps({n: jwk.get(n) for n in names}, separators=(",", ":"), sort_keys=True)
    return b64url_encode(hashlib.sha256(canon.encode("utf-8")).digest())


def jwk_key(jwk: Mapping[str, Any]) -> Any:
    """A public key from a JWK (:func:`did.jwk_to_key`, which knows every curve the wallet verifies)."""
    return did.jwk_to_key(jwk)


def _method_matches(method: Mapping[str, Any], doc_id: str, kid: str) -> bool:
    vm_id = str(method.get("id", ""))
    absolute = doc_id + vm_id if vm_id.startswith("#") else vm_id
    jwk = method.get("publicKeyJwk")
    return kid in (vm_id, absolute) or absolute == f"{doc_id}#{kid}" or (
        isinstance(jwk, MAPPING) and (jwk.get("kid") == kid or jwk_thumbprint(jwk) == kid))


def _from_controller_document(kid: str | None, doc: Mapping[str, Any]) -> SigningKey:
    """A verification method of a cached controller document (``did:web`` or a URL)."""
    doc_id = str(doc.get("id", ""))
    candidates: list[Mapping[str, Any]] = [m for m in as_list(doc.get("verificationMethod")) if isinstance(m, MAPPING)]
    for rel in did.RELATIONSHIPS:
        candidates.extend(m for m in as_list(doc.get(rel)) if isinstance(m, MAPPING))
    if kid is None:
        refs = [r for r in as_list(doc.get("assertionMethod")) if isinstance(r, str)]
        if len(refs) != 1:
            raise did.KeyResolutionError("the token names no key (kid) and the issuer has several")
        kid = doc_id + refs[0] if refs[0].startswith("#") else refs[0]
    method = next((m for m in candidates if _method_matches(m, doc_id, kid)), None)
    if method is None:
        raise did.KeyResolutionError(f"{kid} is not a verification method of {doc_id}")
    vm_id = str(method.get("id", ""))
    vm_id = doc_id + vm_id if vm_id.startswith("#") else vm_id
    rels = set()
    for rel in did.RELATIONSHIPS:
        for entry in as_list(doc.get(rel)):
            ref = entry.get("id") if isinstance(entry, MAPPING) else entry
            if isinstance(ref, str) and (doc_id + ref if ref.startswith("#") else ref) == vm_id:
                rels.add(rel)
    jwk = method.get("publicKeyJwk")
    if isinstance(jwk, MAPPING):
        key = jwk_key(jwk)
    elif isinstance(method.get("publicKeyMultibase"), str):
        key = did.multibase_to_key(method["publicKeyMultibase"])
    else:
        raise did.KeyResolutionError(f"{vm_id} has no publicKeyJwk or publicKeyMultibase")
    return SigningKey(key, vm_id, doc_id, frozenset(rels))


def _controller_doc(ident: str | None, ctx: VerificationContext) -> Mapping[str, Any] | None:
    if not ident:
        return None
    doc = ctx.did_documents.get(ident) or ctx.documents.get(ident)
    return doc if isinstance(doc, MAPPING) else None


def resolve_signing_key(header: Mapping[str, Any], issuer: str | None, ctx: VerificationContext,
                        at: datetime | None = None) -> SigningKey:
    """Find the key a JWS must verify with; raises ``did.KeyResolutionError`` / ``NotAvailableOffline``.

    ``at``: when the token was signed (``iat``/``nbf``), for an ``x5c`` chain.
    """
    kid = header.get("kid") if isinstance(header.get("kid"), str) else None
    if kid and kid.startswith("#") and issuer:
        kid = issuer + kid
    if kid and kid.startswith("did:"):
        resolved = did.resolve(kid, ctx)
        return SigningKey(resolved.key, resolved.vm_id, did.split_did_url(resolved.vm_id)[0],
                          resolved.relationships)
    if "x5c" in header:
        cert = certificate_key(header, at or ctx.now, ctx.trust_anchors)
        return SigningKey(cert.key, f"x5c: {cert.subject}", None, frozenset(), cert)
    header_jwk = header.get("jwk") if isinstance(header.get("jwk"), MAPPING) else None
    if header_jwk is not None and "d" in header_jwk:
        raise did.KeyResolutionError("the header's jwk contains a private key")
    doc = _controller_doc(issuer, ctx) or _controller_doc((kid or "").split("#")[0] or None, ctx)
    if doc is not None:
        if kid or header_jwk is None:
            return _from_controller_document(kid, doc)
        try:  # an embedded key counts only if the issuer's own document lists it
            return _from_controller_document(jwk_thumbprint(header_jwk), doc)
        except did.KeyResolutionError:
            return SigningKey(jwk_key(header_jwk), "jwk header", None, frozenset())
    if not kid and issuer and issuer.startswith(("did:key:", "did:jwk:")):
        resolved = did.resolve(issuer, ctx)
        return SigningKey(resolved.key, resolved.vm_id, did.split_did_url(resolved.vm_id)[0],
                          resolved.relationships)
    if header_jwk is not None:
        return SigningKey(jwk_key(header_jwk), "jwk header", None, frozenset())
    raise did.NotAvailableOffline(
        f"the key {kid or '(no kid)'} of {issuer or 'the issuer'} is not available offline; "
        "supply the issuer's DID or controller document"
    )


def _id_of(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, MAPPING) and isinstance(value.get("id"), str):
        return value["id"]
    return None


def _claims_view(fmt: CredentialFormat, payload: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """The credential (or presentation) object and the party that must have signed it."""
    if fmt is CredentialFormat.VC_JWT:
        raw_vc = payload.get("vc")
        vc: dict[str, Any] = raw_vc if isinstance(raw_vc, dict) else {}
        return vc, _id_of(vc.get("issuer")) or _id_of(payload.get("iss"))
    if fmt is CredentialFormat.VP_JWT:
        raw_vp = payload.get("vp")
        vp: dict[str, Any] = raw_vp if isinstance(raw_vp, dict) else payload
        return vp, _id_of(vp.get("holder")) or _id_of(payload.get("iss"))
    return payload, _id_of(payload.get("issuer")) or _id_of(payload.get("iss"))


def _signed_at(payload: Mapping[str, Any]) -> datetime | None:
    for claim in ("iat", "nbf"):
        value = payload.get(claim)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return parse_datetime(value)
    return None


def _signature_check(jws: CompactJws, signer: str | None, fmt: CredentialFormat,
                     ctx: VerificationContext, at: datetime | None = None) -> tuple[Check, SigningKey | None]:
    kid = jws.header.get("kid")
    try:
        key = resolve_signing_key(jws.header, signer, ctx, at)
    except did.NotAvailableOffline as exc:
        return Check(CheckId.SIGNATURE, NOT_CHECKED, msg("proof.key_offline", key=kid, detail=str(exc)), True), None
    except did.UnsupportedKey as exc:
        return Check(CheckId.SIGNATURE, NOT_CHECKED, msg("jose.unsupported", alg=jws.header.get("alg"), key=kid,
                                                          detail=str(exc)), True), None
    except did.KeyResolutionError as exc:
        return Check(CheckId.SIGNATURE, FAILED, msg("proof.key_not_found", key=kid, detail=str(exc)), True), None
    purpose = "authentication" if fmt is CredentialFormat.VP_JWT else "assertionMethod"
    if key.owner is not None and purpose not in key.relationships:
        return Check(CheckId.SIGNATURE, FAILED, msg("purpose.not_allowed", required=purpose, key=key.vm_id), True), key
    try:
        ktype = verify_parts(jws, key.key)
    except JoseUnsupported as exc:
        return Check(CheckId.SIGNATURE, NOT_CHECKED, msg("jose.unsupported", alg=jws.header.get("alg"), key=key.vm_id,
                                                          detail=str(exc)), True), key
    except JoseError as exc:
        return Check(CheckId.SIGNATURE, FAILED, msg("jose.invalid", alg=jws.header.get("alg"), key=key.vm_id,
                                                     detail=str(exc)), True), key
    ok_id = "signature.ok_presentation" if fmt is CredentialFormat.VP_JWT else "signature.ok"
    return Check(CheckId.SIGNATURE, PASSED, msg(ok_id, suite=f"{jws.header['alg']} ({ktype})", key=key.vm_id), True), key


def _issuer_check(key: SigningKey | None, payload: dict[str, Any], signer: str | None,
                  fmt: CredentialFormat, ctx: VerificationContext) -> Check:
    holder = fmt is CredentialFormat.VP_JWT
    iss = payload.get("iss")
    if iss is not None and iss != signer:
        return Check(CheckId.ISSUER_KEY, FAILED, msg("jose.iss_differs_holder" if holder else "jose.iss_differs",
                                                      iss=str(iss), party=signer))
    if key is None:
        return Check(CheckId.ISSUER_KEY, NOT_CHECKED, msg("jose.no_key"))
    if key.certificate is not None:
        return x5c_issuer_check(key.certificate, signer, holder)
    if key.owner is None:
        doc = _controller_doc(signer, ctx)
        if doc is not None:
            return Check(CheckId.ISSUER_KEY, FAILED, msg("jose.embedded_key_foreign", party=signer))
        return Check(CheckId.ISSUER_KEY, NOT_CHECKED, msg("jose.embedded_key_only", party=signer), essential=True)
    if signer is None:
        return Check(CheckId.ISSUER_KEY, FAILED, msg("holder_key.no_holder" if holder else "issuer_key.no_issuer"))
    if key.owner != signer:  # the peer's rule: the kid's DID must be the issuer
        return Check(CheckId.ISSUER_KEY, FAILED, msg("holder_key.other" if holder else "issuer_key.other",
                                                      owner=key.owner, party=signer))
    return Check(CheckId.ISSUER_KEY, PASSED, msg("holder_key.ok" if holder else "issuer_key.ok", party=signer))


def _same_time(claim: Any, value: Any) -> bool:
    when = parse_datetime(value)
    return isinstance(claim, (int, float)) and when is not None and int(claim) == int(when.timestamp())


def _claims_check(fmt: CredentialFormat, header: dict[str, Any], payload: dict[str, Any],
                  view: dict[str, Any], ctx: VerificationContext) -> Check:
    problems: list[str] = []
    notes: list[str] = []
    typ = str(header.get("typ", "")).lower()
    cty = header.get("cty")
    if fmt is CredentialFormat.VC_JOSE:
        if typ in ("", "jwt", "application/jwt"):  # VC-JOSE-COSE: typ SHOULD be vc+jwt; a wrong one is refused
            notes.append(f"the header's media type is {header.get('typ')!r}, not vc+jwt")
        elif typ not in VC_JOSE_TYPES:
            problems.append(f"media type typ={header.get('typ')!r} is not vc+jwt")
        if cty is not None and str(cty).lower() not in ("vc", "application/vc", "vc+ld+json"):
            problems.append(f"content type cty={cty!r} is not vc")
        if "vc" in payload or "vp" in payload:
            problems.append("a VC-JOSE credential must not carry 'vc' or 'vp' claims")
    elif fmt is CredentialFormat.SD_JWT:
        if typ not in SD_JWT_TYPES:
            problems.append(f"media type typ={header.get('typ')!r} is not vc+sd-jwt")
    elif fmt is CredentialFormat.VP_JWT and "vp" not in payload:
        if typ not in VP_JOSE_TYPES:
            problems.append(f"media type typ={header.get('typ')!r} is not vp+jwt")
    elif typ not in ("", "jwt", "application/jwt"):
        problems.append(f"typ={header.get('typ')!r} is not JWT")
    if fmt is CredentialFormat.VC_JWT:
        subject = next(iter(as_list(view.get("credentialSubject"))), None)
        subject_id = subject.get("id") if isinstance(subject, dict) else None
        if "jti" in payload and "id" in view and payload["jti"] != view["id"]:
            problems.append("jti differs from the credential id")
        if "sub" in payload and subject_id is not None and payload["sub"] != subject_id:
            problems.append("sub differs from credentialSubject.id")
        for claim, field in (("nbf", "issuanceDate"), ("exp", "expirationDate")):
            if claim in payload and field in view and not _same_time(payload[claim], view[field]):
                problems.append(f"{claim} differs from {field}")
    if fmt is CredentialFormat.VP_JWT:
        if ctx.challenge is not None and payload.get("nonce") != ctx.challenge:
            problems.append("the presentation's nonce is not the expected challenge")
        if ctx.domain is not None and ctx.domain not in as_list(payload.get("aud")):
            problems.append("the presentation's audience is not the expected domain")
    if problems:
        return Check(CheckId.JWT_CLAIMS, FAILED, msg("jose.claims_disagree", detail="; ".join(problems)))
    if notes:
        return Check(CheckId.JWT_CLAIMS, CheckStatus.WARNING, msg("jose.claims_note", detail="; ".join(notes)))
    return Check(CheckId.JWT_CLAIMS, PASSED, msg("jose.claims_ok"))


def _validity_check(payload: dict[str, Any], view: dict[str, Any], ctx: VerificationContext) -> Check:
    skew = timedelta(seconds=ctx.clock_skew_seconds)
    starts = [(name, parse_datetime(v)) for name, v in (
        ("nbf", payload.get("nbf")), ("validFrom", view.get("validFrom")), ("issuanceDate", view.get("issuanceDate")))
        if v is not None]
    ends = [(name, parse_datetime(v)) for name, v in (
        ("exp", payload.get("exp")), ("validUntil", view.get("validUntil")),
        ("expirationDate", view.get("expirationDate"))) if v is not None]
    for name, when in starts + ends:
        if when is None:
            return Check(CheckId.VALIDITY, FAILED, msg("validity.unreadable", detail=f"{name} is not a valid date"))
    latest_start, earliest_end = ctx.now + skew, ctx.now - skew
    for name, when in starts:
        if when is not None and latest_start < when:
            return Check(CheckId.VALIDITY, FAILED, msg("validity.not_yet", start=when, claim=name))
    for name, when in ends:
        if when is not None and earliest_end > when:
            return Check(CheckId.VALIDITY, FAILED, msg("validity.expired", end=when, claim=name))
    end = min((when for _, when in ends if when is not None), default=None)
    if end is not None:
        return Check(CheckId.VALIDITY, PASSED, msg("validity.until", end=end))
    return Check(CheckId.VALIDITY, PASSED, msg("validity.open"))


def _disclosure_check(text: str, payload: dict[str, Any]) -> Check:
    """Each SD-JWT disclosure must hash (sha-256) into an ``_sd`` digest the issuer signed."""
    _, disclosures, key_binding = split_sd_jwt(text)
    if str(payload.get("_sd_alg", "sha-256")).lower() != "sha-256":
        return Check(CheckId.DISCLOSURES, NOT_CHECKED, msg("sdjwt.unsupported_alg", alg=str(payload.get("_sd_alg"))))
    digests: set[str] = set()
    stack: list[Any] = [payload]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            digests.update(d for d in as_list(node.get("_sd")) if isinstance(d, str))
            if isinstance(node.get("..."), str):
                digests.add(node["..."])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    unknown = [d for d in disclosures if b64url_encode(hashlib.sha256(d.encode("ascii")).digest()) not in digests]
    if unknown:
        return Check(CheckId.DISCLOSURES, FAILED, msg("sdjwt.unsigned_disclosures", count=len(unknown)))
    return Check(CheckId.DISCLOSURES, PASSED, msg("sdjwt.disclosures_ok", count=len(disclosures),
                                                   key_binding=bool(key_binding)))


def embedded_credentials(vp: Mapping[str, Any]) -> list[Credential]:
    """The credentials a JOSE presentation carries, opened from their envelopes (for the engine)."""
    return [enveloped.inner_credential(e) for e in as_list(vp.get("verifiableCredential"))
            if enveloped.is_enveloped(e)]


def _embedded_check(vp: Mapping[str, Any]) -> Check:
    """VC-JOSE-COSE 3.1.2: credentials in a secured presentation must themselves be secured envelopes."""
    entries = as_list(vp.get("verifiableCredential"))
    unsupported: list[str] = []
    for index, entry in enumerate(entries):
        if not enveloped.is_enveloped(entry):
            return Check(CheckId.PRESENTATION_CREDENTIALS, FAILED, msg("jose.not_enveloped", number=index + 1))
        try:
            enveloped.inner_credential(entry)
        except enveloped.UnsupportedMedia as exc:
            unsupported.append(f"credential {index + 1}: {exc}")
        except InputError as exc:
            return Check(CheckId.PRESENTATION_CREDENTIALS, FAILED, msg("jose.envelope_broken", number=index + 1,
                                                                       detail=str(exc)))
    if unsupported:
        return Check(CheckId.PRESENTATION_CREDENTIALS, NOT_CHECKED, msg("jose.envelope_unsupported",
                                                                        detail="; ".join(unsupported)))
    return Check(CheckId.PRESENTATION_CREDENTIALS, PASSED, msg("jose.envelopes_ok", count=len(entries)))


def _decode(cred: Credential, text: str, decoded: DecodedJws | None) -> tuple[CompactJws, dict[str, Any]]:
    """The JWS and payload of ``text``: decoded again, unless ``decoded`` is that very text's decoding."""
    if decoded is not None and cred.format is not CredentialFormat.SD_JWT and decoded.jws.compact == text:
        check_header(decoded.jws.header)
        return decoded.jws, decoded.payload
    jws = split_compact(split_sd_jwt(text)[0] if cred.format is CredentialFormat.SD_JWT else text)
    return jws, payload_object(jws)


def verify_jwt_credential(cred: Credential, ctx: VerificationContext,
                          decoded: DecodedJws | None = None) -> list[Check]:
    """Checks for a VC_JWT / VC_JOSE / VP_JWT / SD_JWT (or an enveloped one) credential.

    ``decoded`` may carry the JWS the credential was parsed from in the same
    ``verify_bytes`` call; it is used only when it was decoded from exactly
    ``document["compact"]``, so claims still come from the signed text.
    """
    if cred.format is CredentialFormat.VC_ENVELOPED:
        try:
            inner = enveloped.inner_of(cred)
        except InputError as exc:
            return [Check(CheckId.SIGNATURE, FAILED, msg("format.envelope_unopened", detail=str(exc)), True)]
        if inner.format not in JWT_FORMATS:
            return [Check(CheckId.SIGNATURE, NOT_CHECKED, msg("jose.envelope_other", fmt=inner.format.value), True)]
        cred, decoded = inner, None
    if cred.format not in JWT_FORMATS or not isinstance(cred.document, dict):
        return [Check(CheckId.SIGNATURE, FAILED, msg("jose.not_jwt", fmt=cred.format.value), True)]
    text = str(cred.document.get("compact", ""))
    try:
        jws, payload = _decode(cred, text, decoded)
    except JoseUnsupported as exc:
        return [Check(CheckId.SIGNATURE, NOT_CHECKED, msg("jose.unsupported", alg=None, key=None, detail=str(exc)),
                      True)]
    except (JoseError, InputError) as exc:
        return [Check(CheckId.SIGNATURE, FAILED, msg("jose.refused", detail=str(exc)), True)]
    view, signer = _claims_view(cred.format, payload)
    signature, key = _signature_check(jws, signer, cred.format, ctx, _signed_at(payload))
    checks = [signature, _issuer_check(key, payload, signer, cred.format, ctx),
              _claims_check(cred.format, jws.header, payload, view, ctx), _validity_check(payload, view, ctx)]
    if cred.format is CredentialFormat.SD_JWT:
        checks.append(_disclosure_check(text, payload))
    if cred.format is CredentialFormat.VP_JWT and "verifiableCredential" in view:
        checks.append(_embedded_check(view))
    return checks
