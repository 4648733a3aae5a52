"""A backup carries what the online work stores: evidence with its fetch metadata, contacted hosts, host answers.

Restore validates every row of the current schema before replacing anything;
this proves schema 2's tables and columns are among them and survive the
round trip unchanged.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tests.storage.conftest import PASSPHRASE
from wallet.storage import Vault
from wallet.storage.evidence import EvidenceRow

WHEN = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


def test_online_evidence_survives_backup_and_restore(vault: Vault, tmp_path: Path) -> None:
    vault.put_evidence_rows([EvidenceRow("status-list", "https://issuer.example/status/1", b'{"id": "x"}', WHEN,
                                         source_url="https://cdn.example/status/1", media_type="application/vc+ld+json",
                                         max_age=3600, issued_at=WHEN, notes=("small list",), http_status=200)])
    vault.log_contact("issuer.example", WHEN, "status list")
    vault.set_host_decision("issuer.example", True)
    backup = tmp_path / "b.wbak"
    vault.backup(backup)
    restored = Vault.restore(backup, tmp_path / "restored.db", PASSPHRASE)
    try:
        record = restored.get_evidence_record("status-list", "https://issuer.example/status/1")
        assert record is not None and record.source_url == "https://cdn.example/status/1"
        assert record.max_age == 3600 and record.notes == ("small list",) and record.issued_at == WHEN
        assert restored.list_contacts()[0][0] == "issuer.example"
        assert restored.host_decisions() == {"issuer.example": True}
    finally:
        restored.close()
