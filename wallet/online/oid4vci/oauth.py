"""The OAuth 2.0 side of issuance: authorization server metadata, PKCE, PAR, the token endpoint.

* Authorization server metadata (RFC 8414): fetched from the well-known URL
  inserted before the identifier's path (then OpenID discovery appended, as
  issuers built on OpenID providers publish it); its ``issuer`` must be the
  identifier asked for.
* PKCE (RFC 7636) with S256 only: a plain challenge would hand the verifier
  to whoever sees the authorization request. A server that does not list
  S256 is refused.
* Pushed authorization requests (RFC 9126) whenever the server offers them:
  the request (with the PKCE challenge and ``state``) goes straight to the
  server, and the browser only carries an opaque ``request_uri``.
* The token endpoint (RFC 6749 section 4.1.3, and OID4VCI section 6 for the
  pre-authorized code with an optional transaction code), with DPoP
  (:mod:`.dpop`) when the server offers it.

Errors come back as :class:`~wallet.errors.IssuanceError` carrying the
protocol's error code, so the use case can tell "wrong transaction code"
(``invalid_grant`` with a code given) from "offer expired".
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from wallet.errors import HttpStatusError, InputError, IssuanceError
from wallet.messages import msg
from wallet.online.http import OnlineClient, Response
from wallet.online.oid4vci.common import code, https_url, json_object, oauth_error, string_list, text
from wallet.online.oid4vci.dpop import DpopKey
from wallet.online.settings import FetchKind

OAUTH_WELL_KNOWN = "/.well-known/oauth-authorization-server"
OPENID_WELL_KNOWN = "/.well-known/openid-configuration"
#: The wallet is a public client without registration (OID4VCI section 6.1.1 allows this).
CLIENT_ID = "learner-wallet"


@dataclass(frozen=True)
class AuthorizationServer:
    issuer: str
    token_endpoint: str
    authorization_endpoint: str | None = None
    par_endpoint: str | None = None
    require_par: bool = False
    pkce_methods: tuple[str, ...] = ()
    dpop_algs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pkce:
    verifier: str
    challenge: str
    method: str = "S256"


@dataclass(frozen=True)
class Token:
    access_token: str
    token_type: str  # Bearer | DPoP
    expires_at: datetime | None
    c_nonce: str | None = None  # drafts before 1.0 sent it here
    identifiers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # configuration id -> credential ids

    def header(self) -> str:
        return f"{self.token_type} {self.access_token}"


def new_pkce() -> Pkce:
    """A 64-character verifier (RFC 7636 section 4.1) and its S256 challenge."""
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode("ascii")).digest()).rstrip(b"=").decode()
    return Pkce(verifier, challenge)


def metadata_urls(identifier: str) -> list[str]:
    parts = urlsplit(identifier)
    path = parts.path.rstrip("/")
    return [urlunsplit((parts.scheme, parts.netloc, OAUTH_WELL_KNOWN + path, "", "")),
            urlunsplit((parts.scheme, parts.netloc, path + OPENID_WELL_KNOWN, "", ""))]


def server_from_json(obj: dict[str, Any], identifier: str) -> AuthorizationServer:
    if obj.get("issuer") != identifier:
        raise IssuanceError(f"The authorization server's metadata names {str(obj.get('issuer'))[:200]!r}, not "
                            f"{identifier}, so it is refused.", error="issuer_mismatch",
                            message=msg("receive.issuer_mismatch", claimed=str(obj.get("issuer"))[:200],
                                        expected=identifier))
    try:
        return AuthorizationServer(
            identifier, str(https_url(obj.get("token_endpoint"), "token_endpoint")),
            https_url(obj.get("authorization_endpoint"), "authorization_endpoint", required=False),
            https_url(obj.get("pushed_authorization_request_endpoint"), "PAR endpoint", required=False),
            obj.get("require_pushed_authorization_requests") is True,
            string_list(obj.get("code_challenge_methods_supported"), "PKCE methods"),
            string_list(obj.get("dpop_signing_alg_values_supported"), "DPoP algorithms"),
        )
    except InputError as exc:
        raise InputError(f"The authorization server's metadata is refused: {str(exc).rstrip('.')}.",
                         message=msg("receive.metadata_bad", detail=str(exc))) from exc


def fetch_authorization_server(client: OnlineClient, identifier: str) -> AuthorizationServer:
    """RFC 8414 metadata of ``identifier`` (OpenID discovery when the first answers 404)."""
    urls = metadata_urls(identifier)
    for index, url in enumerate(urls):
        try:
            resp = client.get(url, kind=FetchKind.METADATA, headers={"Accept": "application/json"},
                              purpose="authorization server metadata")
        except HttpStatusError as exc:
            if exc.status == 404 and index < len(urls) - 1:
                continue
            raise oauth_error(exc, "authorization server metadata") from exc
        return server_from_json(json_object(resp, "authorization server metadata"), identifier)
    raise AssertionError("unreachable")


def _token_from(resp: Response, now: datetime) -> Token:
    obj = json_object(resp, "token response")
    token = code(obj.get("access_token"), "access token")
    token_type = text(obj.get("token_type"), "token type", 20)
    assert token is not None and token_type is not None
    if token_type.lower() not in ("bearer", "dpop"):
        raise InputError(f"The issuer's token type {token_type[:20]!r} is not Bearer or DPoP.")
    expires = obj.get("expires_in")
    expires_at = now + timedelta(seconds=min(expires, 86400)) if isinstance(expires, int) and \
        not isinstance(expires, bool) and expires > 0 else None
    identifiers: dict[str, tuple[str, ...]] = {}
    details = obj.get("authorization_details")
    if isinstance(details, list):
        for item in details[:100]:
            if isinstance(item, dict) and item.get("type") == "openid_credential" and \
                    isinstance(item.get("credential_configuration_id"), str):
                identifiers[item["credential_configuration_id"]] = string_list(
                    item.get("credential_identifiers"), "credential identifiers")
    return Token(token, "DPoP" if token_type.lower() == "dpop" else "Bearer", expires_at,
                 code(obj.get("c_nonce"), "c_nonce", required=False), identifiers)


def request_token(client: OnlineClient, server: AuthorizationServer, form: Mapping[str, str],
                  dpop: DpopKey | None = None) -> Token:
    """POST the token request; one retry when a DPoP server asks for a nonce."""
    for attempt in range(2):
        headers = {"Accept": "application/json"}
        if dpop is not None:
            headers["DPoP"] = dpop.proof("POST", server.token_endpoint)
        try:
            resp = client.post(server.token_endpoint, kind=FetchKind.OAUTH, form=dict(form), headers=headers,
                               purpose="access token")
        except HttpStatusError as exc:
            error = oauth_error(exc, "token request")
            nonce = exc.response.header("dpop-nonce") if isinstance(exc.response, Response) else None
            if attempt == 0 and dpop is not None and error.error == "use_dpop_nonce" and \
                    dpop.remember_nonce(server.token_endpoint, nonce):
                continue
            raise error from exc
        if dpop is not None and isinstance(resp.header("dpop-nonce"), str):
            dpop.remember_nonce(server.token_endpoint, resp.header("dpop-nonce"))
        return _token_from(resp, datetime.now(UTC))
    raise AssertionError("unreachable")


def pre_authorized_form(pre_authorized_code: str, tx_code: str | None) -> dict[str, str]:
    form = {"grant_type": "urn:ietf:params:oauth:grant-type:pre-authorized_code",
            "pre-authorized_code": pre_authorized_code}
    if tx_code is not None:
        form["tx_code"] = tx_code
    return form


def authorization_code_form(auth_code: str, redirect_uri: str, pkce: Pkce) -> dict[str, str]:
    return {"grant_type": "authorization_code", "code": auth_code, "redirect_uri": redirect_uri,
            "code_verifier": pkce.verifier, "client_id": CLIENT_ID}


def authorization_request(server: AuthorizationServer, *, redirect_uri: str, state: str, pkce: Pkce,
                          issuer_state: str | None, scopes: tuple[str, ...],
                          details: list[dict[str, Any]]) -> dict[str, str]:
    """The authorization request's parameters (pushed, or in the browser's URL when PAR is not offered)."""
    if "S256" not in server.pkce_methods:
        raise IssuanceError("The issuer does not support PKCE with S256, which the wallet requires.",
                            error="pkce_unsupported", message=msg("receive.pkce_unsupported"))
    params = {"response_type": "code", "client_id": CLIENT_ID, "redirect_uri": redirect_uri, "state": state,
              "code_challenge": pkce.challenge, "code_challenge_method": "S256"}
    if issuer_state:
        params["issuer_state"] = issuer_state
    if scopes:
        params["scope"] = " ".join(scopes)
    elif details:
        import json

        params["authorization_details"] = json.dumps(details, separators=(",", ":"))
    return params


def push_authorization_request(client: OnlineClient, server: AuthorizationServer, params: Mapping[str, str],
                               dpop: DpopKey | None = None) -> str:
    """RFC 9126: POST the request; the ``request_uri`` the browser will carry."""
    assert server.par_endpoint is not None
    headers = {"Accept": "application/json"}
    if dpop is not None:
        headers["DPoP"] = dpop.proof("POST", server.par_endpoint)
    try:
        resp = client.post(server.par_endpoint, kind=FetchKind.OAUTH, form=dict(params), headers=headers,
                           purpose="pushed authorization request")
    except HttpStatusError as exc:
        raise oauth_error(exc, "authorization request") from exc
    obj = json_object(resp, "pushed authorization response")
    return str(text(obj.get("request_uri"), "request_uri", 2000))


def authorization_url(server: AuthorizationServer, params: Mapping[str, str], request_uri: str | None) -> str:
    """Where the browser goes: the authorization endpoint with the pushed ``request_uri``, or every parameter."""
    if server.authorization_endpoint is None:
        raise IssuanceError("The issuer names no authorization endpoint for signing in.",
                            error="no_authorization_endpoint", message=msg("receive.no_authorization_endpoint"))
    query = {"client_id": CLIENT_ID, "request_uri": request_uri} if request_uri else dict(params)
    separator = "&" if urlsplit(server.authorization_endpoint).query else "?"
    return server.authorization_endpoint + separator + urlencode(query)
