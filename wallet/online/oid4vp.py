"""The two network steps of presenting (OpenID4VP 1.0): fetching a request object, posting the answer.

Both go through :class:`wallet.online.OnlineClient`, so every rule of
docs/ONLINE.md holds: https only, no private or special addresses (a
``request_uri`` or ``response_uri`` pointing into the user's network is
refused before anything is resolved or connected), size caps, deadlines.

* :func:`fetch_request_object`: ``request_uri`` with ``request_uri_method``
  ``get`` (the default) or ``post`` (section 5.10: a form with
  ``wallet_metadata``; no ``wallet_nonce`` is sent, see docs/PRESENTING.md).
  At most 256 KiB (``FetchKind.REQUEST_OBJECT``), no redirect followed, and
  the media type must be ``application/oauth-authz-req+jwt`` (or plain
  ``application/jwt``, which some verifiers send).
* :func:`post_response`: the form to ``response_uri``, no redirect followed
  (the answer belongs to that URI only). A 200 is the verifier accepting the
  response; its JSON body may carry a ``redirect_uri`` for the user's browser
  (section 8.2), which is returned, never opened here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from wallet.errors import ConnectionFailed, InputError
from wallet.messages import msg
from wallet.online.http import OnlineClient
from wallet.online.settings import FetchKind
from wallet.online.urls import display_url
from wallet.util.limits import load_json

REQUEST_MEDIA = ("application/oauth-authz-req+jwt", "application/jwt")
#: What the wallet tells a verifier that asks with ``request_uri_method=post`` (section 10.1).
WALLET_METADATA = {
    "vp_formats_supported": {
        "dc+sd-jwt": {"sd-jwt_alg_values": ["ES256", "EdDSA"], "kb-jwt_alg_values": ["ES256", "EdDSA"]},
        "jwt_vc_json": {"alg_values": ["EdDSA", "ES256"]},
        "ldp_vc": {"proof_type_values": ["DataIntegrityProof"],
                   "cryptosuite_values": ["eddsa-rdfc-2022", "ecdsa-rdfc-2019"]},
    },
    "client_id_prefixes_supported": ["x509_san_dns", "x509_hash", "redirect_uri", "decentralized_identifier"],
    "response_types_supported": ["vp_token"],
    "response_modes_supported": ["direct_post", "direct_post.jwt"],
    "request_object_signing_alg_values_supported": ["ES256", "ES384", "ES512", "EdDSA", "PS256", "RS256"],
    "authorization_encryption_alg_values_supported": ["ECDH-ES"],
    "authorization_encryption_enc_values_supported": ["A128GCM", "A256GCM"],
}


@dataclass(frozen=True)
class VerifierAnswer:
    """What the verifier said to the posted response."""

    status: int
    redirect_uri: str | None = None
    error: str | None = None
    description: str | None = None

    @property
    def accepted(self) -> bool:
        return self.status == 200


def fetch_request_object(client: OnlineClient, uri: str, method: str = "get") -> str:
    """The request object JWT at ``request_uri`` (see the module docstring)."""
    headers = {"Accept": "application/oauth-authz-req+jwt, application/jwt;q=0.9"}
    if method == "post":
        resp = client.post(uri, kind=FetchKind.REQUEST_OBJECT, headers=headers, purpose="presentation request",
                           form={"wallet_metadata": json.dumps(WALLET_METADATA, separators=(",", ":"))},
                           follow_redirects=False)
    else:
        resp = client.get(uri, kind=FetchKind.REQUEST_OBJECT, headers=headers, purpose="presentation request",
                          follow_redirects=False)
    if resp.status != 200:
        raise ConnectionFailed(f"{display_url(uri)} answered {resp.status} instead of the request object.")
    if resp.media_type not in REQUEST_MEDIA:
        raise InputError(f"{display_url(uri)} sent {resp.media_type or 'no media type'}, not a request object.",
                         message=msg("present.request_malformed",
                                     detail=f"media type {resp.media_type} instead of a request object"))
    try:
        return resp.body.decode("ascii").strip()
    except UnicodeDecodeError as exc:
        raise InputError("The request object is not ASCII text.",
                         message=msg("present.request_malformed", detail="the request object is not text")) from exc


def _redirect(value: object) -> str | None:
    if not isinstance(value, str) or len(value) > 8192:
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    return value if parts.scheme == "https" and parts.hostname and "@" not in parts.netloc else None


def post_response(client: OnlineClient, response_uri: str, fields: Mapping[str, str]) -> VerifierAnswer:
    """Post the answer; the verifier's status, and a ``redirect_uri`` when it sends one (https only)."""
    resp = client.post(response_uri, kind=FetchKind.OAUTH, form=fields, purpose="presentation response",
                       headers={"Accept": "application/json"}, follow_redirects=False, check_status=False)
    body: object = None
    if resp.body:
        try:
            body = load_json(resp.body, "verifier answer", limit=max(len(resp.body), 1))
        except InputError:
            body = None
    if not isinstance(body, dict):
        body = {}
    error = body.get("error") if isinstance(body.get("error"), str) else None
    description = body.get("error_description") if isinstance(body.get("error_description"), str) else None
    return VerifierAnswer(resp.status, _redirect(body.get("redirect_uri")) if resp.status == 200 else None,
                          error[:100] if error else None, description[:500] if description else None)
