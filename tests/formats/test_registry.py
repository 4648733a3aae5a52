"""Adding a format is one module plus one registration: a toy format, registered here, goes the whole way.

The toy module is this file's ``ToyFormat`` functions; the registration is the
one ``registry.register`` call. Then the wallet detects it, parses it,
verifies it, stores and lists it, and envelopes it in a holder-signed bundle
that ``verify-bundle`` opens again — with no other file of the wallet changed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from wallet.errors import InputError
from wallet.formats import detect, parse, registry
from wallet.messages import msg, render
from wallet.model import Check, CheckId, CheckStatus, Container, Credential, CredentialFormat, Issuer
from wallet.sharing.bundle import make_bundle
from wallet.sharing.received import verify_received
from wallet.verify.context import VerificationContext
from wallet.verify.did import did_key_for
from wallet.verify.engine import verify_bytes

KEY = b"toy issuer secret"
NOW = datetime(2026, 11, 27, tzinfo=UTC)


# --- the toy format's module ------------------------------------------------------------------
def toy_detect(obj: Any) -> bool:
    return isinstance(obj, dict) and obj.get("type") == "ToyCredential"


def toy_parse(data: bytes, container: Container = Container.NONE) -> Credential:
    try:
        obj = json.loads(data)
    except ValueError as exc:
        raise InputError("the toy credential is not JSON") from exc
    fmt = CredentialFormat("toy")
    return Credential(format=fmt, raw=bytes(data), container=container, id=obj.get("id"),
                      title={"en": str(obj.get("title", ""))}, issuer=Issuer(id="urn:toy:issuer"), document=obj)


def toy_verify(cred: Credential, ctx: VerificationContext, _hint: Any = None) -> list[Check]:
    doc = dict(cred.document)
    tag = doc.pop("tag", "")
    good = hmac.compare_digest(tag, hmac.new(KEY, json.dumps(doc, sort_keys=True).encode(), hashlib.sha256).hexdigest())
    status = CheckStatus.PASSED if good else CheckStatus.FAILED
    return [Check(CheckId.SIGNATURE, status, msg("signature.ok" if good else "proof.mismatch", suite="toy-hmac"), True)]


def toy(title: str) -> bytes:
    doc = {"type": "ToyCredential", "id": "urn:toy:1", "title": title}
    doc["tag"] = hmac.new(KEY, json.dumps(doc, sort_keys=True).encode(), hashlib.sha256).hexdigest()
    return json.dumps(doc).encode()


# --- the one registration ---------------------------------------------------------------------
@pytest.fixture()
def toy_format() -> Iterator[CredentialFormat]:
    entry = registry.register("toy", parse=toy_parse, verify=toy_verify, detect_json=toy_detect,
                              before=CredentialFormat.VC_LDP, media_type="application/toy+json", base64=True,
                              names={"en": "a toy credential", "sl": "igračno dokazilo"})
    yield entry.format
    registry.unregister(entry.format)


def test_a_registered_format_is_detected_parsed_verified_and_named(toy_format: CredentialFormat) -> None:
    raw = toy("Juggling")
    assert detect(raw) == (toy_format, Container.NONE)
    assert parse(raw).display_title() == "Juggling"
    cred, report = verify_bytes(raw, VerificationContext(now=NOW))
    assert cred is not None and report.format is toy_format
    assert report.check("signature").status is CheckStatus.PASSED
    assert report.check("format").status is CheckStatus.PASSED  # added by the engine
    assert render(report.check("format").message, ("sl",)) == "Prepoznano kot igračno dokazilo."
    forged = raw.replace(b"Juggling", b"Jousting")
    assert verify_bytes(forged, VerificationContext(now=NOW))[1].verdict.value == "invalid"


def test_a_registered_format_travels_enveloped_in_a_bundle(toy_format: CredentialFormat) -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    holder = did_key_for(key.public_key())
    bundle = make_bundle([parse(toy("Juggling"))], key, holder, challenge="c", now=NOW,
                         expires=NOW + timedelta(days=1)).to_bytes()
    entry = json.loads(bundle)["verifiableCredential"][0]
    assert entry["id"].startswith("data:application/toy+json;base64,")
    received = verify_received(bundle, VerificationContext(now=NOW, challenge="c"))
    item = received.credentials[0]
    assert item.credential is not None and item.credential.display_title() == "Juggling"
    assert item.report.check("signature").message.get("suite") == "toy-hmac"  # the toy's own verifier ran
    assert item.report.check("signature").status is CheckStatus.PASSED


def test_without_the_registration_it_is_not_a_credential() -> None:
    with pytest.raises(InputError):
        parse(toy("Juggling"))
