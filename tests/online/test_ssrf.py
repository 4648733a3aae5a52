"""The SSRF table (threat "did:web SSRF" in docs/THREATS.md) and the hostile-server table, each against a real local server.

Every case must end in one clear ``wallet.errors`` sentence, and the refused
ones must not have opened a connection to the refused address. With the
loopback test mode off, every loopback/private target is refused; with it
on, only loopback opens up.
"""

from __future__ import annotations

import gzip
import ssl
import time
import zlib

import pytest

from wallet.errors import (
    AddressRefused,
    ConnectionFailed,
    FetchTimeout,
    RedirectRefused,
    ResponseTooLarge,
)
from wallet.online import FetchKind
from wallet.online.evidence import fetch_did_document

from .conftest import METADATA, PINNED, ClientFactory, loopback_name
from .servers import Handler, LocalServer, StallServer

MB = 1024 * 1024
#: Generous slack over a deadline: the bound is what is tested, not a speed.
SLACK = 4.0


# ---------------------------------------------------------------- targets refused before any connection

#: (target, why with the test mode off, why with it on; None = allowed in the unsafe test mode: loopback)
REFUSED_URLS = [
    ("did:web:127.0.0.1%3A6379", "IP address 127.0.0.1", None),
    ("did:web:169.254.169.254", "IP address 169.254.169.254", "IP address 169.254.169.254"),
    ("did:web:0.0.0.0%3A80", "IP address 0.0.0.0", "IP address 0.0.0.0"),
    ("did:web:2130706433", "(= 127.0.0.1)", None),
    ("did:web:localhost%3A8080", "loopback name", None),
    ("https://169.254.169.254/latest/meta-data/iam/security-credentials/", "IP address 169.254.169.254",
     "IP address 169.254.169.254"),
    ("http://169.254.169.254/latest/meta-data/", "plain http", "IP address 169.254.169.254"),
    ("http://example.com/status/1", "plain http", "only loopback may use http"),
    ("https://[::1]:6379/", "IP address [::1]", None),
    ("https://[::ffff:127.0.0.1]/", "IPv4-mapped form of a loopback", "IPv4-mapped form of a loopback"),
    ("https://[::ffff:a9fe:a9fe]/", "IPv4-mapped form of a link-local", "IPv4-mapped form of a link-local"),
    ("https://0.0.0.0/", "IP address 0.0.0.0", "IP address 0.0.0.0"),
    ("https://2130706433/", "(= 127.0.0.1)", None),
    ("https://0177.0.0.1/", "(= 127.0.0.1)", None),
    ("https://0x7f.0.0.1/", "(= 127.0.0.1)", None),
    ("https://10.0.0.1/", "IP address 10.0.0.1", "IP address 10.0.0.1"),
    ("https://user:pw@example.com/", "user name or password", "user name or password"),
    ("https://user:pw@localhost/", "user name or password", "user name or password"),
    ("https://localhost/", "loopback name", None),
]
CASES = [(target, mode, why) for target, off, on in REFUSED_URLS for mode, why in ((False, off), (True, on)) if why]


@pytest.mark.parametrize(("target", "test_mode", "why"), CASES)
def test_refused_targets_never_reach_the_network(target: str, test_mode: bool, why: str,
                                                 make_client: ClientFactory) -> None:
    client, rec = make_client(allow_loopback=test_mode)
    with pytest.raises(AddressRefused) as err:
        if target.startswith("did:"):
            fetch_did_document(client, target)
        else:
            client.get(target, kind=FetchKind.DID_DOCUMENT)
    assert why.lower() in str(err.value).lower(), str(err.value)
    assert rec.contacts == [] and rec.lookups == []


def test_loopback_test_mode_off_refuses_the_local_server_by_every_route(server: LocalServer,
                                                                        make_client: ClientFactory) -> None:
    server.routes["/.well-known/did.json"] = lambda h: h.reply(200, b'{"id": "x"}')
    client, rec = make_client(allow_loopback=False)
    urls = [server.url("/.well-known/did.json"), server.url("/x", host="127.0.0.1"),
            server.url("/x", host="[::1]"), server.url("/x", host=PINNED)]
    real = loopback_name()
    if real and real != "localhost":
        urls.append(server.url("/x", host=real))  # a real name whose DNS answer is loopback
    for url in urls:
        with pytest.raises(AddressRefused, match="loopback"):
            client.get(url, kind=FetchKind.DID_DOCUMENT)
    with pytest.raises(AddressRefused, match="loopback"):
        fetch_did_document(client, f"did:web:localhost%3A{server.port}")
    assert server.connections == 0
    # the names that reached the resolver were answered with loopback and refused there
    assert PINNED in rec.lookups


def test_loopback_test_mode_on_reaches_the_local_server(server: LocalServer, make_client: ClientFactory) -> None:
    server.routes["/.well-known/did.json"] = lambda h: h.reply(
        200, f'{{"id": "did:web:localhost%3A{server.port}"}}'.encode(), "application/did+json")
    client, _ = make_client(allow_loopback=True)
    assert fetch_did_document(client, f"did:web:localhost%3A{server.port}").key == f"did:web:localhost%3A{server.port}"
    assert client.get(server.url("/.well-known/did.json", host="127.0.0.1"), kind=FetchKind.DID_DOCUMENT).status == 200


def test_a_name_that_resolves_to_a_private_or_metadata_address_is_refused(make_client: ClientFactory) -> None:
    for test_mode in (False, True):
        client, rec = make_client(allow_loopback=test_mode, resolve={"intranet.test": ["10.1.2.3"],
                                                                    "mixed.test": ["93.184.216.34", "127.0.0.1"]})
        with pytest.raises(AddressRefused, match="169.254.169.254, a link-local address"):
            client.get(f"https://{METADATA}/latest/meta-data/", kind=FetchKind.METADATA)
        with pytest.raises(AddressRefused, match="10.1.2.3, a private network address"):
            client.get("https://intranet.test/", kind=FetchKind.METADATA)
        if not test_mode:  # one bad address in the answer refuses the whole name (no public one is tried)
            with pytest.raises(AddressRefused, match="127.0.0.1, a loopback address"):
                client.get("https://mixed.test/", kind=FetchKind.METADATA)
        assert len(rec.contacts) == len(rec.lookups)


def test_rebinding_answers_are_checked_each_time(server: LocalServer, make_client: ClientFactory) -> None:
    server.routes["/doc"] = lambda h: h.reply(200, b"{}")
    answers = iter([["127.0.0.1"], ["169.254.169.254"]])
    client, rec = make_client(resolve={PINNED: lambda: next(answers)})
    assert client.get(server.url("/doc", host=PINNED), kind=FetchKind.METADATA).status == 200
    with pytest.raises(AddressRefused, match="169.254.169.254"):
        client.get(server.url("/doc", host=PINNED), kind=FetchKind.METADATA)
    assert server.connections == 1 and rec.lookups == [PINNED, PINNED]


# ---------------------------------------------------------------- redirects

def test_redirect_to_a_private_ip_is_refused(server: LocalServer, make_client: ClientFactory) -> None:
    server.routes["/to-metadata"] = lambda h: h.redirect(302, "https://169.254.169.254/latest/meta-data/")
    server.routes["/to-metadata-name"] = lambda h: h.redirect(302, f"https://{METADATA}/latest/")
    server.routes["/to-redis"] = lambda h: h.redirect(307, "https://10.0.0.5:6379/")
    server.routes["/to-v6"] = lambda h: h.redirect(301, "https://[fd00::1]/")
    server.routes["/to-decimal"] = lambda h: h.redirect(302, "https://167772161/")
    client, _ = make_client()
    for path, why in (("/to-metadata", "IP address 169.254.169.254"), ("/to-metadata-name", "link-local"),
                      ("/to-redis", "IP address 10.0.0.5"), ("/to-v6", "unique-local"),
                      ("/to-decimal", "(= 10.0.0.1)")):
        with pytest.raises(RedirectRefused) as err:
            client.get(server.url(path), kind=FetchKind.STATUS_LIST)
        message = str(err.value)
        assert message.startswith("A redirect from https://localhost:") and why in message, message
    strict, _ = make_client(allow_loopback=False, resolve={"public.test": ["93.184.216.34"]})
    with pytest.raises(AddressRefused):  # the first hop is already refused: the loopback test server
        strict.get(server.url("/to-metadata"), kind=FetchKind.STATUS_LIST)


def test_redirect_loops_and_chains_are_capped(server: LocalServer, make_client: ClientFactory) -> None:
    server.routes["/loop"] = lambda h: h.redirect(302, "/loop")
    server.routes["/ping"] = lambda h: h.redirect(302, "/pong")
    server.routes["/pong"] = lambda h: h.redirect(302, "/ping")
    for n in range(0, 6):
        server.routes[f"/chain{n}"] = lambda h, n=n: h.redirect(302, f"/chain{n + 1}")
    server.routes["/empty"] = lambda h: h.reply(302, b"", None)
    client, _ = make_client()
    for path in ("/loop", "/ping"):
        with pytest.raises(RedirectRefused, match="redirects in a loop"):
            client.get(server.url(path), kind=FetchKind.METADATA)
    with pytest.raises(RedirectRefused, match="more than 3 times"):
        client.get(server.url("/chain0"), kind=FetchKind.METADATA)
    assert sum(1 for s in server.log if s.path.startswith("/chain")) == 4  # the first request and 3 redirects
    with pytest.raises(RedirectRefused, match="named no location"):
        client.get(server.url("/empty"), kind=FetchKind.METADATA)


# ---------------------------------------------------------------- hostile responses

def _fifty_megabytes(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "application/json")
    h.send_header("Content-Length", str(50 * MB))
    h.end_headers()
    chunk = b"0" * (64 * 1024)
    for _ in range(50 * 16):
        h.wfile.write(chunk)


def _fifty_megabytes_chunked(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "application/json")
    h.send_header("Transfer-Encoding", "chunked")
    h.end_headers()
    chunk = b"0" * (64 * 1024)
    for _ in range(50 * 16):
        h.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
    h.wfile.write(b"0\r\n\r\n")


def test_a_50_mb_response_is_refused(server: LocalServer, make_client: ClientFactory) -> None:
    server.routes["/big"] = _fifty_megabytes
    server.routes["/big-chunked"] = _fifty_megabytes_chunked
    client, _ = make_client()
    with pytest.raises(ResponseTooLarge, match=f"would be {50 * MB} bytes"):
        client.get(server.url("/big"), kind=FetchKind.STATUS_LIST)
    with pytest.raises(ResponseTooLarge, match=f"larger than {16 * MB} bytes"):
        client.get(server.url("/big-chunked"), kind=FetchKind.STATUS_LIST)
    with pytest.raises(ResponseTooLarge, match=f"larger than {256 * 1024} bytes"):
        client.get(server.url("/big-chunked"), kind=FetchKind.DID_DOCUMENT)


def test_each_kind_has_its_cap(server: LocalServer, make_client: ClientFactory) -> None:
    body = b"x" * (256 * 1024 + 1)
    server.routes["/just-over"] = lambda h: h.reply(200, body, "application/octet-stream")
    client, _ = make_client()
    with pytest.raises(ResponseTooLarge):
        client.get(server.url("/just-over"), kind=FetchKind.DID_DOCUMENT)
    assert client.get(server.url("/just-over"), kind=FetchKind.CONTEXT).body == body


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return gzip.compress(b"\0" * (40 * MB), compresslevel=9)


def test_a_gzip_bomb_is_refused(server: LocalServer, make_client: ClientFactory, bomb: bytes) -> None:
    assert len(bomb) < 100 * 1024
    server.routes["/bomb"] = lambda h: h.reply(200, bomb, "application/json", {"Content-Encoding": "gzip"})
    raw_deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    deflated = raw_deflate.compress(b"\0" * (40 * MB)) + raw_deflate.flush()
    server.routes["/deflate-bomb"] = lambda h: h.reply(200, deflated, "application/json",
                                                       {"Content-Encoding": "deflate"})
    client, _ = make_client()
    with pytest.raises(ResponseTooLarge, match="compressed suspiciously well"):  # 16 MiB cap: the ratio trips first
        client.get(server.url("/bomb"), kind=FetchKind.STATUS_LIST)
    with pytest.raises(ResponseTooLarge, match="larger than 262144 bytes"):  # small cap: the size trips first
        client.get(server.url("/bomb"), kind=FetchKind.DID_DOCUMENT)
    with pytest.raises(ResponseTooLarge, match="compressed suspiciously well"):
        client.get(server.url("/deflate-bomb"), kind=FetchKind.TRUSTED_LIST)


def test_honest_compression_is_decoded(server: LocalServer, make_client: ClientFactory) -> None:
    doc = b'{"id": "did:web:example.com", "padding": "' + b"abc" * 50_000 + b'"}'
    server.routes["/gz"] = lambda h: h.reply(200, gzip.compress(doc), "application/json", {"Content-Encoding": "gzip"})
    server.routes["/zlib"] = lambda h: h.reply(200, zlib.compress(doc), "application/json",
                                               {"Content-Encoding": "deflate"})
    server.routes["/br"] = lambda h: h.reply(200, doc, "application/json", {"Content-Encoding": "br"})
    server.routes["/twice"] = lambda h: h.reply(200, gzip.compress(gzip.compress(doc)), "application/json",
                                                {"Content-Encoding": "gzip, gzip"})
    server.routes["/broken"] = lambda h: h.reply(200, gzip.compress(doc)[:-20], "application/json",
                                                 {"Content-Encoding": "gzip"})
    client, _ = make_client()
    assert client.get(server.url("/gz"), kind=FetchKind.CREDENTIAL).body == doc
    assert client.get(server.url("/zlib"), kind=FetchKind.CREDENTIAL).body == doc
    for path, why in (("/br", "did not ask for"), ("/twice", "did not ask for"), ("/broken", "truncated")):
        with pytest.raises(ConnectionFailed, match=why):
            client.get(server.url(path), kind=FetchKind.CREDENTIAL)


def _slow_body(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "application/json")
    h.send_header("Content-Length", "10000")
    h.end_headers()
    h.drip(b" " * 10000, 0.25)


def _slow_headers(h: Handler) -> None:
    h.wfile.write(b"HTTP/1.1 200 OK\r\n")
    h.drip(b"X-Slow: " + b"a" * 10000, 0.25)


@pytest.mark.parametrize("path", ["/slow-body", "/slow-headers"])
def test_slow_loris_is_bounded_by_the_total_deadline(server: LocalServer, make_client: ClientFactory,
                                                     path: str) -> None:
    server.routes["/slow-body"] = _slow_body
    server.routes["/slow-headers"] = _slow_headers
    client, _ = make_client(total_timeout=2.0)
    started = time.monotonic()
    with pytest.raises(FetchTimeout, match="did not answer completely within 2 seconds"):
        client.get(server.url(path), kind=FetchKind.STATUS_LIST)
    assert time.monotonic() - started < 2.0 + SLACK


def test_a_server_that_never_completes_the_handshake_times_out(make_client: ClientFactory) -> None:
    stall = StallServer()
    try:
        client, _ = make_client(connect_timeout=1.0, total_timeout=5.0)
        started = time.monotonic()
        with pytest.raises(FetchTimeout, match="did not accept a connection within 1 second"):
            client.get(f"https://localhost:{stall.port}/", kind=FetchKind.METADATA)
        assert time.monotonic() - started < 1.0 + SLACK
    finally:
        stall.stop()


def test_nothing_listening_is_a_connection_failure(make_client: ClientFactory) -> None:
    import socket

    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # bound but never listening: connections to the port are refused
    client, _ = make_client()
    with pytest.raises(ConnectionFailed, match="Could not connect to localhost"):
        client.get(f"https://localhost:{port}/", kind=FetchKind.METADATA)


def test_protocol_garbage_is_a_clear_error(server: LocalServer, make_client: ClientFactory) -> None:
    def flood(h: Handler) -> None:
        h.wfile.write(b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-%d: y\r\n" % i for i in range(1000)) + b"\r\n")

    server.routes["/garbage"] = lambda h: h.wfile.write(b"SSH-2.0-OpenSSH_9.6\r\n\r\n")
    server.routes["/flood"] = flood
    server.routes["/long-line"] = lambda h: h.wfile.write(b"HTTP/1.1 200 OK\r\nX: " + b"a" * 70000 + b"\r\n\r\n")
    server.routes["/short"] = lambda h: h.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc")
    server.routes["/bad-length"] = lambda h: h.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: lots\r\n\r\n")
    client, _ = make_client()
    for path in ("/garbage", "/flood", "/long-line", "/short", "/bad-length"):
        with pytest.raises(ConnectionFailed, match="localhost"):
            client.get(server.url(path), kind=FetchKind.METADATA)


def test_ipv6_loopback_only_in_test_mode(pki_context: ssl.SSLContext, make_client: ClientFactory) -> None:
    client_off, rec = make_client(allow_loopback=False)
    try:
        v6: LocalServer | None = LocalServer("::1", pki_context).start()
    except OSError:  # a machine without IPv6: only the refusal (made before any socket) can be shown
        v6 = None
    port = v6.port if v6 is not None else 443
    with pytest.raises(AddressRefused, match=r"IP address \[::1\]"):
        client_off.get(f"https://[::1]:{port}/doc", kind=FetchKind.METADATA)
    assert rec.lookups == []
    if v6 is None:
        return
    try:
        v6.routes["/doc"] = lambda h: h.reply(200, b'{"v6": true}')
        client_on, _ = make_client()
        assert client_on.get(v6.url("/doc", host="[::1]"), kind=FetchKind.METADATA).json() == {"v6": True}
        assert v6.connections == 1  # the refused attempt above never connected
    finally:
        v6.stop()
