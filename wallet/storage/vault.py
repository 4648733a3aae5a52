"""The Vault: life cycle of the encrypted store (create, open, rekey, backup, restore).

The table operations live in ``records.py`` and ``catalog.py``; this module
owns the keys and the files. Key handling: Argon2id runs once per open and
gives a master key; SQLCipher gets an HKDF subkey as a raw key, the header
MAC another. The master key is kept (in a wipeable buffer) only so a backup
can be made with the vault passphrase without asking for it again.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from wallet.atomic import write_atomic
from wallet.errors import (
    BackupError,
    CorruptVault,
    NoVault,
    VaultError,
    VaultExists,
    WrongPassphrase,
)
from wallet.storage import faults, files, holder_key
from wallet.storage.backup import BackupKey, write_backup
from wallet.storage.catalog import CatalogStore
from wallet.storage.connection import (
    Connection,
    DatabaseError,
    cipher_integrity_check,
    cipher_version,
    connect,
    db_errors,
    give_key,
    sqlite_integrity_check,
    transaction,
)
from wallet.storage.dump import dump_lines
from wallet.storage.evidence import EvidenceStore
from wallet.storage.header import VaultHeader, header_path, pending_header_path
from wallet.storage.holder_keys import HolderKeyStore
from wallet.storage.install import build_database, install, keys_of
from wallet.storage.kdf import KdfParams, Passphrase, derive_master, wipe
from wallet.storage.presentations import PresentationStore
from wallet.storage.records import CredentialStore, iso, utc_now
from wallet.storage.restore import restore_files
from wallet.storage.schema import check_supported, migrate, schema_version


class _KeyMismatch(Exception):
    """Internal: this header's key does not open the database (try the next one)."""

    def __init__(self, error: WrongPassphrase, mac_ok: bool) -> None:
        super().__init__(str(error))
        self.error, self.mac_ok = error, mac_ok


class Vault(CredentialStore, EvidenceStore, CatalogStore, HolderKeyStore, PresentationStore):
    """An open, unlocked vault. Use from one thread at a time."""

    def __init__(self, path: Path, conn: Connection, header: VaultHeader, master: bytearray) -> None:
        """Internal: use :meth:`create`, :meth:`open` or :meth:`restore`."""
        self.path = path
        self._conn: Connection | None = conn
        self._header = header
        self._master = master

    # -- life cycle -------------------------------------------------------------
    @staticmethod
    def exists(path: str | os.PathLike[str]) -> bool:
        """Whether a vault database is at ``path``."""
        return Path(path).is_file()

    @classmethod
    def create(cls, path: str | os.PathLike[str], passphrase: Passphrase, kdf: KdfParams | None = None) -> Vault:
        """Create a new vault with a fresh holder key; VaultExists if one is there."""
        path = Path(path)
        if path.exists() or header_path(path).exists():
            raise VaultExists(f"a vault already exists at {path}; it was left untouched")
        if not passphrase:
            raise VaultError("an empty passphrase is not allowed")
        path.parent.mkdir(parents=True, exist_ok=True)
        header = VaultHeader.new(kdf or KdfParams.default())
        master = derive_master(passphrase, header.salt, header.kdf)
        db_key, mac_key = keys_of(master)

        def populate(conn: Connection) -> None:
            migrate(conn)
            did, seed = holder_key.generate()
            with transaction(conn):
                conn.execute(
                    "INSERT INTO holder_key (did, private_key, created_at) VALUES (?, ?, ?)",
                    (did, seed, iso(utc_now())),
                )

        tmp = files.temp_db_path(path, "creating")
        try:
            build_database(tmp, db_key, populate)
            install(tmp, path, header.encode(mac_key))
        except OSError as exc:
            raise faults.os_error(exc, path, "the vault was not created") from exc
        finally:
            files.remove_db_files(tmp)
            wipe(mac_key)
        try:
            conn = connect(path, db_key)
        finally:
            wipe(db_key)
        return cls(path, conn, header, master)

    @classmethod
    def open(cls, path: str | os.PathLike[str], passphrase: Passphrase) -> Vault:
        """Unlock a vault: NoVault, WrongPassphrase, CorruptVault or VaultTooNew on failure.

        Tries the header, then a pending header left by an interrupted create
        or passphrase change, and finishes that step. Never repairs or resets.
        """
        path = Path(path)
        if not path.is_file():
            raise NoVault(f"no vault at {path}")
        candidates = [p for p in (header_path(path), pending_header_path(path)) if p.is_file()]
        if not candidates:
            raise CorruptVault(
                f"the vault header {header_path(path).name} is missing, so the key cannot be derived; "
                "the vault was left untouched (restore the header or a backup)"
            )
        first_error: VaultError | None = None
        key_fits_header = False
        for candidate in candidates:
            try:
                header = VaultHeader.read(candidate)
            except VaultError as exc:
                first_error = first_error or exc
                continue
            master = derive_master(passphrase, header.salt, header.kdf)
            try:
                return cls._unlock(path, candidate, header, master)
            except _KeyMismatch as exc:
                wipe(master)
                key_fits_header = key_fits_header or exc.mac_ok
                first_error = first_error or exc.error
            except BaseException:
                wipe(master)
                raise
        if key_fits_header and len(candidates) == 1:
            # The passphrase authenticates the header, yet the database's first
            # page does not decrypt: that is damage, not a typo.
            raise CorruptVault(
                "the passphrase is right (the header authenticates) but the database's first page "
                "fails its check: the vault file is damaged; it was left untouched"
            )
        if isinstance(first_error, WrongPassphrase) or first_error is None:
            raise WrongPassphrase("Wrong passphrase, or the vault file is damaged.")
        raise first_error

    @classmethod
    def _unlock(cls, path: Path, used: Path, header: VaultHeader, master: bytearray) -> Vault:
        """Everything :meth:`open` does after the KDF (timed on its own by the benchmark).

        Raises _KeyMismatch when the key does not decrypt the database, so the
        caller can try the other header.
        """
        db_key, mac_key = keys_of(master)
        try:
            mac_ok = header.verify(mac_key)
            try:
                conn = connect(path, db_key)
            except WrongPassphrase as exc:
                raise _KeyMismatch(exc, mac_ok) from exc
        finally:
            wipe(db_key)
            wipe(mac_key)
        if not mac_ok:
            conn.close()
            wipe(master)
            raise CorruptVault(
                f"the vault header {used.name} failed its authentication check (it was altered); "
                "the vault was left untouched"
            )
        vault = cls(path, conn, header, master)
        try:
            vault._finish_open(used)
        except BaseException:
            vault.close()
            raise
        return vault

    def _finish_open(self, used: Path) -> None:
        """Complete an interrupted step, then bring the schema up to date."""
        pending = pending_header_path(self.path)
        if used == pending:
            files.promote_pending_header(self.path)
        elif pending.exists():
            # The database opened with the header in force, so the pending one
            # (an interrupted rekey that never committed) can never apply.
            pending.unlink()
            files.fsync_dir(self.path.parent)
        conn = self._db()
        with db_errors():
            check_supported(schema_version(conn))
            migrate(conn)
            self._holder_row()

    def close(self) -> None:
        """Close the database (checkpointing the WAL) and wipe the key buffer."""
        if self._conn is not None:
            conn, self._conn = self._conn, None
            conn.close()
        wipe(self._master)

    def __enter__(self) -> Vault:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- holder key -------------------------------------------------------------
    def _holder_row(self) -> tuple[str, bytes]:
        row = self._db().execute("SELECT did, private_key FROM holder_key").fetchall()
        if len(row) != 1:
            raise CorruptVault("the vault has no holder key (or more than one)")
        return row[0][0], bytes(row[0][1])

    def holder_did(self) -> str:
        """The holder's did:key (``did:key:z6Mk...``)."""
        with db_errors():
            return self._holder_row()[0]

    def holder_private_key(self) -> Ed25519PrivateKey:
        """The holder's signing key, for signing presentations in memory only."""
        with db_errors():
            did, seed = self._holder_row()
        return holder_key.load(did, seed)

    # -- passphrase ---------------------------------------------------------------
    def change_passphrase(self, new_passphrase: Passphrase, kdf: KdfParams | None = None) -> None:
        """Re-key the vault under a new passphrase and salt (same KDF cost unless ``kdf``).

        Crash safety: the new header is written as ``.header.pending`` first,
        then ``PRAGMA rekey`` commits, then the pending header is renamed over
        the old one. Whichever of these a crash interrupts, one of the two
        headers matches the database and :meth:`open` finishes the job.
        """
        if not new_passphrase:
            raise VaultError("an empty passphrase is not allowed")
        conn = self._db()
        header = VaultHeader.new(kdf or self._header.kdf)
        master = derive_master(new_passphrase, header.salt, header.kdf)
        db_key, mac_key = keys_of(master)
        pending = pending_header_path(self.path)
        try:
            with db_errors():
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            try:
                write_atomic(pending, header.encode(mac_key))
            except OSError as exc:
                raise faults.os_error(exc, self.path, "the passphrase was not changed; the old one still works") from exc
            try:
                give_key(conn, db_key, rekey=True)
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except DatabaseError as exc:
                pending.unlink(missing_ok=True)
                raise VaultError(f"the passphrase could not be changed ({exc}); the old one still works") from exc
            with db_errors():
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            files.promote_pending_header(self.path)
        except BaseException:
            wipe(master)
            raise
        finally:
            wipe(db_key)
            wipe(mac_key)
        wipe(self._master)
        self._header, self._master = header, master

    # -- checks and info ------------------------------------------------------------
    def _reopen(self) -> Connection:
        """A second connection to this vault (no page check), for the page check's still file."""
        db_key, mac_key = keys_of(self._master)
        wipe(mac_key)
        try:
            return connect(self.path, db_key, check=False)
        finally:
            wipe(db_key)

    def integrity_check(self) -> None:
        """Every page's HMAC, SQLite's structure check and the holder key; CorruptVault on failure."""
        conn = self._db()
        cipher_integrity_check(conn, self._reopen)
        sqlite_integrity_check(conn)
        self.holder_private_key()

    def info(self) -> dict[str, Any]:
        """What the vault is and holds (no secrets), for ``wallet info`` and the GUI."""
        conn = self._db()
        size = sum(p.stat().st_size for p in (self.path, files.sidecar(self.path, "-wal")) if p.exists())
        with db_errors():
            version = schema_version(conn)
        return {
            "path": str(self.path),
            "schema_version": version,
            "kdf": {**self._header.kdf.to_json(), "salt_bytes": len(self._header.salt)},
            "credential_count": self.count_credentials(),
            "holder_did": self.holder_did(),
            "sqlcipher_version": cipher_version(conn),
            "file_size": size,
        }

    # -- backup and restore -----------------------------------------------------------
    def backup(self, out_path: str | os.PathLike[str], passphrase: Passphrase | None = None) -> Path:
        """Write an encrypted, authenticated backup (atomically; replaces ``out_path``).

        Without ``passphrase`` the backup opens with the vault passphrase; it
        reuses the vault's salt and KDF cost so no second derivation is needed.
        The vault is integrity-checked first: a damaged vault is not backed up.
        """
        conn = self._db()
        cipher_integrity_check(conn, self._reopen)
        sqlite_integrity_check(conn)
        with db_errors(), transaction(conn, "DEFERRED"):
            payload = list(dump_lines(conn))
        if passphrase is None:
            key = BackupKey(self._header.kdf, self._header.salt, bytearray(self._master))
        else:
            fresh = VaultHeader.new(self._header.kdf)
            key = BackupKey(fresh.kdf, fresh.salt, derive_master(passphrase, fresh.salt, fresh.kdf))
        out = Path(out_path)
        try:
            return write_backup(out, payload, key)
        except OSError as exc:
            previous = "the previous backup there is unchanged" if out.exists() else "nothing was written"
            raise faults.os_error(exc, out, f"the backup was not written ({previous})", BackupError) from exc
        finally:
            key.wipe()

    @classmethod
    def restore(
        cls,
        backup_path: str | os.PathLike[str],
        target_path: str | os.PathLike[str],
        passphrase: Passphrase,
        overwrite: bool = False,
        kdf: KdfParams | None = None,
    ) -> Vault:
        """Restore a backup into a new vault at ``target_path`` (same holder key, same data).

        The restored vault opens with the backup passphrase. An existing vault
        at the target is refused unless ``overwrite=True``; even then its files
        are renamed aside (``<name>.replaced-<time>``), never deleted, and only
        after the restored vault was built and checked row by row
        (:mod:`wallet.storage.restore`): a malformed backup is a BackupError
        and changes nothing.
        """
        target = Path(target_path)
        occupied = target.exists() or header_path(target).exists()
        if occupied and not overwrite:
            raise VaultExists(f"a vault already exists at {target}; pass overwrite=True to replace it")
        done = restore_files(Path(backup_path), target, passphrase, occupied, kdf)
        db_key, mac_key = keys_of(done.master)
        wipe(mac_key)
        try:
            conn = connect(target, db_key)
        except BaseException:
            wipe(done.master)
            raise
        finally:
            wipe(db_key)
        vault = cls(target, conn, done.header, done.master)
        vault._holder_row()
        return vault
