"""Fixtures for the vault tests: real SQLCipher, KDF at the floor (64 MiB, t=3, p=4)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from wallet.storage import KdfParams, Vault

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def kdf() -> KdfParams:
    """The weakest parameters the product accepts; never below it, even in tests."""
    return KdfParams.floor()


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "vaultdir" / "vault.db"


@pytest.fixture
def vault(vault_path: Path, kdf: KdfParams) -> Iterator[Vault]:
    v = Vault.create(vault_path, PASSPHRASE, kdf)
    try:
        yield v
    finally:
        v.close()


def _credential(i: int, marker: str = "", size: int = 600) -> tuple[bytes, str, dict, str, dict | None]:
    """A realistic-looking JSON credential item for ``add_credentials``."""
    doc = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "id": f"urn:uuid:cred-{i}",
        "name": f"Course {i} {marker}",
        "filler": "x" * size,
    }
    raw = json.dumps(doc).encode()
    parsed = {"format": "vc-ldp", "title": {"en": f"Course {i} {marker}"}, "id": doc["id"]}
    return raw, "vc-ldp", parsed, f"file-{i}.json", {"verdict": "valid", "checks": []}


@pytest.fixture
def make_credential():  # type: ignore[no-untyped-def]
    """The credential factory, as a fixture (test modules do not import conftest)."""
    return _credential
