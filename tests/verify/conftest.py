"""Fixtures for the verification tests: the peer corpus as a verification context."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from wallet.verify.context import VerificationContext


def load_corpus(directory: Path) -> tuple[dict[str, Any], Callable[[dict[str, Any]], VerificationContext]]:
    """The manifest and a context factory (clock at createdAt + 1 minute, its status lists)."""
    manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    now = datetime.fromisoformat(manifest["createdAt"]) + timedelta(minutes=1)
    lists = {url: (directory / name).read_bytes() for url, name in manifest.get("statusLists", {}).items()}

    def ctx_for(entry: dict[str, Any]) -> VerificationContext:
        return VerificationContext(
            now=now, status_lists=lists, challenge=entry.get("challenge"), domain=entry.get("domain")
        )

    return manifest, ctx_for


def expected_of(verdict: str) -> str:
    """Manifest vocabulary: 'valid' covers valid-with-warnings (the trust-store warning)."""
    return {"valid": "valid", "valid-with-warnings": "valid", "invalid": "invalid"}.get(verdict, verdict)


@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any attempt to open a socket fails the test (threat "remote context fetch" in docs/THREATS.md)."""

    class _Refused(socket.socket):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            raise AssertionError("network access attempted during verification")

    def _refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("network access attempted during verification")

    monkeypatch.setattr(socket, "socket", _Refused)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
    yield
