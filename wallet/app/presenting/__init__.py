"""Presenting credentials to a verifier (OpenID4VP 1.0), with the user's consent first.

Two steps, for every front end (the CLI's ``wallet present`` and the app's
consent dialog are thin adapters over them):

1. :func:`wallet.app.presenting.inspect.inspect` reads the request, fetches
   and verifies its request object, and matches its DCQL query against the
   vault: a :class:`~wallet.app.presenting.inspect.PresentationSummary` of who
   asks and what would be disclosed. Nothing is sent or stored.
2. :func:`wallet.app.presenting.send.send` builds the presentations the user
   agreed to, records them in the vault's history, posts them, and returns the
   verifier's answer. Declining means not calling it.

:func:`wallet.app.presenting.history.history` lists what was presented.
"""
