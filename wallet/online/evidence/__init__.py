"""Evidence fetchers: one module per kind, each returning :class:`Evidence` records as fetched.

Shape is checked here, trust is not: the records go to the vault's evidence
cache and ``wallet.verify`` checks signatures from there, offline, later.
"""

from wallet.online.evidence.contexts import fetch_context
from wallet.online.evidence.did_web import did_web_url, fetch_did_document
from wallet.online.evidence.fetch import NeedResult, fetch_need, fetch_needs
from wallet.online.evidence.jwt_vc_issuer import fetch_jwt_vc_issuer, metadata_urls
from wallet.online.evidence.needs import evidence_needs, merge_needs
from wallet.online.evidence.ob2 import fetch_ob2_documents, fetch_ob2_hosted
from wallet.online.evidence.record import Evidence, EvidenceKind, EvidenceNeed
from wallet.online.evidence.status_lists import fetch_status_list, fetch_token_status_list
from wallet.online.evidence.trusted_lists import EU_LOTL_URL, fetch_trusted_list, fetch_trusted_lists, lotl_pointers

__all__ = [
    "EU_LOTL_URL", "Evidence", "EvidenceKind", "EvidenceNeed", "NeedResult", "did_web_url", "evidence_needs",
    "fetch_context", "fetch_did_document", "fetch_jwt_vc_issuer", "fetch_need", "fetch_needs",
    "fetch_ob2_documents", "fetch_ob2_hosted", "fetch_status_list", "fetch_token_status_list",
    "fetch_trusted_list", "fetch_trusted_lists", "lotl_pointers", "merge_needs", "metadata_urls",
]
