"""The share viewer in Chromium: links that are incomplete, gone, tampered,
hostile or one-time, and what the page asks the server for (and never sends).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from datetime import UTC, datetime, timedelta

from wallet.formats import parse

from .bundles import DEMO_VALID, demo_files, share
from .conftest import PHONE, VIEWER
from .sealing import deflate_raw, key_text, new_key, package_bytes, seal_compressed, seal_plaintext, share_link


def _one_demo(service, holder, **kwargs):
    files = demo_files(holder[1])
    return share(service, holder, [parse(files[DEMO_VALID["eddsa-jcs-2022"]])], **kwargs)


def test_link_without_a_key(service, holder, viewer) -> None:
    shared = _one_demo(service, holder)
    v = viewer("en-GB")
    v.open(shared.link.split("#")[0])
    assert v.headline() == "✗ This link is incomplete"
    assert "holds the key that unlocks the credentials, and it is missing" in v.text()
    assert not any(p.startswith("/api/") for _, p in service.requests_for(shared.share_id))  # nothing fetched
    sl = viewer("sl-SI")
    sl.open(shared.link.split("#")[0])
    assert sl.headline() == "✗ Povezava je nepopolna"


def test_damaged_keys_and_fragments(service, holder, viewer) -> None:
    shared = _one_demo(service, holder)
    base = shared.link.split("#")[0]
    v = viewer("en-GB")
    v.open(base + "#v=1&k=" + key_text(shared.key)[:30])  # cut off
    assert v.headline() == "✗ This link is damaged"
    v.open(base + "#v=1&k=abc&k=def")
    assert v.headline() == "✗ This link is damaged"
    v.open(base + "#v=2&k=" + key_text(shared.key))
    assert v.headline() == "✗ This link is from a newer version"
    v.open(base + "#v=1&b=eJzLSM3JyQcABiwCFQ")  # a self-contained wallet link, not a hosted one
    assert v.headline() == "✗ This is a link for the wallet app"


def test_wrong_key_or_tampered_ciphertext(service, holder, viewer) -> None:
    shared = _one_demo(service, holder)
    v = viewer("en-GB")
    v.open(shared.link.split("#")[0] + "#v=1&k=" + key_text(new_key()))
    assert v.headline() == "✗ The credentials cannot be decrypted"
    blob = bytearray(service.shares[shared.share_id].blob)
    blob[len(blob) // 2] ^= 0x01  # one bit of the ciphertext
    service.replace_blob(shared.share_id, bytes(blob))
    v.open(shared.link)
    assert v.headline() == "✗ The credentials cannot be decrypted"
    assert "Nothing is shown" in v.text()
    assert not v.page.locator("article.credential").count()
    v.screenshot("tampered-ciphertext-desktop-en")
    phone = viewer("sl-SI", viewport=PHONE)
    phone.open(shared.link)
    assert phone.headline() == "✗ Dokazil ni mogoče dešifrirati"
    phone.screenshot("tampered-ciphertext-phone-sl")


def test_missing_and_expired_shares(service, holder, viewer) -> None:
    v = viewer("en-GB")
    v.open(share_link(service.base_url, "A" * 22, new_key()))
    assert v.headline() == "✗ This link has expired or was deleted"
    v.screenshot("gone-desktop-en")
    shared = _one_demo(service, holder)
    service.shares[shared.share_id].expires = datetime.now(UTC) - timedelta(seconds=1)
    v.open(shared.link)
    assert v.headline() == "✗ This link has expired or was deleted"
    sl = viewer("sl-SI", viewport=PHONE)
    sl.open(shared.link)
    assert sl.headline() == "✗ Povezava je potekla ali je bila izbrisana"
    sl.screenshot("gone-phone-sl")


def test_one_time_link_opens_only_on_a_click_and_only_once(service, holder, viewer) -> None:
    shared = _one_demo(service, holder, one_time=True)
    v = viewer("en-GB")
    v.open(shared.link)
    assert v.headline() == "This link can be opened only once"
    assert v.page.get_by_role("button", name="Open it now").is_visible()
    v.screenshot("one-time-prompt-desktop-en")
    # loading the page (as a link preview or a curious reload would) claims nothing
    assert ("POST", f"/api/shares/{shared.share_id}/claim") not in service.requests_for(shared.share_id)
    v.page.reload()
    v.wait()
    assert shared.share_id in service.shares
    v.page.get_by_role("button", name="Open it now").click()
    v.wait("done,error")
    assert v.headline() == "✓ Checks out"
    assert "This link could be opened only once and is now used up." in v.text()
    assert shared.share_id not in service.shares  # burnt by the claim
    second = viewer("en-GB")
    second.open(shared.link)
    assert second.headline() == "✗ This link has expired or was deleted"


def test_one_time_link_claimed_elsewhere_meanwhile(service, holder, viewer) -> None:
    shared = _one_demo(service, holder, one_time=True)
    v = viewer("sl-SI")
    v.open(shared.link)
    assert v.headline() == "To povezavo je mogoče odpreti le enkrat"
    del service.shares[shared.share_id]  # someone else opened it first
    v.page.get_by_role("button", name="Odpri zdaj").click()
    v.wait("error")
    assert v.headline() == "✗ Povezava je bila že odprta, je potekla ali je bila izbrisana"


def test_hostile_packages_are_refused_with_a_reason(service, holder, viewer) -> None:
    files = demo_files(holder[1])
    good = share(service, holder, [parse(files[DEMO_VALID["eddsa-jcs-2022"]])])
    cases = {
        # 8 MiB of zeros deflates to a few KiB: stopped at the 4 MiB cap
        "bomb": (lambda k: seal_compressed(deflate_raw(b"\0" * (8 << 20)), k),
                 "✗ The shared data is too large to open safely"),
        "not json": (lambda k: seal_plaintext(b"\xff\xfe not json", k), "✗ The shared data is damaged"),
        "truncated deflate": (lambda k: seal_compressed(deflate_raw(package_bytes(good.presentation))[:-20], k),
                              "✗ The shared data is damaged"),
        "trailing junk": (lambda k: seal_compressed(deflate_raw(package_bytes(good.presentation)) + b"junk", k),
                          "✗ The shared data is damaged"),
        "wrong shape": (lambda k: seal_plaintext(json.dumps({"v": 1, "type": "wallet-share"}).encode(), k),
                        "✗ The shared data is damaged"),
        "newer package": (lambda k: seal_plaintext(json.dumps({"v": 7}).encode(), k),
                          "✗ This bundle is from a newer version"),
        "no magic": (lambda k: b"XXXX" + os.urandom(64), "✗ This is not a shared bundle"),
        "too short": (lambda k: b"WSB1", "✗ This is not a shared bundle"),
    }
    v = viewer("en-GB")
    for name, (make, headline) in cases.items():
        key = new_key()
        share_id = service.add(make(key))
        v.open(share_link(service.base_url, share_id, key))
        assert v.headline() == headline, name


def test_oversized_blob_is_not_downloaded(service, viewer) -> None:
    key = new_key()
    share_id = service.add(b"WSB1" + os.urandom(5 << 20))
    v = viewer("en-GB")
    v.open(share_link(service.base_url, share_id, key))
    assert v.headline() == "✗ The shared data is too large to open safely"


def test_the_key_never_reaches_the_server_and_nothing_else_is_fetched(service, holder, viewer) -> None:
    shared = _one_demo(service, holder)
    v = viewer("en-GB")
    v.open(shared.link)
    assert v.headline() == "✓ Checks out"
    key = key_text(shared.key)
    assert all(key not in path for _, path in service.log)
    assert all(url.startswith(service.base_url + "/") for url in v.requests), v.requests
    paths = sorted({url[len(service.base_url):].split("#")[0] for url in v.requests})
    assert paths == sorted([f"/s/{shared.share_id}", f"/api/shares/{shared.share_id}/meta",
                            f"/api/shares/{shared.share_id}"] +
                           [f"/assets/{p.name}" for p in (VIEWER / "assets").iterdir()]), paths


def test_subresource_integrity_blocks_a_changed_script(service, holder, viewer) -> None:
    """The page pins its script with SRI: a server (or proxy) that changes it gets nothing run."""
    html = (VIEWER / "index.html").read_text()
    script = next(p for p in (VIEWER / "assets").iterdir() if p.suffix == ".js")
    digest = base64.b64encode(hashlib.sha384(script.read_bytes()).digest()).decode()
    assert f'src="/assets/{script.name}" integrity="sha384-{digest}" crossorigin="anonymous"' in html
    shared = _one_demo(service, holder)
    service.asset_overrides[script.name] = script.read_bytes().replace(b"Checks out", b"Trust me!!")
    try:
        v = viewer("en-GB")
        v.page.goto(shared.link)
        v.page.wait_for_timeout(1500)
        assert v.page.evaluate("document.body.dataset.phase") == "loading"  # the script never ran
        assert "Trust me" not in v.text()
    finally:
        del service.asset_overrides[script.name]
