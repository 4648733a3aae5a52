"""Building a VerificationContext from what the vault has cached.

Verification never goes online; the vault's evidence cache (status lists, DID
documents, the trusted-list snapshot, OB 2.0 documents), the user's trusted
issuers and trust anchors are what it may use. This module is the one place
that turns a vault into that context, for the CLI and the GUI alike.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from wallet.verify.context import TrustedIssuer, VerificationContext

EVIDENCE_STATUS_LIST = "status-list"
EVIDENCE_DID_DOCUMENT = "did-document"
EVIDENCE_DOCUMENT = "document"
EVIDENCE_TRUST_SNAPSHOT = "trust-snapshot"
TRUST_SNAPSHOT_KEY = "eu"


def _json_map(items: dict[str, bytes]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, data in items.items():
        out[key] = json.loads(data)
    return out


def _trust_snapshot(vault: Any) -> Any:
    found = vault.get_evidence(EVIDENCE_TRUST_SNAPSHOT, TRUST_SNAPSHOT_KEY)
    if found is None:
        return None
    from wallet.verify.seals.trustlist import TrustSnapshot  # deferred: the EU-seal stack is heavy (start-up)

    return TrustSnapshot.from_bytes(found[0])


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
    status_lists = dict(vault.list_evidence(EVIDENCE_STATUS_LIST))
    status_lists.update(extra_status_lists or {})
    did_docs = _json_map(vault.list_evidence(EVIDENCE_DID_DOCUMENT))
    did_docs.update(extra_did_documents or {})
    kwargs: dict[str, Any] = dict(
        trusted_issuers=tuple(TrustedIssuer(i, label) for i, label in vault.list_trusted_issuers()),
        status_lists=status_lists,
        did_documents=did_docs,
        documents=_json_map(vault.list_evidence(EVIDENCE_DOCUMENT)),
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
