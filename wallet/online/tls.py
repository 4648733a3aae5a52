"""The TLS trust the online client uses: the system store plus an optional extra CA bundle.

``ca_bundle`` *adds* CAs (a test CA, or a TLS-inspecting corporate proxy's
root); it never replaces the system store, so setting it cannot silently
drop trust in the public web PKI the wallet needs elsewhere. Where Python
finds no system store at all (some macOS and Windows builds), certifi's
Mozilla bundle is used instead, if it is installed (it comes with requests).
"""

from __future__ import annotations

import os
import ssl

from wallet.errors import TlsError


def _has_system_store() -> bool:
    paths = ssl.get_default_verify_paths()
    return bool((paths.cafile and os.path.isfile(paths.cafile)) or (paths.capath and os.path.isdir(paths.capath)))


def trust_context(ca_bundle: str | None = None) -> ssl.SSLContext:
    """A client context: TLS 1.2+, certificate and host name checked, HTTP/1.1 only."""
    context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = True
    context.verify_mode = ssl.CERT_REQUIRED
    context.set_alpn_protocols(["http/1.1"])
    if not _has_system_store() and not context.get_ca_certs():
        try:
            import certifi

            context.load_verify_locations(cafile=certifi.where())
        except (ImportError, OSError, ssl.SSLError):
            pass  # no fallback store either: only ca_bundle (if any) is trusted, and verification says so
    if ca_bundle:
        if not os.path.isfile(ca_bundle):
            raise TlsError(f"The CA bundle {ca_bundle} (WALLET_CA_BUNDLE) does not exist.")
        try:
            context.load_verify_locations(cafile=ca_bundle)
        except (OSError, ssl.SSLError) as exc:
            raise TlsError(f"The CA bundle {ca_bundle} (WALLET_CA_BUNDLE) is not a readable PEM file.") from exc
    return context


def trusted_ca_certificates(ca_bundle: str | None = None) -> tuple[bytes, ...]:
    """The same CAs as DER certificates (the system bundle file, then ``ca_bundle``), for checks outside TLS.

    OpenID4VP ``x509_san_dns`` request objects are signed by a certificate that must chain to a CA the
    wallet trusts: the CAs it trusts for TLS are the natural set (plus the user's own trust anchors,
    which the caller adds). A system store that is only a directory (``capath``) is not listed here.
    """
    import warnings

    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    paths = ssl.get_default_verify_paths()
    files = [name for name in (paths.cafile, paths.openssl_cafile) if name and os.path.isfile(name)][:1]
    if ca_bundle:
        files.append(ca_bundle)
    out: list[bytes] = []
    for name in files:
        try:
            with open(name, "rb") as handle, warnings.catch_warnings():
                warnings.simplefilter("ignore")  # some system roots have non-positive serials; they still anchor
                certs = x509.load_pem_x509_certificates(handle.read())
        except (OSError, ValueError) as exc:
            if name == ca_bundle:
                raise TlsError(f"The CA bundle {ca_bundle} (WALLET_CA_BUNDLE) is not a readable PEM file.") from exc
            continue
        out.extend(c.public_bytes(Encoding.DER) for c in certs)
    return tuple(out)
