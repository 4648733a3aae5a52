"""Revocation and suspension: BitstringStatusList and StatusList2021, offline.

Why this shape: a status bit is only as trustworthy as the list it comes
from, so the list credential is itself verified (signature, same issuer as
the credential, validity) before its bit is read. The list is attacker-
supplied gzip, so it is decompressed as a stream with a hard 16 MiB cap and
a ratio cap (SECURITY.md rows 19–20). A list with fewer than 131,072 entries
is flagged because it gives holders little herd privacy. Lists come only
from ``ctx.status_lists``; a missing one is reported as not checked, never
silently passed.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from wallet.errors import InputError
from wallet.messages import Message, msg, render
from wallet.model import Check, CheckId, CheckStatus
from wallet.util.b64 import b64url_decode_lenient
from wallet.util.limits import load_json
from wallet.util.values import as_list
from wallet.verify.context import VerificationContext

MAX_DECOMPRESSED = 16 * 1024 * 1024
MAX_RATIO = 1024  # applied once the output passes RATIO_FLOOR bytes
RATIO_FLOOR = 1024 * 1024
MIN_ENTRIES = 131_072

SUPPORTED_ENTRIES = {"BitstringStatusListEntry", "StatusList2021Entry"}
LIST_TYPES = {"BitstringStatusListCredential", "StatusList2021Credential"}

#: Verifies a status list credential's proofs: (document, ctx) -> checks.
ListVerifier = Callable[[Mapping[str, Any], VerificationContext], Sequence[Check]]


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
    """Streaming gunzip that stops at ``limit`` bytes or a suspicious ratio."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    chunk = 64 * 1024
    pending = data
    try:
        while True:
            piece = inflater.decompress(pending, chunk)
            out += piece
            if len(out) > limit:
                raise StatusListError(msg("status_list.too_large", mib=limit // (1024 * 1024)))
            if len(out) > RATIO_FLOOR and len(out) > MAX_RATIO * max(len(data), 1):
                raise StatusListError(msg("status_list.bomb"))
            pending = inflater.unconsumed_tail
            if inflater.eof or (not pending and not piece):
                break
    except zlib.error as exc:
        raise StatusListError(msg("status_list.not_gzip")) from exc
    if not inflater.eof:
        raise StatusListError(msg("status_list.truncated"))
    if inflater.unused_data or pending:
        # A second gzip member or trailing bytes: another reader might decode a different list.
        raise StatusListError(msg("status_list.trailing_data"))
    return bytes(out)


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

    @property
    def entries(self) -> int:
        return len(self.bits) * 8


@lru_cache(maxsize=64)
def _decoded(encoded: str) -> bytes:
    return decode_list(encoded)


def _issuer(doc: Mapping[str, Any]) -> str | None:
    issuer = doc.get("issuer")
    if isinstance(issuer, Mapping):
        issuer = issuer.get("id")
    return issuer if isinstance(issuer, str) else None



def _strings(value: Any) -> set[str]:
    return {v for v in as_list(value) if isinstance(v, str)}


def load_list(url: str, raw: bytes, issuer: str | None, ctx: VerificationContext, verify_list: ListVerifier) -> ListView:
    """Parse, verify and decode one status list credential."""
    try:
        doc = load_json(raw, "status list", MAX_DECOMPRESSED)
    except InputError as exc:
        raise StatusListError(msg("status_list.not_json")) from exc
    if not isinstance(doc, dict):
        raise StatusListError(msg("status_list.not_json"))
    if not LIST_TYPES & _strings(doc.get("type")):
        raise StatusListError(msg("status_list.wrong_type"))
    # The list's own id may differ from the URL it was served at (1EdTech's
    # samples do this); what binds it to the credential is its verified
    # signature, its issuer and its purpose, all checked below.
    checks = list(verify_list(doc, ctx))
    problems = tuple(c for c in checks if c.status is CheckStatus.FAILED or (c.essential and c.status is CheckStatus.NOT_CHECKED))
    list_issuer = _issuer(doc)
    if issuer is not None and list_issuer != issuer:
        problems += (Check(CheckId.STATUS, CheckStatus.FAILED, msg("status_list.other_issuer", publisher=list_issuer)),)
    subject = doc.get("credentialSubject")
    if not isinstance(subject, Mapping):
        raise StatusListError(msg("status_list.no_subject"))
    purposes = tuple(str(p) for p in as_list(subject.get("statusPurpose")) if isinstance(p, str))
    return ListView(url, purposes, _decoded(str(subject.get("encodedList", ""))), problems)


def _entry_result(entry: Mapping[str, Any], ctx: VerificationContext, issuer: str | None, verify_list: ListVerifier) -> Check:
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
        view = load_list(url, raw, issuer, ctx, verify_list)
    except StatusListError as exc:
        return Check(CheckId.STATUS, CheckStatus.FAILED, msg("status.list_unusable", url=url, reason=exc.message))
    if view.problems:
        return Check(CheckId.STATUS, CheckStatus.FAILED,
                     msg("status.list_untrusted", url=url, reason=view.problems[0].message))
    if view.purposes and purpose not in view.purposes:
        return Check(CheckId.STATUS, CheckStatus.FAILED, msg("status.wrong_purpose", purpose=str(purpose), url=url))
    if index < 0 or size < 1 or (index + 1) * size > view.entries:
        return Check(CheckId.STATUS, CheckStatus.FAILED, msg("status.out_of_range", url=url))
    if bit_at(view.bits, index, size):
        if purpose == "revocation":
            return Check(CheckId.STATUS, CheckStatus.FAILED, msg("status.revoked", url=url))
        if purpose == "suspension":
            return Check(CheckId.STATUS, CheckStatus.FAILED, msg("status.suspended", url=url))
        return Check(CheckId.STATUS, CheckStatus.WARNING, msg("status.flagged", purpose=str(purpose), url=url))
    if view.entries // size < MIN_ENTRIES:
        return Check(CheckId.STATUS, CheckStatus.WARNING,
                     msg("status.small_list", purpose=str(purpose), entries=view.entries // size, url=url))
    return Check(CheckId.STATUS, CheckStatus.PASSED, msg("status.ok", purpose=str(purpose), url=url))


_RANK = {CheckStatus.FAILED: 3, CheckStatus.NOT_CHECKED: 2, CheckStatus.WARNING: 1, CheckStatus.PASSED: 0}


def status_check(document: Mapping[str, Any], ctx: VerificationContext, verify_list: ListVerifier) -> Check | None:
    """The 'status' check of a credential, or None when it declares no status."""
    raw = document.get("credentialStatus")
    if raw is None:
        return None
    entries = [e for e in as_list(raw)]
    if not entries or not all(isinstance(e, Mapping) for e in entries):
        return Check(CheckId.STATUS, CheckStatus.FAILED, msg("status.malformed"))
    results = [_entry_result(e, ctx, _issuer(document), verify_list) for e in entries]
    return max(results, key=lambda c: _RANK[c.status])


def fingerprint(raw: bytes) -> str:
    """Stable id of a cached list's bytes (for memoising its verification)."""
    return hashlib.sha256(raw).hexdigest()
