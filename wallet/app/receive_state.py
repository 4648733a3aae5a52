"""What receiving leaves behind: results, deferred credentials to collect later, and deletion notices.

* :class:`ReceiveResult` says what happened to each offered credential; the
  CLI's exit code and the app's result page read it.
* A credential the issuer is still preparing (deferred) is kept in the vault
  (``issuance`` kind ``deferred``: the transaction id, the endpoint, the
  access token and, when the token is DPoP-bound, the DPoP key, all inside
  the encrypted vault) until :func:`retry_pending` collects it or the token
  expires.
* When a credential received with a ``notification_id`` is deleted, the
  issuer is told ``credential_deleted`` while the access token lasts
  (:func:`remove_notifying`); after that the issuer is simply not told.
"""

from __future__ import annotations

import enum
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from wallet.app.keys import KeyVault
from wallet.errors import WalletError
from wallet.messages import Message, msg, render
from wallet.online.http import OnlineClient
from wallet.online.oid4vci import deferred as deferred_mod
from wallet.online.oid4vci.credential import Deferred, Issued
from wallet.online.oid4vci.dpop import DpopKey, export_key, import_key
from wallet.online.oid4vci.notification import notify
from wallet.online.oid4vci.oauth import Token

if TYPE_CHECKING:
    from wallet.app.receive import ConsentSummary, OfferedCredential


class ReceiveOutcome(str, enum.Enum):
    STORED = "stored"
    DUPLICATE = "duplicate"  # already in the vault (same bytes)
    REFUSED = "refused"  # received, but not stored: it did not verify (changed or forged)
    PENDING = "pending"  # the issuer is still preparing it; kept to collect later
    FAILED = "failed"  # the issuer refused or broke the protocol for this one
    SKIPPED = "skipped"  # the wallet cannot receive it (format, proof type, key attestation)


@dataclass(frozen=True)
class Received:
    configuration_id: str
    name: str
    outcome: ReceiveOutcome
    message: Message
    credential_id: str | None = None
    title: str | None = None
    state: str | None = None

    def to_json(self, langs: Sequence[str] = ("en",)) -> dict[str, Any]:
        return {"configuration_id": self.configuration_id, "name": self.name, "outcome": self.outcome.value,
                "id": self.credential_id, "title": self.title, "state": self.state,
                "message": self.message.to_json(), "detail": render(self.message, langs)}


@dataclass(frozen=True)
class ReceiveResult:
    items: tuple[Received, ...]
    notes: tuple[Message, ...] = ()

    @property
    def stored(self) -> tuple[Received, ...]:
        return tuple(i for i in self.items if i.outcome in (ReceiveOutcome.STORED, ReceiveOutcome.DUPLICATE))

    @property
    def all_stored(self) -> bool:
        """Every offered credential is now in the vault (the CLI's exit code 0)."""
        return bool(self.items) and len(self.stored) == len(self.items)

    def to_json(self, langs: Sequence[str] = ("en",)) -> dict[str, Any]:
        return {"all_stored": self.all_stored, "credentials": [i.to_json(langs) for i in self.items],
                "notes": [render(n, langs) for n in self.notes]}


def token_json(token: Token, dpop: DpopKey | None) -> dict[str, Any]:
    """An access token (and its DPoP key) as the vault keeps it, for later requests to the same issuer."""
    return {"access_token": token.access_token, "token_type": token.token_type,
            "expires_at": token.expires_at.isoformat() if token.expires_at else None,
            "dpop": export_key(dpop) if dpop is not None and token.token_type == "DPoP" else None}


def token_of(data: dict[str, Any]) -> tuple[Token, DpopKey | None]:
    expires = data.get("expires_at")
    token = Token(str(data["access_token"]), str(data.get("token_type", "Bearer")),
                  datetime.fromisoformat(expires) if isinstance(expires, str) else None)
    dpop = import_key(data["dpop"]) if isinstance(data.get("dpop"), dict) else None
    return token, dpop


def _expired(token: Token) -> bool:
    return token.expires_at is not None and token.expires_at <= datetime.now(UTC)


def save_deferred(vault: KeyVault, summary: ConsentSummary, offered: OfferedCredential, pending: Deferred,
                  token: Token, dpop: DpopKey | None, kids: Sequence[str]) -> str:
    """Keep a deferred credential in the vault so it can be collected later; returns the record id."""
    ident = f"deferred-{secrets.token_hex(8)}"
    vault.put_issuance(ident, "deferred", {
        "issuer": summary.issuer, "configuration_id": offered.configuration_id, "name": offered.name,
        "format": offered.format, "transaction_id": pending.transaction_id, "interval": pending.interval,
        "endpoint": summary.metadata.deferred_credential_endpoint,
        "notification_endpoint": summary.metadata.notification_endpoint, "token": token_json(token, dpop),
        "kids": list(kids), "since": datetime.now(UTC).isoformat()})
    return ident


def notify_quietly(client: OnlineClient, endpoint: str, token: Token, notification_id: str, event: str,
                   description: str | None, dpop: DpopKey | None) -> Message | None:
    """Send a notification; a failure is a note for the user, never a failure of what was done."""
    try:
        notify(client, endpoint, token, notification_id, event, description, dpop)
    except WalletError as exc:
        return msg("receive.notify_failed", event=event, detail=str(exc))
    return None


def retry_pending(vault: KeyVault, client: OnlineClient, *, progress: Callable[[Message], None] | None = None,
                  max_wait: float = 0.0) -> ReceiveResult:
    """Ask the issuers again for every deferred credential kept in the vault."""
    from wallet.app.receive import OfferedCredential  # deferred: receive imports this module
    from wallet.app.receive_flow import _Got, store_received

    items: list[Received] = []
    notes: list[Message] = []
    for ident, data in vault.list_issuance("deferred"):
        name = str(data.get("name") or data.get("configuration_id"))
        config = str(data.get("configuration_id"))
        if progress is not None:
            progress(msg("receive.step_waiting", name=name))
        try:
            token, dpop = token_of(data["token"])
            if _expired(token) or not isinstance(data.get("endpoint"), str):
                vault.remove_issuance(ident)
                items.append(Received(config, name, ReceiveOutcome.FAILED, msg("receive.pending_lost")))
                continue
            pending = Deferred(str(data["transaction_id"]), int(data.get("interval") or 5))
            answer = deferred_mod.ask_once(client, data["endpoint"], token, pending, dpop) if max_wait <= 0 else \
                deferred_mod.poll(client, data["endpoint"], token, pending, max_wait=max_wait, dpop=dpop)
        except (WalletError, KeyError, ValueError) as exc:
            message = exc.message if isinstance(exc, WalletError) and exc.message else \
                msg("receive.failed", detail=str(exc))
            items.append(Received(config, name, ReceiveOutcome.FAILED, message))
            continue
        if isinstance(answer, Deferred):
            vault.put_issuance(ident, "deferred", {**data, "interval": answer.interval,
                                                   "transaction_id": answer.transaction_id})
            items.append(Received(config, name, ReceiveOutcome.PENDING, msg("receive.pending")))
            continue
        assert isinstance(answer, Issued)
        offered = OfferedCredential(config, str(data.get("format", "?")), name)
        got = _Got(offered, answer.credentials, tuple(str(k) for k in data.get("kids", [])) or ("",),
                   answer.notification_id)
        stored, more = store_received(vault, client, str(data.get("issuer")), [got],
                                      data.get("notification_endpoint"), token, dpop)
        vault.remove_issuance(ident)
        items.extend(stored)
        notes.extend(more)
    return ReceiveResult(tuple(items), tuple(notes))


def pending_count(vault: Any) -> int:
    lister = getattr(vault, "list_issuance", None)
    return len(lister("deferred")) if lister is not None else 0


def remove_notifying(vault: Any, ids: Sequence[str], client: OnlineClient | None) -> tuple[int, tuple[Message, ...]]:
    """Delete credentials; tell each one's issuer ``credential_deleted`` when it asked to be told and can be."""
    notes: list[Message] = []
    lister = getattr(vault, "list_issuance", None)
    for ident in ids:
        records = lister("notification", ident) if lister is not None else []
        vault.remove_credential(ident)
        for _rid, data in records:
            if client is None:
                continue
            try:
                token, dpop = token_of(data["token"])
            except (KeyError, ValueError, TypeError):
                continue
            if _expired(token):
                notes.append(msg("receive.notify_expired"))
                continue
            note = notify_quietly(client, str(data.get("endpoint")), token, str(data.get("notification_id")),
                                  "credential_deleted", None, dpop)
            if note is not None:
                notes.append(note)
    return len(ids), tuple(notes)
