"""Hosted share links: seal a holder-signed bundle with its evidence pack, upload it, list and delete it.

The bundle is sealed on this computer (``wallet.sharing.hosted``: AES-256-GCM,
a fresh key that lives only in the link's fragment), so the share service
stores bytes it cannot read. The *evidence pack* carries the signed status
lists, DID documents and issuer metadata the wallet holds for the shared
credentials, each with the time it was fetched, so the page that opens the
link can check revocation itself and say "as of". Every network step goes
through the wallet's one online client (``wallet.online``). The link and its
delete token are recorded in the vault so the learner can see what they
shared and delete it on the server (a hard delete) whenever they want.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from wallet.app.sharing import ShareRequest, bundle_for, entries
from wallet.app.vault import VaultLike
from wallet.errors import HttpStatusError, InputError, UsageError
from wallet.model import Credential
from wallet.online import FetchKind, OnlineClient
from wallet.online.evidence.did_web import did_web_url
from wallet.online.evidence.needs import evidence_needs
from wallet.online.evidence.record import EvidenceKind
from wallet.sharing import expiry
from wallet.sharing.hosted import (
    EvidenceItem,
    HostedLink,
    SharePackage,
    build_link,
    open_package,
    parse_link,
    seal_package,
)
from wallet.sharing.received import ReceivedBundle, verify_received
from wallet.verify.context import VerificationContext

SERVER_SETTING = "share.server"
KIND = "hosted"
#: Evidence kinds the page can use, with the media type each is packed as.
_PACKED = {
    EvidenceKind.STATUS_LIST: ("status-list", "application/vc+ld+json"),
    EvidenceKind.TOKEN_STATUS_LIST: ("token-status-list", "application/statuslist+jwt"),
    EvidenceKind.DID_DOCUMENT: ("did-document", "application/did+json"),
    EvidenceKind.JWT_VC_ISSUER: ("jwt-vc-issuer", "application/json"),
}


@dataclass(frozen=True)
class HostedShare:
    """One hosted link the learner made (as recorded in the vault)."""

    id: str
    link: str
    server: str
    created: datetime
    expires: datetime
    one_time: bool
    credentials: tuple[str, ...]
    deleted: datetime | None = None

    @property
    def expired(self) -> bool:
        return self.expires <= datetime.now(UTC)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "link": self.link, "server": self.server, "created": expiry.format_instant(self.created),
                "expires": expiry.format_instant(self.expires), "one_time": self.one_time,
                "credentials": list(self.credentials), "expired": self.expired,
                "deleted": expiry.format_instant(self.deleted) if self.deleted else None}


def _content(data: bytes, media_type: str) -> dict[str, Any] | str:
    if media_type.endswith("jwt"):
        return data.decode("ascii", "replace").strip()
    parsed = json.loads(data)
    if not isinstance(parsed, dict):
        raise InputError("a cached evidence document is not a JSON object")
    return parsed


def evidence_pack(vault: VaultLike, credentials: Sequence[Credential]) -> list[EvidenceItem]:
    """The evidence the vault holds for these credentials, as fetched, with when it was fetched."""
    items: list[EvidenceItem] = []
    seen: set[tuple[str, str]] = set()
    for cred in credentials:
        for need in evidence_needs(cred):
            packed = _PACKED.get(need.kind)
            if packed is None or (need.kind.value, need.key) in seen:
                continue
            seen.add((need.kind.value, need.key))
            found = vault.get_evidence(need.kind.value, need.key)
            if found is None:
                continue
            data, fetched_at = found
            kind, media = packed
            url = did_web_url(need.key) if need.kind is EvidenceKind.DID_DOCUMENT else need.key
            if kind == "status-list" and data.lstrip()[:1] != b"{":
                media = "application/vc+jwt"
            try:
                items.append(EvidenceItem(kind, url, fetched_at, media, _content(data, media)))
            except (InputError, ValueError, UnicodeDecodeError):
                continue  # a cached document the page could not use; the page then says "not checked"
    return items


def server_of(vault: VaultLike, given: str | None) -> str:
    server = (given or str(vault.get_setting(SERVER_SETTING, "") or "")).strip()
    if not server:
        raise UsageError("no share service is set: pass --server URL or run `wallet settings set share.server URL`")
    return server.rstrip("/")


def share_hosted(vault: VaultLike, request: ShareRequest, client: OnlineClient, *, server: str | None = None,
                 one_time: bool = False, now: datetime | None = None) -> HostedShare:
    """Sign the bundle, seal it with its evidence pack, upload it; record and return the link."""
    when = now or datetime.now(UTC)
    base = server_of(vault, server)
    chosen = entries(vault, request.ids)
    bundle = bundle_for(vault, request, chosen, when)
    evidence = evidence_pack(vault, [e.credential for e in chosen])
    key, blob = seal_package(json.loads(bundle.to_bytes()), evidence, now=when)
    lifetime = (bundle.expires - when) if bundle.expires else expiry.parse_duration(expiry.DEFAULT_EXPIRES)
    seconds = max(int(lifetime.total_seconds()), 300)
    query = f"?expires={seconds}" + ("&one_time=1" if one_time else "")
    response = client.post(f"{base}/api/shares{query}", kind=FetchKind.METADATA, data=blob,
                           headers={"Content-Type": "application/octet-stream"}, purpose="hosted share upload")
    answer = response.json("the share service's answer")
    share_id, token = answer.get("id"), answer.get("delete_token")
    if not isinstance(share_id, str) or not isinstance(token, str):
        raise InputError("the share service answered without an id and a delete token")
    link = build_link(base, share_id, key)
    expires = when + timedelta(seconds=seconds)
    record = HostedShare(share_id, link, base, when, expires, one_time, tuple(e.credential.id or "" for e in chosen))
    vault.add_share(f"hosted:{share_id}", {**record.to_json(), "kind": KIND, "delete_token": token,
                                           "presentation_id": bundle.id})
    return record


def _record(data: dict[str, Any]) -> HostedShare | None:
    if data.get("kind") != KIND:
        return None
    try:
        deleted = data.get("deleted")
        return HostedShare(str(data["id"]), str(data["link"]), str(data["server"]),
                           datetime.fromisoformat(str(data["created"]).replace("Z", "+00:00")),
                           datetime.fromisoformat(str(data["expires"]).replace("Z", "+00:00")),
                           bool(data.get("one_time")), tuple(data.get("credentials") or ()),
                           datetime.fromisoformat(str(deleted).replace("Z", "+00:00")) if deleted else None)
    except (KeyError, TypeError, ValueError):
        return None


def list_hosted(vault: VaultLike) -> list[HostedShare]:
    """The hosted links the learner made, newest first (deleted ones are kept, marked)."""
    found = [r for r in (_record(d) for d in vault.list_shares()) if r is not None]
    return sorted(found, key=lambda r: r.created, reverse=True)


def _find(vault: VaultLike, link_or_id: str) -> tuple[HostedShare, dict[str, Any]]:
    wanted = link_or_id.strip()
    if "#" in wanted or "/s/" in wanted:
        wanted = parse_link(wanted).share_id
    for data in vault.list_shares():
        record = _record(data)
        if record is not None and record.id == wanted:
            return record, data
    raise UsageError(f"no hosted link {wanted!r} in this wallet (see `wallet shares`)")


def unshare(vault: VaultLike, link_or_id: str, client: OnlineClient, *, now: datetime | None = None) -> HostedShare:
    """Delete a hosted link on the server (hard delete) and mark it deleted in the vault."""
    record, data = _find(vault, link_or_id)
    if record.deleted is None:
        try:
            client.request("DELETE", f"{record.server}/api/shares/{record.id}", kind=FetchKind.METADATA,
                           headers={"Authorization": f"Bearer {data.get('delete_token', '')}"},
                           purpose="hosted share delete")
        except HttpStatusError as exc:
            if exc.status != 404:  # 404: already gone (expired or deleted) — nothing left to delete
                raise
    when = now or datetime.now(UTC)
    vault.add_share(f"hosted:{record.id}", {**data, "deleted": expiry.format_instant(when)})
    return _record({**data, "deleted": expiry.format_instant(when)}) or record


def fetch_hosted(link: str, client: OnlineClient, *, claim: bool = False) -> tuple[HostedLink, SharePackage]:
    """Download and open a hosted link (a one-time link only with ``claim``, which burns it)."""
    parsed = parse_link(link)
    url = f"{parsed.server}/api/shares/{parsed.share_id}"
    try:
        response = client.post(f"{url}/claim", kind=FetchKind.SHARE_BLOB, purpose="hosted share") if claim \
            else client.get(url, kind=FetchKind.SHARE_BLOB, purpose="hosted share")
    except HttpStatusError as exc:
        if exc.status == 404:
            raise InputError("this link has expired or was deleted by the person who shared it") from exc
        if exc.status == 409:
            raise InputError("this link can be opened only once; open it again with --claim to use it up") from exc
        raise
    return parsed, open_package(parsed.key, response.body)


def context_from_package(package: SharePackage, *, now: datetime | None = None, challenge: str | None = None,
                         domain: str | None = None) -> VerificationContext:
    """What the holder packed (signed status lists, DID documents, issuer metadata), with its fetch times."""
    status_lists: dict[str, bytes] = {}
    token_lists: dict[str, bytes] = {}
    did_documents: dict[str, Any] = {}
    metadata: dict[str, Any] = {}
    fetched: dict[str, datetime] = {}
    for item in package.evidence:
        content = item.content
        raw = content.encode("ascii", "replace") if isinstance(content, str) else json.dumps(content).encode()
        if item.kind == "status-list":
            status_lists[item.url] = raw
        elif item.kind == "token-status-list":
            token_lists[item.url] = raw
        elif item.kind == "did-document" and isinstance(content, dict) and isinstance(content.get("id"), str):
            did_documents[content["id"]] = content
            fetched[f"did-document {content['id']}"] = item.fetched_at
            continue
        elif item.kind == "jwt-vc-issuer" and isinstance(content, dict) and isinstance(content.get("issuer"), str):
            metadata[content["issuer"]] = content
        fetched[f"{item.kind} {item.url}"] = item.fetched_at
    kwargs: dict[str, Any] = {"status_lists": status_lists, "token_status_lists": token_lists,
                              "did_documents": did_documents, "issuer_metadata": metadata, "fetched": fetched,
                              "challenge": challenge, "domain": domain}
    if now is not None:
        kwargs["now"] = now
    return VerificationContext(**kwargs)


def check_hosted(link: str, client: OnlineClient, *, claim: bool = False, challenge: str | None = None,
                 domain: str | None = None, now: datetime | None = None) -> ReceivedBundle:
    """Open a hosted link and check the bundle with the evidence the holder packed (offline, after the download)."""
    _parsed, package = fetch_hosted(link, client, claim=claim)
    ctx = context_from_package(package, now=now, challenge=challenge, domain=domain)
    raw = json.dumps(package.presentation, ensure_ascii=False).encode("utf-8")
    return verify_received(raw, ctx)
