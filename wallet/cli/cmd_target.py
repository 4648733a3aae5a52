"""Target and progress commands: target add/list/remove, progress.

Thin wrappers over :mod:`wallet.app.stacking`; all logic lives there so
the GUI does exactly what these commands do.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from wallet.cli.common import add_vault_options, open_vault, parse_now, print_json
from wallet.model import pick_lang


def register(sub: argparse._SubParsersAction) -> None:
    target = sub.add_parser("target", help="manage target qualifications for stacking")
    tsub = target.add_subparsers(dest="target_command", metavar="ACTION")
    target.set_defaults(func=lambda _args: _usage(target))

    p = tsub.add_parser("add", help="add a target from a target JSON file or an ELM qualification")
    add_vault_options(p)
    p.add_argument("file", metavar="FILE", help="target JSON (docs/TARGETS.md) or ELM JSON-LD with hasPart")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_target_add)

    p = tsub.add_parser("list", help="list bundled and added targets")
    add_vault_options(p)
    p.add_argument("--json", action="store_true")
    p.add_argument("--lang", default="en", help="preferred languages, e.g. sl,en")
    p.set_defaults(func=cmd_target_list)

    p = tsub.add_parser("remove", help="remove an added target (bundled ones cannot be removed)")
    add_vault_options(p)
    p.add_argument("id", metavar="ID")
    p.set_defaults(func=cmd_target_remove)

    p = sub.add_parser("progress", help="show progress of your credentials towards targets")
    add_vault_options(p)
    p.add_argument("target", nargs="?", metavar="TARGET", help="target id (default: every target)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--lang", default="en", help="preferred languages, e.g. sl,en")
    p.add_argument("--now", metavar="ISO-8601", help="compute progress as of this time")
    p.set_defaults(func=cmd_progress)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _prefs(args: argparse.Namespace) -> list[str]:
    return [p.strip() for p in str(getattr(args, "lang", "") or "").split(",") if p.strip()]


def _summary(target: Any) -> dict[str, object]:
    return {
        "id": target.id,
        "title": dict(target.title),
        "bundled": target.bundled,
        "requirements": target.units_total,
        "components": len(target.all_components()),
        "total": target.total,
        "unit": target.unit,
        "eqfLevel": target.framework.eqf_level,
    }


def cmd_target_add(args: argparse.Namespace) -> int:
    from wallet.app.stacking import add_target  # deferred: start-up time

    with open_vault(args) as vault:
        target = add_target(vault, args.file)
    if args.json:
        print_json(_summary(target))
    else:
        print(f"added target {target.id}: {pick_lang(target.title)} ({target.units_total} requirements)")
    return 0


def cmd_target_list(args: argparse.Namespace) -> int:
    from wallet.app.stacking import list_all_targets  # deferred: start-up time

    with open_vault(args) as vault:
        targets, problems = list_all_targets(vault)
    for problem in problems:
        print(f"wallet: warning: stored target {problem.id} does not load: {problem.reason}", file=sys.stderr)
    if args.json:
        print_json([_summary(t) for t in targets])
        return 0
    prefs = _prefs(args)
    for t in targets:
        total = f", {t.total:g} {t.unit}" if t.total > 0 else ""
        tag = " (bundled)" if t.bundled else ""
        print(f"{t.id}{tag}\n    {pick_lang(t.title, prefs)}: {t.units_total} requirements{total}")
    return 0


def cmd_target_remove(args: argparse.Namespace) -> int:
    from wallet.app.stacking import remove_target  # deferred: start-up time

    with open_vault(args) as vault:
        remove_target(vault, args.id)
    print(f"removed target {args.id}")
    return 0


def cmd_progress(args: argparse.Namespace) -> int:
    from wallet.app import credentials  # deferred: start-up time
    from wallet.app.stacking import progress_for_vault  # deferred: start-up time
    from wallet.stacking.explain import render_text  # deferred: start-up time

    with open_vault(args) as vault:
        results = progress_for_vault(vault, args.target, now=parse_now(args.now))
        prefs = credentials.languages_or_setting(vault, getattr(args, "lang", None))
        titles = credentials.titles(vault, prefs)
    if args.json:
        data = [r.to_json() for r in results]
        print_json(data[0] if args.target else data)
        return 0
    for index, result in enumerate(results):
        if index:
            print()
        print("\n".join(render_text(result, prefs, prefs, titles)))
    return 0
