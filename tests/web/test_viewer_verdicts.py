"""The share viewer in Chromium: what an employer or a clerk sees for valid,
revoked, foreign, forged and sealed credentials, in English and Slovenian.

Each bundle is made by the wallet (``make_bundle``) from demo credentials,
corpus credentials and the test issuers, sealed per the contract and served
by the FakeShareService; the page decrypts and verifies it in the browser.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from wallet.formats import parse
from wallet.verify.did import did_key_for

from .bundles import (
    DEMO_EXPIRED,
    DEMO_REVOKED,
    DEMO_VALID,
    corpus_credential,
    corpus_status_evidence,
    demo_files,
    demo_status_evidence,
    share,
)
from .conftest import NOW, PHONE
from .issuing import did_web_credential, ob3_with_status, other_keys, sd_jwt_vc
from .sealing import evidence

CATALOGUE = Path(__file__).resolve().parents[2] / "web" / "viewer" / "src" / "i18n"
EN = json.loads((CATALOGUE / "en.json").read_text(encoding="utf-8"))
SL = json.loads((CATALOGUE / "sl.json").read_text(encoding="utf-8"))


def _valid_bundle(service, holder):
    did = holder[1]
    files = demo_files(did)
    with_status = ob3_with_status(did, NOW, revoked=False)
    creds = [parse(with_status.credential)] + [parse(files[name]) for name in DEMO_VALID.values()]
    proof = [evidence("status-list", with_status.status_url, with_status.status_list, NOW - timedelta(hours=2))]
    return share(service, holder, creds, proof)


def _credential_texts(v):
    return [str(t) for t in v.page.locator("article.credential").all_inner_texts()]


def test_valid_bundle_checks_out(service, holder, viewer) -> None:
    shared = _valid_bundle(service, holder)
    v = viewer("en-GB")
    v.open(shared.link)
    assert v.headline() == "✓ Checks out"
    cards = _credential_texts(v)
    assert len(cards) == 5  # eddsa-rdfc-2022 (+status), eddsa-jcs-2022, ecdsa-rdfc-2019, VC-JOSE ES256, VC 1.1 JWT
    for card in cards:
        assert "Signature verified: issued by" in card
        assert "Not expired" in card
        assert "Belongs to the person who shared it." in card
    assert "Not revoked as of" in cards[0] and "provided by the holder" in cards[0]
    text = v.text()
    for fmt in ("(eddsa-rdfc-2022)", "(eddsa-jcs-2022)", "(ecdsa-rdfc-2019)"):
        assert fmt in v.page.inner_html("body")
    assert "Verified: the holder signed this bundle" in text
    assert "job-4711" in text and "hr.employer.example" in text
    assert "Level 6 of 8" in text and "comparable to a bachelor’s degree" in text
    assert "6 ECTS credits" in text and "Univerza v Ljubljani (test)" in text and "Slovenia" in text
    assert "The issuer’s signed status list, fetched by the holder on" in text
    v.screenshot("valid-desktop-en")
    phone = viewer("en-GB", viewport=PHONE)
    phone.open(shared.link)
    assert phone.headline() == "✓ Checks out"
    phone.screenshot("valid-phone-en")


def test_slovenian_reader_sees_slovenian(service, holder, viewer) -> None:
    shared = _valid_bundle(service, holder)
    v = viewer("sl-SI", viewport=PHONE)
    v.open(shared.link)
    assert v.page.get_attribute("html", "lang") == "sl"
    assert v.headline() == "✓ " + SL["headline.ok"]
    text = v.text()
    assert "Podpis preverjen: izdal ga je" in text
    assert "Pripada osebi, ki ga je delila." in text
    assert "Raven 6 od 8" in text and "6 kreditnih točk ECTS" in text
    assert "Slovenija" in text  # country names in the reader's language
    # No English UI string is left on the Slovenian page (credential content
    # and identifiers are the credential's own).
    english_only = {v for k, v in EN.items() if isinstance(v, str) and SL.get(k) != v and len(v) > 3}
    leftovers = [s for s in english_only if s.split("{")[0].strip() and s.split("{")[0].strip() in text]
    assert not leftovers, leftovers
    v.screenshot("valid-phone-sl")
    # The visible switch changes the language in place, and back.
    v.page.get_by_role("button", name="English").click()
    assert v.headline() == "✓ Checks out"
    assert v.page.get_attribute("html", "lang") == "en"
    v.page.get_by_role("button", name="Slovenščina").click()
    assert v.headline() == "✓ " + SL["headline.ok"]


def test_revoked_credential_is_shown_revoked(service, holder, viewer) -> None:
    did = holder[1]
    files = demo_files(did)
    creds = [parse(files[DEMO_REVOKED]), parse(files[DEMO_VALID["eddsa-jcs-2022"]])]
    shared = share(service, holder, creds, [demo_status_evidence(did)])
    v = viewer("en-GB")
    v.open(shared.link)
    assert v.headline() == "✗ Do not rely on this"
    cards = _credential_texts(v)
    assert "Revoked by the issuer, as of" in cards[0] and "provided by the holder" in cards[0]
    assert "Signature verified" in cards[0]  # revoked, not forged
    assert "has been revoked by its issuer" in str(v.page.inner_text(".verdict"))
    assert "Revoked" not in cards[1]
    v.screenshot("revoked-desktop-en")
    sl = viewer("sl-SI")
    sl.open(shared.link)
    assert "Izdajatelj ga je preklical" in sl.text()


def test_missing_status_list_is_named(service, holder, viewer) -> None:
    did = holder[1]
    with_status = ob3_with_status(did, NOW, revoked=False)
    shared = share(service, holder, [parse(with_status.credential)])  # no evidence pack
    v = viewer("en-GB")
    v.open(shared.link)
    assert v.headline().startswith("! Partly checked")
    assert "not checked for revocation" in str(v.page.inner_text(".verdict"))
    assert "Not checked for revocation: the holder did not include the issuer’s status list." in v.text()


def test_expired_credential(service, holder, viewer) -> None:
    files = demo_files(holder[1])
    shared = share(service, holder, [parse(files[DEMO_EXPIRED])])
    v = viewer("en-GB")
    v.open(shared.link)
    assert v.headline() == "✗ Do not rely on this"
    assert "Expired on" in _credential_texts(v)[0]


@pytest.mark.shared
def test_credential_of_another_person(service, holder, corpus_dir, viewer) -> None:
    files = demo_files(holder[1])
    foreign = corpus_credential(corpus_dir, "ob3-eddsa-rdfc-2022.valid.001.json")
    shared = share(service, holder, [parse(files[DEMO_VALID["eddsa-jcs-2022"]]), foreign])
    v = viewer("en-GB")
    v.open(shared.link)
    assert v.headline() == "✗ Do not rely on this"
    cards = _credential_texts(v)
    assert "Issued to someone else — not proven to belong to the person who shared it." in cards[1]
    assert "Signature verified" in cards[1]  # genuine, but not the presenter's
    assert "Belongs to the person who shared it." in cards[0]
    assert "was issued to someone else" in str(v.page.inner_text(".verdict"))
    v.screenshot("other-person-desktop-en")
    phone = viewer("sl-SI", viewport=PHONE)
    phone.open(shared.link)
    assert "Izdano nekomu drugemu" in phone.text()
    phone.screenshot("other-person-phone-sl")


CORPUS_KINDS = {  # file -> the format line the page shows
    "ob3-eddsa-rdfc-2022.valid.001.json": "eddsa-rdfc-2022",
    "vc2-ecdsa-rdfc-2019.valid.001.json": "ecdsa-rdfc-2019",
    "vc11-ed25519-signature-2020.valid.001.json": "Ed25519Signature2020",
    "ob3-eddsa-jcs-2022.valid.001.json": "eddsa-jcs-2022",
    "vc2-ecdsa-jcs-2019.valid.001.json": "ecdsa-jcs-2019",
    "jwt-vc11-eddsa.valid.001.jwt": "Verifiable Credential 1.1 as a JWT",
    "jwt-vc11-es256.valid.001.jwt": "Verifiable Credential 1.1 as a JWT",
    "jose-vc2-eddsa.valid.001.jwt": "VC-JOSE",
    "jose-vc2-es256.valid.001.jwt": "VC-JOSE",
}


@pytest.mark.shared
def test_every_corpus_format_verifies_in_the_browser(service, holder, corpus_dir, viewer) -> None:
    """The reference peer's credentials (other learners') verify, and their tampered copies fail."""
    names = list(CORPUS_KINDS) + ["vc2-ecdsa-rdfc-2019.status-active.001.json",
                                  "vc11-ed25519-signature-2020.status-revoked.001.json",
                                  "ob3-eddsa-rdfc-2022.tampered.001.json", "jose-vc2-es256.wrong-key.001.jwt",
                                  "vc2-ecdsa-jcs-2019.expired.001.json"]
    shared = share(service, holder, [corpus_credential(corpus_dir, n) for n in names],
                   corpus_status_evidence(corpus_dir))
    v = viewer("en-GB")
    v.open(shared.link)
    v.page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    cards = _credential_texts(v)
    assert len(cards) == len(names)
    for card, (name, fmt) in zip(cards, CORPUS_KINDS.items(), strict=False):
        assert "Signature verified" in card, (name, card)
        assert fmt in card, (name, card)
        assert "Issued to someone else" in card
    active, revoked, tampered, wrong_key, expired = cards[len(CORPUS_KINDS):]
    assert "Not revoked as of" in active
    assert "Revoked by the issuer" in revoked and "Signature verified" in revoked
    assert "Signature does not match" in tampered
    assert "Signature does not match" in wrong_key
    assert "Expired on" in expired and "Signature verified" in expired
    assert v.headline() == "✗ Do not rely on this"


def test_tampered_credential_inside_a_resealed_bundle(service, holder, viewer) -> None:
    """A credential changed before the holder signed: the bundle's signature holds, the issuer's does not."""
    files = demo_files(holder[1])
    doc = json.loads(files[DEMO_VALID["ecdsa-rdfc-2019"]])
    doc["credentialSubject"]["hasAchieved" if "hasAchieved" in doc["credentialSubject"] else "achievement"][
        "name"] = "Doctor of Statistics"
    forged = parse(json.dumps(doc).encode())
    shared = share(service, holder, [parse(files[DEMO_VALID["eddsa-jcs-2022"]]), forged])
    v = viewer("en-GB")
    v.open(shared.link)
    assert v.headline() == "✗ Do not rely on this"
    cards = _credential_texts(v)
    assert "Signature does not match: the content was changed after signing" in cards[1]
    assert "The content below is shown as the holder supplied it: this page has not verified it." in cards[1]
    # nothing in unverified content earns a tick
    assert "Belongs to the person who shared it." not in cards[1] and "Not expired" not in cards[1]
    assert "Signature verified" in cards[0]
    assert "Verified: the holder signed this bundle" in v.text()
    v.screenshot("forged-credential-desktop-en")


def test_bundle_changed_after_the_holder_signed(service, holder, viewer) -> None:
    files = demo_files(holder[1])
    bundle = share(service, holder, [parse(files[DEMO_VALID["eddsa-jcs-2022"]]),
                                     parse(files[DEMO_VALID["vc-jose-es256"]])])
    changed = json.loads(json.dumps(bundle.presentation))
    changed["verifiableCredential"].pop()  # a credential removed after signing
    shared = share(service, holder, [], presentation=changed)
    v = viewer("en-GB")
    v.open(shared.link)
    assert v.headline() == "✗ Do not rely on this"
    assert "The signature of the person who shared this bundle does not verify." in v.text()


def test_wrong_presenter_expired_bundle(service, holder, viewer) -> None:
    files = demo_files(holder[1])
    shared = share(service, holder, [parse(files[DEMO_VALID["eddsa-jcs-2022"]])])
    v = viewer("en-GB", clock=NOW + timedelta(days=31))  # past the bundle's 30-day proof expiry
    v.open(shared.link)
    assert v.headline() == "✗ Do not rely on this"
    assert "limited it in time, and that time is over" in v.text()


def test_did_web_key_from_the_holder_is_named(service, holder, viewer) -> None:
    raw, did_doc, url = did_web_credential(holder[1], NOW)
    with_doc = share(service, holder, [parse(raw)], [evidence("did-document", url, did_doc, NOW - timedelta(hours=5),
                                                               "application/did+json")])
    v = viewer("en-GB")
    v.open(with_doc.link)
    assert v.headline().startswith("! Partly checked")
    card = _credential_texts(v)[0]
    assert "as the holder provided it" in card and "could not confirm that the key is" in card
    assert "The issuer’s DID document (its keys), fetched by the holder on" in v.text()
    without = share(service, holder, [parse(raw)])
    w = viewer("en-GB")
    w.open(without.link)
    assert w.headline().startswith("! Partly checked")
    assert "Signature not checked: the signer’s key could not be found" in _credential_texts(w)[0]


def test_sd_jwt_vc_with_token_status_lists(service, holder, viewer) -> None:
    plain = sd_jwt_vc(holder[1], NOW)
    valid = sd_jwt_vc(holder[1], NOW, status="valid")
    revoked = sd_jwt_vc(holder[1], NOW, status="revoked")
    lists = [evidence("token-status-list", s.status_uri, s.status_list_token, NOW - timedelta(hours=1),
                      "application/statuslist+jwt") for s in (valid, revoked)]
    shared = share(service, holder, [parse(s.credential) for s in (plain, valid, revoked)], lists)
    v = viewer("en-GB")
    v.open(shared.link)
    first, second, third = _credential_texts(v)
    assert "Tečaj prve pomoči" in first and "Šolar" in first and "Prva pomoč" in first
    for card in (first, second, third):
        assert "Signature verified" in card and "Belongs to the person who shared it." in card
    assert "Not revoked as of" in second
    assert "Revoked by the issuer" in third
    assert v.headline() == "✗ Do not rely on this"
    impostor = sd_jwt_vc(holder[1], NOW, claimed_issuer=did_key_for(Ed25519PrivateKey.generate().public_key()))
    forged = share(service, holder, [parse(impostor.credential)])
    f = viewer("en-GB")
    f.open(forged.link)
    assert "Signature does not match: it was signed with a key that does not belong to the named issuer." in f.text()
    bound = sd_jwt_vc(holder[1], NOW, holder_key=holder[0])
    broken = sd_jwt_vc(holder[1], NOW, holder_key=holder[0], bad_binding=True)
    kb = share(service, holder, [parse(bound.credential), parse(broken.credential)])
    k = viewer("en-GB")
    k.open(kb.link)
    good_kb, bad_kb = _credential_texts(k)
    assert "Signature verified" in good_kb
    assert "Signature does not match: its key binding (the holder’s signature on the SD-JWT) does not verify." in bad_kb
    alone = share(service, holder, [parse(valid.credential)], lists[:1])
    w = viewer("en-GB")
    w.open(alone.link)
    assert w.headline() == "✓ Checks out"


@pytest.mark.shared
def test_sealed_european_credential_is_not_called_verified(service, holder, vectors_dir, viewer) -> None:
    sealed = vectors_dir / "eu-elm-v3" / "Credentials" / "JSON-LD Examples (ELM v3)" / "Sample-MC-Annex1-signed.jsonld"
    files = demo_files(holder[1])
    shared = share(service, holder, [parse(files[DEMO_VALID["eddsa-jcs-2022"]]), parse(sealed.read_bytes())])
    v = viewer("en-GB")
    v.open(shared.link)
    assert v.headline().startswith("! Partly checked")
    card = _credential_texts(v)[1]
    assert "Sealed European credential — verify it with the Europass viewer or the wallet." in card
    assert "verified" not in card.lower().replace("not verified it", "")
    assert "this page has not verified it" in card
    v.screenshot("eu-sealed-desktop-en")


def test_context_tricks_are_not_called_verified(service, holder, viewer) -> None:
    """Terms re-mapped by an inline or nested context leave the signed RDF graph as it was, so
    the issuer's signature would still verify; the page must not vouch for such JSON (threat "JSON-LD context substitution" in docs/THREATS.md)."""
    files = demo_files(holder[1])
    inline = json.loads(files[DEMO_VALID["ecdsa-rdfc-2019"]])
    inline["@context"] = [*inline["@context"], {"remark": "https://example.org/vocab#remark"}]
    # another credential: two copies of one graph in a bundle make the wallet's own canonicaliser
    # (signing the bundle) explore symmetric blank nodes past its permutation budget
    nested = json.loads(files["demo-04.cred"])
    nested["credentialSubject"]["@context"] = {"remark": "https://example.org/vocab#remark"}
    shared = share(service, holder, [parse(json.dumps(inline).encode()), parse(json.dumps(nested).encode())])
    v = viewer("en-GB")
    v.open(shared.link)
    assert v.headline().startswith("! Partly checked")
    for card in _credential_texts(v):
        assert "Signature not checked: it defines vocabulary of its own" in card
        assert "Signature verified" not in card


def test_did_jwk_and_p384_keys(service, holder, viewer) -> None:
    shared = share(service, holder, [parse(raw) for raw in other_keys(holder[1], NOW)])
    v = viewer("en-GB")
    v.open(shared.link)
    cards = _credential_texts(v)
    assert len(cards) == 4
    for card in cards:
        assert "Signature verified" in card, card
    assert v.headline() == "✓ Checks out"

