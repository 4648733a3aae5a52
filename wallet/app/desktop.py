"""Registering the wallet with the desktop: a launcher, and the links it opens.

``wallet desktop install`` (Linux, the XDG specifications) writes
``learner-wallet.desktop`` into ``$XDG_DATA_HOME/applications`` (default
``~/.local/share/applications``) with ``MimeType`` entries for the URI
schemes the wallet handles, installs its icon under the hicolor theme, and
makes it the default handler of each scheme with ``xdg-mime default``
(which writes ``$XDG_CONFIG_HOME/mimeapps.list``). A browser that meets an
``openid-credential-offer://`` link then starts ``wallet-gui URI``, which
hands the link to the running wallet if there is one.

The schemes: ``openid-credential-offer`` (OpenID4VCI offers, issue #13),
``openid4vp`` (verifiers' requests, for the presenting work) and
``wallet`` (the wallet's own share links).

Other systems (documented in docs/RECEIVING.md, not done here): Windows
needs ``HKCU\\Software\\Classes\\<scheme>`` with ``URL Protocol`` and a
``shell\\open\\command`` of ``"wallet-gui.exe" "%1"``; macOS needs the
schemes in ``CFBundleURLTypes`` of an app bundle's ``Info.plist`` and an
``NSAppleEventManager`` handler, since macOS passes URLs as Apple events,
not arguments.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wallet.atomic import write_atomic
from wallet.resources import resource

DESKTOP_ID = "learner-wallet.desktop"
ICON_NAME = "learner-wallet"
SCHEMES = ("openid-credential-offer", "openid4vp", "wallet")
Runner = Callable[..., Any]


@dataclass(frozen=True)
class DesktopInstall:
    desktop_file: Path
    icon_file: Path | None
    registered: tuple[str, ...]  # schemes xdg-mime made the wallet the default for
    problems: tuple[str, ...]  # commands that could not run (the files are written all the same)


def data_home(environ: dict[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local" / "share"


def _quote(arg: str) -> str:
    """An Exec argument as the Desktop Entry Specification quotes it."""
    if arg and all(c.isalnum() or c in "/._-+=:," for c in arg):
        return arg
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return f'"{escaped}"'


def launcher() -> list[str]:
    """The command that starts the app: the installed ``wallet-gui``, else this Python with the module."""
    found = shutil.which("wallet-gui") or str(Path(sys.executable).with_name("wallet-gui"))
    if Path(found).is_file():
        return [found]
    return [sys.executable, "-m", "wallet.ui.app"]


def desktop_entry(command: Sequence[str]) -> str:
    exec_line = " ".join(_quote(a) for a in command) + " %u"
    mime = "".join(f"x-scheme-handler/{s};" for s in SCHEMES)
    return "\n".join([
        "[Desktop Entry]", "Type=Application", "Version=1.5", "Name=Learner wallet", "Name[sl]=Učna denarnica",
        "GenericName=Credential wallet", "GenericName[sl]=Denarnica dokazil",
        "Comment=Keep, verify and share your learning credentials",
        "Comment[sl]=Hranite, preverjajte in delite svoja dokazila o učenju",
        f"Exec={exec_line}", f"Icon={ICON_NAME}", "Terminal=false", "Categories=Office;Education;",
        f"MimeType={mime}", "StartupNotify=true", f"StartupWMClass={ICON_NAME}", "",
    ])


def install(*, environ: dict[str, str] | None = None, command: Sequence[str] | None = None,
            run: Runner = subprocess.run) -> DesktopInstall:
    """Write the launcher and icon, then register the schemes (``xdg-mime`` when it is installed)."""
    env = dict(os.environ if environ is None else environ)
    home = data_home(env)
    desktop = home / "applications" / DESKTOP_ID
    desktop.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(desktop, desktop_entry(command or launcher()).encode("utf-8"))
    desktop.chmod(0o644)
    icon_target: Path | None = home / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg"
    try:
        source = resource("icons", "wallet.svg")
        assert icon_target is not None
        icon_target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(icon_target, source.read_bytes())
        icon_target.chmod(0o644)
    except OSError:
        icon_target = None  # a missing icon leaves a launcher without a picture, nothing worse
    registered: list[str] = []
    problems: list[str] = []
    if shutil.which("xdg-mime", path=env.get("PATH")):
        for scheme in SCHEMES:
            done = run(["xdg-mime", "default", DESKTOP_ID, f"x-scheme-handler/{scheme}"], env=env,
                       capture_output=True, text=True, timeout=60, check=False)
            if done.returncode == 0:
                registered.append(scheme)
            else:
                problems.append(f"xdg-mime could not register {scheme}: {(done.stderr or '').strip()[:200]}")
    else:
        problems.append("xdg-mime is not installed: the launcher is written, but no link handler is registered")
    if shutil.which("update-desktop-database", path=env.get("PATH")):
        run(["update-desktop-database", str(desktop.parent)], env=env, capture_output=True, timeout=60, check=False)
    return DesktopInstall(desktop, icon_target, tuple(registered), tuple(problems))


def uninstall(*, environ: dict[str, str] | None = None) -> list[Path]:
    """Remove the launcher and icon (the schemes then have no handler from the wallet)."""
    home = data_home(environ)
    removed = []
    for path in (home / "applications" / DESKTOP_ID, home / "icons" / "hicolor" / "scalable" / "apps" /
                 f"{ICON_NAME}.svg"):
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed
