"""Holder keys besides the main one, which credential each key binds, and issuance state.

* ``holder_keys``: did:key / did:jwk keys (Ed25519, P-256) made inside the
  vault for receiving credentials, e.g. one per issuer for unlinkability;
  the private key (PKCS#8 DER) never leaves the vault. The main key stays
  in ``holder_key`` (schema 1), unchanged.
* ``credential_keys``: the key a stored credential is bound to, so a
  presentation is signed with the right one.
* ``issuance``: what an issuer still owes (a deferred credential's
  transaction) or may be told (a notification id), kept across restarts.

Triggers remove a credential's key link and issuance rows with it, so the
credential table's own code needs no change.
"""

from wallet.storage.connection import Connection

STATEMENTS = (
    """CREATE TABLE holder_keys (
        kid         TEXT PRIMARY KEY,
        did         TEXT NOT NULL UNIQUE,
        method      TEXT NOT NULL,
        algorithm   TEXT NOT NULL,
        thumbprint  TEXT NOT NULL UNIQUE,
        private_key BLOB NOT NULL,
        issuer      TEXT,
        created_at  TEXT NOT NULL
    )""",
    """CREATE TABLE credential_keys (
        credential_id TEXT PRIMARY KEY,
        kid           TEXT NOT NULL
    )""",
    """CREATE TABLE issuance (
        id            TEXT PRIMARY KEY,
        kind          TEXT NOT NULL,
        credential_id TEXT,
        json          TEXT NOT NULL,
        created_at    TEXT NOT NULL
    )""",
    "CREATE INDEX issuance_by_credential ON issuance (credential_id)",
    """CREATE TRIGGER credential_keys_follow_credentials AFTER DELETE ON credentials
       BEGIN
         DELETE FROM credential_keys WHERE credential_id = OLD.id;
         DELETE FROM issuance WHERE credential_id = OLD.id;
       END""",
)


def upgrade(conn: Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
