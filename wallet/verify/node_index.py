"""A linear-time duplicate check for pyld's node map (the quadratic part of JSON-LD to RDF).

Why: when pyld builds the node map it adds each value of a property only if
an equal one is not there yet, comparing it with every value already there.
A node with n values for one property costs n²/2 comparisons: a credential
with 5,000 values took 18 s to verify, one with 10,000 took 60 s, and a
200-node blank-node clique 7 s. pyld calls ``JsonLdProcessor.has_value`` by
its class name, so the only place to fix it is that function; this module
replaces it with :func:`has_value`, which keeps an index of each long value
array while :func:`indexing` is active (only inside
:meth:`wallet.verify.jsonld.CachingProcessor.to_rdf`) and otherwise is
pyld's own function.

Exactness matters more than speed: dropping a value that is not a duplicate
would drop data from what the signature covers. So the index key
(:func:`value_key`) is equal for exactly the values pyld's
``compare_values`` calls equal, a hit is confirmed with ``compare_values``
itself, and whatever the index cannot decide (a value without a hashable
key, such as a ``@json`` object; an array that shrank or whose indexed
value changed) goes to pyld's own code. pyld only ever appends to these
arrays; were one changed in place, a miss could at worst keep a duplicate
(an extra statement, which fails the signature), never drop a value. ``tests/verify/test_node_index.py`` checks the
result against pyld's on random value arrays.
"""

from __future__ import annotations

import threading
from typing import Any

from wallet.verify.pyld_offline import jsonld

_PYLD_HAS_VALUE = jsonld.JsonLdProcessor.has_value
_PYLD_COMPARE = jsonld.JsonLdProcessor.compare_values
_UNINDEXABLE = object()
#: Arrays shorter than this are compared the plain way (cheaper than indexing).
MIN_INDEXED = 16
_STATE = threading.local()


def value_key(value: Any) -> Any:
    """A hashable key equal for exactly the values ``compare_values`` calls equal, or ``_UNINDEXABLE``.

    ``compare_values``: primitives equal with ``True != 1`` (and ``1 == 1.0``);
    value objects equal when ``@type``, ``@language``, ``@index`` and
    ``@value`` are (same bool rule); other objects when they have the same
    non-null ``@id``; an object without ``@id`` only to itself.
    """
    kind = type(value)
    if kind is dict:
        if "@value" in value:
            if "@id" in value:
                return _UNINDEXABLE
            literal = value["@value"]
            key: Any = ("v", value.get("@type"), value.get("@language"), value.get("@index"),
                        type(literal) is bool, literal)
        else:
            ident = value.get("@id")
            key = ("i", ident) if ident is not None else ("o", id(value))
    elif kind in (str, int, float, bool) or value is None:
        key = ("p", kind is bool, value)
    else:
        return _UNINDEXABLE
    try:
        hash(key)
    except TypeError:
        return _UNINDEXABLE
    return key


def indexable(value: Any) -> bool:
    return value_key(value) is not _UNINDEXABLE


class _ValueIndex:
    """Keys of one value array of the node map, extended as pyld appends to it."""

    __slots__ = ("count", "exact", "keys", "values")

    def __init__(self, values: list[Any]) -> None:
        self.values = values  # a strong reference: the id() used as key cannot be reused
        self.count = 0
        self.exact = True
        self.keys: dict[Any, int] = {}

    def catch_up(self) -> None:
        values = self.values
        for position in range(self.count, len(values)):
            key = value_key(values[position])
            if key is _UNINDEXABLE:
                self.exact = False
                break
            self.keys.setdefault(key, position)
        self.count = len(values)


class indexing:  # noqa: N801 - used as ``with indexing():``, like the function it was
    """Index the long value arrays of the node map built inside this block (this thread only).

    A class rather than a ``@contextmanager`` generator: it is entered for
    every RDF conversion, and the generator's set-up cost more than the work.
    """

    __slots__ = ()

    def __enter__(self) -> None:
        _STATE.indexes = {}

    def __exit__(self, *exc_info: object) -> None:
        _STATE.indexes = None


def has_value(subject: Any, property: str, value: Any) -> bool:
    """pyld's ``has_value``, in constant time for long arrays while :func:`indexing` is active."""
    indexes: dict[int, _ValueIndex] | None = getattr(_STATE, "indexes", None)
    values = subject.get(property) if type(subject) is dict else None
    if indexes is None or type(values) is not list or len(values) < MIN_INDEXED:
        return bool(_PYLD_HAS_VALUE(subject, property, value))
    index = indexes.get(id(values))
    if index is None or index.values is not values or index.count > len(values):
        index = indexes[id(values)] = _ValueIndex(values)
    if index.count < len(values):
        index.catch_up()
    key = value_key(value)
    if not index.exact or key is _UNINDEXABLE:
        return bool(_PYLD_HAS_VALUE(subject, property, value))
    position = index.keys.get(key)
    if position is None:
        return False
    if _PYLD_COMPARE(value, values[position]):
        return True
    return bool(_PYLD_HAS_VALUE(subject, property, value))  # the array was changed in place: ask pyld


jsonld.JsonLdProcessor.has_value = staticmethod(has_value)  # type: ignore[method-assign]
