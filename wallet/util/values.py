"""Reading loose JSON values: JSON-LD and ELM let one value stand for a one-element array."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

#: ``isinstance(x, MAPPING)`` means exactly ``isinstance(x, Mapping)`` (every dict is a
#: Mapping), but answers at C speed for the dicts JSON gives: the ABC's own check runs
#: Python code (``ABCMeta.__instancecheck__``), several percent of verifying a JWT.
MAPPING: Final = (dict, Mapping)


def as_list(value: Any) -> list[Any]:
    """``None`` → ``[]``, a list → itself (not copied), anything else → ``[value]``."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def first(value: Any) -> Any:
    """The first of :func:`as_list` (``None`` when empty)."""
    items = as_list(value)
    return items[0] if items else None
