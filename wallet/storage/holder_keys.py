"""Holder keys, the key each credential is bound to, and pending issuance: the vault's side.

Why keys live here and nowhere else: a private key is generated inside this
module, written to the encrypted database, and handed out only as an
in-memory key object to sign with (a proof of possession, a key binding JWT,
a presentation); there is no call that exports it. The main key (the Ed25519
``did:key`` made with the vault, table ``holder_key``) is listed first; the
others (table ``holder_keys``, schema 3) are made when credentials are
received (``wallet.app.keys`` decides when).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from wallet.errors import CorruptVault, NotFound, UsageError
from wallet.storage.connection import db_errors, transaction
from wallet.storage.records import StoreBase, iso, utc_now

METHODS = ("did:key", "did:jwk")
ALGORITHMS = ("Ed25519", "P-256")
ISSUANCE_KINDS = ("deferred", "notification")


@dataclass(frozen=True)
class HolderKey:
    """A holder key as the rest of the wallet sees it: names and public facts, never the private half."""

    kid: str  # the DID URL proofs and presentations name
    did: str
    method: str  # did:key | did:jwk
    algorithm: str  # Ed25519 | P-256
    thumbprint: str  # RFC 7638, how an SD-JWT's cnf is matched
    issuer: str | None  # the credential issuer it was made for; None: general use
    created_at: datetime
    main: bool = False  # the vault's own key (shared bundles are signed with it)


def _generate(algorithm: str) -> Any:
    if algorithm == "Ed25519":
        return ed25519.Ed25519PrivateKey.generate()
    if algorithm == "P-256":
        return ec.generate_private_key(ec.SECP256R1())
    raise UsageError(f"holder keys are Ed25519 or P-256, not {algorithm}")


def _pkcs8(key: Any) -> bytes:
    return key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def key_matches(did: str, method: str, algorithm: str, private_key: bytes, thumbprint_value: str) -> bool:
    """Whether a stored private key is the key its row names (for checking a restored vault)."""
    from wallet.verify.keys import did_for, thumbprint  # deferred: see HolderKeyStore._main_key

    try:
        key = serialization.load_der_private_key(private_key, password=None)
    except (ValueError, TypeError):
        return False
    kind = "Ed25519" if isinstance(key, ed25519.Ed25519PrivateKey) else \
        "P-256" if isinstance(key, ec.EllipticCurvePrivateKey) and key.curve.name == "secp256r1" else None
    if kind != algorithm or method not in METHODS:
        return False
    return did_for(key.public_key(), method)[0] == did and thumbprint(key) == thumbprint_value


class HolderKeyStore(StoreBase):
    """Holder key, credential binding and issuance-state operations of :class:`wallet.storage.Vault`."""

    def _main_key(self) -> HolderKey:
        from wallet.verify.keys import did_for, thumbprint  # deferred: the verify stack is not needed to open

        did, seed = self._holder_row()  # type: ignore[attr-defined]
        key = ed25519.Ed25519PrivateKey.from_private_bytes(seed)
        row = self._db().execute("SELECT created_at FROM holder_key").fetchone()
        created = datetime.fromisoformat(row[0]) if row else utc_now()
        _did, kid = did_for(key.public_key(), "did:key")
        if _did != did:
            raise CorruptVault("the holder key stored in the vault does not match its DID")
        return HolderKey(kid, did, "did:key", "Ed25519", thumbprint(key), None, created, main=True)

    def list_holder_keys(self) -> list[HolderKey]:
        """Every holder key, the main one first, then in the order they were made."""
        with db_errors():
            rows = self._db().execute(
                "SELECT kid, did, method, algorithm, thumbprint, issuer, created_at FROM holder_keys ORDER BY rowid"
            ).fetchall()
            main = self._main_key()
        return [main, *(HolderKey(r[0], r[1], r[2], r[3], r[4], r[5], datetime.fromisoformat(r[6])) for r in rows)]

    def create_holder_key(self, method: str, algorithm: str, issuer: str | None = None) -> HolderKey:
        """Make a new key pair inside the vault; only its public facts come back."""
        from wallet.verify.keys import did_for, thumbprint  # deferred: see _main_key

        if method not in METHODS:
            raise UsageError(f"holder keys are named with {' or '.join(METHODS)}, not {method}")
        private = _generate(algorithm)
        did, kid = did_for(private.public_key(), method)
        now = utc_now()
        conn = self._db()
        with db_errors(), transaction(conn):
            conn.execute(
                "INSERT INTO holder_keys (kid, did, method, algorithm, thumbprint, private_key, issuer, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (kid, did, method, algorithm, thumbprint(private), _pkcs8(private), issuer, iso(now)),
            )
        return HolderKey(kid, did, method, algorithm, thumbprint(private), issuer, now)

    def holder_signing_key(self, kid: str) -> Any:
        """The private key named ``kid``, for signing in memory only (NotFound when there is none)."""
        from wallet.verify.keys import did_for  # deferred: see _main_key

        main = self._main_key()
        if kid in (main.kid, main.did):
            return self.holder_private_key()  # type: ignore[attr-defined]
        with db_errors():
            row = self._db().execute("SELECT did, method, private_key FROM holder_keys WHERE kid = ? OR did = ?",
                                     (kid, kid)).fetchone()
        if row is None:
            raise NotFound(f"no holder key {kid!r} in this vault")
        try:
            key = serialization.load_der_private_key(bytes(row[2]), password=None)
        except ValueError as exc:
            raise CorruptVault("a holder key stored in the vault is malformed") from exc
        if did_for(key.public_key(), row[1])[0] != row[0]:
            raise CorruptVault("a holder key stored in the vault does not match its DID")
        return key

    # -- which key a credential is bound to ------------------------------------
    def bind_credential_key(self, credential_id: str, kid: str) -> None:
        conn = self._db()
        with db_errors(), transaction(conn):
            if conn.execute("SELECT 1 FROM credentials WHERE id = ?", (credential_id,)).fetchone() is None:
                raise NotFound(f"no credential with id {credential_id!r}")
            conn.execute("INSERT INTO credential_keys (credential_id, kid) VALUES (?, ?) "
                         "ON CONFLICT(credential_id) DO UPDATE SET kid = excluded.kid", (credential_id, kid))

    def credential_key(self, credential_id: str) -> str | None:
        """The kid of the holder key a stored credential is bound to (None when unknown)."""
        with db_errors():
            row = self._db().execute("SELECT kid FROM credential_keys WHERE credential_id = ?",
                                     (credential_id,)).fetchone()
        return None if row is None else str(row[0])

    # -- issuance state ------------------------------------------------------------
    def put_issuance(self, id: str, kind: str, data: dict[str, Any], credential_id: str | None = None) -> None:
        if kind not in ISSUANCE_KINDS:
            raise UsageError(f"unknown issuance record kind {kind!r}")
        conn = self._db()
        with db_errors(), transaction(conn):
            conn.execute("INSERT INTO issuance (id, kind, credential_id, json, created_at) VALUES (?, ?, ?, ?, ?) "
                         "ON CONFLICT(id) DO UPDATE SET json = excluded.json, credential_id = excluded.credential_id",
                         (id, kind, credential_id, json.dumps(data, ensure_ascii=False, sort_keys=True),
                          iso(utc_now())))

    def list_issuance(self, kind: str, credential_id: str | None = None) -> list[tuple[str, dict[str, Any]]]:
        """(id, data) of the issuance records of ``kind`` (of one credential when given), oldest first."""
        query = "SELECT id, json FROM issuance WHERE kind = ?"
        params: tuple[Any, ...] = (kind,)
        if credential_id is not None:
            query += " AND credential_id = ?"
            params += (credential_id,)
        with db_errors():
            rows = self._db().execute(query + " ORDER BY rowid", params).fetchall()
        return [(str(r[0]), json.loads(r[1])) for r in rows]

    def remove_issuance(self, id: str) -> None:
        conn = self._db()
        with db_errors(), transaction(conn):
            conn.execute("DELETE FROM issuance WHERE id = ?", (id,))
