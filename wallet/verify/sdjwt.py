"""Verifying an SD-JWT (RFC 9901) and an SD-JWT VC (draft-ietf-oauth-sd-jwt-vc), offline.

The checks, in the wallet's one vocabulary:

* ``signature`` (essential): the issuer-signed JWT, with the key
  :mod:`wallet.verify.sdjwt_keys` finds (JWT VC Issuer Metadata, ``x5c``,
  or the JOSE rules); every signature of a general JSON serialisation.
* ``issuer-key``: that key is the issuer's (``iss``).
* ``disclosures`` (essential when it fails): every disclosure hashes
  (``_sd_alg``, SHA-256 by default) into a digest the issuer signed, exactly
  once, with no reserved claim name and no claim overwritten (RFC 9901
  section 7.1). A disclosure that fails was added or changed after issuance.
* ``jwt-claims``: the media type (``dc+sd-jwt``; ``vc+sd-jwt`` and
  ``vp+sd-jwt`` accepted), ``vct`` for an SD-JWT VC, ``iss``, and the
  registered claims' types.
* ``validity``: ``nbf``/``exp`` (and a W3C credential's validFrom/validUntil)
  against the clock, ``iat`` not in the future.
* ``key-binding``: with a key binding JWT, its signature by the ``cnf`` key,
  ``typ: kb+jwt``, ``iat`` not in the future, ``sd_hash`` over exactly what
  was presented, ``nonce`` and ``aud`` (the verifier's ``ctx.challenge`` and
  ``ctx.domain`` when given). Without one, when the context knows the
  wallet's own holder keys (``ctx.holder_keys``), whether ``cnf`` is one of them.
* ``status``: the IETF Token Status List (:mod:`wallet.verify.token_status`).

Claims are read again from the signed text (``document["serialized"]``), not
from the parsed copy.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from wallet.errors import InputError
from wallet.formats.jwt import payload_object, split_jws
from wallet.formats.sd_jwt import HASHES, SdJwt, Unpacked, split, unpack
from wallet.messages import msg
from wallet.model import Check, CheckId, CheckStatus, Credential
from wallet.util.b64 import b64url_encode
from wallet.util.values import as_list
from wallet.verify import did
from wallet.verify.context import VerificationContext
from wallet.verify.jose import JoseError, check_header, verify_parts
from wallet.verify.jose_vc import _validity_check, jwk_key, jwk_thumbprint
from wallet.verify.sdjwt_keys import IssuerKey, KeyNotFound, issuer_key
from wallet.verify.token_status import token_status_check

PASSED, FAILED, WARNING, NOT_CHECKED = (CheckStatus.PASSED, CheckStatus.FAILED, CheckStatus.WARNING,
                                         CheckStatus.NOT_CHECKED)
#: SD-JWT VC media types (``vc+sd-jwt`` is the draft's former name; VC-JOSE-COSE uses it and ``vp+sd-jwt``).
SD_JWT_VC_TYPES = ("dc+sd-jwt", "application/dc+sd-jwt", "vc+sd-jwt", "application/vc+sd-jwt")
SD_JWT_VP_TYPES = ("vp+sd-jwt", "application/vp+sd-jwt")
KB_JWT_TYPE = "kb+jwt"


def _signature_checks(sd_jwt: SdJwt, iss: str | None, ctx: VerificationContext) -> tuple[Check, Check]:
    """(signature, issuer-key)."""
    iat = sd_jwt.payload.get("iat")
    signed_at = datetime.fromtimestamp(iat, UTC) if isinstance(iat, (int, float)) and not isinstance(iat, bool) \
        and 0 < iat < 253402300800 else None
    try:
        found: IssuerKey = issuer_key(sd_jwt.jws.header, iss, ctx, signed_at)
    except KeyNotFound as exc:
        status = NOT_CHECKED if exc.offline else FAILED
        return (Check(CheckId.SIGNATURE, status, exc.message, True),
                Check(CheckId.ISSUER_KEY, NOT_CHECKED, msg("jose.no_key")))
    for jws in sd_jwt.signatures:
        try:
            check_header(jws.header)
        except JoseError as exc:
            return (Check(CheckId.SIGNATURE, FAILED, msg("jose.refused", detail=str(exc)), True),
                    Check(CheckId.ISSUER_KEY, NOT_CHECKED, msg("jose.no_key")))
        error: JoseError | None = None
        for key in found.keys:
            try:
                verify_parts(jws, key)
                error = None
                break
            except JoseError as exc:
                error = exc
        if error is not None:
            return (Check(CheckId.SIGNATURE, FAILED, msg("jose.invalid", alg=jws.header.get("alg"), key=found.label,
                                                         detail=str(error)), True),
                    Check(CheckId.ISSUER_KEY, NOT_CHECKED, msg("jose.no_key")))
    signature = Check(CheckId.SIGNATURE, PASSED, msg("signature.ok", suite=str(sd_jwt.jws.header.get("alg")),
                                                     key=found.label), True)
    if found.bound is True:
        return signature, Check(CheckId.ISSUER_KEY, PASSED, found.why)
    if found.bound is False:
        return signature, Check(CheckId.ISSUER_KEY, FAILED, found.why)
    return signature, Check(CheckId.ISSUER_KEY, NOT_CHECKED, found.why, essential=True)


def _disclosure_check(sd_jwt: SdJwt, unpacked: Unpacked) -> Check:
    if sd_jwt.hash_alg not in HASHES:
        return Check(CheckId.DISCLOSURES, NOT_CHECKED, msg("sdjwt.unsupported_alg", alg=sd_jwt.hash_alg), True)
    if unpacked.problems:
        return Check(CheckId.DISCLOSURES, FAILED, msg("sdjwt.disclosures_invalid", detail="; ".join(unpacked.problems)),
                     True)
    return Check(CheckId.DISCLOSURES, PASSED, msg("sdjwt.disclosures_ok", count=len(sd_jwt.disclosures),
                                                   key_binding=sd_jwt.key_binding is not None))


def _claims_check(sd_jwt: SdJwt, claims: Mapping[str, Any]) -> Check:
    header, payload = sd_jwt.jws.header, sd_jwt.payload
    typ = str(header.get("typ", "")).lower()
    problems: list[str] = []
    notes: list[str] = []
    w3c = "credentialSubject" in claims or "@context" in claims or isinstance(claims.get("vc"), Mapping) \
        or "verifiableCredential" in claims
    if typ in SD_JWT_VC_TYPES or typ in SD_JWT_VP_TYPES:
        if typ in ("dc+sd-jwt", "application/dc+sd-jwt") and not isinstance(payload.get("vct"), str):
            problems.append("an SD-JWT VC names its type in 'vct', and this one has none")
    elif typ.endswith("+sd-jwt"):
        notes.append(f"the media type {header.get('typ')!r} is an SD-JWT, but not an SD-JWT VC")
    else:
        problems.append(f"media type typ={header.get('typ')!r} is not dc+sd-jwt")
    if "kid" in header and not isinstance(header["kid"], str):
        notes.append("the header's kid is not a string (RFC 7515), so it names no key")
    cty = header.get("cty")
    if w3c and cty is not None and str(cty).lower() not in ("vc", "vp", "application/vc", "application/vp"):
        problems.append(f"content type cty={cty!r} is not vc")
    for name in ("iss", "vct", "sub", "jti"):
        if name in payload and not isinstance(payload[name], str):
            problems.append(f"'{name}' is not a string")
    for name in ("_sd_alg",):
        if name in claims:
            problems.append(f"'{name}' appears inside the claims")
    cnf = payload.get("cnf")
    if cnf is not None and not (isinstance(cnf, Mapping) and (isinstance(cnf.get("jwk"), Mapping)
                                                              or isinstance(cnf.get("kid"), str))):
        problems.append("'cnf' names no key (jwk or kid)")
    if problems:
        return Check(CheckId.JWT_CLAIMS, FAILED, msg("jose.claims_disagree", detail="; ".join(problems)))
    if notes:
        return Check(CheckId.JWT_CLAIMS, WARNING, msg("jose.claims_note", detail="; ".join(notes)))
    return Check(CheckId.JWT_CLAIMS, PASSED, msg("jose.claims_ok"))


def _validity(sd_jwt: SdJwt, claims: Mapping[str, Any], ctx: VerificationContext) -> Check:
    payload = sd_jwt.payload
    iat = payload.get("iat")
    if isinstance(iat, (int, float)) and not isinstance(iat, bool):
        if iat > ctx.now.timestamp() + ctx.clock_skew_seconds:
            return Check(CheckId.VALIDITY, FAILED, msg("sdjwt.issued_in_future"))
    inner = claims.get("vc")
    view = dict(inner) if isinstance(inner, Mapping) else dict(claims)
    return _validity_check(dict(payload), view, ctx)


def cnf_key(cnf: Any, ctx: VerificationContext) -> Any:
    """The public key ``cnf`` names (``jwk``, or a did:key / did:jwk ``kid``); KeyResolutionError otherwise."""
    if not isinstance(cnf, Mapping):
        raise did.KeyResolutionError("the credential names no holder key (cnf)")
    if isinstance(cnf.get("jwk"), Mapping):
        if "d" in cnf["jwk"]:
            raise did.KeyResolutionError("cnf.jwk holds a private key")
        return jwk_key(cnf["jwk"])
    if isinstance(cnf.get("kid"), str):
        return did.resolve(cnf["kid"], ctx).key
    raise did.KeyResolutionError("cnf names neither a jwk nor a kid")


def cnf_thumbprint(cnf: Any, ctx: VerificationContext | None = None) -> str | None:
    """RFC 7638 thumbprint of the holder key ``cnf`` names (None when it names none usable)."""
    from wallet.verify.keys import public_jwk  # deferred: small, and only binding needs it

    try:
        return jwk_thumbprint(public_jwk(cnf_key(cnf, ctx or VerificationContext())))
    except (did.KeyResolutionError, ValueError):
        return None


def _kb_problems(sd_jwt: SdJwt, ctx: VerificationContext) -> list[str]:
    assert sd_jwt.key_binding is not None
    try:
        jws = split_jws(sd_jwt.key_binding)
        check_header(jws.header)
        claims = payload_object(jws)
    except (InputError, JoseError) as exc:
        return [f"the key binding JWT cannot be read ({str(exc).rstrip('.')})"]
    problems: list[str] = []
    try:
        verify_parts(jws, cnf_key(sd_jwt.payload.get("cnf"), ctx))
    except (did.KeyResolutionError, JoseError) as exc:
        problems.append(f"its signature is not by the holder's key ({exc})")
    if str(jws.header.get("typ", "")).lower() not in (KB_JWT_TYPE, "application/" + KB_JWT_TYPE):
        problems.append(f"typ is {jws.header.get('typ')!r}, not kb+jwt")
    iat = claims.get("iat")
    if isinstance(iat, bool) or not isinstance(iat, (int, float)):
        problems.append("it has no issue time (iat)")
    elif iat > ctx.now.timestamp() + ctx.clock_skew_seconds:
        problems.append("it was made in the future (iat)")
    alg = sd_jwt.hash_alg
    if alg in HASHES:
        expected = b64url_encode(HASHES[alg](sd_jwt.issued_part.encode("ascii")).digest())
        if claims.get("sd_hash") != expected:
            problems.append("sd_hash does not match what was presented")
    nonce, aud = claims.get("nonce"), claims.get("aud")
    if not isinstance(nonce, str) or (ctx.challenge is not None and nonce != ctx.challenge):
        problems.append("the nonce is not the one the verifier gave" if ctx.challenge else "it has no nonce")
    if ctx.domain is not None:
        if ctx.domain not in [a for a in as_list(aud) if isinstance(a, str)]:
            problems.append("it was made for another audience (aud)")
    elif not isinstance(aud, str) or not aud:
        problems.append("it names no audience (aud)")
    return problems


def _binding_check(sd_jwt: SdJwt, ctx: VerificationContext) -> Check | None:
    cnf = sd_jwt.payload.get("cnf")
    if sd_jwt.key_binding is not None:
        problems = _kb_problems(sd_jwt, ctx)
        if problems:
            return Check(CheckId.KEY_BINDING, FAILED, msg("sdjwt.kb_invalid", detail="; ".join(problems)))
        return Check(CheckId.KEY_BINDING, PASSED, msg("sdjwt.kb_ok"))
    if cnf is None or not ctx.holder_keys:
        return None
    thumbprint = cnf_thumbprint(cnf, ctx)
    if thumbprint is not None and thumbprint in ctx.holder_keys:
        return Check(CheckId.KEY_BINDING, PASSED, msg("sdjwt.bound_here", key=thumbprint))
    return Check(CheckId.KEY_BINDING, WARNING, msg("sdjwt.bound_elsewhere", key=str(thumbprint)))


def verify_sd_jwt(text: str, ctx: VerificationContext) -> list[Check]:
    """Every check of an SD-JWT given as its serialised text (compact or JSON)."""
    try:
        sd_jwt = split(text)
    except InputError as exc:
        return [Check(CheckId.SIGNATURE, FAILED, msg("jose.refused", detail=str(exc)), True)]
    unpacked = unpack(sd_jwt)
    iss = sd_jwt.payload.get("iss") if isinstance(sd_jwt.payload.get("iss"), str) else None
    signature, issuer = _signature_checks(sd_jwt, iss, ctx)
    checks = [signature, issuer, _disclosure_check(sd_jwt, unpacked), _claims_check(sd_jwt, unpacked.claims),
              _validity(sd_jwt, unpacked.claims, ctx)]
    binding = _binding_check(sd_jwt, ctx)
    if binding is not None:
        checks.append(binding)
    status = token_status_check(sd_jwt.payload.get("status"), iss, ctx)
    if status is not None:
        checks.append(status)
    return checks


def sd_jwt_checks(cred: Credential, ctx: VerificationContext, _hint: Any = None) -> list[Check]:
    """The registry's verifier for ``sd-jwt`` (the engine adds the format and trust checks)."""
    doc = cred.document if isinstance(cred.document, Mapping) else {}
    text = doc.get("serialized") or doc.get("compact")
    if not isinstance(text, str):
        try:
            text = bytes(cred.raw).decode("utf-8")
        except UnicodeDecodeError:
            return [Check(CheckId.SIGNATURE, FAILED, msg("jose.refused", detail="not text"), True)]
    return verify_sd_jwt(text, ctx)


def sd_hash(issued_part: str, alg: str = "sha-256") -> str:
    """``sd_hash`` of ``<issuer JWT>~<disclosure>~…~`` (for the holder's key binding JWT)."""
    return b64url_encode(HASHES.get(alg, hashlib.sha256)(issued_part.encode("ascii")).digest())


__all__ = ["cnf_key", "cnf_thumbprint", "sd_hash", "sd_jwt_checks", "verify_sd_jwt"]
