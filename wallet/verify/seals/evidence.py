"""What a seal verifier (JAdES or XAdES) hands to the check composer.

Both seal formats reduce to the same facts: was the signature value valid
over exactly the stored bytes, which certificate made it, which certificates
and revocation data the seal embeds, what time it claims and which
time-stamps prove. Keeping that in one frozen type lets one composer
(:mod:`wallet.verify.seals`) word the checks identically for both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from wallet.verify.seals.timestamps import TimestampResult


@dataclass(frozen=True)
class SealEvidence:
    """Result of the cryptographic part of seal verification (no trust decision yet)."""

    kind: str  # "JAdES" or "XAdES"
    intact: bool  # signature value valid over the stored bytes, certificate bindings consistent
    reason: str  # why intact is False, or a one-line summary when True
    leaf_der: bytes | None = None
    other_certs: tuple[bytes, ...] = ()  # x5c[1:], xVals, KeyInfo and CertificateValues certificates
    crls: tuple[bytes, ...] = ()
    ocsps: tuple[bytes, ...] = ()
    claimed_time: datetime | None = None  # sigT / SigningTime: asserted by the signer, not proven
    timestamps: tuple[TimestampResult, ...] = ()
    algorithm: str | None = None
    unsupported: bool = False  # not intact only because the seal uses an algorithm or feature the wallet lacks

    def _stamp_times(self, trusted: bool) -> list[datetime]:
        return [
            t.gen_time for t in self.timestamps
            if t.intact and t.gen_time and t.kind in ("sigTst", "SignatureTimeStamp")
            and (not trusted or (t.path is not None and t.path.ok))
        ]

    @property
    def proven_time(self) -> datetime | None:
        """Earliest signature time-stamp that is intact *and* from a trusted TSA: proof of existence."""
        times = self._stamp_times(trusted=True)
        return min(times) if times else None

    @property
    def stamped_time(self) -> datetime | None:
        """Earliest intact signature time-stamp, trusted TSA or not."""
        times = self._stamp_times(trusted=False)
        return min(times) if times else None

    @property
    def validation_time(self) -> datetime | None:
        """Time at which to validate the certificate path: proven, else stamped, else claimed."""
        return self.proven_time or self.stamped_time or self.claimed_time

    def time_caveat(self) -> str:
        """How much the validation time can be relied on, for the report."""
        if self.proven_time:
            return ""
        if self.stamped_time:
            return " (time from a time-stamp whose TSA is not trusted)"
        return " (signing time claimed, not proven by a time-stamp)"
