"""Test-only issuers: credentials issued to the test holder, signed with the
wallet's own signing code (``wallet.app.demo`` shapes, ``wallet.verify``
signers), for the cases the demo and the corpus lack: a credential with a
status entry (revoked or not) and its signed status list, a did:web issuer
whose DID document travels in the evidence pack, and an SD-JWT VC.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from wallet.app.demo import DemoIssuer, ob3_credential, status_list_credential
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


@dataclass(frozen=True)
class SdJwt:
    credential: bytes
    status_list_token: str | None
    status_uri: str | None


def sd_jwt_vc(holder: str, now: datetime, *, status: str | None = None, index: int = 1337,
              claimed_issuer: str | None = None, holder_key: ed25519.Ed25519PrivateKey | None = None,
              bad_binding: bool = False) -> SdJwt:
    """An SD-JWT VC (ES256, did:key issuer) with three selectively disclosable claims, all disclosed.

    ``status`` ("valid", "revoked" or "suspended") adds a Token Status List
    reference and returns the issuer's signed list token (2 bits per entry).
    ``claimed_issuer`` puts another issuer in ``iss`` than the one who signs.
    ``holder_key`` adds ``cnf`` and a key binding JWT (``bad_binding``: over other bytes).
    """
    key = ec.generate_private_key(ec.SECP256R1())
    did = did_key_for(key.public_key())
    disclosures = []
    digests = []
    for name, value in (("given_name", "Ana"), ("family_name", "Šolar"), ("course", "Prva pomoč")):
        disclosure = _b64(json.dumps([_b64(os.urandom(16)), name, value], ensure_ascii=False).encode())
        disclosures.append(disclosure)
        digests.append(_b64(hashlib.sha256(disclosure.encode("ascii")).digest()))
    claims = {"iss": claimed_issuer or did, "sub": holder, "vct": "https://credentials.test.example/first-aid",
              "iat": int(now.timestamp()), "exp": int((now + timedelta(days=365)).timestamp()),
              "name": "Tečaj prve pomoči", "_sd": sorted(digests), "_sd_alg": "sha-256"}
    token = uri = None
    if status is not None:
        uri = f"https://status.test.example/lists/{os.urandom(4).hex()}"
        claims["status"] = {"status_list": {"idx": index, "uri": uri}}
        bits = bytearray(16384 // 4)  # 16384 entries of 2 bits
        value = {"valid": 0, "revoked": 1, "suspended": 2}[status]
        bits[index // 4] |= value << (2 * (index % 4))  # the first entry sits in the least significant bits
        lst = _b64(zlib.compress(bytes(bits), 9))
        token = sign_compact({"alg": "ES256", "typ": "statuslist+jwt", "kid": _vm(did)},
                             {"sub": uri, "iss": did, "iat": int(now.timestamp()),
                              "status_list": {"bits": 2, "lst": lst}}, key)
    if holder_key is not None:
        raw = holder_key.public_key().public_bytes_raw()
        claims["cnf"] = {"jwk": {"kty": "OKP", "crv": "Ed25519", "x": _b64(raw)}}
    jwt = sign_compact({"alg": "ES256", "typ": "dc+sd-jwt", "kid": _vm(did)}, claims, key)
    presented = "~".join([jwt, *disclosures]) + "~"
    if holder_key is not None:
        sd_hash = _b64(hashlib.sha256((presented + ("x" if bad_binding else "")).encode("ascii")).digest())
        presented += sign_compact({"alg": "EdDSA", "typ": "kb+jwt"},
                                  {"iat": int(now.timestamp()), "aud": "hr.employer.example", "nonce": "job-4711",
                                   "sd_hash": sd_hash}, holder_key)
    return SdJwt(presented.encode("ascii"), token, uri)


def _jwk_of(public_key: ec.EllipticCurvePublicKey) -> dict[str, str]:
    numbers = public_key.public_numbers()
    size = (public_key.curve.key_size + 7) // 8
    crv = {256: "P-256", 384: "P-384"}[public_key.curve.key_size]
    return {"kty": "EC", "crv": crv, "x": _b64(numbers.x.to_bytes(size, "big")),
            "y": _b64(numbers.y.to_bytes(size, "big"))}


def other_keys(holder: str, now: datetime) -> list[bytes]:
    """Credentials whose keys come from did:jwk (VC-JOSE ES256, ecdsa-rdfc-2019) and a P-384 did:key
    (ecdsa-rdfc-2019, ecdsa-jcs-2019)."""
    out = []
    p256 = ec.generate_private_key(ec.SECP256R1())
    did_jwk = "did:jwk:" + _b64(json.dumps(_jwk_of(p256.public_key()), separators=(",", ":")).encode())
    doc = ob3_credential(ISSUER, did_jwk, holder, dict(ITEM, title="JOSE z did:jwk"), now - timedelta(days=3))
    out.append(sign_compact({"alg": "ES256", "typ": "vc+jwt", "cty": "vc", "kid": f"{did_jwk}#0"}, doc, p256)
               .encode())
    doc = ob3_credential(ISSUER, did_jwk, holder, dict(ITEM, title="Data Integrity z did:jwk"), now - timedelta(days=3))
    out.append(json.dumps(sign(doc, p256, f"{did_jwk}#0", cryptosuite="ecdsa-rdfc-2019")).encode())
    p384 = ec.generate_private_key(ec.SECP384R1())
    did = did_key_for(p384.public_key())
    doc = ob3_credential(ISSUER, did, holder, dict(ITEM, title="P-384 ecdsa-jcs-2019"), now - timedelta(days=3))
    out.append(json.dumps(sign(doc, p384, _vm(did), cryptosuite="ecdsa-jcs-2019")).encode())
    # RDFC with P-384: a credential without blank nodes. With blank nodes (an OB3 credential)
    # RDFC-1.0 must label them with SHA-384 (vc-di-ecdsa), which wallet.verify's signer does
    # not do yet, so such a credential would not verify in a conformant verifier.
    plain = {"@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
             "id": f"urn:uuid:{os.urandom(16).hex()}", "type": ["VerifiableCredential", "ExampleAchievementCredential"],
             "name": "P-384 ecdsa-rdfc-2019", "issuer": did, "validFrom": "2026-11-01T00:00:00Z",
             "credentialSubject": {"id": holder, "achievementName": "Podatkovna pismenost"}}
    out.append(json.dumps(sign(plain, p384, _vm(did), cryptosuite="ecdsa-rdfc-2019")).encode())
    return out
