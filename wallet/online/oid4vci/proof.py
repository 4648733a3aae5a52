"""Proofs of possession (OID4VCI 1.0 appendix F.1): a ``jwt`` proof signed by the holder key to be bound.

Header: ``typ: openid4vci-proof+jwt``, the algorithm of the key, and either
``kid`` (the key's DID URL, ``did:key`` or ``did:jwk``) or, when the issuer
binds to a bare key, ``jwk`` (its public JWK). Claims: ``aud`` the Credential
Issuer Identifier, ``iat`` now, ``nonce`` the ``c_nonce`` just fetched, and
``iss`` the client id except with an anonymous pre-authorized code
(section F.1: omitted when the token was issued without client
authentication). A new nonce always gets a new proof: a proof is never sent twice.
"""

from __future__ import annotations

import time
from typing import Any

from wallet.verify.jose import sign_compact
from wallet.verify.keys import public_jwk

PROOF_TYPE = "openid4vci-proof+jwt"


def jwt_proof(private_key: Any, *, kid: str | None, audience: str, nonce: str | None,
              client_id: str | None = None, now: int | None = None) -> str:
    """A signed proof; ``kid=None`` puts the public JWK in the header instead."""
    header: dict[str, Any] = {"typ": PROOF_TYPE}
    if kid is not None:
        header["kid"] = kid
    else:
        header["jwk"] = public_jwk(private_key)
    claims: dict[str, Any] = {"aud": audience, "iat": int(time.time()) if now is None else now}
    if nonce is not None:
        claims["nonce"] = nonce
    if client_id is not None:
        claims["iss"] = client_id
    return sign_compact(header, claims, private_key)
