"""Any damage to a sealed file ends in an InputError or a failed SEAL check, never a crash."""

from __future__ import annotations

import base64
import json
import random

from wallet.errors import InputError
from wallet.formats.edci_xml import parse_edci_xml
from wallet.formats.elm import parse_elm
from wallet.model import CheckStatus
from wallet.verify.context import VerificationContext
from wallet.verify.seals import verify_edc


def _outcome(parse, raw: bytes) -> str:  # type: ignore[no-untyped-def]
    try:
        cred = parse(raw)
    except InputError:
        return "input-error"
    checks = {c.name: c for c in verify_edc(cred, VerificationContext())}
    return checks["signature"].status.value


def test_byte_flips_in_the_sealed_payload_always_fail(mc_signed: bytes) -> None:
    start = mc_signed.index(b'"payload":"') + len(b'"payload":"')
    end = mc_signed.index(b'","signatures"')
    rng = random.Random(7)
    for _ in range(40):
        pos = rng.randrange(start, end)
        flipped = bytearray(mc_signed)
        flipped[pos] ^= 1 << rng.randrange(7)  # stay ASCII-ish so most flips still parse
        assert _outcome(parse_elm, bytes(flipped)) in ("input-error", CheckStatus.FAILED.value)


def test_garbage_embedded_values_do_not_crash(mc_signed: bytes) -> None:
    obj = json.loads(mc_signed)
    garbage = base64.urlsafe_b64encode(json.dumps({"xVals": [{"x509Cert": {"val": base64.b64encode(b"\x30\x03junk").decode()}}]}).encode()).rstrip(b"=").decode()
    obj["signatures"][0]["header"]["etsiU"][1] = garbage
    assert _outcome(parse_elm, json.dumps(obj).encode()) in ("input-error", "passed", "failed")
    obj["signatures"][0]["header"]["etsiU"] = ["!!not base64!!"]
    assert _outcome(parse_elm, json.dumps(obj).encode()) in ("input-error", "failed")


def test_lone_surrogate_payload_is_an_input_error(mc_signed: bytes) -> None:
    obj = json.loads(mc_signed)
    obj["payload"] = obj["payload"][:-1] + "\ud800}"
    raw = json.dumps(obj).encode()
    assert _outcome(parse_elm, raw) == "input-error"


def test_byte_flips_in_the_sealed_xml(diploma_supplement: bytes) -> None:
    rng = random.Random(11)
    for _ in range(15):
        pos = rng.randrange(len(diploma_supplement))
        flipped = bytearray(diploma_supplement)
        flipped[pos] = rng.randrange(256)
        assert _outcome(parse_edci_xml, bytes(flipped)) in ("input-error", "failed", "passed")
