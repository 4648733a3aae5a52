"""What an operator can set, with the defaults the share-service design in docs/SHARE_SERVICE.md asks for.

Kept free of Starlette and uvicorn so the CLI can validate its options before
loading them.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from wallet.errors import UsageError

MIB = 1024 * 1024
DAY = 86400
#: The largest sealed package the service accepts (the wallet refuses larger first).
MAX_BLOB = 2 * MIB
DEFAULT_EXPIRES = 30 * DAY
MIN_EXPIRES = 5 * 60
MAX_EXPIRES = 365 * DAY

_PERIODS = {"s": 1, "sec": 1, "min": 60, "m": 60, "h": 3600, "hour": 3600, "d": DAY, "day": DAY}
_RATE = re.compile(r"^\s*(\d{1,7})\s*/\s*([a-z]+)\s*$")


@dataclass(frozen=True)
class RateLimit:
    """A token bucket: ``capacity`` requests at once, refilled at ``capacity`` per ``period`` seconds."""

    capacity: int
    period: float

    @property
    def refill_per_second(self) -> float:
        return self.capacity / self.period

    @classmethod
    def parse(cls, text: str) -> RateLimit | None:
        """``"60/h"``, ``"300/min"``, ``"10/s"`` → a limit; ``"0"`` or ``"off"`` → no limit."""
        if text.strip().lower() in ("0", "off", "none"):
            return None
        match = _RATE.match(text.lower())
        if not match or match.group(2) not in _PERIODS or int(match.group(1)) < 1:
            raise UsageError(f"rate limit {text!r} is not like 60/h, 300/min or 10/s (or 'off')")
        return cls(int(match.group(1)), float(_PERIODS[match.group(2)]))


DEFAULT_UPLOAD_LIMIT = RateLimit(60, 3600.0)
DEFAULT_READ_LIMIT = RateLimit(300, 60.0)


@dataclass(frozen=True)
class ServerConfig:
    """Everything the app needs besides its store.

    ``public_url`` is the base of the links the service hands out (what the
    world reaches, e.g. behind a proxy), without a trailing slash.
    ``trusted_proxies`` are the addresses whose ``X-Forwarded-For`` and
    ``X-Forwarded-Proto`` are believed; from anyone else those headers are
    ignored, so a client cannot dodge its rate limit or fake HTTPS.
    ``clock`` returns Unix seconds; tests inject their own.
    """

    public_url: str
    static_dir: Path | None = None
    max_blob: int = MAX_BLOB
    default_expires: int = DEFAULT_EXPIRES
    min_expires: int = MIN_EXPIRES
    max_expires: int = MAX_EXPIRES
    upload_limit: RateLimit | None = DEFAULT_UPLOAD_LIMIT
    read_limit: RateLimit | None = DEFAULT_READ_LIMIT
    trusted_proxies: tuple[str, ...] = ()
    hsts: bool = False
    sweep_interval: float = 60.0
    clock: Callable[[], float] = field(default=time.time, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "public_url", self.public_url.rstrip("/"))
        if not re.match(r"^https?://[^/?#\s]+(/[^?#\s]*)?$", self.public_url):
            raise UsageError(f"the public URL {self.public_url!r} must be an http(s) URL without query or fragment")
        if not (0 < self.min_expires <= self.default_expires <= self.max_expires):
            raise UsageError("expiry bounds must satisfy 0 < minimum <= default <= maximum")
        if self.max_blob < 64:
            raise UsageError("the upload size cap must be at least 64 bytes")
        if self.sweep_interval <= 0:
            raise UsageError("the sweep interval must be positive")
