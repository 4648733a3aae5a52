"""Accepting an offer: the issuance the user agreed to, then the same import path as files.

Order of events, so that nothing is stored unless verified and nothing is
sent that the consent screen did not name:

1. the authorization server's metadata, then the access token: the
   pre-authorized code (with the transaction code the user typed), or the
   authorization code from the system browser through a loopback redirect
   (PKCE S256, PAR when offered, ``state`` checked, RFC 9207 ``iss`` checked);
   DPoP when the server offers it;
2. for each credential: the key the consent named (made now if new), a fresh
   ``c_nonce``, ``jwt`` proofs, the credential request; on ``invalid_nonce``
   or ``invalid_proof`` once more with a new nonce and new proofs; a deferred
   credential is polled with back-off, then kept in the vault to retry later;
3. the evidence the credentials need (issuer keys, status lists), fetched;
4. :func:`wallet.app.importing.import_items`, which verifies and stores (a
   credential whose signature does not hold is refused and not stored);
5. each stored credential remembers its key and, when the issuer has a
   notification endpoint, its notification id; the issuer is told
   ``credential_accepted`` (or ``credential_failure``).

One credential that fails never stops the others. Errors before any
credential arrives (the token) raise, and nothing is stored.
"""

from __future__ import annotations

import secrets
import webbrowser
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from wallet.app import receive_evidence
from wallet.app.importing import ImportItem, ImportResult, Outcome, import_items
from wallet.app.keys import KeyVault, extra_batch_key, realize
from wallet.app.receive import PRE_AUTHORIZED, ConsentSummary, OfferedCredential
from wallet.app.receive_state import Received, ReceiveOutcome, ReceiveResult, notify_quietly, save_deferred, token_json
from wallet.errors import IssuanceError, UsageError, WalletError
from wallet.messages import Message, msg
from wallet.online.http import OnlineClient
from wallet.online.oid4vci import deferred as deferred_mod
from wallet.online.oid4vci import oauth
from wallet.online.oid4vci.credential import Deferred, Issued, request_credential
from wallet.online.oid4vci.dpop import DpopKey
from wallet.online.oid4vci.loopback import DEFAULT_TIMEOUT, LoopbackListener, authorize_headless
from wallet.online.oid4vci.nonce import fetch_nonce
from wallet.online.oid4vci.proof import jwt_proof

Browser = Callable[[str, LoopbackListener], None]
Progress = Callable[[Message], None]


class TxCodeRejected(IssuanceError):
    """The issuer did not accept the transaction code: ask the user again (nothing was used up)."""


class TxCodeNeeded(UsageError):
    """The offer needs a transaction code and none was given."""


def system_browser(url: str, _listener: LoopbackListener) -> None:
    """Open the issuer's sign-in page in the user's own browser (RFC 8252: never an embedded one)."""
    if not webbrowser.open(url):
        raise IssuanceError("No web browser could be opened for signing in.", error="no_browser",
                            message=msg("receive.no_browser"))


def headless_browser(client: OnlineClient) -> Browser:
    """For issuers that approve without a person (tests, ``--no-browser``): follow the redirect ourselves."""
    return lambda url, listener: authorize_headless(client, url, listener)


@dataclass(frozen=True)
class _Session:
    token: oauth.Token
    dpop: DpopKey | None
    anonymous: bool  # pre-authorized without client authentication: proofs carry no iss


def _server_for(summary: ConsentSummary) -> str:
    grant = summary.offer.pre_authorized if summary.flow == PRE_AUTHORIZED else summary.offer.authorization_code
    named = grant.authorization_server if grant is not None else None
    known = summary.metadata.authorization_servers
    if named is not None:
        if known and named not in known:
            raise IssuanceError("The offer names an authorization server the issuer does not list.",
                                error="unknown_authorization_server",
                                message=msg("receive.issuer_mismatch", claimed=named, expected=", ".join(known)))
        return named
    return known[0] if known else summary.issuer


def _token(summary: ConsentSummary, client: OnlineClient, server: oauth.AuthorizationServer, dpop: DpopKey | None,
           tx_code: str | None, browser: Browser, cancelled: Callable[[], bool] | None,
           login_timeout: float) -> _Session:
    if summary.flow == PRE_AUTHORIZED:
        grant = summary.offer.pre_authorized
        assert grant is not None
        if grant.tx_code is not None and not tx_code:
            raise TxCodeNeeded("This offer needs the transaction code the issuer sent you.",
                               message=msg("receive.tx_code_needed"))
        try:
            token = oauth.request_token(client, server, oauth.pre_authorized_form(grant.pre_authorized_code,
                                                                                   tx_code if grant.tx_code else None),
                                        dpop)
        except IssuanceError as exc:
            if exc.error == "invalid_grant" and grant.tx_code is not None:
                raise TxCodeRejected(error=exc.error, description=exc.description,
                                     message=msg("receive.tx_code_wrong")) from exc
            if exc.error == "invalid_grant":
                raise IssuanceError(error=exc.error, description=exc.description,
                                    message=msg("receive.offer_expired")) from exc
            raise
        return _Session(token, dpop, True)
    listener = LoopbackListener(timeout=login_timeout)
    try:
        pkce, state = oauth.new_pkce(), secrets.token_urlsafe(24)
        grant_auth = summary.offer.authorization_code
        scopes = tuple(c.configuration.scope for c in summary.credentials
                       if c.configuration is not None and c.configuration.scope) if not (
                           grant_auth and grant_auth.issuer_state) else ()
        details = [{"type": "openid_credential", "credential_configuration_id": c.configuration_id}
                   for c in summary.credentials if c.receivable]
        params = oauth.authorization_request(server, redirect_uri=listener.redirect_uri, state=state, pkce=pkce,
                                             issuer_state=grant_auth.issuer_state if grant_auth else None,
                                             scopes=scopes, details=details)
        request_uri = oauth.push_authorization_request(client, server, params, dpop) if server.par_endpoint else None
        if server.require_par and request_uri is None:
            raise IssuanceError("The issuer requires pushed authorization requests but names no endpoint for them.",
                                error="par_required", message=msg("receive.no_authorization_endpoint"))
        browser(oauth.authorization_url(server, params, request_uri), listener)
        callback = listener.wait(state, cancelled=cancelled)
    finally:
        listener.close()
    if callback.iss is not None and callback.iss != server.issuer:
        raise IssuanceError("The sign-in answer came from another authorization server (iss).", error="iss_mismatch",
                            message=msg("receive.login_refused", detail="iss"))
    assert callback.code is not None
    token = oauth.request_token(client, server, oauth.authorization_code_form(callback.code, listener.redirect_uri,
                                                                              pkce), dpop)
    return _Session(token, dpop, False)


def _proofs(vault: KeyVault, keys: Sequence[Any], offered: OfferedCredential, summary: ConsentSummary,
            nonce: str | None, session: _Session) -> list[str]:
    cfg = offered.configuration
    methods = cfg.binding_methods if cfg else ()
    out = []
    for key in keys:
        by_kid = not methods or key.method in methods or "jwk" not in methods
        out.append(jwt_proof(vault.holder_signing_key(key.kid), kid=key.kid if by_kid else None,
                             audience=summary.issuer, nonce=nonce,
                             client_id=None if session.anonymous else oauth.CLIENT_ID))
    return out


def _nonce(client: OnlineClient, summary: ConsentSummary, session: _Session) -> str | None:
    endpoint = summary.metadata.nonce_endpoint
    return fetch_nonce(client, endpoint) if endpoint else session.token.c_nonce


def _request(client: OnlineClient, vault: KeyVault, summary: ConsentSummary, offered: OfferedCredential,
             keys: Sequence[Any], session: _Session) -> Issued | Deferred:
    ids = session.token.identifiers.get(offered.configuration_id)
    identifier = ids[0] if ids else None
    for attempt in range(2):
        proofs = _proofs(vault, keys, offered, summary, _nonce(client, summary, session), session)
        try:
            return request_credential(client, summary.metadata.credential_endpoint, session.token,
                                      configuration_id=offered.configuration_id, credential_identifier=identifier,
                                      proofs=proofs, dpop=session.dpop)
        except IssuanceError as exc:
            if attempt == 0 and exc.error in ("invalid_nonce", "invalid_proof"):
                continue  # a fresh nonce and new proofs, once; the old proofs are never sent again
            raise
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class _Got:
    offered: OfferedCredential
    raws: tuple[bytes, ...]
    kids: tuple[str, ...]
    notification_id: str | None


def accept(summary: ConsentSummary, *, vault: KeyVault, client: OnlineClient, tx_code: str | None = None,
           browser: Browser = system_browser, progress: Progress | None = None,
           cancelled: Callable[[], bool] | None = None, max_wait: float = 20.0,
           login_timeout: float = DEFAULT_TIMEOUT) -> ReceiveResult:
    """Run the issuance the user agreed to in ``summary``; store what verifies; say what happened to each."""
    say = progress or (lambda _m: None)
    say(msg("receive.step_token"))
    server = oauth.fetch_authorization_server(client, _server_for(summary))
    dpop = DpopKey.choose(server.dpop_algs)
    session = _token(summary, client, server, dpop, tx_code, browser, cancelled, login_timeout)
    items: list[Received] = []
    got: list[_Got] = []
    for offered in summary.credentials:
        if not offered.receivable:
            items.append(Received(offered.configuration_id, offered.name, ReceiveOutcome.SKIPPED,
                                  offered.problem or msg("receive.unknown_configuration")))
            continue
        say(msg("receive.step_credential", name=offered.name))
        try:
            assert offered.key is not None
            first = realize(vault, offered.key)
            keys = [first, *(extra_batch_key(vault, offered.key) for _ in range(summary.batch - 1))]
            answer = _request(client, vault, summary, offered, keys, session)
            if isinstance(answer, Deferred):
                say(msg("receive.step_waiting", name=offered.name))
                endpoint = summary.metadata.deferred_credential_endpoint
                if endpoint is None:
                    raise IssuanceError("The issuer deferred the credential but names no endpoint to collect it.",
                                        error="no_deferred_endpoint", message=msg("receive.pending_lost"))
                answer = deferred_mod.poll(client, endpoint, session.token, answer, max_wait=max_wait,
                                           dpop=session.dpop, cancelled=cancelled)
            if isinstance(answer, Deferred):
                save_deferred(vault, summary, offered, answer, session.token, session.dpop, [k.kid for k in keys])
                items.append(Received(offered.configuration_id, offered.name, ReceiveOutcome.PENDING,
                                      msg("receive.pending")))
                continue
            got.append(_Got(offered, answer.credentials, tuple(k.kid for k in keys), answer.notification_id))
        except WalletError as exc:
            items.append(Received(offered.configuration_id, offered.name, ReceiveOutcome.FAILED,
                                  exc.message or msg("receive.failed", detail=str(exc))))
    say(msg("receive.step_verify"))
    stored, notes = store_received(vault, client, summary.issuer, got, summary.metadata.notification_endpoint,
                                   session.token, session.dpop)
    return ReceiveResult(tuple(items) + stored, notes)


def store_received(vault: KeyVault, client: OnlineClient, issuer: str, got: Sequence[_Got],
                   notification_endpoint: str | None, token: oauth.Token,
                   dpop: DpopKey | None) -> tuple[tuple[Received, ...], tuple[Message, ...]]:
    """Fetch the evidence, import (verify and store), bind keys, keep notification ids, notify."""
    host = urlsplit(issuer).netloc
    flat = [(g, n, raw) for g in got for n, raw in enumerate(g.raws)]
    if not flat:
        return (), ()
    fetched = receive_evidence.fetch_and_keep(vault, client, [raw for _g, _n, raw in flat])
    notes = [msg("receive.evidence_failed", what=what, detail=why) for what, why in fetched.failures]
    sources = [f"{host} ({g.offered.configuration_id}{f' #{n + 1}' if len(g.raws) > 1 else ''})"
               for g, n, _raw in flat]
    results = import_items(vault, [ImportItem(s, raw) for s, (_g, _n, raw) in zip(sources, flat, strict=True)],
                           ctx=receive_evidence.context_for(vault))
    out: list[Received] = []
    outcome_of: dict[str, list[ImportResult]] = {}
    for (g, n, _raw), result in zip(flat, results, strict=True):
        kid = g.kids[n] if n < len(g.kids) else g.kids[0]
        out.append(_received(g.offered, result))
        outcome_of.setdefault(g.notification_id or "", []).append(result)
        if result.credential_id and result.outcome in (Outcome.IMPORTED, Outcome.DUPLICATE):
            vault.bind_credential_key(result.credential_id, kid)
            if g.notification_id and notification_endpoint:
                vault.put_issuance(f"notify-{result.credential_id}", "notification",
                                   {"issuer": issuer, "endpoint": notification_endpoint,
                                    "notification_id": g.notification_id, "token": token_json(token, dpop)},
                                   credential_id=result.credential_id)
    if notification_endpoint:
        for notification_id, group in outcome_of.items():
            if not notification_id:
                continue
            refused = [r for r in group if r.outcome is Outcome.INVALID]
            event = "credential_failure" if refused else "credential_accepted"
            note = notify_quietly(client, notification_endpoint, token, notification_id, event,
                                  "The wallet refused it: its signature does not hold." if refused else None, dpop)
            if note is not None:
                notes.append(note)
    return tuple(out), tuple(notes)


def _received(offered: OfferedCredential, result: ImportResult) -> Received:
    outcome = {Outcome.IMPORTED: ReceiveOutcome.STORED, Outcome.DUPLICATE: ReceiveOutcome.DUPLICATE}.get(
        result.outcome, ReceiveOutcome.REFUSED)
    return Received(offered.configuration_id, offered.name, outcome, result.message, result.credential_id,
                    result.title, result.state)


def now() -> datetime:
    return datetime.now(UTC)
