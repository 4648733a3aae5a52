"""Strict JSON-LD to RDF: nothing may be silently dropped.

Why: JSON-LD expansion drops properties whose terms no context defines, and
RDF conversion drops triples whose IRIs are relative. A signature over RDF
therefore does not cover such data: an attacker can add or change it after
signing and the signature still verifies (Blockcerts "unmapped keys",
w3c/vc-data-integrity#272, threat "JSON-LD context substitution" in docs/THREATS.md). Like jsonld.js "safe mode"
this module refuses them instead.

How, in one expansion: a catch-all ``@vocab`` (``urn:wallet:undefined-term#``)
is placed *before* the document's own contexts, and relative IRIs are
resolved against a sentinel base. A document whose contexts define every
term it uses (or that brings its own ``@vocab``) produces exactly the same
quads as without these additions; any quad that mentions a sentinel IRI
names a term or reference that would have been dropped. Redefining a
``@protected`` term is refused by pyld itself; context URLs must be bundled
(``wallet.verify.jsonld``) or pinned by the user in the vault.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import chain
from typing import Any

from wallet.verify import jsonld
from wallet.verify.pyld_offline import jsonld as pyld_jsonld
from wallet.verify.rdf_terms import Quad, quads_of

UNDEFINED_VOCAB = "urn:wallet:undefined-term#"
RELATIVE_BASE = "https://relative-reference.invalid/"


class JsonLdProblem(Exception):
    """The document is not acceptable JSON-LD for verification (one plain sentence)."""


class UnknownContext(JsonLdProblem):
    """A context the wallet does not bundle: it *could not check* the document, nothing was found wrong.

    Kept apart from :class:`JsonLdProblem` because the two mean opposite things to
    a reader: an unknown vocabulary (an older consortium context, another
    vendor's suite) leaves the credential "cannot be checked"; content outside
    every vocabulary, or a redefined term, is a finding against it.
    """

    def __init__(self, url: str) -> None:
        super().__init__(f"loading document failed: {url} is not a bundled context")
        self.url = url


def context_list(document: Mapping[str, Any]) -> list[Any]:
    ctx = document.get("@context")
    if ctx is None:
        return []
    return list(ctx) if isinstance(ctx, list) else [ctx]


def check_context_urls(document: Mapping[str, Any]) -> None:
    """Every top-level context URL must be a bundled, pinned context."""
    ctxs = context_list(document)
    if not ctxs:
        raise JsonLdProblem("the document has no @context, so its terms have no defined meaning")
    for entry in ctxs:
        if isinstance(entry, str) and not jsonld.is_known(entry):
            raise UnknownContext(entry)
        if not isinstance(entry, (str, dict)):
            raise JsonLdProblem("the @context holds something that is neither a URL nor an object")


@lru_cache(maxsize=256)
def _bundled_terms(url: str) -> frozenset[str]:
    """Bundled contexts never change, so their terms are computed once (pinned ones are read afresh)."""
    return jsonld.published_terms(url)


def inline_context_findings(document: Mapping[str, Any]) -> tuple[list[str], bool]:
    """(terms of published contexts that inline contexts redefine, whether any inline context exists).

    Why: an inline context can quietly re-map a published term (even one
    that a type-scoped context later restores); the wallet only accepts the
    published meaning of published terms, and flags self-defined terms.
    """
    ctxs = context_list(document)
    published: set[str] = set()
    for entry in ctxs:
        if isinstance(entry, str) and jsonld.is_bundled(entry):
            published |= _bundled_terms(entry)
        elif isinstance(entry, str) and jsonld.is_pinned(entry):
            try:
                published |= jsonld.published_terms(entry)
            except jsonld.ContextLoadError as exc:
                raise JsonLdProblem(str(exc)) from exc
    redefined: set[str] = set()
    inline = False
    for entry in ctxs:
        if isinstance(entry, dict):
            inline = True
            found: set[str] = set()
            jsonld.context_terms(entry, found)
            redefined |= found & published
    return sorted(redefined), inline


def _sentinel_terms(quads: Sequence[Quad]) -> tuple[list[str], list[str]]:
    # Nearly every credential has neither sentinel: one search of the joined terms (in C) says so.
    joined = " ".join(chain.from_iterable(quads))
    if UNDEFINED_VOCAB not in joined and RELATIVE_BASE not in joined:
        return [], []
    undefined: set[str] = set()
    relative: set[str] = set()
    for quad in quads:
        for term in quad:
            if term.startswith("<" + UNDEFINED_VOCAB):
                undefined.add(term[len(UNDEFINED_VOCAB) + 1 : -1])
            elif term.startswith("<" + RELATIVE_BASE):
                relative.add(term[len(RELATIVE_BASE) + 1 : -1])
            elif UNDEFINED_VOCAB in term:  # a datatype of a literal
                undefined.add(term.split(UNDEFINED_VOCAB, 1)[1].rstrip(">"))
    return sorted(undefined), sorted(relative)


def strict_quads(document: Mapping[str, Any]) -> list[Quad]:
    """The RDF quads of ``document``; JsonLdProblem if any data would be dropped."""
    check_context_urls(document)
    redefined, _ = inline_context_findings(document)
    if redefined:
        raise JsonLdProblem(
            f"the credential redefines terms of a published context ({', '.join(redefined[:5])})"
        )
    guarded = dict(document)
    guarded["@context"] = [{"@vocab": UNDEFINED_VOCAB}, *context_list(document)]
    try:
        dataset = jsonld.to_rdf(guarded, base=RELATIVE_BASE)
    except pyld_jsonld.JsonLdError as exc:
        unknown = jsonld.unknown_context_url(exc)
        if unknown is not None:
            raise UnknownContext(unknown) from exc
        raise JsonLdProblem(jsonld.explain(exc)) from exc
    except RecursionError as exc:
        raise JsonLdProblem("the JSON-LD is nested too deeply to process") from exc
    quads = quads_of(dataset)
    undefined, relative = _sentinel_terms(quads)
    if undefined:
        shown = ", ".join(undefined[:5]) + (" …" if len(undefined) > 5 else "")
        raise JsonLdProblem(
            f"the credential uses terms its contexts do not define ({shown}), "
            "so the signature would not cover them"
        )
    if relative:
        shown = ", ".join(relative[:5])
        raise JsonLdProblem(
            f"the credential uses relative identifiers ({shown}) that the signature would not cover"
        )
    return quads
