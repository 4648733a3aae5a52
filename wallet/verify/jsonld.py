"""The offline JSON-LD document loader: bundled, hash-pinned contexts only.

Why: a verifier that fetches ``@context`` URLs can be steered (SSRF, context
substitution, w3c/vc-data-integrity#272) and stops working offline. Every
context the wallet understands ships in ``resources/contexts`` with its SHA-256
in ``index.json``; any other URL is refused with
``loading document failed: <url> is not a bundled context``. pyld's own
network loader is never reachable through this module.

Processed contexts are cached across calls (one ``ContextResolver`` cache per
process, fed only by this loader) because re-processing the OB 3.0 context
dominates the cost of expanding a small credential.

Work budget (SECURITY.md row 15, like RDFC-1.0's in :mod:`wallet.verify.canon`):
JSON-LD processing is attacker-driven work, and pyld's node map is quadratic
in the number of values one node has for one property (each value is
compared with every earlier one to drop duplicates). Before any work, a
document may hold at most :data:`MAX_CONTEXT_ENTRIES` ``@context`` entries and
:data:`MAX_INPUT_VALUES` JSON values; after expansion, at most
:data:`MAX_EXPANDED_VALUES` values and :data:`MAX_DUPLICATE_CHECKS` pairwise
duplicate checks; the RDF at most :data:`MAX_QUADS` quads. Above a cap,
:class:`WorkBudgetExceeded` says which, in one plain sentence. The
duplicate check itself is made linear by :func:`_has_value` (an index with
exactly pyld's ``compare_values`` semantics, checked by a property test), so
only arrays it cannot index count against the pairwise cap; every cap is
about ten times what the largest real credential needs.
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
import threading
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from cachetools import LRUCache
from pyld import jsonld
from pyld.context_resolver import ContextResolver

from wallet.resources import resource

#: At most this many context URLs may be dereferenced while resolving one
#: document (pyld's default, SECURITY.md row 8).
MAX_CONTEXT_URLS = 10
#: ``@context`` entries anywhere in one document (real credentials have 2-5).
MAX_CONTEXT_ENTRIES = 64
#: JSON values (objects, arrays, strings, numbers...) in one document before
#: expansion: ten times the largest real credential we have seen (~4,000).
MAX_INPUT_VALUES = 40_000
#: Values in the expanded document (node objects, value objects, IRIs).
MAX_EXPANDED_VALUES = 60_000
#: Pairwise duplicate checks pyld makes for value arrays that cannot be indexed
#: (sum over node/property of n(n-1)/2; ~1,000 ``@json`` values on one property).
MAX_DUPLICATE_CHECKS = 500_000
#: Contexts actually processed (not taken from the cache) for one document: a type-scoped
#: context is applied once per type value, and each application costs milliseconds.
MAX_CONTEXT_PROCESSINGS = 300
#: Quads in the RDF of one document.
MAX_QUADS = 60_000

_SHARED_CACHE: LRUCache = LRUCache(maxsize=256)
_log = logging.getLogger(__name__)


class ContextLoadError(Exception):
    """A context URL is not bundled, or a bundled file does not match its pin."""


class WorkBudgetExceeded(jsonld.JsonLdError):
    """The document needs more JSON-LD work than allowed: treated as hostile input (one plain sentence)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "jsonld.WorkBudgetExceeded")
        self.plain = message

    def __str__(self) -> str:
        return self.plain


class MalformedJsonLd(jsonld.JsonLdError):
    """pyld failed on the document with an error it does not report as JSON-LD (a None where it expects a value)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "jsonld.SyntaxError")
        self.plain = message

    def __str__(self) -> str:
        return self.plain


@dataclass(frozen=True)
class BundledContext:
    url: str
    file: str
    sha256: str


@lru_cache(maxsize=1)
def bundled_index() -> Mapping[str, BundledContext]:
    """URL -> bundled context, read once from ``resources/contexts/index.json``."""
    raw = json.loads(resource("contexts", "index.json").read_text(encoding="utf-8"))
    return {url: BundledContext(url, entry["file"], entry["sha256"]) for url, entry in raw.items()}


def is_bundled(url: str) -> bool:
    return url in bundled_index()


@lru_cache(maxsize=64)
def _load_pinned(url: str) -> Any:
    entry = bundled_index().get(url)
    if entry is None:
        raise ContextLoadError(f"loading document failed: {url} is not a bundled context")
    data = resource("contexts", entry.file).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != entry.sha256:
        raise ContextLoadError(
            f"loading document failed: the bundled copy of {url} does not match its pinned hash"
        )
    return json.loads(data)


def load_context(url: str) -> Any:
    """The parsed bundled context for ``url`` (a private copy), or ContextLoadError."""
    return copy.deepcopy(_load_pinned(url))


def document_loader(url: str, options: Mapping[str, Any] | None = None) -> dict[str, Any]:  # noqa: ARG001 - pyld's loader signature
    """pyld document loader: bundled contexts only, tagged static so they are cached."""
    return {
        "contextUrl": None,
        "documentUrl": url,
        "document": load_context(url),
        "tag": "static",
    }


def new_resolver() -> ContextResolver:
    """A context resolver over the shared cache with the URL cap applied."""
    return ContextResolver(_SHARED_CACHE, document_loader, max_context_urls=MAX_CONTEXT_URLS)


def options(**extra: Any) -> dict[str, Any]:
    """pyld options that can only ever reach bundled contexts."""
    opts: dict[str, Any] = {
        "documentLoader": document_loader,
        "contextResolver": new_resolver(),
        "processingMode": "json-ld-1.1",
        "base": "",
    }
    opts.update(extra)
    return opts


def explain(exc: BaseException) -> str:
    """One readable sentence for a pyld failure, surfacing the loader's own message."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    messages: list[str] = []
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, (ContextLoadError, WorkBudgetExceeded, MalformedJsonLd)):
            return str(cur)
        details = getattr(cur, "details", None)
        code = getattr(cur, "code", None)
        if code:
            messages.append(f"{code}")
        elif isinstance(cur, jsonld.JsonLdError):
            messages.append(str(cur).split("\n")[0])
        if isinstance(details, dict) and details.get("url") and not is_bundled(str(details["url"])):
            return f"loading document failed: {details['url']} is not a bundled context"
        cur = cur.__cause__ or cur.__context__
    if messages:
        return "the JSON-LD could not be processed: " + messages[-1]
    return f"the JSON-LD could not be processed: {exc}"


_PROCESSED: LRUCache = LRUCache(maxsize=8192)
_CTX_KEYS: LRUCache = LRUCache(maxsize=8192)
_IRIS: LRUCache = LRUCache(maxsize=65536)


def _context_key(local_ctx: Any) -> str:
    """A stable key for a local context; object identity is remembered to skip re-serialising.

    The key keeps a reference to the object it was computed for, so an id is
    never reused for a different object while its entry lives.
    """
    if isinstance(local_ctx, str):
        return local_ctx
    hit = _CTX_KEYS.get(id(local_ctx))
    if hit is not None and hit[0] is local_ctx:
        return hit[1]
    key = json.dumps(local_ctx, sort_keys=True, default=lambda o: dict(o) if isinstance(o, Mapping) else str(o))
    _CTX_KEYS[id(local_ctx)] = (local_ctx, key)
    return key


def _count_input(document: Any) -> tuple[int, int]:
    """(JSON values, ``@context`` entries) of a document, iteratively."""
    values = contexts = 0
    stack = [document]
    while stack:
        item = stack.pop()
        values += 1
        if isinstance(item, dict):
            ctx = item.get("@context")
            if ctx is not None:
                contexts += len(ctx) if isinstance(ctx, list) else 1
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return values, contexts


def check_input_budget(document: Any) -> None:
    """Refuse, before any JSON-LD work, a document with too many values or contexts."""
    values, contexts = _count_input(document)
    if contexts > MAX_CONTEXT_ENTRIES:
        raise WorkBudgetExceeded(
            f"the credential has {contexts} @context entries; at most {MAX_CONTEXT_ENTRIES} are processed"
        )
    if values > MAX_INPUT_VALUES:
        raise WorkBudgetExceeded(
            f"the credential has {values:,} JSON values; at most {MAX_INPUT_VALUES:,} are processed"
        )


def check_expanded_budget(expanded: Any) -> None:
    """Refuse an expanded document whose node map would be too much work.

    Counts the values, and the pairwise duplicate checks pyld would make for
    the value arrays :func:`_has_value` cannot index (a node's values for one
    property, nodes with the same ``@id`` merged as pyld merges them, holding
    a value without a hashable key such as a ``@json`` object).
    """
    values = 0
    slots: dict[Any, list[int]] = {}  # (node, property) -> [values, any unindexable]
    anonymous = 0
    stack = [expanded]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
            continue
        values += 1
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
            if not slot[1] and any(_value_key(m) is _UNINDEXABLE for m in members):
                slot[1] = 1
            if isinstance(member, (dict, list)):
                stack.append(member)
    if values > MAX_EXPANDED_VALUES:
        raise WorkBudgetExceeded(
            f"the credential expands to {values:,} JSON-LD values; at most {MAX_EXPANDED_VALUES:,} are processed"
        )
    checks = sum(n * (n - 1) // 2 for n, unindexable in slots.values() if unindexable)
    if checks > MAX_DUPLICATE_CHECKS:
        biggest = max(n for n, unindexable in slots.values() if unindexable)
        raise WorkBudgetExceeded(
            f"the credential gives one node {biggest:,} structured values for the same property; "
            "processing it would take too long"
        )


_PYLD_HAS_VALUE = jsonld.JsonLdProcessor.has_value
_PYLD_COMPARE = jsonld.JsonLdProcessor.compare_values
_UNINDEXABLE = object()
#: Value indexes of the node map being built (only inside :meth:`CachingProcessor.to_rdf`).
_STATE = threading.local()


def _value_key(value: Any) -> Any:
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
            key = _value_key(values[position])
            if key is _UNINDEXABLE:
                self.exact = False
                return
            self.keys.setdefault(key, position)
        self.count = len(values)


def _has_value(subject: Any, property: str, value: Any) -> bool:
    """pyld's ``has_value`` in constant time for the node map's long value arrays.

    pyld compares a new value with every value already there, which makes a
    node with n values for one property cost n²/2 comparisons (a 5,000-value
    credential took 18 s). While :meth:`CachingProcessor.to_rdf` builds the
    node map, each long array gets an index of :func:`_value_key` keys that
    follows pyld's appends. A hit is confirmed with pyld's own
    ``compare_values``; anything the index cannot decide exactly (an array
    holding an unhashable value, an array changed other than by appending)
    goes to pyld's own code. A property test checks the result against pyld's.
    """
    indexes: dict[int, _ValueIndex] | None = getattr(_STATE, "indexes", None)
    values = subject.get(property) if type(subject) is dict else None
    if indexes is None or type(values) is not list or len(values) < 16:
        return bool(_PYLD_HAS_VALUE(subject, property, value))
    index = indexes.get(id(values))
    if index is None or index.values is not values or index.count > len(values):
        index = indexes[id(values)] = _ValueIndex(values)
    if index.count < len(values):
        index.catch_up()
    key = _value_key(value)
    if not index.exact or key is _UNINDEXABLE:
        return bool(_PYLD_HAS_VALUE(subject, property, value))
    position = index.keys.get(key)
    if position is None:
        return False
    if _PYLD_COMPARE(value, values[position]):
        return True
    return bool(_PYLD_HAS_VALUE(subject, property, value))  # the array was changed in place: ask pyld


jsonld.JsonLdProcessor.has_value = staticmethod(_has_value)  # type: ignore[method-assign]


class CachingProcessor(jsonld.JsonLdProcessor):
    """pyld's processor with processed contexts memoised across documents.

    Why: pyld gives each non-propagated (type-scoped) context application a
    fresh random id, so its own per-context cache never hits and the Open
    Badges context's scoped contexts are re-processed for every credential.
    Context processing is a pure function of (active context, local context,
    flags, base), and active contexts returned from here are frozen and
    reused, so memoising on that tuple is safe and makes expansion about
    twice as fast. Errors are never cached.
    """

    def _process_context(  # type: ignore[override]
        self,
        active_ctx: Any,
        local_ctx: Any,
        options: dict[str, Any],
        override_protected: bool = False,
        propagate: bool = True,
        validate_scoped: bool = True,
        cycles: Any = None,
    ) -> Any:
        uid = active_ctx.get("_uuid") if isinstance(active_ctx, Mapping) else None
        if uid is None or not validate_scoped:
            self._count_processing()
            return super()._process_context(
                active_ctx, local_ctx, options, override_protected, propagate, validate_scoped, cycles
            )
        key = (uid, _context_key(local_ctx), override_protected, propagate, options.get("base", ""))
        hit = _PROCESSED.get(key)
        if hit is not None:
            return hit
        self._count_processing()
        result = super()._process_context(
            active_ctx, local_ctx, options, override_protected, propagate, validate_scoped, cycles
        )
        if isinstance(result, Mapping) and result.get("_uuid"):
            _PROCESSED[key] = result
        return result

    def _count_processing(self) -> None:
        """One more context actually processed for this document (cache hits are free)."""
        self.processed_contexts = getattr(self, "processed_contexts", 0) + 1
        if self.processed_contexts > MAX_CONTEXT_PROCESSINGS:
            raise WorkBudgetExceeded(
                f"the credential needs more than {MAX_CONTEXT_PROCESSINGS} JSON-LD context applications "
                "(for example thousands of types, each with its own context)"
            )

    def _expand_iri(  # type: ignore[override]
        self,
        active_ctx: Any,
        value: Any,
        base: Any = None,
        vocab: bool = False,
        local_ctx: Any = None,
        defined: Any = None,
    ) -> Any:
        """Memoised outside context processing: a function of the (frozen) active context."""
        uid = active_ctx.get("_uuid") if local_ctx is None and isinstance(value, str) else None
        if uid is None or not isinstance(base, (str, type(None))):
            return super()._expand_iri(active_ctx, value, base, vocab, local_ctx, defined)
        key = (uid, value, base, vocab)
        try:
            return _IRIS[key]
        except KeyError:
            result = super()._expand_iri(active_ctx, value, base, vocab, local_ctx, defined)
            _IRIS[key] = result
            return result

    def expand(self, input_: Any, options: Any = None) -> Any:
        """pyld's expansion inside the work budget (``to_rdf`` expands through here too).

        pyld fails on some malformed documents with a Python error instead of
        a JSON-LD error (``null`` where it expects a type, ``@index`` of the
        wrong type, a lone surrogate in a context); those become
        :class:`MalformedJsonLd`.
        """
        check_input_budget(input_)
        try:
            expanded = super().expand(input_, options)
        except (AttributeError, TypeError, KeyError, IndexError, ValueError) as exc:
            raise MalformedJsonLd(_malformed(exc)) from exc
        check_expanded_budget(expanded)
        return expanded

    def to_rdf(self, input_: Any, options: Any = None) -> Any:
        """pyld's ``to_rdf`` with the node map's value arrays indexed (see :func:`_has_value`)."""
        _STATE.indexes = {}
        try:
            return super().to_rdf(input_, options)
        finally:
            _STATE.indexes = None

    def _create_node_map(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super()._create_node_map(*args, **kwargs)
        except (AttributeError, TypeError, KeyError, IndexError, ValueError) as exc:
            raise MalformedJsonLd(_malformed(exc)) from exc

    def _graph_to_rdf(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super()._graph_to_rdf(*args, **kwargs)
        except (AttributeError, TypeError, KeyError, IndexError, ValueError) as exc:
            raise MalformedJsonLd(_malformed(exc)) from exc


def _malformed(exc: BaseException) -> str:
    """The plain sentence for a pyld crash on malformed input (the detail goes to the log, not the user)."""
    # Type and place only: the exception's text may quote the credential.
    frames = traceback.extract_tb(exc.__traceback__)
    where = f"{frames[-1].name}:{frames[-1].lineno}" if frames else "?"
    _log.info("pyld failed on malformed JSON-LD: %s in %s", type(exc).__name__, where)
    return "the JSON-LD is malformed (a keyword has a null or wrong-typed value) and cannot be processed"


def clear_caches() -> None:
    """Forget every processed context (tests that swap the bundled contexts)."""
    with _LOCK:
        _SHARED_CACHE.clear()
        _PROCESSED.clear()
        _CTX_KEYS.clear()
        _IRIS.clear()


#: pyld's caches and ours are plain dicts/LRUs: one JSON-LD operation at a time
#: (the GUI verifies in worker threads).
_LOCK = threading.RLock()


def expand(document: Mapping[str, Any]) -> list[Any]:
    """Expand with the offline loader (raises pyld's JsonLdError on bad input)."""
    with _LOCK:
        return CachingProcessor().expand(dict(document), options())


def to_rdf(document: Mapping[str, Any], base: str = "") -> dict[str, list[dict[str, Any]]]:
    """The RDF dataset of a document (pyld's dataset form), offline, inside the work budget."""
    with _LOCK:
        dataset: dict[str, list[dict[str, Any]]] = CachingProcessor().to_rdf(dict(document), options(base=base))
    quads = sum(len(triples) for triples in dataset.values())
    if quads > MAX_QUADS:
        raise WorkBudgetExceeded(f"the credential has {quads:,} RDF statements; at most {MAX_QUADS:,} are processed")
    return dataset
