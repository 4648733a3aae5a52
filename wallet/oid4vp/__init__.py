"""OpenID for Verifiable Presentations 1.0 (final, July 2025): the wallet's side, pure.

What a verifier sends and what the wallet answers, as values and checks with
no network (the request object by reference is fetched by
:mod:`wallet.online.oid4vp`, the answer posted there too):

* :mod:`.link` — an ``openid4vp://`` link, an https link with the same query,
  or pasted parameters: which request it is, by value or by reference;
* :mod:`.request` — the authorization request: its parameters checked, a
  signed request object verified for its client identifier prefix
  (:mod:`.client_id`: ``x509_san_dns``, ``x509_hash``, ``redirect_uri``,
  ``decentralized_identifier``), ``client_metadata`` (:mod:`.client_metadata`);
* :mod:`.dcql` and :mod:`.claims` — the Digital Credentials Query Language
  (section 6) and claims path pointers (section 7), with size limits;
* :mod:`.matching` — which stored credentials satisfy which credential query,
  and why the others do not;
* :mod:`.jwe` — the encrypted answer of ``direct_post.jwt`` (ECDH-ES);
* :mod:`.response` — the ``vp_token`` and the form that is posted.

The use case that strings them together with the user's consent first is
:mod:`wallet.app.presenting`; docs/PRESENTING.md says what is checked.
"""
