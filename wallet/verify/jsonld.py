"""The offline JSON-LD document loader: bundled, hash-pinned contexts, then the user's pinned ones.

Why: a verifier that fetches ``@context`` URLs can be steered (SSRF, context
substitution, w3c/vc-data-integrity#272) and stops working offline. Every
context the wallet understands ships in ``resources/contexts`` with its SHA-256
in ``index.json``. After those, the contexts the user pinned in the vault
(``VerificationContext.pinned_contexts``, fetched once with explicit consent
and never silently replaced) are consulted, for the duration of one
verification (:func:`pinned`); a bundled URL always wins. Any other URL is
refused with ``loading document failed: <url> is not a bundled context``.
Nothing is ever fetched: pyld's own network loader is never reachable
through this module.

Processed contexts are cached across calls (one ``ContextResolver`` cache per
process, fed only by this loader) because re-processing the OB 3.0 context
dominates the cost of expanding a small credential.

The JSON-LD work budget (counts checked before and after expansion, a
deadline shared by everything one input causes) is :mod:`wallet.verify.budget`;
the node map's duplicate check is made linear by :mod:`wallet.verify.node_index`.
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
import threading
import traceback
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from cachetools import LRUCache

from wallet.errors import InputError
from wallet.resources import resource
from wallet.util.limits import MIB, load_json
from wallet.verify import node_index
from wallet.verify.budget import (
    MAX_CONTEXT_PROCESSINGS,
    WorkBudgetExceeded,
    check_deadline,
    check_expanded_budget,
    check_input_budget,
    check_quads,
)
from wallet.verify.pyld_offline import ContextResolver, jsonld

# Importing the stand-ins installs them into pyld (wallet.verify.pyld_stand_ins says why); re-exported for the tests.
from wallet.verify.pyld_stand_ins import PYLD_METHOD_ORIGINALS as PYLD_METHOD_ORIGINALS
from wallet.verify.pyld_stand_ins import PYLD_ORIGINALS as PYLD_ORIGINALS
from wallet.verify.pyld_stand_ins import _is_absolute_iri as _is_absolute_iri
from wallet.verify.pyld_stand_ins import _is_keyword as _is_keyword
from wallet.verify.pyld_stand_ins import _json_copy as _json_copy

#: At most this many context URLs may be dereferenced while resolving one
#: document (pyld's default, threat "remote context fetch" in docs/THREATS.md).
MAX_CONTEXT_URLS = 10

_SHARED_CACHE: LRUCache = LRUCache(maxsize=256)
_log = logging.getLogger(__name__)

#: The contexts the user pinned, for the verification running in this thread (see :func:`pinned`).
_PINNED: ContextVar[Mapping[str, bytes]] = ContextVar("pinned_contexts", default=MappingProxyType({}))
MAX_PINNED_BYTES = 1 * MIB


class ContextLoadError(Exception):
    """A context URL is not bundled, or a bundled file does not match its pin."""

    def __init__(self, message: str, url: str | None = None) -> None:
        super().__init__(message)
        self.url = url  # set when the URL is simply not bundled (not for a broken bundled copy)


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


class pinned:  # noqa: N801 - used as ``with pinned(...):``, like the function it was
    """Let the loader use ``contexts`` (URL -> the pinned bytes) after the bundled ones, inside the block.

    A class rather than a ``@contextmanager`` generator: it is entered for
    every verification, and the generator's set-up cost more than the work.
    """

    __slots__ = ("contexts", "token")

    def __init__(self, contexts: Mapping[str, bytes]) -> None:
        self.contexts = contexts

    def __enter__(self) -> None:
        self.token = _PINNED.set(self.contexts)

    def __exit__(self, *exc_info: object) -> None:
        _PINNED.reset(self.token)


def is_pinned(url: str) -> bool:
    """Pinned by the user for the running verification (and not bundled: bundled copies win)."""
    return not is_bundled(url) and url in _PINNED.get()


def is_known(url: str) -> bool:
    """Bundled, or pinned by the user for the running verification."""
    return is_bundled(url) or url in _PINNED.get()


@lru_cache(maxsize=32)
def _parse_pinned(digest: str, raw: bytes, url: str) -> Any:  # noqa: ARG001 - the digest keys the cache
    try:
        doc = load_json(raw, "pinned JSON-LD context", limit=MAX_PINNED_BYTES)
    except InputError as exc:
        raise ContextLoadError(f"loading document failed: the pinned copy of {url} is not JSON") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("@context"), (dict, list, str)):
        raise ContextLoadError(f"loading document failed: the pinned copy of {url} is not a JSON-LD context")
    return doc


@lru_cache(maxsize=64)
def _load_pinned(url: str) -> Any:
    entry = bundled_index().get(url)
    if entry is None:
        raise ContextLoadError(f"loading document failed: {url} is not a bundled context", url)
    data = resource("contexts", entry.file).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != entry.sha256:
        raise ContextLoadError(
            f"loading document failed: the bundled copy of {url} does not match its pinned hash"
        )
    return json.loads(data)


def load_context(url: str) -> Any:
    """The parsed bundled (or, second, user-pinned) context for ``url`` (a private copy), or ContextLoadError."""
    if not is_bundled(url):
        raw = _PINNED.get().get(url)
        if raw is not None:
            return copy.deepcopy(_parse_pinned(hashlib.sha256(raw).hexdigest(), bytes(raw), url))
    return copy.deepcopy(_load_pinned(url))


def document_loader(url: str, options: Mapping[str, Any] | None = None) -> dict[str, Any]:  # noqa: ARG001 - pyld's loader signature
    """pyld document loader: bundled contexts (tagged static, so cached), then pinned ones (never cached by URL)."""
    pinned_here = is_pinned(url)
    return {
        "contextUrl": None,
        "documentUrl": url,
        "document": load_context(url),
        # A pinned context belongs to one vault and one verification: pyld caches "static" documents by URL
        # for the whole process, so pinned ones get no tag and stay in the per-operation cache.
        "tag": None if pinned_here else "static",
    }


def published_terms(url: str) -> frozenset[str]:
    """Every term a bundled or pinned context defines, scoped ones included."""
    out: set[str] = set()
    context_terms(load_context(url).get("@context"), out)
    return frozenset(out)


def context_terms(value: Any, out: set[str]) -> None:
    """Add to ``out`` every term a context defines, including type- and property-scoped ones."""
    if isinstance(value, list):
        for item in value:
            context_terms(item, out)
    elif isinstance(value, dict):
        for key, definition in value.items():
            if not key.startswith("@"):
                out.add(key)
            if isinstance(definition, dict) and "@context" in definition:
                context_terms(definition["@context"], out)


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


def unknown_context_url(exc: BaseException) -> str | None:
    """The context URL a pyld failure could not load because it is not bundled, else None."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, ContextLoadError):
            return cur.url
        details = getattr(cur, "details", None)
        if isinstance(details, dict) and details.get("url") and not is_bundled(str(details["url"])):
            return str(details["url"])
        cur = cur.__cause__ or cur.__context__
    return None


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
        if isinstance(details, dict) and details.get("url") and not is_known(str(details["url"])):
            return f"loading document failed: {details['url']} is not a bundled context"
        cur = cur.__cause__ or cur.__context__
    if messages:
        return "the JSON-LD could not be processed: " + messages[-1]
    return f"the JSON-LD could not be processed: {exc}"


class BoundedCache(dict[Any, Any]):
    """A memo that forgets everything when full: a C-level ``dict`` lookup per hit.

    Why not ``cachetools.LRUCache`` here: every hit of its ``__getitem__``
    runs Python code to keep the recency order, and IRI expansion looks up
    this memo hundreds of times per credential (about 4% of an RDFC
    verification). What is cached is a pure function of its key, so which
    entries are forgotten never changes a result, only the time; emptying
    at the cap keeps memory bounded.
    """

    def __init__(self, maxsize: int) -> None:
        super().__init__()
        self.maxsize = maxsize

    def __setitem__(self, key: Any, value: Any) -> None:
        if len(self) >= self.maxsize:
            self.clear()
        super().__setitem__(key, value)


_PROCESSED = BoundedCache(maxsize=8192)
_CTX_KEYS = BoundedCache(maxsize=8192)
_IRIS = BoundedCache(maxsize=65536)
_MISS = object()


#: ``json.dumps(value, sort_keys=True, default=...)``, built once: ``json.dumps`` with any non-default
#: argument builds a new encoder per call, which was most of the cost of keying a context.
_CONTEXT_ENCODER = json.JSONEncoder(sort_keys=True, default=lambda o: dict(o) if isinstance(o, Mapping) else str(o))


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
    key = _CONTEXT_ENCODER.encode(local_ctx)
    _CTX_KEYS[id(local_ctx)] = (local_ctx, key)
    return key


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

    #: IRIs expanded through the memo by this processor (one document): the deadline is checked every 1,024.
    expanded_iris = 0

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
        uid = active_ctx.get("_uuid") if type(active_ctx) is dict or isinstance(active_ctx, Mapping) else None
        if uid is None or not validate_scoped:
            check_deadline()  # only inside an application counted below
            return super()._process_context(
                active_ctx, local_ctx, options, override_protected, propagate, validate_scoped, cycles
            )
        text = _context_key(local_ctx)
        pinned_now = _PINNED.get()
        if pinned_now and any(url in text for url in pinned_now if not is_bundled(url)):
            # A pinned context is one vault's, for one verification: never memoised across documents.
            return super()._process_context(
                active_ctx, local_ctx, options, override_protected, propagate, validate_scoped, cycles
            )
        key = (uid, text, override_protected, propagate, options.get("base", ""))
        self._count_application(key)
        hit = _PROCESSED.get(key)
        if hit is not None:
            return hit
        result = super()._process_context(
            active_ctx, local_ctx, options, override_protected, propagate, validate_scoped, cycles
        )
        if isinstance(result, Mapping) and result.get("_uuid"):
            _PROCESSED[key] = result
        return result

    def _count_application(self, key: tuple[Any, ...]) -> None:
        """Count the distinct context applications of this document against the budget.

        Distinct (active context, local context) pairs, not cache misses: the
        count, and so the verdict, must not depend on what was verified before
        (a cold cache processes each of them once; a warm one none).
        """
        seen: set[tuple[Any, ...]] = self.__dict__.setdefault("_applications", set())
        if key in seen:
            return
        seen.add(key)
        check_deadline()
        if len(seen) > MAX_CONTEXT_PROCESSINGS:
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
        """Memoised outside context processing: a function of the (frozen) active context.

        Called for nearly every key and many values of a document, so the hit
        path is kept to type tests and one dict lookup.
        """
        if local_ctx is None and type(value) is str and (base is None or type(base) is str):
            uid = active_ctx.get("_uuid")
            if uid is not None:
                count = self.expanded_iris = self.expanded_iris + 1
                if not count & 0x3FF:  # every 1,024 terms: the input's time budget
                    check_deadline()
                key = (uid, value, base, vocab)
                result = _IRIS.get(key, _MISS)
                if result is _MISS:
                    result = _IRIS[key] = super()._expand_iri(active_ctx, value, base, vocab, local_ctx, defined)
                return result
        return super()._expand_iri(active_ctx, value, base, vocab, local_ctx, defined)

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
        """pyld's ``to_rdf`` with the node map's value arrays indexed (:mod:`wallet.verify.node_index`)."""
        with node_index.indexing():
            dataset = super().to_rdf(input_, options)
        check_deadline()
        return dataset

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
    check_quads(sum(len(triples) for triples in dataset.values()))
    return dataset
