"""``wallet receive`` against the independent oid4vc reference peer, over real HTTPS on loopback.

Every configuration (``learning_credential_sd_jwt``, ``open_badge_jwt_vc_json``, ``open_badge_ldp_vc``)
through both flows, by value and by reference, with and without a transaction code, deferred and in a
batch; every fault switch of the peer with its documented outcome and nothing stored where nothing may be.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from peers import Oid4vcPeer

from wallet.cli import main
from wallet.storage import Vault
from wallet.verify.keys import thumbprint

from .conftest import PASSPHRASE

ALL = ["learning_credential_sd_jwt", "open_badge_jwt_vc_json", "open_badge_ldp_vc"]
FORMATS = {"learning_credential_sd_jwt": "sd-jwt", "open_badge_jwt_vc_json": "vc-jwt", "open_badge_ldp_vc": "vc-ldp"}


def receive(capsys: pytest.CaptureFixture[str], vault: Path, offer: str, *extra: str) -> tuple[int, Any, str]:
    capsys.readouterr()
    code = main(["receive", "--vault", str(vault), offer, "--yes", "--json", *extra])
    out = capsys.readouterr()
    try:
        data = json.loads(out.out) if out.out.strip() else None
    except ValueError:
        data = None
    return code, data, out.err


def stored(vault: Path) -> list[Any]:
    with Vault.open(vault, PASSPHRASE) as v:
        return list(v.list_credentials())


def issued_since(peer: Oid4vcPeer, before: set[str]) -> list[dict[str, Any]]:
    return [c for c in peer.credentials() if c["id"] not in before]


FLOWS = [
    ("pre-authorized_code", False, False), ("pre-authorized_code", False, True),
    ("pre-authorized_code", True, False), ("pre-authorized_code", True, True),
    ("authorization_code", False, False), ("authorization_code", True, False),
]


@pytest.mark.parametrize(("flow", "by_reference", "tx_code"), FLOWS)
def test_every_configuration_through_each_flow(oid4vc_peer: Oid4vcPeer, peer_env: dict[str, str], vault_path: Path,
                                               capsys: pytest.CaptureFixture[str], flow: str, by_reference: bool,
                                               tx_code: bool) -> None:
    before = {c["id"] for c in oid4vc_peer.credentials()}
    made = oid4vc_peer.offer(configurations=ALL, flow=flow, by_reference=by_reference, tx_code=tx_code)
    assert made["credential_offer_uri"].startswith("openid-credential-offer://?credential_offer" +
                                                   ("_uri=" if by_reference else "="))
    extra = ["--tx-code", made["tx_code"]] if tx_code else []
    extra += ["--no-browser"] if flow == "authorization_code" else []
    code, data, err = receive(capsys, vault_path, made["credential_offer_uri"], *extra)
    assert code == 0, err
    result = data["result"]
    assert result["all_stored"] and [c["outcome"] for c in result["credentials"]] == ["stored"] * 3
    assert {c["state"] for c in result["credentials"]} == {"valid-note"}  # valid; the issuer is not in the trust store
    rows = stored(vault_path)
    assert sorted(r.format for r in rows) == sorted(FORMATS.values())
    # each credential is bound to the key the consent summary named, and the issuer was told it was accepted
    with Vault.open(vault_path, PASSPHRASE) as v:
        keys = {k.kid: k for k in v.list_holder_keys()}
        main_key = next(k for k in keys.values() if k.main)
        for row in rows:
            kid = v.credential_key(row.id)
            assert kid in keys
            if row.format == "sd-jwt":
                assert not keys[kid].main and keys[kid].algorithm == "P-256" and keys[kid].issuer == oid4vc_peer.url
            else:
                assert kid == main_key.kid
    records = issued_since(oid4vc_peer, before)
    assert sorted(r["configuration"] for r in records) == sorted(ALL)
    for record in records:
        assert [n["event"] for n in record["notifications"]] == ["credential_accepted"]
        if record["configuration"] != "learning_credential_sd_jwt":
            assert record["holder"] == main_key.did


@pytest.mark.parametrize("flow", ["pre-authorized_code", "authorization_code"])
def test_deferred_issuance_is_collected(oid4vc_peer: Oid4vcPeer, peer_env: dict[str, str], vault_path: Path,
                                        capsys: pytest.CaptureFixture[str], flow: str) -> None:
    made = oid4vc_peer.offer(configurations=ALL, flow=flow, deferred=True)
    extra = ["--no-browser"] if flow == "authorization_code" else []
    code, data, err = receive(capsys, vault_path, made["credential_offer_uri"], *extra)
    assert code == 0, err
    assert [c["outcome"] for c in data["result"]["credentials"]] == ["stored"] * 3
    assert len(stored(vault_path)) == 3


def test_batch_issuance_binds_each_copy_to_its_own_key(oid4vc_peer: Oid4vcPeer, peer_env: dict[str, str],
                                                        vault_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {c["id"] for c in oid4vc_peer.credentials()}
    made = oid4vc_peer.offer(configurations=["learning_credential_sd_jwt"])
    code, data, err = receive(capsys, vault_path, made["credential_offer_uri"], "--batch", "3")
    assert code == 0, err
    assert data["summary"]["batch"] == 3 and len(data["result"]["credentials"]) == 3
    records = issued_since(oid4vc_peer, before)
    assert len(records) == 3 and len({json.dumps(r["holderJwk"] if "holderJwk" in r else r["holder"],
                                                 sort_keys=True) for r in records}) == 3
    with Vault.open(vault_path, PASSPHRASE) as v:
        kids = {v.credential_key(r.id) for r in v.list_credentials()}
        assert len(kids) == 3
        prints = {thumbprint(v.holder_signing_key(k)) for k in kids if k}
        assert len(prints) == 3


def test_a_wrong_transaction_code_can_be_typed_again(oid4vc_peer: Oid4vcPeer, peer_env: dict[str, str],
                                                      vault_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    made = oid4vc_peer.offer(configurations=ALL, tx_code=True, faults=["wrong_tx_code"])
    assert made["tx_code"] != made["correct_tx_code"]
    code, _data, err = receive(capsys, vault_path, made["credential_offer_uri"], "--tx-code", made["tx_code"])
    assert code == 40 and "did not accept the transaction code" in err
    assert stored(vault_path) == []
    code, data, err = receive(capsys, vault_path, made["credential_offer_uri"], "--tx-code", made["correct_tx_code"])
    assert code == 0, err  # the failed attempt did not use the offer up
    assert len(stored(vault_path)) == 3


def test_fault_wrong_signing_key_is_refused_and_nothing_stored(oid4vc_peer: Oid4vcPeer, peer_env: dict[str, str],
                                                               vault_path: Path, faults: Callable[..., Any],
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    before = {c["id"] for c in oid4vc_peer.credentials()}
    with faults("wrong_signing_key"):
        made = oid4vc_peer.offer(configurations=ALL)
        code, data, _err = receive(capsys, vault_path, made["credential_offer_uri"])
    assert code == 3
    items = data["result"]["credentials"]
    assert [c["outcome"] for c in items] == ["refused"] * 3 and {c["state"] for c in items} == {"forged"}
    assert stored(vault_path) == []
    for record in issued_since(oid4vc_peer, before):
        assert [n["event"] for n in record["notifications"]] == ["credential_failure"]


def test_fault_metadata_issuer_mismatch_stops_before_anything(oid4vc_peer: Oid4vcPeer, peer_env: dict[str, str],
                                                              vault_path: Path, faults: Callable[..., Any],
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    before = {c["id"] for c in oid4vc_peer.credentials()}
    with faults("metadata_issuer_mismatch"):
        made = oid4vc_peer.offer(configurations=ALL)
        code, data, err = receive(capsys, vault_path, made["credential_offer_uri"])
    assert code == 40 and data is None and "issuer.invalid" in err and "refused" in err
    assert stored(vault_path) == [] and issued_since(oid4vc_peer, before) == []


def test_fault_expired_pre_authorized_code(oid4vc_peer: Oid4vcPeer, peer_env: dict[str, str], vault_path: Path,
                                           faults: Callable[..., Any], capsys: pytest.CaptureFixture[str]) -> None:
    with faults("expired_pre_authorized_code"):
        made = oid4vc_peer.offer(configurations=ALL)
        code, _data, err = receive(capsys, vault_path, made["credential_offer_uri"])
    assert code == 40 and "expired" in err
    assert stored(vault_path) == []


def test_fault_stale_nonce_is_retried_once_with_a_fresh_nonce(oid4vc_peer: Oid4vcPeer, peer_env: dict[str, str],
                                                               vault_path: Path, faults: Callable[..., Any],
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    with faults("stale_nonce"):
        made = oid4vc_peer.offer(configurations=ALL)
        code, data, err = receive(capsys, vault_path, made["credential_offer_uri"])
    assert code == 0, err
    assert [c["outcome"] for c in data["result"]["credentials"]] == ["stored"] * 3


def test_fault_status_list_wrong_key_is_never_valid(oid4vc_peer: Oid4vcPeer, peer_env: dict[str, str],
                                                     vault_path: Path, faults: Callable[..., Any],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    with faults("status_list_wrong_key"):
        made = oid4vc_peer.offer(configurations=ALL)
        code, data, err = receive(capsys, vault_path, made["credential_offer_uri"])
    items = data["result"]["credentials"]
    # genuine credentials, stored with their report; their status cannot be trusted, so they are not valid
    assert [c["outcome"] for c in items] == ["stored"] * 3 and {c["state"] for c in items} == {"invalid"}, err
    with Vault.open(vault_path, PASSPHRASE) as v:
        for row in v.list_credentials():
            status = next(c for c in row.report["checks"] if c["id"] == "status")
            assert status["status"] == "failed" and status["message"]["id"] == "status.list_untrusted"
    assert code == 0


def test_malformed_offers_and_a_declined_offer_store_nothing(oid4vc_peer: Oid4vcPeer, peer_env: dict[str, str],
                                                             vault_path: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    for bad in ("openid-credential-offer://?credential_offer=%7Bnot-json", "openid-credential-offer://",
                "https://example.com/no-offer-here"):
        code, _data, err = receive(capsys, vault_path, bad)
        assert code == 3 and "not a credential offer" in err
    garbage = tmp_path / "offer.png"
    garbage.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    code, _data, err = receive(capsys, vault_path, str(garbage))
    assert code == 3
    # without --yes and without a terminal, nothing is accepted
    made = oid4vc_peer.offer(configurations=ALL)
    capsys.readouterr()
    assert main(["receive", "--vault", str(vault_path), made["credential_offer_uri"]]) == 2
    assert stored(vault_path) == []


def test_private_addresses_are_refused_without_the_test_mode(oid4vc_peer: Oid4vcPeer, peer_env: dict[str, str],
                                                             vault_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("WALLET_ONLINE_ALLOW_LOOPBACK")
    for by_reference in (False, True):
        made = oid4vc_peer.offer(configurations=ALL, by_reference=by_reference)
        code, _data, err = receive(capsys, vault_path, made["credential_offer_uri"])
        assert code == 32 and "never contacts" in err, err
    assert stored(vault_path) == []


def test_deleting_a_received_credential_tells_the_issuer(oid4vc_peer: Oid4vcPeer, peer_env: dict[str, str],
                                                         vault_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {c["id"] for c in oid4vc_peer.credentials()}
    made = oid4vc_peer.offer(configurations=["open_badge_ldp_vc"])
    code, data, _err = receive(capsys, vault_path, made["credential_offer_uri"])
    assert code == 0
    ident = data["result"]["credentials"][0]["id"]
    assert main(["remove", "--vault", str(vault_path), ident, "--yes"]) == 0
    (record,) = issued_since(oid4vc_peer, before)
    assert [n["event"] for n in record["notifications"]] == ["credential_accepted", "credential_deleted"]
    assert stored(vault_path) == []


def test_pending_credentials_are_collected_with_the_cli(oid4vc_peer: Oid4vcPeer, peer_env: dict[str, str],
                                                        vault_path: Path, client: Any,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from wallet.app.receive import inspect
    from wallet.app.receive_flow import accept

    made = oid4vc_peer.offer(configurations=ALL, deferred=True)
    with Vault.open(vault_path, PASSPHRASE) as v:
        first = accept(inspect(made["credential_offer_uri"], client=client, vault=v), vault=v, client=client,
                       max_wait=0)
    assert [i.outcome.value for i in first.items] == ["pending"] * 3
    import time

    time.sleep(1.2)  # the peer has the credentials ready after one second
    capsys.readouterr()
    assert main(["receive", "--vault", str(vault_path), "--pending", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["all_stored"] and len(result["credentials"]) == 3
    assert len(stored(vault_path)) == 3
    capsys.readouterr()
    assert main(["receive", "--vault", str(vault_path), "--pending"]) == 0
    assert "No credentials are waiting" in capsys.readouterr().out


def test_an_offer_in_a_qr_image(oid4vc_peer: Oid4vcPeer, peer_env: dict[str, str], vault_path: Path,
                                tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import qrcode

    from wallet.sharing.qr_read import qr_available

    if not qr_available():
        pytest.fail("zxing-cpp is a dependency of the wallet and must be installed")
    made = oid4vc_peer.offer(configurations=["open_badge_ldp_vc"], by_reference=True)
    image = tmp_path / "offer.png"
    qrcode.make(made["credential_offer_uri"]).save(image)
    code, data, err = receive(capsys, vault_path, str(image))
    assert code == 0, err
    assert [c["outcome"] for c in data["result"]["credentials"]] == ["stored"]
