"""The evidence a freshly received credential needs, fetched once, used to verify it, and kept in the vault.

A credential that arrives from an issuer is verified before it is stored,
and an SD-JWT VC cannot be verified without its issuer's published keys (or
a trusted certificate) and its Token Status List. So, with the user's
consent already given for this issuer, the receiving flow fetches what
:func:`wallet.online.evidence.evidence_needs` lists for the credentials (the
online client's rules apply), verifies the credentials with it, and stores
each record in the vault's evidence cache under its kind and key, with the
time it was fetched, so later verification (offline) reads the same
evidence and says "as of".

Records are stored as the fetchers return them (``kind`` = the record's
``EvidenceKind`` value, ``key`` the DID or URL the credential names, the body
exactly as fetched): the vault's context builder reads them back the same way.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from wallet.app.vault import VaultLike
from wallet.errors import InputError
from wallet.formats import parse
from wallet.model import replace
from wallet.online.evidence import Evidence, EvidenceKind, evidence_needs, fetch_needs, merge_needs
from wallet.online.http import OnlineClient
from wallet.verify.context import VerificationContext


@dataclass(frozen=True)
class Fetched:
    """The evidence records fetched, and the needs that failed (with the one-sentence reason)."""

    records: tuple[Evidence, ...]
    failures: tuple[tuple[str, str], ...]  # (what, why)


def fetch_for(client: OnlineClient, raws: Sequence[bytes]) -> Fetched:
    """Fetch everything the credentials in ``raws`` need (one failure never stops the rest)."""
    needs = []
    for raw in raws:
        try:
            needs.append(evidence_needs(parse(raw)))
        except InputError:
            continue  # unreadable: import will say so, and there is nothing to fetch for it
    results = fetch_needs(client, merge_needs(needs))
    records = tuple(e for r in results for e in r.evidence)
    failures = tuple((r.need.key, r.error or "") for r in results if not r.ok)
    return Fetched(records, failures)


def _json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        return None


def context_with(ctx: VerificationContext, records: Sequence[Evidence]) -> VerificationContext:
    """``ctx`` with ``records`` added (status lists, token status lists, issuer metadata, DID documents)."""
    status_lists = dict(ctx.status_lists)
    token_lists = dict(ctx.token_status_lists)
    metadata = dict(ctx.issuer_metadata)
    did_documents = dict(ctx.did_documents)
    fetched = dict(ctx.fetched)
    key_sets = {r.key: _json(r.body) for r in records if r.kind is EvidenceKind.JWKS}
    for record in records:
        fetched[f"{record.kind.value} {record.key}"] = record.fetched_at
        if record.kind is EvidenceKind.STATUS_LIST:
            status_lists[record.key] = record.body
        elif record.kind is EvidenceKind.TOKEN_STATUS_LIST:
            token_lists[record.key] = record.body
        elif record.kind is EvidenceKind.JWT_VC_ISSUER:
            doc = _json(record.body)
            if isinstance(doc, dict):
                jwks_uri = doc.get("jwks_uri")
                if "jwks" not in doc and isinstance(jwks_uri, str) and isinstance(key_sets.get(jwks_uri), dict):
                    doc = {**doc, "jwks": key_sets[jwks_uri]}
                metadata[record.key] = doc
        elif record.kind is EvidenceKind.DID_DOCUMENT:
            doc = _json(record.body)
            if isinstance(doc, dict):
                did_documents[record.key] = doc
    return replace(ctx, status_lists=status_lists, token_status_lists=token_lists, issuer_metadata=metadata,
                   did_documents=did_documents, fetched=fetched)


def store(vault: VaultLike, records: Sequence[Evidence]) -> None:
    """Keep each record in the vault's evidence cache (a newer copy replaces an older one)."""
    for record in records:
        vault.put_evidence(record.kind.value, record.key, record.body, record.fetched_at)
