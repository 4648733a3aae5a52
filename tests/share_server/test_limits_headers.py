"""Rate limits (429 + Retry-After, per client, separate buckets), proxy trust,
and the security headers on every kind of response."""

from __future__ import annotations

from typing import Any

import pytest

from tests.share_server.conftest import OCTET, Clock, sealed
from wallet.errors import UsageError
from wallet.sharing.server.config import RateLimit, ServerConfig
from wallet.sharing.server.ratelimit import TokenBuckets, client_key
from wallet.sharing.server.security import CSP

EXPECTED = {
    "content-security-policy": CSP,
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "cross-origin-opener-policy": "same-origin",
}


def test_upload_limit_answers_429_with_retry_after(make_client: Any, clock: Clock) -> None:
    client = make_client(upload_limit=RateLimit(3, 60.0), read_limit=RateLimit(100, 60.0))
    ids = [client.post("/api/shares", content=sealed(), headers=OCTET).json()["id"] for _ in range(3)]
    refused = client.post("/api/shares", content=sealed(), headers=OCTET)
    assert refused.status_code == 429 and refused.json()["error"] == "rate-limited"
    assert refused.headers["retry-after"] == "20"  # one token per 20 s
    assert client.get(f"/api/shares/{ids[0]}").status_code == 200  # reads have their own bucket
    clock.advance(19)
    assert client.post("/api/shares", content=sealed(), headers=OCTET).headers["retry-after"] == "1"
    clock.advance(1)
    assert client.post("/api/shares", content=sealed(), headers=OCTET).status_code == 201


def test_read_limit_covers_reads_meta_and_claims(make_client: Any) -> None:
    client = make_client(read_limit=RateLimit(4, 60.0))
    share = client.post("/api/shares", content=sealed(), headers=OCTET).json()["id"]
    paths = [("get", f"/api/shares/{share}"), ("get", f"/api/shares/{share}/meta"),
             ("post", f"/api/shares/{share}/claim"), ("get", f"/api/shares/{'x' * 22}")]
    assert [getattr(client, m)(p).status_code for m, p in paths] == [200, 200, 200, 404]
    refused = client.get(f"/api/shares/{share}")
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) == 15
    assert client.get(f"/s/{share}").status_code == 200  # the static page is not an API read


def test_forwarded_headers_are_ignored_unless_the_proxy_is_trusted(make_client: Any) -> None:
    client = make_client(upload_limit=RateLimit(1, 3600.0))
    assert client.post("/api/shares", content=sealed(), headers=OCTET).status_code == 201
    spoofed = client.post("/api/shares", content=sealed(),
                          headers={**OCTET, "X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https"})
    assert spoofed.status_code == 429  # a client cannot pick its own bucket
    assert "strict-transport-security" not in spoofed.headers  # nor fake HTTPS


def test_trusted_proxy_sets_client_and_scheme(make_client: Any) -> None:
    client = make_client(upload_limit=RateLimit(1, 3600.0), trusted_proxies=("testclient",))
    for address in ("203.0.113.7", "203.0.113.8"):
        response = client.post("/api/shares", content=sealed(),
                               headers={**OCTET, "X-Forwarded-For": address, "X-Forwarded-Proto": "https"})
        assert response.status_code == 201
        assert response.headers["strict-transport-security"].startswith("max-age=")
    again = client.post("/api/shares", content=sealed(), headers={**OCTET, "X-Forwarded-For": "203.0.113.7"})
    assert again.status_code == 429
    assert "strict-transport-security" not in again.headers  # no X-Forwarded-Proto: https this time


def test_token_bucket_refill_and_bounded_memory() -> None:
    clock = Clock(0.0)
    buckets = TokenBuckets(RateLimit(2, 10.0), clock, max_clients=3)
    assert buckets.take("a") == 0 and buckets.take("a") == 0
    assert buckets.take("a") == pytest.approx(5.0)
    clock.advance(5)
    assert buckets.take("a") == 0
    for name in ("b", "c", "d", "e"):
        buckets.take(name)
    assert len(buckets) == 3  # the least recently seen clients were forgotten


@pytest.mark.parametrize(("host", "key"), [
    ("192.0.2.1", "192.0.2.1"),
    ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
    ("2001:db8:1:2:ffff::1", "2001:db8:1:2::/64"),
    ("::ffff:192.0.2.1", "192.0.2.1"),
    (None, "unknown"),
    ("testclient", "testclient"),
])
def test_client_keys(host: str | None, key: str) -> None:
    assert client_key(host) == key


@pytest.mark.parametrize(("text", "limit"), [("60/h", RateLimit(60, 3600.0)), ("300/min", RateLimit(300, 60.0)),
                                             ("10 / s", RateLimit(10, 1.0)), ("off", None), ("0", None)])
def test_rate_limit_syntax(text: str, limit: RateLimit | None) -> None:
    assert RateLimit.parse(text) == limit


@pytest.mark.parametrize("text", ["60", "60/fortnight", "-1/h", "0/h", "x/h"])
def test_bad_rate_limits(text: str) -> None:
    with pytest.raises(UsageError, match="rate limit"):
        RateLimit.parse(text)


def test_config_checks() -> None:
    with pytest.raises(UsageError, match="public URL"):
        ServerConfig(public_url="share.example")
    with pytest.raises(UsageError, match="expiry bounds"):
        ServerConfig(public_url="https://x.example", default_expires=10)
    assert ServerConfig(public_url="https://x.example/share/").public_url == "https://x.example/share"


def test_every_response_carries_the_security_headers(client: Any) -> None:
    share = client.post("/api/shares", content=sealed(), headers=OCTET).json()["id"]
    responses = [
        client.post("/api/shares", content=sealed(), headers=OCTET),  # 201 JSON
        client.get(f"/api/shares/{share}"),  # 200 bytes
        client.get(f"/api/shares/{share}/meta"),
        client.get("/api/shares/" + "A" * 22),  # 404 JSON
        client.post("/api/shares", content=b"x", headers={"Content-Type": "text/plain"}),  # 415
        client.put("/api/shares"),  # 405
        client.get(f"/s/{share}"),  # the viewer page
        client.get("/assets/viewer.js"),  # a static asset
        client.get("/assets/missing.js"),  # 404 from the static files
        client.get("/nothing"),
        client.get("/"),
    ]
    for response in responses:
        for name, value in EXPECTED.items():
            assert response.headers.get(name) == value, (response.request.url, name)
        assert "permissions-policy" in response.headers
        assert "strict-transport-security" not in response.headers  # plain HTTP, no proxy trusted
        assert "server" not in response.headers


def test_hsts_when_configured(make_client: Any) -> None:
    client = make_client(hsts=True)
    assert client.get("/").headers["strict-transport-security"] == "max-age=31536000"
