"""Threat 2: one changed byte anywhere in the database file.

Every page of a small vault gets one flipped byte, one page at a time; the
offset cycles through the start of the page (page 1: SQLCipher's salt), the
encrypted body and the IV/HMAC tail. Each open must
either raise WrongPassphrase/CorruptVault or return exactly the original data:
never different data, never a silent repair.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from wallet.errors import CorruptVault, WrongPassphrase
from wallet.storage import KdfParams, Vault

from .conftest import PASSPHRASE

PAGE = 4096


def _snapshot(v: Vault) -> tuple:
    return (
        [(c.id, c.raw, c.parsed, c.report) for c in v.list_credentials()],
        v.holder_did(),
        v.list_evidence("status-list"),
    )


@pytest.mark.slow
def test_flip_one_byte_in_every_page(tmp_path: Path, kdf: KdfParams, make_credential) -> None:
    path = tmp_path / "v.db"
    with Vault.create(path, PASSPHRASE, kdf) as v:
        v.add_credentials([make_credential(i, size=1500) for i in range(6)])
        v.put_evidence("status-list", "https://s/1", b"\x1f\x8b" * 300)
        expected = _snapshot(v)
    original = path.read_bytes()
    pages = len(original) // PAGE
    assert len(original) % PAGE == 0 and 3 <= pages <= 48  # schema 4 added the presentations table and index
    rng = random.Random(1234)
    outcomes = {"refused": 0, "unchanged": 0}
    for page in range(pages):
        regions = ((0, 16), (16, PAGE - 80), (PAGE - 80, PAGE))
        lo, hi = regions[page % 3]
        for offset in (rng.randrange(lo, hi),):
            data = bytearray(original)
            data[page * PAGE + offset] ^= 1 << rng.randrange(8)
            path.write_bytes(data)
            try:
                with Vault.open(path, PASSPHRASE) as v:
                    got = _snapshot(v)
                    v.integrity_check()
            except (CorruptVault, WrongPassphrase) as exc:
                assert PASSPHRASE not in str(exc)
                outcomes["refused"] += 1
                continue
            assert got == expected, f"page {page} offset {offset}: wrong data returned"
            outcomes["unchanged"] += 1
    path.write_bytes(original)
    with Vault.open(path, PASSPHRASE) as v:
        assert _snapshot(v) == expected
    # Every page is authenticated, so every flip must have been caught.
    assert outcomes["refused"] == pages, outcomes


def test_corrupt_page_is_named(tmp_path: Path, kdf: KdfParams, make_credential) -> None:
    path = tmp_path / "v.db"
    with Vault.create(path, PASSPHRASE, kdf) as v:
        v.add_credentials([make_credential(i, size=3000) for i in range(4)])
    data = bytearray(path.read_bytes())
    data[2 * PAGE + 100] ^= 0x40
    path.write_bytes(data)
    with pytest.raises(CorruptVault, match=r"cipher_integrity_check.*page 3"):
        Vault.open(path, PASSPHRASE)
    assert path.read_bytes() == bytes(data)  # left as it was
