"""Hosted links: the sealed package round-trips exactly; every malformed link,
blob or package is refused with one sentence (the share-service design in docs/SHARE_SERVICE.md; threat "zip and deflate bombs" in docs/THREATS.md)."""

from __future__ import annotations

import base64
import json
import os
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wallet.errors import InputError
from wallet.sharing import hosted
from wallet.sharing.hosted import (
    EvidenceItem,
    SharePackage,
    build_link,
    decrypt_blob,
    encrypt_blob,
    open_package,
    parse_link,
    seal_package,
)
from wallet.sharing.inflate import deflate_raw, inflate_raw

NOW = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)
VP = {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
      "holder": "did:key:z6Mk", "verifiableCredential": [{"name": "Podatkovna pismenost čšž"}]}
VECTOR = Path(__file__).parent / "vectors" / "hosted-v1.json"
KEY = bytes(range(32))
SHARE_ID = "q83vEjRWeJCrze8SNFZ4kA"


def item(**overrides: object) -> EvidenceItem:
    fields: dict[str, object] = {"kind": "status-list", "url": "https://issuer.example/status/1",
                                 "fetched_at": NOW, "media_type": "application/vc+ld+json",
                                 "content": {"type": ["BitstringStatusListCredential"]}}
    fields.update(overrides)
    return EvidenceItem(**fields)  # type: ignore[arg-type]


def sealed_json(doc: object, key: bytes = KEY) -> bytes:
    """A blob whose plaintext is exactly this JSON (bypassing the writer's checks)."""
    return encrypt_blob(key, os.urandom(12), deflate_raw(json.dumps(doc).encode()))


def package_doc(**overrides: object) -> dict[str, object]:
    doc: dict[str, object] = {"v": 1, "type": "wallet-share", "created": "2026-11-24T06:00:00Z",
                              "presentation": VP, "evidence": [item().to_json()]}
    doc.update(overrides)
    return doc


# --- sealing and opening ---------------------------------------------------

def test_seal_and_open_round_trip() -> None:
    key, blob = seal_package(VP, [item(), item(kind="token-status-list", content="eyJ.a.b",
                                               media_type="application/statuslist+jwt")], now=NOW)
    assert len(key) == 32 and blob[:4] == b"WSB1"
    package = open_package(key, blob)
    assert package.presentation == VP and package.created == NOW
    assert [e.kind for e in package.evidence] == ["status-list", "token-status-list"]
    assert package.evidence[1].content == "eyJ.a.b" and package.evidence[0].fetched_at == NOW


def test_each_seal_uses_a_fresh_key_and_nonce() -> None:
    (k1, b1), (k2, b2) = seal_package(VP, [], now=NOW), seal_package(VP, [], now=NOW)
    assert k1 != k2 and b1[4:16] != b2[4:16] and b1 != b2


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-2**53, 2**53) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=60, deadline=None)
@given(extra=st.dictionaries(st.text(min_size=1, max_size=12).filter(lambda k: k != "type"), JSON_VALUES, max_size=5),
       contents=st.lists(st.one_of(st.text(max_size=50), st.dictionaries(st.text(max_size=8), JSON_VALUES, max_size=3)),
                         max_size=4))
def test_round_trip_property(extra: dict[str, object], contents: list[object]) -> None:
    presentation = {**extra, "type": "VerifiablePresentation"}
    evidence = [item(content=c) for c in contents]
    key, blob = seal_package(presentation, evidence, now=NOW)
    assert open_package(key, blob) == SharePackage(NOW, presentation, tuple(evidence))


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_any_changed_byte_is_refused(data: st.DataObject) -> None:
    key, blob = seal_package(VP, [item()], now=NOW)
    pos = data.draw(st.integers(0, len(blob) - 1))
    flip = data.draw(st.integers(1, 255))
    changed = blob[:pos] + bytes([blob[pos] ^ flip]) + blob[pos + 1:]
    with pytest.raises(InputError):
        open_package(key, changed)


@pytest.mark.parametrize(("blob", "message"), [
    (b"", "too short"),
    (b"WSB1" + bytes(27), "too short"),
    (b"WSB2" + bytes(40), "not a sealed wallet package"),
    (b"WSB1" + bytes(12 + 2 * 1024 * 1024), "larger than"),
])
def test_malformed_blobs(blob: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        open_package(KEY, blob)


def test_wrong_key_is_refused() -> None:
    _, blob = seal_package(VP, [], now=NOW)
    with pytest.raises(InputError, match="cannot be decrypted with this link's key"):
        open_package(os.urandom(32), blob)
    with pytest.raises(InputError, match="32 bytes"):
        open_package(b"short", blob)


def test_associated_data_is_bound() -> None:
    """A blob sealed without the WSB1 associated data does not open (the AAD is part of the format)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    blob = b"WSB1" + nonce + AESGCM(KEY).encrypt(nonce, deflate_raw(b"{}"), None)
    with pytest.raises(InputError, match="cannot be decrypted"):
        decrypt_blob(KEY, blob)


def _raw(data: bytes) -> bytes:
    return encrypt_blob(KEY, os.urandom(12), data)


@pytest.mark.parametrize(("plaintext", "message"), [
    (b"not deflate at all \xff\xff", "damaged|truncated"),
    (deflate_raw(b"{}")[:-2], "truncated|damaged"),
    (deflate_raw(b"{}") + b"junk", "extra bytes"),
    (deflate_raw(b"\x00" * (5 * 1024 * 1024)), "beyond|more than"),
    (deflate_raw(b"\xff\xfe{}"), "not UTF-8"),
    (deflate_raw(b"[1, 2"), "not JSON"),
    (deflate_raw(b"[]"), "not a JSON object"),
    (deflate_raw(b'{"v":1,"v":1}'), "repeats the key"),
    (deflate_raw(b'{"v":NaN}'), "not JSON"),
    (deflate_raw(b"[" * 20000 + b"]" * 20000), "nests too deeply"),
])
def test_malformed_plaintexts(plaintext: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        open_package(KEY, _raw(plaintext))


def test_ratio_cap_refuses_a_bomb_below_the_size_cap() -> None:
    bomb = deflate_raw(b" " * (3 * 1024 * 1024))
    with pytest.raises(InputError, match="expands more than 100:1"):
        inflate_raw(bomb, max_out=4 * 1024 * 1024, max_ratio=100, ratio_floor=64 * 1024, what="x")


@pytest.mark.parametrize(("overrides", "message"), [
    ({"v": 2}, "version '2'"),
    ({"v": True}, "version"),
    ({"v": "1"}, "version"),
    ({"type": "other"}, "type is not"),
    ({"created": "2026-11-24 06:00"}, "not a UTC timestamp"),
    ({"created": "2026-02-30T00:00:00Z"}, "not a real date"),
    ({"presentation": {"type": "VerifiableCredential"}}, "Verifiable Presentation"),
    ({"presentation": "a string"}, "Verifiable Presentation"),
    ({"evidence": {}}, "not a list"),
    ({"evidence": [1]}, "evidence item 1 is not a JSON object"),
    ({"evidence": [{**item().to_json(), "kind": "weather"}]}, "evidence kind"),
    ({"evidence": [{**item().to_json(), "url": "file:///etc/passwd"}]}, "http"),
    ({"evidence": [{**item().to_json(), "media_type": "not a type"}]}, "media type"),
    ({"evidence": [{**item().to_json(), "content": 42}]}, "content must be"),
    ({"evidence": [{**item().to_json(), "fetched_at": "yesterday"}]}, "fetched_at"),
    ({"evidence": [{**item().to_json(), "extra": 1}]}, "does not define: extra"),
    ({"evidence": [item().to_json()] * 257}, "more than 256"),
    ({"surprise": True}, "does not define: surprise"),
])
def test_malformed_packages(overrides: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message):
        open_package(KEY, sealed_json(package_doc(**overrides)))


def test_missing_member_is_named() -> None:
    doc = package_doc()
    del doc["evidence"]
    with pytest.raises(InputError, match="lacks evidence"):
        open_package(KEY, sealed_json(doc))


def test_sealing_refuses_what_opening_would() -> None:
    with pytest.raises(InputError, match="Verifiable Presentation"):
        seal_package({"type": "VerifiableCredential"}, [], now=NOW)
    with pytest.raises(InputError, match="timezone-aware"):
        seal_package(VP, [], now=datetime(2026, 1, 1))  # noqa: DTZ001 - the point of the test
    with pytest.raises(InputError, match="evidence kind"):
        item(kind="nope")
    big = {**VP, "noise": base64.b64encode(os.urandom(3 * 1024 * 1024)).decode()}
    with pytest.raises(InputError, match="too large for a hosted link"):
        seal_package(big, [], now=NOW)


# --- links -----------------------------------------------------------------

def test_link_format() -> None:
    url = build_link("https://share.example/", SHARE_ID, KEY)
    assert url == f"https://share.example/s/{SHARE_ID}#v=1&k={hosted.b64url(KEY)}"
    assert "=" not in url.split("k=", 1)[1]
    parsed = parse_link("  " + url + "\n")
    assert (parsed.server, parsed.share_id, parsed.key) == ("https://share.example", SHARE_ID, KEY)
    assert parsed.url == url and parsed.api_url == f"https://share.example/api/shares/{SHARE_ID}"
    assert hosted.b64url(KEY) not in repr(parsed)  # the key never lands in a log through repr
    assert parse_link(f"https://share.example/s/{SHARE_ID}#k={hosted.b64url(KEY)}&v=1").key == KEY


@settings(max_examples=60, deadline=None)
@given(raw_id=st.binary(min_size=16, max_size=16), key=st.binary(min_size=32, max_size=32),
       prefix=st.lists(st.from_regex(r"[a-z0-9._~-]{1,8}", fullmatch=True), max_size=3),
       scheme=st.sampled_from(["https", "http"]), port=st.none() | st.integers(1, 65535))
def test_link_round_trip_property(raw_id: bytes, key: bytes, prefix: list[str], scheme: str, port: int | None) -> None:
    server = f"{scheme}://share.example{f':{port}' if port else ''}" + "".join(f"/{p}" for p in prefix)
    share_id = hosted.b64url(raw_id)
    parsed = parse_link(build_link(server, share_id, key))
    assert (parsed.server, parsed.share_id, parsed.key) == (server, share_id, key)


K = hosted.b64url(KEY)
BASE = f"https://share.example/s/{SHARE_ID}"


@pytest.mark.parametrize(("link", "message"), [
    (BASE, "no '#' part"),
    (BASE + "#", "no '#' part"),
    (f"ftp://share.example/s/{SHARE_ID}#v=1&k={K}", "does not start with http"),
    (f"wallet:/open#v=1&k={K}", "does not start with http"),
    (f"https://user:pw@share.example/s/{SHARE_ID}#v=1&k={K}", "credentials or a query"),
    (f"{BASE}?x=1#v=1&k={K}", "credentials or a query"),
    (f"https://share.example/x/{SHARE_ID}#v=1&k={K}", "does not end in /s/"),
    (f"https://share.example/s/{SHARE_ID}A#v=1&k={K}", "does not end in /s/"),
    (f"https://share.example/s/{SHARE_ID[:-1]}B#v=1&k={K}", "not canonical"),
    (f"{BASE}#v=2&k={K}", "version '2'"),
    (f"{BASE}#k={K}", r"version '\(none\)'"),
    (f"{BASE}#v=1", "carries no key"),
    (f"{BASE}#v=1&k={K}&b=AAAA", "does not define: b"),
    (f"{BASE}#v=1&k={K}&k={K}", "'k' appears twice"),
    (f"{BASE}#v=1&v=1&k={K}", "'v' appears twice"),
    (f"{BASE}#v=1&k", "not a key=value pair"),
    (f"{BASE}#v=1&k={K[:-1]}*", "not base64url"),
    (f"{BASE}#v=1&k={K}AAAA", "wrong length"),
    (f"{BASE}#v=1&k={K[:-4]}", "wrong length"),
    (f"{BASE}#v=1&k={K}==", "not base64url"),
    (f"{BASE}#v=1&k={K[:-1]}" + ("B" if K[-1] != "B" else "C"), "not canonical"),
    ("https://share.example/s/" + "A" * 3000, "too long"),
])
def test_malformed_links(link: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_link(link)


@pytest.mark.parametrize(("server", "share_id", "key", "message"), [
    ("share.example", SHARE_ID, KEY, "not an http"),
    ("https://share.example?x=1", SHARE_ID, KEY, "query or a fragment"),
    ("https://share.example#x", SHARE_ID, KEY, "query or a fragment"),
    ("https://share.example", "short", KEY, "wrong length"),
    ("https://share.example", SHARE_ID, KEY[:16], "32 bytes"),
])
def test_build_link_checks_its_parts(server: str, share_id: str, key: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        build_link(server, share_id, key)


# --- the fixed vector the web page's tests share -----------------------------

def test_fixed_vector() -> None:
    v = json.loads(VECTOR.read_text(encoding="utf-8"))
    key, nonce = bytes.fromhex(v["key_hex"]), bytes.fromhex(v["nonce_hex"])
    compressed = base64.b64decode(v["deflate_raw_base64"])
    blob = bytes.fromhex(v["blob_hex"])
    assert base64.b64decode(v["blob_base64"]) == blob
    assert encrypt_blob(key, nonce, compressed) == blob  # AES-256-GCM with AAD "WSB1" is deterministic here
    assert zlib.decompress(compressed, wbits=-15) == v["package_json"].encode("utf-8")
    package = open_package(key, blob)
    assert package.to_bytes() == v["package_json"].encode("utf-8")
    link = parse_link(v["link"])
    assert (link.server, link.share_id, link.key) == (v["server"], v["share_id"], key)
    assert v["associated_data"] == "WSB1" and blob[:4] == b"WSB1" and blob[4:16] == nonce
