"""JSON-LD contexts the wallet does not bundle: fetched only when the user asks to pin one.

Contexts are never fetched during verification (threats "JSON-LD context substitution", "remote context fetch" in docs/THREATS.md: a
swapped or remote context can change what a signed credential means). When
a credential uses one the wallet does not know, the app may offer to fetch
it; this returns the bytes with their SHA-256 and size so the user sees
exactly what would be pinned before anything is stored. A pinned context is
then read from the vault, never refreshed silently.
"""

from __future__ import annotations

from wallet.errors import BadEvidence, InputError
from wallet.online.evidence.record import Evidence, EvidenceKind, from_response
from wallet.online.http import OnlineClient
from wallet.online.settings import FetchKind
from wallet.online.urls import clause, display_url

ACCEPT = "application/ld+json, application/json;q=0.9"


def fetch_context(client: OnlineClient, url: str) -> Evidence:
    """Fetch one JSON-LD context document; it must be a JSON object with an ``@context``."""
    resp = client.get(url, kind=FetchKind.CONTEXT, headers={"Accept": ACCEPT}, purpose="JSON-LD context (pin)")
    where = display_url(resp.url)
    try:
        doc = resp.json("JSON-LD context")
    except InputError as exc:
        raise BadEvidence(f"The JSON-LD context at {where} is refused: {clause(exc)}.") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("@context"), (dict, list, str)):
        raise BadEvidence(f"{where} is not a JSON-LD context document (no @context object).")
    notes = () if resp.url == url else (f"Served from {where} after a redirect.",)
    return from_response(EvidenceKind.CONTEXT, url, resp, notes=notes)
