"""The plaintext inside a hosted share: the presentation plus an evidence pack.

A hosted link is opened by a web page in the reader's browser, which cannot
fetch an issuer's status list or DID document itself without telling the
issuer who is looking (and often cannot, because of CORS). So the wallet
packs what it fetched — status list credentials, DID documents, … — next to
the holder-signed presentation, each item saying where and when it was
fetched. The page verifies what is signed (a status list credential) and
says plainly what it took from the holder's word (an unsigned DID document,
with its ``fetched_at``).

Version 1, UTF-8 JSON, exactly these members (``docs/SHARING.md``, "Hosted
links")::

    {"v": 1, "type": "wallet-share", "created": "<ISO 8601 UTC>",
     "presentation": {...}, "evidence": [{"kind", "url", "fetched_at",
     "media_type", "content"}, ...]}

Parsing is strict: an unknown or missing member, a duplicate key, a wrong
type or a bad timestamp is an ``InputError`` with one sentence. A new member
means a new version, so a reader never silently ignores something it does not
understand.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from wallet.errors import InputError
from wallet.sharing.expiry import format_instant

PACKAGE_VERSION = 1
PACKAGE_TYPE = "wallet-share"
EVIDENCE_KINDS = frozenset({"status-list", "did-document", "token-status-list", "jwt-vc-issuer"})
MAX_EVIDENCE = 256
MAX_URL = 2048

_TOP_KEYS = frozenset({"v", "type", "created", "presentation", "evidence"})
_ITEM_KEYS = frozenset({"kind", "url", "fetched_at", "media_type", "content"})
_INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")
_MEDIA_TYPE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}(;.{0,200})?$")
_HTTP_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.IGNORECASE)


def parse_instant(value: object, what: str) -> datetime:
    """``YYYY-MM-DDThh:mm:ss[.ffffff]Z`` → aware UTC datetime, else InputError."""
    if not isinstance(value, str) or not _INSTANT.match(value):
        raise InputError(f"{what} is not a UTC timestamp like 2026-11-24T06:00:00Z")
    try:
        fmt = "%Y-%m-%dT%H:%M:%S.%fZ" if "." in value else "%Y-%m-%dT%H:%M:%SZ"
        return datetime.strptime(value, fmt).replace(tzinfo=UTC)
    except ValueError as exc:
        raise InputError(f"{what} is not a real date and time ({value})") from exc


def _aware(value: datetime, what: str) -> datetime:
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise InputError(f"{what} must be a timezone-aware datetime")
    return value.astimezone(UTC)


def _is_presentation(doc: object) -> bool:
    if not isinstance(doc, dict):
        return False
    types = doc.get("type")
    types = [types] if isinstance(types, str) else types
    return isinstance(types, list) and "VerifiablePresentation" in types


@dataclass(frozen=True)
class EvidenceItem:
    """One document the wallet fetched and packs for the page, exactly as fetched."""

    kind: str
    url: str
    fetched_at: datetime
    media_type: str
    content: dict[str, Any] | str

    def __post_init__(self) -> None:
        if self.kind not in EVIDENCE_KINDS:
            raise InputError(f"evidence kind {str(self.kind)[:40]!r} is not one of {', '.join(sorted(EVIDENCE_KINDS))}")
        if not isinstance(self.url, str) or len(self.url) > MAX_URL or not _HTTP_URL.match(self.url):
            raise InputError("an evidence item's url must be an http(s) URL of at most 2,048 characters")
        object.__setattr__(self, "fetched_at", _aware(self.fetched_at, "an evidence item's fetched_at"))
        if not isinstance(self.media_type, str) or not _MEDIA_TYPE.match(self.media_type):
            raise InputError("an evidence item's media_type must be a media type such as application/vc+jwt")
        if not isinstance(self.content, dict | str):
            raise InputError("an evidence item's content must be a JSON object or a string")

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "url": self.url,
            "fetched_at": format_instant(self.fetched_at),
            "media_type": self.media_type,
            "content": self.content,
        }


@dataclass(frozen=True)
class SharePackage:
    """What a hosted link decrypts to: when it was made, the presentation, the evidence."""

    created: datetime
    presentation: dict[str, Any]
    evidence: tuple[EvidenceItem, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "created", _aware(self.created, "the package's created time"))
        if not _is_presentation(self.presentation):
            raise InputError("a hosted share must carry a Verifiable Presentation (a JSON object of that type)")
        object.__setattr__(self, "evidence", tuple(self.evidence))
        if len(self.evidence) > MAX_EVIDENCE:
            raise InputError(f"a hosted share carries at most {MAX_EVIDENCE} evidence items, not {len(self.evidence)}")
        if not all(isinstance(item, EvidenceItem) for item in self.evidence):
            raise InputError("every evidence entry must be an EvidenceItem")

    def to_json(self) -> dict[str, Any]:
        return {
            "v": PACKAGE_VERSION,
            "type": PACKAGE_TYPE,
            "created": format_instant(self.created),
            "presentation": self.presentation,
            "evidence": [item.to_json() for item in self.evidence],
        }

    def to_bytes(self) -> bytes:
        """Compact UTF-8 JSON (key order kept; proofs cover canonical forms, not these bytes)."""
        return json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


def make_package(presentation: dict[str, Any], evidence: Sequence[EvidenceItem], now: datetime) -> SharePackage:
    """A package stamped ``now`` (whole seconds, UTC)."""
    created = _aware(now, "now").replace(microsecond=0)
    return SharePackage(created, presentation, tuple(evidence))


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise InputError(f"the shared package repeats the key {key[:40]!r}; refused")
        out[key] = value
    return out


def _refuse_constant(name: str) -> Any:
    raise InputError(f"the shared package contains {name}, which is not JSON; refused")


def _exact_keys(obj: dict[str, Any], keys: frozenset[str], what: str) -> None:
    missing = sorted(keys - obj.keys())
    extra = sorted(obj.keys() - keys)
    if missing:
        raise InputError(f"{what} lacks {', '.join(missing)}")
    if extra:
        raise InputError(f"{what} has members this version does not define: {', '.join(k[:40] for k in extra[:5])}")


def _item_from_json(obj: object, index: int) -> EvidenceItem:
    what = f"evidence item {index + 1}"
    if not isinstance(obj, dict):
        raise InputError(f"{what} is not a JSON object")
    _exact_keys(obj, _ITEM_KEYS, what)
    for name in ("kind", "url", "media_type"):
        if not isinstance(obj[name], str):
            raise InputError(f"{what}: {name} must be a string")
    fetched = parse_instant(obj["fetched_at"], f"{what}'s fetched_at")
    return EvidenceItem(obj["kind"], obj["url"], fetched, obj["media_type"], obj["content"])


def parse_package(data: bytes) -> SharePackage:
    """The package in decrypted, decompressed bytes; every malformed input is an InputError."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError("the shared package is not UTF-8 text") from exc
    try:
        doc = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise InputError(f"the shared package is not JSON ({exc.msg} at position {exc.pos})") from exc
    except RecursionError as exc:
        raise InputError("the shared package nests too deeply; refused") from exc
    if not isinstance(doc, dict):
        raise InputError("the shared package is not a JSON object")
    version = doc.get("v")
    if type(version) is not int or version != PACKAGE_VERSION:
        raise InputError(f"the shared package has version {str(version)[:10]!r}; this wallet reads version 1 — update it")
    _exact_keys(doc, _TOP_KEYS, "the shared package")
    if doc["type"] != PACKAGE_TYPE:
        raise InputError(f"the shared package's type is not {PACKAGE_TYPE!r}")
    created = parse_instant(doc["created"], "the package's created time")
    evidence = doc["evidence"]
    if not isinstance(evidence, list):
        raise InputError("the shared package's evidence is not a list")
    if len(evidence) > MAX_EVIDENCE:
        raise InputError(f"the shared package carries more than {MAX_EVIDENCE} evidence items; refused")
    items = tuple(_item_from_json(obj, i) for i, obj in enumerate(evidence))
    return SharePackage(created, doc["presentation"], items)
