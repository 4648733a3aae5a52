"""Small helpers every part of the wallet shares: encodings, values, dates, input limits.

One home each, so formats, verification and sharing decode base64url, read
dates and cap JSON the same way (``b64``, ``values``, ``dates``, ``limits``).
"""
