"""Explicit, user-requested network access: the wallet's only HTTP client and the evidence fetchers.

Nothing here runs during verification (``wallet.verify`` never imports this
package). Evidence fetched here is stored by the caller and verification
reads it from the cache later. See ``docs/ONLINE.md``.
"""

from wallet.online.http import ContactHook, OnlineClient, Response
from wallet.online.settings import FetchKind, OnlineSettings

__all__ = ["ContactHook", "FetchKind", "OnlineClient", "OnlineSettings", "Response"]
