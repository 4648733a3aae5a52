"""W3C Data Integrity proofs: verify (sets and chains) and sign.

Suites: eddsa-rdfc-2022 (also 'eddsa-2022'), eddsa-jcs-2022, ecdsa-rdfc-2019
and ecdsa-jcs-2019 (P-256, P-384), Ed25519Signature2020, Ed25519Signature2018.
"""

from wallet.verify.dataintegrity.checks import credential_proof_checks
from wallet.verify.dataintegrity.proofs import ProofResult, verify_proofs
from wallet.verify.dataintegrity.signing import sign
from wallet.verify.dataintegrity.suites import SUITES, ProofError, suite_of

__all__ = ["SUITES", "ProofError", "ProofResult", "credential_proof_checks", "sign", "suite_of", "verify_proofs"]
