"""The message catalogues: every id the core can emit exists in English and Slovenian, with the same placeholders.

"Walks every message id the core can emit": message ids are literal strings
(``msg("status.revoked", ...)``, or literals in tables of ids); this test
collects every string literal in the core that has the shape of an id in a
catalogue namespace, and every first argument of ``msg()``, and requires each
to be in both catalogues. A non-literal first argument to ``msg()`` fails the
test, so no id can escape it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from wallet.messages import msg, render
from wallet.messages.catalogue import catalogue, placeholders, plural_category

ROOT = Path(__file__).resolve().parent.parent / "wallet"
ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_-]+)+$")


def _core_files() -> list[Path]:
    return [p for p in ROOT.rglob("*.py") if "ui" not in p.relative_to(ROOT).parts[:1]]


def _namespaces() -> set[str]:
    return {key.split(".")[0] for key in catalogue("en")}


def _emitted() -> tuple[set[str], list[str]]:
    """(message ids found in the core, places where msg() gets a non-literal id)."""
    namespaces = _namespaces() - {"format", "language", "country"}  # lookup tables hold ids by value
    found: set[str] = set()
    computed: list[str] = []
    for path in _core_files() + list((ROOT / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "msg":
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.add(first.value)
                else:
                    computed.append(f"{path.relative_to(ROOT.parent)}:{node.lineno}")
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and ID.match(node.value):
                if node.value.split(".")[0] in namespaces:
                    found.add(node.value)
    return found, computed


def test_every_message_the_core_can_emit_is_in_both_catalogues() -> None:
    found, _computed = _emitted()
    assert len(found) > 150
    missing = {lang: sorted(found - set(catalogue(lang))) for lang in ("en", "sl")}
    assert missing == {"en": [], "sl": []}


def test_message_ids_are_literals() -> None:
    """Ids built at run time could escape the catalogue test; the few tables of ids hold literals instead."""
    _found, computed = _emitted()
    allowed = {"wallet/verify/validity.py", "wallet/verify/presentation.py", "wallet/verify/dataintegrity/checks.py",
               "wallet/readout.py", "wallet/app/reverify.py", "wallet/elements.py", "wallet/verify/jose_vc.py",
               "wallet/app/importing.py", "wallet/verify/seals/checks.py",
               # refused(reason, "present.…"): every call site passes a literal id, which the scan above finds
               "wallet/oid4vp/client_id.py",
               # the generic mechanisms themselves: reading stored messages back, rendering a label by id
               "wallet/messages/message.py", "wallet/messages/catalogue.py"}
    unexpected = [place for place in computed if place.split(":")[0] not in allowed]
    assert unexpected == []


def test_both_catalogues_have_the_same_ids_and_placeholders() -> None:
    en, sl = catalogue("en"), catalogue("sl")
    assert set(en) == set(sl)
    differing = {key: (placeholders(en[key]), placeholders(sl[key])) for key in en
                 if placeholders(en[key]) != placeholders(sl[key])}
    assert differing == {}


def test_plural_forms_are_complete() -> None:
    for lang, forms in (("en", {"one", "other"}), ("sl", {"one", "two", "few", "other"})):
        for key, template in catalogue(lang).items():
            if isinstance(template, dict):
                assert set(template) == forms, (lang, key)
                assert "count" in {p.split(":")[0] for p in placeholders(template)}, (lang, key)


@pytest.mark.parametrize(("count", "category"), [(1, "one"), (2, "two"), (3, "few"), (4, "few"), (5, "other"),
                                                  (101, "one"), (102, "two"), (111, "other")])
def test_slovenian_plural_rules(count: int, category: str) -> None:
    assert plural_category("sl", count) == category


def test_rendering_in_each_language_and_fallbacks() -> None:
    revoked = msg("status.revoked", url="https://x.example/list")
    assert render(revoked, ("sl",)) == "Preklicano: izdajatelj je to dokazilo preklical."
    assert render(revoked, ("de", "en")) == "Revoked: the issuer has revoked this credential."
    assert render(msg("validity.expired", end="2026-05-22T04:35:00+00:00"), ("sl",)) == "Dokazilo je poteklo 22. 5. 2026 ob 04:35 UTC."
    assert render(msg("cli.list.count", count=3), ("sl",)) == "3 dokazila"
    assert render(msg("no.such.id", a=1)) == "no.such.id(a=1)"  # never a crash: the id and its parameters
    nested = msg("status.list_unusable", url="u", reason=msg("status_list.bomb"))
    assert "dekompresijska bomba" in render(nested, ("sl",))
