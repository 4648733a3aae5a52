"""Reading loose JSON values: JSON-LD and ELM let one value stand for a one-element array."""

from __future__ import annotations

from typing import Any


def as_list(value: Any) -> list[Any]:
    """``None`` → ``[]``, a list → itself (not copied), anything else → ``[value]``."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def first(value: Any) -> Any:
    """The first of :func:`as_list` (``None`` when empty)."""
    items = as_list(value)
    return items[0] if items else None
