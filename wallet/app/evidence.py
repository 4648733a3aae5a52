"""The evidence cache as the user sees it: what was fetched, from where, when; pinning a JSON-LD context.

Storing what the fetchers return keeps every field of
``wallet.online.evidence.Evidence`` (``wallet/storage/evidence.py``).
Pinning a context is the one fetch that changes what credentials *mean*, so
it is two steps with the user in between: fetch and show the URL, SHA-256
and size (:func:`fetch_context_candidate`), then pin only on confirmation
(:func:`pin_candidate`, or :func:`pin_context` with a ``confirm`` callback).
A pinned context is never silently replaced.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from wallet.app.context import EVIDENCE_CONTEXT
from wallet.app.vault import VaultLike
from wallet.errors import NotFound, UsageError
from wallet.storage.evidence import EvidenceRow

if TYPE_CHECKING:
    from wallet.online import OnlineClient
    from wallet.online.evidence import Evidence

#: How much of a document ``show`` prints as text.
PREVIEW_CHARS = 4000


def row_of(evidence: Evidence) -> EvidenceRow:
    """What the vault stores for one fetched record (every field, the bytes exactly as fetched)."""
    return EvidenceRow(kind=evidence.kind.value, key=evidence.key, data=evidence.body, fetched_at=evidence.fetched_at,
                       source_url=evidence.source_url, media_type=evidence.media_type, max_age=evidence.max_age,
                       issued_at=evidence.issued_at, notes=evidence.notes, http_status=evidence.http_status,
                       revoked=evidence.revoked)


def store(vault: VaultLike, records: Iterable[Evidence]) -> int:
    """Store fetched records in one transaction (never a pinned context: see :func:`pin_candidate`)."""
    rows = [row_of(e) for e in records]
    if rows:
        vault.put_evidence_rows(rows)
    return len(rows)


def _host(stored: Any) -> str | None:
    url = stored.source_url or (stored.key if str(stored.key).startswith("https://") else None)
    try:
        return urlsplit(url).hostname if url else None
    except ValueError:
        return None


@dataclass(frozen=True)
class EvidenceSummary:
    """One cached piece of evidence, without its bytes."""

    kind: str
    key: str
    host: str | None
    fetched_at: datetime
    source_url: str | None
    media_type: str | None
    size: int
    sha256: str
    issued_at: datetime | None
    max_age: int | None
    stale_after: datetime | None
    notes: tuple[str, ...]
    revoked: bool | None
    http_status: int | None

    @property
    def pinned(self) -> bool:
        return self.kind == EVIDENCE_CONTEXT

    def stale(self, now: datetime) -> bool:
        return self.stale_after is not None and now >= self.stale_after

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "key": self.key, "host": self.host, "fetched_at": self.fetched_at.isoformat(),
                "source_url": self.source_url, "media_type": self.media_type, "size": self.size,
                "sha256": self.sha256, "issued_at": self.issued_at.isoformat() if self.issued_at else None,
                "max_age": self.max_age, "stale_after": self.stale_after.isoformat() if self.stale_after else None,
                "notes": list(self.notes), "revoked": self.revoked, "http_status": self.http_status,
                "pinned": self.pinned}


def _summary(stored: Any) -> EvidenceSummary:
    return EvidenceSummary(stored.kind, stored.key, _host(stored), stored.fetched_at, stored.source_url,
                           stored.media_type, stored.size, stored.sha256, stored.issued_at, stored.max_age,
                           stored.stale_after, tuple(stored.notes), stored.revoked, stored.http_status)


def list_evidence(vault: VaultLike, kind: str | None = None) -> list[EvidenceSummary]:
    """Every cached piece of evidence (of ``kind``), by kind and key."""
    return [_summary(r) for r in vault.evidence_records(kind)]


@dataclass(frozen=True)
class CacheSize:
    count: int
    size: int
    by_kind: tuple[tuple[str, int, int], ...]  # (kind, count, bytes)

    def to_json(self) -> dict[str, Any]:
        return {"count": self.count, "bytes": self.size,
                "by_kind": [{"kind": k, "count": c, "bytes": b} for k, c, b in self.by_kind]}


def cache_size(vault: VaultLike) -> CacheSize:
    kinds: dict[str, list[int]] = {}
    for item in list_evidence(vault):
        slot = kinds.setdefault(item.kind, [0, 0])
        slot[0] += 1
        slot[1] += item.size
    rows = tuple((k, v[0], v[1]) for k, v in sorted(kinds.items()))
    return CacheSize(sum(r[1] for r in rows), sum(r[2] for r in rows), rows)


@dataclass(frozen=True)
class EvidenceDetail:
    summary: EvidenceSummary
    data: bytes

    @property
    def text(self) -> str | None:
        """The document as text when it is text (JSON, a JWT, XML), cut at PREVIEW_CHARS."""
        try:
            decoded = self.data.decode("utf-8")
        except UnicodeDecodeError:
            return None
        if any(ord(c) < 32 and c not in "\t\r\n" for c in decoded[:PREVIEW_CHARS]):
            return None
        return decoded[:PREVIEW_CHARS] + ("…" if len(decoded) > PREVIEW_CHARS else "")

    def to_json(self) -> dict[str, Any]:
        return {**self.summary.to_json(), "text": self.text}


def show_evidence(vault: VaultLike, key: str, kind: str | None = None) -> EvidenceDetail:
    """One cached piece of evidence by its key (the DID or URL); ``kind`` when the key has several."""
    matches = [r for r in vault.evidence_records(kind) if r.key == key]
    if not matches:
        raise NotFound(f"no cached evidence for {key[:200]!r}" + (f" of kind {kind}" if kind else ""))
    if len(matches) > 1:
        raise UsageError(f"{key[:200]!r} has evidence of several kinds ({', '.join(r.kind for r in matches)}); "
                         "say which with --kind")
    found = vault.get_evidence_record(matches[0].kind, key)
    assert found is not None and found.data is not None
    return EvidenceDetail(_summary(found), found.data)


# -- pinning a JSON-LD context ----------------------------------------------------------------------------
@dataclass(frozen=True)
class ContextCandidate:
    """A fetched context waiting for the user's yes: what exactly would be pinned."""

    url: str
    sha256: str
    size: int
    source_url: str
    media_type: str | None
    fetched_at: datetime
    data: bytes
    pinned_sha256: str | None  # what is pinned for this URL now, if anything

    @property
    def already_pinned(self) -> bool:
        return self.pinned_sha256 == self.sha256

    @property
    def replaces(self) -> bool:
        return self.pinned_sha256 is not None and not self.already_pinned

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "sha256": self.sha256, "size": self.size, "source_url": self.source_url,
                "media_type": self.media_type, "fetched_at": self.fetched_at.isoformat(),
                "pinned_sha256": self.pinned_sha256}


def fetch_context_candidate(vault: VaultLike, url: str, *, client: OnlineClient) -> ContextCandidate:
    """Fetch the context at ``url`` (nothing is stored); bundled contexts need no pinning."""
    from wallet.online.evidence import fetch_context  # deferred: start-up time
    from wallet.verify.jsonld import is_bundled  # deferred: start-up time

    if is_bundled(url):
        raise UsageError(f"{url} is bundled with the wallet; it needs no pinning")
    evidence = fetch_context(client, url)
    current = vault.get_evidence_record(EVIDENCE_CONTEXT, url)
    return ContextCandidate(url, hashlib.sha256(evidence.body).hexdigest(), len(evidence.body), evidence.source_url,
                            evidence.media_type, evidence.fetched_at, evidence.body,
                            current.sha256 if current is not None else None)


def pin_candidate(vault: VaultLike, candidate: ContextCandidate, *, replace: bool = False) -> bool:
    """Pin what the user saw and confirmed; a different pinned context is replaced only with ``replace``."""
    row = EvidenceRow(EVIDENCE_CONTEXT, candidate.url, candidate.data, candidate.fetched_at, candidate.source_url,
                      candidate.media_type)
    return bool(vault.pin_context(row, replace=replace))


@dataclass(frozen=True)
class PinResult:
    candidate: ContextCandidate
    pinned: bool  # False: declined, or exactly this was pinned already


def pin_context(vault: VaultLike, url: str, *, client: OnlineClient, confirm: Callable[[ContextCandidate], bool],
                replace: bool = False) -> PinResult:
    """Fetch, show (through ``confirm``), then pin on a yes."""
    candidate = fetch_context_candidate(vault, url, client=client)
    if candidate.already_pinned or not confirm(candidate):
        return PinResult(candidate, False)
    return PinResult(candidate, pin_candidate(vault, candidate, replace=replace))


__all__: Sequence[str] = ("CacheSize", "ContextCandidate", "EvidenceDetail", "EvidenceSummary", "PinResult",
                          "cache_size", "fetch_context_candidate", "list_evidence", "pin_candidate", "pin_context",
                          "row_of", "show_evidence", "store")
