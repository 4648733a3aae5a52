"""Every model passes Qt's model tester; the credential filter and sort behave."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from wallet.app.credentials import CredentialRow, row_from_parsed
from wallet.messages import msg
from wallet.model import Check, CheckId, CheckStatus, CredentialFormat, VerificationReport
from wallet.ui.models.credentials import COL_TITLE, CredentialFilter, CredentialsModel
from wallet.ui.models.results import ImportResultsModel
from wallet.ui.models.trust import TrustModel


def ident(i: int) -> str:
    return "id" + chr(97 + i % 26) + chr(97 + i // 26)


def rows(n: int) -> list[CredentialRow]:
    out = []
    for i in range(n):
        parsed = {
            "title": {"en": f"Course {i:03d}", "sl": f"Tečaj {i:03d}"},
            "issuer": {"id": f"did:key:issuer{i % 3}", "name": {"en": f"Issuer {i % 3}"}},
            "issued": f"2024-01-{(i % 28) + 1:02d}T00:00:00+00:00",
        }
        report = {"verdict": ("valid", "invalid", "valid-with-warnings")[i % 3],
                  "state": ("valid", "revoked", "valid-note")[i % 3]}
        out.append(row_from_parsed(ident(i), ("vc-ldp", "vc-jwt")[i % 2], parsed, report,
                                   datetime(2025, 1, 1, tzinfo=UTC), ("en",)))
    return out


def test_credentials_model_and_filter_pass_the_model_tester(qtmodeltester) -> None:
    model = CredentialsModel()
    model.set_rows(rows(12))
    qtmodeltester.check(model)
    proxy = CredentialFilter()
    proxy.setSourceModel(model)
    proxy.set_search("course 00")
    qtmodeltester.check(proxy)


def test_filter_by_text_issuer_format_state_and_target() -> None:
    model = CredentialsModel()
    model.set_rows(rows(30))
    proxy = CredentialFilter()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 30
    proxy.set_search("course 01")
    assert proxy.rowCount() == 11  # Course 001 and Course 010..019
    proxy.set_search("")
    proxy.set_filters(issuer="did:key:issuer1")
    assert proxy.rowCount() == 10
    proxy.set_filters(issuer="", format="vc-jwt")
    assert proxy.rowCount() == 15
    proxy.set_filters(format="", state="revoked")
    assert proxy.rowCount() == 10
    proxy.set_filters(state="", target_ids=frozenset({ident(1), ident(2)}))
    assert proxy.rowCount() == 2
    proxy.set_filters(target_ids=None)
    assert proxy.rowCount() == 30


def test_search_is_case_insensitive_and_word_based() -> None:
    model = CredentialsModel()
    model.set_rows(rows(5))
    proxy = CredentialFilter()
    proxy.setSourceModel(model)
    proxy.set_search("ISSUER 2   course")
    assert proxy.rowCount() == 1


def test_sorting_happens_in_the_source_and_keeps_the_filter() -> None:
    model = CredentialsModel()
    model.set_rows(rows(20))
    proxy = CredentialFilter()
    proxy.setSourceModel(model)
    proxy.set_filters(state="valid")
    proxy.sort(COL_TITLE, Qt.SortOrder.AscendingOrder)
    titles = [proxy.index(r, COL_TITLE).data() for r in range(proxy.rowCount())]
    assert titles == sorted(titles)
    assert len(titles) == 7
    proxy.sort(COL_TITLE, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, COL_TITLE).data() for r in range(proxy.rowCount())] == sorted(titles, reverse=True)


def test_checks_are_plain_words_that_wrap(qapp) -> None:
    """The checks are rich text (no table cell cuts a reason with "…"); the check's id is not in the words."""
    from wallet.ui.elements import checks_html

    report = VerificationReport(CredentialFormat.VC_LDP, (
        Check(CheckId.SIGNATURE, CheckStatus.PASSED, msg("signature.ok", suite="eddsa-rdfc-2022"), True),
        Check(CheckId.STATUS, CheckStatus.FAILED, msg("status.revoked")),
        Check(CheckId.ISSUER_TRUSTED, CheckStatus.WARNING, msg("trust.not_listed")),
    ), datetime(2026, 1, 1, tzinfo=UTC))
    from html import unescape

    html = unescape(checks_html(report))
    assert "Issuer's signature *" in html and "FAILED" in html and "Revoked: the issuer has revoked" in html
    assert "eddsa-rdfc-2022" not in html and "issuer-trusted" not in html


def test_results_and_trust_models(qtmodeltester) -> None:
    from wallet.app.importing import ImportResult, Outcome

    results = ImportResultsModel()
    results.set_results([ImportResult("a.json", Outcome.IMPORTED, msg("import.stored", state="valid"), "abc", "Title",
                                      "valid"),
                         ImportResult("b.txt", Outcome.INVALID, msg("import.unreadable"))])
    qtmodeltester.check(results)
    assert results.index(1, 1).data() == "Not imported"
    trust = TrustModel("Identifier")
    trust.set_rows([("did:key:z6Mk", "Demo issuer")])
    qtmodeltester.check(trust)
    assert trust.index(0, 0).data() == "Demo issuer"


def test_targets_model(qtmodeltester) -> None:
    from wallet.stacking import bundled_targets, progress
    from wallet.ui.models.targets import PROGRESS_ROLE, TargetsModel, TargetsProxy

    items = [progress(t, []) for t in bundled_targets()]
    model = TargetsModel()
    model.set_progress(items)
    qtmodeltester.check(model)
    proxy = TargetsProxy()
    proxy.setSourceModel(model)
    proxy.sort(1)
    qtmodeltester.check(proxy)
    assert model.index(0, 1).data(PROGRESS_ROLE) == 0
