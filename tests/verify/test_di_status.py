"""Status lists: bit order, purposes, issuer binding, and threats "zip and deflate bombs", "status list size and privacy" in docs/THREATS.md."""

from __future__ import annotations

import base64
import time
import zlib

import pytest

from tests.verify.helpers import (
    ISSUER,
    OTHER,
    ctx,
    encoded_list,
    ob3_credential,
    raw,
    signed,
    status_entry,
    status_list,
)
from wallet.verify.engine import verify_bytes
from wallet.verify.status import (
    MAX_DECOMPRESSED,
    MIN_ENTRIES,
    StatusListError,
    bit_at,
    decode_list,
    gunzip_capped,
)

URL = "https://issuer.example/status/1"


def _verify(index: int, bits: bytes, purpose: str = "revocation", list_issuer=ISSUER, tamper_list: bool = False):
    lst = status_list(URL, encoded_list(bits), list_issuer, purpose)
    if tamper_list:
        lst["validFrom"] = "2025-01-02T00:00:00Z"
    cred = signed(ob3_credential(credentialStatus=status_entry(URL, index, purpose)))
    _, report = verify_bytes(raw(cred), ctx(status_lists={URL: raw(lst)}))
    return report


def test_bit_order_is_big_endian() -> None:
    bits = bytes([0b1000_0000, 0b0000_0001])
    assert bit_at(bits, 0) == 1
    assert [bit_at(bits, i) for i in range(1, 15)] == [0] * 14
    assert bit_at(bits, 15) == 1
    assert bit_at(bytes([0b0110_0000]), 0, size=2) == 1
    assert bit_at(bytes([0b0110_0000]), 1, size=2) == 2


def test_revoked_and_active() -> None:
    bits = bytearray(MIN_ENTRIES // 8)
    bits[5] = 0b0010_0000  # index 42
    revoked = _verify(42, bytes(bits))
    assert revoked.verdict.value == "invalid"
    assert revoked.check("status").message.id == "status.revoked_as_of"
    active = _verify(41, bytes(bits))
    assert active.check("status").status.value == "passed"
    assert active.verdict.value == "valid-with-warnings"


def test_suspended() -> None:
    bits = bytearray(MIN_ENTRIES // 8)
    bits[0] = 0x80
    report = _verify(0, bytes(bits), purpose="suspension")
    assert report.verdict.value == "invalid"
    assert report.check("status").message.id == "status.suspended_as_of"


def test_list_from_another_publisher_is_a_warning_naming_it() -> None:
    report = _verify(1, bytes(MIN_ENTRIES // 8), list_issuer=OTHER)
    assert report.check("status").status.value == "warning"
    assert report.check("status").message.id == "status.other_publisher"
    assert report.check("status").message.get("publisher") == OTHER.did
    revoked = bytearray(MIN_ENTRIES // 8)
    revoked[0] = 0b0100_0000  # index 1: the publisher the credential names has revoked it
    assert _verify(1, bytes(revoked), list_issuer=OTHER).check("status").message.id == "status.revoked_as_of"


def test_tampered_list_fails() -> None:
    report = _verify(1, bytes(MIN_ENTRIES // 8), tamper_list=True)
    assert report.check("status").status.value == "failed"


def test_index_outside_list_fails() -> None:
    report = _verify(MIN_ENTRIES + 5, bytes(MIN_ENTRIES // 8))
    assert report.check("status").status.value == "failed"


def test_unknown_status_type_is_not_checked() -> None:
    doc = ob3_credential(credentialStatus={"id": "https://x.example/r", "type": "1EdTechRevocationList"})
    doc["@context"].append("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json")
    cred = signed(doc)
    _, report = verify_bytes(raw(cred), ctx())
    assert report.check("status").status.value == "not-checked"


# --- row 20: small lists flagged; row 19/20: bombs capped ---------------------------------


def test_ten_entry_list_is_flagged_for_herd_privacy() -> None:
    report = _verify(3, bytes(2))  # a list of 16 (≈10) entries
    status = report.check("status")
    assert status.status.value == "warning"
    assert status.message.id == "status.small_list_as_of" and status.message.get("entries") == 16


@pytest.fixture(scope="module")
def gzip_of_1gib_zeros() -> bytes:
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = bytes(1 << 20)
    parts = [comp.compress(chunk) for _ in range(1024)]
    parts.append(comp.flush())
    return b"".join(parts)


def test_gzip_of_1gib_zeros_is_capped(gzip_of_1gib_zeros: bytes) -> None:
    started = time.monotonic()
    with pytest.raises(StatusListError, match="more than 16 MiB|decompression bomb"):
        gunzip_capped(gzip_of_1gib_zeros)
    assert time.monotonic() - started < 5.0


def test_gzip_bomb_status_list_end_to_end(gzip_of_1gib_zeros: bytes) -> None:
    encoded = "u" + base64.urlsafe_b64encode(gzip_of_1gib_zeros).decode().rstrip("=")
    lst = status_list(URL, encoded)
    cred = signed(ob3_credential(credentialStatus=status_entry(URL, 1)))
    _, report = verify_bytes(raw(cred), ctx(status_lists={URL: raw(lst)}))
    assert report.verdict.value == "invalid"
    assert "16 MiB" in report.check("status").explained or "bomb" in report.check("status").explained


def test_ratio_cap_stops_before_the_size_cap() -> None:
    data = zlib.compress(bytes(MAX_DECOMPRESSED - 1), 9)
    gz = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    bomb = gz.compress(bytes(8 << 20)) + gz.flush()
    assert data  # plain zlib is not gzip:
    with pytest.raises(StatusListError):
        decode_list("u" + base64.urlsafe_b64encode(data).decode())
    with pytest.raises(StatusListError, match="bomb"):
        gunzip_capped(bomb)


def test_truncated_and_garbage_lists_fail() -> None:
    good = base64.urlsafe_b64decode(encoded_list(bytes(100))[1:] + "==")
    with pytest.raises(StatusListError, match="cut short"):
        gunzip_capped(good[:-10])
    with pytest.raises(StatusListError):
        decode_list("u!!!not-base64")


def test_statuslist2021_plain_base64url_is_accepted() -> None:
    plain = encoded_list(bytes(16))[1:]
    assert decode_list(plain) == bytes(16)


def test_a_list_is_verified_once_per_context_and_gives_each_credential_its_own_bit() -> None:
    """Many credentials naming one list (a batch from one issuer): the list is checked once, each bit read."""
    import wallet.verify.engine as engine

    lst = status_list(URL, encoded_list(bytes([0b0100_0000]) + bytes(2047)), ISSUER, "revocation")
    shared_ctx = ctx(status_lists={URL: raw(lst)})
    calls = []
    original = engine.verify_status_list

    def counting(doc, context):  # the list verifier the engine passes to status.load_list
        calls.append(1)
        return original(doc, context)

    engine.verify_status_list = counting
    try:
        reports = [verify_bytes(raw(signed(ob3_credential(credentialStatus=status_entry(URL, i)))), shared_ctx)[1]
                   for i in range(4)]
        assert len(calls) == 1
        verify_bytes(raw(signed(ob3_credential(credentialStatus=status_entry(URL, 0)))), ctx(status_lists={URL: raw(lst)}))
        assert len(calls) == 2  # another context checks it again
    finally:
        engine.verify_status_list = original
    states = [next(c.status.value for c in r.checks if c.id.value == "status") for r in reports]
    assert states[1] == "failed" and states[0] != "failed" and states[2] != "failed"


def test_an_unusable_list_stays_unusable_for_every_credential_of_the_context() -> None:
    lst = status_list(URL, encoded_list(bytes(2048)), ISSUER, "revocation")
    lst["validFrom"] = "2025-01-02T00:00:00Z"  # tampered after signing
    shared_ctx = ctx(status_lists={URL: raw(lst)})
    for i in range(2):
        _, report = verify_bytes(raw(signed(ob3_credential(credentialStatus=status_entry(URL, i)))), shared_ctx)
        status = next(c for c in report.checks if c.id.value == "status")
        assert status.status.value == "failed" and status.message.id == "status.list_untrusted"
