"""The DSS test LOTL/TL snapshot: verified, dated, serialisable, and used for trust decisions."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from wallet.errors import InputError
from wallet.verify.seals import TrustSnapshot, load_trust_snapshot, snapshot_date
from wallet.verify.seals.anchors import certificate_der
from wallet.verify.seals.trustlist import CA_QC, TSA_QTST


def test_snapshot_is_verified_and_dated(snapshot: TrustSnapshot) -> None:
    assert snapshot.issued == "2020-04-29T08:00:00Z" and snapshot_date(snapshot) == "2020-04-29"
    assert [s.territory for s in snapshot.sources] == ["EU", "BE", "IE"]
    assert all("XAdES valid" in s.signature for s in snapshot.sources)
    assert {s.service_type for s in snapshot.services} == {CA_QC, TSA_QTST}
    assert any(s.for_eseals for s in snapshot.services)
    when = datetime(2020, 1, 1, tzinfo=UTC)
    assert snapshot.anchors_for(when)  # CA/QC granted for eSeals at that time
    assert any("Official Journal" in w for w in snapshot.warnings)
    assert snapshot_date(None) is None


def test_snapshot_round_trips(snapshot: TrustSnapshot) -> None:
    data = snapshot.to_bytes()
    assert TrustSnapshot.from_bytes(data) == snapshot
    with pytest.raises(InputError):
        TrustSnapshot.from_bytes(b'{"format": "something else"}')


def test_tampered_lotl_is_refused(dss_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    raw = (dss_dir / "EU.xml").read_bytes().replace(b"<TSLSequenceNumber>264<", b"<TSLSequenceNumber>265<", 1)
    bad = tmp_path / "EU.xml"
    bad.write_bytes(raw)
    with pytest.raises(InputError, match="does not verify"):
        load_trust_snapshot([bad, dss_dir / "BE.xml"])


def test_tl_with_broken_seal_is_skipped(dss_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    raw = (dss_dir / "IE.xml").read_bytes().replace(b"<TSLSequenceNumber>20<", b"<TSLSequenceNumber>21<", 1)
    bad = tmp_path / "IE.xml"
    bad.write_bytes(raw)
    snap = load_trust_snapshot([dss_dir / "EU.xml", dss_dir / "BE.xml", bad])
    assert [s.territory for s in snap.sources] == ["EU", "BE"]
    assert any("IE skipped" in w for w in snap.warnings)


def test_lotl_alone_has_no_services(dss_dir) -> None:  # type: ignore[no-untyped-def]
    snap = load_trust_snapshot([dss_dir / "EU.xml"])
    assert snap.services == () and len(snap.sources) == 1


def test_lotl_required(dss_dir) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match="list of trusted lists"):
        load_trust_snapshot([dss_dir / "BE.xml"])


def test_user_anchor_formats(mc_signed: bytes) -> None:
    import base64
    import json

    header = json.loads(base64.urlsafe_b64decode(json.loads(mc_signed)["signatures"][0]["protected"] + "=="))
    der = base64.b64decode(header["x5c"][0])
    pem = b"-----BEGIN CERTIFICATE-----\n" + base64.encodebytes(der) + b"-----END CERTIFICATE-----\n"
    assert certificate_der(der) == der and certificate_der(pem) == der
    with pytest.raises(InputError):
        certificate_der(b"not a certificate")


def test_snapshot_from_fetched_bytes_says_which_key_signed_the_lotl(dss_dir, snapshot) -> None:  # type: ignore[no-untyped-def]
    from wallet.verify.seals.trustlist import load_trust_snapshot_bytes

    fetched = [(name, (dss_dir / name).read_bytes()) for name in ("EU.xml", "BE.xml", "IE.xml")]
    snap = load_trust_snapshot_bytes(fetched)
    assert snap == snapshot  # the same snapshot as from the files
    used = [w for w in snap.warnings if w.startswith("The LOTL's seal was verified with ")]
    assert len(used) == 1 and "SHA-256 " in used[0] and "keys the LOTL publishes for itself" in used[0]
    assert snap.sources[0].signature.startswith("XAdES valid; signed by ")
    assert all("announced by the LOTL" in s.signature for s in snap.sources)
    with pytest.raises(InputError, match="does not verify"):
        load_trust_snapshot_bytes([("EU.xml", fetched[0][1].replace(b"<TSLSequenceNumber>264<",
                                                                    b"<TSLSequenceNumber>265<", 1))])
