"""How close to the floor the wallet verifies a JWT credential, against the reference peer, in one run.

Usage: python benchmarks/bench_jose_floor.py DIR [--runs 7]   (DIR: a peer corpus, e.g.
``tools/peer.sh issue /tmp/c30 --n 30 --seed 17``; defaults to ../shared/corpus)

Why: issue 17 asks for every kind at most half the peer's time and names the
signature check as the floor. For the four JWT/JOSE kinds this prints, per
credential, in the same run:

* ``signature``: the signature check alone (libsodium Ed25519, OpenSSL P-256), keys already decoded;
* ``bare``: the least any Python verifier does: split, strict base64url, orjson for the header and
  the payload, the cached did:key, the signature, the dates read. No duplicate-key refusal, no
  VC data-model rules, no claims or status checks, no report. Not the product: a yardstick only;
* ``wallet``: ``engine.verify_report``, bytes to the full report, as ``bench_verify.py`` times it;
* ``peer``: ``node verify.mjs --bench`` on the same folder.

Each figure is the median per credential of ``--runs`` passes after a warm-up (min and max
beside it). ``half peer - signature`` is what the target leaves for everything that is not the
signature.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import orjson  # noqa: E402 (after the sys.path lines above)
import pybase64  # noqa: E402
from bench_verify import peer_bench  # noqa: E402
from cryptography.exceptions import InvalidSignature  # noqa: E402
from cryptography.hazmat.primitives import hashes  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature  # noqa: E402
from nacl.bindings import crypto_sign_open  # noqa: E402
from nacl.exceptions import BadSignatureError  # noqa: E402

from wallet.bench import BenchItem, collect  # noqa: E402
from wallet.shared_data import shared_dir  # noqa: E402
from wallet.verify.did import multibase_to_key  # noqa: E402
from wallet.verify.engine import verify_report  # noqa: E402

KINDS = ("jose-vc2-eddsa", "jose-vc2-es256", "jwt-vc11-eddsa", "jwt-vc11-es256")
_ES256 = ec.ECDSA(hashes.SHA256())


@functools.lru_cache(maxsize=64)
def _key(kid: str) -> Any:
    key = multibase_to_key(kid.split("#")[0].removeprefix("did:key:"))
    return key.public_bytes_raw() if isinstance(key, Ed25519PublicKey) else key


def _b64(part: str) -> bytes:
    return pybase64.b64decode(part + "=" * (-len(part) % 4), altchars=b"-_", validate=True)


def _signature_ok(alg: str, key: Any, signature: bytes, message: bytes) -> bool:
    try:
        if alg == "EdDSA":
            crypto_sign_open(signature + message, key)
        else:
            r, s = int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
            key.verify(encode_dss_signature(r, s), message, _ES256)
    except (BadSignatureError, InvalidSignature, ValueError):
        return False
    return True


def _bare(data: bytes, now: datetime) -> bool:
    head, body, sig = data.decode("ascii").strip().split(".")
    header, payload = orjson.loads(_b64(head)), orjson.loads(_b64(body))
    ok = _signature_ok(header["alg"], _key(header["kid"]), _b64(sig), f"{head}.{body}".encode("ascii"))
    vc = payload.get("vc", payload)
    starts = [vc.get("validFrom"), vc.get("issuanceDate"), payload.get("nbf")]
    ends = [vc.get("validUntil"), vc.get("expirationDate"), payload.get("exp")]
    started = all([_when(v) <= now for v in starts if v is not None])  # lists: every date is read
    not_ended = all([_when(v) > now for v in ends if v is not None])
    return ok and started and not_ended


def _when(value: str | float) -> datetime:
    if isinstance(value, str):
        return datetime.fromisoformat(value)
    return datetime.fromtimestamp(value, UTC)


def _signature_only(items: list[BenchItem]) -> Callable[[BenchItem], object]:
    prepared = {}
    for item in items:
        head, body, sig = item.data.decode("ascii").strip().split(".")
        header = orjson.loads(_b64(head))
        prepared[item.name] = (header["alg"], _key(header["kid"]), _b64(sig), f"{head}.{body}".encode("ascii"))
    return lambda item: _signature_ok(*prepared[item.name])


def _spread(step: Callable[[BenchItem], object], items: list[BenchItem], runs: int) -> tuple[float, float, float]:
    """min, median, max of ms per credential over ``runs`` passes after one warm-up pass."""
    for item in items:
        step(item)
    per_pass = []
    for _ in range(runs):
        started = time.perf_counter()
        for item in items:
            step(item)
        per_pass.append((time.perf_counter() - started) * 1000.0 / len(items))
    return min(per_pass), statistics.median(per_pass), max(per_pass)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dir", nargs="?", type=Path, default=(shared_dir() or ROOT.parent / "shared") / "corpus")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    items = collect(args.dir)
    kinds = [k for k in KINDS if any(i.kind == k for i in items)]
    if not kinds:
        print(f"no JWT/JOSE credentials in {args.dir}", file=sys.stderr)
        return 1
    ours: dict[str, dict[str, tuple[float, float, float]]] = {}
    for kind in kinds:
        group = [i for i in items if i.kind == kind]
        ours[kind] = {
            "signature": _spread(_signature_only(group), group, args.runs),
            "bare": _spread(lambda i: _bare(i.data, i.ctx.now), group, args.runs),
            "wallet": _spread(lambda i: verify_report(i.data, i.ctx), group, args.runs),
        }
    peer = peer_bench(args.dir, args.runs) or {}
    print(f"ms per credential, median (min-max) of {args.runs} passes; {args.dir}")
    print(f"{'kind':16} {'signature':>19} {'bare':>19} {'wallet':>19} {'peer':>6} {'bare/peer':>9} "
          f"{'wallet/peer':>11} {'half peer - signature':>21}")
    for kind in kinds:
        cells = [f"{m:.3f} ({lo:.3f}-{hi:.3f})" for lo, m, hi in (ours[kind][c] for c in ("signature", "bare", "wallet"))]
        theirs = peer.get(kind, {}).get("msPerCredential")
        if theirs:
            budget = theirs / 2 - ours[kind]["signature"][1]
            tail = (f"{theirs:>6.3f} {ours[kind]['bare'][1] / theirs:>9.2f} {ours[kind]['wallet'][1] / theirs:>11.2f} "
                    f"{budget:>21.3f}")
        else:
            tail = f"{'-':>6}"
        print(f"{kind:16} {cells[0]:>19} {cells[1]:>19} {cells[2]:>19} {tail}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
