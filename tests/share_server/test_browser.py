"""The service's headers in a real browser (Debian's Chromium, headless, via Playwright):
the CSP runs same-origin scripts and blocks inline ones and requests elsewhere, the
other headers raise no console warning, and the key in the fragment never reaches
the server (its access log)."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

from tests.share_server.test_server_process import running_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>probe</title>
<script src="/assets/probe.js" defer></script>
<script>document.title = "inline script ran";</script></head><body><p id="out">waiting</p></body></html>"""
PROBE = """
const out = document.getElementById("out");
const id = location.pathname.split("/").pop();
const results = {script: "ran", fragmentKey: new URLSearchParams(location.hash.slice(1)).get("k")};
fetch("/api/shares/" + id + "/meta").then(r => r.json()).then(meta => { results.meta = meta.size; })
  .catch(e => { results.meta = "failed: " + e; })
  .then(() => fetch("http://127.0.0.2:9/elsewhere"))
  .then(() => { results.elsewhere = "allowed"; }, () => { results.elsewhere = "blocked"; })
  .then(() => { out.textContent = JSON.stringify(results); out.dataset.done = "1"; });
"""


def browser_or_skip() -> object:
    playwright = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install -e .[test])")
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    return playwright


def test_csp_and_fragment_in_chromium(tmp_path: Path) -> None:
    import json

    playwright = browser_or_skip()
    static = tmp_path / "viewer"
    (static / "assets").mkdir(parents=True)
    (static / "index.html").write_text(PAGE, encoding="utf-8")
    (static / "assets" / "probe.js").write_text(PROBE, encoding="utf-8")
    key = "SECRETKEYxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    with running_server("--db", f"sqlite:///{tmp_path}/s.db", "--static", str(static), "--access-log") as (url, proc):
        import httpx2

        created = httpx2.post(f"{url}/api/shares", content=b"WSB1" + bytes(100),
                              headers={"Content-Type": "application/octet-stream"}).json()
        console: list[str] = []
        with playwright.sync_playwright() as p:  # type: ignore[attr-defined]
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page()
            page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
            page.goto(f"{url}/s/{created['id']}#v=1&k={key}")
            page.wait_for_selector("#out[data-done='1']", timeout=30_000)
            results = json.loads(page.inner_text("#out"))
            title = page.title()
            browser.close()
        proc.send_signal(signal.SIGTERM)
        access_log, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0
    assert results == {"script": "ran", "fragmentKey": key, "meta": 104, "elsewhere": "blocked"}
    assert title == "probe"  # the inline script did not run
    assert any("Content Security Policy" in line and "inline" in line.lower() for line in console), console
    assert any("connect-src" in line for line in console), console
    assert not [line for line in console if "Permissions-Policy" in line or "Unrecognized feature" in line]
    assert f"/s/{created['id']}" in access_log  # --access-log is on: the request was logged …
    assert key not in access_log and "k=" not in access_log  # … and the fragment never reached the server
