"""Passphrase to key: Argon2id parameters, their floor and cap, and key derivation.

The vault and backup headers are plaintext, so anyone who can write to them
can change the parameters. Every parameter set read from disk therefore goes
through :meth:`KdfParams.check` *before* any derivation: below the floor would
be a downgrade (cheaper guessing), above the cap a denial of service (a 64 GiB
allocation). Both are refused, never silently adjusted.

One Argon2id run gives a 32-byte master key; independent keys for SQLCipher,
the header MAC and backups are split off it with HKDF-SHA256, so no key is
used for two purposes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from wallet.errors import CorruptVault, UsageError, VaultError

KEY_LEN = 32
SALT_LEN = 16

#: RFC 9106 second recommendation / Bitwarden default: never go below this.
FLOOR_MEMORY_KIB = 65_536
FLOOR_ITERATIONS = 3
FLOOR_LANES = 4
#: Values beyond these in a header are absurd (or an attack): refuse them.
CAP_MEMORY_KIB = 4 * 1024 * 1024
CAP_ITERATIONS = 20
CAP_LANES = 16

#: Environment override of the parameters for *new* vaults (tests, slow machines),
#: e.g. ``WALLET_KDF="m=65536,t=3,p=4"``. It cannot go below the floor.
ENV_KDF = "WALLET_KDF"

# HKDF "info" labels: one per purpose, versioned with the formats that use them.
INFO_SQLCIPHER = b"learner-wallet/v1/sqlcipher-key"
INFO_HEADER_MAC = b"learner-wallet/v1/vault-header-mac"
INFO_BACKUP_KEY = b"learner-wallet/v1/backup-key"
INFO_BACKUP_MAC = b"learner-wallet/v1/backup-header-mac"


class KdfRefused(CorruptVault):
    """KDF parameters read from a file are outside the floor/cap window."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters (memory in KiB, passes, lanes)."""

    memory_kib: int = 262_144
    iterations: int = 3
    lanes: int = 4

    def check(self, what: str = "vault header") -> KdfParams:
        """Return ``self`` if within floor and cap; raise :class:`KdfRefused` otherwise.

        Called before deriving anything, so a tampered header costs nothing.
        """
        for name, value, floor, cap in (
            ("memory", self.memory_kib, FLOOR_MEMORY_KIB, CAP_MEMORY_KIB),
            ("iterations", self.iterations, FLOOR_ITERATIONS, CAP_ITERATIONS),
            ("lanes", self.lanes, FLOOR_LANES, CAP_LANES),
        ):
            if not isinstance(value, int) or isinstance(value, bool):
                raise KdfRefused(f"the {what} has a malformed Argon2id {name} parameter; refusing it")
            if value < floor:
                raise KdfRefused(
                    f"the {what} asks for Argon2id {name}={value}, below the floor of {floor}; "
                    "refusing it (the file may have been tampered with)"
                )
            if value > cap:
                raise KdfRefused(
                    f"the {what} asks for Argon2id {name}={value}, above the cap of {cap}; "
                    "refusing it (the file may have been tampered with)"
                )
        return self

    def to_json(self) -> dict[str, Any]:
        return {
            "algorithm": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }

    @staticmethod
    def from_json(data: Mapping[str, Any], what: str = "vault header") -> KdfParams:
        """Parse and check parameters read from a file (malformed -> CorruptVault)."""
        if not isinstance(data, Mapping) or data.get("algorithm") != "argon2id":
            raise KdfRefused(f"the {what} names an unknown key derivation; refusing it")
        params = KdfParams(data.get("memory_kib"), data.get("iterations"), data.get("lanes"))  # type: ignore[arg-type]
        return params.check(what)

    @staticmethod
    def floor() -> KdfParams:
        """The weakest parameters ever accepted (also the fast value for tests)."""
        return KdfParams(FLOOR_MEMORY_KIB, FLOOR_ITERATIONS, FLOOR_LANES)

    @staticmethod
    def default() -> KdfParams:
        """Parameters for new vaults: 256 MiB/t=3/p=4, or ``$WALLET_KDF`` (never below the floor)."""
        spec = os.environ.get(ENV_KDF, "").strip()
        if not spec:
            return KdfParams()
        match = re.fullmatch(r"m=(\d+),t=(\d+),p=(\d+)", spec.replace(" ", ""))
        if not match:
            raise UsageError(f"{ENV_KDF} must look like m=65536,t=3,p=4 (memory KiB, passes, lanes)")
        params = KdfParams(*(int(g) for g in match.groups()))
        try:
            return params.check(ENV_KDF)
        except KdfRefused as exc:
            raise UsageError(str(exc)) from exc


#: A passphrase as the vault accepts it. A bytearray is used in place and can be wiped by its
#: owner; a str cannot be wiped by anyone (see docs/BACKUP_FORMAT.md, "Secrets in memory").
Passphrase = str | bytes | bytearray


def utf8_buffer(passphrase: Passphrase) -> bytearray:
    """The passphrase's UTF-8 bytes in a new, wipeable bytearray.

    A str is encoded one character at a time: ``str.encode`` would build an
    immutable bytes copy of the whole passphrase that no one can wipe. Single
    characters below U+0100 and single bytes are objects CPython caches, so no
    new object ever holds more than one character of the passphrase.
    """
    if isinstance(passphrase, (bytes, bytearray)):
        return bytearray(passphrase)
    # Sized first: a growing bytearray reallocates and leaves the old, unwiped buffer behind.
    out = bytearray(sum(len(char.encode("utf-8")) for char in passphrase))
    pos = 0
    for char in passphrase:
        for byte in char.encode("utf-8"):
            out[pos] = byte
            pos += 1
    return out


def _into(kdf: Any, material: bytes | bytearray) -> bytearray:
    """Run a KDF straight into a bytearray (``derive_into``), so no immutable copy of the key exists."""
    out = bytearray(KEY_LEN)
    derive_into = getattr(kdf, "derive_into", None)
    if derive_into is not None:
        derive_into(material, out)
    else:  # cryptography without derive_into: the returned bytes cannot be wiped
        out[:] = kdf.derive(bytes(material))
    return out


def derive_master(passphrase: Passphrase, salt: bytes, params: KdfParams) -> bytearray:
    """Argon2id(passphrase, salt) -> 32-byte master key, as a wipeable bytearray.

    A bytearray passphrase is read in place; any copy made here is wiped.
    """
    params.check("key derivation request")
    if len(salt) != SALT_LEN:
        raise CorruptVault("the salt has the wrong length; refusing it")
    try:
        kdf = Argon2id(
            salt=salt,
            length=KEY_LEN,
            iterations=params.iterations,
            lanes=params.lanes,
            memory_cost=params.memory_kib,
        )
    except UnsupportedAlgorithm as exc:  # OpenSSL < 3.2
        raise VaultError("this system's OpenSSL has no Argon2id (OpenSSL 3.2 or newer is needed)") from exc
    material = passphrase if isinstance(passphrase, bytearray) else utf8_buffer(passphrase)
    try:
        return _into(kdf, material)
    finally:
        _scrub_argon2_input(len(material), len(salt))
        if material is not passphrase:
            wipe(material)


def _scrub_argon2_input(pass_len: int, salt_len: int) -> None:
    """Overwrite the copy of the passphrase that the Argon2id call leaves in freed memory.

    cryptography hands the password to OpenSSL in an ``OSSL_PARAM`` block
    (built with ``OSSL_PARAM_BLD``) that is freed without being cleansed, so
    the passphrase stays in the heap (found by tests/storage/test_secrets_in_memory.py).
    A second, nearly free Argon2id call with an all-zero password of the
    same length builds a block of the same size, which the allocator hands
    out from the chunk just freed: the zeros overwrite the passphrase. Best
    effort (it relies on the allocator reusing the chunk, as glibc's does);
    the memory test checks that it works here.
    """
    scrub = Argon2id(salt=bytes(salt_len), length=KEY_LEN, iterations=1, lanes=1, memory_cost=8)
    _into(scrub, bytes(pass_len))


def subkey(master: bytes | bytearray, info: bytes) -> bytearray:
    """An independent 32-byte key for one purpose, split off the master key with HKDF."""
    return _into(HKDF(algorithm=hashes.SHA256(), length=KEY_LEN, salt=None, info=info), master)


def wipe(buf: bytearray) -> None:
    """Overwrite a key buffer in place (its owner's copy; see docs for what else remains)."""
    buf[:] = bytes(len(buf))
