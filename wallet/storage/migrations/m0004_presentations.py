"""Presentations: what the wallet sent to verifiers (OpenID4VP), so the user can see it later.

One row per answer sent (or being sent): the verifier's client id and whether
its identity was verified, the outcome (``sending`` until the verifier
answers: the row is written *before* the answer leaves, so a crash never
hides a disclosure), and a JSON record of what was disclosed, per credential
the claim paths, when, and what the verifier answered. Rows refer to
credentials by id and title, so deleting a credential keeps the history.
"""

from wallet.storage.connection import Connection

STATEMENTS = (
    """CREATE TABLE presentations (
        id          TEXT PRIMARY KEY,
        verifier    TEXT NOT NULL,
        verified    INTEGER NOT NULL,
        outcome     TEXT NOT NULL,
        json        TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        answered_at TEXT
    )""",
    "CREATE INDEX presentations_by_time ON presentations (created_at)",
)


def upgrade(conn: Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
