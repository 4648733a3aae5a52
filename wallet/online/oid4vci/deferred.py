"""Deferred issuance (OID4VCI 1.0 section 9): the issuer needs time; the wallet asks again later.

The wallet polls the deferred credential endpoint with the ``transaction_id``
at the interval the issuer asked for, backing off (times 1.5, at most 60 s
between tries) for as long as the caller allows; if the credential is still
not ready the use case keeps the transaction in the vault and the user
retries later (``wallet receive --pending``). "Not yet" arrives as ``202``
(1.0) or as ``400 issuance_pending`` (drafts); anything else ends the wait.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from wallet.errors import Cancelled, HttpStatusError
from wallet.messages import msg
from wallet.online.http import OnlineClient, Response
from wallet.online.oid4vci.common import json_object, oauth_error
from wallet.online.oid4vci.credential import Deferred, Issued, credentials_of, deferred_of, resource_post
from wallet.online.oid4vci.dpop import DpopKey
from wallet.online.oid4vci.oauth import Token
from wallet.online.settings import FetchKind

MAX_INTERVAL = 60.0


def ask_once(client: OnlineClient, endpoint: str, token: Token, pending: Deferred,
             dpop: DpopKey | None = None) -> Issued | Deferred:
    """One request to the deferred credential endpoint."""
    try:
        resp = resource_post(client, endpoint, token, {"transaction_id": pending.transaction_id},
                             purpose="deferred credential", kind=FetchKind.CREDENTIAL, dpop=dpop)
    except HttpStatusError as exc:
        body = exc.response if isinstance(exc.response, Response) else None
        if body is not None and exc.status == 400:
            try:
                obj = json_object(body, "deferred credential response")
            except ValueError:
                obj = {}
            if obj.get("error") == "issuance_pending":
                interval = obj.get("interval")
                return Deferred(pending.transaction_id, interval if isinstance(interval, int) and
                                not isinstance(interval, bool) and 0 < interval <= 3600 else pending.interval)
        raise oauth_error(exc, "deferred credential request") from exc
    obj = json_object(resp, "deferred credential response")
    if resp.status == 202:
        return deferred_of({**obj, "transaction_id": obj.get("transaction_id", pending.transaction_id)})
    return credentials_of(obj)


def poll(client: OnlineClient, endpoint: str, token: Token, pending: Deferred, *, max_wait: float,
         dpop: DpopKey | None = None, sleep: Callable[[float], None] = time.sleep,
         cancelled: Callable[[], bool] | None = None) -> Issued | Deferred:
    """Ask until issued or ``max_wait`` seconds have passed; the last :class:`Deferred` when still pending."""
    waited = 0.0
    delay = float(max(pending.interval, 1))
    current = pending
    while True:
        if waited + delay > max_wait:
            return current
        slept = 0.0
        while slept < delay:
            if cancelled is not None and cancelled():
                raise Cancelled("Waiting for the issuer was cancelled.", message=msg("receive.cancelled"))
            step = min(0.25, delay - slept)
            sleep(step)
            slept += step
        waited += delay
        result = ask_once(client, endpoint, token, current, dpop)
        if isinstance(result, Issued):
            return result
        current = result
        delay = min(max(float(result.interval), delay * 1.5), MAX_INTERVAL)
