"""RFC 3161 time-stamp tokens embedded in seals (JAdES sigTst/arcTst/adoTst, XAdES SignatureTimeStamp).

A token proves that some bytes existed at ``genTime``. Checking it offline
means three things, reported separately because they fail for different
reasons: the message imprint matches the bytes the standard says were
stamped (ETSI TS 119 182-1 for JAdES, XAdES for XML), the CMS signature of
the TSA is valid, and the TSA certificate chains to a trust anchor.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from asn1crypto import cms, tsp  # noqa: F401  (tsp registers the TSTInfo content type)
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from wallet.verify.seals.x509path import PathResult, validate_path

_HASHES: dict[str, Callable[[], hashes.HashAlgorithm]] = {
    "sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512, "sha224": hashes.SHA224,
}


@dataclass(frozen=True)
class TimestampResult:
    """What one token proves. ``gen_time`` is set whenever the token could be read."""

    kind: str
    gen_time: datetime | None
    imprint_ok: bool
    signature_ok: bool
    tsa: str | None
    path: PathResult | None
    detail: str

    @property
    def intact(self) -> bool:
        """Imprint and CMS signature both valid (the TSA may still be untrusted)."""
        return self.imprint_ok and self.signature_ok

    def describe(self) -> str:
        when = self.gen_time.isoformat() if self.gen_time else "unknown time"
        if not self.intact:
            return f"{self.kind} at {when}: {self.detail}"
        trust = "TSA chain valid" if self.path and self.path.ok else (
            f"TSA {self.tsa or 'unknown'} not anchored ({self.path.status if self.path else 'not checked'})"
        )
        return f"{self.kind} at {when}: imprint and signature valid; {trust}"


def _digest(name: str, data: bytes) -> bytes:
    if name not in _HASHES:
        raise ValueError(f"unsupported digest {name}")
    return hashlib.new(name, data).digest()


def _verify_cms_signature(signer: asn1_x509.Certificate, signer_info: cms.SignerInfo, signed: bytes) -> None:
    """Raise InvalidSignature unless ``signer`` signed ``signed`` as described by ``signer_info``."""
    key = x509.load_der_x509_certificate(signer.dump()).public_key()
    sig = signer_info["signature"].native
    digest_name = signer_info["digest_algorithm"]["algorithm"].native
    algo = signer_info["signature_algorithm"]
    hash_cls = _HASHES.get(digest_name)
    if hash_cls is None:
        raise InvalidSignature(f"unsupported digest {digest_name}")
    if isinstance(key, rsa.RSAPublicKey):
        if algo["algorithm"].native == "rsassa_pss":
            params = algo["parameters"]
            pss_hash = _HASHES[params["hash_algorithm"]["algorithm"].native]
            pad: padding.AsymmetricPadding = padding.PSS(
                mgf=padding.MGF1(pss_hash()), salt_length=params["salt_length"].native
            )
            key.verify(sig, signed, pad, pss_hash())
        else:
            key.verify(sig, signed, padding.PKCS1v15(), hash_cls())
    elif isinstance(key, ec.EllipticCurvePublicKey):
        key.verify(sig, signed, ec.ECDSA(hash_cls()))
    else:
        raise InvalidSignature("unsupported TSA key type")


def _find_signer(signed_data: cms.SignedData, sid: cms.SignerIdentifier,
                 extra: list[asn1_x509.Certificate]) -> asn1_x509.Certificate | None:
    pool = [c.chosen for c in signed_data["certificates"] if c.name == "certificate"] if signed_data["certificates"] else []
    pool += extra
    for cert in pool:
        if sid.name == "issuer_and_serial_number":
            if cert.issuer == sid.chosen["issuer"] and cert.serial_number == sid.chosen["serial_number"].native:
                return cert
        elif cert.key_identifier == sid.chosen.native:
            return cert
    return None


def check_timestamp(
    token_der: bytes,
    stamped: bytes,
    *,
    kind: str,
    anchors: Iterable[bytes] = (),
    extra_certs: Iterable[bytes] = (),
    crls: Iterable[bytes] = (),
    ocsps: Iterable[bytes] = (),
) -> TimestampResult:
    """Check one token against the bytes it must stamp; never raises on bad input."""
    try:
        content = cms.ContentInfo.load(token_der)
        signed_data = content["content"]
        encap = signed_data["encap_content_info"]
        tst_bytes = encap["content"].parsed.dump()
        tst_info = encap["content"].parsed
        gen_time = tst_info["gen_time"].native
        imprint = tst_info["message_imprint"]
        imprint_alg = imprint["hash_algorithm"]["algorithm"].native
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        return TimestampResult(kind, None, False, False, None, None, f"unreadable time-stamp token ({exc})")
    try:
        imprint_ok = _digest(imprint_alg, stamped) == imprint["hashed_message"].native
    except ValueError as exc:
        return TimestampResult(kind, gen_time, False, False, None, None, str(exc))
    extra = [asn1_x509.Certificate.load(c) for c in extra_certs]
    signer_info = signed_data["signer_infos"][0] if len(signed_data["signer_infos"]) == 1 else None
    if signer_info is None:
        return TimestampResult(kind, gen_time, imprint_ok, False, None, None, "the token must have exactly one signer")
    signer = _find_signer(signed_data, signer_info["sid"], extra)
    if signer is None:
        return TimestampResult(kind, gen_time, imprint_ok, False, None, None, "the TSA certificate is not in the token")
    tsa = signer.subject.native.get("common_name") if isinstance(signer.subject.native, dict) else None
    signature_ok, detail = False, ""
    try:
        attrs = signer_info["signed_attrs"]
        digest_name = signer_info["digest_algorithm"]["algorithm"].native
        message_digest = next(
            (a["values"][0].native for a in attrs if a["type"].native == "message_digest"), None
        )
        if message_digest != _digest(digest_name, tst_bytes):
            detail = "the token's message digest does not match its TSTInfo"
        else:
            signed = attrs.untag().dump() if attrs.explicit else b"\x31" + attrs.dump()[1:]
            _verify_cms_signature(signer, signer_info, signed)
            signature_ok = True
    except (InvalidSignature, ValueError, KeyError) as exc:
        detail = f"the TSA signature is not valid ({exc or 'mismatch'})"
    if not imprint_ok:
        detail = "the message imprint does not match the stamped data" + (f"; {detail}" if detail else "")
    pool = [c.chosen.dump() for c in signed_data["certificates"] if c.name == "certificate"] if signed_data["certificates"] else []
    path = validate_path(
        signer.dump(),
        intermediates=pool + [c.dump() for c in extra],
        anchors=list(anchors),
        at=gen_time,
        crls=crls,
        ocsps=ocsps,
        key_usage=frozenset(),
    ) if signature_ok else None
    return TimestampResult(kind, gen_time, imprint_ok, signature_ok, tsa, path, detail or "valid")
