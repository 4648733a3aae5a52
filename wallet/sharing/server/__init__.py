"""The share service: stores sealed (end-to-end encrypted) packages, nothing else.

``wallet share-server`` runs it. The service never sees a key (the key lives in
the link's fragment, which browsers do not send), never fetches anything, has
no analytics and serves a static viewer page. ``docs/SHARE_SERVICE.md`` covers
the API, deployment (SQLite or PostgreSQL) and the threats it handles.

This package imports Starlette, uvicorn and (for PostgreSQL) psycopg; nothing
outside the ``share-server`` command imports it, so ``wallet --help`` stays fast.
"""
