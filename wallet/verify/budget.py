"""The work budget of JSON-LD processing, and one time budget per input.

Why (threat "RDFC-1.0 poison graphs" in docs/THREATS.md): verifying a Data Integrity credential runs
JSON-LD expansion, RDF conversion and RDFC-1.0 on attacker-supplied data.
Each has inputs that make it slow: thousands of ``@context`` entries or
types (a context is processed per type), tens of thousands of values, and
pyld's node map compares each value of a property with every earlier one
(quadratic: a 5,000-value credential took 18 s, a 10,000-value one 60 s).
RDFC-1.0 has its own budget (:mod:`wallet.verify.canon`).

The budget, checked in :mod:`wallet.verify.jsonld`, refuses with one plain
sentence (:class:`WorkBudgetExceeded`, reported as a failed ``jsonld`` check):

* before expansion: at most :data:`MAX_CONTEXT_ENTRIES` entries in one
  ``@context`` and as many distinct ones in the document (a bundle of 50
  credentials repeats the same few context URLs 150 times: that is cached
  work, not new work), at most :data:`MAX_DOCUMENT_CONTEXT_ENTRIES` in all,
  and :data:`MAX_INPUT_VALUES` JSON values in the document;
* during expansion: at most :data:`MAX_CONTEXT_PROCESSINGS` distinct context
  applications (counted the same whatever is in the context cache, so the
  verdict never depends on what was verified before);
* after expansion: at most :data:`MAX_EXPANDED_VALUES` values, and at most
  :data:`MAX_DUPLICATE_CHECKS` pairwise comparisons for the value arrays
  :mod:`wallet.verify.node_index` cannot index;
* after RDF conversion: at most :data:`MAX_QUADS` quads.

Each cap is about ten times what the largest real credential we have needs
(~4,000 values, ~100 context processings). On top of the counts, everything
one input causes (a presentation and each credential in it, a credential
and its status list) shares one deadline, :data:`INPUT_SECONDS` from the
outermost verification call (:func:`wallet.verify.deadline.input_budget`): RDFC-1.0 runs and
JSON-LD processing stop when it has passed. The counts decide for any input
we could construct (the tests use them); the deadline is the backstop that
makes "no input takes more than 2 s" hold for shapes nobody thought of.
"""

from __future__ import annotations

from typing import Any

from wallet.verify.deadline import INPUT_SECONDS, deadline, expired, input_budget
from wallet.verify.pyld_offline import jsonld

#: Entries in one ``@context``, and distinct entries (a URL counted once, each
#: inline context on its own) in one document: real credentials have 2-5.
MAX_CONTEXT_ENTRIES = 64
#: ``@context`` entries anywhere in one document, repeats included: a
#: presentation carries every credential's own (200 credentials of ~6 each).
MAX_DOCUMENT_CONTEXT_ENTRIES = 2_048
#: JSON values (objects, arrays, strings, numbers...) in one document before
#: expansion: ten times the largest real credential we have seen (~4,000).
MAX_INPUT_VALUES = 40_000
#: Values in the expanded document (node objects, value objects, IRIs).
MAX_EXPANDED_VALUES = 60_000
#: Pairwise duplicate checks pyld makes for value arrays that cannot be indexed
#: (sum over node/property of n(n-1)/2; ~1,000 ``@json`` values on one property).
MAX_DUPLICATE_CHECKS = 500_000
#: Distinct context applications (active context, local context) for one document: a
#: type-scoped context is applied once per type value, and processing one costs milliseconds.
MAX_CONTEXT_PROCESSINGS = 300
#: Quads in the RDF of one document.
MAX_QUADS = 60_000

__all__ = ("INPUT_SECONDS", "deadline", "input_budget")  # re-exported: wallet.verify.deadline holds them


class WorkBudgetExceeded(jsonld.JsonLdError):
    """The document needs more JSON-LD work than allowed: treated as hostile input (one plain sentence)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "jsonld.WorkBudgetExceeded")
        self.plain = message

    def __str__(self) -> str:
        return self.plain


def check_deadline() -> None:
    """Raise :class:`WorkBudgetExceeded` once the current input's time is spent."""
    if expired():
        raise WorkBudgetExceeded(
            f"processing this input took longer than the {INPUT_SECONDS:g} s allowed (possible poison data)"
        )


def _count_input(document: Any) -> tuple[int, int, int, int]:
    """(JSON values, ``@context`` entries, distinct entries, most entries in one ``@context``), iteratively."""
    values = contexts = widest = 0
    distinct: set[Any] = set()
    stack = [document]
    while stack:
        item = stack.pop()
        values += 1
        if isinstance(item, dict):
            ctx = item.get("@context")
            if ctx is not None:
                entries = ctx if isinstance(ctx, list) else [ctx]
                contexts += len(entries)
                widest = max(widest, len(entries))
                distinct.update(e if isinstance(e, str) else id(e) for e in entries)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return values, contexts, len(distinct), widest


def check_input_budget(document: Any) -> None:
    """Refuse, before any JSON-LD work, a document with too many values or contexts."""
    values, contexts, distinct, widest = _count_input(document)
    if max(widest, distinct) > MAX_CONTEXT_ENTRIES:
        raise WorkBudgetExceeded(
            f"the credential has {max(widest, distinct)} @context entries; at most {MAX_CONTEXT_ENTRIES} are processed"
        )
    if contexts > MAX_DOCUMENT_CONTEXT_ENTRIES:
        raise WorkBudgetExceeded(
            f"the document has {contexts:,} @context entries; at most {MAX_DOCUMENT_CONTEXT_ENTRIES:,} are processed"
        )
    if values > MAX_INPUT_VALUES:
        raise WorkBudgetExceeded(
            f"the credential has {values:,} JSON values; at most {MAX_INPUT_VALUES:,} are processed"
        )


def check_expanded_budget(expanded: Any) -> None:
    """Refuse an expanded document whose node map would be too much work.

    Counts the values, and the pairwise duplicate checks pyld would make for
    the value arrays :mod:`wallet.verify.node_index` cannot index (a node's
    values for one property, nodes with the same ``@id`` merged as pyld
    merges them, holding a value without a hashable key such as a ``@json``
    object).

    The pairs are counted only when they could be too many: with m property
    values in all, no grouping of them into arrays makes more than m(m-1)/2
    pairs, so a document with m(m-1)/2 within the cap (m up to 1,000, every
    real credential) needs only the first, cheap walk. The verdict and the
    sentence are the same either way (``tests/verify/test_budget_walk.py``).
    """
    values = members = 0
    stack = [expanded]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
            continue
        values += 1
        if not isinstance(item, dict) or "@value" in item:
            continue
        for key, member in item.items():
            if key == "@id":
                continue
            if isinstance(member, list):
                members += len(member)
                stack.append(member)
            else:
                members += 1
                if isinstance(member, dict):
                    stack.append(member)
    if values > MAX_EXPANDED_VALUES:
        raise WorkBudgetExceeded(
            f"the credential expands to {values:,} JSON-LD values; at most {MAX_EXPANDED_VALUES:,} are processed"
        )
    if members * (members - 1) // 2 > MAX_DUPLICATE_CHECKS:
        _check_duplicate_checks(expanded)


def _check_duplicate_checks(expanded: Any) -> None:
    """The exact count of pairwise duplicate checks (see :func:`check_expanded_budget`)."""
    from wallet.verify.node_index import indexable

    slots: dict[Any, list[int]] = {}  # (node, property) -> [values, any unindexable]
    anonymous = 0
    stack = [expanded]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
            continue
        if not isinstance(item, dict) or "@value" in item:
            continue
        node = item.get("@id")
        if not isinstance(node, str):
            anonymous += 1
            node = anonymous
        for key, member in item.items():
            if key == "@id":
                continue
            members = member if isinstance(member, list) else [member]
            slot = slots.setdefault((node, key), [0, 0])
            slot[0] += len(members)
            if not slot[1] and not all(indexable(m) for m in members):
                slot[1] = 1
            if isinstance(member, (dict, list)):
                stack.append(member)
    checks = sum(n * (n - 1) // 2 for n, unindexable in slots.values() if unindexable)
    if checks > MAX_DUPLICATE_CHECKS:
        biggest = max(n for n, unindexable in slots.values() if unindexable)
        raise WorkBudgetExceeded(
            f"the credential gives one node {biggest:,} structured values for the same property; "
            "processing it would take too long"
        )


def check_quads(quads: int) -> None:
    if quads > MAX_QUADS:
        raise WorkBudgetExceeded(f"the credential has {quads:,} RDF statements; at most {MAX_QUADS:,} are processed")
