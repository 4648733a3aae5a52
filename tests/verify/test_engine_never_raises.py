"""The engine never raises for a credential, and a batch always finishes with a report per file (issue 11)."""

from __future__ import annotations

import copy
import json
import logging
from pathlib import Path
from typing import Any

import pytest

from tests.verify.helpers import NOW, ctx, ob3_credential, raw, signed
from wallet.cli import main
from wallet.verify import engine
from wallet.verify.engine import verify_bytes

SECRET = "Grade-A-plus-secret-marker"


def _poison() -> bytes:
    """The issue's real poison: a signed credential whose issuer name is {"@type": null, "type": null}."""
    doc = copy.deepcopy(signed(ob3_credential()))
    doc["issuer"]["name"] = {"@type": None, "type": None}
    return raw(doc)


def _good() -> bytes:
    return raw(signed(ob3_credential(name=SECRET)))


def _boom(*_args: Any, **_kwargs: Any) -> Any:
    raise ZeroDivisionError("internal detail " + SECRET)


def test_an_exception_inside_a_check_becomes_a_not_checked_check(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(engine, "credential_proof_checks", _boom)
    with caplog.at_level(logging.ERROR, logger="wallet.verify.engine"):
        cred, report = verify_bytes(_good(), ctx())
    assert cred is not None
    check = report.check("verification")
    assert check is not None and check.status.value == "not-checked" and check.essential
    assert report.verdict.value == "cannot-verify-offline"  # never valid, never "forged"
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "ZeroDivisionError" in logged
    assert SECRET not in logged  # the exception's text may quote the credential: never logged
    assert SECRET not in check.explained


def test_an_exception_while_parsing_becomes_a_format_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "parse_for_verification", _boom)
    cred, report = verify_bytes(_good(), ctx())
    assert cred is None and report.verdict.value == "invalid"
    assert "internal error" in report.checks[0].explained


def test_embedded_credentials_are_contained_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """A presentation whose credential crashes a check still reports the presentation."""
    from tests.verify.helpers import HOLDER
    from wallet.verify.dataintegrity.signing import sign

    vp = {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
          "holder": HOLDER.did, "verifiableCredential": [signed(ob3_credential())]}
    vp = sign(vp, HOLDER.key, HOLDER.vm, "eddsa-rdfc-2022", created="2025-01-01T00:00:00Z",
              proof_purpose="authentication")
    real = engine.ldp_credential_checks
    monkeypatch.setattr(engine, "ldp_credential_checks", _boom)
    _, report = verify_bytes(raw(vp), ctx())
    monkeypatch.setattr(engine, "ldp_credential_checks", real)
    assert report.check("presentation-signature") is not None
    summary = report.check("credential[0]")
    assert summary is not None and summary.status.value == "not-checked" and "internal error" in summary.explained


def test_verify_batch_reports_every_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`wallet verify good.json poison.json` printed "unexpected error (AttributeError)" and stopped."""
    good, poison = tmp_path / "good.json", tmp_path / "poison.json"
    good.write_bytes(_good())
    poison.write_bytes(_poison())
    code = main(["verify", "--json", "--now", NOW.isoformat(), str(poison), str(good)])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [Path(x["file"]).name for x in lines] == ["poison.json", "good.json"]
    assert lines[0]["verdict"] == "invalid" and lines[1]["verdict"] == "valid-with-warnings"
    assert code == 6


def test_verify_batch_finishes_when_a_check_crashes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    files = []
    for i in range(2):
        files.append(tmp_path / f"c{i}.json")
        files[-1].write_bytes(_good())
    monkeypatch.setattr(engine, "credential_proof_checks", _boom)
    main(["verify", "--json", "--now", NOW.isoformat(), *map(str, files)])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [x["verdict"] for x in lines] == ["cannot-verify-offline", "cannot-verify-offline"]


def test_import_batch_stores_the_good_file_and_refuses_the_poison(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Importing a valid file together with a crashing one stored nothing; now the good one is stored."""
    monkeypatch.setenv("WALLET_PASSPHRASE", "engine never raises")
    vault = str(tmp_path / "v.db")
    assert main(["init", "--vault", vault, "--kdf-memory-mib", "64"]) == 0
    good, poison = tmp_path / "good.json", tmp_path / "poison.json"
    good.write_bytes(_good())
    poison.write_bytes(_poison())
    capsys.readouterr()
    main(["import", "--vault", vault, "--json", str(poison), str(good)])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    outcomes = {Path(r["file"]).name: r["outcome"] for r in rows}
    assert outcomes == {"poison.json": "invalid", "good.json": "imported"}
