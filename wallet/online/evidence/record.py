"""The values the evidence fetchers return and the needs they answer.

An :class:`Evidence` record is what gets cached: the body *exactly as
fetched* (verification later checks signatures over these bytes, offline),
where and when it was fetched, and how long the publisher says it stays
fresh. Fetchers check the shape (the right kind of document, naming the
right DID or URL) but never trust it: trust is decided by ``wallet.verify``
from the cache.
"""

from __future__ import annotations

import enum
import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from wallet.errors import WalletError
from wallet.online.http import Response


class EvidenceKind(str, enum.Enum):
    """What a piece of evidence is. The values are stable (the vault stores them)."""

    DID_DOCUMENT = "did-document"
    STATUS_LIST = "status-list"  # Bitstring Status List / StatusList2021 credential (JSON or VC-JWT)
    TOKEN_STATUS_LIST = "token-status-list"  # IETF Token Status List (statuslist+jwt)
    JWT_VC_ISSUER = "jwt-vc-issuer"  # JWT VC Issuer Metadata of an SD-JWT VC issuer
    JWKS = "jwks"  # a JWK Set named by jwks_uri in that metadata
    OB2_HOSTED = "ob2-hosted"  # the hosted copy of an Open Badges 2.0 assertion
    OB2_DOCUMENT = "ob2-document"  # a BadgeClass, issuer Profile, CryptographicKey or revocation list
    TRUSTED_LIST = "trusted-list"  # the EU LOTL or a national trusted list (XML)
    CONTEXT = "context"  # a JSON-LD context the user chose to pin


@dataclass(frozen=True)
class EvidenceNeed:
    """One thing a credential needs from the network, found by :func:`evidence_needs` (no network)."""

    kind: EvidenceKind
    key: str  # the DID, the URL the credential names, the issuer identifier, or the LOTL URL
    reason: str  # why it is needed, for the user ("the issuer's DID", "the revocation list")
    territories: tuple[str, ...] = ()  # TRUSTED_LIST only: national lists wanted beside the LOTL

    @property
    def host(self) -> str | None:
        """The host this need would contact (for asking once per issuer host)."""
        from wallet.online.evidence.did_web import did_web_url
        from wallet.online.urls import parse_target

        try:
            url = did_web_url(self.key) if self.key.startswith("did:") else self.key
            return parse_target(url, allow_loopback=True).host
        except WalletError:  # an unusable key has no host to show; fetching it gives the error
            return None


@dataclass(frozen=True)
class Evidence:
    """A fetched document, as fetched, with its dates."""

    kind: EvidenceKind
    key: str  # what it is cached under: the DID, or the URL the credential names
    body: bytes  # exactly as received (after HTTP Content-Encoding is undone)
    media_type: str | None
    fetched_at: datetime  # aware UTC
    source_url: str  # the final URL, after redirects
    max_age: int | None = None  # seconds the publisher says it stays fresh (ttl, Cache-Control, exp)
    issued_at: datetime | None = None  # when the document says it was issued (validFrom, iat, ListIssueDateTime)
    http_status: int = 200
    revoked: bool | None = None  # OB2_HOSTED only: HTTP 410 or "revoked": true
    notes: tuple[str, ...] = ()  # plain sentences worth showing (small status list, id differs from URL…)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()

    @property
    def size(self) -> int:
        return len(self.body)

    @property
    def stale_after(self) -> datetime | None:
        """When to fetch again, if the publisher said."""
        return self.fetched_at + timedelta(seconds=self.max_age) if self.max_age is not None else None


_MAX_AGE = re.compile(r"(?:^|,)\s*(s-maxage|max-age)\s*=\s*\"?(\d{1,10})\"?\s*(?=,|$)", re.IGNORECASE)


def cache_max_age(resp: Response) -> int | None:
    """``Cache-Control: max-age`` in seconds (``no-store``/``no-cache`` give 0), or None."""
    value = resp.header("cache-control")
    if not value:
        return None
    lowered = value.lower()
    if "no-store" in lowered or "no-cache" in lowered:
        return 0
    ages = [int(m.group(2)) for m in _MAX_AGE.finditer(value) if m.group(1).lower() == "max-age"]
    return ages[0] if ages else None


def freshest(*ages: int | None) -> int | None:
    """The shortest of the given lifetimes (each source may only shorten it)."""
    known = [max(a, 0) for a in ages if a is not None]
    return min(known) if known else None


def from_response(kind: EvidenceKind, key: str, resp: Response, *, max_age: int | None = None,
                  issued_at: datetime | None = None, revoked: bool | None = None,
                  notes: tuple[str, ...] = ()) -> Evidence:
    """An :class:`Evidence` record for ``resp`` (Cache-Control combined with ``max_age``)."""
    return Evidence(kind, key, resp.body, resp.media_type, resp.fetched_at, resp.url,
                    freshest(cache_max_age(resp), max_age), issued_at, resp.status, revoked, notes)

