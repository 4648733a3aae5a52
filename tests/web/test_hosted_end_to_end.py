"""Hosted links end to end: the wallet CLI uploads to the real share service, an employer opens the link in Chromium.

Everything is real and on loopback: `wallet share-server` (SQLite) as a subprocess serving the built
viewer page, the `wallet` command sealing and uploading (the online client in its loopback test mode),
and Debian's Chromium reading the verdict — in English and in Slovenian, for a bundle that checks out and
one with a revoked credential; then delete and one-time links.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.share_server.test_server_process import running_server
from wallet.app.credentials import list_rows
from wallet.app.demo import create_demo_vault
from wallet.cli import main
from wallet.resources import resource

pytestmark = pytest.mark.slow


@pytest.fixture()
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, dict[str, str]]:
    vault, passphrase = create_demo_vault(tmp_path / "demo")
    try:
        states = {row.id: row.state for row in list_rows(vault)}
        path = str(vault.path)
    finally:
        vault.close()
    monkeypatch.setenv("WALLET_PASSPHRASE", passphrase)
    monkeypatch.setenv("WALLET_ONLINE_ALLOW_LOOPBACK", "1")
    return path, states


@pytest.fixture()
def server(tmp_path: Path) -> str:
    with running_server("--db", f"sqlite:///{tmp_path / 'shares.db'}", "--static", str(resource("viewer"))) as (url, _p):
        yield url


def _share(capsys: pytest.CaptureFixture[str], vault: str, server: str, ids: list[str], *extra: str) -> str:
    capsys.readouterr()
    assert main(["share", *ids, "--hosted", "--server", server, "--vault", vault, "--yes", *extra]) == 0
    return capsys.readouterr().out.strip().splitlines()[-1]


def test_an_employer_opens_the_link_and_sees_it_checked(demo, server, viewer, capsys) -> None:
    vault, states = demo
    good = [i for i, s in states.items() if s in ("valid", "valid-note")][:3]
    link = _share(capsys, vault, server, good)
    assert link.startswith(f"{server}/s/") and "#v=1&k=" in link
    v = viewer("en-GB", clock=None)
    v.open(link)
    assert v.headline() == "✓ Checks out"
    assert len(v.page.query_selector_all("article.credential")) == 3
    v.screenshot("hosted-e2e-en")
    sl = viewer("sl-SI", clock=None)
    sl.open(link)
    assert sl.headline() == "✓ Vse se ujema"
    sl.screenshot("hosted-e2e-sl")
    # the wallet's own recipient command reads the same link
    assert main(["verify-bundle", link]) == 0
    assert "Checks out" in capsys.readouterr().out
    # what the learner shared, and the QR code of the short link
    assert main(["shares", "--vault", vault, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["link"] == link and not listed[0]["expired"] and listed[0]["deleted"] is None


def test_a_revoked_credential_shows_revoked_from_the_evidence_pack(demo, server, viewer, capsys) -> None:
    vault, states = demo
    revoked = [i for i, s in states.items() if s == "revoked"]
    assert revoked, states
    link = _share(capsys, vault, server, revoked)
    v = viewer("en-GB", clock=None)
    v.open(link)
    assert v.headline() == "✗ Do not rely on this"
    assert "Revoked" in v.text()
    v.screenshot("hosted-e2e-revoked")
    assert main(["verify-bundle", link]) == 6
    assert "Do not rely on this" in capsys.readouterr().out


def test_delete_and_one_time_links(demo, server, viewer, capsys, tmp_path: Path) -> None:
    vault, states = demo
    good = [i for i, s in states.items() if s in ("valid", "valid-note")][:1]
    link = _share(capsys, vault, server, good)
    assert main(["unshare", link, "--vault", vault]) == 0
    v = viewer("en-GB", clock=None)
    v.open(link)
    assert "expired or was deleted" in v.text()
    capsys.readouterr()
    assert main(["verify-bundle", link]) == 3
    assert "expired or was deleted" in capsys.readouterr().err
    once = _share(capsys, vault, server, good, "--one-time")
    assert main(["verify-bundle", once]) == 3
    assert "only once" in capsys.readouterr().err
    assert main(["verify-bundle", once, "--claim"]) == 0
    assert main(["verify-bundle", once, "--claim"]) == 3
    # a QR code of a hosted link is small whatever the bundle's size
    many = [i for i, s in states.items() if s in ("valid", "valid-note")]
    qr = tmp_path / "many.png"
    capsys.readouterr()
    assert main(["share", *many, "--hosted", "--server", server, "--qr", str(qr), "--vault", vault, "--yes"]) == 0
    out = capsys.readouterr().out
    version = int(out.split("version-")[1].split()[0])
    assert version <= 10, out
