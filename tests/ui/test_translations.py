"""Every visible string has a Slovenian translation with the same placeholders.

The check mirrors Electrum's ``i18n.py`` rule: a translation whose format
fields differ from the source is a bug (a crash or a wrong number on screen).
The extraction check runs ``pyside6-lupdate`` on the UI sources, so a new
``self.tr()`` string without a translation fails here, not in front of a user.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from wallet.resources import resource

TS = resource("translations", "wallet_sl.ts")
QM = resource("translations", "wallet_sl.qm")
UI = Path(__file__).resolve().parents[2] / "wallet" / "ui"
PLACEHOLDER = re.compile(r"%(\d)")


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    out = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            out.append((name, msg.findtext("source") or "", msg))
    return out


def test_every_message_is_translated_with_the_same_placeholders() -> None:
    problems = []
    for ctx, source, msg in messages(TS):
        tr = msg.find("translation")
        text = tr.text if tr is not None else None
        if not text or (tr is not None and tr.get("type") in ("unfinished", "vanished", "obsolete")):
            problems.append(f"{ctx}: no Slovenian translation for {source!r}")
            continue
        if Counter(PLACEHOLDER.findall(source)) != Counter(PLACEHOLDER.findall(text)):
            problems.append(f"{ctx}: placeholders differ in {source!r} -> {text!r}")
        if source.count("&") == 1 and "&&" not in source and text.count("&") != 1:
            problems.append(f"{ctx}: keyboard accelerator lost in {source!r} -> {text!r}")
    assert not problems, "\n".join(problems)


def _lupdate() -> str | None:
    found = shutil.which("pyside6-lupdate") or str(Path(sys.executable).with_name("pyside6-lupdate"))
    return found if Path(found).exists() else None


@pytest.mark.skipif(_lupdate() is None, reason="pyside6-lupdate is not installed")
def test_the_ts_file_holds_every_string_of_the_ui(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p) for p in UI.rglob("*.py"))
    subprocess.run([_lupdate(), *files, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {(c, s) for c, s, _ in messages(fresh)}
    have = {(c, s) for c, s, _ in messages(TS)}
    missing = sorted(wanted - have)
    assert not missing, f"run pyside6-lupdate and translate: {missing[:10]}"


@pytest.mark.usefixtures("qapp")
def test_compiled_translation_loads_and_translates() -> None:
    from PySide6.QtCore import QTranslator

    assert QM.exists(), "compile with pyside6-lrelease resources/translations/wallet_sl.ts"
    assert QM.stat().st_mtime >= TS.stat().st_mtime - 1, "wallet_sl.qm is older than wallet_sl.ts; run lrelease"
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.translate("QPlatformTheme", "Cancel") == "Prekliči"  # Qt's own buttons too (qt_strings.py)


def test_format_helper() -> None:
    from wallet.ui.i18n import fmt

    assert fmt("%1 of %2", 3, 10) == "3 of 10"
    assert fmt("%1", "%2 stays") == "%2 stays"
