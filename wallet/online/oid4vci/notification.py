"""The notification endpoint (OID4VCI 1.0 section 11): telling the issuer what became of its credentials.

``credential_accepted`` after the credentials were stored, ``credential_failure``
when the wallet refused them (a signature that does not hold), and
``credential_deleted`` when the user later deletes one. A notification is a
courtesy, never a condition: a failure to send it is reported and nothing
else changes. It needs the access token, so after the token expires (the
issuer decides, often minutes) a deletion can no longer be reported.
"""

from __future__ import annotations

from wallet.errors import HttpStatusError
from wallet.online.http import OnlineClient
from wallet.online.oid4vci.common import oauth_error
from wallet.online.oid4vci.credential import resource_post
from wallet.online.oid4vci.dpop import DpopKey
from wallet.online.oid4vci.oauth import Token
from wallet.online.settings import FetchKind

EVENTS = ("credential_accepted", "credential_failure", "credential_deleted")


def notify(client: OnlineClient, endpoint: str, token: Token, notification_id: str, event: str,
           description: str | None = None, dpop: DpopKey | None = None) -> None:
    """Send one event (the issuer answers 204); IssuanceError when it refuses."""
    if event not in EVENTS:
        raise ValueError(f"unknown notification event {event}")
    body = {"notification_id": notification_id, "event": event}
    if description:
        body["event_description"] = description[:300]
    try:
        resource_post(client, endpoint, token, body, purpose="notification", kind=FetchKind.OAUTH, dpop=dpop)
    except HttpStatusError as exc:
        raise oauth_error(exc, "notification") from exc
