"""Importing: bytes -> expand containers -> parse -> verify -> vault, for every front end.

Every item is parsed and verified first, then everything new is written in
one transaction, so a failure (or a cancel) never leaves half an import.
What cannot be read, and what was changed or forged (a signature or seal
that does not match the content), is refused and listed with the reason;
the good items of the same batch are stored. Expired, revoked and untrusted
credentials are kept with their report: they are part of the learner's
record. Status list credentials found in a batch are stored as evidence
(not as credentials), so the credentials that point to them can be checked
offline. A share link or a presentation imports as the credentials it carries.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from wallet import codec
from wallet.app.context import EVIDENCE_STATUS_LIST, context_from_vault
from wallet.app.files import ImportItem, read_file
from wallet.app.keys import with_holder_keys
from wallet.app.online import NO_FETCH, Ask, FetchPlan
from wallet.app.vault import VaultLike
from wallet.errors import Cancelled, InputError
from wallet.formats import detect
from wallet.formats.enveloped import is_enveloped, unwrap
from wallet.messages import Message, msg, render
from wallet.model import CheckStatus, Container, Credential, CredentialFormat, VerificationReport, replace
from wallet.readout import State, credential_state
from wallet.sharing.link import decode_link
from wallet.storage.text import JsonText, json_text
from wallet.verify.context import VerificationContext
from wallet.verify.engine import parse_bytes as parse  # unexpected parser errors become InputError
from wallet.verify.engine import verify

if TYPE_CHECKING:
    from wallet.online import OnlineClient
    from wallet.online.evidence import EvidenceNeed

#: Most credentials one presentation or link may add in one import.
MAX_EXPANDED = 200
#: Batches this big may be verified by worker processes (wallet.app.import_pool decides).
_POOL_HINT = 64


class Outcome(str, enum.Enum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    INVALID = "invalid"  # not stored: unreadable, or changed/forged
    EVIDENCE = "evidence"  # a status list credential, stored as evidence
    FETCHED = "fetched"  # evidence the batch needed, fetched online before verifying
    NOT_FETCHED = "not-fetched"  # evidence the batch needed that could not be fetched (the reason says why)


@dataclass(frozen=True)
class ImportResult:
    source: str
    outcome: Outcome
    message: Message  # why refused, the state it was stored in, ...
    credential_id: str | None = None
    title: str | None = None
    state: str | None = None

    @property
    def detail(self) -> str:
        """The message in English (logs, plain output without a reader language)."""
        return render(self.message)

    def to_json(self) -> dict[str, Any]:
        return {"file": self.source, "outcome": self.outcome.value, "id": self.credential_id, "title": self.title,
                "state": self.state, "message": self.message.to_json(), "detail": self.detail}


Progress = Callable[[int, int], None]


def read_files(names: Sequence[str]) -> tuple[list[ImportItem], list[ImportResult]]:
    """The files that can be read, and a refusal for each that cannot (one bad file never stops the rest)."""
    items: list[ImportItem] = []
    refused: list[ImportResult] = []
    for name in names:
        try:
            items.append(read_file(name))
        except InputError as exc:
            refused.append(ImportResult(name, Outcome.INVALID, _error_message(exc)))
    return items, refused


def _error_message(exc: InputError) -> Message:
    return exc.message or msg("import.unreadable", detail=str(exc))


def status_list_url(cred: Credential) -> str | None:
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


def broken_integrity(report: VerificationReport) -> Message | None:
    """Why a credential must not be stored at all, or None.

    A credential whose signature or seal does not match its content was
    changed after it was issued (or forged): keeping it would only mislead.
    """
    for check in report.checks:
        if check.essential and check.status is CheckStatus.FAILED:
            return msg("import.refused_broken", check=check.id.value, reason=check.message)
    return None


def _embedded_raw(entry: Any) -> bytes | None:
    """Bytes of one credential inside a presentation: envelopes are opened, JWTs kept."""
    if isinstance(entry, str):
        return entry.encode("utf-8")
    if isinstance(entry, dict):
        if is_enveloped(entry):
            return unwrap(entry)[1]
        # JSON-LD proofs sign the data, not the bytes: the object is the credential.
        return json.dumps(entry, ensure_ascii=False, indent=2).encode("utf-8")
    return None


def expand_item(item: ImportItem) -> list[ImportItem]:
    """A share link or a presentation becomes the credentials it carries; anything else passes as is.

    Errors raise InputError, reported for this item alone.
    """
    raw, source = item.raw, item.source
    fmt, container = detect(raw)
    if container is Container.LINK:
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
        raise InputError(f"the presentation holds {len(entries)} credentials; at most {MAX_EXPANDED} are imported at once",
                         message=msg("import.too_many", count=len(entries), limit=MAX_EXPANDED))
    out = []
    for i, entry in enumerate(entries):
        data = _embedded_raw(entry)
        if data is None:
            raise InputError(f"credential {i + 1} of the presentation is neither an object nor a JWT",
                             message=msg("import.bad_entry", number=i + 1))
        out.append(ImportItem(f"{source} [credential {i + 1}]", data))
    if not out:
        raise InputError("the presentation carries no credentials", message=msg("presentation.empty"))
    return out


def report_json(report: VerificationReport) -> dict[str, Any]:
    """A report as the vault stores it: with the owner's state, so lists need not work it out again."""
    return {**report.to_json(), "state": credential_state(report).state.value}


@dataclass(frozen=True)
class Checked:
    """What the vault and the result line need of one verified credential (small, and sent between processes).

    ``broken`` is why the credential is refused (its signature or seal does
    not match); otherwise ``document`` and ``report`` are what the vault
    stores, as the JSON text it stores them as.
    """

    title: str
    state: str
    broken: Message | None = None
    format: str = ""
    document: JsonText | None = None
    report: JsonText | None = None


def check(cred: Credential, ctx: VerificationContext) -> Checked:
    """Verify one parsed credential: the same steps in-process and in a worker (``wallet.app.import_pool``)."""
    report = verify(cred, ctx)
    broken = broken_integrity(report)
    if broken is not None:
        return Checked(cred.display_title(), "forged", broken)
    return Checked(cred.display_title(), credential_state(report).state.value, None, cred.format.value,
                   JsonText(json_text(codec.to_json(cred), sort_keys=True)), JsonText(json_text(report_json(report))))


def import_items(
    vault: VaultLike,
    items: Sequence[ImportItem],
    *,
    ctx: VerificationContext | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    online: bool | FetchPlan = False,
    client: OnlineClient | None = None,
    ask: Ask | None = None,
    now: datetime | None = None,
    skipped: Callable[[list[EvidenceNeed]], None] | None = None,
) -> list[ImportResult]:
    """Parse, verify and store ``items``; one result per credential, in order.

    With ``online`` (True: everything the batch needs, without asking; or a
    :class:`~wallet.app.online.FetchPlan` from the settings, with ``ask``
    called once per issuer host) the evidence the batch needs is fetched and
    stored *before* verifying, so the reports already use it (the context is
    then built from the vault, at ``now`` or ``ctx.now``); what was
    fetched, and what could not be, comes first, before the credentials' results.
    Needs left out (a host nobody answered about, or one the user refused) go
    to ``skipped``, so a front end can say how to fetch them.
    Fetched evidence is kept even when the import is then cancelled: it is
    a cache, not the user's data.
    """
    if len(items) >= _POOL_HINT:
        from wallet.app import import_pool  # deferred: loaded with the first big import

        import_pool.warm_up(len(items))  # the workers' start-up overlaps with the parsing below
    parsed: list[tuple[ImportItem, Credential | None, str | Message]] = []
    status_lists: dict[str, bytes] = {}
    for given in items:
        try:
            expanded = expand_item(given)
        except InputError as exc:
            parsed.append((given, None, _error_message(exc)))
            continue
        for item in expanded:
            try:
                parsed_cred = parse(item.raw)
            except InputError as exc:
                parsed.append((item, None, _error_message(exc)))
                continue
            url = status_list_url(parsed_cred)
            if url:
                status_lists[url] = item.raw
            parsed.append((item, parsed_cred, url or ""))

    plan = online if isinstance(online, FetchPlan) else (FetchPlan(True, respect_denials=False) if online else NO_FETCH)
    fetched: list[ImportResult] = []
    if plan.fetch and not (cancelled is not None and cancelled()):
        creds = [cred for _item, cred, extra in parsed if cred is not None and not extra]
        from wallet.app.import_online import batch_needs, fetch_for_batch  # deferred: only imports that go online

        needs = batch_needs(vault, creds, plan, tuple(status_lists))
        fetched = fetch_for_batch(vault, needs, plan, client, ask, cancelled, skipped)
    if ctx is None or plan.fetch:
        base = context_from_vault(vault, now=now or (ctx.now if ctx is not None else None))
    else:
        base = ctx
    base = with_holder_keys(base, vault)
    if status_lists:
        base = replace(base, status_lists={**base.status_lists, **status_lists})

    results: list[ImportResult | None] = [None] * len(parsed)
    total = len(parsed)
    jobs = [(i, item.raw) for i, (item, cred, extra) in enumerate(parsed) if cred is not None and not extra]
    checked = _check_in_pool(jobs, base, total, progress, cancelled) if jobs else None
    batch: list[tuple[bytes, str, JsonText, str, JsonText | None]] = []
    batch_index: list[tuple[int, Checked]] = []
    for i, (item, cred, extra) in enumerate(parsed):
        if checked is None:  # in-process: one item at a time, cancel and progress between items
            if cancelled is not None and cancelled():
                raise Cancelled("import cancelled; nothing was stored", message=msg("import.cancelled"))
            if progress is not None:
                progress(i, total)
        if cred is None:
            assert isinstance(extra, Message)
            results[i] = ImportResult(item.source, Outcome.INVALID, extra)
            continue
        if extra:  # a status list credential
            results[i] = ImportResult(item.source, Outcome.EVIDENCE, msg("import.status_list", url=str(extra)))
            continue
        done = checked[i] if checked is not None else check(cred, base)
        if done.broken is not None:
            results[i] = ImportResult(item.source, Outcome.INVALID, done.broken, None, done.title, done.state)
            continue
        assert done.document is not None
        batch.append((item.raw, done.format, done.document, item.source, done.report))
        batch_index.append((i, done))
    if progress is not None:
        progress(total, total)

    if cancelled is not None and cancelled():
        raise Cancelled("import cancelled; nothing was stored", message=msg("import.cancelled"))
    stored = vault.add_credentials(batch) if batch else []
    for url, raw in status_lists.items():
        vault.put_evidence(EVIDENCE_STATUS_LIST, url, raw)
    for (i, done), (sc, new) in zip(batch_index, stored, strict=True):
        state = State(done.state)
        results[i] = ImportResult(
            parsed[i][0].source,
            Outcome.IMPORTED if new else Outcome.DUPLICATE,
            msg("import.stored", state=state.label) if new else msg("import.duplicate"),
            sc.id,
            done.title,
            state.value,
        )
    return fetched + [r for r in results if r is not None]


def _check_in_pool(jobs: list[tuple[int, bytes]], ctx: VerificationContext, total: int, progress: Progress | None,
                   cancelled: Callable[[], bool] | None) -> dict[int, Checked] | None:
    """The checks of a big batch from worker processes, or None to verify in-process (small batch, no pool)."""
    from wallet.app import import_pool  # deferred: loaded with the first big import

    if import_pool.workers_for(len(jobs)) == 0:
        return None
    others = total - len(jobs)  # unreadable items and status lists: nothing to verify
    found = import_pool.check_all(jobs, ctx, cancelled=cancelled,
                                  progress=None if progress is None else lambda n: progress(others + n, total))
    if found is not None and len(found) < len(jobs):  # cancelled while the pool worked
        raise Cancelled("import cancelled; nothing was stored", message=msg("import.cancelled"))
    return found
