"""Blockcerts v2/v3: recognised as their own format; the Merkle proof checked offline, the anchor said to be unchecked.

Fixtures are cert-verifier-js's own test certificates (MIT; ``blockcerts/SOURCE.md``).
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from wallet.formats import detect, parse
from wallet.model import CheckStatus, CredentialFormat
from wallet.readout import State, credential_state
from wallet.verify.context import VerificationContext
from wallet.verify.engine import verify_bytes
from wallet.verify.merkle_receipt import Receipt, ReceiptError, cbor_loads, receipt_2019, root_of

HERE = Path(__file__).parent / "blockcerts"
NOW = datetime(2026, 1, 1, tzinfo=UTC)

#: file -> (owner's state, message of the check behind it)
EXPECTED = {
    "testnet-v3-did.json": (State.CANNOT_CHECK, "blockcerts.anchor_offline"),
    "ethereum-sepolia-v3.json": (State.CANNOT_CHECK, "blockcerts.anchor_offline"),
    "mocknet-v3-valid.json": (State.CANNOT_CHECK, "blockcerts.anchor_mock"),
    "testnet-valid-v1-issuer-2.0.json": (State.CANNOT_CHECK, "blockcerts.anchor_offline"),
    "mocknet-vc-v2-validUntil-expired.json": (State.EXPIRED, "validity.expired"),
    "testnet-v3--tampered.json": (State.FORGED, "proof.jsonld_problem"),
    "testnet-tampered-hashes-2.0.json": (State.FORGED, "blockcerts.hash_mismatch"),
}


def _report(raw: bytes):  # type: ignore[no-untyped-def]
    return verify_bytes(raw, VerificationContext(now=NOW))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_blockcerts_fixture(name: str) -> None:
    raw = (HERE / name).read_bytes()
    assert detect(raw)[0] is CredentialFormat.BLOCKCERTS
    cred, report = _report(raw)
    assert cred is not None and cred.format is CredentialFormat.BLOCKCERTS
    state, message_id = EXPECTED[name]
    readout = credential_state(report)
    assert readout.state is state, [(c.name, c.status.value, c.explained) for c in report.checks]
    assert readout.reason is not None and readout.reason.id == message_id


@pytest.mark.parametrize("name", ["testnet-v3-did.json", "ethereum-sepolia-v3.json", "mocknet-v3-valid.json",
                                  "testnet-valid-v1-issuer-2.0.json"])
def test_untampered_certificates_match_their_merkle_proof(name: str) -> None:
    _, report = _report((HERE / name).read_bytes())
    signature = report.check("signature")
    assert signature.status is CheckStatus.PASSED and signature.message.id == "blockcerts.intact"
    anchor = report.check("issuer-key")
    assert anchor.status is CheckStatus.NOT_CHECKED and anchor.essential  # never "valid" offline
    assert report.verdict.value == "cannot-verify-offline"


def test_v2_is_not_taken_for_a_hosted_open_badge_and_shows_its_badge() -> None:
    cred = parse((HERE / "testnet-valid-v1-issuer-2.0.json").read_bytes())
    assert cred.format is CredentialFormat.BLOCKCERTS
    assert cred.display_title() != "(untitled credential)"
    assert cred.issuer.id


def test_v3_shows_its_title() -> None:
    cred = parse((HERE / "testnet-v3-did.json").read_bytes())
    assert cred.issuer.id == "did:ion:EiA_Z6LQILbB2zj_eVrqfQ2xDm4HNqeJUw5Kj2Z7bFOOeQ"


def test_a_large_certificate_is_not_refused_as_too_large() -> None:
    """Issue 11: a 2 MB certificate (images embedded) was refused as a too-large hosted badge."""
    doc = json.loads((HERE / "testnet-valid-v1-issuer-2.0.json").read_text(encoding="utf-8"))
    doc["badge"]["image"] = "data:image/png;base64," + base64.b64encode(b"\x89PNG" + b"\0" * 1_600_000).decode()
    raw = json.dumps(doc).encode()
    assert len(raw) > 2 * 1024 * 1024
    cred, report = _report(raw)
    assert cred is not None and cred.format is CredentialFormat.BLOCKCERTS
    assert report.check("signature").message.id == "blockcerts.hash_mismatch"  # changed image: a real change


def test_a_changed_v3_certificate_fails_the_hash() -> None:
    doc = json.loads((HERE / "testnet-v3-did.json").read_text(encoding="utf-8"))
    doc["credentialSubject"]["name"] = "Mallory"
    _, report = _report(json.dumps(doc).encode())
    assert report.check("signature").status is CheckStatus.FAILED
    assert report.check("signature").message.id == "blockcerts.hash_mismatch"


def test_a_changed_merkle_path_fails() -> None:
    doc = json.loads((HERE / "testnet-valid-v1-issuer-2.0.json").read_text(encoding="utf-8"))
    step = doc["signature"]["proof"][0]
    side = next(iter(step))
    step[side] = "0" * 64
    _, report = _report(json.dumps(doc).encode())
    assert report.check("signature").message.id == "blockcerts.path_mismatch"


def test_merkle_path_arithmetic() -> None:
    import hashlib

    leaf, sibling = "11" * 32, "22" * 32
    root = hashlib.sha256(bytes.fromhex(sibling + leaf)).hexdigest()
    assert root_of(Receipt(leaf, root, (("left", sibling),), ())) == root
    assert root_of(Receipt(leaf, root, (("right", sibling),), ())) != root


@pytest.mark.parametrize("value", ["", "x", "z", "z" + "1" * 40, "zQmNotCbor", "z" + "2" * 20000])
def test_unreadable_proof_values_are_errors_not_crashes(value: str) -> None:
    with pytest.raises(ReceiptError):
        receipt_2019(value)


def test_cbor_reader_refuses_trailing_data_and_indefinite_forms() -> None:
    assert cbor_loads(b"\x82\x01\x20") == [1, -1]
    with pytest.raises(ReceiptError):
        cbor_loads(b"\x01\x01")
    with pytest.raises(ReceiptError):
        cbor_loads(b"\x9f\x01\xff")  # indefinite-length array
