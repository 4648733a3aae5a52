"""Reading and removing stored credentials: list rows, one credential in full, removal.

A list row is built straight from the stored JSON (no dataclass rebuild),
so listing 10,000 credentials stays fast; the full credential is rebuilt
only for the one being looked at. Rows carry the credential's *state* for
its owner (:mod:`wallet.readout`), not only the verdict.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from wallet import codec
from wallet.app import row_json
from wallet.app.settings import setting
from wallet.app.vault import VaultLike
from wallet.errors import UsageError
from wallet.formats.identifiers import short_identifier
from wallet.messages import Message
from wallet.model import Credential, VerificationReport, pick_lang
from wallet.readout import Readout, credential_state, state_line

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
    report_json: str | None = field(default=None, repr=False, compare=False)  # the stored report, as stored
    as_of: str = ""  # when the stored report was made (ISO), "" when never verified

    @property
    def report(self) -> dict[str, Any] | None:
        """The stored report, decoded now (a row keeps only its text: 10,000 decoded reports weigh ~150 MB)."""
        if not self.report_json:
            return None
        try:
            value = json.loads(self.report_json)
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def state_line(self) -> Message | None:
        """The one-line state ("Expired on 3 Mar 2025"); worked out on demand, the list shows few at a time."""
        return state_line_of(self.report)

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
    holder: str = ""  # the wallet's own identifier: a credential issued to it names "you" as its learner


def credential_languages(vault: VaultLike, fallback: Sequence[str] = ("en",)) -> tuple[str, ...]:
    """The reader's preferred languages for credential content (a vault setting).

    ``fallback`` applies until the learner chooses: a front end passes its own
    language first, so a Slovenian app shows Slovenian text where a credential has it.
    """
    langs = vault.get_setting(LANGUAGES_KEY, None)
    if isinstance(langs, list) and langs and all(isinstance(x, str) for x in langs):
        return tuple(langs)
    return tuple(dict.fromkeys(fallback)) or ("en",)


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


def state_line_of(report: dict[str, Any] | None) -> Message | None:
    """:func:`wallet.readout.state_line` of a stored report (None when never verified or unreadable)."""
    if not report:
        return None
    try:
        return state_line(VerificationReport.from_json(report))
    except (KeyError, TypeError, ValueError):
        return None


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
                    source: str = "", report_json: str | None = None) -> CredentialRow:
    """Build a row straight from the stored JSON (fast: no dataclass rebuild for 10,000 rows).

    ``report`` needs only the members a row shows (``verdict``, ``state``,
    ``as_of``); ``report_json`` is the whole stored text, kept for the state
    line (from ``report`` when not given).
    """
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
        source=source, report_json=report_json if report_json is not None or report is None else json.dumps(report),
        as_of=str(report.get("as_of") or "") if report else "",
    )


#: The containers whose raw bytes are the picture (a baked badge): those rows read them.
_BAKED = ("png", "svg")


def _parsed_for_row(text: str) -> dict[str, Any]:
    """What a row reads of the stored credential JSON (:mod:`wallet.app.row_json`; all of it when needed).

    The vault stores it with sorted keys, so ``achievements`` (most of the
    bytes) comes first; a row needs the first achievement only when the
    credential has no title of its own, or may have a ``data:`` image only
    there.
    """
    members = row_json.members_from(text, "container") if text.startswith('{"achievements": ') else None
    if members is not None and members.get("title") and (members.get("image") or '"data:' not in text):
        return members
    value = json.loads(text)
    return value if isinstance(value, dict) else {}


def _report_for_row(text: str | None) -> dict[str, Any] | None:
    """``verdict``, ``as_of`` and ``state`` of a stored report (its first members and its last)."""
    if text is None:
        return None
    head = row_json.leading_members(text, 3)
    state = row_json.last_string_member(text, "state")
    if head is not None and state is not None and "verdict" in head:
        return {**head, "state": state}
    value = json.loads(text)
    return value if isinstance(value, dict) else None


def list_rows(vault: VaultLike, langs: Sequence[str] | None = None) -> list[CredentialRow]:
    """Every stored credential as a row, in the reader's languages.

    Reads the vault's list without raw bytes and decodes only what a row
    shows; a baked badge's bytes (its picture) are read for that row alone.
    """
    prefs = tuple(langs) if langs else credential_languages(vault)
    rows = []
    for lc in vault.list_for_display():
        parsed = _parsed_for_row(lc.parsed_json)
        raw = vault.get_credential(lc.id).raw if parsed.get("container") in _BAKED else None
        rows.append(row_from_parsed(lc.id, lc.format, parsed, _report_for_row(lc.report_json), lc.imported_at,
                                    prefs, raw, lc.source, report_json=lc.report_json))
    return rows


def titles(vault: VaultLike, langs: Sequence[str] | None = None) -> dict[str, str]:
    """Each stored credential's title by id, so explanations name credentials rather than ids."""
    prefs = tuple(langs) if langs else credential_languages(vault)
    out = {}
    for sc in vault.list_credentials():
        parsed = sc.parsed if isinstance(sc.parsed, dict) else {}
        achievements = parsed.get("achievements") or []
        first = achievements[0] if achievements and isinstance(achievements[0], dict) else {}
        out[sc.id] = pick_lang(parsed.get("title") or first.get("title") or {}, prefs)
    return out


def stored_report(stored: Any) -> VerificationReport | None:
    return VerificationReport.from_json(stored.report) if stored.report else None


def detail(vault: VaultLike, ident: str) -> CredentialDetail:
    """One credential in full (``ident`` may be a unique prefix)."""
    sc = vault.get_credential(ident)
    report = stored_report(sc)
    return CredentialDetail(sc.id, codec.credential_from_json(sc.parsed, sc.raw), report,
                            credential_state(report) if report else None, sc.raw, sc.source, sc.imported_at,
                            sc.sha256, sc.format, sc.parsed, str(vault.holder_did()))


def remove(vault: VaultLike, ids: Sequence[str]) -> int:
    """Delete credentials (the caller has asked the user first); returns how many."""
    for ident in ids:
        vault.remove_credential(ident)
    return len(ids)
