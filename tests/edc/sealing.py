"""Test-only seal makers: a throw-away CA and qualified-looking eSeal certificate, JAdES and XAdES sealing.

They let the tests reach the paths the official samples cannot (PS256/ES256,
a seal whose CA the user trusts, XAdES made by signxml) without any network.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from cryptography.x509.oid import NameOID

from wallet.verify.seals.jades import _IssuerSerial

#: QcStatements DER: QcCompliance, then QcType eseal (RFC 3739 / EN 319 412-5).
_QC_COMPLIANCE = bytes.fromhex("3008060604008e460101")
_QC_TYPE_ESEAL = bytes.fromhex("3013060604008e4601063009060704008e46010602")


def _qc_der() -> bytes:
    body = _QC_COMPLIANCE + _QC_TYPE_ESEAL
    return b"\x30" + bytes([len(body)]) + body


@dataclass(frozen=True)
class Pki:
    ca_der: bytes
    leaf_der: bytes
    key: Any
    ca_key: Any

    def key_pem(self) -> bytes:
        return self.key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())

    def cert_pem(self, der: bytes) -> bytes:
        return x509.load_der_x509_certificate(der).public_bytes(Encoding.PEM)


def make_pki(kind: str = "rsa", leaf_from: datetime | None = None, leaf_until: datetime | None = None) -> Pki:
    """A CA and a seal certificate; ``leaf_from``/``leaf_until`` override the seal certificate's validity."""
    now = datetime.now(UTC) - timedelta(days=1)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    key: Any = ec.generate_private_key(ec.SECP256R1()) if kind == "ec" else rsa.generate_private_key(65537, 2048)
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test QC CA"), x509.NameAttribute(NameOID.COUNTRY_NAME, "SI")])
    ca = (
        x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
        .serial_number(1).not_valid_before(now).not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    subject = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "SI"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test University"),
        x509.NameAttribute(x509.ObjectIdentifier("2.5.4.97"), "VATSI-12345678"),
        x509.NameAttribute(NameOID.COMMON_NAME, "Test University seal"),
    ])
    leaf = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(ca_name).public_key(key.public_key())
        .serial_number(4242).not_valid_before(leaf_from or now).not_valid_after(leaf_until or now + timedelta(days=730))
        .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
        .add_extension(x509.CertificatePolicies([x509.PolicyInformation(x509.ObjectIdentifier("0.4.0.194112.1.1"), None)]), critical=False)
        .add_extension(x509.UnrecognizedExtension(x509.ObjectIdentifier("1.3.6.1.5.5.7.1.3"), _qc_der()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    return Pki(ca.public_bytes(Encoding.DER), leaf.public_bytes(Encoding.DER), key, ca_key)


def _b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def seal_jades(payload: bytes, pki: Pki, alg: str = "RS256", sig_time: datetime | None = None) -> bytes:
    """A JAdES JSON-serialised seal shaped like EDCI's (b64:false, x5c, x5t#S256, kid, sigT)."""
    cert = asn1_x509.Certificate.load(pki.leaf_der)
    kid = _IssuerSerial({"issuer": [asn1_x509.GeneralName(name="directory_name", value=cert.issuer)],
                         "serial_number": cert.serial_number}).dump()
    header = {
        "alg": alg, "cty": "octet-stream", "typ": "jose+json", "b64": False,
        "kid": base64.b64encode(kid).decode(),
        "x5t#S256": _b64u(hashlib.sha256(pki.leaf_der).digest()),
        "x5c": [base64.b64encode(pki.leaf_der).decode()],
        "sigT": (sig_time or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "crit": ["b64", "sigT"],
    }
    protected = _b64u(json.dumps(header).encode())
    signing_input = protected.encode() + b"." + payload
    if alg.startswith("ES"):
        r, s = decode_dss_signature(pki.key.sign(signing_input, ec.ECDSA(hashes.SHA256())))
        signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    elif alg.startswith("PS"):
        signature = pki.key.sign(signing_input, padding.PSS(padding.MGF1(hashes.SHA256()), 32), hashes.SHA256())
    else:
        signature = pki.key.sign(signing_input, padding.PKCS1v15(), hashes.SHA256())
    doc = {"payload": payload.decode("utf-8"), "signatures": [{"protected": protected, "header": {}, "signature": _b64u(signature)}]}
    return json.dumps(doc).encode()


def seal_xades(xml: bytes, pki: Pki) -> bytes:
    """An enveloped XAdES seal made by signxml (signature as the root's last child)."""
    from lxml import etree
    from signxml.xades import XAdESSigner

    root = etree.fromstring(xml)
    signed = XAdESSigner().sign(root, key=pki.key_pem(), cert=[pki.cert_pem(pki.leaf_der).decode(), pki.cert_pem(pki.ca_der).decode()])
    return etree.tostring(signed, xml_declaration=True, encoding="UTF-8")
