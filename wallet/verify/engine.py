"""The verification engine: one entry point for every credential format.

Why a single dispatcher: the GUI, CLI, importer and sharing code must get
the same verdict for the same bytes, and the common checks (validity,
status, trust) must be worded and combined identically whatever secured the
credential. Each format's own verifier (Data Integrity here, JOSE, OB 2.0
and EU seals in their modules) only answers "is it authentic"; this module
adds the rest and builds the :class:`VerificationReport`.

Verification never fetches anything: everything comes from the
``VerificationContext``.

The engine never raises for a credential: an unexpected exception inside a
format's checks (a bug, or a library failing on input it should have
refused) becomes one essential not-checked "verification" check with a plain
sentence, and the exception's type and place go to the log (never its text,
which may quote the credential). So one bad file can never stop a batch
(``wallet verify A B``, ``import``, ``verify-bundle``) and is never taken
for valid.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import traceback
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from cachetools import LRUCache

from wallet.errors import InputError
from wallet.formats import parse, registry
from wallet.formats.detect import parse_for_verification
from wallet.formats.enveloped import inner_of
from wallet.formats.jwt import DecodedJws, vc11_view
from wallet.messages import Message, msg
from wallet.model import (
    Check,
    CheckId,
    CheckStatus,
    Credential,
    CredentialFormat,
    VerificationReport,
)
from wallet.util.dates import parse_datetime as parse_jwt_time
from wallet.util.values import MAPPING, as_list
from wallet.verify.context import VerificationContext
from wallet.verify.dataintegrity.checks import credential_proof_checks, issuer_id
from wallet.verify.deadline import input_budget
from wallet.verify.did import split_did_url
from wallet.verify.jose_vc import verify_jwt_credential
from wallet.verify.presentation import presentation_checks
from wallet.verify.status import StatusListError, status_check
from wallet.verify.validity import (
    BadDate,
    Window,
    parse_datetime,
    validity_check,
    window_check,
)
from wallet.verify.vcdm import V2 as V2_CONTEXT
from wallet.verify.vcdm import credential_problems, presentation_problems
from wallet.verify.vp_jwt import is_vp11, vp11_checks

_log = logging.getLogger(__name__)

PASSED, FAILED, WARNING, NOT_CHECKED = (
    CheckStatus.PASSED,
    CheckStatus.FAILED,
    CheckStatus.WARNING,
    CheckStatus.NOT_CHECKED,
)



def format_check(fmt: CredentialFormat, problem: Message | None = None) -> Check:
    if problem is not None:
        return Check(CheckId.FORMAT, FAILED, problem)
    return Check(CheckId.FORMAT, PASSED, msg("format.recognised", fmt=fmt.value))


def trust_check(issuer: str | None, ctx: VerificationContext) -> Check:
    """Kept apart from the signature: authentic and trusted are different questions."""
    label = ctx.trusted_label(issuer)
    if label:
        return Check(CheckId.ISSUER_TRUSTED, PASSED, msg("trust.listed", label=label, issuer=issuer))
    return Check(CheckId.ISSUER_TRUSTED, WARNING, msg("trust.not_listed", issuer=issuer))


def _fingerprint(doc: Mapping[str, Any]) -> str:
    return hashlib.sha256(json.dumps(doc, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def _ctx_free(doc: Mapping[str, Any]) -> bool:
    """Proof checks depend only on the document when every key is self-describing."""
    proofs = doc.get("proof")
    items = proofs if isinstance(proofs, list) else [proofs]
    for p in items:
        vm = p.get("verificationMethod") if isinstance(p, MAPPING) else None
        if not isinstance(vm, str) or not vm.startswith(("did:key:", "did:jwk:")):
            return False
    return True


_LIST_PROOFS: LRUCache = LRUCache(maxsize=128)
_LIST_LOCK = threading.Lock()


def verify_status_list(doc: Mapping[str, Any], ctx: VerificationContext) -> list[Check]:
    """A status list credential's own checks.

    Its proof checks are memoised by content when its keys are self-describing
    (did:key, did:jwk): they then depend on nothing but the bytes, and the
    same list is consulted by every credential that points to it.
    """
    if _ctx_free(doc):
        key = _fingerprint(doc)
        with _LIST_LOCK:
            cached = _LIST_PROOFS.get(key)
        if cached is None:
            cached = tuple(credential_proof_checks(doc, ctx))
            with _LIST_LOCK:
                _LIST_PROOFS[key] = cached
        proof_checks = list(cached)
    else:
        proof_checks = credential_proof_checks(doc, ctx)
    return [*proof_checks, *proof_expiry_checks(doc, ctx), validity_check(doc, ctx, "status list")]


def verify_status_list_jwt(raw: bytes, ctx: VerificationContext) -> tuple[Mapping[str, Any], list[Check]]:
    """A status list served as a VC-JWT (VC-JOSE ``vc+jwt`` or a VC 1.1 JWT): the credential and its JWS checks."""
    try:
        cred = parse(raw)
    except InputError as exc:
        raise StatusListError(msg("status_list.jwt_unreadable", detail=str(exc))) from exc
    doc = cred.document if isinstance(cred.document, MAPPING) else {}
    payload = doc.get("payload")
    if cred.format not in (CredentialFormat.VC_JWT, CredentialFormat.VC_JOSE) or not isinstance(payload, dict):
        raise StatusListError(msg("status_list.jwt_unreadable", detail=cred.format.value))
    view = vc11_view(payload) if cred.format is CredentialFormat.VC_JWT and isinstance(payload.get("vc"), dict) \
        else payload
    return view, verify_jwt_credential(cred, ctx)


def proof_expiry_checks(doc: Mapping[str, Any], ctx: VerificationContext) -> list[Check]:
    """A failed 'validity' check when a proof's own 'expires' has passed."""
    proofs = doc.get("proof")
    for proof in proofs if isinstance(proofs, list) else [proofs]:
        if not isinstance(proof, MAPPING) or proof.get("expires") is None:
            continue
        try:
            when = parse_datetime(proof["expires"])
        except BadDate:
            return [Check(CheckId.VALIDITY, FAILED, msg("validity.signature.unreadable"))]
        check = window_check(Window(None, when), ctx, "signature")
        if check.status is FAILED:
            return [check]
    return []


def ldp_credential_checks(doc: Mapping[str, Any], ctx: VerificationContext) -> list[Check]:
    """Everything but trust for a JSON-LD credential with Data Integrity proofs."""
    problems = credential_problems(doc)
    checks = [format_check(CredentialFormat.VC_LDP, msg("format.data_model", detail=problems[0]) if problems else None)]
    checks += credential_proof_checks(doc, ctx)
    checks += proof_expiry_checks(doc, ctx)
    checks.append(validity_check(doc, ctx))
    status = status_check(doc, ctx, verify_status_list, verify_status_list_jwt)
    if status is not None:
        checks.append(status)
    return checks


def _jwt_data_model(cred: Credential, payload: Mapping[str, Any]) -> Check:
    """The format check of a JWT credential: the VC data model rules JSON-LD credentials get (vcdm).

    VC 1.1 JWT: the ``vc`` claim with ``iss``/``nbf``/``jti``/``sub`` standing for
    its fields; VC-JOSE: the payload is the credential. SD-JWT VC is not a VC
    data model credential (no ``@context``) and keeps its own rules.
    """
    if cred.format is CredentialFormat.VC_JWT and isinstance(payload.get("vc"), MAPPING):
        view = vc11_view(dict(payload))
        for field in ("issuanceDate", "expirationDate"):  # nbf/exp stand for them as NumericDates
            when = parse_jwt_time(view.get(field)) if isinstance(view.get(field), (int, float)) else None
            if when is not None:
                view[field] = when.isoformat().replace("+00:00", "Z")
        problems = credential_problems(view)
    elif cred.format is CredentialFormat.VC_JOSE:  # VC-JOSE-COSE secures VC Data Model 2.0 only
        first = as_list(payload.get("@context"))[:1]
        problems = [f"The first @context entry must be {V2_CONTEXT}."] if first and first != [V2_CONTEXT] else []
        problems += credential_problems(payload)
    else:
        problems = []
    return format_check(cred.format, msg("format.data_model", detail=problems[0]) if problems else None)


def jwt_checks(cred: Credential, ctx: VerificationContext, decoded: DecodedJws | None = None) -> list[Check]:
    """VC-JWT, VC-JOSE, SD-JWT and VP-JWT (registered for each in :mod:`wallet.formats.registry`)."""
    doc: Mapping[str, Any] = cred.document if isinstance(cred.document, MAPPING) else {}
    raw_payload = doc.get("payload")
    payload: Mapping[str, Any] = raw_payload if isinstance(raw_payload, MAPPING) else {}
    if cred.format is CredentialFormat.VP_JWT and is_vp11(payload):
        return vp11_checks(cred, payload, ctx, lambda c: verify_jwt_credential(cred, c, decoded), verify_embedded)
    checks = [_jwt_data_model(cred, payload), *verify_jwt_credential(cred, ctx, decoded)]
    raw_vc = payload.get("vc")
    vc: Mapping[str, Any] = raw_vc if isinstance(raw_vc, MAPPING) else payload
    if cred.format is not CredentialFormat.VP_JWT and isinstance(vc, MAPPING) and not any(c.id is CheckId.STATUS for c in checks):
        status = status_check(vc, ctx, verify_status_list, verify_status_list_jwt)
        if status is not None:
            checks.append(status)
    return checks


def ldp_checks_of(cred: Credential, ctx: VerificationContext, _hint: Any = None) -> list[Check]:
    """A JSON-LD credential with Data Integrity proofs."""
    if not isinstance(cred.document, MAPPING):
        return [format_check(cred.format, msg("format.json_unreadable"))]
    return ldp_credential_checks(cred.document, ctx)


def presentation_checks_of(cred: Credential, ctx: VerificationContext, _hint: Any = None) -> list[Check]:
    """A JSON-LD presentation: the holder's proof, freshness, binding and each embedded credential."""
    if not isinstance(cred.document, MAPPING):
        return [format_check(cred.format, msg("format.json_unreadable"))]
    problems = presentation_problems(cred.document)
    return [format_check(cred.format, msg("format.data_model_presentation", detail=problems[0]) if problems else None),
            *presentation_checks(cred.document, ctx, verify_embedded)]


def enveloped_checks(cred: Credential, ctx: VerificationContext, _hint: Any = None) -> list[Check]:
    """An EnvelopedVerifiableCredential file: the envelope proves nothing, its content is verified."""
    try:
        inner = inner_of(cred)
    except InputError as exc:
        return [format_check(cred.format, msg("format.envelope_unopened", detail=str(exc)))]
    return list(verify(inner, ctx).checks)


def _unsupported(cred: Credential) -> list[Check]:
    return [Check(CheckId.FORMAT, NOT_CHECKED, msg("format.unsupported", fmt=cred.format.value), True)]


def _issuer_of(cred: Credential) -> str | None:
    if cred.issuer.id:
        return cred.issuer.id
    if isinstance(cred.document, MAPPING):
        return issuer_id(cred.document)
    return None


def checks_for(cred: Credential, ctx: VerificationContext, decoded: DecodedJws | None = None) -> list[Check]:
    """The checks of one credential, without the trust check: its registered verifier's, with a format check.

    ``decoded``: the JWS ``cred`` was parsed from in this same call (see
    :func:`verify_bytes`), so JWT verification need not decode it again.
    """
    verifier = registry.verifier(cred.format)
    if verifier is None:
        return _unsupported(cred)
    checks = list(verifier(cred, ctx, decoded))
    if not any(c.id is CheckId.FORMAT for c in checks):
        checks.insert(0, format_check(cred.format))
    return checks


def verify(cred: Credential, ctx: VerificationContext) -> VerificationReport:
    """Verify a parsed credential; never raises for bad credentials, only reports."""
    return _verify(cred, ctx, None)


def log_internal_error(exc: BaseException, what: str) -> None:
    """Log an unexpected exception by type and place only (its text may quote the credential)."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = " <- ".join(f"{f.filename.rsplit('/', 2)[-2:][-1]}:{f.lineno} {f.name}" for f in reversed(frames[-3:]))
    _log.error("internal error while %s: %s at %s", what, type(exc).__name__, where or "?")



def _contained_checks(cred: Credential, ctx: VerificationContext, decoded: DecodedJws | None) -> list[Check]:
    """:func:`checks_for`, with any unexpected exception turned into a not-checked check."""
    try:
        return checks_for(cred, ctx, decoded)
    except Exception as exc:  # noqa: BLE001 - the engine never raises for a credential (module docstring)
        log_internal_error(exc, f"verifying {cred.format.value}")
        return [Check(CheckId.VERIFICATION, NOT_CHECKED, msg("verification.internal_error"), True)]


def _verify(cred: Credential, ctx: VerificationContext, decoded: DecodedJws | None) -> VerificationReport:
    with input_budget():  # one deadline for this credential and everything it brings (wallet.verify.budget)
        checks = _contained_checks(cred, ctx, decoded)
    label = None
    presentation = cred.format in (CredentialFormat.VP_LDP, CredentialFormat.VP_JWT)
    supported = not (len(checks) == 1 and checks[0].id is CheckId.FORMAT and checks[0].status is not PASSED)
    # EU seals decide trust from the seal's certificate chain (their own issuer-trusted check).
    has_trust = any(c.id is CheckId.ISSUER_TRUSTED for c in checks)
    if supported and not presentation and not has_trust:
        issuer = _issuer_of(cred)
        trust = trust_check(issuer, ctx)
        label = ctx.trusted_label(issuer)
        checks.append(trust)
    return VerificationReport(format=cred.format, checks=tuple(checks), as_of=ctx.now, issuer_label=label)


def parse_bytes(raw: bytes) -> Credential:
    """:func:`wallet.formats.parse`; an unexpected exception becomes an InputError (and a log line)."""
    try:
        return parse(raw)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - never raise anything but InputError for input (module docstring)
        log_internal_error(exc, "reading a credential")
        raise InputError(_UNREADABLE, message=msg("format.internal_error")) from exc


_UNREADABLE = "The wallet could not read this input because of an internal error (details are in the wallet's log)."


def _parse_for_verification(raw: bytes, display: bool = True) -> tuple[Credential, DecodedJws | None]:
    try:
        return parse_for_verification(raw, display=display)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - see parse_bytes
        log_internal_error(exc, "reading a credential")
        raise InputError(_UNREADABLE, message=msg("format.internal_error")) from exc


def _unreadable(exc: InputError) -> Check:
    return format_check(CredentialFormat.UNKNOWN, exc.message or msg("format.unreadable", detail=str(exc)))


def verify_bytes(raw: bytes, ctx: VerificationContext) -> tuple[Credential | None, VerificationReport]:
    """Parse then verify; unreadable input becomes a report with a failed 'format' check."""
    with input_budget():  # the deadline counts from the bytes, not from the parsed credential
        try:
            cred, decoded = _parse_for_verification(raw)
        except InputError as exc:
            report = VerificationReport(format=CredentialFormat.UNKNOWN, checks=(_unreadable(exc),), as_of=ctx.now)
            return None, report
        return cred, _verify(cred, ctx, decoded)


def verify_report(raw: bytes, ctx: VerificationContext) -> VerificationReport:
    """``verify_bytes(raw, ctx)[1]``, without building the credential's display model.

    For callers that keep only the verdict and its checks (``wallet bench
    verify``): the report is the same, check for check, because verification
    reads only the format, the document and the issuer id, which the
    verification view carries (see ``wallet.formats.vc_json.verification_view``).
    """
    try:
        cred, decoded = _parse_for_verification(raw, display=False)
    except InputError as exc:
        return VerificationReport(
            format=CredentialFormat.UNKNOWN, checks=(_unreadable(exc),), as_of=ctx.now
        )
    return _verify(cred, ctx, decoded)


def verify_embedded(item: Any, ctx: VerificationContext) -> tuple[str, VerificationReport]:
    """(title, report) of one credential embedded in a presentation: object, envelope or JWT."""
    if isinstance(item, str):
        raw = item.encode("utf-8")
    elif isinstance(item, MAPPING):
        raw = json.dumps(item, ensure_ascii=False).encode("utf-8")
    else:
        report = VerificationReport(
            CredentialFormat.UNKNOWN, (format_check(CredentialFormat.UNKNOWN, msg("format.not_a_credential")),), ctx.now
        )
        return "(unreadable)", report
    cred, report = verify_bytes(raw, ctx)
    return (cred.display_title() if cred else "(unreadable)"), report


def controller_of(vm: str) -> str:
    return split_did_url(vm)[0]


Embedded = Callable[[Any, VerificationContext], tuple[str, VerificationReport]]
__all__: Sequence[str] = ("format_check", "trust_check", "verify", "verify_bytes", "verify_embedded", "verify_report")
