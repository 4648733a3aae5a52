"""The real thing: `python -m wallet share-server` as a subprocess on loopback,
spoken to over HTTP(S) — on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
import ipaddress
import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx2
import pytest

from tests.share_server.conftest import OCTET, ROOT, VIEWER_HTML, sealed
from wallet.sharing.hosted import EvidenceItem, HostedLink, open_package, parse_link, seal_package
from wallet.sharing.server.store import sqlite_path

VP = {"type": ["VerifiablePresentation"], "holder": "did:key:z6Mk", "verifiableCredential": []}


def wallet_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "wallet", *args]


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


@contextmanager
def running_server(*args: str, stop: signal.Signals = signal.SIGTERM) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    proc = subprocess.Popen(wallet_cmd("share-server", "--port", "0", *args), cwd=ROOT, env=env(), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: lines.put(proc.stdout.readline() if proc.stdout else ""), daemon=True).start()
    try:
        try:
            first = lines.get(timeout=60).strip()
        except queue.Empty:
            first = ""
        if not first:
            proc.kill()
            pytest.fail(f"share-server printed no URL; stderr: {proc.communicate(timeout=10)[1]}")
        yield first, proc
    finally:
        if proc.poll() is None:
            proc.send_signal(stop)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def stop_and_collect(proc: subprocess.Popen[str], sig: signal.Signals = signal.SIGTERM) -> tuple[int, str]:
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=30)
    return proc.returncode, err


def test_round_trip_through_the_real_server(db_url: str, viewer_dir: Path) -> None:
    with running_server("--db", db_url, "--static", str(viewer_dir)) as (url, proc):
        assert url.startswith("http://127.0.0.1:") and url.rsplit(":", 1)[1].isdigit()
        evidence = [EvidenceItem("status-list", "https://issuer.example/status/3", datetime(2026, 11, 20, tzinfo=UTC),
                                 "application/vc+ld+json", {"type": "BitstringStatusListCredential"})]
        key, blob = seal_package(VP, evidence, now=datetime(2026, 11, 24, tzinfo=UTC))
        with httpx2.Client(base_url=url, timeout=30) as http:
            created = http.post("/api/shares", content=blob, headers=OCTET, params={"expires": "600"}).json()
            assert created["url"] == f"{url}/s/{created['id']}"
            link = HostedLink(url, created["id"], key).url
            parsed = parse_link(link)
            fetched = http.get(f"/api/shares/{parsed.share_id}")
            assert fetched.status_code == 200
            package = open_package(parsed.key, fetched.content)
            assert package.presentation == VP and package.evidence == tuple(evidence)
            page = http.get(link.split("#")[0])  # what a browser requests: never the fragment
            assert page.text == VIEWER_HTML and page.headers["content-security-policy"].startswith("default-src")
            assert http.get("/assets/viewer.js").status_code == 200
            assert http.delete(f"/api/shares/{created['id']}",
                               headers={"Authorization": f"Bearer {created['delete_token']}"}).status_code == 204
            assert http.get(f"/api/shares/{created['id']}").status_code == 404
        code, err = stop_and_collect(proc)
    assert code == 0, err
    assert "stopped" in err and "Traceback" not in err
    if db_url.startswith("sqlite"):
        wal = Path(str(sqlite_path(db_url)) + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0  # closed cleanly: the WAL was checkpointed
        with sqlite3.connect(sqlite_path(db_url)) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_concurrent_claims_over_http_burn_once(db_url: str) -> None:
    with running_server("--db", db_url, "--read-limit", "off") as (url, _):
        async def claim_all(share_id: str) -> list[int]:
            async with httpx2.AsyncClient(base_url=url, timeout=30) as http:
                calls = [http.post(f"/api/shares/{share_id}/claim") for _ in range(20)]
                return [r.status_code for r in await asyncio.gather(*calls)]

        for _ in range(3):
            created = httpx2.post(f"{url}/api/shares?one_time=1", content=sealed(), headers=OCTET).json()
            assert httpx2.get(f"{url}/api/shares/{created['id']}/meta").json()["one_time"] is True
            statuses = asyncio.run(claim_all(created["id"]))
            assert sorted(statuses) == [200] + [404] * 19


def test_sigint_stops_cleanly_too(tmp_path: Path) -> None:
    with running_server("--db", f"sqlite:///{tmp_path}/s.db", stop=signal.SIGINT) as (url, proc):
        assert httpx2.get(f"{url}/api/health").json() == {"status": "ok"}
        code, err = stop_and_collect(proc, signal.SIGINT)
    assert code == 0 and "stopped" in err


def self_signed(tmp_path: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(minutes=5))
            .not_valid_after(now + timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def test_tls_serves_hsts(tmp_path: Path) -> None:
    import ssl

    cert, key = self_signed(tmp_path)
    with running_server("--db", f"sqlite:///{tmp_path}/s.db", "--tls-cert", str(cert), "--tls-key", str(key)) as (
            url, _):
        assert url.startswith("https://127.0.0.1:")
        context = ssl.create_default_context(cafile=str(cert))
        with httpx2.Client(base_url=url, verify=context, timeout=30) as http:
            created = http.post("/api/shares", content=sealed(), headers=OCTET)
            assert created.status_code == 201 and created.json()["url"].startswith("https://127.0.0.1:")
            assert created.headers["strict-transport-security"] == "max-age=31536000"
            assert http.get("/s/x").headers["strict-transport-security"] == "max-age=31536000"


@pytest.mark.parametrize(("args", "message"), [
    (["--tls-cert", "cert.pem"], "--tls-cert and --tls-key go together"),
    (["--tls-cert", "missing.pem", "--tls-key", "missing.key"], "cannot use the TLS certificate"),
    (["--db", "mysql://x"], "--db must be"),
    (["--db", "postgresql://nobody@127.0.0.1:1/none"], "cannot connect to postgresql://nobody@127.0.0.1:1/none"),
    (["--upload-limit", "lots"], "rate limit"),
    (["--public-url", "ftp://x"], "public URL"),
    (["--port", "70000"], "--port must be"),
])
def test_startup_errors_are_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    cmd = wallet_cmd("share-server", "--port", "0", *args)
    if "--db" not in args:
        cmd += ["--db", f"sqlite:///{tmp_path}/s.db"]
    proc = subprocess.run(cmd, cwd=tmp_path, env=env(), capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""  # no URL printed for a server that never started
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_port_in_use_is_one_line(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = str(taken.getsockname()[1])
        proc = subprocess.run(wallet_cmd("share-server", "--port", port, "--db", f"sqlite:///{tmp_path}/s.db"),
                              cwd=ROOT, env=env(), capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 2 and f"cannot listen on 127.0.0.1:{port}" in proc.stderr and proc.stdout == ""


def test_wallet_help_does_not_load_the_server_stack() -> None:
    code = ("import sys; from wallet.cli import build_parser; build_parser(); "
            "print(sorted(m for m in ('starlette', 'uvicorn', 'psycopg', 'psycopg_pool') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env(), capture_output=True, text=True,
                         timeout=60, check=True)
    assert out.stdout.strip() == "[]"
    helped = subprocess.run(wallet_cmd("share-server", "--help"), cwd=ROOT, env=env(), capture_output=True,
                            text=True, timeout=60, check=True)
    assert "--public-url" in helped.stdout and "--tls-cert" in helped.stdout
