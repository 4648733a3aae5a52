"""An N-Quads reader for the RDFC-1.0 conformance suite.

Why not pyld's: it does not decode ``\\uXXXX``/``\\UXXXXXXXX`` escapes or
``\\b``/``\\f``/``\\'``, which the suite's escaping test needs. Credentials never
go through this module; they reach the canonicalizer as pyld RDF datasets.
"""

from __future__ import annotations

import re

from wallet.verify.rdf_terms import Quad, term_string

_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_NQ_TERM = re.compile(
    r'\s*(?:<([^>]*)>|(_:[A-Za-z0-9_][A-Za-z0-9_.\-]*)|"((?:[^"\\]|\\.)*)"(?:\^\^<([^>]*)>|@([A-Za-z]+(?:-[A-Za-z0-9]+)*))?)'
)


def _unescape_iri(text: str) -> str:
    return _UCHAR.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def _unescape_literal(text: str) -> str:
    out = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        nxt = text[i + 1]
        if nxt == "u":
            out.append(chr(int(text[i + 2 : i + 6], 16)))
            i += 6
        elif nxt == "U":
            out.append(chr(int(text[i + 2 : i + 10], 16)))
            i += 10
        else:
            out.append(_ECHAR[nxt])
            i += 2
    return "".join(out)


def parse_nquads(text: str) -> list[Quad]:
    """Quads from an N-Quads document, every escape decoded, terms serialised canonically.

    Used for the RDFC-1.0 conformance suite; credentials never go through it.
    """
    quads: list[Quad] = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        terms: list[str] = []
        pos = 0
        while True:
            match = _NQ_TERM.match(line, pos)
            if match is None:
                break
            iri, bnode, lexical, datatype, language = match.groups()
            if iri is not None:
                terms.append("<" + _unescape_iri(iri) + ">")
            elif bnode is not None:
                terms.append(bnode)
            else:
                term = {"type": "literal", "value": _unescape_literal(lexical or "")}
                if language:
                    term["language"] = language
                elif datatype:
                    term["datatype"] = _unescape_iri(datatype)
                terms.append(term_string(term))
            pos = match.end()
        if line[pos:].strip() != "." or len(terms) not in (3, 4):
            raise ValueError(f"line {number} is not an N-Quads statement")
        quads.append((terms[0], terms[1], terms[2], terms[3] if len(terms) == 4 else ""))
    return quads
