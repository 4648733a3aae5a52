"""Recognising and parsing every credential format the wallet accepts.

``detect(raw)`` says what the bytes are, ``parse(raw)`` turns them into the
normalised :class:`wallet.model.Credential` (original bytes kept in ``raw``).
Parsing never verifies: that is :mod:`wallet.verify`'s job. See
``docs/FORMATS.md`` for the formats, their caps and the attacks refused.
"""

from __future__ import annotations

from wallet.formats.detect import detect, parse, parse_payload

__all__ = ["detect", "parse", "parse_payload"]
