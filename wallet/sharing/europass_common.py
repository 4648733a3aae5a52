"""What both Europass exports share: which credentials may go, and their fields.

Only credentials that verified (``valid`` or ``valid-with-warnings``) are
exported: a Europass CV is read by employers who will not re-check a
signature, so an unverified claim must not gain credibility by being copied
into one. The rest are refused by name with the reason.

The field helpers read the normalised model (``wallet.model``), so every
format the wallet parses exports the same way.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from wallet.errors import InputError
from wallet.messages import Message, msg, render
from wallet.model import Achievement, Credential, Issuer, Verdict, VerificationReport, pick_lang
from wallet.readout import credential_state

EXPORTABLE = (Verdict.VALID, Verdict.VALID_WITH_WARNINGS)
_CERTIFICATE_WORDS = re.compile(r"certif|licen[cs]e|badge|attestation", re.IGNORECASE)
_GB_GR = {"GB": "UK", "GR": "EL"}  # Europass uses the EU's own codes for these two


@dataclass(frozen=True)
class ExportEntry:
    """One credential with the report it must carry to be exported."""

    credential: Credential
    report: VerificationReport | None


@dataclass(frozen=True)
class Refusal:
    title: str
    message: Message

    @property
    def reason(self) -> str:
        return render(self.message)


def split_exportable(entries: Sequence[ExportEntry], prefs: Sequence[str] = ()) -> tuple[
        tuple[ExportEntry, ...], tuple[Refusal, ...]]:
    """(exportable entries, refusals with reasons) — for the GUI to show both."""
    ok: list[ExportEntry] = []
    refused: list[Refusal] = []
    for entry in entries:
        title = entry.credential.display_title(prefs)
        if entry.report is None:
            refused.append(Refusal(title, msg("europass.unverified")))
        elif entry.report.verdict not in EXPORTABLE:
            readout = credential_state(entry.report)
            refused.append(Refusal(title, msg("europass.refused", state=readout.state.label, reason=readout.reason)))
        else:
            ok.append(entry)
    return tuple(ok), tuple(refused)


def require_exportable(entries: Sequence[ExportEntry], prefs: Sequence[str] = ()) -> tuple[ExportEntry, ...]:
    """All entries if every one verified; otherwise InputError naming each refusal."""
    if not entries:
        raise InputError("choose at least one credential to export")
    ok, refused = split_exportable(entries, prefs)
    if refused:
        lines = "; ".join(f"{r.title!r}: {r.reason}" for r in refused)
        raise InputError(f"only verified credentials can go into a Europass CV — refused {lines}")
    return ok


def text(value: object, prefs: Sequence[str]) -> str:
    """Best-language text of a LangMap (``""`` when missing)."""
    return pick_lang(value, prefs) if isinstance(value, dict) else ""


def main_achievement(cred: Credential) -> Achievement:
    return cred.achievement or Achievement()


def title_of(cred: Credential, prefs: Sequence[str]) -> str:
    return cred.display_title(prefs)


def awarding_body(cred: Credential) -> Issuer:
    ach = cred.achievement
    return ach.awarding_body if ach and ach.awarding_body else cred.issuer


def country_code(issuer: Issuer) -> str | None:
    """ISO 3166 alpha-2 as Europass spells it (UK, EL), or None if not a 2-letter code."""
    code = (issuer.country or "").strip().upper()
    if len(code) != 2 or not code.isalpha():
        return None
    return _GB_GR.get(code, code)


def awarded(cred: Credential) -> datetime | None:
    ach = cred.achievement
    return (ach.awarded_on if ach and ach.awarded_on else None) or cred.issued or cred.valid_from


def iso_date(value: datetime | None) -> str | None:
    return value.date().isoformat() if value else None


def is_certificate(cred: Credential) -> bool:
    """Non-degree certificates go to Certifications, the rest to education."""
    ach = cred.achievement
    kind = " ".join(filter(None, [ach.achievement_type if ach else None, *cred.types]))
    return bool(_CERTIFICATE_WORDS.search(kind)) and not (ach and (ach.credits or ach.eqf_level))


def outcomes_html(cred: Credential, prefs: Sequence[str]) -> str:
    """Learning outcomes and ESCO skills as the escaped-HTML list Europass expects."""
    ach = main_achievement(cred)
    items = [text(lo.title, prefs) for lo in ach.learning_outcomes if text(lo.title, prefs)]
    skills = list(ach.esco_skills)
    if not items and not skills:
        return ""
    parts = [f"<li>{html.escape(i)}</li>" for i in items]
    if skills:
        parts.append("<li>ESCO: " + ", ".join(html.escape(s) for s in skills) + "</li>")
    return "<ul>" + "".join(parts) + "</ul>"


def credential_link(cred: Credential) -> str | None:
    """A URL for the credential when it has one (ids that are http(s) URLs)."""
    cid = cred.id or ""
    return cid if cid.startswith(("https://", "http://")) else None


def number(value: float) -> str:
    return f"{value:g}"


def learner_names(entries: Sequence[ExportEntry], prefs: Sequence[str]) -> tuple[str, str]:
    """(given, family) from the first credential that names the learner.

    Some credentials (OB 3.0 with a DID subject) carry no name at all, so all
    selected ones are looked at; a lone full name is split at its last space.
    """
    for entry in entries:
        subject = entry.credential.subject
        given, family = text(subject.given_name, prefs), text(subject.family_name, prefs)
        if not given and not family:
            full = text(subject.name, prefs).split()
            given, family = (" ".join(full[:-1]), full[-1]) if len(full) > 1 else ("", "".join(full))
        if given or family:
            return given, family
    return "", ""
