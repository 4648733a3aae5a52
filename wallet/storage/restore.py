"""Restoring a backup: build and check a complete vault aside, then swap it in.

Order (see docs/BACKUP_FORMAT.md, "Restore"): decrypt and authenticate the
whole file; parse the dump; create a database at the dump's schema in a
hidden temp file; load the rows; migrate; read every row back
(:mod:`wallet.storage.restored`) and run SQLite's structure check. Only then
is an existing vault renamed aside and the new one installed; if installing
fails, the old files are renamed back. Any problem before the swap leaves
the target exactly as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wallet.errors import BackupError, CorruptVault
from wallet.storage import faults, files
from wallet.storage.backup import read_backup
from wallet.storage.connection import Connection, connect, sqlite_integrity_check, transaction
from wallet.storage.dump import load_rows, parse_dump
from wallet.storage.header import VaultHeader
from wallet.storage.install import build_database, install, keys_of
from wallet.storage.kdf import KdfParams, Passphrase, derive_master, wipe
from wallet.storage.restored import check_restored
from wallet.storage.schema import SCHEMA_MAX, check_supported, migrate


@dataclass(frozen=True)
class Restored:
    """What the vault needs to open the restored database: its header and master key (wipe it)."""

    header: VaultHeader
    master: bytearray


def restore_files(
    backup_path: Path, target: Path, passphrase: Passphrase, occupied: bool, kdf: KdfParams | None
) -> Restored:
    """Build, check and install the vault in ``backup_path`` at ``target``; the master key is returned."""
    plain, bkey = read_backup(backup_path, passphrase)
    try:
        dump = parse_dump(plain)
        del plain
        try:
            check_supported(dump.schema)
        except CorruptVault as exc:
            raise BackupError(f"the backup's dump names schema version {dump.schema}, which no wallet wrote") from exc
        if kdf is None or kdf == bkey.kdf:
            header = VaultHeader(kdf=bkey.kdf, salt=bkey.salt)
            master = bytearray(bkey.master)
        else:
            header = VaultHeader.new(kdf)
            master = derive_master(passphrase, header.salt, header.kdf)
    finally:
        bkey.wipe()
    db_key, mac_key = keys_of(master)

    def populate(conn: Connection) -> None:
        migrate(conn, dump.schema)
        with transaction(conn):
            load_rows(conn, dump)
        migrate(conn, SCHEMA_MAX)

    tmp = files.temp_db_path(target, "restoring")
    try:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            build_database(tmp, db_key, populate)
            check = connect(tmp, db_key)
            try:
                check_restored(check)
                sqlite_integrity_check(check)
            finally:
                check.close()
            moved = files.move_aside(target) if occupied else []
            try:
                install(tmp, target, header.encode(mac_key))
            except BaseException:
                files.move_back(moved)
                raise
        except OSError as exc:
            raise faults.os_error(exc, target, "nothing was restored; the vault at the target is unchanged") from exc
    except BaseException:
        wipe(master)
        raise
    finally:
        files.remove_db_files(tmp)
        wipe(db_key)
        wipe(mac_key)
    return Restored(header, master)
