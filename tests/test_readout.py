"""What a report means to its owner, in one line per state (wallet/readout.py, issue 16)."""

from __future__ import annotations

from datetime import UTC, datetime

from wallet.messages import msg, render
from wallet.model import Check, CheckId, CheckStatus, CredentialFormat, VerificationReport
from wallet.readout import State, credential_state, state_line

AS_OF = datetime(2026, 11, 5, 9, 30, tzinfo=UTC)
P, F, W, N = CheckStatus.PASSED, CheckStatus.FAILED, CheckStatus.WARNING, CheckStatus.NOT_CHECKED


def report(*checks: Check) -> VerificationReport:
    base = [Check(CheckId.SIGNATURE, P, msg("proof.ok"), essential=True)]
    return VerificationReport(CredentialFormat.VC_LDP, tuple(base + list(checks)), AS_OF)


def line(r: VerificationReport, lang: str = "en") -> str:
    return render(state_line(r), (lang,))


def test_each_state_says_what_makes_it_specific() -> None:
    expired = report(Check(CheckId.VALIDITY, F, msg("validity.expired", end="2025-03-03T00:00:00Z")))
    assert credential_state(expired).state is State.EXPIRED
    assert line(expired) == "Expired on 3 Mar 2025" and line(expired, "sl") == "Poteklo 3. 3. 2025"
    revoked = report(Check(CheckId.STATUS, F, msg("status.revoked")))
    assert line(revoked) == "Revoked (found on 5 Nov 2026)"
    unchecked = report(Check(CheckId.STATUS, N, msg("status.offline")))
    assert credential_state(unchecked).state is State.STATUS_UNCHECKED
    assert "connect to check" in line(unchecked)
    note = report(Check(CheckId.ISSUER_TRUSTED, W, msg("trust.not_listed")))
    assert line(note) == "Valid, with a note: issuer not in your trust store"
    cannot = VerificationReport(CredentialFormat.VC_LDP, (
        Check(CheckId.SIGNATURE, N, msg("proof.key_offline"), essential=True),), AS_OF)
    assert line(cannot).startswith("Cannot be checked: ") and "connect to the internet" in line(cannot)
    forged = report(Check(CheckId.ISSUER_KEY, F, msg("issuer_key.other")))
    assert line(forged) == "Changed or forged"
    assert line(report()) == "Valid"


def test_no_line_leaks_an_id_or_a_timestamp() -> None:
    for r in (report(Check(CheckId.VALIDITY, F, msg("validity.expired", end="2025-03-03T10:11:12.123456+00:00"))),
              report(Check(CheckId.STATUS, F, msg("status.revoked", url="https://issuer.example/status/1")))):
        for lang in ("en", "sl"):
            text = line(r, lang)
            assert "http" not in text and ".123456" not in text and "T10" not in text
