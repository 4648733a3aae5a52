"""``wallet-gui``: start the desktop application.

    wallet-gui [--vault PATH] [--demo] [--lang en|sl] [URI]

``URI`` is what the desktop hands over when the user clicks an
``openid-credential-offer://``, ``openid4vp://`` or ``wallet:`` link
(``wallet desktop install`` registers the handlers). **One instance** runs
per user: a later launch passes its URI to the running one over a local
socket (``QLocalServer``, named per user) and exits; the running one brings
its window to the front and acts on the link (after the user unlocks, if
the wallet is locked). Links are data, never commands: the receiving window
decides what each kind means.

The app follows the system's font size and light/dark palette (Qt's
defaults; no font is forced), except that a colour pair of the palette that
reads below 4.5:1 (a pale selection colour, a faint placeholder) is made
readable (:func:`wallet.ui.theme.ensure_contrast`). Uncaught exceptions are
logged and shown as a one-line message, never as a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from wallet.ui import dialogs
from wallet.ui.i18n import Translations, preferred_ui_language

log = logging.getLogger("wallet.ui")


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="wallet-gui", description="Learner wallet, the desktop application.")
    parser.add_argument("--vault", metavar="PATH", help="the wallet file (default: $WALLET_VAULT or the user data folder)")
    parser.add_argument("--demo", action="store_true", help="open a throw-away demo wallet with sample credentials")
    parser.add_argument("--lang", choices=("en", "sl"), help="language of the application (default: settings or system)")
    parser.add_argument("uri", nargs="?", help="a link to open (a credential offer, a verifier's request, a share link)")
    return parser.parse_args(list(argv))


#: At most this much is read from a later launch (a link, not a file).
MAX_MESSAGE = 64 * 1024


def instance_name() -> str:
    """The local socket of this user's running wallet (one per user and machine)."""
    import getpass
    import hashlib

    return "learner-wallet-" + hashlib.sha256(getpass.getuser().encode("utf-8")).hexdigest()[:16]


def send_to_running(message: str, name: str | None = None, timeout_ms: int = 1500) -> bool:
    """Hand ``message`` (a URI, or "" to just show the window) to a running instance; False when none runs."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name or instance_name())
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(message.encode("utf-8")[:MAX_MESSAGE] + b"\n")
    socket.flush()
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later launches; ``received`` carries each one's URI (empty: just show the window)."""

    received = Signal(str)

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self.name = name or instance_name()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(self.name):
            # a socket left by a crashed instance: nobody answered send_to_running, so it is stale
            QLocalServer.removeServer(self.name)
            self.server.listen(self.name)
        self.server.newConnection.connect(self._accept)

    @property
    def listening(self) -> bool:
        return bool(self.server.isListening())

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            buffer = bytearray()

            def read(sock=socket, data=buffer) -> None:  # type: ignore[no-untyped-def]
                data += bytes(sock.readAll())
                if len(data) > MAX_MESSAGE:
                    sock.abort()
                    return
                if b"\n" in data:
                    text = bytes(data).split(b"\n", 1)[0].decode("utf-8", "replace").strip()
                    sock.disconnectFromServer()
                    self.received.emit(text)

            socket.readyRead.connect(read)
            socket.disconnected.connect(socket.deleteLater)

    def close(self) -> None:
        self.server.close()


def make_application(argv: Sequence[str] = ()) -> QApplication:
    """The QApplication, configured once (name for QSettings, no forced style).

    The GIL switch interval is lowered from 5 ms to 1 ms: PySide releases the
    GIL on every call into Qt, so while a worker verifies credentials in Python
    each return from Qt (every painted cell) could otherwise wait up to 5 ms
    for the GIL, and a repaint of a table could stall for hundreds of ms.
    """
    sys.setswitchinterval(0.001)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(
        [sys.argv[0] if sys.argv else "wallet-gui", *argv])
    QCoreApplication.setOrganizationName("learner-wallet")
    QCoreApplication.setApplicationName("Learner wallet")
    app.setApplicationDisplayName("Learner wallet")
    app.setDesktopFileName("learner-wallet")
    return app  # type: ignore[return-value]


class _PaletteWatcher(QObject):
    """Re-tint icons when the system switches between light and dark."""

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            from wallet.ui.icons import clear_cache
            from wallet.ui.theme import apply_readable_palette

            clear_cache()
            apply_readable_palette()  # a no-op when the new palette already reads well
        return False


def _excepthook(kind: type[BaseException], value: BaseException, tb: object) -> None:
    """Last resort: log the traceback, show one line."""
    log.error("uncaught exception", exc_info=(kind, value, tb))  # type: ignore[arg-type]
    from wallet.ui.tasks import describe_error

    try:
        dialogs.error(None, "Learner wallet", describe_error(value).message)
    except RuntimeError as exc:  # no dialog possible (no GUI yet): the log has the traceback
        log.error("could not show the error: %s", exc)


def build_window(vault: Path | None = None, lang: str | None = None, kdf: object = None):  # type: ignore[no-untyped-def]
    """The main window on a new session (also used by tests, screenshots and benchmarks)."""
    from wallet.storage import default_vault_path
    from wallet.ui.screens.main_window import MainWindow
    from wallet.ui.session import Session
    from wallet.ui.tasks import TaskRunner
    from wallet.ui.theme import apply_readable_palette

    apply_readable_palette()
    translations = Translations()
    translations.install(lang or preferred_ui_language())
    runner = TaskRunner()
    session = Session(runner, vault or default_vault_path(), kdf=kdf)
    window = MainWindow(session, translations)
    runner.setParent(window)
    session.setParent(window)
    return window


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = parse_args(sys.argv[1:] if argv is None else argv)
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = make_application()
    single = not args.demo and not args.vault
    if single and send_to_running(args.uri or ""):
        return 0  # the running wallet has the link and shows its window
    instance = InstanceServer(parent=app) if single else None
    watcher = _PaletteWatcher(app)
    app.installEventFilter(watcher)
    sys.excepthook = _excepthook
    window = build_window(Path(args.vault) if args.vault else None, args.lang)
    window.show()
    if args.demo:
        from wallet.ui.screens.vault_actions import open_demo

        open_demo(window)
    if instance is not None:
        instance.received.connect(window.handle_uri)
    if args.uri:
        window.handle_uri(args.uri)
    code = app.exec()
    window.session.runner.shutdown(wait=True)
    # Delete the window while Qt and Python are both alive, not during interpreter
    # finalisation (where PySide may free wrappers in the wrong order).
    import shiboken6

    shiboken6.delete(window)
    return int(code)


if __name__ == "__main__":
    raise SystemExit(main())
