"""A small SD-JWT VC issuer for the negative tests: every part built by hand, so each can be broken.

Independent of the code under test where it matters: disclosures, digests, the status list and
certificates are built here from the specifications (RFC 9901, draft-ietf-oauth-status-list), with
``cryptography`` for keys and certificates; only compact JWS signing reuses the wallet's signer.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import secrets
import zlib
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from wallet.verify.jose import sign_compact
from wallet.verify.keys import public_jwk

ISS = "https://issuer.example/tenant"
STATUS_URI = "https://issuer.example/status/1"
NOW = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def disclosure(name: str | None, value: Any, salt: str | None = None) -> str:
    salt = salt or b64(secrets.token_bytes(16))
    return b64(json.dumps([salt, value] if name is None else [salt, name, value]).encode())


def digest(encoded: str) -> str:
    return b64(hashlib.sha256(encoded.encode()).digest())


@dataclass
class Issuer:
    key: ec.EllipticCurvePrivateKey = field(default_factory=lambda: ec.generate_private_key(ec.SECP256R1()))
    kid: str = "issuer-key-1"
    iss: str = ISS

    def metadata(self) -> dict[str, Any]:
        return {"issuer": self.iss, "jwks": {"keys": [{**public_jwk(self.key), "kid": self.kid}]}}

    def sign(self, payload: dict[str, Any], header: dict[str, Any] | None = None) -> str:
        head = {"typ": "dc+sd-jwt", "kid": self.kid, **(header or {})}
        head = {k: v for k, v in head.items() if v is not None}
        return sign_compact(head, payload, self.key)

    def issue(self, *, holder: Any = None, sd: dict[str, Any] | None = None, visible: dict[str, Any] | None = None,
              status_idx: int | None = None, header: dict[str, Any] | None = None, iat: int | None = None,
              exp: int | None = None, extra_disclosures: tuple[str, ...] = ()) -> tuple[str, dict[str, str]]:
        """(compact SD-JWT VC, name -> disclosure); ``sd`` claims become top-level disclosures."""
        now = int(NOW.timestamp())
        payload: dict[str, Any] = {"vct": "https://issuer.example/vct/learning", "iss": self.iss,
                                   "iat": iat if iat is not None else now, "exp": exp if exp is not None else now + 86400 * 365,
                                   "_sd_alg": "sha-256", **(visible or {})}
        if holder is not None:
            payload["cnf"] = {"jwk": public_jwk(holder)}
        if status_idx is not None:
            payload["status"] = {"status_list": {"idx": status_idx, "uri": STATUS_URI}}
        made = {name: disclosure(name, value) for name, value in (sd or {}).items()}
        if made:
            payload["_sd"] = sorted(digest(d) for d in made.values())
        token = self.sign(payload, header)
        return "~".join([token, *made.values(), *extra_disclosures]) + "~", made

    def status_list(self, values: dict[int, int], *, bits: int = 2, size: int = 1024, sub: str = STATUS_URI,
                    exp: int | None = None, ttl: int | None = None, key: Any = None, typ: str = "statuslist+jwt",
                    iat: int | None = None) -> bytes:
        """A Token Status List JWT (entries packed from the least significant bit, zlib, base64url)."""
        data = bytearray(size * bits // 8)
        for index, value in values.items():
            position = index * bits
            data[position // 8] |= value << (position % 8)
        now = int(NOW.timestamp())
        payload: dict[str, Any] = {"sub": sub, "iat": iat if iat is not None else now,
                                   "status_list": {"bits": bits, "lst": b64(zlib.compress(bytes(data)))}}
        if exp is not None:
            payload["exp"] = exp
        if ttl is not None:
            payload["ttl"] = ttl
        return sign_compact({"typ": typ, "kid": self.kid}, payload, key or self.key).encode()


def ca_and_leaf(names: list[x509.GeneralName], *, key: ec.EllipticCurvePrivateKey | None = None,
                not_after: dt.datetime | None = None) -> tuple[bytes, x509.Certificate, ec.EllipticCurvePrivateKey]:
    """(CA DER, leaf certificate, leaf key): a test CA and a signing leaf with the given subject alt names."""
    ca_key = ec.generate_private_key(ec.SECP256R1())
    leaf_key = key or ec.generate_private_key(ec.SECP256R1())
    start = NOW - dt.timedelta(days=30)
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test issuer CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(start)
          .not_valid_after(NOW + dt.timedelta(days=3650))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    leaf = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Issuer")]))
            .issuer_name(ca_name).public_key(leaf_key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(not_after or NOW + dt.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, False, False, False, False, False, False, False, False), critical=True)
            .add_extension(x509.SubjectAlternativeName(names), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    return ca.public_bytes(serialization.Encoding.DER), leaf, leaf_key


def x5c_of(cert: x509.Certificate) -> list[str]:
    return [base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode()]
