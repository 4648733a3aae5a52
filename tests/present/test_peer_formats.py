"""Presenting to the oid4vc reference peer's verifier: every format, same-device and cross-device requests,
direct_post and direct_post.jwt, the peer's verdict read from its admin endpoint."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from peers import Oid4vcPeer

from wallet.app.presenting.history import history
from wallet.app.presenting.inspect import inspect
from wallet.app.presenting.send import send
from wallet.online import OnlineClient
from wallet.storage import Vault

PRESETS = {"dc+sd-jwt": "sd-jwt-title-ects", "ldp_vc": "ldp-openbadge", "jwt_vc_json": "jwt-openbadge"}


def verdict(peer: Oid4vcPeer, made: dict[str, Any]) -> dict[str, Any]:
    return peer.admin("GET", "/admin/presentations/" + quote(made["id"], safe=""))


def present(peer: Oid4vcPeer, vault: Vault, client: OnlineClient, **request: Any) -> tuple[dict[str, Any], Any]:
    made = peer.admin("POST", "/admin/presentations", request)
    summary = inspect(made["uri"], client=client, vault=vault)
    assert summary.answerable, summary.to_json()["why_not"]
    outcome = send(summary, vault=vault, client=client)
    assert outcome.accepted and outcome.answer.status == 200
    return verdict(peer, made), summary


@pytest.mark.parametrize("fmt", list(PRESETS))
@pytest.mark.parametrize("prefix", ["x509_san_dns", "redirect_uri"])
@pytest.mark.parametrize("mode", ["direct_post", "direct_post.jwt"])
def test_each_format_is_verified_by_the_peer(oid4vc_peer: Oid4vcPeer, held: Vault, client: OnlineClient,
                                             fmt: str, prefix: str, mode: str) -> None:
    result, summary = present(oid4vc_peer, held, client, preset=PRESETS[fmt], client_id_prefix=prefix,
                              response_mode=mode)
    assert result["verified"] is True, result
    assert result["errors"] == [] and result["dcql_satisfied"] is True
    (cred,) = result["credentials"]
    assert cred["format"] == fmt and cred["verified"] is True
    assert summary.verified is (prefix == "x509_san_dns")
    assert summary.request.identity.signed is (prefix == "x509_san_dns")
    (item,) = history(held)
    assert item.outcome == "accepted" and item.client_id == result["client_id"]
    assert item.credentials[0]["format"] == fmt


def test_sd_jwt_discloses_only_what_is_asked(oid4vc_peer: Oid4vcPeer, held: Vault, client: OnlineClient) -> None:
    result, _summary = present(oid4vc_peer, held, client, preset="sd-jwt-title-ects")
    assert result["verified"] is True, result
    disclosed = result["credentials"][0]["disclosed"]
    assert disclosed["achievement"] == {"title": {"en": "Introduction to Data Science",
                                                  "sl": "Uvod v podatkovno znanost"}, "ects_credits": 5}
    assert disclosed["learner"] == {} and disclosed["issuing_institution"] == {}
    (item,) = history(held)
    assert item.credentials[0]["claims"] == [["achievement", "title"], ["achievement", "ects_credits"]]


def test_all_three_in_one_request(oid4vc_peer: Oid4vcPeer, held: Vault, client: OnlineClient) -> None:
    result, summary = present(oid4vc_peer, held, client, preset=list(PRESETS.values()),
                              response_mode="direct_post.jwt")
    assert result["verified"] is True, result
    assert sorted(c["format"] for c in result["credentials"]) == sorted(PRESETS)
    assert set(summary.choice) == {"learning_credential", "open_badge_ldp", "open_badge_jwt"}


def test_a_second_answer_is_rejected_and_recorded(oid4vc_peer: Oid4vcPeer, held: Vault,
                                                  client: OnlineClient) -> None:
    made = oid4vc_peer.admin("POST", "/admin/presentations", {"preset": "sd-jwt-title-ects"})
    summary = inspect(made["uri"], client=client, vault=held)
    assert send(summary, vault=held, client=client).accepted
    again = send(summary, vault=held, client=client)  # the peer takes one answer per request
    assert not again.accepted and again.answer.status == 400 and again.answer.error == "invalid_request"
    assert again.message().id == "present.rejected"
    assert [i.outcome for i in history(held)] == ["rejected", "accepted"]
