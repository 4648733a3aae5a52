"""Verifying a bundle someone sent: a file's bytes or a share link.

Presentation verification itself (holder signature, authentication purpose,
challenge, domain, expiry, holder binding, each embedded credential) is the
verification engine's (``wallet.verify.presentation``). This module accepts
what a recipient actually has — a ``.vp.json`` file, pasted JSON, or a
``wallet:/open#v=1&b=…`` link — and keeps each embedded credential together
with its own report, so the GUI and the CLI can say, per credential, "Issued
by X — verified — not revoked — not expired — belongs to the presenter".
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from wallet.errors import InputError
from wallet.messages import msg, render
from wallet.model import CheckId, CheckStatus, Credential, CredentialFormat, Verdict, VerificationReport, pick_lang
from wallet.readout import BundleReadout, ItemView, bundle_headline, credential_state
from wallet.sharing import summary
from wallet.sharing.link import MAX_DECOMPRESSED, decode_link
from wallet.verify import engine
from wallet.verify.context import VerificationContext
from wallet.verify.deadline import input_budget
from wallet.verify.presentation import presentation_checks


@dataclass(frozen=True)
class ReceivedCredential:
    """One embedded credential: parsed (None if unreadable) and its own report."""

    index: int
    credential: Credential | None
    report: VerificationReport


@dataclass(frozen=True)
class ReceivedBundle:
    """A verified (or not) presentation and each of its credentials."""

    raw: bytes = field(repr=False)
    presentation: Credential | None
    report: VerificationReport
    credentials: tuple[ReceivedCredential, ...]
    holder: str | None
    challenge: str | None
    domain: str | None
    expires: str | None
    from_link: bool

    @property
    def verdict(self) -> Verdict:
        """The presentation's verdict (it already folds in every credential's)."""
        return self.report.verdict

    def items(self, prefs: Sequence[str] = ()) -> list[ItemView]:
        return [ItemView(c.credential.display_title(prefs) if c.credential else "?", c.report,
                         summary.belongs(c.credential, self.holder)) for c in self.credentials]

    def presenter_name(self, prefs: Sequence[str] = ()) -> str:
        """The presenter by the name their own credentials give them; never by a key identifier."""
        for item in self.credentials:
            if item.credential is not None and summary.belongs(item.credential, self.holder):
                subject = item.credential.subject
                name = pick_lang(subject.name, prefs) or " ".join(
                    x for x in (pick_lang(subject.given_name, prefs), pick_lang(subject.family_name, prefs)) if x)
                if name:
                    return name
        return ""

    @property
    def readout(self) -> BundleReadout:
        """The recipient's headline and its reasons (:func:`wallet.readout.bundle_headline`)."""
        return bundle_headline(self.report, self.items())

    def summary_lines(self, prefs: Sequence[str] = (), langs: Sequence[str] = ("en",)) -> tuple[str, ...]:
        """Short sentences for a non-expert, most important first: the headline, then why."""
        readout = bundle_headline(self.report, self.items(prefs))
        count = len(self.credentials)
        lines = [render(msg("bundle.headline", headline=readout.headline.label, count=count), langs)]
        lines += [render(reason, langs) for reason in readout.reasons]
        sig = self.report.check(CheckId.PRESENTATION_SIGNATURE)
        who = self.presenter_name(prefs) or render(msg("bundle.unnamed_holder"), langs)
        if sig is not None and sig.status is CheckStatus.PASSED:
            lines.append(render(msg("bundle.presented_by_ok", holder=who), langs))
        elif sig is not None:
            lines.append(render(msg("bundle.presented_by", holder=who, reason=sig.message), langs))
        if self.expires:
            lines.append(render(msg("bundle.accepted_until", until=self.expires), langs))
        for item in self.credentials:
            lines.append(summary.credential_line(item.credential, item.report, holder=self.holder, prefs=prefs,
                                                 langs=langs))
        lines.append(summary.as_of_line(self.report, langs))
        return tuple(lines)

    def to_json(self) -> dict[str, Any]:
        readout = self.readout
        return {
            "verdict": self.verdict.value,
            "headline": readout.headline.value,
            "reasons": [r.to_json() for r in readout.reasons],
            "holder": self.holder,
            "challenge": self.challenge,
            "domain": self.domain,
            "expires": self.expires,
            "from_link": self.from_link,
            "presentation": self.report.to_json(),
            "credentials": [
                {
                    "index": c.index,
                    "title": c.credential.display_title() if c.credential else None,
                    "id": c.credential.id if c.credential else None,
                    "format": c.report.format.value,
                    "verdict": c.report.verdict.value,
                    "state": credential_state(c.report).state.value,
                    "summary": summary.credential_line(c.credential, c.report, holder=self.holder),
                    "report": c.report.to_json(),
                }
                for c in self.credentials
            ],
            "summary": list(self.summary_lines()),
        }


def bundle_bytes(data: bytes | str) -> tuple[bytes, bool]:
    """The presentation bytes from file content or a link, and whether it was a link."""
    if isinstance(data, str):
        text = data.strip()
        if text.startswith("{"):
            try:
                return text.encode("utf-8"), False
            except UnicodeEncodeError as exc:  # a command-line argument with undecodable bytes
                raise InputError("this bundle is not valid Unicode text") from exc
        return decode_link(text), True
    stripped = data.lstrip()
    if stripped.startswith(b"{"):
        if len(data) > MAX_DECOMPRESSED:
            raise InputError(f"this bundle is {len(data):,} bytes; bundles over 4 MiB are refused")
        return data, False
    try:
        text = data.decode("ascii").strip()
    except UnicodeDecodeError as exc:
        raise InputError("this is neither a bundle (JSON) nor a share link") from exc
    return decode_link(text), True


def _proof_value(doc: dict[str, Any], name: str) -> str | None:
    proof = doc.get("proof")
    proofs = proof if isinstance(proof, list) else [proof]
    for p in proofs:
        if isinstance(p, dict) and isinstance(p.get(name), str):
            return str(p[name])
    return None


def verify_received(data: bytes | str, ctx: VerificationContext) -> ReceivedBundle:
    """Open and verify a received bundle; InputError only when it is not a bundle at all."""
    with input_budget():  # the presentation and every credential in it share one time budget
        return _verify_received(data, ctx)


def _verify_received(data: bytes | str, ctx: VerificationContext) -> ReceivedBundle:
    raw, from_link = bundle_bytes(data)
    presentation = engine.parse_bytes(raw)
    if presentation.format is not CredentialFormat.VP_LDP or not isinstance(presentation.document, dict):
        raise InputError(
            f"this is a single {presentation.format.value} credential, not a bundle; "
            "check it with `wallet verify FILE`"
        )
    doc: dict[str, Any] = presentation.document
    received: list[ReceivedCredential] = []

    def embedded(item: Any, ctx_: VerificationContext) -> tuple[str, VerificationReport]:
        # Same as engine.verify_embedded, but keeps the parsed credential for display.
        raw_item = item.encode("utf-8") if isinstance(item, str) else \
            json.dumps(item, ensure_ascii=False).encode("utf-8")
        cred, report = engine.verify_bytes(raw_item, ctx_)
        received.append(ReceivedCredential(len(received), cred, report))
        return (cred.display_title() if cred else "(unreadable)"), report

    checks = [engine.format_check(CredentialFormat.VP_LDP), *presentation_checks(doc, ctx, embedded)]
    report = VerificationReport(format=CredentialFormat.VP_LDP, checks=tuple(checks), as_of=ctx.now)
    holder = doc.get("holder")
    if isinstance(holder, dict):
        holder = holder.get("id")
    return ReceivedBundle(
        raw=raw,
        presentation=presentation,
        report=report,
        credentials=tuple(received),
        holder=holder if isinstance(holder, str) else None,
        challenge=_proof_value(doc, "challenge"),
        domain=_proof_value(doc, "domain"),
        expires=_proof_value(doc, "expires"),
        from_link=from_link,
    )

