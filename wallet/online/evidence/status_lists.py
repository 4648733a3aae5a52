"""Status lists: W3C Bitstring Status List / StatusList2021 credentials and IETF Token Status Lists.

Both are cached under **the URL the credential names** (``statusListCredential``
or ``status.status_list.uri``): that is what verification looks up, and a
list's own ``id`` may legitimately differ from where it is served (1EdTech's
samples do this). The shape is checked here and the bitstring decoded once
under the 16 MiB cap (threat "status list size and privacy" in docs/THREATS.md), so junk is refused at fetch time;
the list's signature is checked later, offline, by ``wallet.verify``.

Privacy (``docs/ONLINE.md``): fetching a list tells its host that *some*
credential on it is being checked. Lists shorter than 131,072 entries give
little cover, so the record carries a note saying so.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from wallet.errors import BadEvidence, InputError
from wallet.formats.jwt import CompactJws, is_compact_jws, payload_object, split_jws, vc11_view
from wallet.online.evidence.record import Evidence, EvidenceKind, freshest, from_response
from wallet.online.http import OnlineClient, Response
from wallet.online.settings import FetchKind
from wallet.online.urls import clause, display_url
from wallet.util.b64 import b64url_decode
from wallet.util.dates import numeric_date, parse_datetime
from wallet.util.inflate import ZLIB, InflateRefused, inflate
from wallet.util.limits import load_json
from wallet.util.values import as_list
from wallet.verify.status import MAX_DECOMPRESSED, MAX_RATIO, RATIO_FLOOR, StatusListError, decode_list

ACCEPT_W3C = "application/vc+ld+json, application/vc+jwt;q=0.9, application/ld+json;q=0.8, application/json;q=0.7"
ACCEPT_TOKEN = "application/statuslist+jwt"
TOKEN_MEDIA_TYPES = ("application/statuslist+jwt",)
LIST_TYPES = ("BitstringStatusListCredential", "StatusList2021Credential")
HERD_PRIVACY_ENTRIES = 131_072
_JWT_MEDIA_TYPES = ("application/vc+jwt", "application/jwt", "application/vc-ld+jwt", "application/vc+ld+jwt")


def _seconds_until(when: datetime | None, now: datetime) -> int | None:
    return None if when is None else int((when - now).total_seconds())


def _privacy_note(entries: int) -> tuple[str, ...]:
    if entries >= HERD_PRIVACY_ENTRIES:
        return ()
    return (f"The list has only {entries} entries (fewer than {HERD_PRIVACY_ENTRIES:,}), so fetching it tells "
            "its publisher more about which credential is being checked.",)


def _w3c_document(resp: Response, where: str) -> tuple[dict[str, Any], CompactJws | None]:
    """The list credential: the JSON body, or the credential inside a VC-JWT body."""
    text = resp.body.strip()
    if resp.media_type in _JWT_MEDIA_TYPES or (text[:2] == b"ey" and is_compact_jws(text.decode("latin-1"))):
        try:
            jws = split_jws(text)
            payload = payload_object(jws)
        except InputError as exc:
            raise BadEvidence(f"The status list at {where} is refused: {clause(exc)}.") from exc
        doc = vc11_view(payload) if isinstance(payload.get("vc"), dict) else payload
        return doc, jws
    try:
        doc = load_json(resp.body, "status list", limit=FetchKind.STATUS_LIST.max_bytes)
    except InputError as exc:
        raise BadEvidence(f"The status list at {where} is refused: {clause(exc)}.") from exc
    if not isinstance(doc, dict):
        raise BadEvidence(f"The status list at {where} is not a JSON object.")
    return doc, None


def check_w3c_list(resp: Response, url: str) -> Evidence:
    """Shape-check a Bitstring Status List / StatusList2021 credential and build its record."""
    where = display_url(resp.url)
    doc, jws = _w3c_document(resp, where)
    types = [t for t in as_list(doc.get("type")) if isinstance(t, str)]
    if not any(t in LIST_TYPES for t in types):
        raise BadEvidence(f"{where} is not a status list credential (its type is {', '.join(types) or 'missing'}).")
    subjects = [s for s in as_list(doc.get("credentialSubject")) if isinstance(s, dict)]
    if len(subjects) != 1:
        raise BadEvidence(f"The status list at {where} does not have exactly one credentialSubject.")
    subject = subjects[0]
    encoded = subject.get("encodedList")
    if not isinstance(encoded, str):
        raise BadEvidence(f"The status list at {where} has no encodedList.")
    try:
        bits = decode_list(encoded)
    except StatusListError as exc:
        raise BadEvidence(f"The status list at {where} is refused: {exc}.") from exc
    now = datetime.now(UTC)
    issued = parse_datetime(doc.get("validFrom")) or parse_datetime(doc.get("issuanceDate"))
    until = parse_datetime(doc.get("validUntil")) or parse_datetime(doc.get("expirationDate"))
    ttl = subject.get("ttl")  # Bitstring Status List v1.0: milliseconds
    ttl_seconds = int(ttl) // 1000 if isinstance(ttl, int) and not isinstance(ttl, bool) and ttl >= 0 else None
    if jws is not None:
        payload = payload_object(jws)
        issued = issued or numeric_date(payload.get("iat")) or numeric_date(payload.get("nbf"))
        until = until or numeric_date(payload.get("exp"))
    notes = list(_privacy_note(len(bits) * 8))
    list_id = doc.get("id")
    if isinstance(list_id, str) and list_id != url:
        notes.append(f"The list calls itself {list_id}; it is kept under the URL the credential names.")
    return from_response(EvidenceKind.STATUS_LIST, url, resp, max_age=freshest(ttl_seconds, _seconds_until(until, now)),
                         issued_at=issued, notes=tuple(notes))


def fetch_status_list(client: OnlineClient, url: str) -> Evidence:
    """Fetch the Bitstring Status List / StatusList2021 credential a ``credentialStatus`` entry names."""
    resp = client.get(url, kind=FetchKind.STATUS_LIST, headers={"Accept": ACCEPT_W3C}, purpose="status list")
    return check_w3c_list(resp, url)


def inflate_list(data: bytes, what: str) -> bytes:
    """zlib (RFC 1950) decompression with the status list caps (16 MiB, ratio 1024 past 1 MiB)."""
    try:
        return inflate(data, wbits=ZLIB, max_out=MAX_DECOMPRESSED, max_ratio=MAX_RATIO, ratio_floor=RATIO_FLOOR)
    except InflateRefused as exc:
        raise BadEvidence(_REFUSED[exc.kind].format(what=what, mib=MAX_DECOMPRESSED // (1024 * 1024))) from exc


_REFUSED = {
    "too_large": "The {what} expands to more than {mib} MiB.",
    "bomb": "The {what} is compressed suspiciously well (a decompression bomb).",
    "damaged": "The {what} is not valid zlib data.",
    "truncated": "The {what} is truncated.",
    "trailing": "The {what} has bytes after its end.",
}


def check_token_list(resp: Response, url: str) -> Evidence:
    """Shape-check an IETF Token Status List (draft-ietf-oauth-status-list) and build its record."""
    where = display_url(resp.url)
    if resp.media_type not in TOKEN_MEDIA_TYPES:
        raise BadEvidence(f"{where} answered with {resp.media_type or 'no media type'}, "
                          "not application/statuslist+jwt.")
    try:
        jws = split_jws(resp.body.strip())
        payload = payload_object(jws)
    except InputError as exc:
        raise BadEvidence(f"The token status list at {where} is refused: {clause(exc)}.") from exc
    if str(jws.header.get("typ", "")).lower() not in ("statuslist+jwt", "application/statuslist+jwt"):
        raise BadEvidence(f"The token at {where} is not typed statuslist+jwt.")
    if payload.get("sub") != url:
        raise BadEvidence(f"The token status list at {where} says it is {str(payload.get('sub'))[:100]!r}, "
                          f"not the list the credential names ({display_url(url)}).")
    status_list = payload.get("status_list")
    if not isinstance(status_list, dict) or status_list.get("bits") not in (1, 2, 4, 8):
        raise BadEvidence(f"The token status list at {where} has no valid status_list (bits must be 1, 2, 4 or 8).")
    issued = numeric_date(payload.get("iat"))
    if issued is None:
        raise BadEvidence(f"The token status list at {where} has no issue time (iat).")
    lst = status_list.get("lst")
    if not isinstance(lst, str):
        raise BadEvidence(f"The token status list at {where} has no encoded list (lst).")
    try:
        raw = b64url_decode(lst, "token status list")
    except InputError as exc:
        raise BadEvidence(f"The token status list at {where} is refused: {clause(exc)}.") from exc
    bits = inflate_list(raw, "token status list")
    now = datetime.now(UTC)
    ttl = payload.get("ttl")
    ttl_seconds = ttl if isinstance(ttl, int) and not isinstance(ttl, bool) and ttl >= 0 else None
    entries = len(bits) * 8 // int(status_list["bits"])
    return from_response(EvidenceKind.TOKEN_STATUS_LIST, url, resp,
                         max_age=freshest(ttl_seconds, _seconds_until(numeric_date(payload.get("exp")), now)),
                         issued_at=issued, notes=_privacy_note(entries))


def fetch_token_status_list(client: OnlineClient, url: str) -> Evidence:
    """Fetch the Token Status List an SD-JWT VC's ``status.status_list.uri`` names."""
    resp = client.get(url, kind=FetchKind.STATUS_LIST, headers={"Accept": ACCEPT_TOKEN}, purpose="token status list")
    return check_token_list(resp, url)
