"""Step 2 of presenting: build the answer the user agreed to, record it, post it, and report what came back.

The order is chosen so that a failure never leaves a disclosure unrecorded
and nothing half-built is sent:

1. the choice is checked against the request (:func:`wallet.oid4vp.choice.check_choice`)
   and the request must not have expired while the user read the consent screen;
2. every presentation is built and signed, and for ``direct_post.jwt`` the
   whole answer encrypted to the verifier's key, **before** anything leaves
   the wallet: an error here sends nothing;
3. a history row (``sending``: who, which credentials, which claims) is written;
4. the form is posted to the checked ``response_uri`` (no redirect followed);
5. the row gets the verifier's answer: ``accepted`` (HTTP 200), ``rejected``
   (another status) or ``failed`` (not delivered).

The verifier may answer with a ``redirect_uri`` for the user's browser; it is
returned for the front end to *show* (and open only when the user asks).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from wallet.app.keys import KeyVault
from wallet.app.presenting.build import build
from wallet.app.presenting.inspect import PresentationSummary
from wallet.errors import InputError, UsageError, WalletError
from wallet.messages import Message, msg
from wallet.oid4vp.choice import Choice, check_choice
from wallet.oid4vp.response import Presentation, encryption_plan, form, vp_token
from wallet.online.http import OnlineClient
from wallet.online.oid4vp import VerifierAnswer, post_response


class PresentVault(KeyVault, Protocol):
    """A vault with the presentation history (``wallet.storage.Vault``, schema 4 and later)."""

    def add_presentation(self, id: str, verifier: str, verified: bool, data: dict[str, Any]) -> None: ...
    def finish_presentation(self, id: str, outcome: str, answer: dict[str, Any]) -> None: ...


@dataclass(frozen=True)
class PresentOutcome:
    """What happened: the history row, and the verifier's answer."""

    record_id: str
    answer: VerifierAnswer
    disclosed: tuple[dict[str, Any], ...]

    @property
    def accepted(self) -> bool:
        return self.answer.accepted

    @property
    def redirect_uri(self) -> str | None:
        return self.answer.redirect_uri

    def message(self) -> Message:
        if self.accepted:
            return msg("present.accepted")
        return msg("present.rejected", status=self.answer.status, error=self.answer.error or "",
                   detail=self.answer.description or "")

    def to_json(self) -> dict[str, Any]:
        return {"record": self.record_id, "accepted": self.accepted, "status": self.answer.status,
                "error": self.answer.error, "error_description": self.answer.description,
                "redirect_uri": self.answer.redirect_uri, "disclosed": list(self.disclosed)}


def _paths(summary: PresentationSummary, query_id: str, credential_id: str) -> tuple[tuple[str | int, ...], ...]:
    for m in summary.result.result(query_id).matches:
        if m.candidate.id == credential_id:
            return m.paths
    raise UsageError(f"the credential {credential_id} does not answer the query {query_id}")


def _check_accepted(metadata: Any, fmt: str, key: Any, title: str) -> None:
    """The verifier's ``vp_formats_supported`` must take the format and the algorithm or suite the key signs with."""
    from wallet.app.presenting.build import suite_for
    from wallet.verify.jose import ALGORITHMS_FOR_KEY, key_type

    alg = ALGORITHMS_FOR_KEY[key_type(key)][0]
    fine = metadata.accepts(fmt) and (metadata.accepts_cryptosuite(suite_for(key)) if fmt == "ldp_vc"
                                      else metadata.accepts_alg(fmt, alg))
    if not fine:
        raise InputError(f"The verifier does not accept {title} as this wallet can sign it ({fmt}, {alg}); "
                         "nothing was sent.", message=msg("present.format_not_accepted", title=title, fmt=fmt))


def prepare(summary: PresentationSummary, choice: Choice, vault: KeyVault, *,
            now: datetime) -> tuple[dict[str, list[Presentation]], list[dict[str, Any]]]:
    """Steps 1 and 2 of the module docstring: the signed presentations and what each discloses."""
    problem = check_choice(summary.result, choice)
    if problem is not None:
        raise UsageError("This choice does not answer the request; nothing was sent.", message=problem)
    request = summary.request
    if request.expires_at is not None and request.expires_at < now:
        raise InputError("The request expired while it was open; nothing was sent. Ask the verifier for a new one.",
                         message=msg("present.expired_while_open"))
    presentations: dict[str, list[Presentation]] = {}
    disclosed: list[dict[str, Any]] = []
    for query_id, ids in choice.items():
        for credential_id in ids:
            holding = summary.holdings[credential_id]
            paths = _paths(summary, query_id, credential_id)
            if holding.kid is None:
                raise InputError(f"{holding.candidate.title} is not bound to a key of this wallet, so it cannot be "
                                 "presented; nothing was sent.",
                                 message=msg("present.miss_binding", title=holding.candidate.title))
            key = vault.holder_signing_key(holding.kid)
            _check_accepted(request.client_metadata, holding.candidate.format, key, holding.candidate.title)
            presentations.setdefault(query_id, []).append(
                build(holding, paths, key, client_id=request.client_id, nonce=request.nonce, now=now))
            whole = holding.candidate.format != "dc+sd-jwt"
            disclosed.append({"query": query_id, "credential": credential_id, "title": holding.candidate.title,
                              "format": holding.candidate.format,
                              "claims": "everything" if whole else [list(p) for p in paths]})
    return presentations, disclosed


def send(summary: PresentationSummary, choice: Choice | None = None, *, vault: PresentVault,
         client: OnlineClient, now: datetime | None = None) -> PresentOutcome:
    """Build, record, post (see the module docstring). ``choice`` defaults to the summary's best match."""
    when = now or datetime.now(UTC)
    chosen: Mapping[str, tuple[str, ...]] = summary.choice if choice is None else choice
    presentations, disclosed = prepare(summary, chosen, vault, now=when)
    request = summary.request
    encrypt_to = encryption_plan(request.client_metadata) if request.encrypted else None
    fields = form(vp_token(presentations), request.state, encrypt_to=encrypt_to)
    record_id = f"urn:uuid:{uuid.uuid4()}"
    vault.add_presentation(record_id, request.client_id, summary.verified, {
        "verifier": summary.verifier, "verifier_name": summary.verifier_name, "client_id": request.client_id,
        "signed": request.identity.signed, "certificate": request.identity.subject,
        "response_uri": request.response_uri, "response_mode": request.response_mode,
        "credentials": disclosed})
    try:
        answer = post_response(client, request.response_uri, fields)
    except WalletError as exc:  # not delivered (network, size, TLS): the row says so
        vault.finish_presentation(record_id, "failed", {"error": str(exc)[:500]})
        raise
    vault.finish_presentation(record_id, "accepted" if answer.accepted else "rejected",
                              {"status": answer.status, "error": answer.error, "description": answer.description,
                               "redirect_uri": answer.redirect_uri})
    return PresentOutcome(record_id, answer, tuple(disclosed))
