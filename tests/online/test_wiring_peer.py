"""Issue #12 "Done means", end to end through the CLI, against the independent oid4vc peer over real HTTPS.

The peer issues real credentials (its admin API + its own ``client.mjs
receive``); the wallet imports them with ``--online`` (DID document, status
lists, JWT VC issuer metadata and Token Status List fetched and cached),
then the peer revokes or suspends them and ``wallet refresh`` shows it, with
when the list was fetched. Verification and reverification run with sockets
blocked; offline mode and "no route" still verify from the cache. With the
loopback test mode off, every fetch to the peer is refused.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from peers import Oid4vcPeer

from wallet.app.context import context_from_vault
from wallet.app.online import make_client
from wallet.app.refresh import refresh
from wallet.cli import main
from wallet.messages import render
from wallet.storage import Vault

PASSPHRASE = "online wiring test"


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, oid4vc_peer: Oid4vcPeer) -> Path:
    """The environment a user's CLI would have: the peer's CA trusted, the (tests-only) loopback mode on."""
    monkeypatch.setenv("WALLET_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("WALLET_CA_BUNDLE", oid4vc_peer.ca)
    monkeypatch.setenv("WALLET_ONLINE_ALLOW_LOOPBACK", "1")
    monkeypatch.delenv("WALLET_OFFLINE", raising=False)
    vault = tmp_path / "v.db"
    assert main(["init", "--vault", str(vault), "--kdf-memory-mib", "64"]) == 0
    return vault


def _issue(peer: Oid4vcPeer, folder: Path) -> dict[str, tuple[dict[str, Any], Path]]:
    """Fresh credentials of all three formats, each written to a file as a user would save it."""
    out: dict[str, tuple[dict[str, Any], Path]] = {}
    for record in peer.issue():
        value = record["credential"]
        name = {"ldp_vc": "badge.json", "jwt_vc_json": "badge.jwt", "dc+sd-jwt": "learning.sd-jwt"}[record["format"]]
        path = folder / name
        path.write_text(value if isinstance(value, str) else json.dumps(value))
        out[record["format"]] = (record, path)
    return out


def _json_lines(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]


def _run_json(capsys: pytest.CaptureFixture[str], *argv: str, code: int = 0) -> Any:
    capsys.readouterr()
    assert main(list(argv)) == code
    return json.loads(capsys.readouterr().out)


def test_did_web_credential_imports_valid_then_refresh_shows_revoked(
        env: Path, oid4vc_peer: Oid4vcPeer, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        block_sockets: Callable[[], Any]) -> None:
    vault = str(env)
    issued = _issue(oid4vc_peer, tmp_path)
    record, path = issued["ldp_vc"]
    assert main(["trust", "add-issuer", "--vault", vault, oid4vc_peer.did, "--label", "Univerza v Ljubljani"]) == 0
    capsys.readouterr()
    assert main(["import", "--vault", vault, "--online", "--json", str(path)]) == 0
    rows = _json_lines(capsys)
    fetched = [r for r in rows if r["outcome"] == "fetched"]
    assert {r["message"]["params"]["what"] for r in fetched} >= {"did-document", "status-list"}
    (imported,) = [r for r in rows if r["outcome"] == "imported"]
    assert imported["state"] == "valid", imported
    ident = imported["id"]

    evidence = _run_json(capsys, "evidence", "list", "--vault", vault, "--json")
    by_key = {(e["kind"], e["key"]): e for e in evidence["evidence"]}
    did_doc = by_key[("did-document", oid4vc_peer.did)]  # the DID document is cached with where and when
    assert did_doc["source_url"] == oid4vc_peer.url + "/.well-known/did.json" and did_doc["media_type"]
    assert ("status-list", oid4vc_peer.url + "/status/bitstring/revocation") in by_key
    assert evidence["cache"]["count"] == len(evidence["evidence"]) and evidence["cache"]["bytes"] > 0

    oid4vc_peer.set_status(record["id"], "revoked")
    with block_sockets():  # reverification only reads the cache: still valid, as of the earlier fetch
        assert main(["reverify", "--vault", vault, ident]) == 0
    result = _run_json(capsys, "refresh", "--vault", vault, "--json")
    assert result["failed"] == [] and result["offline"] is False
    (change,) = [c for c in result["changes"] if c["id"] == ident]
    assert change["before"] == "valid" and change["after"] == "revoked"
    assert change["message"]["id"] == "refresh.revoked_since"
    report = next(c for c in result["credentials"] if c["id"] == ident)
    status = next(c for c in report["checks"] if c["id"] == "status")
    assert status["message"]["id"] == "status.revoked_as_of"
    as_of = status["message"]["params"]["as_of"]
    assert as_of["id"] == "status.as_of" and as_of["params"]["fetched"] and as_of["params"]["issued"]

    capsys.readouterr()
    with block_sockets():
        assert main(["show", "--vault", vault, ident]) == 0
    shown = capsys.readouterr().out
    assert "Revoked: the issuer has revoked this credential (checked against the issuer's status list fetched on" in shown

    hosts = _run_json(capsys, "hosts", "--vault", vault, "--json")
    (peer_host,) = hosts["hosts"]
    assert peer_host["host"] == "localhost" and peer_host["count"] >= 3
    assert {"status list", f"DID document of {oid4vc_peer.did}"} <= set(peer_host["purposes"])


def test_vc_jwt_with_bitstring_status_and_offline_mode(
        env: Path, oid4vc_peer: Oid4vcPeer, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        block_sockets: Callable[[], Any]) -> None:
    vault = str(env)
    record, path = _issue(oid4vc_peer, tmp_path)["jwt_vc_json"]
    capsys.readouterr()
    assert main(["import", "--vault", vault, "--online", "--json", str(path)]) == 0
    (imported,) = [r for r in _json_lines(capsys) if r["outcome"] == "imported"]
    assert imported["state"] == "valid-note"  # genuine and in force; the issuer is just not in the trust store
    ident = imported["id"]

    oid4vc_peer.set_status(record["id"], "suspended")
    # Offline mode: nothing is contacted, the cache still answers, "as of" the earlier fetch.
    assert main(["settings", "set", "--vault", vault, "online.offline", "on"]) == 0
    contacts_before = _run_json(capsys, "hosts", "--vault", vault, "--log", "--json")["contacts"]
    with block_sockets():
        result = _run_json(capsys, "refresh", "--vault", vault, "--json", code=31)
    assert result["offline"] is True and result["fetched"] == []
    assert {f["error"] for f in result["failed"]} == {"OfflineMode"}
    report = next(c for c in result["credentials"] if c["id"] == ident)
    status = next(c for c in report["checks"] if c["id"] == "status")
    assert status["status"] == "passed" and status["message"]["params"]["as_of"]["id"] == "status.as_of"
    assert _run_json(capsys, "hosts", "--vault", vault, "--log", "--json")["contacts"] == contacts_before

    # Online again: the suspension shows.
    assert main(["settings", "set", "--vault", vault, "online.offline", "off"]) == 0
    result = _run_json(capsys, "refresh", "--vault", vault, ident, "--json")
    (change,) = result["changes"]
    assert change["after"] == "suspended" and change["message"]["id"] == "refresh.suspended_since"

    # --offline on the command does the same as the setting.
    with block_sockets():
        assert main(["refresh", "--vault", vault, "--offline"]) == 31
        assert main(["import", "--vault", vault, "--offline", str(path)]) == 0


def test_no_route_still_verifies_from_the_cache(env: Path, oid4vc_peer: Oid4vcPeer, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    vault_path = str(env)
    _record, path = _issue(oid4vc_peer, tmp_path)["ldp_vc"]
    assert main(["import", "--vault", vault_path, "--online", str(path)]) == 0

    def no_route(host: str, port: int) -> list[str]:
        raise OSError(101, "Network is unreachable")

    with Vault.open(vault_path, PASSPHRASE) as vault:
        result = refresh(vault, client=make_client(vault, resolver=no_route))
        assert result.fetched == () and result.failed and not result.offline
        assert {f.error for f in result.failed} == {"ConnectionFailed"}
        (item,) = result.reverified
        status = next(c for c in item.report.checks if c.id.value == "status")
        assert status.status.value == "passed" and "fetched on" in render(status.message)


def test_sd_jwt_evidence_fills_the_context_for_token_status_and_issuer_keys(
        env: Path, oid4vc_peer: Oid4vcPeer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    vault_path = str(env)
    _record, path = _issue(oid4vc_peer, tmp_path)["dc+sd-jwt"]
    capsys.readouterr()
    assert main(["import", "--vault", vault_path, "--online", "--json", str(path)]) == 0
    fetched = {r["message"]["params"]["what"] for r in _json_lines(capsys) if r["outcome"] == "fetched"}
    assert fetched == {"jwt-vc-issuer", "token-status-list"}
    with Vault.open(vault_path, PASSPHRASE) as vault:
        ctx = context_from_vault(vault)
    token_url = oid4vc_peer.url + "/status/token/1"
    assert ctx.token_status_lists[token_url].count(b".") == 2  # the statuslist+jwt exactly as fetched
    assert ctx.fetched_at("token-status-list", token_url) is not None
    keys = ctx.issuer_metadata[oid4vc_peer.url]["jwks"]["keys"]
    assert [k["kid"] for k in keys] == ["sd-jwt-issuer-key-1"]
    assert ctx.fetched_at("jwt-vc-issuer", oid4vc_peer.url) is not None


def test_verify_and_reverify_make_no_network_call(env: Path, oid4vc_peer: Oid4vcPeer, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str],
                                                  block_sockets: Callable[[], Any]) -> None:
    vault = str(env)
    issued = _issue(oid4vc_peer, tmp_path)
    assert main(["import", "--vault", vault, "--online", *[str(p) for _r, p in issued.values()]]) == 0
    with block_sockets():
        assert main(["reverify", "--vault", vault]) in (0, 6)
        assert main(["verify", str(issued["ldp_vc"][1])]) in (0, 6)
        assert main(["list", "--vault", vault, "--json"]) == 0
        assert main(["import", "--vault", vault, str(issued["ldp_vc"][1])]) == 0  # default: ask; not a tty


def test_with_the_test_mode_off_every_loopback_target_is_refused(
        env: Path, oid4vc_peer: Oid4vcPeer, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    vault = str(env)
    issued = _issue(oid4vc_peer, tmp_path)
    monkeypatch.delenv("WALLET_ONLINE_ALLOW_LOOPBACK")
    capsys.readouterr()
    assert main(["import", "--vault", vault, "--online", "--json", *[str(p) for _r, p in issued.values()]]) == 0
    rows = _json_lines(capsys)
    refused = [r for r in rows if r["outcome"] == "not-fetched"]
    assert len(refused) == 5 and not [r for r in rows if r["outcome"] == "fetched"]
    assert all("loopback" in r["message"]["params"]["detail"] for r in refused)
    result = _run_json(capsys, "refresh", "--vault", vault, "--json", code=30)
    assert result["fetched"] == [] and {f["error"] for f in result["failed"]} == {"AddressRefused"}
    assert _run_json(capsys, "hosts", "--vault", vault, "--log", "--json")["contacts"] == []  # refused by name


def test_asking_once_per_host(env: Path, oid4vc_peer: Oid4vcPeer, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    vault = str(env)
    issued = _issue(oid4vc_peer, tmp_path)
    capsys.readouterr()
    assert main(["import", "--vault", vault, "--json", str(issued["ldp_vc"][1])]) == 0  # not a terminal: nobody asked
    out = capsys.readouterr()
    assert "not fetched from localhost" in out.err
    assert [r["outcome"] for r in map(json.loads, out.out.splitlines())] == ["imported"]
    assert main(["hosts", "--vault", vault, "--allow", "localhost"]) == 0
    capsys.readouterr()
    assert main(["import", "--vault", vault, "--json", str(issued["jwt_vc_json"][1])]) == 0  # allowed: fetched
    assert any(r["outcome"] == "fetched" for r in _json_lines(capsys))
    assert main(["settings", "set", "--vault", vault, "online.fetch", "never"]) == 0
    capsys.readouterr()
    assert main(["import", "--vault", vault, "--json", str(issued["dc+sd-jwt"][1])]) == 0
    assert [r["outcome"] for r in _json_lines(capsys)] == ["imported"]
