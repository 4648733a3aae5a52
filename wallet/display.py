"""Plain-text rendering of a credential's standard elements, in a reader's language.

The labels follow the Annex I elements of the EU Council Recommendation on
micro-credentials, so a recognition officer finds the same items on every
credential whatever its format. Missing elements say "not stated" rather than
disappearing: their absence is information too.
"""

from __future__ import annotations

from collections.abc import Sequence

from wallet.model import Achievement, Credential, Issuer, VerificationReport, pick_lang

NOT_STATED = "not stated"


def _issuer(issuer: Issuer | None, langs: Sequence[str]) -> str:
    if issuer is None:
        return NOT_STATED
    name = pick_lang(issuer.name, langs) or issuer.id or NOT_STATED
    return f"{name} ({issuer.country})" if issuer.country else name


def _credits(a: Achievement) -> str:
    parts = []
    if a.credits is not None:
        parts.append(f"{a.credits:g} {a.credit_framework or 'credits'}")
    if a.volume_of_learning_hours is not None:
        parts.append(f"{a.volume_of_learning_hours:g} hours")
    return ", ".join(parts) or NOT_STATED


def achievement_elements(a: Achievement, langs: Sequence[str]) -> list[tuple[str, str]]:
    """(label, value) pairs for one achievement, in Annex I order."""
    outcomes = [pick_lang(lo.title, langs) for lo in a.learning_outcomes if lo.title]
    skills = sorted(set(a.esco_skills) | {s for lo in a.learning_outcomes for s in lo.esco_skills})
    level = f"EQF {a.eqf_level}" if a.eqf_level is not None else ""
    if a.nqf_level:
        level = f"{level}, NQF {a.nqf_level}" if level else f"NQF {a.nqf_level}"

    def text(value: object) -> str:
        return str(value) if value not in (None, "", {}) else NOT_STATED

    return [
        ("Title", pick_lang(a.title, langs) or NOT_STATED),
        ("Description", pick_lang(a.description, langs) or NOT_STATED),
        ("Awarding body", _issuer(a.awarding_body, langs) if a.awarding_body else NOT_STATED),
        ("Learning outcomes", "; ".join(outcomes) or NOT_STATED),
        ("ESCO skills", ", ".join(skills) or NOT_STATED),
        ("Workload (ECTS / volume)", _credits(a)),
        ("EQF / NQF level", level or NOT_STATED),
        ("Type of assessment", pick_lang(a.assessment_type, langs) or NOT_STATED),
        ("Form of participation", pick_lang(a.participation_mode, langs) or NOT_STATED),
        ("Quality assurance", pick_lang(a.quality_assurance, langs) or NOT_STATED),
        ("Prerequisites", pick_lang(a.entry_requirements, langs) or NOT_STATED),
        ("Identity verification", pick_lang(a.id_verification, langs) or NOT_STATED),
        ("Grade", text(a.grade)),
        ("Criteria", pick_lang(a.criteria, langs) or NOT_STATED),
        (
            "Integration / stackability",
            pick_lang(a.stackability, langs)
            or ("partial qualification" if a.is_partial_qualification else "")
            or (f"{len(a.parts)} part(s)" if a.parts else NOT_STATED),
        ),
    ]


def credential_elements(cred: Credential, langs: Sequence[str]) -> list[tuple[str, str]]:
    subj = cred.subject
    learner = pick_lang(subj.name, langs) or " ".join(
        x for x in (pick_lang(subj.given_name, langs), pick_lang(subj.family_name, langs)) if x
    )
    date = cred.issued or cred.valid_from
    rows = [
        ("Credential", cred.display_title(langs)),
        ("Format", cred.format.value + (f" ({cred.container.value})" if cred.container.value != "none" else "")),
        ("Learner", learner or subj.id or NOT_STATED),
        ("Issuer", _issuer(cred.issuer, langs)),
        ("Country of issuer", cred.issuer.country or NOT_STATED),
        ("Date of issue", date.date().isoformat() if date else NOT_STATED),
        ("Valid until", cred.valid_until.date().isoformat() if cred.valid_until else "no expiry stated"),
        ("Languages", ", ".join(cred.languages) or NOT_STATED),
    ]
    return rows


def render_text(cred: Credential, langs: Sequence[str], report: VerificationReport | None = None) -> str:
    """Everything a reader needs, as aligned plain text."""
    lines: list[str] = []

    def block(rows: list[tuple[str, str]], indent: str = "") -> None:
        width = max(len(label) for label, _ in rows)
        for label, value in rows:
            lines.append(f"{indent}{label:<{width}}  {value}")

    block(credential_elements(cred, langs))
    for i, ach in enumerate(cred.achievements):
        lines.append("")
        lines.append(f"Achievement {i + 1}:")
        block(achievement_elements(ach, langs), "  ")
        for j, part in enumerate(ach.parts):
            lines.append(f"  Part {j + 1}: {pick_lang(part.title, langs) or NOT_STATED}"
                         + (f" — {part.credits:g} {part.credit_framework or 'credits'}" if part.credits else ""))
    if report is not None:
        lines.append("")
        lines.append(f"Verification: {report.verdict.value} (as of {report.as_of.isoformat(timespec='seconds')})")
        if report.trust_snapshot:
            lines.append(f"  trusted-list snapshot of {report.trust_snapshot}")
        for check in report.checks:
            lines.append(f"  [{check.status.value:>11}] {check.name}: {check.reason}")
    return "\n".join(lines)
