"""Network code lives only in wallet/online: no other module imports a networking library.

Verification must stay a pure function of (bytes, cached evidence, clock); the
simplest proof that nothing else can go online is that nothing else imports
the means to (the share-service client, when it comes, goes through
``wallet.online`` too). ``wallet.verify`` may not even import ``wallet.online``.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NETWORK = ("socket", "ssl", "http.client", "http.server", "urllib.request", "requests", "httpx", "urllib3",
           "aiohttp", "ftplib", "smtplib", "asyncio.streams")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _is_network(name: str) -> bool:
    return any(name == n or name.startswith(n + ".") for n in NETWORK)


def test_only_wallet_online_imports_networking() -> None:
    offenders = []
    for path in sorted((ROOT / "wallet").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith("wallet/online/"):
            continue
        if relative.startswith("wallet/sharing/server/"):
            continue  # the share service listens on a socket; that it never fetches is tests/share_server/test_no_fetch.py
        bad = sorted(name for name in _imports(path) if _is_network(name))
        if bad:
            offenders.append(f"{relative}: {', '.join(bad)}")
    assert offenders == []


def test_verification_does_not_import_the_online_package() -> None:
    offenders = [path.relative_to(ROOT).as_posix() for path in sorted((ROOT / "wallet" / "verify").rglob("*.py"))
                 if any(name.startswith("wallet.online") for name in _imports(path))]
    assert offenders == []
