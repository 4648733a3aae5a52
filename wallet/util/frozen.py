"""A faster ``__init__`` for the frozen dataclasses built for every credential verified.

Why: a frozen dataclass's generated ``__init__`` sets each field through
``object.__setattr__`` (its own ``__setattr__`` refuses), one call per field.
Verifying one JWT credential builds about seventeen such values (six checks,
six messages, the credential, its issuer and subject, the report, the key),
and on this interpreter those calls were about a tenth of the time of the
whole verification. :func:`fast_init` replaces the generated ``__init__``
with one that fills the instance dictionary in one step. Everything else the
dataclass generated (``__eq__``, ``__hash__``, ``__repr__``, the refusal to
assign, ``dataclasses.replace``, pickling) is untouched, and the signature,
defaults and default factories are the same (``tests/util/test_frozen.py``
compares each decorated class with a plain dataclass copy of itself).
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")


class _Factory:
    """Marks "no value given" for a field with a default factory (as dataclasses' own sentinel does)."""

    def __repr__(self) -> str:
        return "<factory>"


_HAS_FACTORY = _Factory()

#: Every class given the fast ``__init__``, so the tests can compare each with a plain dataclass.
DECORATED: list[type] = []


def fast_init(cls: type[T]) -> type[T]:
    """Give the frozen dataclass ``cls`` an ``__init__`` that sets its ``__dict__`` at once.

    Refused (TypeError at import, so never silently wrong) for what the
    one-step form cannot express: ``__slots__``, ``__post_init__``,
    init-only or keyword-only fields, and fields left out of ``__init__``.
    """
    if not dataclasses.is_dataclass(cls) or not cls.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        raise TypeError(f"{cls.__name__} is not a frozen dataclass")
    if "__slots__" in cls.__dict__ or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has __slots__ or __post_init__: keep the generated __init__")
    fields = dataclasses.fields(cls)
    if len(fields) != len(cls.__dataclass_fields__) or any(not f.init or f.kw_only for f in fields):  # type: ignore[attr-defined]
        raise TypeError(f"{cls.__name__} has init-only, keyword-only or non-init fields")
    names: dict[str, Any] = {"_set": object.__setattr__, "_HAS_FACTORY": _HAS_FACTORY}
    params, items = [], []
    for index, f in enumerate(fields):
        if f.default is not dataclasses.MISSING:
            names[f"_d{index}"] = f.default
            params.append(f"{f.name}=_d{index}")
            items.append(f"{f.name!r}: {f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            names[f"_f{index}"] = f.default_factory
            params.append(f"{f.name}=_HAS_FACTORY")
            items.append(f"{f.name!r}: _f{index}() if {f.name} is _HAS_FACTORY else {f.name}")
        else:
            params.append(f.name)
            items.append(f"{f.name!r}: {f.name}")
    source = (f"def __init__(self, {', '.join(params)}):\n"
              f"    _set(self, '__dict__', {{{', '.join(items)}}})\n")
    exec(source, names)  # noqa: S102 - the source is built above from the class's own field names only
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__doc__ = cls.__init__.__doc__
    init.__annotations__ = dict(cls.__init__.__annotations__)
    cls.__init__ = init  # type: ignore[method-assign]
    DECORATED.append(cls)
    return cls
