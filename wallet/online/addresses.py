"""Which IP addresses the wallet may connect to: public unicast only.

This is the SSRF rule (threat "did:web SSRF" in docs/THREATS.md): a credential names URLs (a
did:web host, a status list, an OB 2.0 assertion id) and an attacker writes
credentials, so without this rule "verify my badge" becomes "probe the
user's router, the cloud metadata service at 169.254.169.254 or a local
Redis". The check runs on the address the socket is actually about to
connect to (see :mod:`wallet.online.transport`), so a name that resolves to
a private address, or rebinds to one between two lookups, is refused too.

The tables follow the IANA IPv4 and IPv6 Special-Purpose Address Registries
(RFC 6890 and its updates) written out here rather than taken from
``ipaddress.is_global``, whose exact set has changed between Python
releases. IPv6 must be global unicast (2000::/3); addresses that embed an
IPv4 address (IPv4-mapped, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by
the IPv4 address inside, so ``::ffff:127.0.0.1`` is a loopback address.
"""

from __future__ import annotations

import ipaddress
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network

IPAddress = IPv4Address | IPv6Address

_V4_REFUSED: tuple[tuple[IPv4Network, str], ...] = tuple(
    (IPv4Network(net), why) for net, why in (
        ("0.0.0.0/8", "an unspecified ('this network') address"),
        ("10.0.0.0/8", "a private network address"),
        ("100.64.0.0/10", "a carrier-grade NAT (shared) address"),
        ("127.0.0.0/8", "a loopback address"),
        ("169.254.0.0/16", "a link-local address (where cloud metadata services live)"),
        ("172.16.0.0/12", "a private network address"),
        ("192.0.0.0/24", "an IETF protocol address"),
        ("192.0.2.0/24", "a documentation address"),
        ("192.88.99.0/24", "a 6to4 relay address"),
        ("192.168.0.0/16", "a private network address"),
        ("198.18.0.0/15", "a benchmarking address"),
        ("198.51.100.0/24", "a documentation address"),
        ("203.0.113.0/24", "a documentation address"),
        ("224.0.0.0/4", "a multicast address"),
        ("240.0.0.0/4", "a reserved address"),  # includes 255.255.255.255
    )
)

_V4_LOOPBACK = IPv4Network("127.0.0.0/8")
_V6_LOOPBACK = IPv6Address("::1")
_V6_GLOBAL_UNICAST = IPv6Network("2000::/3")
_V6_MAPPED = IPv6Network("::ffff:0:0/96")
_V6_NAT64 = IPv6Network("64:ff9b::/96")
_V6_6TO4 = IPv6Network("2002::/16")
_V6_REFUSED: tuple[tuple[IPv6Network, str], ...] = tuple(
    (IPv6Network(net), why) for net, why in (
        ("::/128", "the unspecified address"),
        ("::1/128", "a loopback address"),
        ("::/96", "an IPv4-compatible address (deprecated)"),
        ("64:ff9b:1::/48", "a local-use NAT64 address"),
        ("100::/64", "a discard-only address"),
        ("2001::/23", "an IETF protocol address (Teredo and others)"),
        ("2001:db8::/32", "a documentation address"),
        ("3fff::/20", "a documentation address"),
        ("5f00::/16", "a segment-routing address"),
        ("fc00::/7", "a unique-local (private) address"),
        ("fe80::/10", "a link-local address"),
        ("fec0::/10", "a site-local address (deprecated)"),
        ("ff00::/8", "a multicast address"),
    )
)


def parse_ip(text: str) -> IPAddress | None:
    """``text`` as an IP address (IPv6 scope ids dropped), or None when it is not one."""
    try:
        return ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None


def is_loopback(ip: IPAddress) -> bool:
    """127.0.0.0/8 or ::1 exactly: the only addresses the unsafe test mode opens up."""
    if isinstance(ip, IPv4Address):
        return ip in _V4_LOOPBACK
    return ip == _V6_LOOPBACK


def embedded_ipv4(ip: IPv6Address) -> IPv4Address | None:
    """The IPv4 address inside an IPv4-mapped, NAT64 (64:ff9b::/96) or 6to4 address."""
    if ip in _V6_MAPPED or ip in _V6_NAT64:
        return IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip in _V6_6TO4:
        return IPv4Address((int(ip) >> 80) & 0xFFFFFFFF)
    return None


def _v4_refusal(ip: IPv4Address) -> str | None:
    for net, why in _V4_REFUSED:
        if ip in net:
            return why
    return None


def refusal(ip: IPAddress, *, allow_loopback: bool = False) -> str | None:
    """Why the wallet must not connect to ``ip`` (a phrase), or None when it may.

    ``allow_loopback`` (the unsafe test mode) allows exactly 127.0.0.0/8 and
    ::1; IPv4-mapped or other embedded forms of loopback stay refused.
    """
    if allow_loopback and is_loopback(ip):
        return None
    if isinstance(ip, IPv4Address):
        return _v4_refusal(ip)
    inner = embedded_ipv4(ip)
    if inner is not None:
        why = _v4_refusal(inner)
        if why is None:
            return None
        form = "IPv4-mapped" if ip in _V6_MAPPED else "NAT64" if ip in _V6_NAT64 else "6to4"
        return f"{form} form of {why}"
    for net, why in _V6_REFUSED:
        if ip in net:
            return why
    if ip not in _V6_GLOBAL_UNICAST:
        return "a reserved IPv6 address (not global unicast)"
    return None
