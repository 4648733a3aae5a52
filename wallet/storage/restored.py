"""Checking a restored vault completely before it replaces anything.

A backup's contents are authenticated, so they were written by someone who
held the key, but not necessarily by this wallet: a hand-made or buggy
backup can hold a credential whose import date is not a date, a holder key
of the wrong length, or JSON that is not JSON. Each of those would install a
vault that every later command fails on. So after the rows are loaded into
the temporary database and migrated, every row of every table is read back
with the types, dates, digests and JSON the vault's own readers rely on
(``records.py``, ``catalog.py``, the holder key); the first problem found is
a :class:`~wallet.errors.BackupError` naming the table and row, and nothing
has been replaced yet.

The rule is: a restore accepts exactly what the vault's own API could have
written. Ids and digests must match the credential's bytes (the API computes
them), dates must be ISO 8601, JSON columns must hold what the API stores
there (an object for a credential's data, report, target or share), and the
holder key must match its DID. What a credential's data *means* is the
application's business, as it is for a credential stored through the API.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from wallet.errors import BackupError, VaultError
from wallet.storage import holder_key, holder_keys
from wallet.storage.connection import Connection
from wallet.storage.presentations import OUTCOMES
from wallet.storage.schema import SCHEMA_MAX

_HEX16 = re.compile(r"[0-9a-f]{16}")
_HEX64 = re.compile(r"[0-9a-f]{64}")

#: The tables of the current schema, and their columns in order.
TABLES: dict[str, tuple[str, ...]] = {
    "credentials": ("id", "raw", "sha256", "format", "parsed", "source", "imported_at"),
    "reports": ("credential_id", "report", "verified_at"),
    "evidence": ("kind", "key", "data", "fetched_at", "sha256", "source_url", "media_type", "max_age", "issued_at",
                 "http_status", "revoked", "notes"),
    "online_contacts": ("id", "host", "contacted_at", "purpose"),
    "online_hosts": ("host", "allowed", "decided_at"),
    "targets": ("id", "json", "added_at"),
    "shares": ("id", "json", "created_at"),
    "settings": ("key", "value"),
    "trusted_issuers": ("id", "label"),
    "trust_anchors": ("sha256", "der", "label"),
    "holder_key": ("did", "private_key", "created_at"),
    "holder_keys": ("kid", "did", "method", "algorithm", "thumbprint", "private_key", "issuer", "created_at"),
    "credential_keys": ("credential_id", "kid"),
    "issuance": ("id", "kind", "credential_id", "json", "created_at"),
    "presentations": ("id", "verifier", "verified", "outcome", "json", "created_at", "answered_at"),
}


class _Row:
    """One row being checked; ``bad`` makes the sentence that names it."""

    def __init__(self, table: str, number: int, values: dict[str, Any]) -> None:
        self.table, self.number, self.values = table, number, values

    def bad(self, what: str) -> BackupError:
        return BackupError(f"the backup's {self.table} row {self.number} {what}; nothing was restored")

    def text(self, column: str, *, empty: bool = False, pattern: re.Pattern[str] | None = None) -> str:
        value = self.values[column]
        if not isinstance(value, str) or (not empty and not value) or (pattern and not pattern.fullmatch(value)):
            raise self.bad(f"has a malformed value in column {column}")
        return value

    def blob(self, column: str) -> bytes:
        value = self.values[column]
        if not isinstance(value, bytes):
            raise self.bad(f"has a value in column {column} that is not binary data")
        return value

    def moment(self, column: str) -> datetime:
        value = self.text(column)
        try:
            return datetime.fromisoformat(value)
        except ValueError as exc:
            raise self.bad(f"has a value in column {column} that is not a date and time") from exc

    def json(self, column: str, kind: type | None = dict) -> Any:
        try:
            value = json.loads(self.text(column))  # as the vault's readers do (NaN included)
        except (ValueError, RecursionError) as exc:
            raise self.bad(f"has a value in column {column} that is not JSON") from exc
        if kind is not None and not isinstance(value, kind):
            raise self.bad(f"has a value in column {column} that is not a JSON {'object' if kind is dict else kind.__name__}")
        return value


def _credential(row: _Row) -> None:
    ident = row.text("id", pattern=_HEX16)
    raw = row.blob("raw")
    digest = hashlib.sha256(raw).hexdigest()
    if row.text("sha256", pattern=_HEX64) != digest or ident != digest[:16]:
        raise row.bad("has an id or digest that does not match its content")
    row.text("format")
    row.text("source", empty=True)
    row.moment("imported_at")
    row.json("parsed")


def _report(row: _Row) -> None:
    row.text("credential_id", pattern=_HEX16)
    row.moment("verified_at")
    row.json("report")


def _evidence(row: _Row) -> None:
    row.text("kind")
    row.text("key")
    data = row.blob("data")
    row.moment("fetched_at")
    if row.text("sha256", pattern=_HEX64) != hashlib.sha256(data).hexdigest():
        raise row.bad("has a digest that does not match its content")
    for column in ("source_url", "media_type"):
        if row.values[column] is not None:
            row.text(column, empty=True)
    for column in ("max_age", "http_status", "revoked"):
        if row.values[column] is not None and not isinstance(row.values[column], int):
            raise row.bad(f"has a value in column {column} that is not a whole number")
    if row.values["issued_at"] is not None:
        row.moment("issued_at")
    if not all(isinstance(n, str) for n in row.json("notes", kind=list)):
        raise row.bad("has notes that are not text")


def _contact(row: _Row) -> None:
    if not isinstance(row.values["id"], int):
        raise row.bad("has an id that is not a whole number")
    row.text("host")
    row.moment("contacted_at")
    row.text("purpose", empty=True)


def _host(row: _Row) -> None:
    row.text("host")
    if row.values["allowed"] not in (0, 1):
        raise row.bad("has an answer that is neither yes nor no")
    row.moment("decided_at")


def _json_record(stamp: str) -> Callable[[_Row], None]:
    def check(row: _Row) -> None:
        row.text("id")
        row.json("json")
        row.moment(stamp)

    return check


def _setting(row: _Row) -> None:
    row.text("key")
    row.json("value", kind=None)


def _trusted_issuer(row: _Row) -> None:
    row.text("id")
    row.text("label", empty=True)


def _trust_anchor(row: _Row) -> None:
    der = row.blob("der")
    if row.text("sha256", pattern=_HEX64) != hashlib.sha256(der).hexdigest():
        raise row.bad("has a digest that does not match its certificate")
    row.text("label", empty=True)


def _holder(row: _Row) -> None:
    did = row.text("did")
    seed = row.blob("private_key")
    row.moment("created_at")
    try:
        holder_key.load(did, seed)
    except VaultError as exc:
        raise row.bad("holds a holder key that is malformed or does not match its DID") from exc


def _holder_keys(row: _Row) -> None:
    """A holder key made for receiving (schema 3): the key must be the one its DID and thumbprint name."""
    kid, did = row.text("kid"), row.text("did")
    if not kid.startswith(did + "#"):
        raise row.bad("has a key id that is not its DID's")
    if row.values["issuer"] is not None:
        row.text("issuer")
    row.moment("created_at")
    if not holder_keys.key_matches(did, row.text("method"), row.text("algorithm"), row.blob("private_key"),
                                   row.text("thumbprint")):
        raise row.bad("holds a holder key that is malformed or does not match its DID")


def _credential_key(row: _Row) -> None:
    row.text("credential_id", pattern=_HEX16)
    row.text("kid")


def _issuance(row: _Row) -> None:
    row.text("id")
    if row.text("kind") not in holder_keys.ISSUANCE_KINDS:
        raise row.bad("has an unknown kind")
    if row.values["credential_id"] is not None:
        row.text("credential_id", pattern=_HEX16)
    row.json("json")
    row.moment("created_at")


def _presentation(row: _Row) -> None:
    """A presentation history row (schema 4): an outcome the vault writes, a JSON record, dates."""
    row.text("id")
    row.text("verifier")
    if row.values["verified"] not in (0, 1):
        raise row.bad("has a verified flag that is neither yes nor no")
    if row.text("outcome") not in OUTCOMES:
        raise row.bad("has an unknown outcome")
    row.json("json")
    row.moment("created_at")
    if row.values["answered_at"] is not None:
        row.moment("answered_at")


_CHECKS: dict[str, Callable[[_Row], None]] = {
    "credentials": _credential,
    "reports": _report,
    "evidence": _evidence,
    "online_contacts": _contact,
    "online_hosts": _host,
    "targets": _json_record("added_at"),
    "shares": _json_record("created_at"),
    "settings": _setting,
    "trusted_issuers": _trusted_issuer,
    "trust_anchors": _trust_anchor,
    "holder_key": _holder,
    "holder_keys": _holder_keys,
    "credential_keys": _credential_key,
    "issuance": _issuance,
    "presentations": _presentation,
}


def check_restored(conn: Connection) -> None:
    """Read back every row of a restored (and migrated) database; BackupError on the first problem."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version != SCHEMA_MAX:
        raise BackupError(f"the restored vault has schema {version}, not {SCHEMA_MAX}; nothing was restored")
    tables = {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
    if tables != set(TABLES):
        raise BackupError("the restored vault does not have the wallet's tables; nothing was restored")
    for table, columns in TABLES.items():
        check = _CHECKS[table]
        quoted = ", ".join(f'"{c}"' for c in columns)
        cursor = conn.execute(f'SELECT {quoted} FROM "{table}" ORDER BY rowid')
        for number, values in enumerate(cursor, start=1):
            check(_Row(table, number, dict(zip(columns, values, strict=True))))
    holders = conn.execute("SELECT count(*) FROM holder_key").fetchone()[0]
    if holders != 1:
        raise BackupError("the backup holds no holder key (or more than one); it is not a complete vault backup")
    orphans = conn.execute(
        "SELECT count(*) FROM reports WHERE credential_id NOT IN (SELECT id FROM credentials)").fetchone()[0]
    if orphans:
        raise BackupError("the backup holds verification reports of credentials it does not hold; nothing was restored")
