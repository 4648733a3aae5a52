"""Fixtures for the share viewer tests: the built page served by the
FakeShareService on loopback, Debian's Chromium driven by Playwright, a
holder key, and a page clock fixed at ``NOW`` (the corpus's validity windows
are relative to its ``createdAt``, so every run sees the same verdicts).

Chromium is Debian's (``/usr/bin/chromium``, installed by
``tools/bootstrap.sh test``), never a Playwright download. Every page's
console is watched: a Content-Security-Policy violation or an uncaught error
fails the test.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from wallet.verify.did import did_key_for

from .fake_share_service import FakeShareService

ROOT = Path(__file__).resolve().parents[2]
VIEWER = ROOT / "resources" / "viewer"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = os.environ.get("WALLET_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: The page's clock in every test: a day after the corpus was issued.
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    if not Path(CHROMIUM).is_file():
        msg = f"Debian's chromium is not installed at {CHROMIUM} (sh tools/bootstrap.sh test installs it)"
        if os.environ.get("WALLET_REQUIRE_SHARED") == "1":  # .ci/run never skips
            pytest.fail(msg)
        pytest.skip(msg)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def service() -> Iterator[FakeShareService]:
    assert (VIEWER / "index.html").is_file(), "resources/viewer is not built: run tools/build_viewer.sh"
    svc = FakeShareService(VIEWER).start()
    yield svc
    svc.stop()


@pytest.fixture(scope="session")
def holder() -> tuple[Ed25519PrivateKey, str]:
    key = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
    return key, did_key_for(key.public_key())


@dataclass
class Viewer:
    """One browser context (a locale, a window size) and what its pages reported."""

    context: Any
    page: Any
    problems: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def open(self, url: str, *, wait_for: str = "done,error,one-time") -> Any:
        if self.page.url != "about:blank":
            self.page.goto("about:blank")  # a new document even when only the fragment differs
        self.page.goto(url)
        self.wait(wait_for)
        return self.page

    def wait(self, phases: str = "done,error,one-time") -> None:
        wanted = phases.split(",")
        self.page.wait_for_function(
            "phases => phases.includes(document.body.dataset.phase)", arg=wanted, timeout=60_000)

    def text(self) -> str:
        return str(self.page.inner_text("body"))

    def headline(self) -> str:
        return str(self.page.inner_text("#verdict-title")).strip()

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


_CSP = re.compile(r"Content Security Policy|Refused to (load|execute|apply|connect)", re.I)


@pytest.fixture()
def viewer(chromium: Any) -> Iterator[Callable[..., Viewer]]:
    made: list[Viewer] = []

    def make(locale: str = "en-GB", viewport: dict[str, int] | None = None, clock: datetime | None = NOW) -> Viewer:
        context = chromium.new_context(locale=locale, viewport=viewport or DESKTOP, service_workers="block")
        page = context.new_page()
        v = Viewer(context, page)
        if clock is not None:
            page.clock.set_fixed_time(clock)
        page.on("console", lambda m: v.problems.append(m.text) if m.type == "error" and _CSP.search(m.text) else None)
        page.on("pageerror", lambda e: v.problems.append(f"uncaught: {e}"))
        page.on("request", lambda r: v.requests.append(r.url))
        made.append(v)
        return v

    yield make
    for v in made:
        v.context.close()
    problems = [p for v in made for p in v.problems]
    assert not problems, problems
