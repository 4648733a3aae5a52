"""What the online client may do: its settings and the size cap of each kind of fetch.

One frozen settings value is handed to :class:`wallet.online.http.OnlineClient`
so a whole refresh runs under the same rules. The environment is read only by
:meth:`OnlineSettings.from_env`, never behind the caller's back.

The size caps are per *kind* of document rather than per call because the
caller knows what it asked for and an attacker controls everything else: a
DID document never needs 16 MiB, a status list legitimately may (the
Bitstring Status List spec sets no maximum; threat "status list size and privacy" in docs/THREATS.md fixes 16 MiB).
"""

from __future__ import annotations

import enum
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from wallet import __version__
from wallet.errors import UsageError

KIB = 1024
MIB = 1024 * KIB

#: Environment variables read by :meth:`OnlineSettings.from_env`.
ENV_CA_BUNDLE = "WALLET_CA_BUNDLE"
ENV_ALLOW_LOOPBACK = "WALLET_ONLINE_ALLOW_LOOPBACK"
ENV_OFFLINE = "WALLET_OFFLINE"

#: Past this much decoded output a ``Content-Encoding`` stream must not expand
#: more than ``MAX_DECODE_RATIO`` times (a gzip bomb; threat "zip and deflate bombs" in docs/THREATS.md uses 100:1 for zip).
DECODE_RATIO_FLOOR = 1 * MIB
MAX_DECODE_RATIO = 100


class FetchKind(str, enum.Enum):
    """What a request fetches; decides the response size cap (decoded bytes)."""

    DID_DOCUMENT = "did-document"
    STATUS_LIST = "status-list"  # Bitstring / StatusList2021 credentials and Token Status Lists
    TRUSTED_LIST = "trusted-list"  # EU LOTL and national trusted lists (XML)
    METADATA = "metadata"  # issuer / authorization server / JWT VC issuer metadata, JWKS, type metadata
    CREDENTIAL = "credential"  # credential responses, OB 2.0 assertions and their linked documents
    CONTEXT = "context"  # a JSON-LD context the user chose to pin
    SHARE_BLOB = "share-blob"  # an encrypted share-service bundle
    OAUTH = "oauth"  # token, nonce, PAR, notification and offer-by-reference exchanges
    REQUEST_OBJECT = "request-object"  # an OpenID4VP request object (request_uri)
    IMAGE = "image"  # an issuer or verifier logo shown in a consent screen

    @property
    def max_bytes(self) -> int:
        return MAX_BYTES[self]


MAX_BYTES: Mapping[FetchKind, int] = {
    FetchKind.DID_DOCUMENT: 256 * KIB,
    FetchKind.STATUS_LIST: 16 * MIB,
    FetchKind.TRUSTED_LIST: 10 * MIB,
    FetchKind.METADATA: 256 * KIB,
    FetchKind.CREDENTIAL: 4 * MIB,
    FetchKind.CONTEXT: 1 * MIB,
    FetchKind.SHARE_BLOB: 2 * MIB,
    FetchKind.OAUTH: 64 * KIB,
    FetchKind.REQUEST_OBJECT: 256 * KIB,
    FetchKind.IMAGE: 1 * MIB,
}

DEFAULT_USER_AGENT = f"learner-wallet/{__version__} (+https://github.com/learner-wallet; online evidence)"


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class OnlineSettings:
    """The rules one :class:`~wallet.online.http.OnlineClient` runs under.

    * ``ca_bundle``: a PEM file of extra trusted CAs, *in addition to* the
      system trust store (a test CA, or a TLS-inspecting corporate proxy's).
    * ``allow_loopback``: **unsafe, for tests only.** Lets the client reach
      127.0.0.0/8 and ::1 (by name or literal) and use plain ``http://`` to
      those addresses only. Every other private or special address stays
      refused.
    * ``offline``: every request raises :class:`~wallet.errors.OfflineMode`
      before anything is resolved or connected.
    * ``connect_timeout`` bounds the TCP connect and TLS handshake of one
      address; ``total_timeout`` bounds the whole request, redirects and a
      slowly dribbled body included.
    """

    ca_bundle: str | None = None
    allow_loopback: bool = False
    offline: bool = False
    connect_timeout: float = 5.0
    total_timeout: float = 20.0
    user_agent: str = DEFAULT_USER_AGENT
    max_redirects: int = 3

    def __post_init__(self) -> None:
        if not 0 < self.connect_timeout <= 60 or not 0 < self.total_timeout <= 300:
            raise UsageError("Online timeouts must be positive and at most 60 s (connect) and 300 s (total).")
        if not 0 <= self.max_redirects <= 10:
            raise UsageError("The online client follows between 0 and 10 redirects.")
        if self.ca_bundle is not None and not self.ca_bundle.strip():
            raise UsageError("The CA bundle setting is empty; leave it unset to use the system trust store only.")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> OnlineSettings:
        """Settings from ``WALLET_CA_BUNDLE``, ``WALLET_ONLINE_ALLOW_LOOPBACK`` and ``WALLET_OFFLINE``.

        ``overrides`` (e.g. ``offline=True`` from a ``--offline`` flag) win over
        the environment; ``None`` values in them are ignored so a CLI can pass
        its options through unchanged.
        """
        env = os.environ if environ is None else environ
        base = cls(
            ca_bundle=env.get(ENV_CA_BUNDLE) or None,
            allow_loopback=_flag(env.get(ENV_ALLOW_LOOPBACK)),
            offline=_flag(env.get(ENV_OFFLINE)),
        )
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(base, **given) if given else base
