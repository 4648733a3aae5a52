"""Locating the bundled ``resources/`` folder (contexts, targets, demo data, translations).

In a source checkout (and an editable install) it sits beside the ``wallet``
package. A regular wheel install puts it under ``<prefix>/share/learner-wallet``
(see ``[tool.setuptools.data-files]`` in pyproject.toml).
"""

from __future__ import annotations

import sys
import sysconfig
from functools import lru_cache
from pathlib import Path

_NAME = "learner-wallet"


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    candidates = [
        Path(__file__).resolve().parent.parent / "resources",
        Path(sysconfig.get_path("data")) / "share" / _NAME / "resources",
        Path(sys.prefix) / "share" / _NAME / "resources",
    ]
    for folder in candidates:
        if (folder / "contexts" / "index.json").is_file():
            return folder
    raise FileNotFoundError(
        "the wallet's resources folder is missing (looked in: " + ", ".join(map(str, candidates)) + ")"
    )


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
