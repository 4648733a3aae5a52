"""Claims path pointers (OID4VP 1.0 section 7): which claims of a credential a path selects.

A path is a list of names (object keys), non-negative integers (array
positions) and ``null`` (every element of an array). Processing starts at the
credential's claims and narrows the selection one element at a time
(section 7.2.1): a name keeps, of each selected object, that key's value
(objects without the key drop out); an integer keeps that element of each
selected array; ``null`` keeps every element. Selecting into something of
the wrong type (a name into an array, a position into a string) is an error,
and so is an empty selection at the end: the credential does not have the
claim.

The result keeps the *concrete* path of every selected value
(``("items", 2, "name")``), because that is what the wallet discloses
(SD-JWT) and shows to the user. ``values`` (section 6.3) keeps only the
selected values equal, in type and value, to one the verifier listed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wallet.oid4vp.dcql import ClaimValue, PathElement

Concrete = tuple[str | int, ...]
#: A wildcard over a huge array must not turn one path into a million selections.
MAX_SELECTED = 10_000


class PathError(Exception):
    """The path selects into something of the wrong type (section 7.2.1: abort)."""


def select(claims: Any, path: Sequence[PathElement]) -> list[tuple[Concrete, Any]]:
    """(concrete path, value) of everything ``path`` selects; PathError on a type mismatch."""
    selection: list[tuple[Concrete, Any]] = [((), claims)]
    for element in path:
        narrowed: list[tuple[Concrete, Any]] = []
        for where, node in selection:
            if isinstance(element, str):
                if not isinstance(node, dict):
                    raise PathError(f"{_show(where)} is not an object")
                if element in node:
                    narrowed.append(((*where, element), node[element]))
            elif element is None:
                if not isinstance(node, list):
                    raise PathError(f"{_show(where)} is not an array")
                narrowed.extend(((*where, n), item) for n, item in enumerate(node))
            else:
                if not isinstance(node, list):
                    raise PathError(f"{_show(where)} is not an array")
                if element < len(node):
                    narrowed.append(((*where, element), node[element]))
            if len(narrowed) > MAX_SELECTED:
                raise PathError("the path selects too many values")
        selection = narrowed
        if not selection:
            return []
    return selection


def same_value(actual: Any, wanted: ClaimValue) -> bool:
    """Equal in type and value: ``1`` is not ``true``, ``"5"`` is not ``5``."""
    if isinstance(wanted, bool) or isinstance(actual, bool):
        return isinstance(wanted, bool) and isinstance(actual, bool) and actual is wanted
    if isinstance(wanted, int):
        return isinstance(actual, int) and actual == wanted or (isinstance(actual, float) and actual == wanted)
    return isinstance(actual, str) and actual == wanted


def matching(claims: Any, path: Sequence[PathElement],
             values: Sequence[ClaimValue] | None) -> list[tuple[Concrete, Any]]:
    """What :func:`select` finds, narrowed to the accepted ``values`` when the query lists some."""
    found = select(claims, path)
    if values is None:
        return found
    return [(where, value) for where, value in found if any(same_value(value, v) for v in values)]


def _show(path: Concrete) -> str:
    out = ""
    for element in path:
        out += f"[{element}]" if isinstance(element, int) else ("." if out else "") + element
    return out or "the credential"
