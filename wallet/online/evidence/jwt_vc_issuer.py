"""JWT VC Issuer Metadata: where an SD-JWT VC issuer publishes its keys.

Per the SD-JWT VC draft (draft-ietf-oauth-sd-jwt-vc, "JWT VC Issuer
Metadata"), the well-known string is *inserted* between the host and the
path of the ``iss`` URL: ``https://example.com/tenant/1`` →
``https://example.com/.well-known/jwt-vc-issuer/tenant/1``. Some issuers
instead append it to the issuer URL, as OpenID discovery does
(``https://example.com/tenant/1/.well-known/jwt-vc-issuer``); that form is
tried only when the first answers 404. For an issuer at the root both forms
are the same URL. Either way the document's ``issuer`` must be *identical*
to ``iss``, and it carries ``jwks`` or ``jwks_uri`` (never both); a
``jwks_uri`` is fetched too and kept as its own record. The keys are not
trusted here: verification decides, offline, from the cache.

Issuers that sign with an ``x5c`` chain need nothing from the network.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

from wallet.errors import BadEvidence, HttpStatusError, InputError
from wallet.online.evidence.record import Evidence, EvidenceKind, from_response
from wallet.online.http import OnlineClient, Response
from wallet.online.settings import FetchKind
from wallet.online.urls import clause, display_url

WELL_KNOWN = "/.well-known/jwt-vc-issuer"
ACCEPT = "application/json"
MAX_KEYS = 100
_PRIVATE_MEMBERS = ("d", "p", "q", "dp", "dq", "qi", "k", "oth")


def metadata_urls(iss: str) -> list[str]:
    """The URLs to try for ``iss``: the draft's inserted form first, then the appended form."""
    parts = urlsplit(iss)
    if parts.scheme not in ("https", "http") or not parts.netloc or parts.query or parts.fragment:
        raise BadEvidence(f"The SD-JWT issuer {iss[:100]!r} is not an https URL without query or fragment.")
    path = parts.path.rstrip("/")
    urls = [urlunsplit((parts.scheme, parts.netloc, WELL_KNOWN + path, "", ""))]
    appended = urlunsplit((parts.scheme, parts.netloc, path + WELL_KNOWN, "", ""))
    if appended not in urls:
        urls.append(appended)
    return urls


def check_jwks(doc: Any, where: str) -> list[dict[str, Any]]:
    """A JWK Set of public keys: ``keys`` is a non-empty list of JWK objects without private members."""
    keys = doc.get("keys") if isinstance(doc, dict) else None
    if not isinstance(keys, list) or not keys:
        raise BadEvidence(f"The key set at {where} has no keys.")
    if len(keys) > MAX_KEYS:
        raise BadEvidence(f"The key set at {where} has more than {MAX_KEYS} keys.")
    for key in keys:
        if not isinstance(key, dict) or not isinstance(key.get("kty"), str):
            raise BadEvidence(f"The key set at {where} holds something that is not a JWK.")
        if any(member in key for member in _PRIVATE_MEMBERS):
            raise BadEvidence(f"The key set at {where} publishes private or symmetric key material.")
    return keys


def _json(resp: Response, what: str) -> Any:
    try:
        return resp.json(what)
    except InputError as exc:
        raise BadEvidence(f"The {what} at {display_url(resp.url)} is refused: {clause(exc)}.") from exc


def check_metadata(resp: Response, iss: str) -> dict[str, Any]:
    """The metadata must name ``iss`` exactly and carry exactly one of ``jwks`` / ``jwks_uri``."""
    where = display_url(resp.url)
    doc = _json(resp, "JWT VC issuer metadata")
    if not isinstance(doc, dict):
        raise BadEvidence(f"The JWT VC issuer metadata at {where} is not a JSON object.")
    if doc.get("issuer") != iss:
        raise BadEvidence(f"The JWT VC issuer metadata at {where} is for {str(doc.get('issuer'))[:100]!r}, "
                          f"not for the credential's issuer {iss}.")
    has_jwks, has_uri = "jwks" in doc, "jwks_uri" in doc
    if has_jwks == has_uri:
        raise BadEvidence(f"The JWT VC issuer metadata at {where} must carry exactly one of jwks and jwks_uri.")
    if has_jwks:
        check_jwks(doc["jwks"], where)
    elif not isinstance(doc["jwks_uri"], str):
        raise BadEvidence(f"The jwks_uri in the JWT VC issuer metadata at {where} is not a URL.")
    return doc


def fetch_jwt_vc_issuer(client: OnlineClient, iss: str) -> tuple[Evidence, ...]:
    """The issuer's metadata record (key ``iss``) and, for ``jwks_uri``, the key set record (key: that URL)."""
    urls = metadata_urls(iss)
    resp: Response | None = None
    for index, url in enumerate(urls):
        try:
            resp = client.get(url, kind=FetchKind.METADATA, headers={"Accept": ACCEPT},
                              purpose="JWT VC issuer metadata")
            break
        except HttpStatusError as exc:
            if exc.status != 404 or index == len(urls) - 1:
                raise
    assert resp is not None
    doc = check_metadata(resp, iss)
    records = [from_response(EvidenceKind.JWT_VC_ISSUER, iss, resp)]
    if "jwks_uri" in doc:
        jwks_uri = str(doc["jwks_uri"])
        keys = client.get(jwks_uri, kind=FetchKind.METADATA, headers={"Accept": "application/jwk-set+json, "
                          "application/json;q=0.9"}, purpose="JWT VC issuer keys")
        check_jwks(_json(keys, "key set"), display_url(keys.url))
        records.append(from_response(EvidenceKind.JWKS, jwks_uri, keys))
    return tuple(records)
