"""`wallet trust` handlers are thin: they call the seals logic and the vault API named in the brief."""

from __future__ import annotations

import argparse
import contextlib
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest

from wallet.cli import cmd_trust
from wallet.verify.seals import TrustSnapshot


class FakeVault:
    """The slice of wallet.storage's Vault API that `wallet trust` uses (same signatures)."""

    def __init__(self) -> None:
        self.evidence: dict[tuple[str, str], bytes] = {}
        self.anchors: dict[str, tuple[bytes, str]] = {}
        self.issuers: dict[str, str] = {}

    def put_evidence(self, kind: str, key: str, data: bytes) -> None:
        self.evidence[(kind, key)] = data

    def get_evidence(self, kind: str, key: str) -> tuple[bytes, datetime] | None:
        data = self.evidence.get((kind, key))
        return None if data is None else (data, datetime.now(UTC))

    def add_trust_anchor(self, der: bytes, label: str) -> str:
        import hashlib

        sha = hashlib.sha256(der).hexdigest()
        self.anchors[sha] = (der, label)
        return sha

    def remove_trust_anchor(self, sha256: str) -> None:
        del self.anchors[sha256]

    def list_trust_anchors(self) -> list[tuple[str, bytes, str]]:
        return [(sha, der, label) for sha, (der, label) in self.anchors.items()]

    def add_trusted_issuer(self, id: str, label: str) -> None:  # noqa: A002 - the Vault's parameter name
        self.issuers[id] = label

    def remove_trusted_issuer(self, id: str) -> None:  # noqa: A002
        del self.issuers[id]

    def list_trusted_issuers(self) -> list[tuple[str, str]]:
        return list(self.issuers.items())


@pytest.fixture()
def fake(monkeypatch: pytest.MonkeyPatch) -> tuple[FakeVault, list[Any]]:
    vault, printed = FakeVault(), []
    common = SimpleNamespace(open_vault=lambda args: contextlib.nullcontext(vault), print_json=printed.append,
                             add_vault_options=lambda parser: None)
    monkeypatch.setattr(cmd_trust, "common", common)
    return vault, printed


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    cmd_trust.register(parser.add_subparsers(dest="command"))
    return parser.parse_args(argv)


def test_import_tl_stores_the_snapshot(dss_dir, fake) -> None:  # type: ignore[no-untyped-def]
    vault, printed = fake
    args = _parse(["trust", "import-tl", str(dss_dir / "EU.xml"), str(dss_dir / "BE.xml")])
    assert args.func(args) == 0
    stored = TrustSnapshot.from_bytes(vault.evidence[("trust-snapshot", "eu")])
    assert stored.date == "2020-04-29" and printed[0]["snapshot_date"] == "2020-04-29"
    args = _parse(["trust", "list"])
    assert args.func(args) == 0 and printed[-1]["snapshot_date"] == "2020-04-29"


def test_add_anchor_reads_der(mc_signed: bytes, tmp_path, fake) -> None:  # type: ignore[no-untyped-def]
    import base64
    import json

    header = json.loads(base64.urlsafe_b64decode(json.loads(mc_signed)["signatures"][0]["protected"] + "=="))
    path = tmp_path / "anchor.der"
    path.write_bytes(base64.b64decode(header["x5c"][0]))
    args = _parse(["trust", "add-anchor", str(path)])
    assert args.func(args) == 0
    vault, printed = fake
    sha = printed[0]["added"]
    assert "TEST SEAL" in vault.anchors[sha][1]  # label defaults to the certificate subject
    args = _parse(["trust", "list"])
    assert args.func(args) == 0 and printed[-1]["anchors"][0]["sha256"] == sha
    args = _parse(["trust", "remove-anchor", sha])
    assert args.func(args) == 0 and not vault.anchors


def test_issuers(fake) -> None:  # type: ignore[no-untyped-def]
    vault, printed = fake
    args = _parse(["trust", "add-issuer", "did:web:uni.example", "--label", "Uni"])
    assert args.func(args) == 0 and vault.issuers == {"did:web:uni.example": "Uni"}
    args = _parse(["trust", "list"])
    assert args.func(args) == 0 and printed[-1]["issuers"] == [{"id": "did:web:uni.example", "label": "Uni"}]
    args = _parse(["trust", "remove-issuer", "did:web:uni.example"])
    assert args.func(args) == 0 and not vault.issuers


def test_every_subcommand_has_a_handler(fake) -> None:  # type: ignore[no-untyped-def]
    for argv in (["trust", "remove-anchor", "ab"], ["trust", "add-issuer", "did:web:x", "--label", "X"],
                 ["trust", "remove-issuer", "did:web:x"], ["trust", "list"]):
        assert callable(_parse(argv).func)
