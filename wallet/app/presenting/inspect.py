"""Step 1 of presenting: read a verifier's request and say what answering it would disclose. Nothing is sent.

:func:`inspect` takes what the user gave (an ``openid4vp://`` link from the
browser or the link handler, pasted text, a QR image or a screenshot of one),
fetches the request object from ``request_uri`` through the online client
(the only network step), verifies it for its client identifier prefix, and
matches its DCQL query against the vault. The :class:`PresentationSummary`
it returns is the consent screen's content: who asks (verified by a
certificate, or "unverified"), the verifier's name as it claims it
(unverified), where the answer goes, which credentials match each query and
which of their claims would be disclosed, and the default choice (the best
match for what the request needs). Declining means not calling
:func:`wallet.app.presenting.send.send`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wallet.app.keys import KeyVault
from wallet.app.link_source import link_text
from wallet.app.presenting.candidates import Holding, holdings
from wallet.messages import Message, msg
from wallet.oid4vp import link as links
from wallet.oid4vp.choice import default_choice
from wallet.oid4vp.claims import Concrete
from wallet.oid4vp.client_id import split_client_id
from wallet.oid4vp.matching import FORMAT_NAMES, MatchResult, match
from wallet.oid4vp.request import AuthorizationRequest, from_link, from_request_object
from wallet.online.http import OnlineClient
from wallet.online.oid4vp import fetch_request_object


@dataclass(frozen=True)
class Offered:
    """One credential that answers one query, with what presenting it would disclose."""

    query_id: str
    credential_id: str
    title: str
    format: str
    paths: tuple[Concrete, ...]  # the claims the query selects
    whole: bool  # W3C credentials cannot hide claims: everything in them is disclosed
    state: str = ""


@dataclass(frozen=True)
class PresentationSummary:
    """Everything the user must see before agreeing (see the module docstring)."""

    request: AuthorizationRequest
    result: MatchResult
    offered: tuple[Offered, ...]
    choice: Mapping[str, tuple[str, ...]]
    holdings: Mapping[str, Holding] = field(compare=False)
    langs: tuple[str, ...] = ("en",)

    @property
    def verified(self) -> bool:
        return self.request.identity.verified

    @property
    def verifier(self) -> str:
        """Who asks, in one word: the certified DNS name, the DID, or the redirect URI."""
        return self.request.identity.shown

    @property
    def verifier_name(self) -> str | None:
        """The name the verifier gives itself (client_metadata): never verified, shown as such."""
        return self.request.client_metadata.name

    @property
    def answerable(self) -> bool:
        return self.result.satisfiable

    def why_not(self) -> tuple[Message, ...]:
        """Why the request cannot be answered, per query it needs (empty when it can)."""
        return tuple(r.why_not() for r in self.result.queries
                     if not r.satisfied and r.query.id in self.result.required_queries())

    def offered_for(self, query_id: str) -> tuple[Offered, ...]:
        return tuple(o for o in self.offered if o.query_id == query_id)

    def who(self) -> Message:
        ident = self.request.identity
        if ident.verified:
            return msg("present.who_verified", name=ident.value, anchor=ident.anchor or "")
        if ident.signed:
            return msg("present.who_signed", name=ident.value)
        return msg("present.who_unverified", name=ident.value)

    def to_json(self) -> dict[str, Any]:
        from wallet.claim_words import disclosed_in_words
        from wallet.messages import render  # deferred: rendering is the edge's business

        req = self.request
        return {
            "verifier": {"client_id": req.client_id, "shown": self.verifier, "verified": self.verified,
                         "signed": req.identity.signed, "certificate": req.identity.subject,
                         "anchor": req.identity.anchor, "name_claimed": self.verifier_name,
                         "in_words": render(self.who(), self.langs)},
            "response_uri": req.response_uri, "response_mode": req.response_mode,
            "request_uri": req.request_uri, "expires_at": req.expires_at.isoformat() if req.expires_at else None,
            "answerable": self.answerable,
            "why_not": [render(m, self.langs) for m in self.why_not()],
            "queries": [{"id": r.query.id, "format": r.query.format, "satisfied": r.satisfied,
                         "matches": [{"credential": o.credential_id, "title": o.title, "state": o.state,
                                      "discloses": "everything" if o.whole else [list(p) for p in o.paths],
                                      "discloses_in_words": disclosed_in_words(o.paths, self.langs, whole=o.whole)}
                                     for o in self.offered_for(r.query.id)]}
                        for r in self.result.queries],
            "choice": {k: list(v) for k, v in self.choice.items()},
        }


def request_text(source: str | bytes | Path) -> str:
    """The request link in what the user gave: a link or pasted text, a file, or a QR image."""
    return link_text(source, wanted=links.looks_like_request, refuse=links.refuse, max_text_bytes=links.MAX_LINK_CHARS)


def request_anchors(vault: KeyVault, client: OnlineClient) -> tuple[bytes, ...]:
    """The CAs a verifier's certificate may chain to: the user's anchors, the system's, ``WALLET_CA_BUNDLE``."""
    from wallet.online.tls import trusted_ca_certificates

    anchors = [der for _sha, der, _label in vault.list_trust_anchors()]
    return (*anchors, *trusted_ca_certificates(client.settings.ca_bundle))


def read_request(source: str | bytes | Path, *, client: OnlineClient, vault: KeyVault,
                 now: datetime | None = None) -> AuthorizationRequest:
    """The checked request: by value, or its request object fetched (only from an allowed address) and verified."""
    link = links.parse_link(request_text(source))
    split_client_id(link.client_id)  # an identifier the wallet cannot check is refused before any network
    if link.request_uri is None and link.request is None:
        return from_link(link, now=now)
    anchors = request_anchors(vault, client) if not link.client_id.startswith("redirect_uri:") else ()
    jwt_text = link.request if link.request is not None else \
        fetch_request_object(client, link.request_uri or "", link.request_uri_method)
    return from_request_object(jwt_text, link, anchors=anchors, now=now)


def _offered(result: MatchResult) -> tuple[Offered, ...]:
    out = []
    for r in result.queries:
        for m in r.matches:
            c = m.candidate
            out.append(Offered(r.query.id, c.id, c.title, FORMAT_NAMES.get(c.format, c.format), m.paths,
                               c.format != "dc+sd-jwt", c.state))
    return tuple(out)


def summarize(request: AuthorizationRequest, vault: KeyVault, langs: Sequence[str] = ("en",)) -> PresentationSummary:
    """Match a checked request against the vault (pure apart from reading the vault)."""
    prefs = tuple(langs) or ("en",)
    held = holdings(vault, prefs)
    result = match(request.dcql, [h.candidate for h in held.values()])
    return PresentationSummary(request, result, _offered(result), default_choice(result), held, prefs)


def inspect(source: str | bytes | Path, *, client: OnlineClient, vault: KeyVault, langs: Sequence[str] = ("en",),
            now: datetime | None = None) -> PresentationSummary:
    """Read, fetch, verify and match a request (see the module docstring); nothing is sent or stored."""
    request = read_request(source, client=client, vault=vault, now=now or datetime.now(UTC))
    return summarize(request, vault, langs)
