"""The wallet's error types and the CLI exit code each one maps to.

Every error the user can cause or meet has its own type and a message that
is one clear sentence, safe to show: messages never contain passphrases, keys
or credential content.
"""

from __future__ import annotations


class WalletError(Exception):
    """Base of all expected failures. ``exit_code`` is what the CLI returns."""

    exit_code = 1


class UsageError(WalletError):
    exit_code = 2


class InputError(WalletError):
    """Hostile or malformed input: too large, wrong shape, unsupported."""

    exit_code = 3


class NotFound(WalletError):
    exit_code = 4


class VaultError(WalletError):
    exit_code = 10


class WrongPassphrase(VaultError):
    exit_code = 11


class CorruptVault(VaultError):
    exit_code = 12


class VaultTooNew(VaultError):
    exit_code = 13


class VaultExists(VaultError):
    exit_code = 14


class NoVault(VaultError):
    exit_code = 15


class BackupError(VaultError):
    exit_code = 16


class NoSpace(VaultError):
    """The disk holding the vault (or the backup) is full: never reported as damage."""

    exit_code = 17


class VerificationError(WalletError):
    """Verification could not run at all (not: the credential is invalid)."""

    exit_code = 20


class Cancelled(WalletError):
    exit_code = 130
