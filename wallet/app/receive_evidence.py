"""The evidence freshly received credentials need: fetched once, kept in the vault, then used to verify them.

A credential that arrives from an issuer is verified before it is stored,
and an SD-JWT VC cannot be verified without its issuer's published keys (or a
trusted certificate) and its Token Status List. So, with the user's consent
already given for this issuer, the receiving flow lists what
:func:`wallet.online.evidence.evidence_needs` names for the credentials,
fetches and stores it exactly as a refresh does
(:func:`wallet.app.refresh.fetch_and_store`: every record with its fetch
metadata, in the vault's evidence cache), and verifies the credentials with
the context the vault then gives (:func:`wallet.app.context.context_from_vault`),
so the first report and every later reverification read the same evidence and
say "as of" the same fetch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wallet.app.context import context_from_vault
from wallet.app.keys import with_holder_keys
from wallet.app.refresh import fetch_and_store
from wallet.app.vault import VaultLike
from wallet.errors import InputError
from wallet.formats import parse
from wallet.online.evidence import evidence_needs, merge_needs
from wallet.online.http import OnlineClient
from wallet.verify.context import VerificationContext


@dataclass(frozen=True)
class Fetched:
    """What was fetched (kind and key of each record) and the needs that failed (what, why)."""

    records: tuple[tuple[str, str], ...]
    failures: tuple[tuple[str, str], ...]
    notes: tuple[str, ...] = ()


def fetch_and_keep(vault: VaultLike, client: OnlineClient, raws: Sequence[bytes]) -> Fetched:
    """Fetch everything the credentials in ``raws`` need and store it (one failure never stops the rest)."""
    needs = []
    for raw in raws:
        try:
            needs.append(evidence_needs(parse(raw)))
        except InputError:
            continue  # unreadable: import will say so, and there is nothing to fetch for it
    results, records, notes = fetch_and_store(vault, merge_needs(needs), client=client)
    return Fetched(tuple((e.kind.value, e.key) for e in records),
                   tuple((r.need.key, r.error or "") for r in results if not r.ok), tuple(notes))


def context_for(vault: VaultLike) -> VerificationContext:
    """The vault's verification context, with its holder keys (so ``cnf`` is checked against them)."""
    return with_holder_keys(context_from_vault(vault), vault)
