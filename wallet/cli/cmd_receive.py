"""``wallet receive``: accept a credential offer from an issuer (OpenID4VCI), with the consent summary first.

    wallet receive OFFER_URI|FILE [--tx-code CODE] [--yes] [--json] [--no-browser] [--batch N] [--lang sl]
    wallet receive --pending

Exit code 0 only when every offered credential was stored (a duplicate of a
stored one counts); 1 when the user declined; 3 when some were refused,
skipped, failed or are still pending; the ``wallet.errors`` codes when the
issuer could not be used at all (40: the issuer refused, 30-39: the network).
It honours ``WALLET_CA_BUNDLE``, ``WALLET_ONLINE_ALLOW_LOOPBACK`` and ``WALLET_OFFLINE``.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from wallet.cli.common import add_vault_options, open_vault, print_json, say

EXIT_DECLINED = 1
EXIT_NOT_ALL = 3
TX_CODE_ATTEMPTS = 3


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("receive", help="accept a credential offer from an issuer (OpenID4VCI)")
    add_vault_options(p)
    p.add_argument("offer", nargs="?", metavar="OFFER_URI|FILE",
                   help="an openid-credential-offer:// link, or a file holding one (text, JSON or a QR image)")
    p.add_argument("--tx-code", metavar="CODE", help="the transaction code the issuer sent separately")
    p.add_argument("--yes", action="store_true", help="accept without asking (for scripts)")
    p.add_argument("--json", action="store_true", help="print the summary and the result as JSON")
    p.add_argument("--no-browser", action="store_true",
                   help="do not open a browser: follow the issuer's redirect directly (issuers that approve "
                        "without a sign-in page only)")
    p.add_argument("--batch", type=int, default=1, metavar="N",
                   help="ask for N copies of each credential, each bound to its own key (if the issuer allows)")
    p.add_argument("--pending", action="store_true", help="collect credentials an issuer was still preparing")
    p.add_argument("--lang", help="languages of the summary, e.g. sl,en (default: the ui.credential_languages setting)")
    p.set_defaults(func=cmd_receive)


def _client() -> Any:
    from wallet.online import OnlineClient, OnlineSettings  # deferred: start-up time

    return OnlineClient(OnlineSettings.from_env())


def _source(value: str) -> Any:
    path = Path(value)
    if not value.lower().startswith(("openid-credential-offer:", "https:", "{")) and path.exists():
        return path
    return value


def _print_summary(summary: Any, langs: tuple[str, ...]) -> None:
    from wallet.app.receive import key_message  # deferred: start-up time
    from wallet.messages import msg  # deferred: start-up time

    print(say(msg("receive.heading", issuer=summary.issuer_name), langs))
    if summary.metadata.signed_by:
        print("  " + say(msg("receive.signed_by", subject=summary.metadata.signed_by), langs))
    print("  " + say(msg("receive.unverified_issuer", host=summary.host), langs))
    for item in summary.credentials:
        line = f"  - {item.name} ({item.format})"
        if item.receivable and item.key is not None:
            line += " — " + say(msg("receive.bound_to", key=key_message(item.key)), langs)
        elif item.problem is not None:
            line += " — " + say(item.problem, langs)
        print(line)
        if item.description:
            print(f"      {item.description}")
    if summary.batch > 1:
        print("  " + say(msg("receive.batch", count=summary.batch), langs))
    print(say(msg("receive.sends_heading"), langs))
    for message in summary.sends:
        print("  * " + say(message, langs))


def _ask_tx_code(summary: Any, langs: tuple[str, ...]) -> str:
    from wallet.errors import UsageError  # deferred: start-up time
    from wallet.messages import msg  # deferred: start-up time

    tx = summary.tx_code
    if not sys.stdin.isatty():
        raise UsageError("this offer needs a transaction code: pass --tx-code CODE",
                         message=msg("receive.tx_code_needed"))
    hint = ""
    if tx.length:
        mode = msg("receive.mode_numeric") if tx.input_mode == "numeric" else msg("receive.mode_text")
        hint = " (" + say(msg("receive.tx_code_shape", count=tx.length, mode=mode), langs) + ")"
    if tx.description:
        print(tx.description, file=sys.stderr)
    return getpass.getpass(say(msg("receive.tx_code_prompt"), langs) + hint + ": ").strip()


def _accept(summary: Any, args: argparse.Namespace, vault: Any, client: Any, langs: tuple[str, ...]) -> Any:
    from wallet.app.receive_flow import TxCodeRejected, accept, headless_browser, system_browser

    browser = headless_browser(client) if args.no_browser else system_browser
    code = args.tx_code
    for attempt in range(TX_CODE_ATTEMPTS):
        if summary.tx_code is not None and not code:
            code = _ask_tx_code(summary, langs)
        try:
            return accept(summary, vault=vault, client=client, tx_code=code, browser=browser,
                          progress=None if args.json else (lambda m: print(say(m, langs), file=sys.stderr)))
        except TxCodeRejected as exc:
            if args.tx_code or attempt == TX_CODE_ATTEMPTS - 1 or not sys.stdin.isatty():
                raise
            print(say(exc.message, langs) if exc.message else str(exc), file=sys.stderr)
            code = None
    raise AssertionError("unreachable")


def _print_result(result: Any, langs: tuple[str, ...]) -> None:
    from wallet.messages import msg  # deferred: start-up time

    labels = {"stored": msg("receive.outcome_stored"), "duplicate": msg("receive.outcome_duplicate"),
              "refused": msg("receive.outcome_refused"), "pending": msg("receive.outcome_pending"),
              "failed": msg("receive.outcome_failed"), "skipped": msg("receive.outcome_skipped")}
    for item in result.items:
        ident = f" {item.credential_id}" if item.credential_id else ""
        print(f"{say(labels[item.outcome.value], langs):>20}{ident} {item.name} — {say(item.message, langs)}")
    for note in result.notes:
        print("  note: " + say(note, langs))
    print(say(msg("receive.summary_stored", count=len(result.stored)), langs))


def cmd_receive(args: argparse.Namespace) -> int:
    from wallet.app import credentials  # deferred: start-up time
    from wallet.app.receive import inspect
    from wallet.app.receive_state import retry_pending
    from wallet.cli.common import confirm
    from wallet.errors import UsageError
    from wallet.messages import msg

    if not args.pending and not args.offer:
        raise UsageError("give an offer link or file (or --pending to collect waiting credentials)")
    if not 1 <= args.batch <= 10:
        raise UsageError("--batch is between 1 and 10")
    client = _client()
    with open_vault(args) as vault:
        langs = credentials.languages_or_setting(vault, args.lang)
        if args.pending:
            result = retry_pending(vault, client, progress=None if args.json else
                                   (lambda m: print(say(m, langs), file=sys.stderr)))
            if args.json:
                print_json(result.to_json(langs))
            elif not result.items:
                print(say(msg("receive.none_pending"), langs))
            else:
                _print_result(result, langs)
            return 0 if result.all_stored or not result.items else EXIT_NOT_ALL
        summary = inspect(_source(args.offer), client=client, vault=vault, langs=langs, batch=args.batch)
        if args.json and not args.yes:
            print_json({"summary": summary.to_json()}, one_line=True)
        elif not args.json:
            _print_summary(summary, langs)
        question = say(msg("receive.question"), langs)
        if not args.yes:
            if not sys.stdin.isatty():
                raise UsageError(f"{question} — refusing without a terminal; pass --yes to accept")
            print(question + " [y/N] ", end="", file=sys.stderr, flush=True)
            if input().strip().lower() not in ("y", "yes", "d", "da"):
                print(say(msg("receive.declined"), langs))
                return EXIT_DECLINED
        elif not confirm(question, True):
            return EXIT_DECLINED
        result = _accept(summary, args, vault, client, langs)
    if args.json:
        print_json({"summary": summary.to_json(), "result": result.to_json(langs)})
    else:
        _print_result(result, langs)
    return 0 if result.all_stored else EXIT_NOT_ALL
