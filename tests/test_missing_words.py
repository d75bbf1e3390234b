"""What a post lacks is stored as codes and worded in the language of the moment (audit
9, new owner F7: logged in Dutch, the English pane and timeline read "⚠ Missing: Een
reclamemelding die geldt volgens de regels voor Nederland, Het label „Betaald
partnerschap” van het platform staat aan"). Words stored by earlier versions, in either
language, are recognised and worded again."""

from __future__ import annotations

import pytest

from desktop import i18n
from desktop.domain import disclosure
from desktop.presentation import event_texts
from desktop.presentation.disclosure_texts import missing_words

DUTCH = ["#gekregen", "Een reclamemelding die geldt volgens de Nederlandse regels",
         "Het label „Betaald partnerschap” van het platform staat aan"]
ENGLISH = ["#gekregen", "An advertising label that counts under the Dutch rules",
           "The platform's “Paid partnership” label is switched on"]
# As versions before codes stored them (the English named "the rules for Netherlands").
STORED_DUTCH = ["#gekregen", "Een reclamemelding die geldt volgens de regels voor Nederland",
                "Het label „Betaald partnerschap” van het platform staat aan"]
STORED_ENGLISH = ["#gekregen", "A disclosure label that counts under the rules for Netherlands",
                  "The platform's “Paid partnership” label is switched on"]


def test_the_check_stores_codes_not_the_words_of_the_moment():
    i18n.set_language("nl")
    check = disclosure.check_caption("Mooie ketting!", country="NL", required_hashtags=["#gekregen"])
    # the platform's label was not ticked: not checked, not missing
    assert check.missing() == ["#gekregen", "item:label:NL"] and check.unchecked() == ["item:platform_label"]
    i18n.set_language("en")
    assert missing_words(check.missing() + check.unchecked()) == ENGLISH
    i18n.set_language("nl")
    assert missing_words(check.missing() + check.unchecked()) == DUTCH


@pytest.mark.parametrize("stored", [STORED_DUTCH, STORED_ENGLISH])
def test_words_stored_by_an_earlier_version_are_worded_again(stored):
    i18n.set_language("en")
    assert missing_words(stored) == ENGLISH
    i18n.set_language("nl")
    assert missing_words(stored) == DUTCH


def test_the_belgian_label_keeps_its_country_and_unknown_words_stay_as_stored():
    i18n.set_language("en")
    assert missing_words(["Een reclamemelding die geldt volgens de regels voor België", "iets eigens", "@zilverenzo"]) \
        == ["An advertising label that counts under the Belgian rules", "iets eigens", "@zilverenzo"]
    i18n.set_language("nl")
    assert missing_words(["item:label:BE", "item:label:DE", "item:label"]) == [
        "Een reclamemelding die geldt volgens de Belgische regels",
        "Een reclamemelding die geldt volgens de lokale regels", "Een reclamemelding die geldt volgens de lokale regels"]


@pytest.mark.parametrize(("language", "country", "advice"), [
    ("en", "NL", "“#partner” does not count as disclosure under the Dutch rules."),
    ("en", "BE", "“#gesponsord” does not count as disclosure under the Belgian rules."),
    ("nl", "NL", "„#partner” telt volgens de Nederlandse regels niet als reclamemelding."),
    ("nl", "BE", "„#gesponsord” telt volgens de Belgische regels niet als reclamemelding."),
])
def test_a_label_that_does_not_count_names_the_rules_with_their_article(language, country, advice):
    """Not "in Netherlands": the rules are named by their country's adjective."""
    i18n.set_language(language)
    tag = "#partner" if country == "NL" else "#gesponsord"
    check = disclosure.check_caption(f"Mooie ketting! {tag}", country=country)
    assert advice in check.advice


def test_the_timeline_words_a_posted_event_in_the_language_of_the_moment():
    params = {"deliverable": "post", "platform": "instagram", "missing": ["#gekregen", "item:label:NL"]}
    i18n.set_language("en")
    assert event_texts.render("content_posted", params) == (
        "Post posted on Instagram · missing: #gekregen; an advertising label that counts under the Dutch rules")
    i18n.set_language("nl")
    assert event_texts.render("content_posted", params).endswith(
        "ontbreekt: #gekregen; een reclamemelding die geldt volgens de Nederlandse regels")
    # found by a search in either language, as every event is
    words = event_texts.search_words("content_posted", params)
    assert "reclamemelding" in words and "advertising label" in words
