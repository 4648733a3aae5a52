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
    (viewer_dir / "assets" / "module.mjs").write_text("export const x = 1;\n")
    (viewer_dir / "assets" / "viewer.css").write_text("main { color: black; }\n")
    (viewer_dir / "assets" / "fonts").mkdir()
    (viewer_dir / "assets" / "fonts" / "a.woff2").write_bytes(b"wOF2")
    script = client.get("/assets/viewer.js")
    assert script.status_code == 200 and script.text == VIEWER_JS
    assert script.headers["content-type"].startswith("text/javascript")  # nosniff would block text/plain
    assert client.get("/assets/module.mjs").headers["content-type"].startswith("text/javascript")
    assert client.get("/assets/viewer.css").headers["content-type"].startswith("text/css")
    assert client.get("/assets/fonts/a.woff2").headers["content-type"] == "font/woff2"
    assert client.get("/assets/index.html").status_code == 404  # only the assets folder is served there
    assert script.headers["cache-control"] == "no-cache" and "etag" in script.headers


def test_big_assets_are_compressed(client: Any, viewer_dir: Path) -> None:
    script = ("const x = " + '"viewer"; ' * 20000 + "\n").encode()
    (viewer_dir / "assets" / "big.js").write_bytes(script)
    response = client.get("/assets/big.js", headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip" and response.content == script  # decoded by the client
    assert response.headers["content-security-policy"].startswith("default-src 'none'")
    with client.stream("GET", "/assets/big.js", headers={"Accept-Encoding": "gzip"}) as streamed:
        assert len(b"".join(streamed.iter_raw())) < len(script) // 10  # what travels on the wire
    blob = client.post("/api/shares", content=b"WSB1" + bytes(5000), headers={"Content-Type": "application/octet-stream"})
    read = client.get(f"/api/shares/{blob.json()['id']}", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in read.headers  # API answers are never compressed


def test_assets_cannot_escape_the_folder(client: Any, viewer_dir: Path) -> None:
    (viewer_dir / "secret.txt").write_text("outside")
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
