"""Where the vault lives by default."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAULT = "WALLET_VAULT"
APP_NAME = "learner-wallet"


def default_vault_path() -> Path:
    """``$WALLET_VAULT`` if set, else ``<user data dir>/learner-wallet/vault.db``."""
    env = os.environ.get(ENV_VAULT, "").strip()
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME)) / "vault.db"
