"""Presenting an SD-JWT: only the chosen disclosures, and a key binding JWT by the holder's key.

RFC 9901 sections 4.3 and 5.3: the holder keeps the issuer-signed JWT as it
is, keeps the disclosures of the claims it chooses to reveal (and those of
every claim that encloses one of them, or the verifier could not place it),
drops the rest, and appends a KB-JWT (``typ: kb+jwt``) over ``iat``, the
verifier's ``aud`` and ``nonce``, and ``sd_hash``: the digest of exactly
``<issuer JWT>~<disclosure>~…~`` as presented, so nothing can be added or
removed afterwards. The signing key is the one the credential's ``cnf``
names; the caller (the presenting use case) picks it from the vault by the
key reference stored with the credential.

Pure: bytes in, text out; nothing is sent anywhere here.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from wallet.errors import InputError
from wallet.formats.sd_jwt import Path, split, unpack
from wallet.verify.did import KeyResolutionError
from wallet.verify.jose import PrivateKey, sign_compact
from wallet.verify.keys import thumbprint
from wallet.verify.sdjwt import cnf_key, sd_hash

Selector = Callable[[Path], bool]


def _wanted(paths: Iterable[Path]) -> Selector:
    chosen = [tuple(p) for p in paths]

    def wanted(claim: Path) -> bool:
        # a disclosure is needed when it is a chosen claim, encloses one, or lies inside one
        return any(claim[:len(p)] == p or p[:len(claim)] == claim for p in chosen)

    return wanted


def select_disclosures(text: str | bytes, disclose: Iterable[Path] | Selector) -> tuple[str, list[str]]:
    """(issuer JWT, the disclosures to present) for the claims ``disclose`` selects."""
    sd_jwt = split(text)
    unpacked = unpack(sd_jwt)
    if unpacked.problems:
        raise InputError("The SD-JWT's disclosures do not match what its issuer signed; it cannot be presented.")
    wanted = disclose if callable(disclose) else _wanted(disclose)
    by_digest = {d.digest(sd_jwt.hash_alg): d for d in sd_jwt.disclosures}
    chosen = [by_digest[digest].encoded for digest, path in unpacked.placed.items() if wanted(path)]
    return sd_jwt.jws.compact, chosen


def present(text: str | bytes, disclose: Iterable[Path] | Selector, *, holder_key: PrivateKey | None = None,
            aud: str | None = None, nonce: str | None = None, iat: int | None = None,
            extra_claims: dict[str, Any] | None = None) -> str:
    """The compact presentation; with ``holder_key`` (and ``aud``, ``nonce``) an SD-JWT+KB.

    The holder key must be the key the credential's ``cnf`` names: a KB-JWT
    by any other key would be refused by every verifier, so it is refused here.
    """
    issuer_jwt, chosen = select_disclosures(text, disclose)
    issued = "~".join([issuer_jwt, *chosen]) + "~"
    if holder_key is None:
        return issued
    if not aud or not nonce:
        raise InputError("A key binding JWT needs the verifier's audience and nonce.")
    sd_jwt = split(text)
    try:
        bound = cnf_key(sd_jwt.payload.get("cnf"), _empty_context())
    except KeyResolutionError as exc:
        raise InputError("The credential is not bound to a holder key, so no key binding JWT can be made.") from exc
    if thumbprint(bound) != thumbprint(holder_key):
        raise InputError("The chosen key is not the key this credential is bound to.")
    payload = {"iat": int(time.time()) if iat is None else iat, "aud": aud, "nonce": nonce,
               "sd_hash": sd_hash(issued, sd_jwt.hash_alg), **(extra_claims or {})}
    return issued + sign_compact({"typ": "kb+jwt"}, payload, holder_key)


def _empty_context() -> Any:
    from wallet.verify.context import VerificationContext  # deferred: only for did:key / did:jwk cnf

    return VerificationContext()
