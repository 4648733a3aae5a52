"""Credential commands: import, list, show, remove, reverify (thin: the use cases are ``wallet.app``)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from wallet.cli.common import (
    EXIT_NOT_VERIFIED,
    add_vault_options,
    confirm,
    open_vault,
    parse_now,
    print_json,
    say,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="verify and store credential files")
    add_vault_options(p)
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--now", metavar="ISO-8601", help="verify as of this time")
    p.add_argument("--json", action="store_true")
    p.add_argument("--lang", help="language of the messages, e.g. sl (default: the ui.credential_languages setting)")
    online = p.add_mutually_exclusive_group()
    online.add_argument("--online", action="store_true",
                        help="fetch the evidence these credentials need now, without asking (docs/ONLINE.md)")
    online.add_argument("--offline", action="store_true", help="fetch nothing, whatever the online.fetch setting")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("list", help="list stored credentials")
    add_vault_options(p)
    p.add_argument("--json", action="store_true")
    p.add_argument("--lang", help="preferred languages, e.g. sl,en (default: the ui.credential_languages setting)")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="show one credential with every standard element")
    add_vault_options(p)
    p.add_argument("id", metavar="ID", help="credential id (a unique prefix is enough)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--lang", help="preferred languages, e.g. sl,en (default: the ui.credential_languages setting)")
    p.add_argument("--raw", action="store_true", help="print the original bytes as received")
    p.add_argument("--technical", action="store_true", help="also print each check's technical details")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("remove", help="delete a credential from the vault")
    add_vault_options(p)
    p.add_argument("id", metavar="ID")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.add_argument("--no-notify", action="store_true",
                   help="do not tell the issuer (credentials received with OpenID4VCI tell it by default)")
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser("reverify", help="verify stored credentials again with current evidence")
    add_vault_options(p)
    p.add_argument("ids", nargs="*", metavar="ID")
    p.add_argument("--now", metavar="ISO-8601")
    p.add_argument("--json", action="store_true")
    p.add_argument("--lang", help="language of the messages, e.g. sl")
    p.set_defaults(func=cmd_reverify)


def _ask_host(host: str, needs: Any) -> bool:
    """The ``online.fetch = ask`` question, once per issuer host, on the terminal."""
    reasons = "; ".join(dict.fromkeys(n.reason for n in needs))
    answer = input(f"Fetch evidence from {host} ({reasons})? The answer is remembered. [y/N] ")
    return answer.strip().lower() in ("y", "yes")


class _ProgressBar:
    """``[#####     ] 512/1061`` on stderr while a big import is checked; nothing when stderr is not a terminal."""

    WIDTH = 30
    MIN_ITEMS = 20

    def __init__(self) -> None:
        self.shown = False
        self.last = -1

    def __call__(self, done: int, total: int) -> None:
        if total < self.MIN_ITEMS or not sys.stderr.isatty():
            return
        filled = self.WIDTH * done // total
        if filled == self.last and done != total:
            return
        self.last = filled
        sys.stderr.write(f"\r[{'#' * filled}{' ' * (self.WIDTH - filled)}] {done}/{total}")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r" + " " * (self.WIDTH + 25) + "\r")
            sys.stderr.flush()


def cmd_import(args: argparse.Namespace) -> int:
    from wallet.app import credentials, importing  # deferred: start-up time
    from wallet.app.online import import_plan, make_client  # deferred: start-up time

    items, refused = importing.read_files(args.files)
    with open_vault(args) as vault:
        langs = credentials.languages_or_setting(vault, args.lang)
        plan = import_plan(vault, online=args.online, offline=args.offline)
        client = make_client(vault) if plan.fetch else None
        ask = _ask_host if plan.ask and sys.stdin.isatty() else None
        left: list[Any] = []
        bar = _ProgressBar()
        try:
            results = refused + importing.import_items(vault, items, online=plan, client=client, ask=ask,
                                                       now=parse_now(args.now), skipped=left.extend, progress=bar)
        finally:
            bar.close()
    if left:
        hosts = sorted({n.host for n in left if n.host})
        print(f"wallet: {len(left)} piece(s) of evidence not fetched from {', '.join(hosts) or 'no usable host'} "
              "(not allowed yet: use --online, `wallet hosts --allow HOST`, or the online.fetch setting); "
              "`wallet refresh` fetches them later", file=sys.stderr)
    for r in results:
        if args.json:
            print_json(r.to_json(), one_line=True)
            continue
        ident = f" {r.credential_id}" if r.credential_id else ""
        title = f" {r.title!r}" if r.title else ""
        print(f"{r.outcome.value:>9}{ident}{title} — {say(r.message, langs)} ({r.source})")
    return 3 if any(r.outcome is importing.Outcome.INVALID for r in results) else 0


def cmd_list(args: argparse.Namespace) -> int:
    from wallet.app import credentials  # deferred: start-up time
    from wallet.messages import msg  # deferred: start-up time
    from wallet.readout import State  # deferred: start-up time

    with open_vault(args) as vault:
        langs = credentials.languages_or_setting(vault, args.lang)
        rows = credentials.list_rows(vault, langs)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    if not rows:
        print(say(msg("cli.list.empty"), langs))
        return 0
    for r in rows:
        state = say(State(r.state).label, langs) if r.state else say(msg("cli.list.unverified"), langs)
        issuer = r.issuer if len(r.issuer) <= 40 else r.issuer[:37] + "…"
        print(f"{r.id}  {state:<24.24} {r.title[:48]:<48}  {issuer}")
    print(say(msg("cli.list.count", count=len(rows)), langs))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from wallet.app import credentials  # deferred: start-up time
    from wallet.app.show_text import render_text  # deferred: start-up time

    with open_vault(args) as vault:
        langs = credentials.languages_or_setting(vault, args.lang)
        item = credentials.detail(vault, args.id)
    if args.raw:
        sys.stdout.buffer.write(item.raw)
        return 0
    if args.json:
        from wallet.formats.sd_jwt_view import claim_rows  # deferred: start-up time

        claims = [{"path": list(r.path), "value": r.value, "disclosable": r.disclosable}
                  for r in claim_rows(item.credential)]
        print_json({"id": item.id, "format": item.format, "source": item.source, "imported_at": item.imported_at,
                    "sha256": item.sha256, "credential": item.parsed,
                    "state": item.readout.state.value if item.readout else None,
                    "report": item.report.to_json() if item.report else None,
                    **({"claims": claims} if claims else {})})
        return 0
    print(f"Id: {item.id}   {item.imported_at.isoformat(timespec='seconds')}   {item.source}")
    print(render_text(item.credential, langs, item.report, technical=args.technical, holder=item.holder))
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from wallet.app import credentials  # deferred: start-up time

    with open_vault(args) as vault:
        item = credentials.detail(vault, args.id)
        title = item.credential.display_title()
        if not confirm(f"Delete {item.id} ({title}) from the vault? This cannot be undone.", args.yes):
            print("Nothing deleted.")
            return 1
        from wallet.app.receive_state import remove_notifying  # deferred: start-up time

        client = None
        if not args.no_notify:
            from wallet.online import OnlineClient, OnlineSettings  # deferred: start-up time

            client = OnlineClient(OnlineSettings.from_env())
        _count, notes = remove_notifying(vault, [item.id], client)
    print(f"Deleted {item.id}.")
    for note in notes:
        print("  note: " + say(note))
    return 0


def cmd_reverify(args: argparse.Namespace) -> int:
    from wallet.app import credentials  # deferred: start-up time
    from wallet.app.reverify import reverify  # deferred: start-up time

    with open_vault(args) as vault:
        langs = credentials.languages_or_setting(vault, args.lang)
        results = reverify(vault, args.ids, now=parse_now(args.now))
    bad = 0
    for r in results:
        if r.after.bad or r.after.value == "cannot-check":
            bad += 1
        if args.json:
            print_json(r.to_json(), one_line=True)
            continue
        line = f"{r.id}  {say(r.after.label, langs)}"
        if r.change is not None:
            line += f"  — {say(r.change, langs)}"
        print(line)
    return EXIT_NOT_VERIFIED if bad else 0
