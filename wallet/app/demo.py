"""A throw-away demo vault with real, freshly signed credentials.

The demo issuers are fictional Slovenian and European providers whose keys
are made on the spot; their credentials are signed with the project's own
signing code in several formats (Data Integrity eddsa-rdfc-2022,
eddsa-jcs-2022 and ecdsa-rdfc-2019, VC-JOSE and VC 1.1 JWTs), so every screen
shows real content that really verifies. One credential is revoked through a
signed status list and one has expired, so the reports show what failures
look like. The issuers are added to the trust store; the bundled sample
targets apply to every vault, the demo's included.
"""

from __future__ import annotations

import gzip
import json
import secrets
import tempfile
import uuid
from base64 import urlsafe_b64encode
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from wallet.app.importing import ImportItem, import_items
from wallet.formats import parse
from wallet.stacking.demo import demo_achievements
from wallet.storage import KdfParams, Vault
from wallet.verify.dataintegrity import sign
from wallet.verify.did import did_key_for
from wallet.verify.jose import sign_compact

VC2 = "https://www.w3.org/ns/credentials/v2"
OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
ESCO = "http://data.europa.eu/esco/skill/"
STATUS_SIZE = 131072  # herd privacy minimum (entries)


@dataclass(frozen=True)
class DemoIssuer:
    name: str
    url: str
    country: str  # ISO alpha-2
    locality: str
    suite: str  # eddsa-rdfc-2022 | eddsa-jcs-2022 | ecdsa-rdfc-2019 | vc-jose-es256 | vc-jwt-eddsa


#: Demo issuers by the names the stacking samples use; each signs in another format.
ISSUERS = (
    DemoIssuer("RESA Education (demo)", "https://resa.demo.example", "SI", "Ljubljana", "eddsa-rdfc-2022"),
    DemoIssuer("Open Learning Platform (demo)", "https://olp.demo.example", "IE", "Dublin", "eddsa-jcs-2022"),
    DemoIssuer("Faculty of Digital Studies (demo)", "https://fds.demo.example", "SI", "Maribor", "ecdsa-rdfc-2019"),
    DemoIssuer("Ljudska univerza Demo", "https://lu.demo.example", "SI", "Celje", "vc-jose-es256"),
    DemoIssuer("Rdeči križ Demo", "https://rk.demo.example", "SI", "Ljubljana", "vc-jwt-eddsa"),
)
_FALLBACK = DemoIssuer("Demo Academy", "https://academy.demo.example", "DE", "Mannheim", "eddsa-rdfc-2022")


def issuer_for(name: str | None) -> DemoIssuer:
    return next((i for i in ISSUERS if i.name == name), _FALLBACK)


def _key_for(issuer: DemoIssuer) -> Any:
    if issuer.suite.startswith("ecdsa") or issuer.suite.endswith("es256"):
        return ec.generate_private_key(ec.SECP256R1())
    return ed25519.Ed25519PrivateKey.generate()


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def ob3_credential(
    issuer: DemoIssuer,
    did: str,
    holder: str,
    item: dict[str, Any],
    valid_from: datetime,
    valid_until: datetime | None = None,
    status: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """An Open Badges 3.0 AchievementCredential carrying the micro-credential elements."""
    alignment = []
    if item.get("eqf_level"):
        level = int(item["eqf_level"])
        alignment.append({
            "type": ["Alignment"], "targetName": f"EQF level {level}",
            "targetFramework": "European Qualifications Framework", "targetCode": str(level),
            "targetUrl": f"http://data.europa.eu/snb/eqf/{level}",
        })
    named: dict[str, str] = {}
    for outcome in item.get("learning_outcomes") or []:
        if isinstance(outcome, dict):
            for skill in outcome.get("esco_skills") or []:
                named.setdefault(skill, outcome["title"])
    for skill in item.get("esco_skills", []):
        url = skill if skill.startswith("http") else ESCO + skill
        alignment.append({"type": ["Alignment"], "targetName": named.get(skill, "ESCO skill"),
                          "targetFramework": "ESCO", "targetUrl": url})
    outcomes = [o["title"] if isinstance(o, dict) else str(o) for o in item.get("learning_outcomes") or []]
    narrative = "Learners who earn this achievement are able to:\n" + "\n".join(f"- {o}" for o in outcomes)
    credits = item.get("credits")
    achievement: dict[str, Any] = {
        "id": item.get("achievement_id") or f"{issuer.url}/achievements/{uuid.uuid4()}",
        "type": ["Achievement"],
        "achievementType": item.get("achievement_type", "Course"),
        "name": item["title"],
        "description": item.get("description") or item["title"],
        "criteria": {"narrative": narrative if outcomes else item.get("criteria", "Passed the final assessment.")},
        "alignment": alignment,
        "inLanguage": item.get("language", "en"),
    }
    if credits is not None:
        achievement["creditsAvailable"] = credits
        achievement["tag"] = [f"{credits:g} ECTS"]
    subject: dict[str, Any] = {"id": holder, "type": ["AchievementSubject"], "achievement": achievement}
    if credits is not None:
        subject["creditsEarned"] = credits
    if item.get("grade"):
        subject["result"] = [{"type": ["Result"], "value": str(item["grade"])}]
    doc: dict[str, Any] = {
        "@context": [VC2, OB3],
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": item["title"],
        "issuer": {
            "id": did, "type": ["Profile"], "name": issuer.name, "url": issuer.url,
            "address": {"type": ["Address"], "addressLocality": issuer.locality, "addressCountryCode": issuer.country},
        },
        "validFrom": _iso(valid_from),
        "credentialSubject": subject,
    }
    if valid_until is not None:
        doc["validUntil"] = _iso(valid_until)
    if status is not None:
        doc["credentialStatus"] = status
    return doc


def status_list_credential(did: str, url: str, revoked: set[int], now: datetime) -> dict[str, Any]:
    bits = bytearray(STATUS_SIZE // 8)
    for index in revoked:
        bits[index // 8] |= 0x80 >> (index % 8)
    encoded = "u" + urlsafe_b64encode(gzip.compress(bytes(bits))).decode().rstrip("=")
    return {
        "@context": [VC2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": did,
        "validFrom": _iso(now - timedelta(days=1)),
        "credentialSubject": {"id": url + "#list", "type": "BitstringStatusList",
                              "statusPurpose": "revocation", "encodedList": encoded},
    }


def _signer(issuer: DemoIssuer, key: Any, did: str) -> Callable[[dict[str, Any]], bytes]:
    """How this issuer turns a credential document into the bytes it hands out."""
    vm = did + "#" + did.split(":")[-1]
    if issuer.suite in ("eddsa-rdfc-2022", "eddsa-jcs-2022", "ecdsa-rdfc-2019"):
        def sign_di(doc: dict[str, Any]) -> bytes:
            signed = sign(doc, key, vm, cryptosuite=issuer.suite)
            return json.dumps(signed, indent=2, ensure_ascii=False).encode()

        return sign_di

    if issuer.suite == "vc-jose-es256":
        def sign_jose(doc: dict[str, Any]) -> bytes:
            header = {"alg": "ES256", "typ": "vc+jwt", "cty": "vc", "kid": vm}
            return sign_compact(header, doc, key).encode()

        return sign_jose

    def sign_jwt(doc: dict[str, Any]) -> bytes:
        vc = {k: v for k, v in doc.items() if k not in ("validFrom", "validUntil")}
        vc["@context"] = ["https://www.w3.org/2018/credentials/v1", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json"]
        vc["issuanceDate"] = doc["validFrom"]
        claims: dict[str, Any] = {
            "iss": did, "sub": doc["credentialSubject"]["id"], "jti": doc["id"],
            "nbf": int(datetime.fromisoformat(doc["validFrom"].replace("Z", "+00:00")).timestamp()),
            "vc": vc,
        }
        if "validUntil" in doc:
            vc["expirationDate"] = doc["validUntil"]
            claims["exp"] = int(datetime.fromisoformat(doc["validUntil"].replace("Z", "+00:00")).timestamp())
        return sign_compact({"alg": "EdDSA", "typ": "JWT", "kid": vm}, claims, key).encode()

    return sign_jwt


def demo_items() -> list[dict[str, Any]]:
    """The demo learner's achievements: the stacking samples, spread over the issuers."""
    return list(demo_achievements())


def build_demo_files(holder_did: str, now: datetime | None = None) -> list[tuple[str, bytes]]:
    """Freshly signed demo credentials (and status lists) as (file name, bytes)."""
    now = now or datetime.now(UTC)
    issuers = (*ISSUERS, _FALLBACK)
    keys = {i.name: _key_for(i) for i in issuers}
    dids = {i.name: did_key_for(keys[i.name].public_key()) for i in issuers}
    signers = {i.name: _signer(i, keys[i.name], dids[i.name]) for i in issuers}
    files: list[tuple[str, bytes]] = []
    items = demo_items()
    first = ISSUERS[0]
    status_url = f"{first.url}/status/1"
    revoked_index = secrets.randbelow(STATUS_SIZE)
    for n, item in enumerate(items):
        issuer = issuer_for(item.get("issuer_name"))
        start = now - timedelta(days=30 + 45 * n)
        until = start + timedelta(days=365 * 5)
        status = None
        if issuer is first:
            index = revoked_index if n == 0 else (revoked_index + n) % STATUS_SIZE
            status = {"id": f"{status_url}#{index}", "type": "BitstringStatusListEntry",
                      "statusPurpose": "revocation", "statusListIndex": str(index),
                      "statusListCredential": status_url}
        doc = ob3_credential(issuer, dids[issuer.name], holder_did, item, start, until, status)
        files.append((f"demo-{n + 1:02d}.cred", signers[issuer.name](doc)))
    # An expired one, so the reports show what expiry looks like.
    expired = dict(items[0], title=items[0]["title"] + " (2019 edition)")
    old = ob3_credential(_FALLBACK, dids[_FALLBACK.name], holder_did, expired,
                         now - timedelta(days=6 * 365), now - timedelta(days=365))
    files.append(("demo-expired.cred", signers[_FALLBACK.name](old)))
    status_doc = status_list_credential(dids[first.name], status_url, {revoked_index}, now)
    files.append(("demo-status-list.json", signers[first.name](status_doc)))
    return files


def trusted_demo_issuers(files: list[tuple[str, bytes]]) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for _name, raw in files:
        cred = parse(raw)
        if cred.issuer.id and cred.issuer.id not in seen:
            seen[cred.issuer.id] = next(iter(cred.issuer.name.values()), cred.issuer.id) + " (demo issuer)"
    return sorted(seen.items())


DEMO_PASSPHRASE = "demo-1234"  # shown on screen: easy to read and type in any language


def create_demo_vault(path: Path | None = None) -> tuple[Any, str]:
    """Create and fill a throw-away vault; returns (open Vault, passphrase)."""
    if path is None:
        path = Path(tempfile.mkdtemp(prefix="wallet-demo-")) / "demo-vault.db"
    # The floor parameters: the demo vault is throw-away and should open quickly.
    vault = Vault.create(path, DEMO_PASSPHRASE, KdfParams(memory_kib=65536, iterations=3, lanes=4))
    files = build_demo_files(vault.holder_did())
    for ident, label in trusted_demo_issuers(files):
        vault.add_trusted_issuer(ident, label)
    import_items(vault, [ImportItem(name, raw) for name, raw in files])
    # The sample targets are bundled: every vault lists them, the demo's too.
    return vault, DEMO_PASSPHRASE
