"""Learner-owned credential wallet: the Qt-free core.

Nothing under ``wallet`` except ``wallet.ui`` may import PySide6.
"""

__version__ = "0.1.0"
