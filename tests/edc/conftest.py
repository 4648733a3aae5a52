"""Paths to the EDC vectors, read in place from ../shared (skips without it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wallet.verify.seals import TrustSnapshot, load_trust_snapshot


@pytest.fixture(scope="session")
def elm_dir(vectors_dir: Path) -> Path:
    return vectors_dir / "eu-elm-v3" / "Credentials" / "JSON-LD Examples (ELM v3)"


@pytest.fixture(scope="session")
def mc_signed(elm_dir: Path) -> bytes:
    return (elm_dir / "Sample-MC-Annex1-signed.jsonld").read_bytes()


@pytest.fixture(scope="session")
def mc_unsigned(elm_dir: Path) -> bytes:
    return (elm_dir / "Sample-MC-Annex1-unsigned.jsonld").read_bytes()


@pytest.fixture(scope="session")
def legacy_dir(vectors_dir: Path) -> Path:
    return vectors_dir / "eu-edci-legacy"


@pytest.fixture(scope="session")
def dss_dir(legacy_dir: Path) -> Path:
    return legacy_dir / "edci-issuer" / "edci-issuer-service" / "src" / "test" / "resources-unfiltered" / "dss"


@pytest.fixture(scope="session")
def diploma_supplement(vectors_dir: Path) -> bytes:
    return (vectors_dir / "eu-elm-v3" / "Credentials" / "XML Examples (ELM v2)" / "EDC_DiplomaSupplement_AA.xml").read_bytes()


@pytest.fixture(scope="session")
def edci_signed(legacy_dir: Path) -> bytes:
    return (legacy_dir / "edci-commons/src/test/resources/xsdValidation/credential-generic-profile-xsd-signed.xml").read_bytes()


@pytest.fixture(scope="session")
def snapshot(dss_dir: Path) -> TrustSnapshot:
    return load_trust_snapshot([dss_dir / "EU.xml", dss_dir / "BE.xml", dss_dir / "IE.xml"])
