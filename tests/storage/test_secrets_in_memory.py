"""Threat 6: after unlock and lock, no key and no passphrase is left in the process's memory.

A child process creates, unlocks, backs up and locks a vault with a
passphrase it reads into a bytearray, wipes its own copy, and waits. The
parent then reads the child's whole address space (``/proc/<pid>/maps`` and
``/proc/<pid>/mem``) and looks for the passphrase, the Argon2id master key,
the SQLCipher key (raw, and as the ``x'…'`` hex text SQLCipher is keyed
with) and the header MAC key. The needles live only in the parent. A marker
the child deliberately keeps shows that the scan does find what is there.

What remains with a ``str`` passphrase (the caller's own object, which no
one can wipe) is documented in docs/BACKUP_FORMAT.md, "Secrets in memory".
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from wallet.storage.header import VaultHeader, header_path
from wallet.storage.install import keys_of
from wallet.storage.kdf import derive_master

ROOT = Path(__file__).resolve().parents[2]

CHILD = r'''
import gc, io, sys
from pathlib import Path
from wallet.storage import KdfParams, Vault
from wallet.storage.kdf import wipe

path, length, marker = Path(sys.argv[1]), int(sys.argv[2]), bytes.fromhex(sys.argv[3])
stdin = io.FileIO(0, "rb", closefd=False)
passphrase = bytearray(length)  # read in place: no bytes object ever holds it
view, got = memoryview(passphrase), 0
while got < length:
    got += stdin.readinto(view[got:])
del view
with Vault.create(path, passphrase, KdfParams.floor()) as vault:
    vault.add_credential(b'{"id": 1}', "vc-ldp", {"t": 1}, "one.json")
with Vault.open(path, passphrase) as vault:  # unlock ...
    vault.count_credentials()
    vault.integrity_check()
    vault.backup(path.parent / "memory.backup")
# ... and lock
wipe(passphrase)
gc.collect()
print("ready", flush=True)
stdin.read(1)  # wait while the parent reads this process's memory
print(len(marker))
'''


def readable_memory(pid: int) -> list[bytes]:
    """Every readable mapping of process ``pid``."""
    chunks: list[bytes] = []
    with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/mem", "rb", 0) as mem:
        for line in maps:
            match = re.match(r"([0-9a-f]+)-([0-9a-f]+) (\S+)", line)
            if not match or not match.group(3).startswith("r") or "[vvar" in line or "[vsyscall]" in line:
                continue
            start, end = int(match.group(1), 16), int(match.group(2), 16)
            try:
                mem.seek(start)
                chunks.append(mem.read(end - start))
            except (OSError, ValueError, OverflowError):
                continue  # a mapping that cannot be read (guard pages, device memory)
    return chunks


def occurrences(chunks: list[bytes], needle: bytes) -> int:
    return sum(chunk.count(needle) for chunk in chunks)


def test_no_key_or_passphrase_remains_after_unlock_and_lock(tmp_path: Path) -> None:
    if not Path("/proc/self/mem").exists():
        pytest.skip("needs /proc (Linux) to read a process's memory")
    passphrase = ("memory test " + secrets.token_hex(12)).encode()
    marker = secrets.token_bytes(32)
    path = tmp_path / "vault.db"
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(CHILD), str(path), str(len(passphrase)), marker.hex()],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        child.stdin.write(passphrase)
        child.stdin.flush()
        assert child.stdout.readline().strip() == b"ready", child.stderr.read() if child.stderr else b""
        chunks = readable_memory(child.pid)
    finally:
        child.stdin.write(b"x")
        child.stdin.close()
        child.wait(timeout=60)
    assert child.returncode == 0

    header = VaultHeader.read(header_path(path))
    master = derive_master(bytearray(passphrase), header.salt, header.kdf)
    db_key, mac_key = keys_of(master)
    found = {
        "marker (control)": occurrences(chunks, marker),
        "passphrase": occurrences(chunks, passphrase),
        "master key": occurrences(chunks, bytes(master)),
        "SQLCipher key": occurrences(chunks, bytes(db_key)),
        "SQLCipher key as hex text": occurrences(chunks, bytes(db_key).hex().encode()),
        "header MAC key": occurrences(chunks, bytes(mac_key)),
    }
    assert found["marker (control)"] >= 1, found
    assert {k: v for k, v in found.items() if k != "marker (control)"} == {
        "passphrase": 0, "master key": 0, "SQLCipher key": 0, "SQLCipher key as hex text": 0, "header MAC key": 0,
    }, found
