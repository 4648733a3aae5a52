"""A verifier's request as it arrives: an ``openid4vp://`` link, an https link, or pasted text.

OID4VP 1.0 section 5 carries the authorization request in a URL query:

* **by value**, every parameter in the query (``response_type``,
  ``client_id``, ``response_uri``, ``nonce``, ``dcql_query`` as JSON…), or a
  request object JWT in ``request``;
* **by reference**, ``client_id`` and ``request_uri`` (the signed request
  object is fetched from there, with ``request_uri_method`` ``get`` or
  ``post``, section 5.10).

Same-device flows hand the wallet an ``openid4vp://`` link through the
desktop's link handler; cross-device flows show it as a QR code (decoded by
:mod:`wallet.sharing.qr_read`). :func:`parse_link` is pure and refuses, with
one sentence, anything that is not a request: not text, too long, another
scheme, a parameter given twice, no ``client_id``, both ``request`` and
``request_uri``, a ``request_uri`` that is not an https URL. Presentation
Exchange (``presentation_definition``) was dropped from OID4VP 1.0 and is
refused by name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from wallet.errors import InputError
from wallet.messages import msg
from wallet.util.limits import pasted_text

SCHEME = "openid4vp"
#: A link by value carries the whole query (DCQL, client metadata, a request JWT): generous for a link,
#: small against a bomb. Request objects fetched by reference have their own cap (``FetchKind.REQUEST_OBJECT``).
MAX_LINK_CHARS = 256 * 1024
MAX_PARAMETERS = 40
#: Parameters that only the wallet's answer or a browser flow uses; a request that carries them is malformed.
_ONE_OF = ("request", "request_uri")


def refuse(reason: str) -> InputError:
    """The one error for a request the wallet cannot read (the reason goes to technical details)."""
    return InputError(f"This is not a presentation request the wallet can read: {reason}.",
                      message=msg("present.request_malformed", detail=reason))


@dataclass(frozen=True)
class RequestLink:
    """The query of a request link, each parameter once (values are still unchecked strings)."""

    params: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def client_id(self) -> str:
        return self.params["client_id"]

    @property
    def request_uri(self) -> str | None:
        return self.params.get("request_uri")

    @property
    def request(self) -> str | None:
        return self.params.get("request")

    @property
    def request_uri_method(self) -> str:
        return self.params.get("request_uri_method", "get")

    @property
    def by_reference(self) -> bool:
        return self.request_uri is not None


def looks_like_request(text: str) -> bool:
    """An OpenID4VP link (or an https link carrying one), as pasted, dropped or scanned; nothing is checked."""
    value = text.strip().lower()
    if value.startswith(SCHEME + ":"):
        return True
    return value.startswith("https://") and "client_id=" in value and (
        "request_uri=" in value or "dcql_query=" in value or "request=" in value)


def _text(raw: str | bytes) -> str:
    value = pasted_text(raw, MAX_LINK_CHARS, refuse)
    if any(c.isspace() or ord(c) < 0x20 for c in value):
        raise refuse("it contains spaces or control characters")
    return value


def _single(pairs: list[tuple[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in pairs:
        if key in out:
            raise refuse(f"the parameter {key[:40]} is given twice")
        out[key] = value
    return out


def parse_link(raw: str | bytes) -> RequestLink:
    """The request a link or pasted text carries (see the module docstring for what is refused)."""
    value = _text(raw)
    try:
        parts = urlsplit(value)
    except ValueError as exc:
        raise refuse("it is not a link") from exc
    scheme = parts.scheme.lower()
    if scheme not in (SCHEME, "https"):
        raise refuse("it is neither an openid4vp:// link nor an https link with a request")
    if parts.fragment:
        raise refuse("the link has a fragment, which a request never uses")
    try:
        pairs = parse_qsl(parts.query, keep_blank_values=True, strict_parsing=False,
                          max_num_fields=MAX_PARAMETERS, errors="strict")
    except (ValueError, UnicodeDecodeError) as exc:
        raise refuse("its query is malformed or has too many parameters") from exc
    params = _single(pairs)
    return check_params(params)


def check_params(params: Mapping[str, Any]) -> RequestLink:
    """The structural rules of section 5 on the link's parameters (their values are checked later)."""
    for key, value in params.items():
        if not isinstance(key, str) or not isinstance(value, str):
            raise refuse("a parameter is not text")
    client_id = params.get("client_id")
    if not client_id:
        raise refuse("it names no client_id (the verifier)")
    if "presentation_definition" in params or "presentation_definition_uri" in params:
        raise refuse("it uses Presentation Exchange (presentation_definition), which OpenID4VP 1.0 replaced "
                     "with DCQL and the wallet does not support")
    if all(k in params for k in _ONE_OF):
        raise refuse("it carries both request and request_uri")
    if "request_uri_method" in params:
        if "request_uri" not in params:
            raise refuse("request_uri_method is given without request_uri")
        if params["request_uri_method"] not in ("get", "post"):
            raise refuse("request_uri_method is neither get nor post")
    uri = params.get("request_uri")
    if uri is not None:
        try:
            target = urlsplit(uri)
        except ValueError as exc:
            raise refuse("request_uri is not a URL") from exc
        if target.scheme not in ("https", "http") or not target.netloc or "@" in target.netloc or target.fragment:
            raise refuse("request_uri is not an https URL")
    if not any(k in params for k in (*_ONE_OF, "dcql_query", "response_type")):
        raise refuse("it carries neither a request object nor the request's parameters")
    return RequestLink(MappingProxyType(dict(params)))
