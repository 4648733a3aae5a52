"""Test bundles made with the wallet itself: ``make_bundle`` over demo
credentials (``wallet.app.demo``), corpus credentials and the test issuers,
sealed per the contract and put on the FakeShareService."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from wallet.app.demo import build_demo_files
from wallet.formats import parse
from wallet.model import Credential
from wallet.sharing.bundle import make_bundle

from .conftest import NOW
from .fake_share_service import FakeShareService
from .sealing import evidence, new_key, seal, share_link

#: Demo files by signing format (see wallet/demo.py): all issued to the holder, valid at NOW.
DEMO_VALID = {"eddsa-jcs-2022": "demo-02.cred", "ecdsa-rdfc-2019": "demo-03.cred",
              "vc-jose-es256": "demo-09.cred", "vc-jwt-eddsa": "demo-11.cred"}
DEMO_REVOKED = "demo-01.cred"  # eddsa-rdfc-2022, its bit set in demo-status-list.json
DEMO_EXPIRED = "demo-expired.cred"


@lru_cache(maxsize=4)
def demo_files(holder_did: str) -> dict[str, bytes]:
    return dict(build_demo_files(holder_did, NOW))


def demo_status_evidence(holder_did: str) -> dict[str, Any]:
    status = json.loads(demo_files(holder_did)["demo-status-list.json"])
    return evidence("status-list", status["id"], status, NOW - timedelta(hours=2))


def corpus_credential(corpus: Path, name: str) -> Credential:
    return parse((corpus / name).read_bytes())


def corpus_status_evidence(corpus: Path) -> list[dict[str, Any]]:
    manifest = json.loads((corpus / "manifest.json").read_text())
    return [evidence("status-list", url, json.loads((corpus / file).read_text()), NOW - timedelta(hours=3))
            for url, file in manifest["statusLists"].items()]


@dataclass(frozen=True)
class Shared:
    link: str
    share_id: str
    key: bytes
    presentation: dict[str, Any]


def share(service: FakeShareService, holder: tuple[Ed25519PrivateKey, str], credentials: list[Credential],
          evidence_items: list[dict[str, Any]] | None = None, *, one_time: bool = False,
          challenge: str | None = "job-4711", domain: str | None = "hr.employer.example",
          presentation: dict[str, Any] | None = None) -> Shared:
    """Bundle, seal and upload; returns the hosted link."""
    key_pair, did = holder
    if presentation is None:
        bundle = make_bundle(credentials, key_pair, did, challenge=challenge, domain=domain,
                             expires=NOW + timedelta(days=30), now=NOW - timedelta(hours=1))
        presentation = bundle.document
    key = new_key()
    blob = seal(presentation, evidence_items, key=key, created=NOW - timedelta(hours=1))
    share_id = service.add(blob, one_time=one_time)
    return Shared(share_link(service.base_url, share_id, key), share_id, key, presentation)
