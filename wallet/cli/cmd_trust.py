"""``wallet trust ...``: trusted-list snapshots, user trust anchors and trusted issuers.

Thin: the use cases are :mod:`wallet.app.trust`.
"""

from __future__ import annotations

import argparse
from typing import Any

from wallet.cli import common


def cmd_import_tl(args: argparse.Namespace) -> int:
    from wallet.app import trust  # deferred: start-up time

    with common.open_vault(args) as vault:
        snapshot = trust.import_trusted_lists(vault, args.paths)
    common.print_json({
        "snapshot_date": snapshot.date,
        "next_update": snapshot.next_update,
        "lists": [{"territory": s.territory, "sequence": s.sequence, "issued": s.issued} for s in snapshot.sources],
        "services": len(snapshot.services),
        "warnings": list(snapshot.warnings),
    })
    return 0


def cmd_add_anchor(args: argparse.Namespace) -> int:
    from wallet.app import trust  # deferred: start-up time

    with common.open_vault(args) as vault:
        sha = trust.add_anchor_file(vault, args.file, args.label)
    common.print_json({"added": sha})
    return 0


def cmd_remove_anchor(args: argparse.Namespace) -> int:
    from wallet.app import trust  # deferred: start-up time

    with common.open_vault(args) as vault:
        trust.remove_anchor(vault, args.sha256)
    common.print_json({"removed": args.sha256})
    return 0


def cmd_add_issuer(args: argparse.Namespace) -> int:
    from wallet.app import trust  # deferred: start-up time

    with common.open_vault(args) as vault:
        trust.add_issuer(vault, args.id, args.label)
    common.print_json({"added": args.id, "label": args.label})
    return 0


def cmd_remove_issuer(args: argparse.Namespace) -> int:
    from wallet.app import trust  # deferred: start-up time

    with common.open_vault(args) as vault:
        trust.remove_issuer(vault, args.id)
    common.print_json({"removed": args.id})
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from wallet.app import trust  # deferred: start-up time

    with common.open_vault(args) as vault:
        common.print_json(trust.overview(vault).to_json())
    return 0


def _vault_options(parser: argparse.ArgumentParser) -> None:
    common.add_vault_options(parser)


def register(subparsers: Any) -> None:
    """Add ``trust`` and its sub-commands to the top-level CLI parser."""
    trust = subparsers.add_parser("trust", help="trusted lists, trust anchors and trusted issuers")
    sub = trust.add_subparsers(dest="trust_command", required=True)
    p = sub.add_parser("import-tl", help="load and verify an EU LOTL plus national TL XML files")
    p.add_argument("paths", nargs="+", metavar="PATH")
    _vault_options(p)
    p.set_defaults(func=cmd_import_tl)
    p = sub.add_parser("add-anchor", help="trust a CA certificate (PEM or DER)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--label", default=None)
    _vault_options(p)
    p.set_defaults(func=cmd_add_anchor)
    p = sub.add_parser("remove-anchor", help="remove a trust anchor by SHA-256")
    p.add_argument("sha256", metavar="SHA256")
    _vault_options(p)
    p.set_defaults(func=cmd_remove_anchor)
    p = sub.add_parser("add-issuer", help="trust an issuer id (DID or URL prefix)")
    p.add_argument("id", metavar="ID")
    p.add_argument("--label", required=True)
    _vault_options(p)
    p.set_defaults(func=cmd_add_issuer)
    p = sub.add_parser("remove-issuer", help="stop trusting an issuer id")
    p.add_argument("id", metavar="ID")
    _vault_options(p)
    p.set_defaults(func=cmd_remove_issuer)
    p = sub.add_parser("list", help="trusted issuers, anchors and the trusted-list snapshot date")
    _vault_options(p)
    p.set_defaults(func=cmd_list)
