"""The normalised values every part of the wallet passes around.

One model for every format: parsers (``wallet.formats``) fill it, verification
(``wallet.verify``) produces reports about it, stacking and sharing read it.
It is deliberately plain data (frozen dataclasses, no I/O, no Qt) so it can be
stored as JSON in the vault and rebuilt without the original parser.

Language maps (``LangMap``) map a BCP 47 tag to text. Text without a language
uses the key ``"und"``. Use :func:`pick_lang` to display one.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from wallet.messages import Message, msg, render, technical_details
from wallet.messages import text as plain_text
from wallet.util.frozen import fast_init

LangMap = Mapping[str, str]

#: Fallback order after the user's own preferences: English, then the
#: credential's "no language" text, then whatever comes first.
FALLBACK_LANGS: tuple[str, ...] = ("en", "und")


def pick_lang(text: LangMap | None, prefs: Sequence[str] = ()) -> str:
    """Return the best text of a language map for a reader.

    Order: each preferred tag exactly, then its primary subtag (``sl`` for
    ``sl-SI``) against the map's primary subtags, then ``en``, ``und``, then the
    first entry. An empty or missing map gives ``""``.
    """
    if not text:
        return ""
    for tag in list(prefs) + list(FALLBACK_LANGS):
        if tag in text:
            return text[tag]
        primary = tag.split("-")[0].lower()
        for key, value in text.items():
            if key.split("-")[0].lower() == primary:
                return value
    return next(iter(text.values()))


class CredentialFormat(str, enum.Enum):
    """What a stored or received item is. The values are stable (stored)."""

    VC_LDP = "vc-ldp"  # VC 1.1/2.0 JSON-LD (incl. OB 3.0) with or without a Data Integrity proof
    VC_JWT = "vc-jwt"  # VC 1.1 JWT claims (typ JWT, vc claim)
    VC_JOSE = "vc-jose"  # VC-JOSE-COSE, typ vc+jwt, payload is the credential
    SD_JWT = "sd-jwt"  # SD-JWT (RFC 9901), SD-JWT VC (dc+sd-jwt, vc+sd-jwt), VC-JOSE-COSE vc+sd-jwt
    VC_ENVELOPED = "vc-enveloped"  # EnvelopedVerifiableCredential (data: URL)
    VP_LDP = "vp-ldp"  # Verifiable Presentation, JSON-LD
    VP_JWT = "vp-jwt"
    OB2_SIGNED = "ob2-signed"  # Open Badges 2.0 signed assertion (JWS)
    OB2_HOSTED = "ob2-hosted"  # Open Badges 2.0 hosted assertion (needs an online check)
    EDC_JADES = "edc-jades"  # European Digital Credential (ELM v3) sealed with JAdES
    EDC_JSONLD = "edc-jsonld"  # ELM v3 credential without a seal
    EDCI_XML = "edci-xml"  # EDCI 1.x XML with XAdES
    BLOCKCERTS = "blockcerts"  # Blockcerts v2 (MerkleProof2017) or v3 (MerkleProof2019) anchored in a blockchain
    UNKNOWN = "unknown"

    @classmethod
    def extend(cls, value: str) -> CredentialFormat:
        """A format added through the format registry (``wallet.formats.registry.register``) as a member.

        Python enums are closed; a registered format still needs a member so
        that ``CredentialFormat(value)`` works for what the vault stored.
        """
        existing = cls._value2member_map_.get(value)
        if existing is not None:
            return existing  # type: ignore[return-value]
        member = str.__new__(cls, value)
        member._name_ = value.upper().replace("-", "_")
        member._value_ = value
        cls._value2member_map_[value] = member
        return member


class Container(str, enum.Enum):
    """How the credential reached us, when it was wrapped in something else."""

    NONE = "none"
    PNG = "png"  # baked badge, iTXt keyword openbadges
    SVG = "svg"  # baked badge, openbadges:assertion
    LINK = "link"
    QR = "qr"


@fast_init
@dataclass(frozen=True)
class Issuer:
    """The issuing or awarding organisation."""

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    url: str | None = None
    country: str | None = None  # ISO 3166 alpha-2/3 as given by the credential
    image: str | None = None  # URL or data: URL
    description: LangMap = field(default_factory=dict)


@fast_init
@dataclass(frozen=True)
class Subject:
    """The learner the credential is about."""

    id: str | None = None
    name: LangMap = field(default_factory=dict)
    given_name: LangMap = field(default_factory=dict)
    family_name: LangMap = field(default_factory=dict)
    date_of_birth: str | None = None
    identifiers: tuple[str, ...] = ()  # national id, hashed email (OB), ...


@fast_init
@dataclass(frozen=True)
class LearningOutcome:
    """One learning outcome, with the ESCO skills it relates to."""

    title: LangMap = field(default_factory=dict)
    id: str | None = None
    esco_skills: tuple[str, ...] = ()  # ESCO skill URIs


@fast_init
@dataclass(frozen=True)
class Achievement:
    """What was achieved: the standard elements of a micro-credential.

    Fields follow the Annex I elements of the EU Council Recommendation on
    micro-credentials (2022/C 243/02). Every field is
    optional because formats carry different subsets.
    """

    id: str | None = None  # achievement / specification identifier
    title: LangMap = field(default_factory=dict)
    description: LangMap = field(default_factory=dict)
    achievement_type: str | None = None  # OB achievementType, ELM dcType, ...
    specification_id: str | None = None  # ELM specifiedBy id
    credits: float | None = None  # credit points as stated
    credit_framework: str | None = None  # "ECTS" where stated
    volume_of_learning_hours: float | None = None
    eqf_level: int | None = None
    nqf_level: str | None = None
    learning_outcomes: tuple[LearningOutcome, ...] = ()
    esco_skills: tuple[str, ...] = ()  # every ESCO skill URI named anywhere
    criteria: LangMap = field(default_factory=dict)
    grade: str | None = None
    assessment_type: LangMap = field(default_factory=dict)
    participation_mode: LangMap = field(default_factory=dict)  # online / blended / onsite
    quality_assurance: LangMap = field(default_factory=dict)  # accreditation, endorsement
    entry_requirements: LangMap = field(default_factory=dict)
    id_verification: LangMap = field(default_factory=dict)
    is_partial_qualification: bool | None = None
    stackability: LangMap = field(default_factory=dict)  # integration / stackability note
    thematic_area: tuple[str, ...] = ()  # ISCED-F codes or URIs
    awarding_body: Issuer | None = None
    awarded_on: datetime | None = None
    image: str | None = None
    parts: tuple[Achievement, ...] = ()  # ELM hasPart

    @property
    def ects(self) -> float | None:
        """Credits when the framework is ECTS (or unstated for an EU credential)."""
        if self.credits is None:
            return None
        if self.credit_framework is None or self.credit_framework.upper() == "ECTS":
            return self.credits
        return None


@fast_init
@dataclass(frozen=True)
class Credential:
    """One credential, normalised, with the original bytes it came from.

    ``raw`` is exactly what was received: signatures are verified over it and
    the vault stores it unchanged. ``document`` is the parsed payload that
    verification works on (a JSON object for JSON formats, ``None`` otherwise).
    """

    format: CredentialFormat
    raw: bytes
    container: Container = Container.NONE
    id: str | None = None
    types: tuple[str, ...] = ()
    issuer: Issuer = field(default_factory=Issuer)
    subject: Subject = field(default_factory=Subject)
    title: LangMap = field(default_factory=dict)
    description: LangMap = field(default_factory=dict)
    image: str | None = None
    issued: datetime | None = None
    valid_from: datetime | None = None
    valid_until: datetime | None = None
    achievements: tuple[Achievement, ...] = ()
    languages: tuple[str, ...] = ()  # languages the credential's text is available in
    #: SD-JWT: the paths (object keys and array positions) of the claims the holder may leave
    #: out when presenting it (each came from a disclosure); empty for every other format.
    disclosable: tuple[tuple[str | int, ...], ...] = ()
    document: Any = field(default=None, compare=False)

    @property
    def achievement(self) -> Achievement | None:
        return self.achievements[0] if self.achievements else None

    def display_title(self, prefs: Sequence[str] = ()) -> str:
        for text in (self.title, *(a.title for a in self.achievements)):
            if text:
                return pick_lang(text, prefs)
        return render(msg("credential.untitled"), tuple(prefs) or ("en",))


class CheckStatus(str, enum.Enum):
    PASSED = "passed"
    FAILED = "failed"
    WARNING = "warning"
    NOT_CHECKED = "not-checked"


class CheckId(str, enum.Enum):
    """The one vocabulary of verification steps, for every format. Values are stable (stored, ``--json``).

    EU seals use it too: the Europass viewer's SEAL, OWNER, EXPIRY, REVOCATION
    and FORMAT are ``signature``, ``issuer-trusted``, ``validity``, ``status``
    and ``format`` here, so every reader asks the same questions of every
    credential.
    """

    FORMAT = "format"  # recognised, and follows its data model
    JSONLD = "jsonld"  # every term defined by a known context
    SIGNATURE = "signature"  # the issuer's signature or seal matches the content
    PROOF_PURPOSE = "proof-purpose"  # the key was used for what it is allowed to do
    ISSUER_KEY = "issuer-key"  # the signing key belongs to the issuer
    ISSUER_TRUSTED = "issuer-trusted"  # the issuer is in the user's trust store / EU trusted lists
    VALIDITY = "validity"  # inside its validity period
    STATUS = "status"  # not revoked or suspended
    JWT_CLAIMS = "jwt-claims"  # the JWT's registered claims agree with the credential
    DISCLOSURES = "disclosures"  # SD-JWT disclosures were signed by the issuer
    KEY_BINDING = "key-binding"  # SD-JWT key binding proves the holder
    RECIPIENT = "recipient"  # Open Badges 2.0 recipient identity
    HOSTED_ORIGIN = "hosted-origin"  # Open Badges 2.0 hosted assertion origin
    ACCREDITATION = "accreditation"  # EU: accreditation of the awarding body
    PRESENTATION_SIGNATURE = "presentation-signature"  # the holder signed the presentation
    CHALLENGE = "challenge"  # the presentation was made for the verifier's challenge
    DOMAIN = "domain"  # ... and for the verifier's domain
    HOLDER_BINDING = "holder-binding"  # the credentials belong to the presenter
    PRESENTATION_CREDENTIALS = "presentation-credentials"  # the enveloped credentials open
    CREDENTIAL = "credential"  # one embedded credential's verdict (``index`` says which)
    VERIFICATION = "verification"  # only when verification itself failed (an internal error): essential not-checked


#: Names older vaults stored (before check ids existed), mapped to today's ids.
LEGACY_CHECK_NAMES = {
    "SEAL": CheckId.SIGNATURE, "OWNER": CheckId.ISSUER_TRUSTED, "EXPIRY": CheckId.VALIDITY,
    "REVOCATION": CheckId.STATUS, "FORMAT": CheckId.FORMAT, "ACCREDITATION": CheckId.ACCREDITATION,
    "revocation": CheckId.STATUS,
}


@fast_init
@dataclass(frozen=True)
class Check:
    """One verification step and its outcome, as data.

    ``message`` says why, as a message id and parameters (rendered in the
    reader's language by :mod:`wallet.messages`). ``essential`` marks the
    checks without which nothing can be said about the credential (its
    signature or seal): if such a check is not-checked the verdict is
    ``cannot-verify-offline`` rather than a warning. ``index`` numbers the
    per-credential checks of a presentation (``credential`` 0, 1, ...).
    """

    id: CheckId
    status: CheckStatus
    message: Message
    essential: bool = False
    index: int | None = None

    @property
    def name(self) -> str:
        """``id`` as text, with the index for per-credential checks (``credential[2]``)."""
        return self.id.value if self.index is None else f"{self.id.value}[{self.index}]"

    @property
    def reason(self) -> str:
        """The message in English, for logs and plain-text output that has no reader language."""
        return render(self.message)

    def text(self, langs: Sequence[str] = ("en",)) -> str:
        return render(self.message, langs)

    @property
    def explained(self) -> str:
        """The English text, then every technical detail (suite, key, URL, the underlying error), for logs."""
        details = "; ".join(f"{k}: {v}" for k, v in technical_details(self.message))
        return f"{self.reason} [{details}]" if details else self.reason

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id.value,
            "name": self.name,
            "status": self.status.value,
            "essential": self.essential,
            "message": self.message.to_json(),
            "reason": self.reason,
        }
        if self.index is not None:
            out["index"] = self.index
        return out

    @staticmethod
    def from_json(data: Mapping[str, Any]) -> Check:
        """Today's form, or the form older vaults stored (``name`` and an English ``reason``)."""
        status = CheckStatus(data["status"])
        essential = bool(data.get("essential", False))
        if "id" in data:
            message = Message.from_json(data["message"]) if isinstance(data.get("message"), Mapping) \
                else plain_text(str(data.get("reason", "")))
            index = data.get("index")
            return Check(CheckId(data["id"]), status, message, essential, index if isinstance(index, int) else None)
        name = str(data.get("name", "format"))
        index = None
        if name.endswith("]") and "[" in name:
            name, _, number = name[:-1].partition("[")
            index = int(number) if number.isdigit() else None
        check_id = LEGACY_CHECK_NAMES.get(name) or CheckId(name)
        return Check(check_id, status, plain_text(str(data.get("reason", ""))), essential, index)


class Verdict(str, enum.Enum):
    VALID = "valid"
    VALID_WITH_WARNINGS = "valid-with-warnings"
    INVALID = "invalid"
    CANNOT_VERIFY_OFFLINE = "cannot-verify-offline"


def verdict_of(checks: Sequence[Check]) -> Verdict:
    """The one rule that turns checks into a verdict, used everywhere."""
    if any(c.status is CheckStatus.FAILED for c in checks):
        return Verdict.INVALID
    if not checks or any(c.essential and c.status is CheckStatus.NOT_CHECKED for c in checks):
        return Verdict.CANNOT_VERIFY_OFFLINE
    if any(c.status in (CheckStatus.WARNING, CheckStatus.NOT_CHECKED) for c in checks):
        return Verdict.VALID_WITH_WARNINGS
    return Verdict.VALID


@fast_init
@dataclass(frozen=True)
class VerificationReport:
    """What verification found, as of a moment, for one credential."""

    format: CredentialFormat
    checks: tuple[Check, ...]
    as_of: datetime
    trust_snapshot: str | None = None  # date of the trusted-list snapshot used, if any
    issuer_label: str | None = None  # label from the trust store when the issuer is trusted

    @property
    def verdict(self) -> Verdict:
        return verdict_of(self.checks)

    def check(self, check_id: CheckId | str) -> Check | None:
        """The first check with this id: a :class:`CheckId`, its value (``"signature"``) or ``"credential[2]"``."""
        if isinstance(check_id, str) and check_id.endswith("]") and "[" in check_id:
            return next((c for c in self.checks if c.name == check_id), None)
        wanted = CheckId(check_id)
        return next((c for c in self.checks if c.id is wanted), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": self.format.value,
            "verdict": self.verdict.value,
            "as_of": self.as_of.isoformat(),
            "trust_snapshot": self.trust_snapshot,
            "issuer_label": self.issuer_label,
            "checks": [c.to_json() for c in self.checks],
        }

    @staticmethod
    def from_json(data: Mapping[str, Any]) -> VerificationReport:
        return VerificationReport(
            format=CredentialFormat(data["format"]),
            checks=tuple(Check.from_json(c) for c in data["checks"]),
            as_of=datetime.fromisoformat(data["as_of"]),
            trust_snapshot=data.get("trust_snapshot"),
            issuer_label=data.get("issuer_label"),
        )


def replace(obj: Any, **changes: Any) -> Any:
    """``dataclasses.replace`` re-exported so callers need one import."""
    return dataclasses.replace(obj, **changes)
