"""Reading the files a user names, with the refusals every front end shows the same way.

Why a module of its own: ``wallet verify FILE`` reads files exactly as an
import does, but needs none of the import machinery (the vault, evidence
fetching, share links); importing :mod:`wallet.app.importing` only for this
cost a cold ``wallet verify`` about 70 ms (issue 17).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wallet.errors import InputError
from wallet.messages import msg

#: Largest file an import reads (EDC credentials with images reach a few MiB).
MAX_IMPORT_FILE = 20 * 1024 * 1024


@dataclass(frozen=True)
class ImportItem:
    source: str  # file name, "paste", "link", "qr:<file>"
    raw: bytes


def read_file(name: str) -> ImportItem:
    """One file to import, refused by name when it cannot be a credential."""
    path = Path(name)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise InputError(f"{name} is a folder; give the credential files inside it",
                             message=msg("import.is_folder", name=name))
        if size > MAX_IMPORT_FILE:
            raise InputError(f"{name} is {size} bytes; the limit is {MAX_IMPORT_FILE} bytes",
                             message=msg("import.too_large", name=name, size=size, limit=MAX_IMPORT_FILE))
        return ImportItem(path.name if path.name else name, path.read_bytes())
    except FileNotFoundError as exc:
        raise InputError(f"{name}: no such file", message=msg("import.no_file", name=name)) from exc
    except PermissionError as exc:
        raise InputError(f"{name}: permission denied", message=msg("import.denied", name=name)) from exc
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror})",
                         message=msg("import.unreadable_file", name=name, detail=str(exc.strerror))) from exc
