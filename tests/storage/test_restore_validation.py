"""Malformed but authenticated backups: each is one clear BackupError, and nothing is replaced.

The test holds the backup key, so it can build backups whose encryption and
MACs are perfect but whose dump (the JSON lines inside) is wrong in one way:
each class of crash found by fuzzing ``restore`` (base64 errors, values SQLite
cannot bind, constraint violations, a holder key ``_holder_row`` could not
read, an import date ``wallet list`` could not parse) and their siblings.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from wallet.errors import BackupError, VaultTooNew
from wallet.storage import Vault
from wallet.storage.backup import BackupKey, encode_backup, read_backup
from wallet.storage.header import header_path

from .conftest import PASSPHRASE

Lines = list[dict[str, Any]]


@pytest.fixture
def dump(vault: Vault, tmp_path: Path, make_credential) -> Iterator[Lines]:  # type: ignore[no-untyped-def]
    """The dump lines of a small, complete vault (a credential with a report, and one of each other row).

    The backup key is kept on the vault object for :func:`backup_of` (one key derivation per test).
    """
    vault.add_credentials([make_credential(i) for i in range(3)])
    vault.put_evidence("status-list", "https://s/1", b"\x00\xff")
    vault.put_target("t", {"id": "t"})
    vault.add_share("s", {"url": "u"})
    vault.set_setting("langs", ["sl"])
    vault.add_trusted_issuer("did:web:x", "X")
    vault.add_trust_anchor(b"\x30\x00", "root")
    plain, key = read_backup(vault.backup(tmp_path / "good.lwb"), PASSPHRASE)
    KEYS[id(vault)] = key
    yield [json.loads(line) for line in plain.decode().splitlines()]
    KEYS.pop(id(vault)).wipe()


@pytest.fixture
def occupied(tmp_path: Path, kdf) -> tuple[Path, dict[str, bytes]]:  # type: ignore[no-untyped-def]
    """An existing vault at the restore target, and its files' bytes."""
    target = tmp_path / "target" / "vault.db"
    with Vault.create(target, "the other passphrase", kdf) as v:
        v.add_credential(b"keep me", "unknown", {}, "x")
    return target, {p.name: p.read_bytes() for p in target.parent.iterdir()}


KEYS: dict[int, BackupKey] = {}


def backup_of(vault: Vault, tmp_path: Path, lines: Lines, raw_text: str | None = None) -> Path:
    """An authentic backup (the vault's key, salt and KDF) holding exactly these dump lines."""
    key = KEYS.get(id(vault)) or read_backup(vault.backup(tmp_path / "template.lwb"), PASSPHRASE)[1]
    body = raw_text if raw_text is not None else "".join(
        json.dumps(line, separators=(",", ":")) + "\n" for line in lines  # "\ud800" stays an escape
    )
    out = tmp_path / "crafted.lwb"
    out.write_bytes(encode_backup([body.encode("utf-8", "surrogatepass")], key))
    return out


def rows(lines: Lines, table: str) -> list[dict[str, Any]]:
    return [line["r"] for line in lines if line.get("t") == table]


def set_count(lines: Lines) -> Lines:
    lines[-1] = {"end": True, "rows": len(lines) - 2}
    return lines


def b64(data: bytes) -> dict[str, str]:
    import base64

    return {"$b64": base64.b64encode(data).decode()}


Change = Callable[[Lines], Any]


def _first(table: str, column: str, value: Any) -> Change:
    def change(lines: Lines) -> None:
        rows(lines, table)[0][column] = value

    return change


def _add(table: str, row: Callable[[Lines], dict[str, Any]]) -> Change:
    def change(lines: Lines) -> None:
        lines.insert(-1, {"t": table, "r": row(lines)})
        set_count(lines)

    return change


def _drop(table: str) -> Change:
    def change(lines: Lines) -> None:
        lines[:] = set_count([line for line in lines if line.get("t") != table])

    return change


def _renamed(ident: str) -> Change:
    """The first credential under another id (its report follows, so only the id is wrong)."""

    def change(lines: Lines) -> None:
        credential = rows(lines, "credentials")[0]
        for report in rows(lines, "reports"):
            if report["credential_id"] == credential["id"]:
                report["credential_id"] = ident
        credential["id"] = ident

    return change


def _holder(seed: bytes) -> Change:
    return _first("holder_key", "private_key", b64(seed))


CASES: dict[str, tuple[Change, str]] = {
    # values the dump cannot hold, or SQLite cannot bind (InterfaceError, OverflowError before)
    "malformed base64": (_first("credentials", "raw", {"$b64": "not base64!"}), "malformed base64"),
    "a list value": (_first("credentials", "source", ["a", "b"]), "wrong kind"),
    "an object that is not $b64": (_first("credentials", "source", {"x": 1}), "malformed value"),
    "an integer over 64 bits": (_first("evidence", "fetched_at", 2**70), "number SQLite cannot store"),
    "a boolean": (_first("trusted_issuers", "label", True), "number SQLite cannot store"),
    "a lone surrogate": (_first("credentials", "source", "\ud800"), "wrong kind"),
    # rows that do not fit the tables (IntegrityError before)
    "a duplicate credential": (_add("credentials", lambda ls: dict(rows(ls, "credentials")[0])), "does not fit"),
    "a missing column": (_first("credentials", "raw", None), "does not fit"),
    "a report of no credential": (
        _add("reports", lambda ls: {**rows(ls, "reports")[0], "credential_id": "0" * 16}), "does not fit"),
    # what the vault's readers could not read afterwards
    "an import date that is not a date": (_first("credentials", "imported_at", "yesterday"), "not a date"),
    "an evidence date that is not a date": (_first("evidence", "fetched_at", "2026-13-45"), "not a date"),
    "raw bytes stored as text": (_first("credentials", "raw", "text, not bytes"), "not binary"),
    "an id that does not match the content": (_renamed("0123456789abcdef"), "does not match"),
    "a digest that does not match the content": (_first("credentials", "sha256", "0" * 64), "does not match"),
    "parsed data that is not JSON": (_first("credentials", "parsed", "{not json"), "not JSON"),
    "parsed data that is a list": (_first("credentials", "parsed", "[1, 2]"), "not a JSON object"),
    "a report that is not JSON": (_first("reports", "report", "nope"), "not JSON"),
    "a target that is not JSON": (_first("targets", "json", "{"), "not JSON"),
    "a setting that is not JSON": (_first("settings", "value", "[1,"), "not JSON"),
    "a trust anchor digest that does not match": (_first("trust_anchors", "sha256", "f" * 64), "does not match"),
    # the holder key (vault._holder_row ValueError / TypeError before)
    "a holder key of 31 bytes": (_holder(bytes(31)), "holder key"),
    "a holder key stored as text": (_first("holder_key", "private_key", "seed"), "not binary"),
    "a holder key stored as a negative number": (_first("holder_key", "private_key", -1), "not binary"),
    "a holder key of another DID": (_holder(hashlib.sha256(b"other").digest()), "does not match its DID"),
    "no holder key": (_drop("holder_key"), "no holder key"),
    "two holder keys": (_add("holder_key", lambda ls: {**rows(ls, "holder_key")[0], "did": "did:key:z6Mkx"}),
                        "holder key"),
    # the dump's own header
    "schema version 0": (lambda ls: ls[0].update(schema=0), "schema version 0"),
    "schema version true": (lambda ls: ls[0].update(schema=True), "does not hold a wallet dump"),
    "an unknown table": (_add("secrets", lambda ls: {"x": 1}), "unknown table"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_malformed_backup_is_one_backup_error_and_replaces_nothing(
    case: str, vault: Vault, dump: Lines, tmp_path: Path, occupied: tuple[Path, dict[str, bytes]]
) -> None:
    change, expected = CASES[case]
    change(dump)
    crafted = backup_of(vault, tmp_path, dump)
    target, before = occupied
    with pytest.raises(BackupError) as info:
        Vault.restore(crafted, target, PASSPHRASE, overwrite=True)
    message = str(info.value)
    assert expected in message, message
    assert "\n" not in message and "Traceback" not in message and len(message) < 300
    # nothing replaced, nothing left: the same files with the same bytes (test_backup opens such a vault)
    assert {p.name: p.read_bytes() for p in target.parent.iterdir()} == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\n".join(['{"format":"learner-wallet-dump","version":1,"schema":1}', "[" * 50_000, '{"end":true}']),
         "not readable"),
        ('{"format":"learner-wallet-dump","version":1,"schema":1}\n{"t":"settings","r":{"key":"k","value":NaN}}\n'
         '{"end":true,"rows":1}\n', "not readable"),
        ("\udcff not utf-8", "not readable"),
    ],
)
def test_unreadable_dump_text_is_a_backup_error(vault: Vault, tmp_path: Path, text: str, expected: str) -> None:
    crafted = backup_of(vault, tmp_path, [], raw_text=text)
    with pytest.raises(BackupError, match=expected):
        Vault.restore(crafted, tmp_path / "r" / "v.db", PASSPHRASE)
    assert not (tmp_path / "r").exists() or list((tmp_path / "r").iterdir()) == []


def test_a_dump_from_a_newer_wallet_says_update(vault: Vault, dump: Lines, tmp_path: Path) -> None:
    dump[0]["schema"] = 99
    with pytest.raises(VaultTooNew):
        Vault.restore(backup_of(vault, tmp_path, dump), tmp_path / "r.db", PASSPHRASE)
    assert not (tmp_path / "r.db").exists() and not header_path(tmp_path / "r.db").exists()


def test_the_unchanged_dump_restores(vault: Vault, dump: Lines, tmp_path: Path,
                                     occupied: tuple[Path, dict[str, bytes]]) -> None:
    """The control: the same crafting path, without a change, restores everything."""
    target, _ = occupied
    with Vault.restore(backup_of(vault, tmp_path, dump), target, PASSPHRASE, overwrite=True) as restored:
        assert restored.count_credentials() == 3 and restored.holder_did() == vault.holder_did()
        restored.integrity_check()
    assert sorted(p.name.split(".replaced-")[-1] or "db" for p in target.parent.glob("*.replaced-*"))
