"""Claim paths in words: what the consent screen, the CLI and the history say a presentation shows."""

from __future__ import annotations

from wallet.app.presenting.history import claims_text
from wallet.claim_words import KNOWN, MAX_PARTS, claim_words, claims_in_words, in_words
from wallet.messages import msg, render
from wallet.oid4vp.dcql import parse_dcql
from wallet.oid4vp.matching import Candidate, match


def words(path: tuple[str | int | None, ...], lang: str = "en") -> str:
    return render(claim_words(path), (lang,))


def test_known_claims_are_worded_per_language() -> None:
    assert words(("achievement", "ects_credits")) == "achievement › ECTS credits"
    assert words(("achievement", "ects_credits"), "sl") == "dosežek › kreditne točke ECTS"
    assert words(("learner", "given_name")) == "learner › given name"
    assert words(("address", "street_address"), "sl") == "naslov › ulica"
    assert words(("birthdate",)) == "date of birth"


def test_every_known_name_renders_in_both_languages_without_its_id() -> None:
    for name in KNOWN:
        for lang in ("en", "sl"):
            text = words((name,), lang)
            assert text and not text.startswith("claim."), (name, lang, text)


def test_unknown_names_become_words() -> None:
    assert in_words("dateOfBirth") == "date of birth"
    assert in_words("date_of_birth") == "date of birth"
    assert in_words("studentID") == "student ID"
    assert in_words("x") == "x"
    assert words(("credentialSubject", "favouriteColour")) == "holder › favourite colour"


def test_list_entries_are_counted_from_one_and_a_wildcard_reads_every_entry() -> None:
    assert words(("nationalities", None)) == "nationality › every entry"
    assert words(("learning_outcomes", 0)) == "learning outcomes › entry 1"
    assert words(("learning_outcomes", 2), "sl") == "učni izidi › vnos 3"


def test_a_language_tag_under_a_language_map_is_named_as_the_language() -> None:
    assert words(("achievement", "title", "en")) == "achievement › title › English"
    assert words(("achievement", "title", "sl"), "sl") == "dosežek › naziv › slovenščina"
    assert words(("achievement", "name", "en-GB")) == "achievement › name › English"
    assert words(("address", "no")) == "address › no"  # not under a language map: the claim's own name
    assert words(("title", 0)) == "title › entry 1"


def test_an_empty_path_is_the_whole_credential_and_a_long_one_keeps_both_ends() -> None:
    assert words(()) == "the whole credential"
    long = ("credentialSubject", "achievement", "alignment", 0, "targetFramework", "name")
    assert len(long) > MAX_PARTS
    assert words(long) == "holder › achievement › … › target framework › name"


def test_several_paths_in_one_line() -> None:
    assert claims_in_words([("achievement", "title"), ("achievement", "ects_credits")], ("en",)) \
        == "achievement › title, achievement › ECTS credits"


def test_the_history_says_the_same_words() -> None:
    assert claims_text({"claims": [["achievement", "title"], ["learner", "family_name"]]}, ("sl",)) \
        == "dosežek › naziv, udeleženec › priimek"
    assert claims_text({"claims": "everything"}) == render(msg("present.discloses_everything"))
    assert claims_text({"claims": [["a", {"not": "a path element"}, "b"]]}) == "a › b"


def test_why_a_credential_does_not_answer_names_the_claim_in_words() -> None:
    query = parse_dcql({"credentials": [{"id": "course", "format": "dc+sd-jwt", "meta": {"vct_values": ["T"]},
                                          "claims": [{"path": ["achievement", "ects_credits"]}]}]})
    held = Candidate(id="c1", format="dc+sd-jwt", title="First aid", claims={"vct": "T", "achievement": {}},
                     vct="T", bound=True)
    reason = match(query, [held]).result("course").why_not()
    assert render(reason, ("en",)) == "First aid does not contain achievement › ECTS credits, which the verifier asks for."
