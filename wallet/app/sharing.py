"""Sharing: a signed bundle as a file, a link, a QR code or a PDF; Europass CV XML; checking a received bundle.

The credentials are parsed fresh from their stored bytes and verified now (a
share must not carry a stale verdict), the bundle is signed with the holder
key inside the vault, every share is recorded in the vault so the learner
can see later what left the wallet, and files are written atomically. Before
anything leaves, :func:`warnings_for` says which chosen credentials are
revoked, expired or otherwise not in force, so a front end can ask first.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wallet.app.context import context_from_vault
from wallet.app.vault import VaultLike
from wallet.atomic import write_atomic
from wallet.errors import UsageError, WalletError
from wallet.formats import parse
from wallet.messages import Message, msg
from wallet.readout import credential_state
from wallet.sharing import expiry, link, qr
from wallet.sharing.bundle import Bundle, make_bundle
from wallet.sharing.europass_candidate import candidate_xml
from wallet.sharing.europass_common import ExportEntry, Refusal, split_exportable
from wallet.sharing.europass_legacy import skills_passport_xml
from wallet.sharing.received import ReceivedBundle
from wallet.sharing.received import verify_received as _verify_received
from wallet.verify.context import VerificationContext
from wallet.verify.engine import verify

KINDS = ("file", "link", "qr", "pdf")


@dataclass(frozen=True)
class ShareRequest:
    ids: tuple[str, ...]
    challenge: str | None = None
    domain: str | None = None
    expires: str | None = None  # "30d" style; None: the vault setting
    langs: tuple[str, ...] = ("en",)
    base: str | None = None  # link base; None: the vault setting


@dataclass(frozen=True)
class ShareResult:
    kind: str
    path: str | None
    link: str | None
    qr_png: bytes | None
    qr: qr.QrCode | None
    expires: datetime | None
    count: int
    refusals: tuple[Refusal, ...] = ()

    @property
    def qr_warning(self) -> str | None:
        return self.qr.warning if self.qr else None


def entries(vault: VaultLike, ids: Sequence[str], ctx: VerificationContext | None = None) -> list[ExportEntry]:
    """The chosen credentials, parsed fresh from their stored bytes and verified now."""
    context = ctx or context_from_vault(vault)
    out = []
    for ident in ids:
        stored = vault.get_credential(ident)
        try:
            cred = parse(stored.raw)
        except WalletError as exc:
            raise UsageError(f"credential {ident} can no longer be read ({exc}); re-import it") from exc
        out.append(ExportEntry(cred, verify(cred, context)))
    return out


def warnings_for(chosen: Sequence[ExportEntry]) -> list[Message]:
    """One message per chosen credential that is not in force (revoked, expired, forged, ...)."""
    found = []
    for number, entry in enumerate(chosen, start=1):
        if entry.report is None:
            continue
        readout = credential_state(entry.report)
        if readout.state.bad:
            found.append(msg("sharing.warn_item", number=number, title=entry.credential.display_title(),
                             state=readout.state.label, reason=readout.reason))
    return found


def prepare(vault: VaultLike, request: ShareRequest) -> list[Message]:
    """Check a request before anything is signed: a bad expiry is refused (UsageError), and
    the chosen credentials that are not in force are returned, for the user to confirm."""
    if not request.ids:
        raise UsageError("choose at least one credential to share")
    if request.expires:
        expiry.parse_duration(request.expires)
    return warnings_for(entries(vault, request.ids))


def bundle_for(vault: VaultLike, request: ShareRequest, chosen: Sequence[ExportEntry], now: datetime) -> Bundle:
    duration = request.expires or str(vault.get_setting(expiry.SETTING_KEY, expiry.DEFAULT_EXPIRES))
    return make_bundle([e.credential for e in chosen], vault.holder_private_key(), vault.holder_did(),
                       challenge=request.challenge or None, domain=request.domain or None,
                       expires=expiry.expiry_time(duration, now), now=now)


def _write(path: str, data: bytes) -> None:
    try:
        write_atomic(Path(path), data)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc


def share(vault: VaultLike, request: ShareRequest, kind: str, path: str | None = None,
          *, now: datetime | None = None, ctx: VerificationContext | None = None,
          link_override: str | None = None) -> ShareResult:
    """Make one share: ``file`` (signed bundle), ``link``, ``qr`` (PNG/SVG at ``path`` or PNG bytes), ``pdf``.

    ``link_override``: the link the QR code and the PDF carry instead of a self-contained one (a hosted
    link, which stays small whatever the bundle's size).
    """
    if kind not in KINDS:
        raise UsageError(f"unknown kind of share {kind!r}")
    if kind in ("file", "pdf") and not path:
        raise UsageError(f"a {kind} share needs a file name")
    when = now or datetime.now(UTC)
    chosen = entries(vault, request.ids, ctx)
    bundle = bundle_for(vault, request, chosen, when)
    count = len(chosen)
    if kind == "file":
        assert path is not None
        _write(path, bundle.to_bytes(pretty=True))
        vault.add_share(bundle.id, bundle.share_record("file", path))
        return ShareResult(kind, path, None, None, None, bundle.expires, count)
    url = link_override or link.encode_link(bundle.to_bytes(), request.base or str(
        vault.get_setting("share.link_base", link.DEFAULT_BASE)))
    if kind == "link":
        vault.add_share(bundle.id, bundle.share_record("link"))
        return ShareResult(kind, None, url, None, None, bundle.expires, count)
    if kind == "qr":
        svg = path is not None and Path(path).suffix.lower() == ".svg"
        if path is not None and Path(path).suffix.lower() not in (".png", ".svg"):
            raise UsageError("a QR code file name must end in .png or .svg")
        data, code = qr.qr_svg(url) if svg else qr.qr_png(url)
        if path is not None:
            _write(path, data)
        vault.add_share(bundle.id, bundle.share_record("qr", path))
        return ShareResult(kind, path, url, None if svg else data, code, bundle.expires, count)
    from wallet.sharing.pdf import bundle_pdf  # fpdf2 loads only when a PDF is made (start-up time)

    assert path is not None
    data = bundle_pdf(chosen, langs=request.langs, link=url, holder=bundle.holder, expires=bundle.expires, now=when)
    _write(path, data)
    vault.add_share(bundle.id, bundle.share_record("pdf", path))
    return ShareResult(kind, path, url, None, None, bundle.expires, count)


def europass(vault: VaultLike, request: ShareRequest, path: str, *, legacy: bool = False,
             now: datetime | None = None, ctx: VerificationContext | None = None) -> ShareResult:
    """Europass CV XML of the verified credentials among those chosen; the others are refused by name."""
    when = now or datetime.now(UTC)
    exportable, refusals = split_exportable(entries(vault, request.ids, ctx), request.langs)
    if exportable:
        data = (skills_passport_xml(exportable, request.langs, when) if legacy
                else candidate_xml(exportable, request.langs, when))
        _write(path, data)
        vault.add_share(f"urn:uuid:{uuid.uuid4()}", {
            "kind": "europass-legacy" if legacy else "europass",
            "target": path,
            "credentials": [e.credential.id for e in exportable],
            "created": expiry.format_instant(when),
        })
    return ShareResult("europass", path if exportable else None, None, None, None, None, len(exportable),
                       tuple(refusals))


def check_received(data: bytes | str, *, vault: VaultLike | None = None, challenge: str | None = None,
                   domain: str | None = None, now: datetime | None = None) -> ReceivedBundle:
    """Verify a bundle someone sent; with an open vault its trust store and evidence are used."""
    if vault is not None:
        ctx = context_from_vault(vault, now=now, challenge=challenge or None, domain=domain or None)
    else:
        kwargs: dict[str, Any] = {"challenge": challenge or None, "domain": domain or None}
        if now is not None:
            kwargs["now"] = now
        ctx = VerificationContext(**kwargs)
    return _verify_received(data, ctx)


def list_shares(vault: VaultLike) -> list[dict[str, Any]]:
    return vault.list_shares()
