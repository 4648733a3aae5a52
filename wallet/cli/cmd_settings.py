"""`wallet settings`: the same preferences the desktop app's settings dialog edits."""

from __future__ import annotations

import argparse

from wallet.cli.common import add_vault_options, open_vault, print_json
from wallet.settings import SETTINGS, setting


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
    with open_vault(args) as vault:
        values = {s.key: vault.get_setting(s.key, s.default) for s in SETTINGS}
    if args.json:
        print_json(values)
        return 0
    for s in SETTINGS:
        value = values[s.key]
        shown = ",".join(value) if isinstance(value, list) else value
        print(f"{s.key:<26} {shown!s:<16} {s.help}")
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    spec = setting(args.key)
    value = spec.parse(args.value)
    with open_vault(args) as vault:
        vault.set_setting(spec.key, value)
    print(f"{spec.key} = {args.value}")
    return 0


def cmd_reset(args: argparse.Namespace) -> int:
    spec = setting(args.key)
    with open_vault(args) as vault:
        vault.set_setting(spec.key, spec.default)
    print(f"{spec.key} reset to its default")
    return 0
