"""Hostile XML never reaches a parser that expands, fetches or grows without bound."""

from __future__ import annotations

import pytest

from wallet.errors import InputError
from wallet.formats.edci_xml import is_edci_xml, parse_edci_xml
from wallet.formats.safe_xml import MAX_XML_BYTES, parse_xml

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE europassCredential [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<europassCredential xmlns="http://data.europa.eu/snb"><title>&x;</title></europassCredential>"""
LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<europassCredential xmlns="http://data.europa.eu/snb">&lol3;</europassCredential>"""
EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE europassCredential SYSTEM "http://127.0.0.1:9/evil.dtd">
<europassCredential xmlns="http://data.europa.eu/snb"/>"""


@pytest.mark.parametrize("raw", [XXE, LAUGHS, EXTERNAL_DTD], ids=["xxe", "billion-laughs", "external-dtd"])
def test_doctype_attacks_are_refused(raw: bytes) -> None:
    with pytest.raises(InputError, match="DOCTYPE"):
        parse_xml(raw)
    with pytest.raises(InputError):
        parse_edci_xml(raw)


def test_oversized_document_is_refused_before_parsing() -> None:
    raw = b'<europassCredential xmlns="http://data.europa.eu/snb"><title>' + b"A" * MAX_XML_BYTES + b"</title></europassCredential>"
    with pytest.raises(InputError, match="too large"):
        parse_edci_xml(raw)


def test_malformed_xml_is_an_input_error() -> None:
    with pytest.raises(InputError, match="well-formed"):
        parse_xml(b"<a><b></a>")


def test_sniffing() -> None:
    assert is_edci_xml(b'<europassCredential xmlns="http://data.europa.eu/snb"/>')
    assert not is_edci_xml(b'{"type": "x"}')
