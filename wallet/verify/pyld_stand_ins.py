"""Faster stand-ins for pyld's small helpers: the same results, for every input.

Why: pyld calls these predicates for nearly every term and value of every
document it expands or converts to RDF (thousands of times per credential),
and several are slow for reasons unrelated to the answer: ``_is_numeric``
raises and catches a ``ValueError`` for every string value, ``_is_integer``
and ``_is_double`` go through the ``numbers`` ABCs' ``isinstance`` hooks,
``_is_absolute_iri`` runs a regular expression over the same few IRIs again
and again. Each stand-in answers the common JSON types (str, int, float, bool,
None, dict, list) directly and hands anything else to pyld's own function, so
a difference could only come from a mistake in the fast branch:
``tests/verify/test_jsonld_helpers.py`` compares each with the original in
:data:`PYLD_ORIGINALS` on generated inputs. A difference would change what a
credential means, which is why exactness (not just truthiness) is tested.

Importing this module installs them into ``pyld.jsonld`` (pyld calls its
helpers as module globals, so replacing the global is enough).
"""

from __future__ import annotations

import copy
import re
from types import SimpleNamespace
from typing import Any

from wallet.verify.pyld_offline import jsonld

_ABSOLUTE_IRI = re.compile(r"^([A-Za-z][A-Za-z0-9+-.]*|_):[^\s]*$")
_KEYWORDS = frozenset(jsonld.KEYWORDS)
_OBJECT_TYPES = (dict, jsonld.frozendict)
#: Absolute-IRI answers remembered per string (IRIs repeat across and within documents); only
#: short strings, so that the memo stays small whatever the input, and emptied when full.
_IRI_MEMO: dict[str, Any] = {}
_IRI_MEMO_SIZE = 8192
_IRI_MEMO_MAX_LENGTH = 512
_MISS = object()
#: ASCII characters that ``float()`` accepts nowhere in a string: whitespace, digits, signs,
#: ``.``, ``_``, exponents and the letters of "inf", "infinity", "nan" are the only others
#: (a non-ASCII character may be a Unicode digit or space, so those are left to ``float()``).
_FLOAT_CHARACTERS = frozenset("0123456789+-._eEinftyaINFTYA")
_NEVER_IN_A_NUMBER = re.compile(
    "["
    + re.escape("".join(chr(c) for c in range(128) if chr(c) not in _FLOAT_CHARACTERS and not chr(c).isspace()))
    + "]"
)
#: Integers whose ``float()`` cannot overflow (pyld's ``_is_numeric`` lets OverflowError escape).
_FLOAT_SAFE_INT = 2**1023


def _is_absolute_iri(v: Any) -> Any:
    """pyld's ``_is_absolute_iri``: the same match object (or falsy value), remembered per short string."""
    if type(v) is str:
        hit = _IRI_MEMO.get(v, _MISS)
        if hit is not _MISS:
            return hit
        match = _ABSOLUTE_IRI.match(v)
        if len(v) <= _IRI_MEMO_MAX_LENGTH:
            if len(_IRI_MEMO) >= _IRI_MEMO_SIZE:
                _IRI_MEMO.clear()
            _IRI_MEMO[v] = match
        return match
    return isinstance(v, str) and _ABSOLUTE_IRI.match(v)


def _is_keyword(v: Any) -> bool:
    """pyld's ``_is_keyword``, with a set lookup instead of scanning its list of 40 keywords."""
    return isinstance(v, str) and v in _KEYWORDS


def _is_numeric(v: Any) -> Any:
    """pyld's ``_is_numeric`` (``float(v)`` succeeds) without raising for ordinary strings."""
    kind = type(v)
    if kind is float or kind is bool:
        return True
    if kind is int:
        if -_FLOAT_SAFE_INT < v < _FLOAT_SAFE_INT:
            return True
    elif kind is str:
        if _NEVER_IN_A_NUMBER.search(v) is not None:
            return False
    elif kind is dict or kind is list or v is None:
        return False
    return _PYLD_IS_NUMERIC(v)


def _is_integer(v: Any) -> Any:
    """pyld's ``_is_integer`` without the ``numbers`` ABC checks for the JSON types."""
    kind = type(v)
    if kind is int or kind is bool:
        return True
    if kind is float:
        return v.is_integer()
    if kind is str or kind is dict or kind is list or v is None:
        return False
    return _PYLD_IS_INTEGER(v)


def _is_double(v: Any) -> Any:
    """pyld's ``_is_double`` without the ``numbers`` ABC checks for the JSON types."""
    kind = type(v)
    if kind is float:
        return not v.is_integer()
    if kind is int or kind is bool or kind is str or kind is dict or kind is list or v is None:
        return False
    return _PYLD_IS_DOUBLE(v)


def _is_value(v: Any) -> bool:
    """pyld's ``_is_value`` with its ``_is_object`` call inlined."""
    return isinstance(v, _OBJECT_TYPES) and "@value" in v


def _is_list(v: Any) -> bool:
    """pyld's ``_is_list`` with its ``_is_object`` call inlined."""
    return isinstance(v, _OBJECT_TYPES) and "@list" in v


def add_value(subject: Any, property: str, value: Any, options: Any = None) -> None:  # noqa: A002 - pyld's name
    """pyld's ``JsonLdProcessor.add_value`` with its defaults read once and no helper calls.

    The same effects on ``subject`` and on a given ``options`` (pyld fills in
    its defaults there, and so does this), duplicates checked through
    ``JsonLdProcessor.has_value`` as pyld does (the index of
    :mod:`wallet.verify.node_index` when it is active).
    """
    if options is None:
        property_is_array = value_is_array = False
        allow_duplicate = True
    else:
        property_is_array = options.setdefault("propertyIsArray", False)
        value_is_array = options.setdefault("valueIsArray", False)
        allow_duplicate = options.setdefault("allowDuplicate", True)
    if value_is_array:
        subject[property] = value
    elif isinstance(value, list):
        if len(value) == 0 and property_is_array and property not in subject:
            subject[property] = []
        if options is None:
            options = {"propertyIsArray": False, "valueIsArray": False, "allowDuplicate": True}
        for v in value:
            _PROCESSOR.add_value(subject, property, v, options)
    elif property in subject:
        has_value = not allow_duplicate and _PROCESSOR.has_value(subject, property, value)
        if not isinstance(subject[property], list) and (not has_value or property_is_array):
            subject[property] = [subject[property]]
        if not has_value:
            subject[property].append(value)
    else:
        subject[property] = [value] if property_is_array else value


def get_context_value(ctx: Any, key: Any, type_: Any) -> Any:
    """pyld's ``JsonLdProcessor.get_context_value``, the same tests in fewer steps."""
    if key is None:
        return None
    rval = None
    if (type_ == "@language" or type_ == "@direction") and type_ in ctx:
        rval = ctx[type_]
    mappings = ctx["mappings"]
    if key in mappings:
        entry = mappings[key]
        if entry is None:
            return None
        if type_ is None:
            rval = entry
        elif type_ in entry:
            rval = entry[type_]
    return rval


def _json_copy(value: Any) -> Any:
    """``copy.deepcopy`` for a JSON tree (dicts, lists, strings, numbers, booleans, null), five times faster.

    pyld copies every document it expands (its one ``copy.deepcopy``), to
    leave the caller's untouched; our documents are JSON trees, read with a
    depth cap (``wallet.util.limits``). Anything else still goes to ``deepcopy``.
    """
    kind = type(value)
    if kind is dict:
        return {k: _json_copy(v) for k, v in value.items()}
    if kind is list:
        return [_json_copy(v) for v in value]
    if kind is str or kind is int or kind is float or kind is bool or value is None:
        return value
    return copy.deepcopy(value)


_STAND_INS: dict[str, Any] = {
    "_is_absolute_iri": _is_absolute_iri,
    "_is_keyword": _is_keyword,
    "_is_numeric": _is_numeric,
    "_is_integer": _is_integer,
    "_is_double": _is_double,
    "_is_value": _is_value,
    "_is_list": _is_list,
}
#: pyld's own functions, for the tests that compare (and for the fallbacks above).
PYLD_ORIGINALS: dict[str, Any] = {name: getattr(jsonld, name) for name in _STAND_INS}
_PROCESSOR = jsonld.JsonLdProcessor
_METHOD_STAND_INS: dict[str, Any] = {"add_value": add_value, "get_context_value": get_context_value}
#: pyld's own static methods of ``JsonLdProcessor`` (the plain functions), for the tests that compare.
PYLD_METHOD_ORIGINALS: dict[str, Any] = {name: vars(_PROCESSOR)[name].__func__ for name in _METHOD_STAND_INS}
_PYLD_IS_NUMERIC = PYLD_ORIGINALS["_is_numeric"]
_PYLD_IS_INTEGER = PYLD_ORIGINALS["_is_integer"]
_PYLD_IS_DOUBLE = PYLD_ORIGINALS["_is_double"]

for _name, _function in _STAND_INS.items():
    setattr(jsonld, _name, _function)
for _name, _method in _METHOD_STAND_INS.items():
    setattr(_PROCESSOR, _name, staticmethod(_method))
jsonld.copy = SimpleNamespace(deepcopy=_json_copy)
