"""Evidence keeps where, when and how it was fetched; the vault logs contacted hosts and per-host answers.

Each cached piece of evidence gains the metadata the online fetchers return
(``wallet.online.evidence.Evidence``): the URL it was finally fetched from
(NULL when it did not come from the network: a file the user imported, a
snapshot built locally), its media type, how long the publisher says it stays
fresh, when the document says it was issued, the HTTP status, whether an
Open Badges 2.0 host said "revoked", plain-sentence notes, and the SHA-256 of
the bytes (so listings need not read megabytes of status lists). Existing
rows keep their bytes and fetch time; their digest is computed here.

``online_contacts`` is the privacy log: every host the wallet looked up or
contacted, when, and why. ``online_hosts`` remembers the user's answer to
"fetch evidence from this host?" so it is asked once per issuer host.
"""

from __future__ import annotations

import hashlib

from wallet.storage.connection import Connection

SQL_STEPS = (
    "ALTER TABLE evidence ADD COLUMN sha256 TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE evidence ADD COLUMN source_url TEXT",
    "ALTER TABLE evidence ADD COLUMN media_type TEXT",
    "ALTER TABLE evidence ADD COLUMN max_age INTEGER",
    "ALTER TABLE evidence ADD COLUMN issued_at TEXT",
    "ALTER TABLE evidence ADD COLUMN http_status INTEGER",
    "ALTER TABLE evidence ADD COLUMN revoked INTEGER",
    "ALTER TABLE evidence ADD COLUMN notes TEXT NOT NULL DEFAULT '[]'",
    """CREATE TABLE online_contacts (
        id           INTEGER PRIMARY KEY,
        host         TEXT NOT NULL,
        contacted_at TEXT NOT NULL,        -- ISO 8601, UTC
        purpose      TEXT NOT NULL
    )""",
    "CREATE INDEX online_contacts_at ON online_contacts (contacted_at)",
    """CREATE TABLE online_hosts (
        host       TEXT PRIMARY KEY,
        allowed    INTEGER NOT NULL,       -- 1: fetch from this host on import, 0: never ask again, do not fetch
        decided_at TEXT NOT NULL
    )""",
)


def upgrade(conn: Connection) -> None:
    for step in SQL_STEPS:
        conn.execute(step)
    rows = conn.execute("SELECT kind, key, data FROM evidence").fetchall()
    for kind, key, data in rows:
        conn.execute("UPDATE evidence SET sha256 = ? WHERE kind = ? AND key = ?",
                     (hashlib.sha256(bytes(data)).hexdigest(), kind, key))
