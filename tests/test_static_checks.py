"""The code stays lint-clean (ruff) and type-clean (mypy) under the settings in pyproject.toml.

Both tools run as subprocesses from the repository root, so they read the same
``[tool.ruff*]`` / ``[tool.mypy*]`` configuration a developer gets on the command
line. Each test skips (with a message) only when its tool is not installed;
``pip install -e .[test]`` installs both.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run_tool(module: str, *args: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (pip install -e .[test]); static check not run")
    proc = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=280,
        check=False,
    )
    if proc.returncode != 0:
        command = " ".join([module, *args])
        pytest.fail(f"`{command}` exited with {proc.returncode}:\n{proc.stdout}{proc.stderr}", pytrace=False)


def test_ruff_is_clean() -> None:
    _run_tool("ruff", "check", "--no-fix", "--output-format=concise", "wallet", "tests", "benchmarks", "tools")


def test_mypy_is_clean() -> None:
    # Only what the config excludes is left out; wallet.ui is checked without disallow_untyped_defs (see overrides).
    _run_tool("mypy", "--config-file", "pyproject.toml", "wallet")
