"""OpenID for Verifiable Credential Issuance 1.0 (final, September 2025): the wallet's client side.

One module per protocol step, each a small function over
:class:`wallet.online.OnlineClient` that checks everything the issuer sends
before it is used (sizes, types, URLs, the issuer's identity):

* :mod:`.offer` — credential offers by value and by reference;
* :mod:`.metadata` — Credential Issuer Metadata (signed or not) and its display;
* :mod:`.oauth` — authorization server metadata, PKCE, PAR, the token endpoint;
* :mod:`.loopback` — the RFC 8252 loopback redirect listener for the browser;
* :mod:`.nonce`, :mod:`.proof`, :mod:`.credential`, :mod:`.deferred`,
  :mod:`.notification` — the credential endpoint and what surrounds it;
* :mod:`.dpop` — DPoP proofs (RFC 9449) when the authorization server offers them.

The pure parsers :func:`.offer.parse_offer` and
:func:`.metadata.parse_issuer_metadata` take text and bytes only, so a fuzz
target can call them. The use case that strings the steps together, with the
user's consent first, is :mod:`wallet.app.receive`. See docs/RECEIVING.md.
"""
