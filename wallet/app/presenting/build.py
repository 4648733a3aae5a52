"""Building one presentation for one chosen credential, signed by the key it is bound to (OID4VP 1.0 appendix B).

Every presentation is bound to *this* request: the verifier's ``nonce`` and
its ``client_id`` go into what the holder key signs, so the verifier can tell
the answer was made for it, now, by whoever holds the key the credential was
issued to, and a copy posted elsewhere is worthless.

* **dc+sd-jwt** (B.3): the issuer JWT unchanged, only the disclosures of the
  claims the query selects (and those that enclose them), and a KB-JWT
  (``aud`` = client_id, ``nonce``, ``iat``, ``sd_hash``) by the ``cnf`` key
  (:func:`wallet.sharing.sd_jwt.present`).
* **ldp_vc** (B.1.3.2): a VC 2.0 ``VerifiablePresentation`` holding the
  credential as the issuer signed it, with a Data Integrity proof by the
  holder DID (``authentication``, ``challenge`` = nonce, ``domain`` =
  client_id): ``eddsa-rdfc-2022`` for an Ed25519 key, ``ecdsa-rdfc-2019`` for
  P-256. W3C credentials cannot hide claims: the whole credential is shown,
  and the consent screen says so.
* **jwt_vc_json** (B.1.3.1): a VP JWT (``iss`` = the holder DID, ``aud`` =
  client_id, ``nonce``, ``iat``, ``exp`` five minutes later, ``jti``) whose
  ``vp.verifiableCredential`` holds the VC JWT as issued, signed with the
  holder key named by ``kid``.

Pure apart from the clock: the key comes in as an argument, nothing is sent.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from wallet.app.presenting.candidates import Holding
from wallet.errors import InputError
from wallet.messages import msg
from wallet.oid4vp.claims import Concrete
from wallet.oid4vp.response import Presentation

VC2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
VC1_CONTEXT = "https://www.w3.org/2018/credentials/v1"
VP_JWT_LIFETIME = timedelta(minutes=5)


def _cannot(title: str, reason: str) -> InputError:
    return InputError(f"{title} cannot be presented: {reason}.",
                      message=msg("present.build_failed", title=title, detail=reason))


def suite_for(key: Any) -> str:
    """The Data Integrity cryptosuite the wallet signs with for ``key``."""
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519

    if isinstance(key, ed25519.Ed25519PrivateKey):
        return "eddsa-rdfc-2022"
    if isinstance(key, ec.EllipticCurvePrivateKey) and key.curve.name == "secp256r1":
        return "ecdsa-rdfc-2019"
    raise InputError("The holder key is of a kind no Data Integrity cryptosuite of the wallet signs with.")


def sd_jwt_presentation(holding: Holding, paths: Sequence[Concrete], key: Any, *, client_id: str, nonce: str,
                        now: datetime) -> str:
    from wallet.sharing.sd_jwt import present

    try:
        return present(str(holding.payload), list(paths), holder_key=key, aud=client_id, nonce=nonce,
                       iat=int(now.timestamp()))
    except InputError as exc:
        raise _cannot(holding.candidate.title, str(exc).rstrip(".")) from exc


def ldp_presentation(holding: Holding, key: Any, *, client_id: str, nonce: str, now: datetime) -> dict[str, Any]:
    from wallet.verify.dataintegrity import ProofError, sign

    if not isinstance(holding.payload, dict) or holding.did is None or holding.kid is None:
        raise _cannot(holding.candidate.title, "it is not bound to a DID of this wallet")
    unsigned = {"@context": [VC2_CONTEXT], "type": ["VerifiablePresentation"], "id": f"urn:uuid:{uuid.uuid4()}",
                "holder": holding.did, "verifiableCredential": [holding.payload]}
    try:
        signed = sign(unsigned, key, holding.kid, cryptosuite=suite_for(key), proof_purpose="authentication",
                      challenge=nonce, domain=client_id, created=now.astimezone(UTC).replace(microsecond=0))
    except (ProofError, InputError) as exc:
        raise _cannot(holding.candidate.title, str(exc).rstrip(".")) from exc
    if not isinstance(signed, dict) or "proof" not in signed:
        raise _cannot(holding.candidate.title, "signing produced no proof")
    return signed


def jwt_vp(holding: Holding, key: Any, *, client_id: str, nonce: str, now: datetime) -> str:
    from wallet.verify.jose import JoseError, sign_compact

    if not isinstance(holding.payload, str) or holding.did is None or holding.kid is None:
        raise _cannot(holding.candidate.title, "it is not bound to a DID of this wallet")
    issued = int(now.timestamp())
    payload = {"iss": holding.did, "aud": client_id, "nonce": nonce, "iat": issued, "nbf": issued,
               "exp": issued + int(VP_JWT_LIFETIME.total_seconds()), "jti": f"urn:uuid:{uuid.uuid4()}",
               "vp": {"@context": [VC1_CONTEXT], "type": ["VerifiablePresentation"], "holder": holding.did,
                      "verifiableCredential": [holding.payload]}}
    try:
        return sign_compact({"typ": "JWT", "kid": holding.kid}, payload, key)
    except (JoseError, ValueError) as exc:
        raise _cannot(holding.candidate.title, str(exc).rstrip(".")) from exc


def build(holding: Holding, paths: Sequence[Concrete], key: Any, *, client_id: str, nonce: str,
          now: datetime | None = None) -> Presentation:
    """The presentation of ``holding`` for a request (see the module docstring for each format)."""
    when = now or datetime.now(UTC)
    fmt = holding.candidate.format
    if fmt == "dc+sd-jwt":
        return sd_jwt_presentation(holding, paths, key, client_id=client_id, nonce=nonce, now=when)
    if fmt == "ldp_vc":
        return ldp_presentation(holding, key, client_id=client_id, nonce=nonce, now=when)
    if fmt == "jwt_vc_json":
        return jwt_vp(holding, key, client_id=client_id, nonce=nonce, now=when)
    raise _cannot(holding.candidate.title, f"the wallet cannot present the format {fmt or 'of this credential'}")
