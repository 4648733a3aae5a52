"""Credential Issuer Metadata (OID4VCI 1.0 section 12.2): fetched, checked, and who the issuer says it is.

The rule that matters most (section 12.2.4): the ``credential_issuer`` in the
metadata must be *identical* to the identifier the metadata was fetched for
(and so to the URL it was fetched from). An issuer that answers for another
identifier is refused before anything else happens: otherwise any web page
could offer credentials "from" a university by pointing at its name.

The well-known URL inserts ``/.well-known/openid-credential-issuer`` between
the host and the path of the identifier (section 12.2.2); drafts up to 13
appended it, which is tried only when the first answers 404. A redirect is
not followed: the metadata must come from the URL its identifier names.

Signed metadata is read in both forms the drafts and the final text used: a
``signed_metadata`` JWT member (draft 13), or a JWT body (final 1.0, typ
``openidvci-issuer-metadata+jwt``). Its signature must hold, its ``sub``
(or ``iss``) must name the issuer, and when its ``x5c`` chain leads to a CA
the user trusts the metadata is shown as *signed by* that certificate's
subject; otherwise the plain metadata, which TLS authenticated, is used.

:func:`parse_issuer_metadata` is pure (bytes and the URL in, value out).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from wallet.errors import HttpStatusError, InputError, IssuanceError
from wallet.formats.jwt import payload_object, split_jws
from wallet.messages import msg
from wallet.online.http import OnlineClient, Response
from wallet.online.oid4vci.common import https_url, oauth_error, string_list, text
from wallet.online.settings import FetchKind
from wallet.online.urls import display_url
from wallet.util.limits import load_json

WELL_KNOWN = "/.well-known/openid-credential-issuer"
SIGNED_TYPES = ("openidvci-issuer-metadata+jwt", "application/openidvci-issuer-metadata+jwt")
MAX_CONFIGURATIONS = 100
MAX_DISPLAYS = 50
_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_LOCALE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")


@dataclass(frozen=True)
class Logo:
    uri: str  # https or data: URL, as the issuer wrote it
    alt_text: str | None = None


@dataclass(frozen=True)
class Display:
    """One language's display entry (section 12.2.4)."""

    name: str | None = None
    locale: str | None = None
    description: str | None = None
    logo: Logo | None = None
    background_color: str | None = None  # #rgb or #rrggbb only
    text_color: str | None = None


@dataclass(frozen=True)
class Configuration:
    """One entry of ``credential_configurations_supported``."""

    id: str
    format: str
    scope: str | None = None
    binding_methods: tuple[str, ...] = ()
    signing_algs: tuple[str, ...] = ()
    proof_types: tuple[str, ...] = ()
    proof_algs: tuple[str, ...] = ()  # of the jwt proof type
    key_attestations_required: bool = False
    display: tuple[Display, ...] = ()
    vct: str | None = None
    types: tuple[str, ...] = ()


@dataclass(frozen=True)
class IssuerMetadata:
    credential_issuer: str
    credential_endpoint: str
    authorization_servers: tuple[str, ...] = ()
    nonce_endpoint: str | None = None
    deferred_credential_endpoint: str | None = None
    notification_endpoint: str | None = None
    batch_size: int | None = None
    display: tuple[Display, ...] = ()
    configurations: Mapping[str, Configuration] = field(default_factory=dict)
    signed: bool = False  # signed metadata was present and its signature verified
    signed_by: str | None = None  # the trusted certificate subject that signed it, when known
    encryption_required: bool = False  # credential_response_encryption.encryption_required


def issuer_metadata_urls(issuer: str) -> list[str]:
    """The well-known URLs for ``issuer``: the inserted form first, then the appended form."""
    parts = urlsplit(issuer)
    path = parts.path.rstrip("/")
    inserted = urlunsplit((parts.scheme, parts.netloc, WELL_KNOWN + path, "", ""))
    appended = urlunsplit((parts.scheme, parts.netloc, path + WELL_KNOWN, "", ""))
    return [inserted] if appended == inserted else [inserted, appended]


def identifier_of(url: str) -> str:
    """The Credential Issuer Identifier a well-known metadata URL stands for."""
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise InputError("The metadata URL is not a URL.") from exc
    path = parts.path
    if path.startswith(WELL_KNOWN):
        rest = path[len(WELL_KNOWN):]
    elif path.endswith(WELL_KNOWN):
        rest = path[: -len(WELL_KNOWN)]
    else:
        raise InputError(f"{display_url(url)} is not a credential issuer metadata URL.")
    return urlunsplit((parts.scheme, parts.netloc, rest, "", ""))


def _refuse(reason: str) -> InputError:
    return InputError(f"The issuer's metadata is refused: {reason}.", message=msg("receive.metadata_bad",
                                                                                   detail=reason))


def _displays(value: Any, where: str) -> tuple[Display, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or len(value) > MAX_DISPLAYS:
        raise _refuse(f"{where} display is not a list")
    out = []
    for item in value:
        if not isinstance(item, dict):
            continue
        locale = item.get("locale") if isinstance(item.get("locale"), str) and _LOCALE.match(item["locale"]) else None
        logo_value = item.get("logo")
        logo = None
        if isinstance(logo_value, dict):
            uri = logo_value.get("uri") or logo_value.get("url")  # draft 13 wrote url
            if isinstance(uri, str) and len(uri) <= 2 * 1024 * 1024 and uri.startswith(("https://", "data:image/")):
                alt = logo_value.get("alt_text")
                logo = Logo(uri, alt[:300] if isinstance(alt, str) else None)
        colours = [c if isinstance(c, str) and _COLOUR.match(c) else None
                   for c in (item.get("background_color"), item.get("text_color"))]
        name = item.get("name") if isinstance(item.get("name"), str) else None
        description = item.get("description") if isinstance(item.get("description"), str) else None
        out.append(Display(name[:300] if name else None, locale, description[:1000] if description else None, logo,
                           colours[0], colours[1]))
    return tuple(out)


def _configuration(ident: str, obj: Any) -> Configuration:
    if not isinstance(obj, dict):
        raise _refuse(f"credential configuration {ident[:60]!r} is not an object")
    fmt = text(obj.get("format"), f"format of {ident[:60]}", 100)
    proofs = obj.get("proof_types_supported")
    proof_types: tuple[str, ...] = ()
    proof_algs: tuple[str, ...] = ()
    attest = False
    if isinstance(proofs, dict):
        proof_types = tuple(k for k in proofs if isinstance(k, str))[:10]
        jwt = proofs.get("jwt")
        if isinstance(jwt, dict):
            proof_algs = string_list(jwt.get("proof_signing_alg_values_supported"), "proof algorithms")
            attest = isinstance(jwt.get("key_attestations_required"), dict)
    raw_meta, raw_definition = obj.get("credential_metadata"), obj.get("credential_definition")
    meta: dict[str, Any] = raw_meta if isinstance(raw_meta, dict) else {}
    definition: dict[str, Any] = raw_definition if isinstance(raw_definition, dict) else {}
    algs = obj.get("credential_signing_alg_values_supported")
    return Configuration(
        ident, str(fmt), text(obj.get("scope"), "scope", 300, required=False),
        string_list(obj.get("cryptographic_binding_methods_supported"), "binding methods"),
        tuple(str(a) for a in algs if isinstance(a, (str, int)))[:20] if isinstance(algs, list) else (),
        proof_types, proof_algs, attest,
        _displays(meta.get("display", obj.get("display")), f"configuration {ident[:60]}"),
        text(obj.get("vct"), "vct", 2000, required=False),
        string_list(definition.get("type"), "credential types"),
    )


def metadata_from_json(obj: Any, expected_issuer: str) -> IssuerMetadata:
    """Check a metadata object that claims to be ``expected_issuer``'s."""
    if not isinstance(obj, dict):
        raise _refuse("it is not a JSON object")
    if obj.get("credential_issuer") != expected_issuer:
        claimed = str(obj.get("credential_issuer"))[:200]
        raise IssuanceError(f"The issuer's metadata names {claimed!r}, not {expected_issuer}, so it is refused.",
                            error="issuer_mismatch",
                            message=msg("receive.issuer_mismatch", claimed=claimed, expected=expected_issuer))
    try:
        configs_obj = obj.get("credential_configurations_supported")
        if not isinstance(configs_obj, dict) or not configs_obj:
            raise _refuse("it lists no credential configurations")
        if len(configs_obj) > MAX_CONFIGURATIONS:
            raise _refuse(f"it lists more than {MAX_CONFIGURATIONS} credential configurations")
        configurations = {k: _configuration(k, v) for k, v in configs_obj.items()}
        batch = obj.get("batch_credential_issuance")
        size = batch.get("batch_size") if isinstance(batch, dict) else None
        if size is not None and (isinstance(size, bool) or not isinstance(size, int) or size < 2):
            raise _refuse("batch_size is not a number of at least 2")
        encryption = obj.get("credential_response_encryption")
        return IssuerMetadata(
            expected_issuer, str(https_url(obj.get("credential_endpoint"), "credential_endpoint")),
            tuple(str(https_url(a, "authorization server")) for a in
                  string_list(obj.get("authorization_servers"), "authorization_servers")),
            https_url(obj.get("nonce_endpoint"), "nonce_endpoint", required=False),
            https_url(obj.get("deferred_credential_endpoint"), "deferred_credential_endpoint", required=False),
            https_url(obj.get("notification_endpoint"), "notification_endpoint", required=False),
            min(size, 100) if size else None, _displays(obj.get("display"), "issuer"), configurations,
            encryption_required=bool(isinstance(encryption, dict) and encryption.get("encryption_required") is True),
        )
    except InputError as exc:
        if exc.message is not None and exc.message.id == "receive.metadata_bad":
            raise
        raise _refuse(str(exc).rstrip(".")) from exc


@dataclass(frozen=True)
class SignedMetadata:
    claims: dict[str, Any]
    signer: str | None  # the trusted certificate subject, None when the chain leads to no trusted CA


def verify_signed_metadata(jwt_text: str, issuer: str, anchors: Sequence[bytes], now: datetime) -> SignedMetadata:
    """Check a signed metadata JWT: signature by its ``x5c`` leaf (or a did:key/did:jwk ``kid``), names ``issuer``."""
    from wallet.verify import x5c as chains  # deferred: the certificate stack, needed only here
    from wallet.verify.did import KeyResolutionError, resolve
    from wallet.verify.jose import JoseError, check_header, verify_parts

    try:
        jws = split_jws(jwt_text)
        claims = payload_object(jws)
        check_header(jws.header)
    except (InputError, JoseError) as exc:
        raise _refuse(f"its signed metadata cannot be read ({str(exc).rstrip('.')})") from exc
    typ = str(jws.header.get("typ", "")).lower()
    if typ and typ not in SIGNED_TYPES and typ not in ("jwt", "application/jwt"):
        raise _refuse(f"its signed metadata is typed {typ!r}")
    named = claims.get("sub") or claims.get("credential_issuer") or claims.get("iss")
    if named != issuer:
        raise _refuse("its signed metadata is for another issuer")
    signer = None
    try:
        if "x5c" in jws.header:
            cert = chains.certificate_key(jws.header, now, tuple(anchors))
            key = cert.key
            if cert.path.status in ("invalid", "revoked"):
                raise _refuse("the certificate that signed its metadata is not valid")
            if cert.path.status != "untrusted" and chains.names_issuer(cert.names, issuer):
                signer = cert.subject  # otherwise a valid signature by an untrusted certificate: integrity only
        elif isinstance(jws.header.get("kid"), str) and str(jws.header["kid"]).startswith(("did:key:", "did:jwk:")):
            key = resolve(str(jws.header["kid"])).key
        else:
            raise _refuse("its signed metadata names no key the wallet can check")
        verify_parts(jws, key)
    except (KeyResolutionError, JoseError) as exc:
        raise _refuse(f"the signature of its signed metadata does not hold ({exc})") from exc
    return SignedMetadata(claims, signer)


def parse_issuer_metadata(body: bytes, url: str, *, media_type: str | None = None,
                          anchors: Sequence[bytes] = (), now: datetime | None = None) -> IssuerMetadata:
    """Metadata fetched from ``url`` (a well-known URL), checked against the identifier that URL stands for."""
    from datetime import UTC

    issuer = identifier_of(url)
    when = now or datetime.now(UTC)
    if media_type in ("application/jwt", *SIGNED_TYPES):
        try:
            jwt_text = body.decode("ascii").strip()
        except UnicodeDecodeError as exc:
            raise _refuse("its signed metadata is not text") from exc
        signed = verify_signed_metadata(jwt_text, issuer, anchors, when)
        base = metadata_from_json(signed.claims, issuer)
        return _replace(base, signed=True, signed_by=signed.signer)
    try:
        obj = load_json(body, "issuer metadata", limit=max(len(body), 1))
    except InputError as exc:
        raise _refuse(str(exc).rstrip(".")) from exc
    base = metadata_from_json(obj, issuer)
    embedded = obj.get("signed_metadata") if isinstance(obj, dict) else None
    if embedded is None:
        return base
    if not isinstance(embedded, str):
        raise _refuse("signed_metadata is not a JWT")
    signed = verify_signed_metadata(embedded, issuer, anchors, when)
    if signed.signer is None:
        return _replace(base, signed=True)
    merged = {**obj, **{k: v for k, v in signed.claims.items() if k not in ("iss", "sub", "iat", "exp")}}
    return _replace(metadata_from_json(merged, issuer), signed=True, signed_by=signed.signer)


def _replace(meta: IssuerMetadata, **changes: Any) -> IssuerMetadata:
    from dataclasses import replace

    return replace(meta, **changes)


def fetch_issuer_metadata(client: OnlineClient, issuer: str, *, anchors: Sequence[bytes] = ()) -> IssuerMetadata:
    """Fetch and check ``issuer``'s metadata (256 KiB cap, no redirects)."""
    urls = issuer_metadata_urls(issuer)
    resp: Response | None = None
    for index, url in enumerate(urls):
        try:
            resp = client.get(url, kind=FetchKind.METADATA, follow_redirects=False, purpose="issuer metadata",
                              headers={"Accept": "application/json, application/jwt;q=0.5"})
        except HttpStatusError as exc:
            if exc.status == 404 and index < len(urls) - 1:
                continue
            raise oauth_error(exc, "issuer metadata") from exc
        break
    assert resp is not None
    if 300 <= resp.status < 400:
        raise IssuanceError(f"The issuer's metadata at {display_url(resp.url)} redirects elsewhere, so it is refused.",
                            error="redirected", message=msg("receive.metadata_bad", detail="redirect"))
    return parse_issuer_metadata(resp.body, resp.url, media_type=resp.media_type, anchors=anchors)
