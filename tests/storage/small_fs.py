"""Run a script on a real, tiny file system: a tmpfs in a private mount namespace.

Disk-full behaviour is tested on a file system that is really full, not on a
simulated write: SQLite creates its ``-shm`` and ``-wal`` files itself, so
only a real file system shows what a user meets. The tmpfs is mounted in a
private mount namespace (``unshare --mount``, as root; ``unshare -rm``, a
user namespace, otherwise), so it exists only for the script's process and
disappears with it, even if the test is killed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]

PRELUDE = '''
import json, os, sys
from pathlib import Path
FS = Path(sys.argv[1])

def fill(leave: int) -> None:
    """Fill the file system until ``leave`` bytes are free."""
    st = os.statvfs(FS)
    free = st.f_bavail * st.f_frsize
    with open(FS / "filler", "ab") as fh:
        fh.write(b"\\0" * max(0, free - leave))

def free() -> int:
    st = os.statvfs(FS)
    return st.f_bavail * st.f_frsize

def unfill() -> None:
    (FS / "filler").unlink(missing_ok=True)
'''


def _namespace_command() -> list[str] | None:
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    return [unshare, "--mount"] if os.geteuid() == 0 else [unshare, "--user", "--map-root-user", "--mount"]


def run_on_small_fs(tmp_path: Path, size_kib: int, script: str, env: dict[str, str] | None = None) -> Any:
    """Run ``script`` (Python, after PRELUDE) with a ``size_kib`` tmpfs at ``FS``; return its last JSON line."""
    command = _namespace_command()
    if command is None:
        pytest.skip("unshare (util-linux) is needed to mount a small file system for the disk-full tests")
    mount_point = tmp_path / "fs"
    mount_point.mkdir()
    code = PRELUDE + textwrap.dedent(script)
    shell = (
        f'mount -t tmpfs -o size={size_kib}k,mode=0700 tmpfs "$1" || exit 97; '
        f'exec "$2" -c "$3" "$1"'
    )
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    proc = subprocess.run(
        [*command, "sh", "-c", shell, "sh", str(mount_point), sys.executable, code],
        capture_output=True, text=True, env=full_env, timeout=300, cwd=str(ROOT),
    )
    if proc.returncode == 97 or "unshare failed" in proc.stderr:
        pytest.skip(f"cannot mount a small file system here (needs root or user namespaces): {proc.stderr.strip()}")
    assert proc.returncode == 0, f"script failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    assert lines, f"no result from the script:\n{proc.stdout}\n{proc.stderr}"
    return json.loads(lines[-1])
