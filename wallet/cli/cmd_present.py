"""``wallet present``: answer a verifier's OpenID4VP request, with the consent summary first; ``wallet presentations``.

    wallet present REQUEST_URI|QR_IMAGE|FILE|- [--select ID...] [--yes] [--json] [--lang sl]
    wallet presentations [--json] [--limit N]

Exit code 0 only when the verifier accepted the answer (HTTP 200); 1 when the
user declined; 3 when the verifier answered with another status; the
``wallet.errors`` codes when the request could not be used (42: the request
is not trustworthy, 30-39: the network, 2: a choice that does not answer
the request). Nothing is sent in any of those cases. With ``--yes`` the best
match for what the request needs is sent (``--select`` picks others). A
``redirect_uri`` the verifier returns is printed, never opened. It honours
``WALLET_CA_BUNDLE``, ``WALLET_ONLINE_ALLOW_LOOPBACK`` and ``WALLET_OFFLINE``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from wallet.cli.common import add_vault_options, open_vault, print_json, say

EXIT_DECLINED = 1
EXIT_NOT_ACCEPTED = 3


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("present", help="answer a verifier's request for credentials (OpenID4VP)")
    add_vault_options(p)
    p.add_argument("request", metavar="REQUEST_URI|QR_IMAGE|-",
                   help="an openid4vp:// link, a file holding one (text or a QR image), or - to read it from stdin")
    p.add_argument("--select", nargs="+", default=[], metavar="ID",
                   help="present these credentials (ids or unique id prefixes) instead of the best match")
    p.add_argument("--yes", action="store_true", help="send without asking (for scripts)")
    p.add_argument("--json", action="store_true", help="print the summary and the result as JSON")
    p.add_argument("--lang", help="languages of the summary, e.g. sl,en (default: the ui.credential_languages setting)")
    p.set_defaults(func=cmd_present)
    h = sub.add_parser("presentations", help="list what was presented to verifiers, newest first")
    add_vault_options(h)
    h.add_argument("--json", action="store_true", help="print the history as JSON")
    h.add_argument("--limit", type=int, default=None, metavar="N", help="show the N newest only")
    h.set_defaults(func=cmd_presentations)


def _source(value: str) -> Any:
    if value == "-":
        return sys.stdin.buffer.read(16 * 1024 * 1024)
    path = Path(value)
    if not value.lower().startswith(("openid4vp:", "https:")) and path.exists():
        return path
    return value


def _print_summary(summary: Any, langs: tuple[str, ...]) -> None:
    from wallet.claim_words import disclosed_in_words
    from wallet.messages import msg  # deferred: start-up time

    request = summary.request
    print(say(msg("cli.present.heading", who=summary.who()), langs))
    if summary.verifier_name:
        print("  " + say(msg("cli.present.name_claimed", name=summary.verifier_name), langs))
    how = msg("cli.present.encrypted") if request.encrypted else msg("cli.present.plain")
    print("  " + say(msg("cli.present.goes_to", uri=request.response_uri, encrypted=how), langs))
    for result in summary.result.queries:
        chosen = summary.choice.get(result.query.id, ())
        print(f"  [{result.query.id}]")
        if not result.satisfied:
            print("    " + say(result.why_not(), langs))
        for item in summary.offered_for(result.query.id):
            mark = "*" if item.credential_id in chosen else " "
            shows = disclosed_in_words(item.paths, langs, whole=item.whole) or "-"
            print(f"   {mark} {item.credential_id[:12]} {item.title} ({item.format})")
            print("        " + say(msg("cli.present.discloses", claims=shows), langs))


def _print_outcome(outcome: Any, langs: tuple[str, ...]) -> None:
    from wallet.messages import msg  # deferred: start-up time

    print(say(outcome.message(), langs))
    if outcome.redirect_uri:
        print(say(msg("cli.present.redirect", uri=outcome.redirect_uri), langs))


def cmd_present(args: argparse.Namespace) -> int:
    from wallet.app import credentials  # deferred: start-up time
    from wallet.app.presenting.inspect import inspect
    from wallet.app.presenting.send import send
    from wallet.errors import InputError, UsageError
    from wallet.messages import msg
    from wallet.oid4vp.choice import choose
    from wallet.online import OnlineClient, OnlineSettings

    client = OnlineClient(OnlineSettings.from_env())
    with open_vault(args) as vault:
        langs = credentials.languages_or_setting(vault, args.lang)
        summary = inspect(_source(args.request), client=client, vault=vault, langs=langs)
        if args.json and not args.yes:
            print_json({"summary": summary.to_json()}, one_line=True)
        elif not args.json:
            _print_summary(summary, langs)
        if not summary.answerable:
            reasons = "; ".join(say(m, langs) for m in summary.why_not())
            raise InputError(f"None of your credentials answers this request ({reasons}); nothing was sent.",
                             message=msg("present.nothing_matches"))
        choice = choose(summary.result, args.select, summary.choice) if args.select else summary.choice
        question = say(msg("cli.present.question"), langs)
        if not args.yes:
            if not sys.stdin.isatty() or args.request == "-":
                raise UsageError(f"{question} — refusing without a terminal; pass --yes to send")
            print(question + " [y/N] ", end="", file=sys.stderr, flush=True)
            if input().strip().lower() not in ("y", "yes", "d", "da"):
                print(say(msg("cli.present.declined"), langs))
                return EXIT_DECLINED
        outcome = send(summary, choice, vault=vault, client=client)
    if args.json:
        print_json({"summary": summary.to_json(), "result": outcome.to_json()})
    else:
        _print_outcome(outcome, langs)
    return 0 if outcome.accepted else EXIT_NOT_ACCEPTED


def cmd_presentations(args: argparse.Namespace) -> int:
    from wallet.app import credentials  # deferred: start-up time
    from wallet.app.presenting.history import claims_text, history
    from wallet.errors import UsageError
    from wallet.messages import msg

    if args.limit is not None and args.limit < 1:
        raise UsageError("--limit is at least 1")
    with open_vault(args) as vault:
        items = history(vault, args.limit)
        langs = credentials.languages_or_setting(vault, None)
        if args.json:
            print_json([i.to_json() for i in items])
            return 0
        if not items:
            print(say(msg("cli.present.history_empty"), langs))
        for item in items:
            who = msg("cli.present.verified", name=item.verifier) if item.verified else \
                msg("present.who_unverified", name=item.verifier)
            print(f"{item.created_at.astimezone():%Y-%m-%d %H:%M} {item.outcome:<9} {say(who, langs)}")
            for cred in item.credentials:
                print(f"    {cred.get('title', '?')} ({cred.get('format', '?')}): {claims_text(cred, langs)}")
    return 0
