"""Verifying Open Badges 2.0 assertions offline.

Signed badges (OB 2.0 "SignedBadge" verification, steps 4-7; threat "Open Badges 2.0 signed badges and recipient identity" in docs/THREATS.md): the JWS is verified **only** with a key linked from the issuer
Profile. The chain is assertion -> ``badge`` (BadgeClass) -> ``issuer``
(Profile) -> ``publicKey`` -> CryptographicKey document whose ``owner`` is
that Profile; each link is an embedded object or a URL found in
``ctx.documents`` (nothing is fetched). A key named by
``verification.creator`` must be one of those linked keys. The algorithm then
follows from the key (:mod:`wallet.verify.jose`).

Hosted badges (row 16): the only authority is the copy at the assertion's
``id``. Without a copy fetched from there (``wallet refresh``, kept in
``ctx.documents`` with its fetch time) the essential ``signature`` check is
*not checked* and the verdict is cannot-verify-offline, never valid (saying
when it was last checked online, if ever). With a fetched copy only that copy
is trusted: the signature check passes "checked online at …" when it equals
the stored badge and is a warning when the issuer now hosts something else,
and every other check reads the hosted copy. HTTP 410 Gone or
``"revoked": true`` there means revoked. What can be checked offline still
is: the ``id`` origin against the issuer's ``allowedOrigins``/``startsWith``
policy, dates, and the recipient form.

Recipient identity: a salted ``sha256$`` hash is reported as such; unsalted
hashes are flagged (a dictionary recovers the email), and
:func:`recipient_matches` compares an identity the user supplies.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from wallet.errors import InputError
from wallet.formats.jwt import payload_object
from wallet.formats.ob2 import assertion_of, issuer_profile, lookup
from wallet.formats.vc_json import types_of
from wallet.messages import msg
from wallet.model import Check, CheckId, CheckStatus, Credential, CredentialFormat
from wallet.util.dates import parse_datetime
from wallet.util.values import as_list
from wallet.verify.context import VerificationContext
from wallet.verify.jose import CompactJws, JoseError, JoseUnsupported, split_compact, verify_parts

PASSED, FAILED, WARNING, NOT_CHECKED = (CheckStatus.PASSED, CheckStatus.FAILED, CheckStatus.WARNING,
                                        CheckStatus.NOT_CHECKED)
_HASHES = {"sha256": hashlib.sha256, "md5": hashlib.md5}


def recipient_matches(assertion: Mapping[str, Any], identity: str) -> bool:
    """Does ``identity`` (e.g. the user's email) match the assertion's recipient?"""
    recipient = assertion.get("recipient")
    if not isinstance(recipient, Mapping) or not isinstance(recipient.get("identity"), str):
        return False
    stated = recipient["identity"]
    if not recipient.get("hashed"):
        return hmac.compare_digest(stated.lower().encode(), identity.lower().encode())
    algorithm, _, digest = stated.partition("$")
    hasher = _HASHES.get(algorithm.lower())
    if hasher is None:
        return False
    raw_salt = recipient.get("salt")
    salt = raw_salt if isinstance(raw_salt, str) else ""
    computed = hasher((identity + salt).encode("utf-8")).hexdigest()
    return hmac.compare_digest(computed, digest.lower())


def _recipient_check(assertion: Mapping[str, Any]) -> Check:
    recipient = assertion.get("recipient")
    if not isinstance(recipient, Mapping) or not isinstance(recipient.get("identity"), str):
        return Check(CheckId.RECIPIENT, FAILED, msg("ob2.no_recipient"))
    kind = str(recipient.get("type", "email"))
    if not recipient.get("hashed"):
        return Check(CheckId.RECIPIENT, WARNING, msg("ob2.recipient_clear", kind=kind))
    algorithm, sep, digest = recipient["identity"].partition("$")
    if not sep or algorithm.lower() not in _HASHES or not digest:
        return Check(CheckId.RECIPIENT, FAILED, msg("ob2.recipient_malformed"))
    if algorithm.lower() == "md5":
        return Check(CheckId.RECIPIENT, WARNING, msg("ob2.recipient_md5", kind=kind))
    if not recipient.get("salt"):
        return Check(CheckId.RECIPIENT, WARNING, msg("ob2.recipient_unsalted", kind=kind))
    return Check(CheckId.RECIPIENT, PASSED, msg("ob2.recipient_ok", kind=kind))


def assertion_validity_check(assertion: Mapping[str, Any], ctx: VerificationContext) -> Check:
    skew = timedelta(seconds=ctx.clock_skew_seconds)
    issued = parse_datetime(assertion.get("issuedOn"))
    expires = parse_datetime(assertion.get("expires")) if "expires" in assertion else None
    if issued is None:
        return Check(CheckId.VALIDITY, FAILED, msg("validity.unreadable", detail="issuedOn is missing or not a date"))
    if "expires" in assertion and expires is None:
        return Check(CheckId.VALIDITY, FAILED, msg("validity.unreadable", detail="expires is not a date"))
    if expires is not None and expires < issued:
        return Check(CheckId.VALIDITY, FAILED, msg("ob2.expires_before_issued"))
    if ctx.now + skew < issued:
        return Check(CheckId.VALIDITY, FAILED, msg("validity.not_yet", start=issued))
    if expires is not None and ctx.now - skew > expires:
        return Check(CheckId.VALIDITY, FAILED, msg("validity.expired", end=expires))
    if expires is not None:
        return Check(CheckId.VALIDITY, PASSED, msg("validity.until", end=expires))
    return Check(CheckId.VALIDITY, PASSED, msg("validity.open"))


def revocation_check(assertion: Mapping[str, Any], profile: Mapping[str, Any] | None,
                      ctx: VerificationContext) -> Check:
    if assertion.get("revoked") is True:
        return Check(CheckId.STATUS, FAILED, msg("status.revoked"))
    if profile is None:
        return Check(CheckId.STATUS, NOT_CHECKED, msg("ob2.profile_offline"))
    list_ref = profile.get("revocationList")
    if list_ref is None:
        return Check(CheckId.STATUS, PASSED, msg("ob2.no_revocation_list"))
    revocations = lookup(list_ref, ctx.documents)
    if revocations is None:
        return Check(CheckId.STATUS, NOT_CHECKED, msg("ob2.revocation_list_offline", url=str(list_ref)))
    assertion_id = assertion.get("id")
    for entry in as_list(revocations.get("revokedAssertions")):
        entry_id = entry.get("id") if isinstance(entry, Mapping) else entry
        if assertion_id is not None and entry_id == assertion_id:
            reason = entry.get("revocationReason") if isinstance(entry, Mapping) else None
            return Check(CheckId.STATUS, FAILED, msg("ob2.revoked", reason=reason if isinstance(reason, str) else None))
    return Check(CheckId.STATUS, PASSED, msg("ob2.not_revoked"))


def _key_url(ref: Any) -> str:
    if isinstance(ref, str):
        return ref
    return str(ref.get("id", "(embedded key)")) if isinstance(ref, Mapping) else "(malformed key)"


def _load_key(ref: Any, profile: Mapping[str, Any], ctx: VerificationContext) -> Any | None:
    """The public key of one CryptographicKey linked from the Profile; None when not cached."""
    doc = lookup(ref, ctx.documents)
    url = _key_url(ref)
    if doc is None:
        return None
    if isinstance(ref, str) and doc.get("id") not in (None, ref):
        raise JoseError(f"the key document at {ref} names itself {doc.get('id')}")
    if doc.get("owner") != profile.get("id"):
        raise JoseError(f"the key {url} is owned by {doc.get('owner')!r}, not by the issuer {profile.get('id')}")
    pem = doc.get("publicKeyPem")
    if not isinstance(pem, str):
        raise JoseUnsupported(f"the key {url} is not given as publicKeyPem, the only form the wallet reads")
    try:
        return load_pem_public_key(pem.encode("ascii"))
    except UnsupportedAlgorithm as exc:
        raise JoseUnsupported(f"the key {url} is of a type the wallet does not implement") from exc
    except (ValueError, TypeError) as exc:
        raise JoseError(f"the key {url} is not a valid PEM public key") from exc


def _signature_check(jws: CompactJws, assertion: Mapping[str, Any], profile: Mapping[str, Any] | None,
                     ctx: VerificationContext) -> Check:
    if profile is None:
        return Check(CheckId.SIGNATURE, NOT_CHECKED, msg("ob2.profile_offline_keys"), True)
    refs = as_list(profile.get("publicKey"))
    if not refs:
        return Check(CheckId.SIGNATURE, FAILED, msg("ob2.no_public_key"), True)
    verification = assertion.get("verification")
    creator = verification.get("creator") if isinstance(verification, Mapping) else None
    if creator is not None:
        refs = [r for r in refs if _key_url(r) == creator]
        if not refs:
            return Check(CheckId.SIGNATURE, FAILED, msg("ob2.key_not_linked", key=str(creator)), True)
    errors: list[str] = []
    unsupported: list[str] = []
    missing: list[str] = []
    for ref in refs:
        url = _key_url(ref)
        try:
            key = _load_key(ref, profile, ctx)
            if key is None:
                missing.append(url)
                continue
            verify_parts(jws, key)
        except JoseUnsupported as exc:
            unsupported.append(f"{url}: {exc}")
            continue
        except JoseError as exc:
            errors.append(f"{url}: {exc}")
            continue
        return Check(CheckId.SIGNATURE, PASSED, msg("signature.ok", suite=jws.header.get("alg"), key=url), True)
    if errors:
        return Check(CheckId.SIGNATURE, FAILED, msg("jose.invalid", detail="; ".join(errors)), True)
    if unsupported:
        return Check(CheckId.SIGNATURE, NOT_CHECKED, msg("jose.unsupported", alg=jws.header.get("alg"), key=None,
                                                          detail="; ".join(unsupported)), True)
    return Check(CheckId.SIGNATURE, NOT_CHECKED, msg("proof.key_offline", key=missing[0]), True)


def origin_check(assertion: Mapping[str, Any], profile: Mapping[str, Any] | None) -> Check:
    """Hosted: the assertion's URL must be one the issuer allows (OB 2.0 VerificationObject)."""
    assertion_id = assertion.get("id")
    if not isinstance(assertion_id, str) or not assertion_id.startswith(("https://", "http://")):
        return Check(CheckId.HOSTED_ORIGIN, FAILED, msg("ob2.hosted_not_url"))
    if profile is None:
        return Check(CheckId.HOSTED_ORIGIN, NOT_CHECKED, msg("ob2.profile_offline"))
    verification = profile.get("verification")
    policy = verification if isinstance(verification, Mapping) else {}
    starts = [s for s in as_list(policy.get("startsWith")) if isinstance(s, str)]
    if starts:
        if any(assertion_id.startswith(s) for s in starts):
            return Check(CheckId.HOSTED_ORIGIN, PASSED, msg("ob2.origin_ok", url=assertion_id))
        return Check(CheckId.HOSTED_ORIGIN, FAILED, msg("ob2.origin_refused", url=assertion_id))
    host = urlsplit(assertion_id).hostname
    allowed = [o for o in as_list(policy.get("allowedOrigins")) if isinstance(o, str)]
    if not allowed:
        issuer_host = urlsplit(str(profile.get("id", ""))).hostname
        if not issuer_host:
            return Check(CheckId.HOSTED_ORIGIN, WARNING, msg("ob2.origin_unknown", url=assertion_id))
        allowed = [issuer_host]
    if host in allowed:
        return Check(CheckId.HOSTED_ORIGIN, PASSED, msg("ob2.origin_ok", url=assertion_id))
    return Check(CheckId.HOSTED_ORIGIN, FAILED, msg("ob2.origin_refused", url=assertion_id))


#: What a 410 Gone answer is recorded as (``wallet.app.context``): the badge's only authority withdrew it.
GONE_KEYS = frozenset({"id", "revoked"})
_VOLATILE = ("@context",)


def _comparable(assertion: Mapping[str, Any]) -> dict[str, Any]:
    """An assertion with linked objects reduced to their ids (a local copy often embeds the BadgeClass)."""
    out = {k: v for k, v in assertion.items() if k not in _VOLATILE}
    for name in ("badge", "issuer"):
        value = out.get(name)
        if isinstance(value, Mapping) and isinstance(value.get("id"), str):
            out[name] = value["id"]
    return out


def hosted_copy(assertion_id: Any, ctx: VerificationContext) -> tuple[Mapping[str, Any] | None, Any]:
    """(the fetched hosted copy or None, when it was fetched or None). Only a copy fetched online counts."""
    if not isinstance(assertion_id, str):
        return None, None
    fetched = ctx.fetched_at("ob2-hosted", assertion_id)
    if fetched is None:
        return None, None
    copy = ctx.documents.get(assertion_id)
    if not isinstance(copy, Mapping) or copy.get("id") != assertion_id:
        return None, fetched
    return copy, fetched


def _hosted_checks(cred: Credential, ctx: VerificationContext) -> list[Check]:
    """OB 2.0 HostedBadge: the copy fetched from the assertion's ``id`` is the only authority (threat "Open Badges 2.0 hosted assertions" in docs/THREATS.md)."""
    try:
        stored = assertion_of(cred)
    except InputError as exc:
        return [Check(CheckId.SIGNATURE, FAILED, exc.message or msg("format.unreadable", detail=str(exc)), True)]
    target = stored.get("id") or "(no id)"
    copy, fetched = hosted_copy(stored.get("id"), ctx)
    if copy is None:
        profile = issuer_profile(stored, ctx.documents)
        why = msg("ob2.hosted_offline_last", url=str(target), checked=fetched) if fetched is not None \
            else msg("ob2.hosted_offline", url=str(target))
        return [Check(CheckId.SIGNATURE, NOT_CHECKED, why, True), origin_check(stored, profile),
                _recipient_check(stored), revocation_check(stored, profile, ctx), assertion_validity_check(stored, ctx)]
    revoked = copy.get("revoked") is True
    reason = copy.get("revocationReason") if isinstance(copy.get("revocationReason"), str) else None
    if revoked and set(copy) <= GONE_KEYS:  # 410 Gone: nothing left to compare
        return [Check(CheckId.SIGNATURE, NOT_CHECKED, msg("ob2.hosted_gone", url=str(target), checked=fetched), True),
                Check(CheckId.STATUS, FAILED, msg("ob2.hosted_revoked", checked=fetched, reason=reason))]
    if _comparable(copy) == _comparable(stored):
        signature = Check(CheckId.SIGNATURE, PASSED, msg("ob2.hosted_checked", url=str(target), checked=fetched), True)
    else:
        signature = Check(CheckId.SIGNATURE, WARNING, msg("ob2.hosted_differs", url=str(target), checked=fetched), True)
    profile = issuer_profile(dict(copy), ctx.documents)
    status = Check(CheckId.STATUS, FAILED, msg("ob2.hosted_revoked", checked=fetched, reason=reason)) if revoked \
        else revocation_check(copy, profile, ctx)
    return [signature, origin_check(copy, profile), _recipient_check(copy), status, assertion_validity_check(copy, ctx)]


def verify_ob2(cred: Credential, ctx: VerificationContext, _hint: Any = None) -> list[Check]:
    """Checks for an OB2_SIGNED or OB2_HOSTED credential (see the module docstring)."""
    if cred.format is CredentialFormat.OB2_HOSTED:
        return _hosted_checks(cred, ctx)
    if cred.format is not CredentialFormat.OB2_SIGNED or not isinstance(cred.document, dict):
        return [Check(CheckId.SIGNATURE, FAILED, msg("ob2.not_ob2", fmt=cred.format.value), True)]
    try:
        jws = split_compact(str(cred.document.get("compact", "")))
        assertion = payload_object(jws)
    except JoseUnsupported as exc:
        return [Check(CheckId.SIGNATURE, NOT_CHECKED, msg("jose.unsupported", alg=None, key=None, detail=str(exc)),
                      True)]
    except (JoseError, InputError) as exc:
        return [Check(CheckId.SIGNATURE, FAILED, msg("jose.refused", detail=str(exc)), True)]
    if "Assertion" not in types_of(assertion):
        return [Check(CheckId.SIGNATURE, FAILED, msg("ob2.not_assertion"), True)]
    profile = issuer_profile(assertion, ctx.documents)
    return [_signature_check(jws, assertion, profile, ctx), _recipient_check(assertion),
            revocation_check(assertion, profile, ctx), assertion_validity_check(assertion, ctx)]
