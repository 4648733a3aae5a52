"""JAdES (ETSI TS 119 182-1) seal verification for sealed EDCs, offline.

The signature is checked over RFC 7797 input: ``BASE64URL(protected) + "." +
payload``, with the payload bytes exactly as stored (``b64: false``). The
algorithm must agree with the key type of ``x5c[0]`` (so ``alg`` in the header
never chooses the verification method), and ``x5t#S256`` and ``kid``
(base64 DER IssuerSerial) must both name that certificate, otherwise a
different certificate could be shown than the one that signed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from typing import Any

from asn1crypto import core
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from wallet.errors import InputError
from wallet.formats.elm import jws_signatures, load_json, protected_header
from wallet.util.b64 import b64url_decode
from wallet.util.dates import parse_datetime
from wallet.verify.seals.evidence import SealEvidence
from wallet.verify.seals.timestamps import TimestampResult, check_timestamp

#: alg -> (key type, hash, padding kind). HS*/none are absent on purpose.
ALGORITHMS: dict[str, tuple[type, Any, str]] = {
    "RS256": (rsa.RSAPublicKey, hashes.SHA256, "pkcs1"),
    "RS384": (rsa.RSAPublicKey, hashes.SHA384, "pkcs1"),
    "RS512": (rsa.RSAPublicKey, hashes.SHA512, "pkcs1"),
    "PS256": (rsa.RSAPublicKey, hashes.SHA256, "pss"),
    "PS384": (rsa.RSAPublicKey, hashes.SHA384, "pss"),
    "PS512": (rsa.RSAPublicKey, hashes.SHA512, "pss"),
    "ES256": (ec.EllipticCurvePublicKey, hashes.SHA256, "ecdsa"),
    "ES384": (ec.EllipticCurvePublicKey, hashes.SHA384, "ecdsa"),
    "ES512": (ec.EllipticCurvePublicKey, hashes.SHA512, "ecdsa"),
}
_EC_CURVES = {"ES256": "secp256r1", "ES384": "secp384r1", "ES512": "secp521r1"}
#: Header parameters this verifier processes, so they may be listed in ``crit`` (RFC 7515 4.1.11):
#: anything else there (e.g. sigD detached content, sigPId policies) is refused, not ignored.
UNDERSTOOD_CRIT = frozenset({"b64", "sigT", "adoTst"})


class _IssuerSerial(core.Sequence):
    """RFC 5035 IssuerSerial, as used by the JAdES ``kid`` (ETSI TS 119 182-1 5.1.4)."""

    _fields = [("issuer", asn1_x509.GeneralNames), ("serial_number", core.Integer)]


def _std_b64(text: Any, what: str) -> bytes:
    if not isinstance(text, str):
        raise InputError(f"{what} is not a base64 string")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise InputError(f"{what} is not valid base64") from exc


def _check_kid(kid: Any, cert: asn1_x509.Certificate) -> str | None:
    """None when ``kid`` names ``cert`` (or is absent), else the reason it does not."""
    if kid is None:
        return None
    try:
        issuer_serial = _IssuerSerial.load(_std_b64(kid, "kid"))
        names = [n.chosen for n in issuer_serial["issuer"] if n.name == "directory_name"]
        serial = issuer_serial["serial_number"].native
    except (InputError, ValueError, TypeError) as exc:
        return f"the kid is not a DER IssuerSerial ({exc})"
    if serial != cert.serial_number or not any(n == cert.issuer for n in names):
        return "the kid (issuer and serial) names a different certificate than x5c"
    return None


def _verify_signature(alg: str, key: Any, signature: bytes, signing_input: bytes) -> None:
    key_type, hash_cls, kind = ALGORITHMS[alg]
    if not isinstance(key, key_type):
        raise InvalidSignature(f"alg {alg} does not match the certificate's key type")
    if kind == "pkcs1" and isinstance(key, rsa.RSAPublicKey):
        key.verify(signature, signing_input, padding.PKCS1v15(), hash_cls())
    elif kind == "pss" and isinstance(key, rsa.RSAPublicKey):
        key.verify(signature, signing_input, padding.PSS(padding.MGF1(hash_cls()), hash_cls.digest_size), hash_cls())
    elif kind == "ecdsa" and isinstance(key, ec.EllipticCurvePublicKey):
        if key.curve.name != _EC_CURVES[alg]:
            raise InvalidSignature(f"alg {alg} does not match the key's curve {key.curve.name}")
        size = (key.curve.key_size + 7) // 8
        if len(signature) != 2 * size:
            raise InvalidSignature("the ECDSA signature has the wrong length")
        r = int.from_bytes(signature[:size], "big")
        s = int.from_bytes(signature[size:], "big")
        key.verify(encode_dss_signature(r, s), signing_input, ec.ECDSA(hash_cls()))
    else:  # unreachable while ALGORITHMS pairs every kind with its key type; never fall through to "valid"
        raise InvalidSignature(f"alg {alg} does not match the certificate's key type")


def _unsigned_components(header: Any) -> list[tuple[str, dict[str, Any], str | None]]:
    """etsiU entries as (name, value, stored string). Entries may be base64url JSON or plain objects."""
    out: list[tuple[str, dict[str, Any], str | None]] = []
    if not isinstance(header, dict):
        return out
    for item in header.get("etsiU", []) if isinstance(header.get("etsiU"), list) else []:
        stored = item if isinstance(item, str) else None
        value = load_json(b64url_decode(item, "etsiU entry"), "etsiU entry") if stored else item
        if isinstance(value, dict) and len(value) == 1:
            name = next(iter(value))
            out.append((name, value, stored))
    return out


def _vals(container: Any, key: str) -> list[bytes]:
    out: list[bytes] = []
    for item in container.get(key, []) if isinstance(container, dict) else []:
        value = item.get("val") if isinstance(item, dict) else None
        if isinstance(value, dict):  # xVals: {"x509Cert": {"val": ...}}
            value = value.get("val")
        if isinstance(value, str):
            out.append(_std_b64(value, key))
    return out


def verify_jades(raw: bytes, anchors: tuple[bytes, ...] = ()) -> SealEvidence:
    """Check the JAdES seal of a sealed EDC file (``raw`` exactly as stored)."""
    try:
        return _verify(raw, anchors)
    except InputError as exc:
        return SealEvidence("JAdES", False, f"the seal is malformed: {exc}")
    except (ValueError, TypeError, KeyError, AttributeError, UnicodeError) as exc:
        # asn1crypto/cryptography parse embedded DER lazily; any garbage there means a broken seal
        return SealEvidence("JAdES", False, f"the seal is malformed: {type(exc).__name__}: {exc}")


def _verify(raw: bytes, anchors: tuple[bytes, ...]) -> SealEvidence:
    obj = load_json(raw, "sealed credential")
    sigs = jws_signatures(obj) if isinstance(obj, dict) else []
    if len(sigs) != 1 or not isinstance(obj.get("payload"), str):
        return SealEvidence("JAdES", False, f"expected exactly one JAdES signature, found {len(sigs)}")
    sig = sigs[0]
    header = protected_header(sig)
    alg = header.get("alg")
    if alg not in ALGORITHMS:
        refused = not isinstance(alg, str) or alg.lower() == "none" or alg.upper().startswith("HS")
        return SealEvidence("JAdES", False, f"the signature algorithm {alg!r} is not accepted", unsupported=not refused)
    if header.get("b64") is not False:
        return SealEvidence("JAdES", False, "the seal does not use an unencoded payload (b64: false)")
    crit = header.get("crit", [])
    if not isinstance(crit, list) or "b64" not in crit or any(c not in UNDERSTOOD_CRIT for c in crit):
        return SealEvidence("JAdES", False, f"the crit header {crit!r} is missing b64 or names unknown parameters",
                            unsupported=isinstance(crit, list) and "b64" in crit)
    raw_unprotected = sig.get("header")
    unprotected = raw_unprotected if isinstance(raw_unprotected, dict) else {}
    clash = {"x5c", "x5t#S256", "kid", "alg"} & set(unprotected)
    if clash:
        return SealEvidence("JAdES", False, f"the unprotected header overrides {sorted(clash)}")
    x5c = header.get("x5c")
    if not isinstance(x5c, list) or not x5c:
        return SealEvidence("JAdES", False, "the protected header has no x5c certificate")
    chain = [_std_b64(c, "x5c certificate") for c in x5c]
    leaf_der = chain[0]
    try:
        leaf = x509.load_der_x509_certificate(leaf_der)
        leaf_asn1 = asn1_x509.Certificate.load(leaf_der)
    except ValueError as exc:
        return SealEvidence("JAdES", False, f"x5c[0] is not a certificate ({exc})")
    thumb = header.get("x5t#S256")
    if thumb is not None and b64url_decode(thumb, "x5t#S256") != hashlib.sha256(leaf_der).digest():
        return SealEvidence("JAdES", False, "x5t#S256 does not match the x5c certificate", leaf_der)
    kid_problem = _check_kid(header.get("kid"), leaf_asn1)
    if kid_problem:
        return SealEvidence("JAdES", False, kid_problem, leaf_der)
    payload = obj["payload"].encode("utf-8")
    signing_input = sig["protected"].encode("ascii") + b"." + payload
    signature = b64url_decode(sig["signature"], "signature")
    try:
        _verify_signature(alg, leaf.public_key(), signature, signing_input)
    except InvalidSignature as exc:
        why = str(exc) or "the signature does not match the payload (it was changed after sealing, or the key is wrong)"
        return SealEvidence("JAdES", False, why, leaf_der, algorithm=alg)

    components = _unsigned_components(unprotected)
    others = list(chain[1:])
    crls: list[bytes] = []
    ocsps: list[bytes] = []
    for name, value, _ in components:
        if name == "xVals" and isinstance(value["xVals"], list):
            others += [_std_b64(v.get("x509Cert", {}).get("val"), "xVals") for v in value["xVals"] if isinstance(v, dict)]
        if name == "rVals":
            crls += _vals(value["rVals"], "crlVals")
            ocsps += _vals(value["rVals"], "ocspVals")
    stamps: list[TimestampResult] = []

    def stamp(kind: str, container: Any, stamped: bytes) -> None:
        for token in _vals(container, "tstTokens"):
            stamps.append(check_timestamp(token, stamped, kind=kind, anchors=anchors, extra_certs=others,
                                          crls=crls, ocsps=ocsps))

    if isinstance(header.get("adoTst"), dict):
        stamp("adoTst", header["adoTst"], payload)  # TS 119 182-1 5.2.8: the JWS payload
    before: list[bytes] = []
    for name, value, stored in components:
        if name == "sigTst":
            stamp("sigTst", value["sigTst"], sig["signature"].encode("ascii"))  # 5.3.4: the signature value
        elif name == "arcTst":
            archive_input = payload + b"." + sig["protected"].encode("ascii") + b"." + sig["signature"].encode("ascii")
            stamp("arcTst", value["arcTst"], archive_input + b"." + b"".join(before))
        if stored is not None:
            before.append(stored.encode("ascii"))
    return SealEvidence(
        "JAdES",
        True,
        f"{alg} signature valid over the stored payload; x5c, x5t#S256 and kid agree",
        leaf_der,
        tuple(others),
        tuple(crls),
        tuple(ocsps),
        parse_datetime(header.get("sigT")),
        tuple(stamps),
        alg,
    )
