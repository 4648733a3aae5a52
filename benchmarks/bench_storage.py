"""Storage benchmark: import throughput, open and list times, memory, backup.

Run: ``python benchmarks/bench_storage.py [--n 10000] [--kdf floor|default] [--runs 5] [--json]``.
It creates throw-away vaults in a temp folder, adds N realistic credentials
(2-3 KB of JSON each, plus parsed JSON and a report) and prints a table. The
batch import and "open (excluding the KDF) + list all" are timed ``--runs``
times, each on a fresh vault, and shown as min/median/max; the other rows are
one measurement of the first vault. The Argon2id derivation is timed on its
own, so "open" shows what SQLCipher and the integrity check cost on top of it.
``--json`` prints one JSON object instead of the table.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import measure  # benchmarks/measure.py: the benchmarks' shared helpers (run as scripts from benchmarks/)

from wallet.storage import KdfParams, Vault
from wallet.storage.header import VaultHeader, header_path
from wallet.storage.kdf import derive_master

T = TypeVar("T")
PASSPHRASE = "benchmark passphrase"


def credential(i: int, rng: random.Random) -> tuple[bytes, str, dict, str, dict]:
    """A credential of realistic size: OB 3.0-like JSON of 2-3 KB."""
    desc = " ".join(rng.choice(["skills", "module", "assessment", "learning", "ECTS", "level"]) for _ in range(110))
    doc = {
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": f"urn:uuid:{i:08d}-0000-4000-8000-{rng.getrandbits(48):012x}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": f"did:web:university{i % 50}.example", "type": ["Profile"], "name": f"University {i % 50}"},
        "validFrom": "2026-01-15T00:00:00Z",
        "credentialSubject": {
            "id": f"did:key:z6Mk{rng.getrandbits(128):032x}",
            "type": ["AchievementSubject"],
            "achievement": {
                "id": f"https://university{i % 50}.example/achievements/{i}",
                "type": ["Achievement"],
                "name": f"Micro-credential {i}",
                "description": desc,
                "criteria": {"narrative": desc[:300]},
            },
        },
        "proof": {
            "type": "DataIntegrityProof",
            "cryptosuite": "eddsa-rdfc-2022",
            "proofValue": "z" + "".join(rng.choice("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz") for _ in range(88)),
        },
    }
    raw = json.dumps(doc, indent=1).encode()
    parsed = {"format": "vc-ldp", "id": doc["id"], "title": {"en": f"Micro-credential {i}"}, "description": {"en": desc}}
    report = {"verdict": "valid", "checks": [{"name": "signature", "status": "passed", "reason": "ok"}] * 4}
    return raw, "vc-ldp", parsed, f"import-{i}.json", report


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def spread(values: list[float]) -> dict[str, float]:
    return measure.Spread.of(values).to_json()


cpu_model = measure.cpu_model


def timed_round(folder: Path, index: int, items: list, kdf: KdfParams) -> tuple[float, float, float, int]:
    """One fresh vault: batch import, then open (excluding the KDF) and list all; the seconds of each."""
    path = folder / f"round-{index}.db"
    vault = Vault.create(path, PASSPHRASE, kdf)
    _, t_batch = timed(lambda: vault.add_credentials(items))
    vault.close()
    header = VaultHeader.read(header_path(path))
    master = derive_master(PASSPHRASE, header.salt, header.kdf)
    vault, t_open = timed(lambda: Vault._unlock(path, header_path(path), header, master))
    listed, t_list = timed(vault.list_credentials)
    vault.close()
    return t_batch, t_open, t_list, len(listed)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="credentials to import in one batch (default 10000)")
    ap.add_argument("--single", type=int, default=500, help="credentials added one transaction each (default 500)")
    ap.add_argument("--kdf", choices=["floor", "default"], default="default", help="Argon2id parameters")
    ap.add_argument("--runs", type=int, default=5, help="fresh vaults for the import and open + list figures (default 5)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    kdf = KdfParams.floor() if args.kdf == "floor" else KdfParams.default()
    rng = random.Random(42)
    items = [credential(i, rng) for i in range(args.n)]
    singles = [credential(args.n + i, rng) for i in range(args.single)]
    avg_raw = sum(len(i[0]) for i in items) / max(1, len(items))
    rows: list[tuple[str, str]] = []

    with tempfile.TemporaryDirectory(prefix="bench-vault-") as folder:
        path = Path(folder) / "vault.db"
        vault, t_create = timed(lambda: Vault.create(path, PASSPHRASE, kdf))
        # Timed without tracemalloc (it slows allocation 2-3x); memory measured on a second vault.
        _, t_batch = timed(lambda: vault.add_credentials(items))

        def add_singles() -> None:
            for item in singles:
                vault.add_credential(*item)

        _, t_single = timed(add_singles)
        _, t_backup = timed(lambda: vault.backup(Path(folder) / "b.lwb"))
        vault.close()
        size = path.stat().st_size

        header = VaultHeader.read(header_path(path))
        master, t_kdf = timed(lambda: derive_master(PASSPHRASE, header.salt, header.kdf))
        # Everything Vault.open does after Argon2id: keys, SQLCipher open, key test,
        # pragmas, cipher_integrity_check, schema check.
        vault, open_excl = timed(lambda: Vault._unlock(path, header_path(path), header, master))
        vault.close()
        vault, t_open = timed(lambda: Vault.open(path, PASSPHRASE))
        listed, t_list = timed(vault.list_credentials)
        tracemalloc.start()
        vault.list_credentials()
        _, list_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        probes = [c.id[:8] for c in listed[:: max(1, len(listed) // 50)]]
        _, t_probe = timed(lambda: [vault.get_credential(p) for p in probes])
        t_one = t_probe / len(probes)
        _, t_count = timed(vault.count_credentials)
        _, t_check = timed(vault.integrity_check)
        vault.close()
        restored, t_restore = timed(lambda: Vault.restore(Path(folder) / "b.lwb", Path(folder) / "r.db", PASSPHRASE))
        restored.close()

        second = Vault.create(Path(folder) / "m.db", PASSPHRASE, kdf)
        tracemalloc.start()
        second.add_credentials(items)
        _, import_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        second.close()

        rounds = [timed_round(Path(folder), i, items, kdf) for i in range(args.runs)]

    maxrss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rate = spread([args.n / r[0] for r in rounds])
    open_list = spread([(r[1] + r[2]) * 1000 for r in rounds])
    machine = {"cpu": cpu_model(), "cores": os.cpu_count(), "python": sys.version.split()[0],
               "load": os.getloadavg()[0] if hasattr(os, "getloadavg") else None}
    if args.json:
        result: dict[str, Any] = {
            "benchmark": "storage", "n": args.n, "single": args.single, "kdf": args.kdf, "runs": args.runs,
            "import_batch_per_s": rate, "open_excl_kdf_plus_list_ms": open_list, "open_list_target_ms": 500,
            "listed": rounds[0][3], "import_single_per_s": args.single / t_single,
            "kdf_ms": t_kdf * 1000, "open_total_ms": t_open * 1000, "full_integrity_check_ms": t_check * 1000,
            "backup_ms": t_backup * 1000, "restore_ms": t_restore * 1000, "file_mb": size / 1e6,
            "peak_import_mb": import_peak / 1e6, "peak_list_mb": list_peak / 1e6, "maxrss_mib": maxrss_kib / 1024,
            "machine": machine,
        }
        print(json.dumps(result))
        return 0
    rows += [
        ("credentials (batch + single)", f"{args.n} + {args.single}, avg raw {avg_raw / 1024:.1f} KiB"),
        ("KDF", f"argon2id m={kdf.memory_kib} KiB t={kdf.iterations} p={kdf.lanes}: {t_kdf * 1000:.0f} ms"),
        ("create vault (incl. KDF)", f"{t_create * 1000:.0f} ms"),
        ("import, one batch", f"{args.n / t_batch:,.0f} credentials/s ({t_batch:.2f} s), first vault"),
        (f"import, one batch, {args.runs} runs", "credentials/s min {min:,.0f} / median {median:,.0f} / max {max:,.0f}"
         .format(**rate)),
        ("import, one per transaction", f"{args.single / t_single:,.0f} credentials/s ({t_single:.2f} s)"),
        ("vault file size", f"{size / 1e6:.1f} MB"),
        ("open, excluding KDF", f"{open_excl * 1000:.0f} ms (incl. cipher_integrity_check)"),
        ("open, total", f"{t_open * 1000:.0f} ms"),
        ("list all", f"{t_list * 1000:.0f} ms ({len(listed)} credentials)"),
        ("open (excl. KDF) + list all", f"{(open_excl + t_list) * 1000:.0f} ms (target < 500 ms), first vault"),
        (f"open (excl. KDF) + list all, {args.runs} runs",
         "ms min {min:.0f} / median {median:.0f} / max {max:.0f} (target < 500 ms)".format(**open_list)),
        ("get by 8-digit prefix (mean of 50)", f"{t_one * 1000:.2f} ms"),
        ("count", f"{t_count * 1000:.2f} ms"),
        ("full integrity check", f"{t_check * 1000:.0f} ms"),
        ("backup (check + dump + encrypt + write)", f"{t_backup * 1000:.0f} ms"),
        ("restore (KDF + decrypt + load)", f"{t_restore * 1000:.0f} ms"),
        ("peak Python memory, batch import", f"{import_peak / 1e6:.1f} MB (tracemalloc)"),
        ("peak Python memory, list all", f"{list_peak / 1e6:.1f} MB (tracemalloc)"),
        ("peak RSS of the process", f"{maxrss_kib / 1024:.0f} MiB (ru_maxrss)"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"{'measure':<{width}} | value")
    print(f"{'-' * width}-+-{'-' * 50}")
    for key, value in rows:
        print(f"{key:<{width}} | {value}")
    print(f"\n{machine['cpu']}, {machine['cores']} CPUs, python {machine['python']}, load {machine['load']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
