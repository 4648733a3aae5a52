"""Load benchmark of the share service on loopback, SQLite then PostgreSQL.

Run: ``python benchmarks/bench_share_server.py [--clients 200] [--seconds 60]
[--backend sqlite|postgresql|both] [--blob-kib 16] [--upload-share 0.2]``.

For each backend it starts the real service (``python -m wallet share-server``,
one uvicorn process, rate limits off) on 127.0.0.1 — PostgreSQL in a
throw-away cluster with fsync on (``tools/pgcluster.py``) — seeds 500 shares,
then runs ``--clients`` concurrent clients (asyncio + httpx2, one keep-alive
connection each) for ``--seconds``. Each client loops: with probability
``--upload-share`` it uploads a sealed-size random blob, otherwise it *views*
a random share the way the viewer page does (``GET …/meta`` then ``GET`` the
blob). It prints uploads/s and views/s (overall and min/median/max over
10-second windows), p50/p99/max latency per request kind, error counts, the
server process's CPU use, and the machine. The load generator shares the
machine's cores with the server, so the figures are a floor, not a ceiling.
The load is bounded in time and only ever targets 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import httpx2  # noqa: E402
import pgcluster  # noqa: E402

OCTET = {"Content-Type": "application/octet-stream"}
WINDOW = 10.0


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    uploads: list[float] = field(default_factory=list)  # completion times
    views: list[float] = field(default_factory=list)


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal"))
        memory = f"{mem / 1024 / 1024:.1f} GiB RAM"
    except (OSError, StopIteration):
        memory = "unknown RAM"
    return f"{os.cpu_count()} CPUs ({model}), {memory}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_server(db_url: str) -> tuple[subprocess.Popen[str], str]:
    cmd = [sys.executable, "-m", "wallet", "share-server", "--port", "0", "--db", db_url,
           "--upload-limit", "off", "--read-limit", "off"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    url = proc.stdout.readline().strip()
    if not url:
        proc.kill()
        raise SystemExit("the share server did not start")
    return proc, url


def blob(size: int) -> bytes:
    return b"WSB1" + os.urandom(size - 4)


async def client_loop(http: httpx2.AsyncClient, ids: list[str], tally: Tally, stop_at: float,
                      blob_size: int, upload_share: float, rng: random.Random) -> None:
    async def timed(kind: str, call: object) -> httpx2.Response | None:
        start = time.perf_counter()
        try:
            response = await call  # type: ignore[misc]
        except httpx2.HTTPError as exc:
            tally.errors[f"{kind}: {type(exc).__name__}"] += 1
            return None
        tally.latencies[kind].append(time.perf_counter() - start)
        if response.status_code >= 400:
            tally.errors[f"{kind}: HTTP {response.status_code}"] += 1
            return None
        return response

    while time.monotonic() < stop_at:
        if rng.random() < upload_share:
            response = await timed("upload", http.post("/api/shares", content=blob(blob_size), headers=OCTET))
            if response is not None:
                ids.append(response.json()["id"])
                tally.uploads.append(time.monotonic())
        else:
            share = rng.choice(ids)
            if await timed("meta", http.get(f"/api/shares/{share}/meta")) is not None and \
                    await timed("read", http.get(f"/api/shares/{share}")) is not None:
                tally.views.append(time.monotonic())


async def run_load(url: str, clients: int, seconds: float, blob_size: int, upload_share: float) -> tuple[Tally, float]:
    limits = httpx2.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx2.AsyncClient(base_url=url, limits=limits, timeout=30.0) as http:
        ids = []
        for _ in range(500):
            ids.append((await http.post("/api/shares", content=blob(blob_size), headers=OCTET)).json()["id"])
        tally = Tally()
        start = time.monotonic()
        await asyncio.gather(*(client_loop(http, ids, tally, start + seconds, blob_size, upload_share,
                                           random.Random(i)) for i in range(clients)))
        return tally, start


def windows(times: list[float], start: float, seconds: float) -> list[float]:
    counts = [0] * max(1, int(seconds // WINDOW))
    for t in times:
        index = int((t - start) // WINDOW)
        if 0 <= index < len(counts):
            counts[index] += 1
    return [c / WINDOW for c in counts]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else float("nan")


def own_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def report(backend: str, tally: Tally, start: float, seconds: float, server_cpu: float, client_cpu: float) -> None:
    print(f"\n== {backend} ==")
    for name, times in (("uploads/s", tally.uploads), ("views/s", tally.views)):
        per = windows(times, start, seconds)
        print(f"{name:<10} {len(times) / seconds:8.1f} overall;  per {WINDOW:.0f}-s window min {min(per):.1f} "
              f"/ median {statistics.median(per):.1f} / max {max(per):.1f}")
    for kind in ("upload", "meta", "read"):
        lat = tally.latencies.get(kind, [])
        print(f"{kind:<10} {len(lat):7d} requests  p50 {pct(lat, 0.5):7.1f} ms  p99 {pct(lat, 0.99):7.1f} ms  "
              f"max {pct(lat, 1.0):7.1f} ms")
    errors = sum(tally.errors.values())
    print(f"errors     {errors}" + (": " + ", ".join(f"{k} ×{v}" for k, v in sorted(tally.errors.items())) if errors else ""))
    print(f"CPU        server {server_cpu / seconds * 100:.0f}% of one core (one uvicorn process), load generator "
          f"{client_cpu / seconds * 100:.0f}%; load average now {os.getloadavg()[0]:.1f} (other processes share "
          "these cores)")


def bench(backend: str, db_url: str, args: argparse.Namespace) -> None:
    proc, url = start_server(db_url)
    try:
        cpu_before, own_before = cpu_seconds(proc.pid), own_cpu_seconds()
        tally, start = asyncio.run(run_load(url, args.clients, args.seconds, args.blob_kib * 1024, args.upload_share))
        report(backend, tally, start, args.seconds, cpu_seconds(proc.pid) - cpu_before, own_cpu_seconds() - own_before)
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--blob-kib", type=int, default=16, help="size of each uploaded blob (default 16 KiB)")
    parser.add_argument("--upload-share", type=float, default=0.2, help="fraction of iterations that upload")
    args = parser.parse_args()
    if not (1 <= args.clients <= 1000 and 1 <= args.seconds <= 600):
        raise SystemExit("keep the load bounded: 1-1000 clients, 1-600 seconds")
    print(f"machine: {machine()}; load average before {os.getloadavg()[0]:.1f}")
    print(f"load: {args.clients} concurrent clients for {args.seconds:.0f} s on 127.0.0.1; "
          f"{args.upload_share:.0%} uploads of {args.blob_kib} KiB, the rest views (meta + blob)")
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as folder:
            bench("SQLite (WAL, synchronous=FULL, secure_delete)", f"sqlite:///{folder}/shares.db", args)
    if args.backend in ("postgresql", "both"):
        with pgcluster.PgCluster.start(durable=True) as cluster:
            import psycopg

            url = cluster.create_database("shares")
            with psycopg.connect(url) as conn:
                version = conn.execute("SHOW server_version").fetchone()
            bench(f"PostgreSQL {version[0] if version else '?'} (fsync on, same machine)", url, args)


if __name__ == "__main__":
    main()
