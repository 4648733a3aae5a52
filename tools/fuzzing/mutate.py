"""Structure-aware mutations shared by both fuzzing engines.

Why structure-aware: the inputs are JSON, JWS, XML, PNG chunks, gzip inside
base64url inside JSON, DEFLATE inside a URL fragment. Byte flips alone rarely
get past the first parser, so most mutations decode the layer they know,
change one node there (a value replaced with ``null``, an out-of-range
integer, a lone surrogate, a JSON-LD keyword, a duplicated subtree…) and
encode it again, so the change reaches the code behind the parser. Byte-level
mutation (libFuzzer's own under atheris) covers the parsers themselves.

Every function here is total: a mutation that does not apply returns its input
unchanged, never raises.
"""

from __future__ import annotations

import base64
import gzip
import json
import random
import re
import struct
import zlib
from collections.abc import Callable
from typing import Any

#: Values that broke, or are likely to break, JSON-LD processors, JCS and the
#: format parsers: type confusion, number domains, unpaired surrogates, keywords.
INTERESTING_VALUES: tuple[Any, ...] = (
    None, True, False, 0, -1, 1, 2**31, 2**53, 2**53 + 1, -(2**53) - 1, 2**63, -(2**64), 10**30,
    1e308, -0.0, 5e-324, 1.5, 1e16, 1e-7, "", " ", "\ud800", "a\udfffb", "\ud83d\ude00", "\x00", "\u202e",
    "@set", "@list", "@type", "@id", "@value", "@json", "@none", "@graph", "@vocab", "@context", "@nest",
    "_:b0", "_:b1", "urn:x", "did:key:z", "did:web:example.org", "https://example.org/", "#frag", "../x",
    "2025-01-01T00:00:00Z", "2025-13-45T99:99:99Z", "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z",
    "P1Y", "P99999999999999999999Y", "P0D", "100000000000000000000", "-1", "1e999", "NaN",
    "u", "uH4sIAAAAAAAA", "H4sI", "x" * 300, "é" * 50, "(a+)+$", "[", "(?P<x>", "\\", "P0Y", 10**18,
    [], {}, [None], [[]], {"@type": None, "type": None}, {"@type": "@set"}, {"@type": "@list"},
    {"@value": None}, {"@value": "x", "@type": None}, {"@value": 1, "@language": "en"},
    {"@id": None}, {"@id": "_:b0"}, {"@list": [None]}, {"@set": [{}]}, {"@context": None},
    {"@context": {"@vocab": None}}, {"@graph": [{}]}, {"@included": [{}]}, {"@reverse": {}},
    {"@json": None}, {"@type": "@json", "@value": {}}, {"id": None, "type": None},
)

JSONLD_KEYS: tuple[str, ...] = (
    "@id", "@type", "@value", "@language", "@direction", "@list", "@set", "@graph", "@context",
    "@included", "@reverse", "@nest", "@index", "@json", "@vocab", "@base", "@none", "@protected",
    "id", "type", "name", "issuer", "proof", "credentialSubject", "credentialStatus", "validFrom",
    "validUntil", "expirationDate", "issuanceDate", "evidence", "termsOfUse", "refreshService",
    "statusListIndex", "statusSize", "statusPurpose", "encodedList", "verificationMethod", "cryptosuite",
    "proofValue", "jws", "previousProof", "challenge", "domain", "holder", "verifiableCredential",
    # stacking target files
    "maxAge", "titlePattern", "minCredits", "minEqfLevel", "anyOf", "identifiers", "titles", "escoSkills",
    "skillsMatch", "issuers", "learningOutcomes", "credits", "requiredCredits", "components", "groups", "match",
)

_B64URL_SEGMENT = re.compile(r"^[A-Za-z0-9_-]+$")
#: Bytes one mutation may add: the mutator's own memory must stay small next to the target's.
GROWTH_LIMIT = 256 * 1024


# -- JSON ---------------------------------------------------------------------------------------

def _nodes(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _nodes(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out += _nodes(item, (*path, i))
    return out


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        doc = doc[step]
    return doc


def _replace_at(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    parent = _get(doc, path[:-1])
    parent[path[-1]] = value
    return doc


def _random_value(rng: random.Random, doc: Any) -> Any:
    roll = rng.random()
    if roll < 0.55:
        return json.loads(json.dumps(rng.choice(INTERESTING_VALUES)))
    if roll < 0.75:  # a copy of another subtree of the same document (not too big)
        copied = json.dumps(_get(doc, rng.choice(_nodes(doc))))
        return json.loads(copied) if len(copied) <= GROWTH_LIMIT else None
    if roll < 0.85:
        return rng.randint(-(2**70), 2**70)
    if roll < 0.95:
        return "".join(chr(rng.choice((rng.randint(0x20, 0x7E), rng.randint(0, 0x10FFFF)))) for _ in range(rng.randint(0, 12)))
    depth = rng.randint(2, 40)
    value: Any = rng.choice(INTERESTING_VALUES)
    for _ in range(depth):
        value = [value] if rng.random() < 0.5 else {rng.choice(JSONLD_KEYS): value}
    return value


def mutate_json_value(doc: Any, rng: random.Random) -> Any:
    """One structural change to a parsed JSON document (the document is changed in place)."""
    nodes = _nodes(doc)
    path = rng.choice(nodes)
    node = _get(doc, path)
    op = rng.randrange(9)
    if op <= 2:
        return _replace_at(doc, path, _random_value(rng, doc))
    if op == 3 and isinstance(node, dict) and node:  # delete a key
        del node[rng.choice(list(node))]
        return doc
    if op == 4 and isinstance(node, dict):  # add or overwrite a key
        node[rng.choice(JSONLD_KEYS)] = _random_value(rng, doc)
        return doc
    if op == 5 and isinstance(node, dict) and node:  # rename a key
        old = rng.choice(list(node))
        node[rng.choice(JSONLD_KEYS)] = node.pop(old)
        return doc
    if op == 6:  # wrap in a list, or unwrap one
        if isinstance(node, list) and node:
            return _replace_at(doc, path, node[0])
        return _replace_at(doc, path, [node])
    if op == 7 and isinstance(node, list):  # repeat items (big arrays), at most ~256 KiB more
        item = json.dumps(node[:1])
        count = min(rng.choice((2, 10, 100, 1000, 5000)), GROWTH_LIMIT // max(len(item), 1))
        # Independent copies: repeating one object by reference would let the next change inside it
        # multiply through every copy (a 3 KB input once serialised to 1.7 GB and stopped the worker).
        node.extend(json.loads(json.dumps(node[:1] * count)))
        return doc
    if op == 8 and isinstance(node, str) and node:  # edit a string
        pos = rng.randrange(len(node) + 1)
        snippet = rng.choice(("\ud800", "\x00", "é", "#", "/", ":", "%", "_:", " ", "\\", '"', "Z", "+01:00"))
        return _replace_at(doc, path, node[:pos] + snippet + node[pos + rng.randint(0, 2):])
    return _replace_at(doc, path, _random_value(rng, doc))


def dump_json(doc: Any, rng: random.Random) -> bytes:
    """Serialise a mutated document; unpaired surrogates force ASCII escapes."""
    pretty = rng.random() < 0.2
    try:
        text = json.dumps(doc, ensure_ascii=rng.random() < 0.3, indent=2 if pretty else None)
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(doc, ensure_ascii=True).encode("ascii")
    except (ValueError, RecursionError):  # float('inf') etc. from a copy; keep the input
        return b""


def mutate_json_bytes(data: bytes, rng: random.Random) -> bytes:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError):
        return data
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        try:
            doc = mutate_json_value(doc, rng)
        except (RecursionError, IndexError, KeyError, TypeError, ValueError):
            break
    out = dump_json(doc, rng)
    return out or data


# -- JWS / JWT / SD-JWT ---------------------------------------------------------------------------

def _b64d(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _b64e(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def mutate_jws(data: bytes, rng: random.Random) -> bytes:
    """Change the JSON inside one segment of a compact JWS (or an SD-JWT disclosure)."""
    try:
        text = data.decode("ascii").strip()
    except UnicodeDecodeError:
        return data
    tilde = text.split("~")
    head = tilde[0].split(".")
    if len(head) != 3:
        return data
    choices: list[tuple[str, int]] = [("h", 0), ("h", 1)] + [("d", i) for i in range(1, len(tilde)) if tilde[i]]
    kind, index = rng.choice(choices)
    segment = head[index] if kind == "h" else tilde[index]
    if not _B64URL_SEGMENT.match(segment or "x"):
        return data
    try:
        inner = _b64d(segment)
    except ValueError:
        return data
    roll = rng.random()
    if roll < 0.8:
        changed = _b64e(mutate_json_bytes(inner, rng))
    elif roll < 0.9:
        changed = _b64e(inner) + "="  # padding
    else:
        changed = segment[: rng.randint(0, len(segment))]
    if kind == "h":
        head[index] = changed
        tilde[0] = ".".join(head)
    else:
        tilde[index] = changed
    if rng.random() < 0.1:
        tilde.append(_b64e(json.dumps(["salt", "name", rng.choice(INTERESTING_VALUES)]).encode()))
    return "~".join(tilde).encode("ascii")


# -- XML / SVG ------------------------------------------------------------------------------------

def mutate_xml(data: bytes, rng: random.Random) -> bytes:
    """Delete, duplicate, retag or re-text one element, or change an attribute."""
    from lxml import etree

    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
        root = etree.fromstring(data, parser=parser)
    except (etree.LxmlError, ValueError):
        return data
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    if not elements:
        return data
    el = rng.choice(elements)
    parent = el.getparent()
    op = rng.randrange(7)
    if op == 0 and parent is not None:
        parent.remove(el)
    elif op == 1 and parent is not None:
        from copy import deepcopy

        parent.insert(parent.index(el), deepcopy(el))
    elif op == 2:
        text = (el.text or "").strip()
        if text.startswith(("{", "[")) or text.count(".") == 2:
            el.text = (mutate_json_bytes(text.encode(), rng) if text[0] in "{[" else mutate_jws(text.encode(), rng)).decode("utf-8", "replace")
        else:
            el.text = str(rng.choice(INTERESTING_VALUES))
    elif op == 3 and el.attrib:
        key = rng.choice(list(el.attrib))
        el.set(key, str(rng.choice(INTERESTING_VALUES)).replace("\ud800", "").replace("\udfff", "").replace("\x00", ""))
    elif op == 4:
        namespace = rng.choice(("http://data.europa.eu/snb", "http://www.w3.org/2000/09/xmldsig#", "http://openbadges.org",
                                "http://uri.etsi.org/01903/v1.3.2#", "", "urn:x"))
        local = rng.choice(("europassCredential", "Signature", "assertion", "credential", "proof", "svg", "x", "Reference"))
        el.tag = f"{{{namespace}}}{local}" if namespace else local
    elif op == 5 and parent is not None:
        other = rng.choice(elements)
        if other is not el and el not in other.iterancestors() and other is not root and el is not root:
            other.addnext(el) if rng.random() < 0.5 else other.append(el)
    else:
        el.set(rng.choice(("id", "idref", "URI", "Id", "lang", "verify", "Algorithm")), rng.choice(("#x", "", "x", "#", "http://x")))
    try:
        return etree.tostring(root, xml_declaration=rng.random() < 0.5, encoding="UTF-8")
    except (etree.LxmlError, ValueError):
        return data


# -- PNG ------------------------------------------------------------------------------------------

def _png_chunks(data: bytes) -> list[tuple[bytes, bytes]] | None:
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return None
    pos, out = 8, []
    while pos + 12 <= len(data):
        (length,) = struct.unpack_from(">I", data, pos)
        if pos + 12 + length > len(data):
            return None
        out.append((data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]))
        pos += 12 + length
    return out


def _png(chunks: list[tuple[bytes, bytes]]) -> bytes:
    out = [b"\x89PNG\r\n\x1a\n"]
    for ctype, body in chunks:
        out.append(struct.pack(">I", len(body)) + ctype + body + struct.pack(">I", zlib.crc32(ctype + body) & 0xFFFFFFFF))
    return b"".join(out)


def mutate_png(data: bytes, rng: random.Random) -> bytes:
    """Change the badge text inside its iTXt chunk (CRC fixed up), or the chunk layout."""
    chunks = _png_chunks(data)
    if not chunks:
        return data
    text_idx = [i for i, (t, _) in enumerate(chunks) if t in (b"iTXt", b"tEXt", b"zTXt")]
    roll = rng.random()
    if text_idx and roll < 0.6:
        i = rng.choice(text_idx)
        ctype, body = chunks[i]
        parts = body.split(b"\0", 4) if ctype == b"iTXt" else body.split(b"\0", 1)
        payload = parts[-1]
        inner = mutate_json_bytes(payload, rng) if payload.lstrip()[:1] in (b"{", b"[") else mutate_jws(payload, rng)
        parts[-1] = inner
        chunks[i] = (ctype, b"\0".join(parts))
    elif roll < 0.75 and text_idx:
        chunks.insert(rng.randrange(len(chunks)), chunks[rng.choice(text_idx)])
    elif roll < 0.85:
        kind = rng.choice((b"zTXt", b"iTXt", b"tEXt"))
        chunks.insert(1, (kind, b"openbadges\0" + (b"\x01\x00\0\0" if kind == b"iTXt" else b"") + zlib.compress(b"{}" * 50)))
    elif chunks:
        del chunks[rng.randrange(len(chunks))]
    return _png(chunks)


# -- status list (gzip inside base64url inside JSON) ------------------------------------------------

def _gzip_variant(bits: bytes, rng: random.Random) -> bytes:
    op = rng.randrange(9)
    if op == 0:
        return gzip.compress(bits) + gzip.compress(b"\xff" * 16)  # a second member
    if op == 1:
        return gzip.compress(bits) + bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))  # trailing junk
    if op == 2:
        raw = gzip.compress(bits)
        return raw[: rng.randint(0, len(raw))]  # truncated
    if op == 3:
        return gzip.compress(b"\x00" * rng.choice((0, 1, 16_384, 2**20, 17 * 2**20)))  # empty or bomb-ish
    if op == 4:
        return zlib.compress(bits)  # zlib, not gzip
    if op == 5:
        raw = bytearray(gzip.compress(bits))
        if raw:
            raw[rng.randrange(len(raw))] ^= 1 << rng.randrange(8)
        return bytes(raw)
    if op == 6:
        flipped = bytearray(bits or b"\0")
        flipped[rng.randrange(len(flipped))] ^= 0xFF
        return gzip.compress(bytes(flipped))
    if op == 7:
        return gzip.compress(bits[: rng.randint(0, len(bits))])
    return gzip.compress(bits, mtime=0)[:10] + zlib.compress(bits)[2:]  # gzip header over a zlib body


def mutate_status_list(data: bytes, rng: random.Random) -> bytes:
    """Re-encode the list's ``encodedList`` after changing its gzip or its bits."""
    try:
        doc = json.loads(data.decode("utf-8"))
        subject = doc["credentialSubject"]
        encoded = subject["encodedList"]
        prefix = "u" if encoded.startswith("u") and rng.random() < 0.9 else ""
        body = encoded[1:] if encoded.startswith("u") else encoded
        bits = gzip.decompress(_b64d(body))
    except (ValueError, KeyError, TypeError, AttributeError, OSError, EOFError, RecursionError):
        return mutate_json_bytes(data, rng)
    variant = _gzip_variant(bits, rng)
    encoded = prefix + (_b64e(variant) if rng.random() < 0.9 else base64.b64encode(variant).decode())
    subject["encodedList"] = encoded
    return json.dumps(doc).encode("utf-8")


# -- share links ------------------------------------------------------------------------------------

def mutate_link(data: bytes, rng: random.Random) -> bytes:
    """Change the bundle inside a link (re-deflated), or the link's parameters."""
    try:
        text = data.decode("ascii").strip()
    except UnicodeDecodeError:
        return data
    base, sep, fragment = text.partition("#")
    if not sep:
        return data
    params = [p.partition("=") for p in fragment.split("&")]
    roll = rng.random()
    if roll < 0.6:
        for i, (key, _eq, value) in enumerate(params):
            if key == "b":
                try:
                    bundle = zlib.decompress(_b64d(value), -15)
                except (ValueError, zlib.error):
                    return data
                if rng.random() < 0.8:
                    bundle = mutate_json_bytes(bundle, rng)
                    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
                    deflated = comp.compress(bundle) + comp.flush()
                else:
                    deflated = rng.choice((
                        zlib.compress(bundle),  # zlib header
                        zlib.compress(bundle)[2:] + b"junk",
                        b"\x03\x00" * 10,
                        bytes(rng.randrange(256) for _ in range(64)),
                    ))
                params[i] = (key, "=", _b64e(deflated))
    elif roll < 0.8:
        params.append((rng.choice(("b", "v", "k", "x", "B", "")), "=", rng.choice(("1", "2", "", "AAAA", "=="))))
    else:
        params = [(k, e, v) for k, e, v in params if rng.random() < 0.7]
    return (base + "#" + "&".join(k + e + v for k, e, v in params)).encode("ascii", "replace")


# -- backup dump (JSON lines) -----------------------------------------------------------------------

def mutate_json_lines(data: bytes, rng: random.Random) -> bytes:
    """Change one JSON line (a row of the dump), or delete or repeat a line."""
    lines = data.split(b"\n")
    if not lines:
        return data
    i = rng.randrange(len(lines))
    roll = rng.random()
    if roll < 0.75:
        lines[i] = mutate_json_bytes(lines[i], rng).replace(b"\n", b" ")
    elif roll < 0.85:
        del lines[i]
    else:
        lines.insert(i, lines[rng.randrange(len(lines))])
    return b"\n".join(lines)


# -- byte level (the Hypothesis engine's stand-in for libFuzzer's mutators) --------------------------

def mutate_bytes(data: bytes, rng: random.Random, max_size: int) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 4, 8))):
        op = rng.randrange(6)
        if op == 0 and buf:
            buf[rng.randrange(len(buf))] ^= 1 << rng.randrange(8)
        elif op == 1 and buf:
            buf[rng.randrange(len(buf))] = rng.choice((0, 0xFF, 0x7F, 0x80, ord('"'), ord("{"), ord("\\"), ord(".")))
        elif op == 2:
            pos = rng.randrange(len(buf) + 1)
            buf[pos:pos] = rng.choice((b"null", b"[]", b"{}", b"\\ud800", b"1e999", b"-0", b'"@set"', b"~", b".", b"<", b"&"))
        elif op == 3 and buf:
            start = rng.randrange(len(buf))
            del buf[start : start + rng.randint(1, 64)]
        elif op == 4 and buf:
            start = rng.randrange(len(buf))
            piece = buf[start : start + rng.randint(1, 256)]
            pos = rng.randrange(len(buf) + 1)
            buf[pos:pos] = piece
        elif op == 5 and buf:
            del buf[rng.randrange(len(buf)) :]
    return bytes(buf[:max_size])


STRUCTURED: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "json": mutate_json_bytes,
    "jws": mutate_jws,
    "xml": mutate_xml,
    "png": mutate_png,
    "status": mutate_status_list,
    "link": mutate_link,
    "jsonl": mutate_json_lines,
}


def sniff_kind(data: bytes) -> str | None:
    """Which structured mutator fits ``data`` (None: bytes only)."""
    head = data.lstrip()[:64]
    if data.startswith(b"\x89PNG"):
        return "png"
    if head.startswith(b"<"):
        return "xml"
    if head.startswith(b"{"):
        if b"encodedList" in data:
            return "status"
        if data.count(b"\n") > 2 and b'"format":"learner-wallet-dump"' in data[:200]:
            return "jsonl"
        return "json"
    if b"#" in head and (head.startswith(b"wallet:") or head.startswith(b"http")):
        return "link"
    if data.count(b".") >= 2 and not head.startswith(b"{"):
        return "jws"
    return None


def structured_mutation(data: bytes, rng: random.Random) -> bytes:
    """The structured mutation that fits ``data``; the input itself when none does."""
    kind = sniff_kind(data)
    if kind is None:
        return data
    try:
        return STRUCTURED[kind](data, rng)
    except Exception:  # noqa: BLE001 - a mutator that cannot apply is not a finding: keep the input
        return data
