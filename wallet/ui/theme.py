"""The colours the app itself chooses, in one place, so a test can compute their contrast.

The app follows the system palette (light or dark); it only adds colour where
colour carries meaning: the state badges (:mod:`wallet.ui.states`) and the
inline error on the unlock screen. :func:`dark_palette` is the dark theme the
screenshots and the contrast test use to stand for a desktop's dark mode.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

#: The unlock screen's inline error: white text on a dark red.
ERROR_COLOURS = ("#b3261e", "#ffffff")

DARK = {
    "Window": "#202124", "WindowText": "#e8eaed", "Base": "#2b2c2f", "AlternateBase": "#323336",
    "Text": "#e8eaed", "Button": "#303134", "ButtonText": "#e8eaed", "Highlight": "#8ab4f8",
    "HighlightedText": "#202124", "PlaceholderText": "#9aa0a6", "Mid": "#5f6368", "ToolTipBase": "#303134",
    "ToolTipText": "#e8eaed", "BrightText": "#ffffff", "Link": "#8ab4f8", "Light": "#5f6368", "Dark": "#17181a",
    "Shadow": "#000000",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for name, value in DARK.items():
        palette.setColor(getattr(QPalette.ColorRole, name), QColor(value))
    for disabled in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, disabled, QColor("#80868b"))
    return palette


def relative_luminance(colour: QColor) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(first: QColor | str, second: QColor | str) -> float:
    """WCAG contrast ratio (1 to 21) of two colours."""
    a, b = (relative_luminance(QColor(c)) for c in (first, second))
    light, dark = max(a, b), min(a, b)
    return (light + 0.05) / (dark + 0.05)


#: (text role, background role) pairs that must stay readable; the first colour is adjusted if needed.
_PAIRS = (("HighlightedText", "Highlight"), ("PlaceholderText", "Base"), ("Link", "Base"), ("Text", "Base"),
          ("WindowText", "Window"), ("ButtonText", "Button"), ("ToolTipText", "ToolTipBase"))


def ensure_contrast(palette: QPalette, minimum: float = 4.5) -> QPalette:
    """The palette, with any pair below ``minimum`` made readable (WCAG 2.x AA, 4.5:1).

    The app keeps the system's colours; only a pair that fails is changed:
    the selection colour is darkened (light themes) or lightened (dark themes)
    under its text, and a faint placeholder or link colour is moved away from
    its background. A palette that already passes comes back unchanged.
    """
    out = QPalette(palette)
    for text_role, back_role in _PAIRS:
        text_r, back_r = getattr(QPalette.ColorRole, text_role), getattr(QPalette.ColorRole, back_role)
        text, back = QColor(out.color(text_r)), QColor(out.color(back_r))
        if text.alpha() < 255:  # Qt draws placeholders as the text colour at half alpha: flatten it
            text = _blend(text, back)
        if contrast(text, back) >= minimum:
            continue
        if text_role == "HighlightedText":  # keep the text, move the selection colour
            back = _towards(back, text, minimum, against=text)
            out.setColor(back_r, back)
        else:
            out.setColor(text_r, _towards(text, back, minimum, against=back))
    return out


def _blend(colour: QColor, background: QColor) -> QColor:
    a = colour.alphaF()
    return QColor.fromRgbF(colour.redF() * a + background.redF() * (1 - a),
                           colour.greenF() * a + background.greenF() * (1 - a),
                           colour.blueF() * a + background.blueF() * (1 - a))


def _towards(colour: QColor, other: QColor, minimum: float, against: QColor) -> QColor:
    """``colour`` made darker or lighter (away from ``other``) until it contrasts with ``against``."""
    darker = relative_luminance(other) > 0.5
    current = QColor(colour)
    for _ in range(60):
        if contrast(current, against) >= minimum:
            return current
        current = current.darker(106) if darker else current.lighter(106)
        if darker and current.value() == 0 or not darker and current.value() >= 255 and current.saturation() == 0:
            break
    return QColor("#000000") if darker else QColor("#ffffff")


def apply_readable_palette() -> None:
    """Give the running application :func:`ensure_contrast` of its palette (once per palette change)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    current = app.palette()
    fixed = ensure_contrast(current)
    if any(fixed.color(getattr(QPalette.ColorRole, role)) != current.color(getattr(QPalette.ColorRole, role))
           for pair in _PAIRS for role in pair):
        app.setPalette(fixed)
