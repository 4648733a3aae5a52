"""Offline verification of European Digital Credential seals (JAdES, XAdES) and EU trusted lists.

Entry points used by the verification engine and the CLI:

* :func:`verify_edc` -- the EDCI-named checks for EDC_JADES, EDC_JSONLD and EDCI_XML;
* :func:`load_trust_snapshot` / :class:`TrustSnapshot` -- a verified, dated
  trusted-list snapshot, stored in the vault as evidence kind ``trust-snapshot``;
* :func:`snapshot_date` -- the date to print in reports.
"""

from __future__ import annotations

from wallet.messages import msg
from wallet.model import Check, CheckId, CheckStatus, Credential, CredentialFormat
from wallet.verify.context import VerificationContext
from wallet.verify.seals.checks import compose
from wallet.verify.seals.trustlist import TrustSnapshot, load_trust_snapshot, snapshot_date

EDC_FORMATS = (CredentialFormat.EDC_JADES, CredentialFormat.EDC_JSONLD, CredentialFormat.EDCI_XML)
TRUST_SNAPSHOT_KIND = "trust-snapshot"


def verify_edc(cred: Credential, ctx: VerificationContext) -> list[Check]:
    """format, signature (the seal; essential), issuer-trusted, status, validity, accreditation for one EDC.

    Pure: reads only ``cred.raw`` and ``ctx`` (clock, trusted-list snapshot,
    user anchors); never fetches anything.
    """
    if cred.format not in EDC_FORMATS:
        return [Check(CheckId.FORMAT, CheckStatus.FAILED, msg("seal.not_edc", fmt=cred.format.value))]
    return compose(cred, ctx)


def verify_edc_checks(cred: Credential, ctx: VerificationContext, _hint: object = None) -> list[Check]:
    """:func:`verify_edc` as the format registry calls it (``wallet.formats.registry``)."""
    return verify_edc(cred, ctx)


__all__ = ["verify_edc_checks", "verify_edc", "load_trust_snapshot", "TrustSnapshot", "snapshot_date", "TRUST_SNAPSHOT_KIND", "EDC_FORMATS"]
