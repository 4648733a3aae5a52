"""JSON encoding of the normalised model, so the vault can store parsed fields.

Generic over the frozen dataclasses of ``wallet.model``: datetimes become ISO
8601 strings, enums their values, tuples lists. ``raw`` bytes and the parsed
``document`` are not part of the JSON (the vault keeps the original bytes in
their own column; the document is re-parsed from them when needed).
"""

from __future__ import annotations

import collections.abc
import dataclasses
import enum
import functools
import types
import typing
from collections.abc import Callable
from datetime import datetime
from typing import Any

from wallet import model

_SKIP = {"raw", "document"}


def to_json(value: Any) -> Any:
    """Encode a model value (dataclass, enum, datetime, tuple, mapping) as JSON data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_json(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in _SKIP
        }
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, typing.Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    return value


Decoder = Callable[[Any], Any]


def _identity(data: Any) -> Any:
    return data


@functools.cache
def _decoder(tp: Any) -> Decoder:
    """A decoding function for one field type, built once per type.

    Resolving ``typing`` constructs is slow; the vault decodes thousands of
    credentials at a time, so each type's decoder is compiled and cached.
    """
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _decoder(inner[0]) if inner else _identity
    if origin is tuple:
        item = _decoder(args[0])
        return lambda data: tuple(item(v) for v in data)
    if tp is datetime:
        return datetime.fromisoformat
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return functools.partial(from_json, tp)
    if (origin is not None and origin in (typing.Mapping, dict, collections.abc.Mapping)) or tp is model.LangMap:
        return dict
    return _identity


@functools.cache
def _field_decoders(cls: type) -> tuple[tuple[str, Decoder], ...]:
    hints = typing.get_type_hints(cls, vars(model))
    return tuple(
        (f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls) if f.name not in _SKIP
    )


def from_json(cls: type, data: dict[str, Any], **extra: Any) -> Any:
    """Rebuild a model dataclass from :func:`to_json` output (unknown keys ignored)."""
    kwargs: dict[str, Any] = {}
    for name, decode in _field_decoders(cls):
        value = data.get(name)
        if value is not None:
            kwargs[name] = decode(value)
        elif name in data:
            kwargs[name] = None
    kwargs.update(extra)
    return cls(**kwargs)


def credential_from_json(data: dict[str, Any], raw: bytes) -> model.Credential:
    return typing.cast(model.Credential, from_json(model.Credential, data, raw=raw))
