"""``wallet desktop install|uninstall``: register the app and its link handlers with the desktop (XDG on Linux)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("desktop", help="register the app and its link handlers with the desktop")
    actions = p.add_subparsers(dest="desktop_command", metavar="ACTION")
    install = actions.add_parser("install", help="add the launcher and handle openid-credential-offer://, "
                                                 "openid4vp:// and wallet: links (XDG)")
    install.set_defaults(func=cmd_install)
    remove = actions.add_parser("uninstall", help="remove the launcher and its link handlers")
    remove.set_defaults(func=cmd_uninstall)
    p.set_defaults(func=lambda _a: p.print_help() or 2)


def cmd_install(_args: argparse.Namespace) -> int:
    from wallet.app.desktop import install  # deferred: start-up time

    done = install()
    print(f"Launcher: {done.desktop_file}")
    if done.icon_file:
        print(f"Icon: {done.icon_file}")
    if done.registered:
        print("Opens links: " + ", ".join(f"{s}:" for s in done.registered))
    for problem in done.problems:
        print(f"note: {problem}")
    return 0 if done.registered else 1


def cmd_uninstall(_args: argparse.Namespace) -> int:
    from wallet.app.desktop import uninstall  # deferred: start-up time

    for path in uninstall():
        print(f"Removed {path}")
    return 0
