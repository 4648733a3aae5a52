"""Import keeps what the wallet could not check and refuses only what was changed or forged (issue 11).

A real SQLCipher vault; the credentials are signed here with the wallet's own signer.
"""

from __future__ import annotations

import copy
import json

from tests.verify.helpers import ctx, ob3_credential, raw, signed
from wallet.app.importing import ImportItem, Outcome, import_items
from wallet.storage import Vault


def test_unknown_context_is_stored_as_cannot_check_and_a_forgery_is_refused(vault: Vault) -> None:
    good = signed(ob3_credential())
    unknown = copy.deepcopy(good)
    unknown["@context"].append("https://consortium.example/contexts/2019/v1")  # a vocabulary nobody bundled
    forged = copy.deepcopy(good)
    forged["credentialSubject"]["achievement"]["name"] = "Brain surgery"
    forged["id"] = "urn:uuid:7d0c2f9a-1d1e-4c53-9a53-3f8a3d3c0002"
    results = import_items(vault, [ImportItem("unknown.json", raw(unknown)), ImportItem("forged.json", raw(forged))],
                           ctx=ctx())
    by_file = {r.source: r for r in results}
    kept = by_file["unknown.json"]
    assert kept.outcome is Outcome.IMPORTED and kept.state == "cannot-check", kept.detail
    refused = by_file["forged.json"]
    assert refused.outcome is Outcome.INVALID and refused.state == "forged"
    stored = vault.list_credentials()
    assert len(stored) == 1
    report = stored[0].report
    assert report is not None and report["state"] == "cannot-check"
    jsonld = next(c for c in report["checks"] if c["id"] == "jsonld")
    assert jsonld["status"] == "not-checked"
    assert "https://consortium.example/contexts/2019/v1" in json.dumps(jsonld["message"])
