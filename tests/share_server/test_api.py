"""The JSON API on SQLite and PostgreSQL: round trip, one-time links, delete
tokens, size cap, input checks and the error format."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.share_server.conftest import OCTET, T0, Clock, row_count, sealed


def upload(client: Any, body: bytes, query: str = "") -> dict[str, Any]:
    response = client.post(f"/api/shares{query}", content=body, headers=OCTET)
    assert response.status_code == 201, response.text
    assert response.headers["cache-control"] == "no-store"
    return response.json()


def assert_error(response: Any, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"] == code
    assert isinstance(body["message"], str) and body["message"].endswith(".") and "\n" not in body["message"]


def test_upload_read_delete_round_trip(client: Any, db_url: str) -> None:
    body = sealed(b"opaque ciphertext")
    created = upload(client, body)
    assert re.fullmatch(r"[A-Za-z0-9_-]{22}", created["id"])
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", created["delete_token"])
    assert created["url"] == f"https://share.example/s/{created['id']}"
    assert created["one_time"] is False
    expires = datetime.strptime(created["expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert expires.timestamp() == T0 + 30 * 86400  # the default life is 30 days

    got = client.get(f"/api/shares/{created['id']}")
    assert got.status_code == 200 and got.content == body
    assert got.headers["content-type"] == "application/octet-stream"
    assert got.headers["cache-control"] == "no-store"
    meta = client.get(f"/api/shares/{created['id']}/meta").json()
    assert meta == {"expires": created["expires"], "one_time": False, "size": len(body)}
    claimed = client.post(f"/api/shares/{created['id']}/claim")
    assert claimed.status_code == 200 and claimed.content == body  # a normal share is not burnt by a claim
    assert row_count(db_url) == 1

    gone = client.delete(f"/api/shares/{created['id']}", headers={"Authorization": f"Bearer {created['delete_token']}"})
    assert gone.status_code == 204 and gone.content == b""
    assert row_count(db_url) == 0
    assert_error(client.get(f"/api/shares/{created['id']}"), 404, "not-found")
    assert_error(client.get(f"/api/shares/{created['id']}/meta"), 404, "not-found")
    assert_error(client.delete(f"/api/shares/{created['id']}",
                               headers={"Authorization": f"Bearer {created['delete_token']}"}), 404, "not-found")


def test_server_keeps_only_the_token_hash(client: Any, db_url: str, store: Any) -> None:
    import hashlib

    created = upload(client, sealed())
    if db_url.startswith("sqlite"):
        import sqlite3

        from wallet.sharing.server.store import sqlite_path

        with sqlite3.connect(sqlite_path(db_url)) as conn:
            columns = [r[1] for r in conn.execute("PRAGMA table_info(shares)")]
            stored = conn.execute("SELECT delete_hash FROM shares").fetchone()[0]
    else:
        import psycopg

        with psycopg.connect(db_url) as conn:
            columns = [r[0] for r in conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'shares'").fetchall()]
            stored = conn.execute("SELECT delete_hash FROM shares").fetchone()[0]  # type: ignore[index]
    assert sorted(columns) == ["blob", "delete_hash", "expires", "id", "one_time"]  # no soft-delete flag, no IPs
    assert bytes(stored) == hashlib.sha256(created["delete_token"].encode()).digest()


def test_one_time_share_burns_exactly_once(client: Any, db_url: str) -> None:
    body = sealed(b"read me once")
    created = upload(client, body, "?one_time=1")
    assert created["one_time"] is True
    share = f"/api/shares/{created['id']}"
    for _ in range(3):  # a link-preview bot fetching the page, the blob or the meta never burns it
        assert_error(client.get(share), 409, "one-time")
        assert client.get(f"{share}/meta").json()["one_time"] is True
        assert client.get(f"/s/{created['id']}").status_code == 200
    assert row_count(db_url) == 1
    first = client.post(f"{share}/claim")
    assert first.status_code == 200 and first.content == body
    assert row_count(db_url) == 0  # hard-deleted in the same statement that returned it
    assert_error(client.post(f"{share}/claim"), 404, "not-found")
    assert_error(client.get(share), 404, "not-found")
    assert_error(client.get(f"{share}/meta"), 404, "not-found")


def test_concurrent_claims_hand_out_a_one_time_share_once(store: Any) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from wallet.sharing.server.store import NewShare

    for n in range(5):
        share_id = f"{n:0>22}"
        assert store.create(NewShare(share_id, sealed(), b"h" * 32, int(T0) + 600, True))
        with ThreadPoolExecutor(8) as pool:
            results = list(pool.map(lambda _, sid=share_id: store.claim(sid, int(T0)), range(8)))
        assert sum(r is not None for r in results) == 1


def test_delete_needs_the_right_token(client: Any, db_url: str) -> None:
    created = upload(client, sealed())
    share = f"/api/shares/{created['id']}"
    missing = client.delete(share)
    assert_error(missing, 401, "unauthorized")
    assert missing.headers["www-authenticate"].startswith("Bearer")
    assert_error(client.delete(share, headers={"Authorization": "Basic abc"}), 401, "unauthorized")
    wrong = "A" * 43 if created["delete_token"] != "A" * 43 else "B" * 43
    for token in (wrong, "not-a-token", created["delete_token"][:-1], created["id"], "é" * 43):
        assert_error(client.delete(share, headers={"Authorization": f"Bearer {token}".encode()}), 403, "forbidden")
    # the view link alone cannot delete (the LCW "unshare" URL is the GET URL, unauthenticated)
    assert_error(client.delete(share, headers={"Authorization": f"Bearer {created['id']}"}), 403, "forbidden")
    assert row_count(db_url) == 1 and client.get(share).status_code == 200
    assert client.delete(share, headers={"Authorization": f"bearer  {created['delete_token']} "}).status_code == 204


@pytest.mark.parametrize("size", [2 * 1024 * 1024 + 1, 5 * 1024 * 1024])
def test_size_cap(client: Any, db_url: str, size: int) -> None:
    assert_error(client.post("/api/shares", content=b"WSB1" + bytes(size - 4), headers=OCTET), 413, "too-large")

    def chunks() -> Any:  # no Content-Length: the cap holds on the streamed body too
        yield b"WSB1"
        for _ in range(size // 65536 + 1):
            yield bytes(65536)

    assert_error(client.post("/api/shares", content=chunks(), headers=OCTET), 413, "too-large")
    assert row_count(db_url) == 0


def test_content_length_must_be_ascii_digits(client: Any) -> None:
    for declared in (b"\xb2", b"12x", b"-1"):  # "²" passes str.isdigit() but not int()
        headers = {"Content-Type": b"application/octet-stream", "Content-Length": declared}
        assert_error(client.post("/api/shares", content=sealed(), headers=headers), 400, "bad-request")


def test_exactly_the_cap_is_accepted(client: Any) -> None:
    body = b"WSB1" + bytes(2 * 1024 * 1024 - 4)
    created = upload(client, body)
    assert client.get(f"/api/shares/{created['id']}").content == body


@pytest.mark.parametrize(("query", "status", "code"), [
    ("?expires=299", 400, "bad-expires"),
    ("?expires=31536001", 400, "bad-expires"),
    ("?expires=-5", 400, "bad-expires"),
    ("?expires=1e6", 400, "bad-expires"),
    ("?expires=%C2%B2", 400, "bad-expires"),
    ("?expires=%D9%A3%D9%A0%D9%A0", 400, "bad-expires"),
    ("?one_time=yes", 400, "bad-request"),
    ("?expires=600&expires=700", 400, "bad-request"),
    ("?callback=x", 400, "bad-request"),
])
def test_upload_options_are_checked(client: Any, query: str, status: int, code: str) -> None:
    assert_error(client.post(f"/api/shares{query}", content=sealed(), headers=OCTET), status, code)


@pytest.mark.parametrize(("expires", "seconds"), [("300", 300), ("31536000", 365 * 86400), ("3600", 3600)])
def test_expiry_bounds(client: Any, expires: str, seconds: int) -> None:
    created = upload(client, sealed(), f"?expires={expires}")
    assert datetime.strptime(created["expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp() == T0 + seconds


@pytest.mark.parametrize(("body", "headers", "status", "code"), [
    (b"WSB1" + bytes(40), {"Content-Type": "application/x-www-form-urlencoded"}, 415, "unsupported-media-type"),
    (b"WSB1" + bytes(40), {"Content-Type": "text/plain"}, 415, "unsupported-media-type"),
    (b"", OCTET, 400, "not-sealed"),
    (b"WSB1" + bytes(27), OCTET, 400, "not-sealed"),
    (b'{"type":"VerifiablePresentation","plaintext":"oops"}', OCTET, 400, "not-sealed"),
])
def test_bodies_that_are_not_sealed_packages(client: Any, db_url: str, body: bytes, headers: dict[str, str],
                                             status: int, code: str) -> None:
    assert_error(client.post("/api/shares", content=body, headers=headers), status, code)
    assert row_count(db_url) == 0


@pytest.mark.parametrize("path", ["/api/shares/short", "/api/shares/" + "A" * 23, "/api/shares/" + "%25" * 22,
                                  "/api/shares/" + "A" * 22, "/api/shares/" + "A" * 22 + "/meta"])
def test_unknown_or_malformed_ids(client: Any, path: str) -> None:
    assert_error(client.get(path), 404, "not-found")


def test_unknown_routes_and_methods_answer_json_under_api(client: Any) -> None:
    assert_error(client.get("/api/nothing"), 404, "not-found")
    assert_error(client.put("/api/shares", content=b"x"), 405, "method-not-allowed")
    assert client.get("/nothing").status_code == 404
    assert client.get("/").status_code == 200
    assert client.get("/robots.txt").text == "User-agent: *\nDisallow: /\n"
    assert client.get("/api/health").json() == {"status": "ok"}


def test_expiry_is_enforced_on_read(client: Any, clock: Clock, db_url: str) -> None:
    created = upload(client, sealed(), "?expires=300")
    one_time = upload(client, sealed(), "?expires=300&one_time=1")
    clock.advance(299)
    assert client.get(f"/api/shares/{created['id']}").status_code == 200
    clock.advance(1)
    assert_error(client.get(f"/api/shares/{created['id']}"), 404, "not-found")
    assert_error(client.get(f"/api/shares/{one_time['id']}/meta"), 404, "not-found")
    assert_error(client.post(f"/api/shares/{one_time['id']}/claim"), 404, "not-found")
    assert row_count(db_url) == 0  # the expired rows were deleted on the way, not just hidden
