"""Fixtures for the online tests: local HTTPS servers, a client that trusts their CA, the oid4vc peer.

Every server listens on loopback; nothing here reaches any other address.
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from peers import oid4vc_peer  # noqa: F401 - re-exported session fixture

from wallet.online import OnlineClient, OnlineSettings
from wallet.online.transport import system_resolver

from .servers import LocalPki, LocalServer, make_pki, server_context

#: Names a test resolver maps (the system resolver knows none of them).
PINNED = "pinned.test"  # -> 127.0.0.1, in the server certificate
UNCERTIFIED = "uncertified.test"  # -> 127.0.0.1, NOT in the certificate
METADATA = "metadata.test"  # -> 169.254.169.254 (cloud metadata)


def loopback_name() -> str | None:
    """A real host name (not 'localhost') the system resolves to loopback, e.g. the machine's own name."""
    for name in (socket.gethostname(), "ip6-localhost", "ip6-loopback", "localhost.localdomain"):
        try:
            addresses = system_resolver(name, 443)
        except OSError:
            continue
        if addresses and all(a.startswith("127.") or a == "::1" for a in addresses) and name.isascii():
            return name.lower()
    return None


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> LocalPki:
    names = ["localhost", PINNED]
    real = loopback_name()
    if real:
        names.append(real)
    return make_pki(tmp_path_factory.mktemp("pki"), names)


@pytest.fixture
def server(pki: LocalPki) -> Iterator[LocalServer]:
    srv = LocalServer("127.0.0.1", server_context(pki)).start()
    yield srv
    srv.stop()


@pytest.fixture
def pki_context(pki: LocalPki) -> ssl.SSLContext:
    return server_context(pki)


@pytest.fixture
def plain_server() -> Iterator[LocalServer]:
    srv = LocalServer("127.0.0.1", None).start()
    yield srv
    srv.stop()


@dataclass
class Recorder:
    """Collects on_contact calls and what the resolver was asked."""

    contacts: list[tuple[str, datetime, str]] = field(default_factory=list)
    lookups: list[str] = field(default_factory=list)

    def contact(self, host: str, when: datetime, purpose: str) -> None:
        self.contacts.append((host, when, purpose))


class MapResolver:
    """A resolver that answers the ``.test`` names from a table and everything else like the system."""

    def __init__(self, table: dict[str, Sequence[str] | Callable[[], Sequence[str]]], recorder: Recorder) -> None:
        self.table = table
        self.recorder = recorder

    def __call__(self, host: str, port: int) -> Sequence[str]:
        self.recorder.lookups.append(host)
        answer = self.table.get(host)
        if answer is None:
            found = system_resolver(host, port)
            # the suite reaches loopback only: a real name resolving elsewhere is a broken test, not a fetch
            assert all(a.startswith("127.") or a == "::1" for a in found), f"{host} resolves off loopback"
            return found
        return answer() if callable(answer) else answer


ClientFactory = Callable[..., tuple[OnlineClient, Recorder]]


@pytest.fixture
def make_client(pki: LocalPki) -> ClientFactory:
    """``make_client(allow_loopback=True, resolve={...}, **settings)`` -> (client, recorder)."""

    def build(*, resolve: dict[str, Any] | None = None, **settings: Any) -> tuple[OnlineClient, Recorder]:
        recorder = Recorder()
        table: dict[str, Any] = {PINNED: ["127.0.0.1"], UNCERTIFIED: ["127.0.0.1"], METADATA: ["169.254.169.254"]}
        table.update(resolve or {})
        options = {"ca_bundle": str(pki.ca_pem), "allow_loopback": True, **settings}
        client = OnlineClient(OnlineSettings(**options), recorder.contact, resolver=MapResolver(table, recorder))
        return client, recorder

    return build


@pytest.fixture
def shared_path(shared: Path) -> Path:
    return shared


@pytest.fixture
def block_sockets(monkeypatch: pytest.MonkeyPatch) -> Callable[[], Any]:
    """``with block_sockets():`` any socket, connection or DNS lookup inside fails the test."""
    import contextlib

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("network access attempted where none is allowed")

    class Refused(socket.socket):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            refuse()

    @contextlib.contextmanager
    def blocked() -> Iterator[None]:
        with monkeypatch.context() as m:
            m.setattr(socket, "socket", Refused)
            m.setattr(socket, "create_connection", refuse)
            m.setattr(socket, "getaddrinfo", refuse)
            yield

    return blocked
