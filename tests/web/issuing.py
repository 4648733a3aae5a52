"""Test-only issuers: credentials issued to the test holder, signed with the
wallet's own signing code (``wallet.demo`` shapes, ``wallet.verify``
signers), for the cases the demo and the corpus lack: a credential with a
status entry (revoked or not) and its signed status list, a did:web issuer
whose DID document travels in the evidence pack, and an SD-JWT VC.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from wallet.demo import DemoIssuer, ob3_credential, status_list_credential
from wallet.verify.dataintegrity import sign
from wallet.verify.did import did_key_for
from wallet.verify.jose import sign_compact

ITEM = {
    "title": "Podatkovna pismenost za učitelje",
    "description": "Short course in data literacy for teachers.",
    "credits": 6,
    "eqf_level": 6,
    "grade": "A",
    "learning_outcomes": ["Interpret school data sets", "Explain safe data handling"],
    "language": "sl",
}
ISSUER = DemoIssuer("Univerza v Ljubljani (test)", "https://uni-lj.test.example", "SI", "Ljubljana", "eddsa-rdfc-2022")


@dataclass(frozen=True)
class WithStatus:
    credential: bytes
    status_list: dict[str, Any]
    status_url: str


def _vm(did: str) -> str:
    return did + "#" + did.split(":")[-1]


def ob3_with_status(holder: str, now: datetime, *, revoked: bool, index: int = 4242,
                    title: str | None = None) -> WithStatus:
    """An OB 3.0 credential (eddsa-rdfc-2022) with a BitstringStatusListEntry, and its list."""
    key = ed25519.Ed25519PrivateKey.generate()
    did = did_key_for(key.public_key())
    url = f"{ISSUER.url}/status/{os.urandom(4).hex()}"
    entry = {"id": f"{url}#{index}", "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
             "statusListIndex": str(index), "statusListCredential": url}
    item = dict(ITEM, title=title or ITEM["title"])
    doc = ob3_credential(ISSUER, did, holder, item, now - timedelta(days=40), now + timedelta(days=3 * 365), entry)
    signed = sign(doc, key, _vm(did), cryptosuite="eddsa-rdfc-2022")
    status = status_list_credential(did, url, {index} if revoked else {index + 1}, now)
    return WithStatus(json.dumps(signed, ensure_ascii=False).encode(), sign(status, key, _vm(did)), url)


def did_web_credential(holder: str, now: datetime, host: str = "issuer.test.example") -> tuple[bytes, dict[str, Any], str]:
    """An OB 3.0 credential signed by did:web:<host>; returns (credential, DID document, document URL)."""
    key = ed25519.Ed25519PrivateKey.generate()
    did = f"did:web:{host}"
    multibase = did_key_for(key.public_key())[len("did:key:"):]
    vm = f"{did}#key-1"
    doc = ob3_credential(ISSUER, did, holder, dict(ITEM, title="Spletna dostopnost"), now - timedelta(days=10))
    signed = sign(doc, key, vm, cryptosuite="eddsa-rdfc-2022")
    did_doc = {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": did,
        "verificationMethod": [{"id": vm, "type": "Multikey", "controller": did, "publicKeyMultibase": multibase}],
        "assertionMethod": [vm],
        "authentication": [vm],
    }
    return json.dumps(signed, ensure_ascii=False).encode(), did_doc, f"https://{host}/.well-known/did.json"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def sd_jwt_vc(holder: str, now: datetime) -> bytes:
    """An SD-JWT VC (ES256, did:key issuer) with three selectively disclosable claims, all disclosed."""
    key = ec.generate_private_key(ec.SECP256R1())
    did = did_key_for(key.public_key())
    disclosures = []
    digests = []
    for name, value in (("given_name", "Ana"), ("family_name", "Šolar"), ("course", "Prva pomoč")):
        disclosure = _b64(json.dumps([_b64(os.urandom(16)), name, value], ensure_ascii=False).encode())
        disclosures.append(disclosure)
        digests.append(_b64(hashlib.sha256(disclosure.encode("ascii")).digest()))
    claims = {"iss": did, "sub": holder, "vct": "https://credentials.test.example/first-aid",
              "iat": int(now.timestamp()), "exp": int((now + timedelta(days=365)).timestamp()),
              "name": "Tečaj prve pomoči", "_sd": sorted(digests), "_sd_alg": "sha-256"}
    jwt = sign_compact({"alg": "ES256", "typ": "dc+sd-jwt", "kid": _vm(did)}, claims, key)
    return ("~".join([jwt, *disclosures]) + "~").encode("ascii")
