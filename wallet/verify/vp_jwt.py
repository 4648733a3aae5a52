"""VC Data Model 1.1 presentations as JWTs (a ``vp`` claim), as walt.id and EBSI wallets make them.

VC-JWT 1.1 (section 6.3.1) puts the presentation in a ``vp`` claim whose
``verifiableCredential`` holds each credential as a JWT string (or, rarely,
a JSON-LD object). The holder signs the token; ``nonce`` carries the
verifier's challenge and ``aud`` its identifier (the domain). The checks are
those of a JSON-LD presentation (:mod:`wallet.verify.presentation`), with
the same ids, so every reader — ``wallet verify``, the bundle headline in
:mod:`wallet.readout` — reads them the same way:

* ``presentation-signature`` (essential): the holder's JWS, with an
  ``authentication`` key of the ``iss`` / ``vp.holder`` (:mod:`wallet.verify.jose_vc`);
* ``challenge`` / ``domain``: ``nonce`` / ``aud`` against what the verifier asked for;
* ``validity``, ``jwt-claims``: the token's own time and claims;
* ``holder-binding``: signed by the holder; credentials whose subject is
  someone else are a warning;
* ``credential[i]``: each embedded credential verified on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from wallet.messages import msg
from wallet.model import Check, CheckId, CheckStatus, Credential, VerificationReport, replace
from wallet.util.values import as_list
from wallet.verify.context import VerificationContext
from wallet.verify.presentation import credential_summary
from wallet.verify.vcdm import presentation_problems

Embedded = Callable[[Any, VerificationContext], tuple[str, VerificationReport]]
PASSED, FAILED, WARNING, NOT_CHECKED = (CheckStatus.PASSED, CheckStatus.FAILED, CheckStatus.WARNING,
                                        CheckStatus.NOT_CHECKED)

def is_vp11(payload: Mapping[str, Any]) -> bool:
    """A VC 1.1 JWT presentation: the presentation is the ``vp`` claim."""
    return isinstance(payload.get("vp"), Mapping)


def _challenge(expected: str | None, given: list[Any], signed: bool) -> Check:
    """As :func:`wallet.verify.presentation._expected_value_check` does for a proof's challenge, for ``nonce``."""
    c = CheckId.CHALLENGE
    if expected is None:
        return Check(c, NOT_CHECKED, msg("challenge.unexpected", given=given[0]) if given else msg("challenge.none"))
    if not signed:
        return Check(c, NOT_CHECKED, msg("challenge.unsigned"))
    if expected not in given:
        return Check(c, FAILED, msg("challenge.mismatch", given=given[0] if given else None, expected=expected))
    return Check(c, PASSED, msg("challenge.ok", expected=expected))


def _domain(expected: str | None, given: list[Any], signed: bool) -> Check:
    """The same for the domain, against ``aud``; none asked and none given is fine."""
    d = CheckId.DOMAIN
    if expected is None:
        return Check(d, NOT_CHECKED, msg("domain.unexpected", given=given[0])) if given \
            else Check(d, PASSED, msg("domain.none"))
    if not signed:
        return Check(d, NOT_CHECKED, msg("domain.unsigned"))
    if expected not in given:
        return Check(d, FAILED, msg("domain.mismatch", given=given[0] if given else None, expected=expected))
    return Check(d, PASSED, msg("domain.ok", expected=expected))


def _subject_ids(item: Any) -> list[str]:
    """Subject ids of one embedded credential: a JWT's ``sub``/``vc.credentialSubject``, or a JSON object's."""
    doc: Any = item
    if isinstance(item, str):
        from wallet.formats.jwt import payload_object, split_jws  # deferred: only for JWT entries

        try:
            payload = payload_object(split_jws(item))
        except Exception:  # noqa: BLE001 - unreadable entries are reported by their own credential check
            return []
        if isinstance(payload.get("sub"), str):
            return [payload["sub"]]
        doc = payload.get("vc") if isinstance(payload.get("vc"), Mapping) else payload
    if not isinstance(doc, Mapping):
        return []
    return [s["id"] for s in as_list(doc.get("credentialSubject")) if isinstance(s, Mapping) and isinstance(s.get("id"), str)]


def _binding(holder: str | None, key_check: Check, items: list[Any]) -> Check:
    if key_check.status is FAILED:
        return Check(CheckId.HOLDER_BINDING, FAILED, key_check.message)
    if key_check.status is not PASSED or not holder:
        return Check(CheckId.HOLDER_BINDING, WARNING, msg("holder.unnamed"))
    for i, item in enumerate(items):
        for sid in _subject_ids(item):
            if sid != holder:
                return Check(CheckId.HOLDER_BINDING, WARNING, msg("holder.other_subject", number=i + 1, subject=sid,
                                                                  holder=holder))
    return Check(CheckId.HOLDER_BINDING, PASSED, msg("holder.ok", holder=holder))


def vp11_checks(cred: Credential, payload: Mapping[str, Any], ctx: VerificationContext,
                token_checks: Callable[[VerificationContext], list[Check]], embedded: Embedded) -> list[Check]:
    """Every check of a VC 1.1 JWT presentation (see the module docstring).

    ``token_checks(ctx)`` verifies the token itself (:func:`wallet.verify.jose_vc.verify_jwt_credential`);
    it is called without the challenge and domain, which are checked here as their own checks.
    """
    vp = payload["vp"]
    holder = vp.get("holder") if isinstance(vp.get("holder"), str) else payload.get("iss")
    holder = holder if isinstance(holder, str) else None
    view = {**vp, "holder": holder} if holder else dict(vp)
    problems = presentation_problems(view)
    fmt_check = Check(CheckId.FORMAT, FAILED, msg("format.data_model_presentation", detail=problems[0])) if problems \
        else Check(CheckId.FORMAT, PASSED, msg("format.recognised", fmt=cred.format.value))
    token = {c.id: c for c in token_checks(replace(ctx, challenge=None, domain=None))}
    signature = token.get(CheckId.SIGNATURE)
    if signature is None:
        return [fmt_check, *token.values()]
    checks = [fmt_check, Check(CheckId.PRESENTATION_SIGNATURE, signature.status, signature.message, True)]
    signed = signature.status is PASSED
    checks.append(_challenge(ctx.challenge, [payload["nonce"]] if "nonce" in payload else [], signed))
    checks.append(_domain(ctx.domain, as_list(payload.get("aud")), signed))
    for check_id in (CheckId.JWT_CLAIMS, CheckId.VALIDITY):
        if check_id in token:
            checks.append(token[check_id])
    key_check = token.get(CheckId.ISSUER_KEY, Check(CheckId.ISSUER_KEY, NOT_CHECKED, msg("jose.no_key")))
    items = as_list(vp.get("verifiableCredential"))
    checks.append(_binding(holder, key_check, items))
    if not items:
        checks.append(Check(CheckId.CREDENTIAL, WARNING, msg("presentation.empty"), index=0))
    for i, item in enumerate(items):
        title, report = embedded(item, ctx)
        checks.append(credential_summary(i, title, report))
    return checks
