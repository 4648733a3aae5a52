"""The online client against real local servers: what it sends, what it returns, what it keeps (nothing)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from wallet.errors import (
    ConnectionFailed,
    HttpStatusError,
    InputError,
    OfflineMode,
    RedirectRefused,
    TlsError,
)
from wallet.online import FetchKind, OnlineClient, OnlineSettings

from .conftest import PINNED, UNCERTIFIED, ClientFactory
from .servers import LocalPki, LocalServer


def _json_route(server: LocalServer, path: str, obj: object, content_type: str = "application/json",
                headers: dict[str, str] | None = None) -> None:
    server.routes[path] = lambda h: h.reply(200, json.dumps(obj).encode(), content_type, headers)


def test_get_returns_a_complete_response(server: LocalServer, make_client: ClientFactory) -> None:
    _json_route(server, "/doc", {"hello": "world"}, "Application/JSON; charset=utf-8", {"X-Thing": "1"})
    client, rec = make_client()
    before = datetime.now(UTC)
    resp = client.get(server.url("/doc?x=1"), kind=FetchKind.METADATA)
    assert resp.status == 200 and resp.json() == {"hello": "world"}
    assert resp.media_type == "application/json"
    assert resp.headers["x-thing"] == "1" and resp.header("X-Thing") == "1"
    assert resp.url == server.url("/doc?x=1") and resp.redirects == ()
    assert resp.fetched_at.tzinfo is UTC and before <= resp.fetched_at <= datetime.now(UTC)
    assert [(h, p) for h, _, p in rec.contacts] == [("localhost", "metadata")]
    sent = server.log[-1]
    assert sent.path == "/doc?x=1" and sent.host == f"localhost:{server.port}"
    assert sent.headers["user-agent"].startswith("learner-wallet/0.1.0")
    assert sent.headers["accept-encoding"] == "gzip, deflate"
    assert "cookie" not in sent.headers and "authorization" not in sent.headers


def test_post_json_and_form(server: LocalServer, make_client: ClientFactory) -> None:
    server.routes["/echo"] = lambda h: h.reply(200, json.dumps({"got": h.server.log[-1].body.decode()}).encode())
    client, _ = make_client()
    client.post(server.url("/echo"), kind=FetchKind.OAUTH, json={"a": "é"})
    assert server.log[-1].headers["content-type"] == "application/json"
    assert json.loads(server.log[-1].body) == {"a": "é"}
    resp = client.post(server.url("/echo"), kind=FetchKind.OAUTH, form={"grant_type": "x y", "code": "1&2"})
    assert server.log[-1].headers["content-type"] == "application/x-www-form-urlencoded"
    assert resp.json()["got"] == "grant_type=x+y&code=1%262"
    with pytest.raises(ConnectionFailed):
        client.post(server.url("/echo"), kind=FetchKind.OAUTH, json={}, form={})
    with pytest.raises(ConnectionFailed, match="set by the online client"):
        client.get(server.url("/echo"), kind=FetchKind.OAUTH, headers={"Cookie": "a=b"})


def test_status_errors_carry_the_response(server: LocalServer, make_client: ClientFactory) -> None:
    server.routes["/bad"] = lambda h: h.reply(400, b'{"error":"invalid_grant"}')
    client, _ = make_client()
    with pytest.raises(HttpStatusError) as err:
        client.post(server.url("/bad"), kind=FetchKind.OAUTH, form={"a": "b"})
    assert err.value.status == 400 and "HTTP 400 (Bad Request)" in str(err.value)
    assert err.value.response.json() == {"error": "invalid_grant"}  # type: ignore[union-attr]
    with pytest.raises(HttpStatusError, match="HTTP 404"):
        client.get(server.url("/missing"), kind=FetchKind.METADATA)
    assert client.get(server.url("/missing"), kind=FetchKind.METADATA, check_status=False).status == 404


def test_json_uses_the_project_limits(server: LocalServer, make_client: ClientFactory) -> None:
    server.routes["/dup"] = lambda h: h.reply(200, b'{"id": "a", "id": "b"}')
    server.routes["/deep"] = lambda h: h.reply(200, b"[" * 200 + b"]" * 200)
    client, _ = make_client()
    with pytest.raises(InputError, match="repeats the key"):
        client.get(server.url("/dup"), kind=FetchKind.METADATA).json()
    with pytest.raises(InputError, match="nested too deeply"):
        client.get(server.url("/deep"), kind=FetchKind.METADATA).json()


def test_redirects_are_followed_and_recorded(server: LocalServer, make_client: ClientFactory) -> None:
    for n in range(1, 4):
        server.routes[f"/r{n}"] = lambda h, n=n: h.redirect(302, f"/r{n - 1}" if n > 1 else "/end")
    _json_route(server, "/end", {"ok": True})
    client, rec = make_client()
    resp = client.get(server.url("/r3"), kind=FetchKind.METADATA)
    assert resp.json() == {"ok": True} and resp.url == server.url("/end")
    assert resp.redirects == tuple(server.url(f"/r{n}") for n in (3, 2, 1))
    assert len(rec.contacts) == 4  # one contact per hop


def test_303_turns_post_into_get_and_307_keeps_it(server: LocalServer, make_client: ClientFactory) -> None:
    server.routes["/see-other"] = lambda h: h.redirect(303, "/landing")
    server.routes["/temporary"] = lambda h: h.redirect(307, "/landing")
    server.routes["/landing"] = lambda h: h.reply(200, h.command.encode(), "text/plain")
    client, _ = make_client()
    assert client.post(server.url("/see-other"), kind=FetchKind.OAUTH, json={"a": 1}).body == b"GET"
    assert server.log[-1].body == b"" and "content-type" not in server.log[-1].headers
    assert client.post(server.url("/temporary"), kind=FetchKind.OAUTH, json={"a": 1}).body == b"POST"
    assert json.loads(server.log[-1].body) == {"a": 1}


def test_no_redirect_following_when_asked(server: LocalServer, make_client: ClientFactory) -> None:
    server.routes["/authorize"] = lambda h: h.redirect(302, "http://127.0.0.1:1/callback?code=abc")
    client, _ = make_client()
    resp = client.get(server.url("/authorize"), kind=FetchKind.OAUTH, follow_redirects=False)
    assert resp.status == 302 and resp.header("location") == "http://127.0.0.1:1/callback?code=abc"


def test_authorization_is_dropped_when_a_redirect_changes_origin(server: LocalServer,
                                                                 make_client: ClientFactory) -> None:
    server.routes["/same"] = lambda h: h.redirect(302, "/final")
    server.routes["/other"] = lambda h: h.redirect(302, server.url("/final", host=PINNED))
    server.routes["/final"] = lambda h: h.reply(200, b"{}")
    client, _ = make_client()
    auth = {"Authorization": "Bearer secret", "DPoP": "proof", "X-Keep": "1"}
    client.get(server.url("/same"), kind=FetchKind.CREDENTIAL, headers=auth)
    assert server.log[-1].headers["authorization"] == "Bearer secret"
    client.get(server.url("/other"), kind=FetchKind.CREDENTIAL, headers=auth)
    final = server.log[-1]
    assert final.host == f"{PINNED}:{server.port}"
    assert "authorization" not in final.headers and "dpop" not in final.headers and final.headers["x-keep"] == "1"


def test_no_cookies_are_kept(server: LocalServer, make_client: ClientFactory) -> None:
    server.routes["/set"] = lambda h: h.reply(302, b"", None, {"Set-Cookie": "session=abc; Path=/", "Location": "/x"})
    server.routes["/x"] = lambda h: h.reply(200, b"{}")
    client, _ = make_client()
    client.get(server.url("/set"), kind=FetchKind.METADATA)
    client.get(server.url("/x"), kind=FetchKind.METADATA)
    assert all("cookie" not in seen.headers for seen in server.log)


def test_environment_proxies_and_netrc_are_ignored(server: LocalServer, make_client: ClientFactory,
                                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text("machine localhost login user password secret\n")
    netrc.chmod(0o600)
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "ALL_PROXY"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")  # the discard port: a proxy that is not there
    monkeypatch.setenv("NETRC", str(netrc))
    _json_route(server, "/doc", {"direct": True})
    client, _ = make_client()
    assert client.get(server.url("/doc"), kind=FetchKind.METADATA).json() == {"direct": True}
    assert "authorization" not in server.log[-1].headers


def test_offline_mode_opens_no_socket(server: LocalServer, make_client: ClientFactory) -> None:
    client, rec = make_client(offline=True)
    with pytest.raises(OfflineMode, match="offline mode, so it did not contact localhost"):
        client.get(server.url("/doc"), kind=FetchKind.METADATA)
    with pytest.raises(OfflineMode):
        client.post("https://169.254.169.254/", kind=FetchKind.OAUTH, json={})
    assert rec.contacts == [] and rec.lookups == [] and server.connections == 0
    assert OfflineMode.exit_code != ConnectionFailed.exit_code


def test_resolved_once_and_connected_to_that_address(server: LocalServer, make_client: ClientFactory) -> None:
    """The name the system resolver does not know works only because the client connects to the checked answer."""
    _json_route(server, "/doc", {"pinned": True})
    answers = iter([["127.0.0.1"], ["10.0.0.1"]])  # a rebinding DNS server: the second answer is private
    client, rec = make_client(resolve={"rebind.test": lambda: next(answers)})
    # The certificate does not name rebind.test, so the fetch fails at TLS, after exactly one lookup,
    # connected to the first (checked) answer.
    with pytest.raises(TlsError, match="rebind.test"):
        client.get(server.url("/doc", host="rebind.test"), kind=FetchKind.METADATA)
    assert rec.lookups == ["rebind.test"] and server.connections == 1
    client2, rec2 = make_client()
    assert client2.get(server.url("/doc", host=PINNED), kind=FetchKind.METADATA).json() == {"pinned": True}
    assert rec2.lookups == [PINNED]
    assert server.log[-1].host == f"{PINNED}:{server.port}"  # Host header names the host, not the address


def test_certificates_are_checked_for_the_name(server: LocalServer, make_client: ClientFactory,
                                               pki: LocalPki) -> None:
    _json_route(server, "/doc", {})
    client, _ = make_client()
    with pytest.raises(TlsError, match=f"certificate of {UNCERTIFIED} is not trusted"):
        client.get(server.url("/doc", host=UNCERTIFIED), kind=FetchKind.METADATA)
    untrusting, _ = make_client(ca_bundle=str(pki.other_ca_pem))
    with pytest.raises(TlsError, match="not trusted"):
        untrusting.get(server.url("/doc"), kind=FetchKind.METADATA)
    system_only = OnlineClient(OnlineSettings(allow_loopback=True))
    with pytest.raises(TlsError, match="not trusted"):
        system_only.get(server.url("/doc"), kind=FetchKind.METADATA)


def test_a_missing_ca_bundle_is_a_clear_error(server: LocalServer, tmp_path: Path) -> None:
    client = OnlineClient(OnlineSettings(ca_bundle=str(tmp_path / "nope.pem"), allow_loopback=True))
    with pytest.raises(TlsError, match="does not exist"):
        client.get(server.url("/doc"), kind=FetchKind.METADATA)
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate")
    client = OnlineClient(OnlineSettings(ca_bundle=str(junk), allow_loopback=True))
    with pytest.raises(TlsError, match="not a readable PEM"):
        client.get(server.url("/doc"), kind=FetchKind.METADATA)


def test_plain_http_to_loopback_in_test_mode_only(plain_server: LocalServer, make_client: ClientFactory) -> None:
    plain_server.routes["/doc"] = lambda h: h.reply(200, b'{"plain": true}')
    client, _ = make_client()
    assert client.get(plain_server.url("/doc"), kind=FetchKind.METADATA).json() == {"plain": True}
    assert client.get(plain_server.url("/doc", host="127.0.0.1"), kind=FetchKind.METADATA).status == 200
    strict, _ = make_client(allow_loopback=False)
    with pytest.raises(Exception, match="plain http"):
        strict.get(plain_server.url("/doc", host="127.0.0.1"), kind=FetchKind.METADATA)
    # test mode: http to a name that resolves to loopback is fine, to anything else refused
    client2, _ = make_client(resolve={"lan.test": ["192.168.1.10"]})
    with pytest.raises(Exception, match="plain http"):
        client2.get("http://lan.test/doc", kind=FetchKind.METADATA)
    assert plain_server.connections == 2


def test_https_never_redirects_to_http(server: LocalServer, plain_server: LocalServer,
                                       make_client: ClientFactory) -> None:
    plain_server.routes["/doc"] = lambda h: h.reply(200, b"{}")
    server.routes["/down"] = lambda h: h.redirect(301, plain_server.url("/doc"))
    client, _ = make_client()
    with pytest.raises(RedirectRefused, match="https to plain http"):
        client.get(server.url("/down"), kind=FetchKind.METADATA)
    assert plain_server.connections == 0


def test_head_has_no_body(server: LocalServer, make_client: ClientFactory) -> None:
    server.routes["/h"] = lambda h: h.reply(200, b"0123456789")
    client, _ = make_client()
    resp = client.request("HEAD", server.url("/h"), kind=FetchKind.IMAGE)
    assert resp.status == 200 and resp.body == b"" and resp.header("content-length") == "10"
