"""The IETF Token Status List (draft-ietf-oauth-status-list) of an SD-JWT VC, offline.

A credential names ``status.status_list.{idx, uri}``; the list is a JWT
(``typ: statuslist+jwt``) that the wallet fetched earlier from ``uri``
(``ctx.token_status_lists``). Before a value is read, the list must:

* be signed by the **credential's issuer**, by the same key rules as the
  credential (:mod:`wallet.verify.sdjwt_keys`): a list signed by anyone
  else proves nothing, so it is refused (the reference peer's
  ``status_list_wrong_key`` fault);
* name the URI it was fetched for as its ``sub``;
* not be expired (``exp``): an expired list is not used at all, the status
  is "not checked" until it is fetched again;
* hold ``bits`` of 1, 2, 4 or 8 and an index inside the list.

The list is zlib-compressed and attacker-supplied, so it is inflated as a
stream under the same caps as the W3C status lists (16 MiB, ratio 1024:1
past 1 MiB; threats "zip and deflate bombs", "status list size and privacy" in docs/THREATS.md). Values (section 7.1 of the draft):
0 valid, 1 invalid (revoked), 2 suspended; 3 and above are application- or
future-specific and are shown as "flagged", never as valid. The check says
"as of" when the list was fetched (``ctx.fetched_at("token-status-list", uri)``),
and notes when the list is older than the ``ttl`` its issuer set.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from wallet.errors import InputError
from wallet.formats.jwt import CompactJws, payload_object, split_jws
from wallet.messages import Message, msg
from wallet.model import Check, CheckId, CheckStatus
from wallet.util.b64 import b64url_decode
from wallet.util.dates import numeric_date
from wallet.util.inflate import ZLIB, InflateRefused, inflate
from wallet.verify.context import VerificationContext
from wallet.verify.jose import JoseError, check_header, verify_parts
from wallet.verify.status import MAX_DECOMPRESSED, MAX_RATIO, RATIO_FLOOR, list_refused

LIST_TYPES = ("statuslist+jwt", "application/statuslist+jwt")
EVIDENCE_KIND = "token-status-list"

VALID, INVALID, SUSPENDED = 0, 1, 2


class ListRefused(Exception):
    """The status list cannot be used; ``message`` is the reason (a nested message)."""

    def __init__(self, message: Message, *, untrusted: bool = False) -> None:
        super().__init__(message.id)
        self.message = message
        self.untrusted = untrusted


def inflate_list(data: bytes) -> bytes:
    """zlib (RFC 1950) inflation under the status list caps."""
    try:
        return inflate(data, wbits=ZLIB, max_out=MAX_DECOMPRESSED, max_ratio=MAX_RATIO, ratio_floor=RATIO_FLOOR)
    except InflateRefused as exc:
        raise ListRefused(msg("token_status.not_zlib") if exc.kind == "damaged" else list_refused(exc)) from exc


def value_at(data: bytes, index: int, bits: int) -> int:
    """Entry ``index`` of ``bits`` bits; entries fill each byte from its least significant bit."""
    position = index * bits
    return (data[position // 8] >> (position % 8)) & ((1 << bits) - 1)


def _verify_list_signature(jws: CompactJws, iss: str | None, ctx: VerificationContext) -> None:
    from wallet.verify.sdjwt_keys import KeyNotFound, issuer_key  # deferred: it imports the JOSE stack

    try:
        check_header(jws.header)
        found = issuer_key(jws.header, iss, ctx, None)
    except JoseError as exc:
        raise ListRefused(msg("token_status.unsigned", detail=str(exc)), untrusted=True) from exc
    except KeyNotFound as exc:
        raise ListRefused(msg("token_status.key_unknown", reason=exc.message), untrusted=True) from exc
    if found.bound is not True:
        raise ListRefused(msg("token_status.not_issuers", reason=found.why), untrusted=True)
    for key in found.keys:
        try:
            verify_parts(jws, key)
            return
        except JoseError:
            continue
    raise ListRefused(msg("token_status.bad_signature", key=found.label), untrusted=True)


def load_list(raw: bytes, uri: str, iss: str | None, ctx: VerificationContext) -> tuple[dict[str, Any], bytes, int]:
    """(payload, the inflated list, bits) of a verified Token Status List; :class:`ListRefused` otherwise."""
    try:
        jws = split_jws(raw)
        payload = payload_object(jws)
    except InputError as exc:
        raise ListRefused(msg("token_status.unreadable", detail=str(exc))) from exc
    if str(jws.header.get("typ", "")).lower() not in LIST_TYPES:
        raise ListRefused(msg("token_status.wrong_type", typ=str(jws.header.get("typ"))))
    _verify_list_signature(jws, iss, ctx)
    if payload.get("sub") != uri:
        raise ListRefused(msg("token_status.wrong_subject", sub=str(payload.get("sub")), uri=uri), untrusted=True)
    status_list = payload.get("status_list")
    bits = status_list.get("bits") if isinstance(status_list, Mapping) else None
    if bits not in (1, 2, 4, 8) or isinstance(bits, bool):
        raise ListRefused(msg("token_status.bad_bits", bits=str(bits)))
    assert isinstance(status_list, Mapping)
    try:
        compressed = b64url_decode(status_list.get("lst"), "status list")
    except InputError as exc:
        raise ListRefused(msg("token_status.unreadable", detail=str(exc))) from exc
    return dict(payload), inflate_list(compressed), int(bits)


def _reference(status: Any) -> tuple[int, str] | None:
    ref = status.get("status_list") if isinstance(status, Mapping) else None
    if not isinstance(ref, Mapping):
        return None
    idx, uri = ref.get("idx"), ref.get("uri")
    if isinstance(idx, bool) or not isinstance(idx, int) or not isinstance(uri, str) or not uri:
        raise ValueError("malformed")
    return idx, uri


def token_status_check(status: Any, iss: str | None, ctx: VerificationContext) -> Check | None:
    """The ``status`` check of an SD-JWT VC, or None when it names no Token Status List."""
    if status is None:
        return None
    if not isinstance(status, Mapping):
        return Check(CheckId.STATUS, CheckStatus.FAILED, msg("status.malformed"))
    try:
        ref = _reference(status)
    except ValueError:
        return Check(CheckId.STATUS, CheckStatus.FAILED, msg("status.malformed"))
    if ref is None:
        return Check(CheckId.STATUS, CheckStatus.NOT_CHECKED, msg("status.unsupported_type",
                                                                  type=", ".join(sorted(str(k) for k in status))))
    index, uri = ref
    raw = ctx.token_status_lists.get(uri)
    if raw is None:
        return Check(CheckId.STATUS, CheckStatus.NOT_CHECKED, msg("status.offline", url=uri))
    try:
        payload, data, bits = load_list(raw, uri, iss, ctx)
    except ListRefused as exc:
        if exc.untrusted:
            return Check(CheckId.STATUS, CheckStatus.FAILED, msg("status.list_untrusted", url=uri, reason=exc.message))
        return Check(CheckId.STATUS, CheckStatus.FAILED, msg("status.list_unusable", url=uri, reason=exc.message))
    fetched = ctx.fetched_at(EVIDENCE_KIND, uri)
    expires = numeric_date(payload.get("exp"))
    if expires is not None and ctx.now - timedelta(seconds=ctx.clock_skew_seconds) > expires:
        return Check(CheckId.STATUS, CheckStatus.NOT_CHECKED, msg("token_status.expired", url=uri, end=expires))
    if index < 0 or (index + 1) * bits > len(data) * 8:
        return Check(CheckId.STATUS, CheckStatus.FAILED, msg("status.out_of_range", url=uri))
    value = value_at(data, index, bits)
    if value == INVALID:
        return Check(CheckId.STATUS, CheckStatus.FAILED, msg("status.revoked", url=uri, as_of=fetched))
    if value == SUSPENDED:
        return Check(CheckId.STATUS, CheckStatus.FAILED, msg("status.suspended", url=uri, as_of=fetched))
    if value != VALID:
        return Check(CheckId.STATUS, CheckStatus.WARNING, msg("token_status.flagged", value=value, url=uri))
    ttl = payload.get("ttl")
    issued = numeric_date(payload.get("iat"))
    base = fetched or issued
    if isinstance(ttl, int) and not isinstance(ttl, bool) and base is not None and ctx.now > base + timedelta(seconds=ttl):
        return Check(CheckId.STATUS, CheckStatus.PASSED, msg("token_status.valid_stale", url=uri,
                                                             as_of=base, ttl=ttl))
    if base is None:
        return Check(CheckId.STATUS, CheckStatus.PASSED, msg("status.ok", purpose="revocation", url=uri))
    return Check(CheckId.STATUS, CheckStatus.PASSED, msg("token_status.valid", url=uri, as_of=base))
