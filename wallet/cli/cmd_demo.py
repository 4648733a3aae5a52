"""`wallet demo`: a throw-away vault filled with freshly signed sample credentials."""

from __future__ import annotations

import argparse
from pathlib import Path

from wallet import codec
from wallet.importer import stored_report
from wallet.model import pick_lang


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="create a throw-away demo vault with signed sample credentials and list them")
    p.add_argument("--vault", metavar="PATH", help="where to create the demo vault (default: a new temp folder)")
    p.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from wallet.demo import create_demo_vault

    vault, passphrase = create_demo_vault(Path(args.vault) if args.vault else None)
    try:
        print(f"Demo vault: {vault.path}")
        print(f"Passphrase: {passphrase!r} (a throw-away vault; do not keep real credentials in it)")
        print(f"Holder:     {vault.holder_did()}")
        print()
        for sc in vault.list_credentials():
            cred = codec.credential_from_json(sc.parsed, sc.raw)
            report = stored_report(sc)
            verdict = report.verdict.value if report else "unverified"
            issuer = pick_lang(cred.issuer.name) or cred.issuer.id or ""
            print(f"{sc.id}  {sc.format:<9} {verdict:<20} {cred.display_title()[:44]:<44}  {issuer[:40]}")
            if report:
                for check in report.checks:
                    if check.status.value in ("failed", "warning") and check.name != "issuer-trusted":
                        print(f"{'':>18}{check.status.value}: {check.name}: {check.reason}")
        from wallet.stacking import bundled_targets

        targets = len(bundled_targets()) + len(vault.list_targets())
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
