"""did:web DID documents (W3C CCG did:web Method Specification, "Read (Resolve)").

``did:web:example.com`` → ``https://example.com/.well-known/did.json``;
``did:web:example.com:user:alice`` → ``https://example.com/user/alice/did.json``;
a port is written percent-encoded, ``did:web:example.com%3A8443``. The
spec forbids IP addresses in the identifier; the online client refuses them
anyway (``did:web:127.0.0.1%3A6379`` is the classic SSRF probe of a Redis
on the verifier's machine, threat "did:web SSRF" in docs/THREATS.md). The document's ``id`` must be
the DID itself, otherwise a host could answer for someone else's DID.

did:key and did:jwk carry their key in the identifier and never touch the
network. did:webvh is not resolved (``docs/ONLINE.md`` says why).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote

from wallet.errors import BadEvidence, InputError
from wallet.online.evidence.record import Evidence, EvidenceKind, from_response
from wallet.online.http import OnlineClient
from wallet.online.settings import FetchKind
from wallet.online.urls import clause, display_url

ACCEPT = "application/did+json, application/did+ld+json;q=0.9, application/json;q=0.8, application/ld+json;q=0.7"
#: DID methods that never need the network: the key is in the identifier.
OFFLINE_METHODS = ("did:key:", "did:jwk:")
_IDCHAR = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_%")
_NOT_JSON = ("text/html", "application/xhtml+xml", "application/xml", "text/xml")


def bare_did(did_url: str) -> str:
    """The DID of a DID URL: fragment, query and path parameters removed."""
    return did_url.split("#", 1)[0].split("?", 1)[0]


def did_web_url(did: str) -> str:
    """The https URL of a did:web DID's document, per the did:web spec; refuses malformed DIDs."""
    did = bare_did(did)
    if not did.startswith("did:web:"):
        raise BadEvidence(f"{did[:60]} is not a did:web DID.")
    segments = did[len("did:web:"):].split(":")
    if any(not s or set(s) - _IDCHAR for s in segments):
        raise BadEvidence(f"The DID {did[:80]} is malformed (empty part or a character a DID may not hold).")
    host_part = segments[0]
    host, sep, port = host_part.replace("%3a", "%3A").partition("%3A")
    if "%" in host or "%" in port:
        raise BadEvidence(f"The DID {did[:80]} percent-encodes something other than a port in its host.")
    if sep and not (port.isdigit() and 0 < int(port) < 65536):
        raise BadEvidence(f"The DID {did[:80]} names an invalid port.")
    path = segments[1:]
    for segment in path:
        decoded = unquote(segment)
        if decoded in (".", "..") or any(c in decoded for c in "/\\?#"):
            raise BadEvidence(f"The DID {did[:80]} has a path part that would leave its own folder.")
    authority = f"{host}:{port}" if sep else host
    suffix = "/".join(path) if path else ".well-known"
    return f"https://{authority}/{suffix}/did.json"


def check_did_document(doc: Any, did: str, where: str) -> Mapping[str, Any]:
    """The document must be a JSON object whose ``id`` is exactly ``did``."""
    if not isinstance(doc, dict):
        raise BadEvidence(f"{where} is not a DID document (not a JSON object).")
    if doc.get("id") != did:
        raise BadEvidence(f"The DID document at {where} is for {str(doc.get('id'))[:80]!r}, not for {did}.")
    methods = doc.get("verificationMethod", [])
    if not isinstance(methods, list) or not all(isinstance(m, (dict, str)) for m in methods):
        raise BadEvidence(f"The DID document at {where} has a malformed verificationMethod list.")
    return doc


def fetch_did_document(client: OnlineClient, did: str) -> Evidence:
    """Fetch and shape-check the DID document of a did:web DID (any DID URL accepted; its DID is used)."""
    did = bare_did(did)
    if did.startswith(OFFLINE_METHODS):
        raise BadEvidence(f"{did.split(':')[1]} DIDs carry their key in the identifier and are never fetched.")
    if not did.startswith("did:web:"):
        raise BadEvidence(f"The wallet resolves only did:web DIDs online, not {':'.join(did.split(':')[:2])}.")
    url = did_web_url(did)
    resp = client.get(url, kind=FetchKind.DID_DOCUMENT, headers={"Accept": ACCEPT}, purpose=f"DID document of {did}")
    where = display_url(resp.url)
    if resp.media_type in _NOT_JSON or (resp.media_type or "").startswith(("image/", "text/html")):
        raise BadEvidence(f"{where} answered with {resp.media_type}, not a DID document.")
    try:
        doc = resp.json("DID document")
    except InputError as exc:
        raise BadEvidence(f"The DID document at {where} is refused: {clause(exc)}.") from exc
    check_did_document(doc, did, where)
    return from_response(EvidenceKind.DID_DOCUMENT, did, resp)
