"""A dated, verified snapshot of the EU trusted lists (LOTL + national TLs), used offline.

Loading (the one user-triggered step, from files the user downloaded or from
the bytes ``wallet refresh`` fetched):
the LOTL's XAdES seal must verify and its signer must be one of the
certificates the LOTL itself announces for the EU pointer (the Official
Journal keys cannot be checked offline; that is said in every report).
Each national TL must verify and be signed by a certificate the LOTL lists
for its territory. Only CA/QC services (the issuers of qualified seal
certificates) and TSA/QTST services are kept, with their status history, so
"granted at the signing time" and "ForeSeals" can be decided later without
the XML. The snapshot serialises to canonical JSON for the vault.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.x509.oid import NameOID
from lxml import etree

from wallet.errors import InputError
from wallet.formats.safe_xml import parse_xml
from wallet.util.dates import parse_datetime
from wallet.verify.seals.xades import verify_xades

TSL = "http://uri.etsi.org/02231/v2#"
_NS = {"t": TSL}
LOTL_TYPE = "http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUlistofthelists"
CA_QC = "http://uri.etsi.org/TrstSvc/Svctype/CA/QC"
TSA_QTST = "http://uri.etsi.org/TrstSvc/Svctype/TSA/QTST"
GRANTED = ("http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted",
           "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/undersupervision",
           "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/accredited",
           "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/supervisionincessation")
FOR_ESEALS = "http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForeSeals"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class ServicePeriod:
    """One status period of a trust service: [start, end) with end None for the current one."""

    status: str
    start: str
    end: str | None


@dataclass(frozen=True)
class TrustedService:
    territory: str
    tsp: str
    name: str
    service_type: str
    certificates: tuple[str, ...]  # base64 DER
    periods: tuple[ServicePeriod, ...]
    additional_info: tuple[str, ...]

    def granted_at(self, when: datetime) -> bool:
        for p in self.periods:
            start = parse_datetime(p.start)
            end = parse_datetime(p.end) if p.end else None
            if start and start <= when and (end is None or when < end):
                return p.status in GRANTED
        return False

    @property
    def for_eseals(self) -> bool:
        return FOR_ESEALS in self.additional_info


@dataclass(frozen=True)
class ListSource:
    territory: str
    sequence: str
    issued: str
    next_update: str | None
    sha256: str
    signer: str
    signature: str  # human sentence: how the list's seal was checked


@dataclass(frozen=True)
class TrustSnapshot:
    """Verified trusted-list content as of ``issued`` (the LOTL's ListIssueDateTime)."""

    issued: str
    next_update: str | None
    sources: tuple[ListSource, ...]
    services: tuple[TrustedService, ...]
    warnings: tuple[str, ...] = ()

    @property
    def date(self) -> str:
        return self.issued[:10]

    def anchors_for(self, when: datetime, service_type: str = CA_QC, eseal: bool = True) -> list[bytes]:
        """DER certificates of services of ``service_type`` granted at ``when`` (ForeSeals if asked)."""
        out: list[bytes] = []
        for svc in self.services:
            if svc.service_type == service_type and svc.granted_at(when) and (not eseal or svc.for_eseals):
                out += [base64.b64decode(c) for c in svc.certificates]
        return out

    def to_bytes(self) -> bytes:
        body = {"format": "wallet-trust-snapshot", "version": FORMAT_VERSION, **asdict(self)}
        return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")

    @staticmethod
    def from_bytes(data: bytes) -> TrustSnapshot:
        try:
            body = json.loads(data.decode("utf-8"))
            if body.get("format") != "wallet-trust-snapshot" or body.get("version") != FORMAT_VERSION:
                raise InputError("This is not a trust snapshot this version of the wallet can read.")
            return TrustSnapshot(
                issued=body["issued"],
                next_update=body.get("next_update"),
                sources=tuple(ListSource(**s) for s in body["sources"]),
                services=tuple(
                    TrustedService(**{**s, "certificates": tuple(s["certificates"]),
                                      "periods": tuple(ServicePeriod(**p) for p in s["periods"]),
                                      "additional_info": tuple(s["additional_info"])})
                    for s in body["services"]
                ),
                warnings=tuple(body.get("warnings", ())),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError("The stored trust snapshot is damaged.") from exc


def snapshot_date(snapshot: Any) -> str | None:
    """The date shown in reports ("trusted lists as of YYYY-MM-DD"), or None without a snapshot."""
    return snapshot.date if isinstance(snapshot, TrustSnapshot) else None


def _text(el: etree._Element | None, path: str) -> str:
    return (el.findtext(path, namespaces=_NS) or "").strip() if el is not None else ""


def _certs(el: etree._Element) -> list[str]:
    return ["".join((c.text or "").split()) for c in el.iterfind(".//t:DigitalId/t:X509Certificate", _NS)]


def _name(el: etree._Element | None, path: str) -> str:
    if el is None:
        return ""
    names = el.findall(path, _NS)
    for n in names:
        if n.get("{http://www.w3.org/XML/1998/namespace}lang") == "en":
            return (n.text or "").strip()
    return (names[0].text or "").strip() if names else ""


def _services(tl: etree._Element, territory: str) -> list[TrustedService]:
    out: list[TrustedService] = []
    for tsp in tl.iterfind("t:TrustServiceProviderList/t:TrustServiceProvider", _NS):
        tsp_name = _name(tsp.find("t:TSPInformation", _NS), "t:TSPName/t:Name")
        for svc in tsp.iterfind("t:TSPServices/t:TSPService", _NS):
            info = svc.find("t:ServiceInformation", _NS)
            stype = _text(info, "t:ServiceTypeIdentifier")
            if stype not in (CA_QC, TSA_QTST):
                continue
            periods = [ServicePeriod(_text(info, "t:ServiceStatus"), _text(info, "t:StatusStartingTime"), None)]
            later = periods[0].start
            for hist in svc.iterfind("t:ServiceHistory/t:ServiceHistoryInstance", _NS):
                start = _text(hist, "t:StatusStartingTime")
                periods.append(ServicePeriod(_text(hist, "t:ServiceStatus"), start, later))
                later = start
            extra = [(e.text or "").strip() for e in info.iterfind(
                "t:ServiceInformationExtensions/t:Extension/t:AdditionalServiceInformation/t:URI", _NS)]
            out.append(TrustedService(territory, tsp_name, _name(info, "t:ServiceName/t:Name"), stype,
                                      tuple(_certs(info.find("t:ServiceDigitalIdentity", _NS)) if info.find("t:ServiceDigitalIdentity", _NS) is not None else ()),
                                      tuple(periods), tuple(extra)))
    return out


def _signer_sha(evidence_leaf: bytes | None) -> str:
    return hashlib.sha256(evidence_leaf or b"").hexdigest()


def load_trust_snapshot(paths: list[Path]) -> TrustSnapshot:
    """Load and verify an EU LOTL plus national TLs from files; raise InputError if the LOTL cannot be trusted."""
    return load_trust_snapshot_bytes([(Path(p).name, Path(p).read_bytes()) for p in paths])


def _who(der: bytes | None) -> str:
    """A certificate as a reader can recognise it: its subject's common name (or whole subject) and SHA-256."""
    digest = hashlib.sha256(der or b"").hexdigest()
    try:
        cert = x509.load_der_x509_certificate(der or b"")
        names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        subject = str(names[0].value) if names else cert.subject.rfc4514_string()
    except ValueError:
        subject = "an unreadable certificate"
    return f"{subject} (SHA-256 {digest[:16]}…)"


def load_trust_snapshot_bytes(documents: Sequence[tuple[str, bytes]]) -> TrustSnapshot:
    """Load and verify an EU LOTL plus national TLs given as (name, bytes), e.g. as fetched online.

    The LOTL's seal must verify with one of the certificates the LOTL itself
    publishes for the EU scheme; the snapshot's warnings say which one was used
    and that the Official Journal's publication of those keys was not checked.
    """
    docs: list[tuple[bytes, etree._Element]] = []
    for name, raw in documents:
        docs.append((raw, parse_xml(raw, what=f"trusted list {name}")))
    lotls = [(r, d) for r, d in docs if _text(d, "t:SchemeInformation/t:TSLType") == LOTL_TYPE]
    if len(lotls) != 1:
        raise InputError(f"Expected exactly one EU list of trusted lists among the files, found {len(lotls)}.")
    lotl_raw, _ = lotls[0]
    evidence, signed_lotl = verify_xades(lotl_raw)
    if not evidence.intact or signed_lotl is None:
        raise InputError(f"The EU list of trusted lists does not verify: {evidence.reason}.")
    info = signed_lotl.find("t:SchemeInformation", _NS)
    pointers: dict[str, set[str]] = {}
    for ptr in info.iterfind("t:PointersToOtherTSL/t:OtherTSLPointer", _NS):
        terr = (ptr.findtext(".//t:SchemeTerritory", namespaces=_NS) or "").strip()
        pointers.setdefault(terr, set()).update(_certs(ptr))
    lotl_signer = base64.b64encode(evidence.leaf_der or b"").decode()
    if lotl_signer not in pointers.get("EU", set()):
        raise InputError("The EU list of trusted lists is signed by a key it does not announce for itself.")
    announced = len(pointers.get("EU", set()))
    used = _who(evidence.leaf_der)
    warnings = ["The LOTL signing key was checked against the LOTL's own pointer, not against the Official Journal.",
                f"The LOTL's seal was verified with {used}, one of the {announced} keys the LOTL publishes for itself."]
    sources = [ListSource("EU", _text(info, "t:TSLSequenceNumber"), _text(info, "t:ListIssueDateTime"),
                          _text(info, "t:NextUpdate/t:dateTime") or None, hashlib.sha256(lotl_raw).hexdigest(),
                          _signer_sha(evidence.leaf_der), f"XAdES valid; signed by {used}, announced by the LOTL")]
    services: list[TrustedService] = []
    for raw, doc in docs:
        if raw is lotl_raw:
            continue
        ev, signed = verify_xades(raw)
        terr = _text(doc, "t:SchemeInformation/t:SchemeTerritory") or "?"
        if not ev.intact or signed is None:
            warnings.append(f"Trusted list {terr} skipped: its seal does not verify ({ev.reason}).")
            continue
        signer = base64.b64encode(ev.leaf_der or b"").decode()
        sinfo = signed.find("t:SchemeInformation", _NS)
        terr = _text(sinfo, "t:SchemeTerritory")
        if signer not in pointers.get(terr, set()):
            warnings.append(f"Trusted list {terr} skipped: its signer is not one the LOTL lists for {terr}.")
            continue
        sources.append(ListSource(terr, _text(sinfo, "t:TSLSequenceNumber"), _text(sinfo, "t:ListIssueDateTime"),
                                  _text(sinfo, "t:NextUpdate/t:dateTime") or None, hashlib.sha256(raw).hexdigest(),
                                  _signer_sha(ev.leaf_der),
                                  f"XAdES valid; signed by {_who(ev.leaf_der)}, announced by the LOTL for {terr}"))
        services += _services(signed, terr)
    return TrustSnapshot(
        issued=_text(info, "t:ListIssueDateTime"),
        next_update=_text(info, "t:NextUpdate/t:dateTime") or None,
        sources=tuple(sources),
        services=tuple(services),
        warnings=tuple(warnings),
    )
