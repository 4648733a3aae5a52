"""EU trusted lists: the list of trusted lists (LOTL) and the national lists EDC seals need.

Only fetching happens here: each list is parsed just far enough (hardened,
no DTD, 10 MiB) to refuse junk, to read its dates, and, for the LOTL, to
find the pointers to national lists (ETSI TS 119 612 ``OtherTSLPointer``
with ``MimeType`` ``application/vnd.etsi.tsl+xml``). Verifying the lists'
XAdES seals and building the dated snapshot stays in
``wallet.verify.seals.trustlist``, offline, from the stored bytes.
"""

from __future__ import annotations

from datetime import UTC, datetime

from lxml import etree

from wallet.errors import BadEvidence, InputError, WalletError
from wallet.formats.safe_xml import parse_xml
from wallet.online.evidence.record import Evidence, EvidenceKind, from_response
from wallet.online.http import OnlineClient, Response
from wallet.online.settings import FetchKind
from wallet.online.urls import clause, display_url
from wallet.util.dates import parse_datetime

#: Where the European Commission publishes the LOTL (EU Trusted List Browser).
EU_LOTL_URL = "https://ec.europa.eu/tools/lotl/eu-lotl.xml"
TSL = "http://uri.etsi.org/02231/v2#"
TSL_ADDITIONAL = "http://uri.etsi.org/02231/v2/additionaltypes#"
LOTL_TYPE = "http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUlistofthelists"
XML_TL = "application/vnd.etsi.tsl+xml"
ACCEPT = f"{XML_TL}, application/xml;q=0.9, text/xml;q=0.8"
_NS = {"t": TSL, "a": TSL_ADDITIONAL}


def _root(resp: Response, what: str) -> etree._Element:
    try:
        root = parse_xml(resp.body, max_bytes=FetchKind.TRUSTED_LIST.max_bytes, what=what)
    except InputError as exc:
        raise BadEvidence(f"The {what} at {display_url(resp.url)} is refused: {clause(exc)}.") from exc
    if root.tag != f"{{{TSL}}}TrustServiceStatusList":
        raise BadEvidence(f"{display_url(resp.url)} is not an ETSI trusted list.")
    return root


def _text(root: etree._Element, path: str) -> str:
    return (root.findtext(path, namespaces=_NS) or "").strip()


def _record(resp: Response, key: str, root: etree._Element, notes: tuple[str, ...] = ()) -> Evidence:
    issued = parse_datetime(_text(root, "t:SchemeInformation/t:ListIssueDateTime"))
    next_update = parse_datetime(_text(root, "t:SchemeInformation/t:NextUpdate/t:dateTime"))
    max_age = int((next_update - datetime.now(UTC)).total_seconds()) if next_update else None
    return from_response(EvidenceKind.TRUSTED_LIST, key, resp, max_age=max_age, issued_at=issued, notes=notes)


def lotl_pointers(root: etree._Element) -> dict[str, str]:
    """Territory → URL of its machine-readable (XML) trusted list, from a LOTL."""
    out: dict[str, str] = {}
    for ptr in root.iterfind("t:SchemeInformation/t:PointersToOtherTSL/t:OtherTSLPointer", _NS):
        territory = (ptr.findtext(".//t:SchemeTerritory", namespaces=_NS) or "").strip().upper()
        mime = (ptr.findtext(".//a:MimeType", namespaces=_NS) or "").strip().lower()
        location = (ptr.findtext("t:TSLLocation", namespaces=_NS) or "").strip()
        if territory and location and mime == XML_TL:
            out.setdefault(territory, location)
    return out


def fetch_trusted_list(client: OnlineClient, url: str, territory: str | None = None) -> Evidence:
    """One national trusted list; ``territory`` (if given) must be the one it declares."""
    resp = client.get(url, kind=FetchKind.TRUSTED_LIST, headers={"Accept": ACCEPT}, purpose="EU trusted list")
    root = _root(resp, "trusted list")
    declared = _text(root, "t:SchemeInformation/t:SchemeTerritory").upper()
    if territory and declared != territory.upper():
        raise BadEvidence(f"The trusted list at {display_url(resp.url)} is for {declared or 'no territory'}, "
                          f"not {territory.upper()}.")
    return _record(resp, url, root)


def fetch_trusted_lists(client: OnlineClient, lotl_url: str = EU_LOTL_URL,
                        territories: tuple[str, ...] = ()) -> tuple[Evidence, ...]:
    """The LOTL (first record) and the national lists of ``territories`` it points to.

    A national list that cannot be fetched does not stop the others; the
    LOTL record's notes say which ones are missing and why.
    """
    resp = client.get(lotl_url, kind=FetchKind.TRUSTED_LIST, headers={"Accept": ACCEPT},
                      purpose="EU list of trusted lists")
    root = _root(resp, "list of trusted lists")
    if _text(root, "t:SchemeInformation/t:TSLType") != LOTL_TYPE:
        raise BadEvidence(f"{display_url(resp.url)} is a trusted list, but not the EU list of trusted lists.")
    pointers = lotl_pointers(root)
    national: list[Evidence] = []
    notes: list[str] = []
    for territory in dict.fromkeys(t.upper() for t in territories):
        url = pointers.get(territory)
        if url is None:
            notes.append(f"The list of trusted lists points to no XML trusted list for {territory}.")
            continue
        if url.lower().startswith("http://"):
            # Some member states still point to plain http. The list is sealed and its signer pinned by
            # the LOTL, but the wallet fetches only over https, so the same location is tried over https.
            url = "https://" + url[len("http://"):]
        try:
            national.append(fetch_trusted_list(client, url, territory))
        except WalletError as exc:
            notes.append(f"The trusted list of {territory} could not be fetched from {display_url(url)}: "
                         f"{clause(exc)}.")
    return (_record(resp, lotl_url, root, tuple(notes)), *national)
