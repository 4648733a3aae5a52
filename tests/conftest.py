"""Test set-up shared by every test module.

* ``shared``: the ``../shared`` folder (vectors, corpus, peers), read in place.
  On a newcomer's machine without it the tests that need it skip with a
  message; in CI (``WALLET_REQUIRE_SHARED=1``) they fail instead, so interop
  tests never silently skip.
* Qt runs headless.
* Hypothesis: one set of profiles for every machine (``tests/hypothesis_profiles.py``):
  derandomized by default, whether or not ``CI`` is set; random exploration is
  ``tools/fuzz.py properties``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import tests.hypothesis_profiles  # noqa: E402,F401 - registers and loads the profile
from wallet.shared_data import shared_dir  # noqa: E402


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if path is None:
        msg = (
            "../shared (vectors, corpus, peers) not found; set WALLET_SHARED to its "
            "location to run the interoperability tests"
        )
        if os.environ.get("WALLET_REQUIRE_SHARED") == "1":
            pytest.fail(msg)
        pytest.skip(msg)
    return path


@pytest.fixture(scope="session")
def corpus_dir(shared: Path) -> Path:
    return shared / "corpus"


@pytest.fixture(scope="session")
def vectors_dir(shared: Path) -> Path:
    return shared / "vectors"
