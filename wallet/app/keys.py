"""Holder keys for the front ends: listing them, and which key a received credential is bound to.

The policy (the ``keys.policy`` setting, documented in docs/RECEIVING.md):

* **per-issuer** (the default). An SD-JWT VC (``dc+sd-jwt``, ``vc+sd-jwt``)
  is bound to a key made for its issuer alone: every issuer sees a different
  key, so two verifiers who are shown credentials from two issuers cannot
  link them by the key (SD-JWT VC draft, "Unlinkability"; the EUDI
  architecture asks wallets for the same). The key is reused for later
  credentials of the *same* issuer, who knows the holder anyway. A W3C
  credential (``jwt_vc_json``, ``ldp_vc``, ``jwt_vc_json-ld``) names its
  holder as ``credentialSubject.id`` and travels in the wallet's signed
  bundles, so it is bound to the **main DID** (the vault's Ed25519
  ``did:key``) whenever the issuer accepts it: a bundle signed by the main
  key then proves it belongs to the presenter. When the issuer accepts
  neither that method nor EdDSA, a per-issuer key it does accept is used.
* **main**: every credential is bound to the main DID when the issuer accepts
  it (one identity everywhere, easier to recognise, linkable).

Batch issuance asks for several copies, each bound to its own new key (the
point of a batch is one-time use); the first copy uses the key the policy
chose. A key is only *planned* while the user reads the consent screen and
made (inside the vault) when they accept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from wallet.app.vault import VaultLike
from wallet.errors import UsageError
from wallet.verify.context import VerificationContext

POLICY_KEY = "keys.policy"
POLICIES = ("per-issuer", "main")
SD_JWT_FORMATS = ("dc+sd-jwt", "vc+sd-jwt")
#: OID4VCI ``proof_signing_alg_values_supported`` / JOSE names for the algorithms the wallet holds.
JOSE_ALG = {"Ed25519": "EdDSA", "P-256": "ES256"}
#: Per-issuer keys: the first algorithm the issuer accepts, in this order (ES256 is what EUDI issuers expect).
PER_ISSUER_ORDER = ("P-256", "Ed25519")


class KeyVault(VaultLike, Protocol):
    """A vault that holds several holder keys (``wallet.storage.Vault``, schema 3 and later)."""

    def list_holder_keys(self) -> list[Any]: ...
    def create_holder_key(self, method: str, algorithm: str, issuer: str | None = None) -> Any: ...
    def holder_signing_key(self, kid: str) -> Any: ...
    def bind_credential_key(self, credential_id: str, kid: str) -> None: ...
    def credential_key(self, credential_id: str) -> str | None: ...
    def put_issuance(self, id: str, kind: str, data: dict[str, Any], credential_id: str | None = None) -> None: ...
    def list_issuance(self, kind: str, credential_id: str | None = None) -> list[tuple[str, dict[str, Any]]]: ...
    def remove_issuance(self, id: str) -> None: ...


@dataclass(frozen=True)
class KeyPlan:
    """The key a credential will be bound to: an existing one (``kid``), or one to make on acceptance."""

    method: str  # did:key | did:jwk
    algorithm: str  # Ed25519 | P-256
    kid: str | None = None  # existing key; None: a new key will be made
    issuer: str | None = None  # the issuer a new key is made for
    main: bool = False
    did: str | None = None

    @property
    def jose_alg(self) -> str:
        return JOSE_ALG[self.algorithm]

    @property
    def is_new(self) -> bool:
        return self.kid is None


def policy(vault: VaultLike) -> str:
    value = vault.get_setting(POLICY_KEY, POLICIES[0])
    return value if value in POLICIES else POLICIES[0]


def _accepts(binding_methods: Sequence[str], algs: Sequence[str], method: str, algorithm: str) -> bool:
    # "jwk": the issuer binds to the bare public key, which every key has (the proof then carries a jwk header)
    method_ok = not binding_methods or method in binding_methods or "jwk" in binding_methods
    alg_ok = not algs or JOSE_ALG[algorithm] in algs
    return method_ok and alg_ok


def _method_for(binding_methods: Sequence[str], algorithm: str) -> str | None:
    """did:key for Ed25519, did:jwk for P-256 (its JWK is what ``cnf`` carries), whichever the issuer takes."""
    preferred = ("did:key", "did:jwk") if algorithm == "Ed25519" else ("did:jwk", "did:key")
    for method in preferred:
        if _accepts(binding_methods, (), method, algorithm):
            return method
    return None


def plan_key(vault: KeyVault, *, fmt: str, issuer: str, binding_methods: Sequence[str] = (),
             proof_algs: Sequence[str] = ()) -> KeyPlan:
    """The key the policy binds a credential of ``fmt`` from ``issuer`` to (nothing is made yet)."""
    keys = vault.list_holder_keys()
    main = keys[0]
    wants_main = policy(vault) == "main" or fmt not in SD_JWT_FORMATS
    if wants_main and _accepts(binding_methods, proof_algs, main.method, main.algorithm):
        return KeyPlan(main.method, main.algorithm, main.kid, None, True, main.did)
    for algorithm in PER_ISSUER_ORDER:
        if proof_algs and JOSE_ALG[algorithm] not in proof_algs:
            continue
        method = _method_for(binding_methods, algorithm)
        if method is None:
            continue
        existing = next((k for k in keys[1:] if k.issuer == issuer and k.algorithm == algorithm
                         and k.method == method), None)
        if existing is not None:
            return KeyPlan(method, algorithm, existing.kid, issuer, False, existing.did)
        return KeyPlan(method, algorithm, None, issuer)
    raise UsageError(f"the issuer accepts no key the wallet can make (binding {list(binding_methods)}, "
                     f"algorithms {list(proof_algs)})")


def realize(vault: KeyVault, plan: KeyPlan) -> Any:
    """The holder key for ``plan``: the existing one, or a new one made now inside the vault."""
    if plan.kid is not None:
        return next(k for k in vault.list_holder_keys() if k.kid == plan.kid)
    return vault.create_holder_key(plan.method, plan.algorithm, plan.issuer)


def extra_batch_key(vault: KeyVault, plan: KeyPlan) -> Any:
    """One more key like ``plan``'s, for another copy of a batch (always new: one key per copy)."""
    return vault.create_holder_key(plan.method, plan.algorithm, plan.issuer)


def list_keys(vault: VaultLike) -> list[Any]:
    """Every holder key (main first); a vault without the key table lists only its main DID."""
    lister = getattr(vault, "list_holder_keys", None)
    if lister is None:
        return []
    return list(lister())


def holder_thumbprints(vault: VaultLike) -> frozenset[str]:
    """RFC 7638 thumbprints of every holder key in the vault (for ``VerificationContext.holder_keys``)."""
    return frozenset(k.thumbprint for k in list_keys(vault))


def with_holder_keys(ctx: VerificationContext, vault: VaultLike) -> VerificationContext:
    """``ctx`` that also knows the vault's holder keys, so an SD-JWT's ``cnf`` is checked to be one of them."""
    if ctx.holder_keys:
        return ctx
    from wallet.model import replace  # deferred: model imports are cheap but keep this module light

    found = holder_thumbprints(vault)
    return replace(ctx, holder_keys=found) if found else ctx
