"""The authorization response: ``vp_token`` and ``state``, posted as a form (OID4VP 1.0 sections 8.1–8.3).

``vp_token`` is a JSON object keyed by credential query id, each value an
array of presentations (OID4VP 1.0 final: always an array, one element
unless the query allows ``multiple``): an SD-JWT+KB string, a VP JWT string,
or an ``ldp_vp`` JSON object. With ``direct_post`` the form carries
``vp_token`` (that object as JSON text) and ``state``; with
``direct_post.jwt`` it carries only ``response``, a JWE of the JSON object
``{"vp_token": {...}, "state": ...}`` (:mod:`.jwe`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from wallet.oid4vp import jwe
from wallet.oid4vp.client_metadata import ClientMetadata
from wallet.oid4vp.jwe import refuse

Presentation = str | Mapping[str, Any]


def vp_token(presentations: Mapping[str, Sequence[Presentation]]) -> dict[str, list[Presentation]]:
    return {query_id: list(items) for query_id, items in presentations.items() if items}


def encryption_plan(metadata: ClientMetadata) -> tuple[Mapping[str, Any], str]:
    """(the verifier's key, the ``enc``) for ``direct_post.jwt``, or InputError when there is none to use."""
    key = jwe.usable_key(metadata.keys)
    if key is None:
        raise refuse("its client metadata names no key the wallet can encrypt to (ECDH-ES on P-256, P-384, "
                      "P-521 or X25519)")
    enc = jwe.choose_enc(metadata.enc_values)
    if enc is None:
        raise refuse("it accepts none of the content encryptions the wallet makes (A128GCM, A192GCM, A256GCM)")
    return key, enc


def form(token: Mapping[str, Any], state: str | None, *, encrypt_to: tuple[Mapping[str, Any], str] | None) -> dict[str, str]:
    """The ``application/x-www-form-urlencoded`` fields to post to ``response_uri``."""
    if encrypt_to is None:
        fields = {"vp_token": json.dumps(token, ensure_ascii=False, separators=(",", ":"))}
        if state is not None:
            fields["state"] = state
        return fields
    body: dict[str, Any] = {"vp_token": token}
    if state is not None:
        body["state"] = state
    key, enc = encrypt_to
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return {"response": jwe.encrypt(data, key, enc)}
