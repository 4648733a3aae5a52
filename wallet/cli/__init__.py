"""The ``wallet`` command: every capability of the wallet, headless.

Each command lives in a ``cmd_*`` module exposing ``register(subparsers)``;
handlers return an exit code. Expected failures (``WalletError``) print one
clear line and exit with the error's documented code; a traceback appears
only with ``--debug``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback
from collections.abc import Sequence

from wallet import __version__
from wallet.errors import WalletError

COMMAND_MODULES = (
    "wallet.cli.cmd_vault",
    "wallet.cli.cmd_credentials",
    "wallet.cli.cmd_verify",
    "wallet.cli.cmd_online",
    "wallet.cli.cmd_target",
    "wallet.cli.cmd_trust",
    "wallet.cli.cmd_share",
    "wallet.cli.cmd_receive",
    "wallet.cli.cmd_present",
    "wallet.cli.cmd_desktop",
    "wallet.cli.cmd_share_server",
    "wallet.cli.cmd_settings",
    "wallet.cli.cmd_demo",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wallet",
        description="Learner-owned credential wallet: store, verify offline, stack and share credentials.",
    )
    parser.add_argument("--version", action="version", version=f"wallet {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a traceback on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(name)
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except WalletError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"wallet: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("wallet: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - last resort: one line unless --debug
        if args.debug:
            traceback.print_exc()
        else:
            print(
                f"wallet: unexpected error ({type(exc).__name__}): {exc}. Run again with --debug for details.",
                file=sys.stderr,
            )
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
