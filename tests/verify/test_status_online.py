"""Status lists as the online step delivers them: served as VC-JWT, published by someone else, and "as of"."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from tests.verify.helpers import ISSUER, OTHER, Party, ctx, encoded_list, ob3_credential, raw, signed, status_entry
from wallet.messages import render
from wallet.readout import State, credential_state
from wallet.verify.engine import verify_bytes
from wallet.verify.jose import sign_compact
from wallet.verify.status import MIN_ENTRIES, is_jwt_list

URL = "https://issuer.example/status/jwt"
FETCHED = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
NOW = datetime(2026, 11, 28, tzinfo=UTC)


def _list_doc(issuer: Party, bits: bytes, purpose: str = "revocation") -> dict[str, Any]:
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "https://cdn.issuer.example/lists/7",  # differs from the URL the credential names: allowed
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer.did,
        "validFrom": "2026-11-26T08:00:00Z",
        "credentialSubject": {"id": URL + "#list", "type": "BitstringStatusList", "statusPurpose": purpose,
                              "encodedList": encoded_list(bits)},
    }


def jose_list(bits: bytes, issuer: Party = ISSUER, signer: Party | None = None) -> bytes:
    """A VC-JOSE-COSE secured list (application/vc+jwt): the payload is the credential."""
    token = sign_compact({"typ": "vc+jwt", "kid": issuer.vm}, _list_doc(issuer, bits), (signer or issuer).key)
    return token.encode()


def vc11_list(bits: bytes, issuer: Party = ISSUER) -> bytes:
    """A VC Data Model 1.1 JWT list: the credential in the ``vc`` claim."""
    doc = _list_doc(issuer, bits)
    doc["@context"] = ["https://www.w3.org/2018/credentials/v1", "https://w3id.org/vc/status-list/2021/v1"]
    doc["type"] = ["VerifiableCredential", "StatusList2021Credential"]
    doc["credentialSubject"]["type"] = "StatusList2021"
    doc["issuanceDate"] = doc.pop("validFrom")
    payload = {"iss": issuer.did, "nbf": int(datetime(2026, 11, 26, 8, tzinfo=UTC).timestamp()), "vc": doc}
    return sign_compact({"typ": "JWT", "kid": issuer.vm}, payload, issuer.key).encode()


def _report(list_bytes: bytes, index: int, *, fetched: datetime | None = FETCHED):
    cred = signed(ob3_credential(credentialStatus=status_entry(URL, index)))
    fetched_map = {f"status-list {URL}": fetched} if fetched else {}
    return verify_bytes(raw(cred), ctx(status_lists={URL: list_bytes}, fetched=fetched_map, now=NOW))[1]


def _bits(*revoked: int) -> bytes:
    bits = bytearray(MIN_ENTRIES // 8)
    for index in revoked:
        bits[index // 8] |= 0x80 >> (index % 8)
    return bytes(bits)


def test_a_vc_jwt_list_is_verified_and_read() -> None:
    listed = jose_list(_bits(5))
    assert is_jwt_list(listed) and not is_jwt_list(b'{"type": "x"}')
    ok = _report(listed, 4).check("status")
    assert ok.status.value == "passed" and ok.message.id == "status.ok_as_of"
    revoked = _report(listed, 5)
    assert revoked.check("status").message.id == "status.revoked_as_of"
    assert credential_state(revoked).state is State.REVOKED


def test_a_vc11_jwt_list_is_verified_and_read() -> None:
    listed = vc11_list(_bits(9))
    assert _report(listed, 8).check("status").status.value == "passed"
    assert _report(listed, 9).check("status").message.id == "status.revoked_as_of"


def test_a_jwt_list_whose_signature_fails_is_not_used() -> None:
    forged = jose_list(_bits(), signer=OTHER)  # names the issuer's key, signed by another
    status = _report(forged, 1).check("status")
    assert status.status.value == "failed" and status.message.id == "status.list_untrusted"
    head, body, sig = jose_list(_bits()).split(b".")
    tampered = head + b"." + body[:-4] + b"AAAA." + sig
    assert _report(tampered, 1).check("status").status.value == "failed"
    assert _report(b"eyJhbGciOiJub25lIn0.e30.", 1).check("status").status.value == "failed"


def test_another_publisher_is_a_warning_unless_its_own_proof_fails() -> None:
    other = _report(jose_list(_bits(), issuer=OTHER), 1).check("status")
    assert other.status.value == "warning" and other.message.get("publisher") == OTHER.did
    assert OTHER.did in render(other.message)
    broken = _report(jose_list(_bits(), issuer=OTHER, signer=ISSUER), 1).check("status")
    assert broken.status.value == "failed" and broken.message.id == "status.list_untrusted"


def test_every_answer_says_as_of_in_both_languages() -> None:
    ok = _report(jose_list(_bits(5)), 4).check("status").message
    assert render(ok) == ("Not revoked: checked against the issuer's status list fetched on 27 Nov 2026, 10:00 UTC; "
                          "the list itself was issued on 26 Nov 2026, 08:00 UTC.")
    assert render(ok, ("sl",)) == ("Ni preklicano: preverjeno na izdajateljevem seznamu statusov, prenesenem "
                                   "27. 11. 2026 ob 10:00 UTC; seznam je bil izdan 26. 11. 2026 ob 08:00 UTC.")
    revoked = _report(jose_list(_bits(5)), 5).check("status").message
    assert "fetched on 27 Nov 2026, 10:00 UTC" in render(revoked) and "issued on 26 Nov 2026" in render(revoked)
    from_file = _report(jose_list(_bits(5)), 4, fetched=None).check("status").message
    assert render(from_file) == ("Not revoked: checked against the issuer's status list, which was issued on "
                                 "26 Nov 2026, 08:00 UTC.")
