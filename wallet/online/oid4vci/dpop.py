"""DPoP (RFC 9449): bind the access token to a key the wallet holds for this one issuance.

Used when the authorization server lists ``dpop_signing_alg_values_supported``
with ES256 (or EdDSA): a stolen access token is then useless without the key.
The key is made fresh for each issuance, kept in memory only and dropped
afterwards: it proves nothing about the holder, it only binds the token.
A server that asks for a nonce (``use_dpop_nonce`` with a ``DPoP-Nonce``
header) gets it in the next proof, once.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from wallet.util.b64 import b64url_encode
from wallet.verify.jose import sign_compact
from wallet.verify.keys import public_jwk

SUPPORTED = ("ES256", "EdDSA")


class DpopKey:
    """An ephemeral DPoP key and the last nonce each server asked for."""

    def __init__(self, alg: str = "ES256") -> None:
        if alg not in SUPPORTED:
            raise ValueError(f"DPoP with {alg} is not supported")
        self.alg = alg
        self._key: Any = ec.generate_private_key(ec.SECP256R1()) if alg == "ES256" else \
            ed25519.Ed25519PrivateKey.generate()
        self.nonces: dict[str, str] = {}

    @staticmethod
    def choose(server_algs: tuple[str, ...]) -> DpopKey | None:
        """A key for the first algorithm both sides support; None when the server offers no DPoP."""
        alg = next((a for a in SUPPORTED if a in server_algs), None)
        return DpopKey(alg) if alg else None

    def proof(self, method: str, url: str, access_token: str | None = None) -> str:
        parts = urlsplit(url)
        htu = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
        claims: dict[str, Any] = {"jti": secrets.token_urlsafe(16), "htm": method.upper(), "htu": htu,
                                  "iat": int(time.time())}
        nonce = self.nonces.get(parts.netloc)
        if nonce:
            claims["nonce"] = nonce
        if access_token is not None:
            claims["ath"] = b64url_encode(hashlib.sha256(access_token.encode("ascii")).digest())
        return sign_compact({"typ": "dpop+jwt", "alg": self.alg, "jwk": public_jwk(self._key)}, claims, self._key)

    def remember_nonce(self, url: str, nonce: str | None) -> bool:
        """Keep a server's ``DPoP-Nonce``; True when it is new (so one retry is worth it)."""
        if not nonce or len(nonce) > 512 or not nonce.isascii():
            return False
        host = urlsplit(url).netloc
        new = self.nonces.get(host) != nonce
        self.nonces[host] = nonce
        return new


def export_key(key: DpopKey) -> dict[str, str]:
    """A DPoP key for the vault (a deferred issuance whose token is bound to it must reuse it later)."""
    from cryptography.hazmat.primitives import serialization

    from wallet.util.b64 import b64url_encode as encode

    der = key._key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                 serialization.NoEncryption())
    return {"alg": key.alg, "pkcs8": encode(der)}


def import_key(data: dict[str, str]) -> DpopKey:
    """The DPoP key :func:`export_key` wrote (ValueError when it is not one)."""
    from cryptography.hazmat.primitives import serialization

    from wallet.util.b64 import b64url_decode_lenient

    key = DpopKey(str(data.get("alg")))
    loaded = serialization.load_der_private_key(b64url_decode_lenient(str(data.get("pkcs8")), "DPoP key"), None)
    if not isinstance(loaded, (ec.EllipticCurvePrivateKey, ed25519.Ed25519PrivateKey)):
        raise ValueError("not a DPoP key")
    key._key = loaded
    return key
