"""Fixtures for receiving: the oid4vc reference peer, a vault, and the environment the CLI reads.

The peer runs for the whole session (``tests/peers.py``); global fault switches
are reset around every test that sets one (:func:`faults`), so tests stay
independent whatever their order.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from peers import Oid4vcPeer, oid4vc_peer  # noqa: F401 - re-exported session fixture

from wallet.online import OnlineClient, OnlineSettings
from wallet.storage import KdfParams, Vault

PASSPHRASE = "receive tests passphrase"


@pytest.fixture
def peer_env(oid4vc_peer: Oid4vcPeer, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:  # noqa: F811
    """The environment ``wallet receive`` honours: the peer's CA, loopback allowed (tests only)."""
    env = {"WALLET_CA_BUNDLE": oid4vc_peer.ca, "WALLET_ONLINE_ALLOW_LOOPBACK": "1", "WALLET_PASSPHRASE": PASSPHRASE}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("WALLET_OFFLINE", raising=False)
    return env


@pytest.fixture
def client(oid4vc_peer: Oid4vcPeer) -> OnlineClient:  # noqa: F811
    return OnlineClient(OnlineSettings(ca_bundle=oid4vc_peer.ca, allow_loopback=True))


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    path = tmp_path / "wallet" / "vault.db"
    Vault.create(path, PASSPHRASE, KdfParams.floor()).close()
    return path


@pytest.fixture
def vault(vault_path: Path) -> Iterator[Vault]:
    v = Vault.open(vault_path, PASSPHRASE)
    try:
        yield v
    finally:
        v.close()


@pytest.fixture
def faults(oid4vc_peer: Oid4vcPeer) -> Callable[..., Any]:  # noqa: F811
    """``with faults("wrong_signing_key"):`` the peer misbehaves globally, and is reset after."""

    @contextlib.contextmanager
    def enabled(*names: str) -> Iterator[None]:
        oid4vc_peer.admin("POST", "/admin/faults", {"reset": True, "enable": list(names)})
        try:
            yield
        finally:
            oid4vc_peer.admin("POST", "/admin/faults", {"reset": True})

    return enabled
