"""Verifying files without a vault (``wallet verify``): evidence given as files, a report per file.

A batch always finishes: a file that cannot be read, or is not a credential,
gets a report with a failed ``format`` check like any other, and the other
files are still verified.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wallet.app.files import read_file
from wallet.errors import InputError
from wallet.messages import msg
from wallet.model import Check, CheckId, CheckStatus, Credential, CredentialFormat, VerificationReport
from wallet.verify.context import VerificationContext
from wallet.verify.engine import verify_bytes


@dataclass(frozen=True)
class FileReport:
    name: str
    credential: Credential | None
    report: VerificationReport


def _json_file(name: str) -> dict[str, Any]:
    raw = read_file(name).raw
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{name} is not JSON", message=msg("evidence_file.not_json", name=name)) from exc
    if not isinstance(data, dict):
        raise InputError(f"{name} must hold a JSON object", message=msg("evidence_file.not_json", name=name))
    return data


def _by_id(files: Sequence[str], what: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in files:
        doc = _json_file(name)
        ident = doc.get("id")
        if not isinstance(ident, str):
            raise InputError(f"{name}: a {what} needs an 'id' to be matched by",
                             message=msg("evidence_file.no_id", name=name))
        out[ident] = doc
    return out


def status_list_files(specs: Sequence[str]) -> dict[str, bytes]:
    """``URL=FILE`` (the URL the credential names) or ``FILE`` (keyed by the list's own ``id``)."""
    out: dict[str, bytes] = {}
    for spec in specs:
        url, sep, name = spec.partition("=")
        if sep and url.startswith(("https://", "http://")):
            out[url] = read_file(name).raw
            continue
        raw = read_file(spec).raw
        try:
            ident = json.loads(raw).get("id")
        except (json.JSONDecodeError, UnicodeDecodeError, AttributeError) as exc:
            raise InputError(f"{spec} is not a JSON status list credential",
                             message=msg("evidence_file.not_json", name=spec)) from exc
        if not isinstance(ident, str):
            raise InputError(f"{spec}: the status list credential has no 'id'; give it as URL={spec}",
                             message=msg("evidence_file.no_id", name=spec))
        out[ident] = raw
    return out


def build_context(*, now: datetime | None = None, status_lists: Sequence[str] = (), did_documents: Sequence[str] = (),
                  documents: Sequence[str] = (), challenge: str | None = None,
                  domain: str | None = None) -> VerificationContext:
    """A context from evidence files the user gives (no vault, nothing fetched)."""
    kwargs: dict[str, Any] = dict(
        status_lists=status_list_files(status_lists),
        did_documents=_by_id(did_documents, "DID document"),
        documents=_by_id(documents, "document"),
        challenge=challenge,
        domain=domain,
    )
    if now is not None:
        kwargs["now"] = now
    return VerificationContext(**kwargs)


def verify_files(names: Sequence[str], ctx: VerificationContext) -> list[FileReport]:
    """One report per file, in order; unreadable files get a failed format check."""
    out = []
    for name in names:
        try:
            raw = read_file(name).raw
        except InputError as exc:
            message = exc.message or msg("format.unreadable", detail=str(exc))
            report = VerificationReport(CredentialFormat.UNKNOWN, (Check(CheckId.FORMAT, CheckStatus.FAILED, message),),
                                        ctx.now)
            out.append(FileReport(name, None, report))
            continue
        cred, report = verify_bytes(raw, ctx)
        out.append(FileReport(name, cred, report))
    return out
