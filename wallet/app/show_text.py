"""A credential as aligned plain text in the reader's language (``wallet show``, ``wallet verify``).

The element rows come from :mod:`wallet.elements` (the one Annex I table),
the checks' reasons from the message catalogue, and the headline state from
:mod:`wallet.readout`, so the terminal says what the app and the PDF say.
"""

from __future__ import annotations

from collections.abc import Sequence

from wallet.claim_words import claim_words
from wallet.elements import ElementRow, achievement_rows, credential_rows, part_lines
from wallet.formats.sd_jwt import json_text
from wallet.formats.sd_jwt_view import claim_rows
from wallet.messages import msg, render, technical_details
from wallet.model import Credential, VerificationReport
from wallet.readout import credential_state


def _block(rows: Sequence[ElementRow], langs: Sequence[str], indent: str = "", technical: bool = False) -> list[str]:
    labels = [render(r.label, langs) for r in rows]
    width = max(len(label) for label in labels)
    not_stated = render(msg("element.not_stated"), langs)
    lines = []
    for label, row in zip(labels, rows, strict=True):
        value = row.values[0] if row.values else None
        text = value.text.replace("\n", "; ") if value and value.text else not_stated
        if value and value.text and not value.exact:
            text += f" ({render(msg('element.not_in_language', lang=langs[0]), langs)})"
        if technical and row.raw:
            text += f"  [{row.raw.replace(chr(10), ', ')}]"
        lines.append(f"{indent}{label:<{width}}  {text}")
    return lines


def report_lines(report: VerificationReport, langs: Sequence[str], technical: bool = False) -> list[str]:
    """The state, then one line per check (status, name, reason), optionally with technical detail."""
    readout = credential_state(report)
    state = render(readout.state.label, langs)
    when = render(msg("summary.as_of", when=report.as_of), langs)
    lines = [f"{render(msg('report.state'), langs)}: {state} — {when}"]
    if report.trust_snapshot:
        lines.append("  " + render(msg("seal.note.as_of", date=report.trust_snapshot), langs))
    for check in report.checks:
        name = render(msg("check.label", id=check.id.value), langs)
        if check.index is not None:
            name = f"{name} {check.index + 1}"
        status = render(msg("status.label", status=check.status.value), langs)
        lines.append(f"  [{status}] {name}: {check.text(langs)}")
        if technical:
            lines.extend(f"      {key}: {value}" for key, value in technical_details(check.message, langs))
    return lines


def render_text(cred: Credential, langs: Sequence[str], report: VerificationReport | None = None,
                technical: bool = False, holder: str | None = None) -> str:
    """Everything a reader needs, as aligned plain text (``technical``: what the credential literally says too)."""
    column = tuple(langs)
    lines = _block(credential_rows(cred, [column], holder), langs, technical=technical)
    for i, ach in enumerate(cred.achievements):
        lines.append("")
        lines.append(render(msg("element.achievement", number=i + 1), langs) + ":")
        lines.extend(_block(achievement_rows(ach, [column], f"achievement[{i}]", cred.languages), langs, "  ",
                            technical))
        for j, line in enumerate(part_lines(ach, column)):
            lines.append(f"  {j + 1}. {line}")
    lines.extend(claim_lines(cred, langs))
    if report is not None:
        lines.append("")
        lines.extend(report_lines(report, langs, technical))
    return "\n".join(lines)


def claim_lines(cred: Credential, langs: Sequence[str]) -> list[str]:
    """An SD-JWT's disclosed claims, one per line, the selectively disclosable ones marked."""
    rows = claim_rows(cred)
    if not rows:
        return []
    marker = render(msg("element.disclosable"), langs)
    labels = [render(claim_words(r.path), langs) for r in rows]
    width = max(len(label) for label in labels)
    out = ["", render(msg("element.claims"), langs) + ":"]
    for row, label in zip(rows, labels, strict=True):
        flag = f"  [{marker}]" if row.disclosable else ""
        out.append(f"  {label:<{width}}  {json_text(row.value)}{flag}")
    out.append("  " + render(msg("element.claims_note"), langs))
    return out
