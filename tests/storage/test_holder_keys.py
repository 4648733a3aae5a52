"""Holder keys in the vault (schema 3): made inside, used inside, never handed out; bound to credentials."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from wallet.errors import NotFound, UsageError
from wallet.storage import KdfParams, Vault, schema
from wallet.storage.connection import Connection
from wallet.verify.did import resolve
from wallet.verify.jose import sign_compact, verify_compact
from wallet.verify.keys import thumbprint

from .conftest import PASSPHRASE


def test_a_new_vault_lists_its_main_key_only(vault: Vault) -> None:
    keys = vault.list_holder_keys()
    assert len(keys) == 1 and keys[0].main and keys[0].did == vault.holder_did()
    assert keys[0].kid == f"{keys[0].did}#{keys[0].did.split(':')[2]}" and keys[0].algorithm == "Ed25519"
    assert keys[0].thumbprint == thumbprint(vault.holder_private_key())


@pytest.mark.parametrize(("method", "algorithm"), [("did:key", "Ed25519"), ("did:key", "P-256"),
                                                    ("did:jwk", "Ed25519"), ("did:jwk", "P-256")])
def test_keys_are_made_inside_and_sign_as_their_did_says(vault: Vault, method: str, algorithm: str) -> None:
    made = vault.create_holder_key(method, algorithm, issuer="https://issuer.example")
    assert made.did.startswith(method + ":") and made.issuer == "https://issuer.example"
    assert not any(hasattr(made, name) for name in ("private_key", "seed", "d"))
    key = vault.holder_signing_key(made.kid)
    assert isinstance(key, ed25519.Ed25519PrivateKey if algorithm == "Ed25519" else ec.EllipticCurvePrivateKey)
    token = sign_compact({"kid": made.kid}, {"hello": 1}, key)
    verify_compact(token, resolve(made.kid).key)  # the DID alone is enough to check what it signed
    assert thumbprint(resolve(made.kid).key) == made.thumbprint
    assert [k.kid for k in vault.list_holder_keys()][1:] == [made.kid]


def test_keys_survive_reopening_and_a_backup(vault: Vault, vault_path: Path, tmp_path: Path) -> None:
    made = vault.create_holder_key("did:jwk", "P-256", issuer="https://i.example")
    backup = vault.backup(tmp_path / "b.wbak")
    vault.close()
    with Vault.open(vault_path, PASSPHRASE) as again:
        assert [k.kid for k in again.list_holder_keys()][1:] == [made.kid]
        assert thumbprint(again.holder_signing_key(made.kid)) == made.thumbprint
    with Vault.restore(backup, tmp_path / "restored.db", PASSPHRASE) as restored:
        assert [k.kid for k in restored.list_holder_keys()][1:] == [made.kid]
        assert thumbprint(restored.holder_signing_key(made.kid)) == made.thumbprint


def test_unknown_keys_and_kinds_are_refused(vault: Vault) -> None:
    with pytest.raises(NotFound):
        vault.holder_signing_key("did:key:z6MkNotHere#z6MkNotHere")
    with pytest.raises(UsageError):
        vault.create_holder_key("did:web", "P-256")
    with pytest.raises(UsageError):
        vault.create_holder_key("did:key", "RSA")


def test_credentials_remember_their_key_and_forget_it_when_deleted(vault: Vault, make_credential) -> None:  # type: ignore[no-untyped-def]
    made = vault.create_holder_key("did:jwk", "P-256")
    (stored, _new), = vault.add_credentials([make_credential(1)])
    with pytest.raises(NotFound):
        vault.bind_credential_key("0" * 16, made.kid)
    vault.bind_credential_key(stored.id, made.kid)
    vault.put_issuance("n-1", "notification", {"notification_id": "x"}, credential_id=stored.id)
    vault.put_issuance("d-1", "deferred", {"transaction_id": "t"})
    assert vault.credential_key(stored.id) == made.kid
    assert vault.list_issuance("notification", stored.id) == [("n-1", {"notification_id": "x"})]
    vault.remove_credential(stored.id)
    assert vault.credential_key(stored.id) is None
    assert vault.list_issuance("notification") == []
    assert vault.list_issuance("deferred") == [("d-1", {"transaction_id": "t"})]  # not tied to a credential
    vault.remove_issuance("d-1")
    assert vault.list_issuance("deferred") == []


def test_an_older_vault_upgrades_with_its_main_key_and_credentials(tmp_path: Path, kdf: KdfParams,
                                                                     monkeypatch: pytest.MonkeyPatch,
                                                                     make_credential) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "old.db"
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
        m.setattr(schema, "SCHEMA_MAX", 1)
        m.setattr(schema.migrate, "__defaults__", (1,))
        old = Vault.create(path, PASSPHRASE, kdf)
        conn: Connection = old._db()
        assert schema.schema_version(conn) == 1
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'holder_keys'").fetchone()[0] == 0
        did = old.holder_did()
        old.add_credentials([make_credential(7)])
        old.close()
    with Vault.open(path, PASSPHRASE) as upgraded:
        assert schema.schema_version(upgraded._db()) == schema.SCHEMA_MAX >= 3
        assert [k.did for k in upgraded.list_holder_keys()] == [did]
        assert upgraded.count_credentials() == 1
        upgraded.create_holder_key("did:key", "P-256")
        assert len(upgraded.list_holder_keys()) == 2


def test_a_restore_refuses_a_holder_key_that_is_not_the_key_its_row_names(vault: Vault, tmp_path: Path,
                                                                          make_credential) -> None:  # type: ignore[no-untyped-def]
    import json

    from wallet.errors import BackupError
    from wallet.storage.backup import encode_backup, read_backup

    made = vault.create_holder_key("did:jwk", "P-256", issuer="https://i.example")
    other = vault.create_holder_key("did:key", "Ed25519")
    (stored, _new), = vault.add_credentials([make_credential(1)])
    vault.bind_credential_key(stored.id, made.kid)
    vault.put_issuance("d-1", "deferred", {"transaction_id": "t"})
    plain, key = read_backup(vault.backup(tmp_path / "good.lwb"), PASSPHRASE)
    lines = [json.loads(line) for line in plain.decode().splitlines()]
    assert {line.get("t") for line in lines} >= {"holder_keys", "credential_keys", "issuance"}

    def restored(changed: list[dict]) -> None:  # type: ignore[type-arg]
        body = "".join(json.dumps(line, separators=(",", ":")) + "\n" for line in changed)
        crafted = tmp_path / "crafted.lwb"
        crafted.write_bytes(encode_backup([body.encode()], key))
        Vault.restore(crafted, tmp_path / "restored.db", PASSPHRASE).close()

    swapped = json.loads(json.dumps(lines))
    rows = [line["r"] for line in swapped if line.get("t") == "holder_keys"]
    rows[0]["private_key"], rows[1]["private_key"] = rows[1]["private_key"], rows[0]["private_key"]
    with pytest.raises(BackupError, match="holder_keys row 1"):
        restored(swapped)
    unknown = json.loads(json.dumps(lines))
    next(line["r"] for line in unknown if line.get("t") == "issuance")["kind"] = "gift"
    with pytest.raises(BackupError, match="issuance row 1"):
        restored(unknown)
    restored(lines)  # the untouched dump restores, keys and links included
    with Vault.open(tmp_path / "restored.db", PASSPHRASE) as back:
        assert {k.kid for k in back.list_holder_keys()} >= {made.kid, other.kid}
        assert back.credential_key(stored.id) == made.kid
