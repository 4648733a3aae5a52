"""Messages as data (an id plus parameters) and their rendering in the reader's language.

See :mod:`wallet.messages.message` for why, and ``resources/messages/`` for
the English and Slovenian catalogues.
"""

from __future__ import annotations

from wallet.messages.catalogue import render, render_id, technical_details
from wallet.messages.message import Message, msg, text

__all__ = ["Message", "msg", "render", "render_id", "technical_details", "text"]
