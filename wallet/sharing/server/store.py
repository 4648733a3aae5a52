"""The storage interface of the share service, and the factory for ``--db`` URLs.

A store keeps, per share: its id, the sealed blob (opaque bytes), the SHA-256
of its delete token, its expiry (Unix seconds) and whether it is one-time.
Nothing else — no creation time, no uploader address, no view counter — so a
stolen database says as little as possible.

Every removal is a hard delete: the row is gone, and on SQLite
``secure_delete`` zeroes its bytes and a WAL checkpoint drops them from the
log (see ``docs/SHARE_SERVICE.md`` for what PostgreSQL does with dead rows).
There is no "shared = false" flag anywhere (the LCW/VerifierPlus soft delete,
the share-service design in docs/SHARE_SERVICE.md).

Methods are synchronous: the app calls them from a worker thread, which keeps
the SQLite and PostgreSQL implementations plain and equally testable.
"""

from __future__ import annotations

import enum
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path

from wallet.errors import UsageError

SCHEMA_VERSION = 1


class SchemaTooNew(UsageError):
    """The database was made by a newer share server."""


@dataclass(frozen=True)
class NewShare:
    share_id: str
    blob: bytes = field(repr=False)
    delete_hash: bytes = field(repr=False)
    expires: int
    one_time: bool


@dataclass(frozen=True)
class StoredShare:
    blob: bytes = field(repr=False)
    expires: int
    one_time: bool


@dataclass(frozen=True)
class ShareMeta:
    expires: int
    one_time: bool
    size: int


class DeleteOutcome(enum.Enum):
    DELETED = "deleted"
    NOT_FOUND = "not-found"
    FORBIDDEN = "forbidden"


class ShareStore(ABC):
    """What the app needs from a database. ``now`` is Unix seconds from the app's clock."""

    #: A short name for messages and the benchmark ("sqlite", "postgresql").
    backend: str = ""

    @abstractmethod
    def create(self, share: NewShare) -> bool:
        """Store a new share; False if the id is taken (the caller draws another)."""

    @abstractmethod
    def get(self, share_id: str, now: int) -> StoredShare | None:
        """The share if it exists and has not expired; an expired one is deleted on the way."""

    @abstractmethod
    def meta(self, share_id: str, now: int) -> ShareMeta | None:
        """Expiry, one-time flag and size, without the blob and without burning anything."""

    @abstractmethod
    def claim(self, share_id: str, now: int) -> StoredShare | None:
        """A one-time share is returned and deleted in one statement (a second claim finds
        nothing); any other share is returned as by :meth:`get`."""

    @abstractmethod
    def delete(self, share_id: str, token_hash: bytes) -> DeleteOutcome:
        """Hard-delete when ``token_hash`` matches the stored hash (compared in constant time)."""

    @abstractmethod
    def sweep(self, now: int) -> int:
        """Hard-delete every expired share; the number removed."""

    @abstractmethod
    def ping(self) -> None:
        """Raise if the database cannot be reached (for the health check)."""

    @abstractmethod
    def close(self) -> None:
        """Release connections."""


def sqlite_path(url: str) -> Path:
    """``sqlite:///relative.db`` or ``sqlite:////absolute/path.db`` → the file path."""
    rest = url[len("sqlite:///") :]
    if not rest:
        raise UsageError("a SQLite URL needs a file: sqlite:///share.db or sqlite:////var/lib/share/share.db")
    return Path(rest).expanduser()


def open_store(url: str) -> ShareStore:
    """The store for a ``--db`` URL; the schema is created (or checked) on open."""
    if url.startswith("sqlite:///"):
        from wallet.sharing.server.store_sqlite import SqliteStore

        return SqliteStore(sqlite_path(url))
    if url.startswith(("postgresql://", "postgres://")):
        from wallet.sharing.server.store_postgres import PostgresStore

        return PostgresStore(url)
    raise UsageError("--db must be sqlite:///FILE or postgresql://USER@HOST/DB")


def redact_url(url: str) -> str:
    """The URL without a password, for messages and logs."""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    userinfo, _, host = rest.rpartition("@")
    user = userinfo.split(":", 1)[0]
    return f"{scheme}://{user + ':***' if ':' in userinfo else user}@{host}"
