"""Credential commands: import, list, show, remove, reverify."""

from __future__ import annotations

import argparse
from pathlib import Path

from wallet import codec
from wallet.cli.common import EXIT_NOT_VERIFIED, add_vault_options, confirm, context_for, open_vault, print_json
from wallet.display import render_text
from wallet.errors import InputError
from wallet.importer import ImportItem, Outcome, import_items, reverify, stored_report
from wallet.model import Verdict, pick_lang

#: Largest file `wallet import` reads (EDC credentials with images reach a few MiB).
MAX_IMPORT_FILE = 20 * 1024 * 1024


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="verify and store credential files")
    add_vault_options(p)
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--now", metavar="ISO-8601", help="verify as of this time")
    p.add_argument("--json", action="store_true")
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
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("remove", help="delete a credential from the vault")
    add_vault_options(p)
    p.add_argument("id", metavar="ID")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser("reverify", help="verify stored credentials again with current evidence")
    add_vault_options(p)
    p.add_argument("ids", nargs="*", metavar="ID")
    p.add_argument("--now", metavar="ISO-8601")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_reverify)


def read_input_file(name: str) -> bytes:
    path = Path(name)
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_FILE:
            raise InputError(f"{name} is {size} bytes; the limit is {MAX_IMPORT_FILE} bytes")
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{name}: no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{name} is a folder; give the credential files inside it") from exc
    except PermissionError as exc:
        raise InputError(f"{name}: permission denied") from exc


def cmd_import(args: argparse.Namespace) -> int:
    items = [ImportItem(name, read_input_file(name)) for name in args.files]
    with open_vault(args) as vault:
        results = import_items(vault, items, ctx=context_for(vault, args))
    if args.json:
        for r in results:
            print_json({"file": r.source, "outcome": r.outcome.value, "detail": r.detail,
                        "id": r.credential_id, "title": r.title}, one_line=True)
    else:
        for r in results:
            ident = f" {r.credential_id}" if r.credential_id else ""
            title = f" {r.title!r}" if r.title else ""
            print(f"{r.outcome.value:>9}{ident}{title} — {r.detail} ({r.source})")
    return 3 if any(r.outcome is Outcome.INVALID for r in results) else 0


def _summary(sc: object, langs: list[str]) -> dict:
    cred = codec.credential_from_json(sc.parsed, sc.raw)  # type: ignore[attr-defined]
    report = stored_report(sc)
    issued = cred.issued or cred.valid_from
    return {
        "id": sc.id,  # type: ignore[attr-defined]
        "format": sc.format,  # type: ignore[attr-defined]
        "title": cred.display_title(langs),
        "issuer": pick_lang(cred.issuer.name, langs) or cred.issuer.id,
        "issued": issued.isoformat() if issued else None,
        "verdict": report.verdict.value if report else None,
        "imported_at": sc.imported_at.isoformat(),  # type: ignore[attr-defined]
        "source": sc.source,  # type: ignore[attr-defined]
    }


def _langs(args: argparse.Namespace, vault: object) -> list[str]:
    """--lang, else the vault's preferred credential languages (shared with the app)."""
    if args.lang:
        return [t.strip() for t in args.lang.split(",") if t.strip()]
    from wallet.settings import setting

    spec = setting("ui.credential_languages")
    return list(vault.get_setting(spec.key, spec.default))  # type: ignore[attr-defined]


def cmd_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        langs = _langs(args, vault)
        rows = [_summary(sc, langs) for sc in vault.list_credentials()]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("The vault holds no credentials yet. Add some with `wallet import FILE...`.")
        return 0
    for r in rows:
        print(f"{r['id']}  {(r['verdict'] or 'unverified'):<21} {r['title'][:48]:<48}  {r['issuer'] or ''}")
    print(f"{len(rows)} credential(s)")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        langs = _langs(args, vault)
        sc = vault.get_credential(args.id)
    if args.raw:
        import sys

        sys.stdout.buffer.write(sc.raw)
        return 0
    cred = codec.credential_from_json(sc.parsed, sc.raw)
    report = stored_report(sc)
    if args.json:
        print_json({"id": sc.id, "format": sc.format, "source": sc.source,
                    "imported_at": sc.imported_at, "sha256": sc.sha256,
                    "credential": sc.parsed, "report": sc.report})
        return 0
    print(f"Id: {sc.id}   imported {sc.imported_at.isoformat(timespec='seconds')} from {sc.source}")
    print(render_text(cred, langs, report))
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        sc = vault.get_credential(args.id)
        title = codec.credential_from_json(sc.parsed, sc.raw).display_title()
        if not confirm(f"Delete {sc.id} ({title}) from the vault? This cannot be undone.", args.yes):
            print("Nothing deleted.")
            return 1
        vault.remove_credential(sc.id)
    print(f"Deleted {sc.id}.")
    return 0


def cmd_reverify(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        results = reverify(vault, args.ids, ctx=context_for(vault, args))
    bad = 0
    for ident, report in results:
        if report.verdict in (Verdict.INVALID, Verdict.CANNOT_VERIFY_OFFLINE):
            bad += 1
        if args.json:
            print_json({"id": ident, **report.to_json()}, one_line=True)
        else:
            print(f"{ident}  {report.verdict.value}")
    return EXIT_NOT_VERIFIED if bad else 0
