"""How each owner's state and each recipient's headline looks: words, colour and icon.

The words come from the core (:mod:`wallet.readout`: ``State.label``,
``state_line``, ``Headline.label``); this module only gives each a colour
pair and an icon, so a state reads the same in the list, the cards, the
detail pane, the share list and "Check received". Colour is never the only
signal (every badge has an icon and words), and every pair keeps a contrast
of at least 4.5:1 in the light and the dark theme (``tests/ui/test_accessibility.py``
computes it from these very values).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from wallet.readout import Headline, State
from wallet.ui.i18n import say
from wallet.ui.icons import coloured_icon


@dataclass(frozen=True)
class Look:
    """An icon (with its own colours) and (background, text) colours for light and dark themes."""

    icon: str
    light: tuple[str, str]
    dark: tuple[str, str]


_GOOD = Look("state-valid", ("#e6f4ea", "#0b4d22"), ("#123d22", "#b7e1c1"))
_NOTE = Look("state-note", ("#e8f0fe", "#123f8c"), ("#14305c", "#c2d7fb"))
_WAIT = Look("state-unchecked", ("#fef3d6", "#6b4300"), ("#4a3500", "#fde4a0"))
_GREY = Look("state-cannot", ("#eceff1", "#37474f"), ("#3a3f44", "#e3e6e8"))
_LATE = Look("state-expired", ("#fde7d9", "#7f3000"), ("#58250a", "#fcd2b6"))
_SOON = Look("state-waiting", ("#eceff1", "#37474f"), ("#3a3f44", "#e3e6e8"))
_STOP = Look("state-revoked", ("#fce8e6", "#8c1d18"), ("#5c1714", "#f8c6c2"))
_BAD = Look("state-forged", ("#fce8e6", "#8c1d18"), ("#5c1714", "#f8c6c2"))
_FAIL = Look("state-invalid", ("#fce8e6", "#8c1d18"), ("#5c1714", "#f8c6c2"))

LOOKS: dict[State | None, Look] = {
    State.VALID: _GOOD, State.VALID_NOTE: _NOTE, State.STATUS_UNCHECKED: _WAIT, State.CANNOT_CHECK: _GREY,
    State.EXPIRED: _LATE, State.NOT_YET_VALID: _SOON, State.REVOKED: _STOP, State.SUSPENDED: _STOP,
    State.FORGED: _BAD, State.INVALID: _FAIL, None: _GREY,
}
HEADLINE_LOOKS = {Headline.CHECKS_OUT: _GOOD, Headline.NOT_FULLY_CHECKED: _WAIT, Headline.DO_NOT_RELY: _BAD}


def state_of(value: str | State | None) -> State | None:
    if isinstance(value, State) or value is None:
        return value
    try:
        return State(value)
    except ValueError:
        return None


def state_label(value: str | State | None) -> str:
    """The state's name in the UI's language ("Not verified yet" for a credential never verified)."""
    state = state_of(value)
    if state is None:
        return QCoreApplication.translate("States", "Not verified yet")
    return say(state.label)


def look(value: str | State | None) -> Look:
    return LOOKS.get(state_of(value), _GREY)


def state_icon(value: str | State | None) -> QIcon:
    return coloured_icon(look(value).icon)


def dark_theme(palette: QPalette | None = None) -> bool:
    """Whether the palette is a dark theme (window darker than its text)."""
    if palette is None:
        palette = QApplication.palette() if isinstance(QApplication.instance(), QApplication) else QPalette()
    return palette.color(QPalette.ColorRole.Window).lightness() < palette.color(QPalette.ColorRole.WindowText).lightness()


def colours(item: Look, palette: QPalette | None = None) -> tuple[QColor, QColor]:
    background, text = item.dark if dark_theme(palette) else item.light
    return QColor(background), QColor(text)


def badge_css(item: Look, palette: QPalette | None = None, padding: str = "3px 8px") -> str:
    background, text = colours(item, palette)
    return (f"background-color: {background.name()}; color: {text.name()}; border-radius: 6px; "
            f"padding: {padding};")


def style_badge(label: QLabel, item: Look) -> None:
    label.setStyleSheet(badge_css(item, label.palette()))


@lru_cache(maxsize=1)
def all_pairs() -> tuple[tuple[str, str, str], ...]:
    """(name, background, text) of every colour pair used, for the contrast test."""
    out = []
    for name, item in (("good", _GOOD), ("note", _NOTE), ("wait", _WAIT), ("grey", _GREY), ("late", _LATE),
                       ("soon", _SOON), ("stop", _STOP), ("bad", _BAD), ("fail", _FAIL)):
        out.append((f"{name}/light", *item.light))
        out.append((f"{name}/dark", *item.dark))
    return tuple(out)
