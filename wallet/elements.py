"""The standard elements of a credential, as data: one table for every front end.

The rows follow the Annex I elements of the EU Council Recommendation on
micro-credentials, so a recognition officer finds the same items, in the same
order, on every credential whatever its format — in ``wallet show``, in the
desktop app and on the printed bundle, which all read this one table. A row
holds one value per requested language column (each column is a reader's
language preference list), says whether the credential actually has text in
that language (``exact``; otherwise the value is another language's text, so
a bilingual view can say "not available in Slovenian"), and says where in
the credential it came from (``source``) and what it literally says (``raw``),
for a technical view. Codes become names here (:mod:`wallet.names`: countries,
languages, ISCED-F fields, EQF levels with their meaning), dates are written
for the column's language, and a learner is never named by a key identifier.
An empty row is "not stated": its absence is information too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from wallet.messages import Message, msg, render
from wallet.model import Achievement, Credential, Issuer, LangMap, pick_lang
from wallet.names import country_name, eqf_meaning, esco_labels, isced_name, language_name

Column = Sequence[str]  # a reader's language preferences, e.g. ("sl", "en")


@dataclass(frozen=True)
class Value:
    """One column's value: the text, and whether it is in the column's own language."""

    text: str
    exact: bool = True


@dataclass(frozen=True)
class ElementRow:
    """One Annex I element: its label (a message id), one value per column, where it came from.

    ``raw`` is what the credential literally says when the shown text is a name
    for it (a country code, a DID, skill and field URIs, a level number): a
    "technical details" view shows it, the plain view never does.
    """

    key: str
    values: tuple[Value, ...]
    source: str
    shared: bool = False  # language-independent (a number, an identifier)
    raw: str = ""

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


def _primary(tag: str) -> str:
    return tag.replace("_", "-").split("-")[0].lower()


def _has(text: LangMap | None, column: Column, declared: Sequence[str] = ()) -> bool:
    """Whether ``text`` exists in the column's language.

    Text without a language tag (``und``) is in the credential's declared
    language(s) when it declares any: an English-only badge is "not available
    in Slovenian" even though its strings carry no tag.
    """
    if not text or not column:
        return True
    primary = _primary(column[0])
    if any(_primary(key) == primary for key in text):
        return True
    if set(text) <= {"und"}:
        return not declared or primary in {_primary(d) for d in declared}
    return False


def _lang_row(key: str, source: str, text: LangMap | None, columns: Sequence[Column],
              declared: Sequence[str] = ()) -> ElementRow:
    return ElementRow(key, tuple(Value(pick_lang(text, c), _has(text, c, declared)) for c in columns), source)


def _computed(key: str, source: str, fn: Callable[[Column], str], columns: Sequence[Column],
              raw: str = "") -> ElementRow:
    return ElementRow(key, tuple(Value(fn(c)) for c in columns), source, raw=raw)


def _shared(key: str, source: str, value: str, columns: Sequence[Column]) -> ElementRow:
    return ElementRow(key, tuple(Value(value) for _ in columns), source, shared=True)


def _date(value: datetime | None, column: Column) -> str:
    return render(msg("date.date", when=value.date()), column) if value else ""


def issuer_text(issuer: Issuer | None, column: Column) -> str:
    if issuer is None:
        return ""
    name = pick_lang(issuer.name, column) or issuer.id or ""
    country = country_name(issuer.country, column) if issuer.country else ""
    return f"{name} ({country})" if name and country else name


def learner_name(cred: Credential, column: Column, holder: str | None = None) -> str:
    """The learner's name; never a bare key identifier ("you" when it is the wallet's own holder)."""
    subject = cred.subject
    name = pick_lang(subject.name, column) or " ".join(
        x for x in (pick_lang(subject.given_name, column), pick_lang(subject.family_name, column)) if x)
    if name:
        return name
    if subject.id and holder and subject.id == holder:
        return render(msg("element.learner_you"), column)
    if subject.id:
        return render(msg("element.learner_unnamed_id"), column)
    return ""


def _number(value: float) -> str:
    return f"{value:g}"


def workload_text(a: Achievement, column: Column) -> str:
    """Credits with the hours they stand for: stated hours, else the ECTS rule of 25-30 hours per credit."""
    parts = []
    if a.credits is not None:
        parts.append(render(msg("element.credits", count=a.credits, framework=a.credit_framework or "ECTS"), column))
    if a.volume_of_learning_hours is not None:
        parts.append(render(msg("element.hours", count=a.volume_of_learning_hours), column))
    elif a.ects is not None and a.ects > 0:
        parts.append(render(msg("element.ects_hours", low=round(a.ects * 25), high=round(a.ects * 30)), column))
    return ", ".join(parts)


def level_text(a: Achievement, column: Column = ("en",)) -> str:
    """"EQF 6: advanced knowledge …" — the level and what it means, then any national level."""
    parts = []
    if a.eqf_level is not None:
        meaning = eqf_meaning(a.eqf_level, column)
        parts.append(render(msg("element.eqf", level=a.eqf_level, meaning=meaning) if meaning
                            else msg("element.eqf_bare", level=a.eqf_level), column))
    if a.nqf_level:
        parts.append(render(msg("element.nqf", level=a.nqf_level), column))
    return "\n".join(parts)


def _stackability(a: Achievement, column: Column) -> str:
    parts = [pick_lang(a.stackability, column)]
    if a.is_partial_qualification is not None:
        parts.append(render(msg("element.partial" if a.is_partial_qualification else "element.standalone"), column))
    if a.parts:
        parts.append(render(msg("element.parts", count=len(a.parts)), column))
    return "; ".join(p for p in parts if p)


_CONTAINERS = {"png": "container.png", "svg": "container.svg", "link": "container.link", "qr": "container.qr"}


def _format(cred: Credential, column: Column) -> str:
    text = render(msg("format.recognised_as", fmt=cred.format.value), column)
    container = _CONTAINERS.get(cred.container.value)
    if container:
        text += ", " + render(msg(container), column)
    return text


def credential_rows(cred: Credential, columns: Sequence[Column], holder: str | None = None) -> list[ElementRow]:
    """The credential-level elements (who, by whom, when, in which languages).

    ``holder`` is the wallet's own identifier, so a credential issued to it
    names its learner "you" rather than a key.
    """
    date = cred.issued or cred.valid_from
    declared = cred.languages
    return [
        ElementRow("credential", tuple(Value(cred.display_title(c), not cred.title or _has(cred.title, c, declared))
                                       for c in columns), "title"),
        _computed("learner", "credentialSubject", lambda c: learner_name(cred, c, holder), columns,
                  raw=cred.subject.id or ""),
        _computed("issuer", "issuer", lambda c: issuer_text(cred.issuer, c), columns, raw=cred.issuer.id or ""),
        _computed("country", "issuer.country", lambda c: country_name(cred.issuer.country, c), columns,
                  raw=cred.issuer.country or ""),
        _computed("issued", "issued", lambda c: _date(date, c), columns, raw=date.isoformat() if date else ""),
        _computed("valid_until", "validUntil", lambda c: _date(cred.valid_until, c), columns,
                  raw=cred.valid_until.isoformat() if cred.valid_until else ""),
        _computed("format", "format", lambda c: _format(cred, c), columns, raw=cred.format.value),
        _computed("languages", "languages", lambda c: ", ".join(language_name(x, c) for x in cred.languages),
                  columns, raw=", ".join(cred.languages)),
        _shared("credential_id", "id", cred.id or "", columns),
    ]


def _skills(a: Achievement, column: Column) -> str:
    skills = sorted(set(a.esco_skills) | {s for lo in a.learning_outcomes for s in lo.esco_skills})
    labelled = esco_labels(skills, a.learning_outcomes, column)
    lines = [label for _, label in labelled if label]
    unnamed = sum(1 for _, label in labelled if not label)
    if unnamed:
        lines.append(render(msg("element.esco_unnamed", count=unnamed), column))
    return "\n".join(lines)


def achievement_rows(a: Achievement, columns: Sequence[Column], source: str = "achievement",
                     declared: Sequence[str] = ()) -> list[ElementRow]:
    """The Annex I elements of one achievement, in the Recommendation's order.

    ``declared`` are the credential's own languages (for text without a language tag).
    """
    skills = sorted(set(a.esco_skills) | {s for lo in a.learning_outcomes for s in lo.esco_skills})

    def outcomes(column: Column) -> str:
        return "\n".join(pick_lang(lo.title, column) for lo in a.learning_outcomes if lo.title)

    def exact_outcomes(column: Column) -> bool:
        return all(_has(lo.title, column, declared) for lo in a.learning_outcomes if lo.title)

    def lang_row(key: str, field: str, text: LangMap | None) -> ElementRow:
        return _lang_row(key, f"{source}.{field}", text, columns, declared)

    return [
        lang_row("title", "title", a.title),
        lang_row("description", "description", a.description),
        _computed("awarding_body", f"{source}.awardingBody", lambda c: issuer_text(a.awarding_body, c), columns,
                  raw=a.awarding_body.id or "" if a.awarding_body else ""),
        ElementRow("outcomes", tuple(Value(outcomes(c), exact_outcomes(c)) for c in columns),
                   f"{source}.learningOutcomes"),
        _computed("esco", f"{source}.skills", lambda c: _skills(a, c), columns, raw="\n".join(skills)),
        _computed("workload", f"{source}.credits", lambda c: workload_text(a, c), columns),
        _computed("level", f"{source}.eqfLevel", lambda c: level_text(a, c), columns,
                  raw=", ".join(x for x in (f"EQF {a.eqf_level}" if a.eqf_level is not None else "",
                                            f"NQF {a.nqf_level}" if a.nqf_level else "") if x)),
        lang_row("assessment", "assessment", a.assessment_type),
        lang_row("mode", "mode", a.participation_mode),
        lang_row("quality", "qualityAssurance", a.quality_assurance),
        lang_row("entry", "entryRequirements", a.entry_requirements),
        lang_row("id_verification", "identityVerification", a.id_verification),
        _shared("grade", f"{source}.grade", a.grade or "", columns),
        lang_row("criteria", "criteria", a.criteria),
        _computed("stackability", f"{source}.stackability", lambda c: _stackability(a, c), columns),
        _computed("thematic_area", f"{source}.thematicArea",
                  lambda c: "\n".join(isced_name(t, c) for t in a.thematic_area), columns,
                  raw=", ".join(a.thematic_area)),
        _computed("awarded_on", f"{source}.awardedOn", lambda c: _date(a.awarded_on, c), columns,
                  raw=a.awarded_on.isoformat() if a.awarded_on else ""),
    ]


def part_lines(a: Achievement, column: Column) -> list[str]:
    """One line per part of an achievement (ELM hasPart): title and credits."""
    lines = []
    for part in a.parts:
        title = pick_lang(part.title, column) or render(msg("element.not_stated"), column)
        credit = f" — {workload_text(part, column)}" if part.credits is not None else ""
        lines.append(title + credit)
    return lines
