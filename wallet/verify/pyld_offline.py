"""pyld, imported without its network document loaders.

Why (start-up time, and no HTTP path lying in the JSON-LD processor):
``import pyld`` runs the package's ``__init__``, which imports every document
loader pyld ships (aiohttp's pulls in asyncio, the file loader urllib.request
and http.client), and ``pyld.jsonld`` then builds its default loader over
``requests`` (urllib3, ssl, charset_normalizer). Together that is about
90 ms of a cold ``wallet verify`` (``python -X importtime``), for code the
wallet never runs: every JSON-LD call passes the offline loader of
:mod:`wallet.verify.jsonld` (bundled and pinned contexts only).

So the first import of pyld happens here, in two steps:

* the package object is created from its spec *without* running its
  ``__init__``; the first attribute read on it that is not a submodule (say
  ``pyld.DocumentLoader``) runs the real ``__init__`` then, so other code sees
  the package it expects;
* ``pyld.jsonld`` is imported with ``requests`` and ``aiohttp`` (and pyld's aiohttp loader) unimportable
  *for this thread only* (a meta-path finder, removed right after), so pyld
  falls back to its dummy default loader, which refuses every URL. Other
  threads, and later imports of ``requests`` anywhere, are unaffected; if
  ``requests`` was already imported, pyld finds it and builds its loader as
  before. Nothing in the wallet depends on which default pyld chose.

Every module of the wallet imports pyld as ``from wallet.verify.pyld_offline import jsonld``
(and ``ContextResolver``), never ``from pyld import ...``.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import TYPE_CHECKING, Any

_NETWORK_LOADERS = frozenset({"requests", "aiohttp", "pyld.documentloader.aiohttp"})


class _NotInThisThread:
    """Refuses the network libraries pyld's default loader wants, in the importing thread only.

    A meta-path finder needs only ``find_spec``; not subclassing
    ``importlib.abc.MetaPathFinder`` spares importing ``importlib.abc`` (and
    ``importlib.resources`` with it) at start-up.
    """

    def __init__(self) -> None:
        self.thread = threading.get_ident()

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,  # noqa: ARG002 - the finder protocol
                  target: ModuleType | None = None) -> ModuleSpec | None:  # noqa: ARG002
        if fullname in _NETWORK_LOADERS and threading.get_ident() == self.thread:
            raise ImportError(f"{fullname} is not loaded for pyld (wallet.verify.pyld_offline)", name=fullname)
        return None


def _deferred(name: str) -> None:
    """Put module ``name`` in sys.modules with its code run only when one of its attributes is first read.

    Not ``importlib.util.LazyLoader``: its module loads as soon as anything
    reads ``__spec__``, which every later ``import name`` does. Here the
    module object is a normal one with its spec, and a PEP 562
    ``__getattr__`` (called only for names it does not have yet) runs the
    real code once. For a package, a submodule already imported (or being
    imported: pyld's modules import each other as ``from pyld import
    jsonld``) is returned as it is.
    """
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ImportError(f"{name} is not installed", name=name)
    module = importlib.util.module_from_spec(spec)
    done = threading.Lock()

    def __getattr__(attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(attr)
        if spec.submodule_search_locations is not None:
            submodule = sys.modules.get(f"{name}.{attr}")
            if submodule is not None:  # ``from pyld import jsonld`` while pyld.jsonld is being imported
                return submodule
            if importlib.util.find_spec(f"{name}.{attr}") is not None:  # ``from pyld import iri_resolver``
                return importlib.import_module(f"{name}.{attr}")
        with done:
            if "__getattr__" in vars(module):
                del module.__getattr__  # type: ignore[attr-defined]
                spec.loader.exec_module(module)  # type: ignore[union-attr]  # the real code, once
        try:
            return vars(module)[attr]
        except KeyError:
            raise AttributeError(f"module {name!r} has no attribute {attr!r}") from None

    module.__getattr__ = __getattr__  # type: ignore[method-assign]
    sys.modules[name] = module
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)


#: Run on first use, not at start-up: pyld's own ``__init__`` (its network
#: loaders, above), and ``lxml.html``, which ``pyld.jsonld`` imports at its
#: top but uses only for JSON-LD in HTML documents, a path the wallet never
#: takes (it loads ``lxml.etree`` too: ~10 ms of a cold ``wallet verify``).
#: Not ``uuid``: pyld names every context it processes with one.
_USED_LATE = ("pyld", "lxml.html")


def _import_pyld() -> ModuleType:
    loaded = sys.modules.get("pyld.jsonld")
    if loaded is not None:
        return loaded
    for name in _USED_LATE:
        parent = name.rpartition(".")[0]
        if parent:
            importlib.import_module(parent)  # the parent package itself loads as usual
        _deferred(name)
    blocker = _NotInThisThread()
    sys.meta_path.insert(0, blocker)
    try:
        return importlib.import_module("pyld.jsonld")
    finally:
        sys.meta_path.remove(blocker)


if TYPE_CHECKING:
    from pyld import jsonld
    from pyld.context_resolver import ContextResolver
else:
    jsonld = _import_pyld()
    ContextResolver = importlib.import_module("pyld.context_resolver").ContextResolver

__all__ = ("ContextResolver", "jsonld")
