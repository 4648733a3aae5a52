"""Help: a short guide per screen, the keyboard shortcuts, where the data lives, and About.

Kept in the app (not on a web site): the wallet works offline, and a learner
abroad may have no connection when they need to know how to show a
credential in two languages. Every text is translated like the rest of the UI.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from wallet.ui.widgets import describe_buttons, reading_view

GUIDE, KEYS, DATA, ABOUT = range(4)


def _section(title: str, body: str) -> str:
    return f"<h3>{escape(title)}</h3><p>{escape(body)}</p>"


class HelpDialog(QDialog):
    """Four tabs of help; ``page`` chooses the one shown first."""

    def __init__(self, vault_path: Path | None, parent: QWidget | None = None, page: int = GUIDE) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Help"))
        self.vault_path = vault_path
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Help topics"))
        self.guide = reading_view(self.tr("Guide"), self.tr("What each screen is for and how to use it"))
        self.guide.setHtml(self._guide())
        self.keys = reading_view(self.tr("Keyboard shortcuts"), self.tr("Every action and its keys"))
        self.keys.setHtml(self._keys())
        self.data = reading_view(self.tr("Where your data lives"), self.tr("The files the wallet keeps and where"))
        self.data.setHtml(self._data())
        self.about = reading_view(self.tr("About"), self.tr("What this application is, its licence"))
        self.about.setHtml(self._about())
        self.tabs.addTab(self.guide, self.tr("&Guide"))
        self.tabs.addTab(self.keys, self.tr("&Keyboard"))
        self.tabs.addTab(self.data, self.tr("Your &data"))
        self.tabs.addTab(self.about, self.tr("A&bout"))
        self.tabs.setCurrentIndex(page)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        describe_buttons(buttons)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(720, 520)

    def _guide(self) -> str:
        return "".join([
            _section(self.tr("Credentials"), self.tr(
                "Your credentials as cards or as a list (Ctrl+2, Ctrl+1). Type to search; filter by issuer, kind, "
                "state or target. Each credential shows its state in words and colour: valid, valid with a note, "
                "expired, revoked, not checked for revocation, cannot be checked, or changed. Select one to read it: "
                "a short summary, then every standard element; choose a second language to show the text side by "
                "side, which helps when you present it abroad. The Verification tab says what was checked and as of "
                "when; Technical details shows the identifiers behind it.")),
            _section(self.tr("Adding credentials"), self.tr(
                "Import files (Ctrl+O), paste a credential or a link (Ctrl+Shift+V), open a picture of a QR code "
                "(Ctrl+Shift+O), or drop files on the window. Each one is checked before it is stored; a changed or "
                "forged credential is refused and the others are still imported.")),
            _section(self.tr("Targets"), self.tr(
                "How far your credentials take you towards a qualification: which credential fills which "
                "requirement and why, what is still missing (the most useful first), and which credentials do not "
                "count yet and why. Add a target from a file your school or employer gives you.")),
            _section(self.tr("Share"), self.tr(
                "Tick the credentials to share and choose how: a signed file, a link, a QR code, a printable PDF or "
                "entries for your Europass CV. If the recipient gave you a challenge code or a web address, enter it. "
                "The wallet warns you before sharing a credential that is expired, revoked or otherwise not in force.")),
            _section(self.tr("Check received"), self.tr(
                "For an employer or an office: paste a link, open a bundle file or a picture of its QR code. The "
                "answer comes first: Checks out, Not fully checked, or Do not rely on this, with the reasons. Nothing "
                "is stored and nothing is sent anywhere.")),
            _section(self.tr("Settings and backups"), self.tr(
                "Settings (Ctrl+,) chooses the languages, when the wallet locks itself, how long shared bundles are "
                "accepted, and whom you trust. Back up the wallet (Ctrl+Shift+B) to one encrypted file that opens "
                "with your passphrase; keep it somewhere safe. Without the passphrase no one can open the wallet or "
                "the backup, and it cannot be recovered.")),
        ])

    def _keys(self) -> str:
        rows = [
            ("Ctrl+O", self.tr("Import files")), ("Ctrl+Shift+V", self.tr("Paste a credential or a link")),
            ("Ctrl+Shift+O", self.tr("Import from a QR image")), ("Ctrl+F", self.tr("Search credentials")),
            ("Ctrl+1 / Ctrl+2", self.tr("Show as a list / as cards")), ("F5", self.tr("Verify again")),
            (QKeySequence(QKeySequence.StandardKey.Delete).toString(QKeySequence.SequenceFormat.NativeText),
             self.tr("Remove the selected credentials (asks first)")), ("Ctrl+,", self.tr("Settings")),
            ("Ctrl+Shift+B", self.tr("Back up the wallet")), ("Ctrl+L", self.tr("Lock the wallet")),
            ("Ctrl+Tab / Ctrl+Shift+Tab", self.tr("Next / previous screen")),
            ("Alt + " + self.tr("underlined letter"), self.tr("The button, tab or field with that letter")),
            ("Tab / Shift+Tab", self.tr("Next / previous field")), ("Space", self.tr("Tick or untick in a list")),
            ("F1", self.tr("This help")), ("Ctrl+Q", self.tr("Quit")),
        ]
        cells = "".join(f"<tr><td style='padding:3px 16px 3px 0'><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>"
                        for k, v in rows)
        return f"<table cellspacing='0'>{cells}</table>"

    def _data(self) -> str:
        where = str(self.vault_path) if self.vault_path else self.tr("(no wallet open)")
        settings = QSettings().fileName()
        return "".join([
            _section(self.tr("Your wallet"), self.tr(
                "Everything you keep is in one encrypted file, with a small header file next to it. It never leaves "
                "this computer unless you share or back it up.") + " " + where),
            _section(self.tr("Application preferences"), self.tr(
                "The language of the application and the view you prefer are kept, unencrypted, in:") + " " + settings),
            _section(self.tr("Backups and shares"), self.tr(
                "Backups, bundles, PDFs and QR images are written only where you choose. A link contains the bundle "
                "itself; anyone who has the link can read it until it expires.")),
        ])

    def _about(self) -> str:
        from wallet import __version__

        name = self.tr("Learner wallet")
        what = self.tr("Learner wallet keeps your credentials encrypted on this computer, verifies them offline, "
                       "shows your progress towards qualifications and shares signed bundles.")
        licence = self.tr("Licence: EUPL-1.2")
        return f"<h2>{escape(name)} {escape(str(__version__))}</h2><p>{escape(what)}</p><p>{escape(licence)}</p>"


def show_help(parent: QWidget, vault_path: Path | None, page: int = GUIDE) -> HelpDialog:
    dialog = HelpDialog(vault_path, parent, page)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
