"""Credential offers (OID4VCI 1.0 section 4.1): by value, by reference, from a link, a paste or a QR code.

An offer arrives as

* an ``openid-credential-offer://?credential_offer=<JSON>`` link (by value),
* an ``openid-credential-offer://?credential_offer_uri=<https URL>`` link (by
  reference: the offer is fetched from the issuer, :func:`fetch_offer`),
* the same query on an ``https://`` link (issuers that use a web page as a
  universal link), or the offer's JSON object itself, pasted.

:func:`parse_offer` is pure (text in, value out) and refuses, with one
sentence, anything that is not an offer: too long, not UTF-8 text, no
``credential_issuer`` https URL, no configuration ids, malformed grants. The
user has not agreed to anything at this point, so nothing is fetched here
except, with :func:`fetch_offer`, the offer a link points to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from wallet.errors import HttpStatusError, InputError
from wallet.messages import msg
from wallet.online.http import OnlineClient
from wallet.online.oid4vci.common import code, https_url, json_object, oauth_error, string_list, text
from wallet.online.settings import FetchKind
from wallet.util.limits import load_json, pasted_text

SCHEME = "openid-credential-offer"
PRE_AUTHORIZED = "urn:ietf:params:oauth:grant-type:pre-authorized_code"
AUTHORIZATION_CODE = "authorization_code"
#: An offer link or pasted offer; a QR code holds at most 4,296 characters, links in mail a few KiB.
MAX_OFFER_CHARS = 64 * 1024
MAX_CONFIGURATIONS = 50


@dataclass(frozen=True)
class TxCode:
    """The transaction code the user must type (OID4VCI section 4.1.1): how to ask for it."""

    input_mode: str = "numeric"  # numeric | text
    length: int | None = None
    description: str | None = None

    def accepts(self, value: str) -> bool:
        """Whether ``value`` has the shape the issuer described (the issuer still decides)."""
        if not value or len(value) > 256 or not value.isprintable():
            return False
        if self.input_mode == "numeric" and not (value.isascii() and value.isdigit()):
            return False
        return self.length is None or len(value) == self.length


@dataclass(frozen=True)
class PreAuthorizedGrant:
    pre_authorized_code: str
    tx_code: TxCode | None = None
    authorization_server: str | None = None


@dataclass(frozen=True)
class AuthorizationCodeGrant:
    issuer_state: str | None = None
    authorization_server: str | None = None


@dataclass(frozen=True)
class CredentialOffer:
    """A checked credential offer."""

    credential_issuer: str
    configuration_ids: tuple[str, ...]
    pre_authorized: PreAuthorizedGrant | None = None
    authorization_code: AuthorizationCodeGrant | None = None

    @property
    def grants(self) -> tuple[str, ...]:
        return tuple(g for g, present in ((PRE_AUTHORIZED, self.pre_authorized),
                                          (AUTHORIZATION_CODE, self.authorization_code)) if present)


@dataclass(frozen=True)
class OfferReference:
    """An offer to fetch: ``credential_offer_uri``."""

    uri: str


def _refuse(reason: str) -> InputError:
    return InputError(f"This is not a credential offer: {reason}.", message=msg("receive.offer_malformed",
                                                                                 detail=reason))


def _tx_code(value: Any) -> TxCode | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _refuse("tx_code is not an object")
    mode = value.get("input_mode", "numeric")
    if mode not in ("numeric", "text"):
        raise _refuse("tx_code input_mode is neither numeric nor text")
    length = value.get("length")
    if length is not None and (isinstance(length, bool) or not isinstance(length, int) or not 1 <= length <= 64):
        raise _refuse("tx_code length is not a number from 1 to 64")
    description = value.get("description")
    if description is not None and (not isinstance(description, str) or len(description) > 300):
        raise _refuse("tx_code description is not text of at most 300 characters")
    return TxCode(mode, length, description)


def offer_from_json(obj: Any) -> CredentialOffer:
    """Check a credential offer object (section 4.1.1)."""
    if not isinstance(obj, dict):
        raise _refuse("it is not a JSON object")
    try:
        issuer = https_url(obj.get("credential_issuer"), "credential_issuer")
        ids = string_list(obj.get("credential_configuration_ids"), "credential_configuration_ids", required=True)
    except InputError as exc:
        raise _refuse(str(exc).rstrip(".")) from exc
    assert issuer is not None
    if len(ids) > MAX_CONFIGURATIONS or len(set(ids)) != len(ids):
        raise _refuse("credential_configuration_ids repeats a name or has too many")
    grants = obj.get("grants", {})
    if not isinstance(grants, dict):
        raise _refuse("grants is not an object")
    pre = auth = None
    try:
        raw_pre = grants.get(PRE_AUTHORIZED)
        if raw_pre is not None:
            if not isinstance(raw_pre, dict):
                raise _refuse("the pre-authorized grant is not an object")
            pre = PreAuthorizedGrant(str(code(raw_pre.get("pre-authorized_code"), "pre-authorized_code")),
                                     _tx_code(raw_pre.get("tx_code")),
                                     https_url(raw_pre.get("authorization_server"), "authorization_server",
                                               required=False))
        raw_auth = grants.get(AUTHORIZATION_CODE)
        if raw_auth is not None:
            if not isinstance(raw_auth, dict):
                raise _refuse("the authorization code grant is not an object")
            auth = AuthorizationCodeGrant(code(raw_auth.get("issuer_state"), "issuer_state", required=False),
                                          https_url(raw_auth.get("authorization_server"), "authorization_server",
                                                    required=False))
    except InputError as exc:
        if exc.message is not None and exc.message.id == "receive.offer_malformed":
            raise
        raise _refuse(str(exc).rstrip(".")) from exc
    return CredentialOffer(issuer, ids, pre, auth)


def parse_offer(text_in: str | bytes) -> CredentialOffer | OfferReference:
    """An offer link (``openid-credential-offer://``, or https with the same query) or a pasted offer object."""
    value = pasted_text(text_in, MAX_OFFER_CHARS, _refuse)
    if value.startswith("{"):
        try:
            return offer_from_json(load_json(value, "credential offer", MAX_OFFER_CHARS))
        except InputError as exc:
            if exc.message is not None and exc.message.id == "receive.offer_malformed":
                raise
            raise _refuse(str(exc).rstrip(".")) from exc
    try:
        parts = urlsplit(value)
    except ValueError as exc:
        raise _refuse("it is neither a link nor JSON") from exc
    if parts.scheme.lower() not in (SCHEME, "https") or any(c.isspace() for c in value):
        raise _refuse("it is neither an openid-credential-offer:// link nor an offer object")
    try:
        query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=False, max_num_fields=20)
    except ValueError as exc:
        raise _refuse("its link has too many parameters") from exc
    by_value, by_reference = query.get("credential_offer"), query.get("credential_offer_uri")
    if bool(by_value) == bool(by_reference) or (by_value and len(by_value) > 1) or (by_reference and len(by_reference) > 1):
        raise _refuse("the link must carry exactly one of credential_offer and credential_offer_uri")
    if by_reference:
        try:
            return OfferReference(str(https_url(by_reference[0], "credential_offer_uri")))
        except InputError as exc:
            raise _refuse(str(exc).rstrip(".")) from exc
    assert by_value is not None
    try:
        obj = load_json(by_value[0], "credential offer", MAX_OFFER_CHARS)
    except InputError as exc:
        raise _refuse(str(exc).rstrip(".")) from exc
    return offer_from_json(obj)


def fetch_offer(client: OnlineClient, reference: OfferReference) -> CredentialOffer:
    """The offer a ``credential_offer_uri`` points to (GET, JSON, at most 64 KiB)."""
    try:
        resp = client.get(reference.uri, kind=FetchKind.OAUTH, headers={"Accept": "application/json"},
                          purpose="credential offer")
    except HttpStatusError as exc:
        raise oauth_error(exc, "credential offer") from exc
    return offer_from_json(json_object(resp, "credential offer"))


def resolve_offer(client: OnlineClient, given: CredentialOffer | OfferReference) -> CredentialOffer:
    return given if isinstance(given, CredentialOffer) else fetch_offer(client, given)


__all__ = ["AuthorizationCodeGrant", "CredentialOffer", "OfferReference", "PreAuthorizedGrant", "TxCode",
           "fetch_offer", "offer_from_json", "parse_offer", "resolve_offer", "text"]
