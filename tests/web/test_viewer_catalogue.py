"""The viewer's string catalogues (web/viewer/src/i18n/*.json): the same keys
in every language, the same {placeholders}, the plural forms each language
needs, and every key the code uses present (no English left on the
Slovenian page, no raw key shown to a reader)."""

from __future__ import annotations

import json
import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "web" / "viewer" / "src"
LANGS = {"en": {"one", "other"}, "sl": {"one", "two", "few", "other"}}
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _load(lang: str) -> dict[str, object]:
    return json.loads((SRC / "i18n" / f"{lang}.json").read_text(encoding="utf-8"))


def _forms(value: object) -> list[str]:
    return list(value.values()) if isinstance(value, dict) else [str(value)]


def _source() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.js"))


def test_same_keys_and_placeholders_in_every_language() -> None:
    en = _load("en")
    for lang, plural_forms in LANGS.items():
        cat = _load(lang)
        assert set(cat) == set(en), (lang, set(cat) ^ set(en))
        for key, value in cat.items():
            wanted = {p for form in _forms(en[key]) for p in PLACEHOLDER.findall(form)}
            for form in _forms(value):
                assert form.strip(), (lang, key)
                assert set(PLACEHOLDER.findall(form)) <= wanted, (lang, key, form)
            if isinstance(value, dict):
                assert set(value) == plural_forms, (lang, key)
            if not isinstance(value, dict) and isinstance(en[key], str):
                assert set(PLACEHOLDER.findall(value)) == set(PLACEHOLDER.findall(en[key])), (lang, key)


def test_every_key_the_code_uses_exists() -> None:
    en = _load("en")
    code = _source()
    static = set(re.findall(r"\bt\('([a-z0-9.-]+)'", code))
    static |= set(re.findall(r"data-i18n=\"([a-z0-9.-]+)\"", (SRC.parent / "index.html").read_text()))
    reasons = set(re.findall(r"'(reason\.[a-z-]+)'", code))
    why = {f"why.{r}" for r in re.findall(r"reason: '([a-z-]+)'", code)}
    errors = {f"error.{c}.{part}" for c in re.findall(r"ViewerError\('([a-z-]+)'", code) for part in ("title", "text")}
    phases = {f"status.{p}" for p in ("loading", "decrypting", "verifying")}
    verdicts = {f"reason.{s}" for s in ("expired", "not-yet", "bad-date", "revoked", "suspended")}
    needed = static | reasons | why | errors | phases | verdicts | {"check.revoked", "check.suspended"}
    needed |= {f"headline.{h}" for h in ("ok", "partial", "bad")} | {f"mark.{m}" for m in ("ok", "bad", "warn", "info")}
    needed |= {f"explain.eqf.{n}" for n in range(1, 9)} | {"error.unexpected.title", "error.unexpected.text"}
    missing = sorted(k for k in needed if k not in en)
    assert not missing, missing
    assert len(needed) > 150
