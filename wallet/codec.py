"""JSON encoding of the normalised model, so the vault can store parsed fields.

Generic over the frozen dataclasses of ``wallet.model``: datetimes become ISO
8601 strings, enums their values, tuples lists. ``raw`` bytes and the parsed
``document`` are not part of the JSON (the vault keeps the original bytes in
their own column; the document is re-parsed from them when needed).
"""

from __future__ import annotations

import dataclasses
import enum
import typing
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


def _decode(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        inner = [a for a in args if a is not type(None)]
        return _decode(inner[0], data) if inner else data
    if origin is tuple:
        return tuple(_decode(args[0], v) for v in data)
    if tp is datetime:
        return datetime.fromisoformat(data)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp(data)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return from_json(tp, data)
    if origin is not None and origin in (typing.Mapping, dict) or tp is model.LangMap:
        return dict(data)
    return data


def from_json(cls: type, data: dict[str, Any], **extra: Any) -> Any:
    """Rebuild a model dataclass from :func:`to_json` output (unknown keys ignored)."""
    hints = typing.get_type_hints(cls, vars(model))
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name in data and f.name not in _SKIP:
            kwargs[f.name] = _decode(hints[f.name], data[f.name])
    kwargs.update(extra)
    return cls(**kwargs)


def credential_from_json(data: dict[str, Any], raw: bytes) -> model.Credential:
    return typing.cast(model.Credential, from_json(model.Credential, data, raw=raw))
