"""User trust anchors and the trust commands' pure logic (the CLI handlers stay thin).

Anchors are stored as DER by the vault; users hand us PEM or DER files.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from wallet.errors import InputError

#: A certificate file larger than this is not a certificate.
MAX_CERT_BYTES = 64 * 1024


def certificate_der(data: bytes) -> bytes:
    """A PEM or DER certificate as DER, or InputError."""
    if len(data) > MAX_CERT_BYTES:
        raise InputError("The certificate file is too large.")
    stripped = data.strip()
    try:
        if stripped.startswith(b"-----BEGIN"):
            return x509.load_pem_x509_certificate(stripped).public_bytes(Encoding.DER)
        x509.load_der_x509_certificate(bytes(data))
        return bytes(data)
    except ValueError as exc:
        raise InputError("The file is not an X.509 certificate (PEM or DER).") from exc


def read_anchor(path: Path) -> bytes:
    try:
        return certificate_der(Path(path).read_bytes())
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror}.") from exc


def anchor_fingerprint(der: bytes) -> str:
    return hashlib.sha256(der).hexdigest()


def anchor_summary(der: bytes) -> dict[str, str]:
    """Subject, validity and fingerprint of an anchor for `trust list`."""
    cert = x509.load_der_x509_certificate(der)
    return {
        "sha256": anchor_fingerprint(der),
        "subject": cert.subject.rfc4514_string(),
        "not_after": cert.not_valid_after_utc.isoformat(),
    }
