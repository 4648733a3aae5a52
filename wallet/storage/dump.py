"""The logical dump inside a backup: every row of every table, as JSON lines.

A dump rather than a copy of the encrypted pages, so a backup does not depend
on SQLCipher's page format or the vault's key, and a restore re-creates the
schema of the dump's version and then runs the normal migrations. The dump
is built and read in memory only: plaintext never touches the disk.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from wallet.errors import BackupError
from wallet.storage import text
from wallet.storage.connection import Connection, SqlError
from wallet.storage.schema import schema_version

#: SQLite integers are signed 64-bit.
_INT_MIN, _INT_MAX = -(2**63), 2**63 - 1

FORMAT = "learner-wallet-dump"
VERSION = 1


def _encode(value: Any) -> Any:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"$b64": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def _decode(value: Any, where: str) -> Any:
    """A dump value as SQLite can bind it: None, an int64, a finite float, storable text or bytes."""
    if isinstance(value, dict):
        if set(value) != {"$b64"} or not isinstance(value["$b64"], str):
            raise BackupError(f"the backup holds a malformed value in {where}")
        try:
            return base64.b64decode(value["$b64"], validate=True)
        except (binascii.Error, ValueError) as exc:
            raise BackupError(f"the backup holds malformed base64 in {where}") from exc
    if value is None or isinstance(value, str) and text.is_storable(value):
        return value
    if isinstance(value, bool) or isinstance(value, int) and not _INT_MIN <= value <= _INT_MAX:
        raise BackupError(f"the backup holds a number SQLite cannot store in {where}")
    if isinstance(value, int) or isinstance(value, float) and math.isfinite(value):
        return value
    raise BackupError(f"the backup holds a value of the wrong kind in {where}")


def user_tables(conn: Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    return [r[0] for r in rows]


def _columns(conn: Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")').fetchall()]


def dump_lines(conn: Connection) -> Iterator[bytes]:
    """The dump, one JSON line at a time. Call inside a read transaction for a consistent snapshot."""
    yield _line({"format": FORMAT, "version": VERSION, "schema": schema_version(conn)})
    count = 0
    for table in user_tables(conn):
        cols = _columns(conn, table)
        quoted = ", ".join(f'"{c}"' for c in cols)
        for row in conn.execute(f'SELECT {quoted} FROM "{table}" ORDER BY rowid'):
            yield _line({"t": table, "r": {c: _encode(v) for c, v in zip(cols, row, strict=True)}})
            count += 1
    yield _line({"end": True, "rows": count})


def _line(obj: dict[str, Any]) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


@dataclass(frozen=True)
class Dump:
    """A parsed dump: its schema version and rows per table, in order."""

    schema: int
    rows: tuple[tuple[str, dict[str, Any]], ...]


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse_dump(data: bytes) -> Dump:
    """Parse and sanity-check a decrypted dump (BackupError on anything unexpected)."""
    try:
        lines = [json.loads(line, parse_constant=_no_constant) for line in data.decode("utf-8").splitlines()]
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise BackupError("the backup's contents are not readable (not JSON lines)") from exc
    if len(lines) < 2 or not all(isinstance(x, dict) for x in lines):
        raise BackupError("the backup's contents are incomplete")
    head, end = lines[0], lines[-1]
    schema = head.get("schema")
    if head.get("format") != FORMAT or not isinstance(schema, int) or isinstance(schema, bool):
        raise BackupError("the backup does not hold a wallet dump")
    if head.get("version") != VERSION:
        raise BackupError(f"the backup's dump version {head.get('version')!r} is not supported")
    rows: list[tuple[str, dict[str, Any]]] = []
    for number, item in enumerate(lines[1:-1], start=1):
        table, row = item.get("t"), item.get("r")
        if not isinstance(table, str) or not isinstance(row, dict) or not text.is_storable(table):
            raise BackupError(f"the backup holds a malformed row (row {number})")
        where = f"row {number} ({text.label(table)[:40]})"
        if not all(isinstance(k, str) and text.is_storable(k) for k in row):
            raise BackupError(f"the backup holds a malformed column name in {where}")
        rows.append((table, {k: _decode(v, where) for k, v in row.items()}))
    if end.get("end") is not True or end.get("rows") != len(rows):
        raise BackupError("the backup's contents are incomplete (row count mismatch)")
    return Dump(schema=head["schema"], rows=tuple(rows))


def load_rows(conn: Connection, dump: Dump) -> int:
    """Insert the dump's rows into a database at the dump's schema version.

    Table and column names are checked against the live schema before they
    are put into SQL, so even an authenticated-but-odd dump cannot inject.
    """
    known = {t: set(_columns(conn, t)) for t in user_tables(conn)}
    for number, (table, row) in enumerate(dump.rows, start=1):
        if table not in known or not row or not set(row) <= known[table]:
            raise BackupError(f"the backup has rows for an unknown table or column ({text.label(table)[:40]!r})")
        cols = list(row)
        quoted = ", ".join(f'"{c}"' for c in cols)
        marks = ", ".join("?" for _ in cols)
        try:
            conn.execute(f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})', [row[c] for c in cols])
        except SqlError as exc:  # a missing value, a duplicate id, a report without its credential...
            raise BackupError(f"the backup's row {number} does not fit the vault's {table} table ({exc})") from exc
    return len(dump.rows)
