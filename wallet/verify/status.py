"""Revocation and suspension: BitstringStatusList and StatusList2021, offline.

Why this shape: a status bit is only as trustworthy as the list it comes
from, so the list credential is itself verified (its Data Integrity proof,
or its JWS when it is served as a VC-JWT, and its validity) before its bit
is read. Lists are looked up by the URL the credential names (the list's own
``id`` may differ). A list published by someone other than the credential's
issuer is used, but the check is a warning naming the publisher. Every
answer says "as of": when the list was fetched (``ctx.fetched_at``) and when
the list says it was issued. The list is attacker-
supplied gzip, so it is decompressed as a stream with a hard 16 MiB cap and
a ratio cap (threats "zip and deflate bombs", "status list size and privacy" in docs/THREATS.md). A list with fewer than 131,072 entries
is flagged because it gives holders little herd privacy. Lists come only
from ``ctx.status_lists``; a missing one is reported as not checked, never
silently passed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from wallet.errors import InputError
from wallet.messages import Message, msg, render
from wallet.model import Check, CheckId, CheckStatus
from wallet.util.b64 import b64url_decode_lenient
from wallet.util.dates import parse_datetime
from wallet.util.inflate import GZIP, InflateRefused, inflate
from wallet.util.limits import load_json
from wallet.util.values import MAPPING, as_list
from wallet.verify.context import VerificationContext

MAX_DECOMPRESSED = 16 * 1024 * 1024
MAX_RATIO = 1024  # applied once the output passes RATIO_FLOOR bytes
RATIO_FLOOR = 1024 * 1024
MIN_ENTRIES = 131_072

SUPPORTED_ENTRIES = {"BitstringStatusListEntry", "StatusList2021Entry"}
LIST_TYPES = {"BitstringStatusListCredential", "StatusList2021Credential"}

#: Verifies a status list credential's proofs: (document, ctx) -> checks.
ListVerifier = Callable[[Mapping[str, Any], VerificationContext], Sequence[Check]]
#: Verifies a status list served as a VC-JWT: (compact bytes, ctx) -> (the credential it carries, its checks).
JwtListVerifier = Callable[[bytes, VerificationContext], tuple[Mapping[str, Any], Sequence[Check]]]


class StatusListError(Exception):
    """The status list cannot be used; ``message`` says why."""

    def __init__(self, message: Message) -> None:
        super().__init__(render(message))
        self.message = message


def decode_list(encoded: str) -> bytes:
    """The bitstring from a multibase-base64url (``u…``) or plain base64url gzip string."""
    if not isinstance(encoded, str) or not encoded:
        raise StatusListError(msg("status_list.no_list"))
    candidates = [encoded[1:], encoded] if encoded.startswith("u") else [encoded]
    for candidate in candidates:
        try:
            data = b64url_decode_lenient(candidate, "status list")
        except InputError:
            continue
        if data[:2] == b"\x1f\x8b":
            return gunzip_capped(data)
    raise StatusListError(msg("status_list.not_gzip"))


def gunzip_capped(data: bytes, limit: int = MAX_DECOMPRESSED) -> bytes:
    """Streaming gunzip under ``limit`` bytes and the ratio cap; one gzip member, nothing after it."""
    try:
        return inflate(data, wbits=GZIP, max_out=limit, max_ratio=MAX_RATIO, ratio_floor=RATIO_FLOOR)
    except InflateRefused as exc:
        # A second gzip member or trailing bytes: another reader might decode a different list.
        raise StatusListError(list_refused(exc)) from exc


def list_refused(exc: InflateRefused) -> Message:
    """Why a compressed status list (W3C or IETF token) was not decompressed, in the reader's words."""
    if exc.kind == "too_large":
        return msg("status_list.too_large", mib=exc.limit // (1024 * 1024))
    if exc.kind == "bomb":
        return msg("status_list.bomb")
    if exc.kind == "trailing":
        return msg("status_list.trailing_data")
    if exc.kind == "truncated":
        return msg("status_list.truncated")
    return msg("status_list.not_gzip")


def bit_at(bits: bytes, index: int, size: int = 1) -> int:
    """Entry ``index`` (``size`` bits wide), big-endian: index 0 is the top bit of byte 0."""
    value = 0
    for offset in range(index * size, index * size + size):
        byte = bits[offset // 8]
        value = (value << 1) | ((byte >> (7 - offset % 8)) & 1)
    return value


@dataclass(frozen=True)
class ListView:
    """A verified, decoded status list."""

    url: str
    purposes: tuple[str, ...]
    bits: bytes
    problems: tuple[Check, ...]  # failed checks of the list credential itself
    publisher: str | None = None  # the list's issuer
    issued: datetime | None = None  # when the list says it was issued (validFrom, issuanceDate, iat)

    @property
    def entries(self) -> int:
        return len(self.bits) * 8


@lru_cache(maxsize=64)
def _decoded(encoded: str) -> bytes:
    return decode_list(encoded)


def _issuer(doc: Mapping[str, Any]) -> str | None:
    issuer = doc.get("issuer")
    if isinstance(issuer, MAPPING):
        issuer = issuer.get("id")
    return issuer if isinstance(issuer, str) else None


def _strings(value: Any) -> set[str]:
    return {v for v in as_list(value) if isinstance(v, str)}


def is_jwt_list(raw: bytes) -> bool:
    """A status list served as a VC-JWT (``application/vc+jwt``): a compact JWS rather than JSON."""
    text = raw.strip()
    return text[:2] == b"ey" and text.count(b".") == 2 and b"{" not in text


def _document(raw: bytes, ctx: VerificationContext, verify_list: ListVerifier,
              verify_jwt_list: JwtListVerifier | None) -> tuple[Mapping[str, Any], list[Check]]:
    """The list credential and its own checks, from JSON (Data Integrity) or from a VC-JWT."""
    if is_jwt_list(raw):
        if verify_jwt_list is None:
            raise StatusListError(msg("status_list.not_json"))
        doc, jwt_checks = verify_jwt_list(raw, ctx)
        return doc, list(jwt_checks)
    try:
        doc = load_json(raw, "status list", MAX_DECOMPRESSED)
    except InputError as exc:
        raise StatusListError(msg("status_list.not_json")) from exc
    if not isinstance(doc, dict):
        raise StatusListError(msg("status_list.not_json"))
    if not LIST_TYPES & _strings(doc.get("type")):
        raise StatusListError(msg("status_list.wrong_type"))
    return doc, list(verify_list(doc, ctx))


def load_list(url: str, raw: bytes, ctx: VerificationContext, verify_list: ListVerifier,
              verify_jwt_list: JwtListVerifier | None = None) -> ListView:
    """Parse, verify and decode one status list credential, once per verification context.

    Why once: every credential of an issuer names the same list, and
    verifying the list is a whole credential verification (an RDFC one
    takes milliseconds). Within one context (one import batch, one
    presentation) the answer cannot change: it depends only on the list's
    bytes and the context, so it is kept on the context for the others.
    """
    memo: dict[tuple[str, bytes], ListView | Message] = ctx.__dict__.setdefault("_status_lists_loaded", {})
    known = memo.get((url, raw))
    if isinstance(known, ListView):
        return known
    if known is not None:
        raise StatusListError(known)
    try:
        view = _load_list(url, raw, ctx, verify_list, verify_jwt_list)
    except StatusListError as exc:
        memo[(url, raw)] = exc.message
        raise
    memo[(url, raw)] = view
    return view


def _load_list(url: str, raw: bytes, ctx: VerificationContext, verify_list: ListVerifier,
               verify_jwt_list: JwtListVerifier | None) -> ListView:
    doc, checks = _document(raw, ctx, verify_list, verify_jwt_list)
    if not LIST_TYPES & _strings(doc.get("type")):
        raise StatusListError(msg("status_list.wrong_type"))
    # The list's own id may differ from the URL it was served at (1EdTech's
    # samples do this); what binds it to the credential is its verified
    # signature and its purpose, checked here, and the URL the credential names.
    problems = tuple(c for c in checks if c.status is CheckStatus.FAILED or (c.essential and c.status is CheckStatus.NOT_CHECKED))
    subject = doc.get("credentialSubject")
    if isinstance(subject, list) and len(subject) == 1:
        subject = subject[0]
    if not isinstance(subject, MAPPING):
        raise StatusListError(msg("status_list.no_subject"))
    purposes = tuple(str(p) for p in as_list(subject.get("statusPurpose")) if isinstance(p, str))
    issued = parse_datetime(doc.get("validFrom")) or parse_datetime(doc.get("issuanceDate"))
    return ListView(url, purposes, _decoded(str(subject.get("encodedList", ""))), problems, _issuer(doc), issued)


def as_of(ctx: VerificationContext, url: str, issued: datetime | None) -> Message:
    """"checked against the issuer's status list fetched on …; the list itself was issued on …"."""
    fetched = ctx.fetched_at("status-list", url)
    if fetched is not None and issued is not None:
        return msg("status.as_of", fetched=fetched, issued=issued)
    if fetched is not None:
        return msg("status.as_of_fetched", fetched=fetched)
    if issued is not None:
        return msg("status.as_of_issued", issued=issued)
    return msg("status.as_of_unknown")


def _entry_result(entry: Mapping[str, Any], ctx: VerificationContext, issuer: str | None, verify_list: ListVerifier,
                  verify_jwt_list: JwtListVerifier | None) -> Check:
    etype = entry.get("type")
    if not SUPPORTED_ENTRIES & _strings(etype):
        return Check(CheckId.STATUS, CheckStatus.NOT_CHECKED, msg("status.unsupported_type", type=str(etype)))
    url = entry.get("statusListCredential")
    if not isinstance(url, str):
        return Check(CheckId.STATUS, CheckStatus.FAILED, msg("status.no_list_named"))
    raw = ctx.status_lists.get(url)
    if raw is None:
        return Check(CheckId.STATUS, CheckStatus.NOT_CHECKED, msg("status.offline", url=url))
    try:
        index = int(str(entry.get("statusListIndex")))
        size = int(str(entry.get("statusSize", 1)))
    except ValueError:
        return Check(CheckId.STATUS, CheckStatus.FAILED, msg("status.bad_index"))
    purpose = entry.get("statusPurpose", "revocation")
    if not isinstance(purpose, str):
        return Check(CheckId.STATUS, CheckStatus.FAILED, msg("status.bad_purpose"))
    try:
        view = load_list(url, raw, ctx, verify_list, verify_jwt_list)
    except StatusListError as exc:
        return Check(CheckId.STATUS, CheckStatus.FAILED, msg("status.list_unusable", url=url, reason=exc.message))
    if view.problems:
        return Check(CheckId.STATUS, CheckStatus.FAILED,
                     msg("status.list_untrusted", url=url, reason=view.problems[0].message))
    if view.purposes and purpose not in view.purposes:
        return Check(CheckId.STATUS, CheckStatus.FAILED, msg("status.wrong_purpose", purpose=str(purpose), url=url))
    if index < 0 or size < 1 or (index + 1) * size > view.entries:
        return Check(CheckId.STATUS, CheckStatus.FAILED, msg("status.out_of_range", url=url))
    when = as_of(ctx, url, view.issued)
    if bit_at(view.bits, index, size):
        if purpose == "revocation":
            return Check(CheckId.STATUS, CheckStatus.FAILED, msg("status.revoked_as_of", as_of=when, url=url))
        if purpose == "suspension":
            return Check(CheckId.STATUS, CheckStatus.FAILED, msg("status.suspended_as_of", as_of=when, url=url))
        return Check(CheckId.STATUS, CheckStatus.WARNING,
                     msg("status.flagged_as_of", purpose=str(purpose), as_of=when, url=url))
    if issuer is not None and view.publisher != issuer:
        # Delegated publishing happens (a registry, a university's IT service), and the credential itself
        # names the list; but the reader should know whose word the status is.
        return Check(CheckId.STATUS, CheckStatus.WARNING,
                     msg("status.other_publisher", purpose=str(purpose), as_of=when,
                         publisher=view.publisher or "?", url=url))
    if view.entries // size < MIN_ENTRIES:
        return Check(CheckId.STATUS, CheckStatus.WARNING,
                     msg("status.small_list_as_of", purpose=str(purpose), entries=view.entries // size, as_of=when,
                         url=url))
    return Check(CheckId.STATUS, CheckStatus.PASSED, msg("status.ok_as_of", purpose=str(purpose), as_of=when, url=url))


_RANK = {CheckStatus.FAILED: 3, CheckStatus.NOT_CHECKED: 2, CheckStatus.WARNING: 1, CheckStatus.PASSED: 0}


def status_check(document: Mapping[str, Any], ctx: VerificationContext, verify_list: ListVerifier,
                 verify_jwt_list: JwtListVerifier | None = None) -> Check | None:
    """The 'status' check of a credential, or None when it declares no status."""
    raw = document.get("credentialStatus")
    if raw is None:
        return None
    entries = [e for e in as_list(raw)]
    if not entries or not all(isinstance(e, MAPPING) for e in entries):
        return Check(CheckId.STATUS, CheckStatus.FAILED, msg("status.malformed"))
    results = [_entry_result(e, ctx, _issuer(document), verify_list, verify_jwt_list) for e in entries]
    return max(results, key=lambda c: _RANK[c.status])


def fingerprint(raw: bytes) -> str:
    """Stable id of a cached list's bytes (for memoising its verification)."""
    return hashlib.sha256(raw).hexdigest()
