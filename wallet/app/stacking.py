"""Stacking on an open vault: targets (bundled and the user's) and progress.

The CLI and the GUI both call these functions, so the vault-facing logic is
written and tested once, independent of argument parsing or widgets. ``vault``
is anything with the vault's target and credential methods (the tests use an
in-memory fake): ``put_target``, ``list_targets``, ``get_target``,
``remove_target`` and ``list_credentials``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from wallet.app.vault import StoredLike
from wallet.codec import credential_from_json
from wallet.errors import InputError
from wallet.messages import Message, msg
from wallet.model import Credential, Verdict, VerificationReport, replace
from wallet.readout import state_line
from wallet.stacking.candidates import Candidate, Pending
from wallet.stacking.elm_import import looks_like_elm, target_document_from_elm
from wallet.stacking.progress import Progress, progress
from wallet.stacking.schema import bundled_targets, load_target, read_json_file
from wallet.stacking.target import Target


class VaultLike(Protocol):
    """The vault methods stacking uses (``wallet.storage.Vault``)."""

    def put_target(self, id: str, data: dict[str, Any]) -> None: ...
    def list_targets(self) -> list[dict[str, Any]]: ...
    def get_target(self, id: str) -> dict[str, Any]: ...
    def remove_target(self, id: str) -> None: ...
    def list_credentials(self) -> Sequence[StoredLike]: ...


@dataclass(frozen=True)
class TargetProblem:
    """A target stored in the vault that no longer loads (e.g. after a schema change)."""

    id: str
    reason: str


def _bundled_ids() -> set[str]:
    return {t.id for t in bundled_targets()}


def list_all_targets(vault: VaultLike) -> tuple[list[Target], list[TargetProblem]]:
    """Bundled targets first (always present, marked bundled), then the vault's."""
    targets = bundled_targets()
    problems: list[TargetProblem] = []
    for data in vault.list_targets():
        ident = str(data.get("id", "?")) if isinstance(data, dict) else "?"
        try:
            targets.append(load_target(data))
        except InputError as exc:
            problems.append(TargetProblem(ident, str(exc)))
    return targets, problems


def find_target(vault: VaultLike, target_id: str) -> Target:
    for target in bundled_targets():
        if target.id == target_id:
            return target
    return load_target(vault.get_target(target_id))


def target_document_from_file(path: str | os.PathLike[str]) -> dict[str, Any]:
    """A target document from a target JSON file or from an ELM qualification/credential."""
    data = read_json_file(path, what="target file")
    if looks_like_elm(data):
        return target_document_from_elm(data)
    if not isinstance(data, dict):
        raise InputError(f"{Path(path).name}: a target must be a JSON object")
    return data


def add_target(vault: VaultLike, path: str | os.PathLike[str]) -> Target:
    """Validate a target file (or import an ELM specification) and store it in the vault."""
    document = target_document_from_file(path)
    try:
        target = load_target(document)
    except InputError as exc:
        raise InputError(f"{Path(path).name}: {exc}") from exc
    if target.id in _bundled_ids():
        raise InputError(f"the target id {target.id!r} belongs to a bundled target; give yours another id")
    vault.put_target(target.id, document)
    return target


def remove_target(vault: VaultLike, target_id: str) -> None:
    """Remove a user target; bundled targets are part of the app and cannot be removed."""
    if target_id in _bundled_ids():
        raise InputError(f"{target_id!r} is a bundled target and cannot be removed")
    vault.remove_target(target_id)


def _reason(report: VerificationReport) -> Message | str:
    """Why a verdict does not count: the owner's state and the check behind it."""
    if report.verdict not in (Verdict.INVALID, Verdict.CANNOT_VERIFY_OFFLINE):
        return ""
    return msg("stacking.not_counted", state=state_line(report))


def candidate_from_stored(stored: StoredLike) -> Candidate:
    """Rebuild a credential and its verdict from a vault record.

    No report means the credential was never verified: it does not count and
    is shown as pending "not verified yet".
    """
    try:
        credential: Credential = credential_from_json(stored.parsed, stored.raw)
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"stored credential {stored.id} cannot be read ({type(exc).__name__})") from exc
    if not stored.report:
        return Candidate(stored.id, credential, Verdict.CANNOT_VERIFY_OFFLINE, msg("stacking.pending.unverified"))
    try:
        report = VerificationReport.from_json(stored.report)
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"the verification report of {stored.id} cannot be read ({type(exc).__name__})") from exc
    return Candidate(stored.id, credential, report.verdict, _reason(report))


def candidates_from_vault(vault: VaultLike) -> tuple[list[Candidate], list[tuple[str, str]]]:
    """Every stored credential as a candidate, plus records that could not be read (id, reason)."""
    candidates: list[Candidate] = []
    unreadable: list[tuple[str, str]] = []
    for stored in vault.list_credentials():
        try:
            candidates.append(candidate_from_stored(stored))
        except InputError as exc:
            unreadable.append((stored.id, str(exc)))
    return candidates, unreadable


def progress_for_vault(vault: VaultLike, target_id: str | None = None, now: datetime | None = None) -> list[Progress]:
    """Progress towards one target (by id) or towards every target, bundled first.

    Credentials that cannot even be read are listed as pending with the
    reason, so nothing in the vault silently drops out of the view.
    """
    targets = [find_target(vault, target_id)] if target_id else list_all_targets(vault)[0]
    candidates, unreadable = candidates_from_vault(vault)
    results = []
    for target in targets:
        result = progress(target, candidates, now)
        if unreadable:
            result = replace(result, pending=result.pending + tuple(
                Pending(i, msg("stacking.pending.unreadable", detail=r)) for i, r in unreadable))
        results.append(result)
    return results
