"""The service never fetches anything (threat "the share service itself" in docs/THREATS.md; the VerifierPlus
``/api/proxy`` SSRF): a body naming the cloud metadata address is stored as
opaque bytes, no connection leaves during any API call, and no module of the
service imports an HTTP client."""

from __future__ import annotations

import ast
import socket
from pathlib import Path
from typing import Any

import pytest

from tests.share_server.conftest import OCTET, sealed

SERVER_PACKAGE = Path(__file__).resolve().parents[2] / "wallet" / "sharing" / "server"
METADATA_URLS = (b"http://169.254.169.254/latest/meta-data/iam/security-credentials/",
                 b"http://[fd00:ec2::254]/latest/meta-data/", b"file:///etc/passwd",
                 b'{"@context":"http://169.254.169.254/ctx","id":"did:web:169.254.169.254"}')
HTTP_CLIENTS = {"requests", "httpx", "httpx2", "aiohttp", "urllib3", "pycurl", "websockets", "http.client",
                "urllib.request", "ftplib", "smtplib", "xmlrpc.client"}


def test_metadata_urls_are_stored_as_opaque_bytes(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # Any Python-level connection (an HTTP client would make one) is recorded; the
    # PostgreSQL store's connections are libpq's own, below Python's socket module.
    attempts: list[object] = []
    real_connect = socket.socket.connect

    def watched_connect(self: socket.socket, address: Any) -> Any:
        attempts.append(address)
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", watched_connect)
    for url in METADATA_URLS:
        body = sealed(url)
        created = client.post("/api/shares", content=body, headers=OCTET, params={"expires": "300"}).json()
        share = f"/api/shares/{created['id']}"
        assert client.get(share).content == body
        assert client.get(f"{share}/meta").json()["size"] == len(body)
        assert client.post(f"{share}/claim").content == body
        assert client.get(f"/s/{created['id']}").status_code == 200
        assert client.delete(share, headers={"Authorization": f"Bearer {created['delete_token']}"}).status_code == 204
    assert attempts == []


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_no_module_of_the_service_can_fetch() -> None:
    modules = sorted(SERVER_PACKAGE.glob("*.py"))
    assert len(modules) >= 8
    for module in modules:
        imported = _imports(module)
        clients = {name for name in imported if name in HTTP_CLIENTS or name.split(".")[0] in HTTP_CLIENTS}
        assert clients == set(), f"{module.name} imports {clients}"
        if module.name != "run.py":  # run.py binds the listening socket; nothing else touches sockets
            assert "socket" not in imported, module.name
