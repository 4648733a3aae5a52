"""The format registry: one entry per credential format, so adding a format is one module plus one line.

An entry says how to recognise the format (a JSON, XML or text detector),
how to parse it, how to verify it, how it travels inside a presentation (the
media type of its ``EnvelopedVerifiableCredential``, or why it cannot), and
its name for people (a message id). Functions are named as ``"module:function"``
and imported on first use, so a command loads only the formats it meets
(the EU-seal stack, for example, loads only for an EDC).

The built-in formats are the lines of :data:`BUILTIN`, in detection order;
:func:`register` adds one at run time (a plug-in, or a test's toy format).

Signatures of the named functions:

* ``detect_json(obj) -> bool`` / ``detect_xml(data) -> bool`` / ``detect_text(text) -> bool``
* ``parse(data: bytes, container: Container) -> Credential``
* ``verify(cred, ctx, hint) -> list[Check]`` (``hint``: what parsing already
  decoded, e.g. the JWS, or None); the engine adds the ``format`` check when
  the verifier does not report one, and the trust check.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from wallet.messages.catalogue import extend_catalogue
from wallet.model import CredentialFormat

F = CredentialFormat


@dataclass(frozen=True)
class FormatEntry:
    format: CredentialFormat
    parse: str | Callable[..., Any] | None = None
    verify: str | Callable[..., Any] | None = None
    detect_json: str | Callable[..., Any] | None = None
    detect_xml: str | Callable[..., Any] | None = None
    detect_text: str | Callable[..., Any] | None = None
    media_type: str | None = None  # inside a presentation: an EnvelopedVerifiableCredential of this type
    base64: bool = False  # the envelope's data: URL is ;base64 (JSON and XML keep their exact bytes)
    embedded_json: bool = False  # inside a presentation: the issuer's JSON object itself (Data Integrity)
    refused: str | None = None  # why it cannot travel inside a presentation
    names: Mapping[str, str] = field(default_factory=dict)  # its name per language, for formats outside the catalogue


_VC = "wallet.formats.vc_json"
_JWT = "wallet.formats.jwt"
_ELM = "wallet.formats.elm"
_ENGINE = "wallet.verify.engine"

#: The built-in formats, in detection order (the first JSON/XML/text detector that says yes wins).
BUILTIN: tuple[FormatEntry, ...] = (
    # First: an SD-JWT in JWS JSON serialisation would otherwise pass for a JAdES seal (both are JWS JSON).
    FormatEntry(F.SD_JWT, "wallet.formats.sd_jwt_view:parse_sd_jwt", "wallet.verify.sdjwt:sd_jwt_checks",
                "wallet.formats.sd_jwt:is_sd_jwt_json", media_type="application/vc+sd-jwt"),
    FormatEntry(F.EDC_JADES, f"{_ELM}:parse_elm", "wallet.verify.seals:verify_edc_checks", f"{_ELM}:is_jades",
                media_type="application/jose+json", base64=True),
    FormatEntry(F.EDC_JSONLD, f"{_ELM}:parse_elm", "wallet.verify.seals:verify_edc_checks", f"{_ELM}:is_elm",
                embedded_json=True),
    FormatEntry(F.VC_ENVELOPED, "wallet.formats.enveloped:parse_enveloped", f"{_ENGINE}:enveloped_checks",
                "wallet.formats.enveloped:is_enveloped"),
    FormatEntry(F.VP_LDP, f"{_VC}:parse_vc_json", f"{_ENGINE}:presentation_checks_of", f"{_VC}:is_presentation",
                refused="presentation"),
    # Before VC_LDP and OB2_HOSTED: a Blockcerts v3 certificate is a VC, a v2 one an OB 2.0 assertion.
    FormatEntry(F.BLOCKCERTS, "wallet.formats.blockcerts:parse_blockcerts", "wallet.verify.blockcerts:verify_blockcerts",
                "wallet.formats.blockcerts:is_blockcerts", embedded_json=True),
    FormatEntry(F.VC_LDP, f"{_VC}:parse_vc_json", f"{_ENGINE}:ldp_checks_of", f"{_VC}:is_credential",
                embedded_json=True),
    FormatEntry(F.OB2_HOSTED, "wallet.formats.ob2:parse_ob2_json", "wallet.verify.ob2:verify_ob2",
                "wallet.formats.ob2:is_assertion", refused="ob2-hosted"),
    FormatEntry(F.EDCI_XML, "wallet.formats.edci_xml:parse_edci_xml", "wallet.verify.seals:verify_edc_checks",
                detect_xml="wallet.formats.edci_xml:is_edci_xml", media_type="application/xml", base64=True),
    # JWS-based formats are told apart by wallet.formats.jwt.classify (header typ, then claims).
    FormatEntry(F.VC_JOSE, f"{_JWT}:parse_jwt", f"{_ENGINE}:jwt_checks", media_type="application/vc+jwt"),
    FormatEntry(F.VC_JWT, f"{_JWT}:parse_jwt", f"{_ENGINE}:jwt_checks", media_type="application/jwt"),
    FormatEntry(F.VP_JWT, f"{_JWT}:parse_jwt", f"{_ENGINE}:jwt_checks", refused="presentation"),
    FormatEntry(F.OB2_SIGNED, f"{_JWT}:parse_jwt", "wallet.verify.ob2:verify_ob2", refused="ob2-signed"),
)

_entries: dict[CredentialFormat, FormatEntry] = {}
_order: list[CredentialFormat] = []
_resolved: dict[str, Callable[..., Any]] = {}
_lock = threading.Lock()


def _install(entry: FormatEntry, position: int | None = None) -> None:
    global _json_detectors
    _json_detectors = None
    _entries[entry.format] = entry
    if entry.format in _order:
        _order.remove(entry.format)
    _order.insert(len(_order) if position is None else position, entry.format)
    for lang, name in entry.names.items():
        extend_catalogue(lang, {f"format.{entry.format.value}": name})


for _entry in BUILTIN:
    _install(_entry)


def register(value: str, *, before: CredentialFormat | None = None, **fields: Any) -> FormatEntry:
    """Add a format (``value`` is its stable id, stored in vaults); detected before ``before`` if given."""
    fmt = CredentialFormat.extend(value)
    entry = FormatEntry(fmt, **fields)
    with _lock:
        _install(entry, _order.index(before) if before is not None and before in _order else None)
    return entry


def unregister(fmt: CredentialFormat) -> None:
    """Remove a format added with :func:`register` (built-ins stay)."""
    with _lock:
        if fmt in _entries and all(fmt is not e.format for e in BUILTIN):
            global _json_detectors
            _json_detectors = None
            del _entries[fmt]
            _order.remove(fmt)


def entry(fmt: CredentialFormat) -> FormatEntry | None:
    return _entries.get(fmt)


def entries() -> Iterator[FormatEntry]:
    """Every entry, in detection order."""
    return (_entries[f] for f in list(_order))


def function(ref: str | Callable[..., Any]) -> Callable[..., Any]:
    """A ``"module:function"`` reference, imported on first use (start-up time)."""
    if not isinstance(ref, str):
        return ref
    found = _resolved.get(ref)
    if found is None:
        module, _, name = ref.partition(":")
        found = getattr(importlib.import_module(module), name)
        _resolved[ref] = found
    return found


_json_detectors: list[tuple[Callable[..., Any], CredentialFormat]] | None = None


def _detectors() -> list[tuple[Callable[..., Any], CredentialFormat]]:
    """The JSON detectors in detection order, resolved once (rebuilt after register/unregister).

    Every JSON credential verified asks them, so the entry walk and the
    name lookups are done once, not per credential.
    """
    global _json_detectors
    found = _json_detectors
    if found is None:
        found = [(function(item.detect_json), item.format) for item in entries() if item.detect_json is not None]
        _json_detectors = found
    return found


def detect_json(obj: Any) -> CredentialFormat:
    """The format of a parsed JSON document (UNKNOWN when no detector says yes)."""
    for detector, fmt in _detectors():
        if detector(obj):
            return fmt
    return CredentialFormat.UNKNOWN


def detect_xml(data: bytes) -> CredentialFormat:
    for item in entries():
        if item.detect_xml is not None and function(item.detect_xml)(data):
            return item.format
    return CredentialFormat.UNKNOWN


def detect_text(text: str) -> CredentialFormat:
    """Formats carried as text other than a JWS (the JWS-based ones are classified by their header)."""
    for item in entries():
        if item.detect_text is not None and function(item.detect_text)(text):
            return item.format
    return CredentialFormat.UNKNOWN


def parser(fmt: CredentialFormat) -> Callable[..., Any] | None:
    found = _entries.get(fmt)
    return function(found.parse) if found is not None and found.parse is not None else None


def verifier(fmt: CredentialFormat) -> Callable[..., Any] | None:
    found = _entries.get(fmt)
    return function(found.verify) if found is not None and found.verify is not None else None


def by_media_type(media: str) -> FormatEntry | None:
    """The entry whose envelope media type is ``media`` (added formats only; built-ins have their own lists)."""
    return next((e for e in entries() if e.media_type == media and e.format.value not in _BUILTIN_VALUES), None)


_BUILTIN_VALUES = frozenset(e.format.value for e in BUILTIN)
