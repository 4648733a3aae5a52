"""``wallet desktop install`` on Linux: the XDG launcher and the link handlers, in a temporary XDG home."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from wallet.app.desktop import DESKTOP_ID, SCHEMES, desktop_entry, install, uninstall
from wallet.cli import main


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "HOME": str(tmp_path / "home"), "PATH": os.environ.get("PATH", "")}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env


def _entry(text: str) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(text)
    return parser["Desktop Entry"]


def test_the_launcher_names_every_scheme_and_passes_the_link() -> None:
    entry = _entry(desktop_entry(["/opt/wallet tools/wallet-gui"]))
    assert entry["Exec"] == '"/opt/wallet tools/wallet-gui" %u' and entry["Type"] == "Application"
    assert entry["MimeType"] == "".join(f"x-scheme-handler/{s};" for s in SCHEMES)
    assert set(SCHEMES) == {"openid-credential-offer", "openid4vp", "wallet"}
    assert entry["Name[sl]"] == "Učna denarnica"


@pytest.mark.skipif(shutil.which("xdg-mime") is None, reason="xdg-utils is not installed")
def test_install_registers_the_handlers_and_uninstall_removes_the_launcher(xdg: dict[str, str]) -> None:
    done = install(environ=xdg, command=["/usr/bin/wallet-gui"])
    assert done.desktop_file == Path(xdg["XDG_DATA_HOME"]) / "applications" / DESKTOP_ID
    assert done.registered == SCHEMES and done.problems == ()
    assert done.icon_file is not None and done.icon_file.read_bytes().startswith(b"<")
    for scheme in SCHEMES:
        answer = subprocess.run(["xdg-mime", "query", "default", f"x-scheme-handler/{scheme}"], env=xdg,
                                capture_output=True, text=True, check=True)
        assert answer.stdout.strip() == DESKTOP_ID
    mimeapps = (Path(xdg["XDG_CONFIG_HOME"]) / "mimeapps.list").read_text()
    assert "x-scheme-handler/openid-credential-offer=learner-wallet.desktop" in mimeapps
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(done.desktop_file)], check=True)
    assert uninstall(environ=xdg) == [done.desktop_file, done.icon_file]
    assert not done.desktop_file.exists()


@pytest.mark.skipif(shutil.which("xdg-mime") is None, reason="xdg-utils is not installed")
def test_the_cli_command(xdg: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["desktop", "install"]) == 0
    out = capsys.readouterr().out
    assert "openid-credential-offer:" in out and DESKTOP_ID in out
    assert _entry((Path(xdg["XDG_DATA_HOME"]) / "applications" / DESKTOP_ID).read_text())["Exec"].endswith(" %u")
    assert main(["desktop", "uninstall"]) == 0


def test_without_xdg_mime_the_launcher_is_still_written(xdg: dict[str, str]) -> None:
    no_tools = {**xdg, "PATH": "/nonexistent"}
    done = install(environ=no_tools, command=["/usr/bin/wallet-gui"])
    assert done.desktop_file.exists() and done.registered == () and "xdg-mime" in done.problems[0]
