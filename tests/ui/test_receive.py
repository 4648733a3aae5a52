"""The receive dialog against the real oid4vc peer (pytest-qt): consent, transaction code, decline, both flows;
offers routed from the import dialog and from URI launches; one running instance gets later launches' links."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
from peers import Oid4vcPeer, oid4vc_peer  # noqa: F401 - the session fixture

from wallet.online import OnlineClient, OnlineSettings
from wallet.ui.screens.receive_dialog import ReceiveDialog, looks_like_offer

from .conftest import wait_idle

ALL = ["learning_credential_sd_jwt", "open_badge_jwt_vc_json", "open_badge_ldp_vc"]


@pytest.fixture
def peer_client(oid4vc_peer: Oid4vcPeer) -> OnlineClient:  # noqa: F811
    return OnlineClient(OnlineSettings(ca_bundle=oid4vc_peer.ca, allow_loopback=True))


def _open_dialogs(window: Any) -> list[ReceiveDialog]:
    return [d for d in window.findChildren(ReceiveDialog) if d.isVisible()]


def _count(window: Any) -> int:
    return int(window.credentials.model.rowCount())


def _dialog(window: Any, qtbot: Any, client: OnlineClient, source: Any, **kw: Any) -> ReceiveDialog:
    from wallet.app.receive_flow import headless_browser

    dialog = ReceiveDialog(window.session, source, window, client=client, browser=headless_browser(client), **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_consent_screen_then_stored(window: Any, qtbot: Any, oid4vc_peer: Oid4vcPeer,  # noqa: F811
                                    peer_client: OnlineClient) -> None:
    before = _count(window)
    made = oid4vc_peer.offer(configurations=ALL, tx_code=True, faults=["wrong_tx_code"])
    dialog = _dialog(window, qtbot, peer_client, made["credential_offer_uri"], langs=("sl", "en"))
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.consent_page, timeout=20000)
    assert "Referenčni vrstnik oid4vc" in dialog.issuer_label.text()
    names = [c.name for c in dialog.summary.credentials]
    assert names[0] == "Mikrodokazilo (učni dosežek)" and dialog.tx_edit.isVisible()
    assert "Test PIN" in dialog.tx_label.text() and "6" in dialog.tx_label.text()
    assert "#0b6e4f" in dialog.cards.itemAt(0).widget().styleSheet()
    assert dialog.sends.text().count("•") >= 4
    # a code of the wrong form never leaves the dialog
    dialog.tx_edit.setText("12")
    dialog.accept_button.click()
    assert dialog.pages.currentWidget() is dialog.consent_page and dialog.tx_error.text()
    # the issuer refuses a wrong code: back to the consent page, nothing used up, then the right code works
    dialog.tx_edit.setText(made["tx_code"])
    dialog.accept_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.consent_page and bool(dialog.tx_error.text()),
                    timeout=20000)
    assert "transaction code" in dialog.tx_error.text().lower() or "transakcijsk" in dialog.tx_error.text().lower()
    dialog.tx_edit.setText(made["correct_tx_code"])
    with qtbot.waitSignal(dialog.received, timeout=30000) as stored:
        dialog.accept_button.click()
    assert len(stored.args[0]) == 3 and dialog.pages.currentWidget() is dialog.result_page
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: _count(window) == before + 3, timeout=10000)
    # the detail view shows each SD-JWT claim, the disclosable ones marked
    from wallet.app import credentials

    shown: list[Any] = []
    for ident in stored.args[0]:
        window.session.call(lambda v, _t, i=ident: credentials.detail(v, i), owner=None, on_success=shown.append)
    qtbot.waitUntil(lambda: len(shown) == 3, timeout=10000)
    detail = next(d for d in shown if d.format == "sd-jwt")
    window.credentials.detail.show_detail(detail, ("en",))
    text = window.credentials.detail.elements.toPlainText()
    assert "achievement › ECTS credits" in text and "disclosable" in text


def test_declining_stores_nothing(window: Any, qtbot: Any, oid4vc_peer: Oid4vcPeer,  # noqa: F811
                                  peer_client: OnlineClient) -> None:
    before = _count(window)
    made = oid4vc_peer.offer(configurations=ALL)
    dialog = _dialog(window, qtbot, peer_client, made["credential_offer_uri"])
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.consent_page, timeout=20000)
    dialog.decline_button.click()
    assert not dialog.isVisible()
    wait_idle(qtbot, window)
    assert _count(window) == before
    assert not [c for c in oid4vc_peer.credentials() if c.get("sessionId") == made["offer_id"]]


def test_authorization_code_flow_in_the_app(window: Any, qtbot: Any, oid4vc_peer: Oid4vcPeer,  # noqa: F811
                                            peer_client: OnlineClient) -> None:
    before = _count(window)
    made = oid4vc_peer.offer(configurations=ALL, flow="authorization_code", by_reference=True)
    dialog = _dialog(window, qtbot, peer_client, made["credential_offer_uri"])
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.consent_page, timeout=20000)
    assert not dialog.tx_edit.isVisible()
    with qtbot.waitSignal(dialog.received, timeout=30000):
        dialog.accept_button.click()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: _count(window) == before + 3, timeout=10000)


def test_a_bad_offer_is_explained_on_the_source_page(window: Any, qtbot: Any, peer_client: OnlineClient) -> None:
    dialog = _dialog(window, qtbot, peer_client, None)
    assert dialog.pages.currentWidget() is dialog.source_page
    dialog.offer_edit.setText("openid-credential-offer://?credential_offer=%7Bbroken")
    dialog.continue_button.click()
    qtbot.waitUntil(lambda: bool(dialog.source_error.text()), timeout=10000)
    assert dialog.pages.currentWidget() is dialog.source_page


def test_offers_pasted_into_import_and_opened_links_go_to_receiving(window: Any, qtbot: Any,
                                                                     oid4vc_peer: Oid4vcPeer) -> None:  # noqa: F811
    made = oid4vc_peer.offer(configurations=ALL)
    assert looks_like_offer(made["credential_offer_uri"]) and not looks_like_offer('{"@context": []}')
    importer = window.import_dialog()
    with qtbot.waitSignal(importer.offerFound, timeout=5000) as found:
        importer.paste(made["credential_offer_uri"])
    assert found.args[0] == made["credential_offer_uri"]
    opened = _open_dialogs(window)
    assert opened, "the main window opened the receive dialog"
    for dialog in opened:
        dialog.reject()
    # a link opened while the wallet is locked waits for the unlock
    window.session.lock()
    qtbot.waitUntil(lambda: not window.session.is_open, timeout=5000)
    window.handle_uri(made["credential_offer_uri"])
    assert window.pending_uris == [made["credential_offer_uri"]] and not _open_dialogs(window)
    from .conftest import PASSPHRASE

    window.unlock_screen.open_page.passphrase.setText(PASSPHRASE)
    window.unlock_screen.open_page.submit()
    qtbot.waitUntil(lambda: bool(_open_dialogs(window)), timeout=10000)
    assert window.pending_uris == []
    for dialog in _open_dialogs(window):
        dialog.reject()
    wait_idle(qtbot, window)


def test_one_instance_receives_the_links_of_later_launches(qtbot: Any, tmp_path: Path) -> None:
    from wallet.ui.app import InstanceServer, send_to_running

    name = f"learner-wallet-test-{uuid.uuid4().hex[:12]}"
    assert not send_to_running("nobody", name, timeout_ms=200)
    server = InstanceServer(name)
    try:
        assert server.listening
        offer = "openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fissuer.example%2Fo%2F1"
        script = ("import sys\nfrom PySide6.QtCore import QCoreApplication\nfrom wallet.ui.app import send_to_running\n"
                  "app = QCoreApplication([])\nsys.exit(0 if send_to_running(sys.argv[1], sys.argv[2]) else 5)\n")
        with qtbot.waitSignal(server.received, timeout=15000) as got:
            later = subprocess.Popen([sys.executable, "-c", script, offer, name],
                                     cwd=Path(__file__).resolve().parents[2])
            qtbot.waitUntil(lambda: later.poll() is not None, timeout=15000)
        assert later.returncode == 0 and got.args[0] == offer
    finally:
        server.close()
    # a socket left behind by a crashed instance does not stop the next one from listening
    again = InstanceServer(name)
    assert again.listening
    again.close()


def test_handle_uri_brings_the_window_up_and_routes_each_kind(window: Any, qtbot: Any) -> None:
    from wallet.ui import dialogs

    dialogs.set_next_answer(None)
    from wallet.ui.screens.present_dialog import PresentDialog

    window.handle_uri("openid4vp://?client_id=x&request_uri=https%3A%2F%2Fverifier.example%2Fr")
    (present,) = [d for d in window.findChildren(PresentDialog) if d.isVisible()]
    qtbot.waitUntil(lambda: present.pages.currentWidget() is present.source_page, timeout=10000)
    assert "cannot tell who sent this request" in present.source_error.text()  # refused before any network
    present.reject()
    dialogs.set_next_answer(None)
    window.handle_uri("mailto:someone@example.com")
    assert any("does not know" in text for _kind, text in dialogs.shown())


def test_collect_waiting_credentials(window: Any, qtbot: Any, oid4vc_peer: Oid4vcPeer,  # noqa: F811
                                     peer_client: OnlineClient) -> None:
    from wallet.app.receive import inspect
    from wallet.app.receive_flow import accept
    from wallet.ui.session import Changes

    made = oid4vc_peer.offer(configurations=["open_badge_ldp_vc"], deferred=True)
    first: list[Any] = []
    window.session.mutate(lambda v, _t: accept(inspect(made["credential_offer_uri"], client=peer_client, vault=v),
                                               vault=v, client=peer_client, max_wait=0),
                          Changes(credentials=True), owner=None, on_success=first.append)
    qtbot.waitUntil(lambda: bool(first), timeout=20000)
    assert [i.outcome.value for i in first[0].items] == ["pending"]
    dialog = _dialog(window, qtbot, peer_client, None)
    qtbot.waitUntil(lambda: dialog.pending_button.isVisible(), timeout=10000)
    with qtbot.waitSignal(dialog.received, timeout=20000) as got:
        dialog.pending_button.click()
    assert len(got.args[0]) == 1
