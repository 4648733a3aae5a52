"""Shared fixtures for the sharing tests: model credentials with every
element, their verification reports, and a holder key."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from wallet.model import (
    Achievement,
    Check,
    CheckStatus,
    Credential,
    CredentialFormat,
    Issuer,
    LearningOutcome,
    Subject,
    VerificationReport,
)
from wallet.sharing.europass_common import ExportEntry
from wallet.verify.did import did_key_for

NOW = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)
ESCO = "http://data.europa.eu/esco/skill/9b2f6ea1-4a1c-4b8b-9e1c-2f0a5f6b8c11"


def report(*statuses: tuple[str, CheckStatus, str]) -> VerificationReport:
    checks = tuple(Check(n, s, r, n == "signature") for n, s, r in statuses)
    return VerificationReport(CredentialFormat.VC_LDP, checks, NOW)


GOOD = report(("signature", CheckStatus.PASSED, "The issuer's signature is valid."),
              ("status", CheckStatus.PASSED, "Not revoked (status list of 2026-11-20)."),
              ("validity", CheckStatus.PASSED, "Within its validity period."))
BAD = report(("signature", CheckStatus.FAILED, "The signature does not match the content."),
             ("validity", CheckStatus.PASSED, "Within its validity period."))


def rich_credential() -> Credential:
    issuer = Issuer(id="did:key:z6MkIssuer", name={"en": "University of Ljubljana", "sl": "Univerza v Ljubljani"},
                    url="https://www.uni-lj.example", country="SI")
    ach = Achievement(
        title={"en": "Data Literacy for Teachers", "sl": "Podatkovna pismenost za učitelje"},
        description={"en": "A short course.", "sl": "Kratek tečaj."},
        achievement_type="MicroCredential",
        credits=6.0, credit_framework="ECTS", volume_of_learning_hours=150, eqf_level=6, nqf_level="7",
        learning_outcomes=(
            LearningOutcome({"en": "Interpret school data sets", "sl": "Interpretira šolske podatkovne zbirke"},
                            esco_skills=(ESCO,)),
            LearningOutcome({"en": "Explain čšž-safe data handling", "sl": "Pojasni varno ravnanje s podatki"}),
        ),
        esco_skills=(ESCO,),
        grade="A (excellent)",
        assessment_type={"en": "Written exam and project", "sl": "Pisni izpit in projekt"},
        participation_mode={"en": "Blended", "sl": "Kombinirano"},
        quality_assurance={"en": "Accredited by NAKVIS", "sl": "Akreditiral NAKVIS"},
        entry_requirements={"en": "Bachelor's degree", "sl": "Diploma prve stopnje"},
        id_verification={"en": "Supervised on site", "sl": "Nadzorovano na kraju samem"},
        is_partial_qualification=True,
        stackability={"en": "Counts towards the MSc in Education", "sl": "Šteje v magisterij iz izobraževanja"},
        awarding_body=issuer,
        awarded_on=datetime(2026, 6, 30, tzinfo=UTC),
    )
    return Credential(
        format=CredentialFormat.VC_LDP, raw=b"{}", id="https://creds.uni-lj.example/c/123",
        types=("VerifiableCredential", "OpenBadgeCredential"), issuer=issuer,
        subject=Subject(id="did:key:z6MkLearner", given_name={"und": "Ana"}, family_name={"und": "Šolar"}),
        title=ach.title, issued=datetime(2026, 7, 1, tzinfo=UTC), achievements=(ach,),
        languages=("en", "sl"),
    )


def certificate_credential() -> Credential:
    issuer = Issuer(name={"en": "Uniwersytet Wiślański"}, country="PL")
    ach = Achievement(title={"en": "First Aid Certificate"}, achievement_type="Certificate",
                      awarding_body=issuer)
    return Credential(
        format=CredentialFormat.VC_LDP, raw=b"{}", id="urn:uuid:0b9c2f9e-1111-4a4a-9999-000000000001",
        issuer=issuer, subject=Subject(name={"en": "Ana Šolar"}), title=ach.title,
        issued=datetime(2025, 3, 2, tzinfo=UTC), valid_until=datetime(2028, 3, 2, tzinfo=UTC),
        achievements=(ach,),
    )


@pytest.fixture()
def entries() -> list[ExportEntry]:
    return [ExportEntry(rich_credential(), GOOD), ExportEntry(certificate_credential(), GOOD)]


@pytest.fixture(scope="session")
def holder() -> tuple[Ed25519PrivateKey, str]:
    key = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
    return key, did_key_for(key.public_key())


def vp_bytes(size_hint: int = 0) -> bytes:
    """A JSON document shaped like a bundle, padded to about ``size_hint`` bytes."""
    doc = {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
           "note": "x" * max(0, size_hint)}
    return json.dumps(doc).encode()
