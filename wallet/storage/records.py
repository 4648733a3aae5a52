"""Credentials in the vault: the StoredCredential value and its table operations.

A credential is stored exactly as received (``raw``); its id is the first 16
hex digits of sha256(raw), so importing the same bytes twice is detected and
ids are stable across backups and machines.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from wallet.errors import NotFound, UsageError, VaultError
from wallet.storage import text
from wallet.storage.connection import Connection, db_errors, transaction

#: (raw, format, parsed, source, report); parsed and report are dicts, or text.JsonText made from them.
CredentialItem = tuple[bytes, str, "dict | text.JsonText", str, "dict | text.JsonText | None"]
_HEX = re.compile(r"[0-9a-f]{1,64}")


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """ISO 8601 text; naive datetimes are taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat()


def credential_id(raw: bytes) -> tuple[str, str]:
    """(id, sha256 hex) of a credential's bytes."""
    digest = hashlib.sha256(raw).hexdigest()
    return digest[:16], digest


@dataclass(frozen=True)
class StoredCredential:
    """One credential as the vault holds it.

    The parsed fields and the report are kept as their stored JSON text and
    decoded on first use: listing 10,000 credentials should not pay for
    decoding what the caller never reads.
    """

    id: str
    raw: bytes
    sha256: str
    format: str
    parsed_json: str
    source: str
    imported_at: datetime
    report_json: str | None

    @functools.cached_property
    def parsed(self) -> dict:
        return dict(json.loads(self.parsed_json))

    @functools.cached_property
    def report(self) -> dict | None:
        return json.loads(self.report_json) if self.report_json is not None else None


_SELECT = (
    "SELECT c.id, c.raw, c.sha256, c.format, c.parsed, c.source, c.imported_at, r.report "
    "FROM credentials c LEFT JOIN reports r ON r.credential_id = c.id"
)


@dataclass(frozen=True)
class ListedCredential:
    """One credential as a list needs it: no raw bytes, the JSON still as stored text."""

    id: str
    format: str
    parsed_json: str
    source: str
    imported_at: datetime
    report_json: str | None


def _row(row: Sequence[Any]) -> StoredCredential:
    return StoredCredential(
        id=row[0],
        raw=bytes(row[1]),
        sha256=row[2],
        format=row[3],
        parsed_json=row[4],
        source=row[5],
        imported_at=datetime.fromisoformat(row[6]),
        report_json=row[7],
    )


class StoreBase:
    """Access to the open connection, shared by the table mixins."""

    _conn: Connection | None

    def _db(self) -> Connection:
        if self._conn is None:
            raise VaultError("the vault is closed")
        return self._conn


@dataclass(frozen=True)
class _NewRow:
    """One credential of a batch, checked and serialised before the transaction starts."""

    id: str
    raw: bytes
    sha256: str
    format: str
    parsed_json: str
    source: str
    report_json: str | None


def _prepare(item: Sequence[Any]) -> _NewRow:
    raw, fmt, parsed, source, report = item
    if not isinstance(raw, (bytes, bytearray)):
        raise UsageError("a credential's raw content must be bytes")
    raw = bytes(raw)
    ident, digest = credential_id(raw)
    try:
        # JsonText: serialised already, with the same json_text call (see wallet.storage.text).
        parsed_json = parsed if isinstance(parsed, text.JsonText) else text.json_text(parsed, sort_keys=True)
        report_json = None if report is None else report if isinstance(report, text.JsonText) else text.json_text(report)
    except (TypeError, ValueError, RecursionError) as exc:
        raise UsageError(f"a credential's parsed data or report is not JSON: {type(exc).__name__}") from exc
    return _NewRow(ident, raw, digest, text.label(str(fmt)), parsed_json, text.label(str(source)), report_json)


class CredentialStore(StoreBase):
    """Credential and report operations of :class:`wallet.storage.Vault`."""

    def _stored(self, conn: Connection, digests: Sequence[str]) -> dict[str, StoredCredential]:
        """The credentials already in the vault among ``digests``, by sha256, in one query.

        The digests travel as one JSON array walked with an index lookup each: no
        temporary table for an ``IN`` list, no statement per digest.
        """
        query = _SELECT.replace("FROM credentials c", "FROM json_each(?) d JOIN credentials c ON c.sha256 = d.value")
        rows = conn.execute(query, (json.dumps(list(digests)),)).fetchall()
        return {row[2]: _row(row) for row in rows}

    def add_credential(
        self, raw: bytes, format: str, parsed: dict, source: str, report: dict | None = None
    ) -> tuple[StoredCredential, bool]:
        """Store one credential; ``False`` if the same bytes were already there."""
        return self.add_credentials([(raw, format, parsed, source, report)])[0]

    def add_credentials(self, items: Sequence[CredentialItem]) -> list[tuple[StoredCredential, bool]]:
        """Store many credentials in one transaction: all of them or none.

        One result per item, in order; ``False`` for bytes already in the vault
        or earlier in the same batch. Every item is checked and serialised
        before the transaction starts (a bad one fails the batch without ever
        taking the write lock), the duplicates are found with one query, and the rows go in with one prepared statement per table. Under
        ``cipher_memory_security`` every block SQLite allocates costs an mlock
        and an munlock system call, and each statement run allocates its
        cursors: a lookup per credential cost a third of the batch
        (docs/PERFORMANCE.md, "Storage").
        """
        rows = [_prepare(item) for item in items]
        now = utc_now()
        stamp = iso(now)
        conn = self._db()
        out: list[tuple[StoredCredential, bool]] = []
        with db_errors(), transaction(conn):
            known = self._stored(conn, list(dict.fromkeys(r.sha256 for r in rows)))
            fresh: list[_NewRow] = []
            for r in rows:
                if r.sha256 in known:
                    out.append((known[r.sha256], False))
                    continue
                stored = StoredCredential(r.id, r.raw, r.sha256, r.format, r.parsed_json, r.source, now, r.report_json)
                known[r.sha256] = stored
                fresh.append(r)
                out.append((stored, True))
            conn.executemany(
                "INSERT INTO credentials (id, raw, sha256, format, parsed, source, imported_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(r.id, r.raw, r.sha256, r.format, r.parsed_json, r.source, stamp) for r in fresh],
            )
            conn.executemany(
                "INSERT INTO reports (credential_id, report, verified_at) VALUES (?, ?, ?)",
                [(r.id, r.report_json, stamp) for r in fresh if r.report_json is not None],
            )
        return out

    def get_credential(self, id_or_prefix: str) -> StoredCredential:
        """The credential whose id is, or starts with, ``id_or_prefix`` (must be unique)."""
        prefix = id_or_prefix.strip().lower()
        if not _HEX.fullmatch(prefix):
            raise NotFound(f"no credential with id {id_or_prefix!r} (ids are hexadecimal)")
        with db_errors():
            if len(prefix) >= 16:
                # Longer than an id: the rest must match the full sha256 too.
                rows = [
                    r
                    for r in self._db().execute(_SELECT + " WHERE c.id = ?", (prefix[:16],)).fetchall()
                    if str(r[2]).startswith(prefix)
                ]
            else:
                rows = self._db().execute(
                    _SELECT + " WHERE c.id >= ? AND c.id < ? ORDER BY c.id LIMIT 6",
                    (prefix, prefix + "g"),
                ).fetchall()
        if not rows:
            raise NotFound(f"no credential with id {id_or_prefix!r}")
        if len(rows) > 1:
            shown = ", ".join(r[0] for r in rows[:5])
            raise UsageError(f"id prefix {id_or_prefix!r} matches several credentials ({shown}…); give more digits")
        return _row(rows[0])

    def list_credentials(self) -> list[StoredCredential]:
        """Every credential, oldest import first (rowid order: no sort needed)."""
        with db_errors():
            rows = self._db().execute(_SELECT + " ORDER BY c.rowid").fetchall()
        return [_row(r) for r in rows]

    def list_for_display(self) -> list[ListedCredential]:
        """Every credential without its raw bytes, oldest import first, with its report as text.

        For lists of thousands (the desktop app's): the raw bytes are most of
        the vault, and reading the reports in one pass and joining them in a
        dict costs less than one index lookup per credential. Both reads are in
        one transaction, so they see the same vault.
        """
        conn = self._db()
        with db_errors(), transaction(conn, "DEFERRED"):
            reports = dict(conn.execute("SELECT credential_id, report FROM reports").fetchall())
            rows = conn.execute(
                "SELECT id, format, parsed, source, imported_at FROM credentials ORDER BY rowid").fetchall()
        return [ListedCredential(r[0], r[1], r[2], r[3], datetime.fromisoformat(r[4]), reports.get(r[0]))
                for r in rows]

    def count_credentials(self) -> int:
        with db_errors():
            return int(self._db().execute("SELECT count(*) FROM credentials").fetchone()[0])

    def remove_credential(self, id: str) -> None:
        """Delete a credential and its report (NotFound if there is none)."""
        if not text.is_storable(id):
            raise NotFound(f"no credential with id {text.label(id)!r}")
        conn = self._db()
        with db_errors(), transaction(conn):
            conn.execute("DELETE FROM reports WHERE credential_id = ?", (id,))
            if conn.execute("DELETE FROM credentials WHERE id = ?", (id,)).rowcount == 0:
                raise NotFound(f"no credential with id {id!r}")

    def set_report(self, id: str, report: dict) -> None:
        """Replace the stored verification report of a credential."""
        if not text.is_storable(id):
            raise NotFound(f"no credential with id {text.label(id)!r}")
        try:
            report_json = text.json_text(report)
        except (TypeError, ValueError, RecursionError) as exc:
            raise UsageError(f"a verification report is not JSON: {type(exc).__name__}") from exc
        conn = self._db()
        with db_errors(), transaction(conn):
            if conn.execute("SELECT 1 FROM credentials WHERE id = ?", (id,)).fetchone() is None:
                raise NotFound(f"no credential with id {id!r}")
            conn.execute(
                "INSERT INTO reports (credential_id, report, verified_at) VALUES (?, ?, ?) "
                "ON CONFLICT(credential_id) DO UPDATE SET report = excluded.report, "
                "verified_at = excluded.verified_at",
                (id, report_json, iso(utc_now())),
            )
