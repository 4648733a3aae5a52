"""Threat 6: no plaintext credential content in any file the wallet writes.

A marker string goes into an imported credential (raw bytes, parsed JSON,
source and report). Every file in the vault folder, while open (WAL and shm
present) and after close, after a passphrase change, a backup and a restore,
and every file in the temp folder the test run uses, is scanned for it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from wallet.storage import KdfParams, Vault

MARKER = "MARKER-7f3a9c-SECRET-CREDENTIAL-TEXT"


def _scan(folders: list[Path]) -> list[str]:
    hits = []
    needles = (MARKER.encode(), MARKER.encode("utf-16-le"))
    for folder in folders:
        for root, _dirs, names in os.walk(folder):
            for name in names:
                path = Path(root) / name
                try:
                    data = path.read_bytes()
                except OSError:
                    continue  # vanished while scanning (SQLite sidecars)
                if any(n in data for n in needles):
                    hits.append(str(path))
    return hits


def test_marker_never_written_in_plaintext(tmp_path: Path, kdf: KdfParams, make_credential, monkeypatch) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    folder = tmp_path / "vault"
    path = folder / "vault.db"
    raw, fmt, parsed, _source, report = make_credential(1, marker=MARKER, size=5000)
    assert MARKER.encode() in raw
    v = Vault.create(path, "pass", kdf)
    v.add_credential(raw, fmt, parsed, f"file-{MARKER}.json", {**(report or {}), "note": MARKER})
    v.add_credentials([make_credential(i, marker=MARKER) for i in range(2, 40)])
    v.set_setting("last", MARKER)
    v.put_evidence("document", MARKER, MARKER.encode())
    # Reads that sort and scan (temp b-trees would go to temp files without temp_store=MEMORY).
    v._db().execute("SELECT parsed FROM credentials ORDER BY parsed DESC").fetchall()
    assert (folder / "vault.db-wal").exists()
    assert _scan([folder, temp]) == []
    v.backup(folder / "backup.lwb")
    v.backup(folder / "backup2.lwb", passphrase="other")
    v.change_passphrase("pass2")
    assert _scan([folder, temp]) == []
    v.close()
    restored = Vault.restore(folder / "backup.lwb", folder / "restored.db", "pass")
    assert restored.get_setting("last") == MARKER
    assert _scan([folder, temp]) == []
    restored.close()
    Vault.restore(folder / "backup2.lwb", folder / "restored.db", "other", overwrite=True).close()
    assert _scan([folder, temp]) == []
    assert len(list(folder.iterdir())) >= 5
    (temp / "control").write_bytes(b"xx" + MARKER.encode() + b"yy")  # the scan does find it
    assert _scan([folder, temp]) == [str(temp / "control")]
