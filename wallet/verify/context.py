"""The inputs of verification other than the credential itself.

Verification is a pure function of (credential bytes, VerificationContext):
the context carries the clock, the trust store and every piece of cached
evidence, so nothing is ever fetched during verification.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any


@dataclass(frozen=True)
class TrustedIssuer:
    """An issuer the user (or an imported registry) trusts, by DID or URL."""

    id: str  # a DID, or a URL prefix for OB 2.0 issuers
    label: str


@dataclass(frozen=True)
class VerificationContext:
    """Clock, trust and cached evidence for one verification run.

    ``status_lists`` maps a status list credential URL (the URL the credential
    names) to its raw bytes; ``token_status_lists`` maps an IETF Token Status
    List URI to its raw ``statuslist+jwt`` bytes; ``did_documents`` maps a DID
    (without fragment) to a parsed DID document; ``issuer_metadata`` maps an
    SD-JWT VC issuer (``iss``) to its JWT VC Issuer Metadata with the ``jwks``
    inline; ``documents`` maps any other URL (OB 2.0 issuer profiles, public
    keys, hosted assertions) to parsed JSON. ``fetched`` says when each piece
    of evidence was fetched, keyed ``"<kind> <key>"`` (see :meth:`fetched_at`),
    so reports can say "as of". ``pinned_contexts`` maps a
    JSON-LD context URL the user pinned (with consent, never silently
    replaced) to its bytes; the JSON-LD loader consults them after the
    bundled contexts and still never fetches. An Open Badges 2.0 hosted
    assertion's fetched copy is in ``documents`` under its ``id``; a host
    that answered 410 Gone is recorded there as ``{"id": …, "revoked": true}``
    (what 410 means for a hosted badge). ``trust_anchors`` are DER certificates the
    user added (EU seals, and ``x5c`` chains); ``trusted_list`` is an opaque
    EU trusted-list snapshot object (see ``wallet.verify.seals``).
    ``holder_keys`` are the RFC 7638 thumbprints of the vault's own holder
    keys: when given, an SD-JWT VC's ``cnf`` is checked to be one of them
    (``wallet.verify.sdjwt``); empty outside a vault.
    """

    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    trusted_issuers: tuple[TrustedIssuer, ...] = ()
    status_lists: Mapping[str, bytes] = field(default_factory=dict)
    did_documents: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    documents: Mapping[str, Any] = field(default_factory=dict)
    token_status_lists: Mapping[str, bytes] = field(default_factory=dict)
    issuer_metadata: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    fetched: Mapping[str, datetime] = field(default_factory=dict)
    pinned_contexts: Mapping[str, bytes] = field(default_factory=dict)
    trust_anchors: tuple[bytes, ...] = ()
    holder_keys: frozenset[str] = frozenset()
    trusted_list: Any = None
    challenge: str | None = None
    domain: str | None = None
    clock_skew_seconds: int = 300

    def fetched_at(self, kind: str, key: str) -> datetime | None:
        """When the evidence ``kind`` (``status-list``, ``did-document``, ...) for ``key`` was fetched, if known."""
        return self.fetched.get(f"{kind} {key}")

    def trusted_label(self, issuer_id: str | None) -> str | None:
        if not issuer_id:
            return None
        for t in self.trusted_issuers:
            if issuer_id == t.id or (t.id.startswith("http") and issuer_id.startswith(t.id)):
                return t.label
        return None
