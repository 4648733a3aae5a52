"""The online part of importing: what a batch needs, asking once per issuer host, fetching before verifying.

Kept apart from :mod:`wallet.app.importing` so an offline import loads none of
it. The batch's own status list files count as supplied; a policy-driven
import (``online.fetch``) skips what the cache holds fresh, an explicit
``--online`` fetches everything the batch needs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from wallet.app.importing import ImportItem, ImportResult, Outcome, expand_item, status_list_url
from wallet.app.online import Ask, FetchPlan, HostQuestion
from wallet.app.vault import VaultLike
from wallet.errors import InputError
from wallet.formats import parse
from wallet.messages import msg
from wallet.model import Credential

if TYPE_CHECKING:
    from wallet.online import OnlineClient
    from wallet.online.evidence import EvidenceNeed


def batch_needs(vault: VaultLike, creds: Sequence[Credential], plan: FetchPlan,
                supplied: Sequence[str] = ()) -> list[EvidenceNeed]:
    """What a batch needs from the network: not what the batch carries itself (a status list file), and,
    unless the user asked explicitly (``--online``), not what the cache holds fresh already."""
    from wallet.app.refresh import interval_of  # deferred: start-up time
    from wallet.online.evidence import EvidenceKind, evidence_needs, merge_needs  # deferred: start-up time

    needs = [n for n in merge_needs(evidence_needs(c) for c in creds)
             if not (n.kind is EvidenceKind.STATUS_LIST and n.key in supplied)]
    if not plan.respect_denials:
        return needs
    now = datetime.now(UTC)
    cached = {(r.kind, r.key): r for r in vault.evidence_records()}
    fresh = {slot for slot, r in cached.items() if r.fetched_online and now < r.fetched_at + interval_of(r)}
    return [n for n in needs if (n.kind.value, n.key) not in fresh]


def fetch_questions(vault: VaultLike, items: Sequence[ImportItem]) -> tuple[FetchPlan, list[HostQuestion]]:
    """Before an import in the app: the plan the settings give, and the issuer hosts to ask about first.

    The app asks on the GUI thread, remembers the answers (``online.decide_host``)
    and then imports with the plan; hosts are asked about only with ``online.fetch = ask``.
    """
    from wallet.app.online import import_plan, pending_hosts  # deferred: start-up time

    plan = import_plan(vault)
    if not plan.ask:
        return plan, []
    creds: list[Credential] = []
    supplied: list[str] = []
    for given in items:
        try:
            expanded = expand_item(given)
        except InputError:
            continue
        for item in expanded:
            try:
                cred = parse(item.raw)
            except InputError:
                continue
            url = status_list_url(cred)
            if url:
                supplied.append(url)
            else:
                creds.append(cred)
    return plan, pending_hosts(vault, batch_needs(vault, creds, plan, supplied))


def fetch_for_batch(vault: VaultLike, needs: Sequence[EvidenceNeed], plan: FetchPlan, client: OnlineClient | None,
                    ask: Ask | None, cancelled: Callable[[], bool] | None,
                    skipped: Callable[[list[EvidenceNeed]], None] | None) -> list[ImportResult]:
    """Fetch (and store) what the batch needs under ``plan``, before anything is verified."""
    from wallet.app.online import select_needs  # deferred: start-up time
    from wallet.app.refresh import fetch_and_store  # deferred: start-up time

    chosen, left = select_needs(vault, needs, plan, ask)
    if left and skipped is not None:
        skipped(left)
    if not chosen:
        return []
    if client is None:
        from wallet.app.online import make_client  # deferred: start-up time

        client = make_client(vault)
    results, records, notes = fetch_and_store(vault, chosen, client=client, cancelled=cancelled)
    out = [ImportResult(e.source_url, Outcome.FETCHED, msg("import.fetched", what=e.kind.value, url=e.key,
                                                            fetched=e.fetched_at)) for e in records]
    out += [ImportResult(r.need.key, Outcome.NOT_FETCHED, msg("import.not_fetched", what=r.need.kind.value,
                                                              url=r.need.key, detail=r.error)) for r in results
            if not r.ok]
    out += [ImportResult("trusted lists", Outcome.NOT_FETCHED, msg("import.not_fetched", what="trusted-list",
                                                                   url="", detail=n)) for n in notes]
    return out
