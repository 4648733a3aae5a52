"""What a parsed credential needs from the network, read from the credential alone (no network).

The answer drives "fetch evidence for these credentials" (on import, on
demand, on a schedule): every DID, list and document the offline verifier
would otherwise report as "not checked (offline)". Only things the wallet
can actually fetch are listed: did:web DIDs (never did:key/did:jwk, which
carry their key), status lists by the URL the credential names, an SD-JWT
issuer's metadata, OB 2.0 hosted assertions and linked documents, and the
EU trusted lists an EDC seal chains to. JSON-LD contexts are never listed:
they are fetched only on the user's explicit request (see ``contexts``).
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Mapping
from typing import Any

from cryptography import x509
from cryptography.x509.oid import NameOID

from wallet.errors import InputError
from wallet.formats.elm import jws_signatures, protected_header
from wallet.formats.safe_xml import parse_xml
from wallet.model import Credential, CredentialFormat
from wallet.online.evidence.did_web import bare_did
from wallet.online.evidence.record import EvidenceKind, EvidenceNeed
from wallet.online.evidence.trusted_lists import EU_LOTL_URL

W3C_STATUS_TYPES = ("BitstringStatusListEntry", "StatusList2021Entry")
_DS = "http://www.w3.org/2000/09/xmldsig#"


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _id(value: Any) -> str | None:
    if isinstance(value, Mapping):
        value = value.get("id")
    return value if isinstance(value, str) else None


class _Needs:
    """An ordered set of needs: the first reason given for a (kind, key) is kept."""

    def __init__(self) -> None:
        self.items: dict[tuple[EvidenceKind, str], EvidenceNeed] = {}

    def add(self, kind: EvidenceKind, key: str | None, reason: str, territories: tuple[str, ...] = ()) -> None:
        if not key:
            return
        slot = (kind, key)
        old = self.items.get(slot)
        if old is None:
            self.items[slot] = EvidenceNeed(kind, key, reason, territories)
        elif territories:
            merged = tuple(dict.fromkeys(old.territories + territories))
            self.items[slot] = EvidenceNeed(kind, key, old.reason, merged)

    def did(self, value: Any, reason: str) -> None:
        did = _id(value)
        if did and did.startswith("did:web:"):
            self.add(EvidenceKind.DID_DOCUMENT, bare_did(did), reason)


def _w3c(doc: Mapping[str, Any], needs: _Needs, depth: int = 0) -> None:
    """A VC or VP JSON object: issuer/holder DIDs, proof keys, status lists; embedded VCs one level down."""
    needs.did(doc.get("issuer"), "the issuer's DID")
    needs.did(doc.get("holder"), "the holder's DID")
    for proof in _list(doc.get("proof")):
        if isinstance(proof, Mapping):
            needs.did(proof.get("verificationMethod"), "the key that signed the proof")
    for entry in _list(doc.get("credentialStatus")):
        if not isinstance(entry, Mapping):
            continue
        types = [t for t in _list(entry.get("type")) if isinstance(t, str)]
        url = entry.get("statusListCredential")
        if any(t in W3C_STATUS_TYPES for t in types) and isinstance(url, str):
            purpose = entry.get("statusPurpose")
            needs.add(EvidenceKind.STATUS_LIST, url,
                      f"the {purpose} status list" if isinstance(purpose, str) else "the status list")
    if depth == 0:
        for inner in _list(doc.get("verifiableCredential")):
            if isinstance(inner, Mapping) and "credentialSubject" in inner:
                _w3c(inner, needs, depth + 1)


def _jwt(document: Mapping[str, Any], needs: _Needs) -> Mapping[str, Any]:
    """Header ``kid`` and ``iss`` of a JWT credential; returns the payload."""
    header = document.get("header")
    payload = document.get("payload")
    if isinstance(header, Mapping):
        needs.did(header.get("kid"), "the key that signed the token")
    if not isinstance(payload, Mapping):
        return {}
    needs.did(payload.get("iss"), "the issuer's DID")
    return payload


def _sd_jwt(payload: Mapping[str, Any], needs: _Needs) -> None:
    iss = payload.get("iss")
    if isinstance(iss, str) and iss.startswith("https://"):
        needs.add(EvidenceKind.JWT_VC_ISSUER, iss, "the issuer's published keys (JWT VC issuer metadata)")
    status = payload.get("status")
    status_list = status.get("status_list") if isinstance(status, Mapping) else None
    if isinstance(status_list, Mapping) and isinstance(status_list.get("uri"), str):
        needs.add(EvidenceKind.TOKEN_STATUS_LIST, status_list["uri"], "the token status list")


def _ob2(assertion: Mapping[str, Any], needs: _Needs, hosted: bool) -> None:
    if hosted:
        needs.add(EvidenceKind.OB2_HOSTED, _id(assertion), "the hosted copy of the badge (its only authority)")
        return  # the linked documents are followed from the hosted copy, not from this one
    badge = assertion.get("badge")
    if isinstance(badge, str):
        needs.add(EvidenceKind.OB2_DOCUMENT, badge, "the badge class and its issuer's keys")
    elif isinstance(badge, Mapping) and isinstance(badge.get("issuer"), str):
        needs.add(EvidenceKind.OB2_DOCUMENT, badge["issuer"], "the issuer profile and its keys")


def _territory(der: bytes) -> str | None:
    """Country of the CA that issued a seal certificate: whose trusted list it must be on."""
    try:
        cert = x509.load_der_x509_certificate(der)
    except ValueError:
        return None
    for name in (cert.issuer, cert.subject):
        countries = name.get_attributes_for_oid(NameOID.COUNTRY_NAME)
        if countries and isinstance(countries[0].value, str):
            code = countries[0].value.strip().upper()
            return "EL" if code == "GR" else code  # the EU lists Greece as EL
    return None


def _seal_certificate(cred: Credential) -> bytes | None:
    try:
        if cred.format is CredentialFormat.EDC_JADES and isinstance(cred.document, dict):
            for sig in jws_signatures(cred.document):
                chain = protected_header(sig).get("x5c")
                if isinstance(chain, list) and chain and isinstance(chain[0], str):
                    return base64.b64decode(chain[0], validate=True)
        if cred.format is CredentialFormat.EDCI_XML:
            root = parse_xml(cred.raw, what="EDCI credential")
            text = root.findtext(f".//{{{_DS}}}KeyInfo/{{{_DS}}}X509Data/{{{_DS}}}X509Certificate")
            if text:
                return base64.b64decode("".join(text.split()), validate=True)
    except (InputError, ValueError):
        return None  # an unreadable seal needs no trusted list: verification reports the seal itself
    return None


def _edc(cred: Credential, needs: _Needs) -> None:
    der = _seal_certificate(cred)
    territory = _territory(der) if der else None
    needs.add(EvidenceKind.TRUSTED_LIST, EU_LOTL_URL, "the EU trusted lists the seal's certificate must chain to",
              (territory,) if territory else ())


def _collect(cred: Credential, needs: _Needs, depth: int = 0) -> None:
    fmt, doc = cred.format, cred.document
    if fmt in (CredentialFormat.VC_LDP, CredentialFormat.VP_LDP) and isinstance(doc, Mapping):
        _w3c(doc, needs)
    elif fmt in (CredentialFormat.VC_JWT, CredentialFormat.VC_JOSE, CredentialFormat.VP_JWT) and isinstance(doc, Mapping):
        payload = _jwt(doc, needs)
        inner = payload.get("vc") or payload.get("vp") if fmt is not CredentialFormat.VC_JOSE else payload
        if isinstance(inner, Mapping):
            _w3c(inner, needs)
    elif fmt is CredentialFormat.SD_JWT and isinstance(doc, Mapping):
        _sd_jwt(_jwt(doc, needs), needs)
    elif fmt is CredentialFormat.OB2_HOSTED and isinstance(doc, Mapping):
        _ob2(doc, needs, hosted=True)
    elif fmt is CredentialFormat.OB2_SIGNED and isinstance(doc, Mapping) and isinstance(doc.get("payload"), Mapping):
        _ob2(doc["payload"], needs, hosted=False)
    elif fmt in (CredentialFormat.EDC_JADES, CredentialFormat.EDCI_XML):
        _edc(cred, needs)
    elif fmt is CredentialFormat.VC_ENVELOPED and depth == 0:
        from wallet.formats.enveloped import inner_of

        try:
            _collect(inner_of(cred), needs, depth + 1)
        except InputError:
            return  # an envelope the wallet cannot open has nothing it could fetch for


def evidence_needs(credential: Credential) -> list[EvidenceNeed]:
    """What ``credential`` needs from the network, in a stable order, without duplicates."""
    needs = _Needs()
    _collect(credential, needs)
    return list(needs.items.values())


def merge_needs(lists: Iterable[Iterable[EvidenceNeed]]) -> list[EvidenceNeed]:
    """The needs of many credentials as one list (each DID or URL once; territories combined)."""
    needs = _Needs()
    for group in lists:
        for need in group:
            needs.add(need.kind, need.key, need.reason, need.territories)
    return list(needs.items.values())
