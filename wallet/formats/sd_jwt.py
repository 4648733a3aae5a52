"""SD-JWT (RFC 9901) structure: split, decode the disclosures, rebuild the disclosed claims.

Parsing only, and lenient by design: what is malformed in the disclosures
(a disclosure no digest names, one named twice, a reserved claim name, a
disclosed claim that overwrites a visible one) is *collected* as a problem
rather than raised, so verification (``wallet.verify.sdjwt``) can report it
as a failed check while the wallet still shows the credential it refuses.
The issuer's signature and the key binding are not checked here.

Both serialisations are read:

* compact: ``<issuer JWT>~<disclosure>~…~<disclosure>~[<key binding JWT>]``;
* JWS JSON (RFC 9901 section 8): flattened or general, with ``disclosures``
  and ``kb_jwt`` in the unprotected ``header`` (of the first signature, for
  the general form) — or, as the reference implementation sd-jwt-python 0.10
  still writes them, as top-level members. ``compact`` is then the compact
  equivalent built from the first signature, which is what ``sd_hash`` of a
  key binding JWT covers.

Claim paths (``Path``) are tuples of object keys (str) and array positions
(int) in the *disclosed* claims, as DCQL and SD-JWT VC type metadata write
them; ``disclosable`` holds the path of every claim that came from a
disclosure (the holder may leave it out of a presentation).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from wallet.errors import InputError
from wallet.formats.jwt import CompactJws, is_sd_jwt, payload_object, split_jws
from wallet.util.b64 import b64url_decode, b64url_encode
from wallet.util.limits import MAX_COMPACT_CHARS, MAX_CREDENTIAL_BYTES, MAX_SD_JWT_PARTS, load_json

Path = tuple[str | int, ...]

#: ``_sd_alg`` values (IANA "Named Information Hash Algorithm" names) the wallet computes.
HASHES: dict[str, Callable[[bytes], Any]] = {
    "sha-256": hashlib.sha256,
    "sha-384": hashlib.sha384,
    "sha-512": hashlib.sha512,
    "sha3-256": hashlib.sha3_256,
    "sha3-512": hashlib.sha3_512,
}
DEFAULT_HASH = "sha-256"
#: Claim names a disclosure may never carry (RFC 9901 section 7.1, step 3.2.2).
RESERVED_NAMES = ("_sd", "...")
#: Nesting of disclosures inside disclosures; deeper is refused as a problem.
MAX_DISCLOSURE_DEPTH = 32
#: Signatures of a general JSON serialisation (issuers use one, sometimes two).
MAX_SIGNATURES = 10
#: One disclosure (salt, name and value, base64url): generous for a claim, small for a bomb.
MAX_DISCLOSURE_CHARS = 256 * 1024


@dataclass(frozen=True)
class Disclosure:
    """One disclosure as received: its text, digest and decoded salt/name/value."""

    encoded: str
    salt: str
    name: str | None  # None: an array element disclosure
    value: Any

    def digest(self, alg: str = DEFAULT_HASH) -> str:
        return b64url_encode(HASHES[alg](self.encoded.encode("ascii")).digest())


@dataclass(frozen=True)
class SdJwt:
    """An SD-JWT split into its parts (nothing verified)."""

    jws: CompactJws  # the issuer-signed JWT (the first signature of a JSON serialisation)
    payload: dict[str, Any]
    disclosures: tuple[Disclosure, ...]
    key_binding: str | None  # the KB-JWT, when presented with one
    compact: str  # the compact form (of the first signature), what sd_hash covers
    signatures: tuple[CompactJws, ...] = ()  # every signature of a general JSON serialisation
    problems: tuple[str, ...] = ()  # disclosures that cannot be decoded (each also refuses verification)
    text: str = ""  # the SD-JWT as given (compact, or the JSON serialisation)

    @property
    def hash_alg(self) -> str:
        alg = self.payload.get("_sd_alg", DEFAULT_HASH)
        return alg if isinstance(alg, str) else repr(alg)

    @property
    def issued_part(self) -> str:
        """``<issuer JWT>~<disclosure>~…~``: the string ``sd_hash`` is taken over."""
        return self.compact.rsplit("~", 1)[0] + "~"


@dataclass(frozen=True)
class Unpacked:
    """The disclosed claims and what was found on the way."""

    claims: dict[str, Any]
    disclosable: tuple[Path, ...]
    problems: tuple[str, ...] = ()  # each one makes the SD-JWT invalid (RFC 9901 section 7.1)
    placed: dict[str, Path] = field(default_factory=dict)  # digest of each disclosure used -> its claim's path


def _text(raw: bytes | str) -> str:
    if isinstance(raw, (bytes, bytearray)):
        if len(raw) > MAX_COMPACT_CHARS:
            raise InputError(f"The SD-JWT is too large ({len(raw)} bytes; the limit is {MAX_COMPACT_CHARS}).")
        try:
            return bytes(raw).decode("utf-8-sig").strip()
        except UnicodeDecodeError as exc:
            raise InputError("The SD-JWT is not UTF-8 text.") from exc
    return raw.strip()


def decode_disclosure(encoded: str) -> Disclosure:
    """One disclosure: base64url of a JSON array ``[salt, name, value]`` or ``[salt, value]``."""
    if len(encoded) > MAX_DISCLOSURE_CHARS:
        raise InputError("A disclosure of the SD-JWT is too large.")
    data = load_json(b64url_decode(encoded, "disclosure"), "disclosure", MAX_CREDENTIAL_BYTES)
    if not isinstance(data, list) or len(data) not in (2, 3):
        raise InputError("A disclosure is not a JSON array of two or three elements.")
    if not isinstance(data[0], str):
        raise InputError("A disclosure's salt is not a string.")
    if len(data) == 3:
        if not isinstance(data[1], str):
            raise InputError("A disclosure's claim name is not a string.")
        return Disclosure(encoded, data[0], data[1], data[2])
    return Disclosure(encoded, data[0], None, data[1])


def _decode_all(parts: list[str]) -> tuple[tuple[Disclosure, ...], tuple[str, ...]]:
    if len(parts) > MAX_SD_JWT_PARTS:
        raise InputError(f"The SD-JWT has more than {MAX_SD_JWT_PARTS} disclosures.")
    found: list[Disclosure] = []
    problems: list[str] = []
    for number, part in enumerate(parts, start=1):
        try:
            found.append(decode_disclosure(part))
        except InputError as exc:
            problems.append(f"disclosure {number}: {str(exc).rstrip('.')}")
    return tuple(found), tuple(problems)


def _split_compact(text: str) -> SdJwt:
    if not is_sd_jwt(text):
        raise InputError("This is not an SD-JWT (issuer JWT, then disclosures separated by '~').")
    parts = text.split("~")
    if len(parts) > MAX_SD_JWT_PARTS + 2:
        raise InputError(f"The SD-JWT has more than {MAX_SD_JWT_PARTS} disclosures.")
    jws = split_jws(parts[0])
    disclosures, problems = _decode_all(parts[1:-1])
    return SdJwt(jws, payload_object(jws), disclosures, parts[-1] or None, text, (jws,), problems, text)


def _json_members(obj: dict[str, Any]) -> tuple[list[dict[str, Any]], Any, Any]:
    """The signatures, the disclosures and the KB-JWT of a JSON-serialised SD-JWT."""
    if "signatures" in obj:
        sigs = obj["signatures"]
        if not isinstance(sigs, list) or not sigs or not all(isinstance(s, dict) for s in sigs):
            raise InputError("The SD-JWT's 'signatures' is not a list of signature objects.")
        if len(sigs) > MAX_SIGNATURES:  # each one is checked over the whole payload again
            raise InputError(f"The SD-JWT has more than {MAX_SIGNATURES} signatures.")
    else:
        sigs = [{k: obj[k] for k in ("protected", "signature", "header") if k in obj}]
    header = sigs[0].get("header", {})
    if not isinstance(header, dict):
        raise InputError("The SD-JWT's unprotected header is not an object.")
    disclosures = header.get("disclosures", obj.get("disclosures"))
    kb_jwt = header.get("kb_jwt", obj.get("kb_jwt"))
    return sigs, disclosures, kb_jwt


def _split_json(text: str) -> SdJwt:
    obj = load_json(text, "SD-JWT", MAX_COMPACT_CHARS)
    if not is_sd_jwt_json(obj):
        raise InputError("This JSON is not an SD-JWT in JWS JSON serialisation.")
    sigs, disclosures, kb_jwt = _json_members(obj)
    if not isinstance(disclosures, list) or not all(isinstance(d, str) for d in disclosures):
        raise InputError("The SD-JWT's disclosures are not a list of strings.")
    if kb_jwt is not None and not isinstance(kb_jwt, str):
        raise InputError("The SD-JWT's key binding JWT is not a string.")
    payload = obj["payload"]
    signatures: list[CompactJws] = []
    for sig in sigs:
        if not isinstance(sig.get("protected"), str) or not isinstance(sig.get("signature"), str):
            raise InputError("A signature of the SD-JWT lacks its protected header or value.")
        signatures.append(split_jws(f"{sig['protected']}.{payload}.{sig['signature']}"))
    decoded, problems = _decode_all(disclosures)
    compact = "~".join([signatures[0].compact, *disclosures, kb_jwt or ""])
    return SdJwt(signatures[0], payload_object(signatures[0]), decoded, kb_jwt or None, compact,
                 tuple(signatures), problems, text)


def is_sd_jwt_json(obj: Any) -> bool:
    """A JWS JSON serialisation carrying SD-JWT disclosures (RFC 9901 section 8)."""
    if not isinstance(obj, dict) or not isinstance(obj.get("payload"), str):
        return False
    header = obj.get("header")
    sigs = obj.get("signatures")
    first_header = sigs[0].get("header") if isinstance(sigs, list) and sigs and isinstance(sigs[0], dict) else None
    return any(isinstance(h, dict) and "disclosures" in h for h in (header, first_header)) or "disclosures" in obj


def split(raw: bytes | str) -> SdJwt:
    """Split an SD-JWT in either serialisation; InputError when it is not one."""
    text = _text(raw)
    return _split_json(text) if text.startswith("{") else _split_compact(text)


# ------------------------------------------------------------------ unpacking


class _Walk:
    """Replaces digests by disclosed values, collecting paths and problems (RFC 9901 section 7.1 step 3)."""

    def __init__(self, by_digest: dict[str, Disclosure]) -> None:
        self.by_digest = by_digest
        self.used: dict[str, Path] = {}
        self.seen_digests: set[str] = set()
        self.disclosable: list[Path] = []
        self.problems: list[str] = []

    def _claim(self, digest: str) -> Disclosure | None:
        if digest in self.seen_digests:
            self.problems.append(f"the digest {digest[:16]}… appears more than once")
            return None
        self.seen_digests.add(digest)
        return self.by_digest.get(digest)

    def node(self, value: Any, path: Path, depth: int) -> Any:
        if depth > MAX_DISCLOSURE_DEPTH:
            self.problems.append("the disclosures nest too deeply")
            return None
        if isinstance(value, dict):
            return self._object(value, path, depth)
        if isinstance(value, list):
            return self._array(value, path, depth)
        return value

    def _object(self, obj: dict[str, Any], path: Path, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in obj.items():
            if key in ("_sd", "_sd_alg"):
                continue
            out[key] = self.node(value, (*path, key), depth + 1)
        digests = obj.get("_sd", [])
        if not isinstance(digests, list) or not all(isinstance(d, str) for d in digests):
            self.problems.append(f"'_sd' at {_show(path)} is not a list of digests")
            return out
        for digest in digests:
            disclosure = self._claim(digest)
            if disclosure is None:
                continue  # undisclosed or a decoy
            if disclosure.name is None:
                self.problems.append(f"an array element disclosure is named in '_sd' at {_show(path)}")
                continue
            if disclosure.name in RESERVED_NAMES:
                self.problems.append(f"a disclosure uses the reserved claim name {disclosure.name!r}")
                continue
            if disclosure.name in out:
                self.problems.append(f"a disclosure repeats the claim {_show((*path, disclosure.name))}")
                continue
            claim_path = (*path, disclosure.name)
            self.used[digest] = claim_path
            self.disclosable.append(claim_path)
            out[disclosure.name] = self.node(disclosure.value, claim_path, depth + 1)
        return out

    def _array(self, items: list[Any], path: Path, depth: int) -> list[Any]:
        out: list[Any] = []
        for item in items:
            if isinstance(item, dict) and set(item) == {"..."}:
                digest = item["..."]
                if not isinstance(digest, str):
                    self.problems.append(f"an array element digest at {_show(path)} is not a string")
                    continue
                disclosure = self._claim(digest)
                if disclosure is None:
                    continue
                if disclosure.name is not None:
                    self.problems.append(f"an object property disclosure is used as an array element at {_show(path)}")
                    continue
                element_path = (*path, len(out))
                self.used[digest] = element_path
                self.disclosable.append(element_path)
                out.append(self.node(disclosure.value, element_path, depth + 1))
            else:
                out.append(self.node(item, (*path, len(out)), depth + 1))
        return out


def _show(path: Path) -> str:
    return ".".join(str(p) for p in path) or "the top level"


def unpack(sd_jwt: SdJwt) -> Unpacked:
    """The disclosed claims (``_sd``, ``_sd_alg`` and ``...`` placeholders removed), paths and problems."""
    alg = sd_jwt.hash_alg
    problems = list(sd_jwt.problems)
    if alg not in HASHES:
        payload = {k: v for k, v in sd_jwt.payload.items() if k not in ("_sd", "_sd_alg")}
        return Unpacked(payload, (), (*problems, f"the digest algorithm {alg!r} is not supported"))
    by_digest: dict[str, Disclosure] = {}
    for disclosure in sd_jwt.disclosures:
        digest = disclosure.digest(alg)
        if digest in by_digest:
            problems.append("the same disclosure is included twice")
        by_digest[digest] = disclosure
    walk = _Walk(by_digest)
    claims = walk._object(sd_jwt.payload, (), 0)
    problems += walk.problems
    unused = sum(1 for digest in by_digest if digest not in walk.seen_digests)
    if unused:
        problems.append(f"{unused} disclosure(s) are not signed by the issuer (no digest names them)")
    return Unpacked(claims, tuple(walk.disclosable), tuple(problems), dict(walk.used))


def leaves(claims: Any, path: Path = ()) -> list[tuple[Path, Any]]:
    """Every scalar value of ``claims`` with its path (an empty object or list counts as a leaf)."""
    if isinstance(claims, dict) and claims:
        return [item for key, value in claims.items() for item in leaves(value, (*path, key))]
    if isinstance(claims, list) and claims:
        return [item for index, value in enumerate(claims) for item in leaves(value, (*path, index))]
    return [(path, claims)]


def is_disclosable(path: Path, disclosable: tuple[Path, ...] | frozenset[Path]) -> bool:
    """Whether the claim at ``path`` comes from a disclosure (its own or an enclosing one's)."""
    return any(path[:len(d)] == d for d in disclosable)


def json_text(value: Any) -> str:
    """A claim value as short readable text (strings as they are)."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
