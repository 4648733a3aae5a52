"""An ``x5c`` certificate chain in a JWS header, checked offline against the user's trusted CAs.

Why the user's trust anchors (``ctx.trust_anchors``, ``wallet trust
add-anchor``) and not the system's TLS roots: a web PKI certificate
authorises a web server for a name, not an organisation to issue
credentials, and the SD-JWT VC draft leaves the choice of trust anchors to
the ecosystem (EUDI issuers chain to national lists, not to browser roots).
An SD-JWT VC issuer that publishes its keys at an https ``iss`` is checked
through its JWT VC Issuer Metadata instead, whose authenticity the TLS
connection that fetched it vouches for. The configured TLS bundle
(``WALLET_CA_BUNDLE``) is a network setting and is not read here either:
verification is a function of the bytes and the context, so a reverification
next year gives the same answer as today.

The chain is validated with ``cryptography``'s X.509 path builder (RFC 5280
path validation, CA/B web PKI profile for the CAs, any extensions on the
leaf) at the verification time; the leaf must name the issuer: a URI
subject alternative name equal to ``iss``, or a DNS name equal to its host
(draft-ietf-oauth-sd-jwt-vc, "Issuer-signed JWT Verification Key Validation").
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.x509.verification import ExtensionPolicy, PolicyBuilder, Store, VerificationError

#: A chain longer than this is refused before parsing (nobody needs more).
MAX_CHAIN = 10
#: One certificate's base64 text.
MAX_CERT_CHARS = 64 * 1024


class ChainError(Exception):
    """The ``x5c`` header is malformed or its chain does not validate; the text says why."""


@dataclass(frozen=True)
class Chain:
    """A decoded ``x5c``: the leaf (whose key signed) and the rest as given."""

    leaf: x509.Certificate
    intermediates: tuple[x509.Certificate, ...]

    def public_key(self) -> Any:
        return self.leaf.public_key()

    def names(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(DNS names, URIs) in the leaf's subject alternative names."""
        try:
            san = self.leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        except x509.ExtensionNotFound:
            return (), ()
        return (tuple(san.get_values_for_type(x509.DNSName)),
                tuple(san.get_values_for_type(x509.UniformResourceIdentifier)))


def decode(x5c: Any) -> Chain:
    """The certificates of an ``x5c`` header (standard base64 DER, leaf first)."""
    if not isinstance(x5c, list) or not x5c or not all(isinstance(c, str) for c in x5c):
        raise ChainError("x5c is not a list of base64 certificates")
    if len(x5c) > MAX_CHAIN:
        raise ChainError(f"x5c holds more than {MAX_CHAIN} certificates")
    certs = []
    for number, text in enumerate(x5c, start=1):
        if len(text) > MAX_CERT_CHARS:
            raise ChainError(f"certificate {number} of x5c is too large")
        try:
            certs.append(x509.load_der_x509_certificate(base64.b64decode(text, validate=True)))
        except (binascii.Error, ValueError) as exc:
            raise ChainError(f"certificate {number} of x5c cannot be read") from exc
    return Chain(certs[0], tuple(certs[1:]))


def names_issuer(chain: Chain, iss: str | None) -> bool:
    """Whether the leaf names ``iss``: a URI SAN equal to it, or a DNS SAN equal to its host."""
    if not iss:
        return False
    dns, uris = chain.names()
    if iss in uris:
        return True
    try:
        host = urlsplit(iss).hostname
    except ValueError:
        return False
    return bool(host) and host in {d.lower() for d in dns}


def anchors_of(ders: Sequence[bytes]) -> list[x509.Certificate]:
    out = []
    for der in ders:
        try:
            out.append(x509.load_der_x509_certificate(der))
        except ValueError:
            continue  # an unreadable anchor anchors nothing
    return out


def validate(chain: Chain, anchors: Sequence[bytes], when: datetime) -> None:
    """Raise :class:`ChainError` unless the chain leads to one of ``anchors`` (DER) at ``when``."""
    roots = anchors_of(anchors)
    if not roots:
        raise ChainError("no trusted certificate authority is configured")
    try:
        verifier = (PolicyBuilder().store(Store(roots)).time(when)
                    .extension_policies(ca_policy=ExtensionPolicy.webpki_defaults_ca(),
                                        ee_policy=ExtensionPolicy.permit_all())
                    .build_client_verifier())
        verifier.verify(chain.leaf, list(chain.intermediates))
    except VerificationError as exc:
        raise ChainError(f"the certificate chain does not lead to a trusted authority ({exc})") from exc
    except ValueError as exc:
        raise ChainError(f"the certificate chain cannot be checked ({exc})") from exc
