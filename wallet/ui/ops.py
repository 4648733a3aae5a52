"""Functions the GUI runs on the vault thread: thin calls into the core.

Each takes the open vault (and the task, for progress and cancel) and
returns plain values the widgets can show; none imports Qt widgets and none
decides anything the core already decides (verdicts, allocation, formats).
Keeping them here, not inside widgets, means a widget never holds the vault
and every vault access is visibly serialised through the task runner.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from wallet.model import Credential, VerificationReport, pick_lang
from wallet.settings import setting

# The keys and defaults are the core's (wallet.settings), shared with `wallet settings`.
SETTING_CRED_LANGS = setting("ui.credential_languages").key
SETTING_AUTOLOCK = setting("ui.autolock_minutes").key
DEFAULT_AUTOLOCK_MINUTES = int(setting("ui.autolock_minutes").default)
#: Files larger than this are refused before reading (the formats cap them lower).
MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class CredentialRow:
    """What the list and the cards show of one credential (no raw bytes)."""

    id: str
    title: str
    issuer: str
    issuer_id: str
    format: str
    verdict: str
    issued: str  # ISO date or ""
    valid_until: str
    imported_at: str
    image: str | None
    search: str  # casefolded text searched as the user types


@dataclass(frozen=True)
class CredentialDetail:
    id: str
    credential: Credential
    report: VerificationReport | None
    raw: bytes
    source: str
    imported_at: datetime


@dataclass(frozen=True)
class Preferences:
    credential_languages: tuple[str, ...] = ("en",)
    autolock_minutes: int = DEFAULT_AUTOLOCK_MINUTES
    share_expires: str = "30d"
    trusted_issuers: tuple[tuple[str, str], ...] = ()
    trust_anchors: tuple[tuple[str, str], ...] = ()  # (sha256, label)
    holder_did: str = ""
    info: dict[str, Any] = field(default_factory=dict)


def _date(value: Any) -> str:
    return str(value)[:10] if isinstance(value, str) and value else ""


#: A baked badge (the image *is* the credential) is shown as its own image up to this size.
MAX_BAKED_IMAGE = 1_000_000


def baked_image_url(container: Any, raw: bytes | None) -> str | None:
    """A data: URL of a baked badge's own bytes (PNG or SVG), so the card shows the badge."""
    if raw is None or len(raw) > MAX_BAKED_IMAGE:
        return None
    media = {"png": "image/png", "svg": "image/svg+xml"}.get(str(getattr(container, "value", container)))
    if media is None:
        return None
    import base64

    return f"data:{media};base64," + base64.b64encode(raw).decode("ascii")


def row_from_parsed(ident: str, fmt: str, parsed: dict[str, Any], report: dict | None,
                    imported_at: datetime, langs: Sequence[str], raw: bytes | None = None) -> CredentialRow:
    """Build a row straight from the stored JSON (fast: no dataclass rebuild for 10,000 rows)."""
    achievements = parsed.get("achievements") or []
    first = achievements[0] if achievements and isinstance(achievements[0], dict) else {}
    title = pick_lang(parsed.get("title") or first.get("title") or {}, langs)
    issuer = parsed.get("issuer") or {}
    issuer_name = pick_lang(issuer.get("name") or {}, langs) or str(issuer.get("id") or "")
    image = (baked_image_url(parsed.get("container"), raw) or parsed.get("image") or first.get("image")
             or issuer.get("image"))
    verdict = str(report.get("verdict", "")) if report else ""
    search = " ".join((title, issuer_name, fmt, ident, str(issuer.get("id") or ""))).casefold()
    return CredentialRow(
        id=ident,
        title=title,
        issuer=issuer_name,
        issuer_id=str(issuer.get("id") or ""),
        format=fmt,
        verdict=verdict,
        issued=_date(parsed.get("issued") or parsed.get("valid_from")),
        valid_until=_date(parsed.get("valid_until")),
        imported_at=imported_at.isoformat(timespec="seconds"),
        image=image if isinstance(image, str) and image.startswith("data:") else None,
        search=search,
    )


def credential_languages(vault: Any) -> tuple[str, ...]:
    langs = vault.get_setting(SETTING_CRED_LANGS, None)
    if isinstance(langs, list) and all(isinstance(x, str) for x in langs) and langs:
        return tuple(langs)
    return ("en",)


def load_rows(vault: Any, _task: Any = None) -> list[CredentialRow]:
    langs = credential_languages(vault)
    return [row_from_parsed(sc.id, sc.format, sc.parsed, sc.report, sc.imported_at, langs, sc.raw)
            for sc in vault.list_credentials()]


def load_detail(vault: Any, ident: str) -> CredentialDetail:
    from wallet.codec import credential_from_json
    from wallet.importer import stored_report

    sc = vault.get_credential(ident)
    return CredentialDetail(sc.id, credential_from_json(sc.parsed, sc.raw), stored_report(sc), sc.raw,
                            sc.source, sc.imported_at)


def read_import_files(paths: Sequence[str]) -> list[Any]:
    """Read files for import (no vault needed); too-large files are refused by name."""
    from wallet.errors import InputError
    from wallet.importer import ImportItem

    items = []
    for name in paths:
        path = Path(name)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise InputError(f"{path.name}: cannot be read ({exc.strerror})") from exc
        if size > MAX_IMPORT_FILE_BYTES:
            raise InputError(f"{path.name} is too large to be a credential ({size // 1024} KiB)")
        items.append(ImportItem(path.name, path.read_bytes()))
    return items


def import_items(vault: Any, task: Any, items: Sequence[Any]) -> list[Any]:
    from wallet.importer import import_items as run

    return run(vault, list(items), progress=task.report, cancelled=task.is_cancelled)


def remove_credentials(vault: Any, _task: Any, ids: Sequence[str]) -> int:
    for ident in ids:
        vault.remove_credential(ident)
    return len(ids)


def reverify(vault: Any, _task: Any, ids: Sequence[str] = ()) -> int:
    from wallet.importer import reverify as run

    return len(run(vault, list(ids)))


def load_preferences(vault: Any, _task: Any = None) -> Preferences:
    from wallet.sharing.expiry import DEFAULT_EXPIRES, SETTING_KEY

    minutes = vault.get_setting(SETTING_AUTOLOCK, DEFAULT_AUTOLOCK_MINUTES)
    return Preferences(
        credential_languages=credential_languages(vault),
        autolock_minutes=int(minutes) if isinstance(minutes, int) else DEFAULT_AUTOLOCK_MINUTES,
        share_expires=str(vault.get_setting(SETTING_KEY, DEFAULT_EXPIRES)),
        trusted_issuers=tuple(vault.list_trusted_issuers()),
        trust_anchors=tuple((sha, label) for sha, _der, label in vault.list_trust_anchors()),
        holder_did=str(vault.holder_did()),
        info=dict(vault.info()) if hasattr(vault, "info") else {},
    )


def save_preferences(vault: Any, _task: Any, langs: Sequence[str], autolock: int, expires: str) -> None:
    from wallet.sharing.expiry import SETTING_KEY, parse_duration

    parse_duration(expires)  # refuse a bad duration before storing anything
    vault.set_setting(SETTING_CRED_LANGS, list(langs))
    vault.set_setting(SETTING_AUTOLOCK, int(autolock))
    vault.set_setting(SETTING_KEY, expires.strip())


def add_trust_anchor_file(vault: Any, _task: Any, path: str, label: str) -> str:
    """Trust a root certificate file (DER or PEM)."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    from wallet.errors import InputError

    data = Path(path).read_bytes()
    try:
        cert = x509.load_pem_x509_certificate(data) if b"-----BEGIN" in data else x509.load_der_x509_certificate(data)
    except ValueError as exc:
        raise InputError(f"{Path(path).name} is not an X.509 certificate") from exc
    return str(vault.add_trust_anchor(cert.public_bytes(Encoding.DER), label or cert.subject.rfc4514_string()))
