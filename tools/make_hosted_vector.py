"""Write tests/sharing/vectors/hosted-v1.json: a fixed test vector of the hosted-link format.

The wallet's tests and the web page's tests both read it, so a JavaScript
implementation can be checked against the Python one without running Python.
Key and nonce are fixed (never do that for real shares); the DEFLATE bytes are
recorded as produced here, since another zlib build may compress differently
(any correct inflater reads them). Run from the repository root:

    python tools/make_hosted_vector.py
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path

from wallet.sharing.hosted import build_link, encrypt_blob
from wallet.sharing.hosted_package import EvidenceItem, make_package
from wallet.sharing.inflate import deflate_raw

OUT = Path(__file__).resolve().parent.parent / "tests" / "sharing" / "vectors" / "hosted-v1.json"
KEY = bytes.fromhex("6a2f0c9e51b84d7f3e1a9c05d2764b18e09f3a7c5b1d2e4f60718293a4b5c6d7")
NONCE = bytes.fromhex("0f1e2d3c4b5a69788796a5b4")
SHARE_ID = "q83vEjRWeJCrze8SNFZ4kA"
SERVER = "https://share.example"

PRESENTATION = {
    "@context": ["https://www.w3.org/ns/credentials/v2"],
    "type": ["VerifiablePresentation"],
    "id": "urn:uuid:3f1c0b2a-8d4e-4f6a-9b7c-1d2e3f4a5b6c",
    "holder": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
    "verifiableCredential": [
        {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
         "issuer": "did:web:uni-lj.example", "credentialSubject": {"name": "Ana Kovač — podatkovna pismenost"}},
    ],
}
EVIDENCE = [
    EvidenceItem("status-list", "https://uni-lj.example/status/1", datetime(2026, 11, 20, 8, 30, tzinfo=UTC),
                 "application/vc+ld+json",
                 {"type": ["VerifiableCredential", "BitstringStatusListCredential"], "issuer": "did:web:uni-lj.example"}),
    EvidenceItem("token-status-list", "https://issuer.example/statuslists/7", datetime(2026, 11, 20, 8, 31, tzinfo=UTC),
                 "application/statuslist+jwt", "eyJhbGciOiJFUzI1NiJ9.eyJzdGF0dXNfbGlzdCI6e319.c2lnbmF0dXJl"),
]


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def main() -> None:
    package = make_package(PRESENTATION, EVIDENCE, datetime(2026, 11, 24, 6, 0, tzinfo=UTC)).to_bytes()
    compressed = deflate_raw(package)
    blob = encrypt_blob(KEY, NONCE, compressed)
    vector = {
        "description": "Hosted share link format version 1 (docs/SHARING.md, 'Hosted links'). The presentation is "
        "not signed: this vector checks the link, encryption, compression and package layers only.",
        "link": build_link(SERVER, SHARE_ID, KEY),
        "server": SERVER,
        "share_id": SHARE_ID,
        "key_hex": KEY.hex(),
        "nonce_hex": NONCE.hex(),
        "associated_data": "WSB1",
        "package_json": package.decode("utf-8"),
        "deflate_raw_base64": b64(compressed),
        "blob_base64": b64(blob),
        "blob_hex": blob.hex(),
    }
    OUT.write_text(json.dumps(vector, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(OUT)


if __name__ == "__main__":
    main()
