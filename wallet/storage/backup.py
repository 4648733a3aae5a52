"""The backup container: one portable file, encrypted and authenticated.

Layout (all integers big-endian; full description in docs/BACKUP_FORMAT.md)::

    magic "LWBACKUP" | u16 version | u32 header length H | header JSON (H bytes)
    | HMAC-SHA256 of everything before it (32 bytes) | chunk 0 | chunk 1 | ...

The header names the Argon2id parameters and salt; the key is split off the
Argon2id output with HKDF. Chunks are AES-256-GCM over at most ``chunk_size``
plaintext bytes with nonce = 7-byte random prefix | u32 counter | final flag
(the STREAM construction), and the header bytes as associated data. Every
chunk but the last is full, and only the last has the flag set, so
truncation, reordering, appended data and header edits all fail.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from wallet.atomic import write_atomic
from wallet.errors import BackupError, CorruptVault, VaultTooNew, WrongPassphrase
from wallet.storage.kdf import (
    INFO_BACKUP_KEY,
    INFO_BACKUP_MAC,
    SALT_LEN,
    KdfParams,
    Passphrase,
    derive_master,
    subkey,
    wipe,
)

MAGIC = b"LWBACKUP"
VERSION = 1
CHUNK_SIZE = 64 * 1024
MAX_HEADER = 4096
MAX_CHUNK = 16 * 1024 * 1024
TAG = 16
PREFIX_LEN = 7
_FIXED = struct.Struct(">8sHI")


class BackupPassphraseError(BackupError, WrongPassphrase):
    """The backup's header MAC failed: wrong passphrase, or a damaged header.

    Both a BackupError and a WrongPassphrase, so a UI can ask again.
    """


@dataclass(frozen=True)
class BackupKey:
    """Argon2id parameters, salt and the resulting master key for one backup.

    The master key is a bytearray so whoever holds the BackupKey can wipe it
    (:meth:`wipe`) as soon as it is no longer needed.
    """

    kdf: KdfParams
    salt: bytes
    master: bytearray

    def wipe(self) -> None:
        wipe(self.master)


def _nonce(prefix: bytes, counter: int, final: bool) -> bytes:
    return prefix + struct.pack(">IB", counter, 1 if final else 0)


def encode_backup(payload: Iterable[bytes], key: BackupKey) -> bytes:
    """Encrypt a stream of plaintext pieces into a complete backup file image."""
    prefix = os.urandom(PREFIX_LEN)
    header = json.dumps(
        {
            "cipher": "AES-256-GCM",
            "chunk_size": CHUNK_SIZE,
            "kdf": key.kdf.to_json(),
            "nonce_prefix": base64.b64encode(prefix).decode("ascii"),
            "payload": "learner-wallet-dump/1",
            "salt": base64.b64encode(key.salt).decode("ascii"),
        },
        sort_keys=True,
        separators=(",", ":"),
    ).encode("ascii")
    aad = _FIXED.pack(MAGIC, VERSION, len(header)) + header
    enc_key = subkey(key.master, INFO_BACKUP_KEY)
    mac_key = subkey(key.master, INFO_BACKUP_MAC)
    try:
        out = [aad, hmac.new(mac_key, aad, hashlib.sha256).digest()]
        aead = AESGCM(enc_key)
        buf = bytearray()
        counter = 0
        for piece in payload:
            buf += piece
            while len(buf) > CHUNK_SIZE:  # keep at least one byte back for the final chunk
                out.append(aead.encrypt(_nonce(prefix, counter, False), bytes(buf[:CHUNK_SIZE]), aad))
                del buf[:CHUNK_SIZE]
                counter += 1
        out.append(aead.encrypt(_nonce(prefix, counter, True), bytes(buf), aad))
        wipe(buf)
    finally:
        wipe(enc_key)
        wipe(mac_key)
    return b"".join(out)


def write_backup(out_path: Path, payload: Iterable[bytes], key: BackupKey) -> Path:
    """Encrypt and write atomically (temp file 0600, fsync, rename): all or nothing."""
    return write_atomic(out_path, encode_backup(payload, key))


def _parse_header(data: bytes) -> tuple[dict[str, Any], bytes, int]:
    if len(data) < _FIXED.size:
        raise BackupError("this is not a wallet backup (too short)")
    magic, version, hlen = _FIXED.unpack_from(data)
    if magic != MAGIC:
        raise BackupError("this is not a wallet backup (wrong magic bytes)")
    if version > VERSION:
        raise VaultTooNew(f"this backup has format version {version}; this wallet reads up to {VERSION}")
    if version < 1 or hlen > MAX_HEADER or len(data) < _FIXED.size + hlen + 32:
        raise BackupError("the backup header is damaged or truncated")
    aad = data[: _FIXED.size + hlen]
    try:
        header = json.loads(aad[_FIXED.size:].decode("ascii"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BackupError("the backup header is damaged") from exc
    if not isinstance(header, dict):
        raise BackupError("the backup header is damaged")
    return header, aad, _FIXED.size + hlen


@dataclass(frozen=True)
class _Params:
    kdf: KdfParams
    salt: bytes
    prefix: bytes
    chunk: int


def _params(header: dict[str, Any]) -> _Params:
    """Check the header fields (cipher, KDF floor/cap, sizes) before any derivation."""
    if header.get("cipher") != "AES-256-GCM" or header.get("payload") != "learner-wallet-dump/1":
        raise BackupError("the backup uses a cipher or payload this wallet does not know")
    try:
        kdf = KdfParams.from_json(header.get("kdf"), "backup header")  # type: ignore[arg-type]
    except CorruptVault as exc:
        raise BackupError(str(exc)) from exc
    try:
        salt = base64.b64decode(header.get("salt", ""), validate=True)
        prefix = base64.b64decode(header.get("nonce_prefix", ""), validate=True)
    except (TypeError, ValueError) as exc:
        raise BackupError("the backup header is damaged (salt or nonce)") from exc
    chunk = header.get("chunk_size")
    if len(salt) != SALT_LEN or len(prefix) != PREFIX_LEN or not isinstance(chunk, int) or not 1 <= chunk <= MAX_CHUNK:
        raise BackupError("the backup header is damaged (salt, nonce or chunk size)")
    return _Params(kdf, salt, prefix, chunk)


def _decrypt_chunks(data: bytes, pos: int, params: _Params, enc_key: bytearray, aad: bytes) -> bytes:
    """Decrypt the STREAM chunks from ``pos``; the chunk ending at EOF must be the final one."""
    aead = AESGCM(enc_key)
    plain: list[bytes] = []
    counter = 0
    while True:
        piece = data[pos : pos + params.chunk + TAG]
        final = pos + len(piece) >= len(data)
        if len(piece) < TAG or (not final and len(piece) != params.chunk + TAG):
            raise BackupError("the backup file is truncated")
        try:
            plain.append(aead.decrypt(_nonce(params.prefix, counter, final), piece, aad))
        except InvalidTag as exc:
            raise BackupError(
                f"the backup file is damaged or truncated (chunk {counter} failed authentication)"
            ) from exc
        pos += len(piece)
        counter += 1
        if final:
            return b"".join(plain)
        if counter >= 2**32:
            raise BackupError("the backup file is too large")


def read_backup(path: Path, passphrase: Passphrase) -> tuple[bytes, BackupKey]:
    """Check and decrypt a backup; return the plaintext payload and the key used.

    Raises BackupError for anything damaged, truncated or foreign, and
    BackupPassphraseError when the header MAC fails (wrong passphrase).
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise BackupError(f"cannot read the backup file: {exc.strerror}") from exc
    header, aad, pos = _parse_header(data)
    params = _params(header)
    master = derive_master(passphrase, params.salt, params.kdf)
    mac_key = subkey(master, INFO_BACKUP_MAC)
    good = hmac.compare_digest(hmac.new(mac_key, aad, hashlib.sha256).digest(), data[pos : pos + 32])
    wipe(mac_key)
    if not good:
        wipe(master)
        raise BackupPassphraseError("Wrong passphrase for this backup, or the backup file is damaged.")
    enc_key = subkey(master, INFO_BACKUP_KEY)
    try:
        payload = _decrypt_chunks(data, pos + 32, params, enc_key, aad)
    finally:
        wipe(enc_key)
    return payload, BackupKey(kdf=params.kdf, salt=params.salt, master=master)
