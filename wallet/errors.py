"""The wallet's error types and the CLI exit code each one maps to.

Every error the user can cause or meet has its own type and a message that
is one clear sentence, safe to show: messages never contain passphrases, keys
or credential content.
"""

from __future__ import annotations

from wallet.messages import Message, render


class WalletError(Exception):
    """Base of all expected failures. ``exit_code`` is what the CLI returns.

    ``message`` (optional) says the same as the text, as a message id and
    parameters, so a front end can show it in the reader's language; the text
    stays English for logs and for callers that have no reader language.
    """

    exit_code = 1

    def __init__(self, text: str = "", *, message: Message | None = None) -> None:
        super().__init__(text or (render(message) if message is not None else ""))
        self.message = message


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


class OnlineError(WalletError):
    """A network fetch failed or was refused (``wallet.online``). Never raised by verification."""

    exit_code = 30


class OfflineMode(OnlineError):
    """The wallet is in offline mode: nothing was sent, no socket was opened."""

    exit_code = 31


class AddressRefused(OnlineError):
    """The URL or the address it resolves to is one the wallet never contacts (the SSRF rules)."""

    exit_code = 32


class RedirectRefused(AddressRefused):
    """A redirect was refused: too many, a loop, or to a URL the wallet never contacts."""

    exit_code = 33


class ResponseTooLarge(OnlineError):
    """The response is larger than the cap for its kind, or decompresses suspiciously well."""

    exit_code = 34


class FetchTimeout(OnlineError):
    """The connection or the whole exchange took longer than the wallet allows."""

    exit_code = 35


class TlsError(OnlineError):
    """The TLS handshake failed or the server's certificate is not trusted for its name."""

    exit_code = 36


class HttpStatusError(OnlineError):
    """The server answered with an HTTP error status; ``response`` holds what it sent (size-capped)."""

    exit_code = 37

    def __init__(self, text: str, status: int, response: object = None) -> None:
        super().__init__(text)
        self.status = status
        self.response = response


class ConnectionFailed(OnlineError):
    """The host could not be resolved or reached, or broke the HTTP protocol."""

    exit_code = 38


class BadEvidence(OnlineError):
    """What the server sent is not the evidence asked for (wrong shape, wrong id, wrong media type)."""

    exit_code = 39


class IssuanceError(OnlineError):
    """A credential issuer refused (an OAuth 2.0 or OpenID4VCI error), or answered outside the protocol.

    ``error`` is the protocol's error code when the issuer sent one
    (``invalid_grant``, ``invalid_nonce``…), ``description`` its own words
    (shown only in technical details: they come from a stranger).
    """

    exit_code = 40

    def __init__(self, text: str = "", *, error: str | None = None, description: str | None = None,
                 message: Message | None = None) -> None:
        super().__init__(text, message=message)
        self.error = error
        self.description = description
