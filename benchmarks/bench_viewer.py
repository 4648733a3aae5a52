"""Share viewer figures (a command, not a test; prints its numbers).

    PYTHONPATH=. .venv/bin/python benchmarks/bench_viewer.py [--runs 5] [--sizes 1,5,20]

For bundles of N credentials (four demo credentials: eddsa-jcs-2022,
ecdsa-rdfc-2019, VC-JOSE, VC 1.1 JWT; the rest OB 3.0 eddsa-rdfc-2022 with a
status list each, in the evidence pack), made and sealed
as in tests/web and served on loopback by the FakeShareService, it opens the
link in Debian's Chromium (headless, a fresh browser context each time, so
nothing is cached) and reports, over ``--runs`` runs, min / median / max of:

* open -> verdict: from navigation start to the verdict on screen (script
  load and parse, meta, download, decrypt, inflate, verification, rendering);
* the ciphertext size.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from tests.web.bundles import demo_files, share  # noqa: E402
from tests.web.conftest import CHROMIUM, CHROMIUM_ARGS, NOW, VIEWER  # noqa: E402
from tests.web.fake_share_service import FakeShareService  # noqa: E402
from tests.web.issuing import ob3_with_status  # noqa: E402
from tests.web.sealing import evidence  # noqa: E402
from wallet.formats import parse  # noqa: E402
from wallet.verify.did import did_key_for  # noqa: E402

FORMATS = ["demo-02.cred", "demo-03.cred", "demo-09.cred", "demo-11.cred"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1,5,20")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    key = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
    holder = (key, did_key_for(key.public_key()))
    files = demo_files(holder[1])
    service = FakeShareService(VIEWER).start()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            print(f"{'credentials':>11}  {'blob bytes':>10}  open -> verdict ms (min / median / max over {args.runs})")
            for size in (int(s) for s in args.sizes.split(",")):
                # distinct credentials only: the same graph twice in one bundle sends the wallet's
                # canonicaliser (signing the bundle) past its blank-node permutation budget
                demo = [parse(files[name]) for name in FORMATS][: size - 1]
                issued = [ob3_with_status(holder[1], NOW, revoked=False, title=f"Tečaj {i}")
                          for i in range(size - len(demo))]
                creds = [parse(w.credential) for w in issued] + demo
                proof = [evidence("status-list", w.status_url, w.status_list, NOW - timedelta(hours=1))
                         for w in issued]
                shared = share(service, holder, creds, proof)
                times = []
                for _ in range(args.runs):
                    context = browser.new_context()
                    page = context.new_page()
                    page.clock.set_fixed_time(NOW)
                    page.goto(shared.link)
                    page.wait_for_function("() => document.body.dataset.phase === 'done'", timeout=300_000)
                    times.append(page.evaluate("performance.now()"))
                    verdict = page.evaluate("document.body.dataset.verdict")
                    context.close()
                    if verdict != "ok":
                        raise SystemExit(f"unexpected verdict {verdict!r} for {size} credentials")
                blob = len(service.shares[shared.share_id].blob)
                print(f"{size:>11}  {blob:>10}  {min(times):8.0f} / {statistics.median(times):8.0f} / "
                      f"{max(times):8.0f}")
            browser.close()
    finally:
        service.stop()


if __name__ == "__main__":
    main()
