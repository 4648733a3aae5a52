"""Verifying a received bundle (file bytes or link) and its plain-language summary."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from wallet.cli import main
from wallet.errors import InputError
from wallet.model import Verdict
from wallet.sharing.bundle import make_bundle
from wallet.sharing.link import encode_link
from wallet.sharing.received import verify_received
from wallet.verify.context import VerificationContext

from .test_bundle import JWT, LDP, NOW, issued_to, load


@pytest.fixture()
def own_bundle(holder: tuple[Ed25519PrivateKey, str]) -> bytes:
    key, did = holder
    return make_bundle([issued_to(did)], key, did, challenge="n-1", domain="hr.example",
                       expires=NOW + timedelta(days=30), now=NOW).to_bytes()


def test_file_and_link_give_the_same_result(own_bundle: bytes) -> None:
    ctx = VerificationContext(now=NOW, challenge="n-1", domain="hr.example")
    from_file = verify_received(own_bundle, ctx)
    from_link = verify_received(encode_link(own_bundle), ctx)
    assert from_link.from_link and not from_file.from_link
    assert from_file.verdict is from_link.verdict
    assert from_file.verdict in (Verdict.VALID, Verdict.VALID_WITH_WARNINGS)
    assert from_file.raw == from_link.raw == own_bundle
    assert len(from_file.credentials) == 1 and from_file.credentials[0].credential is not None


def test_summary_for_a_non_expert(own_bundle: bytes) -> None:
    received = verify_received(own_bundle, VerificationContext(now=NOW, challenge="n-1", domain="hr.example"))
    lines = received.summary_lines()
    assert lines[0] == "Checks out: a bundle of 1 credential."
    assert received.readout.headline.value == "checks-out"
    assert any("their signature on the bundle is valid" in line for line in lines)
    card = next(line for line in lines if "Data Literacy for Teachers" in line)
    assert "Issued by did:key:" in card and "— verified —" in card and "not expired" in card
    assert card.endswith("belongs to the presenter")
    assert "accepted until 24 Dec 2026, 06:00 UTC" in " ".join(lines)
    assert lines[-1].startswith("Checked offline as of 24 Nov 2026")
    data = received.to_json()
    assert data["credentials"][0]["verdict"] in ("valid", "valid-with-warnings")
    json.dumps(data)  # serialisable


def test_failures_are_said_plainly(corpus_dir: Path, holder: tuple[Ed25519PrivateKey, str]) -> None:
    key, did = holder
    creds = [load(corpus_dir, LDP[0]), load(corpus_dir, "ob3-eddsa-rdfc-2022.expired.001.json"),
             load(corpus_dir, JWT[0])]
    bundle = make_bundle(creds, key, did, challenge="n-1", now=NOW, expires=NOW + timedelta(days=1)).to_bytes()
    received = verify_received(bundle, VerificationContext(now=NOW, challenge="wrong"))
    assert received.verdict is Verdict.INVALID
    lines = received.summary_lines()
    assert lines[0].startswith("Do not rely on this: a bundle of 3 credentials")
    assert any("made for a different challenge" in line for line in lines)
    assert any("EXPIRED" in line for line in lines)
    assert sum("issued to SOMEONE ELSE" in line for line in lines) == 3
    assert [c.credential.format.value for c in received.credentials if c.credential] == \
        ["vc-ldp", "vc-ldp", "vc-enveloped"]


@pytest.mark.parametrize("data, reason", [
    (b"\x89PNG\r\n", "neither a bundle"),
    ("wallet:/open#v=1&b=", "empty"),
    ("not a link at all", "no '#'"),
])
def test_not_a_bundle(data: bytes | str, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        verify_received(data, VerificationContext(now=NOW))


def test_single_credential_is_not_a_bundle(corpus_dir: Path) -> None:
    with pytest.raises(InputError, match="not a bundle"):
        verify_received((corpus_dir / LDP[0]).read_bytes(), VerificationContext(now=NOW))


def test_cli_verify_bundle(own_bundle: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "b.vp.json"
    path.write_bytes(own_bundle)
    now = ["--now", "2026-11-24T06:00:00Z"]
    assert main(["verify-bundle", str(path), "--challenge", "n-1", "--domain", "hr.example", *now]) == 0
    assert "Checks out" in capsys.readouterr().out
    assert main(["verify-bundle", encode_link(own_bundle), "--challenge", "x", "--json", *now]) == 6
    assert json.loads(capsys.readouterr().out)["verdict"] == "invalid"
    assert main(["verify-bundle", str(path), "--challenge", "n-1", "--domain", "hr.example",
                 "--now", "2027-01-30T00:00:00Z"]) == 6
    assert main(["verify-bundle", str(tmp_path / "missing.json")]) == 2
    assert main(["verify-bundle", "wallet:/open#v=1&b=%%%"]) == 3


def test_sealed_edc_travels_enveloped_and_verifies(vectors_dir: Path, holder: tuple[Ed25519PrivateKey, str]) -> None:
    key, did = holder
    sample = vectors_dir / "eu-elm-v3" / "Credentials" / "JSON-LD Examples (ELM v3)" / "Sample-MC-Annex1-signed.jsonld"
    from wallet.formats import parse

    edc = parse(sample.read_bytes())
    bundle = make_bundle([edc], key, did, challenge="n-1", now=NOW).to_bytes()
    entry = json.loads(bundle)["verifiableCredential"][0]
    assert entry["id"].startswith("data:application/jose+json;base64,")
    received = verify_received(bundle, VerificationContext(now=NOW, challenge="n-1"))
    item = received.credentials[0]
    assert item.credential is not None and item.credential.format.value == "vc-enveloped"
    assert item.report.verdict is not Verdict.INVALID  # the JAdES seal verifies; trust needs a list
