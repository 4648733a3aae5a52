"""The encrypted vault: SQLCipher with an Argon2id-derived raw key.

Public API: :class:`Vault`, :class:`KdfParams`, :class:`StoredCredential` and
:func:`default_vault_path`. Files: ``<vault>`` (database), ``<vault>.header``
(authenticated KDF header); backups are single encrypted files. See
docs/BACKUP_FORMAT.md for the formats and the crash-safety argument.
"""

from wallet.storage.kdf import KdfParams
from wallet.storage.paths import default_vault_path
from wallet.storage.records import StoredCredential
from wallet.storage.schema import SCHEMA_MAX, SCHEMA_MIN
from wallet.storage.vault import Vault

__all__ = ["Vault", "KdfParams", "StoredCredential", "default_vault_path", "SCHEMA_MIN", "SCHEMA_MAX"]
