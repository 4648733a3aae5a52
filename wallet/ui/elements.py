"""The standard elements of a credential as HTML, in one or two languages.

The labels are the Annex I elements of the EU Council Recommendation on
micro-credentials, in the same order as the CLI's ``wallet show`` (see
``wallet.display``), translated for the UI. Missing elements say "not
stated" instead of disappearing: their absence is information for a
recognition officer. With a second language the values stand side by side,
which is what a migrant shows a clerk abroad.

All credential text is HTML-escaped: it comes from strangers.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QCoreApplication

from wallet.model import Achievement, Credential, Issuer, pick_lang


def _not_stated() -> str:
    return QCoreApplication.translate("Elements", "not stated")


def _issuer(issuer: Issuer | None, langs: Sequence[str]) -> str:
    if issuer is None:
        return ""
    name = pick_lang(issuer.name, langs) or issuer.id or ""
    return f"{name} ({issuer.country})" if name and issuer.country else name


def _num(value: float) -> str:
    return f"{value:g}"


def _workload(a: Achievement) -> str:
    parts = []
    if a.credits is not None:
        unit = a.credit_framework or QCoreApplication.translate("Elements", "credits")
        parts.append(f"{_num(a.credits)} {unit}")
    if a.volume_of_learning_hours is not None:
        parts.append(QCoreApplication.translate("Elements", "%1 hours").replace("%1", _num(a.volume_of_learning_hours)))
    return ", ".join(parts)


def credential_rows(cred: Credential, langs: Sequence[str]) -> list[tuple[str, str]]:
    subject = cred.subject
    learner = pick_lang(subject.name, langs) or " ".join(
        x for x in (pick_lang(subject.given_name, langs), pick_lang(subject.family_name, langs)) if x)
    date = cred.issued or cred.valid_from
    return [
        (QCoreApplication.translate("Elements", "Credential"), cred.display_title(langs)),
        (QCoreApplication.translate("Elements", "Learner"), learner or subject.id or ""),
        (QCoreApplication.translate("Elements", "Issuer"), _issuer(cred.issuer, langs)),
        (QCoreApplication.translate("Elements", "Country of issuer"), cred.issuer.country or ""),
        (QCoreApplication.translate("Elements", "Date of issue"), date.date().isoformat() if date else ""),
        (QCoreApplication.translate("Elements", "Valid until"),
         cred.valid_until.date().isoformat() if cred.valid_until
         else QCoreApplication.translate("Elements", "no expiry stated")),
        (QCoreApplication.translate("Elements", "Format"),
         cred.format.value + (f" ({cred.container.value})" if cred.container.value != "none" else "")),
        (QCoreApplication.translate("Elements", "Languages"), ", ".join(cred.languages)),
    ]


def achievement_rows(a: Achievement, langs: Sequence[str]) -> list[tuple[str, str]]:
    outcomes = [pick_lang(lo.title, langs) for lo in a.learning_outcomes if lo.title]
    skills = sorted(set(a.esco_skills) | {s for lo in a.learning_outcomes for s in lo.esco_skills})
    level = f"EQF {a.eqf_level}" if a.eqf_level is not None else ""
    if a.nqf_level:
        level = f"{level}, NQF {a.nqf_level}" if level else f"NQF {a.nqf_level}"
    stack = pick_lang(a.stackability, langs)
    if not stack and a.is_partial_qualification:
        stack = QCoreApplication.translate("Elements", "partial qualification")
    if not stack and a.parts:
        stack = QCoreApplication.translate("Elements", "%1 part(s)").replace("%1", str(len(a.parts)))
    return [
        (QCoreApplication.translate("Elements", "Title"), pick_lang(a.title, langs)),
        (QCoreApplication.translate("Elements", "Description"), pick_lang(a.description, langs)),
        (QCoreApplication.translate("Elements", "Awarding body"), _issuer(a.awarding_body, langs)),
        (QCoreApplication.translate("Elements", "Learning outcomes"), "\n".join(outcomes)),
        (QCoreApplication.translate("Elements", "ESCO skills"), "\n".join(skills)),
        (QCoreApplication.translate("Elements", "Workload (ECTS / volume)"), _workload(a)),
        (QCoreApplication.translate("Elements", "EQF / NQF level"), level),
        (QCoreApplication.translate("Elements", "Type of assessment"), pick_lang(a.assessment_type, langs)),
        (QCoreApplication.translate("Elements", "Form of participation"), pick_lang(a.participation_mode, langs)),
        (QCoreApplication.translate("Elements", "Quality assurance"), pick_lang(a.quality_assurance, langs)),
        (QCoreApplication.translate("Elements", "Prerequisites"), pick_lang(a.entry_requirements, langs)),
        (QCoreApplication.translate("Elements", "Identity verification"), pick_lang(a.id_verification, langs)),
        (QCoreApplication.translate("Elements", "Grade"), a.grade or ""),
        (QCoreApplication.translate("Elements", "Criteria"), pick_lang(a.criteria, langs)),
        (QCoreApplication.translate("Elements", "Integration / stackability"), stack),
        (QCoreApplication.translate("Elements", "Thematic area"), ", ".join(a.thematic_area)),
        (QCoreApplication.translate("Elements", "Awarded on"), a.awarded_on.date().isoformat() if a.awarded_on else ""),
    ]


def _cell(value: str) -> str:
    if not value:
        return f"<i>{escape(_not_stated())}</i>"
    return escape(value).replace("\n", "<br>")


def _table(columns: Sequence[list[tuple[str, str]]], heads: Sequence[str] = ()) -> str:
    rows = []
    if heads:
        cells = "".join(f"<th align='left' style='padding:2px 10px 2px 0'>{escape(h)}</th>" for h in heads)
        rows.append(f"<tr><th></th>{cells}</tr>")
    width = 30 if len(columns) == 1 else 24
    for i, (label, _value) in enumerate(columns[0]):
        cells = "".join(f"<td valign='top' style='padding:2px 10px 2px 0'>{_cell(col[i][1])}</td>" for col in columns)
        rows.append(f"<tr><th align='left' valign='top' width='{width}%' style='padding:2px 12px 2px 0'>"
                    f"{escape(label)}</th>{cells}</tr>")
    return "<table width='100%' cellspacing='0'>" + "".join(rows) + "</table>"


def to_html(cred: Credential, langs: Sequence[str], second: Sequence[str] | None = None) -> str:
    """Every element; with ``second`` the values in a second language side by side."""
    prefs = [tuple(langs)] + ([tuple(second)] if second else [])
    parts = []
    heads = [p[0] for p in prefs] if second else []
    parts.append(_table([credential_rows(cred, p) for p in prefs], heads))
    for n, ach in enumerate(cred.achievements):
        heading = QCoreApplication.translate("Elements", "Achievement %1").replace("%1", str(n + 1))
        parts.append(f"<h3>{escape(heading)}</h3>")
        parts.append(_table([achievement_rows(ach, p) for p in prefs], heads))
        if ach.parts:
            items = []
            for part in ach.parts:
                unit = part.credit_framework or QCoreApplication.translate("Elements", "credits")
                credit = f" — {_num(part.credits)} {unit}" if part.credits else ""
                items.append("<li>" + escape(pick_lang(part.title, prefs[0]) or _not_stated()) + escape(credit) + "</li>")
            parts_label = QCoreApplication.translate("Elements", "Parts")
            parts.append(f"<p><b>{escape(parts_label)}</b></p><ul>{''.join(items)}</ul>")
    return "".join(parts)
