"""Strings SQLite cannot store (lone UTF-16 surrogates) never crash the vault.

JSON's ``"\\ud800"`` escape and a file name with non-UTF-8 bytes both give
Python strings the SQLite driver refuses with ``UnicodeEncodeError``.
"""

from __future__ import annotations

import pytest

from wallet.errors import NotFound, UsageError
from wallet.storage import Vault
from wallet.storage.text import json_text, label

LONE = "\ud800"
ESCAPED_BYTE = "\udcff"  # what os.fsdecode makes of the byte 0xff in a file name


def test_json_values_with_lone_surrogates_round_trip_exactly(vault: Vault) -> None:
    parsed = {"title": {"en": f"half a pair {LONE}"}, "ok": "žluťoučký"}
    report = {"verdict": "valid", "note": ESCAPED_BYTE}
    stored, _ = vault.add_credential(b'{"x": 1}', "vc-ldp", parsed, "file.json", report)
    again = vault.get_credential(stored.id)
    assert again.parsed == parsed and again.report == report
    plain, _ = vault.add_credential(b'{"x": 2}', "vc-ldp", {"ok": "žluťoučký"}, "file.json")
    assert "žluťoučký" in plain.parsed_json  # readable text, unescaped, when it is storable
    vault.set_report(stored.id, {"note": LONE})
    assert vault.get_credential(stored.id).report == {"note": LONE}
    vault.set_setting("languages", [LONE])
    assert vault.get_setting("languages") == [LONE]
    vault.put_target("urn:t", {"title": {"en": LONE}})
    assert vault.get_target("urn:t") == {"title": {"en": LONE}}
    vault.add_share("s1", {"label": LONE})
    assert vault.list_shares() == [{"label": LONE}]


def test_a_file_name_that_is_not_utf8_is_kept_as_a_readable_label(vault: Vault) -> None:
    stored, _ = vault.add_credential(b'{"y": 2}', "vc-ldp", {}, f"credential-{ESCAPED_BYTE}.json")
    assert stored.source == "credential-\\udcff.json"
    assert vault.get_credential(stored.id).source == "credential-\\udcff.json"
    vault.add_trusted_issuer("did:web:issuer.example", f"Issuer {LONE}")
    assert vault.list_trusted_issuers() == [("did:web:issuer.example", "Issuer \\ud800")]


def test_keys_with_lone_surrogates_are_refused_and_lookups_find_nothing(vault: Vault) -> None:
    for store in (
        lambda: vault.put_evidence("document", f"k{LONE}", b"x"),
        lambda: vault.put_target(f"urn:{LONE}", {}),
        lambda: vault.add_share(f"s{LONE}", {}),
        lambda: vault.set_setting(f"k{LONE}", 1),
        lambda: vault.add_trusted_issuer(f"did:{LONE}", "x"),
    ):
        with pytest.raises(UsageError, match="surrogate"):
            store()
    assert vault.get_evidence("document", f"k{LONE}") is None
    assert vault.list_evidence(LONE) == {}
    assert vault.get_setting(f"k{LONE}", "default") == "default"
    for remove in (
        lambda: vault.get_target(LONE),
        lambda: vault.remove_target(LONE),
        lambda: vault.remove_trusted_issuer(LONE),
        lambda: vault.remove_trust_anchor(LONE),
        lambda: vault.remove_credential(LONE),
        lambda: vault.set_report(LONE, {}),
        lambda: vault.get_credential(LONE),
    ):
        with pytest.raises(NotFound):
            remove()


def test_helpers() -> None:
    assert json_text({"a": "é"}) == '{"a": "é"}'
    assert json_text({"a": LONE}) == '{"a": "\\ud800"}'
    assert label("plain") == "plain" and label(f"a{LONE}b") == "a\\ud800b"
