"""The address and URL rules on their own (no sockets): every special-purpose range, every disguise."""

from __future__ import annotations

import pytest

from wallet.errors import AddressRefused, UsageError
from wallet.online.addresses import embedded_ipv4, parse_ip, refusal
from wallet.online.settings import FetchKind, OnlineSettings
from wallet.online.urls import parse_target

REFUSED = [
    ("0.0.0.0", "unspecified"), ("0.1.2.3", "unspecified"), ("10.1.2.3", "private"), ("100.64.0.1", "carrier-grade"),
    ("127.0.0.1", "loopback"), ("127.255.255.254", "loopback"), ("169.254.169.254", "link-local"),
    ("172.16.0.1", "private"), ("172.31.255.255", "private"), ("192.0.0.8", "IETF"), ("192.0.2.1", "documentation"),
    ("192.88.99.1", "6to4 relay"), ("192.168.1.1", "private"), ("198.18.0.1", "benchmarking"),
    ("198.51.100.7", "documentation"), ("203.0.113.9", "documentation"), ("224.0.0.1", "multicast"),
    ("239.255.255.250", "multicast"), ("240.0.0.1", "reserved"), ("255.255.255.255", "reserved"),
    ("::", "unspecified"), ("::1", "loopback"), ("::7f00:1", "IPv4-compatible"),
    ("::ffff:127.0.0.1", "IPv4-mapped form of a loopback"), ("::ffff:10.0.0.1", "IPv4-mapped form of a private"),
    ("::ffff:169.254.169.254", "IPv4-mapped form of a link-local"), ("64:ff9b::7f00:1", "NAT64 form of a loopback"),
    ("64:ff9b::a9fe:a9fe", "NAT64 form of a link-local"), ("64:ff9b:1::1", "local-use NAT64"),
    ("2002:7f00:1::1", "6to4 form of a loopback"), ("2002:c0a8:101::1", "6to4 form of a private"),
    ("2001::1", "Teredo"), ("2001:db8::1", "documentation"), ("100::1", "discard"), ("fc00::1", "unique-local"),
    ("fd12:3456::1", "unique-local"), ("fe80::1", "link-local"), ("fec0::1", "site-local"), ("ff02::1", "multicast"),
    ("4000::1", "not global unicast"), ("3fff::1", "documentation"),
]
ALLOWED = ["8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700:4700::1111", "2a00:1450:4001::200e",
           "64:ff9b::808:808", "2002:808:808::1", "::ffff:8.8.8.8"]


@pytest.mark.parametrize(("address", "why"), REFUSED)
def test_special_purpose_addresses_are_refused(address: str, why: str) -> None:
    ip = parse_ip(address)
    assert ip is not None
    reason = refusal(ip)
    assert reason is not None and why.lower() in reason.lower(), reason
    assert refusal(ip, allow_loopback=True) is None or address not in ("127.0.0.1", "::1")


@pytest.mark.parametrize("address", ALLOWED)
def test_public_unicast_is_allowed(address: str) -> None:
    ip = parse_ip(address)
    assert ip is not None and refusal(ip) is None


def test_test_mode_opens_exactly_loopback() -> None:
    for address in ("127.0.0.1", "127.8.9.10", "::1"):
        ip = parse_ip(address)
        assert ip is not None and refusal(ip, allow_loopback=True) is None
    for address in ("::ffff:127.0.0.1", "64:ff9b::7f00:1", "0.0.0.0", "::", "10.0.0.1", "169.254.169.254", "fe80::1"):
        ip = parse_ip(address)
        assert ip is not None and refusal(ip, allow_loopback=True) is not None, address


def test_embedded_ipv4_forms() -> None:
    assert str(embedded_ipv4(parse_ip("::ffff:1.2.3.4"))) == "1.2.3.4"  # type: ignore[arg-type]
    assert str(embedded_ipv4(parse_ip("64:ff9b::102:304"))) == "1.2.3.4"  # type: ignore[arg-type]
    assert str(embedded_ipv4(parse_ip("2002:102:304::"))) == "1.2.3.4"  # type: ignore[arg-type]
    assert embedded_ipv4(parse_ip("2606:4700::1")) is None  # type: ignore[arg-type]


URL_REFUSALS = [
    ("http://example.com/did.json", "plain http"),
    ("ftp://example.com/x", "Only https"),
    ("file:///etc/passwd", "Only https"),
    ("gopher://127.0.0.1:6379/_INFO", "Only https"),
    ("https://user:pw@example.com/", "user name or password"),
    ("https://user@example.com/", "user name or password"),
    ("https://example.com@169.254.169.254/", "user name or password"),
    ("https://127.0.0.1/", "IP address 127.0.0.1"),
    ("https://127.0.0.1:6379/.well-known/did.json", "IP address 127.0.0.1"),
    ("https://169.254.169.254/latest/meta-data/", "IP address 169.254.169.254"),
    ("https://0.0.0.0:8080/", "IP address 0.0.0.0"),
    ("https://2130706433/", "2130706433 (= 127.0.0.1)"),
    ("https://0x7f000001/", "(= 127.0.0.1)"),
    ("https://0x7f.1/", "(= 127.0.0.1)"),
    ("https://0177.0.0.1/", "(= 127.0.0.1)"),
    ("https://127.1/", "(= 127.0.0.1)"),
    ("https://017700000001/", "(= 127.0.0.1)"),
    ("https://3232235777/", "(= 192.168.1.1)"),
    ("https://8.8.8.8/", "IP address 8.8.8.8"),
    ("https://[::1]/", "IP address [::1]"),
    ("https://[::ffff:127.0.0.1]/", "IPv4-mapped"),
    ("https://[::ffff:7f00:1]/", "IPv4-mapped"),
    ("https://[fe80::1%25eth0]/", "zone id"),
    ("https://[::1/", "malformed"),
    ("https://localhost/", "loopback name"),
    ("https://LOCALHOST:8443/", "loopback name"),
    ("https://api.localhost/", "loopback name"),
    ("https://exa mple.com/", "spaces"),
    ("https://example.com\\@evil.com/", "backslashes"),
    ("https://example.com/\r\nHost: evil", "control characters"),
    ("https://%6c%6fcalhost/", "percent-encoded"),
    ("https://example.com:0/", "port 0"),
    ("https://example.com:99999/", "malformed"),
    ("https://under_score.example.com/", "not a valid DNS name"),
    ("https://-bad.example.com/", "not a valid DNS name"),
    ("https://example.com./", "ends with a dot"),
    ("https:///path-only", "no host"),
    ("https://" + "a" * 9000 + ".com/", "longer than"),
]


@pytest.mark.parametrize(("url", "why"), URL_REFUSALS)
def test_url_rules_refuse(url: str, why: str) -> None:
    with pytest.raises(AddressRefused) as err:
        parse_target(url)
    assert why.lower() in str(err.value).lower(), str(err.value)


def test_test_mode_allows_loopback_literals_and_http_to_loopback_only() -> None:
    assert parse_target("https://127.0.0.1:8443/x", allow_loopback=True).host == "127.0.0.1"
    assert parse_target("https://[::1]:8443/x", allow_loopback=True).host == "::1"
    assert parse_target("http://127.0.0.1:8080/x", allow_loopback=True).scheme == "http"
    assert parse_target("http://localhost:8080/x", allow_loopback=True).host == "localhost"
    assert parse_target("https://2130706433/", allow_loopback=True).host == "127.0.0.1"
    for url in ("http://example.com/", "https://10.0.0.1/", "https://169.254.169.254/", "https://0.0.0.0/",
                "https://[::ffff:127.0.0.1]/", "https://user:pw@localhost/"):
        with pytest.raises(AddressRefused):
            parse_target(url, allow_loopback=True)


def test_targets_are_normalised() -> None:
    t = parse_target("HTTPS://Example.COM:443/a/b?c=1#frag")
    assert (t.url, t.host, t.port, t.path) == ("https://example.com/a/b?c=1", "example.com", 443, "/a/b?c=1")
    assert parse_target("https://example.com").path == "/"
    idn = parse_target("https://bücher.example/")
    assert idn.host == "xn--bcher-kva.example"


def test_settings_from_env() -> None:
    env = {"WALLET_CA_BUNDLE": "/tmp/ca.pem", "WALLET_ONLINE_ALLOW_LOOPBACK": "1", "WALLET_OFFLINE": "yes"}
    s = OnlineSettings.from_env(env)
    assert (s.ca_bundle, s.allow_loopback, s.offline) == ("/tmp/ca.pem", True, True)
    assert OnlineSettings.from_env(env, offline=False, ca_bundle=None).offline is False
    defaults = OnlineSettings.from_env({})
    assert (defaults.ca_bundle, defaults.allow_loopback, defaults.offline) == (None, False, False)
    assert (defaults.connect_timeout, defaults.total_timeout, defaults.max_redirects) == (5.0, 20.0, 3)
    assert defaults.user_agent.startswith("learner-wallet/")
    with pytest.raises(UsageError):
        OnlineSettings(total_timeout=0)


def test_size_caps_per_kind() -> None:
    kib, mib = 1024, 1024 * 1024
    assert FetchKind.DID_DOCUMENT.max_bytes == 256 * kib
    assert FetchKind.STATUS_LIST.max_bytes == 16 * mib
    assert FetchKind.TRUSTED_LIST.max_bytes == 10 * mib
    assert FetchKind.METADATA.max_bytes == 256 * kib
    assert FetchKind.CREDENTIAL.max_bytes == 4 * mib
    assert FetchKind.CONTEXT.max_bytes == 1 * mib
    assert FetchKind.SHARE_BLOB.max_bytes == 2 * mib
