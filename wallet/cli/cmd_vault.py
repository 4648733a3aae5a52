"""Vault life-cycle commands: init, passwd, backup, restore, info."""

from __future__ import annotations

import argparse
from pathlib import Path

from wallet.cli.common import add_vault_options, confirm, open_vault, print_json, read_passphrase, vault_path
from wallet.errors import UsageError, VaultExists


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="create a new encrypted vault")
    add_vault_options(p)
    p.add_argument("--kdf-memory-mib", type=int, default=256, metavar="MIB",
                   help="Argon2id memory in MiB (64 to 4096; default 256 — about 1 s on a laptop)")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("passwd", help="change the vault passphrase (new salt, re-encrypts the key)")
    add_vault_options(p)
    p.add_argument("--new-passphrase-file", metavar="FILE", help="read the new passphrase from FILE")
    p.set_defaults(func=cmd_passwd)

    p = sub.add_parser("backup", help="write an encrypted, authenticated backup file")
    add_vault_options(p)
    p.add_argument("out", metavar="OUT", help="backup file to write")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="restore a backup into a vault file")
    add_vault_options(p)
    p.add_argument("backup", metavar="IN", help="backup file")
    p.add_argument("--yes", action="store_true", help="replace an existing vault without asking")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("info", help="show where the vault is and what it holds")
    add_vault_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_info)


def cmd_init(args: argparse.Namespace) -> int:
    from wallet.app import vault as vaults  # deferred: start-up time

    path = vault_path(args)
    if vaults.exists(path):
        raise VaultExists(f"a vault already exists at {path}; it was left untouched")
    low, high = vaults.KDF_MEMORY_RANGE_MIB
    if not low <= args.kdf_memory_mib <= high:
        raise UsageError(f"--kdf-memory-mib must be between {low} and {high}")
    vault = vaults.create(path, read_passphrase(args, "New passphrase: ", confirm=True), args.kdf_memory_mib)
    try:
        print(f"Created vault {path}")
        print(f"Holder: {vault.holder_did()}")
    finally:
        vault.close()
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    from wallet.app import vault as vaults  # deferred: start-up time

    with open_vault(args) as vault:
        new_args = argparse.Namespace(passphrase_file=args.new_passphrase_file)
        vaults.change_passphrase(vault, None, read_passphrase(new_args, "New passphrase: ", confirm=True))
    print("Passphrase changed.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from wallet.app import vault as vaults  # deferred: start-up time

    if Path(args.out).exists() and not args.force:
        raise UsageError(f"{args.out} exists; pass --force to replace it")
    with open_vault(args) as vault:
        written = vaults.backup(vault, args.out, replace=args.force)
    print(f"Backup written to {written} (encrypted with the vault passphrase)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from wallet.app import vault as vaults  # deferred: start-up time

    path = vault_path(args)
    replace = False
    if vaults.exists(path):
        if not confirm(f"A vault exists at {path}. Replace it with the backup?", args.yes):
            print("Nothing restored.")
            return 1
        replace = True
    restored = vaults.restore(args.backup, path, read_passphrase(args, "Backup passphrase: "), replace=replace)
    print(f"Restored {restored.credentials} credential(s) into {path}")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        info = vault.info()
    if args.json:
        print_json(info)
    else:
        for key, value in info.items():
            print(f"{key:>20}: {value}")
    return 0
