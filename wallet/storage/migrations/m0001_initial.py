"""The first schema: credentials and their reports, evidence, targets, shares,
settings, the trust store and the holder's key."""

SQL = """
CREATE TABLE credentials (
    id          TEXT PRIMARY KEY,          -- first 16 hex digits of sha256(raw)
    raw         BLOB NOT NULL,             -- exactly the bytes received
    sha256      TEXT NOT NULL UNIQUE,
    format      TEXT NOT NULL,
    parsed      TEXT NOT NULL,             -- wallet.codec.to_json of the Credential
    source      TEXT NOT NULL,
    imported_at TEXT NOT NULL              -- ISO 8601, UTC
);
CREATE TABLE reports (
    credential_id TEXT PRIMARY KEY REFERENCES credentials(id) ON DELETE CASCADE,
    report        TEXT NOT NULL,
    verified_at   TEXT NOT NULL
);
CREATE TABLE evidence (
    kind       TEXT NOT NULL,              -- status-list | did-document | trust-snapshot | document
    key        TEXT NOT NULL,
    data       BLOB NOT NULL,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (kind, key)
);
CREATE TABLE targets (
    id       TEXT PRIMARY KEY,
    json     TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE TABLE shares (
    id         TEXT PRIMARY KEY,
    json       TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL                    -- JSON
);
CREATE TABLE trusted_issuers (
    id    TEXT PRIMARY KEY,
    label TEXT NOT NULL
);
CREATE TABLE trust_anchors (
    sha256 TEXT PRIMARY KEY,
    der    BLOB NOT NULL,
    label  TEXT NOT NULL
);
CREATE TABLE holder_key (
    did         TEXT PRIMARY KEY,
    private_key BLOB NOT NULL,             -- raw Ed25519 seed, only ever inside the vault
    created_at  TEXT NOT NULL
);
"""
