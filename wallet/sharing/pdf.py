"""The printable bundle: one card per credential, the verification summary,
and the QR code of the signed link.

Paper still travels where files do not (an interview, an application form),
so every standard element of a micro-credential (Annex I of the Council
Recommendation, STANDARDS.md section 4) is printed on each card — "not stated"
when the credential does not say — so a reader sees what is missing as
clearly as what is present. Optionally two languages side by side: the
credential's own language and the reader's.

fpdf2 does the layout; a bundled DejaVu Sans Condensed gives full Latin,
Greek and Cyrillic coverage and the ✓/✗ marks (resources/fonts).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from wallet.errors import InputError, UsageError
from wallet.model import Achievement, Credential, pick_lang
from wallet.resources import resource
from wallet.sharing import summary
from wallet.sharing.europass_common import ExportEntry, awarded, awarding_body, learner_names
from wallet.sharing.pdf_labels import SUPPORTED, label
from wallet.sharing.qr import byte_capacity, make_qr, render_png

FONT = "DejaVu"
FONT_FILES = {"": "DejaVuSansCondensed.ttf", "B": "DejaVuSansCondensed-Bold.ttf"}
QR_MM = 42


@dataclass(frozen=True)
class Row:
    """One element of a card: per-language values, or one shared value."""

    key: str
    values: tuple[str, ...]  # one per language; a single item spans the columns


def _pick(text: object, lang: str) -> str:
    return pick_lang(text, (lang,)) if isinstance(text, dict) else ""


def _learner(cred: Credential, lang: str) -> str:
    s = cred.subject
    name = _pick(s.name, lang) or " ".join(filter(None, [_pick(s.given_name, lang), _pick(s.family_name, lang)]))
    return name or (s.id or "")


def _workload(ach: Achievement, lang: str) -> str:
    parts = []
    if ach.credits is not None:
        parts.append(f"{ach.credits:g} {ach.credit_framework or 'ECTS'} {label('credits', lang)}")
    if ach.volume_of_learning_hours is not None:
        parts.append(f"{ach.volume_of_learning_hours:g} {label('hours', lang)}")
    return "; ".join(parts)


def _level(ach: Achievement) -> str:
    parts = []
    if ach.eqf_level:
        parts.append(f"EQF {ach.eqf_level}")
    if ach.nqf_level:
        parts.append(f"NQF {ach.nqf_level}")
    return "; ".join(parts)


def _stackability(ach: Achievement, lang: str) -> str:
    parts = [_pick(ach.stackability, lang)]
    if ach.is_partial_qualification is not None:
        parts.append(label("partial" if ach.is_partial_qualification else "standalone", lang))
    return "; ".join(p for p in parts if p)


def card_rows(entry: ExportEntry, langs: Sequence[str]) -> tuple[Row, ...]:
    """Every element of the card, in print order, with values per language."""
    cred = entry.credential
    ach = cred.achievement or Achievement()
    body = awarding_body(cred)
    when = awarded(cred)

    def per_lang(fn: object) -> tuple[str, ...]:
        values = tuple(fn(lang) for lang in langs)  # type: ignore[operator]
        return values if len(set(values)) > 1 else values[:1]

    outcomes = lambda lang: "\n".join(  # noqa: E731 - small local formatter
        f"• {_pick(lo.title, lang)}" for lo in ach.learning_outcomes if _pick(lo.title, lang))
    awarding = lambda lang: ", ".join(filter(None, [  # noqa: E731
        _pick(body.name, lang) or body.id or "", body.country or ""]))
    report_line = summary.credential_line(cred, entry.report, prefs=langs, with_title=False) \
        if entry.report else ""
    return (
        Row("learner", per_lang(lambda lang: _learner(cred, lang))),
        Row("title", per_lang(lambda lang: cred.display_title((lang,)))),
        Row("awarding_body", per_lang(awarding)),
        Row("issued", (when.date().isoformat() if when else "",)),
        Row("outcomes", per_lang(outcomes)),
        Row("esco", ("\n".join(ach.esco_skills),)),
        Row("workload", per_lang(lambda lang: _workload(ach, lang))),
        Row("level", (_level(ach),)),
        Row("assessment", per_lang(lambda lang: _pick(ach.assessment_type, lang))),
        Row("mode", per_lang(lambda lang: _pick(ach.participation_mode, lang))),
        Row("quality", per_lang(lambda lang: _pick(ach.quality_assurance, lang))),
        Row("entry", per_lang(lambda lang: _pick(ach.entry_requirements, lang))),
        Row("id_verification", per_lang(lambda lang: _pick(ach.id_verification, lang))),
        Row("grade", (ach.grade or "",)),
        Row("stackability", per_lang(lambda lang: _stackability(ach, lang))),
        Row("credential_id", (cred.id or "",)),
        Row("result", (report_line,)),
    )


class _Document(FPDF):
    """A4 pages with the bundled Unicode font and a page-number footer."""

    def __init__(self, lang: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.lang = lang
        for style, name in FONT_FILES.items():
            path = resource("fonts", name)
            if not path.exists():
                raise InputError(f"the PDF font {path} is missing; reinstall the wallet")
            self.add_font(FONT, style, str(path))
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(True, margin=18)
        self.set_title(label("document_title", lang))
        self.set_creator("learner-wallet")

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        self.set_text_color(110)
        self.cell(0, 5, label("page", self.lang, n=str(self.page_no())), align="C")
        self.set_text_color(0)


def _heading(pdf: _Document, text: str, size: float = 12) -> None:
    pdf.set_font(FONT, "B", size)
    pdf.multi_cell(0, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)


def _both(key: str, langs: Sequence[str], **values: str) -> str:
    return " / ".join(dict.fromkeys(label(key, lang, **values) for lang in langs))


def _summary(pdf: _Document, entries: Sequence[ExportEntry], langs: Sequence[str], as_of: datetime) -> None:
    _heading(pdf, _both("verification", langs))
    pdf.set_font(FONT, "", 9)
    pdf.multi_cell(0, 4.5, _both("as_of", langs, date=as_of.strftime("%Y-%m-%d %H:%M UTC")), align="L",
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)
    for entry in entries:
        line = summary.credential_line(entry.credential, entry.report, prefs=langs) if entry.report \
            else f"? {entry.credential.display_title(langs)} — not verified"
        pdf.multi_cell(0, 4.5, line, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)


def _qr(pdf: _Document, link: str | None, langs: Sequence[str], expires: datetime | None) -> None:
    pdf.set_font(FONT, "", 9)
    if not link:
        pdf.multi_cell(0, 4.5, _both("no_link", langs), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)
        return
    try:
        code = make_qr(link)
    except InputError:
        size = f"{len(link.encode('utf-8')):,}"
        pdf.multi_cell(0, 4.5, _both("qr_too_big", langs, size=size, max=f"{byte_capacity(40, 'M'):,}"),
                       align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)
        return
    if pdf.get_y() + QR_MM > pdf.h - 20:
        pdf.add_page()
    top = pdf.get_y()
    pdf.image(io.BytesIO(render_png(code)), x=pdf.l_margin, y=top, w=QR_MM, h=QR_MM)
    pdf.set_xy(pdf.l_margin + QR_MM + 5, top + 4)
    text = _both("qr_caption", langs)
    if expires:
        text += "\n" + _both("link_expires", langs, date=expires.strftime("%Y-%m-%d %H:%M UTC"))
    pdf.multi_cell(pdf.w - pdf.r_margin - pdf.get_x(), 4.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_y(top + QR_MM + 4)


def _card(pdf: _Document, entry: ExportEntry, n: int, total: int, langs: Sequence[str]) -> None:
    rows = card_rows(entry, langs)
    if pdf.get_y() > pdf.h - 80:
        pdf.add_page()
    _heading(pdf, f"{_both('credential', langs, n=str(n), total=str(total))}: "
                  f"{entry.credential.display_title(langs)}", 11)
    label_w = 38.0 if len(langs) == 1 else 44.0
    widths = (label_w,) + tuple((pdf.epw - label_w) / len(langs) for _ in langs)
    pdf.set_font(FONT, "", 8.5)
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=4.2, padding=1.2,
                   first_row_as_headings=len(langs) > 1) as table:
        if len(langs) > 1:
            head = table.row()
            head.cell("")
            for lang in langs:
                head.cell(label("lang_name", lang))
        for row in rows:
            cells = table.row()
            cells.cell(_both(row.key, langs))
            if len(row.values) == 1:
                value = row.values[0] or _both("not_stated", langs)
                cells.cell(value, colspan=len(langs))
            else:
                for lang, value in zip(langs, row.values, strict=True):
                    cells.cell(value or label("not_stated", lang))
    pdf.ln(5)


def parse_langs(text: str | None) -> tuple[str, ...]:
    """``--lang en,sl`` → ("en", "sl"): one or two languages the labels exist for."""
    langs = tuple(p.strip().lower() for p in (text or "en").split(",") if p.strip())
    if not 1 <= len(langs) <= 2:
        raise UsageError("--lang takes one or two languages, e.g. en or en,sl")
    unknown = [lang for lang in langs if lang.split("-")[0] not in SUPPORTED]
    if unknown:
        raise UsageError(f"no printed labels for {', '.join(unknown)}; available: {', '.join(SUPPORTED)}")
    return langs


def bundle_pdf(entries: Sequence[ExportEntry], *, langs: Sequence[str] = ("en",), link: str | None = None,
               holder: str | None = None, expires: datetime | None = None,
               now: datetime | None = None) -> bytes:
    """The PDF bytes of the printable bundle."""
    if not entries:
        raise UsageError("choose at least one credential to print")
    when = (now or datetime.now(UTC)).astimezone(UTC)
    as_of = min((e.report.as_of for e in entries if e.report), default=when)
    pdf = _Document(langs[0])
    pdf.add_page()
    _heading(pdf, _both("document_title", langs), 16)
    pdf.set_font(FONT, "", 9)
    given, family = learner_names(entries, langs)
    learner = " ".join(filter(None, [given, family]))
    if learner:
        pdf.set_font(FONT, "B", 11)
        pdf.multi_cell(0, 5.5, learner, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font(FONT, "", 9)
    if holder:
        pdf.multi_cell(0, 4.5, _both("prepared", langs, date=when.date().isoformat(), holder=holder),
                       align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
    _summary(pdf, entries, langs, as_of)
    _qr(pdf, link, langs, expires)
    for n, entry in enumerate(entries, 1):
        _card(pdf, entry, n, len(entries), langs)
    return bytes(pdf.output())
