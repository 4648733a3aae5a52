"""Contexts the user pinned (VerificationContext.pinned_contexts): used after the bundled ones, never fetched,
never remembered beyond the verification that was given them."""

from __future__ import annotations

import json

from tests.verify.helpers import ctx, ob3_credential, raw, signed
from wallet.verify import jsonld
from wallet.verify.engine import verify_bytes

URL = "https://contexts.example/skills/v1"
CONTEXT = json.dumps({"@context": {"skillLevel": "https://contexts.example/skills#skillLevel"}}).encode()
SWAPPED = json.dumps({"@context": {"skillLevel": "https://evil.example/terms#other"}}).encode()


def _credential() -> bytes:
    doc = ob3_credential(skillLevel="advanced")
    doc["@context"] = [*doc["@context"], URL]
    with jsonld.pinned({URL: CONTEXT}):  # the issuer had the context when it signed
        return raw(signed(doc))


def test_a_pinned_context_lets_the_credential_verify_and_nothing_leaks() -> None:
    credential = _credential()
    unknown = verify_bytes(credential, ctx())[1]
    assert unknown.check("jsonld").status.value == "not-checked" and URL in unknown.check("jsonld").explained
    assert unknown.verdict.value != "valid-with-warnings"
    known = verify_bytes(credential, ctx(pinned_contexts={URL: CONTEXT}))[1]
    assert known.check("jsonld").status.value == "passed", known.check("jsonld").explained
    assert known.check("signature").status.value == "passed"
    # The processed context is not remembered for the next verification without it …
    again = verify_bytes(credential, ctx())[1]
    assert again.check("jsonld").status.value == "not-checked"
    # … nor under the same URL with other content: a swapped context changes the meaning, so the signature fails.
    swapped = verify_bytes(credential, ctx(pinned_contexts={URL: SWAPPED}))[1]
    assert swapped.check("signature").status.value == "failed"
    assert not jsonld.is_known(URL)  # outside a verification nothing is pinned


def test_a_pinned_copy_that_is_not_a_context_is_refused() -> None:
    credential = _credential()
    report = verify_bytes(credential, ctx(pinned_contexts={URL: b"<html>not json</html>"}))[1]
    assert report.check("jsonld").status.value == "failed"
    assert "pinned copy" in report.check("jsonld").explained


def test_a_bundled_url_always_wins_over_a_pinned_copy() -> None:
    bundled = "https://www.w3.org/ns/credentials/v2"
    doc = signed(ob3_credential())
    report = verify_bytes(raw(doc), ctx(pinned_contexts={bundled: b'{"@context": {"@vocab": "https://evil/"}}'}))[1]
    assert report.check("signature").status.value == "passed"
