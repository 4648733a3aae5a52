"""Turn seal evidence into the EDCI-named checks: FORMAT, SEAL, OWNER, REVOCATION, EXPIRY, ACCREDITATION.

Wording rule: SEAL speaks only about integrity (the bytes are exactly what
the seal covers); OWNER speaks about trust (does the seal certificate chain
to a qualified CA/QC service for eSeals in the trusted lists, or to an anchor
the user added, at the signing time). So the official test sample reads
"SEAL passed: integrity valid" and "OWNER failed: issuer not trusted".
Everything only knowable online is NOT_CHECKED with the date it holds as of,
and every reason names the trusted-list snapshot date.
"""

from __future__ import annotations

import json
from datetime import datetime

from wallet.formats.edci_xml import signed_credential_id
from wallet.formats.elm import b64url_decode
from wallet.formats.elm_values import parse_datetime
from wallet.model import Check, CheckStatus, Credential, CredentialFormat
from wallet.verify.context import VerificationContext
from wallet.verify.seals.evidence import SealEvidence
from wallet.verify.seals.jades import verify_jades
from wallet.verify.seals.qcprofile import seal_profile
from wallet.verify.seals.trustlist import CA_QC, TSA_QTST, TrustSnapshot, snapshot_date
from wallet.verify.seals.x509path import PathResult, validate_path
from wallet.verify.seals.xades import signing_time_of, verify_xades

EDCI_REVOCATION_CHECK = "http://data.europa.eu/snb/verification/271aef9eb4"
_P, _F, _W, _N = CheckStatus.PASSED, CheckStatus.FAILED, CheckStatus.WARNING, CheckStatus.NOT_CHECKED


def trust_note(snapshot: TrustSnapshot | None, now: datetime | None = None) -> str:
    """The trust basis of a report, with its date; stale snapshots say so."""
    date = snapshot_date(snapshot)
    if not date or snapshot is None:
        return "no trusted-list snapshot loaded"
    due = parse_datetime(snapshot.next_update)
    if now is not None and due is not None and due < now:
        return (f"trusted lists as of {date}; their next update was due {due.date().isoformat()}, "
                f"so later changes are not known offline")
    return f"trusted lists as of {date}"


def as_snapshot(value: object) -> TrustSnapshot | None:
    """ctx.trusted_list as a TrustSnapshot (the vault may hand over its stored bytes)."""
    if isinstance(value, TrustSnapshot):
        return value
    if isinstance(value, (bytes, bytearray)):
        return TrustSnapshot.from_bytes(bytes(value))
    return None


def _short(subject: str | None) -> str:
    if not subject:
        return "unknown"
    for part in subject.split(", "):
        if part.startswith("Common Name: "):
            return part[len("Common Name: "):]
    return subject


def _claimed_time(cred: Credential) -> datetime | None:
    """sigT / SigningTime as claimed, used to pick the TSA anchors before verification."""
    try:
        if cred.format is CredentialFormat.EDC_JADES and isinstance(cred.document, dict):
            sigs = cred.document.get("signatures") or [cred.document]
            header = json.loads(b64url_decode(sigs[0].get("protected"), "protected header"))
            return parse_datetime(header.get("sigT"))
        if cred.format is CredentialFormat.EDCI_XML:
            return signing_time_of(cred.raw)
    except (ValueError, TypeError, AttributeError, IndexError):
        return None
    return None


def _evidence(cred: Credential, ctx: VerificationContext, snapshot: TrustSnapshot | None) -> SealEvidence:
    """Verify the seal over ``cred.raw`` (never over parsed fields)."""
    when = _claimed_time(cred) or ctx.now
    tsa_anchors = tuple(snapshot.anchors_for(when, TSA_QTST, eseal=False) if snapshot else []) + tuple(ctx.trust_anchors)
    if cred.format is CredentialFormat.EDC_JADES:
        return verify_jades(cred.raw, tsa_anchors)
    evidence, signed = verify_xades(cred.raw, tsa_anchors)
    if evidence.intact and signed is not None and signed_credential_id(signed) != cred.id:
        # The fields shown must be the signed credential's (parse_edci_xml guarantees it; a
        # Credential built any other way is caught here).
        return SealEvidence("XAdES", False, "the credential shown is not the one the seal covers", evidence.leaf_der)
    return evidence


def format_check(cred: Credential) -> Check:
    if cred.format is CredentialFormat.EDCI_XML:
        what = "EDCI 1.x europassCredential XML read (only from the signed data when the seal verifies)"
        schema = "XSD validation is not performed"
    else:
        what = "ELM v3 EuropeanDigitalCredential read" + (" from the sealed payload" if cred.format is CredentialFormat.EDC_JADES else "")
        schema = "SHACL shape validation is not performed"
    if not cred.achievements:
        return Check("FORMAT", _W, f"{what}, but it holds no learning achievement; {schema}")
    return Check("FORMAT", _P, f"{what} ({len(cred.achievements)} claim(s), languages {', '.join(cred.languages) or 'none'}); {schema}")


def seal_check(ev: SealEvidence | None, note: str) -> Check:
    if ev is None:
        return Check("SEAL", _F, f"The credential is not sealed: nothing proves its origin or that it is unchanged ({note}).", True)
    if not ev.intact:
        return Check("SEAL", _F, f"{ev.kind} seal invalid: {ev.reason} ({note}).", True)
    profile = seal_profile(ev.leaf_der) if ev.leaf_der else None
    times = "; ".join(t.describe() for t in ev.timestamps) or "no time-stamp"
    sealed_by = profile.describe() if profile else "unknown certificate"
    claimed = ev.claimed_time.isoformat() if ev.claimed_time else "not stated"
    return Check(
        "SEAL", _P,
        f"Integrity valid: {ev.reason}. Sealed by {sealed_by}. Claimed signing time {claimed}; {times} ({note}).",
        True,
    )


def _path(ev: SealEvidence, ctx: VerificationContext, snapshot: TrustSnapshot | None) -> tuple[PathResult, str]:
    when = ev.validation_time or ctx.now
    tl = snapshot.anchors_for(when, CA_QC, eseal=True) if snapshot else []
    result = PathResult("untrusted", "no trust anchor")
    if tl:
        result = validate_path(ev.leaf_der or b"", intermediates=ev.other_certs, anchors=tl, at=when,
                               crls=ev.crls, ocsps=ev.ocsps)
        if result.status != "untrusted":
            return result, "a qualified CA/QC service for eSeals on the EU trusted lists"
    if ctx.trust_anchors:
        user = validate_path(ev.leaf_der or b"", intermediates=ev.other_certs, anchors=ctx.trust_anchors, at=when,
                             crls=ev.crls, ocsps=ev.ocsps)
        if user.status != "untrusted" or result.status == "untrusted":
            return user, "a trust anchor you added"
    return result, "a qualified CA/QC service for eSeals on the EU trusted lists"


def owner_check(ev: SealEvidence | None, ctx: VerificationContext, snapshot: TrustSnapshot | None, note: str) -> tuple[Check, PathResult | None]:
    if ev is None or not ev.intact or not ev.leaf_der:
        return Check("OWNER", _N, f"The issuer cannot be identified without a valid seal ({note})."), None
    org = seal_profile(ev.leaf_der).subject_o or seal_profile(ev.leaf_der).subject_cn or "unknown organisation"
    when = ev.validation_time
    at = f"at {when.isoformat()}" if when else "(no signing time)"
    proven = ev.time_caveat()
    if not snapshot and not ctx.trust_anchors:
        return Check("OWNER", _N, f"Integrity is valid, but whether the issuer {org} is trusted cannot be decided: "
                                  f"no trusted-list snapshot and no trust anchor is available ({note})."), None
    result, via = _path(ev, ctx, snapshot)
    if result.status == "valid":
        return Check("OWNER", _P, f"Issuer {org} is trusted: its seal certificate chains to {via} "
                                  f"({_short(result.anchor_subject)}) {at}{proven}, with embedded revocation data ({note})."), result
    if result.status == "no-revocation":
        return Check("OWNER", _W, f"Issuer {org}: the seal certificate chains to {via} {at}{proven}, but the seal embeds "
                                  f"no revocation data proving it was unrevoked then ({note})."), result
    if result.status == "untrusted":
        # Not trusted is a warning, as for W3C issuers: the report keeps "genuine"
        # (SEAL) apart from "from an issuer you trust" (OWNER).
        return Check("OWNER", _W, f"Integrity is valid, but the issuer is not trusted: the seal certificate of {org} does not chain "
                                  f"to a qualified CA/QC service for eSeals granted {at} nor to a trust anchor you added ({note})."), result
    return Check("OWNER", _F, f"Issuer {org}: {result.detail} ({note})."), result


def revocation_check(ev: SealEvidence | None, path: PathResult | None, ctx: VerificationContext, note: str) -> Check:
    seal_part = "no seal"
    if ev is not None and ev.intact:
        when = ev.validation_time.isoformat() if ev.validation_time else "the signing time"
        if path is not None and path.status == "revoked":
            return Check("REVOCATION", _F, f"The seal certificate was revoked at {when}: {path.detail} ({note}).")
        if path is not None and path.status == "valid":
            seal_part = f"the seal certificate was not revoked at {when} (embedded CRL/OCSP)"
        else:
            seal_part = (f"the seal embeds {len(ev.ocsps)} OCSP response(s) and {len(ev.crls)} CRL(s); "
                         f"their meaning depends on the trust result")
    return Check("REVOCATION", _N,
                 f"Not checked (offline): whether the issuer has revoked this credential (EDCI check {EDCI_REVOCATION_CHECK}) "
                 f"and the seal certificate's status after signing need the issuer's online services; as of {ctx.now.date().isoformat()}, "
                 f"{seal_part} ({note}).")


def expiry_check(cred: Credential, ctx: VerificationContext) -> Check:
    skew = ctx.clock_skew_seconds
    if cred.valid_until and (ctx.now - cred.valid_until).total_seconds() > skew:
        return Check("EXPIRY", _F, f"The credential expired on {cred.valid_until.isoformat()}.")
    if cred.valid_from and (cred.valid_from - ctx.now).total_seconds() > skew:
        return Check("EXPIRY", _F, f"The credential is not valid before {cred.valid_from.isoformat()}.")
    if cred.valid_until:
        return Check("EXPIRY", _P, f"Valid until {cred.valid_until.isoformat()} (checked {ctx.now.date().isoformat()}).")
    return Check("EXPIRY", _P, "The credential has no expiry date.")


def accreditation_check(cred: Credential, ev: SealEvidence | None, path: PathResult | None, note: str) -> Check:
    stated = [a.quality_assurance.get("en") or next(iter(a.quality_assurance.values()))
              for a in cred.achievements if a.quality_assurance]
    qa = f"the credential states: {'; '.join(stated)}" if stated else "the credential states no accreditation"
    qualified = "unknown"
    if ev is not None and ev.intact and ev.leaf_der:
        profile = seal_profile(ev.leaf_der)
        claims = "claims to be a qualified eSeal" if profile.qualified_eseal else "does not carry every qualified-eSeal marker"
        listed = "and is confirmed by the trusted lists" if path is not None and path.status == "valid" else "but this is not confirmed by a trusted list"
        qualified = f"the seal certificate {claims} {listed}"
    return Check("ACCREDITATION", _N,
                 f"Not checked (offline): the EU accreditation database cannot be consulted; {qa}; {qualified} ({note}).")


def compose(cred: Credential, ctx: VerificationContext) -> list[Check]:
    snapshot = as_snapshot(ctx.trusted_list)
    note = trust_note(snapshot, ctx.now)
    ev = None if cred.format is CredentialFormat.EDC_JSONLD else _evidence(cred, ctx, snapshot)
    owner, path = owner_check(ev, ctx, snapshot, note)
    return [
        format_check(cred),
        seal_check(ev, note),
        owner,
        revocation_check(ev, path, ctx, note),
        expiry_check(cred, ctx),
        accreditation_check(cred, ev, path, note),
    ]
