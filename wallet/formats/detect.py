"""What is this input? Recognise a credential by its shape, then route it to its parser.

Recognition looks only at structure (PNG signature, XML root, JSON ``type``,
JWS header ``typ`` and claims); it never verifies anything. It is total on
bytes: garbage gives ``(UNKNOWN, NONE)``, hostile input (too large, a
forbidden PNG chunk, a JWE) gives :class:`~wallet.errors.InputError`, and
nothing else is ever raised.

EDC formats belong to :mod:`wallet.formats.elm` and
:mod:`wallet.formats.edci_xml`; they are imported lazily so this module
works before (and without) them.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from wallet.errors import InputError
from wallet.formats import baked, enveloped, jwt, ob2, vc_json
from wallet.formats.limits import (
    MAX_CREDENTIAL_BYTES,
    MAX_EDC_BYTES,
    MAX_INPUT_BYTES,
    check_size,
    load_json,
    strip_input,
)
from wallet.model import Container, Credential, CredentialFormat, replace

EDCI_NAMESPACE = b"http://data.europa.eu/snb"
_LINK = re.compile(rb"^(wallet:|https?://)\S*#\S*$", re.IGNORECASE)
_JWT_FORMATS = (CredentialFormat.VC_JWT, CredentialFormat.VC_JOSE, CredentialFormat.VP_JWT,
                CredentialFormat.OB2_SIGNED, CredentialFormat.SD_JWT)


def _is_jades(obj: Any) -> bool:
    try:
        from wallet.formats.elm import is_jades
    except ImportError:
        return isinstance(obj, dict) and isinstance(obj.get("payload"), str) and (
            isinstance(obj.get("signatures"), list) or "signature" in obj)
    return bool(is_jades(obj))


def _is_elm(obj: Any) -> bool:
    try:
        from wallet.formats.elm import is_elm
    except ImportError:
        return "EuropeanDigitalCredential" in vc_json.types_of(obj)
    return bool(is_elm(obj))


def _is_edci_xml(data: bytes) -> bool:
    try:
        from wallet.formats.edci_xml import is_edci_xml
    except ImportError:
        return EDCI_NAMESPACE in data[:65536]
    return bool(is_edci_xml(data))


def classify_json(obj: Any) -> CredentialFormat:
    """The format of a parsed JSON document."""
    if not isinstance(obj, dict):
        return CredentialFormat.UNKNOWN
    if _is_jades(obj):
        return CredentialFormat.EDC_JADES
    if _is_elm(obj):
        return CredentialFormat.EDC_JSONLD
    if enveloped.is_enveloped(obj):
        return CredentialFormat.VC_ENVELOPED
    if vc_json.is_presentation(obj):
        return CredentialFormat.VP_LDP
    if vc_json.is_credential(obj):
        return CredentialFormat.VC_LDP
    if ob2.is_assertion(obj):
        return CredentialFormat.OB2_HOSTED
    return CredentialFormat.UNKNOWN


_LARGE_JSON_FORMATS = (
    CredentialFormat.EDC_JADES,
    CredentialFormat.EDC_JSONLD,
    CredentialFormat.VC_ENVELOPED,
    CredentialFormat.VP_LDP,
)


def _detect_json(data: bytes) -> CredentialFormat:
    try:
        obj = load_json(data, "JSON document", MAX_EDC_BYTES)
    except InputError:
        if len(data) > MAX_EDC_BYTES:
            raise
        return CredentialFormat.UNKNOWN
    fmt = classify_json(obj)
    # EDCs carry images; envelopes and presentations may carry EDCs: those get
    # the EDC limit. A plain JSON-LD credential keeps the 1 MiB limit.
    if fmt not in _LARGE_JSON_FORMATS:
        check_size(data, MAX_CREDENTIAL_BYTES, "credential JSON")
    return fmt


def _detect_text(data: bytes) -> tuple[CredentialFormat, Container]:
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        return CredentialFormat.UNKNOWN, Container.NONE
    if _LINK.match(data):
        return CredentialFormat.UNKNOWN, Container.LINK
    if jwt.is_sd_jwt(text):
        return CredentialFormat.SD_JWT, Container.NONE
    if text.count(".") == 4 and re.fullmatch(r"[A-Za-z0-9_.-]+", text):
        raise InputError("This is an encrypted JWE, which is refused: only signed JWS is accepted.")
    if not jwt.is_compact_jws(text):
        return CredentialFormat.UNKNOWN, Container.NONE
    try:
        jws = jwt.split_jws(text)
        return jwt.classify(jws.header, jwt.payload_object(jws)), Container.NONE
    except InputError:
        return CredentialFormat.UNKNOWN, Container.NONE


def detect_payload(data: bytes) -> CredentialFormat:
    """The format of a credential payload that is not itself a container."""
    data = strip_input(data)
    if data.startswith(b"{"):
        return _detect_json(data)
    if data.startswith(b"<"):
        return CredentialFormat.EDCI_XML if _is_edci_xml(data) else CredentialFormat.UNKNOWN
    return _detect_text(data)[0]


def detect(raw: bytes) -> tuple[CredentialFormat, Container]:
    """What ``raw`` is: (format, container). Baked badges report the inner format."""
    if not isinstance(raw, (bytes, bytearray)):
        raise InputError("Input must be bytes.")
    raw = bytes(raw)
    check_size(raw, MAX_INPUT_BYTES, "input")
    if raw.startswith(baked.PNG_SIGNATURE):
        if not baked.has_png_badge(raw):
            return CredentialFormat.UNKNOWN, Container.PNG
        return detect_payload(baked.extract_png(raw).text), Container.PNG
    data = strip_input(raw)
    if data.startswith(b"<"):
        if baked.is_svg(data):
            return detect_payload(baked.extract_svg(data).text), Container.SVG
        return (CredentialFormat.EDCI_XML if _is_edci_xml(data) else CredentialFormat.UNKNOWN), Container.NONE
    if data.startswith(b"{"):
        return _detect_json(data), Container.NONE
    return _detect_text(data)


def _parse_edc(data: bytes) -> Credential:
    try:
        from wallet.formats.elm import parse_elm
    except ImportError as exc:
        raise InputError("European Digital Credential support is not installed.") from exc
    return parse_elm(data)


def _parse_edci(data: bytes) -> Credential:
    try:
        from wallet.formats.edci_xml import parse_edci_xml
    except ImportError as exc:
        raise InputError("EDCI XML support is not installed.") from exc
    return parse_edci_xml(data)


_PARSERS: dict[CredentialFormat, Callable[[bytes, Container], Credential]] = {
    CredentialFormat.VC_LDP: vc_json.parse_vc_json,
    CredentialFormat.VP_LDP: vc_json.parse_vc_json,
    CredentialFormat.VC_ENVELOPED: enveloped.parse_enveloped,
    CredentialFormat.OB2_HOSTED: ob2.parse_ob2_json,
    **{fmt: jwt.parse_jwt for fmt in _JWT_FORMATS},
}


def parse_payload(data: bytes, container: Container = Container.NONE) -> Credential:
    """Parse a credential payload (not a baked image) into the normalised model."""
    fmt = detect_payload(data)
    if fmt in (CredentialFormat.EDC_JADES, CredentialFormat.EDC_JSONLD):
        return replace(_parse_edc(data), container=container) if container is not Container.NONE \
            else _parse_edc(data)
    if fmt is CredentialFormat.EDCI_XML:
        return _parse_edci(data)
    parser = _PARSERS.get(fmt)
    if parser is None:
        raise InputError("The input is not a credential format the wallet recognises.")
    return parser(bytes(data), container)


def _explain_unknown_payload(text: bytes, container: Container) -> None:
    """Say precisely why a baked payload is not a credential (bad JSON reads differently from no JSON)."""
    where = f"baked {container.value.upper()} badge"
    if strip_input(text).startswith((b"{", b"[")):
        load_json(text, f"{where}'s content")  # raises "... is not valid JSON (reason)"
        raise InputError(f"The {where} holds JSON that is not an Open Badge or Verifiable Credential.")
    raise InputError(f"The {where} holds neither JSON nor a signed JWS.")


def parse(raw: bytes) -> Credential:
    """Detect, then parse ``raw`` into a :class:`~wallet.model.Credential`.

    Baked badges: the inner credential, with ``container`` PNG/SVG, ``raw`` the
    original image bytes and ``document`` the inner payload's document.
    """
    fmt, container = detect(raw)
    raw = bytes(raw)
    if container is Container.LINK:
        raise InputError("This is a share link, not a credential: open it to fetch what it points to.")
    if container in (Container.PNG, Container.SVG):
        payload = baked.extract(raw if container is Container.PNG else strip_input(raw))
        if fmt is CredentialFormat.UNKNOWN:
            _explain_unknown_payload(payload.text, container)
        inner = parse_payload(payload.text, container)
        return replace(inner, raw=raw, container=container)
    if fmt is CredentialFormat.UNKNOWN:
        raise InputError("The input is not a credential format the wallet recognises.")
    return parse_payload(raw)
