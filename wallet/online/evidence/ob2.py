"""Open Badges 2.0: hosted assertions and the documents a badge links to.

A hosted assertion's only authority is the copy served at its ``id`` (OB 2.0
"HostedBadge": input data "should only be trusted to identify the URI";
threat "Open Badges 2.0 hosted assertions" in docs/THREATS.md). So the assertion is fetched from that URL and *that*
copy is returned, never the local one; it must name the same ``id``. HTTP
410 Gone, or ``"revoked": true`` in the copy, is a record saying revoked.

From the fetched copy, the linked documents verification needs are fetched
too (``badge`` → BadgeClass → ``issuer`` Profile → ``publicKey`` and
``revocationList``), each only if it is a URL, each required to name itself
by the URL it was fetched from. Then the issuer's hosted-verification
policy (``verification.allowedOrigins`` / ``startsWith``, default: the
Profile's own host) is checked against the assertion ``id``: a badge hosted
where its issuer does not allow is refused, whatever it says.
"""

from __future__ import annotations

from typing import Any

from wallet.errors import BadEvidence, HttpStatusError, InputError, WalletError
from wallet.formats.ob2 import is_assertion
from wallet.formats.vc_json import types_of
from wallet.model import CheckStatus
from wallet.online.evidence.record import Evidence, EvidenceKind, from_response
from wallet.online.http import OnlineClient, Response
from wallet.online.settings import FetchKind
from wallet.online.urls import clause, display_url
from wallet.util.values import as_list

# The policy rule lives with offline verification; using it here keeps the two from drifting apart.
from wallet.verify.ob2 import origin_check

ACCEPT = "application/ld+json, application/json;q=0.9"
MAX_LINKED = 8
MAX_KEYS = 4


def _document(resp: Response, what: str) -> dict[str, Any]:
    where = display_url(resp.url)
    try:
        doc = resp.json(what)
    except InputError as exc:
        raise BadEvidence(f"The {what} at {where} is refused: {clause(exc)}.") from exc
    if not isinstance(doc, dict):
        raise BadEvidence(f"The {what} at {where} is not a JSON object.")
    return doc


def _fetch_linked(client: OnlineClient, url: str, what: str, kind: FetchKind) -> tuple[Evidence, dict[str, Any]]:
    resp = client.get(url, kind=kind, headers={"Accept": ACCEPT}, purpose=f"Open Badges {what}")
    doc = _document(resp, what)
    if doc.get("id") not in (None, url):
        raise BadEvidence(f"The {what} at {display_url(url)} names itself {str(doc.get('id'))[:100]!r}.")
    return from_response(EvidenceKind.OB2_DOCUMENT, url, resp), doc


def fetch_ob2_documents(client: OnlineClient, start: Any) -> tuple[tuple[Evidence, ...], dict[str, Any] | None]:
    """Follow BadgeClass → issuer Profile → keys and revocation list from ``start`` (a URL or an object).

    Returns the records fetched and the issuer Profile (fetched or embedded), if any.
    """
    records: list[Evidence] = []
    profile: dict[str, Any] | None = None
    queue: list[tuple[Any, str]] = [(start, "badge")]
    while queue and len(records) < MAX_LINKED:
        ref, role = queue.pop(0)
        if isinstance(ref, str):
            kind = FetchKind.METADATA if role in ("key", "revocation list") else FetchKind.CREDENTIAL
            record, doc = _fetch_linked(client, ref, role, kind)
            records.append(record)
        elif isinstance(ref, dict):
            doc = ref
        else:
            continue
        types = types_of(doc)
        if role == "badge" and ("BadgeClass" in types or "issuer" in doc):
            queue.append((doc.get("issuer"), "issuer profile"))
        elif role in ("badge", "issuer profile") and ({"Issuer", "Profile"} & set(types) or "publicKey" in doc):
            profile = doc
            queue += [(key, "key") for key in as_list(doc.get("publicKey"))[:MAX_KEYS]]
            if doc.get("revocationList") is not None:
                queue.append((doc.get("revocationList"), "revocation list"))
    return tuple(records), profile


def fetch_ob2_hosted(client: OnlineClient, assertion_id: str) -> tuple[Evidence, ...]:
    """The hosted copy of an assertion (first record) and the documents it links to."""
    resp = client.get(assertion_id, kind=FetchKind.CREDENTIAL, headers={"Accept": ACCEPT},
                      purpose="Open Badges hosted assertion", check_status=False)
    where = display_url(resp.url)
    if resp.status == 410:
        return (from_response(EvidenceKind.OB2_HOSTED, assertion_id, resp, revoked=True,
                              notes=(f"{where} answered 410 Gone: the issuer has revoked this badge.",)),)
    if not 200 <= resp.status < 300:
        raise HttpStatusError(f"{where} answered HTTP {resp.status} for the hosted badge.", resp.status, resp)
    assertion = _document(resp, "hosted badge")
    if not is_assertion(assertion):
        raise BadEvidence(f"{where} does not serve an Open Badges 2.0 assertion.")
    if assertion.get("id") != assertion_id:
        raise BadEvidence(f"The badge hosted at {where} names itself {str(assertion.get('id'))[:100]!r}, "
                          "so it cannot vouch for this badge.")
    revoked = assertion.get("revoked") is True
    notes: list[str] = []
    if revoked:
        reason = assertion.get("revocationReason")
        notes.append("The hosted copy says the badge is revoked" + (f": {reason}" if isinstance(reason, str) else "."))
    linked: tuple[Evidence, ...] = ()
    profile: dict[str, Any] | None = None
    try:
        linked, profile = fetch_ob2_documents(client, assertion.get("badge"))
    except WalletError as exc:
        notes.append(f"The badge's linked documents could not be fetched: {clause(exc)}.")
    if profile is not None:
        policy = origin_check(assertion, profile)
        if policy.status is CheckStatus.FAILED:
            raise BadEvidence(f"The issuer does not allow badges hosted at {where}: {policy.reason}")
    else:
        notes.append("The issuer profile is not available, so the hosting policy was not checked.")
    record = from_response(EvidenceKind.OB2_HOSTED, assertion_id, resp, revoked=revoked, notes=tuple(notes))
    return (record, *linked)
