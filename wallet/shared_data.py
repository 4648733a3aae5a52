"""Where the project's shared test data lives (``../shared`` beside the repo).

Used by tests and benchmarks only: the product never reads ``shared/``.
``WALLET_SHARED`` overrides the default location.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path | None:
    env = os.environ.get("WALLET_SHARED")
    path = Path(env) if env else REPO_ROOT.parent / "shared"
    return path if path.is_dir() else None
