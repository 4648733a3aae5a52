"""Verifying Open Badges 2.0 assertions offline.

Signed badges (OB 2.0 "SignedBadge" verification, steps 4-7; SECURITY.md
row 17): the JWS is verified **only** with a key linked from the issuer
Profile. The chain is assertion -> ``badge`` (BadgeClass) -> ``issuer``
(Profile) -> ``publicKey`` -> CryptographicKey document whose ``owner`` is
that Profile; each link is an embedded object or a URL found in
``ctx.documents`` (nothing is fetched). A key named by
``verification.creator`` must be one of those linked keys. The algorithm then
follows from the key (:mod:`wallet.verify.jose`).

Hosted badges (row 16): the only authority is the copy at the assertion's
``id``. Offline that cannot be checked, so the essential ``signature`` check is
*not checked* and the verdict is cannot-verify-offline, never valid. What can
be checked offline still is: the ``id`` origin against the issuer's
``allowedOrigins``/``startsWith`` policy, dates, and the recipient form.

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

from cryptography.hazmat.primitives.serialization import load_pem_public_key

from wallet.errors import InputError
from wallet.formats.jwt import payload_object
from wallet.formats.ob2 import assertion_of, issuer_profile, lookup
from wallet.formats.vc_json import as_list, parse_datetime, types_of
from wallet.model import Check, CheckStatus, Credential, CredentialFormat
from wallet.verify.context import VerificationContext
from wallet.verify.jose import CompactJws, JoseError, split_compact, verify_parts

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
        return Check("recipient", FAILED, "the assertion names no recipient identity")
    kind = recipient.get("type", "email")
    if not recipient.get("hashed"):
        return Check("recipient", WARNING, f"the recipient {kind} is stated in clear text")
    algorithm, sep, digest = recipient["identity"].partition("$")
    if not sep or algorithm.lower() not in _HASHES or not digest:
        return Check("recipient", FAILED, "the recipient hash is malformed (expected sha256$<hex>)")
    if algorithm.lower() == "md5":
        return Check("recipient", WARNING, f"the recipient {kind} is hashed with md5, which is weak")
    if not recipient.get("salt"):
        return Check("recipient", WARNING, f"the recipient {kind} hash is unsalted: a dictionary can recover it")
    return Check("recipient", PASSED, f"the recipient is a salted sha256 hash of an {kind} (compare on demand)")


def _validity_check(assertion: Mapping[str, Any], ctx: VerificationContext) -> Check:
    skew = timedelta(seconds=ctx.clock_skew_seconds)
    issued = parse_datetime(assertion.get("issuedOn"))
    expires = parse_datetime(assertion.get("expires")) if "expires" in assertion else None
    if issued is None:
        return Check("validity", FAILED, "issuedOn is missing or not a date")
    if "expires" in assertion and expires is None:
        return Check("validity", FAILED, "expires is not a date")
    if expires is not None and expires < issued:
        return Check("validity", FAILED, "the badge expires before it was issued")
    if ctx.now + skew < issued:
        return Check("validity", FAILED, f"issued in the future ({issued.isoformat()})")
    if expires is not None and ctx.now - skew > expires:
        return Check("validity", FAILED, f"expired on {expires.isoformat()}")
    return Check("validity", PASSED, f"valid at {ctx.now.isoformat()}")


def _revocation_check(assertion: Mapping[str, Any], profile: Mapping[str, Any] | None,
                      ctx: VerificationContext) -> Check:
    if assertion.get("revoked") is True:
        return Check("revocation", FAILED, "the assertion says it is revoked")
    if profile is None:
        return Check("revocation", NOT_CHECKED, "the issuer profile is not available offline")
    list_ref = profile.get("revocationList")
    if list_ref is None:
        return Check("revocation", PASSED, "the issuer publishes no revocation list")
    revocations = lookup(list_ref, ctx.documents)
    if revocations is None:
        return Check("revocation", NOT_CHECKED, f"the revocation list {list_ref} is not available offline")
    assertion_id = assertion.get("id")
    for entry in as_list(revocations.get("revokedAssertions")):
        entry_id = entry.get("id") if isinstance(entry, Mapping) else entry
        if assertion_id is not None and entry_id == assertion_id:
            reason = entry.get("revocationReason") if isinstance(entry, Mapping) else None
            return Check("revocation", FAILED, f"revoked by the issuer{': ' + reason if reason else ''}")
    return Check("revocation", PASSED, "not on the issuer's revocation list")


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
        raise JoseError(f"the key {url} has no publicKeyPem")
    try:
        return load_pem_public_key(pem.encode("ascii"))
    except (ValueError, TypeError) as exc:
        raise JoseError(f"the key {url} is not a valid PEM public key") from exc


def _signature_check(jws: CompactJws, assertion: Mapping[str, Any], profile: Mapping[str, Any] | None,
                     ctx: VerificationContext) -> Check:
    if profile is None:
        return Check("signature", NOT_CHECKED, "the badge's issuer profile is not available offline, so its "
                     "keys are unknown; refresh it online", essential=True)
    refs = as_list(profile.get("publicKey"))
    if not refs:
        return Check("signature", FAILED, "the issuer profile links no public key", essential=True)
    verification = assertion.get("verification")
    creator = verification.get("creator") if isinstance(verification, Mapping) else None
    if creator is not None:
        refs = [r for r in refs if _key_url(r) == creator]
        if not refs:
            return Check("signature", FAILED, f"the signing key {creator} is not linked from the issuer profile",
                         essential=True)
    errors: list[str] = []
    missing: list[str] = []
    for ref in refs:
        url = _key_url(ref)
        try:
            key = _load_key(ref, profile, ctx)
            if key is None:
                missing.append(url)
                continue
            verify_parts(jws, key)
        except JoseError as exc:
            errors.append(f"{url}: {exc}")
            continue
        return Check("signature", PASSED, f"{jws.header['alg']} signature by {url}, a key of "
                     f"{profile.get('id')}", essential=True)
    if errors:
        return Check("signature", FAILED, "JWS signature invalid: " + "; ".join(errors), essential=True)
    return Check("signature", NOT_CHECKED, f"the issuer's key {missing[0]} is not available offline",
                 essential=True)


def _origin_check(assertion: Mapping[str, Any], profile: Mapping[str, Any] | None) -> Check:
    """Hosted: the assertion's URL must be one the issuer allows (OB 2.0 VerificationObject)."""
    assertion_id = assertion.get("id")
    if not isinstance(assertion_id, str) or not assertion_id.startswith(("https://", "http://")):
        return Check("hosted-origin", FAILED, "a hosted assertion's id must be an http(s) URL")
    if profile is None:
        return Check("hosted-origin", NOT_CHECKED, "the issuer profile is not available offline")
    verification = profile.get("verification")
    policy = verification if isinstance(verification, Mapping) else {}
    starts = [s for s in as_list(policy.get("startsWith")) if isinstance(s, str)]
    if starts:
        if any(assertion_id.startswith(s) for s in starts):
            return Check("hosted-origin", PASSED, "the assertion URL matches the issuer's startsWith policy")
        return Check("hosted-origin", FAILED, "the assertion URL does not start with any prefix the issuer allows")
    host = urlsplit(assertion_id).hostname
    allowed = [o for o in as_list(policy.get("allowedOrigins")) if isinstance(o, str)]
    if not allowed:
        issuer_host = urlsplit(str(profile.get("id", ""))).hostname
        if not issuer_host:
            return Check("hosted-origin", WARNING, "the issuer id is not a URL, so the assertion's origin "
                         "cannot be compared with it")
        allowed = [issuer_host]
    if host in allowed:
        return Check("hosted-origin", PASSED, f"the assertion is hosted on {host}, an origin the issuer allows")
    return Check("hosted-origin", FAILED, f"the assertion is hosted on {host}, not on an origin the issuer allows")


def verify_ob2(cred: Credential, ctx: VerificationContext) -> list[Check]:
    """Checks for an OB2_SIGNED or OB2_HOSTED credential (see the module docstring)."""
    if cred.format is CredentialFormat.OB2_HOSTED:
        try:
            assertion = assertion_of(cred)
        except InputError as exc:
            return [Check("signature", FAILED, str(exc), essential=True)]
        profile = issuer_profile(assertion, ctx.documents)
        target = assertion.get("id") or "(no id)"
        return [
            Check("signature", NOT_CHECKED, f"hosted assertion: needs an online check against {target}",
                  essential=True),
            _origin_check(assertion, profile),
            _recipient_check(assertion),
            _revocation_check(assertion, profile, ctx),
            _validity_check(assertion, ctx),
        ]
    if cred.format is not CredentialFormat.OB2_SIGNED or not isinstance(cred.document, dict):
        return [Check("signature", FAILED, f"{cred.format.value} is not an Open Badges 2.0 assertion",
                      essential=True)]
    try:
        jws = split_compact(str(cred.document.get("compact", "")))
        assertion = payload_object(jws)
    except (JoseError, InputError) as exc:
        return [Check("signature", FAILED, f"the JWS is refused: {exc}", essential=True)]
    if "Assertion" not in types_of(assertion):
        return [Check("signature", FAILED, "the signed payload is not an Open Badges Assertion", essential=True)]
    profile = issuer_profile(assertion, ctx.documents)
    return [_signature_check(jws, assertion, profile, ctx), _recipient_check(assertion),
            _revocation_check(assertion, profile, ctx), _validity_check(assertion, ctx)]
