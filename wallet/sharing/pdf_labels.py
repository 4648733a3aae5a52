"""UI strings of the printable bundle, in English and Slovenian.

Kept apart from the layout so a translator edits one small table; a missing
key in a language falls back to English rather than failing to print.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "lang_name": "English",
        "document_title": "Credential bundle",
        "prepared": "Prepared on {date} by the holder {holder}",
        "verification": "Verification summary",
        "as_of": "Checked offline as of {date}. Each credential keeps its own validity period.",
        "qr_caption": "Scan to open the signed bundle in a wallet",
        "link_expires": "The link and QR code stop being accepted after {date}.",
        "qr_too_big": "No QR code: the bundle is too large ({size} bytes; a QR code holds at most {max} "
                      "bytes). Ask the holder for the signed file.",
        "no_link": "No link was made for this printout; ask the holder for the signed file.",
        "credential": "Credential {n} of {total}",
        "learner": "Learner",
        "title": "Title",
        "awarding_body": "Awarding body",
        "issued": "Date of issue",
        "outcomes": "Learning outcomes",
        "esco": "ESCO skills",
        "workload": "Credits / volume of learning",
        "level": "EQF / NQF level",
        "assessment": "Type of assessment",
        "mode": "Form of participation",
        "quality": "Quality assurance",
        "entry": "Prerequisites for entry",
        "id_verification": "Identity verification",
        "grade": "Grade",
        "stackability": "Stackability / integration",
        "credential_id": "Credential identifier",
        "result": "Verification",
        "not_stated": "not stated",
        "hours": "hours",
        "credits": "credits",
        "partial": "part of a larger qualification",
        "standalone": "a qualification on its own",
        "page": "Page {n}",
    },
    "sl": {
        "lang_name": "slovenščina",
        "document_title": "Zbirka dokazil",
        "prepared": "Pripravil imetnik {holder} dne {date}",
        "verification": "Povzetek preverjanja",
        "as_of": "Preverjeno brez povezave dne {date}. Vsako dokazilo ima svoje obdobje veljavnosti.",
        "qr_caption": "Skenirajte za odprtje podpisane zbirke v denarnici",
        "link_expires": "Povezava in koda QR prenehata veljati po {date}.",
        "qr_too_big": "Brez kode QR: zbirka je prevelika ({size} bajtov; koda QR sprejme največ {max} "
                      "bajtov). Podpisano datoteko zahtevajte od imetnika.",
        "no_link": "Za ta izpis ni bila narejena povezava; podpisano datoteko zahtevajte od imetnika.",
        "credential": "Dokazilo {n} od {total}",
        "learner": "Udeleženec",
        "title": "Naziv",
        "awarding_body": "Podeljevalec",
        "issued": "Datum izdaje",
        "outcomes": "Učni izidi",
        "esco": "Spretnosti ESCO",
        "workload": "Kreditne točke / obseg učenja",
        "level": "Raven EOK / SOK",
        "assessment": "Vrsta preverjanja",
        "mode": "Oblika udeležbe",
        "quality": "Zagotavljanje kakovosti",
        "entry": "Vstopni pogoji",
        "id_verification": "Preverjanje istovetnosti",
        "grade": "Ocena",
        "stackability": "Združljivost / nadgradljivost",
        "credential_id": "Identifikator dokazila",
        "result": "Preverjanje",
        "not_stated": "ni navedeno",
        "hours": "ur",
        "credits": "kreditnih točk",
        "partial": "del širše kvalifikacije",
        "standalone": "samostojna kvalifikacija",
        "page": "Stran {n}",
    },
}

SUPPORTED = tuple(LABELS)


def label(key: str, lang: str, **values: str) -> str:
    """The string for ``key`` in ``lang`` (primary subtag), English when missing."""
    table = LABELS.get(lang.split("-", 1)[0].lower(), LABELS["en"])
    template = table.get(key) or LABELS["en"][key]
    return template.format(**values) if values else template
