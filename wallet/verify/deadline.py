"""One time budget per input: the deadline everything one input causes shares.

Kept apart from :mod:`wallet.verify.budget` (the JSON-LD work caps, which need
pyld) so that the engine can start an input's deadline without loading the
JSON-LD processor: a JWT or an EU seal never needs it (start-up time). The
rules are described in :mod:`wallet.verify.budget`.
"""

from __future__ import annotations

import time
from contextlib import AbstractContextManager
from contextvars import ContextVar, Token

#: Wall-clock seconds for everything one input causes; parsing before and the report after
#: stay well under the remaining second even for the largest input (benchmarks/bench_slow_inputs.py).
INPUT_SECONDS = 1.0

_DEADLINE: ContextVar[float | None] = ContextVar("wallet_input_deadline", default=None)


class _InputBudget:
    """The context manager :func:`input_budget` returns.

    A class rather than ``@contextmanager``: it is entered once for every
    credential verified, and a generator-based context manager costs several
    times as much to enter and leave.
    """

    __slots__ = ("_seconds", "_token")

    def __init__(self, seconds: float) -> None:
        self._seconds = seconds
        self._token: Token[float | None] | None = None

    def __enter__(self) -> None:
        if _DEADLINE.get() is None:  # else an outer call started the deadline: share it
            self._token = _DEADLINE.set(time.monotonic() + self._seconds)

    def __exit__(self, *exc_info: object) -> None:
        if self._token is not None:
            _DEADLINE.reset(self._token)
            self._token = None


def input_budget(seconds: float = INPUT_SECONDS) -> AbstractContextManager[None]:
    """Start the deadline for one input, unless an outer call already did (then share it)."""
    return _InputBudget(seconds)


def deadline() -> float | None:
    """The current input's deadline (``time.monotonic()`` value), if a verification is running."""
    return _DEADLINE.get()


def expired() -> bool:
    """Whether the current input's time is spent."""
    end = _DEADLINE.get()
    return end is not None and time.monotonic() > end
