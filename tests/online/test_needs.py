"""evidence_needs: what each kind of credential needs from the network, read without any network."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wallet.formats.detect import parse
from wallet.online.evidence import EU_LOTL_URL, EvidenceKind, EvidenceNeed, evidence_needs, merge_needs

K, S, T = EvidenceKind.DID_DOCUMENT, EvidenceKind.STATUS_LIST, EvidenceKind.TOKEN_STATUS_LIST
OB2 = "1edtech-dc-validator/inspector-vc/src/test/resources/ob20"
EDC = "eu-elm-v3/Credentials"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def kinds_and_keys(raw: bytes) -> list[tuple[EvidenceKind, str]]:
    return [(n.kind, n.key) for n in evidence_needs(parse(raw))]


def vc(**extra: Any) -> dict[str, Any]:
    return {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
            "issuer": "did:web:issuer.example", "validFrom": "2026-01-01T00:00:00Z",
            "credentialSubject": {"id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"}, **extra}


def test_a_did_web_ldp_credential_needs_its_did_and_status_lists(block_sockets: Callable[[], Any]) -> None:
    doc = vc(issuer={"id": "did:web:issuer.example:unis:ul", "name": "UL"},
             proof={"type": "DataIntegrityProof", "verificationMethod": "did:web:keys.example#k1",
                    "proofValue": "z1"},
             credentialStatus=[
                 {"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "5",
                  "statusListCredential": "https://issuer.example/status/r"},
                 {"type": "BitstringStatusListEntry", "statusPurpose": "suspension", "statusListIndex": "5",
                  "statusListCredential": "https://issuer.example/status/s"},
                 {"type": "StatusList2021Entry", "statusListIndex": "9",
                  "statusListCredential": "https://issuer.example/status/r"},  # the same list again: listed once
                 {"type": "1EdTechRevocationList", "id": "https://issuer.example/revocations"},  # not fetchable
             ])
    with block_sockets():
        needs = evidence_needs(parse(json.dumps(doc).encode()))
    assert [(n.kind, n.key, n.reason) for n in needs] == [
        (K, "did:web:issuer.example:unis:ul", "the issuer's DID"),
        (K, "did:web:keys.example", "the key that signed the proof"),
        (S, "https://issuer.example/status/r", "the revocation status list"),
        (S, "https://issuer.example/status/s", "the suspension status list"),
    ]
    assert needs[0].host == "issuer.example" and needs[2].host == "issuer.example"


def test_did_key_and_did_jwk_credentials_need_nothing() -> None:
    doc = vc(issuer="did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
             proof={"type": "DataIntegrityProof", "verificationMethod": "did:key:z6Mkh#z6Mkh", "proofValue": "z"})
    assert evidence_needs(parse(json.dumps(doc).encode())) == []


def test_vc_jwt_needs_its_kid_did_and_status_lists() -> None:
    header = {"alg": "EdDSA", "typ": "JWT", "kid": "did:web:issuer.example%3A8443#key-1"}
    payload = {"iss": "did:web:issuer.example%3A8443", "sub": "did:key:z6Mk", "nbf": 1,
               "vc": {"@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiableCredential"],
                      "credentialSubject": {},
                      "credentialStatus": {"type": "BitstringStatusListEntry", "statusListIndex": "1",
                                           "statusPurpose": "revocation",
                                           "statusListCredential": "https://issuer.example:8443/status/1"}}}
    token = f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(payload).encode())}.{b64url(b'x')}"
    assert kinds_and_keys(token.encode()) == [(K, "did:web:issuer.example%3A8443"),
                                              (S, "https://issuer.example:8443/status/1")]


def test_sd_jwt_vc_needs_issuer_metadata_and_its_token_status_list() -> None:
    header = {"alg": "ES256", "typ": "dc+sd-jwt", "kid": "key-1"}
    payload = {"iss": "https://issuer.example/tenant", "vct": "https://issuer.example/vct", "iat": 1,
               "status": {"status_list": {"idx": 7, "uri": "https://issuer.example/status/token/1"}}, "_sd": []}
    token = f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(payload).encode())}.{b64url(b'x')}~"
    needs = evidence_needs(parse(token.encode()))
    assert [(n.kind, n.key) for n in needs] == [(EvidenceKind.JWT_VC_ISSUER, "https://issuer.example/tenant"),
                                                (T, "https://issuer.example/status/token/1")]


def test_a_did_web_presentation_needs_the_holder_did(corpus_dir: Path) -> None:
    raw = (corpus_dir / "vp-eddsa-rdfc-2022.embedded-revoked.001.vp.json").read_bytes()
    vp = json.loads(raw)
    vp["holder"] = "did:web:holder.example"
    needs = kinds_and_keys(json.dumps(vp).encode())
    assert needs[0] == (K, "did:web:holder.example")
    assert (S, "https://www.polilago.example/credentials/status/ob3-eddsa-jcs-2022/1") in needs  # the embedded VC's


def test_corpus_status_entries(corpus_dir: Path) -> None:
    raw = (corpus_dir / "ob3-eddsa-rdfc-2022.status-revoked.001.json").read_bytes()
    assert kinds_and_keys(raw) == [(S, "https://www.rvu.example/credentials/status/ob3-eddsa-rdfc-2022/1")]


def test_open_badges_2(vectors_dir: Path) -> None:
    hosted = (vectors_dir / OB2 / "basic-assertion.json").read_bytes()
    assert kinds_and_keys(hosted) == [(EvidenceKind.OB2_HOSTED, "https://example.org/beths-robotics-badge.json")]
    signed = (vectors_dir / OB2 / "simple.jwt").read_bytes()
    (need,) = evidence_needs(parse(signed))
    assert need.kind is EvidenceKind.OB2_DOCUMENT and need.key.startswith("https://")


def test_european_digital_credentials_need_the_trusted_lists_of_their_seal(vectors_dir: Path) -> None:
    for name in ("JSON-LD Examples (ELM v3)/Sample-MC-Annex1-signed.jsonld",
                 "XML Examples (ELM v2)/EDC_DiplomaSupplement_AA.xml"):
        (need,) = evidence_needs(parse((vectors_dir / EDC / name).read_bytes()))
        assert (need.kind, need.key, need.territories) == (EvidenceKind.TRUSTED_LIST, EU_LOTL_URL, ("ES",))
    unsigned = (vectors_dir / EDC / "JSON-LD Examples (ELM v3)/Sample-MC-Annex1-unsigned.jsonld").read_bytes()
    assert evidence_needs(parse(unsigned)) == []


def test_enveloped_credentials_need_what_their_content_needs() -> None:
    header = {"alg": "EdDSA", "typ": "vc+jwt", "kid": "did:web:issuer.example#k"}
    token = f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(vc()).encode())}.{b64url(b'x')}"
    envelope = {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": "EnvelopedVerifiableCredential",
                "id": f"data:application/vc+jwt,{token}"}
    assert kinds_and_keys(json.dumps(envelope).encode()) == [(K, "did:web:issuer.example")]


def test_merge_needs_lists_each_thing_once() -> None:
    a = [EvidenceNeed(K, "did:web:a.example", "issuer"),
         EvidenceNeed(EvidenceKind.TRUSTED_LIST, EU_LOTL_URL, "seal", ("ES",))]
    b = [EvidenceNeed(K, "did:web:a.example", "other reason"),
         EvidenceNeed(EvidenceKind.TRUSTED_LIST, EU_LOTL_URL, "seal", ("SI", "ES"))]
    merged = merge_needs([a, b])
    assert [(n.key, n.reason, n.territories) for n in merged] == [
        ("did:web:a.example", "issuer", ()), (EU_LOTL_URL, "seal", ("ES", "SI"))]
