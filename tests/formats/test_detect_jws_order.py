"""Recognising a compact JWS by splitting it first gives what the alphabet scan first gave.

``wallet.formats.detect._detect_text`` now tries ``split_jws`` before the
base64url alphabet scan (``is_compact_jws``), which it runs only when the
split fails. The reference below is the order it replaced, kept word for
word; both must say the same of any text, valid token or not.
"""

from __future__ import annotations

import base64
import json
import re

from hypothesis import given
from hypothesis import strategies as st

from wallet.errors import InputError
from wallet.formats import jwt, registry
from wallet.formats.detect import Sniffed, _detect_text
from wallet.model import CredentialFormat


def _reference(data: bytes) -> Sniffed:
    """``_detect_text`` as it was: the alphabet scan first, then the split (from the LINK test on)."""
    text = data.decode("ascii")
    if jwt.is_sd_jwt(text):
        return Sniffed(CredentialFormat.SD_JWT)
    if not jwt.is_compact_jws(text):
        if text.count(".") == 4 and re.fullmatch(r"[A-Za-z0-9_.-]+", text):
            raise InputError("JWE")
        return Sniffed(registry.detect_text(text), data=data)
    try:
        jws = jwt.split_jws(text)
        payload = jwt.payload_object(jws)
        return Sniffed(jwt.classify(jws.header, payload), data=data, jws=jws, payload=payload)
    except InputError:
        return Sniffed(CredentialFormat.UNKNOWN)


def _outcome(fn, data: bytes) -> tuple[str, object]:  # type: ignore[no-untyped-def]
    try:
        sniffed = fn(data)
    except InputError:
        return ("refused", None)
    return ("sniffed", (sniffed.fmt, sniffed.jws, sniffed.payload, sniffed.data))


def _b64(obj: object) -> str:
    raw = obj if isinstance(obj, bytes) else json.dumps(obj).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


_PART = st.one_of(
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=~. ", max_size=40),
    st.builds(_b64, st.dictionaries(st.sampled_from(["alg", "typ", "kid", "vc", "type", "iss"]),
                                    st.one_of(st.text(max_size=8), st.integers(), st.none()), max_size=4)),
    st.builds(_b64, st.binary(max_size=30)),
    st.sampled_from(["", _b64({"alg": "ES256", "typ": "vc+jwt"}), _b64({"vc": {"type": ["VerifiableCredential"]}}),
                     _b64([1, 2]), _b64(b"{bad json")]),
)


@given(st.lists(_PART, min_size=1, max_size=6))
def test_same_verdict_as_scanning_first(parts: list[str]) -> None:
    data = ".".join(parts).strip().encode("ascii")
    if not data or data.startswith((b"{", b"<")):
        return
    assert _outcome(_detect_text, data) == _outcome(_reference, data)


def test_tokens_and_near_tokens() -> None:
    header, payload = _b64({"alg": "ES256", "typ": "vc+jwt"}), _b64({"type": ["VerifiableCredential"], "issuer": "x"})
    for text in (f"{header}.{payload}.c2ln", f".{payload}.c2ln", f"{header}..", f"{header}.{payload}.c2l",
                 f"{header}.{payload}.c2ln=", f"{header}.{payload}.c2+n", f"{header}.{_b64([1])}.c2ln",
                 f"{_b64([1])}.{payload}.c2ln", "a.b.c.d.e", "a.b", "urn:example:1.2"):
        data = text.encode("ascii")
        assert _outcome(_detect_text, data) == _outcome(_reference, data), text
    assert _detect_text(f"{header}.{payload}.c2ln".encode()).fmt is CredentialFormat.VC_JOSE
