"""The N-Quads term writer (wallet.verify.rdf_terms) against its straightforward earlier form.

Why: every quad a signature covers passes through it; the faster escaping
(one pattern search, then ``str.translate``) and the inlined subject and
predicate of :func:`quads_of` must write exactly what the plain versions
below, character by character, write.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.hypothesis_profiles import examples
from wallet.verify import rdf_terms
from wallet.verify.rdf_terms import RDF_LANGSTRING, XSD_STRING, escape_literal, quads_of, term_string

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _plain_escape(value: str) -> str:
    """The per-character escaping rdf_terms used before (RDFC-1.0 / RDF 1.2 canonical N-Quads)."""
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return "".join(out)


def _plain_term(term: dict[str, Any]) -> str:
    if term["type"] == "IRI":
        return "<" + term["value"] + ">"
    if term["type"] == "blank node":
        return term["value"]
    out = '"' + _plain_escape(term["value"]) + '"'
    if term.get("language"):
        return out + "@" + term["language"]
    datatype = term.get("datatype") or XSD_STRING
    return out if datatype in (XSD_STRING, RDF_LANGSTRING) else out + "^^<" + datatype + ">"


def _plain_quads(dataset: dict[str, list[dict[str, Any]]]) -> list[tuple[str, str, str, str]]:
    out = []
    for name, triples in dataset.items():
        graph = "" if name == "@default" else name if name.startswith("_:") else "<" + name + ">"
        for t in triples:
            out.append((_plain_term(t["subject"]), _plain_term(t["predicate"]), _plain_term(t["object"]), graph))
    return out


TEXT = st.one_of(st.text(), st.text(alphabet=st.characters(max_codepoint=0x80)), st.sampled_from(
    ['a"b', "a\\b", "\x00\x1f\x7f\x80", "line\nbreak\r\t", "\b\f", "plain", "", "é\u2028\U0001F600"]))
LITERALS = st.builds(
    lambda value, datatype, language: {"type": "literal", "value": value, "datatype": datatype,
                                       **({"language": language} if language is not None else {})},
    TEXT, st.sampled_from([None, "", XSD_STRING, RDF_LANGSTRING, "http://www.w3.org/2001/XMLSchema#integer"]),
    st.sampled_from([None, "", "en", "sl-SI"]),
)
NODES = st.builds(lambda kind, value: {"type": kind, "value": value}, st.sampled_from(["IRI", "blank node"]), TEXT)
TERMS = st.one_of(NODES, LITERALS)
TRIPLES = st.builds(lambda s, p, o: {"subject": s, "predicate": p, "object": o}, st.one_of(NODES, LITERALS), TERMS, TERMS)
DATASETS = st.dictionaries(st.sampled_from(["@default", "_:g0", "urn:graph"]), st.lists(TRIPLES, max_size=4), max_size=3)


@settings(max_examples=examples(300))
@given(TEXT)
def test_escape_literal_matches_the_plain_escaping(value: str) -> None:
    assert escape_literal(value) == _plain_escape(value)


def test_escape_literal_covers_every_character_that_needs_it() -> None:
    for code in range(0x3000):
        ch = chr(code)
        assert escape_literal("x" + ch + "y") == _plain_escape("x" + ch + "y"), hex(code)


@settings(max_examples=examples(200))
@given(TERMS)
def test_term_string_matches_the_plain_writer(term: dict[str, Any]) -> None:
    assert term_string(term) == _plain_term(term)


@settings(max_examples=examples(200))
@given(DATASETS)
def test_quads_of_matches_the_plain_writer(dataset: dict[str, list[dict[str, Any]]]) -> None:
    assert quads_of(dataset) == _plain_quads(dataset)


def test_the_escape_table_is_the_escape_set() -> None:
    assert {chr(c) for c in rdf_terms._ESCAPE_TABLE} == set(rdf_terms._NEEDS_ESCAPE)
