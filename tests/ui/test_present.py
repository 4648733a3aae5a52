"""The present dialog against the real oid4vc peer (pytest-qt, offscreen): the consent screen (who asks,
verified or not, what each credential would show), sending, declining, a request nothing answers, a refused
request; openid4vp:// links routed through the link handler; the presentation history window."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from peers import Oid4vcPeer, oid4vc_peer  # noqa: F401 - the session fixture

from wallet.online import OnlineClient, OnlineSettings
from wallet.ui.screens.present_dialog import PresentDialog
from wallet.ui.screens.presentations_dialog import PresentationsDialog

from .conftest import wait_idle

ALL = ["learning_credential_sd_jwt", "open_badge_jwt_vc_json", "open_badge_ldp_vc"]


@pytest.fixture
def peer_client(oid4vc_peer: Oid4vcPeer) -> OnlineClient:  # noqa: F811
    return OnlineClient(OnlineSettings(ca_bundle=oid4vc_peer.ca, allow_loopback=True))


@pytest.fixture
def holding(window: Any, qtbot: Any, oid4vc_peer: Oid4vcPeer, peer_client: OnlineClient) -> Any:  # noqa: F811
    """The window's vault with the peer's three credentials, received through the receive use case."""
    from wallet.app.receive import inspect
    from wallet.app.receive_flow import accept
    from wallet.ui.session import Changes

    made = oid4vc_peer.offer(configurations=ALL)
    done: list[Any] = []
    window.session.mutate(lambda v, _t: accept(inspect(made["credential_offer_uri"], client=peer_client, vault=v),
                                               vault=v, client=peer_client),
                          Changes(credentials=True), owner=None, on_success=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=30000)
    assert done[0].all_stored
    wait_idle(qtbot, window)
    return window


def verdict(peer: Oid4vcPeer, made: dict[str, Any]) -> dict[str, Any]:
    return peer.admin("GET", "/admin/presentations/" + quote(made["id"], safe=""))


def _dialog(window: Any, qtbot: Any, client: OnlineClient, source: Any) -> PresentDialog:
    dialog = PresentDialog(window.session, source, window, client=client, langs=("en",))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_consent_then_sent_and_in_the_history(holding: Any, qtbot: Any, oid4vc_peer: Oid4vcPeer,  # noqa: F811
                                              peer_client: OnlineClient) -> None:
    made = oid4vc_peer.admin("POST", "/admin/presentations", {"preset": ["sd-jwt-title-ects", "ldp-openbadge"],
                                                              "response_mode": "direct_post.jwt"})
    dialog = _dialog(holding, qtbot, peer_client, made["uri"])
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.consent_page, timeout=20000)
    assert "localhost (verified by" in dialog.who_label.text()
    assert "oid4vc reference peer (test verifier)" in dialog.who_note.text() and "not verified" in dialog.who_note.text()
    assert "encrypted" in dialog.who_note.text()
    assert set(dialog.groups) == {"learning_credential", "open_badge_ldp"}
    sd = dialog.groups["learning_credential"].checkedButton()
    assert sd is not None and "achievement › title, achievement › ECTS credits" in sd.text()
    ldp = dialog.groups["open_badge_ldp"].checkedButton()
    assert ldp is not None and "everything in the credential" in ldp.text()
    assert dialog.send_button.isEnabled() and not dialog.problem_label.isVisible()
    with qtbot.waitSignal(dialog.presented, timeout=30000):
        dialog.send_button.click()
    assert dialog.pages.currentWidget() is dialog.result_page
    assert "accepted" in dialog.result_label.text() and not dialog.redirect_button.isVisible()
    result = verdict(oid4vc_peer, made)
    assert result["verified"] is True, result
    history = PresentationsDialog(holding.session, holding)
    qtbot.addWidget(history)
    qtbot.waitUntil(lambda: history.tree.topLevelItemCount() == 1, timeout=10000)
    row = history.tree.topLevelItem(0)
    assert "localhost (verified)" in row.text(1) and row.text(2) == "accepted"
    assert row.childCount() == 2
    texts = {row.child(i).text(1) for i in range(2)}
    assert any("achievement › title, achievement › ECTS credits" in t for t in texts)
    assert any("everything in the credential" in t for t in texts)


def test_declining_sends_nothing(holding: Any, qtbot: Any, oid4vc_peer: Oid4vcPeer,  # noqa: F811
                                 peer_client: OnlineClient) -> None:
    made = oid4vc_peer.admin("POST", "/admin/presentations", {"preset": "jwt-openbadge",
                                                              "client_id_prefix": "redirect_uri"})
    dialog = _dialog(holding, qtbot, peer_client, made["uri"])
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.consent_page, timeout=20000)
    assert "(unverified)" in dialog.who_label.text()
    assert "No authority the wallet trusts" in dialog.who_note.text()
    dialog.decline_button.click()
    assert not dialog.isVisible()
    assert verdict(oid4vc_peer, made)["status"] == "pending"


def test_a_request_nothing_answers(window: Any, qtbot: Any, oid4vc_peer: Oid4vcPeer,  # noqa: F811
                                   peer_client: OnlineClient) -> None:
    made = oid4vc_peer.admin("POST", "/admin/presentations", {"preset": "sd-jwt-title-ects"})
    dialog = _dialog(window, qtbot, peer_client, made["uri"])
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.consent_page, timeout=20000)
    assert not dialog.send_button.isEnabled()
    assert "SD-JWT VC" in dialog.problem_label.text()
    dialog.send()
    assert verdict(oid4vc_peer, made)["status"] == "pending"


def test_a_refused_request_goes_back_to_the_source_page(window: Any, qtbot: Any, oid4vc_peer: Oid4vcPeer,  # noqa: F811
                                                        peer_client: OnlineClient) -> None:
    made = oid4vc_peer.admin("POST", "/admin/presentations", {"preset": "sd-jwt-title-ects",
                                                              "client_id_prefix": "redirect_uri"})
    tampered = made["uri"].replace("client_id=redirect_uri", "client_id=x509_san_dns%3Alocalhost%23")
    dialog = _dialog(window, qtbot, peer_client, tampered)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.source_page, timeout=20000)
    assert "Nothing was sent." in dialog.source_error.text()


def test_openid4vp_links_open_the_present_dialog(holding: Any, qtbot: Any, oid4vc_peer: Oid4vcPeer,  # noqa: F811
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WALLET_CA_BUNDLE", oid4vc_peer.ca)
    monkeypatch.setenv("WALLET_ONLINE_ALLOW_LOOPBACK", "1")
    monkeypatch.delenv("WALLET_OFFLINE", raising=False)
    made = oid4vc_peer.admin("POST", "/admin/presentations", {"preset": "sd-jwt-title-ects"})
    holding.handle_uri(made["uri"])
    dialogs = [d for d in holding.findChildren(PresentDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.consent_page, timeout=20000)
    with qtbot.waitSignal(dialog.presented, timeout=30000):
        dialog.send_button.click()
    assert verdict(oid4vc_peer, made)["verified"] is True
    holding.present_action.trigger()
    assert len([d for d in holding.findChildren(PresentDialog) if d.isVisible()]) == 2


def test_requests_pasted_or_scanned_into_import_go_to_presenting(window: Any, qtbot: Any, tmp_path: Any,
                                                                oid4vc_peer: Oid4vcPeer) -> None:  # noqa: F811
    from wallet.sharing.qr import qr_png

    made = oid4vc_peer.admin("POST", "/admin/presentations", {"preset": "sd-jwt-title-ects"})
    importer = window.import_dialog()
    with qtbot.waitSignal(importer.requestFound, timeout=5000) as found:
        importer.paste(made["uri"])
    assert found.args[0] == made["uri"]
    opened = [d for d in window.findChildren(PresentDialog) if d.isVisible()]
    assert len(opened) == 1
    opened[0].reject()
    image = tmp_path / "qr.png"
    image.write_bytes(qr_png(made["uri"])[0])
    from wallet.ui import dialogs

    importer = window.import_dialog()
    dialogs.set_next_answer(str(image))
    with qtbot.waitSignal(importer.requestFound, timeout=10000) as scanned:
        importer.open_qr()
    assert scanned.args[0] == made["uri"]
    for dialog in window.findChildren(PresentDialog):
        dialog.reject()
