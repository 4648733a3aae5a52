"""`wallet settings`: the same preferences the desktop app's settings dialog edits (``wallet.app.settings``)."""

from __future__ import annotations

import argparse

from wallet.cli.common import add_vault_options, open_vault, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("settings", help="show or change the wallet's settings")
    ssub = p.add_subparsers(dest="settings_command", metavar="ACTION", required=True)
    s = ssub.add_parser("list", help="every setting with its value")
    add_vault_options(s)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_list)
    s = ssub.add_parser("set", help="change a setting")
    add_vault_options(s)
    s.add_argument("key", metavar="KEY")
    s.add_argument("value", metavar="VALUE")
    s.set_defaults(func=cmd_set)
    s = ssub.add_parser("reset", help="return a setting to its default")
    add_vault_options(s)
    s.add_argument("key", metavar="KEY")
    s.set_defaults(func=cmd_reset)


def cmd_list(args: argparse.Namespace) -> int:
    from wallet.app import settings  # deferred: start-up time

    with open_vault(args) as vault:
        values = settings.values(vault)
    if args.json:
        print_json(values)
        return 0
    for spec in settings.SETTINGS:
        value = values[spec.key]
        shown = ",".join(value) if isinstance(value, list) else value
        print(f"{spec.key:<26} {shown!s:<16} {spec.help}")
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    from wallet.app import settings  # deferred: start-up time

    settings.setting(args.key).parse(args.value)  # refused before the passphrase is asked for
    with open_vault(args) as vault:
        settings.set_value(vault, args.key, args.value)
    print(f"{args.key} = {args.value}")
    return 0


def cmd_reset(args: argparse.Namespace) -> int:
    from wallet.app import settings  # deferred: start-up time

    settings.setting(args.key)
    with open_vault(args) as vault:
        settings.reset(vault, args.key)
    print(f"{args.key} reset to its default")
    return 0
