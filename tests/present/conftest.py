"""Fixtures for presenting: the receive fixtures (peer, client, environment), and a vault holding one
credential of each format, received from the peer through the wallet's own receive use case."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from peers import Oid4vcPeer, oid4vc_peer  # noqa: F401 - re-exported session fixture
from receive.conftest import PASSPHRASE, client, faults, peer_env, vault, vault_path  # noqa: F401

from wallet.app.receive import inspect as inspect_offer
from wallet.app.receive_flow import accept
from wallet.online import OnlineClient, OnlineSettings
from wallet.storage import KdfParams, Vault

ALL = ["learning_credential_sd_jwt", "open_badge_jwt_vc_json", "open_badge_ldp_vc"]


def receive_all(peer: Oid4vcPeer, vault: Vault, client: OnlineClient) -> None:  # noqa: F811
    made = peer.offer(configurations=ALL)
    result = accept(inspect_offer(made["credential_offer_uri"], client=client, vault=vault), vault=vault,
                    client=client)
    assert result.all_stored, result.to_json()


@pytest.fixture(scope="module")
def held_path(oid4vc_peer: Oid4vcPeer, tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: F811
    """A vault file with the three credentials (made once per test module, copied per test)."""
    path = tmp_path_factory.mktemp("held") / "vault.db"
    Vault.create(path, PASSPHRASE, KdfParams.floor()).close()
    v = Vault.open(path, PASSPHRASE)
    try:
        receive_all(oid4vc_peer, v, OnlineClient(OnlineSettings(ca_bundle=oid4vc_peer.ca, allow_loopback=True)))
    finally:
        v.close()
    return path


@pytest.fixture
def held(held_path: Path, tmp_path: Path) -> Iterator[Vault]:
    """A fresh copy of the vault with the three credentials, open."""
    import shutil

    target = tmp_path / "wallet" / "vault.db"
    shutil.copytree(held_path.parent, target.parent)
    v = Vault.open(target, PASSPHRASE)
    try:
        yield v
    finally:
        v.close()
