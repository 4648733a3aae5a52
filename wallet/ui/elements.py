"""The standard elements of a credential as HTML, in one or two languages.

The rows and their labels are the core's (:mod:`wallet.elements`, the one
Annex I table also behind ``wallet show`` and the PDF); this module only lays
them out. With a second language the values stand side by side, which is
what a migrant shows a clerk abroad, and a value the credential does not
have in a column's language is marked "not available in <language>" rather
than silently shown in another.

All credential text is HTML-escaped: it comes from strangers.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from wallet.elements import ElementRow, Value, achievement_rows, credential_rows, part_lines
from wallet.formats.sd_jwt import json_text
from wallet.formats.sd_jwt_view import claim_rows
from wallet.messages import msg
from wallet.model import Credential
from wallet.ui.i18n import say


def _cell(value: Value, lang: str) -> str:
    if not value.text:
        return f"<i>{escape(say(msg('element.not_stated')))}</i>"
    text = escape(value.text).replace("\n", "<br>")
    if not value.exact:
        text += f"<br><small><i>({escape(say(msg('element.not_in_language', lang=lang)))})</i></small>"
    return text


def _table(rows: Sequence[ElementRow], heads: Sequence[str] = ()) -> str:
    out = []
    if heads:
        cells = "".join(f"<th align='left' style='padding:2px 10px 2px 0'>{escape(say(msg('language.name', code=h)))}</th>"
                        for h in heads)
        out.append(f"<tr><th></th>{cells}</tr>")
    width = 30 if len(heads) <= 1 else 24
    for row in rows:
        if row.shared or len(heads) <= 1:
            cells = f"<td valign='top' colspan='{max(len(heads), 1)}' style='padding:2px 10px 2px 0'>" \
                    f"{_cell(row.values[0], heads[0] if heads else '')}</td>"
        else:
            cells = "".join(f"<td valign='top' style='padding:2px 10px 2px 0'>{_cell(v, lang)}</td>"
                            for v, lang in zip(row.values, heads, strict=True))
        out.append(f"<tr><th align='left' valign='top' width='{width}%' style='padding:2px 12px 2px 0'>"
                   f"{escape(say(row.label))}</th>{cells}</tr>")
    return "<table width='100%' cellspacing='0'>" + "".join(out) + "</table>"


def to_html(cred: Credential, langs: Sequence[str], second: Sequence[str] | None = None) -> str:
    """Every element; with ``second`` the values in a second language side by side."""
    columns = [tuple(langs)] + ([tuple(second)] if second else [])
    heads = [c[0] for c in columns] if second else []
    parts = [_table(credential_rows(cred, columns), heads)]
    for n, ach in enumerate(cred.achievements):
        parts.append(f"<h3>{escape(say(msg('element.achievement', number=n + 1)))}</h3>")
        parts.append(_table(achievement_rows(ach, columns, f"achievement[{n}]"), heads))
        lines = part_lines(ach, columns[0])
        if lines:
            items = "".join(f"<li>{escape(line)}</li>" for line in lines)
            parts.append(f"<p><b>{escape(say(msg('element.part_list')))}</b></p><ul>{items}</ul>")
    parts.append(claims_html(cred))
    return "".join(parts)


def claims_html(cred: Credential) -> str:
    """An SD-JWT's disclosed claims, each marked when the holder may leave it out (empty for other formats)."""
    rows = claim_rows(cred)
    if not rows:
        return ""
    marker = escape(say(msg("element.disclosable")))
    out = []
    for row in rows:
        flag = f"<i>{marker}</i>" if row.disclosable else ""
        out.append(f"<tr><th align='left' valign='top' style='padding:2px 12px 2px 0'>{escape(row.label)}</th>"
                   f"<td valign='top' style='padding:2px 10px 2px 0'>{escape(json_text(row.value))}</td>"
                   f"<td valign='top'>{flag}</td></tr>")
    return (f"<h3>{escape(say(msg('element.claims')))}</h3><table width='100%' cellspacing='0'>{''.join(out)}</table>"
            f"<p><small>{escape(say(msg('element.claims_note')))}</small></p>")
