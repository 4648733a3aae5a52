"""Which stored credentials satisfy which credential query, and why the others do not (OID4VP 1.0 6.4).

A :class:`Candidate` is a stored credential as DCQL sees it: its OID4VP
format, its type (``vct`` or the W3C ``type`` list, compact and expanded),
its claims (an SD-JWT's with every disclosure the holder has), whether it is
bound to a key of this wallet, and, for SD-JWT, which claims can be left out.
The caller builds them from the vault (:mod:`wallet.app.presenting.candidates`);
this module is pure.

For each credential query, each candidate either **matches** (with the
concrete claims that would be disclosed: the first claim set it satisfies,
in the verifier's order of preference) or **misses** with a reason in plain
words: another format, another type, a claim it does not have, a claim with
another value, not bound to this wallet's keys, an issuer outside the
trusted authorities asked for. :func:`match` then decides whether the
request as a whole can be answered: every query when there are no
``credential_sets``; otherwise every *required* set needs one option whose
queries all match.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from wallet.claim_words import claim_words
from wallet.messages import Message, msg
from wallet.oid4vp.claims import Concrete, PathError, matching
from wallet.oid4vp.dcql import SD_JWT_FORMATS, SUPPORTED_FORMATS, CredentialQuery, DcqlQuery

#: Plain names of formats for messages (the technical name goes along as a parameter).
FORMAT_NAMES = {"dc+sd-jwt": "SD-JWT VC", "vc+sd-jwt": "SD-JWT VC", "ldp_vc": "W3C (Data Integrity)",
                "jwt_vc_json": "W3C (JWT)", "mso_mdoc": "mdoc (ISO 18013-5)"}


@dataclass(frozen=True)
class Candidate:
    """A stored credential as the matcher sees it."""

    id: str
    format: str  # dc+sd-jwt | ldp_vc | jwt_vc_json (OID4VP names), or "" when it cannot be presented
    title: str
    claims: Mapping[str, Any] = field(default_factory=dict)
    vct: str | None = None
    types: frozenset[str] = frozenset()  # compact names and expanded IRIs
    bound: bool = False  # bound to (issued to) a key this wallet holds
    disclosable: tuple[Concrete, ...] = ()  # SD-JWT: claims that may be left out
    authority_keys: frozenset[str] = frozenset()  # base64url AuthorityKeyIdentifiers of its x5c chain
    rank: int = 0  # lower is better: 0 valid, 1 with warnings, 2 not in force (expired, revoked…)
    state: str = ""
    typ: str = ""  # SD-JWT: the JWT typ (dc+sd-jwt or vc+sd-jwt)


@dataclass(frozen=True)
class Match:
    candidate: Candidate
    paths: tuple[Concrete, ...]  # the concrete claims the query selects (what is disclosed, for SD-JWT)
    claim_set: int | None = None  # which of the query's claim_sets it satisfies


@dataclass(frozen=True)
class Miss:
    candidate: Candidate | None
    reason: Message


@dataclass(frozen=True)
class QueryResult:
    query: CredentialQuery
    matches: tuple[Match, ...]
    misses: tuple[Miss, ...]

    @property
    def satisfied(self) -> bool:
        return bool(self.matches)

    def why_not(self) -> Message:
        """Why nothing matches this query, in plain words (the closest miss, or "nothing of this kind")."""
        if self.query.format not in SUPPORTED_FORMATS:
            return msg("present.miss_format_unsupported", fmt=FORMAT_NAMES.get(self.query.format, self.query.format))
        same_format = [m for m in self.misses if m.candidate is not None and _format_fits(m.candidate, self.query)]
        if not same_format:
            return msg("present.miss_no_format", fmt=FORMAT_NAMES.get(self.query.format, self.query.format),
                       technical=self.query.format)
        return same_format[0].reason


@dataclass(frozen=True)
class MatchResult:
    dcql: DcqlQuery
    queries: tuple[QueryResult, ...]
    satisfiable: bool
    #: For each credential set: the options whose queries all match (empty: none does).
    set_options: tuple[tuple[tuple[str, ...], ...], ...] = ()

    def result(self, ident: str) -> QueryResult:
        return next(r for r in self.queries if r.query.id == ident)

    def required_queries(self) -> tuple[str, ...]:
        """The queries the request cannot do without (all of them, without credential_sets)."""
        if self.dcql.credential_sets is None:
            return tuple(q.id for q in self.dcql.credentials)
        out: list[str] = []
        for cset, options in zip(self.dcql.credential_sets, self.set_options, strict=True):
            if cset.required:
                chosen = options[0] if options else cset.options[0]
                out.extend(i for i in chosen if i not in out)
        return tuple(out)


def _format_fits(candidate: Candidate, query: CredentialQuery) -> bool:
    if query.format in SD_JWT_FORMATS:
        # vc+sd-jwt is the SD-JWT VC draft's former media type: the same credentials, an older typ
        return candidate.format == "dc+sd-jwt" and candidate.vct is not None
    return candidate.format == query.format


def _meta_miss(candidate: Candidate, query: CredentialQuery) -> Message | None:
    if query.format in SD_JWT_FORMATS:
        if query.vct_values is not None and candidate.vct not in query.vct_values:
            return msg("present.miss_type", title=candidate.title, have=candidate.vct or "",
                       want=", ".join(query.vct_values))
        return None
    if query.type_values is not None and not any(set(alt) <= candidate.types for alt in query.type_values):
        return msg("present.miss_type", title=candidate.title, have=", ".join(sorted(candidate.types)),
                   want=" | ".join(", ".join(alt) for alt in query.type_values))
    return None


def _authority_miss(candidate: Candidate, query: CredentialQuery) -> Message | None:
    if query.trusted_authorities is None:
        return None
    for authority in query.trusted_authorities:
        if authority.type == "aki" and candidate.authority_keys & set(authority.values):
            return None
    kinds = ", ".join(sorted({a.type for a in query.trusted_authorities}))
    return msg("present.miss_authority", title=candidate.title, kinds=kinds)


def _claims_match(candidate: Candidate, query: CredentialQuery) -> tuple[tuple[Concrete, ...], int | None] | Message:
    """The concrete claims to disclose, with the claim set used; or why the candidate misses."""
    if query.claims is None:
        return (), None
    found: dict[int, list[Concrete]] = {}
    first_miss: dict[int, Message] = {}
    for index, claim in enumerate(query.claims):
        try:
            hits = matching(candidate.claims, claim.path, claim.values)
        except PathError as exc:
            first_miss[index] = msg("present.miss_claim", title=candidate.title, claim=claim_words(claim.path), detail=str(exc))
            continue
        if hits:
            found[index] = [where for where, _value in hits]
        elif claim.values is not None and matching(candidate.claims, claim.path, None):
            first_miss[index] = msg("present.miss_value", title=candidate.title, claim=claim_words(claim.path),
                                    values=", ".join(str(v) for v in claim.values))
        else:
            first_miss[index] = msg("present.miss_claim", title=candidate.title, claim=claim_words(claim.path), detail="")
    by_id = {c.id: n for n, c in enumerate(query.claims) if c.id is not None}
    sets = [tuple(by_id[i] for i in s) for s in query.claim_sets] if query.claim_sets else \
        [tuple(range(len(query.claims)))]
    for number, chosen in enumerate(sets):
        if all(i in found for i in chosen):
            paths: list[Concrete] = []
            for i in chosen:
                paths.extend(p for p in found[i] if p not in paths)
            return tuple(paths), (number if query.claim_sets else None)
    missing = next(i for i in sets[0] if i not in found)
    return first_miss[missing]


def match_query(query: CredentialQuery, candidates: Sequence[Candidate]) -> QueryResult:
    matches: list[Match] = []
    misses: list[Miss] = []
    for candidate in candidates:
        if query.format not in SUPPORTED_FORMATS or not _format_fits(candidate, query):
            misses.append(Miss(candidate, msg("present.miss_format", title=candidate.title,
                                              fmt=FORMAT_NAMES.get(query.format, query.format))))
            continue
        reason = _meta_miss(candidate, query) or _authority_miss(candidate, query)
        if reason is None and query.require_binding and not candidate.bound:
            reason = msg("present.miss_binding", title=candidate.title)
        if reason is not None:
            misses.append(Miss(candidate, reason))
            continue
        claims = _claims_match(candidate, query)
        if isinstance(claims, Message):
            misses.append(Miss(candidate, claims))
            continue
        matches.append(Match(candidate, claims[0], claims[1]))
    matches.sort(key=lambda m: (m.candidate.rank, 0 if m.claim_set is None else m.claim_set))
    return QueryResult(query, tuple(matches), tuple(misses))


def match(dcql: DcqlQuery, candidates: Sequence[Candidate]) -> MatchResult:
    """Every query against every candidate, and whether the request can be answered."""
    results = tuple(match_query(q, candidates) for q in dcql.credentials)
    ok = {r.query.id for r in results if r.satisfied}
    if dcql.credential_sets is None:
        return MatchResult(dcql, results, all(r.satisfied for r in results))
    options = tuple(tuple(o for o in cset.options if all(i in ok for i in o)) for cset in dcql.credential_sets)
    satisfiable = all(opts or not cset.required for cset, opts in zip(dcql.credential_sets, options, strict=True))
    return MatchResult(dcql, results, satisfiable, options)
