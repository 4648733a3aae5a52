"""Which key an SD-JWT issuer signed with, and whether that key is the issuer's, offline.

The same rules serve the credential and its Token Status List (a status list
signed by anyone but the credential's issuer proves nothing), in this order:

1. **JWT VC Issuer Metadata** cached for ``iss`` (``ctx.issuer_metadata``,
   fetched from ``iss`` over TLS by ``wallet.online``): the key whose ``kid``
   the header names, or the only key. The metadata *is* the issuer's
   statement of its keys, so such a key belongs to ``iss``.
2. **``x5c``**: the leaf's key; it belongs to ``iss`` when the chain leads to
   a certificate the user trusts at the signing time and the leaf names
   ``iss`` (:mod:`wallet.verify.x5c`, shared with every JWT). A chain to no
   trusted certificate proves integrity only (the issuer is "not checked", as
   for a key carried in the token itself); an invalid chain or a certificate
   for another name fails.
3. The JOSE rules every other JWT credential follows
   (:func:`wallet.verify.jose_vc.resolve_signing_key`): a DID URL ``kid``,
   a cached controller document, a ``did:key``/``did:jwk`` issuer, a ``jwk``
   header. VC-JOSE-COSE ``vc+sd-jwt`` credentials are signed this way.

Nothing is fetched: a key that would need the network is "not available
offline".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wallet.messages import Message, msg
from wallet.model import CheckStatus
from wallet.verify import did
from wallet.verify.context import VerificationContext
from wallet.verify.jose_vc import jwk_key, resolve_signing_key
from wallet.verify.x5c import certificate_key
from wallet.verify.x5c import issuer_check as x5c_issuer_check


class KeyNotFound(Exception):
    """No usable key: ``offline`` says whether the network could have helped (not-checked) or not (failed)."""

    def __init__(self, message: Message, *, offline: bool) -> None:
        super().__init__(message.id)
        self.message = message
        self.offline = offline


@dataclass(frozen=True)
class IssuerKey:
    """Candidate keys for one signature, and what ties them to ``iss``."""

    keys: tuple[Any, ...]
    label: str  # kid, verification method or certificate subject, for the report
    bound: bool | None  # True: the key is the issuer's; False: it is someone else's; None: unknown
    why: Message  # the message for the issuer-key check


def _metadata_keys(header: Mapping[str, Any], iss: str, meta: Mapping[str, Any]) -> IssuerKey | None:
    if meta.get("issuer") != iss:
        raise KeyNotFound(msg("sdjwt.metadata_other", iss=iss, issuer=str(meta.get("issuer"))), offline=False)
    jwks = meta.get("jwks")
    keys = jwks.get("keys") if isinstance(jwks, Mapping) else None
    if not isinstance(keys, list):
        raise KeyNotFound(msg("sdjwt.metadata_no_keys", iss=iss), offline=False)
    kid = header.get("kid") if isinstance(header.get("kid"), str) else None  # a non-string kid names nothing
    chosen = [k for k in keys if isinstance(k, Mapping) and (kid is None or k.get("kid") == kid)]
    if not chosen:
        return None
    try:
        public = tuple(jwk_key(k) for k in chosen)
    except did.KeyResolutionError as exc:
        raise KeyNotFound(msg("proof.key_not_found", key=str(kid), detail=str(exc)), offline=False) from exc
    return IssuerKey(public, f"{iss} ({kid or 'its only key'})", True, msg("sdjwt.key_published", iss=iss))


def _x5c_key(header: Mapping[str, Any], iss: str | None, ctx: VerificationContext,
             at: datetime | None) -> IssuerKey:
    """The ``x5c`` leaf's key, and its chain to the user's trusted certificates (:mod:`wallet.verify.x5c`)."""
    try:
        cert = certificate_key(header, at or ctx.now, ctx.trust_anchors)
    except did.KeyResolutionError as exc:
        raise KeyNotFound(msg("sdjwt.x5c_invalid", detail=str(exc)), offline=False) from exc
    check = x5c_issuer_check(cert, iss)
    bound = {CheckStatus.PASSED: True, CheckStatus.FAILED: False}.get(check.status)
    return IssuerKey((cert.key,), cert.subject, bound, check.message)


def issuer_key(header: Mapping[str, Any], iss: str | None, ctx: VerificationContext,
               at: datetime | None = None) -> IssuerKey:
    """The key(s) to check the issuer's signature with; :class:`KeyNotFound` when there is none.

    ``at``: when the token was signed (``iat``), the time an ``x5c`` chain must be valid at.
    """
    meta = ctx.issuer_metadata.get(iss) if iss else None
    if meta is not None and iss:
        found = _metadata_keys(header, iss, meta)
        if found is not None:
            return found
        if "x5c" not in header:
            raise KeyNotFound(msg("sdjwt.key_not_published", key=str(header.get("kid")), iss=iss), offline=False)
    if "x5c" in header:
        return _x5c_key(header, iss, ctx, at)
    try:
        signing = resolve_signing_key(header, iss, ctx, at)
    except did.NotAvailableOffline as exc:
        if iss and iss.startswith("https://") and meta is None:
            raise KeyNotFound(msg("sdjwt.metadata_missing", iss=iss), offline=True) from exc
        raise KeyNotFound(msg("proof.key_offline", key=str(header.get("kid")), detail=str(exc)), offline=True) from exc
    except did.KeyResolutionError as exc:
        raise KeyNotFound(msg("proof.key_not_found", key=str(header.get("kid")), detail=str(exc)), offline=False) from exc
    if signing.owner is None:
        return IssuerKey((signing.key,), signing.vm_id, None, msg("jose.embedded_key_only", party=iss))
    if iss is not None and signing.owner != iss:
        return IssuerKey((signing.key,), signing.vm_id, False, msg("issuer_key.other", owner=signing.owner, party=iss))
    if "assertionMethod" not in signing.relationships:
        raise KeyNotFound(msg("purpose.not_allowed", required="assertionMethod", key=signing.vm_id), offline=False)
    return IssuerKey((signing.key,), signing.vm_id, True, msg("issuer_key.ok", party=iss or signing.owner))
