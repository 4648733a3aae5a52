"""Reading a JSON-LD document through the forms it is *signed* as, for display.

Why: a Data Integrity proof over RDF signs the graph, not the JSON. Several
JSON spellings give the same graph — ``"grade": "E"`` and
``"grade": {"@value": "E"}``, ``"creditsEarned": 3`` and ``[3]`` or
``{"@set": [3]}``, ``"id"`` and ``"@id"`` (the VC contexts alias one to the
other), a value repeated in an array (an RDF graph is a set). A holder can
rewrite the JSON that way without breaking the signature. If the display
code read only the first spelling, such a rewrite would make a grade or the
credits show "not stated": what is shown would not be what is signed.

:func:`plain_forms` turns every such spelling back into the plain one before
the display model is built, so every reader sees what the signature covers.
Only the display copy is rewritten: verification always works on the
document as received. Language-tagged values (``@language``, ``@direction``)
are kept as value objects, which the language-map readers understand.
"""

from __future__ import annotations

import json
from typing import Any

#: Keys the VC, OB and ELM contexts alias to JSON-LD keywords (``"id": "@id"``, ``"type": "@type"``).
_ALIASES = {"@id": "id", "@type": "type"}


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _plain_list(items: list[Any]) -> Any:
    flat: list[Any] = []
    for item in items:
        value = plain_forms(item)
        # {"@set": [...]} (or a one-element array) inside an array adds nothing in JSON-LD: flatten it
        flat.extend(value if isinstance(value, list) else [value])
    unique: dict[str, Any] = {}
    for value in flat:
        unique.setdefault(_key(value), value)  # the same value twice is one triple
    values = list(unique.values())
    return values[0] if len(values) == 1 else values


def plain_forms(node: Any) -> Any:
    """A copy of ``node`` with the signed-equivalent JSON-LD spellings made plain (see the module docstring).

    ``@context`` is kept as is; a value object without a language becomes its
    value; ``@set`` becomes its members; a one-element array its element;
    ``@id``/``@type`` on a node become ``id``/``type`` where those are not used.
    JSON nesting is capped by the loaders (``wallet.util.limits.MAX_JSON_DEPTH``).
    """
    if isinstance(node, list):
        return _plain_list(node)
    if not isinstance(node, dict):
        return node
    if set(node) == {"@set"} or (set(node) == {"@set", "@index"}):
        inner = node["@set"]
        return _plain_list(inner if isinstance(inner, list) else [inner])
    if "@value" in node and not ({"@language", "@direction"} & set(node)):
        value = node["@value"]
        return value if not isinstance(value, (dict, list)) else node
    return plain_node(node)


def plain_node(node: dict[str, Any]) -> dict[str, Any]:
    """:func:`plain_forms` of a document's top-level node, which stays a node.

    A credential is a node whatever keys it carries: read as a value object or
    an ``@set`` it would stop being a dictionary, and the readers expect one.
    """
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "@context":
            out[key] = value
            continue
        name = _ALIASES.get(key) or key
        if name != key and name in node:
            name = key  # both spellings present: keep them apart
        out[name] = plain_forms(value)
    return out
