"""``wallet trust ...``: trusted-list snapshots, user trust anchors and trusted issuers.

Handlers are thin: the logic lives in :mod:`wallet.verify.seals` (loading and
verifying trusted lists) and :mod:`wallet.verify.seals.anchors` (reading
certificates), so it is tested without a vault or a terminal.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from wallet.verify.seals import TRUST_SNAPSHOT_KIND, load_trust_snapshot
from wallet.verify.seals.anchors import anchor_summary, read_anchor
from wallet.verify.seals.trustlist import TrustSnapshot

SNAPSHOT_KEY = "eu"


def _common() -> Any:
    from wallet.cli import common  # provided by the CLI package; imported late so this module loads alone

    return common


def cmd_import_tl(args: argparse.Namespace) -> int:
    snapshot = load_trust_snapshot([Path(p) for p in args.paths])
    common = _common()
    with common.open_vault(args) as vault:
        vault.put_evidence(TRUST_SNAPSHOT_KIND, SNAPSHOT_KEY, snapshot.to_bytes())
    common.print_json({
        "snapshot_date": snapshot.date,
        "next_update": snapshot.next_update,
        "lists": [{"territory": s.territory, "sequence": s.sequence, "issued": s.issued} for s in snapshot.sources],
        "services": len(snapshot.services),
        "warnings": list(snapshot.warnings),
    })
    return 0


def cmd_add_anchor(args: argparse.Namespace) -> int:
    der = read_anchor(Path(args.file))
    label = args.label or anchor_summary(der)["subject"]
    common = _common()
    with common.open_vault(args) as vault:
        sha = vault.add_trust_anchor(der, label)
    common.print_json({"added": sha})
    return 0


def cmd_remove_anchor(args: argparse.Namespace) -> int:
    common = _common()
    with common.open_vault(args) as vault:
        vault.remove_trust_anchor(args.sha256)
    common.print_json({"removed": args.sha256})
    return 0


def cmd_add_issuer(args: argparse.Namespace) -> int:
    common = _common()
    with common.open_vault(args) as vault:
        vault.add_trusted_issuer(args.id, args.label)
    common.print_json({"added": args.id, "label": args.label})
    return 0


def cmd_remove_issuer(args: argparse.Namespace) -> int:
    common = _common()
    with common.open_vault(args) as vault:
        vault.remove_trusted_issuer(args.id)
    common.print_json({"removed": args.id})
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    common = _common()
    with common.open_vault(args) as vault:
        issuers = vault.list_trusted_issuers()
        anchors = vault.list_trust_anchors()
        found = vault.get_evidence(TRUST_SNAPSHOT_KIND, SNAPSHOT_KEY)
    snapshot = TrustSnapshot.from_bytes(found[0]) if found else None
    common.print_json({
        "issuers": [{"id": i, "label": label} for i, label in issuers],
        "anchors": [{**anchor_summary(der), "label": label} for _sha, der, label in anchors],
        "snapshot_date": snapshot.date if snapshot else None,
        "snapshot_next_update": snapshot.next_update if snapshot else None,
    })
    return 0


def _vault_options(parser: argparse.ArgumentParser) -> None:
    try:
        _common().add_vault_options(parser)
    except ImportError:  # the CLI frame is not installed (tests of this module alone)
        return


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
