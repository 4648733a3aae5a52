"""The online use cases against real HTTPS servers on loopback: what the peer does not host.

A status list served as a VC-JWT, Open Badges 2.0 hosted badges (and their
410 Gone), a JSON-LD context pinned with consent, the LOTL fetched and turned
into a trusted-list snapshot, the refresh schedule, and the SSRF table
re-checked through ``refresh`` (not only through the client).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.online.conftest import METADATA, PINNED, MapResolver, Recorder
from tests.online.servers import LocalPki, LocalServer
from tests.verify.helpers import ISSUER, Party, encoded_list, ob3_credential, raw, signed, status_entry
from wallet.app import online
from wallet.app.context import context_from_vault
from wallet.app.importing import ImportItem, Outcome, import_items
from wallet.app.online import make_client
from wallet.app.refresh import due_needs, fetch_and_store, next_due, refresh
from wallet.cli import main
from wallet.messages import render
from wallet.online.evidence import EvidenceKind, EvidenceNeed
from wallet.readout import State
from wallet.storage import KdfParams, Vault
from wallet.verify import jsonld
from wallet.verify.jose import sign_compact
from wallet.verify.seals.trustlist import TrustSnapshot
from wallet.verify.status import MIN_ENTRIES

PASSPHRASE = "local wiring test"


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    v = Vault.create(tmp_path / "v.db", PASSPHRASE, KdfParams.floor())
    try:
        yield v
    finally:
        v.close()


def _client(vault: Vault, pki: LocalPki, *, loopback: bool = True, resolve: dict[str, Any] | None = None,
            **settings: Any) -> Any:
    env = {"WALLET_CA_BUNDLE": str(pki.ca_pem)}
    if loopback:
        env["WALLET_ONLINE_ALLOW_LOOPBACK"] = "1"
    table: dict[str, Any] = {PINNED: ["127.0.0.1"], METADATA: ["169.254.169.254"]}
    table.update(resolve or {})
    return make_client(vault, environ=env, resolver=MapResolver(table, Recorder()), **settings)


def _bits(*on: int) -> bytes:
    bits = bytearray(MIN_ENTRIES // 8)
    for index in on:
        bits[index // 8] |= 0x80 >> (index % 8)
    return bytes(bits)


def _jwt_list(url: str, bits: bytes, issuer: Party = ISSUER) -> bytes:
    issued = (datetime.now(UTC) - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    doc = {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": url, "issuer": issuer.did,
           "type": ["VerifiableCredential", "BitstringStatusListCredential"], "validFrom": issued,
           "credentialSubject": {"id": url + "#list", "type": "BitstringStatusList", "statusPurpose": "revocation",
                                 "encodedList": encoded_list(bits)}}
    return sign_compact({"typ": "vc+jwt", "kid": issuer.vm}, doc, issuer.key).encode()


def _state(vault: Vault, ident: str) -> str:
    report = vault.get_credential(ident).report
    assert report is not None
    return str(report["state"])


def test_a_status_list_served_as_vc_jwt(vault: Vault, server: LocalServer, pki: LocalPki) -> None:
    url = server.url("/lists/1")
    served = {"bits": _bits()}
    server.routes["/lists/1"] = lambda h: h.reply(200, _jwt_list(url, served["bits"]), "application/vc+jwt",
                                                  {"Cache-Control": "max-age=600"})
    credential = raw(signed(ob3_credential(credentialStatus=status_entry(url, 7))))
    vault.add_trusted_issuer(ISSUER.did, "Test issuer")
    results = import_items(vault, [ImportItem("badge.json", credential)], online=True, client=_client(vault, pki))
    assert [r.outcome for r in results] == [Outcome.FETCHED, Outcome.IMPORTED]
    ident = results[1].credential_id
    assert ident is not None and _state(vault, ident) == "valid"
    record = vault.get_evidence_record("status-list", url)
    assert record is not None and record.media_type == "application/vc+jwt" and record.max_age == 600

    served["bits"] = _bits(7)
    result = refresh(vault, client=_client(vault, pki))
    (change,) = result.changes
    assert change.after is State.REVOKED and render(change.message) == "Revoked since you last checked."
    status = next(c for c in result.reverified[0].report.checks if c.id.value == "status")
    assert "fetched on" in render(status.message) and "the list itself was issued on" in render(status.message)


def _hosted(server: LocalServer) -> dict[str, Any]:
    return {
        "@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": server.url("/badges/1.json"),
        "recipient": {"type": "email", "hashed": True, "salt": "deadsea",
                      "identity": "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942"},
        "issuedOn": "2024-12-31T23:59:59Z", "badge": server.url("/badge-class.json"), "verification": {"type": "hosted"},
    }


def test_an_open_badges_2_hosted_badge_is_checked_online_then_gone(vault: Vault, server: LocalServer,
                                                                   pki: LocalPki) -> None:
    assertion = _hosted(server)
    state = {"gone": False}

    def badge(h: Any) -> None:
        if state["gone"]:
            h.reply(410, b"<html>gone</html>", "text/html")
        else:
            h.reply(200, json.dumps(assertion).encode())

    server.routes["/badges/1.json"] = badge
    server.routes["/badge-class.json"] = lambda h: h.reply(200, json.dumps({
        "@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass", "id": server.url("/badge-class.json"),
        "name": "Robotics", "issuer": server.url("/issuer.json")}).encode())
    server.routes["/issuer.json"] = lambda h: h.reply(200, json.dumps({
        "@context": "https://w3id.org/openbadges/v2", "type": "Issuer", "id": server.url("/issuer.json"),
        "name": "Robotics club"}).encode())
    results = import_items(vault, [ImportItem("hosted.json", json.dumps(assertion).encode())], online=True,
                           client=_client(vault, pki))
    imported = next(r for r in results if r.outcome is Outcome.IMPORTED)
    assert imported.state == "valid-note", [render(r.message) for r in results]
    report = vault.get_credential(str(imported.credential_id)).report
    assert report is not None
    signature = next(c for c in report["checks"] if c["id"] == "signature")
    assert signature["status"] == "passed" and signature["message"]["id"] == "ob2.hosted_checked"

    state["gone"] = True
    result = refresh(vault, client=_client(vault, pki))
    (change,) = result.changes
    assert change.after is State.REVOKED and change.message.id == "refresh.revoked_since"
    hosted = vault.get_evidence_record("ob2-hosted", assertion["id"])
    assert hosted is not None and hosted.revoked is True and hosted.http_status == 410


def test_pinning_a_context_with_consent_and_never_silently(tmp_path: Path, server: LocalServer, pki: LocalPki,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    url = server.url("/contexts/skills.json")
    served = {"body": json.dumps({"@context": {"skillLevel": "https://contexts.example/skills#skillLevel"}}).encode()}
    server.routes["/contexts/skills.json"] = lambda h: h.reply(200, served["body"], "application/ld+json")
    monkeypatch.setenv("WALLET_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("WALLET_CA_BUNDLE", str(pki.ca_pem))
    monkeypatch.setenv("WALLET_ONLINE_ALLOW_LOOPBACK", "1")
    vault = str(tmp_path / "cli.db")
    assert main(["init", "--vault", vault, "--kdf-memory-mib", "64"]) == 0
    doc = ob3_credential(skillLevel="advanced")
    doc["@context"] = [*doc["@context"], url]
    with jsonld.pinned({url: served["body"]}):
        credential = tmp_path / "skills.json"
        credential.write_bytes(raw(signed(doc)))

    assert main(["evidence", "pin-context", "--vault", vault, url]) == 2  # no terminal, no --yes: nothing pinned
    capsys.readouterr()
    assert main(["evidence", "pin-context", "--vault", vault, url, "--yes", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    import hashlib

    assert shown["sha256"] == hashlib.sha256(served["body"]).hexdigest() and shown["size"] == len(served["body"])
    assert shown["pinned"] is True
    capsys.readouterr()
    assert main(["import", "--vault", vault, "--offline", "--json", str(credential)]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["state"] == "valid-note"

    served["body"] = json.dumps({"@context": {"skillLevel": "https://evil.example/other"}}).encode()
    assert main(["evidence", "pin-context", "--vault", vault, url, "--yes"]) == 2  # a different one is pinned
    assert "already pinned" in capsys.readouterr().err
    assert main(["evidence", "pin-context", "--vault", vault, url, "--offline", "--yes"]) == 31
    assert main(["evidence", "pin-context", "--vault", vault, url, "--yes", "--replace"]) == 0
    capsys.readouterr()
    assert main(["reverify", "--vault", vault, "--json"]) == 6  # the swapped meaning breaks the signature
    assert json.loads(capsys.readouterr().out.splitlines()[0])["state"] == "forged"
    assert main(["evidence", "pin-context", "--vault", vault,
                 "https://www.w3.org/ns/credentials/v2", "--yes"]) == 2  # bundled: nothing to pin


def test_the_lotl_is_fetched_and_becomes_the_trusted_list_snapshot(vault: Vault, server: LocalServer, pki: LocalPki,
                                                                   shared: Path) -> None:
    dss = shared / "vectors/eu-edci-legacy/edci-issuer/edci-issuer-service/src/test/resources-unfiltered/dss"
    server.routes["/lotl.xml"] = lambda h: h.reply(200, (dss / "EU.xml").read_bytes(), "application/xml")
    need = EvidenceNeed(EvidenceKind.TRUSTED_LIST, server.url("/lotl.xml"), "the EU trusted lists")
    results, records, notes = fetch_and_store(vault, [need], client=_client(vault, pki))
    assert all(r.ok for r in results) and notes == [] and records[0].kind is EvidenceKind.TRUSTED_LIST
    stored = vault.get_evidence("trust-snapshot", "eu")
    assert stored is not None
    snapshot = TrustSnapshot.from_bytes(stored[0])
    assert snapshot.issued == "2020-04-29T08:00:00Z"
    assert any(w.startswith("The LOTL's seal was verified with ") for w in snapshot.warnings)
    assert context_from_vault(vault).trusted_list == snapshot

    server.routes["/lotl.xml"] = lambda h: h.reply(200, (dss / "EU.xml").read_bytes().replace(
        b"<TSLSequenceNumber>264<", b"<TSLSequenceNumber>265<", 1), "application/xml")
    _results, _records, notes = fetch_and_store(vault, [need], client=_client(vault, pki))
    assert notes and "were not used" in notes[0] and "does not verify" in notes[0]
    assert TrustSnapshot.from_bytes(vault.get_evidence("trust-snapshot", "eu")[0]) == snapshot  # the old one stays


def test_the_schedule_honours_max_age_settings_and_answers(vault: Vault, server: LocalServer, pki: LocalPki) -> None:
    url = server.url("/lists/2")
    server.routes["/lists/2"] = lambda h: h.reply(200, _jwt_list(url, _bits()), "application/vc+jwt",
                                                  {"Cache-Control": "max-age=1200"})
    import_items(vault, [ImportItem("a.json", raw(signed(ob3_credential(credentialStatus=status_entry(url, 1)))))])
    now = datetime.now(UTC)
    assert due_needs(vault, now)[0] == [] and next_due(vault, now) is None  # "ask": a new host is never contacted
    online.decide_host(vault, "localhost", True)
    needs, serves = due_needs(vault, now)
    assert [n.key for n in needs] == [url] and len(serves[f"status-list {url}"]) == 1  # never fetched: due now
    assert next_due(vault, now) == now
    online.decide_host(vault, "localhost", None)
    refresh(vault, client=_client(vault, pki))  # the user fetched from this host: the schedule keeps it fresh
    assert due_needs(vault, now + timedelta(minutes=10))[0] == []  # max-age 20 min not yet over
    assert [n.key for n in due_needs(vault, now + timedelta(minutes=21))[0]] == [url]
    when = next_due(vault, now)
    assert when is not None and timedelta(minutes=19) < when - now <= timedelta(minutes=21)
    online.set_fetch_policy(vault, "never")
    assert due_needs(vault, now + timedelta(days=2))[0] == [] and next_due(vault, now) is None
    online.set_fetch_policy(vault, "ask")
    online.decide_host(vault, "localhost", False)
    assert due_needs(vault, now + timedelta(days=2))[0] == []
    online.decide_host(vault, "localhost", None)
    online.set_offline(vault, True)
    assert due_needs(vault, now + timedelta(days=2))[0] == []


def _hostile_credential(did: str, urls: list[str]) -> bytes:
    """A credential naming hostile places; its key is the did:web's, so it is stored as "cannot be checked"."""
    doc = signed(ob3_credential(credentialStatus=[status_entry(u, i) for i, u in enumerate(urls)]))
    doc["issuer"] = {"id": did, "type": ["Profile"]}
    doc["proof"]["verificationMethod"] = did + "#key-1"
    return raw(doc)


def test_the_ssrf_table_through_refresh(vault: Vault, server: LocalServer, pki: LocalPki) -> None:
    server.routes["/to-metadata"] = lambda h: h.redirect(302, "https://169.254.169.254/latest/meta-data/")
    server.routes["/to-private"] = lambda h: h.redirect(307, "https://10.0.0.5:6379/")
    rows = {
        "did:web:127.0.0.1%3A6379": "IP address 127.0.0.1",
        "https://169.254.169.254/latest/meta-data/": "IP address 169.254.169.254",
        f"https://{METADATA}/list": "169.254.169.254, a link-local address",
        "https://rebound.test/list": "127.0.0.1, a loopback address",
        "http://plain.test/list": "https",
        "https://localhost/list": "localhost",
    }
    urls = [k for k in rows if not k.startswith("did:")]
    results = import_items(vault, [ImportItem("hostile.json", _hostile_credential("did:web:127.0.0.1%3A6379", urls))])
    assert results[0].outcome is Outcome.IMPORTED and results[0].state == "cannot-check"
    strict = _client(vault, pki, loopback=False, resolve={"rebound.test": ["127.0.0.1"]})
    result = refresh(vault, client=strict)
    assert result.fetched == ()
    failures = {f.key: f for f in result.failed}
    assert set(failures) == set(rows)
    for key, why in rows.items():
        assert failures[key].error == "AddressRefused" and why in failures[key].reason, (key, failures[key])
    looked_up = {c[0] for c in vault.list_contacts()}
    assert looked_up <= {METADATA, "rebound.test"}  # literals, http:// and localhost are refused before any lookup

    # In the loopback test mode, redirects from the local server to private targets are still refused.
    redirects = [server.url("/to-metadata"), server.url("/to-private")]
    import_items(vault, [ImportItem("redirects.json", _hostile_credential("did:web:127.0.0.1%3A6379", redirects))])
    result = refresh(vault, client=_client(vault, pki))
    reasons = {f.key: f for f in result.failed}
    for url in redirects:
        assert reasons[url].error == "RedirectRefused" and "A redirect from" in reasons[url].reason


def test_hostile_servers_through_refresh(vault: Vault, server: LocalServer, pki: LocalPki) -> None:
    """50 MB, a gzip bomb and a slow-loris server: each need fails alone, with its reason, within the deadline."""
    import gzip
    import time

    bomb = gzip.compress(b"\0" * (40 * 1024 * 1024), compresslevel=9)
    server.routes["/big"] = lambda h: h.reply(200, b"", "application/json", {"Content-Length": str(50 * 1024 * 1024)})
    server.routes["/bomb"] = lambda h: h.reply(200, bomb, "application/json", {"Content-Encoding": "gzip"})
    server.routes["/slow"] = lambda h: (h.send_response(200), h.send_header("Content-Length", "10000"),
                                        h.end_headers(), h.drip(b" " * 10000, 0.25))
    good = server.url("/good")
    server.routes["/good"] = lambda h: h.reply(200, _jwt_list(good, _bits()), "application/vc+jwt")
    urls = [server.url("/big"), server.url("/bomb"), server.url("/slow"), good]
    doc = signed(ob3_credential(credentialStatus=[status_entry(u, i) for i, u in enumerate(urls)]))
    import_items(vault, [ImportItem("hostile-lists.json", raw(doc))])
    started = time.monotonic()
    result = refresh(vault, client=_client(vault, pki, total_timeout=2.0))
    assert time.monotonic() - started < 2.0 * 4 + 5  # each fetch is bounded by its own deadline
    errors = {f.key: f.error for f in result.failed}
    assert errors == {urls[0]: "ResponseTooLarge", urls[1]: "ResponseTooLarge", urls[2]: "FetchTimeout"}
    assert [f.key for f in result.fetched] == [good]  # one bad server never stops the others
