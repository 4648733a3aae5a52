"""Targets: progress bars, the breakdown, adding and removing a target."""

from __future__ import annotations

import json
from pathlib import Path

from wallet.ui import dialogs


def show_targets(window, qtbot):  # type: ignore[no-untyped-def]
    window.tabs.setCurrentWidget(window.targets)
    qtbot.waitUntil(lambda: window.targets.model.rowCount() >= 3, timeout=20000)
    return window.targets


def test_progress_and_breakdown(window, qtbot) -> None:
    page = show_targets(window, qtbot)
    assert page.table.currentIndex().isValid()
    text = page.breakdown.toPlainText()
    assert "Requirements" in text and "%" in text and "requirements met" in text
    # plain words: no regular expression, ISO 8601 duration or URN, and a met requirement never reads "4/6"
    for raw in ("/prv", "P3Y", "P5Y", "P10Y", "urn:", "[čc]", "matches /"):
        assert raw not in text, raw
    assert not any("met — " in line and "/" in line for line in text.splitlines())
    page.table.grab()  # the progress delegate paints
    assert not page.remove_button.isEnabled()  # bundled targets cannot be removed


def test_add_and_remove_a_target(window, qtbot, tmp_path: Path) -> None:
    from wallet.resources import resource

    page = show_targets(window, qtbot)
    source = sorted(resource("targets").glob("*.json"))[0]
    data = json.loads(source.read_text())
    data["id"] = "my-own-target"
    path = tmp_path / "target.json"
    path.write_text(json.dumps(data))
    count = page.model.rowCount()
    dialogs.set_next_answer(str(path))
    page.add_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == count + 1, timeout=20000)
    page.select_target("my-own-target")
    assert page.remove_button.isEnabled()
    dialogs.set_next_answer(True)
    page.remove_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == count, timeout=20000)


def test_bad_target_file_is_a_message(window, qtbot, tmp_path: Path) -> None:
    page = show_targets(window, qtbot)
    path = tmp_path / "bad.json"
    path.write_text('{"id": "x"}')
    dialogs.set_next_answer(str(path))
    page.add_button.click()
    qtbot.waitUntil(lambda: "bad.json" in page.status.text() or "target" in page.status.text().lower(),
                    timeout=10000)
