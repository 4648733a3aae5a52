"""Short, stable forms of long identifiers, for lists and one-line summaries.

Why: a ``did:jwk`` carries a whole JSON key in base64url (about 200
characters), and ``did:key``, ``did:ebsi`` or ``did:ion`` identifiers are long
too; printed whole they push everything else off a ``wallet list`` line. The
short form keeps the method (which says how the key is found) and a
fingerprint of the whole identifier (so two issuers never look the same);
the full identifier stays in ``--json`` and in technical details.
"""

from __future__ import annotations

import hashlib

#: Identifiers up to this length are shown whole.
SHORT_LIMIT = 40


def short_identifier(identifier: str, limit: int = SHORT_LIMIT) -> str:
    """``did:jwk:eyJ…`` (200 characters) -> ``did:jwk:…3fa2c91b07``; short identifiers and URLs unchanged."""
    if len(identifier) <= limit or not identifier.startswith("did:"):
        return identifier
    method = identifier.split(":", 2)[1] if identifier.count(":") >= 2 else "?"
    fingerprint = hashlib.sha256(identifier.encode("utf-8")).hexdigest()[:10]
    return f"did:{method}:…{fingerprint}"
