"""A full disk is "no space left", never "the vault file is damaged" (threat 4 on a real file system).

Each test runs on a small tmpfs that is really filled (see ``small_fs.py``):
opening a vault when its ``-shm`` file cannot be created, writing a backup,
importing and creating a vault. Afterwards, with space freed, everything
opens and holds exactly what it held before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .small_fs import run_on_small_fs

CLI_ENV = {"WALLET_PASSPHRASE": "pw", "WALLET_KDF": "m=65536,t=3,p=4"}


@pytest.mark.parametrize("leave_kib", [0, 8, 24])
def test_opening_a_vault_on_a_full_disk_says_no_space_not_damaged(tmp_path: Path, leave_kib: int) -> None:
    result = run_on_small_fs(tmp_path, 1024, f"""
        import subprocess
        from wallet.errors import NoSpace
        from wallet.storage import KdfParams, Vault
        vault = Vault.create(FS / "v.db", "pw", KdfParams.floor())
        vault.add_credential(b'{{"id": 1}}', "vc-ldp", {{"t": 1}}, "one.json")
        vault.close()
        fill({leave_kib} * 1024)
        try:
            Vault.open(FS / "v.db", "pw").close()
            api = "opened"
        except NoSpace as exc:
            api = "NoSpace: " + str(exc)
        cli = subprocess.run([sys.executable, "-m", "wallet.cli", "list", "--vault", str(FS / "v.db")],
                             capture_output=True, text=True)
        unfill()
        with Vault.open(FS / "v.db", "pw") as vault:
            vault.integrity_check()
            after = vault.count_credentials()
        print(json.dumps({{"api": api, "cli_rc": cli.returncode, "cli_err": cli.stderr, "after": after}}))
    """, CLI_ENV)
    assert result["api"].startswith("NoSpace: no space left on the device"), result
    assert "damaged" not in result["api"]
    assert result["cli_rc"] == 17 and "no space left" in result["cli_err"] and "damaged" not in result["cli_err"]
    assert result["after"] == 1


def test_backup_on_a_full_disk_is_a_backup_error_and_keeps_the_old_backup(tmp_path: Path) -> None:
    result = run_on_small_fs(tmp_path, 1536, """
        import subprocess
        from wallet.errors import BackupError
        from wallet.storage import KdfParams, Vault
        out = FS / "wallet.backup"
        vault = Vault.create(FS / "v.db", "pw", KdfParams.floor())
        vault.add_credential(b'{"id": 1}', "vc-ldp", {}, "one.json")
        vault.backup(out)
        before = out.read_bytes()
        vault.add_credentials([(os.urandom(20_000), "vc-ldp", {}, f"{i}.json", None) for i in range(20)])
        fill(120 * 1024)  # room for the vault's own writes, not for a 400 KB backup
        try:
            vault.backup(out)
            api = "written"
        except BackupError as exc:
            api = f"{type(exc).__name__}: {exc}"
        vault.close()
        cli = subprocess.run([sys.executable, "-m", "wallet.cli", "backup", "--force", "--vault", str(FS / "v.db"),
                              str(out)], capture_output=True, text=True)
        intact = out.read_bytes() == before
        # the backup's temp file (".wallet.backup.*.tmp") must be gone; SQLite's -wal/-shm are the vault's own
        leftovers = sorted(p.name for p in FS.iterdir() if p.name.startswith(".") or p.name.endswith(".tmp"))
        unfill()
        restored = Vault.restore(out, FS / "restored.db", "pw")
        count = restored.count_credentials()
        restored.close()
        print(json.dumps({"api": api, "cli_rc": cli.returncode, "cli_err": cli.stderr, "intact": intact,
                          "leftovers": leftovers, "restored": count}))
    """, CLI_ENV)
    assert result["api"].startswith("BackupError: no space left on the device"), result
    assert "previous backup there is unchanged" in result["api"]
    assert result["cli_rc"] == 16 and "no space left" in result["cli_err"], result
    assert "unexpected" not in result["cli_err"]
    assert result["intact"] and result["leftovers"] == []
    assert result["restored"] == 1


def test_importing_on_a_full_disk_stores_nothing_and_says_no_space(tmp_path: Path) -> None:
    result = run_on_small_fs(tmp_path, 1024, """
        from wallet.errors import NoSpace, VaultError
        from wallet.storage import KdfParams, Vault
        vault = Vault.create(FS / "v.db", "pw", KdfParams.floor())
        vault.add_credential(b'{"id": 1}', "vc-ldp", {}, "one.json")
        fill(16 * 1024)
        try:
            vault.add_credentials([(os.urandom(30_000), "vc-ldp", {}, f"{i}.json", None) for i in range(10)])
            api = "stored"
        except VaultError as exc:
            api = f"{type(exc).__name__}: {exc}"
        count = vault.count_credentials()
        vault.close()
        unfill()
        with Vault.open(FS / "v.db", "pw") as again:
            again.integrity_check()
            after = again.count_credentials()
        print(json.dumps({"api": api, "count": count, "after": after}))
    """)
    assert result["api"].startswith("NoSpace: no space left on the device"), result
    assert result["count"] == 1 and result["after"] == 1


def test_creating_a_vault_on_a_full_disk_leaves_nothing_behind(tmp_path: Path) -> None:
    result = run_on_small_fs(tmp_path, 512, """
        from wallet.errors import VaultError
        from wallet.storage import KdfParams, Vault
        fill(4 * 1024)
        try:
            Vault.create(FS / "v.db", "pw", KdfParams.floor()).close()
            api = "created"
        except VaultError as exc:
            api = f"{type(exc).__name__}: {exc}"
        left = sorted(p.name for p in FS.iterdir() if p.name != "filler")
        unfill()
        Vault.create(FS / "v.db", "pw", KdfParams.floor()).close()
        print(json.dumps({"api": api, "left": left}))
    """)
    assert result["api"].startswith("NoSpace: no space left on the device"), result
    assert result["left"] == []
