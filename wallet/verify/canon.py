"""Canonicalization: RDFC-1.0 with a work budget (JCS, RFC 8785, is in :mod:`wallet.verify.jcs`).

Why our own RDFC-1.0: pyld's URDNA2015 has no poison budget, so a crafted
graph of symmetric blank nodes (RDFC-1.0 section 7.1, threat "RDFC-1.0 poison graphs" in docs/THREATS.md)
could keep the wallet busy for hours. This implementation counts Hash
N-Degree Quads calls and permutations (at most 100,000 each) and checks a
wall-clock deadline (1 s by default, so that with JSON-LD processing's own
budget (:mod:`wallet.verify.jsonld`) no credential keeps the wallet busy for
more than 2 s); exceeding either raises
:class:`CanonicalizationBudgetExceeded` with a plain message. Data that
cannot be canonicalized at all (an integer outside JCS's exact range, a lone
UTF-16 surrogate) raises :class:`CanonicalizationRefused`. It also works
on pre-serialised terms, which makes the common case (every blank node has a
unique first-degree hash) fast.
"""

from __future__ import annotations

import hashlib
import itertools
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wallet.verify.deadline import INPUT_SECONDS
from wallet.verify.deadline import deadline as input_deadline
from wallet.verify.rdf_terms import Quad, quads_of

MAX_PERMUTATIONS = 100_000
MAX_NDEGREE_CALLS = 100_000
#: Nested Hash N-Degree Quads steps: a chain of blank nodes that all look alike makes the
#: algorithm recurse once per link, and Python's own stack ends near 1,000 frames. Real
#: credentials need a handful; a chain this deep is refused as poison, like the other limits.
MAX_NDEGREE_DEPTH = 128
DEFAULT_TIME_BUDGET_S = 1.0


class CanonicalizationBudgetExceeded(Exception):
    """The graph needs more work than allowed: treated as hostile input."""


class CanonicalizationRefused(ValueError):
    """The data has no canonical form (one plain sentence): no conforming signer can have signed it."""


@dataclass(frozen=True)
class Budget:
    """Limits for one canonicalization run."""

    max_permutations: int = MAX_PERMUTATIONS
    max_ndegree_calls: int = MAX_NDEGREE_CALLS
    max_ndegree_depth: int = MAX_NDEGREE_DEPTH
    seconds: float = DEFAULT_TIME_BUDGET_S


#: The hash constructors themselves: ``hashlib.new(name)`` looks the name up in Python on every call.
_HASHES: dict[str, Callable[..., Any]] = {"sha256": hashlib.sha256, "sha384": hashlib.sha384}


def _is_blank(term: str) -> bool:
    return term.startswith("_:")


class _IdIssuer:
    """RDFC-1.0 identifier issuer (prefix + counter, insertion ordered)."""

    __slots__ = ("counter", "issued", "prefix")

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.counter = 0
        self.issued: dict[str, str] = {}

    def issue(self, existing: str) -> str:
        got = self.issued.get(existing)
        if got is None:
            got = self.prefix + str(self.counter)
            self.counter += 1
            self.issued[existing] = got
        return got

    def copy(self) -> _IdIssuer:
        new = _IdIssuer(self.prefix)
        new.counter = self.counter
        new.issued = dict(self.issued)
        return new


class _Canonicalizer:
    """One run of RDFC-1.0 over a list of quads."""

    def __init__(self, quads: Sequence[Quad], budget: Budget, hash_name: str) -> None:
        self.quads = quads
        self.budget = budget
        self.hash_name = hash_name
        self.deadline = time.monotonic() + budget.seconds
        self.limit = f"{budget.seconds:g} s"
        shared = input_deadline()  # everything one input causes shares one deadline (wallet.verify.budget)
        if shared is not None and shared < self.deadline:
            self.deadline = shared
            self.limit = f"the {INPUT_SECONDS:g} s allowed for one input"
        self.permutations = 0
        self.ndegree_calls = 0
        self.ndegree_depth = 0
        self.bnode_quads: dict[str, list[Quad]] = {}
        bnode_quads = self.bnode_quads
        for q in quads:
            for term in (q[0], q[2], q[3]):
                if term.startswith("_:"):
                    lst = bnode_quads.get(term)
                    if lst is None:
                        bnode_quads[term] = [q]
                    elif lst[-1] is not q:
                        lst.append(q)
        self.canonical = _IdIssuer("_:c14n")
        self.first_degree: dict[str, str] = {}
        self._new_hash = _HASHES.get(hash_name) or (lambda data=b"": hashlib.new(hash_name, data))

    def _hash(self, data: str) -> str:
        return self._new_hash(data.encode("utf-8")).hexdigest()

    def _check_budget(self) -> None:
        if self.permutations > self.budget.max_permutations:
            raise CanonicalizationBudgetExceeded(
                "canonicalization aborted: the data needs more than "
                f"{self.budget.max_permutations} blank-node permutations (possible poison graph)"
            )
        if self.ndegree_calls > self.budget.max_ndegree_calls:
            raise CanonicalizationBudgetExceeded(
                "canonicalization aborted: the data needs more than "
                f"{self.budget.max_ndegree_calls} blank-node hashing steps (possible poison graph)"
            )
        if time.monotonic() > self.deadline:
            raise CanonicalizationBudgetExceeded(
                f"canonicalization aborted: it took longer than {self.limit} (possible poison graph)"
            )

    def hash_first_degree(self, node: str) -> str:
        cached = self.first_degree.get(node)
        if cached is not None:
            return cached
        lines = []
        for s, p, o, g in self.bnode_quads[node]:
            if s.startswith("_:"):
                s = "_:a" if s == node else "_:z"
            if o.startswith("_:"):
                o = "_:a" if o == node else "_:z"
            if g.startswith("_:"):
                g = "_:a" if g == node else "_:z"
            lines.append(f"{s} {p} {o} {g} .\n" if g else f"{s} {p} {o} .\n")
        lines.sort()
        result = self._hash("".join(lines))
        self.first_degree[node] = result
        return result

    def hash_related(self, related: str, quad: Quad, issuer: _IdIssuer, position: str) -> str:
        if related in self.canonical.issued:
            ident = self.canonical.issued[related]
        elif related in issuer.issued:
            ident = issuer.issued[related]
        else:
            ident = self.hash_first_degree(related)
        data = position + (quad[1] if position != "g" else "") + ident
        return self._hash(data)

    def hash_n_degree(self, node: str, issuer: _IdIssuer) -> tuple[str, _IdIssuer]:
        if self.ndegree_depth >= self.budget.max_ndegree_depth:
            raise CanonicalizationBudgetExceeded(
                "canonicalization aborted: the data has a chain of more than "
                f"{self.budget.max_ndegree_depth} look-alike blank nodes (possible poison graph)"
            )
        self.ndegree_depth += 1
        try:
            return self._hash_n_degree(node, issuer)
        finally:
            self.ndegree_depth -= 1

    def _hash_n_degree(self, node: str, issuer: _IdIssuer) -> tuple[str, _IdIssuer]:
        self.ndegree_calls += 1
        self._check_budget()
        related_map: dict[str, list[str]] = {}
        for quad in self.bnode_quads[node]:
            for term, pos in ((quad[0], "s"), (quad[2], "o"), (quad[3], "g")):
                if term and _is_blank(term) and term != node:
                    h = self.hash_related(term, quad, issuer, pos)
                    related_map.setdefault(h, []).append(term)
        data = []
        for related_hash in sorted(related_map):
            data.append(related_hash)
            chosen_path = ""
            chosen_issuer: _IdIssuer | None = None
            for perm in itertools.permutations(related_map[related_hash]):
                self.permutations += 1
                if self.permutations % 64 == 0 or self.permutations > self.budget.max_permutations:
                    self._check_budget()
                issuer_copy = issuer.copy()
                path = ""
                recursion: list[str] = []
                skip = False
                for rel in perm:
                    if rel in self.canonical.issued:
                        path += self.canonical.issued[rel]
                    else:
                        if rel not in issuer_copy.issued:
                            recursion.append(rel)
                        path += issuer_copy.issue(rel)
                    if chosen_path and len(path) >= len(chosen_path) and path > chosen_path:
                        skip = True
                        break
                if skip:
                    continue
                for rel in recursion:
                    result_hash, result_issuer = self.hash_n_degree(rel, issuer_copy)
                    path += issuer_copy.issue(rel) + "<" + result_hash + ">"
                    issuer_copy = result_issuer
                    if chosen_path and len(path) >= len(chosen_path) and path > chosen_path:
                        skip = True
                        break
                if skip:
                    continue
                if not chosen_path or path < chosen_path:
                    chosen_path = path
                    chosen_issuer = issuer_copy
            data.append(chosen_path)
            if chosen_issuer is not None:
                issuer = chosen_issuer
        return self._hash("".join(data)), issuer

    def run(self) -> tuple[str, dict[str, str]]:
        non_normalized = set(self.bnode_quads)
        hash_to_nodes: dict[str, list[str]] = {}
        for node in non_normalized:
            hash_to_nodes.setdefault(self.hash_first_degree(node), []).append(node)
        for h in sorted(hash_to_nodes):
            nodes = hash_to_nodes[h]
            if len(nodes) == 1:
                self.canonical.issue(nodes[0])
        for h in sorted(hash_to_nodes):
            nodes = hash_to_nodes[h]
            if len(nodes) == 1:
                continue
            results: list[tuple[str, _IdIssuer]] = []
            for node in nodes:
                if node in self.canonical.issued:
                    continue
                temp = _IdIssuer("_:b")
                temp.issue(node)
                results.append(self.hash_n_degree(node, temp))
            for _, result_issuer in sorted(results, key=lambda r: r[0]):
                for existing in result_issuer.issued:
                    self.canonical.issue(existing)
        mapping = self.canonical.issued
        lines = []
        for s, p, o, g in self.quads:
            if s.startswith("_:"):
                s = mapping[s]
            if o.startswith("_:"):
                o = mapping[o]
            if g.startswith("_:"):
                g = mapping[g]
            lines.append(f"{s} {p} {o} {g} .\n" if g else f"{s} {p} {o} .\n")
        lines = sorted(set(lines))
        return "".join(lines), {k[2:]: v[2:] for k, v in mapping.items()}


def canonicalize_quads(
    quads: Sequence[Quad], budget: Budget | None = None, hash_algorithm: str = "sha256"
) -> str:
    """Canonical N-Quads of a list of quads (raises CanonicalizationBudgetExceeded or CanonicalizationRefused).

    The result is checked to encode as UTF-8, so callers may ``.encode()`` it.
    """
    try:
        result = _Canonicalizer(quads, budget or Budget(), hash_algorithm).run()[0]
        result.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise CanonicalizationRefused(
            "the data contains text that is not valid Unicode (a lone UTF-16 surrogate), so it has no canonical form"
        ) from exc
    return result


def canonical_issued(
    quads: Sequence[Quad], budget: Budget | None = None, hash_algorithm: str = "sha256"
) -> dict[str, str]:
    """The issued identifier map (input label -> canonical label), for the test suite."""
    return _Canonicalizer(quads, budget or Budget(), hash_algorithm).run()[1]


def canonicalize_dataset(
    dataset: Mapping[str, Iterable[Mapping[str, Any]]], budget: Budget | None = None
) -> str:
    """Canonical N-Quads of a pyld RDF dataset."""
    return canonicalize_quads(quads_of(dataset), budget)
