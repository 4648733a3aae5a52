"""Title patterns (``titlePattern``) that cannot hang progress.

A target file is input the user adds, perhaps from someone else, and Python's
``re`` backtracks: ``(a+)+$`` takes exponential time on a title of a's, and
even two adjacent unbounded repeats (``[^z]*[^z]*z``) take 11 s to search a
1,000-character title (measured). So a pattern is refused unless it has none
of the shapes that backtrack badly, and it only ever sees the first
:data:`MAX_PATTERN_TEXT` characters of a title:

* no repeat inside a repeat (``(a+)+``, ``(?:x*y)*``), and no alternation
  inside a repeat (``(a|aa)+``; a character class ``[ab]+`` is fine);
* at most :data:`MAX_WIDE_REPEATS` repeats with more than 16 iterations;
* no back-references or conditional groups (``\\1``, ``(?(1)a|b)``).

Within these limits the worst case is a few tenths of a second per title,
and real patterns (``\\bdata\\b.*\\bscience\\b``) are unaffected.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

from wallet.errors import InputError

#: Characters of each title a pattern is searched in.
MAX_PATTERN_TEXT = 200
#: Repeats allowed with more than 16 iterations (``*``, ``+``, ``{0,100}``).
MAX_WIDE_REPEATS = 2
_WIDE = 16

# The parser behind re.compile: its tree is what the checks walk.
_parser: Any = importlib.import_module("re._parser")
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}


def _children(op: str, av: Any) -> list[Any]:
    """The sub-patterns of one parsed item."""
    if op == "SUBPATTERN":
        return [av[3]]
    if op in _REPEATS:
        return [av[2]]
    if op == "BRANCH":
        return list(av[1])
    if op in ("ASSERT", "ASSERT_NOT"):
        return [av[1]]
    if op == "ATOMIC_GROUP":
        return [av]
    return []


def _walk(items: Any, inside_repeat: bool, counts: dict[str, int]) -> None:
    for op_code, av in items:
        op = str(op_code)
        if op in ("GROUPREF", "GROUPREF_EXISTS", "GROUPREF_IGNORE", "GROUPREF_LOC_IGNORE", "GROUPREF_UNI_IGNORE"):
            raise InputError("back-references and conditional groups are not allowed in a title pattern")
        repeats = op in _REPEATS and av[1] > 1
        if repeats and inside_repeat:
            raise InputError(
                "a repeat inside a repeat (such as (a+)+) is not allowed in a title pattern: "
                "it can take exponential time"
            )
        if op == "BRANCH" and inside_repeat:
            raise InputError(
                "an alternation inside a repeat (such as (a|ab)+) is not allowed in a title pattern: "
                "it can take exponential time; use a character class or repeat the whole pattern"
            )
        if repeats and av[1] > _WIDE:
            counts["wide"] += 1
        for child in _children(op, av):
            _walk(child, inside_repeat or repeats, counts)


def check_title_pattern(pattern: str, where: str) -> None:
    """Raise InputError unless ``pattern`` compiles and has none of the slow shapes."""
    if not isinstance(pattern, str):
        raise InputError(f"{where} must be a string")
    try:
        re.compile(pattern, re.IGNORECASE)
        tree = _parser.parse(pattern, re.IGNORECASE)
    except re.error as exc:
        raise InputError(f"{where} {pattern!r} is not a valid regular expression: {exc}") from exc
    except (OverflowError, RecursionError, ValueError) as exc:
        raise InputError(f"{where} {pattern!r} is not a usable regular expression ({exc})") from exc
    counts = {"wide": 0}
    try:
        _walk(tree, False, counts)
    except InputError as exc:
        raise InputError(f"{where}: {exc}") from exc
    if counts["wide"] > MAX_WIDE_REPEATS:
        raise InputError(
            f"{where}: a title pattern may use at most {MAX_WIDE_REPEATS} unbounded repeats (such as .*); "
            f"this one uses {counts['wide']}, which can take a very long time"
        )
