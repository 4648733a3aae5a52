"""Refreshing evidence: fetch what stored credentials need, store it, verify again, say what changed.

The one place that goes online for stored credentials, whatever asked: the
user ("Refresh evidence", ``wallet refresh [ID...]``) or the app's schedule
(:func:`due_needs`: status lists when their ``ttl``/``max-age`` has run out,
everything else daily; only hosts the user allowed or fetched from before,
unless ``online.fetch`` is ``always``). Fetching never stops at the first failure; what was
fetched is stored with when and where it came from, and then every affected
credential is verified again *offline*, from the cache, with
:func:`wallet.app.reverify.reverify`. The result says what changed in plain
words: "revoked since you last checked", "the issuer's key is no longer
listed".
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from cachetools import LRUCache

from wallet.app.context import EVIDENCE_TRUST_SNAPSHOT, EVIDENCE_TRUSTED_LIST, TRUST_SNAPSHOT_KEY
from wallet.app.evidence import store
from wallet.app.online import FETCH_ALWAYS, FETCH_NEVER, OnlinePrefs, prefs
from wallet.app.reverify import Reverified, reverify
from wallet.app.vault import VaultLike
from wallet.errors import InputError
from wallet.messages import Message, msg
from wallet.model import CheckId, CheckStatus
from wallet.readout import State

if TYPE_CHECKING:
    from wallet.online import OnlineClient
    from wallet.online.evidence import Evidence, EvidenceNeed, NeedResult

#: The schedule: fetch again after the publisher's max-age / ttl, but at most daily and at least every 15 minutes.
DEFAULT_INTERVAL = timedelta(days=1)
MIN_INTERVAL = timedelta(minutes=15)
_STATUS_KINDS = ("status-list", "token-status-list")
#: Signature failures that mean "the key is not (any longer) where the issuer publishes its keys".
_KEY_GONE = ("proof.key_not_found", "purpose.not_allowed", "issuer_key.other", "jose.embedded_key_foreign")

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Fetched:
    """One piece of evidence fetched and stored."""

    kind: str
    key: str
    source_url: str
    fetched_at: datetime
    size: int
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "key": self.key, "source_url": self.source_url,
                "fetched_at": self.fetched_at.isoformat(), "size": self.size, "notes": list(self.notes)}


@dataclass(frozen=True)
class NotFetched:
    """One need that could not be fetched, and why (one sentence, safe to show)."""

    kind: str
    key: str
    reason: str
    error: str | None  # the wallet.errors class name, e.g. "AddressRefused", "OfflineMode"

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "key": self.key, "reason": self.reason, "error": self.error}


@dataclass(frozen=True)
class Change:
    """A credential whose state changed after new evidence, in plain words."""

    id: str
    before: State | None
    after: State
    message: Message

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "before": self.before.value if self.before else None, "after": self.after.value,
                "message": self.message.to_json()}


@dataclass(frozen=True)
class RefreshResult:
    fetched: tuple[Fetched, ...] = ()
    failed: tuple[NotFetched, ...] = ()
    reverified: tuple[Reverified, ...] = ()
    changes: tuple[Change, ...] = ()
    cancelled: bool = False
    needs: int = 0  # how many pieces of evidence were asked for
    notes: tuple[str, ...] = field(default=())  # e.g. why the trusted-list snapshot was not rebuilt

    @property
    def offline(self) -> bool:
        """Nothing was fetched because the wallet is offline."""
        return bool(self.failed) and not self.fetched and all(f.error == "OfflineMode" for f in self.failed)

    def to_json(self) -> dict[str, Any]:
        return {"needs": self.needs, "fetched": [f.to_json() for f in self.fetched],
                "failed": [f.to_json() for f in self.failed], "cancelled": self.cancelled, "offline": self.offline,
                "changes": [c.to_json() for c in self.changes], "notes": list(self.notes),
                "credentials": [r.to_json() for r in self.reverified]}


def _mentions(message: Message | None, ids: Sequence[str], depth: int = 0) -> bool:
    if message is None or depth > 4:
        return False
    if message.id in ids:
        return True
    return any(isinstance(v, Message) and _mentions(v, ids, depth + 1) for _k, v in message.params)


def change_of(item: Reverified) -> Change | None:
    """What changed for one credential, in the words a learner needs, or None."""
    if not item.changed:
        return None
    after = item.after
    if after is State.REVOKED:
        message = msg("refresh.revoked_since")
    elif after is State.SUSPENDED:
        message = msg("refresh.suspended_since")
    elif after is State.FORGED and any(c.id in (CheckId.SIGNATURE, CheckId.ISSUER_KEY) and c.status is
                                       CheckStatus.FAILED and _mentions(c.message, _KEY_GONE)
                                       for c in item.report.checks):
        message = msg("refresh.key_gone")
    elif item.before in (State.REVOKED, State.SUSPENDED) and not after.bad:
        message = msg("refresh.reinstated", after=after.label)
    else:
        message = item.change or msg("reverify.changed", before=None, after=after.label, reason=None)
    return Change(item.id, item.before, after, message)


def _parsed(stored: Any) -> Any:
    from wallet.formats import parse  # deferred: start-up time

    try:
        return parse(stored.raw)
    except InputError:
        return None  # an unreadable stored credential needs nothing: its report says why


#: What each stored credential needs is a pure function of its bytes: remembered by their SHA-256, so the
#: schedule's look every few minutes does not parse thousands of credentials again.
_NEEDS: LRUCache = LRUCache(maxsize=20_000)
_NEEDS_LOCK = threading.Lock()


def needs_by_credential(vault: VaultLike, ids: Sequence[str] = ()) -> dict[str, list[EvidenceNeed]]:
    """Credential id → what it needs from the network (read from the stored bytes, no network)."""
    from wallet.online.evidence import evidence_needs  # deferred: start-up time

    targets = [vault.get_credential(i) for i in ids] if ids else list(vault.list_credentials())
    out: dict[str, list[EvidenceNeed]] = {}
    for stored in targets:
        digest = getattr(stored, "sha256", None)
        with _NEEDS_LOCK:
            known = _NEEDS.get(digest) if digest else None
        if known is None:
            cred = _parsed(stored)
            known = tuple(evidence_needs(cred)) if cred is not None else ()
            if digest:
                with _NEEDS_LOCK:
                    _NEEDS[digest] = known
        out[stored.id] = list(known)
    return out


def _rebuild_trust_snapshot(vault: VaultLike, fetched: Sequence[Evidence]) -> str | None:
    """After new trusted lists arrived: verify them (offline) into the dated snapshot; None or why not."""
    if not any(e.kind.value == EVIDENCE_TRUSTED_LIST for e in fetched):
        return None
    from wallet.verify.seals.trustlist import load_trust_snapshot_bytes  # deferred: the EU-seal stack is heavy

    lists = vault.evidence_records(EVIDENCE_TRUSTED_LIST, with_data=True)
    try:
        snapshot = load_trust_snapshot_bytes([(r.key, r.data) for r in lists])
    except InputError as exc:
        return f"The fetched trusted lists were not used: {exc}"
    vault.put_evidence(EVIDENCE_TRUST_SNAPSHOT, TRUST_SNAPSHOT_KEY, snapshot.to_bytes())
    return None


def fetch_and_store(vault: VaultLike, needs: Sequence[EvidenceNeed], *, client: OnlineClient,
                    progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None) -> tuple[list[NeedResult], list[Evidence], list[str]]:
    """Fetch ``needs``, store every record that came back; (results, records, notes)."""
    from wallet.online.evidence import fetch_needs  # deferred: start-up time

    def step(done: int, total: int, _need: EvidenceNeed) -> None:
        if progress is not None:
            progress(done, total + 1)

    results = fetch_needs(client, needs, progress=step, cancelled=cancelled)
    records = [e for r in results for e in r.evidence]
    store(vault, records)
    note = _rebuild_trust_snapshot(vault, records)
    return results, records, [note] if note else []


def _outcome(needs: Sequence[EvidenceNeed], results: Sequence[NeedResult], records: Sequence[Evidence],
             reverified: Sequence[Reverified], notes: Sequence[str], cancelled: bool) -> RefreshResult:
    fetched = tuple(Fetched(e.kind.value, e.key, e.source_url, e.fetched_at, e.size, e.notes) for e in records)
    failed = tuple(NotFetched(r.need.kind.value, r.need.key, r.error or "", r.error_type) for r in results
                   if not r.ok)
    changes = tuple(c for c in (change_of(r) for r in reverified) if c is not None)
    return RefreshResult(fetched, failed, tuple(reverified), changes, cancelled, len(needs), tuple(notes))


def refresh(vault: VaultLike, ids: Sequence[str] = (), *, client: OnlineClient, progress: Progress | None = None,
            cancelled: Callable[[], bool] | None = None, now: datetime | None = None) -> RefreshResult:
    """Fetch what the given (or all) stored credentials need, store it, verify them again."""
    from wallet.online.evidence import merge_needs  # deferred: start-up time

    per_credential = needs_by_credential(vault, ids)
    needs = merge_needs(per_credential.values())
    results, records, notes = fetch_and_store(vault, needs, client=client, progress=progress, cancelled=cancelled)
    stopped = cancelled is not None and cancelled()
    again = reverify(vault, list(per_credential), now=now)
    if progress is not None:
        progress(len(needs) + 1, len(needs) + 1)
    return _outcome(needs, results, records, again, notes, stopped)


# -- the schedule -------------------------------------------------------------------------------------------
def interval_of(record: Any) -> timedelta:
    """How long a cached record stays fresh for the schedule: its max-age/ttl within [15 min, 1 day]."""
    if record.max_age is None:
        return DEFAULT_INTERVAL
    return min(DEFAULT_INTERVAL, max(MIN_INTERVAL, timedelta(seconds=record.max_age)))


def _scheduled(need: EvidenceNeed, settings: OnlinePrefs, record: Any) -> bool:
    """May the schedule contact this need's host? Never a refused host; with ``ask``, only a host the user
    allowed or whose evidence the user fetched before: the schedule never contacts a new host by itself."""
    host = (need.host or "").lower()
    if not host or settings.hosts.get(host) is False:
        return False
    return settings.fetch == FETCH_ALWAYS or settings.hosts.get(host) is True or record is not None


def due_needs(vault: VaultLike, now: datetime | None = None) -> tuple[list[EvidenceNeed], dict[str, list[str]]]:
    """What the schedule should fetch now, and which credentials each due need serves (need key → ids).

    Nothing is due in offline mode or when online fetching is set to ``never``;
    hosts the user said "no" to are never contacted by the schedule.
    """
    from wallet.online.evidence import merge_needs  # deferred: start-up time

    when = now or datetime.now(UTC)
    settings = prefs(vault)
    if settings.offline or settings.fetch == FETCH_NEVER:
        return [], {}
    cached = {(r.kind, r.key): r for r in vault.evidence_records()}
    per_credential = needs_by_credential(vault)
    serves: dict[str, list[str]] = {}
    due: list[list[EvidenceNeed]] = []
    for ident, needs in per_credential.items():
        mine: list[EvidenceNeed] = []
        for need in needs:
            record = cached.get((need.kind.value, need.key))
            if not _scheduled(need, settings, record):
                continue
            if record is None or when >= record.fetched_at + interval_of(record):
                mine.append(need)
                serves.setdefault(f"{need.kind.value} {need.key}", []).append(ident)
        due.append(mine)
    return merge_needs(due), serves


def next_due(vault: VaultLike, now: datetime | None = None) -> datetime | None:
    """When the schedule next has something to fetch (now, if something is due already), or None."""
    from wallet.online.evidence import merge_needs  # deferred: start-up time

    when = now or datetime.now(UTC)
    settings = prefs(vault)
    if settings.offline or settings.fetch == FETCH_NEVER:
        return None
    cached = {(r.kind, r.key): r for r in vault.evidence_records()}
    times: list[datetime] = []
    for need in merge_needs(needs_by_credential(vault).values()):
        record = cached.get((need.kind.value, need.key))
        if not _scheduled(need, settings, record):
            continue
        times.append(when if record is None else max(when, record.fetched_at + interval_of(record)))
    return min(times, default=None)


def refresh_due(vault: VaultLike, *, client: OnlineClient, now: datetime | None = None,
                progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> RefreshResult:
    """One run of the schedule: fetch what is due, verify again the credentials it serves."""
    needs, serves = due_needs(vault, now)
    if not needs:
        return RefreshResult()
    results, records, notes = fetch_and_store(vault, needs, client=client, progress=progress, cancelled=cancelled)
    fetched_keys = {f"{e.kind.value} {e.key}" for e in records}
    affected = list(dict.fromkeys(i for key in fetched_keys for i in serves.get(key, ())))
    again = reverify(vault, affected, now=now) if affected else []
    return _outcome(needs, results, records, again, notes, cancelled is not None and cancelled())
