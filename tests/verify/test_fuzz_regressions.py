"""Every crash class the mutation fuzzer found in verification, as a fixed regression case (issue 11).

Each input is the smallest form of what the fuzzer found; it must give a
report (never an exception) and be refused for the right reason.
"""

from __future__ import annotations

import copy
import gzip
import json
from typing import Any

import pytest
import rfc8785
from pyld import jsonld as pyld_jsonld

from tests.verify.helpers import ISSUER, ctx, encoded_list, ob3_credential, raw, signed
from wallet.errors import InputError
from wallet.util.limits import load_json
from wallet.verify import jsonld
from wallet.verify.canon import CanonicalizationRefused, canonicalize_quads
from wallet.verify.engine import verify_bytes
from wallet.verify.jcs import jcs
from wallet.verify.safe_jsonld import JsonLdProblem, strict_quads
from wallet.verify.status import StatusListError, decode_list, gunzip_capped

RDFC = ("eddsa-rdfc-2022",)
URL = "https://example.org/status/1"


def _tampered(doc: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    out = copy.deepcopy(doc)
    cur = out
    for step in path[:-1]:
        cur = cur[step]
    cur[path[-1]] = value
    return out


def _failed(report: Any) -> dict[str, str]:
    return {c.name: c.explained for c in report.checks if c.status.value == "failed"}


# -- pyld: AttributeError / TypeError on null and repeated keywords -------------------------------

def test_pyld_attribute_error_on_null_types_is_a_failed_jsonld_check() -> None:
    """Issue 11: issuer name {"@type": null, "type": null} raised AttributeError from pyld's node map."""
    doc = _tampered(signed(ob3_credential()), ("issuer", "name"), {"@type": None, "type": None})
    guarded = {**doc, "@context": [{"@vocab": "urn:x#"}, *doc["@context"]]}
    with pytest.raises(AttributeError):  # pyld itself still has the bug; we must not pass it on
        pyld_jsonld.JsonLdProcessor().to_rdf(guarded, jsonld.options())
    _, report = verify_bytes(raw(doc), ctx())
    assert report.verdict.value == "invalid"
    assert "malformed" in _failed(report)["jsonld"]


def test_pyld_type_error_on_a_repeated_index_is_a_failed_jsonld_check() -> None:
    """The same node twice with the same @index: pyld indexes a string with '@id' (TypeError)."""
    node = {"id": "urn:x", "@index": "a", "type": ["Alignment"]}
    doc = _tampered(signed(ob3_credential()), ("credentialSubject", "achievement", "alignment"), [node, dict(node)])
    with pytest.raises(JsonLdProblem, match="malformed"):
        strict_quads({k: v for k, v in doc.items() if k != "proof"})
    _, report = verify_bytes(raw(doc), ctx())
    assert "jsonld" in _failed(report)


# -- JCS: integers outside the JSON-safe range -----------------------------------------------------

@pytest.mark.parametrize("value", [2**53, -(2**53), 2**64, 10**30])
def test_jcs_refuses_integers_outside_the_safe_range(value: int) -> None:
    with pytest.raises(rfc8785.IntegerDomainError):
        rfc8785.dumps({"n": value})
    with pytest.raises(CanonicalizationRefused, match="integer outside the range"):
        jcs({"a": [{"n": value}]})
    assert jcs({"n": 2**53 - 1}) == b'{"n":9007199254740991}'


@pytest.mark.parametrize("path", [("name",), ("credentialSubject", "x")])
def test_jcs_signed_credential_with_a_huge_integer_fails_its_signature(path: tuple[str, ...]) -> None:
    doc = _tampered(signed(ob3_credential(), suite="eddsa-jcs-2022"), path, 2**60)
    _, report = verify_bytes(raw(doc), ctx())
    assert report.verdict.value == "invalid"
    assert "RFC 8785" in _failed(report)["signature"]


# -- lone UTF-16 surrogates ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", ['{"name": "a\\ud800b"}', '{"\\udfff": 1}', '{"a": ["\\udc00"]}'])
def test_json_with_a_lone_surrogate_is_refused_as_it_is_read(text: str) -> None:
    with pytest.raises(InputError, match="unpaired UTF-16 surrogate"):
        load_json(text.encode())


def test_surrogate_pairs_and_escaped_backslashes_still_read() -> None:
    assert load_json(b'{"a": "\\ud83d\\ude00"}') == {"a": "\U0001f600"}
    assert load_json(b'{"a": "\\\\ud800"}') == {"a": "\\ud800"}


@pytest.mark.parametrize("suite", ["eddsa-rdfc-2022", "eddsa-jcs-2022"])
def test_a_credential_with_a_lone_surrogate_gets_a_report(suite: str) -> None:
    doc = signed(ob3_credential(), suite=suite)
    text = json.dumps(_tampered(doc, ("name",), "a\ud800b"), ensure_ascii=True)
    _, report = verify_bytes(text.encode(), ctx())
    assert report.verdict.value == "invalid"
    assert "surrogate" in _failed(report)["format"]


def test_canonicalizers_refuse_lone_surrogates_that_reach_them() -> None:
    """Defence in depth: the RDFC hasher and JCS never raise UnicodeEncodeError."""
    quads = [("_:b0", "<urn:p>", '"a\ud800"', ""), ("_:b1", "<urn:p>", '"a\ud800"', "")]
    with pytest.raises(CanonicalizationRefused, match="surrogate"):
        canonicalize_quads(quads)
    with pytest.raises(CanonicalizationRefused, match="surrogate"):
        canonicalize_quads([("<urn:s>", "<urn:p>", '"\udfff"', "")])
    with pytest.raises(CanonicalizationRefused):
        jcs({"\ud800": 1})


def test_received_bundle_text_with_a_lone_surrogate_is_refused() -> None:
    """A command-line argument's undecodable bytes arrive as lone surrogates (surrogateescape)."""
    from wallet.sharing.received import bundle_bytes, verify_received

    text = b'{"type": "VerifiablePresentation\xff"}'.decode("utf-8", "surrogateescape")
    with pytest.raises(InputError, match="not valid Unicode"):
        bundle_bytes(text)
    with pytest.raises(InputError):
        verify_received(text, ctx())


# -- status lists ---------------------------------------------------------------------------------------

def _status_list(bits: bytes = b"\x00" * 16384, purpose: Any = "revocation", encoded: str | None = None) -> bytes:
    subject: dict[str, Any] = {"id": URL + "#list", "type": "BitstringStatusList",
                               "encodedList": encoded or encoded_list(bits)}
    if purpose is not None:
        subject["statusPurpose"] = purpose
    doc = {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": URL,
           "type": ["VerifiableCredential", "BitstringStatusListCredential"], "issuer": ISSUER.did,
           "validFrom": "2025-01-01T00:00:00Z", "credentialSubject": subject}
    return raw(signed(doc))


def _with_status(purpose: Any) -> bytes:
    """A credential naming the list; the purpose is changed after signing (the status check runs anyway)."""
    entry = {"id": URL + "#0", "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
             "statusListIndex": "0", "statusListCredential": URL}
    return raw(_tampered(signed(ob3_credential(credentialStatus=entry)), ("credentialStatus", "statusPurpose"), purpose))


@pytest.mark.parametrize("purpose", [["revocation"], {"a": 1}, 1])
def test_a_status_entry_whose_purpose_is_not_text_fails_the_status_check(purpose: Any) -> None:
    """A list without statusPurpose and an entry purpose that is a list raised TypeError (unhashable)."""
    _, report = verify_bytes(_with_status(purpose), ctx(status_lists={URL: _status_list(purpose=None)}))
    status = report.check("status")
    assert status is not None and status.status.value == "failed" and "purpose" in status.explained


def test_data_after_the_first_gzip_member_is_refused() -> None:
    bits = b"\x80" + b"\x00" * 16383
    two_members = gzip.compress(bits) + gzip.compress(b"\x00" * 16384)
    with pytest.raises(StatusListError, match="after its compressed stream"):
        gunzip_capped(two_members)
    with pytest.raises(StatusListError, match="after its compressed stream"):
        gunzip_capped(gzip.compress(bits) + b"junk")
    assert gunzip_capped(gzip.compress(bits)) == bits
    encoded = "u" + jsonld_b64(two_members)
    with pytest.raises(StatusListError):
        decode_list(encoded)
    _, report = verify_bytes(_with_status("revocation"), ctx(status_lists={URL: _status_list(encoded=encoded)}))
    status = report.check("status")
    assert status is not None and status.status.value == "failed" and "after its compressed stream" in status.explained


def jsonld_b64(data: bytes) -> str:
    import base64

    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def test_a_status_list_with_a_lone_surrogate_cannot_be_used() -> None:
    broken = _status_list().replace(b'"BitstringStatusList"', b'"BitstringStatusList\\ud800"', 1)
    _, report = verify_bytes(_with_status("revocation"), ctx(status_lists={URL: broken}))
    status = report.check("status")
    assert status is not None and status.status.value == "failed" and status.message.get("reason").id == "status_list.not_json"
