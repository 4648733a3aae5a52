"""The one way the wallet parses XML: hardened lxml, nothing fetched, nothing expanded.

Every XML input (EDCI credentials, XAdES seals, trusted lists) is hostile until
its seal is checked, so all of them go through :func:`parse_xml`:

* size cap (10 MiB, the input limits in wallet/util/limits.py) checked *before* parsing;
* any DOCTYPE is refused outright: EDCI, XAdES and ETSI trusted lists never
  carry one, and refusing it closes XXE, billion laughs and external DTD
  fetches in one rule instead of relying on each parser flag;
* the lxml parser itself has ``resolve_entities=False``, ``no_network=True``,
  ``load_dtd=False``, ``huge_tree=False`` as a second line of defence.

signxml re-parses fragments internally; :func:`safe_parser` is handed to it
so those parses are hardened too.
"""

from __future__ import annotations

import re

from lxml import etree

from wallet.errors import InputError

#: Largest XML document accepted (trusted lists are ~0.4 MB, EDCI files < 1 MB).
MAX_XML_BYTES = 10 * 1024 * 1024

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)


def safe_parser() -> etree.XMLParser:
    """A fresh hardened parser (lxml parsers are not thread-safe, so never shared)."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
        remove_pis=False,
        collect_ids=False,
    )


def parse_xml(raw: bytes, *, max_bytes: int = MAX_XML_BYTES, what: str = "XML document") -> etree._Element:
    """Parse untrusted bytes into an element tree root, or raise :class:`InputError`.

    The caller keeps ``raw``; nothing here re-serialises the document.
    """
    if not isinstance(raw, (bytes, bytearray)):
        raise InputError(f"The {what} must be given as bytes.")
    if len(raw) > max_bytes:
        raise InputError(f"The {what} is too large ({len(raw)} bytes; the limit is {max_bytes}).")
    if _DOCTYPE.search(raw) or _ENTITY.search(raw):
        raise InputError(f"The {what} contains a DOCTYPE or entity declaration, which is refused.")
    try:
        root = etree.fromstring(bytes(raw), parser=safe_parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(f"The {what} is not well-formed XML ({exc.msg}).") from exc
    if root is None:
        raise InputError(f"The {what} is empty.")
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise InputError(f"The {what} contains a DOCTYPE, which is refused.")
    return root


def looks_like_xml(raw: bytes) -> bool:
    """Cheap sniff (no parse): optional BOM/whitespace, then ``<``."""
    head = raw[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<")


DS_NAMESPACE = "http://www.w3.org/2000/09/xmldsig#"


def strip_signatures(node: etree._Element) -> None:
    """Remove every ds:Signature below ``node``, keeping the text that follows each."""
    for sig in list(node.iter(f"{{{DS_NAMESPACE}}}Signature")):
        parent = sig.getparent()
        if parent is None:
            continue
        if sig.tail:
            prev = sig.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + sig.tail
            else:
                parent.text = (parent.text or "") + sig.tail
        parent.remove(sig)


def unsigned_view(raw: bytes) -> etree._Element:
    """The document with every signature removed: what the file claims, before any seal is checked.

    Parsing reads this view; the seal verifier then requires the fields read
    from the seal's signed data to be the same (``wallet.verify.seals``), so
    nothing unsigned is ever shown as vouched for.
    """
    root = parse_xml(raw, what="XML document")
    strip_signatures(root)
    return root
