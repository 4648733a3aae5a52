"""Readable names for codes (issue 16): countries, languages, ISCED-F fields, EQF levels, in English and Slovenian."""

from __future__ import annotations

from wallet.messages import msg, render
from wallet.names import country_name, eqf_meaning, isced_name, language_name


def test_countries_from_every_form_of_code() -> None:
    for code in ("IE", "IRL", "irl", "372", "http://publications.europa.eu/resource/authority/country/IRL"):
        assert country_name(code, "en") == "Ireland", code
        assert country_name(code, "sl") == "Irska", code
    assert country_name("XX", "sl") == "XX"  # unknown: the code itself, never an invented name
    assert country_name(None) == ""


def test_languages_from_tags_and_codes() -> None:
    assert language_name("de-AT", "en") == "German" and language_name("de", "sl") == "nemščina"
    assert language_name("slv", "en") == "Slovenian" and language_name("ger", "sl") == "nemščina"
    assert language_name("http://publications.europa.eu/resource/authority/language/ENG", "sl") == "angleščina"
    assert language_name("zz", "en") == "zz"


def test_catalogue_lookups_fall_back_to_iso_names() -> None:
    assert render(msg("element.not_in_language", lang="pt"), ("en",)) == "not available in Portuguese"
    assert render(msg("element.not_in_language", lang="sl"), ("sl",)) == "ni na voljo v jeziku: slovenščina"


def test_isced_fields_by_code_or_uri() -> None:
    assert isced_name("0613", "en") == "Software and applications development and analysis"
    assert isced_name("http://data.europa.eu/snb/isced-f/0613", "en") == isced_name("0613", "en")
    assert isced_name("06", "sl") == "Informacijske in komunikacijske tehnologije (IKT)"
    # no bundled Slovenian name for a detailed field: its narrow field's, with the code
    assert isced_name("0613", "sl") == "Informacijske in komunikacijske tehnologije (IKT), 0613"
    assert isced_name("25831c2", "en") == "25831c2"


def test_eqf_levels_have_a_one_line_meaning() -> None:
    assert "bachelor" in eqf_meaning(6, "en") and "dodiplomski" in eqf_meaning(6, "sl")
    assert all(eqf_meaning(level, lang) for level in range(1, 9) for lang in ("en", "sl"))
    assert eqf_meaning(9) == "" and eqf_meaning(None) == ""
