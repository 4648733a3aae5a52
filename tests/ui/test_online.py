"""The app goes online on purpose (issue #12), against the oid4vc peer over real HTTPS on loopback.

"Refresh evidence" turns a credential the peer revoked into "Revoked" and
says what changed; the import dialog asks once per issuer host; the schedule
fetches what is due and re-checks; Settings ▸ Online shows the contacted hosts
and switches offline mode on.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from peers import Oid4vcPeer, oid4vc_peer  # noqa: F401 - the session fixture

from tests.ui.conftest import PASSPHRASE, wait_idle
from wallet.app.importing import ImportItem, import_items
from wallet.app.online import make_client
from wallet.storage import KdfParams, Vault
from wallet.storage.evidence import EvidenceRow
from wallet.ui import dialogs


@pytest.fixture
def online_env(monkeypatch: pytest.MonkeyPatch, oid4vc_peer: Oid4vcPeer) -> Oid4vcPeer:  # noqa: F811
    monkeypatch.setenv("WALLET_CA_BUNDLE", oid4vc_peer.ca)
    monkeypatch.setenv("WALLET_ONLINE_ALLOW_LOOPBACK", "1")
    monkeypatch.delenv("WALLET_OFFLINE", raising=False)
    return oid4vc_peer


def _issued(peer: Oid4vcPeer) -> dict[str, tuple[dict[str, Any], bytes]]:
    out = {}
    for record in peer.issue():
        value = record["credential"]
        out[record["format"]] = (record, (value if isinstance(value, str) else json.dumps(value)).encode())
    return out


def _vault_with(path: Path, peer: Oid4vcPeer, raw: bytes, *, stale: bool = False) -> str:
    """A vault holding one peer credential imported online (its evidence cached), as a user would have it."""
    with Vault.create(path, PASSPHRASE, KdfParams.floor()) as vault:
        vault.add_trusted_issuer(peer.did, "Univerza v Ljubljani (test)")
        results = import_items(vault, [ImportItem("badge.json", raw)], online=True, client=make_client(vault))
        ident = next(r.credential_id for r in results if r.credential_id)
        if stale:  # as if fetched two days ago: the schedule finds it due
            rows = []
            for record in vault.evidence_records(with_data=True):
                assert record.data is not None
                rows.append(EvidenceRow(record.kind, record.key, record.data, record.fetched_at - timedelta(days=2),
                                        record.source_url, record.media_type, record.max_age, record.issued_at,
                                        record.notes, record.http_status, record.revoked))
            vault.put_evidence_rows(rows)
    assert ident is not None
    return ident


def _open(make_window: Any, path: Path, qtbot: Any) -> Any:
    window = make_window(path)
    window.unlock_screen.open_page.passphrase.setText(PASSPHRASE)
    window.unlock_screen.open_page.submit()
    qtbot.waitUntil(lambda: window.session.is_open, timeout=10000)
    qtbot.waitUntil(lambda: window.credentials.model.rowCount() > 0, timeout=10000)
    wait_idle(qtbot, window)
    return window


def _state(window: Any, ident: str) -> str:
    return str(window.credentials.model.row_at(window.credentials.model.row_of(ident)).state)


def test_refresh_evidence_shows_the_revocation(online_env: Oid4vcPeer, make_window: Any, tmp_path: Path,
                                               qtbot: Any) -> None:
    record, raw = _issued(online_env)["ldp_vc"]
    ident = _vault_with(tmp_path / "v.db", online_env, raw)
    window = _open(make_window, tmp_path / "v.db", qtbot)
    assert _state(window, ident) == "valid"
    assert window.refresh_action.isEnabled() and window.refresh_action in window.toolbar.actions()

    online_env.set_status(record["id"], "revoked")
    window.refresh_action.trigger()
    qtbot.waitUntil(lambda: any(kind == "info" for kind, _ in dialogs.shown()), timeout=30000)
    summary = next(text for kind, text in dialogs.shown() if kind == "info")
    assert "Fetched 3 of 3 pieces of evidence." in summary and "Revoked since you last checked." in summary
    qtbot.waitUntil(lambda: _state(window, ident) == "revoked", timeout=10000)
    report: dict[str, Any] = {}
    window.session.call(lambda v, _t: v.get_credential(ident).report, owner=window, on_success=report.update)
    qtbot.waitUntil(lambda: bool(report), timeout=10000)
    status = next(c for c in report["checks"] if c["id"] == "status")
    assert status["message"]["params"]["as_of"]["params"]["fetched"]  # the report says when the list was fetched


def test_import_asks_once_per_issuer_host(online_env: Oid4vcPeer, make_window: Any, tmp_path: Path,
                                         qtbot: Any) -> None:
    issued = _issued(online_env)
    window = make_window(tmp_path / "new.db")
    page = window.unlock_screen.create_page
    page.first.setText("a long enough passphrase")
    page.second.setText("a long enough passphrase")
    page.submit()
    qtbot.waitUntil(lambda: window.session.is_open, timeout=10000)
    wait_idle(qtbot, window)
    dialog = window.import_dialog()
    qtbot.addWidget(dialog)
    dialog.add_items([ImportItem("badge.jwt", issued["jwt_vc_json"][1])])
    dialogs.set_next_answer(True)  # "Fetch evidence from localhost?"
    dialog.start()
    qtbot.waitUntil(lambda: dialog.close_button.isVisible(), timeout=30000)
    questions = [text for kind, text in dialogs.shown() if kind == "confirm"]
    assert len(questions) == 1 and "localhost" in questions[0]
    outcomes = [r.outcome.value for r in dialog.results_model.results()]
    assert outcomes.count("fetched") == 3 and outcomes[-1] == "imported"
    assert "Evidence fetched online: 3" in dialog.status.text()
    dialog.close_button.click()

    second = window.import_dialog()
    qtbot.addWidget(second)
    second.add_items([ImportItem("badge.json", issued["ldp_vc"][1])])
    second.start()  # the answer is remembered: no second question (an unexpected dialog would fail the test)
    qtbot.waitUntil(lambda: second.close_button.isVisible(), timeout=30000)
    assert len([1 for kind, _ in dialogs.shown() if kind == "confirm"]) == 1
    assert [r.outcome.value for r in second.results_model.results()] == ["imported"]  # its evidence is cached fresh


def test_the_schedule_fetches_what_is_due_and_tells(online_env: Oid4vcPeer, make_window: Any, tmp_path: Path,
                                                    qtbot: Any) -> None:
    record, raw = _issued(online_env)["jwt_vc_json"]
    ident = _vault_with(tmp_path / "v.db", online_env, raw, stale=True)
    online_env.set_status(record["id"], "suspended")
    window = _open(make_window, tmp_path / "v.db", qtbot)  # unlocking starts the schedule
    qtbot.waitUntil(lambda: window.scheduler.last is not None, timeout=30000)
    assert len(window.scheduler.last.fetched) == 3 and window.scheduler.last.changes
    qtbot.waitUntil(lambda: _state(window, ident) == "suspended", timeout=10000)
    assert "Suspended since you last checked." in window.statusBar().currentMessage()
    window.scheduler.last = None
    window.scheduler.run_now()  # nothing is due any more
    qtbot.waitUntil(lambda: window.scheduler.last is not None, timeout=10000)
    assert window.scheduler.last.fetched == () and window.scheduler.last.needs == 0


def test_settings_online_page(online_env: Oid4vcPeer, make_window: Any, tmp_path: Path, qtbot: Any) -> None:
    _record, raw = _issued(online_env)["ldp_vc"]
    _vault_with(tmp_path / "v.db", online_env, raw)
    window = _open(make_window, tmp_path / "v.db", qtbot)
    qtbot.waitUntil(lambda: bool(window.prefs.holder_did), timeout=10000)
    from wallet.ui.screens.vault_actions import make_settings_dialog

    dialog = make_settings_dialog(window)
    qtbot.addWidget(dialog)
    page = dialog.online
    qtbot.waitUntil(lambda: page.loaded, timeout=10000)
    assert page.hosts.rowCount() == 1 and page.hosts.item(0, 0).text() == "localhost"
    assert int(page.hosts.item(0, 1).text()) >= 3
    page.hosts.selectRow(0)
    page.decide(False)
    qtbot.waitUntil(lambda: page.hosts.item(0, 3) is not None and page.hosts.item(0, 3).text() == "never",
                    timeout=10000)
    page.policy.setCurrentIndex(page.policy.findData("always"))
    page.offline.setChecked(True)
    dialog.save()
    wait_idle(qtbot, window)
    found: dict[str, Any] = {}
    window.session.call(lambda v, _t: {"fetch": v.get_setting("online.fetch"), "offline": v.get_setting(
        "online.offline"), "hosts": v.host_decisions()}, owner=window, on_success=found.update)
    qtbot.waitUntil(lambda: bool(found), timeout=10000)
    assert found == {"fetch": "always", "offline": True, "hosts": {"localhost": False}}

    window.refresh_action.trigger()  # offline mode: nothing contacted, the summary says so
    qtbot.waitUntil(lambda: any(kind == "info" for kind, _ in dialogs.shown()), timeout=30000)
    assert "Offline mode is on" in next(text for kind, text in dialogs.shown() if kind == "info")
