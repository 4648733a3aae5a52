"""The authorization request: every parameter checked, a signed request object verified (OID4VP 1.0 section 5).

:func:`from_link` handles a request by value (the parameters in the link, no
signature: only the ``redirect_uri`` prefix allows that); :func:`from_request_object`
a request object JWT, given in the link (``request``) or fetched from
``request_uri`` by :mod:`wallet.online.oid4vp`. The order of checks:

1. the JWS itself (:mod:`wallet.verify.jose`: the algorithm follows the key,
   ``none`` and HMAC refused) and ``typ`` ``oauth-authz-req+jwt``;
2. the key and who it proves (:mod:`.client_id`): an ``x5c`` chain to a CA the
   wallet trusts carrying the client id's DNS name, or a DID's key;
3. the claims of the JWT: ``client_id`` identical to the link's (section
   5.10), ``aud`` (section 5.8: ``https://self-issued.me/v2``, or the
   ``request_uri`` it was fetched from, which some verifiers use), ``exp`` not
   passed and ``nbf``/``iat`` not in the future (300 s of clock skew);
4. the request's own parameters (:func:`check_parameters`): ``response_type``
   ``vp_token``; ``response_mode`` ``direct_post`` or ``direct_post.jwt`` with
   an https ``response_uri`` (which, for ``x509_san_dns``, must be on the
   certified host, and for ``redirect_uri`` must be the client id's value);
   a ``nonce``; ``dcql_query``; no ``transaction_data`` (the wallet cannot
   show what it would sign); ``client_metadata``.

Any failure raises before anything is sent; the answer goes nowhere else
than the checked ``response_uri``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from wallet.errors import InputError
from wallet.oid4vp import client_id as cid
from wallet.oid4vp.client_id import RequestRefused, VerifierIdentity, refused
from wallet.oid4vp.client_metadata import ClientMetadata, parse_client_metadata
from wallet.oid4vp.dcql import DcqlQuery, parse_dcql
from wallet.oid4vp.link import RequestLink, refuse
from wallet.util.limits import load_json

REQUEST_TYP = "oauth-authz-req+jwt"
STATIC_AUDIENCE = "https://self-issued.me/v2"
RESPONSE_MODES = ("direct_post", "direct_post.jwt")
SKEW = timedelta(seconds=300)
MAX_NONCE = 2048
#: How long a request without ``exp`` is answered after it was read (the user's reading time counts too).
UNSIGNED_LIFETIME = timedelta(minutes=30)


@dataclass(frozen=True)
class AuthorizationRequest:
    """A checked request: who asks, what for, where the answer goes."""

    identity: VerifierIdentity
    response_mode: str
    response_uri: str
    nonce: str
    dcql: DcqlQuery
    client_metadata: ClientMetadata
    state: str | None = None
    expires_at: datetime | None = None
    request_uri: str | None = None
    signed: bool = False
    notes: tuple[str, ...] = ()  # parameters the wallet saw and left aside (technical details)
    params: Mapping[str, Any] = field(default_factory=dict, compare=False)

    @property
    def client_id(self) -> str:
        return self.identity.client_id

    @property
    def encrypted(self) -> bool:
        return self.response_mode == "direct_post.jwt"


def _json_param(value: Any, what: str) -> Any:
    if isinstance(value, str):
        try:
            return load_json(value, what, 256 * 1024)
        except InputError as exc:
            raise refuse(f"{what} is not JSON ({str(exc).rstrip('.')})") from exc
    return value


def _token(value: Any, what: str, *, required: bool) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value or len(value) > MAX_NONCE or not value.isprintable():
        raise refused(f"its {what} is missing or malformed", "present.request_no_nonce" if what == "nonce"
                      else "present.request_untrusted")
    return value


def _https(value: Any, what: str) -> str:
    if not isinstance(value, str) or len(value) > 8192:
        raise refuse(f"{what} is missing")
    try:
        parts = urlsplit(value)
    except ValueError as exc:
        raise refuse(f"{what} is not a URL") from exc
    # plain http only reaches loopback in the online client's test mode; the client refuses it otherwise
    if parts.scheme not in ("https", "http") or not parts.hostname or "@" in parts.netloc or parts.fragment:
        raise refuse(f"{what} is not an https URL")
    return value


def check_parameters(params: Mapping[str, Any], identity: VerifierIdentity, *, signed: bool,
                     request_uri: str | None = None, expires_at: datetime | None = None) -> AuthorizationRequest:
    """Step 4 of the module docstring: the request's parameters, for an identity already established."""
    if params.get("response_type") != "vp_token":
        shown = str(params.get("response_type"))[:40]
        raise refuse(f"response_type is {shown}, not vp_token (the wallet answers with credentials only)")
    mode = params.get("response_mode")
    if mode not in RESPONSE_MODES:
        shown = str(mode)[:40]
        raise refused(f"the answer would go through response mode {shown}, which the wallet does not support",
                      "present.response_mode_unsupported", mode=shown)
    if "redirect_uri" in params:
        raise refuse("redirect_uri is given with a direct_post response mode")
    response_uri = _https(params.get("response_uri"), "response_uri")
    host = (urlsplit(response_uri).hostname or "").lower()
    if identity.prefix == cid.X509_SAN_DNS and host != identity.value.lower():
        raise refused(f"the answer would go to {host}, not to the certified {identity.value}",
                      "present.response_uri_mismatch", uri=response_uri, client=identity.value)
    if identity.prefix == cid.REDIRECT_URI and response_uri != identity.value:
        raise refused("the answer would go somewhere other than the address the client_id names",
                      "present.response_uri_mismatch", uri=response_uri, client=identity.value)
    nonce = _token(params.get("nonce"), "nonce", required=True)
    state = _token(params.get("state"), "state", required=False)
    if "transaction_data" in params:
        raise refused("it carries transaction data, which the wallet cannot show or sign",
                      "present.transaction_data")
    if "dcql_query" not in params:
        if "scope" in params:
            raise refuse("it asks by scope, which names a query the wallet does not know; only DCQL is supported")
        raise refuse("it carries no dcql_query")
    dcql = parse_dcql(_json_param(params["dcql_query"], "dcql_query"))
    if "client_metadata_uri" in params:
        raise refuse("client_metadata_uri is not part of OpenID4VP 1.0")
    metadata = parse_client_metadata(_json_param(params.get("client_metadata"), "client_metadata"))
    notes = tuple(f"{name} is not used by the wallet" for name in ("verifier_info", "scope") if name in params)
    assert nonce is not None
    return AuthorizationRequest(identity, str(mode), response_uri, nonce, dcql, metadata, state, expires_at,
                                request_uri, signed, notes, dict(params))


def from_link(link: RequestLink, *, now: datetime | None = None) -> AuthorizationRequest:
    """A request by value (no request object): only the unsigned ``redirect_uri`` prefix may do that."""
    client = cid.split_client_id(link.client_id)
    if client.prefix != cid.REDIRECT_URI:
        raise refused(f"a request for client id prefix {client.prefix} must be signed, and this one is not",
                      "present.request_unsigned", prefix=client.prefix)
    when = (now or datetime.now(UTC)) + UNSIGNED_LIFETIME
    return check_parameters(link.params, cid.unsigned_identity(client), signed=False, expires_at=when)


def _times(payload: Mapping[str, Any], now: datetime) -> datetime | None:
    def stamp(name: str) -> datetime | None:
        value = payload.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 2**40:
            raise refused(f"its {name} is not a time")
        return datetime.fromtimestamp(value, UTC)

    expires = stamp("exp")
    if expires is not None and expires + SKEW < now:
        raise refused(f"it expired at {expires:%Y-%m-%d %H:%M:%S} UTC", "present.request_expired",
                      at=expires.isoformat())
    for name in ("nbf", "iat"):
        at = stamp(name)
        if at is not None and at - SKEW > now:
            raise refused(f"its {name} is in the future", "present.request_not_yet")
    return expires


def _audience(payload: Mapping[str, Any], request_uri: str | None) -> None:
    aud = payload.get("aud")
    if aud is None:
        return  # RFC 9101 makes aud a SHOULD; the signature and client_id still bind the request
    allowed = {STATIC_AUDIENCE} | ({request_uri} if request_uri else set())
    values = aud if isinstance(aud, list) else [aud]
    if not values or not all(isinstance(v, str) for v in values) or not set(values) & allowed:
        raise refused(f"it is addressed to {str(aud)[:100]}, not to a wallet", "present.request_wrong_audience",
                      aud=str(aud)[:200])


def from_request_object(jwt_text: str, link: RequestLink, *, anchors: Sequence[bytes] = (),
                        did_documents: Mapping[str, Mapping[str, Any]] | None = None,
                        now: datetime | None = None) -> AuthorizationRequest:
    """Verify a request object for the link that pointed to it (see the module docstring)."""
    from wallet.formats.jwt import payload_object
    from wallet.verify.jose import JoseError, split_compact, verify_parts  # deferred: the JOSE stack

    when = now or datetime.now(UTC)
    client = cid.split_client_id(link.client_id)
    text = jwt_text.strip()
    if text.count(".") == 4:
        raise refused("the request object is encrypted, which the wallet does not support")
    try:
        jws = split_compact(text)
        payload = payload_object(jws)
    except (JoseError, InputError) as exc:
        if client.prefix == cid.REDIRECT_URI and _unsigned_jwt(text) is not None:
            return _unsigned_object(_unsigned_jwt(text) or {}, link, client, when)
        raise refuse(f"the request object is not a JWT ({str(exc).rstrip('.')})") from exc
    if client.prefix not in cid.SIGNED_PREFIXES:
        raise refused(f"a request for client id prefix {client.prefix} must not be signed",
                      "present.request_signed_redirect")
    if jws.header.get("typ") != REQUEST_TYP:
        raise refused(f"its type is {str(jws.header.get('typ'))[:40]}, not {REQUEST_TYP}",
                      "present.request_wrong_type")
    if client.prefix in (cid.X509_SAN_DNS, cid.X509_HASH):
        key, identity = cid.x509_identity(client, jws.header, anchors, when)
    else:
        key, identity = cid.did_identity(client, jws.header, did_documents or {})
    try:
        verify_parts(jws, key)
    except JoseError as exc:
        raise refused(f"its signature does not hold ({exc})", "present.request_bad_signature") from exc
    if payload.get("client_id") != link.client_id:
        raise refused("the signed request names another client_id than the link", "present.request_client_mismatch")
    _audience(payload, link.request_uri)
    expires = _times(payload, when)
    if "request" in payload or "request_uri" in payload:
        raise refuse("the request object holds another request")
    return check_parameters(payload, identity, signed=True, request_uri=link.request_uri, expires_at=expires)


def _unsigned_jwt(text: str) -> dict[str, Any] | None:
    """The payload of an ``alg: none`` JWT (``header.payload.``), else None."""
    from wallet.formats.jwt import payload_object, split_jws

    parts = text.split(".")
    if len(parts) != 3 or parts[2]:
        return None
    try:
        jws = split_jws(f"{parts[0]}.{parts[1]}.")
        if jws.header.get("alg") != "none":
            return None
        return payload_object(jws)
    except InputError:
        return None


def _unsigned_object(payload: Mapping[str, Any], link: RequestLink, client: cid.ClientId,
                     when: datetime) -> AuthorizationRequest:
    """An unsigned request object (``alg: none``): allowed for the ``redirect_uri`` prefix only."""
    if payload.get("client_id") != link.client_id:
        raise refused("the request names another client_id than the link", "present.request_client_mismatch")
    expires = _times(payload, when) or when + UNSIGNED_LIFETIME
    return check_parameters(payload, cid.unsigned_identity(client), signed=False, request_uri=link.request_uri,
                            expires_at=expires)


def request_json(request: AuthorizationRequest) -> str:
    """The request's parameters as stored with a presentation record (for the user's history, technical view)."""
    keep = {k: v for k, v in request.params.items() if k not in ("client_metadata",)}
    return json.dumps(keep, ensure_ascii=False, sort_keys=True, default=str)[:20000]


__all__ = ["AuthorizationRequest", "RequestRefused", "check_parameters", "from_link", "from_request_object"]
