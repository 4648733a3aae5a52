"""JAdES seal of the official sealed EDC: integrity, certificate binding, tampering, trust wording."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

from wallet.formats.elm import parse_elm
from wallet.messages import msg
from wallet.model import CheckStatus, Verdict, verdict_of
from wallet.verify.context import VerificationContext
from wallet.verify.seals import verify_edc
from wallet.verify.seals.jades import verify_jades

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def _b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64u(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _with_header(raw: bytes, change) -> bytes:  # type: ignore[no-untyped-def]
    obj = json.loads(raw)
    sig = obj["signatures"][0]
    header = json.loads(_unb64u(sig["protected"]))
    change(header, sig)
    sig["protected"] = _b64u(json.dumps(header).encode())
    return json.dumps(obj).encode()


def _checks(raw: bytes, **ctx):  # type: ignore[no-untyped-def]
    return {c.name: c for c in verify_edc(parse_elm(raw), VerificationContext(now=NOW, **ctx))}


def test_official_sample_integrity_valid_issuer_unknown(mc_signed: bytes) -> None:
    evidence = verify_jades(mc_signed)
    assert evidence.intact, evidence.reason
    assert evidence.algorithm == "RS256"
    kinds = {t.kind: t for t in evidence.timestamps}
    assert set(kinds) == {"adoTst", "sigTst", "arcTst"} and all(t.intact for t in kinds.values())
    assert evidence.stamped_time == datetime(2023, 9, 27, 11, 54, 20, tzinfo=UTC)
    assert evidence.proven_time is None  # the TSA is a test PKI, anchored nowhere
    checks = _checks(mc_signed)
    assert checks["signature"].status is CheckStatus.PASSED and checks["signature"].essential
    assert checks["signature"].message.id == "seal.intact" and "ORGANIZACION TEST" in checks["signature"].explained
    assert "qualified eSeal" in checks["signature"].explained and "VATES-A00000000" in checks["signature"].explained
    assert checks["issuer-trusted"].status is CheckStatus.NOT_CHECKED
    assert checks["status"].status is CheckStatus.NOT_CHECKED
    assert checks["issuer-trusted"].message.id == "seal.owner_no_trust_basis"


def test_official_sample_against_dss_snapshot_is_not_trusted(mc_signed: bytes, snapshot) -> None:  # type: ignore[no-untyped-def]
    checks = _checks(mc_signed, trusted_list=snapshot)
    assert checks["signature"].status is CheckStatus.PASSED
    assert checks["issuer-trusted"].status is CheckStatus.WARNING
    assert checks["issuer-trusted"].message.id == "seal.owner_untrusted"
    for name in ("signature", "issuer-trusted", "status", "accreditation"):
        note = checks[name].message.get("note")
        assert note.id in ("seal.note.as_of", "seal.note.stale") and note.get("date") == "2020-04-29"
    assert verdict_of(list(checks.values())) is Verdict.VALID_WITH_WARNINGS


def test_user_anchor_validates_expired_cert_at_signing_time(mc_signed: bytes) -> None:
    """The seal certificate expired in 2025; embedded OCSP + time-stamp keep it valid at signing time."""
    etsi_u = json.loads(mc_signed)["signatures"][0]["header"]["etsiU"]
    xvals = next(v for v in (json.loads(_unb64u(e)) for e in etsi_u) if "xVals" in v)["xVals"]
    issuing_ca = base64.b64decode(xvals[2]["x509Cert"]["val"])
    checks = _checks(mc_signed, trust_anchors=(issuing_ca,))
    assert checks["issuer-trusted"].status is CheckStatus.PASSED, checks["issuer-trusted"].explained
    assert checks["issuer-trusted"].message.get("via") == msg("seal.via.anchor")
    assert "not revoked at 2023-09-27" in checks["status"].explained
    assert "TSA is not trusted" in checks["issuer-trusted"].explained
    nowina_root = base64.b64decode(xvals[0]["x509Cert"]["val"])  # the test TSA's root, in the seal's xVals
    checks = _checks(mc_signed, trust_anchors=(issuing_ca, nowina_root))
    assert checks["issuer-trusted"].status is CheckStatus.PASSED and "TSA is not trusted" not in checks["issuer-trusted"].explained
    assert "TSA chain valid" in checks["signature"].explained


def test_payload_edited_after_sealing_fails(mc_signed: bytes) -> None:
    tampered = mc_signed.replace(b"Ana Andromeda", b"Eve Andromeda", 1)
    checks = _checks(tampered)
    assert checks["signature"].status is CheckStatus.FAILED
    assert "changed after sealing" in checks["signature"].explained


def test_x5c_not_matching_the_key_fails(mc_signed: bytes) -> None:
    etsi_u = json.loads(mc_signed)["signatures"][0]["header"]["etsiU"]
    other = next(v for v in (json.loads(_unb64u(e)) for e in etsi_u) if "xVals" in v)["xVals"][1]["x509Cert"]["val"]

    def swap(header, sig):  # type: ignore[no-untyped-def]
        header["x5c"] = [other]

    assert "x5t#S256" in verify_jades(_with_header(mc_signed, swap)).reason

    def swap_all(header, sig):  # type: ignore[no-untyped-def]
        header["x5c"] = [other]
        header.pop("x5t#S256")
        header.pop("kid")

    evidence = verify_jades(_with_header(mc_signed, swap_all))
    assert not evidence.intact


def test_kid_naming_another_certificate_fails(mc_signed: bytes) -> None:
    def bad_kid(header, sig):  # type: ignore[no-untyped-def]
        raw = bytearray(base64.b64decode(header["kid"]))
        raw[-1] ^= 1  # change the serial number
        header["kid"] = base64.b64encode(bytes(raw)).decode()

    assert "kid" in verify_jades(_with_header(mc_signed, bad_kid)).reason


def test_algorithm_confusion_is_refused(mc_signed: bytes) -> None:
    for alg in ("none", "HS256"):
        evidence = verify_jades(_with_header(mc_signed, lambda h, s, a=alg: h.__setitem__("alg", a)))
        assert not evidence.intact and "not accepted" in evidence.reason
    evidence = verify_jades(_with_header(mc_signed, lambda h, s: h.__setitem__("alg", "ES256")))
    assert not evidence.intact and "key type" in evidence.reason


def test_unprotected_header_cannot_override(mc_signed: bytes) -> None:
    obj = json.loads(mc_signed)
    obj["signatures"][0]["header"]["x5c"] = ["AAAA"]
    assert "overrides" in verify_jades(json.dumps(obj).encode()).reason


def test_unsigned_edc_has_no_seal(mc_unsigned: bytes) -> None:
    checks = _checks(mc_unsigned)
    assert checks["signature"].status is CheckStatus.FAILED and "not sealed" in checks["signature"].explained
    assert checks["format"].status is CheckStatus.PASSED
