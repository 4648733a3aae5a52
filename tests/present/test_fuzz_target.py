"""The ``oid4vp-request`` fuzz target runs clean on its seeds (generated and committed) and on their halves:
a result or a documented WalletError, never anything else."""

from __future__ import annotations

from pathlib import Path

from tools.fuzzing.targets import COMMITTED_SEEDS, TARGETS
from wallet.errors import WalletError


def test_oid4vp_request_seeds_run_clean() -> None:
    target = TARGETS["oid4vp-request"]
    assert target.generated is not None
    seeds = list(target.generated(None)) + [p.read_bytes() for p in sorted(Path(COMMITTED_SEEDS, target.name).iterdir())]
    assert len(seeds) >= 10
    for seed in seeds:
        for data in (seed, seed[: len(seed) // 2], seed.replace(b"e", b"\xff"), b"", b"{}", b"openid4vp://?"):
            try:
                target.run(data)
            except WalletError:
                pass
