"""The fuzz targets for receiving (offers, issuer metadata, Token Status Lists) run clean on their own seeds.

``tools/fuzz.py oid4vci-offer|oid4vci-metadata|token-status`` mutates these seeds; here each seed must give
a result or a documented WalletError, with nothing contained by the engine, and the verdicts the seeds stand
for (a revoked, a suspended and a flagged entry of the Token Status List).
"""

from __future__ import annotations

import pytest

from tools.fuzzing.targets import TARGETS
from wallet.errors import WalletError
from wallet.verify import engine


@pytest.mark.parametrize("name", ["oid4vci-offer", "oid4vci-metadata", "token-status"])
def test_seeds_run_clean(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    contained: list[BaseException] = []
    monkeypatch.setattr(engine, "log_internal_error", lambda exc, _what: contained.append(exc))
    target = TARGETS[name]
    if target.setup is not None:
        target.setup()
    assert target.generated is not None
    seeds = list(target.generated(None))
    assert seeds
    for seed in seeds:
        try:
            target.run(seed)
        except WalletError:
            pass
        for junk in (seed[: len(seed) // 2], seed.replace(b"e", b"\xff"), b"", b"{}"):
            try:
                target.run(junk)
            except WalletError:
                pass
    assert contained == []


def test_the_token_status_seeds_read_as_revoked_suspended_and_flagged() -> None:
    from tools.fuzzing import targets
    from wallet.verify.context import VerificationContext
    from wallet.verify.engine import verify_bytes

    targets._token_setup()
    found = []
    for status_list in targets._TOKEN["lists"]:
        ctx = VerificationContext(now=targets.FUZZ_NOW, issuer_metadata={targets.OFFER_ISSUER: targets._TOKEN["metadata"]},
                                  token_status_lists={targets.TOKEN_URI: status_list})
        report = verify_bytes(targets._TOKEN["credential"], ctx)[1]
        found.append(report.check("status").message.id)  # type: ignore[union-attr]
    assert found == ["status.revoked", "status.suspended", "token_status.flagged"]
