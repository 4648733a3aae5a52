"""The evidence fetchers against a local HTTPS server: right documents accepted as fetched, junk refused."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import time
import zlib
from pathlib import Path

import pytest

from wallet.errors import AddressRefused, BadEvidence, HttpStatusError, OfflineMode
from wallet.formats.safe_xml import parse_xml
from wallet.online.evidence import (
    EvidenceKind,
    EvidenceNeed,
    did_web_url,
    fetch_context,
    fetch_did_document,
    fetch_jwt_vc_issuer,
    fetch_needs,
    fetch_ob2_hosted,
    fetch_status_list,
    fetch_token_status_list,
    fetch_trusted_lists,
    lotl_pointers,
    metadata_urls,
)

from .conftest import ClientFactory
from .servers import LocalServer


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def fake_jws(header: dict, payload: dict) -> str:
    """A JWS-shaped token (the fetchers check shape, never signatures: verification does that later)."""
    return f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(payload).encode())}.{b64url(b'sig')}"


def serve(server: LocalServer, path: str, body: bytes | str | dict, content_type: str = "application/json",
          status: int = 200, headers: dict[str, str] | None = None) -> None:
    data = json.dumps(body).encode() if isinstance(body, dict) else body.encode() if isinstance(body, str) else body
    server.routes[path] = lambda h: h.reply(status, data, content_type, headers)


# ---------------------------------------------------------------- did:web

@pytest.mark.parametrize(("did", "url"), [
    ("did:web:w3c-ccg.github.io", "https://w3c-ccg.github.io/.well-known/did.json"),
    ("did:web:w3c-ccg.github.io:user:alice", "https://w3c-ccg.github.io/user/alice/did.json"),
    ("did:web:example.com%3A3000:user:alice", "https://example.com:3000/user/alice/did.json"),
    ("did:web:example.com%3a8443", "https://example.com:8443/.well-known/did.json"),
    ("did:web:example.com#key-1", "https://example.com/.well-known/did.json"),
    ("did:web:example.com:a%20b", "https://example.com/a%20b/did.json"),
])
def test_did_web_urls_follow_the_spec(did: str, url: str) -> None:
    assert did_web_url(did) == url


@pytest.mark.parametrize("did", ["did:web:", "did:web:example.com::x", "did:web:example.com:..",
                                 "did:web:example.com:%2e%2e", "did:web:example.com:a%2Fb", "did:web:exa%2Fmple.com",
                                 "did:web:example.com%3A99999", "did:web:example.com%3Axyz", "did:web:ex/ample.com",
                                 "did:key:z6Mk"])
def test_malformed_did_web_is_refused(did: str) -> None:
    with pytest.raises(BadEvidence):
        did_web_url(did)


def test_did_documents_are_fetched_by_the_spec_url(server: LocalServer, make_client: ClientFactory) -> None:
    host = f"localhost%3A{server.port}"
    serve(server, "/.well-known/did.json", {"id": f"did:web:{host}", "verificationMethod": []},
          "application/did+json", headers={"Cache-Control": "public, max-age=3600"})
    serve(server, "/users/alice/did.json", {"id": f"did:web:{host}:users:alice"}, "application/json")
    client, rec = make_client()
    root = fetch_did_document(client, f"did:web:{host}#key-1")
    assert (root.kind, root.key, root.media_type, root.max_age) == (EvidenceKind.DID_DOCUMENT, f"did:web:{host}",
                                                                     "application/did+json", 3600)
    assert root.source_url == server.url("/.well-known/did.json") and json.loads(root.body)["id"] == root.key
    assert server.log[-1].headers["accept"].startswith("application/did+json")
    alice = fetch_did_document(client, f"did:web:{host}:users:alice")
    assert alice.source_url == server.url("/users/alice/did.json")
    assert [p for _, _, p in rec.contacts] == [f"DID document of did:web:{host}", f"DID document of did:web:{host}:users:alice"]


def test_a_did_document_for_someone_else_is_refused(server: LocalServer, make_client: ClientFactory) -> None:
    host = f"localhost%3A{server.port}"
    serve(server, "/.well-known/did.json", {"id": "did:web:victim.example"}, "application/did+json")
    serve(server, "/html/did.json", "<html>hi</html>", "text/html")
    serve(server, "/list/did.json", "[1, 2]")
    serve(server, "/broken/did.json", '{"id": ')
    client, _ = make_client()
    with pytest.raises(BadEvidence, match="is for 'did:web:victim.example'"):
        fetch_did_document(client, f"did:web:{host}")
    with pytest.raises(BadEvidence, match="text/html, not a DID document"):
        fetch_did_document(client, f"did:web:{host}:html")
    with pytest.raises(BadEvidence, match="not a JSON object"):
        fetch_did_document(client, f"did:web:{host}:list")
    with pytest.raises(BadEvidence, match="not valid JSON"):
        fetch_did_document(client, f"did:web:{host}:broken")
    with pytest.raises(HttpStatusError, match="HTTP 404"):
        fetch_did_document(client, f"did:web:{host}:nobody")


def test_did_key_and_did_jwk_never_touch_the_network(make_client: ClientFactory) -> None:
    client, rec = make_client()
    for did in ("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
                "did:jwk:eyJrdHkiOiJPS1AiLCJjcnYiOiJFZDI1NTE5IiwieCI6IjEyMyJ9", "did:ion:abc"):
        with pytest.raises(BadEvidence):
            fetch_did_document(client, did)
    assert rec.contacts == [] and rec.lookups == []


# ---------------------------------------------------------------- status lists

def bitstring_list(url: str, entries: int = 131_072, revoked: tuple[int, ...] = (), list_id: str | None = None,
                   ttl_ms: int | None = None) -> dict:
    bits = bytearray(entries // 8)
    for i in revoked:
        bits[i // 8] |= 0x80 >> (i % 8)
    subject: dict = {"id": f"{url}#list", "type": "BitstringStatusList", "statusPurpose": "revocation",
                     "encodedList": "u" + b64url(gzip.compress(bytes(bits)))}
    if ttl_ms is not None:
        subject["ttl"] = ttl_ms
    return {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": list_id or url,
            "type": ["VerifiableCredential", "BitstringStatusListCredential"], "issuer": "did:web:example.com",
            "validFrom": "2026-11-01T00:00:00Z", "credentialSubject": subject}


def test_bitstring_status_lists_are_cached_under_the_named_url(server: LocalServer,
                                                               make_client: ClientFactory) -> None:
    url = server.url("/status/1")
    doc = bitstring_list(url, revoked=(3,), list_id="https://elsewhere.example/lists/1", ttl_ms=300_000)
    serve(server, "/status/1", doc, "application/vc+ld+json", headers={"Cache-Control": "max-age=86400"})
    client, _ = make_client()
    record = fetch_status_list(client, url)
    assert record.kind is EvidenceKind.STATUS_LIST and record.key == url
    assert record.body == json.dumps(doc).encode()  # exactly as fetched
    assert record.max_age == 300  # ttl (ms) is shorter than Cache-Control
    assert record.issued_at is not None and record.issued_at.isoformat() == "2026-11-01T00:00:00+00:00"
    assert any("calls itself https://elsewhere.example/lists/1" in n for n in record.notes)
    assert server.log[-1].headers["accept"].startswith("application/vc+ld+json")


def test_small_lists_carry_a_privacy_note(server: LocalServer, make_client: ClientFactory) -> None:
    url = server.url("/status/small")
    serve(server, "/status/small", bitstring_list(url, entries=1024))
    client, _ = make_client()
    notes = fetch_status_list(client, url).notes
    assert any("only 1024 entries" in n for n in notes)


def test_a_vc_jwt_status_list_is_accepted_as_fetched(server: LocalServer, make_client: ClientFactory) -> None:
    url = server.url("/status/jwt")
    now = int(time.time())
    token = fake_jws({"alg": "ES256", "typ": "vc+jwt"}, {**bitstring_list(url), "iat": now, "exp": now + 600})
    serve(server, "/status/jwt", token, "application/vc+jwt")
    client, _ = make_client()
    record = fetch_status_list(client, url)
    assert record.body == token.encode() and record.media_type == "application/vc+jwt"
    assert record.max_age is not None and 0 < record.max_age <= 600


def test_status_list_junk_is_refused(server: LocalServer, make_client: ClientFactory) -> None:
    url = server.url("/status/x")
    bomb = "u" + b64url(gzip.compress(b"\0" * (40 * 1024 * 1024)))
    cases = {
        "/not-a-list": ({"type": ["VerifiableCredential"], "credentialSubject": {}}, "not a status list credential"),
        "/no-list": ({"type": ["BitstringStatusListCredential"], "credentialSubject": {"id": "x"}}, "no encodedList"),
        "/not-gzip": ({"type": ["StatusList2021Credential"], "credentialSubject": {"encodedList": "uAAAA"}},
                      "not in the expected compressed form"),
        "/bomb": ({"type": ["BitstringStatusListCredential"], "credentialSubject": {"encodedList": bomb}},
                  "expands to more than 16 MiB"),
        "/two": ({"type": ["BitstringStatusListCredential"], "credentialSubject": [{}, {}]}, "exactly one"),
    }
    for path, (doc, _) in cases.items():
        serve(server, path, doc)
    serve(server, "/html", "<html></html>", "text/html")
    client, _ = make_client()
    for path, (_, why) in cases.items():
        with pytest.raises(BadEvidence, match=why):
            fetch_status_list(client, server.url(path))
    with pytest.raises(BadEvidence, match="not valid JSON"):
        fetch_status_list(client, server.url("/html"))
    assert url  # the named URL of a list is what the caller gives; nothing else is assumed


def token_list(url: str, bits: int = 2, values: bytes = bytes(256), ttl: int | None = 60, **extra: object) -> str:
    now = int(time.time())
    payload: dict = {"sub": url, "iat": now, "exp": now + 3600,
                     "status_list": {"bits": bits, "lst": b64url(zlib.compress(values))}}
    if ttl is not None:
        payload["ttl"] = ttl
    payload.update(extra)
    return fake_jws({"alg": "ES256", "typ": "statuslist+jwt", "kid": "k1"}, payload)


def test_token_status_lists(server: LocalServer, make_client: ClientFactory) -> None:
    url = server.url("/token/1")
    serve(server, "/token/1", token_list(url), "application/statuslist+jwt")
    client, _ = make_client()
    record = fetch_token_status_list(client, url)
    assert record.kind is EvidenceKind.TOKEN_STATUS_LIST and record.key == url and record.max_age == 60
    assert record.issued_at is not None and any("only 1024 entries" in n for n in record.notes)
    assert server.log[-1].headers["accept"] == "application/statuslist+jwt"


def test_token_status_list_junk_is_refused(server: LocalServer, make_client: ClientFactory) -> None:
    bomb = b64url(zlib.compress(b"\0" * (40 * 1024 * 1024), 9))
    u = server.url
    cases = [
        ("/json", token_list(u("/json")), "application/json", r"not application/statuslist\+jwt"),
        ("/sub", token_list("https://other.example/list"), "application/statuslist+jwt", "says it is"),
        ("/bits", token_list(u("/bits"), bits=3), "application/statuslist+jwt", "bits must be 1, 2, 4 or 8"),
        ("/typ", fake_jws({"alg": "ES256", "typ": "JWT"}, {"sub": u("/typ")}), "application/statuslist+jwt",
         r"not typed statuslist\+jwt"),
        ("/no-iat", token_list(u("/no-iat"), iat=None), "application/statuslist+jwt", "no issue time"),
        ("/bomb", token_list(u("/bomb"), status_list={"bits": 1, "lst": bomb}), "application/statuslist+jwt",
         "(suspiciously well|more than 16 MiB)"),
        ("/garbage", "not a token", "application/statuslist+jwt", "refused"),
    ]
    client, _ = make_client()
    for path, body, media, why in cases:
        serve(server, path, body, media)
        with pytest.raises(BadEvidence, match=why):
            fetch_token_status_list(client, u(path))


# ---------------------------------------------------------------- JWT VC issuer metadata

def test_metadata_urls() -> None:
    assert metadata_urls("https://example.com") == ["https://example.com/.well-known/jwt-vc-issuer"]
    assert metadata_urls("https://example.com/") == ["https://example.com/.well-known/jwt-vc-issuer"]
    assert metadata_urls("https://example.com/tenant/1") == [
        "https://example.com/.well-known/jwt-vc-issuer/tenant/1",
        "https://example.com/tenant/1/.well-known/jwt-vc-issuer"]
    with pytest.raises(BadEvidence):
        metadata_urls("https://example.com/?q=1")


JWK = {"kty": "EC", "crv": "P-256", "x": "ylVyRtfRlE9We9MLXArOeKfHZ0UF-TcCc-w6N5mgn40",
       "y": "Hx2_bj-4ci2-NLQuYMue0YxI139UITIgf6TzTM-fB2E", "kid": "k1"}


def test_jwt_vc_issuer_metadata_inserted_form_and_jwks_uri(server: LocalServer, make_client: ClientFactory) -> None:
    iss = server.url("/tenant/1")
    serve(server, "/.well-known/jwt-vc-issuer/tenant/1", {"issuer": iss, "jwks_uri": server.url("/keys")})
    serve(server, "/keys", {"keys": [JWK]}, "application/jwk-set+json")
    client, _ = make_client()
    meta, keys = fetch_jwt_vc_issuer(client, iss)
    assert (meta.kind, meta.key, keys.kind, keys.key) == (EvidenceKind.JWT_VC_ISSUER, iss, EvidenceKind.JWKS,
                                                          server.url("/keys"))
    assert json.loads(keys.body)["keys"][0]["kid"] == "k1"


def test_jwt_vc_issuer_metadata_appended_form_after_404(server: LocalServer, make_client: ClientFactory) -> None:
    iss = server.url("/tenant/2")
    serve(server, "/tenant/2/.well-known/jwt-vc-issuer", {"issuer": iss, "jwks": {"keys": [JWK]}})
    client, _ = make_client()
    (meta,) = fetch_jwt_vc_issuer(client, iss)
    assert meta.source_url == server.url("/tenant/2/.well-known/jwt-vc-issuer")
    assert [s.path for s in server.log] == ["/.well-known/jwt-vc-issuer/tenant/2",
                                            "/tenant/2/.well-known/jwt-vc-issuer"]


def test_jwt_vc_issuer_metadata_junk_is_refused(server: LocalServer, make_client: ClientFactory) -> None:
    client, _ = make_client()
    cases = [
        ({"issuer": "https://evil.example", "jwks": {"keys": [JWK]}}, "not for the credential's issuer"),
        ({"issuer": "ISS", "jwks": {"keys": [JWK]}, "jwks_uri": "https://x.example/k"}, "exactly one of"),
        ({"issuer": "ISS"}, "exactly one of"),
        ({"issuer": "ISS", "jwks": {"keys": []}}, "has no keys"),
        ({"issuer": "ISS", "jwks": {"keys": [{**JWK, "d": "secret"}]}}, "private or symmetric"),
        ({"issuer": "ISS", "jwks": {"keys": [{"kty": "oct", "k": "c2VjcmV0"}]}}, "private or symmetric"),
        ({"issuer": "ISS", "jwks": {"keys": ["nope"]}}, "not a JWK"),
    ]
    for n, (doc, why) in enumerate(cases):
        iss = server.url(f"/i{n}")
        serve(server, f"/.well-known/jwt-vc-issuer/i{n}", json.loads(json.dumps(doc).replace('"ISS"', json.dumps(iss))))
        with pytest.raises(BadEvidence, match=why):
            fetch_jwt_vc_issuer(client, iss)
    iss = server.url("/via-private")
    serve(server, "/.well-known/jwt-vc-issuer/via-private", {"issuer": iss, "jwks_uri": "https://169.254.169.254/k"})
    with pytest.raises(AddressRefused):
        fetch_jwt_vc_issuer(client, iss)


# ---------------------------------------------------------------- Open Badges 2.0 hosted

def ob2_world(server: LocalServer, *, policy: dict | None = None, revoked: bool = False,
              assertion_id: str | None = None) -> str:
    aid = server.url("/assertions/1")
    assertion = {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": assertion_id or aid,
                 "recipient": {"type": "email", "hashed": True, "identity": "sha256$abc", "salt": "s"},
                 "badge": server.url("/badges/1"), "verification": {"type": "hosted"},
                 "issuedOn": "2026-01-01T00:00:00Z"}
    if revoked:
        assertion["revoked"] = True
        assertion["revocationReason"] = "issued in error"
    profile: dict = {"@context": "https://w3id.org/openbadges/v2", "type": "Profile", "id": server.url("/issuer"),
                     "name": "Test issuer", "publicKey": server.url("/keys/1")}
    if policy is not None:
        profile["verification"] = policy
    serve(server, "/assertions/1", assertion, "application/ld+json")
    serve(server, "/badges/1", {"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass",
                                "id": server.url("/badges/1"), "name": "Badge", "issuer": server.url("/issuer")})
    serve(server, "/issuer", profile)
    serve(server, "/keys/1", {"type": "CryptographicKey", "id": server.url("/keys/1"), "owner": server.url("/issuer"),
                              "publicKeyPem": "-----BEGIN PUBLIC KEY-----"})
    return aid


def test_ob2_hosted_copy_and_linked_documents(server: LocalServer, make_client: ClientFactory) -> None:
    aid = ob2_world(server)
    client, _ = make_client()
    hosted, *linked = fetch_ob2_hosted(client, aid)
    assert (hosted.kind, hosted.key, hosted.revoked, hosted.http_status) == (EvidenceKind.OB2_HOSTED, aid, False, 200)
    assert [r.key for r in linked] == [server.url("/badges/1"), server.url("/issuer"), server.url("/keys/1")]
    assert all(r.kind is EvidenceKind.OB2_DOCUMENT for r in linked)


def test_ob2_gone_or_revoked_is_a_revoked_record(server: LocalServer, make_client: ClientFactory) -> None:
    serve(server, "/gone", '{"error": "gone"}', status=410)
    client, _ = make_client()
    (gone,) = fetch_ob2_hosted(client, server.url("/gone"))
    assert gone.revoked is True and gone.http_status == 410 and "410 Gone" in gone.notes[0]
    aid = ob2_world(server, revoked=True)
    hosted, *_ = fetch_ob2_hosted(client, aid)
    assert hosted.revoked is True and "issued in error" in hosted.notes[0]


def test_ob2_hosted_policy_and_identity(server: LocalServer, make_client: ClientFactory) -> None:
    client, _ = make_client()
    aid = ob2_world(server, policy={"startsWith": server.url("/assertions/")})
    assert fetch_ob2_hosted(client, aid)[0].revoked is False
    aid = ob2_world(server, policy={"startsWith": "https://badges.example/"})
    with pytest.raises(BadEvidence, match="hosted somewhere the issuer does not allow"):
        fetch_ob2_hosted(client, aid)
    aid = ob2_world(server, policy={"allowedOrigins": ["badges.example"]})
    with pytest.raises(BadEvidence, match="hosted somewhere the issuer does not allow"):
        fetch_ob2_hosted(client, aid)
    aid = ob2_world(server, assertion_id="https://victim.example/assertions/9")
    with pytest.raises(BadEvidence, match="names itself 'https://victim.example/assertions/9'"):
        fetch_ob2_hosted(client, aid)
    with pytest.raises(HttpStatusError, match="HTTP 404"):
        fetch_ob2_hosted(client, server.url("/missing"))


# ---------------------------------------------------------------- EU trusted lists

DSS = "eu-edci-legacy/edci-issuer/edci-issuer-service/src/test/resources-unfiltered/dss"


def test_lotl_pointers_of_the_real_lotl(vectors_dir: Path) -> None:
    pointers = lotl_pointers(parse_xml((vectors_dir / DSS / "EU.xml").read_bytes()))
    assert pointers["BE"] == "https://tsl.belgium.be/tsl-be.xml"
    assert pointers["IE"] == "http://files.dcenr.gov.ie/rh/Irelandtslsigned.xml"  # some lists were http-only
    assert not any(url.lower().endswith(".pdf") for url in pointers.values())  # the PDF twins are skipped
    assert len(pointers) >= 27


def test_trusted_lists_lotl_then_national(server: LocalServer, make_client: ClientFactory, vectors_dir: Path) -> None:
    lotl = (vectors_dir / DSS / "EU.xml").read_bytes()
    ie_url = lotl_pointers(parse_xml(lotl))["IE"].encode()
    # the real pointer is plain http: it is tried over https at the same place (here: the local server)
    local = lotl.replace(ie_url, server.url("/ie.xml").replace("https://", "http://").encode())
    be = (vectors_dir / DSS / "BE.xml").read_bytes()
    serve(server, "/lotl.xml", local, "application/vnd.etsi.tsl+xml")
    serve(server, "/ie.xml", (vectors_dir / DSS / "IE.xml").read_bytes(), "application/xml")
    client, _ = make_client()
    lotl_record, ie = fetch_trusted_lists(client, server.url("/lotl.xml"), ("ie", "XX"))
    assert lotl_record.kind is EvidenceKind.TRUSTED_LIST and lotl_record.body == local
    assert lotl_record.issued_at is not None and ie.key == server.url("/ie.xml") and ie.issued_at is not None
    assert any("no XML trusted list for XX" in n for n in lotl_record.notes)
    assert hashlib.sha256(ie.body).hexdigest() == ie.sha256
    # a national list pointer that serves another territory's list is refused, the LOTL still comes back
    serve(server, "/ie.xml", be, "application/xml")
    lotl_record, *rest = fetch_trusted_lists(client, server.url("/lotl.xml"), ("IE",))
    assert rest == [] and any("is for BE, not IE" in n for n in lotl_record.notes)
    serve(server, "/not-lotl.xml", be, "application/xml")
    with pytest.raises(BadEvidence, match="not the EU list of trusted lists"):
        fetch_trusted_lists(client, server.url("/not-lotl.xml"))
    serve(server, "/dtd.xml", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>', "application/xml")
    with pytest.raises(BadEvidence, match="DOCTYPE"):
        fetch_trusted_lists(client, server.url("/dtd.xml"))


# ---------------------------------------------------------------- contexts and the batch

def test_context_fetch_shows_hash_and_size(server: LocalServer, make_client: ClientFactory) -> None:
    body = b'{"@context": {"name": "https://schema.org/name"}}'
    serve(server, "/ctx.jsonld", body, "application/ld+json")
    serve(server, "/not-ctx.jsonld", {"name": "x"})
    client, _ = make_client()
    record = fetch_context(client, server.url("/ctx.jsonld"))
    assert (record.kind, record.sha256, record.size) == (EvidenceKind.CONTEXT, hashlib.sha256(body).hexdigest(),
                                                         len(body))
    with pytest.raises(BadEvidence, match="not a JSON-LD context"):
        fetch_context(client, server.url("/not-ctx.jsonld"))


def test_one_bad_need_never_stops_the_batch(server: LocalServer, make_client: ClientFactory) -> None:
    host = f"localhost%3A{server.port}"
    serve(server, "/.well-known/did.json", {"id": f"did:web:{host}"})
    url = server.url("/status/1")
    serve(server, "/status/1", bitstring_list(url))
    needs = [EvidenceNeed(EvidenceKind.DID_DOCUMENT, "did:web:169.254.169.254", "probe"),
             EvidenceNeed(EvidenceKind.DID_DOCUMENT, f"did:web:{host}", "issuer"),
             EvidenceNeed(EvidenceKind.STATUS_LIST, server.url("/missing"), "list"),
             EvidenceNeed(EvidenceKind.STATUS_LIST, url, "list")]
    client, _ = make_client()
    seen: list[int] = []
    results = fetch_needs(client, needs, progress=lambda done, total, need: seen.append(done))
    assert [r.ok for r in results] == [False, True, False, True] and seen == [0, 1, 2, 3]
    assert results[0].error_type == "AddressRefused" and "IP address 169.254.169.254" in (results[0].error or "")
    assert results[2].error_type == "HttpStatusError"
    assert len(fetch_needs(client, needs, cancelled=lambda: True)) == 0
    offline, _ = make_client(offline=True)
    results = fetch_needs(offline, needs)
    assert len(results) == 4 and {r.error_type for r in results} == {OfflineMode.__name__}
