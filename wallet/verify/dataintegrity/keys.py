"""Finding the key a proof names, offline, and saying how sure we are it is the issuer's.

Why separate from ``wallet.verify.did``: Data Integrity proofs in the wild
also name keys that are not DIDs. 1EdTech's Open Badges 3.0 samples use
``https://issuer.example/id#z6Mk…``: the public key sits in the fragment and
the part before ``#`` is its claimed controller. Anyone can write such a
URL, so the signature alone does not prove the issuer made it: unless the
issuer's own profile (a cached document in the verification context) lists
the key, the binding is reported as a warning, never as a pass.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wallet.verify.context import VerificationContext
from wallet.verify.did import (
    KeyResolutionError,
    NotAvailableOffline,
    ResolvedKey,
    UnsupportedKey,
    key_type_of,
    multibase_to_key,
    resolve,
    resolve_from_document,
)


@dataclass(frozen=True)
class KeyRef:
    """A resolved key plus whether its controller is only self-asserted."""

    resolved: ResolvedKey
    self_asserted: bool = False  # key taken from a URL fragment, unconfirmed by the controller


def _controller_doc(url: str, ctx: VerificationContext) -> Mapping[str, Any] | None:
    doc = ctx.documents.get(url)
    return doc if isinstance(doc, Mapping) else None


def resolve_method(vm: Any, ctx: VerificationContext) -> KeyRef:
    """Resolve a proof's verificationMethod (a string, or an embedded object with an id)."""
    if isinstance(vm, Mapping):
        vm = vm.get("id")
    if not isinstance(vm, str) or not vm:
        raise KeyResolutionError("the proof does not name a verification method")
    if vm.startswith("did:"):
        return KeyRef(resolve(vm, ctx))
    scheme, sep, _ = vm.partition(":")
    if not sep or not scheme.isalpha():
        raise KeyResolutionError(f"the verification method {vm!r} is not a URL")
    if scheme not in ("http", "https"):
        raise KeyResolutionError(f"the verification method uses an unknown scheme ({scheme})")
    base, _, frag = vm.partition("#")
    for doc_url in (vm, base):
        doc = _controller_doc(doc_url, ctx)
        if doc is None:
            continue
        if doc_url == vm and ("publicKeyMultibase" in doc or "publicKeyJwk" in doc):
            controller_doc = _controller_doc(str(doc.get("controller", "")), ctx) or {}
            try:
                return KeyRef(resolve_from_document(vm, {**controller_doc, "id": doc.get("controller", base)}))
            except KeyResolutionError:
                key = resolve_from_document(vm, {"id": base, "verificationMethod": [doc]}).key
                return KeyRef(ResolvedKey(vm, str(doc.get("controller", base)), key, key_type_of(key), frozenset()))
        return KeyRef(resolve_from_document(vm, {**doc, "id": doc.get("id", base)}))
    if frag.startswith("z"):
        try:
            key = multibase_to_key(frag)
        except UnsupportedKey:
            raise
        except KeyResolutionError as exc:
            raise KeyResolutionError(f"the verification method's key could not be read: {exc}") from exc
        return KeyRef(ResolvedKey(vm, base, key, key_type_of(key), frozenset()), self_asserted=True)
    raise NotAvailableOffline(
        f"the key {vm} would have to be downloaded; it is not in the offline cache"
    )
