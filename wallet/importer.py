"""The import pipeline shared by the CLI and the GUI: bytes -> parse -> verify -> vault.

A batch import is all-or-nothing at the storage level: every item is parsed
and verified first, then everything new is written in one transaction, so a
failure (or a cancel) never leaves half an import. Items that cannot be
parsed are reported per item and are not stored.

Status list credentials found in a batch are stored as evidence (not as
credentials), so the credentials that point to them can be checked offline.
A credential whose signature or seal does not match its content is refused.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from wallet import codec
from wallet.errors import Cancelled, InputError
from wallet.model import CheckStatus, Credential, VerificationReport
from wallet.vault_context import EVIDENCE_STATUS_LIST, context_from_vault
from wallet.verify.context import VerificationContext


class Outcome(str, enum.Enum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    INVALID = "invalid"  # not a credential we can read: not stored
    EVIDENCE = "evidence"  # a status list credential, stored as evidence


@dataclass(frozen=True)
class ImportItem:
    source: str  # file name, "paste", "link", "qr:<file>"
    raw: bytes


@dataclass(frozen=True)
class ImportResult:
    source: str
    outcome: Outcome
    detail: str  # verdict / why invalid
    credential_id: str | None = None
    title: str | None = None


def _status_list_url(cred: Credential) -> str | None:
    """The URL a status list credential is published at (its id), if it is one."""
    doc = cred.document
    if not isinstance(doc, dict):
        return None
    types = doc.get("type", [])
    types = types if isinstance(types, list) else [types]
    if any(t in ("BitstringStatusListCredential", "StatusList2021Credential") for t in types):
        ident = doc.get("id")
        return ident if isinstance(ident, str) else None
    return None


Progress = Callable[[int, int], None]


def _broken_integrity(report: VerificationReport) -> str | None:
    """Why a credential must not be stored at all, or None.

    A credential whose signature or seal does not match its content was
    changed after it was issued (or forged): keeping it would only mislead.
    Expired, revoked or untrusted credentials are kept, with their report —
    they are part of the learner's record and the report says what is wrong.
    """
    for check in report.checks:
        if check.essential and check.status is CheckStatus.FAILED:
            return f"not imported: {check.name}: {check.reason}"
    return None

#: Most credentials one presentation or link may add in one import.
MAX_EXPANDED = 200


def _embedded_raw(entry: Any) -> bytes | None:
    """Bytes of one credential inside a presentation: envelopes are opened, JWTs kept."""
    from wallet.formats.enveloped import is_enveloped, unwrap

    if isinstance(entry, str):
        return entry.encode("utf-8")
    if isinstance(entry, dict):
        if is_enveloped(entry):
            return unwrap(entry)[1]
        # JSON-LD proofs sign the data, not the bytes: the object is the credential.
        return json.dumps(entry, ensure_ascii=False, indent=2).encode("utf-8")
    return None


def expand_item(item: ImportItem) -> list[ImportItem]:
    """A share link or a presentation becomes the credentials it carries.

    A learner who receives a bundle (a link, a QR code, a presentation file)
    wants the credentials in it, not the wrapper. Anything else passes as is.
    Errors raise InputError, reported for this item alone.
    """
    from wallet.formats import detect
    from wallet.model import Container, CredentialFormat

    raw, source = item.raw, item.source
    fmt, container = detect(raw)
    if container is Container.LINK:
        from wallet.sharing.link import decode_link

        raw = decode_link(raw.decode("ascii", "replace").strip())
        source = f"{source} (link)"
        fmt, container = detect(raw)
    if fmt is not CredentialFormat.VP_LDP:
        return [ImportItem(source, raw)]
    try:
        doc = json.loads(raw)
    except ValueError as exc:
        raise InputError(f"the presentation is not JSON: {exc}") from exc
    entries = doc.get("verifiableCredential", [])
    entries = entries if isinstance(entries, list) else [entries]
    if len(entries) > MAX_EXPANDED:
        raise InputError(f"the presentation holds {len(entries)} credentials; at most {MAX_EXPANDED} are imported at once")
    out = []
    for i, entry in enumerate(entries):
        data = _embedded_raw(entry)
        if data is None:
            raise InputError(f"credential {i + 1} of the presentation is neither an object nor a JWT")
        out.append(ImportItem(f"{source} [credential {i + 1}]", data))
    if not out:
        raise InputError("the presentation carries no credentials")
    return out


def import_items(
    vault: Any,
    items: Sequence[ImportItem],
    *,
    ctx: VerificationContext | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[ImportResult]:
    """Parse, verify and store ``items``; one result per credential, in order.

    A link or a presentation counts as the credentials it carries (see
    :func:`expand_item`), so it may give several results.
    """
    from wallet.verify.engine import parse_bytes as parse  # unexpected parser errors become InputError
    from wallet.verify.engine import verify

    parsed: list[tuple[ImportItem, Credential | None, str]] = []
    status_lists: dict[str, bytes] = {}
    for given in items:
        try:
            expanded = expand_item(given)
        except InputError as exc:
            parsed.append((given, None, str(exc)))
            continue
        for item in expanded:
            try:
                parsed_cred = parse(item.raw)
            except InputError as exc:
                parsed.append((item, None, str(exc)))
                continue
            url = _status_list_url(parsed_cred)
            if url:
                status_lists[url] = item.raw
            parsed.append((item, parsed_cred, url or ""))

    base = ctx or context_from_vault(vault)
    if status_lists:
        merged = dict(base.status_lists)
        merged.update(status_lists)
        from wallet.model import replace

        base = replace(base, status_lists=merged)

    results: list[ImportResult | None] = [None] * len(parsed)
    batch: list[tuple[bytes, str, dict, str, dict | None]] = []
    batch_index: list[tuple[int, Credential, VerificationReport]] = []
    total = len(parsed)
    for i, (item, cred, extra) in enumerate(parsed):
        if cancelled is not None and cancelled():
            raise Cancelled("import cancelled; nothing was stored")
        if progress is not None:
            progress(i, total)
        if cred is None:
            results[i] = ImportResult(item.source, Outcome.INVALID, extra)
            continue
        if extra:  # a status list credential
            results[i] = ImportResult(item.source, Outcome.EVIDENCE, f"status list {extra}")
            continue
        report = verify(cred, base)
        broken = _broken_integrity(report)
        if broken is not None:
            results[i] = ImportResult(item.source, Outcome.INVALID, broken, None, cred.display_title())
            continue
        batch.append((item.raw, cred.format.value, codec.to_json(cred), item.source, report.to_json()))
        batch_index.append((i, cred, report))
    if progress is not None:
        progress(total, total)

    if cancelled is not None and cancelled():
        raise Cancelled("import cancelled; nothing was stored")
    stored = vault.add_credentials(batch) if batch else []
    for url, raw in status_lists.items():
        vault.put_evidence(EVIDENCE_STATUS_LIST, url, raw)
    for (i, cred, report), (sc, new) in zip(batch_index, stored, strict=True):
        results[i] = ImportResult(
            parsed[i][0].source,
            Outcome.IMPORTED if new else Outcome.DUPLICATE,
            report.verdict.value if new else "already in the vault",
            sc.id,
            cred.display_title(),
        )
    return [r for r in results if r is not None]


def reverify(vault: Any, ids: Sequence[str] = (), ctx: VerificationContext | None = None) -> list[tuple[str, VerificationReport]]:
    """Verify stored credentials again (new evidence, new clock) and store the reports."""
    from wallet.verify.engine import verify

    ctx = ctx or context_from_vault(vault)
    targets = [vault.get_credential(i) for i in ids] if ids else vault.list_credentials()
    out: list[tuple[str, VerificationReport]] = []
    from wallet.formats import parse

    for sc in targets:
        # Verification needs the parsed document, which the stored JSON omits:
        # re-parse the original bytes (they are what was signed).
        cred = parse(sc.raw)
        report = verify(cred, ctx)
        vault.set_report(sc.id, report.to_json())
        out.append((sc.id, report))
    return out


def stored_report(sc: Any) -> VerificationReport | None:
    return VerificationReport.from_json(sc.report) if sc.report else None

