"""Requests the wallet must refuse, with a clear message and nothing sent: a hostile verifier on a local
HTTPS server (its own test CA) and the oid4vc peer's own requests, expired or tampered with.

"Nothing sent" is checked where the answer would have gone: the local server's log has no POST to its
response URI, and the peer still reports the request as ``pending``.
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from online.servers import LocalPki, LocalServer, make_pki, server_context
from peers import Oid4vcPeer

from wallet.app.presenting.inspect import inspect
from wallet.errors import AddressRefused, InputError, ResponseTooLarge, TlsError
from wallet.oid4vp.client_id import RequestRefused
from wallet.online import OnlineClient, OnlineSettings
from wallet.storage import Vault
from wallet.verify.jose import sign_compact


@dataclass(frozen=True)
class Signer:
    """A request-signing certificate (digitalSignature, SAN DNS:localhost) and its key, and the CA above it."""

    key: ec.EllipticCurvePrivateKey
    leaf: x509.Certificate
    ca: x509.Certificate


def make_signer(ca_name: str) -> Signer:
    ca_key = ec.generate_private_key(ec.SECP256R1())
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)

    def name(cn: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])

    ca = (x509.CertificateBuilder().subject_name(name(ca_name)).issuer_name(name(ca_name))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    leaf = (x509.CertificateBuilder().subject_name(name("verifier.localhost")).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, False, False, False, False, False, False, False, False), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    return Signer(key, leaf, ca)


class Verifier:
    """A verifier on loopback that serves whatever request object a test signs, and records answers.

    The client trusts the TLS CA and the request-signing CA (one bundle, as ``WALLET_CA_BUNDLE``); the
    rogue signer's CA is trusted by nobody."""

    def __init__(self, server: LocalServer, pki: LocalPki, folder: Path) -> None:
        self.server, self.pki = server, pki
        self.signer, self.rogue = make_signer("verifier request CA"), make_signer("a CA nobody trusts")
        bundle = folder / "bundle.pem"
        bundle.write_bytes(pki.ca_pem.read_bytes() + self.signer.ca.public_bytes(serialization.Encoding.PEM))
        self.request_jwt = b""
        self.client = OnlineClient(OnlineSettings(ca_bundle=str(bundle), allow_loopback=True))

        @server.route("/request")
        def request(h: Any) -> None:
            h.reply(200, self.request_jwt, "application/oauth-authz-req+jwt")

        @server.route("/response")
        def response(h: Any) -> None:
            h.reply(200, b"{}")

    @property
    def response_uri(self) -> str:
        return self.server.url("/response")

    @property
    def posted(self) -> list[Any]:
        return [s for s in self.server.log if s.path.startswith("/response")]

    def payload(self, dcql: dict[str, Any], **extra: Any) -> dict[str, Any]:
        now = int(time.time())
        return {"response_type": "vp_token", "client_id": "x509_san_dns:localhost", "response_mode": "direct_post",
                "response_uri": self.response_uri, "nonce": "n-0123456789", "state": "st-1",
                "aud": "https://self-issued.me/v2", "iat": now, "exp": now + 600, "dcql_query": dcql,
                "client_metadata": {"client_name": "Hostile verifier"}, **extra}

    def sign(self, payload: dict[str, Any], signer: Signer | None = None) -> str:
        chosen = signer or self.signer
        der = base64.b64encode(chosen.leaf.public_bytes(serialization.Encoding.DER)).decode()
        return sign_compact({"typ": "oauth-authz-req+jwt", "alg": "ES256", "x5c": [der]}, payload, chosen.key)

    def link(self, jwt: str | bytes) -> str:
        self.request_jwt = jwt.encode() if isinstance(jwt, str) else jwt
        return "openid4vp://?" + urlencode({"client_id": "x509_san_dns:localhost",
                                            "request_uri": self.server.url("/request")})


def sd_jwt_query(peer: Oid4vcPeer) -> dict[str, Any]:
    return {"credentials": [{"id": "learning_credential", "format": "dc+sd-jwt",
                             "meta": {"vct_values": [peer.url + "/vct/learning-credential"]},
                             "claims": [{"path": ["achievement", "title"]}]}]}


@pytest.fixture(scope="module")
def verifier(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Verifier]:
    folder = tmp_path_factory.mktemp("verifier-pki")
    pki = make_pki(folder, ["localhost"])
    server = LocalServer(tls=server_context(pki)).start()
    try:
        yield Verifier(server, pki, folder)
    finally:
        server.stop()


def refused(verifier: Verifier, held: Vault, source: str) -> RequestRefused | InputError:
    before = len(verifier.posted)
    with pytest.raises((InputError, AddressRefused, ResponseTooLarge)) as caught:
        inspect(source, client=verifier.client, vault=held)
    assert len(verifier.posted) == before
    return caught.value  # type: ignore[return-value]


def test_a_well_signed_request_is_read(oid4vc_peer: Oid4vcPeer, verifier: Verifier, held: Vault) -> None:
    """The baseline the refusals below differ from in one thing each."""
    summary = inspect(verifier.link(verifier.sign(verifier.payload(sd_jwt_query(oid4vc_peer)))),
                      client=verifier.client, vault=held)
    assert summary.verified and summary.answerable and summary.verifier_name == "Hostile verifier"


def test_certificate_that_does_not_chain(oid4vc_peer: Oid4vcPeer, verifier: Verifier, held: Vault) -> None:
    jwt = verifier.sign(verifier.payload(sd_jwt_query(oid4vc_peer)), verifier.rogue)
    error = refused(verifier, held, verifier.link(jwt))
    assert error.message is not None and error.message.id == "present.certificate_untrusted"
    assert "does not chain to a CA the wallet trusts" in str(error)


def test_expired_request(oid4vc_peer: Oid4vcPeer, verifier: Verifier, held: Vault) -> None:
    now = int(time.time())
    jwt = verifier.sign(verifier.payload(sd_jwt_query(oid4vc_peer), iat=now - 3600, exp=now - 1800))
    error = refused(verifier, held, verifier.link(jwt))
    assert error.message is not None and error.message.id == "present.request_expired"


def test_response_uri_on_another_host_than_the_certificate(oid4vc_peer: Oid4vcPeer, verifier: Verifier,
                                                           held: Vault) -> None:
    other = verifier.server.url("/response", host="127.0.0.1")
    jwt = verifier.sign(verifier.payload(sd_jwt_query(oid4vc_peer), response_uri=other))
    error = refused(verifier, held, verifier.link(jwt))
    assert error.message is not None and error.message.id == "present.response_uri_mismatch"


def test_no_nonce(oid4vc_peer: Oid4vcPeer, verifier: Verifier, held: Vault) -> None:
    payload = verifier.payload(sd_jwt_query(oid4vc_peer))
    del payload["nonce"]
    error = refused(verifier, held, verifier.link(verifier.sign(payload)))
    assert error.message is not None and error.message.id == "present.request_no_nonce"


def test_tampered_request_object(oid4vc_peer: Oid4vcPeer, verifier: Verifier, held: Vault) -> None:
    head, _body, sig = verifier.sign(verifier.payload(sd_jwt_query(oid4vc_peer))).split(".")
    forged = verifier.payload(sd_jwt_query(oid4vc_peer), response_uri=verifier.server.url("/response?x=1"))
    body = base64.urlsafe_b64encode(json.dumps(forged).encode()).rstrip(b"=").decode()
    error = refused(verifier, held, verifier.link(f"{head}.{body}.{sig}"))
    assert error.message is not None and error.message.id == "present.request_bad_signature"


def test_huge_request_object(verifier: Verifier, held: Vault) -> None:
    error = refused(verifier, held, verifier.link(b"e" * (2 * 1024 * 1024)))
    assert isinstance(error, ResponseTooLarge)


def test_dcql_with_thousands_of_claims(oid4vc_peer: Oid4vcPeer, verifier: Verifier, held: Vault) -> None:
    query = sd_jwt_query(oid4vc_peer)
    query["credentials"][0]["claims"] = [{"path": ["achievement", f"c{i}"]} for i in range(5000)]
    error = refused(verifier, held, verifier.link(verifier.sign(verifier.payload(query))))
    assert error.message is not None and error.message.id == "present.dcql_malformed"


def test_request_uri_to_a_private_address(verifier: Verifier, held: Vault) -> None:
    link = "openid4vp://?" + urlencode({"client_id": "x509_san_dns:localhost",
                                        "request_uri": "https://10.11.12.13/request"})
    with pytest.raises(AddressRefused):
        inspect(link, client=verifier.client, vault=held)


def test_presentation_definition_is_refused_by_name(verifier: Verifier, held: Vault) -> None:
    link = "openid4vp://?" + urlencode({"client_id": "redirect_uri:" + verifier.response_uri,
                                        "response_type": "vp_token", "presentation_definition": "{}"})
    error = refused(verifier, held, link)
    assert "Presentation Exchange" in str(error)


# -- the peer's own requests --------------------------------------------------------------------------------


def pending(peer: Oid4vcPeer, made: dict[str, Any]) -> bool:
    return peer.admin("GET", "/admin/presentations/" + quote(made["id"], safe=""))["status"] == "pending"


def test_the_peers_request_after_it_expired(oid4vc_peer: Oid4vcPeer, client: OnlineClient, held: Vault) -> None:
    made = oid4vc_peer.admin("POST", "/admin/presentations", {"preset": "sd-jwt-title-ects"})
    with pytest.raises(RequestRefused) as caught:
        inspect(made["uri"], client=client, vault=held, now=datetime.now(UTC) + timedelta(minutes=20))
    assert caught.value.message is not None and caught.value.message.id == "present.request_expired"
    assert pending(oid4vc_peer, made)


def test_the_peers_request_over_a_connection_the_wallet_does_not_trust(oid4vc_peer: Oid4vcPeer, verifier: Verifier,
                                                                       held: Vault) -> None:
    made = oid4vc_peer.admin("POST", "/admin/presentations", {"preset": "sd-jwt-title-ects"})
    other = OnlineClient(OnlineSettings(ca_bundle=str(verifier.pki.other_ca_pem), allow_loopback=True))
    with pytest.raises(TlsError):
        inspect(made["uri"], client=other, vault=held)
    assert pending(oid4vc_peer, made)


def test_redirect_uri_request_whose_answer_would_go_elsewhere(oid4vc_peer: Oid4vcPeer, client: OnlineClient,
                                                              held: Vault) -> None:
    made = oid4vc_peer.admin("POST", "/admin/presentations", {"preset": "sd-jwt-title-ects",
                                                              "client_id_prefix": "redirect_uri"})
    params = dict(parse_qsl(urlsplit(made["uri"]).query))
    params["response_uri"] = params["response_uri"].replace("/vp/response/", "/vp/other/")
    with pytest.raises(RequestRefused) as caught:
        inspect("openid4vp://?" + urlencode(params), client=client, vault=held)
    assert caught.value.message is not None and caught.value.message.id == "present.response_uri_mismatch"
    assert pending(oid4vc_peer, made)


def test_x509_request_by_value_without_signature(oid4vc_peer: Oid4vcPeer, client: OnlineClient,
                                                 held: Vault) -> None:
    made = oid4vc_peer.admin("POST", "/admin/presentations", {"preset": "sd-jwt-title-ects",
                                                              "client_id_prefix": "redirect_uri"})
    params = dict(parse_qsl(urlsplit(made["uri"]).query))
    params["client_id"] = "x509_san_dns:localhost"
    with pytest.raises(RequestRefused) as caught:
        inspect("openid4vp://?" + urlencode(params), client=client, vault=held)
    assert caught.value.message is not None and caught.value.message.id == "present.request_unsigned"
    assert pending(oid4vc_peer, made)


def test_a_format_the_verifier_does_not_list_is_not_sent(oid4vc_peer: Oid4vcPeer, verifier: Verifier,
                                                         held: Vault) -> None:
    from wallet.app.presenting.send import send

    payload = verifier.payload(sd_jwt_query(oid4vc_peer),
                               client_metadata={"vp_formats_supported": {"dc+sd-jwt": {"kb-jwt_alg_values": ["RS256"]}}})
    summary = inspect(verifier.link(verifier.sign(payload)), client=verifier.client, vault=held)
    assert summary.answerable
    with pytest.raises(InputError) as caught:
        send(summary, vault=held, client=verifier.client)
    assert caught.value.message is not None and caught.value.message.id == "present.format_not_accepted"
    assert verifier.posted == [] and held.list_presentations() == []


def test_an_answer_that_cannot_be_delivered_is_recorded_as_failed(oid4vc_peer: Oid4vcPeer, verifier: Verifier,
                                                                  held: Vault) -> None:
    from wallet.app.presenting.send import send
    from wallet.errors import OnlineError

    gone = LocalServer()
    port = gone.port
    gone.server_close()  # nothing listens there any more
    payload = verifier.payload(sd_jwt_query(oid4vc_peer), response_uri=f"https://localhost:{port}/response")
    summary = inspect(verifier.link(verifier.sign(payload)), client=verifier.client, vault=held)
    with pytest.raises(OnlineError):
        send(summary, vault=held, client=verifier.client)
    (row,) = held.list_presentations()
    assert row.outcome == "failed" and row.data["credentials"][0]["claims"] == [["achievement", "title"]]
