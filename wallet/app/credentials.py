"""Reading and removing stored credentials: list rows, one credential in full, removal.

A list row is built straight from the stored JSON (no dataclass rebuild),
so listing 10,000 credentials stays fast; the full credential is rebuilt
only for the one being looked at. Rows carry the credential's *state* for
its owner (:mod:`wallet.readout`), not only the verdict.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wallet import codec
from wallet.app.settings import setting
from wallet.app.vault import VaultLike
from wallet.errors import UsageError
from wallet.formats.identifiers import short_identifier
from wallet.model import Credential, VerificationReport, pick_lang
from wallet.readout import Readout, credential_state

#: A baked badge (the image *is* the credential) is shown as its own image up to this size.
MAX_BAKED_IMAGE = 1_000_000
LANGUAGES_KEY = setting("ui.credential_languages").key


@dataclass(frozen=True)
class CredentialRow:
    """What a list, a card or ``wallet list`` shows of one credential (no raw bytes)."""

    id: str
    title: str
    issuer: str
    issuer_id: str
    format: str
    verdict: str
    state: str  # wallet.readout.State value, "" when never verified
    issued: str  # ISO date or ""
    valid_until: str
    imported_at: str
    image: str | None
    search: str  # casefolded text searched as the user types
    source: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "format": self.format, "title": self.title, "issuer": self.issuer or self.issuer_id,
                "issuer_id": self.issuer_id, "issued": self.issued or None, "valid_until": self.valid_until or None,
                "verdict": self.verdict or None, "state": self.state or None, "imported_at": self.imported_at,
                "source": self.source}


@dataclass(frozen=True)
class CredentialDetail:
    """One stored credential in full: the model, its report and state, the original bytes."""

    id: str
    credential: Credential
    report: VerificationReport | None
    readout: Readout | None
    raw: bytes
    source: str
    imported_at: datetime
    sha256: str
    format: str
    parsed: dict[str, Any]


def credential_languages(vault: VaultLike) -> tuple[str, ...]:
    """The reader's preferred languages for credential content (a vault setting)."""
    langs = vault.get_setting(LANGUAGES_KEY, None)
    if isinstance(langs, list) and langs and all(isinstance(x, str) for x in langs):
        return tuple(langs)
    return ("en",)


def languages_or_setting(vault: VaultLike, given: str | None) -> tuple[str, ...]:
    """``--lang sl,en`` when given, else the vault's setting."""
    if given:
        langs = tuple(t.strip() for t in given.split(",") if t.strip())
        if not langs:
            raise UsageError("give languages separated by commas, e.g. sl,en")
        return langs
    return credential_languages(vault)


def baked_image_url(container: Any, raw: bytes | None) -> str | None:
    """A data: URL of a baked badge's own bytes (PNG or SVG), so the card shows the badge."""
    if raw is None or len(raw) > MAX_BAKED_IMAGE:
        return None
    media = {"png": "image/png", "svg": "image/svg+xml"}.get(str(getattr(container, "value", container)))
    if media is None:
        return None
    return f"data:{media};base64," + base64.b64encode(raw).decode("ascii")


def _date(value: Any) -> str:
    return str(value)[:10] if isinstance(value, str) and value else ""


def _state(report: dict[str, Any] | None) -> str:
    """The stored state (reports record it), worked out again for reports stored before it was."""
    if not report:
        return ""
    if isinstance(report.get("state"), str):
        return str(report["state"])
    try:
        return credential_state(VerificationReport.from_json(report)).state.value
    except (KeyError, TypeError, ValueError):
        return ""


def row_from_parsed(ident: str, fmt: str, parsed: dict[str, Any], report: dict[str, Any] | None,
                    imported_at: datetime, langs: Sequence[str], raw: bytes | None = None,
                    source: str = "") -> CredentialRow:
    """Build a row straight from the stored JSON (fast: no dataclass rebuild for 10,000 rows)."""
    achievements = parsed.get("achievements") or []
    first = achievements[0] if achievements and isinstance(achievements[0], dict) else {}
    title = pick_lang(parsed.get("title") or first.get("title") or {}, langs)
    issuer = parsed.get("issuer") or {}
    issuer_name = pick_lang(issuer.get("name") or {}, langs) or short_identifier(str(issuer.get("id") or ""))
    image = (baked_image_url(parsed.get("container"), raw) or parsed.get("image") or first.get("image")
             or issuer.get("image"))
    verdict = str(report.get("verdict", "")) if report else ""
    search = " ".join((title, issuer_name, fmt, ident, str(issuer.get("id") or ""))).casefold()
    return CredentialRow(
        id=ident, title=title, issuer=issuer_name, issuer_id=str(issuer.get("id") or ""), format=fmt,
        verdict=verdict, state=_state(report), issued=_date(parsed.get("issued") or parsed.get("valid_from")),
        valid_until=_date(parsed.get("valid_until")), imported_at=imported_at.isoformat(timespec="seconds"),
        image=image if isinstance(image, str) and image.startswith("data:") else None, search=search,
        source=source,
    )


def list_rows(vault: VaultLike, langs: Sequence[str] | None = None) -> list[CredentialRow]:
    """Every stored credential as a row, in the reader's languages."""
    prefs = tuple(langs) if langs else credential_languages(vault)
    return [row_from_parsed(sc.id, sc.format, sc.parsed, sc.report, sc.imported_at, prefs, sc.raw, sc.source)
            for sc in vault.list_credentials()]


def stored_report(stored: Any) -> VerificationReport | None:
    return VerificationReport.from_json(stored.report) if stored.report else None


def detail(vault: VaultLike, ident: str) -> CredentialDetail:
    """One credential in full (``ident`` may be a unique prefix)."""
    sc = vault.get_credential(ident)
    report = stored_report(sc)
    return CredentialDetail(sc.id, codec.credential_from_json(sc.parsed, sc.raw), report,
                            credential_state(report) if report else None, sc.raw, sc.source, sc.imported_at,
                            sc.sha256, sc.format, sc.parsed)


def remove(vault: VaultLike, ids: Sequence[str]) -> int:
    """Delete credentials (the caller has asked the user first); returns how many."""
    for ident in ids:
        vault.remove_credential(ident)
    return len(ids)
