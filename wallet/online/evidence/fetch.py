"""Fetching what :func:`evidence_needs` listed: one need at a time, one failure never stops the rest."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from wallet.errors import OfflineMode, WalletError
from wallet.online.evidence.did_web import fetch_did_document
from wallet.online.evidence.jwt_vc_issuer import fetch_jwt_vc_issuer
from wallet.online.evidence.ob2 import fetch_ob2_documents, fetch_ob2_hosted
from wallet.online.evidence.record import Evidence, EvidenceKind, EvidenceNeed
from wallet.online.evidence.status_lists import fetch_status_list, fetch_token_status_list
from wallet.online.evidence.trusted_lists import fetch_trusted_lists
from wallet.online.http import OnlineClient


@dataclass(frozen=True)
class NeedResult:
    """What fetching one need gave: records, or the one-sentence reason it failed."""

    need: EvidenceNeed
    evidence: tuple[Evidence, ...] = ()
    error: str | None = None
    error_type: str | None = None  # the wallet.errors class name, e.g. "AddressRefused"

    @property
    def ok(self) -> bool:
        return self.error is None


def fetch_need(client: OnlineClient, need: EvidenceNeed) -> tuple[Evidence, ...]:
    """The records answering ``need`` (raises the fetcher's ``WalletError`` on failure)."""
    kind = need.kind
    if kind is EvidenceKind.DID_DOCUMENT:
        return (fetch_did_document(client, need.key),)
    if kind is EvidenceKind.STATUS_LIST:
        return (fetch_status_list(client, need.key),)
    if kind is EvidenceKind.TOKEN_STATUS_LIST:
        return (fetch_token_status_list(client, need.key),)
    if kind is EvidenceKind.JWT_VC_ISSUER:
        return fetch_jwt_vc_issuer(client, need.key)
    if kind is EvidenceKind.OB2_HOSTED:
        return fetch_ob2_hosted(client, need.key)
    if kind is EvidenceKind.OB2_DOCUMENT:
        return fetch_ob2_documents(client, need.key)[0]
    if kind is EvidenceKind.TRUSTED_LIST:
        return fetch_trusted_lists(client, need.key, need.territories)
    raise WalletError(f"Evidence of kind {kind.value} is fetched only on the user's explicit request.")


def fetch_needs(client: OnlineClient, needs: Iterable[EvidenceNeed], *,
                progress: Callable[[int, int, EvidenceNeed], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> list[NeedResult]:
    """Fetch every need in order; ``progress(done, total, need)`` before each, ``cancelled()`` checked between."""
    todo = list(needs)
    results: list[NeedResult] = []
    for index, need in enumerate(todo):
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(index, len(todo), need)
        try:
            results.append(NeedResult(need, fetch_need(client, need)))
        except OfflineMode as exc:
            results += [NeedResult(n, error=str(exc), error_type=type(exc).__name__) for n in todo[index:]]
            break
        except WalletError as exc:
            results.append(NeedResult(need, error=str(exc), error_type=type(exc).__name__))
    return results
