"""A credential as HTML: the human summary, every Annex I element, the checks, the technical details.

The rows and their labels are the core's (:mod:`wallet.elements`, the one
Annex I table also behind ``wallet show`` and the PDF); this module only lays
them out. The view starts with a short summary a learner can read in a
few seconds (what, who, when, how much, which level and what it means). With
a second language the values stand side by side, which is what a migrant
shows a clerk abroad: each column in its own language, labels in both, and a
value the credential does not have in a column's language marked "not
available in <language>" rather than silently shown in another.

All credential text is HTML-escaped: it comes from strangers.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QCoreApplication

from wallet.claim_words import claim_words
from wallet.elements import ElementRow, Value, achievement_rows, credential_rows, part_lines
from wallet.formats.sd_jwt import json_text
from wallet.formats.sd_jwt_view import claim_rows
from wallet.messages import msg, render, technical_details
from wallet.model import Credential, VerificationReport
from wallet.ui.i18n import say

_PAD = "padding:3px 12px 3px 0"



def _label(row: ElementRow, heads: Sequence[str]) -> str:
    """The row's label in each column's language ("Title / Naziv"), or the UI's language alone."""
    if len(heads) <= 1:
        return escape(say(row.label))
    return "<br>".join(escape(text) for text in dict.fromkeys(render(row.label, (h,)) for h in heads))


def _cell(value: Value, lang: str) -> str:
    if not value.text:
        return f"<i>{escape(say(msg('element.not_stated')))}</i>"
    text = escape(value.text).replace("\n", "<br>")
    if not value.exact:
        marker = render(msg("element.not_in_language", lang=lang), (lang,)) if lang else ""
        text += f"<br><small><i>({escape(marker)})</i></small>"
    return text


def _heading(lang: str) -> str:
    name = render(msg("language.name", code=lang), (lang,))
    return name[:1].upper() + name[1:]


def _table(rows: Sequence[ElementRow], heads: Sequence[str] = ()) -> str:
    out = []
    if len(heads) > 1:
        cells = "".join(f"<th align='left' style='{_PAD}'>{escape(_heading(h))}</th>" for h in heads)
        out.append(f"<tr><th></th>{cells}</tr>")
    width = 28 if len(heads) <= 1 else 22
    for row in rows:
        if row.shared or len(heads) <= 1:
            cells = f"<td valign='top' colspan='{max(len(heads), 1)}' style='{_PAD}'>" \
                    f"{_cell(row.values[0], heads[0] if heads else '')}</td>"
        else:
            cells = "".join(f"<td valign='top' style='{_PAD}'>{_cell(v, lang)}</td>"
                            for v, lang in zip(row.values, heads, strict=True))
        out.append(f"<tr><th align='left' valign='top' width='{width}%' style='{_PAD}'>"
                   f"{_label(row, heads)}</th>{cells}</tr>")
    return "<table width='100%' cellspacing='0'>" + "".join(out) + "</table>"


def summary_html(cred: Credential, langs: Sequence[str], holder: str | None = None) -> str:
    """What, to whom, by whom, when, how much and which level, in a few lines (the start of the detail view).

    ``langs`` is the reader's: the UI's language first, so the words around the
    credential's text (dates, "you", credits and hours, the EQF meaning) are the
    reader's, and the credential's own text is in that language where it has it.
    """
    column = [tuple(langs)]
    rows = {r.key: r.values[0].text for r in credential_rows(cred, column, holder)}
    ach = cred.achievement
    if ach is not None:
        rows.update({f"a.{r.key}": r.values[0].text
                     for r in achievement_rows(ach, column, declared=cred.languages)})
    lines = []

    def add(label: str, value: str) -> None:
        if value:
            lines.append(f"<tr><th align='left' valign='top' style='{_PAD}'>{escape(label)}</th>"
                         f"<td valign='top' style='{_PAD}'>{escape(value).replace(chr(10), '<br>')}</td></tr>")

    add(QCoreApplication.translate("Elements", "What"), rows.get("a.title") or rows.get("credential", ""))
    add(QCoreApplication.translate("Elements", "Awarded to"), rows.get("learner", ""))
    add(QCoreApplication.translate("Elements", "Awarded by"), rows.get("a.awarding_body") or rows.get("issuer", ""))
    when = []
    issued = rows.get("a.awarded_on") or rows.get("issued", "")
    if issued:
        when.append(QCoreApplication.translate("Elements", "issued %1").replace("%1", issued))
    if rows.get("valid_until"):
        when.append(QCoreApplication.translate("Elements", "valid until %1").replace("%1", rows["valid_until"]))
    add(QCoreApplication.translate("Elements", "When"), ", ".join(when))
    add(QCoreApplication.translate("Elements", "How much"), rows.get("a.workload", ""))
    add(QCoreApplication.translate("Elements", "Level"), rows.get("a.level", ""))
    if not lines:
        return ""
    return f"<table cellspacing='0' style='margin-bottom:8px'>{''.join(lines)}</table><hr>"


def to_html(cred: Credential, langs: Sequence[str], second: Sequence[str] | None = None,
            holder: str | None = None, reader: Sequence[str] | None = None) -> str:
    """The summary (in the ``reader``'s languages), then every element in ``langs``; with ``second`` the
    values in a second language side by side."""
    columns = [tuple(langs)] + ([tuple(second)] if second else [])
    heads = [c[0] for c in columns]
    parts = [summary_html(cred, reader or langs, holder), _table(credential_rows(cred, columns, holder), heads)]
    for n, ach in enumerate(cred.achievements):
        title = dict.fromkeys(render(msg("element.achievement", number=n + 1), (h,)) for h in heads)
        parts.append(f"<h3>{escape(' / '.join(title))}</h3>")
        parts.append(_table(achievement_rows(ach, columns, f"achievement[{n}]", cred.languages), heads))
        lines = part_lines(ach, columns[0])
        if lines:
            items = "".join(f"<li>{escape(line)}</li>" for line in lines)
            parts.append(f"<p><b>{escape(say(msg('element.part_list')))}</b></p><ul>{items}</ul>")
    parts.append(claims_html(cred))
    return "".join(parts)


def checks_html(report: VerificationReport | None) -> str:
    """Each check in plain words: its name, its result and why (wraps at any width; nothing is cut)."""
    if report is None:
        text = QCoreApplication.translate("Elements", "This credential has not been verified yet.")
        return f"<p>{escape(text)}</p>"
    out = ["<table width='100%' cellspacing='0'>"]
    marks = {"passed": "✓", "failed": "✗", "warning": "!", "not-checked": "–"}
    order = {"failed": 0, "warning": 1, "not-checked": 2, "passed": 3}  # what needs attention first
    for check in sorted(report.checks, key=lambda c: order.get(c.status.value, 4)):
        name = say(msg("check.label", id=check.id.value)) + (f" {check.index + 1}" if check.index is not None else "")
        status = say(msg("status.label", status=check.status.value))
        essential = " *" if check.essential else ""
        out.append(f"<tr><td valign='top' style='{_PAD}'><b>{marks.get(check.status.value, '')}</b></td>"
                   f"<td valign='top' style='{_PAD}'><b>{escape(name)}{essential}</b> — {escape(status)}<br>"
                   f"{escape(say(check.message))}</td></tr>")
    out.append("</table>")
    return "".join(out)


def technical_html(cred: Credential | None, report: VerificationReport | None, langs: Sequence[str],
                   extra: Sequence[tuple[str, str]] = ()) -> str:
    """Everything a plain view leaves out: check ids and message parameters, suites, keys, raw values."""
    out = []
    if extra:
        out.append("<table cellspacing='0'>" + "".join(
            f"<tr><th align='left' valign='top' style='{_PAD}'>{escape(k)}</th><td><code>{escape(v)}</code></td></tr>"
            for k, v in extra) + "</table>")
    essential = " (" + escape(QCoreApplication.translate("Elements", "essential")) + ")"
    if report is not None:
        out.append(f"<p><code>format={escape(report.format.value)} verdict={escape(report.verdict.value)} "
                   f"as_of={escape(report.as_of.isoformat())}"
                   + (f" trust_snapshot={escape(report.trust_snapshot)}" if report.trust_snapshot else "")
                   + "</code></p><ul>")
        for check in report.checks:
            params = "".join(f"<br>&nbsp;&nbsp;{escape(k)}: <code>{escape(v)}</code>"
                             for k, v in technical_details(check.message, langs))
            out.append(f"<li><code>{escape(check.name)}</code> {escape(check.status.value)}"
                       f"{essential if check.essential else ''} — <code>{escape(check.message.id)}</code>"
                       f"{params}</li>")
        out.append("</ul>")
    if cred is not None:
        raw = [(say(r.label), r.raw) for r in credential_rows(cred, [tuple(langs)]) if r.raw]
        for n, ach in enumerate(cred.achievements):
            raw += [(f"{say(r.label)} ({n + 1})", r.raw)
                    for r in achievement_rows(ach, [tuple(langs)], f"achievement[{n}]") if r.raw]
        if raw:
            out.append("<table cellspacing='0'>" + "".join(
                f"<tr><th align='left' valign='top' style='{_PAD}'>{escape(k)}</th>"
                f"<td><code>{escape(v).replace(chr(10), '<br>')}</code></td></tr>" for k, v in raw) + "</table>")
    return "".join(out)


def claims_html(cred: Credential) -> str:
    """An SD-JWT's disclosed claims, each marked when the holder may leave it out (empty for other formats)."""
    rows = claim_rows(cred)
    if not rows:
        return ""
    marker = escape(say(msg("element.disclosable")))
    out = []
    for row in rows:
        flag = f"<i>{marker}</i>" if row.disclosable else ""
        out.append(f"<tr><th align='left' valign='top' style='padding:2px 12px 2px 0'>{escape(say(claim_words(row.path)))}</th>"
                   f"<td valign='top' style='padding:2px 10px 2px 0'>{escape(json_text(row.value))}</td>"
                   f"<td valign='top'>{flag}</td></tr>")
    return (f"<h3>{escape(say(msg('element.claims')))}</h3><table width='100%' cellspacing='0'>{''.join(out)}</table>"
            f"<p><small>{escape(say(msg('element.claims_note')))}</small></p>")
