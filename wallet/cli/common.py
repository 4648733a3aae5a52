"""What every CLI command shares: vault location, passphrases, output.

Handlers import their use cases (``wallet.app``) inside the handler, so
``wallet --help`` and every other command load only what they run
(start-up time).

Passphrases come from, in order: ``--passphrase-file``, ``WALLET_PASSPHRASE``,
or a prompt without echo. The first two exist for scripts; README says what
they risk (the file can be read by whoever can read it; the environment of a
process can be read by the same user and may end up in logs).
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wallet.errors import UsageError

#: Exit code of ``wallet verify`` / ``verify-bundle`` when something did not verify.
EXIT_NOT_VERIFIED = 6


def add_vault_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--vault", metavar="PATH", help="vault file (default: $WALLET_VAULT or the user data folder)")
    parser.add_argument("--passphrase-file", metavar="FILE", help="read the passphrase from FILE (first line)")


def vault_path(args: argparse.Namespace) -> Path:
    explicit = getattr(args, "vault", None)
    if explicit:
        return Path(explicit).expanduser()
    from wallet.app.vault import default_path  # deferred: start-up time

    return default_path()


def read_passphrase(args: argparse.Namespace, prompt: str = "Passphrase: ", *, confirm: bool = False) -> str:
    """The vault passphrase from a file, the environment, or an echo-free prompt."""
    file = getattr(args, "passphrase_file", None)
    if file:
        try:
            text = Path(file).read_text(encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot read the passphrase file {file}: {exc.strerror}") from exc
        lines = text.splitlines()
        if not lines or not lines[0]:
            raise UsageError(f"the passphrase file {file} is empty")
        return lines[0]
    env = os.environ.get("WALLET_PASSPHRASE")
    if env:
        return env
    if not sys.stdin.isatty():
        raise UsageError(
            "no passphrase: use --passphrase-file FILE or WALLET_PASSPHRASE when not on a terminal"
        )
    first = getpass.getpass(prompt)
    if confirm:
        if getpass.getpass("Repeat the passphrase: ") != first:
            raise UsageError("the two passphrases differ; nothing was changed")
    if not first:
        raise UsageError("an empty passphrase is not allowed")
    return first


@contextlib.contextmanager
def open_vault(args: argparse.Namespace) -> Iterator[Any]:
    """Open the vault the arguments name, asking for its passphrase; closes it after."""
    from wallet.app import vault as vaults  # deferred: start-up time

    path = vaults.open_existing(vault_path(args))
    vault = vaults.unlock(path, read_passphrase(args))
    try:
        yield vault
    finally:
        vault.close()


def confirm(question: str, assume_yes: bool) -> bool:
    """Ask a yes/no question on the terminal; scripts pass ``--yes``."""
    if assume_yes:
        return True
    if not sys.stdin.isatty():
        raise UsageError(f"{question} — refusing without a terminal; pass --yes to confirm")
    answer = input(f"{question} [y/N] ").strip().lower()
    return answer in ("y", "yes")


def _default(obj: Any) -> Any:
    if isinstance(obj, datetime):
        return obj.isoformat()
    if isinstance(obj, (bytes, bytearray)):
        return obj.decode("utf-8", "replace")
    if isinstance(obj, Path):
        return str(obj)
    if hasattr(obj, "value"):
        return obj.value
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


def print_json(obj: Any, *, one_line: bool = False) -> None:
    if one_line:
        print(json.dumps(obj, default=_default, ensure_ascii=False, separators=(",", ":")))
    else:
        print(json.dumps(obj, default=_default, ensure_ascii=False, indent=2))


def parse_now(value: str | None) -> datetime | None:
    """``--now`` as an aware datetime (UTC when no offset is given)."""
    if not value:
        return None
    try:
        text = value.replace("Z", "+00:00")
        when = datetime.fromisoformat(text)
    except ValueError as exc:
        raise UsageError(f"--now {value!r} is not an ISO 8601 date-time") from exc
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def context_for(vault: Any, args: argparse.Namespace) -> Any:
    """The verification context for a command run on an open vault."""
    from wallet.app.context import context_from_vault  # deferred: start-up time

    return context_from_vault(vault, now=parse_now(getattr(args, "now", None)))


def say(message: Any, langs: Any = ("en",)) -> str:
    """A core message in the reader's languages (``--lang``)."""
    from wallet.messages import render  # deferred: start-up time

    return render(message, tuple(langs))


def langs_of(args: argparse.Namespace, default: str = "en") -> tuple[str, ...]:
    """``--lang sl,en`` as a tuple, for commands that need no vault."""
    text = getattr(args, "lang", None) or default
    return tuple(t.strip() for t in str(text).split(",") if t.strip()) or (default,)


def online_client(vault: Any) -> Any:
    """The wallet's one HTTP client for this command (``WALLET_CA_BUNDLE``, ``WALLET_ONLINE_ALLOW_LOOPBACK``)."""
    from wallet.online import OnlineClient, OnlineSettings  # deferred: start-up time

    del vault  # the vault's online settings (offline mode) apply once the online settings live there
    return OnlineClient(OnlineSettings.from_env())
