"""The credential list, search, filters, cards and the detail view."""

from __future__ import annotations

from tests.ui.conftest import wait_idle
from wallet.ui import dialogs
from wallet.ui.models.credentials import COL_STATE


def select_first(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.credentials.table.selectRow(0)
    qtbot.waitUntil(lambda: window.credentials.detail.detail is not None, timeout=5000)


def test_list_shows_every_credential_with_a_verdict(window) -> None:
    page = window.credentials
    total = page.model.rowCount()
    assert total >= 8
    states = {page.model.row_at(r).state for r in range(total)}
    assert {"expired", "revoked"} <= states and ({"valid", "valid-note", "status-unchecked"} & states)
    assert page.count.text().startswith(str(total))
    # each state in words, with what makes it specific: never a bare "Invalid"
    texts = {page.model.index(r, COL_STATE).data() for r in range(total)}
    assert any(t.startswith("Expired on ") for t in texts) and any(t.startswith("Revoked (found on") for t in texts)
    assert "Invalid" not in texts


def test_search_as_you_type(window, qtbot) -> None:
    page = window.credentials
    total = page.model.rowCount()
    title = page.model.row_at(0).title
    qtbot.keyClicks(page.search, title.split()[0])
    assert 0 < page.proxy.rowCount() <= total
    page.search.setText("zzzz-no-such-credential")
    assert page.proxy.rowCount() == 0
    assert "0 of" in page.count.text()
    page.search.clear()
    assert page.proxy.rowCount() == total


def test_filters_by_issuer_and_state(window) -> None:
    page = window.credentials
    page.state_filter.setCurrentIndex(page.state_filter.findData("revoked"))
    shown = page.proxy.rowCount()
    assert 0 < shown < page.model.rowCount()
    page.state_filter.setCurrentIndex(0)
    page.issuer_filter.setCurrentIndex(1)
    assert 0 < page.proxy.rowCount() < page.model.rowCount()
    page.issuer_filter.setCurrentIndex(0)
    page.format_filter.setCurrentIndex(1)
    assert 0 < page.proxy.rowCount() <= page.model.rowCount()


def test_target_filter(window, qtbot) -> None:
    page = window.credentials
    qtbot.waitUntil(lambda: page.target_filter.count() > 1, timeout=10000)
    page.target_filter.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.proxy.target_ids is not None, timeout=10000)
    assert page.proxy.rowCount() <= page.model.rowCount()
    page.target_filter.setCurrentIndex(0)
    assert page.proxy.target_ids is None


def test_card_view_shares_the_selection(window, qtbot) -> None:
    page = window.credentials
    select_first(window, qtbot)
    window.cards_action.trigger()
    assert page.views.currentWidget() is page.cards
    assert page.cards.selectionModel().selectedRows()
    page.cards.grab()  # paints every visible card
    window.list_action.trigger()
    assert page.views.currentWidget() is page.table


def test_detail_shows_elements_report_and_original(window, qtbot) -> None:
    select_first(window, qtbot)
    detail = window.credentials.detail
    html = detail.elements.toHtml()
    for label in ("Learning outcomes", "EQF / NQF level", "Workload (credits / volume of learning)", "Awarding body",
                  "Issuer", "What", "Awarded to", "When"):
        assert label in html
    assert "did:key" not in detail.elements.toPlainText()
    assert "Issuer's signature" in detail.checks.toPlainText()
    assert "Checked offline on" in detail.checks.toPlainText()
    detail.technical_toggle.setChecked(True)
    assert "signature.ok" in detail.checks.toPlainText() or "proof.ok" in detail.checks.toPlainText()
    assert detail.badge.text()
    assert detail.original.isReadOnly()
    assert detail.original.toPlainText()


def test_detail_side_by_side_languages(window, qtbot) -> None:
    select_first(window, qtbot)
    detail = window.credentials.detail
    detail.second.setCurrentIndex(1)
    assert detail.elements.toHtml().count("<table") >= 2


def test_remove_asks_first(window, qtbot) -> None:
    page = window.credentials
    total = page.model.rowCount()
    select_first(window, qtbot)
    dialogs.set_next_answer(False)
    window.remove_action.trigger()
    wait_idle(qtbot, window)
    assert page.model.rowCount() == total
    dialogs.set_next_answer(True)
    window.remove_action.trigger()
    qtbot.waitUntil(lambda: page.model.rowCount() == total - 1, timeout=10000)


def test_verify_again(window, qtbot) -> None:
    select_first(window, qtbot)
    window.reverify_action.trigger()
    qtbot.waitUntil(lambda: "again" in window.statusBar().currentMessage(), timeout=20000)
    wait_idle(qtbot, window)


def test_the_list_keeps_titles_readable_at_the_smallest_window(window, qtbot) -> None:
    from wallet.ui.models.credentials import COL_TITLE
    from wallet.ui.screens.main_window import MIN_HEIGHT, MIN_WIDTH

    window.resize(MIN_WIDTH, MIN_HEIGHT)
    window.list_action.trigger()
    page = window.credentials
    qtbot.waitUntil(lambda: page.table.isVisible(), timeout=5000)
    qtbot.wait(50)
    em = page.fontMetrics().horizontalAdvance("m")
    header = page.table.horizontalHeader()
    sizes = [(header.sectionSize(c), header.isSectionHidden(c)) for c in range(4)]
    assert header.sectionSize(COL_TITLE) >= em * 10, (sizes, page.table.viewport().width(), page.splitter.sizes(),
                                                       page.detail.minimumSizeHint().width())
    assert window.width() >= MIN_WIDTH and window.minimumWidth() == MIN_WIDTH
