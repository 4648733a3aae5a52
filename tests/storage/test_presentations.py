"""The presentation history (schema 4): written before the answer leaves, finished with the verifier's answer,
listed newest first, carried by backups, and checked on restore."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wallet.errors import BackupError, NotFound, UsageError
from wallet.storage import Vault

from .conftest import PASSPHRASE


def test_written_finished_and_listed(vault: Vault) -> None:
    vault.add_presentation("p1", "x509_san_dns:v.example", True, {"credentials": [{"title": "A", "claims": [["a"]]}]})
    vault.add_presentation("p2", "redirect_uri:https://v.example/cb", False, {"credentials": []})
    assert [p.outcome for p in vault.list_presentations()] == ["sending", "sending"]
    vault.finish_presentation("p1", "accepted", {"status": 200})
    got = vault.get_presentation("p1")
    assert got.outcome == "accepted" and got.verified and got.answered_at is not None
    assert got.data["answer"] == {"status": 200} and got.data["credentials"][0]["title"] == "A"
    assert [p.id for p in vault.list_presentations()] == ["p2", "p1"]
    assert [p.id for p in vault.list_presentations(limit=1)] == ["p2"]
    with pytest.raises(UsageError):
        vault.finish_presentation("p2", "sending", {})
    with pytest.raises(NotFound):
        vault.finish_presentation("nope", "failed", {})


def test_carried_by_a_backup_and_checked_on_restore(vault: Vault, tmp_path: Path) -> None:
    from wallet.storage.backup import encode_backup, read_backup

    vault.add_presentation("p1", "x509_san_dns:v.example", True, {"credentials": []})
    vault.finish_presentation("p1", "rejected", {"status": 400})
    plain, key = read_backup(vault.backup(tmp_path / "good.lwb"), PASSPHRASE)
    lines = [json.loads(line) for line in plain.decode().splitlines()]

    def restored(changed: list[dict], name: str) -> Vault:  # type: ignore[type-arg]
        body = "".join(json.dumps(line, separators=(",", ":")) + "\n" for line in changed)
        crafted = tmp_path / f"{name}.lwb"
        crafted.write_bytes(encode_backup([body.encode()], key))
        return Vault.restore(crafted, tmp_path / name / "restored.db", PASSPHRASE)

    bad = json.loads(json.dumps(lines))
    next(line["r"] for line in bad if line.get("t") == "presentations")["outcome"] = "gift"
    with pytest.raises(BackupError, match="presentations row 1"):
        restored(bad, "bad")
    with restored(lines, "good") as back:
        (row,) = back.list_presentations()
        assert row.outcome == "rejected" and row.data["answer"] == {"status": 400}
