"""The printable bundle: one card per credential, the verification summary,
and the QR code of the signed link.

Paper still travels where files do not (an interview, an application form),
so every standard element of a micro-credential (Annex I of the Council
Recommendation on micro-credentials) is printed on each card — "not stated"
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

from wallet.elements import achievement_rows, credential_rows
from wallet.errors import InputError, UsageError
from wallet.messages import Message, msg, render
from wallet.messages.catalogue import languages
from wallet.model import Achievement
from wallet.resources import resource
from wallet.sharing import summary
from wallet.sharing.europass_common import ExportEntry, learner_names
from wallet.sharing.qr import make_qr, render_png, too_large

FONT = "DejaVu"
FONT_FILES = {"": "DejaVuSansCondensed.ttf", "B": "DejaVuSansCondensed-Bold.ttf"}


#: The card's rows, in print order: the Annex I elements (keys of :mod:`wallet.elements`).
CARD_KEYS = ("learner", "title", "awarding_body", "issued", "outcomes", "esco", "workload", "level", "assessment",
             "mode", "quality", "entry", "id_verification", "grade", "stackability", "credential_id")


@dataclass(frozen=True)
class Row:
    """One element of a card: its label message and per-language values (a single value spans the columns)."""

    key: str
    label: Message
    values: tuple[str, ...]


def card_rows(entry: ExportEntry, langs: Sequence[str], holder: str | None = None) -> tuple[Row, ...]:
    """Every element of the card, in print order, with values per language (from the core's one table)."""
    cred = entry.credential
    ach = cred.achievement or Achievement()
    columns = [(lang,) for lang in langs]
    found = {r.key: r for r in credential_rows(cred, columns, holder)}
    found.update({r.key: r for r in achievement_rows(ach, columns, declared=cred.languages)})
    if not found["awarding_body"].stated:
        found["awarding_body"] = found["issuer"]
    if found["awarded_on"].stated:  # the date it was awarded, when the credential says, else when issued
        found["issued"] = found["awarded_on"]
    if not found["title"].stated:
        found["title"] = found["credential"]
    rows = []
    for key in CARD_KEYS:
        row = found[key]
        values = tuple(v.text for v in row.values)
        rows.append(Row(key, row.label, values if len(set(values)) > 1 else values[:1]))
    report = tuple(summary.credential_line(cred, entry.report, prefs=(lang,), with_title=False, langs=(lang,))
                   for lang in langs) if entry.report else ("",)
    rows.append(Row("result", msg("pdf.result"), report if len(set(report)) > 1 else report[:1]))
    return tuple(rows)


def label(message: Message, lang: str) -> str:
    return render(message, (lang,))


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
        self.set_title(label(msg("pdf.document_title"), lang))
        self.set_creator("learner-wallet")

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        self.set_text_color(110)
        self.cell(0, 5, label(msg("pdf.page", number=self.page_no()), self.lang), align="C")
        self.set_text_color(0)


def _heading(pdf: _Document, text: str, size: float = 12) -> None:
    pdf.set_font(FONT, "B", size)
    pdf.multi_cell(0, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)


def _both(message: Message, langs: Sequence[str]) -> str:
    return " / ".join(dict.fromkeys(label(message, lang) for lang in langs))


def _summary(pdf: _Document, entries: Sequence[ExportEntry], langs: Sequence[str], as_of: datetime) -> None:
    _heading(pdf, _both(msg("pdf.verification"), langs))
    pdf.set_font(FONT, "", 9)
    pdf.multi_cell(0, 4.5, _both(msg("pdf.as_of", when=as_of), langs), align="L", new_x=XPos.LMARGIN,
                   new_y=YPos.NEXT)
    pdf.ln(1)
    for entry in entries:
        for lang in langs:
            line = summary.credential_line(entry.credential, entry.report, prefs=(lang,), langs=(lang,)) \
                if entry.report else f"? {entry.credential.display_title((lang,))}"
            pdf.multi_cell(0, 4.5, line, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)


def _qr(pdf: _Document, link: str | None, langs: Sequence[str], expires: datetime | None) -> None:
    pdf.set_font(FONT, "", 9)
    if not link:
        pdf.multi_cell(0, 4.5, _both(msg("pdf.no_link"), langs), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)
        return
    try:
        code = make_qr(link)
    except InputError:  # the same words as the Share screen and the CLI
        pdf.multi_cell(0, 4.5, _both(too_large(len(link.encode("utf-8"))), langs),
                       align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)
        return
    side = code.print_mm  # at least 6 cm, and every module at least 0.45 mm (wallet.sharing.qr)
    if pdf.get_y() + side > pdf.h - 20:
        pdf.add_page()
    top = pdf.get_y()
    pdf.image(io.BytesIO(render_png(code)), x=pdf.l_margin, y=top, w=side, h=side)
    pdf.set_xy(pdf.l_margin + side + 5, top + 4)
    text = _both(msg("pdf.qr_caption"), langs)
    if expires:
        text += "\n" + _both(msg("pdf.link_expires", when=expires), langs)
    pdf.multi_cell(pdf.w - pdf.r_margin - pdf.get_x(), 4.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_y(top + side + 4)


def _card(pdf: _Document, entry: ExportEntry, n: int, total: int, langs: Sequence[str],
          holder: str | None = None) -> None:
    rows = card_rows(entry, langs, holder)
    if pdf.get_y() > pdf.h - 80:
        pdf.add_page()
    _heading(pdf, f"{_both(msg('pdf.credential', number=n, total=total), langs)}: "
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
                head.cell(label(msg("language.name", code=lang), lang))
        for row in rows:
            cells = table.row()
            cells.cell(_both(row.label, langs))
            if len(row.values) == 1:
                value = row.values[0] or _both(msg("element.not_stated"), langs)
                cells.cell(value, colspan=len(langs))
            else:
                for lang, value in zip(langs, row.values, strict=True):
                    cells.cell(value or label(msg("element.not_stated"), lang))
    pdf.ln(5)


def parse_langs(text: str | None) -> tuple[str, ...]:
    """``--lang en,sl`` → ("en", "sl"): one or two languages the labels exist for."""
    langs = tuple(p.strip().lower() for p in (text or "en").split(",") if p.strip())
    if not 1 <= len(langs) <= 2:
        raise UsageError("--lang takes one or two languages, e.g. en or en,sl")
    supported = languages()
    unknown = [lang for lang in langs if lang.split("-")[0] not in supported]
    if unknown:
        raise UsageError(f"no printed labels for {', '.join(unknown)}; available: {', '.join(supported)}")
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
    _heading(pdf, _both(msg("pdf.document_title"), langs), 16)
    pdf.set_font(FONT, "", 9)
    given, family = learner_names(entries, langs)
    learner = " ".join(filter(None, [given, family]))
    if learner:
        pdf.set_font(FONT, "B", 11)
        pdf.multi_cell(0, 5.5, learner, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font(FONT, "", 9)
    if holder:  # the holder is named by the credentials' learner name, never by a key identifier
        pdf.multi_cell(0, 4.5, _both(msg("pdf.prepared", when=when, holder=learner or msg("bundle.unnamed_holder")),
                                     langs), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
    _summary(pdf, entries, langs, as_of)
    _qr(pdf, link, langs, expires)
    for n, entry in enumerate(entries, 1):
        _card(pdf, entry, n, len(entries), langs, holder)
    return bytes(pdf.output())
