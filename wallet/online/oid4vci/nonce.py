"""The nonce endpoint (OID4VCI 1.0 section 7): a fresh ``c_nonce`` for every proof of possession.

OID4VCI 1.0 moved ``c_nonce`` out of the token response into this endpoint;
a proof signed over a fresh nonce cannot be replayed. The answer must not be
cached (the issuer says ``Cache-Control: no-store``; the wallet keeps
nothing between requests anyway).
"""

from __future__ import annotations

from wallet.errors import HttpStatusError
from wallet.online.http import OnlineClient
from wallet.online.oid4vci.common import code, json_object, oauth_error
from wallet.online.settings import FetchKind


def fetch_nonce(client: OnlineClient, endpoint: str) -> str:
    """POST (no body) to the nonce endpoint; the ``c_nonce`` it gives."""
    try:
        resp = client.post(endpoint, kind=FetchKind.OAUTH, data=b"", headers={"Accept": "application/json"},
                           purpose="nonce")
    except HttpStatusError as exc:
        raise oauth_error(exc, "nonce request") from exc
    found = code(json_object(resp, "nonce response").get("c_nonce"), "c_nonce")
    assert found is not None
    return found
