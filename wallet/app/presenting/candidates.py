"""The vault's credentials as DCQL candidates, and what the wallet needs to present each one.

For each stored credential the matcher (:mod:`wallet.oid4vp.matching`) needs
its OID4VP format, type, claims and binding; presenting it later needs its
bytes and the holder key it is bound to. Both are worked out here, from the
original bytes (never the normalised model: DCQL paths point into what the
issuer signed):

* an **SD-JWT VC** (``typ`` ``dc+sd-jwt`` or ``vc+sd-jwt``, with ``vct``) is
  ``dc+sd-jwt``; its claims are the issuer-signed ones with *every*
  disclosure the holder has, and the paths that came from disclosures are
  the ones that can stay hidden; it is bound when its ``cnf`` is a key in
  the vault;
* a **W3C JSON-LD credential with a Data Integrity proof** is ``ldp_vc``;
  a **VC 1.1 JWT** (``vc`` claim) is ``jwt_vc_json`` with the ``vc`` object as
  its claims (as the reference verifier reads it). A W3C credential is bound
  when its subject (``credentialSubject.id``, or ``sub``) is a DID of this
  wallet: the presentation is signed by that DID's key. Types are matched as
  written and as expanded IRIs (OID4VP B.1.1 asks for the latter; verifiers
  send both), expanded offline with the bundled contexts;
* anything else (EDC, Open Badges 2.0, PDFs of bundles…) cannot be presented
  with OpenID4VP and is listed with an empty format, so a query for it says
  "you have no credential of this kind".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from wallet.app.credentials import _state
from wallet.app.keys import KeyVault
from wallet.errors import WalletError
from wallet.formats import parse
from wallet.oid4vp.matching import Candidate
from wallet.util.b64 import b64url_encode

#: Verification states that still present fine (rank 0/1); everything else ranks last.
_GOOD = {"valid": 0, "valid-note": 1, "status-unchecked": 1}


@dataclass(frozen=True)
class Holding:
    """What presenting a candidate needs: its bytes, its parsed form, and the key it is bound to."""

    candidate: Candidate
    payload: Any  # ldp_vc: the issuer's JSON object as received; else the compact text (SD-JWT, JWT)
    kid: str | None  # the holder key's kid; None when not bound to a key of this vault
    did: str | None = None  # W3C: the holder DID the presentation is signed as


def _authority_keys(header: dict[str, Any]) -> frozenset[str]:
    from cryptography import x509  # deferred: only SD-JWTs with x5c need it

    out: set[str] = set()
    chain = header.get("x5c")
    if not isinstance(chain, list):
        return frozenset()
    import base64

    for item in chain[:10]:
        try:
            cert = x509.load_der_x509_certificate(base64.b64decode(item, validate=True))
            aki = cert.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
        except (ValueError, TypeError, x509.ExtensionNotFound):
            continue
        if aki.key_identifier:
            out.add(b64url_encode(aki.key_identifier))
    return frozenset(out)


def _expanded_types(doc: dict[str, Any]) -> frozenset[str]:
    """The credential's ``type`` as IRIs, expanded offline (empty when its contexts are unknown)."""
    from wallet.verify import jsonld  # deferred: the JSON-LD stack

    context = doc.get("@context")
    if context is None:
        return frozenset()
    try:
        expanded = jsonld.expand({"@context": context, "type": doc.get("type")})
    except Exception:  # noqa: BLE001 - unknown contexts, malformed JSON-LD: match on the written names only
        return frozenset()
    types = expanded[0].get("@type", []) if expanded and isinstance(expanded[0], dict) else []
    return frozenset(t for t in types if isinstance(t, str))


def _types(doc: dict[str, Any]) -> frozenset[str]:
    written = doc.get("type")
    names = [written] if isinstance(written, str) else [t for t in written if isinstance(t, str)] \
        if isinstance(written, list) else []
    return frozenset(names) | _expanded_types(doc)


def _subjects(doc: dict[str, Any]) -> list[str]:
    subject = doc.get("credentialSubject")
    items = subject if isinstance(subject, list) else [subject]
    return [s["id"] for s in items if isinstance(s, dict) and isinstance(s.get("id"), str)]


def _sd_jwt(ident: str, title: str, raw: str, by_print: dict[str, Any], common: dict[str, Any]) -> Holding:
    from wallet.formats.sd_jwt import split, unpack
    from wallet.verify.sdjwt import cnf_thumbprint

    sd_jwt = split(raw)
    typ = str(sd_jwt.jws.header.get("typ", ""))
    unpacked = unpack(sd_jwt)
    vct = unpacked.claims.get("vct")
    if typ not in ("dc+sd-jwt", "vc+sd-jwt") or not isinstance(vct, str) or unpacked.problems:
        return Holding(Candidate(ident, "", title, **common), raw, None)
    key = by_print.get(cnf_thumbprint(sd_jwt.payload.get("cnf")) or "")
    candidate = Candidate(ident, "dc+sd-jwt", title, unpacked.claims, vct, bound=key is not None,
                          disclosable=tuple(unpacked.disclosable),
                          authority_keys=_authority_keys(sd_jwt.jws.header), typ=typ, **common)
    return Holding(candidate, raw, key.kid if key is not None else None)


def _w3c(ident: str, title: str, payload: Any, fmt: str, doc: dict[str, Any], subjects: list[str],
         by_did: dict[str, Any], common: dict[str, Any]) -> Holding:
    key = next((by_did[s] for s in subjects if s in by_did), None)
    candidate = Candidate(ident, fmt, title, doc, types=_types(doc), bound=key is not None, **common)
    return Holding(candidate, payload, key.kid if key is not None else None, key.did if key is not None else None)


def holding_of(stored: Any, keys: Sequence[Any], langs: Sequence[str]) -> Holding:
    """One stored credential as a candidate (see the module docstring)."""
    state = _state(stored.report)
    common: dict[str, Any] = {"rank": _GOOD.get(state, 2), "state": state}
    try:
        cred = parse(stored.raw)
    except WalletError:
        return Holding(Candidate(stored.id, "", stored.id, **common), stored.raw, None)
    title = cred.display_title(langs)
    by_print = {k.thumbprint: k for k in keys}
    by_did = {k.did: k for k in keys}
    from wallet.sharing.envelope import original_json, original_payload

    try:
        if stored.format == "sd-jwt":
            return _sd_jwt(stored.id, title, original_payload(cred).decode("ascii").strip(), by_print, common)
        if stored.format == "vc-ldp" and isinstance(cred.document, dict) and "proof" in cred.document:
            doc = original_json(cred)
            return _w3c(stored.id, title, doc, "ldp_vc", doc, _subjects(doc), by_did, common)
        if stored.format == "vc-jwt" and isinstance(cred.document, dict):
            # the parsed form keeps the JWT as {header, payload, compact}; DCQL paths point into the vc claim
            claims = cred.document.get("payload", cred.document)
            if not isinstance(claims, dict):
                return Holding(Candidate(stored.id, "", title, **common), stored.raw, None)
            vc = claims.get("vc") if isinstance(claims.get("vc"), dict) else None
            if vc is not None:
                subjects = [*([claims["sub"]] if isinstance(claims.get("sub"), str) else []), *_subjects(vc)]
                text = original_payload(cred).decode("ascii").strip()
                return _w3c(stored.id, title, text, "jwt_vc_json", vc, subjects, by_did, common)
    except (WalletError, ValueError, TypeError) as exc:
        return Holding(Candidate(stored.id, "", f"{title} ({type(exc).__name__})", **common), stored.raw, None)
    return Holding(Candidate(stored.id, "", title, **common), stored.raw, None)


def holdings(vault: KeyVault, langs: Sequence[str]) -> dict[str, Holding]:
    """Every stored credential as a candidate, by id, in the vault's order."""
    keys = vault.list_holder_keys()
    return {stored.id: holding_of(stored, keys, langs) for stored in vault.list_credentials()}
