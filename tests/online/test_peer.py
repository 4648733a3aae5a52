"""Against the independent oid4vc reference peer: real did:web, Bitstring and Token Status Lists, JWT VC
issuer metadata, over real HTTPS on loopback, with credentials the peer really issued.

The fetched evidence is then used the way the wallet will use it: verification
runs offline (sockets blocked) from it, and a revocation made at the peer
shows after the list is fetched again. With the loopback test mode off, every
one of these fetches is refused.
"""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Callable
from typing import Any

import pytest
from peers import Oid4vcPeer

from wallet.errors import AddressRefused
from wallet.formats.detect import parse
from wallet.model import CheckStatus, Credential, CredentialFormat
from wallet.online import FetchKind, OnlineClient, OnlineSettings
from wallet.online.evidence import (
    Evidence,
    EvidenceKind,
    evidence_needs,
    fetch_did_document,
    fetch_jwt_vc_issuer,
    fetch_needs,
    fetch_status_list,
    fetch_token_status_list,
    merge_needs,
)
from wallet.verify.context import VerificationContext
from wallet.verify.engine import verify


@pytest.fixture
def peer_client(oid4vc_peer: Oid4vcPeer) -> OnlineClient:
    """The client as the CLI would build it from the environment the tests set."""
    env = {"WALLET_CA_BUNDLE": oid4vc_peer.ca, "WALLET_ONLINE_ALLOW_LOOPBACK": "1"}
    return OnlineClient(OnlineSettings.from_env(env))


def _credential(record: dict[str, Any]) -> Credential:
    value = record["credential"]
    raw = value.encode() if isinstance(value, str) else json.dumps(value).encode()
    return parse(raw)


def _context(evidence: list[Evidence]) -> VerificationContext:
    return VerificationContext(
        status_lists={e.key: e.body for e in evidence if e.kind is EvidenceKind.STATUS_LIST},
        did_documents={e.key: json.loads(e.body) for e in evidence if e.kind is EvidenceKind.DID_DOCUMENT},
    )


def _token_status(record: Evidence, index: int) -> int:
    """The value at ``index`` of a token status list (draft-ietf-oauth-status-list: LSB first within a byte)."""
    payload = json.loads(base64.urlsafe_b64decode(record.body.split(b".")[1] + b"=="))
    bits = payload["status_list"]["bits"]
    data = zlib.decompress(base64.urlsafe_b64decode(payload["status_list"]["lst"] + "=="))
    per_byte = 8 // bits
    return (data[index // per_byte] >> ((index % per_byte) * bits)) & ((1 << bits) - 1)


def test_every_evidence_kind_the_peer_hosts(oid4vc_peer: Oid4vcPeer, peer_client: OnlineClient) -> None:
    did = fetch_did_document(peer_client, oid4vc_peer.did + "#key-1")
    assert did.key == oid4vc_peer.did and did.media_type == "application/did+json"
    assert json.loads(did.body)["assertionMethod"] == [oid4vc_peer.did + "#key-1"]
    for purpose in ("revocation", "suspension"):
        url = f"{oid4vc_peer.url}/status/bitstring/{purpose}"
        status = fetch_status_list(peer_client, url)
        assert status.key == url and status.media_type == "application/vc+ld+json" and status.notes == ()
        assert json.loads(status.body)["credentialSubject"]["statusPurpose"] == purpose
    token_url = f"{oid4vc_peer.url}/status/token/1"
    token = fetch_token_status_list(peer_client, token_url)
    assert token.media_type == "application/statuslist+jwt" and token.max_age is not None and token.max_age <= 60
    assert any("only 1024 entries" in n for n in token.notes)  # the peer's list is small: the user is told
    (meta,) = fetch_jwt_vc_issuer(peer_client, oid4vc_peer.url)
    keys = json.loads(meta.body)["jwks"]["keys"]
    assert meta.key == oid4vc_peer.url and [k["kid"] for k in keys] == ["sd-jwt-issuer-key-1"]


def test_issued_credentials_verify_offline_from_fetched_evidence_and_revocation_shows(
        oid4vc_peer: Oid4vcPeer, peer_client: OnlineClient, block_sockets: Callable[[], Any]) -> None:
    records = {r["format"]: r for r in oid4vc_peer.issue()}
    assert set(records) == {"dc+sd-jwt", "jwt_vc_json", "ldp_vc"}
    creds = {fmt: _credential(r) for fmt, r in records.items()}
    assert creds["ldp_vc"].format is CredentialFormat.VC_LDP and creds["jwt_vc_json"].format is CredentialFormat.VC_JWT
    needs = merge_needs(evidence_needs(c) for c in creds.values())
    assert sorted((n.kind.value, n.key.replace(oid4vc_peer.url, "B")) for n in needs) == sorted([
        ("did-document", oid4vc_peer.did), ("status-list", "B/status/bitstring/revocation"),
        ("status-list", "B/status/bitstring/suspension"), ("jwt-vc-issuer", "B"),
        ("token-status-list", "B/status/token/1")])
    results = fetch_needs(peer_client, needs)
    assert all(r.ok for r in results), [r.error for r in results]
    evidence = [e for r in results for e in r.evidence]

    with block_sockets():  # verification is offline: only the cached evidence is used
        for fmt in ("ldp_vc", "jwt_vc_json"):
            report = verify(creds[fmt], _context(evidence))
            checks = {c.name: c for c in report.checks}
            assert checks["signature"].status is CheckStatus.PASSED, checks["signature"].reason
            assert checks["status"].status is CheckStatus.PASSED, checks["status"].reason
    token = next(e for e in evidence if e.kind is EvidenceKind.TOKEN_STATUS_LIST)
    sd_index = int(records["dc+sd-jwt"]["status_index"])
    assert _token_status(token, sd_index) == 0

    oid4vc_peer.set_status(records["ldp_vc"]["id"], "revoked")
    oid4vc_peer.set_status(records["jwt_vc_json"]["id"], "suspended")
    oid4vc_peer.set_status(records["dc+sd-jwt"]["id"], "revoked")
    again = [e for r in fetch_needs(peer_client, needs) for e in r.evidence]
    before = {(e.kind, e.key): e for e in evidence}
    changed = {e.key.replace(oid4vc_peer.url, "B") for e in again if e.body != before[(e.kind, e.key)].body}
    assert {"B/status/bitstring/revocation", "B/status/bitstring/suspension", "B/status/token/1"} <= changed
    assert all(e.fetched_at >= before[(e.kind, e.key)].fetched_at for e in again)

    with block_sockets():
        revoked = {c.name: c for c in verify(creds["ldp_vc"], _context(again)).checks}["status"]
        suspended = {c.name: c for c in verify(creds["jwt_vc_json"], _context(again)).checks}["status"]
    assert revoked.status is CheckStatus.FAILED and revoked.message.id == "status.revoked_as_of"
    assert suspended.status is CheckStatus.FAILED and suspended.message.id == "status.suspended_as_of"
    new_token = next(e for e in again if e.kind is EvidenceKind.TOKEN_STATUS_LIST)
    assert _token_status(new_token, sd_index) == 1  # 1 = INVALID (revoked)


def test_with_the_test_mode_off_the_peer_is_refused(oid4vc_peer: Oid4vcPeer) -> None:
    contacted: list[str] = []
    strict = OnlineClient(OnlineSettings(ca_bundle=oid4vc_peer.ca),
                          on_contact=lambda host, when, purpose: contacted.append(host))
    needs = merge_needs(evidence_needs(_credential(r)) for r in oid4vc_peer.issue())
    assert {n.kind for n in needs} == {EvidenceKind.DID_DOCUMENT, EvidenceKind.STATUS_LIST,
                                       EvidenceKind.TOKEN_STATUS_LIST, EvidenceKind.JWT_VC_ISSUER}
    results = fetch_needs(strict, needs)
    assert len(results) == len(needs)
    assert all(r.error_type == "AddressRefused" and "loopback" in (r.error or "") for r in results), results
    with pytest.raises(AddressRefused, match="IP address 127.0.0.1"):
        strict.get(oid4vc_peer.url.replace("localhost", "127.0.0.1") + "/status/token/1", kind=FetchKind.STATUS_LIST)
    assert contacted == []  # 'localhost' is refused by name and 127.0.0.1 as a literal, before any lookup
