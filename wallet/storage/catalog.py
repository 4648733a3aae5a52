"""Everything in the vault besides credentials and evidence (``evidence.py``):
stacking targets, shares, settings and the trust store.

These are small key/value style tables; JSON values are stored as text so a
future schema can read them without this code.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from wallet.errors import NotFound, UsageError
from wallet.storage import text
from wallet.storage.connection import db_errors, transaction
from wallet.storage.records import StoreBase, iso, utc_now


def _dumps(value: Any) -> str:
    try:
        return text.json_text(value, sort_keys=True)
    except (TypeError, ValueError, RecursionError) as exc:
        raise UsageError(f"value cannot be stored as JSON: {type(exc).__name__}") from exc


class CatalogStore(StoreBase):
    """Targets, shares, settings and trust operations of the vault."""

    # -- targets --------------------------------------------------------------
    def put_target(self, id: str, data: dict) -> None:
        """Add or replace a stacking target (keeps its original added_at)."""
        id = text.key(id, "target id")
        conn = self._db()
        with db_errors(), transaction(conn):
            conn.execute(
                "INSERT INTO targets (id, json, added_at) VALUES (?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET json = excluded.json",
                (id, _dumps(data), iso(utc_now())),
            )

    def list_targets(self) -> list[dict]:
        with db_errors():
            rows = self._db().execute("SELECT json FROM targets ORDER BY added_at, id").fetchall()
        return [json.loads(r[0]) for r in rows]

    def get_target(self, id: str) -> dict:
        if not text.is_storable(id):
            raise NotFound(f"no target {text.label(id)!r}")
        with db_errors():
            row = self._db().execute("SELECT json FROM targets WHERE id = ?", (id,)).fetchone()
        if row is None:
            raise NotFound(f"no target {id!r}")
        return dict(json.loads(row[0]))

    def remove_target(self, id: str) -> None:
        if not text.is_storable(id):
            raise NotFound(f"no target {text.label(id)!r}")
        conn = self._db()
        with db_errors(), transaction(conn):
            if conn.execute("DELETE FROM targets WHERE id = ?", (id,)).rowcount == 0:
                raise NotFound(f"no target {id!r}")

    # -- shares ---------------------------------------------------------------
    def add_share(self, id: str, data: dict) -> None:
        """Record a share (replacing the record of the same id, e.g. after unsharing)."""
        id = text.key(id, "share id")
        conn = self._db()
        with db_errors(), transaction(conn):
            conn.execute(
                "INSERT INTO shares (id, json, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET json = excluded.json",
                (id, _dumps(data), iso(utc_now())),
            )

    def list_shares(self) -> list[dict]:
        with db_errors():
            rows = self._db().execute("SELECT json FROM shares ORDER BY created_at, id").fetchall()
        return [json.loads(r[0]) for r in rows]

    # -- settings -------------------------------------------------------------
    def get_setting(self, key: str, default: Any = None) -> Any:
        if not text.is_storable(key):
            return default
        with db_errors():
            row = self._db().execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def set_setting(self, key: str, value: Any) -> None:
        key = text.key(key, "setting name")
        conn = self._db()
        with db_errors(), transaction(conn):
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, _dumps(value)),
            )

    # -- trust store ----------------------------------------------------------
    def add_trusted_issuer(self, id: str, label: str) -> None:
        id, label = text.key(id, "issuer id"), text.label(label)
        conn = self._db()
        with db_errors(), transaction(conn):
            conn.execute(
                "INSERT INTO trusted_issuers (id, label) VALUES (?, ?) "
                "ON CONFLICT(id) DO UPDATE SET label = excluded.label",
                (id, label),
            )

    def remove_trusted_issuer(self, id: str) -> None:
        if not text.is_storable(id):
            raise NotFound(f"{text.label(id)!r} is not a trusted issuer")
        conn = self._db()
        with db_errors(), transaction(conn):
            if conn.execute("DELETE FROM trusted_issuers WHERE id = ?", (id,)).rowcount == 0:
                raise NotFound(f"{id!r} is not a trusted issuer")

    def list_trusted_issuers(self) -> list[tuple[str, str]]:
        with db_errors():
            rows = self._db().execute("SELECT id, label FROM trusted_issuers ORDER BY label, id").fetchall()
        return [(r[0], r[1]) for r in rows]

    def add_trust_anchor(self, der: bytes, label: str) -> str:
        """Trust a root certificate (DER); returns its sha256 hex, the anchor's id."""
        der, label = bytes(der), text.label(label)
        digest = hashlib.sha256(der).hexdigest()
        conn = self._db()
        with db_errors(), transaction(conn):
            conn.execute(
                "INSERT INTO trust_anchors (sha256, der, label) VALUES (?, ?, ?) "
                "ON CONFLICT(sha256) DO UPDATE SET label = excluded.label",
                (digest, der, label),
            )
        return digest

    def list_trust_anchors(self) -> list[tuple[str, bytes, str]]:
        with db_errors():
            rows = self._db().execute("SELECT sha256, der, label FROM trust_anchors ORDER BY label, sha256").fetchall()
        return [(r[0], bytes(r[1]), r[2]) for r in rows]

    def remove_trust_anchor(self, sha256: str) -> None:
        if not text.is_storable(sha256):
            raise NotFound(f"no trust anchor {text.label(sha256)!r}")
        conn = self._db()
        with db_errors(), transaction(conn):
            if conn.execute("DELETE FROM trust_anchors WHERE sha256 = ?", (sha256.lower(),)).rowcount == 0:
                raise NotFound(f"no trust anchor {sha256!r}")
