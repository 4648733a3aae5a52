"""X.509 path validation of a seal certificate at its signing time, offline.

Wraps pyhanko-certvalidator with fetching disabled: the only inputs are the
certificates and CRL/OCSP responses embedded in the seal (JAdES ``xVals`` /
``rVals``, XAdES ``CertificateValues`` / ``RevocationValues``) and the trust
anchors (trusted-list CA/QC services valid at that time plus the user's own
anchors). Validating at the signing time, proved by a timestamp, is what lets
a B-LTA seal whose certificate expired since still count as valid.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Awaitable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from asn1crypto import x509 as asn1_x509
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator.errors import (
    InsufficientRevinfoError,
    PathBuildingError,
    PathValidationError,
    RevokedError,
    ValidationError,
)

T = TypeVar("T")


@dataclass(frozen=True)
class PathResult:
    """Outcome of validating one certificate path.

    ``status`` is ``valid``, ``revoked``, ``untrusted`` (no path to any anchor),
    ``no-revocation`` (valid path, but the embedded data does not prove the
    certificate was unrevoked at that time) or ``invalid``.
    """

    status: str
    detail: str
    anchor_subject: str | None = None
    chain_subjects: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.status == "valid"


def _run(coro: Awaitable[T]) -> T:
    """Run pyhanko's async API from sync code, even if a loop is already running."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)  # type: ignore[arg-type]
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()  # type: ignore[arg-type]


def load_cert(der: bytes) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(der)


def subject_of(cert: asn1_x509.Certificate) -> str:
    return str(cert.subject.human_friendly)


def validate_path(
    leaf_der: bytes,
    *,
    intermediates: Iterable[bytes] = (),
    anchors: Iterable[bytes] = (),
    at: datetime,
    crls: Iterable[bytes] = (),
    ocsps: Iterable[bytes] = (),
    key_usage: frozenset[str] = frozenset({"non_repudiation"}),
) -> PathResult:
    """Validate ``leaf_der`` to one of ``anchors`` at ``at`` with embedded revocation data only.

    Revocation is checked in ``require`` mode: a path counts as valid only if
    the embedded CRL/OCSP data covers every certificate; if the path is fine
    but revocation data is missing we say so (``no-revocation``) instead of
    calling it valid or invalid.
    """
    try:
        anchor_certs = [load_cert(a) for a in anchors]
        if not anchor_certs:
            return PathResult("untrusted", "no trust anchor is available (no trusted list snapshot and no user anchors)")
        leaf = load_cert(leaf_der)
        others = [load_cert(c) for c in intermediates]
        _ = [cert.native for cert in (leaf, *others, *anchor_certs)]  # parse lazily-loaded DER now, not later
    except (ValueError, TypeError, KeyError) as exc:
        return PathResult("invalid", f"an embedded certificate cannot be read ({exc})")

    def context(mode: str) -> ValidationContext:
        return ValidationContext(
            trust_roots=anchor_certs,
            other_certs=others,
            moment=at,
            allow_fetching=False,
            crls=list(crls),
            ocsps=list(ocsps),
            revocation_mode=mode,
        )

    def attempt(mode: str) -> Any:
        validator = CertificateValidator(leaf, intermediate_certs=others, validation_context=context(mode))
        return _run(validator.async_validate_usage(set(key_usage)))

    try:
        path = attempt("require")
        return _result("valid", "the certificate path is valid at the signing time, with embedded revocation data", path)
    except RevokedError as exc:
        return PathResult("revoked", f"the certificate was revoked at the signing time ({exc})")
    except PathBuildingError as exc:
        return PathResult("untrusted", f"no path to a trust anchor ({exc})")
    except InsufficientRevinfoError as exc:
        try:
            path = attempt("soft-fail")
        except (PathValidationError, ValidationError, PathBuildingError) as exc2:
            return PathResult("invalid", f"the certificate path is not valid at the signing time ({exc2})")
        return _result(
            "no-revocation",
            f"the path is valid at the signing time but the seal embeds no usable revocation data for it ({exc})",
            path,
        )
    except (PathValidationError, ValidationError) as exc:
        return PathResult("invalid", f"the certificate path is not valid at the signing time ({exc})")
    except (ValueError, TypeError, KeyError) as exc:
        return PathResult("invalid", f"embedded certificate or revocation data cannot be read ({exc})")


def _result(status: str, detail: str, path: Any) -> PathResult:
    subjects: list[str] = []
    for cert in path:
        if isinstance(cert, asn1_x509.Certificate):
            subjects.append(subject_of(cert))
    anchor = getattr(path, "trust_anchor", None)
    anchor_name = None
    if anchor is not None:
        authority = getattr(anchor, "authority", None)
        name = getattr(authority, "name", None)
        anchor_name = str(name.human_friendly) if name is not None else None
    return PathResult(status, detail, anchor_name, tuple(subjects))
