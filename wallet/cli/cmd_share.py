"""``wallet share`` and ``wallet verify-bundle``: the sharing commands.

Thin: they open the vault, fetch credentials and the holder key, and hand
them to ``wallet.sharing`` (pure functions). Each share is recorded in the
vault so the learner can see later what left the wallet, to whom (challenge/
domain) and until when.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wallet.atomic import write_atomic
from wallet.errors import UsageError, WalletError


def register(subparsers: Any) -> None:
    from wallet.cli.common import add_vault_options

    share = subparsers.add_parser(
        "share", help="share credentials: signed bundle file, link, QR code, Europass CV XML or PDF",
        description="Make a holder-signed bundle (Verifiable Presentation) of the chosen credentials, "
                    "or export them as Europass CV XML or a printable PDF.")
    share.add_argument("ids", nargs="+", metavar="ID", help="credential ids (or unique prefixes)")
    out = share.add_mutually_exclusive_group(required=True)
    out.add_argument("--out", metavar="FILE", help="write the signed bundle (use the .vp.json extension)")
    out.add_argument("--link", action="store_true", help="print a self-contained share link")
    out.add_argument("--qr", metavar="OUT", help="write a QR code of the link (.png or .svg)")
    out.add_argument("--europass", metavar="OUT.xml", help="write Europass CV XML (verified credentials only)")
    out.add_argument("--pdf", metavar="OUT.pdf", help="write a printable bundle with its QR code")
    share.add_argument("--legacy", action="store_true", help="with --europass: SkillsPassport v3.3 instead of 2020+")
    share.add_argument("--lang", metavar="en[,sl]", help="with --pdf/--europass: one or two languages (default en)")
    share.add_argument("--challenge", help="the challenge (nonce) the recipient gave you")
    share.add_argument("--domain", help="the recipient's domain, if they gave one")
    share.add_argument("--expires", metavar="30d", help="how long the bundle is accepted (default: setting or 30d)")
    share.add_argument("--base", metavar="URL", help="base of the link (default: setting or wallet:/open)")
    share.add_argument("--now", help=argparse.SUPPRESS)
    add_vault_options(share)
    share.set_defaults(func=share_handler)

    verify = subparsers.add_parser(
        "verify-bundle", help="verify a bundle someone shared with you (file or link); needs no vault",
        description="Check the presenter's signature, challenge, domain, expiry, and every credential.")
    verify.add_argument("source", metavar="FILE|LINK", help="a .vp.json file, '-' for stdin, or a share link")
    verify.add_argument("--challenge", help="the challenge you gave the presenter")
    verify.add_argument("--domain", help="your domain, if you gave one")
    verify.add_argument("--json", action="store_true", help="machine-readable output")
    verify.add_argument("--now", help="verify as if at this ISO 8601 time")
    verify.set_defaults(func=verify_bundle_handler)


def _warn(message: str) -> None:
    print(f"wallet: warning: {message}", file=sys.stderr)


def _load(vault: Any, ids: list[str], ctx: Any) -> list[Any]:
    """ExportEntry per id: parsed fresh from the stored bytes and verified now."""
    from wallet.formats import parse
    from wallet.sharing.europass_common import ExportEntry
    from wallet.verify import engine

    entries = []
    for ident in ids:
        stored = vault.get_credential(ident)
        try:
            cred = parse(stored.raw)
        except WalletError as exc:
            raise UsageError(f"credential {ident} can no longer be read ({exc}); re-import it") from exc
        # Verified again now, with the vault's cached evidence: exports and the
        # PDF must show today's result, not the one from import time.
        entries.append(ExportEntry(cred, engine.verify(cred, ctx)))
    return entries


def _write(path: str, data: bytes) -> None:
    try:
        write_atomic(Path(path), data)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc


def share_handler(args: argparse.Namespace) -> int:
    from wallet.cli.common import context_for, open_vault, parse_now
    from wallet.sharing import expiry, link
    from wallet.sharing.bundle import make_bundle

    now = parse_now(getattr(args, "now", None)) or datetime.now(UTC)
    with open_vault(args) as vault:
        ctx = context_for(vault, args)
        entries = _load(vault, args.ids, ctx)
        if args.europass:
            return _europass(vault, args, entries, now)
        duration = args.expires or vault.get_setting(expiry.SETTING_KEY, expiry.DEFAULT_EXPIRES)
        expires = expiry.expiry_time(str(duration), now)
        bundle = make_bundle([e.credential for e in entries], vault.holder_private_key(), vault.holder_did(),
                             challenge=args.challenge, domain=args.domain, expires=expires, now=now)
        base = args.base or vault.get_setting("share.link_base", link.DEFAULT_BASE)
        if args.out:
            _write(args.out, bundle.to_bytes(pretty=True))
            vault.add_share(bundle.id, bundle.share_record("file", args.out))
            print(f"Wrote the signed bundle to {args.out} (accepted until {expiry.format_instant(expires)}).")
            return 0
        url = link.encode_link(bundle.to_bytes(), base)
        if args.link:
            vault.add_share(bundle.id, bundle.share_record("link"))
            print(url)
            return 0
        if args.qr:
            return _qr(vault, args, bundle, url)
        return _pdf(vault, args, bundle, entries=entries, url=url, now=now)


def _qr(vault: Any, args: argparse.Namespace, bundle: Any, url: str) -> int:
    from wallet.sharing import qr

    suffix = Path(args.qr).suffix.lower()
    if suffix not in (".png", ".svg"):
        raise UsageError("--qr needs a file name ending in .png or .svg")
    data, code = qr.qr_png(url) if suffix == ".png" else qr.qr_svg(url)
    if code.warning:
        _warn(code.warning)
    _write(args.qr, data)
    vault.add_share(bundle.id, bundle.share_record("qr", args.qr))
    print(f"Wrote a version-{code.version} QR code (level {code.level}, {len(code.data):,} bytes) to {args.qr}.")
    return 0


def _pdf(vault: Any, args: argparse.Namespace, bundle: Any, *, entries: list[Any], url: str, now: datetime) -> int:
    from wallet.sharing.pdf import bundle_pdf, parse_langs

    data = bundle_pdf(entries, langs=parse_langs(args.lang), link=url, holder=bundle.holder,
                      expires=bundle.expires, now=now)
    _write(args.pdf, data)
    vault.add_share(bundle.id, bundle.share_record("pdf", args.pdf))
    print(f"Wrote the printable bundle to {args.pdf}.")
    return 0


def _europass(vault: Any, args: argparse.Namespace, entries: list[Any], now: datetime) -> int:
    from wallet.sharing.europass_candidate import candidate_xml
    from wallet.sharing.europass_legacy import skills_passport_xml

    langs = tuple((args.lang or "en").split(","))
    data = skills_passport_xml(entries, langs, now) if args.legacy else candidate_xml(entries, langs, now)
    _write(args.europass, data)
    share_id = f"urn:uuid:{uuid.uuid4()}"
    vault.add_share(share_id, {
        "kind": "europass-legacy" if args.legacy else "europass",
        "target": args.europass,
        "credentials": [e.credential.id for e in entries],
        "created": now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    })
    print(f"Wrote Europass CV XML ({'SkillsPassport v3.3' if args.legacy else 'Candidate 2020+'}) "
          f"with {len(entries)} credential(s) to {args.europass}.")
    return 0


def _read_source(source: str) -> bytes | str:
    if source == "-":
        return sys.stdin.buffer.read(4 * 1024 * 1024 + 1)
    if "#" in source and "v=" in source.partition("#")[2]:
        return source  # a share link, not a file name
    try:
        with Path(source).open("rb") as fh:
            return fh.read(4 * 1024 * 1024 + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {source}: {exc.strerror or exc}") from exc


def verify_bundle_handler(args: argparse.Namespace) -> int:
    from wallet.cli.common import EXIT_NOT_VERIFIED, parse_now, print_json
    from wallet.model import Verdict
    from wallet.sharing.received import verify_received
    from wallet.verify.context import VerificationContext

    now = parse_now(args.now) or datetime.now(UTC)
    ctx = VerificationContext(now=now, challenge=args.challenge, domain=args.domain)
    received = verify_received(_read_source(args.source), ctx)
    if args.json:
        print_json(received.to_json())
    else:
        for line in received.summary_lines():
            print(line)
    ok = received.verdict in (Verdict.VALID, Verdict.VALID_WITH_WARNINGS)
    return 0 if ok else EXIT_NOT_VERIFIED
