"""The Digital Credentials Query Language (OID4VP 1.0 section 6): parsed, validated, bounded.

A DCQL query is the verifier's word on what it wants: a list of credential
queries (``credentials``: an ``id``, a ``format``, ``meta`` constraints such
as ``vct_values`` or ``type_values``, ``claims`` with claims path pointers,
optional ``claim_sets`` of alternatives, ``multiple``,
``require_cryptographic_holder_binding``, ``trusted_authorities``), and
optionally ``credential_sets``: which combinations of those queries answer
the request (``options``, each a list of query ids; ``required`` or not).

Everything here comes from a stranger, so the parser checks every type and
the section 6 rules (unique ids, ``claim_sets`` and ``credential_sets``
naming ids that exist, id characters, non-empty arrays) and caps the sizes
(:data:`LIMITS`): a query with thousands of claims or credential queries is
refused with one sentence before any matching starts. Formats the wallet
does not hold (``mso_mdoc``) are parsed all the same, so a request that asks
for one *optionally* can still be answered; :mod:`.matching` says why
nothing matches them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from wallet.errors import InputError
from wallet.messages import msg

PathElement = str | int | None
ClaimValue = str | int | bool

_ID = re.compile(r"^[A-Za-z0-9_-]{1,128}$")
SD_JWT_FORMATS = ("dc+sd-jwt", "vc+sd-jwt")
W3C_FORMATS = ("ldp_vc", "jwt_vc_json")
#: The formats the wallet can present (docs/PRESENTING.md); others are parsed and matched to nothing.
SUPPORTED_FORMATS = (*SD_JWT_FORMATS, *W3C_FORMATS)


@dataclass(frozen=True)
class Limits:
    """Caps on a query, far above any real request (the EUDI examples use a handful of each)."""

    credential_queries: int = 64
    claims_per_query: int = 256
    claims_total: int = 1024
    path_length: int = 32
    values: int = 64
    claim_sets: int = 64
    credential_sets: int = 32
    options: int = 64
    type_values: int = 32
    text: int = 2048


LIMITS = Limits()


def refuse(reason: str) -> InputError:
    return InputError(f"The verifier's query (DCQL) is not valid: {reason}.",
                      message=msg("present.dcql_malformed", detail=reason))


@dataclass(frozen=True)
class ClaimQuery:
    """One claims query: a claims path pointer and, optionally, the values the verifier accepts."""

    path: tuple[PathElement, ...]
    id: str | None = None
    values: tuple[ClaimValue, ...] | None = None


@dataclass(frozen=True)
class TrustedAuthority:
    type: str  # aki | etsi_tl | openid_federation | (another, unknown)
    values: tuple[str, ...]


@dataclass(frozen=True)
class CredentialQuery:
    id: str
    format: str
    multiple: bool = False
    require_binding: bool = True
    vct_values: tuple[str, ...] | None = None
    type_values: tuple[tuple[str, ...], ...] | None = None
    doctype: str | None = None
    claims: tuple[ClaimQuery, ...] | None = None
    claim_sets: tuple[tuple[str, ...], ...] | None = None
    trusted_authorities: tuple[TrustedAuthority, ...] | None = None


@dataclass(frozen=True)
class CredentialSet:
    options: tuple[tuple[str, ...], ...]
    required: bool = True
    purpose: str | None = None


@dataclass(frozen=True)
class DcqlQuery:
    credentials: tuple[CredentialQuery, ...]
    credential_sets: tuple[CredentialSet, ...] | None = None

    def query(self, ident: str) -> CredentialQuery:
        return next(q for q in self.credentials if q.id == ident)


def _ident(value: Any, what: str) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise refuse(f"{what} is not an identifier (letters, digits, _ and -)")
    return value


def _array(value: Any, what: str, limit: int, *, empty: bool = False) -> list[Any]:
    if not isinstance(value, list):
        raise refuse(f"{what} is not an array")
    if not value and not empty:
        raise refuse(f"{what} is empty")
    if len(value) > limit:
        raise refuse(f"{what} has more than {limit} entries")
    return value


def _string(value: Any, what: str) -> str:
    if not isinstance(value, str) or len(value) > LIMITS.text:
        raise refuse(f"{what} is not text of at most {LIMITS.text} characters")
    return value


def _bool(value: Any, what: str, default: bool) -> bool:
    if value is None:
        return default
    if not isinstance(value, bool):
        raise refuse(f"{what} is not true or false")
    return value


def _path(value: Any, what: str) -> tuple[PathElement, ...]:
    out: list[PathElement] = []
    for element in _array(value, what, LIMITS.path_length):
        if element is None or isinstance(element, str):
            out.append(element if element is None else _string(element, what))
        elif isinstance(element, int) and not isinstance(element, bool) and 0 <= element < 2**31:
            out.append(element)
        else:
            raise refuse(f"{what} holds something other than names, array positions and null")
    return tuple(out)


def _values(value: Any, what: str) -> tuple[ClaimValue, ...] | None:
    if value is None:
        return None
    out: list[ClaimValue] = []
    for item in _array(value, what, LIMITS.values):
        if isinstance(item, str):
            out.append(_string(item, what))
        elif isinstance(item, bool) or (isinstance(item, int) and abs(item) < 2**63):
            out.append(item)
        else:
            raise refuse(f"{what} holds something other than text, whole numbers and true/false")
    return tuple(out)


def _claim(value: Any, where: str, mdoc: bool) -> ClaimQuery:
    if not isinstance(value, dict):
        raise refuse(f"a claim of {where} is not an object")
    ident = _ident(value["id"], f"a claim id of {where}") if "id" in value else None
    if mdoc and "path" not in value and "namespace" in value:  # the draft mdoc form: namespace + claim_name
        path: tuple[PathElement, ...] = (_string(value.get("namespace"), f"a claim of {where}"),
                                         _string(value.get("claim_name"), f"a claim of {where}"))
    else:
        path = _path(value.get("path"), f"a claim path of {where}")
    return ClaimQuery(path, ident, _values(value.get("values"), f"a claim's values of {where}"))


def _meta(value: Any, fmt: str, where: str) -> tuple[tuple[str, ...] | None, tuple[tuple[str, ...], ...] | None,
                                                      str | None]:
    if value is None:
        if fmt in W3C_FORMATS:
            raise refuse(f"{where} has no meta (type_values is required for {fmt})")
        return None, None, None
    if not isinstance(value, dict):
        raise refuse(f"the meta of {where} is not an object")
    vct = doctype = None
    types = None
    if "vct_values" in value:
        vct = tuple(_string(v, f"vct_values of {where}")
                    for v in _array(value["vct_values"], f"vct_values of {where}", LIMITS.values))
    if "type_values" in value:
        types = tuple(tuple(_string(t, f"type_values of {where}")
                            for t in _array(inner, f"type_values of {where}", LIMITS.type_values))
                      for inner in _array(value["type_values"], f"type_values of {where}", LIMITS.type_values))
    elif fmt in W3C_FORMATS:
        raise refuse(f"{where} has no type_values (required for {fmt})")
    if "doctype_value" in value:
        doctype = _string(value["doctype_value"], f"doctype_value of {where}")
    return vct, types, doctype


def _authorities(value: Any, where: str) -> tuple[TrustedAuthority, ...] | None:
    if value is None:
        return None
    out = []
    for item in _array(value, f"trusted_authorities of {where}", LIMITS.values):
        if not isinstance(item, dict):
            raise refuse(f"a trusted authority of {where} is not an object")
        kind = _string(item.get("type"), f"a trusted authority type of {where}")
        values = tuple(_string(v, f"trusted authority values of {where}")
                       for v in _array(item.get("values"), f"trusted authority values of {where}", LIMITS.values))
        out.append(TrustedAuthority(kind, values))
    return tuple(out)


def _credential_query(value: Any, number: int, budget: list[int]) -> CredentialQuery:
    if not isinstance(value, dict):
        raise refuse(f"credential query {number} is not an object")
    ident = _ident(value.get("id"), f"the id of credential query {number}")
    where = f"credential query {ident}"
    fmt = _string(value.get("format"), f"the format of {where}")
    if not fmt:
        raise refuse(f"{where} names no format")
    claims = None
    if "claims" in value:
        raw_claims = _array(value["claims"], f"the claims of {where}", LIMITS.claims_per_query)
        budget[0] += len(raw_claims)
        if budget[0] > LIMITS.claims_total:
            raise refuse(f"it asks for more than {LIMITS.claims_total} claims in all")
        claims = tuple(_claim(c, where, fmt == "mso_mdoc") for c in raw_claims)
        ids = [c.id for c in claims if c.id is not None]
        if len(ids) != len(set(ids)):
            raise refuse(f"{where} uses a claim id twice")
    claim_sets = None
    if "claim_sets" in value:
        if claims is None:
            raise refuse(f"{where} has claim_sets but no claims")
        known = {c.id for c in claims}
        claim_sets = tuple(tuple(_ident(i, f"a claim set of {where}")
                                 for i in _array(s, f"a claim set of {where}", LIMITS.claims_per_query))
                           for s in _array(value["claim_sets"], f"the claim_sets of {where}", LIMITS.claim_sets))
        for chosen in claim_sets:
            missing = [i for i in chosen if i not in known]
            if missing:
                raise refuse(f"a claim set of {where} names the unknown claim {missing[0]}")
    vct, types, doctype = _meta(value.get("meta"), fmt, where)
    return CredentialQuery(ident, fmt, _bool(value.get("multiple"), f"multiple of {where}", False),
                           _bool(value.get("require_cryptographic_holder_binding"),
                                 f"require_cryptographic_holder_binding of {where}", True),
                           vct, types, doctype, claims, claim_sets,
                           _authorities(value.get("trusted_authorities"), where))


def _credential_set(value: Any, number: int, known: set[str]) -> CredentialSet:
    where = f"credential set {number}"
    if not isinstance(value, dict):
        raise refuse(f"{where} is not an object")
    options = tuple(tuple(_ident(i, f"an option of {where}")
                          for i in _array(option, f"an option of {where}", LIMITS.credential_queries))
                    for option in _array(value.get("options"), f"the options of {where}", LIMITS.options))
    for option in options:
        missing = [i for i in option if i not in known]
        if missing:
            raise refuse(f"{where} names the unknown credential query {missing[0]}")
    purpose = value.get("purpose")
    shown = purpose if isinstance(purpose, str) else None
    return CredentialSet(options, _bool(value.get("required"), f"required of {where}", True),
                         _string(shown, f"the purpose of {where}") if shown is not None else None)


def parse_dcql(value: Any) -> DcqlQuery:
    """A checked DCQL query (section 6), or :class:`InputError` saying what is wrong with it."""
    if not isinstance(value, dict):
        raise refuse("it is not a JSON object")
    budget = [0]
    raw = _array(value.get("credentials"), "credentials", LIMITS.credential_queries)
    queries = tuple(_credential_query(q, n, budget) for n, q in enumerate(raw, start=1))
    ids = [q.id for q in queries]
    if len(ids) != len(set(ids)):
        raise refuse("two credential queries have the same id")
    sets = None
    if "credential_sets" in value:
        known = set(ids)
        sets = tuple(_credential_set(s, n, known) for n, s in enumerate(
            _array(value["credential_sets"], "credential_sets", LIMITS.credential_sets), start=1))
    return DcqlQuery(queries, sets)
