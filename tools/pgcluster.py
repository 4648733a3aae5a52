"""A throw-away PostgreSQL cluster on a free loopback port, for tests and benchmarks.

Uses Debian's ``postgresql`` package (``/usr/lib/postgresql/<version>/bin``)
or ``initdb`` on ``PATH``. PostgreSQL refuses to run as root, so as root the
cluster's folder is given to the ``postgres`` user and its programs run with
``runuser -u postgres --``. Nothing outside the temporary folder is touched:
the Unix socket lives there too, and the cluster listens on 127.0.0.1 only.

    with PgCluster.start() as cluster:
        url = cluster.create_database("shares")

``python tools/pgcluster.py`` starts one, prints its URL and waits for Ctrl-C.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType

USER = "wallet"


def pg_bin_dir() -> Path | None:
    """The newest PostgreSQL server binaries on this machine, or None."""
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True):
        if Path(folder, "initdb").is_file() and Path(folder, "pg_ctl").is_file():
            return Path(folder)
    found = shutil.which("initdb")
    return Path(found).parent if found and shutil.which("pg_ctl") else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PgCluster:
    """A running cluster; :meth:`stop` (or leaving the ``with``) stops it and deletes its files."""

    def __init__(self, bin_dir: Path, root: Path, port: int, as_postgres: bool) -> None:
        self.bin_dir = bin_dir
        self.root = root
        self.data = root / "data"
        self.port = port
        self._prefix = ["runuser", "-u", "postgres", "--"] if as_postgres else []

    @classmethod
    def start(cls, *, durable: bool = False, timeout: float = 60.0) -> PgCluster:
        """initdb + pg_ctl start. ``durable=False`` turns fsync off (tests); benchmarks keep it on."""
        bin_dir = pg_bin_dir()
        if bin_dir is None:
            raise FileNotFoundError("PostgreSQL is not installed (Debian: apt-get install postgresql)")
        as_postgres = os.geteuid() == 0
        root = Path(tempfile.mkdtemp(prefix="wallet-pg-"))
        if as_postgres:
            entry = pwd.getpwnam("postgres")
            os.chown(root, entry.pw_uid, entry.pw_gid)
        cluster = cls(bin_dir, root, free_port(), as_postgres)
        try:
            cluster._run("initdb", "-D", str(cluster.data), "-U", USER, "--auth=trust", "--encoding=UTF8",
                         "--no-sync", "--no-instructions", timeout=timeout)
            options = f"-c listen_addresses=127.0.0.1 -p {cluster.port} -k {root} -c max_connections=200"
            if not durable:
                options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            cluster._run("pg_ctl", "-D", str(cluster.data), "-l", str(root / "server.log"), "-o", options,
                         "-w", "-t", str(int(timeout)), "start", timeout=timeout + 10)
        except BaseException:
            cluster.stop()
            raise
        return cluster

    def _run(self, program: str, *args: str, timeout: float) -> None:
        cmd = [*self._prefix, str(self.bin_dir / program), *args]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False, cwd=self.root)
        if proc.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{program} failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}\n{tail}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """CREATE DATABASE ``name`` (a plain identifier) and return its URL."""
        import psycopg

        if not name.isidentifier():
            raise ValueError(f"not a plain database name: {name!r}")
        with psycopg.connect(self.url(), autocommit=True, connect_timeout=10) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        if self.data.exists():
            try:
                self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop", timeout=60)
            except (RuntimeError, subprocess.TimeoutExpired):
                pass  # not running (start failed): the files are removed below all the same
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> PgCluster:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()


if __name__ == "__main__":
    with PgCluster.start(durable=True) as running:
        print(running.create_database("shares"), flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
