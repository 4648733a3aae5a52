"""The core must run without Qt: import every core module with PySide6 blocked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import builtins, importlib, pkgutil, sys
real_import = builtins.__import__
def guarded(name, *args, **kwargs):
    if name == "PySide6" or name.startswith("PySide6."):
        raise ImportError("PySide6 is blocked: the core must not import Qt")
    return real_import(name, *args, **kwargs)
builtins.__import__ = guarded
import wallet
count = 0
for info in pkgutil.walk_packages(wallet.__path__, "wallet."):
    if info.name.startswith("wallet.ui"):
        continue
    importlib.import_module(info.name)
    count += 1
print(count)
"""


def test_core_imports_without_pyside6() -> None:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) >= 5
