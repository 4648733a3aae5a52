"""Receiving credentials from an issuer (OpenID4VCI 1.0), with the user's consent first.

Two steps, for every front end:

1. :func:`inspect` reads the offer (a link, pasted text, a file, a QR image),
   fetches the offer by reference and the issuer's metadata (checking that
   the issuer is who the offer says), fetches the issuer's logos once, and
   plans the key each credential will be bound to. It returns a
   :class:`ConsentSummary`: who offers what, in the user's language, the
   key, what will be sent. **Nothing is stored** and no key is made.
2. :func:`accept` (in :mod:`wallet.app.receive_flow`) runs the issuance the
   user agreed to and sends every credential through the same import path
   as files (:func:`wallet.app.importing.import_items`: verified, stored with
   its report, the evidence fetched). Declining means not calling it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from wallet.app.keys import KeyPlan, KeyVault, plan_key
from wallet.app.link_source import link_text
from wallet.errors import InputError, UsageError
from wallet.messages import Message, msg
from wallet.online.http import OnlineClient
from wallet.online.oid4vci import display as displays
from wallet.online.oid4vci.metadata import Configuration, IssuerMetadata, fetch_issuer_metadata
from wallet.online.oid4vci.offer import CredentialOffer, TxCode, parse_offer, resolve_offer

#: Formats the wallet can verify and store (``vc+sd-jwt`` is the SD-JWT VC draft's former name).
SUPPORTED_FORMATS = ("dc+sd-jwt", "vc+sd-jwt", "jwt_vc_json", "ldp_vc", "jwt_vc_json-ld")
PRE_AUTHORIZED, AUTHORIZATION_CODE = "pre-authorized_code", "authorization_code"


@dataclass(frozen=True)
class OfferedCredential:
    """One credential of the offer as the consent screen shows it."""

    configuration_id: str
    format: str
    name: str
    description: str | None = None
    background_color: str | None = None
    text_color: str | None = None
    logo: str | None = None  # a data: URL, checked, never fetched again
    key: KeyPlan | None = None
    problem: Message | None = None  # why it cannot be received (then it is skipped)
    configuration: Configuration | None = field(default=None, compare=False)

    @property
    def receivable(self) -> bool:
        return self.problem is None and self.key is not None


@dataclass(frozen=True)
class ConsentSummary:
    """Who offers what, the key, and what will be sent: everything the user agrees to, nothing stored."""

    offer: CredentialOffer
    metadata: IssuerMetadata
    issuer_name: str
    issuer_logo: str | None
    credentials: tuple[OfferedCredential, ...]
    flow: str  # pre-authorized_code | authorization_code
    tx_code: TxCode | None
    sends: tuple[Message, ...]
    langs: tuple[str, ...] = ("en",)
    batch: int = 1

    @property
    def issuer(self) -> str:
        return self.offer.credential_issuer

    @property
    def host(self) -> str:
        return urlsplit(self.offer.credential_issuer).netloc

    def to_json(self) -> dict[str, Any]:
        from wallet.messages import render  # deferred: rendering is the edge's business

        return {
            "issuer": self.issuer, "issuer_name": self.issuer_name, "signed_by": self.metadata.signed_by,
            "logo": bool(self.issuer_logo), "flow": self.flow, "batch": self.batch,
            "tx_code": None if self.tx_code is None else {"input_mode": self.tx_code.input_mode,
                                                          "length": self.tx_code.length,
                                                          "description": self.tx_code.description},
            "credentials": [{"configuration_id": c.configuration_id, "format": c.format, "name": c.name,
                             "description": c.description, "receivable": c.receivable,
                             "key": key_json(c.key), "problem": render(c.problem, self.langs) if c.problem else None}
                            for c in self.credentials],
            "sends": [render(m, self.langs) for m in self.sends],
        }


def key_json(plan: KeyPlan | None) -> dict[str, Any] | None:
    if plan is None:
        return None
    return {"kid": plan.kid, "did": plan.did, "method": plan.method, "algorithm": plan.algorithm, "new": plan.is_new,
            "main": plan.main, "issuer": plan.issuer}


def key_message(plan: KeyPlan) -> Message:
    """The key in plain words: the main identity, the key already used with this issuer, or a new one."""
    if plan.main:
        return msg("receive.key_main", did=plan.did)
    if plan.is_new:
        return msg("receive.key_new", algorithm=plan.algorithm, method=plan.method)
    return msg("receive.key_issuer", did=plan.did, algorithm=plan.algorithm)


def offer_text(source: str | bytes | Path) -> str:
    """The offer text of what the user gave: a link or pasted text, a file, or a QR image (file or bytes)."""
    return link_text(source, wanted=lambda t: t.strip().lower().startswith(("openid-credential-offer:", "https:", "{")),
                     refuse=_not_an_offer)


def _not_an_offer(reason: str) -> InputError:
    return InputError(f"This is not a credential offer: {reason}.", message=msg("receive.offer_malformed", detail=reason))


def _display_name(cfg: Configuration | None, ident: str, langs: Sequence[str]) -> tuple[str, Any]:
    chosen = displays.pick(cfg.display, langs) if cfg else None
    return (chosen.name if chosen and chosen.name else ident), chosen


def _problem(cfg: Configuration | None, metadata: IssuerMetadata) -> Message | None:
    if cfg is None:
        return msg("receive.unknown_configuration")
    if metadata.encryption_required:
        return msg("receive.encryption_required")
    if cfg.format not in SUPPORTED_FORMATS:
        return msg("receive.format_unsupported", fmt=cfg.format)
    if cfg.proof_types and "jwt" not in cfg.proof_types:
        return msg("receive.proof_unsupported", types=", ".join(cfg.proof_types))
    if cfg.key_attestations_required:
        return msg("receive.attestation_required")
    return None


def _sends(flow: str, metadata: IssuerMetadata, offered: Sequence[OfferedCredential], tx: TxCode | None,
           host: str) -> tuple[Message, ...]:
    out: list[Message] = []
    if flow == AUTHORIZATION_CODE:
        out.append(msg("receive.sends_login", host=host))
    else:
        out.append(msg("receive.sends_code"))
    if tx is not None:
        out.append(msg("receive.sends_tx_code"))
    for plan in dict.fromkeys(c.key for c in offered if c.receivable and c.key is not None):
        assert plan is not None
        out.append(msg("receive.sends_proof", key=key_message(plan)))
    out.append(msg("receive.sends_evidence"))
    if metadata.notification_endpoint:
        out.append(msg("receive.sends_notification"))
    out.append(msg("receive.sends_nothing_else"))
    return tuple(out)


def inspect(source: str | bytes | Path, *, client: OnlineClient, vault: KeyVault, langs: Sequence[str] = ("en",),
            batch: int = 1) -> ConsentSummary:
    """Everything the user must see before agreeing; fetches the offer, metadata and logos, stores nothing."""
    offer = resolve_offer(client, parse_offer(offer_text(source)))
    anchors = [der for _sha, der, _label in vault.list_trust_anchors()]
    metadata = fetch_issuer_metadata(client, offer.credential_issuer, anchors=anchors)
    prefs = tuple(langs) or ("en",)
    issuer_display = displays.pick(metadata.display, prefs)
    offered = []
    for ident in offer.configuration_ids:
        cfg = metadata.configurations.get(ident)
        name, chosen = _display_name(cfg, ident, prefs)
        problem = _problem(cfg, metadata)
        plan = None
        if problem is None and cfg is not None:
            try:
                plan = plan_key(vault, fmt=cfg.format, issuer=offer.credential_issuer,
                                binding_methods=cfg.binding_methods, proof_algs=cfg.proof_algs)
            except UsageError:
                problem = msg("receive.no_suitable_key")
        offered.append(OfferedCredential(
            ident, cfg.format if cfg else "?", name, chosen.description if chosen else None,
            chosen.background_color if chosen else None, chosen.text_color if chosen else None,
            displays.logo_data_url(client, chosen.logo.uri if chosen and chosen.logo else None),
            plan, problem, cfg))
    if offer.pre_authorized is not None:
        flow, tx = PRE_AUTHORIZED, offer.pre_authorized.tx_code
    else:
        flow, tx = AUTHORIZATION_CODE, None
    host = urlsplit(offer.credential_issuer).netloc
    size = max(1, min(batch, metadata.batch_size or 1))
    return ConsentSummary(
        offer, metadata, (issuer_display.name if issuer_display and issuer_display.name else host),
        displays.logo_data_url(client, issuer_display.logo.uri if issuer_display and issuer_display.logo else None),
        tuple(offered), flow, tx, _sends(flow, metadata, offered, tx, host), prefs, size)
