"""What is this input? Recognise a credential by its shape, then route it to its parser.

Recognition looks only at structure (PNG signature, XML root, JSON ``type``,
JWS header ``typ`` and claims); it never verifies anything. It is total on
bytes: garbage gives ``(UNKNOWN, NONE)``, hostile input (too large, a
forbidden PNG chunk, a JWE) gives :class:`~wallet.errors.InputError`, and
nothing else is ever raised.

Which structures mean which format is the format registry's
(:mod:`wallet.formats.registry`): JSON, XML and other text go to the
registered detectors in order; a compact JWS is told apart by its header
(:func:`wallet.formats.jwt.classify`).
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from wallet.errors import InputError
from wallet.formats import baked, jwt, registry, vc_json
from wallet.model import Container, Credential, CredentialFormat, replace
from wallet.util.limits import (
    MAX_CREDENTIAL_BYTES,
    MAX_EDC_BYTES,
    MAX_INPUT_BYTES,
    NotUnicodeText,
    check_size,
    load_json,
    strip_input,
)

_LINK = re.compile(rb"^(wallet:|https?://)\S*#\S*$", re.IGNORECASE)
_JWT_FORMATS = (CredentialFormat.VC_JWT, CredentialFormat.VC_JOSE, CredentialFormat.VP_JWT,
                CredentialFormat.OB2_SIGNED, CredentialFormat.SD_JWT)


def classify_json(obj: Any) -> CredentialFormat:
    """The format of a parsed JSON document: the first registered JSON detector that recognises it."""
    if not isinstance(obj, dict):
        return CredentialFormat.UNKNOWN
    return registry.detect_json(obj)


_LARGE_JSON_FORMATS = (
    CredentialFormat.EDC_JADES,
    CredentialFormat.EDC_JSONLD,
    CredentialFormat.VC_ENVELOPED,
    CredentialFormat.VP_LDP,
    CredentialFormat.BLOCKCERTS,  # certificates embed their images (the Ethereum mainnet sample is 2 MB)
)


class Sniffed(NamedTuple):
    """What recognition decoded, kept so parsing does not decode the same bytes again.

    Recognising a JSON credential or a compact JWS means parsing it; parsing it
    again (and a third time in verification) was half the cost of verifying a
    JWT. ``data`` is the stripped input that was decoded; ``obj`` the JSON
    document, or ``jws``/``payload`` the split compact JWS and its payload.
    A named tuple: internal, and built once per input in the hot path.
    """

    fmt: CredentialFormat
    container: Container = Container.NONE
    data: bytes = b""
    obj: Any = None
    jws: jwt.CompactJws | None = None
    payload: dict[str, Any] | None = None


def _detect_json(data: bytes) -> Sniffed:
    try:
        obj = load_json(data, "JSON document", MAX_EDC_BYTES)
    except InputError as exc:
        if len(data) > MAX_EDC_BYTES or isinstance(exc, NotUnicodeText):
            raise
        return Sniffed(CredentialFormat.UNKNOWN, data=data)
    fmt = classify_json(obj)
    # EDCs carry images; envelopes and presentations may carry EDCs: those get
    # the EDC limit. A plain JSON-LD credential keeps the 1 MiB limit.
    if fmt not in _LARGE_JSON_FORMATS:
        check_size(data, MAX_CREDENTIAL_BYTES, "credential JSON")
    return Sniffed(fmt, data=data, obj=obj)


def _detect_text(data: bytes) -> Sniffed:
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        return Sniffed(CredentialFormat.UNKNOWN)
    if _LINK.match(data):
        return Sniffed(CredentialFormat.UNKNOWN, Container.LINK)
    if jwt.is_sd_jwt(text):
        return Sniffed(CredentialFormat.SD_JWT)
    if text.count(".") == 2 and not text.startswith("."):
        # Split first: split_jws decodes every part as strict base64url, so when it
        # succeeds the text is a compact JWS and the alphabet scan below is not needed.
        try:
            jws: jwt.CompactJws | None = jwt.split_jws(text)
        except InputError:
            jws = None  # not a JWS, or a broken one: the scan below tells which
        if jws is not None:
            try:
                payload = jwt.payload_object(jws)
            except InputError:
                return Sniffed(CredentialFormat.UNKNOWN)
            return Sniffed(jwt.classify(jws.header, payload), data=data, jws=jws, payload=payload)
    if not jwt.is_compact_jws(text):  # (a compact JWS has two dots, so it is never taken for a JWE)
        if text.count(".") == 4 and re.fullmatch(r"[A-Za-z0-9_.-]+", text):
            raise InputError("This is an encrypted JWE, which is refused: only signed JWS is accepted.")
        return Sniffed(registry.detect_text(text), data=data)
    return Sniffed(CredentialFormat.UNKNOWN)  # a compact JWS whose parts split_jws refused


def _sniff_payload(data: bytes) -> Sniffed:
    """:func:`detect_payload`, keeping what was decoded."""
    data = strip_input(data)
    if data.startswith(b"{"):
        return _detect_json(data)
    if data.startswith(b"<"):
        return Sniffed(registry.detect_xml(data), data=data)
    sniffed = _detect_text(data)
    return sniffed._replace(container=Container.NONE) if sniffed.container is not Container.NONE else sniffed


def detect_payload(data: bytes) -> CredentialFormat:
    """The format of a credential payload that is not itself a container."""
    return _sniff_payload(data).fmt


def _sniff(raw: bytes) -> Sniffed:
    """:func:`detect`, keeping what was decoded (baked badges keep nothing)."""
    if not isinstance(raw, (bytes, bytearray)):
        raise InputError("Input must be bytes.")
    raw = bytes(raw)
    check_size(raw, MAX_INPUT_BYTES, "input")
    if raw.startswith(baked.PNG_SIGNATURE):
        if not baked.has_png_badge(raw):
            return Sniffed(CredentialFormat.UNKNOWN, Container.PNG)
        return Sniffed(detect_payload(baked.extract_png(raw).text), Container.PNG)
    data = strip_input(raw)
    if data.startswith(b"<"):
        if baked.is_svg(data):
            return Sniffed(detect_payload(baked.extract_svg(data).text), Container.SVG)
        return Sniffed(registry.detect_xml(data), data=data)
    if data.startswith(b"{"):
        return _detect_json(data)
    return _detect_text(data)


def detect(raw: bytes) -> tuple[CredentialFormat, Container]:
    """What ``raw`` is: (format, container). Baked badges report the inner format."""
    sniffed = _sniff(raw)
    return sniffed.fmt, sniffed.container


def _same_json_text(data: bytes, stripped: bytes) -> bool:
    """Whether a JSON parser reading ``data`` sees exactly what detection decoded from ``stripped``.

    Detection strips a BOM and ``" \\t\\r\\n\\f\\v"``; the JSON parsers read the
    whole input, where a form feed or vertical tab is an error. Only when the
    difference is a BOM and JSON whitespace may the decoded document be reused.
    """
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    return body.strip(b" \t\r\n") == stripped


def _parse_sniffed(data: bytes, sniffed: Sniffed, container: Container,
                   display: bool = True) -> tuple[Credential, jwt.DecodedJws | None]:
    """Parse a (non-image) payload already recognised; reuse what recognition decoded.

    Returns the credential and, for a compact JWS parsed from what recognition
    decoded, that decoded JWS (for verification, see :func:`parse_for_verification`).
    """
    fmt = sniffed.fmt
    if fmt in (CredentialFormat.VC_LDP, CredentialFormat.VP_LDP) and isinstance(sniffed.obj, dict) \
            and _same_json_text(data, sniffed.data):
        return vc_json.credential_from_json(sniffed.obj, data, container, display=display), None
    if fmt in _JWT_FORMATS and sniffed.jws is not None and sniffed.payload is not None:
        return jwt.parse_decoded(data, container, jwt.DecodedJws(sniffed.jws, sniffed.payload), fmt,
                                 display=display)
    parser = registry.parser(fmt)
    if parser is None:
        raise InputError("The input is not a credential format the wallet recognises.")
    cred = parser(data, container)
    return (replace(cred, container=container) if cred.container is not container else cred), None


def parse_payload(data: bytes, container: Container = Container.NONE) -> Credential:
    """Parse a credential payload (not a baked image) into the normalised model."""
    return _parse_sniffed(bytes(data), _sniff_payload(data), container)[0]


def _explain_unknown_payload(text: bytes, container: Container) -> None:
    """Say precisely why a baked payload is not a credential (bad JSON reads differently from no JSON)."""
    where = f"baked {container.value.upper()} badge"
    if strip_input(text).startswith((b"{", b"[")):
        load_json(text, f"{where}'s content")  # raises "... is not valid JSON (reason)"
        raise InputError(f"The {where} holds JSON that is not an Open Badge or Verifiable Credential.")
    raise InputError(f"The {where} holds neither JSON nor a signed JWS.")


def parse_for_verification(raw: bytes, *, display: bool = True) -> tuple[Credential, jwt.DecodedJws | None]:
    """:func:`parse`, plus the compact JWS the credential was read from, decoded once.

    Verification must read claims from the signed bytes, not from a parsed
    copy someone may have changed; within one ``verify_bytes`` call the JWS
    decoded here *is* the signed bytes' decoding, so the verifier may use it
    instead of decoding ``document["compact"]`` again. ``None`` when the input
    was not a plain compact JWS (SD-JWT, baked badge, any other format).

    ``display=False`` (for a caller that keeps only the verification report):
    JSON-LD and JWT credentials come back as
    :func:`~wallet.formats.vc_json.verification_view`, without the display
    model; every other format is parsed in full.
    """
    sniffed = _sniff(raw)
    raw = bytes(raw)
    container = sniffed.container
    if container is Container.LINK:
        raise InputError("This is a share link, not a credential: open it to fetch what it points to.")
    if container in (Container.PNG, Container.SVG):
        payload = baked.extract(raw if container is Container.PNG else strip_input(raw))
        if sniffed.fmt is CredentialFormat.UNKNOWN:
            _explain_unknown_payload(payload.text, container)
        inner = parse_payload(payload.text, container)
        return replace(inner, raw=raw, container=container), None
    if sniffed.fmt is CredentialFormat.UNKNOWN:
        raise InputError("The input is not a credential format the wallet recognises.")
    # Not an image: what detect recognised is what parse_payload(raw) would recognise.
    return _parse_sniffed(raw, sniffed, Container.NONE, display)


def parse(raw: bytes) -> Credential:
    """Detect, then parse ``raw`` into a :class:`~wallet.model.Credential`.

    Baked badges: the inner credential, with ``container`` PNG/SVG, ``raw`` the
    original image bytes and ``document`` the inner payload's document.
    """
    return parse_for_verification(raw)[0]
