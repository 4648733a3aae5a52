"""The ReceiveOffer use case against the peer: consent first, keys, retries, deferred state, revocation,
the loopback listener, a real browser, and hostile issuers on a local HTTPS server."""

from __future__ import annotations

import json
import shutil
import threading
import urllib.request
import webbrowser
from pathlib import Path
from typing import Any

import pytest
from online.servers import LocalServer, make_pki, server_context
from peers import Oid4vcPeer

from wallet.app import receive_evidence
from wallet.app.context import context_from_vault
from wallet.app.evidence import store
from wallet.app.receive import inspect
from wallet.app.receive_flow import accept, headless_browser, system_browser
from wallet.app.receive_state import ReceiveOutcome, pending_count, retry_pending
from wallet.app.refresh import refresh
from wallet.app.reverify import reverify
from wallet.errors import IssuanceError, ResponseTooLarge
from wallet.model import replace
from wallet.online import OnlineClient, OnlineSettings
from wallet.online.evidence import fetch_jwt_vc_issuer, fetch_token_status_list
from wallet.online.oid4vci.loopback import LoopbackListener, deliver
from wallet.readout import State, credential_state
from wallet.storage import Vault
from wallet.verify.engine import verify_bytes

ALL = ["learning_credential_sd_jwt", "open_badge_jwt_vc_json", "open_badge_ldp_vc"]


def test_inspect_shows_everything_and_stores_nothing(oid4vc_peer: Oid4vcPeer, client: OnlineClient,
                                                     vault: Vault) -> None:
    made = oid4vc_peer.offer(configurations=ALL, tx_code=True)
    summary = inspect(made["credential_offer_uri"], client=client, vault=vault, langs=("sl",))
    assert summary.issuer == oid4vc_peer.url and summary.issuer_name == "Referenčni vrstnik oid4vc (testni izdajatelj)"
    assert [c.name for c in summary.credentials] == ["Mikrodokazilo (učni dosežek)",
                                                    "Odprta značka (dosežek pri predmetu)",
                                                    "Odprta značka (dosežek pri predmetu)"]
    assert summary.credentials[0].background_color == "#0b6e4f" and summary.tx_code is not None
    assert summary.credentials[0].key is not None and summary.credentials[0].key.is_new
    assert summary.credentials[1].key is not None and summary.credentials[1].key.main
    ids = {m.id for m in summary.sends}
    assert {"receive.sends_code", "receive.sends_tx_code", "receive.sends_proof", "receive.sends_notification",
            "receive.sends_nothing_else"} <= ids
    # nothing stored, no key made: declining is simply not accepting
    assert vault.count_credentials() == 0 and len(vault.list_holder_keys()) == 1


def test_key_policy_main_binds_sd_jwt_to_the_main_did(oid4vc_peer: Oid4vcPeer, client: OnlineClient,
                                                      vault: Vault) -> None:
    vault.set_setting("keys.policy", "main")
    made = oid4vc_peer.offer(configurations=["learning_credential_sd_jwt"])
    summary = inspect(made["credential_offer_uri"], client=client, vault=vault)
    assert summary.credentials[0].key is not None and summary.credentials[0].key.main
    result = accept(summary, vault=vault, client=client)
    assert result.all_stored and len(vault.list_holder_keys()) == 1
    (row,) = vault.list_credentials()
    assert vault.credential_key(row.id) == vault.list_holder_keys()[0].kid


def test_per_issuer_key_is_reused_for_the_same_issuer(oid4vc_peer: Oid4vcPeer, client: OnlineClient,
                                                      vault: Vault) -> None:
    for _ in range(2):
        made = oid4vc_peer.offer(configurations=["learning_credential_sd_jwt"], course="GC-210")
        assert accept(inspect(made["credential_offer_uri"], client=client, vault=vault), vault=vault,
                      client=client).all_stored
    keys = vault.list_holder_keys()
    assert len(keys) == 2 and keys[1].issuer == oid4vc_peer.url
    assert {vault.credential_key(r.id) for r in vault.list_credentials()} == {keys[1].kid}


class Recording(OnlineClient):
    """The online client, keeping every credential request body."""

    def __init__(self, settings: OnlineSettings) -> None:
        super().__init__(settings)
        self.credential_requests: list[dict[str, Any]] = []

    def post(self, url: str, **kwargs: Any) -> Any:  # type: ignore[override]
        if url.endswith("/credential") and kwargs.get("json") is not None:
            self.credential_requests.append(kwargs["json"])
        return super().post(url, **kwargs)


def test_stale_nonce_retry_sends_a_new_proof_over_a_new_nonce(oid4vc_peer: Oid4vcPeer, vault: Vault) -> None:
    recording = Recording(OnlineSettings(ca_bundle=oid4vc_peer.ca, allow_loopback=True))
    made = oid4vc_peer.offer(configurations=["learning_credential_sd_jwt"], faults=["stale_nonce"])
    result = accept(inspect(made["credential_offer_uri"], client=recording, vault=vault), vault=vault,
                    client=recording)
    assert result.all_stored
    first, second = recording.credential_requests
    assert first["proofs"]["jwt"][0] != second["proofs"]["jwt"][0]

    def nonce(proof: str) -> str:
        import base64

        return json.loads(base64.urlsafe_b64decode(proof.split(".")[1] + "=="))["nonce"]

    assert nonce(first["proofs"]["jwt"][0]) != nonce(second["proofs"]["jwt"][0])


def test_a_deferred_credential_is_kept_and_collected_later(oid4vc_peer: Oid4vcPeer, client: OnlineClient,
                                                           vault: Vault) -> None:
    made = oid4vc_peer.offer(configurations=ALL, deferred=True)
    result = accept(inspect(made["credential_offer_uri"], client=client, vault=vault), vault=vault, client=client,
                    max_wait=0)
    assert [i.outcome for i in result.items] == [ReceiveOutcome.PENDING] * 3 and not result.all_stored
    assert pending_count(vault) == 3 and vault.count_credentials() == 0
    later = retry_pending(vault, client, max_wait=10)
    assert later.all_stored and len(later.items) == 3
    assert pending_count(vault) == 0 and vault.count_credentials() == 3


def test_a_revoked_sd_jwt_shows_revoked_after_the_status_list_is_fetched_again(
        oid4vc_peer: Oid4vcPeer, client: OnlineClient, vault: Vault) -> None:
    before = {c["id"] for c in oid4vc_peer.credentials()}
    made = oid4vc_peer.offer(configurations=["learning_credential_sd_jwt"])
    result = accept(inspect(made["credential_offer_uri"], client=client, vault=vault), vault=vault, client=client)
    (item,) = result.items
    assert item.state == "valid-note"
    (record,) = [c for c in oid4vc_peer.credentials() if c["id"] not in before]
    oid4vc_peer.set_status(record["id"], "revoked")
    # the online fetcher for the token status list, its record put in the context, verified again
    fresh = [fetch_token_status_list(client, record["status_uri"]), *fetch_jwt_vc_issuer(client, oid4vc_peer.url)]
    store(vault, fresh)
    (again,) = reverify(vault, [item.credential_id], ctx=receive_evidence.context_for(vault))  # type: ignore[list-item]
    assert again.after is State.REVOKED and again.changed
    status = again.report.check("status")
    assert status is not None and status.message.id == "status.revoked"
    assert status.message.get("as_of") == fresh[0].fetched_at.isoformat()
    # and the refresh use case (issue #12) reaches the same: suspended after the issuer suspends it
    oid4vc_peer.set_status(record["id"], "suspended")
    done = refresh(vault, [item.credential_id], client=client)  # type: ignore[list-item]
    assert [r.after for r in done.reverified] == [State.SUSPENDED]


def test_x5c_issuer_key_is_trusted_through_a_trust_anchor(oid4vc_peer: Oid4vcPeer, client: OnlineClient,
                                                          vault: Vault) -> None:
    made = oid4vc_peer.offer(configurations=["learning_credential_sd_jwt"])
    accept(inspect(made["credential_offer_uri"], client=client, vault=vault), vault=vault, client=client)
    (row,) = vault.list_credentials()
    ctx = replace(context_from_vault(vault), issuer_metadata={})  # no issuer metadata: only the x5c chain remains
    _cred, report = verify_bytes(row.raw, ctx)
    assert report.check("issuer-key").status.value == "not-checked"  # type: ignore[union-attr]
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    ca = x509.load_pem_x509_certificate(Path(oid4vc_peer.ca).read_bytes()).public_bytes(serialization.Encoding.DER)
    vault.add_trust_anchor(ca, "oid4vc peer CA")
    _cred, report = verify_bytes(row.raw, replace(context_from_vault(vault), issuer_metadata={}))
    assert report.check("issuer-key").status.value == "passed"  # type: ignore[union-attr]
    assert report.check("issuer-key").message.id == "x5c.ok"  # type: ignore[union-attr]


def test_a_callback_with_a_wrong_state_is_refused_and_the_listener_closed(
        oid4vc_peer: Oid4vcPeer, client: OnlineClient, vault: Vault) -> None:
    made = oid4vc_peer.offer(configurations=ALL, flow="authorization_code")
    summary = inspect(made["credential_offer_uri"], client=client, vault=vault)
    seen: list[LoopbackListener] = []

    def attacker(_url: str, listener: LoopbackListener) -> None:
        seen.append(listener)
        deliver(listener, listener.redirect_uri + "?code=stolen&state=not-yours")

    with pytest.raises(IssuanceError) as caught:
        accept(summary, vault=vault, client=client, browser=attacker)
    assert caught.value.error == "state_mismatch"
    assert seen[0].closed and vault.count_credentials() == 0
    with pytest.raises(OSError):
        urllib.request.urlopen(seen[0].redirect_uri + "?code=x&state=y", timeout=2)


def test_the_listener_serves_one_callback_ignores_strays_and_times_out() -> None:
    listener = LoopbackListener(timeout=5)
    assert listener.redirect_uri.startswith("http://127.0.0.1:") and listener.redirect_uri.endswith("/callback")

    def browser() -> None:
        for path in ("/favicon.ico", "/callback?code=c-1&state=s-1&iss=https%3A%2F%2Fas.example"):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{listener.port}{path}", timeout=5).read()
            except OSError:
                pass

    threading.Thread(target=browser, daemon=True).start()
    callback = listener.wait("s-1")
    assert (callback.code, callback.iss) == ("c-1", "https://as.example") and listener.closed
    idle = LoopbackListener(timeout=0.3)
    with pytest.raises(IssuanceError) as caught:
        idle.wait("s")
    assert caught.value.error == "timeout" and idle.closed


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian chromium is not installed")
def test_authorization_code_through_a_real_system_browser(oid4vc_peer: Oid4vcPeer, client: OnlineClient,
                                                          vault: Vault, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """webbrowser opens Debian's chromium (headless), which follows the issuer's redirect to the listener."""
    profile = tmp_path / "chromium-profile"
    opener = tmp_path / "open-browser"  # what a BROWSER setting runs: it starts the browser and returns
    opener.write_text(f"#!/bin/sh\nchromium --headless=new --no-sandbox --disable-gpu --ignore-certificate-errors "
                      f"--user-data-dir={profile} --dump-dom \"$1\" >/dev/null 2>&1 &\n")
    opener.chmod(0o755)
    monkeypatch.setenv("BROWSER", f"{opener} %s")
    monkeypatch.setattr(webbrowser, "_tryorder", None)
    monkeypatch.setattr(webbrowser, "_browsers", {})
    made = oid4vc_peer.offer(configurations=ALL, flow="authorization_code")
    summary = inspect(made["credential_offer_uri"], client=client, vault=vault)
    result = accept(summary, vault=vault, client=client, browser=system_browser, login_timeout=90)
    assert result.all_stored and vault.count_credentials() == 3


@pytest.fixture
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Any:
    pki = make_pki(tmp_path_factory.mktemp("hostile-pki"), ["localhost"])
    server = LocalServer("127.0.0.1", server_context(pki)).start()
    client = OnlineClient(OnlineSettings(ca_bundle=str(pki.ca_pem), allow_loopback=True))
    yield server, client
    server.stop()


def _offer(server: LocalServer) -> str:
    from urllib.parse import quote

    offer = {"credential_issuer": server.url("").rstrip("/"), "credential_configuration_ids": ["a"],
             "grants": {"urn:ietf:params:oauth:grant-type:pre-authorized_code": {"pre-authorized_code": "x"}}}
    return "openid-credential-offer://?credential_offer=" + quote(json.dumps(offer))


def test_hostile_issuers_are_refused_with_nothing_stored(hostile: Any, vault: Vault) -> None:
    server, client = hostile
    issuer = server.url("").rstrip("/")
    huge = json.dumps({"credential_issuer": issuer, "padding": "x" * 300_000}).encode()
    server.route("/.well-known/openid-credential-issuer")(lambda h: h.reply(200, huge))
    with pytest.raises(ResponseTooLarge):
        inspect(_offer(server), client=client, vault=vault)
    server.route("/.well-known/openid-credential-issuer")(lambda h: h.redirect(302, "https://169.254.169.254/meta"))
    with pytest.raises(IssuanceError, match="redirects elsewhere"):
        inspect(_offer(server), client=client, vault=vault)
    server.route("/offer")(lambda h: h.redirect(302, "https://10.0.0.1/offer"))
    from urllib.parse import quote

    from wallet.errors import RedirectRefused

    with pytest.raises(RedirectRefused):
        inspect("openid-credential-offer://?credential_offer_uri=" + quote(server.url("/offer")), client=client,
                vault=vault)
    assert vault.count_credentials() == 0 and len(vault.list_holder_keys()) == 1


def test_an_issuer_that_sends_garbage_credentials_stores_nothing(hostile: Any, vault: Vault) -> None:
    server, client = hostile
    issuer = server.url("").rstrip("/")
    meta = {"credential_issuer": issuer, "credential_endpoint": issuer + "/credential",
            "credential_configurations_supported": {"a": {"format": "dc+sd-jwt"}}}
    server.route("/.well-known/openid-credential-issuer")(lambda h: h.reply(200, json.dumps(meta).encode()))
    server.route("/.well-known/oauth-authorization-server")(lambda h: h.reply(200, json.dumps(
        {"issuer": issuer, "token_endpoint": issuer + "/token"}).encode()))
    server.route("/token")(lambda h: h.reply(200, b'{"access_token":"t","token_type":"Bearer","expires_in":60}'))
    server.route("/credential")(lambda h: h.reply(200, b'{"credentials":[{"credential":"not.a~credential~"}]}'))
    summary = inspect(_offer(server), client=client, vault=vault)
    result = accept(summary, vault=vault, client=client)
    (item,) = result.items
    assert item.outcome is ReceiveOutcome.REFUSED and not result.all_stored
    assert vault.count_credentials() == 0
    server.route("/credential")(lambda h: h.reply(500, b"<html>oops</html>", "text/html"))
    result = accept(inspect(_offer(server), client=client, vault=vault), vault=vault, client=client)
    assert result.items[0].outcome is ReceiveOutcome.FAILED and vault.count_credentials() == 0
    # headless sign-in against an issuer that shows a login page: a person is needed, and the wallet says so
    assert headless_browser(client) is not None
    assert credential_state is not None


def test_logos_are_fetched_once_while_preparing_the_summary(hostile: Any, vault: Vault) -> None:
    import base64

    server, client = hostile
    issuer = server.url("").rstrip("/")
    png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
    meta = {"credential_issuer": issuer, "credential_endpoint": issuer + "/credential",
            "display": [{"name": "Logo issuer", "locale": "en", "logo": {"uri": issuer + "/logo.png"}}],
            "credential_configurations_supported": {"a": {"format": "ldp_vc", "credential_metadata": {"display": [
                {"name": "Badge", "locale": "en", "logo": {"uri": issuer + "/evil.svg"}}]}}}}
    server.route("/.well-known/openid-credential-issuer")(lambda h: h.reply(200, json.dumps(meta).encode()))
    server.route("/logo.png")(lambda h: h.reply(200, png, "image/png"))
    server.route("/evil.svg")(lambda h: h.reply(200, b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/png"))
    summary = inspect(_offer(server), client=client, vault=vault)
    assert summary.issuer_logo == "data:image/png;base64," + base64.b64encode(png).decode()
    assert summary.credentials[0].logo is None  # an SVG, whatever the server says it is, is not shown
    summary.to_json()
    assert [seen.path for seen in server.log].count("/logo.png") == 1
