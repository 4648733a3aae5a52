"""Verifying a big import on every core: a process pool for the checks, the vault left to the caller.

Verification is a pure function of (bytes, context) and takes nearly all of
an import's time, so a large batch is verified by worker processes while the
one process that holds the vault parses the batch first (it needs the status
lists the batch carries) and writes the results afterwards in one
transaction. The workers get the bytes and the finished
:class:`~wallet.verify.context.VerificationContext` (cached evidence from the
vault, the batch's own status lists, the holder keys), never the vault or its
key; they never touch the network (verification never does).

A pool costs about a third more CPU in all than one process (the fork server importing the
verification stack, each worker filling its own caches, parsing the bytes again, sending results
back), so it is used only from :data:`MIN_POOL_ITEMS` credentials, with two cores or more, and while
the cores are not all busy already (docs/PERFORMANCE.md, "Big imports"). The workers are started
with ``forkserver`` where the platform has it (``spawn`` elsewhere), never plain ``fork``: the
desktop app imports from a thread of a process with other threads, and a forked copy would also hold
the vault's key in memory.

Whenever a pool cannot be used (one core, busy cores, a bundled executable, a format registered at
run time that a fresh process would not know, a context that cannot be sent, a pool that will not
start or dies) :func:`check_all` returns None and the caller verifies in-process: same results, one
core.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from wallet.app.importing import Checked, check
from wallet.verify.context import VerificationContext
from wallet.verify.engine import parse_bytes

log = logging.getLogger(__name__)

#: Fewest credentials to verify for which a pool pays for its start-up: about 0.3 s before the first worker
#: verifies, against about 1.4 ms per credential in-process (docs/PERFORMANCE.md, "Big imports").
MIN_POOL_ITEMS = 400
#: Credentials per task: small enough for even progress and a quick cancel, big enough to keep IPC cheap.
CHUNK = 8
#: How often (seconds) the waiting parent looks at the cancel flag.
POLL = 0.05
#: Worker processes to use instead of one per core (1: always verify in-process).
WORKERS_ENV = "WALLET_IMPORT_WORKERS"


# -- in the worker -------------------------------------------------------------------
_ctx: VerificationContext | None = None


def _start_worker(ctx_bytes: bytes) -> None:
    global _ctx
    _ctx = pickle.loads(ctx_bytes)


def _check_chunk(chunk: list[tuple[int, bytes]]) -> list[tuple[int, Checked]]:
    assert _ctx is not None, "the worker was started without a context"
    # The parent parsed these same bytes already; parsing is deterministic, so this is the same credential.
    return [(index, check(parse_bytes(raw), _ctx)) for index, raw in chunk]


# -- in the parent -------------------------------------------------------------------
def _cores() -> int:
    """The cores this process may run on (its CPU affinity where the platform tells it)."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else (os.cpu_count() or 1)


def _busy(cores: int) -> bool:
    """Whether other work already keeps every core busy (the 1-minute load average, as ``make -l`` uses it)."""
    loadavg = getattr(os, "getloadavg", None)
    try:
        return loadavg is not None and loadavg()[0] >= cores
    except OSError:
        return False


def workers_for(count: int) -> int:
    """How many worker processes ``count`` credentials are worth (0: verify in-process).

    One per core, unless the cores are busy already: the pool costs about a
    third more CPU in all (its start-up, each worker's own caches, parsing
    again), which only pays when a core would otherwise be idle.
    ``WALLET_IMPORT_WORKERS`` overrides both (1 turns the pool off; the tests
    set 2 to use it on any machine).
    """
    if getattr(sys, "frozen", False):
        return 0  # a bundled executable would start itself again as the fork server
    wanted = os.environ.get(WORKERS_ENV, "").strip()
    if wanted.isdigit():
        workers = int(wanted)
    else:
        workers = _cores()
        if _busy(workers):
            return 0
    if workers < 2 or count < MIN_POOL_ITEMS:
        return 0
    return min(workers, -(-count // CHUNK))


def _registry_is_builtin() -> bool:
    """Whether every format is a built-in one (a fresh worker process knows only those)."""
    from wallet.formats import registry

    return all(entry.format.value in registry._BUILTIN_VALUES for entry in registry.entries())


def _preload() -> list[str]:
    """Modules the fork server imports once, so every worker starts with the verification stack loaded."""
    from wallet.formats import registry

    refs = {ref for entry in registry.BUILTIN for ref in (entry.parse, entry.verify) if isinstance(ref, str)}
    return [__name__, *sorted({ref.partition(":")[0] for ref in refs})]


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_preload())
        return ctx
    return multiprocessing.get_context("spawn")


def warm_up(count: int) -> None:
    """Start the fork server now when ``count`` items will likely need the pool.

    It imports the verification stack (about 0.3 s) while this process reads
    and parses the batch, instead of after. Best effort: a server that cannot
    start here is met again, and handled, by :func:`check_all`.
    """
    if workers_for(count) == 0 or not _registry_is_builtin():
        return
    try:
        ctx = _context()
        if ctx.get_start_method() == "forkserver":
            from multiprocessing import forkserver

            forkserver.ensure_running()
    except (OSError, ValueError, ImportError, RuntimeError) as exc:
        log.info("the import's fork server did not start early (%s)", exc)


def check_all(
    jobs: Sequence[tuple[int, bytes]],
    ctx: VerificationContext,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[int, Checked] | None:
    """Verify ``(index, raw)`` jobs in worker processes; None when a pool is not worth it or not possible.

    ``progress`` is called with the number of credentials finished so far, as
    chunks come back. When ``cancelled()`` turns true the pending work is
    dropped and an empty dict is returned at once: the caller raises its
    Cancelled. Exceptions from verification itself travel back and are raised
    here, as in-process.
    """
    workers = workers_for(len(jobs))
    if workers == 0 or not _registry_is_builtin():
        return None
    try:
        ctx_bytes = pickle.dumps(ctx, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return None  # something in the context cannot travel: verify in-process
    chunks = [list(jobs[i : i + CHUNK]) for i in range(0, len(jobs), CHUNK)]
    out: dict[int, Checked] = {}
    try:
        pool = ProcessPoolExecutor(workers, mp_context=_context(), initializer=_start_worker, initargs=(ctx_bytes,))
    except (OSError, ValueError, ImportError, NotImplementedError, RuntimeError):
        return None  # no processes or semaphores here (a sandbox): verify in-process
    try:
        pending: set[Future[list[tuple[int, Checked]]]] = {pool.submit(_check_chunk, c) for c in chunks}
        while pending:
            if cancelled is not None and cancelled():
                return {}
            done, pending = wait(pending, timeout=POLL, return_when=FIRST_COMPLETED)
            for future in done:
                out.update(future.result())
            if done and progress is not None:
                progress(len(out))
    except (BrokenProcessPool, OSError, RuntimeError) as exc:
        # A worker that died (killed, out of memory) or a process that could not start: the batch is
        # verified again in-process, which also raises any error verification itself would raise.
        log.warning("the import's worker processes stopped (%s); verifying in this process", exc)
        return None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return out
