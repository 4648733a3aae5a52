"""What the user chooses to send: one credential (or several, with ``multiple``) per credential query.

A :data:`Choice` maps credential query ids to the ids of the stored
credentials that answer them. :func:`default_choice` is what the request
asks for from the best match: every query without ``credential_sets``;
otherwise, for each *required* set, the first option (the verifier's
preference) whose queries all match. Optional sets are left out unless the
user picks a credential for them: the wallet shares the least by default.
:func:`choose` applies the user's picks (``--select ID``, a click on the
consent screen) and :func:`check_choice` says, in plain words, why a choice
cannot be sent (nothing is sent then).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from wallet.errors import UsageError
from wallet.messages import Message, msg
from wallet.oid4vp.matching import MatchResult

Choice = Mapping[str, tuple[str, ...]]


def default_choice(result: MatchResult) -> dict[str, tuple[str, ...]]:
    """The best match for each query the request needs (see the module docstring)."""
    wanted: list[str] = []
    if result.dcql.credential_sets is None:
        wanted = [q.id for q in result.dcql.credentials]
    else:
        for cset, options in zip(result.dcql.credential_sets, result.set_options, strict=True):
            if cset.required and options:
                wanted.extend(i for i in options[0] if i not in wanted)
    out: dict[str, tuple[str, ...]] = {}
    for ident in wanted:
        found = result.result(ident)
        if found.matches:
            out[ident] = (found.matches[0].candidate.id,)
    return out


def _resolve(result: MatchResult, picked: str) -> list[tuple[str, str]]:
    """(query id, candidate id) for every query the picked credential (an id or unique id prefix) matches."""
    hits = [(r.query.id, m.candidate.id) for r in result.queries for m in r.matches
            if m.candidate.id == picked or m.candidate.id.startswith(picked)]
    if len({cid for _q, cid in hits}) > 1:
        raise UsageError(f"{picked!r} names more than one credential; give more of its id",
                         message=msg("present.select_ambiguous", id=picked))
    return hits


def choose(result: MatchResult, picked: Sequence[str], base: Choice | None = None) -> dict[str, tuple[str, ...]]:
    """``base`` (the default choice) with the user's picks put in; a pick that answers nothing is an error."""
    out = {k: tuple(v) for k, v in (base if base is not None else default_choice(result)).items()}
    replaced: set[str] = set()
    for ident in picked:
        hits = _resolve(result, ident.strip())
        if not hits:
            raise UsageError(f"the credential {ident!r} does not answer any query of this request",
                             message=msg("present.select_unknown", id=ident))
        for query_id, candidate_id in hits:
            query = result.dcql.query(query_id)
            if query_id not in replaced:
                out[query_id] = (candidate_id,)
                replaced.add(query_id)
            elif query.multiple and candidate_id not in out[query_id]:
                out[query_id] = (*out[query_id], candidate_id)
    return out


def check_choice(result: MatchResult, choice: Choice) -> Message | None:
    """Why ``choice`` does not answer the request (None: it does)."""
    if not choice:
        return msg("present.choice_empty")
    for query_id, ids in choice.items():
        found = result.result(query_id)
        allowed = {m.candidate.id for m in found.matches}
        if not ids or any(i not in allowed for i in ids):
            return msg("present.choice_not_matching", query=query_id)
        if len(ids) > 1 and not found.query.multiple:
            return msg("present.choice_one_only", query=query_id)
    answered = set(choice)
    if result.dcql.credential_sets is None:
        missing = [q.id for q in result.dcql.credentials if q.id not in answered]
        return msg("present.choice_missing", queries=", ".join(missing)) if missing else None
    for cset in result.dcql.credential_sets:
        if cset.required and not any(set(option) <= answered for option in cset.options):
            return msg("present.choice_missing", queries=" | ".join(", ".join(o) for o in cset.options))
    return None
