"""The qualified electronic seal profile of a seal certificate (ETSI EN 319 412).

EDCI accepts qualified eSeals only by default, so the report says which
markers of a qualified seal the certificate carries: QcCompliance, QcType
eseal, QSCD, the QCP-l / QCP-l-qscd policies, keyUsage nonRepudiation and an
organisationIdentifier. These are *claims by the CA*; they mean something only
once the path is anchored in a trusted list's CA/QC service (see trustlist).
"""

from __future__ import annotations

from dataclasses import dataclass

from asn1crypto import core
from asn1crypto import x509 as asn1_x509

QC_STATEMENTS_OID = "1.3.6.1.5.5.7.1.3"
QC_COMPLIANCE = "0.4.0.1862.1.1"
QC_SSCD = "0.4.0.1862.1.4"
QC_TYPE = "0.4.0.1862.1.6"
QC_TYPE_ESEAL = "0.4.0.1862.1.6.2"
QC_TYPE_ESIGN = "0.4.0.1862.1.6.1"
POLICY_QCP_L = "0.4.0.194112.1.1"
POLICY_QCP_L_QSCD = "0.4.0.194112.1.3"
ORGANISATION_IDENTIFIER_OID = "2.5.4.97"


@dataclass(frozen=True)
class SealProfile:
    """What the seal certificate says about itself."""

    subject_o: str | None
    subject_cn: str | None
    organisation_identifier: str | None
    country: str | None
    qc_compliance: bool
    qc_type_eseal: bool
    qc_sscd: bool
    policies: tuple[str, ...]
    non_repudiation: bool

    @property
    def qualified_eseal(self) -> bool:
        """All the markers of a qualified eSeal (EN 319 412-5 and 319 411-2)."""
        return (
            self.qc_compliance
            and self.qc_type_eseal
            and self.non_repudiation
            and bool(self.organisation_identifier)
            and (POLICY_QCP_L in self.policies or POLICY_QCP_L_QSCD in self.policies)
        )

    def describe(self) -> str:
        org = self.subject_o or self.subject_cn or "unknown organisation"
        marks = []
        marks.append("QcCompliance" if self.qc_compliance else "no QcCompliance")
        marks.append("QcType eseal" if self.qc_type_eseal else "no QcType eseal")
        if self.qc_sscd:
            marks.append("QSCD")
        pol = [p for p in self.policies if p in (POLICY_QCP_L, POLICY_QCP_L_QSCD)]
        marks.append("policy " + "/".join(pol) if pol else "no QCP-l policy")
        marks.append("nonRepudiation" if self.non_repudiation else "no nonRepudiation key usage")
        ident = f", organisationIdentifier {self.organisation_identifier}" if self.organisation_identifier else ""
        kind = "qualified eSeal certificate" if self.qualified_eseal else "seal certificate (not all qualified-eSeal markers)"
        return f"{kind} of {org}{ident} ({', '.join(marks)})"


def _name_value(name: asn1_x509.Name, key: str) -> str | None:
    native = name.native
    value = native.get(key) if isinstance(native, dict) else None
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value) if value is not None else None


class _QcStatement(core.Sequence):
    _fields = [("statement_id", core.ObjectIdentifier), ("statement_info", core.Any, {"optional": True})]


class _QcStatements(core.SequenceOf):
    _child_spec = _QcStatement


class _QcTypes(core.SequenceOf):
    _child_spec = core.ObjectIdentifier


def _qc_statements(cert: asn1_x509.Certificate) -> tuple[set[str], set[str]]:
    """(statement OIDs, QcType OIDs), parsed with a minimal local ASN.1 spec (RFC 3739)."""
    statements: set[str] = set()
    qc_types: set[str] = set()
    for ext in cert["tbs_certificate"]["extensions"]:
        if ext["extn_id"].dotted != QC_STATEMENTS_OID:
            continue
        for stmt in _QcStatements.load(ext["extn_value"].contents):
            oid = stmt["statement_id"].dotted
            statements.add(oid)
            info = stmt["statement_info"]
            if oid == QC_TYPE and info.contents is not None and not isinstance(info, core.Void):
                for qc_type in _QcTypes.load(info.dump()):
                    qc_types.add(qc_type.dotted)
    return statements, qc_types


def seal_profile(cert_der: bytes) -> SealProfile:
    """Read the qualified-seal markers from a DER certificate."""
    cert = asn1_x509.Certificate.load(cert_der)
    subject = cert.subject
    org_id = None
    for rdn in subject.chosen:
        for attr in rdn:
            if attr["type"].dotted == ORGANISATION_IDENTIFIER_OID:
                org_id = str(attr["value"].native)
    statements, qc_types = _qc_statements(cert)
    policies: list[str] = []
    if cert.certificate_policies_value is not None:
        policies = [p["policy_identifier"].dotted for p in cert.certificate_policies_value]
    key_usage = cert.key_usage_value.native if cert.key_usage_value is not None else set()
    return SealProfile(
        subject_o=_name_value(subject, "organization_name"),
        subject_cn=_name_value(subject, "common_name"),
        organisation_identifier=org_id or _name_value(subject, "organization_identifier"),
        country=_name_value(subject, "country_name"),
        qc_compliance=QC_COMPLIANCE in statements,
        qc_type_eseal=QC_TYPE_ESEAL in qc_types,
        qc_sscd=QC_SSCD in statements,
        policies=tuple(policies),
        non_repudiation="non_repudiation" in key_usage,
    )
