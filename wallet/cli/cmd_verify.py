"""`wallet verify` (no vault needed) and `wallet bench verify`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from wallet.cli.cmd_credentials import read_input_file
from wallet.cli.common import EXIT_NOT_VERIFIED, parse_now, print_json
from wallet.display import render_text
from wallet.errors import InputError
from wallet.model import Verdict
from wallet.verify.context import VerificationContext


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify", help="verify credential or presentation files offline (no vault needed)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="one JSON object per file, one per line")
    p.add_argument("--now", metavar="ISO-8601", help="verify as of this time (default: now)")
    p.add_argument("--status-list", action="append", default=[], metavar="FILE",
                   help="a status list credential to check status against (repeatable)")
    p.add_argument("--did-doc", action="append", default=[], metavar="FILE",
                   help="a DID document to resolve did:web and other DIDs (repeatable)")
    p.add_argument("--document", action="append", default=[], metavar="FILE",
                   help="an Open Badges 2.0 issuer profile or key document, matched by its id (repeatable)")
    p.add_argument("--challenge", help="expected presentation challenge")
    p.add_argument("--domain", help="expected presentation domain")
    p.add_argument("--lang", default="en", help="preferred languages for the text output")
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


def _json_file(name: str) -> dict[str, Any]:
    try:
        data = json.loads(read_input_file(name))
    except json.JSONDecodeError as exc:
        raise InputError(f"{name} is not JSON: {exc.msg} at line {exc.lineno}") from exc
    if not isinstance(data, dict):
        raise InputError(f"{name} must hold a JSON object")
    return data


def _by_id(files: list[str], what: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in files:
        doc = _json_file(name)
        ident = doc.get("id")
        if not isinstance(ident, str):
            raise InputError(f"{name}: a {what} needs an 'id' to be matched by")
        out[ident] = doc
    return out


def build_context(args: argparse.Namespace) -> VerificationContext:
    status_lists: dict[str, bytes] = {}
    for name in args.status_list:
        raw = read_input_file(name)
        try:
            ident = json.loads(raw).get("id")
        except (json.JSONDecodeError, AttributeError) as exc:
            raise InputError(f"{name} is not a JSON status list credential") from exc
        if not isinstance(ident, str):
            raise InputError(f"{name}: the status list credential has no 'id' (its URL)")
        status_lists[ident] = raw
    kwargs: dict[str, Any] = dict(
        status_lists=status_lists,
        did_documents=_by_id(args.did_doc, "DID document"),
        documents=_by_id(args.document, "document"),
        challenge=args.challenge,
        domain=args.domain,
    )
    now = parse_now(args.now)
    if now is not None:
        kwargs["now"] = now
    return VerificationContext(**kwargs)


def cmd_verify(args: argparse.Namespace) -> int:
    from wallet.verify.engine import verify_bytes

    ctx = build_context(args)
    bad = 0
    for i, name in enumerate(args.files):
        try:
            raw = read_input_file(name)
        except InputError as exc:
            if args.json:
                print_json({"file": name, "format": "unknown", "verdict": "invalid",
                            "checks": [{"name": "format", "status": "failed", "reason": str(exc)}]},
                           one_line=True)
            else:
                print(f"{name}: invalid — {exc}")
            bad += 1
            continue
        cred, report = verify_bytes(raw, ctx)
        if report.verdict in (Verdict.INVALID, Verdict.CANNOT_VERIFY_OFFLINE):
            bad += 1
        if args.json:
            out = {"file": name, **report.to_json()}
            if cred is not None:
                out["title"] = cred.display_title(args.lang.split(","))
                out["issuer"] = cred.issuer.id
            print_json(out, one_line=True)
        else:
            if i:
                print()
            print(f"== {name}")
            if cred is not None:
                print(render_text(cred, args.lang.split(","), report))
            else:
                print(f"Verification: {report.verdict.value}")
                for c in report.checks:
                    print(f"  [{c.status.value:>11}] {c.name}: {c.reason}")
    return EXIT_NOT_VERIFIED if bad else 0


def cmd_bench_verify(args: argparse.Namespace) -> int:
    from wallet.bench import run_bench

    result = run_bench(Path(args.dir), runs=args.runs, full=args.full)
    if args.json:
        print_json(result)
    return 0
