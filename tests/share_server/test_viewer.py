"""The viewer page: the same static page for every id, its assets, and a plain 503
when it is not installed (the API keeps working)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.share_server.conftest import OCTET, VIEWER_HTML, VIEWER_JS, sealed


def test_viewer_page_is_the_same_for_every_id(client: Any) -> None:
    pages = [client.get(f"/s/{share_id}") for share_id in ("q83vEjRWeJCrze8SNFZ4kA", "unknown", "A" * 22)]
    for page in pages:
        assert page.status_code == 200
        assert page.text == VIEWER_HTML
        assert page.headers["content-type"].startswith("text/html")
        assert page.headers["cache-control"] == "no-cache"
    assert client.head("/s/anything").status_code == 200


def test_assets_are_served_with_script_types(client: Any, viewer_dir: Path) -> None:
    (viewer_dir / "module.mjs").write_text("export const x = 1;\n")
    (viewer_dir / "fonts").mkdir()
    (viewer_dir / "fonts" / "a.woff2").write_bytes(b"wOF2")
    script = client.get("/assets/viewer.js")
    assert script.status_code == 200 and script.text == VIEWER_JS
    assert script.headers["content-type"].startswith("text/javascript")  # nosniff would block text/plain
    assert client.get("/assets/module.mjs").headers["content-type"].startswith("text/javascript")
    assert client.get("/assets/fonts/a.woff2").headers["content-type"] == "font/woff2"
    assert script.headers["cache-control"] == "no-cache" and "etag" in script.headers


def test_assets_cannot_escape_the_folder(client: Any, viewer_dir: Path) -> None:
    (viewer_dir.parent / "secret.txt").write_text("outside")
    for path in ("/assets/../secret.txt", "/assets/%2e%2e/secret.txt", "/assets/..%2fsecret.txt"):
        response = client.get(path)
        assert response.status_code == 404 and "outside" not in response.text


def test_missing_viewer_answers_503_and_the_api_still_works(make_client: Any, tmp_path: Path) -> None:
    client = make_client(static_dir=tmp_path / "not-installed")
    page = client.get("/s/q83vEjRWeJCrze8SNFZ4kA")
    assert page.status_code == 503 and "viewer is not installed" in page.text
    assert "<script" not in page.text
    assert client.get("/assets/viewer.js").status_code == 404
    created = client.post("/api/shares", content=sealed(), headers=OCTET)
    assert created.status_code == 201
    assert client.get(f"/api/shares/{created.json()['id']}").status_code == 200


def test_no_static_dir_at_all(make_client: Any) -> None:
    client = make_client(static_dir=None)
    assert client.get("/s/x").status_code == 503
    assert client.get("/assets/viewer.js").status_code == 404
