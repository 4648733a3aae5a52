"""One time budget per input: the deadline everything one input causes shares.

Kept apart from :mod:`wallet.verify.budget` (the JSON-LD work caps, which need
pyld) so that the engine can start an input's deadline without loading the
JSON-LD processor: a JWT or an EU seal never needs it (start-up time). The
rules are described in :mod:`wallet.verify.budget`.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

#: Wall-clock seconds for everything one input causes; parsing before and the report after
#: stay well under the remaining second even for the largest input (benchmarks/bench_slow_inputs.py).
INPUT_SECONDS = 1.0

_DEADLINE: ContextVar[float | None] = ContextVar("wallet_input_deadline", default=None)


@contextmanager
def input_budget(seconds: float = INPUT_SECONDS) -> Iterator[None]:
    """Start the deadline for one input, unless an outer call already did (then share it)."""
    if _DEADLINE.get() is not None:
        yield
        return
    token = _DEADLINE.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def deadline() -> float | None:
    """The current input's deadline (``time.monotonic()`` value), if a verification is running."""
    return _DEADLINE.get()


def expired() -> bool:
    """Whether the current input's time is spent."""
    end = _DEADLINE.get()
    return end is not None and time.monotonic() > end
