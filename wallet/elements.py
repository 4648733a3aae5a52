"""The standard elements of a credential, as data: one table for every front end.

The rows follow the Annex I elements of the EU Council Recommendation on
micro-credentials, so a recognition officer finds the same items, in the same
order, on every credential whatever its format — in ``wallet show``, in the
desktop app and on the printed bundle, which all read this one table. A row
holds one value per requested language column (each column is a reader's
language preference list), says whether the credential actually has text in
that language (``exact``; otherwise the value is another language's text, so
a bilingual view can say "not available in Slovenian"), and says where in
the credential it came from (``source``, for a technical view). An empty
row is "not stated": its absence is information too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from wallet.messages import Message, msg, render
from wallet.model import Achievement, Credential, Issuer, LangMap, pick_lang

Column = Sequence[str]  # a reader's language preferences, e.g. ("sl", "en")


@dataclass(frozen=True)
class Value:
    """One column's value: the text, and whether it is in the column's own language."""

    text: str
    exact: bool = True


@dataclass(frozen=True)
class ElementRow:
    """One Annex I element: its label (a message id), one value per column, where it came from."""

    key: str
    values: tuple[Value, ...]
    source: str
    shared: bool = False  # language-independent (a date, a number, an identifier)

    @property
    def label(self) -> Message:
        return msg(_LABELS[self.key])

    @property
    def stated(self) -> bool:
        return any(v.text for v in self.values)


_LABELS = {
    "credential": "element.credential", "format": "element.format", "learner": "element.learner",
    "issuer": "element.issuer", "country": "element.country", "issued": "element.issued",
    "valid_until": "element.valid_until", "languages": "element.languages", "credential_id": "element.credential_id",
    "title": "element.title", "description": "element.description", "awarding_body": "element.awarding_body",
    "outcomes": "element.outcomes", "esco": "element.esco", "workload": "element.workload",
    "level": "element.level", "assessment": "element.assessment", "mode": "element.mode",
    "quality": "element.quality", "entry": "element.entry", "id_verification": "element.id_verification",
    "grade": "element.grade", "criteria": "element.criteria", "stackability": "element.stackability",
    "thematic_area": "element.thematic_area", "awarded_on": "element.awarded_on",
}


def _has(text: LangMap | None, column: Column) -> bool:
    if not text or not column:
        return True
    primary = column[0].split("-")[0].lower()
    return any(key.split("-")[0].lower() == primary for key in text) or set(text) <= {"und"}


def _lang_row(key: str, source: str, text: LangMap | None, columns: Sequence[Column]) -> ElementRow:
    return ElementRow(key, tuple(Value(pick_lang(text, c), _has(text, c)) for c in columns), source)


def _computed(key: str, source: str, fn: Callable[[Column], str], columns: Sequence[Column]) -> ElementRow:
    return ElementRow(key, tuple(Value(fn(c)) for c in columns), source)


def _shared(key: str, source: str, value: str, columns: Sequence[Column]) -> ElementRow:
    return ElementRow(key, tuple(Value(value) for _ in columns), source, shared=True)


def issuer_text(issuer: Issuer | None, column: Column) -> str:
    if issuer is None:
        return ""
    name = pick_lang(issuer.name, column) or issuer.id or ""
    return f"{name} ({issuer.country})" if name and issuer.country else name


def learner_name(cred: Credential, column: Column) -> str:
    subject = cred.subject
    name = pick_lang(subject.name, column) or " ".join(
        x for x in (pick_lang(subject.given_name, column), pick_lang(subject.family_name, column)) if x)
    return name or subject.id or ""


def _number(value: float) -> str:
    return f"{value:g}"


def workload_text(a: Achievement, column: Column) -> str:
    parts = []
    if a.credits is not None:
        parts.append(render(msg("element.credits", count=a.credits, framework=a.credit_framework or "ECTS"), column))
    if a.volume_of_learning_hours is not None:
        parts.append(render(msg("element.hours", count=a.volume_of_learning_hours), column))
    return ", ".join(parts)


def level_text(a: Achievement) -> str:
    parts = []
    if a.eqf_level is not None:
        parts.append(f"EQF {a.eqf_level}")
    if a.nqf_level:
        parts.append(f"NQF {a.nqf_level}")
    return ", ".join(parts)


def _stackability(a: Achievement, column: Column) -> str:
    parts = [pick_lang(a.stackability, column)]
    if a.is_partial_qualification is not None:
        parts.append(render(msg("element.partial" if a.is_partial_qualification else "element.standalone"), column))
    if a.parts:
        parts.append(render(msg("element.parts", count=len(a.parts)), column))
    return "; ".join(p for p in parts if p)


def credential_rows(cred: Credential, columns: Sequence[Column]) -> list[ElementRow]:
    """The credential-level elements (who, by whom, when, in which languages)."""
    date = cred.issued or cred.valid_from
    container = f" ({cred.container.value})" if cred.container.value != "none" else ""
    return [
        _computed("credential", "title", lambda c: cred.display_title(c), columns),
        _computed("learner", "credentialSubject", lambda c: learner_name(cred, c), columns),
        _computed("issuer", "issuer", lambda c: issuer_text(cred.issuer, c), columns),
        _shared("country", "issuer.country", cred.issuer.country or "", columns),
        _shared("issued", "issued", date.date().isoformat() if date else "", columns),
        _shared("valid_until", "validUntil", cred.valid_until.date().isoformat() if cred.valid_until else "", columns),
        _computed("format", "format", lambda c: render(msg("format.recognised_as", fmt=cred.format.value), c)
                  + container, columns),
        _shared("languages", "languages", ", ".join(cred.languages), columns),
        _shared("credential_id", "id", cred.id or "", columns),
    ]


def achievement_rows(a: Achievement, columns: Sequence[Column], source: str = "achievement") -> list[ElementRow]:
    """The Annex I elements of one achievement, in the Recommendation's order."""
    skills = sorted(set(a.esco_skills) | {s for lo in a.learning_outcomes for s in lo.esco_skills})

    def outcomes(column: Column) -> str:
        return "\n".join(pick_lang(lo.title, column) for lo in a.learning_outcomes if lo.title)

    exact_outcomes = all(_has(lo.title, c) for lo in a.learning_outcomes for c in columns[:1])
    return [
        _lang_row("title", f"{source}.title", a.title, columns),
        _lang_row("description", f"{source}.description", a.description, columns),
        _computed("awarding_body", f"{source}.awardingBody", lambda c: issuer_text(a.awarding_body, c), columns),
        ElementRow("outcomes", tuple(Value(outcomes(c), exact_outcomes) for c in columns), f"{source}.learningOutcomes"),
        _shared("esco", f"{source}.skills", "\n".join(skills), columns),
        _computed("workload", f"{source}.credits", lambda c: workload_text(a, c), columns),
        _shared("level", f"{source}.eqfLevel", level_text(a), columns),
        _lang_row("assessment", f"{source}.assessment", a.assessment_type, columns),
        _lang_row("mode", f"{source}.mode", a.participation_mode, columns),
        _lang_row("quality", f"{source}.qualityAssurance", a.quality_assurance, columns),
        _lang_row("entry", f"{source}.entryRequirements", a.entry_requirements, columns),
        _lang_row("id_verification", f"{source}.identityVerification", a.id_verification, columns),
        _shared("grade", f"{source}.grade", a.grade or "", columns),
        _lang_row("criteria", f"{source}.criteria", a.criteria, columns),
        _computed("stackability", f"{source}.stackability", lambda c: _stackability(a, c), columns),
        _shared("thematic_area", f"{source}.thematicArea", ", ".join(a.thematic_area), columns),
        _shared("awarded_on", f"{source}.awardedOn", a.awarded_on.date().isoformat() if a.awarded_on else "",
                columns),
    ]


def part_lines(a: Achievement, column: Column) -> list[str]:
    """One line per part of an achievement (ELM hasPart): title and credits."""
    lines = []
    for part in a.parts:
        title = pick_lang(part.title, column) or render(msg("element.not_stated"), column)
        credit = f" — {workload_text(part, column)}" if part.credits is not None else ""
        lines.append(title + credit)
    return lines
