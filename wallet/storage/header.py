"""The plaintext sidecar header: format version, Argon2id parameters and salt.

SQLCipher only sees a raw key, so whatever is needed to turn the passphrase
into that key lives next to the database in ``<vault>.header`` (JSON, see
docs/BACKUP_FORMAT.md). It holds no secret, but it is authenticated with
HMAC-SHA256 under a key split off the Argon2id output, so any change to it
is detected once the passphrase is known, and its parameters are checked
against the floor and cap *before* deriving (see ``kdf.py``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wallet.errors import CorruptVault, VaultTooNew
from wallet.storage.kdf import SALT_LEN, KdfParams

FORMAT = "learner-wallet-vault-header"
VERSION = 1
MAX_HEADER_BYTES = 4096


def header_path(db_path: Path) -> Path:
    """Where the header of the vault at ``db_path`` lives."""
    return db_path.with_name(db_path.name + ".header")


def pending_header_path(db_path: Path) -> Path:
    """A header not yet in force: written before a rekey or a create, promoted after."""
    return db_path.with_name(db_path.name + ".header.pending")


@dataclass(frozen=True)
class VaultHeader:
    """One parsed header. ``mac`` is empty until :meth:`encode` signs it."""

    kdf: KdfParams
    salt: bytes
    version: int = VERSION
    mac: bytes = b""

    @staticmethod
    def new(kdf: KdfParams) -> VaultHeader:
        """A header with a fresh random salt."""
        return VaultHeader(kdf=kdf.check("new vault"), salt=os.urandom(SALT_LEN))

    def _body(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": self.version,
            "kdf": self.kdf.to_json(),
            "salt": base64.b64encode(self.salt).decode("ascii"),
        }

    def signed_bytes(self) -> bytes:
        """The canonical bytes the MAC covers (sorted keys, no spaces)."""
        return json.dumps(self._body(), sort_keys=True, separators=(",", ":")).encode("ascii")

    def compute_mac(self, mac_key: bytes | bytearray) -> bytes:
        return hmac.new(mac_key, self.signed_bytes(), hashlib.sha256).digest()

    def verify(self, mac_key: bytes | bytearray) -> bool:
        """Whether the stored MAC matches (constant-time compare)."""
        return hmac.compare_digest(self.compute_mac(mac_key), self.mac)

    def encode(self, mac_key: bytes | bytearray) -> bytes:
        """The file content, signed with ``mac_key``."""
        body = self._body()
        body["mac"] = self.compute_mac(mac_key).hex()
        return (json.dumps(body, sort_keys=True, indent=1) + "\n").encode("ascii")

    @staticmethod
    def decode(data: bytes, what: str = "vault header") -> VaultHeader:
        """Parse a header file strictly; the KDF parameters are checked, the MAC is not yet."""
        if len(data) > MAX_HEADER_BYTES:
            raise CorruptVault(f"the {what} is too large to be a header; refusing it")
        try:
            obj = json.loads(data.decode("ascii"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise CorruptVault(f"the {what} is not readable (damaged?)") from exc
        if not isinstance(obj, dict) or obj.get("format") != FORMAT:
            raise CorruptVault(f"the {what} is not a learner-wallet vault header")
        version = obj.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise CorruptVault(f"the {what} has a malformed version")
        if version > VERSION:
            raise VaultTooNew(
                f"the {what} has format version {version}; this wallet reads up to {VERSION}. "
                "Update the wallet to open it."
            )
        kdf = KdfParams.from_json(obj.get("kdf"), what)  # type: ignore[arg-type]
        try:
            salt = base64.b64decode(obj.get("salt", ""), validate=True)
            mac = bytes.fromhex(obj.get("mac", ""))
        except (TypeError, ValueError) as exc:
            raise CorruptVault(f"the {what} has a malformed salt or MAC") from exc
        if len(salt) != SALT_LEN or len(mac) != hashlib.sha256().digest_size:
            raise CorruptVault(f"the {what} has a salt or MAC of the wrong length")
        return VaultHeader(kdf=kdf, salt=salt, version=version, mac=mac)

    @staticmethod
    def read(path: Path, what: str = "vault header") -> VaultHeader:
        with open(path, "rb") as fh:
            data = fh.read(MAX_HEADER_BYTES + 1)
        return VaultHeader.decode(data, what)
