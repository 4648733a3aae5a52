"""An in-memory stand-in for the vault's target and credential methods (same names and errors)."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from wallet import codec
from wallet.errors import NotFound
from wallet.messages import msg
from wallet.model import Check, CheckId, CheckStatus, Credential, VerificationReport


@dataclass(frozen=True)
class FakeStored:
    id: str
    raw: bytes
    format: str
    parsed: dict[str, Any]
    report: dict[str, Any] | None


class FakeVault:
    def __init__(self) -> None:
        self.targets: dict[str, dict[str, Any]] = {}
        self.credentials: list[FakeStored] = []

    def put_target(self, id: str, data: dict[str, Any]) -> None:
        self.targets[id] = copy.deepcopy(data)

    def list_targets(self) -> list[dict[str, Any]]:
        return [copy.deepcopy(d) for d in self.targets.values()]

    def get_target(self, id: str) -> dict[str, Any]:
        if id not in self.targets:
            raise NotFound(f"no target {id!r}")
        return copy.deepcopy(self.targets[id])

    def remove_target(self, id: str) -> None:
        if self.targets.pop(id, None) is None:
            raise NotFound(f"no target {id!r}")

    def list_credentials(self) -> list[FakeStored]:
        return list(self.credentials)

    def add(self, cid: str, credential: Credential, checks: list[Check] | None) -> None:
        report = None
        if checks is not None:
            report = VerificationReport(credential.format, tuple(checks), datetime(2026, 5, 1, tzinfo=UTC)).to_json()
        self.credentials.append(FakeStored(cid, b"{}", credential.format.value, codec.to_json(credential), report))


def passed(name: str = "signature") -> Check:
    return Check(CheckId(name), CheckStatus.PASSED, msg("signature.ok"), essential=True)
