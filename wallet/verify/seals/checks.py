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

from cryptography import x509

from wallet.errors import InputError
from wallet.formats.edci_xml import credential_from_view
from wallet.messages import Message, msg
from wallet.model import Check, CheckId, CheckStatus, Credential, CredentialFormat
from wallet.util.b64 import b64url_decode
from wallet.util.dates import parse_datetime
from wallet.verify.context import VerificationContext
from wallet.verify.seals.evidence import SealEvidence
from wallet.verify.seals.jades import verify_jades
from wallet.verify.seals.qcprofile import seal_profile
from wallet.verify.seals.trustlist import CA_QC, TSA_QTST, TrustSnapshot, snapshot_date
from wallet.verify.seals.x509path import PathResult, validate_path
from wallet.verify.seals.xades import signing_time_of, verify_xades

EDCI_REVOCATION_CHECK = "http://data.europa.eu/snb/verification/271aef9eb4"
_P, _F, _W, _N = CheckStatus.PASSED, CheckStatus.FAILED, CheckStatus.WARNING, CheckStatus.NOT_CHECKED


def trust_note(snapshot: TrustSnapshot | None, now: datetime | None = None) -> Message:
    """The trust basis of a report, with its date; stale snapshots say so."""
    date = snapshot_date(snapshot)
    if not date or snapshot is None:
        return msg("seal.note.none")
    due = parse_datetime(snapshot.next_update)
    if now is not None and due is not None and due < now:
        return msg("seal.note.stale", date=date, due=due.date().isoformat())
    return msg("seal.note.as_of", date=date)


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
    if evidence.intact and signed is not None and _shown_differs(cred, signed):
        # What is shown (parsed from the document as received) must be exactly what the seal covers:
        # content added beside or around the signed credential is a wrapping attack.
        return SealEvidence("XAdES", False, "the credential shown is not the one the seal covers", evidence.leaf_der)
    return evidence


def _shown_differs(cred: Credential, signed: object) -> bool:
    try:
        return credential_from_view(cred.raw, signed) != cred  # type: ignore[arg-type]
    except InputError:
        return True


def format_check(cred: Credential) -> Check:
    if cred.format is CredentialFormat.EDCI_XML:
        what, schema = "EDCI 1.x XML", "XSD validation is not performed"
    else:
        what, schema = "ELM v3", "SHACL shape validation is not performed"
    if not cred.achievements:
        return Check(CheckId.FORMAT, _W, msg("seal.format_no_claims", fmt=cred.format.value, model=what, schema=schema))
    return Check(CheckId.FORMAT, _P, msg("seal.format_ok", fmt=cred.format.value, model=what, schema=schema,
                                         count=len(cred.achievements), languages=", ".join(cred.languages)))


def seal_check(ev: SealEvidence | None, note: Message) -> Check:
    if ev is None:
        return Check(CheckId.SIGNATURE, _F, msg("seal.none", note=note), True)
    if not ev.intact and ev.unsupported:
        return Check(CheckId.SIGNATURE, _N, msg("seal.unsupported", kind=ev.kind, detail=ev.reason, note=note), True)
    if not ev.intact:
        return Check(CheckId.SIGNATURE, _F, msg("seal.broken", kind=ev.kind, detail=ev.reason, note=note), True)
    profile = seal_profile(ev.leaf_der) if ev.leaf_der else None
    times = "; ".join(t.describe() for t in ev.timestamps) or "no time-stamp"
    sealed_by = profile.describe() if profile else "unknown certificate"
    return Check(CheckId.SIGNATURE, _P, msg("seal.intact", kind=ev.kind, detail=ev.reason, sealed_by=sealed_by,
                                            claimed=ev.claimed_time, timestamps=times, note=note), True)


def _path(ev: SealEvidence, ctx: VerificationContext, snapshot: TrustSnapshot | None) -> tuple[PathResult, Message]:
    when = ev.validation_time or ctx.now
    tl = snapshot.anchors_for(when, CA_QC, eseal=True) if snapshot else []
    result = PathResult("untrusted", "no trust anchor")
    if tl:
        result = validate_path(ev.leaf_der or b"", intermediates=ev.other_certs, anchors=tl, at=when,
                               crls=ev.crls, ocsps=ev.ocsps)
        if result.status != "untrusted":
            return result, msg("seal.via.eu")
    if ctx.trust_anchors:
        user = validate_path(ev.leaf_der or b"", intermediates=ev.other_certs, anchors=ctx.trust_anchors, at=when,
                             crls=ev.crls, ocsps=ev.ocsps)
        if user.status != "untrusted" or result.status == "untrusted":
            return user, msg("seal.via.anchor")
    return result, msg("seal.via.eu")


def _out_of_period(leaf_der: bytes, when: datetime | None) -> Message | None:
    """Why the seal certificate was not in force at ``when`` (the signing time), or None.

    Decided from the certificate alone, so it holds whatever trust configuration
    is loaded: a seal made with an expired or not-yet-valid certificate is not a
    valid seal, trusted issuer or not.
    """
    if when is None:
        return None
    try:
        cert = x509.load_der_x509_certificate(leaf_der)
    except ValueError:
        return None  # the seal check has already said the certificate is unreadable
    if when < cert.not_valid_before_utc:
        return msg("seal.certificate_not_yet_valid", at=when, start=cert.not_valid_before_utc)
    if when > cert.not_valid_after_utc:
        return msg("seal.certificate_expired", at=when, end=cert.not_valid_after_utc)
    return None


def owner_check(ev: SealEvidence | None, ctx: VerificationContext, snapshot: TrustSnapshot | None,
                note: Message) -> tuple[Check, PathResult | None]:
    if ev is None or not ev.intact or not ev.leaf_der:
        return Check(CheckId.ISSUER_TRUSTED, _N, msg("seal.owner_no_seal", note=note)), None
    org = seal_profile(ev.leaf_der).subject_o or seal_profile(ev.leaf_der).subject_cn or "unknown organisation"
    when = ev.validation_time
    proven = ev.time_caveat()
    out_of_period = _out_of_period(ev.leaf_der, when)
    if out_of_period is not None:
        return Check(CheckId.ISSUER_TRUSTED, _F, out_of_period), None
    if not snapshot and not ctx.trust_anchors:
        return Check(CheckId.ISSUER_TRUSTED, _N, msg("seal.owner_no_trust_basis", org=org, note=note)), None
    result, via = _path(ev, ctx, snapshot)
    params = {"org": org, "at": when, "via": via, "caveat": proven.strip(), "note": note}
    if result.status == "valid":
        return Check(CheckId.ISSUER_TRUSTED, _P, msg("seal.owner_trusted", anchor=_short(result.anchor_subject),
                                                     **params)), result
    if result.status == "no-revocation":
        return Check(CheckId.ISSUER_TRUSTED, _W, msg("seal.owner_no_revocation_data", **params)), result
    if result.status == "untrusted":
        # Not trusted is a warning, as for W3C issuers: the report keeps "genuine"
        # (the seal) apart from "from an issuer you trust".
        return Check(CheckId.ISSUER_TRUSTED, _W, msg("seal.owner_untrusted", **params)), result
    return Check(CheckId.ISSUER_TRUSTED, _F, msg("seal.owner_failed", detail=result.detail, **params)), result


def revocation_check(ev: SealEvidence | None, path: PathResult | None, ctx: VerificationContext,
                     note: Message) -> Check:
    seal_part = "no seal"
    if ev is not None and ev.intact:
        when = ev.validation_time.isoformat() if ev.validation_time else "the signing time"
        if path is not None and path.status == "revoked":
            return Check(CheckId.STATUS, _F, msg("seal.certificate_revoked", at=when, detail=path.detail, note=note))
        if path is not None and path.status == "valid":
            seal_part = f"the seal certificate was not revoked at {when} (embedded CRL/OCSP)"
        else:
            seal_part = (f"the seal embeds {len(ev.ocsps)} OCSP response(s) and {len(ev.crls)} CRL(s); "
                         f"their meaning depends on the trust result")
    return Check(CheckId.STATUS, _N, msg("seal.revocation_offline", as_of=ctx.now.date(), seal=seal_part,
                                         edci_check=EDCI_REVOCATION_CHECK, note=note))


def expiry_check(cred: Credential, ctx: VerificationContext) -> Check:
    skew = ctx.clock_skew_seconds
    if cred.valid_until and (ctx.now - cred.valid_until).total_seconds() > skew:
        return Check(CheckId.VALIDITY, _F, msg("validity.expired", end=cred.valid_until))
    if cred.valid_from and (cred.valid_from - ctx.now).total_seconds() > skew:
        return Check(CheckId.VALIDITY, _F, msg("validity.not_yet", start=cred.valid_from))
    if cred.valid_until:
        return Check(CheckId.VALIDITY, _P, msg("validity.until", end=cred.valid_until))
    return Check(CheckId.VALIDITY, _P, msg("validity.open"))


def accreditation_check(cred: Credential, ev: SealEvidence | None, path: PathResult | None, note: Message) -> Check:
    stated = [a.quality_assurance.get("en") or next(iter(a.quality_assurance.values()))
              for a in cred.achievements if a.quality_assurance]
    qualified = "unknown"
    if ev is not None and ev.intact and ev.leaf_der:
        profile = seal_profile(ev.leaf_der)
        claims = "claims to be a qualified eSeal" if profile.qualified_eseal else "does not carry every qualified-eSeal marker"
        listed = "and is confirmed by the trusted lists" if path is not None and path.status == "valid" else "but this is not confirmed by a trusted list"
        qualified = f"the seal certificate {claims} {listed}"
    message_id = "seal.accreditation_stated" if stated else "seal.accreditation_none"
    return Check(CheckId.ACCREDITATION, _N, msg(message_id, stated="; ".join(stated), seal=qualified, note=note))


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
