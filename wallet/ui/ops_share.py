"""Sharing work for the GUI, run on the vault thread (bundle, link, QR, Europass, PDF).

The same steps as ``wallet share`` in the CLI: credentials are parsed fresh
from their stored bytes and verified now (a share must not carry a stale
verdict), the bundle is signed with the holder key inside the vault, and
every share is recorded in the vault so the learner can see later what left
the wallet. Files are written atomically (``wallet.atomic``).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wallet.model import VerificationReport


@dataclass(frozen=True)
class ShareRequest:
    ids: tuple[str, ...]
    challenge: str | None
    domain: str | None
    expires: str  # "30d" style duration
    langs: tuple[str, ...] = ("en",)


@dataclass(frozen=True)
class ShareResult:
    kind: str
    path: str | None
    link: str | None
    qr_png: bytes | None
    qr_warning: str | None
    expires: str | None
    count: int


def _entries(vault: Any, ids: Sequence[str]) -> list[Any]:
    from wallet.formats import parse
    from wallet.sharing.europass_common import ExportEntry
    from wallet.vault_context import context_from_vault
    from wallet.verify import engine

    ctx = context_from_vault(vault)
    entries = []
    for ident in ids:
        stored = vault.get_credential(ident)
        cred = parse(stored.raw)
        report: VerificationReport | None = engine.verify(cred, ctx)
        if report is None and stored.report:
            report = VerificationReport.from_json(stored.report)
        entries.append(ExportEntry(cred, report))
    return entries


def _bundle(vault: Any, request: ShareRequest, entries: list[Any], now: datetime) -> Any:
    from wallet.sharing import expiry
    from wallet.sharing.bundle import make_bundle

    expires = expiry.expiry_time(request.expires, now)
    return make_bundle([e.credential for e in entries], vault.holder_private_key(), vault.holder_did(),
                       challenge=request.challenge or None, domain=request.domain or None,
                       expires=expires, now=now)


def _link(vault: Any, bundle: Any) -> str:
    from wallet.sharing import link

    base = vault.get_setting("share.link_base", link.DEFAULT_BASE)
    return link.encode_link(bundle.to_bytes(), str(base))


def _write(path: str, data: bytes) -> None:
    from wallet.atomic import write_atomic

    write_atomic(Path(path), data)


def share(vault: Any, _task: Any, request: ShareRequest, kind: str, path: str | None = None) -> ShareResult:
    """Make one share: ``file``, ``link``, ``qr`` (PNG bytes, saved later), ``pdf``."""
    from wallet.sharing import expiry

    now = datetime.now(UTC)
    entries = _entries(vault, request.ids)
    bundle = _bundle(vault, request, entries, now)
    until = expiry.format_instant(bundle.expires) if bundle.expires else None
    if kind == "file":
        assert path is not None
        _write(path, bundle.to_bytes(pretty=True))
        vault.add_share(bundle.id, bundle.share_record("file", path))
        return ShareResult(kind, path, None, None, None, until, len(entries))
    url = _link(vault, bundle)
    if kind == "link":
        vault.add_share(bundle.id, bundle.share_record("link"))
        return ShareResult(kind, None, url, None, None, until, len(entries))
    if kind == "qr":
        from wallet.sharing import qr

        data, code = qr.qr_png(url)
        vault.add_share(bundle.id, bundle.share_record("qr", path))
        return ShareResult(kind, path, url, data, code.warning, until, len(entries))
    if kind == "pdf":
        from wallet.sharing.pdf import bundle_pdf

        assert path is not None
        data = bundle_pdf(entries, langs=request.langs, link=url, holder=bundle.holder,
                          expires=bundle.expires, now=now)
        _write(path, data)
        vault.add_share(bundle.id, bundle.share_record("pdf", path))
        return ShareResult(kind, path, url, None, None, until, len(entries))
    raise ValueError(f"unknown share kind {kind!r}")


def europass(vault: Any, _task: Any, request: ShareRequest, path: str, legacy: bool) -> tuple[ShareResult, list[Any]]:
    """Europass CV XML of the exportable credentials; returns refusals to show."""
    from wallet.sharing.europass_candidate import candidate_xml
    from wallet.sharing.europass_common import split_exportable
    from wallet.sharing.europass_legacy import skills_passport_xml

    now = datetime.now(UTC)
    entries = _entries(vault, request.ids)
    exportable, refusals = split_exportable(entries, request.langs)
    if exportable:
        data = (skills_passport_xml(exportable, request.langs, now) if legacy
                else candidate_xml(exportable, request.langs, now))
        _write(path, data)
        vault.add_share(f"urn:uuid:{uuid.uuid4()}", {
            "kind": "europass-legacy" if legacy else "europass",
            "target": path,
            "credentials": [e.credential.id for e in exportable],
            "created": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        })
    return ShareResult("europass", path if exportable else None, None, None, None, None, len(exportable)), list(refusals)


def save_bytes(path: str, data: bytes) -> str:
    _write(path, data)
    return path


def verify_received(vault: Any | None, _task: Any, data: bytes | str, challenge: str | None,
                    domain: str | None) -> Any:
    """Verify what someone sent; uses the wallet's trust store and evidence when unlocked."""
    from wallet.sharing.received import verify_received as run
    from wallet.verify.context import VerificationContext

    if vault is not None:
        from wallet.vault_context import context_from_vault

        ctx = context_from_vault(vault, challenge=challenge or None, domain=domain or None)
    else:
        ctx = VerificationContext(challenge=challenge or None, domain=domain or None)
    return run(data, ctx)
