"""The wallet's use cases: what a user can do, written once for every front end.

Each module holds a few small typed functions over an open vault
(:class:`wallet.app.vault.VaultLike`) that combine storage, formats,
verification, stacking and sharing, and return plain values (frozen
dataclasses, messages) that a front end renders. The ``wallet`` CLI
(:mod:`wallet.cli`) and the desktop app (:mod:`wallet.ui`) only parse
arguments or read widgets, call a use case, and show its result; neither
decides anything a use case decides. See ``docs/ARCHITECTURE.md`` for where
a new use case, format, check or export goes.
"""
