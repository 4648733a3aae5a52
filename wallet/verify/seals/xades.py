"""XAdES seal verification (EDCI 1.x credentials and ETSI trusted lists), offline and hardened.

signxml does the XML-DSig work over the hardened parser of
:mod:`wallet.formats.safe_xml`. Around it this module enforces what signxml
leaves to the caller (threats "XML signature wrapping", "XML algorithm confusion" in docs/THREATS.md):

* exactly one ``ds:Signature`` in the document, at an expected place
  (the root or its ``proof`` child), so a second, attacker-made signature or a
  moved one is refused;
* exactly one data reference and one SignedProperties reference (plus at
  most one reference to the signature's own KeyInfo);
* only asymmetric signature methods, SHA-2 digests (no HMAC, no SHA-1);
* the signing certificate comes from the seal's own KeyInfo (bound by
  SigningCertificateV2) and is checked at the signing time; trust is decided
  later by :mod:`wallet.verify.seals.x509path` against the trusted lists;
* callers use only the signed data signxml returns (``signed_xml``).

DSS signs EDCI documents with an XPath transform
``not(ancestor-or-self::ds:Signature)`` (or XPath Filter 2.0 subtracting the
signatures), which signxml ignores; both are mapped here to "remove every
ds:Signature", and any other XPath is refused.
"""

from __future__ import annotations

import base64
from datetime import datetime

from cryptography import x509
from lxml import etree
from signxml import DigestAlgorithm, SignatureConfiguration, SignatureMethod
from signxml.exceptions import InvalidInput, SignXMLException
from signxml.xades import XAdESVerifier

from wallet.errors import InputError
from wallet.formats.safe_xml import parse_xml, safe_parser, strip_signatures
from wallet.util.dates import parse_datetime
from wallet.verify.seals.evidence import SealEvidence
from wallet.verify.seals.timestamps import TimestampResult, check_timestamp

DS = "http://www.w3.org/2000/09/xmldsig#"
XADES = "http://uri.etsi.org/01903/v1.3.2#"
XPATH_1 = "http://www.w3.org/TR/1999/REC-xpath-19991116"
XPATH_FILTER_2 = "http://www.w3.org/2002/06/xmldsig-filter2"
SIGNED_PROPERTIES_TYPE = "http://uri.etsi.org/01903#SignedProperties"
_NS = {"ds": DS, "xades": XADES}
_ALLOWED_XPATH = {"not(ancestor-or-self::ds:Signature)"}
_ALLOWED_FILTER2 = {"/descendant::ds:Signature", "//ds:Signature", "/descendant-or-self::ds:Signature"}
SIGNATURE_METHODS = frozenset(
    m for m in SignatureMethod if not m.name.startswith(("HMAC", "DSA")) and "SHA1" not in m.name and "SHA224" not in m.name
)
DIGESTS = frozenset(d for d in DigestAlgorithm if "SHA1" not in d.name and "SHA224" not in d.name)


class HardenedXAdESVerifier(XAdESVerifier):
    """signxml's XAdES verifier plus the two XPath forms DSS uses, and nothing else."""

    def _apply_transforms(self, payload, *, transforms_node, signature):  # type: ignore[no-untyped-def]  # noqa: ANN001
        if transforms_node is not None:
            for transform in transforms_node.findall(f"{{{DS}}}Transform"):
                algorithm = transform.get("Algorithm")
                if algorithm == XPATH_1:
                    expr = (transform.findtext(f"{{{DS}}}XPath") or "").strip()
                    xpath_el = transform.find(f"{{{DS}}}XPath")
                    if expr not in _ALLOWED_XPATH or xpath_el is None or xpath_el.nsmap.get("ds") != DS:
                        raise InvalidInput(f"XPath transform {expr!r} is not accepted")
                    if isinstance(payload, etree._Element):
                        strip_signatures(payload)
                elif algorithm == XPATH_FILTER_2:
                    filters = [el for el in transform if isinstance(el.tag, str)]
                    for flt in filters:
                        text = (flt.text or "").strip()
                        if flt.get("Filter") != "subtract" or text not in _ALLOWED_FILTER2 or flt.nsmap.get("ds") != DS:
                            raise InvalidInput(f"XPath Filter 2.0 {flt.get('Filter')} {text!r} is not accepted")
                    if isinstance(payload, etree._Element):
                        strip_signatures(payload)
        return super()._apply_transforms(payload, transforms_node=transforms_node, signature=signature)


def locate_signature(root: etree._Element) -> tuple[etree._Element, str]:
    """The single ds:Signature and the signxml location path to it, or InputError."""
    signatures = list(root.iter(f"{{{DS}}}Signature"))
    if not signatures:
        raise InputError("the document has no XML signature")
    if len(signatures) > 1:
        raise InputError(f"the document has {len(signatures)} XML signatures; exactly one is expected")
    sig = signatures[0]
    parent = sig.getparent()
    if parent is root:
        return sig, "./"
    if parent is not None and parent.getparent() is root and etree.QName(parent).localname == "proof":
        return sig, f"./{{{etree.QName(parent).namespace}}}proof/" if etree.QName(parent).namespace else "./proof/"
    raise InputError("the XML signature is not where a seal belongs (root or its proof element)")


def _classify(sig: etree._Element, references: list[etree._Element]) -> tuple[list[int], list[int], list[int]]:
    """Indexes of (data, SignedProperties, KeyInfo) references.

    A KeyInfo reference (signxml and some DSS profiles sign the certificate)
    is one whose ``#id`` names this signature's KeyInfo or an element in it;
    every other reference except SignedProperties is a data reference.
    """
    keyinfo = sig.find("ds:KeyInfo", _NS)
    keyinfo_ids = {el.get("Id") for el in keyinfo.iter() if isinstance(el.tag, str) and el.get("Id")} if keyinfo is not None else set()
    data, props, keyinfo_refs = [], [], []
    for i, ref in enumerate(references):
        uri = ref.get("URI") or ""
        if ref.get("Type") == SIGNED_PROPERTIES_TYPE:
            props.append(i)
        elif uri.startswith("#") and uri[1:] in keyinfo_ids:
            keyinfo_refs.append(i)
        else:
            data.append(i)
    return data, props, keyinfo_refs


def _signing_cert(sig: etree._Element) -> tuple[bytes, list[bytes]]:
    """(signing certificate, all KeyInfo certificates). The first KeyInfo certificate signs (XAdES)."""
    ders = [base64.b64decode("".join((c.text or "").split())) for c in sig.iterfind("ds:KeyInfo/ds:X509Data/ds:X509Certificate", _NS)]
    if not ders:
        raise InputError("the XML signature carries no X.509 certificate")
    return ders[0], ders


def _unsigned_values(sig: etree._Element) -> tuple[list[bytes], list[bytes], list[bytes]]:
    """(certificates, CRLs, OCSP responses) from the XAdES unsigned properties."""
    def b64(path: str) -> list[bytes]:
        return [base64.b64decode("".join((e.text or "").split())) for e in sig.iterfind(path, _NS)]

    base = "ds:Object/xades:QualifyingProperties/xades:UnsignedProperties/xades:UnsignedSignatureProperties/"
    return (
        b64(base + "xades:CertificateValues/xades:EncapsulatedX509Certificate"),
        b64(base + "xades:RevocationValues/xades:CRLValues/xades:EncapsulatedCRLValue"),
        b64(base + "xades:RevocationValues/xades:OCSPValues/xades:EncapsulatedOCSPValue"),
    )


def _signature_timestamps(sig: etree._Element, anchors: tuple[bytes, ...], certs: list[bytes],
                          crls: list[bytes], ocsps: list[bytes]) -> list[TimestampResult]:
    """XAdES SignatureTimeStamp: imprint over the canonicalised ds:SignatureValue element."""
    results: list[TimestampResult] = []
    path = "ds:Object/xades:QualifyingProperties/xades:UnsignedProperties/xades:UnsignedSignatureProperties/xades:SignatureTimeStamp"
    value_el = sig.find("ds:SignatureValue", _NS)
    for ts in sig.iterfind(path, _NS):
        c14n = ts.find("ds:CanonicalizationMethod", _NS)
        algorithm = c14n.get("Algorithm") if c14n is not None else "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"
        exclusive = "exc-c14n" in (algorithm or "")
        stamped = etree.tostring(value_el, method="c14n", exclusive=exclusive, with_comments=False)
        for token in ts.iterfind("xades:EncapsulatedTimeStamp", _NS):
            der = base64.b64decode("".join((token.text or "").split()))
            results.append(check_timestamp(der, stamped, kind="SignatureTimeStamp", anchors=anchors,
                                           extra_certs=certs, crls=crls, ocsps=ocsps))
    return results


def verify_xades(raw: bytes, anchors: tuple[bytes, ...] = ()) -> tuple[SealEvidence, etree._Element | None]:
    """Verify the enveloped XAdES seal of ``raw``; return the evidence and the signed data element.

    The element is signxml's re-parsed canonical form of the data reference,
    so it contains only signed content; it is None when verification failed.
    """
    root = parse_xml(raw, what="sealed XML document")
    try:
        sig, location = locate_signature(root)
        leaf_der, keyinfo_certs = _signing_cert(sig)
        leaf = x509.load_der_x509_certificate(leaf_der)
    except (InputError, ValueError) as exc:
        return SealEvidence("XAdES", False, str(exc)), None
    claimed = parse_datetime(sig.findtext(".//xades:SignedSignatureProperties/xades:SigningTime", namespaces=_NS))
    references = sig.findall("ds:SignedInfo/ds:Reference", _NS)
    data_refs, props_refs, keyinfo_refs = _classify(sig, references)
    if len(data_refs) != 1 or len(props_refs) != 1 or len(keyinfo_refs) > 1:
        return SealEvidence("XAdES", False, "expected one data reference, SignedProperties and at most a KeyInfo "
                                            f"reference; found {len(references)} references", leaf_der), None
    config = SignatureConfiguration(
        location=location,
        expect_references=len(references),
        require_x509=True,
        signature_methods=SIGNATURE_METHODS,
        digest_algorithms=DIGESTS,
        verification_time=claimed,
    )
    try:
        results = HardenedXAdESVerifier().verify(root, x509_cert=leaf, parser=safe_parser(), expect_config=config)
    except (SignXMLException, InputError, ValueError, etree.LxmlError) as exc:
        # etree.DocumentInvalid: signxml validates the signature against the XML-DSig schema.
        reason = str(exc) or type(exc).__name__
        if "Signature verification failed" in reason:
            reason = "the signature value does not match the signed data (changed or re-formatted after sealing)"
        # An asymmetric method or digest outside the allowed set: the wallet cannot check it (HMAC stays a failure).
        unsupported = "forbidden by configuration" in reason and "hmac" not in reason.lower()
        return SealEvidence("XAdES", False, reason, leaf_der, claimed_time=claimed, unsupported=unsupported), None
    signed = results[data_refs[0]].signed_xml
    if signed is None:
        return SealEvidence("XAdES", False, "the signed data is not XML", leaf_der), None
    props = results[props_refs[0]].signed_xml
    signed_time = parse_datetime(props.findtext(".//xades:SigningTime", namespaces=_NS)) if props is not None else None
    try:
        certs, crls, ocsps = _unsigned_values(sig)
        others = tuple(keyinfo_certs[1:]) + tuple(certs)
        stamps = _signature_timestamps(sig, anchors, list(others), crls, ocsps)
    except ValueError as exc:  # undecodable base64 in the unsigned properties
        return SealEvidence("XAdES", False, f"the seal's unsigned properties are malformed ({exc})", leaf_der), None
    method = sig.find("ds:SignedInfo/ds:SignatureMethod", _NS)
    return (
        SealEvidence(
            "XAdES",
            True,
            "XAdES signature valid over the signed data; signing certificate bound by SigningCertificateV2",
            leaf_der,
            others,
            tuple(crls),
            tuple(ocsps),
            signed_time or claimed,
            tuple(stamps),
            method.get("Algorithm", "").rsplit("#", 1)[-1] if method is not None else None,
        ),
        signed,
    )


def signing_time_of(raw: bytes) -> datetime | None:
    """The claimed SigningTime (for display before verification)."""
    root = parse_xml(raw)
    return parse_datetime(root.findtext(".//xades:SigningTime", namespaces=_NS))
