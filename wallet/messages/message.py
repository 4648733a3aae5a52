"""A message: what the core wants to tell a reader, before it is put into words.

Why not a finished sentence: the same check result is read by a Slovenian
learner in the app, an English employer in a PDF and a script through
``--json``. The core therefore says *which* message (a stable id from the
catalogue) and *with what* (parameters); rendering in the reader's language
happens at the edge (:mod:`wallet.messages.catalogue`). Technical detail (a
suite name, a key id, a URL, an exception's text) travels as parameters that
the plain text may leave out and a "technical details" view shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Union

from wallet.util.frozen import fast_init

#: What a parameter may hold: plain values or another message (a nested reason).
Param = Union[str, int, float, bool, None, "Message"]


def _normalise(value: Any) -> Param:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool, Message)):
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(str(v) for v in value)
    return str(value)


@fast_init
@dataclass(frozen=True)
class Message:
    """A message id from the catalogue and its parameters (sorted, immutable)."""

    id: str
    params: tuple[tuple[str, Param], ...] = ()

    def get(self, name: str, default: Param = None) -> Param:
        for key, value in self.params:
            if key == name:
                return value
        return default

    @property
    def mapping(self) -> dict[str, Param]:
        return dict(self.params)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "params": {k: (v.to_json() if isinstance(v, Message) else v) for k, v in self.params}}

    @staticmethod
    def from_json(data: Mapping[str, Any]) -> Message:
        params = data.get("params") or {}
        if not isinstance(params, Mapping):
            params = {}
        return msg(str(data.get("id", "legacy.text")), **{
            str(k): (Message.from_json(v) if isinstance(v, Mapping) and "id" in v else v) for k, v in params.items()
        })


def msg(message_id: str, **params: Any) -> Message:
    """Build a :class:`Message`; the id must be a literal from the catalogue (a test checks).

    Several are built for every credential verified, so plain values skip
    :func:`_normalise` (its isinstance chain) and no parameters skip the sort.
    """
    if not params:
        return Message(message_id)
    if len(params) == 1:  # the commonest case: no list to sort
        for k, v in params.items():
            return Message(message_id, ((k, v if type(v) in _PLAIN_TYPES else _normalise(v)),))
    pairs = [(k, v if type(v) in _PLAIN_TYPES else _normalise(v)) for k, v in params.items()]
    pairs.sort()  # keyword names are unique, so only the names are ever compared
    return Message(message_id, tuple(pairs))


_PLAIN_TYPES = frozenset((str, int, float, bool, type(None)))


def text(value: str) -> Message:
    """Text that is already final and language-neutral (a name, a title): shown as is."""
    return Message("legacy.text", (("text", value),))
