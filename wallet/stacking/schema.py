"""Loading targets: JSON Schema validation with messages a user can act on.

Targets come from files the user adds, from the vault and from
``resources/targets/``. All three pass through :func:`load_target`, so a
target that loads is always schema-valid and semantically checked. The
validator reports the *most specific* error with the JSON path to the
offending value, because "is not valid under any of the given schemas" at the
top level tells a user nothing.
"""

from __future__ import annotations

import functools
import json
import math
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jsonschema
from jsonschema.exceptions import ValidationError, best_match

from wallet.errors import InputError
from wallet.resources import resource
from wallet.stacking.target import Target, target_from_dict

#: Target files larger than this are refused before parsing (hostile input).
MAX_TARGET_BYTES = 2 * 1024 * 1024


@functools.lru_cache(maxsize=1)
def target_schema() -> dict[str, Any]:
    """The bundled JSON Schema (``resources/schemas/target.schema.json``)."""
    with resource("schemas", "target.schema.json").open(encoding="utf-8") as fh:
        return dict(json.load(fh))


@functools.lru_cache(maxsize=1)
def _validator() -> jsonschema.protocols.Validator:
    schema = target_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _path(error: ValidationError) -> str:
    parts = []
    for item in error.absolute_path:
        parts.append(f"[{item}]" if isinstance(item, int) else f".{item}")
    return "target" + "".join(parts)


def _message(error: ValidationError) -> str:
    """One sentence naming where the problem is and what was expected."""
    where = _path(error)
    if error.validator == "required":
        return f"{where}: {error.message}"
    if error.validator == "additionalProperties":
        return f"{where}: {error.message} (see docs/TARGETS.md for the allowed keys)"
    if error.validator == "not" and error.schema_path and "component" in str(list(error.schema_path)):
        return f"{where}: give either 'credits' (a slot) or 'requiredCredits' (a pool), not both"
    if error.validator == "anyOf" and not error.absolute_path and "components" in str(error.schema):
        return "target: give at least one component ('components') or elective group ('groups')"
    if error.validator in ("anyOf", "oneOf") and error.context:
        inner = best_match(error.context)
        return f"{_path(inner) if inner.absolute_path else where}: {inner.message}"
    return f"{where}: {error.message}"


#: Deeper than any target document nests (a target is about 8 levels deep).
MAX_DEPTH = 64


def _check_values(data: Any) -> None:
    """Refuse what JSON Schema lets through: NaN and infinities, lone surrogates, absurd nesting.

    ``json.loads`` accepts ``NaN`` and ``Infinity``, and NaN passes every
    ``minimum``/``maximum`` check (all comparisons with it are false); a lone
    UTF-16 surrogate (``"\ud800"``) is valid JSON but cannot be stored in
    the vault or printed. A document from the vault or an ELM import is
    checked the same way as a file.
    """
    stack: list[tuple[Any, str, int]] = [(data, "target", 0)]
    while stack:
        value, where, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise InputError(f"invalid target: {where} is nested more than {MAX_DEPTH} levels deep")
        if isinstance(value, float) and not math.isfinite(value):
            raise InputError(f"invalid target: {where} is {value}, not a finite number")
        if isinstance(value, str):
            _check_text(value, where)
        elif isinstance(value, Mapping):
            for key, item in value.items():
                _check_text(str(key), where)
                stack.append((item, f"{where}.{_shown(str(key))}", depth + 1))
        elif isinstance(value, (list, tuple)):
            stack.extend((item, f"{where}[{i}]", depth + 1) for i, item in enumerate(value))


def _shown(key: str) -> str:
    """A key as it may appear in a message (keys are input: shortened, surrogates already refused)."""
    return key if len(key) <= 40 else key[:40] + "…"


def _check_text(text: str, where: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"invalid target: {where} holds a lone UTF-16 surrogate (not valid Unicode)") from exc


def validate_target(data: Any) -> None:
    """Raise :class:`InputError` with the most relevant schema violation, if any."""
    if not isinstance(data, Mapping):
        raise InputError("a target must be a JSON object")
    _check_values(data)
    try:
        errors = list(_validator().iter_errors(data))
    except RecursionError as exc:  # bounded by MAX_DEPTH; kept so no input can crash validation
        raise InputError("invalid target: nested too deeply to validate") from exc
    if errors:
        raise InputError(f"invalid target: {_message(best_match(errors))}")


def load_target(data: Mapping[str, Any], *, bundled: bool = False) -> Target:
    """Validate a target document against the schema, then build the :class:`Target`."""
    validate_target(data)
    return target_from_dict(data, bundled=bundled)


def read_json_file(path: str | os.PathLike[str], *, what: str = "file") -> Any:
    """Read a JSON file with a size limit and one clear error for each failure."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > MAX_TARGET_BYTES:
            raise InputError(f"the {what} {file} is too large ({size} bytes; the limit is {MAX_TARGET_BYTES})")
        text = file.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read the {what} {file}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"the {what} {file} is not UTF-8 text") from exc
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise InputError(f"the {what} {file} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from exc
    except RecursionError as exc:
        raise InputError(f"the {what} {file} nests too deeply to be read") from exc
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits, or NaN
        raise InputError(f"the {what} {file} is not usable JSON ({exc})") from exc


def _no_constant(name: str) -> Any:
    """``json.loads`` hook: ``NaN``, ``Infinity`` and ``-Infinity`` are not JSON (RFC 8259)."""
    raise ValueError(f"{name} is not a JSON number")


def load_target_file(path: str | os.PathLike[str]) -> Target:
    """Load and validate a target from a JSON file."""
    data = read_json_file(path, what="target file")
    try:
        return load_target(data)
    except InputError as exc:
        raise InputError(f"{Path(path).name}: {exc}") from exc


def bundled_target_files() -> list[Path]:
    """The shipped targets in ``resources/targets/``, sorted by file name."""
    folder = resource("targets")
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


@functools.lru_cache(maxsize=1)
def _bundled() -> tuple[Target, ...]:
    targets = []
    for file in bundled_target_files():
        data = read_json_file(file, what="bundled target")
        try:
            targets.append(load_target(data, bundled=True))
        except InputError as exc:
            raise InputError(f"bundled target {file.name} is broken: {exc}") from exc
    return tuple(targets)


def bundled_targets() -> list[Target]:
    """Every bundled target (always available, read-only), in file-name order."""
    return list(_bundled())

