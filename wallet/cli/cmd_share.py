"""``wallet share`` and ``wallet verify-bundle`` (thin: the use cases are ``wallet.app.sharing``).

Before anything leaves, the credentials that are not in force (revoked,
expired, changed) are named on stderr; with ``--yes`` (scripts) or after a
"yes" on the terminal the share goes ahead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from wallet.cli.common import (
    EXIT_NOT_VERIFIED,
    add_vault_options,
    confirm,
    langs_of,
    online_client,
    open_vault,
    parse_now,
    print_json,
    say,
)
from wallet.errors import UsageError
from wallet.sharing.expiry import format_instant

MAX_BUNDLE_INPUT = 4 * 1024 * 1024


def register(subparsers: Any) -> None:
    share = subparsers.add_parser(
        "share", help="share credentials: signed bundle file, link, QR code, Europass CV XML or PDF",
        description="Make a holder-signed bundle (Verifiable Presentation) of the chosen credentials, "
                    "or export them as Europass CV XML or a printable PDF.")
    share.add_argument("ids", nargs="+", metavar="ID", help="credential ids (or unique prefixes)")
    out = share.add_mutually_exclusive_group()
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
    share.add_argument("--hosted", action="store_true",
                       help="upload the bundle, end-to-end encrypted, to a share service and print its link "
                            "(with --qr/--pdf: their QR code carries that short link)")
    share.add_argument("--server", metavar="URL", help="with --hosted: the share service (default: setting share.server)")
    share.add_argument("--one-time", action="store_true", help="with --hosted: the link can be opened once")
    share.add_argument("--yes", action="store_true", help="share even credentials that are revoked or expired")
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
    verify.add_argument("--now", help="verify as of this time (ISO 8601)")
    verify.add_argument("--lang", default="en", help="language of the summary, e.g. sl")
    verify.add_argument("--claim", action="store_true", help="open a one-time hosted link (it is used up)")
    verify.set_defaults(func=verify_bundle_handler)

    shares = subparsers.add_parser("shares", help="what you have shared: hosted links with their expiry, and files")
    shares.add_argument("--json", action="store_true")
    add_vault_options(shares)
    shares.set_defaults(func=shares_handler)

    unshare = subparsers.add_parser("unshare", help="delete a hosted link on the share service (for real)")
    unshare.add_argument("link", metavar="LINK|ID", help="the hosted link, or its id from `wallet shares`")
    add_vault_options(unshare)
    unshare.set_defaults(func=unshare_handler)


def _request(args: argparse.Namespace) -> Any:
    from wallet.app.sharing import ShareRequest  # deferred: start-up time
    from wallet.sharing.pdf import parse_langs  # deferred: start-up time

    langs = parse_langs(args.lang) if args.pdf else tuple((args.lang or "en").split(","))
    return ShareRequest(tuple(args.ids), args.challenge, args.domain, args.expires, langs, args.base)


def _confirm_states(vault: Any, request: Any, assume_yes: bool) -> bool:
    from wallet.app import sharing  # deferred: start-up time

    warnings = sharing.prepare(vault, request)
    for warning in warnings:
        print(f"wallet: warning: {say(warning)}", file=sys.stderr)
    return not warnings or confirm("Share them anyway?", assume_yes)


def share_handler(args: argparse.Namespace) -> int:
    from wallet.app import sharing  # deferred: start-up time

    now = parse_now(getattr(args, "now", None))
    request = _request(args)
    with open_vault(args) as vault:
        if args.europass:
            result = sharing.europass(vault, request, args.europass, legacy=args.legacy, now=now)
            for refusal in result.refusals:
                print(f"wallet: left out {refusal.title!r}: {say(refusal.message)}", file=sys.stderr)
            if result.path:
                print(f"Wrote Europass CV XML ({'SkillsPassport v3.3' if args.legacy else 'Candidate 2020+'}) "
                      f"with {result.count} credential(s) to {args.europass}.")
            # Only verified credentials go into a CV; what was left out makes the command fail for scripts.
            return 3 if result.refusals else 0
        if not (args.out or args.link or args.qr or args.pdf or args.hosted):
            raise UsageError("choose what to make: --out FILE, --link, --qr FILE, --pdf FILE, --europass FILE "
                             "or --hosted")
        if not _confirm_states(vault, request, args.yes):
            print("Nothing shared.")
            return 1
        kind = "file" if args.out else "qr" if args.qr else "pdf" if args.pdf else "link"
        path = args.out or args.qr or args.pdf
        hosted_link = None
        if args.hosted:
            if args.out:
                raise UsageError("--hosted makes a link; a bundle file (--out) is shared by other means")
            from wallet.app.hosted import share_hosted  # deferred: start-up time

            hosted = share_hosted(vault, request, online_client(vault), server=args.server,
                                  one_time=args.one_time, now=now)
            hosted_link = hosted.link
            if kind == "link":
                print(f"Uploaded, end-to-end encrypted, to {hosted.server} (the service cannot read it); "
                      f"the link works until {format_instant(hosted.expires)}"
                      + (" and can be opened once" if hosted.one_time else "") + ". Delete it any time with "
                      f"`wallet unshare {hosted.id}`.")
                print(hosted.link)
                return 0
        result = sharing.share(vault, request, kind, path, now=now, link_override=hosted_link)
    until = format_instant(result.expires) if result.expires else "-"
    if kind == "file":
        print(f"Wrote the signed bundle to {path} (accepted until {until}).")
    elif kind == "link":
        print(result.link)
    elif kind == "qr":
        assert result.qr is not None
        if result.qr_warning:
            print(f"wallet: warning: {result.qr_warning}", file=sys.stderr)
        print(f"Wrote a version-{result.qr.version} QR code (level {result.qr.level}, "
              f"{len(result.qr.data):,} bytes) to {path}.")
    else:
        print(f"Wrote the printable bundle to {path}.")
    return 0


def _read_source(source: str) -> bytes | str:
    if source == "-":
        return sys.stdin.buffer.read(MAX_BUNDLE_INPUT + 1)
    if "#" in source and "v=" in source.partition("#")[2]:
        return source  # a share link, not a file name
    try:
        with Path(source).open("rb") as fh:
            return fh.read(MAX_BUNDLE_INPUT + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {source}: {exc.strerror or exc}") from exc


def _is_hosted(source: str) -> bool:
    return source.startswith(("https://", "http://")) and "/s/" in source and "k=" in source.partition("#")[2]


def verify_bundle_handler(args: argparse.Namespace) -> int:
    from wallet.app.sharing import check_received  # deferred: start-up time
    from wallet.readout import Headline  # deferred: start-up time

    if _is_hosted(args.source):
        from wallet.app.hosted import check_hosted  # deferred: start-up time

        received = check_hosted(args.source, online_client(None), claim=args.claim, challenge=args.challenge,
                                domain=args.domain, now=parse_now(args.now))
    else:
        received = check_received(_read_source(args.source), challenge=args.challenge, domain=args.domain,
                                  now=parse_now(args.now))
    if args.json:
        print_json(received.to_json())
    else:
        for line in received.summary_lines(langs=langs_of(args)):
            print(line)
    return 0 if received.readout.headline is Headline.CHECKS_OUT else EXIT_NOT_VERIFIED


def shares_handler(args: argparse.Namespace) -> int:
    from wallet.app.hosted import list_hosted  # deferred: start-up time

    with open_vault(args) as vault:
        hosted = list_hosted(vault)
    if args.json:
        print_json([h.to_json() for h in hosted])
        return 0
    if not hosted:
        print("You have no hosted links. Make one with `wallet share ID... --hosted`.")
        return 0
    for h in hosted:
        state = "deleted" if h.deleted else "expired" if h.expired else f"until {format_instant(h.expires)}"
        once = ", one-time" if h.one_time else ""
        print(f"{h.id}  {state}{once}  {len(h.credentials)} credential(s)  made {format_instant(h.created)}")
        if not h.deleted and not h.expired:
            print(f"    {h.link}")
    return 0


def unshare_handler(args: argparse.Namespace) -> int:
    from wallet.app.hosted import unshare  # deferred: start-up time

    with open_vault(args) as vault:
        record = unshare(vault, args.link, online_client(vault))
    print(f"Deleted {record.id} on {record.server}: the link no longer opens.")
    return 0
