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


def derive_master(passphrase: str, salt: bytes, params: KdfParams) -> bytearray:
    """Argon2id(passphrase, salt) -> 32-byte master key, as a wipeable bytearray."""
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
    return bytearray(kdf.derive(passphrase.encode("utf-8")))


def subkey(master: bytes | bytearray, info: bytes) -> bytearray:
    """An independent 32-byte key for one purpose, split off the master key with HKDF."""
    return bytearray(HKDF(algorithm=hashes.SHA256(), length=KEY_LEN, salt=None, info=info).derive(bytes(master)))


def wipe(buf: bytearray) -> None:
    """Overwrite a key buffer (best effort: Python may hold other copies)."""
    for i in range(len(buf)):
        buf[i] = 0
