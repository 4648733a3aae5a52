"""The credential endpoint (OID4VCI 1.0 section 8): ask for credentials with proofs, read what comes back.

The request names the credential by ``credential_identifier`` when the token
response listed identifiers for it (section 6.2: it then MUST), else by
``credential_configuration_id``; ``proofs.jwt`` holds one proof per copy
(batch issuance, section 8.2: one credential per proof). The answer is

* ``200`` with ``credentials: [{"credential": …}]`` (a string for JWT and
  SD-JWT formats, an object for ``ldp_vc``) and perhaps a ``notification_id``;
  the draft-13 single ``credential`` member is read too;
* ``202`` with a ``transaction_id``: deferred (:mod:`.deferred`);
* ``400`` with ``invalid_nonce`` / ``invalid_proof``: the use case fetches a
  fresh nonce, signs new proofs and asks once more.

Every credential is returned as bytes for the same import path as files, which
verifies it before anything is stored.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wallet.errors import HttpStatusError, InputError
from wallet.online.http import OnlineClient, Response
from wallet.online.oid4vci.common import code, json_object, oauth_error
from wallet.online.oid4vci.dpop import DpopKey
from wallet.online.oid4vci.oauth import Token
from wallet.online.settings import FetchKind

MAX_CREDENTIALS = 100
DEFAULT_INTERVAL = 5


@dataclass(frozen=True)
class Issued:
    credentials: tuple[bytes, ...]
    notification_id: str | None = None


@dataclass(frozen=True)
class Deferred:
    transaction_id: str
    interval: int = DEFAULT_INTERVAL


def resource_post(client: OnlineClient, url: str, token: Token, body: Mapping[str, Any], *, purpose: str,
                  kind: FetchKind, dpop: DpopKey | None = None) -> Response:
    """An authorized POST to the issuer (Bearer or DPoP); one retry when a DPoP server asks for a nonce."""
    for attempt in range(2):
        headers = {"Authorization": token.header(), "Accept": "application/json"}
        if dpop is not None and token.token_type == "DPoP":
            headers["DPoP"] = dpop.proof("POST", url, token.access_token)
        try:
            return client.post(url, kind=kind, json=dict(body), headers=headers, purpose=purpose)
        except HttpStatusError as exc:
            resp = exc.response if isinstance(exc.response, Response) else None
            asks = resp is not None and "use_dpop_nonce" in ((resp.header("www-authenticate") or "") +
                                                               resp.body[:2000].decode("utf-8", "replace"))
            if attempt == 0 and dpop is not None and asks and resp is not None and \
                    dpop.remember_nonce(url, resp.header("dpop-nonce")):
                continue
            raise
    raise AssertionError("unreachable")


def _as_bytes(value: Any) -> bytes:
    if isinstance(value, str) and value:
        return value.encode("utf-8")
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8")
    raise InputError("The issuer sent a credential that is neither text nor a JSON object.")


def credentials_of(obj: dict[str, Any]) -> Issued:
    """The credentials (and notification id) of a 200 answer, final or draft-13 shaped."""
    items = obj.get("credentials")
    if items is None and "credential" in obj:
        items = [{"credential": obj["credential"]}]
    if not isinstance(items, list) or not items or len(items) > MAX_CREDENTIALS:
        raise InputError("The issuer's answer holds no list of credentials.")
    found = []
    for item in items:
        value = item.get("credential") if isinstance(item, dict) else item
        found.append(_as_bytes(value))
    return Issued(tuple(found), code(obj.get("notification_id"), "notification_id", required=False))


def deferred_of(obj: dict[str, Any]) -> Deferred:
    transaction = code(obj.get("transaction_id"), "transaction_id")
    assert transaction is not None
    interval = obj.get("interval")
    seconds = interval if isinstance(interval, int) and not isinstance(interval, bool) and 0 < interval <= 3600 \
        else DEFAULT_INTERVAL
    return Deferred(transaction, seconds)


def request_credential(client: OnlineClient, endpoint: str, token: Token, *, configuration_id: str,
                       credential_identifier: str | None, proofs: list[str],
                       dpop: DpopKey | None = None) -> Issued | Deferred:
    """One credential request; :class:`~wallet.errors.IssuanceError` (with its error code) when refused."""
    body: dict[str, Any] = {"proofs": {"jwt": proofs}} if proofs else {}
    if credential_identifier is not None:
        body["credential_identifier"] = credential_identifier
    else:
        body["credential_configuration_id"] = configuration_id
    try:
        resp = resource_post(client, endpoint, token, body, purpose="credential", kind=FetchKind.CREDENTIAL,
                             dpop=dpop)
    except HttpStatusError as exc:
        raise oauth_error(exc, "credential request") from exc
    obj = json_object(resp, "credential response")
    if resp.status == 202 or ("transaction_id" in obj and "credentials" not in obj and "credential" not in obj):
        return deferred_of(obj)
    return credentials_of(obj)
