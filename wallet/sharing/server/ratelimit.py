"""Per-client token buckets, kept in the memory of each service instance.

Why in memory and not in PostgreSQL: the limits are there to blunt abuse
(filling the disk, hammering reads), not to enforce exact quotas. A database
round trip per request would roughly double the load the limiter is meant to
protect, and with N instances behind a load balancer a client gets at most N
times its allowance — a bounded, documented slack. A deployment that needs
one global limit sets it in the proxy in front (``docs/SHARE_SERVICE.md``).

Clients are keyed by IP address; IPv6 addresses by their /64, because one
host usually holds a whole /64 and could otherwise rotate through it. The
table is bounded: beyond ``max_clients`` the least recently seen client is
forgotten (it then starts with a full bucket, which is what an idle client
would have anyway).

Not thread-safe by design: the app calls it from the event loop only.
"""

from __future__ import annotations

import ipaddress
import math
from collections import OrderedDict
from collections.abc import Callable

from wallet.sharing.server.config import RateLimit

MAX_CLIENTS = 100_000


def client_key(host: str | None) -> str:
    """The bucket key of a client address (IPv6 → its /64)."""
    if not host:
        return "unknown"
    try:
        addr = ipaddress.ip_address(host)
    except ValueError:
        return host[:64]
    if isinstance(addr, ipaddress.IPv6Address):
        if addr.ipv4_mapped is not None:
            return str(addr.ipv4_mapped)
        return str(ipaddress.IPv6Network((addr, 64), strict=False))
    return str(addr)


class TokenBuckets:
    """One bucket per client for one kind of request."""

    def __init__(self, limit: RateLimit, clock: Callable[[], float], max_clients: int = MAX_CLIENTS) -> None:
        self.limit = limit
        self.clock = clock
        self.max_clients = max_clients
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def take(self, client: str) -> float:
        """0.0 if the request may go ahead (a token is spent), else seconds until one is available."""
        now = self.clock()
        capacity = float(self.limit.capacity)
        tokens, last = self._buckets.pop(client, (capacity, now))
        tokens = min(capacity, tokens + max(0.0, now - last) * self.limit.refill_per_second)
        if tokens >= 1.0:
            self._store(client, tokens - 1.0, now)
            return 0.0
        self._store(client, tokens, now)
        return (1.0 - tokens) / self.limit.refill_per_second

    def _store(self, client: str, tokens: float, now: float) -> None:
        self._buckets[client] = (tokens, now)
        while len(self._buckets) > self.max_clients:
            self._buckets.popitem(last=False)

    def __len__(self) -> int:
        return len(self._buckets)


def retry_after(seconds: float) -> str:
    """The ``Retry-After`` value: whole seconds, at least 1."""
    return str(max(1, math.ceil(seconds)))
