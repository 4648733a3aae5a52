"""`wallet demo`: a throw-away vault filled with freshly signed sample credentials."""

from __future__ import annotations

import argparse
from pathlib import Path

from wallet.cli.common import langs_of, say


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="create a throw-away demo vault with signed sample credentials and list them")
    p.add_argument("--vault", metavar="PATH", help="where to create the demo vault (default: a new temp folder)")
    p.add_argument("--lang", default="en", help="language of the listing, e.g. sl")
    p.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from wallet.app import credentials  # deferred: start-up time
    from wallet.app.demo import create_demo_vault  # deferred: start-up time
    from wallet.app.stacking import list_all_targets  # deferred: start-up time
    from wallet.readout import State  # deferred: start-up time

    langs = langs_of(args)
    vault, passphrase = create_demo_vault(Path(args.vault) if args.vault else None)
    try:
        print(f"Demo vault: {vault.path}")
        print(f"Passphrase: {passphrase} (a throw-away vault; do not keep real credentials in it)")
        print(f"Holder:     {vault.holder_did()}")
        print()
        for row in credentials.list_rows(vault, langs):
            state = say(State(row.state).label, langs) if row.state else "-"
            print(f"{row.id}  {row.format:<9} {state:<34.34} {row.title[:44]:<44}  {row.issuer[:40]}")
            detail = credentials.detail(vault, row.id)
            if detail.readout is not None and detail.readout.state.bad and detail.readout.reason is not None:
                print(f"{'':>18}{say(detail.readout.reason, langs)}")
        targets = len(list_all_targets(vault)[0])
        print()
        print(f"{vault.count_credentials()} credentials, {targets} target qualifications.")
        print("Explore it (the passphrase above; or set WALLET_PASSPHRASE for this throw-away vault):")
        print(f"  wallet list --vault {vault.path}")
        print(f"  wallet show ID --vault {vault.path} --lang sl,en")
        print(f"  wallet progress --vault {vault.path}")
        print(f"  wallet-gui --vault {vault.path}")
    finally:
        vault.close()
    return 0
