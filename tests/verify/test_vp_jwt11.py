"""VC Data Model 1.1 JWT presentations (``vp`` claim holding JWT credentials) and the JWT data-model rules.

The shape walt.id and EBSI wallets produce: the holder signs a JWT whose
``vp.verifiableCredential`` lists VC-JWT strings; ``nonce`` is the verifier's
challenge and ``aud`` its identifier. Built here with the wallet's own
signer; each credential inside is checked on its own.
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.verify.helpers import HOLDER, ISSUER, OTHER, Party
from wallet.model import CheckId, CheckStatus
from wallet.readout import Headline, ItemView, bundle_headline
from wallet.util.b64 import b64url_encode
from wallet.verify.context import VerificationContext
from wallet.verify.engine import verify_bytes
from wallet.verify.jose import sign_compact

NOW = datetime(2026, 1, 1, tzinfo=UTC)
ISSUED = int(datetime(2025, 6, 1, tzinfo=UTC).timestamp())
V1 = "https://www.w3.org/2018/credentials/v1"


def _vc_jwt(subject: str = HOLDER.did, issuer: Party = ISSUER, **vc_changes: Any) -> str:
    vc = {"@context": [V1], "type": ["VerifiableCredential", "VerifiableAttestation"],
          "credentialSubject": {"id": subject, "name": "Ada Lovelace"}}
    vc.update(vc_changes)
    payload = {"iss": issuer.did, "sub": subject, "nbf": ISSUED, "iat": ISSUED, "jti": "urn:uuid:vc-1", "vc": vc}
    return sign_compact({"alg": "EdDSA", "typ": "JWT", "kid": issuer.vm}, payload, issuer.key)


def _vp_jwt(credentials: list[Any], holder: Party = HOLDER, signer: Party | None = None, **claims: Any) -> str:
    payload = {"iss": holder.did, "aud": "https://verifier.example", "nonce": "n-0S6_WzA2Mj", "iat": ISSUED,
               "nbf": ISSUED, "jti": "urn:uuid:vp-1",
               "vp": {"@context": [V1], "type": ["VerifiablePresentation"], "holder": holder.did,
                      "verifiableCredential": credentials}}
    payload.update(claims)
    signer = signer or holder
    return sign_compact({"alg": "EdDSA", "typ": "JWT", "kid": signer.vm}, payload, signer.key)


def _verify(token: str, **ctx: Any) -> Any:
    ctx.setdefault("now", NOW)
    _, report = verify_bytes(token.encode(), VerificationContext(**ctx))
    return report


def _status(report: Any) -> dict[str, str]:
    return {c.name: c.status.value for c in report.checks}


def test_vp11_with_jwt_credentials_is_verified() -> None:
    report = _verify(_vp_jwt([_vc_jwt(), _vc_jwt()]), challenge="n-0S6_WzA2Mj", domain="https://verifier.example")
    status = _status(report)
    assert report.format.value == "vp-jwt"
    assert status["format"] == "passed"
    assert status["presentation-signature"] == "passed"
    assert status["challenge"] == "passed" and status["domain"] == "passed"
    assert status["holder-binding"] == "passed"
    assert status["credential[0]"] == status["credential[1]"] == "warning"  # issuer not in the trust store
    assert report.verdict.value == "valid-with-warnings"
    items = [ItemView("VerifiableAttestation", _verify(_vc_jwt()), True)]
    assert bundle_headline(report, items).headline is Headline.CHECKS_OUT


def test_vp11_wrong_nonce_or_audience_fails() -> None:
    token = _vp_jwt([_vc_jwt()])
    assert _status(_verify(token, challenge="another"))["challenge"] == "failed"
    assert _status(_verify(token, challenge="n-0S6_WzA2Mj", domain="https://elsewhere.example"))["domain"] == "failed"
    assert _status(_verify(token))["challenge"] == "not-checked"  # nothing asked: a replay cannot be ruled out


def test_vp11_tampered_credential_inside_fails_that_credential() -> None:
    good = _vc_jwt()
    head, body, sig = good.split(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=="))
    payload["vc"]["credentialSubject"]["name"] = "Mallory"
    tampered = f"{head}.{b64url_encode(json.dumps(payload).encode())}.{sig}"
    report = _verify(_vp_jwt([good, tampered]), challenge="n-0S6_WzA2Mj")
    status = _status(report)
    assert status["credential[0]"] == "warning" and status["credential[1]"] == "failed"
    assert report.verdict.value == "invalid"


def test_vp11_signed_by_someone_else_fails() -> None:
    report = _verify(_vp_jwt([_vc_jwt()], signer=OTHER), challenge="n-0S6_WzA2Mj")
    assert report.verdict.value == "invalid"
    assert _status(report)["holder-binding"] == "failed"


def test_vp11_credential_about_someone_else_is_a_warning() -> None:
    report = _verify(_vp_jwt([_vc_jwt(subject=OTHER.did)]), challenge="n-0S6_WzA2Mj")
    binding = report.check(CheckId.HOLDER_BINDING)
    assert binding.status is CheckStatus.WARNING and binding.message.id == "holder.other_subject"


def test_vp11_tampered_presentation_fails_its_signature() -> None:
    token = _vp_jwt([_vc_jwt()])
    head, body, sig = token.split(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=="))
    payload["nonce"] = "replayed"
    report = _verify(f"{head}.{b64url_encode(json.dumps(payload).encode())}.{sig}", challenge="replayed")
    assert _status(report)["presentation-signature"] == "failed"


# ---------------------------------------------------------------- JWT credentials: the data model rules


@pytest.mark.parametrize(("change", "words"), [
    ({"@context": None}, "no @context"),
    ({"@context": ["https://example.org/my-context"]}, "first @context entry"),
    ({"type": ["VerifiableAttestation"]}, "VerifiableCredential"),
])
def test_jwt_credential_breaking_the_data_model_fails_format(change: dict[str, Any], words: str) -> None:
    vc_changes = {k: v for k, v in change.items() if v is not None}
    token = _vc_jwt(**vc_changes)
    if change.get("@context", "") is None:  # remove the context entirely
        head, body, _ = token.split(".")
        payload = json.loads(base64.urlsafe_b64decode(body + "=="))
        del payload["vc"]["@context"]
        token = sign_compact({"alg": "EdDSA", "typ": "JWT", "kid": ISSUER.vm}, payload, ISSUER.key)
    report = _verify(token)
    fmt = report.check(CheckId.FORMAT)
    assert fmt.status is CheckStatus.FAILED and words in fmt.explained, fmt.explained
    assert report.check(CheckId.SIGNATURE).status is CheckStatus.PASSED  # signed, but not a VC
    assert report.verdict.value == "invalid"


def test_vc_jose_without_the_base_context_fails_format() -> None:
    payload = {"@context": [V1], "type": ["VerifiableCredential"], "issuer": ISSUER.did,
               "validFrom": "2025-06-01T00:00:00Z", "credentialSubject": {"id": HOLDER.did}}
    token = sign_compact({"alg": "EdDSA", "typ": "vc+jwt", "kid": ISSUER.vm}, payload, ISSUER.key)
    fmt = _verify(token).check(CheckId.FORMAT)
    assert fmt.status is CheckStatus.FAILED
    assert "first @context entry must be https://www.w3.org/ns/credentials/v2" in fmt.explained


def test_good_jwt_credential_passes_format() -> None:
    assert _verify(_vc_jwt()).check(CheckId.FORMAT).status is CheckStatus.PASSED
