"""Offline verification of every credential format, and Data Integrity signing.

``verify(cred, ctx)`` and ``verify_bytes(raw, ctx)`` give a
:class:`~wallet.model.VerificationReport`; ``sign(...)`` adds a Data
Integrity proof. Imports are deferred (start-up time) so that
``wallet.verify.did`` and friends load without pulling in pyld.
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name in ("verify", "verify_bytes"):
        from wallet.verify import engine

        return getattr(engine, name)
    if name == "sign":
        from wallet.verify.dataintegrity.signing import sign

        return sign
    raise AttributeError(name)


__all__ = ["sign", "verify", "verify_bytes"]
