"""The fuzz targets: one in-process entry point per kind of hostile input.

Each target is a function of the input bytes that may only return or raise a
documented :class:`wallet.errors.WalletError`; anything else is a crash, and
taking longer than the harness's per-input limit is a hang. A target is one
registry entry (name, entry point, where its seeds come from, which modules
atheris instruments), so a new input kind (Token Status List, OID4VCI offers,
share-service responses) is one more :func:`register` call.

``owner`` names who fixes a target's findings when that is not the
verification code (storage, stacking): the harness still reports them.
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
COMMITTED_SEEDS = ROOT / "tests" / "fuzz_seeds"
#: The clock every verification target uses (the shared corpus was made in 2025).
FUZZ_NOW = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Target:
    """One fuzz target."""

    name: str
    run: Callable[[bytes], object]
    what: str
    shared_globs: tuple[str, ...] = ()  # seed files under ../shared
    generated: Callable[[Path | None], Iterable[bytes]] | None = None  # seeds built at start-up
    instrument: tuple[str, ...] = ("wallet",)
    owner: str = "verification"
    max_len: int = 256 * 1024
    setup: Callable[[], None] | None = None
    seed_folders: tuple[str, ...] = ()  # tests/fuzz_seeds/ folders besides the target's own
    extras: dict[str, Any] = field(default_factory=dict)


TARGETS: dict[str, Target] = {}


def register(target: Target) -> Target:
    TARGETS[target.name] = target
    return target


# -- shared helpers (imported lazily so atheris can instrument the imports) -----------------------

@functools.lru_cache(maxsize=1)
def _shared_context() -> Any:
    """Status lists of the shared corpus (if present), a fixed clock, no trust."""
    import json

    from wallet.shared_data import shared_dir
    from wallet.verify.context import VerificationContext

    lists: dict[str, bytes] = {}
    shared = shared_dir()
    if shared is not None and (shared / "corpus" / "manifest.json").is_file():
        manifest = json.loads((shared / "corpus" / "manifest.json").read_text(encoding="utf-8"))
        lists = {url: (shared / "corpus" / name).read_bytes() for url, name in manifest.get("statusLists", {}).items()}
    return VerificationContext(now=FUZZ_NOW, status_lists=lists)


def _verify(data: bytes) -> None:
    """verify_bytes must answer every input with a report; it may not even raise a WalletError."""
    from wallet.verify.engine import verify_bytes

    cred, report = verify_bytes(data, _shared_context())
    report.to_json()
    report.verdict  # noqa: B018 - computing the verdict is part of what is exercised
    if cred is not None:
        cred.display_title()


def _json_paths_agree(data: bytes) -> None:
    """load_json says the same with and without orjson's fast path (a difference is a crash).

    Differential: the fast path must give exactly the standard decoder's
    value (compared by ``repr``, so ``1`` and ``1.0`` differ) or leave the
    text to it; the refusal sentence must be the same too.
    """
    from wallet.errors import InputError
    from wallet.util import fast_json
    from wallet.util.limits import load_json

    def outcome() -> tuple[str, str]:
        try:
            return "value", repr(load_json(data, "document"))
        except InputError as exc:
            return "refused", f"{type(exc).__name__}: {exc}"

    fast = outcome()
    original = fast_json.loads
    fast_json.loads = lambda _body: fast_json.UNDECIDED  # type: ignore[assignment]
    try:
        standard = outcome()
    finally:
        fast_json.loads = original  # type: ignore[assignment]
    if fast != standard:
        raise AssertionError(f"orjson's fast path disagrees with the standard decoder: {fast[1][:200]!r} "
                             f"against {standard[1][:200]!r}")


def _detect_and_parse(data: bytes) -> None:
    from wallet.formats import detect, parse

    detect(data)
    cred = parse(data)
    cred.display_title()


def _baked(data: bytes) -> None:
    from wallet.formats import baked

    try:
        baked.extract(data)
    finally:
        _verify(data)


# -- status lists ----------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _status_credentials() -> tuple[tuple[str, bytes], ...]:
    """(status list URL, credential bytes) for every corpus credential that names a list."""
    import json

    from wallet.shared_data import shared_dir

    out: list[tuple[str, bytes]] = []
    shared = shared_dir()
    paths = sorted((shared / "corpus").glob("*.status-*.json")) if shared is not None else []
    # tests/fuzz_seeds/status-credentials/: credentials naming the committed demo status list.
    paths += sorted((COMMITTED_SEEDS / "status-credentials").glob("*.json"))
    for path in paths:
        raw = path.read_bytes()
        status = json.loads(raw).get("credentialStatus")
        entry = status[0] if isinstance(status, list) else status
        if isinstance(entry, dict) and isinstance(entry.get("statusListCredential"), str):
            out.append((entry["statusListCredential"], raw))
    return tuple(out)


def _status_list(data: bytes) -> None:
    """A (mutated) status list credential, consulted by each credential that points to a list."""
    import dataclasses
    import json

    from wallet.verify.engine import verify_bytes
    from wallet.verify.status import StatusListError, decode_list

    try:
        doc = json.loads(data)
    except (ValueError, RecursionError):
        doc = None
    if isinstance(doc, dict) and "credentialSubject" in doc and "encodedList" not in json.dumps(doc.get("credentialSubject")):
        _verify(data)  # a credential with a (mutated) status entry, checked against the shared lists
        return
    list_id = doc.get("id") if isinstance(doc, dict) else None
    # The credentials that name this list (by its id), else the first one: each verification costs a proof check.
    credentials = [c for c in _status_credentials() if c[0] == list_id] or list(_status_credentials()[:1])
    base = _shared_context()
    for url, credential in credentials:
        ctx = dataclasses.replace(base, status_lists={**base.status_lists, url: data})
        _, report = verify_bytes(credential, ctx)
        report.verdict  # noqa: B018
    try:
        encoded = doc["credentialSubject"]["encodedList"]  # type: ignore[index]
    except (KeyError, TypeError):
        return
    try:
        decode_list(encoded)
    except StatusListError:
        pass


# -- share links and presentations -----------------------------------------------------------------

def _share_link(data: bytes) -> None:
    from wallet.sharing.link import decode_link

    try:
        decode_link(data.decode("latin-1"))
    finally:
        # As the CLI gets it: an argument's undecodable bytes become lone surrogates.
        _received(data.decode("utf-8", "surrogateescape"))


def _received(data: bytes | str) -> None:
    from wallet.sharing.received import verify_received

    bundle = verify_received(data, _shared_context())
    bundle.to_json()
    bundle.summary_lines(("en",))


def _links_from_presentations(shared: Path | None) -> Iterable[bytes]:
    from wallet.sharing.link import encode_link

    sources = sorted(shared.glob("corpus/*.vp.json")) if shared is not None else []
    sources += sorted((COMMITTED_SEEDS / "presentation").glob("*.json"))
    for path in sources[:12]:
        yield encode_link(path.read_bytes()).encode("ascii")


# -- backup restore (storage owns the findings) ------------------------------------------------------

_RESTORE: dict[str, Any] = {}


def _restore_setup() -> None:
    """One throw-away demo vault and its backup key; key derivation memoised for speed.

    Deriving the master key (Argon2id at the floor) on every input would make
    the target run a few inputs per second: the harness memoises derivation
    per (passphrase, salt, parameters), which changes no decision of the code
    under test.
    """
    if _RESTORE:
        return
    from wallet.app import demo
    from wallet.storage import backup as backup_mod
    from wallet.storage import vault as vault_mod

    real = backup_mod.derive_master

    @functools.lru_cache(maxsize=16)
    def _derive(passphrase: str, salt: bytes, params: Any) -> bytes:
        return bytes(real(passphrase, salt, params))

    def derive(passphrase: str, salt: bytes, params: Any) -> bytearray:
        return bytearray(_derive(passphrase, bytes(salt), params))

    backup_mod.derive_master = derive  # type: ignore[assignment]
    vault_mod.derive_master = derive  # type: ignore[assignment]
    work = Path(tempfile.mkdtemp(prefix="wallet-fuzz-restore-"))
    vault, passphrase = demo.create_demo_vault(work / "demo.db")
    out = vault.backup(work / "seed.backup")
    vault.close()
    plain, key = backup_mod.read_backup(out, passphrase)
    _RESTORE.update(work=work, passphrase=passphrase, key=key, seed=plain)


def _restore_seeds(_shared: Path | None) -> Iterable[bytes]:
    _restore_setup()
    yield _RESTORE["seed"]


def _restore(data: bytes) -> None:
    """A backup whose authenticated payload is ``data`` (or, with the magic, a whole backup file)."""
    from wallet.storage import Vault
    from wallet.storage import backup as backup_mod
    from wallet.storage.files import remove_db_files

    _restore_setup()
    work: Path = _RESTORE["work"]
    file = work / "input.backup"
    if data.startswith(backup_mod.MAGIC):
        file.write_bytes(data)
    else:
        file.write_bytes(backup_mod.encode_backup([data], _RESTORE["key"]))
    target = work / "restored.db"
    try:
        vault = Vault.restore(file, target, _RESTORE["passphrase"], overwrite=True)
        try:
            vault.info()
            for stored in vault.list_credentials():
                stored.parsed  # noqa: B018
            vault.list_targets()
            vault.list_trusted_issuers()
        finally:
            vault.close()
    finally:
        remove_db_files(target)
        for aside in work.glob("restored.db.replaced-*"):
            remove_db_files(aside)


# -- stacking target files (stacking owns the findings) -----------------------------------------------

def _target_file(data: bytes) -> None:
    from wallet.app.stacking import target_document_from_file
    from wallet.stacking.progress import progress
    from wallet.stacking.schema import load_target

    path = Path(tempfile.gettempdir()) / f"wallet-fuzz-target-{os.getpid()}.json"
    path.write_bytes(data)
    document = target_document_from_file(path)
    target = load_target(document)
    progress(target, _demo_candidates(), FUZZ_NOW)


@functools.lru_cache(maxsize=1)
def _demo_candidates() -> tuple[Any, ...]:
    from wallet.stacking.demo import demo_candidates

    return tuple(demo_candidates())


def _bundled_targets(_shared: Path | None) -> Iterable[bytes]:
    from wallet.stacking.schema import bundled_target_files

    for path in bundled_target_files():
        yield path.read_bytes()


# -- OpenID4VCI offers and issuer metadata (issue #13) ------------------------------------------------

OFFER_ISSUER = "https://issuer.example"
METADATA_URL = OFFER_ISSUER + "/.well-known/openid-credential-issuer"


def _offer(data: bytes) -> None:
    """``parse_offer`` on the bytes (a file, a QR code's payload) and on the text a paste or argument gives."""
    from wallet.online.oid4vci.offer import parse_offer

    try:
        parse_offer(data)
    finally:
        parse_offer(data.decode("utf-8", "surrogateescape"))


def _offer_seeds(_shared: Path | None) -> Iterable[bytes]:
    import json
    from urllib.parse import quote

    offer = {"credential_issuer": OFFER_ISSUER,
             "credential_configuration_ids": ["learning_credential_sd_jwt", "open_badge_ldp_vc"],
             "grants": {"urn:ietf:params:oauth:grant-type:pre-authorized_code": {
                 "pre-authorized_code": "pac-1", "tx_code": {"input_mode": "numeric", "length": 6,
                                                            "description": "PIN from the mail"}},
                 "authorization_code": {"issuer_state": "st-1"}}}
    text = json.dumps(offer)
    yield ("openid-credential-offer://?credential_offer=" + quote(text)).encode()
    yield ("openid-credential-offer://?credential_offer_uri=" + quote(OFFER_ISSUER + "/offers/1")).encode()
    yield ("https://issuer.example/offer?credential_offer=" + quote(text)).encode()
    yield text.encode()


def _metadata(data: bytes) -> None:
    """``parse_issuer_metadata`` as JSON (signed metadata inside included) and as a signed JWT body."""
    from wallet.online.oid4vci.metadata import parse_issuer_metadata

    try:
        parse_issuer_metadata(data, METADATA_URL, now=FUZZ_NOW)
    finally:
        parse_issuer_metadata(data, METADATA_URL, media_type="application/jwt", now=FUZZ_NOW)


def _metadata_seeds(_shared: Path | None) -> Iterable[bytes]:
    import json

    from cryptography.hazmat.primitives.asymmetric import ec

    from wallet.verify.jose import sign_compact

    display = [{"name": "Test issuer", "locale": "en", "logo": {"uri": "data:image/png;base64,iVBORw0KGgo="}},
               {"name": "Testni izdajatelj", "locale": "sl", "background_color": "#0b6e4f"}]
    meta = {"credential_issuer": OFFER_ISSUER, "credential_endpoint": OFFER_ISSUER + "/credential",
            "nonce_endpoint": OFFER_ISSUER + "/nonce", "deferred_credential_endpoint": OFFER_ISSUER + "/deferred",
            "notification_endpoint": OFFER_ISSUER + "/notification", "authorization_servers": [OFFER_ISSUER],
            "batch_credential_issuance": {"batch_size": 3}, "display": display,
            "credential_configurations_supported": {
                "sd": {"format": "dc+sd-jwt", "vct": OFFER_ISSUER + "/vct", "scope": "sd",
                       "cryptographic_binding_methods_supported": ["jwk"],
                       "proof_types_supported": {"jwt": {"proof_signing_alg_values_supported": ["ES256", "EdDSA"]}},
                       "credential_metadata": {"display": display, "claims": [{"path": ["a", "b"]}]}},
                "ldp": {"format": "ldp_vc", "credential_definition": {"type": ["VerifiableCredential"]}}}}
    yield json.dumps(meta).encode()
    key = ec.generate_private_key(ec.SECP256R1())
    signed = sign_compact({"typ": "openidvci-issuer-metadata+jwt", "kid": "k"}, {**meta, "sub": OFFER_ISSUER}, key)
    yield json.dumps({**meta, "signed_metadata": signed}).encode()
    yield signed.encode()


# -- OpenID4VP requests: links, request objects, DCQL -----------------------------------------------

VERIFIER_CB = "https://verifier.example/cb"
VP_LINK = "openid4vp://?client_id=redirect_uri%3A" + "https%3A%2F%2Fverifier.example%2Fcb" + \
    "&request_uri=https%3A%2F%2Fverifier.example%2Fr"


def _oid4vp_candidates() -> tuple[Any, ...]:
    from wallet.oid4vp.matching import Candidate

    claims = {"vct": "https://issuer.example/vct", "achievement": {"title": {"en": "Data"}, "ects_credits": 5},
              "learner": {"given_name": "Ana"}, "list": [{"a": 1}, {"a": 2}]}
    return (Candidate("sd", "dc+sd-jwt", "SD", claims, "https://issuer.example/vct", bound=True,
                      disclosable=(("achievement", "title"), ("achievement", "ects_credits"))),
            Candidate("ldp", "ldp_vc", "LDP", {"type": ["VerifiableCredential", "OpenBadgeCredential"],
                                              "credentialSubject": {"achievement": {"name": "B"}}},
                      types=frozenset({"VerifiableCredential", "OpenBadgeCredential"}), bound=True))


def _oid4vp_request(data: bytes) -> None:
    """A request as it arrives (a link, pasted text, a QR payload), a request object JWT, or a DCQL query:
    parsed, checked (no network: by value only) and matched against two fixed candidates."""
    from wallet.errors import InputError
    from wallet.oid4vp.dcql import parse_dcql
    from wallet.oid4vp.link import parse_link
    from wallet.oid4vp.matching import match
    from wallet.oid4vp.request import from_link, from_request_object
    from wallet.util.limits import load_json

    text = data.decode("utf-8", "surrogateescape")
    try:
        link = parse_link(data)
        request = from_link(link, now=FUZZ_NOW) if link.request is None and link.request_uri is None else \
            from_request_object(link.request, link, now=FUZZ_NOW) if link.request is not None else None
        if request is not None:
            match(request.dcql, _oid4vp_candidates())
    except InputError:
        pass
    try:
        from_request_object(text, parse_link(VP_LINK), now=FUZZ_NOW)
    except InputError:
        pass
    match(parse_dcql(load_json(data, "dcql_query", 256 * 1024)), _oid4vp_candidates())


def _oid4vp_seeds(_shared: Path | None) -> Iterable[bytes]:
    import base64
    import json
    from urllib.parse import urlencode

    dcql = {"credentials": [
        {"id": "learning", "format": "dc+sd-jwt", "meta": {"vct_values": ["https://issuer.example/vct"]},
         "claims": [{"id": "t", "path": ["achievement", "title"]}, {"id": "e", "path": ["achievement", "ects_credits"],
                                                                    "values": [5, 6]}],
         "claim_sets": [["t", "e"], ["t"]]},
        {"id": "badge", "format": "ldp_vc", "meta": {"type_values": [["VerifiableCredential", "OpenBadgeCredential"]]},
         "claims": [{"path": ["credentialSubject", "achievement", "name"]}, {"path": ["list", None, "a"]}]},
        {"id": "mdl", "format": "mso_mdoc", "meta": {"doctype_value": "org.iso.18013.5.1.mDL"},
         "claims": [{"path": ["org.iso.18013.5.1", "family_name"]}]}],
        "credential_sets": [{"options": [["learning"], ["badge"]]}, {"options": [["mdl"]], "required": False}]}
    params = {"client_id": "redirect_uri:" + VERIFIER_CB, "response_type": "vp_token",
              "response_mode": "direct_post", "response_uri": VERIFIER_CB, "nonce": "n-1", "state": "s-1",
              "dcql_query": json.dumps(dcql),
              "client_metadata": json.dumps({"client_name": "Verifier", "vp_formats_supported": {"dc+sd-jwt": {}},
                                             "jwks": {"keys": [{"kty": "EC", "crv": "P-256", "use": "enc",
                                                                "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
                                                                "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}]},
                                             "encrypted_response_enc_values_supported": ["A128GCM"]})}
    yield ("openid4vp://?" + urlencode(params)).encode()
    yield ("openid4vp://?" + urlencode({**params, "response_mode": "direct_post.jwt"})).encode()
    yield json.dumps(dcql).encode()
    head = base64.urlsafe_b64encode(b'{"alg":"none"}').rstrip(b"=")
    body = base64.urlsafe_b64encode(json.dumps({**params, "client_id": "redirect_uri:" + VERIFIER_CB}).encode())
    yield head + b"." + body.rstrip(b"=") + b"."
    yield ("openid4vp://?" + urlencode({"client_id": "x509_san_dns:verifier.example",
                                        "request_uri": "https://verifier.example/r",
                                        "request_uri_method": "post"})).encode()


# -- Token Status Lists (IETF OAuth) consulted by an SD-JWT VC --------------------------------------

_TOKEN: dict[str, Any] = {}
TOKEN_URI = OFFER_ISSUER + "/status/token/1"


def _token_setup() -> None:
    """An issuer key, its JWT VC Issuer Metadata, and an SD-JWT VC naming entry 7 of a Token Status List."""
    if _TOKEN:
        return
    import zlib

    from cryptography.hazmat.primitives.asymmetric import ec

    from wallet.util.b64 import b64url_encode
    from wallet.verify.jose import sign_compact
    from wallet.verify.keys import public_jwk

    key = ec.generate_private_key(ec.SECP256R1())
    now = int(FUZZ_NOW.timestamp())
    credential = sign_compact({"typ": "dc+sd-jwt", "kid": "k1"}, {
        "vct": OFFER_ISSUER + "/vct", "iss": OFFER_ISSUER, "iat": now - 60, "exp": now + 86400,
        "status": {"status_list": {"idx": 7, "uri": TOKEN_URI}}}, key) + "~"
    lists = []
    for bits, value in ((1, 1), (2, 2), (8, 3)):
        data = bytearray(128 * bits)
        data[7 * bits // 8] |= value << (7 * bits % 8)
        lists.append(sign_compact({"typ": "statuslist+jwt", "kid": "k1"}, {
            "sub": TOKEN_URI, "iat": now - 30, "exp": now + 3600, "ttl": 60,
            "status_list": {"bits": bits, "lst": b64url_encode(zlib.compress(bytes(data)))}}, key).encode())
    _TOKEN.update(credential=credential.encode(), lists=lists,
                  metadata={"issuer": OFFER_ISSUER, "jwks": {"keys": [{**public_jwk(key), "kid": "k1"}]}})


def _token_seeds(_shared: Path | None) -> Iterable[bytes]:
    _token_setup()
    yield from _TOKEN["lists"]


def _token_status(data: bytes) -> None:
    """A (mutated) Token Status List JWT, consulted by a genuine SD-JWT VC of its issuer."""
    from wallet.verify.context import VerificationContext
    from wallet.verify.engine import verify_bytes

    _token_setup()
    ctx = VerificationContext(now=FUZZ_NOW, issuer_metadata={OFFER_ISSUER: _TOKEN["metadata"]},
                              token_status_lists={TOKEN_URI: data})
    _, report = verify_bytes(_TOKEN["credential"], ctx)
    report.to_json()
    report.verdict  # noqa: B018


# -- the registry -----------------------------------------------------------------------------------

JSON_LD = ("corpus/vc*.json", "corpus/ob3-*.json", "vectors/w3c-vc-di-eddsa/**/*.json",
           "vectors/w3c-vc-di-ecdsa/**/*.json", "vectors/w3c-vc-data-model-2.0-test-suite/*.json",
           "vectors/w3c-ccg-citizenship/**/*.jsonld")

register(Target("detect", _detect_and_parse, "recognition and parsing of every format (wallet.formats.parse)",
                shared_globs=("corpus/*", "vectors/1edtech-dc-validator/**/*", "vectors/openbadges/**/*",
                              "vectors/w3c-vc-jose-cose-test-suite/**/*.txt", "vectors/eu-elm-v3/**/*.json*",
                              "vectors/eu-edci-legacy/**/*.xml"),
                seed_folders=("dataintegrity", "jose", "ob2", "status", "presentation", "sharelink")))
register(Target("json", _json_paths_agree, "the strict JSON loader: orjson's fast path against the standard decoder",
                shared_globs=("corpus/*.json", "vectors/w3c-vc-data-model-2.0-test-suite/*.json",
                              "vectors/eu-elm-v3/**/*.json*")))
register(Target("dataintegrity", _verify, "Data Integrity verification (JSON-LD expansion, RDFC-1.0, JCS)",
                shared_globs=JSON_LD, instrument=("wallet", "pyld", "rfc8785")))
register(Target("jose", _verify, "JWS / VC-JWT / VC-JOSE / SD-JWT verification",
                shared_globs=("corpus/*.jwt", "vectors/w3c-vc-jose-cose-test-suite/**/*.txt",
                              "vectors/1edtech-dc-validator/**/*.jwt")))
register(Target("ob2", _baked, "Open Badges 2.0 JSON and baked PNG/SVG badges (extraction + verification)",
                shared_globs=("vectors/1edtech-dc-validator/**/*.png", "vectors/1edtech-dc-validator/**/*.svg",
                              "vectors/openbadges/**/*.png", "vectors/openbadges/**/*.svg",
                              "vectors/1edtech-dc-validator/**/ob2*.json", "vectors/1edtech-dc-validator/**/*assertion*.json"),
                max_len=1024 * 1024))
register(Target("jades", _verify, "European Digital Credentials: ELM JSON-LD and JAdES seals",
                shared_globs=("vectors/eu-elm-v3/**/*.json*", "vectors/eu-edci-legacy/**/*.json*"),
                max_len=2 * 1024 * 1024))
register(Target("edci", _verify, "EDCI 1.x XML credentials with XAdES seals",
                shared_globs=("vectors/eu-edci-legacy/**/*.xml", "vectors/eu-elm-v3/**/*.xml"),
                max_len=2 * 1024 * 1024))
register(Target("status", _status_list, "status lists (BitstringStatusList, StatusList2021) consulted by credentials",
                shared_globs=("corpus/statuslist.*.json", "corpus/*.status-*.json",
                              "vectors/1edtech-dc-validator/**/*status*.json")))
register(Target("token-status", _token_status, "IETF Token Status Lists consulted by an SD-JWT VC",
                generated=_token_seeds, setup=_token_setup))
register(Target("oid4vci-offer", _offer, "OpenID4VCI credential offers (links, pasted JSON, QR payloads)",
                generated=_offer_seeds, max_len=64 * 1024))
register(Target("oid4vp-request", _oid4vp_request, "OpenID4VP requests (links, request objects, DCQL queries)",
                generated=_oid4vp_seeds, max_len=256 * 1024))
register(Target("oid4vci-metadata", _metadata, "OpenID4VCI credential issuer metadata (JSON, signed metadata)",
                generated=_metadata_seeds))
register(Target("sharelink", _share_link, "share links (wallet:/open#v=1&b=...) and the bundles inside",
                generated=_links_from_presentations))
register(Target("presentation", _received, "received presentations (wallet.sharing.received)",
                shared_globs=("corpus/*.vp.json", "vectors/w3c-vc-data-model-2.0-test-suite/*presentation*.json")))
register(Target("restore", _restore, "backup restore: the dump inside a backup, and the backup file itself",
                generated=_restore_seeds, owner="storage", max_len=1024 * 1024))
register(Target("targets", _target_file, "stacking target files (loading, validation, progress)",
                generated=_bundled_targets, owner="stacking", instrument=("wallet",)))
