"""`wallet verify` (no vault needed) and `wallet bench verify` (thin: see ``wallet.app.verifying``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from wallet.cli.common import EXIT_NOT_VERIFIED, langs_of, parse_now, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify", help="verify credential or presentation files offline (no vault needed)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="one JSON object per file, one per line")
    p.add_argument("--now", metavar="ISO-8601", help="verify as of this time (default: now)")
    p.add_argument("--status-list", action="append", default=[], metavar="[URL=]FILE",
                   help="a status list credential, keyed by the URL the credential names (URL=FILE) "
                        "or by the list's own id (FILE); repeatable")
    p.add_argument("--did-doc", action="append", default=[], metavar="FILE",
                   help="a DID document to resolve did:web and other DIDs (repeatable)")
    p.add_argument("--document", action="append", default=[], metavar="FILE",
                   help="an Open Badges 2.0 issuer profile or key document, matched by its id (repeatable)")
    p.add_argument("--challenge", help="expected presentation challenge")
    p.add_argument("--domain", help="expected presentation domain")
    p.add_argument("--lang", default="en", help="preferred languages for the text output, e.g. sl,en")
    p.add_argument("--technical", action="store_true", help="also print each check's technical details")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("bench", help="benchmarks")
    bsub = p.add_subparsers(dest="bench_command", metavar="WHAT")
    b = bsub.add_parser("verify", help="milliseconds per credential for each kind in DIR")
    b.add_argument("dir", metavar="DIR")
    b.add_argument("--runs", type=int, default=3)
    b.add_argument("--full", action="store_true",
                   help="also build the full display model of each credential (what import does), not only the report")
    b.add_argument("--json", action="store_true")
    b.set_defaults(func=cmd_bench_verify)


def cmd_verify(args: argparse.Namespace) -> int:
    from wallet.app.show_text import render_text, report_lines  # deferred: start-up time
    from wallet.app.verifying import build_context, verify_files  # deferred: start-up time
    from wallet.model import Verdict  # deferred: start-up time
    from wallet.readout import credential_state  # deferred: start-up time

    ctx = build_context(now=parse_now(args.now), status_lists=args.status_list, did_documents=args.did_doc,
                        documents=args.document, challenge=args.challenge, domain=args.domain)
    langs = langs_of(args)
    bad = 0
    for i, item in enumerate(verify_files(args.files, ctx)):
        report = item.report
        if report.verdict in (Verdict.INVALID, Verdict.CANNOT_VERIFY_OFFLINE):
            bad += 1
        if args.json:
            out = {"file": item.name, **report.to_json(), "state": credential_state(report).state.value}
            if item.credential is not None:
                out["title"] = item.credential.display_title(langs)
                out["issuer"] = item.credential.issuer.id
            print_json(out, one_line=True)
            continue
        if i:
            print()
        print(f"== {item.name}")
        if item.credential is not None:
            print(render_text(item.credential, langs, report, technical=args.technical))
        else:
            print("\n".join(report_lines(report, langs, args.technical)))
    return EXIT_NOT_VERIFIED if bad else 0


def cmd_bench_verify(args: argparse.Namespace) -> int:
    from wallet.bench import run_bench  # deferred: start-up time

    result = run_bench(Path(args.dir), runs=args.runs, full=args.full)
    if args.json:
        print_json(result)
    return 0
