"""Going online on purpose: ``wallet refresh``, ``wallet evidence``, ``wallet hosts`` (use cases in ``wallet.app``).

Exit codes (besides the common ones of ``wallet.errors``):

* ``wallet refresh``: 0 every piece of evidence was fetched (or none was
  needed); 30 some could not be fetched (each is listed with its reason);
  31 offline mode, nothing was fetched; 130 cancelled.
* ``wallet evidence pin-context``: 0 pinned (or already pinned); 1 not
  confirmed; 2 a different context is pinned for the URL (``--replace``) or
  the URL is bundled; 30–39 the fetch failed (``docs/ONLINE.md``, "Errors").
* ``wallet evidence show``: 4 nothing cached under that key.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from wallet.cli.common import add_vault_options, confirm, open_vault, parse_now, print_json, say

EXIT_NOT_ALL_FETCHED = 30
EXIT_OFFLINE = 31


def add_offline_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--offline", action="store_true",
                        help="never touch the network for this command (as the online.offline setting does)")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("refresh", help="fetch the evidence stored credentials need, then verify them again")
    add_vault_options(p)
    p.add_argument("ids", nargs="*", metavar="ID", help="credentials to refresh (default: all)")
    add_offline_option(p)
    p.add_argument("--now", metavar="ISO-8601", help="verify again as of this time")
    p.add_argument("--json", action="store_true")
    p.add_argument("--lang", help="language of the messages, e.g. sl")
    p.set_defaults(func=cmd_refresh)

    p = sub.add_parser("evidence", help="the evidence cache: list, show, pin a JSON-LD context")
    esub = p.add_subparsers(dest="evidence_command", metavar="ACTION", required=True)
    e = esub.add_parser("list", help="every cached piece of evidence: what, from where, when")
    add_vault_options(e)
    e.add_argument("--kind", help="only this kind (status-list, did-document, …)")
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=cmd_evidence_list)
    e = esub.add_parser("show", help="one cached piece of evidence")
    add_vault_options(e)
    e.add_argument("key", metavar="KEY", help="the DID or URL it is cached under")
    e.add_argument("--kind", help="the kind, when the key has several")
    e.add_argument("--raw", action="store_true", help="print the bytes exactly as fetched")
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=cmd_evidence_show)
    e = esub.add_parser("pin-context", help="fetch a JSON-LD context, show its SHA-256 and size, pin it on a yes")
    add_vault_options(e)
    e.add_argument("url", metavar="URL")
    e.add_argument("--yes", action="store_true", help="pin without asking (after printing what is pinned)")
    e.add_argument("--replace", action="store_true", help="replace a different context pinned for this URL")
    add_offline_option(e)
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=cmd_pin_context)

    p = sub.add_parser("hosts", help="hosts the wallet contacted, and your answers per host")
    add_vault_options(p)
    p.add_argument("--log", action="store_true", help="every contact, newest first, instead of one line per host")
    p.add_argument("--allow", metavar="HOST", help="fetch evidence from HOST on import without asking")
    p.add_argument("--deny", metavar="HOST", help="never fetch evidence from HOST on import or on schedule")
    p.add_argument("--forget", metavar="HOST", help="forget the answer for HOST (ask again)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_hosts)


def _when(value: Any, langs: tuple[str, ...]) -> str:
    from wallet.messages.catalogue import format_date  # deferred: start-up time

    return format_date(value.isoformat() if hasattr(value, "isoformat") else value, langs[0], True)


def cmd_refresh(args: argparse.Namespace) -> int:
    from wallet.app import credentials  # deferred: start-up time
    from wallet.app.online import make_client  # deferred: start-up time
    from wallet.app.refresh import refresh  # deferred: start-up time
    from wallet.model import CheckId  # deferred: start-up time
    from wallet.readout import credential_state  # deferred: start-up time

    with open_vault(args) as vault:
        langs = credentials.languages_or_setting(vault, args.lang)
        client = make_client(vault, offline=args.offline or None)
        result = refresh(vault, args.ids, client=client, now=parse_now(args.now))
    code = EXIT_OFFLINE if result.offline else EXIT_NOT_ALL_FETCHED if result.failed else 0
    if args.json:
        print_json(result.to_json())
        return code
    print(f"Evidence: {len(result.fetched)} fetched, {len(result.failed)} not fetched ({result.needs} needed).")
    for got in result.fetched:
        print(f"  fetched  {got.kind:<17} {got.key}  {_when(got.fetched_at, langs)}  from {got.source_url}")
    for failure in result.failed:
        print(f"  failed   {failure.kind:<17} {failure.key}  {failure.reason}")
    for note in result.notes:
        print(f"  note     {note}")
    for change in result.changes:
        print(f"{change.id}  {say(change.message, langs)}")
    for item in result.reverified:
        status = next((c for c in item.report.checks if c.id is CheckId.STATUS), None)
        reason = credential_state(item.report).reason or (status.message if status else None)
        line = f"{item.id}  {say(item.after.label, langs)}"
        print(line + (f"  — {say(reason, langs)}" if reason is not None else ""))
    return code


def cmd_evidence_list(args: argparse.Namespace) -> int:
    from wallet.app.evidence import cache_size, list_evidence  # deferred: start-up time

    with open_vault(args) as vault:
        items = list_evidence(vault, args.kind)
        size = cache_size(vault)
    if args.json:
        print_json({"evidence": [i.to_json() for i in items], "cache": size.to_json()})
        return 0
    for i in items:
        where = i.source_url or "(from a file)"
        print(f"{i.kind:<17} {i.key}  {i.fetched_at.isoformat(timespec='seconds')}  {i.size} bytes  {where}")
    print(f"{size.count} pieces of evidence, {size.size} bytes")
    return 0


def cmd_evidence_show(args: argparse.Namespace) -> int:
    from wallet.app.evidence import show_evidence  # deferred: start-up time

    with open_vault(args) as vault:
        item = show_evidence(vault, args.key, args.kind)
    if args.raw:
        sys.stdout.buffer.write(item.data)
        return 0
    if args.json:
        print_json(item.to_json())
        return 0
    s = item.summary
    rows = [("kind", s.kind), ("key", s.key), ("fetched", s.fetched_at.isoformat(timespec="seconds")),
            ("from", s.source_url or "(not fetched online)"), ("media type", s.media_type or "-"),
            ("size", f"{s.size} bytes"), ("SHA-256", s.sha256),
            ("issued", s.issued_at.isoformat(timespec="seconds") if s.issued_at else "-"),
            ("fresh until", s.stale_after.isoformat(timespec="seconds") if s.stale_after else "-")]
    if s.revoked is not None:
        rows.append(("revoked", "yes" if s.revoked else "no"))
    for label, value in rows:
        print(f"{label + ':':<13} {value}")
    for note in s.notes:
        print(f"note:         {note}")
    text = item.text
    print("\n" + text if text is not None else "\n(binary content; use --raw)")
    return 0


def cmd_pin_context(args: argparse.Namespace) -> int:
    from wallet.app.evidence import fetch_context_candidate, pin_candidate  # deferred: start-up time
    from wallet.app.online import make_client  # deferred: start-up time

    with open_vault(args) as vault:
        client = make_client(vault, offline=args.offline or None)
        candidate = fetch_context_candidate(vault, args.url, client=client)
        if not args.json:
            print(f"URL:     {candidate.url}")
            print(f"from:    {candidate.source_url}")
            print(f"SHA-256: {candidate.sha256}")
            print(f"size:    {candidate.size} bytes")
            if candidate.replaces:
                print(f"pinned now: SHA-256 {candidate.pinned_sha256} (a different context)")
        if candidate.already_pinned:
            pinned = False
        elif not confirm(f"Pin this context for {candidate.url}?", args.yes):
            if args.json:
                print_json({**candidate.to_json(), "pinned": False})
            else:
                print("Not pinned.")
            return 1
        else:
            pinned = pin_candidate(vault, candidate, replace=args.replace)
    if args.json:
        print_json({**candidate.to_json(), "pinned": pinned or candidate.already_pinned})
    else:
        print("Pinned." if pinned else "Already pinned (the same bytes).")
    return 0


def cmd_hosts(args: argparse.Namespace) -> int:
    from wallet.app.online import contacted_hosts, contacts, decide_host  # deferred: start-up time

    with open_vault(args) as vault:
        for host, allowed in ((args.allow, True), (args.deny, False), (args.forget, None)):
            if host:
                decide_host(vault, host, allowed)
        decisions = dict(vault.host_decisions())
        log = contacts(vault) if args.log else []
        summary = [] if args.log else contacted_hosts(vault)
    if args.json:
        print_json({"hosts": [h.to_json() for h in summary], "contacts": [c.to_json() for c in log],
                    "answers": decisions})
        return 0
    for c in log:
        print(f"{c.when.isoformat(timespec='seconds')}  {c.host:<40} {c.purpose}")
    for h in summary:
        answer = {True: "allowed", False: "refused", None: ""}[h.allowed]
        print(f"{h.host:<40} {h.count:>5}x  last {h.last.isoformat(timespec='seconds')}  {answer:<8} "
              f"{', '.join(h.purposes)}")
    unasked = sorted(set(decisions) - {h.host for h in summary})
    for host in unasked if not args.log else []:
        print(f"{host:<40}     0x  {'allowed' if decisions[host] else 'refused'}")
    if not log and not summary and not unasked:
        print("The wallet has not contacted any host.")
    return 0
