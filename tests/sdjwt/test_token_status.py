"""The IETF Token Status List of an SD-JWT VC: values, trust in the list, freshness, hostile lists."""

from __future__ import annotations

import base64
import json
import zlib
from datetime import timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from wallet.formats import parse
from wallet.model import CheckStatus
from wallet.readout import State, credential_state
from wallet.verify.context import VerificationContext
from wallet.verify.engine import verify
from wallet.verify.jose import sign_compact
from wallet.verify.token_status import value_at

from .issuing import NOW, STATUS_URI, Issuer, b64

SD = {"title": "Data"}


def _report(issuer: Issuer, status_list: bytes | None, *, index: int = 7, now: Any = None, fetched: Any = None) -> Any:
    text, _ = issuer.issue(sd=SD, status_idx=index)
    ctx = VerificationContext(now=now or NOW + timedelta(seconds=30), issuer_metadata={issuer.iss: issuer.metadata()},
                              token_status_lists={STATUS_URI: status_list} if status_list is not None else {},
                              fetched={f"token-status-list {STATUS_URI}": fetched} if fetched else {})
    return verify(parse(text.encode()), ctx)


@pytest.mark.parametrize(("value", "state", "status"), [
    (0, State.VALID_NOTE, CheckStatus.PASSED),  # VALID_NOTE: the issuer is not in the trust store
    (1, State.REVOKED, CheckStatus.FAILED),
    (2, State.SUSPENDED, CheckStatus.FAILED),
    (3, State.VALID_NOTE, CheckStatus.WARNING),
])
def test_values(value: int, state: State, status: CheckStatus) -> None:
    issuer = Issuer()
    report = _report(issuer, issuer.status_list({7: value, 8: 1}))
    assert report.check("status").status is status  # type: ignore[union-attr]
    assert credential_state(report).state is state


@pytest.mark.parametrize("bits", [1, 2, 4, 8])
def test_every_entry_size_reads_the_right_entry(bits: int) -> None:
    issuer = Issuer()
    for index in (0, 5, 7, 9):
        report = _report(issuer, issuer.status_list({index: 1, index + 1: 0}, bits=bits), index=index)
        assert credential_state(report).state is State.REVOKED, (bits, index)


def test_value_at_packs_from_the_least_significant_bit() -> None:
    # draft-ietf-oauth-status-list, section 4.1 example: bits 1, byte 0 = 0xB9 = 10111001
    data = bytes([0xB9, 0xA3])
    assert [value_at(data, i, 1) for i in range(16)] == [1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1]
    # bits 2, byte 0 = 0xC9 = 11 00 10 01 -> entries 1, 2, 0, 3
    assert [value_at(bytes([0xC9]), i, 2) for i in range(4)] == [1, 2, 0, 3]


def test_a_list_signed_by_another_key_is_never_valid() -> None:
    issuer = Issuer()
    rogue = ec.generate_private_key(ec.SECP256R1())
    report = _report(issuer, issuer.status_list({}, key=rogue))
    check = report.check("status")
    assert check is not None and check.status is CheckStatus.FAILED
    assert check.message.id == "status.list_untrusted"
    assert credential_state(report).state is State.INVALID


def test_list_for_another_uri_wrong_type_and_bad_bits() -> None:
    issuer = Issuer()
    assert _report(issuer, issuer.status_list({}, sub="https://issuer.example/status/2")).check(
        "status").status is CheckStatus.FAILED  # type: ignore[union-attr]
    assert _report(issuer, issuer.status_list({}, typ="JWT")).check("status").status is CheckStatus.FAILED  # type: ignore[union-attr]
    payload = {"sub": STATUS_URI, "iat": int(NOW.timestamp()), "status_list": {"bits": 3, "lst": b64(zlib.compress(b"\0" * 8))}}
    bad_bits = sign_compact({"typ": "statuslist+jwt", "kid": issuer.kid}, payload, issuer.key).encode()
    assert _report(issuer, bad_bits).check("status").message.id == "status.list_unusable"  # type: ignore[union-attr]


def test_out_of_range_and_missing_list() -> None:
    issuer = Issuer()
    assert _report(issuer, issuer.status_list({}, size=8), index=100).check(
        "status").message.id == "status.out_of_range"  # type: ignore[union-attr]
    missing = _report(issuer, None)
    assert missing.check("status").status is CheckStatus.NOT_CHECKED  # type: ignore[union-attr]
    assert credential_state(missing).state is State.STATUS_UNCHECKED


def test_expired_list_is_not_used_and_a_stale_one_says_so() -> None:
    issuer = Issuer()
    now = int(NOW.timestamp())
    expired = _report(issuer, issuer.status_list({7: 1}, exp=now - 3600), now=NOW + timedelta(hours=2))
    assert expired.check("status").status is CheckStatus.NOT_CHECKED  # type: ignore[union-attr]
    assert credential_state(expired).state is State.STATUS_UNCHECKED
    stale = _report(issuer, issuer.status_list({}, ttl=60), now=NOW + timedelta(hours=1), fetched=NOW)
    check = stale.check("status")
    assert check is not None and check.status is CheckStatus.PASSED and check.message.id == "token_status.valid_stale"
    assert check.message.get("as_of") == NOW.isoformat()


def test_a_compression_bomb_is_refused() -> None:
    issuer = Issuer()
    bomb = zlib.compress(b"\0" * (40 * 1024 * 1024), 9)
    payload = {"sub": STATUS_URI, "iat": int(NOW.timestamp()), "status_list": {"bits": 1, "lst": b64(bomb)}}
    token = sign_compact({"typ": "statuslist+jwt", "kid": issuer.kid}, payload, issuer.key).encode()
    check = _report(issuer, token).check("status")
    assert check is not None and check.status is CheckStatus.FAILED and check.message.id == "status.list_unusable"


def test_a_malformed_status_reference() -> None:
    issuer = Issuer()
    text, _ = issuer.issue(sd=SD, visible={"status": {"status_list": {"idx": "7", "uri": STATUS_URI}}})
    report = verify(parse(text.encode()), VerificationContext(now=NOW, issuer_metadata={issuer.iss: issuer.metadata()}))
    assert report.check("status").message.id == "status.malformed"  # type: ignore[union-attr]
    assert json.loads(base64.urlsafe_b64decode(text.split(".")[1] + "=="))["status"]["status_list"]["idx"] == "7"
