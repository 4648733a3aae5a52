"""Hypothesis settings for the whole suite, in one place.

* ``default`` (always, on every machine, with or without ``CI``): derandomized,
  so a test's outcome never depends on luck or on the machine; no deadline
  (a loaded machine must not fail a property on timing); no example database
  (a failure seen once is not silently replayed elsewhere).
* ``fuzz``: random exploration with many more examples, for
  ``tools/fuzz.py properties`` (``HYPOTHESIS_PROFILE=fuzz``). The examples
  per test scale by ``HYPOTHESIS_FUZZ_FACTOR`` (default 20) through
  :func:`examples`, because a test's own ``max_examples`` would otherwise
  override the profile's.

Tests write ``@settings(max_examples=examples(40), ...)`` and never set
``derandomize`` themselves.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("default", derandomize=True, deadline=None, database=None, print_blob=True)
settings.register_profile("fuzz", derandomize=False, deadline=None, database=None, print_blob=True)

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default")
if PROFILE not in ("default", "fuzz"):
    raise RuntimeError(f"HYPOTHESIS_PROFILE={PROFILE!r}: the profiles are 'default' and 'fuzz'")
settings.load_profile(PROFILE)


def examples(n: int) -> int:
    """``n`` examples in the suite; ``n`` times the fuzz factor under the fuzz profile."""
    if PROFILE == "fuzz":
        return n * int(os.environ.get("HYPOTHESIS_FUZZ_FACTOR", "20"))
    return n
