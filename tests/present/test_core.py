"""The pure OpenID4VP pieces on their own: links, DCQL rules and limits, claims paths, matching with claim_sets
and credential_sets, the user's choice, and what a request by value must carry."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

import pytest

from wallet.errors import InputError, UsageError
from wallet.oid4vp.choice import check_choice, choose, default_choice
from wallet.oid4vp.claims import select
from wallet.oid4vp.client_id import RequestRefused
from wallet.oid4vp.dcql import parse_dcql
from wallet.oid4vp.link import looks_like_request, parse_link
from wallet.oid4vp.matching import Candidate, match
from wallet.oid4vp.request import from_link

CB = "https://verifier.example/cb"
VCT = "https://issuer.example/vct"
NOW = datetime(2026, 1, 1, tzinfo=UTC)

SD = Candidate("sd-1", "dc+sd-jwt", "Course", {"vct": VCT, "achievement": {"title": "Data", "ects_credits": 5},
                                              "learner": {"given_name": "Ana"}}, VCT, bound=True)
SD2 = Candidate("sd-2", "dc+sd-jwt", "Other course", {"vct": VCT, "achievement": {"title": "Chem", "ects_credits": 3}},
                VCT, bound=True, rank=1)
LDP = Candidate("ldp-1", "ldp_vc", "Badge", {"credentialSubject": {"achievement": {"name": "B"}}},
                types=frozenset({"VerifiableCredential", "OpenBadgeCredential"}), bound=True)


def sd_query(**extra: Any) -> dict[str, Any]:
    return {"id": "course", "format": "dc+sd-jwt", "meta": {"vct_values": [VCT]},
            "claims": [{"id": "t", "path": ["achievement", "title"]},
                       {"id": "e", "path": ["achievement", "ects_credits"]}], **extra}


def test_links() -> None:
    assert looks_like_request("OPENID4VP://?client_id=x") and not looks_like_request("https://example.org/")
    link = parse_link("openid4vp://?client_id=x509_san_dns%3Av.example&request_uri=https%3A%2F%2Fv.example%2Fr")
    assert link.by_reference and link.request_uri_method == "get"
    for bad, why in (("openid4vp://?client_id=a&client_id=b&request_uri=https://x/", "given twice"),
                     ("openid4vp://?request_uri=https://x/", "no client_id"),
                     ("openid4vp://?client_id=a&request_uri=ftp://x/", "not an https URL"),
                     ("openid4vp://?client_id=a&request=x&request_uri=https://x/", "both"),
                     ("mailto:x", "neither"), ("openid4vp://?client_id=a b", "spaces"),
                     ("openid4vp://?client_id=a&presentation_definition=%7B%7D", "Presentation Exchange")):
        with pytest.raises(InputError, match=why):
            parse_link(bad)
    with pytest.raises(InputError, match="longer than"):
        parse_link("openid4vp://?client_id=" + "a" * 300_000)


def test_dcql_rules_and_limits() -> None:
    assert parse_dcql({"credentials": [sd_query()]}).credentials[0].id == "course"
    for bad in ({"credentials": []}, {"credentials": [sd_query(), sd_query()]},
                {"credentials": [sd_query(claim_sets=[["nope"]])]},
                {"credentials": [sd_query()], "credential_sets": [{"options": [["missing"]]}]},
                {"credentials": [{**sd_query(), "id": "bad id!"}]},
                {"credentials": [sd_query(claims=[{"path": ["a"]}] * 300)]},
                {"credentials": [sd_query(claims=[{"path": [f"c{i}" for i in range(40)]}])]}):
        with pytest.raises(InputError, match="DCQL"):
            parse_dcql(bad)


def test_claims_paths_with_wildcards() -> None:
    claims = {"list": [{"a": 1}, {"a": 2}, {"b": 3}], "x": {"y": None}}
    assert select(claims, ["list", None, "a"]) == [(("list", 0, "a"), 1), (("list", 1, "a"), 2)]
    assert select(claims, ["list", 2, "b"]) == [(("list", 2, "b"), 3)]
    assert select(claims, ["missing"]) == []


def test_matching_claim_sets_values_and_the_best_match_first() -> None:
    dcql = parse_dcql({"credentials": [sd_query(claims=[{"id": "t", "path": ["achievement", "title"]},
                                                        {"id": "e", "path": ["achievement", "ects_credits"],
                                                         "values": [5]}],
                                                claim_sets=[["t", "e"], ["t"]])]})
    result = match(dcql, [SD2, SD, LDP])
    (query,) = result.queries
    assert [m.candidate.id for m in query.matches] == ["sd-1", "sd-2"]  # valid before rank 1, full set before fallback
    assert query.matches[0].paths == (("achievement", "title"), ("achievement", "ects_credits"))
    assert query.matches[1].paths == (("achievement", "title"),) and query.matches[1].claim_set == 1
    assert result.satisfiable and default_choice(result) == {"course": ("sd-1",)}


def test_why_nothing_matches() -> None:
    dcql = parse_dcql({"credentials": [sd_query(claims=[{"path": ["learner", "birth_date"]}]),
                                       {"id": "mdl", "format": "mso_mdoc", "meta": {"doctype_value": "x"}}]})
    result = match(dcql, [SD, LDP])
    assert not result.satisfiable
    assert result.result("course").why_not().id == "present.miss_claim"
    assert result.result("mdl").why_not().id == "present.miss_format_unsupported"
    unbound = Candidate("u", "dc+sd-jwt", "Unbound", SD.claims, VCT, bound=False)
    assert match(parse_dcql({"credentials": [sd_query()]}), [unbound]).queries[0].why_not().id == "present.miss_binding"


def test_credential_sets_and_choice() -> None:
    badge = {"id": "badge", "format": "ldp_vc", "meta": {"type_values": [["OpenBadgeCredential"]]},
             "claims": [{"path": ["credentialSubject", "achievement", "name"]}]}
    mdl = {"id": "mdl", "format": "mso_mdoc", "meta": {"doctype_value": "x"}}
    dcql = parse_dcql({"credentials": [sd_query(), badge, mdl],
                       "credential_sets": [{"options": [["mdl"], ["course"]]}, {"options": [["badge"]],
                                                                               "required": False}]})
    result = match(dcql, [SD, SD2, LDP])
    assert result.satisfiable and default_choice(result) == {"course": ("sd-1",)}  # the optional set is left out
    picked = choose(result, ["ldp-1", "sd-2"], default_choice(result))
    assert picked == {"course": ("sd-2",), "badge": ("ldp-1",)} and check_choice(result, picked) is None
    with pytest.raises(UsageError, match="does not answer"):
        choose(result, ["nothing-like-this"])
    assert check_choice(result, {"badge": ("ldp-1",)}).id == "present.choice_missing"  # type: ignore[union-attr]
    assert check_choice(result, {"course": ("ldp-1",)}).id == "present.choice_not_matching"  # type: ignore[union-attr]


def by_value(**changes: Any) -> str:
    params = {"client_id": "redirect_uri:" + CB, "response_type": "vp_token", "response_mode": "direct_post",
              "response_uri": CB, "nonce": "n-1", "dcql_query": json.dumps({"credentials": [sd_query()]}),
              **changes}
    return "openid4vp://?" + urlencode({k: v for k, v in params.items() if v is not None})


def test_requests_by_value() -> None:
    request = from_link(parse_link(by_value()), now=NOW)
    assert not request.identity.verified and not request.signed and request.response_uri == CB
    cases = {"present.response_uri_mismatch": {"response_uri": CB + "/elsewhere"},
             "present.request_unsigned": {"client_id": "x509_san_dns:verifier.example"},
             "present.request_no_nonce": {"nonce": None},
             "present.response_mode_unsupported": {"response_mode": "fragment"},
             "present.transaction_data": {"transaction_data": "[]"},
             "present.client_id_unsupported": {"client_id": "verifier_attestation:x"}}
    for message_id, change in cases.items():
        with pytest.raises(RequestRefused) as caught:
            from_link(parse_link(by_value(**change)), now=NOW)
        assert caught.value.message is not None and caught.value.message.id == message_id, change
    with pytest.raises(InputError, match="vp_token"):
        from_link(parse_link(by_value(response_type="code")), now=NOW)


def test_the_encrypted_answer_opens_with_an_independent_jose_library() -> None:
    from jwcrypto import jwe, jwk

    from wallet.oid4vp.client_metadata import parse_client_metadata
    from wallet.oid4vp.response import encryption_plan, form

    for curve in ("P-256", "P-384"):
        private = jwk.JWK.generate(kty="EC", crv=curve)
        public = {**json.loads(private.export_public()), "use": "enc", "alg": "ECDH-ES", "kid": "k1"}
        metadata = parse_client_metadata({"jwks": {"keys": [public]},
                                          "encrypted_response_enc_values_supported": ["A256GCM"]})
        fields = form({"q": ["presentation"]}, "st-1", encrypt_to=encryption_plan(metadata))
        token = jwe.JWE()
        token.deserialize(fields["response"], key=private)
        assert json.loads(token.payload) == {"vp_token": {"q": ["presentation"]}, "state": "st-1"}
        assert json.loads(token.objects["protected"])["enc"] == "A256GCM"


def test_a_request_object_signed_by_a_did_is_signed_but_not_verified() -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from wallet.oid4vp.request import from_request_object
    from wallet.storage.holder_key import did_key_of
    from wallet.verify.jose import sign_compact

    key = Ed25519PrivateKey.generate()
    did = did_key_of(key.public_key())
    client_id = "decentralized_identifier:" + did
    payload = {"client_id": client_id, "response_type": "vp_token", "response_mode": "direct_post",
               "response_uri": CB, "nonce": "n-1", "dcql_query": {"credentials": [sd_query()]},
               "aud": "https://self-issued.me/v2", "iat": int(NOW.timestamp())}
    jwt = sign_compact({"typ": "oauth-authz-req+jwt", "kid": did + "#" + did[len("did:key:"):]}, payload, key)
    link = parse_link("openid4vp://?" + urlencode({"client_id": client_id, "request": jwt}))
    request = from_request_object(jwt, link, now=NOW)
    assert request.identity.signed and not request.identity.verified and request.signed
    other = Ed25519PrivateKey.generate()
    forged = sign_compact({"typ": "oauth-authz-req+jwt", "kid": did + "#" + did[len("did:key:"):]}, payload, other)
    with pytest.raises(RequestRefused) as caught:
        from_request_object(forged, link, now=NOW)
    assert caught.value.message is not None and caught.value.message.id == "present.request_bad_signature"
    with pytest.raises(RequestRefused):  # the same object under another client id
        from_request_object(jwt, parse_link("openid4vp://?" + urlencode({"client_id": "decentralized_identifier:"
                                                                                       "did:key:z6Mkother",
                                                                         "request": jwt})), now=NOW)
