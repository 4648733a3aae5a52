"""Who is asking: the client identifier prefix (OID4VP 1.0 section 5.9) and what proves it.

``client_id`` is ``<prefix>:<value>``. The prefix says how the wallet can
tell who the verifier is:

* ``x509_san_dns:<DNS name>`` — the request object is signed by the key of
  the first certificate in its ``x5c`` header; the chain must lead to a CA the
  wallet trusts (the system's CAs, ``WALLET_CA_BUNDLE``, the user's anchors),
  valid now, and the certificate must carry the DNS name as a subjectAltName
  dNSName. Then the verifier *is* that DNS name, vouched for by that CA.
* ``x509_hash:<base64url SHA-256 of the certificate>`` — the same chain
  check, the certificate pinned by its hash.
* ``decentralized_identifier:<DID>`` — signed by a key of that DID (the
  ``kid`` a DID URL of it: did:key, did:jwk, or a did:web document fetched
  for the purpose). The signature binds the request to the DID; nobody
  vouches for who controls it, so the consent screen says so.
* ``redirect_uri:<URI>`` — unsigned; the verifier is whoever answers at that
  URI. Shown as **unverified**, and the answer may only go to that URI.

Anything else (``verifier_attestation``, ``openid_federation``,
pre-registered client ids without a prefix, the dropped ``x509_san_uri``)
is refused: the wallet cannot tell who it would be talking to.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography import x509

from wallet.errors import InputError
from wallet.messages import msg
from wallet.util.b64 import b64url_encode

X509_SAN_DNS, X509_HASH = "x509_san_dns", "x509_hash"
REDIRECT_URI, DID = "redirect_uri", "decentralized_identifier"
PREFIXES = (X509_SAN_DNS, X509_HASH, REDIRECT_URI, DID)
SIGNED_PREFIXES = (X509_SAN_DNS, X509_HASH, DID)
#: Path statuses (wallet.verify.seals.x509path) that establish the chain: no CRL/OCSP is fetched for a request.
CHAIN_OK = ("valid", "no-revocation")


class RequestRefused(InputError):
    """The request cannot be trusted as it claims (signature, chain, names, time): nothing is sent."""

    exit_code = 42


def refused(reason: str, message_id: str = "present.request_untrusted", **params: Any) -> RequestRefused:
    return RequestRefused(f"The wallet refused the request: {reason}.", message=msg(message_id, detail=reason,
                                                                                      **params))


@dataclass(frozen=True)
class ClientId:
    full: str
    prefix: str
    value: str


@dataclass(frozen=True)
class VerifierIdentity:
    """Who is asking, and how sure the wallet is."""

    client_id: str
    prefix: str
    value: str
    verified: bool  # a CA the wallet trusts vouches for the name (x509 prefixes)
    signed: bool  # the request was signed by a key bound to the client id
    subject: str | None = None  # the certificate subject, or the DID
    anchor: str | None = None  # the CA the chain leads to
    dns_names: tuple[str, ...] = ()
    detail: str = ""

    @property
    def shown(self) -> str:
        """The identity in one word for lists: the DNS name, the DID, the redirect URI."""
        return self.value


def split_client_id(client_id: str) -> ClientId:
    """``prefix:value`` of a supported prefix; RequestRefused for the others."""
    if not isinstance(client_id, str) or not client_id or len(client_id) > 4096 or not client_id.isprintable():
        raise refused("the client_id is not printable text of at most 4096 characters")
    prefix, sep, value = client_id.partition(":")
    if not sep or prefix not in PREFIXES or not value:
        shown = prefix if sep and prefix.replace("_", "").isalnum() and len(prefix) < 40 else "(none)"
        raise refused(f"the client identifier prefix {shown} is not one the wallet can check",
                      "present.client_id_unsupported", prefix=shown)
    return ClientId(client_id, prefix, value)


def dns_names(cert: x509.Certificate) -> tuple[str, ...]:
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return ()
    except ValueError as exc:
        raise refused(f"the verifier's certificate has unreadable extensions ({exc})") from exc
    return tuple(d.lower() for d in san.get_values_for_type(x509.DNSName))


def x509_identity(client: ClientId, header: Mapping[str, Any], anchors: Sequence[bytes],
                  now: datetime) -> tuple[Any, VerifierIdentity]:
    """The signing key of ``header["x5c"]`` and the identity its chain proves for ``client``."""
    from wallet.verify.did import KeyResolutionError
    from wallet.verify.x5c import _der, certificate_key  # deferred: the certificate stack

    try:
        cert_key = certificate_key(header, now, tuple(anchors))
        leaf_der = _der(header["x5c"][0])
        leaf = x509.load_der_x509_certificate(leaf_der)
    except KeyResolutionError as exc:
        raise refused(f"its certificate cannot be used ({exc})") from exc
    except ValueError as exc:
        raise refused(f"its certificate cannot be read ({exc})") from exc
    path = cert_key.path
    if path.status not in CHAIN_OK:
        message = "present.certificate_untrusted" if path.status == "untrusted" else "present.certificate_invalid"
        raise refused(f"the certificate {cert_key.subject} {'does not chain to a CA the wallet trusts' if path.status == 'untrusted' else 'is not valid'} ({path.detail})",
                      message, subject=cert_key.subject)
    names = dns_names(leaf)
    if client.prefix == X509_SAN_DNS:
        if client.value.lower() not in names:
            raise refused(f"the certificate names {', '.join(names) or 'no DNS name'}, not {client.value}",
                          "present.certificate_other_name", name=client.value, names=", ".join(names))
    else:
        digest = b64url_encode(hashlib.sha256(leaf_der).digest())
        if digest != client.value:
            raise refused("the certificate is not the one the client_id names by its hash",
                          "present.certificate_other_name", name=client.value, names=digest)
    return cert_key.key, VerifierIdentity(client.full, client.prefix, client.value, True, True, cert_key.subject,
                                          path.anchor_subject, names, path.detail)


def did_identity(client: ClientId, header: Mapping[str, Any],
                 documents: Mapping[str, Mapping[str, Any]]) -> tuple[Any, VerifierIdentity]:
    """The key a ``decentralized_identifier`` request names by ``kid`` (a DID URL of the client's DID)."""
    from wallet.verify.context import VerificationContext
    from wallet.verify.did import KeyResolutionError, resolve  # deferred: the DID stack

    kid = header.get("kid")
    if not isinstance(kid, str) or not kid.startswith(client.value + "#"):
        raise refused("its kid is not a key of the DID the client_id names")
    try:
        resolved = resolve(kid, VerificationContext(did_documents=dict(documents)))
    except KeyResolutionError as exc:
        raise refused(f"the key {kid[:80]} cannot be resolved ({exc})") from exc
    return resolved.key, VerifierIdentity(client.full, client.prefix, client.value, False, True, client.value,
                                          None, (), f"signed by {kid}")


def unsigned_identity(client: ClientId) -> VerifierIdentity:
    return VerifierIdentity(client.full, client.prefix, client.value, False, False, None, None, (),
                            "the request is not signed")
