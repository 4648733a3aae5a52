"""JWT signing keys carried as an X.509 chain (the ``x5c`` header), checked offline.

Institutional PKI signs tokens with certificates rather than DIDs: the
header's ``x5c`` holds the signing certificate first, then the chain
(RFC 7515 4.1.6). The signature is checked with the first certificate's key,
and the algorithm still follows that key (:mod:`wallet.verify.jose`).

What *offline* means here (docs/FORMATS.md):

* the path is built only from the certificates in ``x5c`` and validated, with
  pyhanko-certvalidator and fetching disabled, to the certificates the user
  trusts (``wallet trust add-anchor``, ``VerificationContext.trust_anchors``)
  at the token's signing time (``iat``, else ``nbf``, else now);
* revocation of the certificate is not checked: a token carries no CRL or
  OCSP response, and nothing is fetched. The report says so;
* the certificate must name the issuer: the issuer id equals one of its
  subject alternative name URIs, or the issuer is an ``https`` URL or a
  ``did:web`` whose host is one of its DNS names.

So a chain to a trusted anchor that names the issuer confirms the issuer
(``issuer-key`` passed, revocation said to be unchecked); a chain to no
trusted anchor proves only integrity, like a bare ``jwk`` header
(``issuer-key`` not checked, essential); a chain that is invalid at the
signing time (expired, not yet valid, broken) or a certificate that names
someone else fails.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from wallet.messages import msg
from wallet.model import Check, CheckId, CheckStatus
from wallet.verify.did import KeyResolutionError, PublicKey, UnsupportedKey, key_type_of

if TYPE_CHECKING:
    from cryptography import x509

    from wallet.verify.seals.x509path import PathResult

#: At most this many certificates in one ``x5c`` (real chains have two to four).
MAX_X5C = 10


@dataclass(frozen=True)
class CertificateKey:
    """The key of an ``x5c`` header and what its chain established."""

    key: PublicKey
    subject: str
    names: frozenset[str]  # SAN URIs and DNS names, lower-cased DNS
    path: PathResult


def _der(item: Any) -> bytes:
    if not isinstance(item, str) or not item:
        raise KeyResolutionError("an x5c entry is not a base64 certificate")
    try:  # RFC 7515: standard base64 (not base64url), no line breaks
        return base64.b64decode(item, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise KeyResolutionError("an x5c entry is not valid base64") from exc


def _names(cert: x509.Certificate) -> frozenset[str]:
    from cryptography import x509  # deferred: start-up time (only an x5c header needs it)

    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return frozenset()
    except ValueError as exc:  # an extension that is not valid DER: the certificate cannot be used
        raise KeyResolutionError(f"the certificate's extensions cannot be read ({exc})") from exc
    uris = san.get_values_for_type(x509.UniformResourceIdentifier)
    dns = [d.lower() for d in san.get_values_for_type(x509.DNSName)]
    return frozenset([*uris, *dns])


def certificate_key(header: Mapping[str, Any], at: datetime, anchors: tuple[bytes, ...]) -> CertificateKey:
    """The signing key of ``header["x5c"]`` and its chain validated to ``anchors`` at ``at``."""
    chain = header.get("x5c")
    if not isinstance(chain, list) or not chain or len(chain) > MAX_X5C:
        raise KeyResolutionError(f"x5c must be a list of 1 to {MAX_X5C} certificates")
    ders = [_der(item) for item in chain]
    from cryptography import x509  # deferred: start-up time

    try:
        leaf = x509.load_der_x509_certificate(ders[0])
        key = leaf.public_key()
    except ValueError as exc:
        raise KeyResolutionError(f"x5c[0] is not a certificate ({exc})") from exc
    except Exception as exc:  # cryptography's UnsupportedAlgorithm for an unknown key type
        raise UnsupportedKey(f"the certificate's key is of a type the wallet does not implement ({exc})") from exc
    key_type_of(key)  # type: ignore[arg-type]  # raises UnsupportedKey for a curve the wallet lacks
    from wallet.verify.seals.x509path import validate_path  # deferred: start-up time (pyhanko-certvalidator)

    path = validate_path(ders[0], intermediates=ders[1:], anchors=anchors, at=at,
                         key_usage=frozenset({"digital_signature"}))
    try:  # cryptography parses the subject lazily and refuses some malformed names with TypeError
        subject = leaf.subject.rfc4514_string()
    except (ValueError, TypeError) as exc:
        raise KeyResolutionError(f"the certificate's subject cannot be read ({exc})") from exc
    return CertificateKey(key, subject, _names(leaf), path)  # type: ignore[arg-type]


def names_issuer(names: frozenset[str], issuer: str | None) -> bool:
    """Whether a certificate with these SAN values names ``issuer`` (see the module docstring)."""
    if not issuer:
        return False
    if issuer in names:
        return True
    host: str | None = None
    if issuer.startswith("https://"):
        host = urlsplit(issuer).hostname
    elif issuer.startswith("did:web:"):
        host = unquote(issuer[len("did:web:"):].split(":")[0]).split(":")[0]
    return bool(host) and host.lower() in names  # type: ignore[union-attr]


def issuer_check(cert: CertificateKey, issuer: str | None, holder: bool = False) -> Check:
    """``issuer-key`` for a token signed with an ``x5c`` certificate."""
    status = cert.path.status
    if status in ("invalid", "revoked"):
        return Check(CheckId.ISSUER_KEY, CheckStatus.FAILED, msg("x5c.invalid", subject=cert.subject,
                                                                 detail=cert.path.detail))
    if status == "untrusted":
        return Check(CheckId.ISSUER_KEY, CheckStatus.NOT_CHECKED, msg("x5c.untrusted", subject=cert.subject,
                                                                      detail=cert.path.detail), essential=True)
    if not names_issuer(cert.names, issuer):
        role = "holder" if holder else "issuer"
        return Check(CheckId.ISSUER_KEY, CheckStatus.FAILED, msg("x5c.other_name", subject=cert.subject, party=issuer,
                                                                 names=", ".join(sorted(cert.names)), role=role))
    return Check(CheckId.ISSUER_KEY, CheckStatus.PASSED, msg("x5c.ok", subject=cert.subject, party=issuer,
                                                             anchor=cert.path.anchor_subject, detail=cert.path.detail))
