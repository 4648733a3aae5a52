"""The PySide6 desktop application. The core (``wallet`` minus this package) never imports Qt.

Entry point: :func:`wallet.ui.app.main` (``wallet-gui``). See docs/GUI.md.
"""
