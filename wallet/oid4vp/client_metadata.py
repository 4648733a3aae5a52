"""The verifier's ``client_metadata`` (OID4VP 1.0 section 5.1 and 11): keys, accepted formats, name, logo.

What the wallet reads, and why:

* ``jwks``: the public keys an encrypted answer (``direct_post.jwt``) is
  encrypted to (only the public members are kept; a key with a private
  member is refused: the verifier leaked it or is confused);
* ``encrypted_response_enc_values_supported``: the content encryptions it
  decrypts (default ``A128GCM``, section 8.3);
* ``vp_formats_supported``: the formats and algorithms it accepts; a
  credential query whose format it does not list cannot be answered with
  what the wallet makes, and the consent screen says so;
* ``client_name`` and ``logo_uri`` (RFC 7591): a name and a logo the verifier
  *gives itself*. They are shown as such ("calls itself …"), never as the
  verified identity: that comes only from the client identifier prefix
  (:mod:`wallet.oid4vp.client_id`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from wallet.errors import InputError
from wallet.messages import msg

MAX_KEYS = 20
_PRIVATE_MEMBERS = ("d", "p", "q", "dp", "dq", "qi", "k")


def refuse(reason: str) -> InputError:
    return InputError(f"The verifier's client metadata is not valid: {reason}.",
                      message=msg("present.request_malformed", detail=f"client_metadata: {reason}"))


@dataclass(frozen=True)
class ClientMetadata:
    keys: tuple[Mapping[str, Any], ...] = ()
    enc_values: tuple[str, ...] = ("A128GCM",)
    vp_formats: Mapping[str, Any] | None = None  # None: the verifier did not say
    name: str | None = None
    logo_uri: str | None = None
    raw: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}), compare=False)

    def accepts(self, fmt: str) -> bool:
        """Whether the verifier lists ``fmt`` (or lists nothing, which means it did not say)."""
        return self.vp_formats is None or fmt in self.vp_formats

    def accepts_alg(self, fmt: str, alg: str) -> bool:
        """For JOSE-signed answers: the verifier's ``*_alg_values`` for ``fmt`` include ``alg`` (or say nothing)."""
        entry = self.vp_formats.get(fmt) if self.vp_formats is not None else None
        if not isinstance(entry, Mapping):
            return True
        names = ("kb-jwt_alg_values",) if fmt in ("dc+sd-jwt", "vc+sd-jwt") else ("alg_values", "alg")
        lists = [entry[n] for n in names if isinstance(entry.get(n), list)]
        return not lists or any(alg in values for values in lists)

    def accepts_cryptosuite(self, suite: str) -> bool:
        entry = self.vp_formats.get("ldp_vc") if self.vp_formats is not None else None
        values = entry.get("cryptosuite_values") if isinstance(entry, Mapping) else None
        return not isinstance(values, list) or suite in values


def _short(value: Any, what: str, limit: int = 300) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > limit:
        raise refuse(f"{what} is not text of at most {limit} characters")
    return "".join(c for c in value if c.isprintable()).strip() or None


def _keys(value: Any) -> tuple[Mapping[str, Any], ...]:
    if value is None:
        return ()
    if not isinstance(value, dict) or not isinstance(value.get("keys"), list):
        raise refuse("jwks is not a JWK Set")
    keys = value["keys"]
    if len(keys) > MAX_KEYS:
        raise refuse(f"jwks holds more than {MAX_KEYS} keys")
    out = []
    for key in keys:
        if not isinstance(key, dict) or not isinstance(key.get("kty"), str):
            raise refuse("a key of jwks is not a JWK")
        if any(m in key for m in _PRIVATE_MEMBERS):
            raise refuse("a key of jwks holds private key material")
        out.append(MappingProxyType(dict(key)))
    return tuple(out)


def parse_client_metadata(value: Any) -> ClientMetadata:
    """Checked client metadata (absent: an empty one)."""
    if value is None:
        return ClientMetadata()
    if not isinstance(value, dict):
        raise refuse("it is not a JSON object")
    enc = value.get("encrypted_response_enc_values_supported")
    if enc is None:
        enc_values: tuple[str, ...] = ("A128GCM",)
    elif isinstance(enc, list) and enc and all(isinstance(e, str) and len(e) < 64 for e in enc) and len(enc) < 20:
        enc_values = tuple(enc)
    else:
        raise refuse("encrypted_response_enc_values_supported is not a list of names")
    formats = value.get("vp_formats_supported")
    if formats is not None and not isinstance(formats, dict):
        raise refuse("vp_formats_supported is not an object")
    logo = _short(value.get("logo_uri"), "logo_uri", 8192)
    return ClientMetadata(_keys(value.get("jwks")), enc_values,
                          MappingProxyType(dict(formats)) if formats is not None else None,
                          _short(value.get("client_name"), "client_name"), logo, MappingProxyType(dict(value)))
