"""The oid4vc reference peer (../shared/peers/oid4vc) as a pytest fixture, for every test that needs it.

Usage from any test folder's conftest.py::

    from peers import oid4vc_peer  # noqa: F401  (re-exports the session fixture)

The peer is copied out of the read-only shared folder and its npm packages
installed once (``tools/peer.sh oid4vc-path``), then ``node server.mjs
--state DIR --auto-approve --ttl 600 --quiet`` runs for the whole session on
a free loopback port. Its JSON ready line gives the URL, the DID and the CA
that the wallet must trust (``WALLET_CA_BUNDLE`` / ``OnlineSettings.ca_bundle``).
Admin calls go through the standard library, not the wallet's client, so the
fixture keeps working when the code under test breaks.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import ssl
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

ROOT = Path(__file__).resolve().parent.parent
READY_TIMEOUT = 90


class Oid4vcPeer:
    """A running peer: its ready-line facts and small helpers for its admin API and example client."""

    def __init__(self, proc: subprocess.Popen[str], info: dict[str, Any], state: Path, home: Path) -> None:
        self.proc = proc
        self.info = info
        self.state = state
        self.home = home  # the prepared copy with node_modules
        self.url: str = info["url"]
        self.ca: str = info["ca"]
        self.did: str = info["did"]
        self.port: int = int(info["port"])
        self._tls = ssl.create_default_context(cafile=self.ca)

    def admin(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method,
                                         headers={"content-type": "application/json"})
        with urllib.request.urlopen(request, context=self._tls, timeout=30) as resp:
            raw = resp.read()
        return json.loads(raw) if raw else None

    def offer(self, **body: Any) -> dict[str, Any]:
        return self.admin("POST", "/admin/offers", body)

    def credentials(self) -> list[dict[str, Any]]:
        return self.admin("GET", "/admin/credentials")

    def set_status(self, credential_id: str, state: str) -> Any:
        return self.admin("POST", f"/admin/credentials/{quote(credential_id, safe='')}/status", {"state": state})

    def receive(self, offer_uri: str, *, tx_code: str | None = None, wallet: Path | None = None) -> dict[str, Any]:
        """Let the peer's own example wallet (client.mjs) accept an offer, so real credentials get issued."""
        args = ["node", str(self.home / "client.mjs"), "--state", str(self.state), "receive", offer_uri]
        if tx_code:
            args += ["--tx-code", tx_code]
        if wallet:
            args += ["--wallet", str(wallet)]
        proc = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
        if proc.returncode != 0:
            raise RuntimeError(f"client.mjs receive failed: {proc.stderr[-2000:]}")
        return json.loads(proc.stdout)

    def issue(self, **offer: Any) -> list[dict[str, Any]]:
        """Offer and receive (pre-authorized flow); the admin records of the credentials just issued."""
        before = {c["id"] for c in self.credentials()}
        made = self.offer(**offer)
        self.receive(made["credential_offer_uri"], tx_code=made.get("tx_code"))
        return [c for c in self.credentials() if c["id"] not in before]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def prepare_oid4vc(shared: Path) -> Path:
    """Copy the peer to the project's cache and ``npm ci`` it once (tools/peer.sh does the work)."""
    env = {**os.environ, "WALLET_SHARED": str(shared)}
    proc = subprocess.run([str(ROOT / "tools" / "peer.sh"), "oid4vc-path"], capture_output=True, text=True,
                          env=env, timeout=600, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"preparing the oid4vc peer failed: {proc.stderr[-2000:]}")
    return Path(proc.stdout.strip().splitlines()[-1])


def start_oid4vc_peer(shared: Path, state: Path, *, ttl: int = 600) -> Oid4vcPeer:
    """Start a peer with its state in ``state`` and wait for its JSON ready line."""
    home = prepare_oid4vc(shared)
    log = (state / "peer-stderr.log").open("w")
    proc = subprocess.Popen(
        ["node", str(home / "server.mjs"), "--state", str(state), "--auto-approve", "--ttl", str(ttl), "--quiet"],
        stdout=subprocess.PIPE, stderr=log, text=True, cwd=home,
    )
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], READY_TIMEOUT)
    line = proc.stdout.readline() if ready else ""
    if not line.strip():
        proc.kill()
        raise RuntimeError(f"the oid4vc peer did not start: {(state / 'peer-stderr.log').read_text()[-2000:]}")
    return Oid4vcPeer(proc, json.loads(line), state, home)


@pytest.fixture(scope="session")
def oid4vc_peer(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Oid4vcPeer]:
    """One peer for the whole session (credentials and revocations accumulate; tests use their own)."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed: the oid4vc reference peer cannot run (tools/bootstrap.sh installs it)")
    peer = start_oid4vc_peer(shared, tmp_path_factory.mktemp("oid4vc-peer"))
    try:
        yield peer
    finally:
        peer.stop()
