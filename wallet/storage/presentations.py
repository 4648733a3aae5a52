"""The presentation history (schema 4): what was sent to which verifier, and what it answered.

Written in two steps by the presenting use case (:mod:`wallet.app.presenting.send`):
:meth:`PresentationStore.add_presentation` with outcome ``sending`` before the
answer leaves the wallet, then :meth:`PresentationStore.finish_presentation`
with the verifier's answer (or the failure). Rows are never edited otherwise
and only removed on the user's request.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wallet.errors import NotFound, UsageError
from wallet.storage.connection import db_errors, transaction
from wallet.storage.records import StoreBase, iso, utc_now

OUTCOMES = ("sending", "accepted", "rejected", "failed")


@dataclass(frozen=True)
class PresentationRecord:
    id: str
    verifier: str  # the client id, prefix included
    verified: bool
    outcome: str
    data: dict[str, Any]
    created_at: datetime
    answered_at: datetime | None


def _record(row: Any) -> PresentationRecord:
    return PresentationRecord(str(row[0]), str(row[1]), bool(row[2]), str(row[3]), json.loads(row[4]),
                              datetime.fromisoformat(row[5]), datetime.fromisoformat(row[6]) if row[6] else None)


class PresentationStore(StoreBase):
    """Presentation-history operations of :class:`wallet.storage.Vault`."""

    def add_presentation(self, id: str, verifier: str, verified: bool, data: dict[str, Any]) -> None:
        conn = self._db()
        with db_errors(), transaction(conn):
            conn.execute("INSERT INTO presentations (id, verifier, verified, outcome, json, created_at) "
                         "VALUES (?, ?, ?, 'sending', ?, ?)",
                         (id, verifier, int(verified), json.dumps(data, ensure_ascii=False, sort_keys=True),
                          iso(utc_now())))

    def finish_presentation(self, id: str, outcome: str, answer: dict[str, Any]) -> None:
        """Record the verifier's answer (``accepted``, ``rejected``) or the failure to deliver (``failed``)."""
        if outcome not in OUTCOMES[1:]:
            raise UsageError(f"unknown presentation outcome {outcome!r}")
        conn = self._db()
        with db_errors(), transaction(conn):
            row = conn.execute("SELECT json FROM presentations WHERE id = ?", (id,)).fetchone()
            if row is None:
                raise NotFound(f"no presentation {id!r} in this vault")
            data = {**json.loads(row[0]), "answer": answer}
            conn.execute("UPDATE presentations SET outcome = ?, json = ?, answered_at = ? WHERE id = ?",
                         (outcome, json.dumps(data, ensure_ascii=False, sort_keys=True), iso(utc_now()), id))

    def list_presentations(self, limit: int | None = None) -> list[PresentationRecord]:
        """The history, newest first."""
        query = ("SELECT id, verifier, verified, outcome, json, created_at, answered_at FROM presentations "
                 "ORDER BY created_at DESC, rowid DESC")
        with db_errors():
            rows = self._db().execute(query + (" LIMIT ?" if limit else ""),
                                      (limit,) if limit else ()).fetchall()
        return [_record(r) for r in rows]

    def get_presentation(self, id: str) -> PresentationRecord:
        with db_errors():
            row = self._db().execute("SELECT id, verifier, verified, outcome, json, created_at, answered_at "
                                     "FROM presentations WHERE id = ?", (id,)).fetchone()
        if row is None:
            raise NotFound(f"no presentation {id!r} in this vault")
        return _record(row)
