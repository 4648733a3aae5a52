"""The share viewer for screen-reader and keyboard users, and on paper:
landmarks and headings, named controls, the page language, language
switching from the keyboard, and a print layout without controls."""

from __future__ import annotations

from wallet.formats import parse

from .bundles import DEMO_REVOKED, DEMO_VALID, demo_files, demo_status_evidence, share


def _bundle(service, holder):
    files = demo_files(holder[1])
    return share(service, holder, [parse(files[DEMO_VALID["vc-jose-es256"]]), parse(files[DEMO_REVOKED])],
                 [demo_status_evidence(holder[1])])


def test_landmarks_headings_and_names(service, holder, viewer) -> None:
    v = viewer("en-GB")
    v.open(_bundle(service, holder).link)
    tree = v.page.locator("body").aria_snapshot()
    for landmark in ("- banner:", '- navigation "Language":', "- main:", "- contentinfo:"):
        assert landmark in tree, tree
    assert v.page.locator("h1").count() == 1
    assert '- heading "Do not rely on this" [level=1]' in tree  # the mark is aria-hidden; words say it
    assert '- heading "Who shared it" [level=2]' in tree
    assert '- heading "How this was checked" [level=2]' in tree
    assert v.page.locator("article.credential h3").count() == 2
    # each credential is a named region of its own, and every state is said in words
    assert v.page.locator("article[aria-labelledby]").count() == 2
    assert v.page.locator("li.check .visually-hidden").count() == v.page.locator("li.check").count()
    for button in v.page.get_by_role("button").all():
        assert button.inner_text().strip()
    for image in v.page.locator("img").all():
        assert image.get_attribute("alt") is not None
    assert v.page.get_attribute("html", "lang") == "en"
    assert '- button "English" [pressed]' in tree


def test_keyboard_switches_language(service, holder, viewer) -> None:
    v = viewer("en-GB")
    v.open(_bundle(service, holder).link)
    assert v.page.evaluate("document.activeElement.id") == "main"  # the result is where reading starts
    for _ in range(6):  # back through the page to the language switch, by keyboard only
        v.page.keyboard.press("Shift+Tab")
        if v.page.evaluate("document.activeElement.textContent") == "Slovenščina":
            break
    v.page.keyboard.press("Enter")
    assert v.page.get_attribute("html", "lang") == "sl"
    assert v.headline() == "✗ Na to se ne zanašajte"
    assert v.page.title().startswith("Na to se ne zanašajte")


def test_print_layout_has_no_controls(service, holder, viewer) -> None:
    v = viewer("en-GB")
    v.open(_bundle(service, holder).link)
    v.page.emulate_media(media="print")
    assert not v.page.locator("#lang-switch").is_visible()
    assert not v.page.get_by_role("button", name="Print").is_visible()
    assert v.page.locator("article.credential").first.is_visible()
    v.screenshot("print-media-en")
    pdf = v.page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
