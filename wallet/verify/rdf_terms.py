"""RDF terms as canonical N-Quads text: what canonicalization hashes and the N-Quads reader produces.

Kept apart from :mod:`wallet.verify.canon` (the RDFC-1.0 algorithm) and
:mod:`wallet.verify.nquads` (the reader) because both need it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}


def _escape_char(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    code = ord(ch)
    if code < 0x20 or code == 0x7F:
        return f"\\u{code:04X}"
    return ch


_NEEDS_ESCAPE = frozenset(list(_ESCAPES) + [chr(c) for c in range(0x20)] + ["\x7f"])
#: The same characters as one pattern: a credential's literals almost never need escaping, and
#: one search in C says so (testing each character in a generator was 2% of an RDFC verification).
_NEEDS_ESCAPE_PATTERN = re.compile("[" + re.escape("".join(sorted(_NEEDS_ESCAPE))) + "]")
_ESCAPE_TABLE = {ord(ch): _escape_char(ch) for ch in _NEEDS_ESCAPE}


def escape_literal(value: str) -> str:
    """Canonical N-Quads escaping of a literal's lexical form (RDFC-1.0 / RDF 1.2)."""
    if _NEEDS_ESCAPE_PATTERN.search(value) is None:
        return value
    return value.translate(_ESCAPE_TABLE)


def term_string(term: Mapping[str, Any]) -> str:
    """Serialise one pyld RDF term; blank nodes keep their ``_:`` label."""
    kind = term["type"]
    value = term["value"]
    if kind == "IRI":
        return "<" + value + ">"
    if kind == "blank node":
        return value
    out = '"' + escape_literal(value) + '"'
    datatype = term.get("datatype") or XSD_STRING
    language = term.get("language")
    if language:
        return out + "@" + language
    if datatype != XSD_STRING and datatype != RDF_LANGSTRING:
        out += "^^<" + datatype + ">"
    return out


Quad = tuple[str, str, str, str]  # subject, predicate, object, graph ("" = default)


def quads_of(dataset: Mapping[str, Iterable[Mapping[str, Any]]]) -> list[Quad]:
    """pyld's dataset form (graph name -> triples) as serialised-term quads.

    Subjects and predicates are IRIs or blank nodes, written here without a
    call of :func:`term_string` each (what it would return for them).
    """
    out: list[Quad] = []
    append = out.append
    for graph_name, triples in dataset.items():
        if graph_name == "@default":
            graph = ""
        elif graph_name.startswith("_:"):
            graph = graph_name
        else:
            graph = "<" + graph_name + ">"
        for t in triples:
            s = t["subject"]
            p = t["predicate"]
            kind = s["type"]
            subject = "<" + s["value"] + ">" if kind == "IRI" else s["value"] if kind == "blank node" else term_string(s)
            kind = p["type"]
            predicate = "<" + p["value"] + ">" if kind == "IRI" else p["value"] if kind == "blank node" else term_string(p)
            append((subject, predicate, term_string(t["object"]), graph))
    return out
