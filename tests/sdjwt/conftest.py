"""Fixtures for the SD-JWT tests: the reference implementation's specifications, read in place."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def sd_jwt_vectors(vectors_dir: Path) -> Path:
    return vectors_dir / "sd-jwt-python"
