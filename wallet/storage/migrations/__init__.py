"""Numbered schema migrations, found automatically.

Each module ``mNNNN_<name>.py`` upgrades the schema from version NNNN-1 to
NNNN. It has a docstring saying what it changes and either ``SQL`` (a script
of statements) or ``upgrade(conn)``. Never edit a released migration: add a
new one. ``wallet.storage.schema`` applies them in one exclusive transaction.
"""
