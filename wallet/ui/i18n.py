"""UI language: installing the Qt translator and formatting translated text.

Every visible string goes through ``self.tr()`` or
``QCoreApplication.translate()`` so ``pyside6-lupdate`` finds it. Python's
bindings return plain ``str`` (no ``QString.arg``), so :func:`fmt` fills the
Qt-style ``%1``..``%9`` placeholders; keeping Qt's placeholder style lets the
translation test compare placeholders between source and translation.

The UI language is an application preference (QSettings), not a vault
setting: the unlock screen must already speak it before any vault is open.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from wallet.messages import Message, render
from wallet.resources import resource

#: (code, native name) of the languages the UI ships in.
UI_LANGUAGES: tuple[tuple[str, str], ...] = (("en", "English"), ("sl", "Slovenščina"))
SETTINGS_UI_LANGUAGE = "ui/language"
_PLACEHOLDER = re.compile(r"%([1-9])")


def translations_dir() -> Path:
    return resource("translations")


def fmt(text: str, *args: object) -> str:
    """Fill ``%1``..``%9`` in ``text`` (one pass, so values containing ``%2`` stay literal)."""
    return _PLACEHOLDER.sub(lambda m: str(args[int(m.group(1)) - 1]) if int(m.group(1)) <= len(args) else m.group(0), text)


def tr(context: str, text: str, *args: object) -> str:
    """``QCoreApplication.translate`` plus :func:`fmt`, for code outside a QObject."""
    return fmt(QCoreApplication.translate(context, text), *args)


def system_language() -> str:
    """The UI language the system asks for, if we ship it, else English."""
    name = QLocale.system().name().split("_")[0]
    return name if name in dict(UI_LANGUAGES) else "en"


def preferred_ui_language() -> str:
    """The user's chosen UI language ("" in settings means: follow the system)."""
    chosen = str(QSettings().value(SETTINGS_UI_LANGUAGE, "") or "")
    return chosen if chosen in dict(UI_LANGUAGES) else system_language()


_CURRENT = ["en"]


def ui_language() -> str:
    """The language the UI speaks now (set by :class:`Translations`)."""
    return _CURRENT[0]


def say(message: Message | None) -> str:
    """A core message (a check's reason, an import result, ...) in the UI's language."""
    return render(message, (_CURRENT[0], "en"))


class Translations:
    """Owns the installed translators so the language can change at run time."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def install(self, language: str) -> bool:
        """Install ``language`` (``en`` needs no file); True if it is now active."""
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication before installing translations")
        for old in self._installed:
            app.removeTranslator(old)
        self._installed.clear()
        self.language = "en"
        _CURRENT[0] = "en"
        if language == "en":
            return True
        ok = False
        ours = QTranslator()
        if ours.load(f"wallet_{language}", str(translations_dir())):
            app.installTranslator(ours)
            self._installed.append(ours)
            ok = True
        from PySide6.QtCore import QLibraryInfo

        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name in (f"qtbase_{language}", f"qt_{language}"):  # PySide6 has only the old qt_sl for Slovenian
            qt_base = QTranslator()
            if qt_base.load(name, qt_dir):
                app.installTranslator(qt_base)
                self._installed.append(qt_base)
                break
        if ok:  # ours last: installed last, asked first (also for Qt's own buttons, wallet/ui/qt_strings.py)
            app.removeTranslator(ours)
            app.installTranslator(ours)
        if ok:
            self.language = language
            _CURRENT[0] = language
        return ok
