"""Building a VerificationContext from what the vault has cached.

Verification never goes online; the vault's evidence cache (status lists,
Token Status Lists, DID documents, SD-JWT issuer metadata, Open Badges 2.0
hosted copies and linked documents, the trusted-list snapshot, pinned JSON-LD
contexts), the user's trusted issuers and trust anchors are what it may use.
This module is the one place that turns a vault into that context, for the
CLI and the GUI alike, with when each piece was fetched ("as of").

The cache is hostile input like everything else (a server answered it): a
record that does not parse is left out (the credential then reports that
piece as not available), never a crash.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from wallet.errors import InputError
from wallet.util.limits import MIB, load_json
from wallet.verify.context import TrustedIssuer, VerificationContext

EVIDENCE_STATUS_LIST = "status-list"
EVIDENCE_TOKEN_STATUS_LIST = "token-status-list"
EVIDENCE_DID_DOCUMENT = "did-document"
EVIDENCE_JWT_VC_ISSUER = "jwt-vc-issuer"
EVIDENCE_JWKS = "jwks"
EVIDENCE_OB2_HOSTED = "ob2-hosted"
EVIDENCE_OB2_DOCUMENT = "ob2-document"
EVIDENCE_DOCUMENT = "document"  # any other document the user supplied (older vaults)
EVIDENCE_CONTEXT = "context"
EVIDENCE_TRUSTED_LIST = "trusted-list"  # the raw LOTL / national list XML, as fetched
EVIDENCE_TRUST_SNAPSHOT = "trust-snapshot"  # the verified snapshot built from them (or from files)
TRUST_SNAPSHOT_KEY = "eu"

#: The kinds verification reads, and whether their bytes are kept as bytes (True) or parsed as JSON (False).
_READ = {EVIDENCE_STATUS_LIST: True, EVIDENCE_TOKEN_STATUS_LIST: True, EVIDENCE_CONTEXT: True,
         EVIDENCE_DID_DOCUMENT: False, EVIDENCE_JWT_VC_ISSUER: False, EVIDENCE_JWKS: False,
         EVIDENCE_OB2_HOSTED: False, EVIDENCE_OB2_DOCUMENT: False, EVIDENCE_DOCUMENT: False}
MAX_JSON_EVIDENCE = 16 * MIB


def _json(data: bytes | None) -> Any:
    if not data:
        return None
    try:
        return load_json(data, "cached evidence", limit=MAX_JSON_EVIDENCE)
    except InputError:
        return None


def _trust_snapshot(vault: Any) -> Any:
    found = vault.get_evidence(EVIDENCE_TRUST_SNAPSHOT, TRUST_SNAPSHOT_KEY)
    if found is None:
        return None
    from wallet.verify.seals.trustlist import TrustSnapshot  # deferred: the EU-seal stack is heavy (start-up)

    try:
        return TrustSnapshot.from_bytes(found[0])
    except InputError:
        return None  # a damaged snapshot is as good as none: seals report "no trusted list"


def _issuer_metadata(metadata: Mapping[str, Any], jwks: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """JWT VC issuer metadata by ``iss``, with a ``jwks_uri`` key set put inline as ``jwks``."""
    out: dict[str, Mapping[str, Any]] = {}
    for iss, meta in metadata.items():
        if not isinstance(meta, Mapping):
            continue
        if "jwks" not in meta and isinstance(meta.get("jwks_uri"), str):
            keys = jwks.get(meta["jwks_uri"])
            if not isinstance(keys, Mapping):
                continue  # the keys were not fetched: the issuer's keys are not available offline
            meta = {**meta, "jwks": keys}
        out[iss] = meta
    return out


def _hosted(copies: Mapping[str, Any], gone: Iterable[str]) -> dict[str, Any]:
    """Hosted OB 2.0 copies by assertion id; a 410 Gone answer becomes ``{"id", "revoked": true}``."""
    out = {key: doc for key, doc in copies.items() if isinstance(doc, Mapping)}
    for key in gone:
        out[key] = {"id": key, "revoked": True}
    return out


def context_from_vault(
    vault: Any,
    *,
    now: datetime | None = None,
    extra_status_lists: dict[str, bytes] | None = None,
    extra_did_documents: dict[str, Any] | None = None,
    challenge: str | None = None,
    domain: str | None = None,
) -> VerificationContext:
    """The verification context for credentials in ``vault`` (plus supplied files)."""
    raw: dict[str, dict[str, bytes]] = {}
    parsed: dict[str, dict[str, Any]] = {}
    fetched: dict[str, datetime] = {}
    gone: list[str] = []
    for kind, keep_bytes in _READ.items():
        raw[kind], parsed[kind] = {}, {}
        for record in vault.evidence_records(kind, with_data=True):
            if record.fetched_online:
                fetched[f"{kind} {record.key}"] = record.fetched_at
            if kind == EVIDENCE_OB2_HOSTED and record.revoked and record.http_status == 410:
                gone.append(record.key)
                continue
            if keep_bytes:
                raw[kind][record.key] = record.data
            else:
                doc = _json(record.data)
                if isinstance(doc, Mapping):
                    parsed[kind][record.key] = doc
    status_lists = {**raw[EVIDENCE_STATUS_LIST], **(extra_status_lists or {})}
    did_docs = {**parsed[EVIDENCE_DID_DOCUMENT], **(extra_did_documents or {})}
    documents = {**parsed[EVIDENCE_DOCUMENT], **parsed[EVIDENCE_OB2_DOCUMENT],
                 **_hosted(parsed[EVIDENCE_OB2_HOSTED], gone)}
    kwargs: dict[str, Any] = dict(
        trusted_issuers=tuple(TrustedIssuer(i, label) for i, label in vault.list_trusted_issuers()),
        status_lists=status_lists,
        token_status_lists=raw[EVIDENCE_TOKEN_STATUS_LIST],
        did_documents=did_docs,
        issuer_metadata=_issuer_metadata(parsed[EVIDENCE_JWT_VC_ISSUER], parsed[EVIDENCE_JWKS]),
        documents=documents,
        fetched=fetched,
        pinned_contexts=raw[EVIDENCE_CONTEXT],
        trust_anchors=tuple(der for _sha, der, _label in vault.list_trust_anchors()),
        trusted_list=_trust_snapshot(vault),
        challenge=challenge,
        domain=domain,
    )
    if now is not None:
        kwargs["now"] = now
    return VerificationContext(**kwargs)


def status_list_urls(documents: Iterable[Any]) -> set[str]:
    """Status list credential URLs named by credentialStatus entries of JSON documents."""
    urls: set[str] = set()
    for doc in documents:
        if not isinstance(doc, dict):
            continue
        status = doc.get("credentialStatus")
        for entry in status if isinstance(status, list) else [status]:
            if isinstance(entry, dict) and isinstance(entry.get("statusListCredential"), str):
                urls.add(entry["statusListCredential"])
    return urls
