"""The evidence cache, the log of contacted hosts and the per-host answers, in the vault.

Evidence is what verification may use besides the credential: status lists,
DID documents, issuer metadata, Open Badges hosted copies, trusted lists,
pinned JSON-LD contexts. Each row keeps the bytes exactly as fetched and
where/when they came from, so a report can say "as of" and the user can see
what was fetched from whom (``wallet evidence list``).

Pinned JSON-LD contexts (kind ``context``) are different from everything
else: a context decides what a signed credential *means*, so a pinned one is
never replaced by a refresh or a generic write. :meth:`EvidenceStore.put_evidence`
refuses the kind; only :meth:`EvidenceStore.pin_context` writes it, and
replacing different bytes needs ``replace=True`` (an explicit user decision).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from wallet.errors import UsageError
from wallet.storage import text
from wallet.storage.connection import Connection, db_errors, transaction
from wallet.storage.records import StoreBase, iso, utc_now

#: The kind of pinned JSON-LD contexts: written only through :meth:`EvidenceStore.pin_context`.
CONTEXT_KIND = "context"
#: The contact log keeps this many newest entries (a privacy log, not an archive).
MAX_CONTACTS = 2000
MAX_KEY_CHARS = 4096
MAX_NOTES = 20


class PinnedContextConflict(UsageError):
    """A different context is already pinned for this URL; replacing it needs an explicit decision."""


@dataclass(frozen=True)
class EvidenceRow:
    """One piece of evidence to store (the fields of ``wallet.online.evidence.Evidence``)."""

    kind: str
    key: str  # the DID, or the URL the credential names
    data: bytes
    fetched_at: datetime
    source_url: str | None = None  # None: not fetched online (a file, a locally built snapshot)
    media_type: str | None = None
    max_age: int | None = None
    issued_at: datetime | None = None
    notes: tuple[str, ...] = ()
    http_status: int | None = None
    revoked: bool | None = None


@dataclass(frozen=True)
class StoredEvidence:
    """One cached piece of evidence as the vault holds it (``data`` is None in metadata-only listings)."""

    kind: str
    key: str
    sha256: str
    size: int
    fetched_at: datetime
    source_url: str | None = None
    media_type: str | None = None
    max_age: int | None = None
    issued_at: datetime | None = None
    notes: tuple[str, ...] = ()
    http_status: int | None = None
    revoked: bool | None = None
    data: bytes | None = field(default=None, repr=False)

    @property
    def fetched_online(self) -> bool:
        return self.source_url is not None

    @property
    def stale_after(self) -> datetime | None:
        """When the publisher says a fresh copy should be fetched, if it said."""
        return self.fetched_at + timedelta(seconds=self.max_age) if self.max_age is not None else None


_COLUMNS = ("kind, key, sha256, length(data), fetched_at, source_url, media_type, max_age, issued_at, notes, "
            "http_status, revoked")


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _notes(text: str | None) -> tuple[str, ...]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return ()
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def _stored(row: Sequence[Any], data: bytes | None = None) -> StoredEvidence:
    return StoredEvidence(
        kind=row[0], key=row[1], sha256=row[2], size=int(row[3]), fetched_at=datetime.fromisoformat(row[4]),
        source_url=row[5], media_type=row[6], max_age=row[7], issued_at=_when(row[8]), notes=_notes(row[9]),
        http_status=row[10], revoked=None if row[11] is None else bool(row[11]), data=data,
    )


def _check_key(kind: str, key: str) -> None:
    if not kind or not key or not isinstance(kind, str) or not isinstance(key, str):
        raise UsageError("evidence needs a kind and a key")
    if len(key) > MAX_KEY_CHARS or len(kind) > 64 or "\x00" in key or "\x00" in kind:
        raise UsageError("an evidence key must be at most 4096 characters without NUL")
    text.key(kind, "evidence kind")
    text.key(key, "evidence key")


def _write(conn: Connection, row: EvidenceRow) -> None:
    _check_key(row.kind, row.key)
    data = bytes(row.data)
    notes = text.json_text([str(n) for n in row.notes[:MAX_NOTES]])
    conn.execute(
        "INSERT INTO evidence (kind, key, data, fetched_at, sha256, source_url, media_type, max_age, issued_at, "
        "http_status, revoked, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(kind, key) DO UPDATE SET data = excluded.data, fetched_at = excluded.fetched_at, "
        "sha256 = excluded.sha256, source_url = excluded.source_url, media_type = excluded.media_type, "
        "max_age = excluded.max_age, issued_at = excluded.issued_at, http_status = excluded.http_status, "
        "revoked = excluded.revoked, notes = excluded.notes",
        (row.kind, row.key, data, iso(row.fetched_at), hashlib.sha256(data).hexdigest(), row.source_url,
         row.media_type, row.max_age, iso(row.issued_at) if row.issued_at else None, row.http_status,
         None if row.revoked is None else int(row.revoked), notes),
    )


class EvidenceStore(StoreBase):
    """Evidence, contacted hosts and host answers of :class:`wallet.storage.Vault`."""

    # -- evidence -------------------------------------------------------------------
    def put_evidence(self, kind: str, key: str, data: bytes, fetched_at: datetime | None = None) -> None:
        """Cache one piece of evidence without metadata (a file the user gave); replaces an older copy."""
        self.put_evidence_rows([EvidenceRow(kind, key, bytes(data), fetched_at or utc_now())])

    def put_evidence_rows(self, rows: Sequence[EvidenceRow]) -> None:
        """Store many pieces of evidence in one transaction (all or none); each replaces its older copy.

        Pinned contexts are refused here: see :meth:`pin_context`.
        """
        if any(r.kind == CONTEXT_KIND for r in rows):
            raise UsageError("JSON-LD contexts are pinned with pin_context; they are never replaced by a refresh")
        conn = self._db()
        with db_errors(), transaction(conn):
            for row in rows:
                _write(conn, row)

    def get_evidence(self, kind: str, key: str) -> tuple[bytes, datetime] | None:
        found = self.get_evidence_record(kind, key)
        return None if found is None or found.data is None else (found.data, found.fetched_at)

    def get_evidence_record(self, kind: str, key: str) -> StoredEvidence | None:
        """One piece of evidence with its bytes and metadata, or None."""
        if not (text.is_storable(kind) and text.is_storable(key)):
            return None  # could never have been stored
        with db_errors():
            row = self._db().execute(f"SELECT {_COLUMNS}, data FROM evidence WHERE kind = ? AND key = ?",
                                     (kind, key)).fetchone()
        return None if row is None else _stored(row, bytes(row[12]))

    def list_evidence(self, kind: str) -> dict[str, bytes]:
        """Key → bytes of every piece of evidence of ``kind``."""
        if not text.is_storable(kind):
            return {}
        with db_errors():
            rows = self._db().execute("SELECT key, data FROM evidence WHERE kind = ? ORDER BY key", (kind,)).fetchall()
        return {r[0]: bytes(r[1]) for r in rows}

    def evidence_records(self, kind: str | None = None, *, with_data: bool = False) -> list[StoredEvidence]:
        """Every piece of evidence (of ``kind``), ordered by kind and key; bytes only ``with_data``."""
        sql = f"SELECT {_COLUMNS}{', data' if with_data else ''} FROM evidence"
        args: tuple[str, ...] = ()
        if kind is not None:
            sql += " WHERE kind = ?"
            args = (kind,)
        with db_errors():
            rows = self._db().execute(sql + " ORDER BY kind, key", args).fetchall()
        return [_stored(r, bytes(r[12]) if with_data else None) for r in rows]

    def pin_context(self, row: EvidenceRow, *, replace: bool = False) -> bool:
        """Pin a JSON-LD context; False when exactly these bytes were pinned already.

        A different pinned context for the same URL is never replaced unless
        ``replace`` (PinnedContextConflict otherwise).
        """
        if row.kind != CONTEXT_KIND:
            raise UsageError("pin_context stores JSON-LD contexts only")
        digest = hashlib.sha256(bytes(row.data)).hexdigest()
        conn = self._db()
        with db_errors(), transaction(conn):
            found = conn.execute("SELECT sha256 FROM evidence WHERE kind = ? AND key = ?",
                                 (CONTEXT_KIND, row.key)).fetchone()
            if found is not None and found[0] == digest:
                return False
            if found is not None and not replace:
                raise PinnedContextConflict(
                    f"a different context is already pinned for {row.key[:200]} (SHA-256 {found[0][:16]}…); "
                    "replace it explicitly if you trust the new one")
            _write(conn, row)
        return True

    # -- contacted hosts --------------------------------------------------------------
    def log_contact(self, host: str, when: datetime, purpose: str) -> None:
        """Record that ``host`` was looked up or contacted (keeps the newest MAX_CONTACTS entries)."""
        conn = self._db()
        with db_errors(), transaction(conn):
            conn.execute("INSERT INTO online_contacts (host, contacted_at, purpose) VALUES (?, ?, ?)",
                         (text.label(str(host)[:255]), iso(when), text.label(str(purpose)[:200])))
            conn.execute("DELETE FROM online_contacts WHERE id <= (SELECT max(id) FROM online_contacts) - ?",
                         (MAX_CONTACTS,))

    def list_contacts(self, limit: int | None = None) -> list[tuple[str, datetime, str]]:
        """(host, when, purpose), newest first."""
        sql = "SELECT host, contacted_at, purpose FROM online_contacts ORDER BY id DESC"
        with db_errors():
            rows = self._db().execute(sql + (" LIMIT ?" if limit else ""), (limit,) if limit else ()).fetchall()
        return [(r[0], datetime.fromisoformat(r[1]), r[2]) for r in rows]

    # -- per-host answers ---------------------------------------------------------------
    def set_host_decision(self, host: str, allowed: bool | None) -> None:
        """Remember (or, with None, forget) whether evidence may be fetched from ``host`` on import."""
        host = text.key(host.strip().lower(), "host name")
        if not host or len(host) > 255:
            raise UsageError("a host name is needed")
        conn = self._db()
        with db_errors(), transaction(conn):
            if allowed is None:
                conn.execute("DELETE FROM online_hosts WHERE host = ?", (host,))
            else:
                conn.execute("INSERT INTO online_hosts (host, allowed, decided_at) VALUES (?, ?, ?) "
                             "ON CONFLICT(host) DO UPDATE SET allowed = excluded.allowed, "
                             "decided_at = excluded.decided_at", (host, int(allowed), iso(utc_now())))

    def host_decisions(self) -> dict[str, bool]:
        with db_errors():
            rows = self._db().execute("SELECT host, allowed FROM online_hosts ORDER BY host").fetchall()
        return {r[0]: bool(r[1]) for r in rows}
