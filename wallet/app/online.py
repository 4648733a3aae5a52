"""When the wallet may go online, and the record of where it went: settings, per-host answers, contacted hosts.

Verification never goes online. Fetching evidence happens only when the user
asks (``wallet refresh``, "Refresh evidence"), on import when the settings
allow it (``online.fetch``: ``ask`` once per issuer host with the answer
remembered, ``always`` or ``never``), and on the app's schedule. The global
offline switch (``online.offline``, or ``WALLET_OFFLINE=1``, or ``--offline``)
overrides everything: the client then refuses before any DNS lookup.

Every host the client looks up is logged in the vault with the time and the
purpose (the client's ``on_contact`` hook), so the user can see whom the
wallet told what (``wallet hosts``, Settings ▸ Online).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from wallet.app.vault import VaultLike
from wallet.errors import UsageError

if TYPE_CHECKING:  # the online package is loaded only by the commands that go online (start-up time)
    from wallet.online import OnlineClient, OnlineSettings
    from wallet.online.evidence import EvidenceNeed

FETCH_SETTING = "online.fetch"
OFFLINE_SETTING = "online.offline"
FETCH_ASK, FETCH_ALWAYS, FETCH_NEVER = "ask", "always", "never"
FETCH_CHOICES = (FETCH_ASK, FETCH_ALWAYS, FETCH_NEVER)

#: ``ask(host, needs) -> allowed``: asks the user once about one issuer host.
Ask = Callable[[str, Sequence["EvidenceNeed"]], bool]


@dataclass(frozen=True)
class OnlinePrefs:
    """The online settings of a vault, read in one go."""

    fetch: str = FETCH_ASK  # on import: ask | always | never
    offline: bool = False  # never touch the network
    hosts: Mapping[str, bool] = field(default_factory=dict)  # remembered answers, host -> allowed


def prefs(vault: VaultLike) -> OnlinePrefs:
    fetch = vault.get_setting(FETCH_SETTING, FETCH_ASK)
    offline = vault.get_setting(OFFLINE_SETTING, False)
    return OnlinePrefs(fetch if fetch in FETCH_CHOICES else FETCH_ASK, offline is True, dict(vault.host_decisions()))


def set_fetch_policy(vault: VaultLike, value: str) -> None:
    if value not in FETCH_CHOICES:
        raise UsageError(f"online fetching is one of {', '.join(FETCH_CHOICES)}, not {value!r}")
    vault.set_setting(FETCH_SETTING, value)


def set_offline(vault: VaultLike, offline: bool) -> None:
    vault.set_setting(OFFLINE_SETTING, bool(offline))


def decide_host(vault: VaultLike, host: str, allowed: bool | None) -> None:
    """Remember whether evidence may be fetched from ``host`` on import (None forgets the answer)."""
    vault.set_host_decision(host, allowed)


def is_offline(vault: VaultLike, *, offline: bool | None = None, environ: Mapping[str, str] | None = None) -> bool:
    """Offline by the flag, the environment (``WALLET_OFFLINE``) or the vault's switch."""
    from wallet.online import OnlineSettings  # deferred: start-up time

    return bool(offline) or OnlineSettings.from_env(environ).offline or prefs(vault).offline


def online_settings(vault: VaultLike, *, offline: bool | None = None, environ: Mapping[str, str] | None = None,
                    **overrides: Any) -> OnlineSettings:
    """The client's settings: the environment (CA bundle, loopback test mode), offline if anything says so.

    ``overrides`` are further ``OnlineSettings`` fields (e.g. ``total_timeout``).
    """
    from wallet.online import OnlineSettings  # deferred: start-up time

    offline_now = True if is_offline(vault, offline=offline, environ=environ) else None
    return OnlineSettings.from_env(environ, offline=offline_now, **overrides)


def make_client(vault: VaultLike, *, offline: bool | None = None, environ: Mapping[str, str] | None = None,
                resolver: Any = None, **overrides: Any) -> OnlineClient:
    """The one client for this vault: every host it looks up is logged in the vault."""
    from wallet.online import OnlineClient  # deferred: start-up time

    def contacted(host: str, when: datetime, purpose: str) -> None:
        vault.log_contact(host, when, purpose)

    settings = online_settings(vault, offline=offline, environ=environ, **overrides)
    return OnlineClient(settings, contacted, resolver=resolver)


# -- deciding what to fetch on import ------------------------------------------------------------------
@dataclass(frozen=True)
class FetchPlan:
    """Whether an import fetches evidence, and how hosts are chosen.

    ``ask``: hosts without a remembered answer are asked about (or skipped
    when nobody can be asked); ``respect_denials``: hosts the user said "no"
    to are skipped (an explicit ``--online`` fetches everything it needs).
    """

    fetch: bool
    ask: bool = False
    respect_denials: bool = True


NO_FETCH = FetchPlan(False)


def import_plan(vault: VaultLike, *, online: bool = False, offline: bool = False,
                environ: Mapping[str, str] | None = None) -> FetchPlan:
    """The plan for an import from the flags (``--online``/``--offline``) and the vault's settings."""
    if online and offline:
        raise UsageError("--online and --offline exclude each other")
    if offline or is_offline(vault, environ=environ):
        return NO_FETCH
    if online:
        return FetchPlan(True, ask=False, respect_denials=False)
    policy = prefs(vault).fetch
    if policy == FETCH_ALWAYS:
        return FetchPlan(True)
    if policy == FETCH_ASK:
        return FetchPlan(True, ask=True)
    return NO_FETCH


def hosts_of(needs: Iterable[EvidenceNeed]) -> dict[str, list[EvidenceNeed]]:
    """The needs grouped by the host they would contact (needs naming no usable host are left out)."""
    out: dict[str, list[EvidenceNeed]] = {}
    for need in needs:
        host = need.host
        if host:
            out.setdefault(host.lower(), []).append(need)
    return out


def select_needs(vault: VaultLike, needs: Sequence[EvidenceNeed], plan: FetchPlan,
                 ask: Ask | None = None) -> tuple[list[EvidenceNeed], list[EvidenceNeed]]:
    """(needs to fetch, needs left out) under ``plan``; answers given to ``ask`` are remembered per host."""
    if not plan.fetch:
        return [], list(needs)
    decisions = dict(vault.host_decisions())
    chosen: list[EvidenceNeed] = []
    left: list[EvidenceNeed] = []
    for host, group in hosts_of(needs).items():
        allowed = decisions.get(host)
        if allowed is None and plan.ask:
            if ask is None:
                left += group
                continue
            allowed = bool(ask(host, group))
            vault.set_host_decision(host, allowed)
        if allowed is False and (plan.respect_denials or plan.ask):
            left += group
        else:
            chosen += group
    left += [n for n in needs if not n.host]  # nothing to contact: the fetcher could only refuse it
    return chosen, left


@dataclass(frozen=True)
class HostQuestion:
    """One issuer host the user has not answered about yet, and why the wallet would contact it."""

    host: str
    reasons: tuple[str, ...]


def pending_hosts(vault: VaultLike, needs: Sequence[EvidenceNeed]) -> list[HostQuestion]:
    """The hosts of ``needs`` without a remembered answer (the app asks about them on the GUI thread)."""
    decisions = vault.host_decisions()
    return [HostQuestion(host, tuple(dict.fromkeys(n.reason for n in group)))
            for host, group in hosts_of(needs).items() if host not in decisions]


# -- the privacy log --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Contact:
    host: str
    when: datetime
    purpose: str

    def to_json(self) -> dict[str, Any]:
        return {"host": self.host, "when": self.when.isoformat(), "purpose": self.purpose}


@dataclass(frozen=True)
class HostSummary:
    """One host the wallet contacted: how often, first and last time, for what, and the remembered answer."""

    host: str
    count: int
    first: datetime
    last: datetime
    purposes: tuple[str, ...]
    allowed: bool | None

    def to_json(self) -> dict[str, Any]:
        return {"host": self.host, "count": self.count, "first": self.first.isoformat(),
                "last": self.last.isoformat(), "purposes": list(self.purposes), "allowed": self.allowed}


def contacts(vault: VaultLike, limit: int | None = None) -> list[Contact]:
    """Every logged contact, newest first."""
    return [Contact(h, w, p) for h, w, p in vault.list_contacts(limit)]


def contacted_hosts(vault: VaultLike) -> list[HostSummary]:
    """One line per contacted host, most recently contacted first, with the remembered answer if any."""
    seen: dict[str, list[Contact]] = {}
    for contact in contacts(vault):
        seen.setdefault(contact.host, []).append(contact)
    decisions = vault.host_decisions()
    out = [HostSummary(host, len(items), items[-1].when, items[0].when,
                       tuple(dict.fromkeys(c.purpose for c in items)), decisions.get(host))
           for host, items in seen.items()]
    return out
