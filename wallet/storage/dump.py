"""The logical dump inside a backup: every row of every table, as JSON lines.

A dump rather than a copy of the encrypted pages, so a backup does not depend
on SQLCipher's page format or the vault's key, and a restore re-creates the
schema of the dump's version and then runs the normal migrations. The dump
is built and read in memory only: plaintext never touches the disk.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from wallet.errors import BackupError
from wallet.storage.connection import Connection
from wallet.storage.schema import schema_version

FORMAT = "learner-wallet-dump"
VERSION = 1


def _encode(value: Any) -> Any:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"$b64": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) != {"$b64"} or not isinstance(value["$b64"], str):
            raise BackupError("the backup holds a malformed value")
        return base64.b64decode(value["$b64"], validate=True)
    return value


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


def parse_dump(data: bytes) -> Dump:
    """Parse and sanity-check a decrypted dump (BackupError on anything unexpected)."""
    try:
        lines = [json.loads(line) for line in data.decode("utf-8").splitlines()]
    except (UnicodeDecodeError, ValueError) as exc:
        raise BackupError("the backup's contents are not readable") from exc
    if len(lines) < 2 or not all(isinstance(x, dict) for x in lines):
        raise BackupError("the backup's contents are incomplete")
    head, end = lines[0], lines[-1]
    if head.get("format") != FORMAT or not isinstance(head.get("schema"), int):
        raise BackupError("the backup does not hold a wallet dump")
    if head.get("version") != VERSION:
        raise BackupError(f"the backup's dump version {head.get('version')!r} is not supported")
    rows: list[tuple[str, dict[str, Any]]] = []
    for item in lines[1:-1]:
        table, row = item.get("t"), item.get("r")
        if not isinstance(table, str) or not isinstance(row, dict):
            raise BackupError("the backup holds a malformed row")
        rows.append((table, {str(k): _decode(v) for k, v in row.items()}))
    if end.get("end") is not True or end.get("rows") != len(rows):
        raise BackupError("the backup's contents are incomplete (row count mismatch)")
    return Dump(schema=head["schema"], rows=tuple(rows))


def load_rows(conn: Connection, dump: Dump) -> int:
    """Insert the dump's rows into a database at the dump's schema version.

    Table and column names are checked against the live schema before they
    are put into SQL, so even an authenticated-but-odd dump cannot inject.
    """
    known = {t: set(_columns(conn, t)) for t in user_tables(conn)}
    for table, row in dump.rows:
        if table not in known or not row or not set(row) <= known[table]:
            raise BackupError(f"the backup has rows for an unknown table or column ({table!r})")
        cols = list(row)
        quoted = ", ".join(f'"{c}"' for c in cols)
        marks = ", ".join("?" for _ in cols)
        conn.execute(f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})', [row[c] for c in cols])
    return len(dump.rows)
