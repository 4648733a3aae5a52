"""Offers and issuer metadata are hostile input: the pure parsers refuse what is not right, in one sentence.

``parse_offer(text)`` and ``parse_issuer_metadata(bytes, url)`` are the fuzz targets' entry points; the
property tests below run them on arbitrary input (Hypothesis, the suite's derandomized profile) and allow
only the wallet's own refusals out.
"""

from __future__ import annotations

import base64
import json
from datetime import timedelta
from typing import Any
from urllib.parse import quote

import pytest
from cryptography import x509
from hypothesis import given
from hypothesis import strategies as st
from sdjwt.issuing import NOW, ca_and_leaf, x5c_of

from wallet.errors import InputError, IssuanceError
from wallet.online.oid4vci.display import decode_data_url, image_type, logo_data_url, pick
from wallet.online.oid4vci.metadata import (
    Display,
    identifier_of,
    issuer_metadata_urls,
    parse_issuer_metadata,
)
from wallet.online.oid4vci.offer import CredentialOffer, OfferReference, TxCode, parse_offer
from wallet.verify.jose import sign_compact

ISSUER = "https://issuer.example"
PRE = "urn:ietf:params:oauth:grant-type:pre-authorized_code"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def offer(**changes: Any) -> dict[str, Any]:
    base = {"credential_issuer": ISSUER, "credential_configuration_ids": ["a", "b"],
            "grants": {PRE: {"pre-authorized_code": "pac-1", "tx_code": {"input_mode": "numeric", "length": 6,
                                                                        "description": "PIN from the mail"}},
                       "authorization_code": {"issuer_state": "st-1"}}}
    base.update(changes)
    return base


def link(obj: Any) -> str:
    return "openid-credential-offer://?credential_offer=" + quote(json.dumps(obj))


def test_offers_by_value_by_reference_and_pasted() -> None:
    parsed = parse_offer(link(offer()))
    assert isinstance(parsed, CredentialOffer) and parsed.credential_issuer == ISSUER
    assert parsed.configuration_ids == ("a", "b") and parsed.pre_authorized and parsed.authorization_code
    assert parsed.pre_authorized.tx_code == TxCode("numeric", 6, "PIN from the mail")
    assert parse_offer(json.dumps(offer())) == parsed
    assert parse_offer(("  " + link(offer()) + "\n").encode()) == parsed
    assert parse_offer("https://issuer.example/offer?credential_offer=" + quote(json.dumps(offer()))) == parsed
    ref = parse_offer("openid-credential-offer://?credential_offer_uri=" + quote("https://issuer.example/o/1"))
    assert ref == OfferReference("https://issuer.example/o/1")


@pytest.mark.parametrize("bad", [
    "", "   ", "hello", "http://issuer.example/?credential_offer=%7B%7D", "javascript:alert(1)",
    "openid-credential-offer://?nothing=1",
    "openid-credential-offer://?credential_offer=%7B%7D&credential_offer_uri=https%3A%2F%2Fx.example",
    "openid-credential-offer://?credential_offer=a&credential_offer=b",
    "openid-credential-offer://?credential_offer=%5B1%5D",
    "openid-credential-offer://?credential_offer=%7B",
    "openid-credential-offer://?credential_offer_uri=http%3A%2F%2Fissuer.example%2Fo",
    "openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fu%3Ap%40issuer.example%2Fo",
    link(offer(credential_issuer="http://issuer.example")),
    link(offer(credential_issuer="https://user:pw@issuer.example")),
    link(offer(credential_configuration_ids=[])),
    link(offer(credential_configuration_ids=["a", "a"])),
    link(offer(credential_configuration_ids=[1])),
    link(offer(credential_configuration_ids=[f"c{i}" for i in range(60)])),
    link(offer(grants=[])),
    link(offer(grants={PRE: {"pre-authorized_code": "has space"}})),
    link(offer(grants={PRE: {"pre-authorized_code": "ü"}})),
    link(offer(grants={PRE: {"pre-authorized_code": "x", "tx_code": {"input_mode": "emoji"}}})),
    link(offer(grants={PRE: {"pre-authorized_code": "x", "tx_code": {"length": 0}}})),
    link(offer(grants={PRE: {"pre-authorized_code": "x", "tx_code": {"description": "d" * 400}}})),
    link(offer(grants={PRE: "x"})),
    "openid-credential-offer://?credential_offer=" + "A" * 70_000,
    json.dumps(offer()).encode("utf-16"),
])
def test_malformed_offers_are_refused_with_one_sentence(bad: Any) -> None:
    with pytest.raises(InputError) as caught:
        parse_offer(bad)
    assert caught.value.message is not None and caught.value.message.id == "receive.offer_malformed"
    assert str(caught.value).startswith("This is not a credential offer")


def test_tx_code_shape() -> None:
    code = TxCode("numeric", 6)
    assert code.accepts("123456") and not code.accepts("12345") and not code.accepts("12a456")
    assert TxCode("text").accepts("ab-12") and not TxCode("text").accepts("")


@given(st.text(max_size=300) | st.binary(max_size=300).map(lambda b: b.decode("latin-1")))
def test_parse_offer_never_fails_otherwise(text: str) -> None:
    for candidate in (text, "openid-credential-offer://?credential_offer=" + quote(text), "{" + text):
        try:
            parse_offer(candidate)
        except InputError:
            pass


# ------------------------------------------------------------------ metadata

def metadata(**changes: Any) -> dict[str, Any]:
    base = {"credential_issuer": ISSUER, "credential_endpoint": ISSUER + "/credential",
            "nonce_endpoint": ISSUER + "/nonce", "authorization_servers": [ISSUER],
            "display": [{"name": "Test issuer", "locale": "en", "logo": {"uri": "data:image/png;base64,"
                                                                         + base64.b64encode(PNG).decode()}},
                        {"name": "Testni izdajatelj", "locale": "sl"}],
            "credential_configurations_supported": {
                "a": {"format": "dc+sd-jwt", "vct": ISSUER + "/vct", "cryptographic_binding_methods_supported": ["jwk"],
                      "proof_types_supported": {"jwt": {"proof_signing_alg_values_supported": ["ES256"]}},
                      "credential_metadata": {"display": [{"name": "Badge", "locale": "en",
                                                           "background_color": "#0b6e4f", "text_color": "red"}]}}}}
    base.update(changes)
    return base


URL = ISSUER + "/.well-known/openid-credential-issuer"


def test_metadata_is_read_and_checked() -> None:
    meta = parse_issuer_metadata(json.dumps(metadata()).encode(), URL)
    assert meta.credential_issuer == ISSUER and meta.nonce_endpoint == ISSUER + "/nonce"
    config = meta.configurations["a"]
    assert config.format == "dc+sd-jwt" and config.binding_methods == ("jwk",) and config.proof_algs == ("ES256",)
    assert config.display[0].background_color == "#0b6e4f" and config.display[0].text_color is None  # not a colour
    assert pick(meta.display, ("sl",)).name == "Testni izdajatelj"  # type: ignore[union-attr]
    assert pick(meta.display, ("de", "en")).name == "Test issuer"  # type: ignore[union-attr]
    assert logo_data_url(None, meta.display[0].logo.uri).startswith("data:image/png;base64,")  # type: ignore[union-attr]


def test_identifier_and_well_known_urls() -> None:
    assert issuer_metadata_urls("https://h.example/t/1") == [
        "https://h.example/.well-known/openid-credential-issuer/t/1",
        "https://h.example/t/1/.well-known/openid-credential-issuer"]
    assert identifier_of("https://h.example/.well-known/openid-credential-issuer/t/1") == "https://h.example/t/1"
    assert identifier_of("https://h.example/t/1/.well-known/openid-credential-issuer") == "https://h.example/t/1"
    with pytest.raises(InputError):
        identifier_of("https://h.example/metadata.json")


def test_metadata_for_another_issuer_is_refused() -> None:
    with pytest.raises(IssuanceError) as caught:
        parse_issuer_metadata(json.dumps(metadata(credential_issuer="https://issuer.invalid")).encode(), URL)
    assert caught.value.message is not None and caught.value.message.id == "receive.issuer_mismatch"


@pytest.mark.parametrize("changes", [
    {"credential_configurations_supported": {}}, {"credential_configurations_supported": []},
    {"credential_configurations_supported": {f"c{i}": {"format": "ldp_vc"} for i in range(101)}},
    {"credential_endpoint": "http://issuer.example/credential"}, {"credential_endpoint": None},
    {"nonce_endpoint": "ftp://issuer.example/n"}, {"batch_credential_issuance": {"batch_size": 1}},
    {"authorization_servers": "https://issuer.example"}, {"display": {"name": "x"}},
    {"credential_configurations_supported": {"a": {"format": 7}}},
])
def test_malformed_metadata_is_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(InputError) as caught:
        parse_issuer_metadata(json.dumps(metadata(**changes)).encode(), URL)
    assert caught.value.message is not None and caught.value.message.id == "receive.metadata_bad"


@given(st.binary(max_size=500))
def test_parse_issuer_metadata_never_fails_otherwise(data: bytes) -> None:
    for body in (data, b'{"credential_issuer": "https://issuer.example", "x": ' + data + b"}"):
        try:
            parse_issuer_metadata(body, URL)
        except (InputError, IssuanceError):
            pass


def _signed(claims: dict[str, Any], key: Any, header: dict[str, Any]) -> str:
    return sign_compact({"typ": "openidvci-issuer-metadata+jwt", **header}, claims, key)


def test_signed_metadata_by_a_trusted_certificate_is_used_and_named() -> None:
    ca, leaf, key = ca_and_leaf([x509.UniformResourceIdentifier(ISSUER)])
    signed = _signed({"sub": ISSUER, "iat": int(NOW.timestamp()), "display": [{"name": "Signed name", "locale": "en"}]},
                     key, {"x5c": x5c_of(leaf)})
    body = json.dumps(metadata(signed_metadata=signed)).encode()
    trusted = parse_issuer_metadata(body, URL, anchors=[ca], now=NOW + timedelta(hours=1))
    assert trusted.signed and trusted.signed_by and "Issuer" in trusted.signed_by
    assert trusted.display[0].name == "Signed name"  # the signed values take precedence
    untrusted = parse_issuer_metadata(body, URL, anchors=[], now=NOW)
    assert untrusted.signed and untrusted.signed_by is None and untrusted.display[0].name == "Test issuer"
    # the final 1.0 form: the body itself is the JWT
    whole = _signed({**metadata(), "sub": ISSUER, "iat": 1}, key, {"x5c": x5c_of(leaf)})
    final = parse_issuer_metadata(whole.encode(), URL, media_type="application/jwt", anchors=[ca], now=NOW)
    assert final.signed_by is not None and final.credential_endpoint == ISSUER + "/credential"


def test_forged_or_foreign_signed_metadata_is_refused() -> None:
    _ca, leaf, key = ca_and_leaf([x509.UniformResourceIdentifier(ISSUER)])
    _ca2, _leaf2, other = ca_and_leaf([x509.UniformResourceIdentifier(ISSUER)])
    forged = _signed({"sub": ISSUER}, other, {"x5c": x5c_of(leaf)})
    foreign = _signed({"sub": "https://elsewhere.example"}, key, {"x5c": x5c_of(leaf)})
    for signed in (forged, foreign, "not.a.jwt", 42):
        with pytest.raises(InputError):
            parse_issuer_metadata(json.dumps(metadata(signed_metadata=signed)).encode(), URL, now=NOW)


def test_logos_are_checked_images_only() -> None:
    assert image_type(PNG) == "image/png" and image_type(b"<svg xmlns='http://www.w3.org/2000/svg'/>") is None
    svg = "data:image/svg+xml;base64," + base64.b64encode(b"<svg/>").decode()
    assert logo_data_url(None, svg) is None
    huge = "data:image/png;base64," + base64.b64encode(PNG + b"\0" * (2 * 1024 * 1024)).decode()
    assert logo_data_url(None, huge) is None and decode_data_url("data:,x") == b"x"
    assert logo_data_url(None, "https://issuer.example/logo.png") is None  # never fetched without a client
    assert pick((), ("en",)) is None and pick((Display("x"),), ("sl",)) == Display("x")
