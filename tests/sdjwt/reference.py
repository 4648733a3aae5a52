"""The sd-jwt reference implementation (PyPI ``sd-jwt``, openwallet-foundation-labs/sd-jwt-python) as an
independent issuer, holder and verifier, driven by its own test-case specifications read in place from
``../shared/vectors/sd-jwt-python`` (see its SOURCES.md).

The harness follows the package's own (``tests/conftest.py`` there): the user claims of each
``specification.yml`` with ``iss``, ``iat`` and ``exp`` from the settings, the holder's key in ``cnf`` when
the case asks for key binding, the case's serialisation, decoy digests and extra header parameters. A case
whose settings list two issuer keys (``json_serialization_general``) gets a second signature added with
jwcrypto, because sd-jwt 0.10.4 signs with one key only.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jwcrypto.jwk import JWK
from sd_jwt.holder import SDJWTHolder
from sd_jwt.issuer import SDJWTIssuer
from sd_jwt.utils.demo_utils import load_yaml_settings
from sd_jwt.utils.yaml_specification import load_yaml_specification, remove_sdobj_wrappers
from sd_jwt.verifier import SDJWTVerifier

NONCE_AUD = ("1234567890", "https://example.com/verifier")


@dataclass
class Case:
    name: str
    spec: dict[str, Any]
    settings: dict[str, Any]

    @property
    def serialization(self) -> str:
        return str(self.spec.get("serialization_format", "compact"))

    @property
    def key_binding(self) -> bool:
        return bool(self.spec.get("key_binding", False))

    @property
    def issuer(self) -> str:
        return str(self.settings["identifiers"]["issuer"])

    def issuer_keys(self) -> list[JWK]:
        return [JWK.from_json(json.dumps(k)) for k in self.settings["key_settings"]["issuer_keys"]]

    def holder_key(self) -> JWK:
        return JWK.from_json(json.dumps(self.settings["key_settings"]["holder_key"]))

    def metadata(self, iss: str | None = None) -> dict[str, Any]:
        """JWT VC Issuer Metadata naming the issuer's public keys (what the wallet reads from its cache).

        ``iss``: the issuer the token names (a case's own claims may replace the settings' issuer).
        """
        return {"issuer": iss or self.issuer,
                "jwks": {"keys": [k.export_public(as_dict=True) for k in self.issuer_keys()]}}


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in override.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def cases(root: Path) -> list[Case]:
    """Every specification under ``tests/testcases`` and ``examples``, with its settings applied."""
    found = []
    for folder in ("tests/testcases", "examples"):
        settings = load_yaml_settings(root / folder / "settings.yml")
        for spec_file in sorted((root / folder).glob("*/specification.yml")):
            spec = load_yaml_specification(spec_file)
            merged = _merge(settings, spec.get("settings_override", {}))
            found.append(Case(f"{folder.split('/')[-1]}/{spec_file.parent.name}", spec, merged))
    return found


def issue(case: Case) -> str:
    """The issuance (every disclosure), as the package writes it."""
    claims = {"iss": case.issuer, "iat": case.settings["iat"], "exp": case.settings["exp"]}
    claims.update(case.spec["user_claims"])
    keys = case.issuer_keys()
    issuer = SDJWTIssuer(claims, keys[0], case.holder_key() if case.key_binding else None,
                         add_decoy_claims=bool(case.spec.get("add_decoy_claims", False)),
                         serialization_format=case.serialization,
                         extra_header_parameters=case.spec.get("extra_header_parameters", {}))
    if case.serialization == "json" and len(keys) > 1:
        for key in keys[1:]:
            issuer.sd_jwt.add_signature(key, alg="ES256", protected=json.dumps({"alg": "ES256", "typ": "example+sd-jwt"}))
        general = json.loads(issuer.sd_jwt.serialize(compact=False))
        general["disclosures"] = [d.b64 for d in issuer.ii_disclosures]
        return json.dumps(general)
    return issuer.sd_jwt_issuance


def present(case: Case, issuance: str) -> str:
    """The package's own presentation of the case's ``holder_disclosed_claims``."""
    holder = SDJWTHolder(issuance, serialization_format=case.serialization)
    nonce, aud = NONCE_AUD
    holder.create_presentation(case.spec["holder_disclosed_claims"], nonce if case.key_binding else None,
                               aud if case.key_binding else None, case.holder_key() if case.key_binding else None)
    return holder.sd_jwt_presentation


def verify(case: Case, presentation: str, *, key_binding: bool) -> dict[str, Any]:
    """The package's verifier: the disclosed claims, or an exception."""
    keys = {k.export_public(as_dict=True).get("kid"): k for k in case.issuer_keys()}

    def issuer_key(_iss: str, header: dict[str, Any]) -> JWK:
        return keys.get(header.get("kid")) or case.issuer_keys()[0]

    nonce, aud = NONCE_AUD
    verifier = SDJWTVerifier(presentation, issuer_key, aud if key_binding else None, nonce if key_binding else None,
                             serialization_format="compact")
    return verifier.get_verified_payload()


def expected_claims(case: Case) -> dict[str, Any] | None:
    """What a verifier must end up with for the package's presentation, when the case says."""
    expected = case.spec.get("expect_verified_user_claims")
    if expected is None:
        return None
    out = {"iss": case.issuer, "iat": case.settings["iat"], "exp": case.settings["exp"], **copy.deepcopy(expected)}
    if case.key_binding:
        out["cnf"] = {"jwk": case.holder_key().export_public(as_dict=True)}
    return out


def all_claims(case: Case) -> dict[str, Any]:
    """Every user claim, as a verifier of the full issuance must see them."""
    out = {"iss": case.issuer, "iat": case.settings["iat"], "exp": case.settings["exp"],
           **remove_sdobj_wrappers(case.spec["user_claims"])}
    if case.key_binding:
        out["cnf"] = {"jwk": case.holder_key().export_public(as_dict=True)}
    return out


def selector(disclosed: Any) -> Callable[[tuple[str | int, ...]], bool]:
    """The package's ``holder_disclosed_claims`` semantics as a predicate over claim paths.

    A disclosure is presented when every step of its path is selected: an object key whose entry is
    truthy, an array position whose entry is neither False nor None (so an empty object selects an array
    element but not an object member, as in the package). ``True`` selects that claim alone (the package
    reads it as an empty object or array below).
    """

    def wanted(path: tuple[str | int, ...]) -> bool:
        spec = disclosed
        for step in path:
            if spec is True:
                spec = {} if isinstance(step, str) else []
            if isinstance(spec, dict) and isinstance(step, str):
                spec = spec.get(step)
                if not spec:  # the package: `if key in claims and claims[key]`
                    return False
            elif isinstance(spec, list) and isinstance(step, int):
                spec = spec[step] if step < len(spec) else None
                if spec is None or spec is False:  # the package: `if element in (False, None): continue`
                    return False
            else:
                return False
        return True

    return wanted
