"""``wallet present`` and ``wallet presentations`` against the oid4vc peer, over real HTTPS on loopback:
a link, a QR image (cross-device), stdin; declining and choices that send nothing; the history."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from peers import Oid4vcPeer

from wallet.cli import main
from wallet.sharing.qr import qr_png
from wallet.storage import Vault


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any, str]:
    capsys.readouterr()
    code = main(list(args))
    out = capsys.readouterr()
    try:
        data = json.loads(out.out) if out.out.strip() else None
    except ValueError:
        data = out.out
    return code, data, out.err


def verdict(peer: Oid4vcPeer, made: dict[str, Any]) -> dict[str, Any]:
    return peer.admin("GET", "/admin/presentations/" + quote(made["id"], safe=""))


def held_file(held: Vault) -> str:
    return str(held.path)


def test_present_a_link_with_yes_and_json(oid4vc_peer: Oid4vcPeer, peer_env: dict[str, str], held: Vault,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    made = oid4vc_peer.admin("POST", "/admin/presentations", {"preset": "sd-jwt-title-ects",
                                                              "response_mode": "direct_post.jwt"})
    code, data, err = run(capsys, "present", "--vault", held_file(held), made["uri"], "--yes", "--json")
    assert code == 0, err
    assert data["result"]["accepted"] is True and data["result"]["status"] == 200
    assert data["summary"]["verifier"]["verified"] is True and data["summary"]["verifier"]["shown"] == "localhost"
    assert data["result"]["disclosed"][0]["claims"] == [["achievement", "title"], ["achievement", "ects_credits"]]
    assert verdict(oid4vc_peer, made)["verified"] is True
    code, listed, _ = run(capsys, "presentations", "--vault", held_file(held), "--json")
    assert code == 0 and [p["outcome"] for p in listed] == ["accepted"]
    assert listed[0]["client_id"] == "x509_san_dns:localhost"


def test_present_a_qr_image_cross_device(oid4vc_peer: Oid4vcPeer, peer_env: dict[str, str], held: Vault,
                                         tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    made = oid4vc_peer.admin("POST", "/admin/presentations", {"preset": "ldp-openbadge"})
    png, _code = qr_png(made["uri"])
    image = tmp_path / "screenshot.png"
    image.write_bytes(png)
    code, data, err = run(capsys, "present", "--vault", held_file(held), str(image), "--yes", "--json")
    assert code == 0, err
    assert verdict(oid4vc_peer, made)["verified"] is True


def test_present_from_stdin_with_a_chosen_credential(oid4vc_peer: Oid4vcPeer, peer_env: dict[str, str],
                                                     held: Vault, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    made = oid4vc_peer.admin("POST", "/admin/presentations", {"preset": "jwt-openbadge",
                                                              "client_id_prefix": "redirect_uri"})
    wanted = next(r.id for r in held.list_credentials() if r.format == "vc-jwt")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(made["uri"].encode())))
    code, out, err = run(capsys, "present", "--vault", held_file(held), "-", "--yes", "--select", wanted[:12])
    assert code == 0, err
    assert "accepted" in out
    assert verdict(oid4vc_peer, made)["verified"] is True
    code, out, _ = run(capsys, "presentations", "--vault", held_file(held))
    assert code == 0 and "(unverified)" in out and "everything in the credential" in out


def test_without_yes_and_without_a_terminal_nothing_is_sent(oid4vc_peer: Oid4vcPeer, peer_env: dict[str, str],
                                                            held: Vault, capsys: pytest.CaptureFixture[str]) -> None:
    made = oid4vc_peer.admin("POST", "/admin/presentations", {"preset": "sd-jwt-title-ects"})
    code, out, err = run(capsys, "present", "--vault", held_file(held), made["uri"])
    assert code != 0 and "--yes" in err
    assert "localhost (verified by" in out and "achievement › title, achievement › ECTS credits" in out
    assert verdict(oid4vc_peer, made)["status"] == "pending"
    assert run(capsys, "presentations", "--vault", held_file(held), "--json")[1] == []


def test_a_choice_that_does_not_answer_sends_nothing(oid4vc_peer: Oid4vcPeer, peer_env: dict[str, str],
                                                     held: Vault, capsys: pytest.CaptureFixture[str]) -> None:
    made = oid4vc_peer.admin("POST", "/admin/presentations", {"preset": "sd-jwt-title-ects"})
    other = next(r.id for r in held.list_credentials() if r.format == "vc-ldp")
    code, _out, err = run(capsys, "present", "--vault", held_file(held), made["uri"], "--yes", "--select", other)
    assert code == 2 and "does not answer any query" in err
    assert verdict(oid4vc_peer, made)["status"] == "pending"


def test_nothing_matches_is_explained(oid4vc_peer: Oid4vcPeer, peer_env: dict[str, str], vault_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    made = oid4vc_peer.admin("POST", "/admin/presentations", {"preset": "sd-jwt-title-ects"})
    code, _out, err = run(capsys, "present", "--vault", str(vault_path), made["uri"], "--yes")
    assert code != 0 and "None of your credentials answers this request" in err and "SD-JWT VC" in err
    assert verdict(oid4vc_peer, made)["status"] == "pending"
