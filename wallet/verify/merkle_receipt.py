"""The Merkle receipts of Blockcerts: MerkleProof2017 (v2) and MerkleProof2019 (v3), read and checked.

A receipt says: this document's hash (``targetHash``) is a leaf of a Merkle
tree whose root (``merkleRoot``) was written into a blockchain transaction
(``anchors``); the ``path`` gives the sibling hashes from leaf to root. Each
step hashes ``sibling || current`` (a left sibling) or ``current || sibling``
(a right one) with SHA-256 over the raw bytes, as cert-verifier-js does
(``ensureValidReceipt``). Checking the path is offline; checking that the
root really is in the named transaction is not (see :mod:`wallet.verify.blockcerts`).

MerkleProof2019 packs the receipt in ``proofValue``: multibase base58btc of a
CBOR array of ``[key, value]`` pairs (0 merkleRoot, 1 targetHash, 2 anchors,
3 path; values are CBOR-encoded text, or bytes in newer encoders), as the lds-merkle-proof-2019 libraries
encode it. The small CBOR reader here accepts only what that needs, with caps.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import base58

#: Longest proofValue read (a path of 64 steps is a tree of 2^64 leaves; real ones are far smaller).
MAX_PROOF_VALUE = 16 * 1024
MAX_PATH = 64
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
#: Chain ids of the lds-merkle-proof-2019 registry (chain, then network).
_CHAINS = {0: ("btc", {1: "mainnet", 3: "testnet"}), 1: ("eth", {1: "mainnet", 3: "ropsten", 4: "rinkeby",
                                                                  5: "goerli", 11155111: "sepolia"}),
           -1: ("mocknet", {})}


class ReceiptError(Exception):
    """The receipt cannot be read (one plain sentence)."""


@dataclass(frozen=True)
class Receipt:
    target_hash: str  # lower-case hex
    merkle_root: str
    path: tuple[tuple[str, str], ...]  # ("left" | "right", hex)
    anchors: tuple[str, ...]  # "blink:btc:testnet:<tx>" or a v2 "<chain>:<sourceId>"

    @property
    def mock(self) -> bool:
        """Anchored nowhere: the issuer's test mode (``mocknet``)."""
        return bool(self.anchors) and all("mock" in a.lower() for a in self.anchors)


def _hex(value: Any, what: str) -> str:
    if not isinstance(value, str) or not _HEX64.match(value.lower()):
        raise ReceiptError(f"the receipt's {what} is not a SHA-256 hash in hex")
    return value.lower()


def _path(steps: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(steps, list) or len(steps) > MAX_PATH:
        raise ReceiptError(f"the receipt's path is not a list of at most {MAX_PATH} steps")
    out = []
    for step in steps:
        if not isinstance(step, Mapping) or len(step) != 1 or next(iter(step)) not in ("left", "right"):
            raise ReceiptError("a step of the receipt's path is neither left nor right")
        side = next(iter(step))
        out.append((side, _hex(step[side], "path")))
    return tuple(out)


def receipt_2017(signature: Mapping[str, Any]) -> Receipt:
    """The receipt of a Blockcerts v2 ``signature`` (MerkleProof2017)."""
    anchors = []
    for anchor in signature.get("anchors") or []:
        if isinstance(anchor, Mapping):
            anchors.append(f"{anchor.get('chain') or anchor.get('type')}:{anchor.get('sourceId')}")
        elif isinstance(anchor, str):
            anchors.append(anchor)
    return Receipt(_hex(signature.get("targetHash"), "targetHash"), _hex(signature.get("merkleRoot"), "merkleRoot"),
                   _path(signature.get("proof") or []), tuple(anchors))


# ---------------------------------------------------------------- minimal CBOR (RFC 8949), for proofValue


def _cbor(data: bytes, pos: int, depth: int) -> tuple[Any, int]:
    if depth > 8:
        raise ReceiptError("the proof value nests too deeply")
    if pos >= len(data):
        raise ReceiptError("the proof value ends too early")
    head = data[pos]
    major, info = head >> 5, head & 0x1F
    pos += 1
    if info < 24:
        arg = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        if pos + size > len(data):
            raise ReceiptError("the proof value ends too early")
        arg = int.from_bytes(data[pos:pos + size], "big")
        pos += size
    else:
        raise ReceiptError("the proof value uses a CBOR form the wallet does not read")
    if major == 0:
        return arg, pos
    if major == 1:
        return -1 - arg, pos
    if major in (2, 3):
        if pos + arg > len(data):
            raise ReceiptError("the proof value ends too early")
        chunk = data[pos:pos + arg]
        try:
            return (chunk if major == 2 else chunk.decode("utf-8")), pos + arg
        except UnicodeDecodeError as exc:
            raise ReceiptError("the proof value holds text that is not UTF-8") from exc
    if major == 4:
        if arg > MAX_PATH * 2:
            raise ReceiptError("the proof value holds too many items")
        items = []
        for _ in range(arg):
            item, pos = _cbor(data, pos, depth + 1)
            items.append(item)
        return items, pos
    if major == 7 and info in (20, 21, 22):
        return {20: False, 21: True, 22: None}[info], pos
    raise ReceiptError("the proof value uses a CBOR form the wallet does not read")


def cbor_loads(data: bytes) -> Any:
    value, end = _cbor(data, 0, 0)
    if end != len(data):
        raise ReceiptError("the proof value has data after its end")
    return value


def _inner_text(value: Any) -> str:
    """A value the encoder wrapped in CBOR once more: a CBOR text (older encoders) or bytes, given as hex."""
    if isinstance(value, bytes):
        value = cbor_loads(value)
    if isinstance(value, bytes):
        return value.hex()
    if not isinstance(value, str):
        raise ReceiptError("a field of the proof value is neither text nor bytes")
    return value


def receipt_2019(proof_value: Any) -> Receipt:
    """The receipt packed in a MerkleProof2019 ``proofValue``."""
    if not isinstance(proof_value, str) or not proof_value.startswith("z") or len(proof_value) > MAX_PROOF_VALUE:
        raise ReceiptError("the proof value is not base58btc multibase ('z…') of a reasonable size")
    try:
        entries = cbor_loads(base58.b58decode(proof_value[1:]))
    except ValueError as exc:
        raise ReceiptError("the proof value is not valid base58") from exc
    if not isinstance(entries, list) or not all(isinstance(e, list) and len(e) == 2 for e in entries):
        raise ReceiptError("the proof value is not a list of keyed entries")
    fields = {entry[0]: entry[1] for entry in entries}
    path = []
    for step in fields.get(3) or []:
        if not isinstance(step, list) or len(step) != 2 or step[0] not in (0, 1):
            raise ReceiptError("a step of the receipt's path is neither left nor right")
        path.append({("left" if step[0] == 0 else "right"): _inner_text(step[1])})
    anchors = []
    for anchor in fields.get(2) or []:
        if not isinstance(anchor, list) or not all(isinstance(p, list) and len(p) == 2 for p in anchor):
            raise ReceiptError("an anchor of the proof value is not a list of keyed entries")
        parts: dict[Any, Any] = {p[0]: p[1] for p in anchor}
        chain_id, network_id = parts.get(0), parts.get(1)
        chain, networks = _CHAINS.get(chain_id, ("unknown", {})) if isinstance(chain_id, int) else ("unknown", {})
        network = networks.get(network_id, str(network_id)) if isinstance(network_id, int) else str(network_id)
        anchors.append(f"blink:{chain}:{network}:{_inner_text(parts.get(2)) if 2 in parts else ''}")
    return Receipt(_hex(_inner_text(fields.get(1)), "targetHash"), _hex(_inner_text(fields.get(0)), "merkleRoot"),
                   _path(path), tuple(anchors))


def root_of(receipt: Receipt) -> str:
    """The Merkle root the path leads to from the target hash (hex)."""
    current = receipt.target_hash
    for side, sibling in receipt.path:
        pair = sibling + current if side == "left" else current + sibling
        current = hashlib.sha256(bytes.fromhex(pair)).hexdigest()
    return current
