"""Vault-facing stacking logic (what `wallet target` and `wallet progress` run), on an in-memory vault."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fake_vault import FakeVault, passed
from stack_helpers import NOW, credential

from wallet.app.stacking import (
    add_target,
    candidates_from_vault,
    list_all_targets,
    progress_for_vault,
    remove_target,
)
from wallet.errors import InputError, NotFound
from wallet.messages import msg, render
from wallet.model import Check, CheckId, CheckStatus
from wallet.stacking import bundled_targets

MINE = {
    "id": "urn:mine:target",
    "title": {"en": "Mine"},
    "total": {"amount": 6},
    "components": [{"id": "k", "title": {"en": "K"}, "credits": 6, "match": {"identifiers": ["urn:spec:k"]}}],
}


def write(tmp_path: Path, data: object, name: str = "target.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_add_list_remove(tmp_path: Path) -> None:
    vault = FakeVault()
    target = add_target(vault, write(tmp_path, MINE))
    assert target.id == "urn:mine:target" and not target.bundled
    targets, problems = list_all_targets(vault)
    assert not problems
    assert [t.id for t in targets] == [t.id for t in bundled_targets()] + ["urn:mine:target"]
    assert all(t.bundled for t in targets[:-1])
    remove_target(vault, "urn:mine:target")
    assert vault.targets == {}
    with pytest.raises(NotFound):
        remove_target(vault, "urn:mine:target")


def test_bundled_targets_are_protected(tmp_path: Path) -> None:
    vault = FakeVault()
    bundled = bundled_targets()[0]
    with pytest.raises(InputError, match="bundled target and cannot be removed"):
        remove_target(vault, bundled.id)
    with pytest.raises(InputError, match="belongs to a bundled target"):
        add_target(vault, write(tmp_path, {**MINE, "id": bundled.id}))


def test_invalid_target_file_is_refused_and_not_stored(tmp_path: Path) -> None:
    vault = FakeVault()
    with pytest.raises(InputError, match="target.json: invalid target"):
        add_target(vault, write(tmp_path, {"id": "x", "title": {"en": "X"}, "components": [{"id": "k"}]}))
    assert vault.targets == {}


def test_a_stored_target_that_no_longer_loads_is_reported_not_hidden() -> None:
    vault = FakeVault()
    vault.put_target("broken", {"id": "broken", "title": "not a language map"})
    targets, problems = list_all_targets(vault)
    assert [p.id for p in problems] == ["broken"] and "invalid target" in problems[0].reason
    assert len(targets) == len(bundled_targets())


@pytest.mark.shared
def test_add_an_elm_qualification(tmp_path: Path, shared: Path) -> None:
    sample = shared / "vectors" / "eu-elm-v3" / "Credentials" / "JSON-LD Examples (ELM v3)" / "Sample-MC-Annex1-unsigned.jsonld"
    vault = FakeVault()
    target = add_target(vault, sample)
    assert target.id == "urn:epass:qualification:1"
    assert vault.targets[target.id]["source"]["importedFrom"] == "ELM v3"


def test_progress_from_stored_credentials_and_reports(tmp_path: Path) -> None:
    vault = FakeVault()
    add_target(vault, write(tmp_path, MINE))
    vault.add("c-valid", credential("K course", spec="urn:spec:k", credits=6), [passed()])
    vault.add("c-revoked", credential("K again", spec="urn:spec:k", credits=6),
              [passed(), Check(CheckId.STATUS, CheckStatus.FAILED, msg("status.revoked"))])
    vault.add("c-offline", credential("K offline", spec="urn:spec:k", credits=6),
              [Check(CheckId.SIGNATURE, CheckStatus.NOT_CHECKED, msg("seal.owner_no_seal", note=msg("seal.note.none")),
                     essential=True)])
    vault.add("c-unverified", credential("K new", spec="urn:spec:k", credits=6), None)

    [result] = progress_for_vault(vault, "urn:mine:target", now=NOW)
    assert result.fraction == 1.0
    assert [a.credential_id for a in result.allocations["k"]] == ["c-valid"]
    assert {ident: render(reason) for ident, reason in result.pending} == {
        "c-revoked": "Revoked (found on 1 May 2026)",  # the report's own date (fake_vault)
        "c-offline": "Cannot be checked: Who issued the credential cannot be confirmed without a valid seal.",
        "c-unverified": "not verified yet",
    }
    every = progress_for_vault(vault, now=NOW)
    assert [r.target.id for r in every] == [t.id for t in bundled_targets()] + ["urn:mine:target"]


def test_unknown_target_and_unreadable_records() -> None:
    vault = FakeVault()
    with pytest.raises(NotFound):
        progress_for_vault(vault, "urn:nope", now=NOW)
    vault.add("ok", credential("x"), [passed()])
    from fake_vault import FakeStored

    vault.credentials.append(FakeStored("garbled", b"", "vc-ldp", {"format": "no-such-format"}, None))
    candidates, unreadable = candidates_from_vault(vault)
    assert [c.id for c in candidates] == ["ok"]
    assert unreadable[0][0] == "garbled" and "cannot be read" in unreadable[0][1]
    result = progress_for_vault(vault, bundled_targets()[0].id, now=NOW)[0]
    assert ("garbled", msg("stacking.pending.unreadable", detail=unreadable[0][1])) in [tuple(p) for p in result.pending]
