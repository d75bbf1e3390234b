"""A value a message can do without leaves the rest of the message whole (audit of
2026-12-05: an order without a number lost the sentence that said it was late)."""

from datetime import datetime

import pytest

from desktop.presentation import messages as m
from desktop.presentation.messages import Recipient

NOW = datetime(2026, 11, 23, 9, 30)
READERS = [Recipient("Sanne", "nl", "NL", "je"), Recipient("Sanne", "nl", "NL", "u"),
           Recipient("Sanne", "nl", "BE", "je"), Recipient("Sanne", "nl", "BE", "u"),
           Recipient("Sanne", "en", "NL", "je")]
# Worded per promise or greeting, not a value to find back as it is.
WORDED = {"aanhef", "groet", "voornaam", "afspraken", "inhoud"}
# A parcel's check-in is planned from the day it was sent: it never comes without that day.
ALWAYS_WITH = {(template, "verzonden_op") for template in (
    "shipment.received", "shipment.received.alt", "shipment.received.again", "shipment.received.again.returned")}


def _first_line(value: str) -> str:
    return value.split("\n")[0]


@pytest.mark.parametrize("template_id", list(m.TEMPLATES))
@pytest.mark.parametrize("reader", READERS, ids=lambda r: f"{r.lang}-{r.country}-{r.form}")
def test_leaving_out_an_optional_value_keeps_every_value_the_message_needs(template_id, reader):
    every = m.sample_values(reader.lang)
    _subject, body = m.default_text(template_id, reader.lang, reader.form, reader.country)
    used = m.placeholders_in(body)
    whole = m.render(template_id, every, reader, NOW).body
    for optional in sorted(used & m.OPTIONAL):
        if (template_id, optional) in ALWAYS_WITH:
            continue
        without = m.render(template_id, {k: v for k, v in every.items() if k != optional}, reader, NOW).body
        for needed in sorted(used - m.OPTIONAL - WORDED):
            shown = _first_line(m.format_value(every.get(needed), reader, NOW))
            if shown and shown in whole:
                assert shown in without, (optional, needed, without)


@pytest.mark.parametrize("template_id", ["order.delay", "order.delay.alt", "order.late", "order.late.alt"])
@pytest.mark.parametrize("reader", READERS, ids=lambda r: f"{r.lang}-{r.country}-{r.form}")
def test_a_late_order_without_a_number_still_says_it_is_late_and_when_it_comes(template_id, reader):
    """An order number is optional (a custom order typed in by hand may have none): only
    its aside goes, the news stays."""
    values = {k: v for k, v in m.sample_values(reader.lang).items() if k != "bestelnummer"}
    body = m.render(template_id, values, reader, NOW).body
    new_date = m.format_value(values["nieuwe_datum"], reader, NOW)
    promised = m.format_value(values["beloofde_datum"], reader, NOW)
    assert values["product"] in body and new_date in body and promised in body, body
    assert "()" not in body and "#" not in body


def test_a_count_beside_the_order_number_is_one_aside():
    reader = Recipient("Sanne", "nl", "NL", "je")
    values = {**m.sample_values("nl"), "product": "Sleutelhanger met naam (3 stuks)"}
    body = m.render("order.update", values, reader, NOW).body
    assert "je Sleutelhanger met naam (3 stuks, bestelling #1041):" in body
    english = m.render("order.ready", {**m.sample_values("en"), "product": "Name keyring (3 pieces)"},
                       Recipient("Emma", "en"), NOW).body
    assert "we've finished your Name keyring (3 pieces, order #1041)!" in english


@pytest.mark.parametrize("form", ["je", "u"])
def test_a_name_with_a_title_gets_u_throughout(form):
    """"Mevr. de Boer" was greeted "Beste mevrouw De Boer," above a je body and "Groetjes"."""
    values = {k: v for k, v in m.sample_values("nl").items() if k != "voornaam"}
    msg = m.render("order.confirmation", values, Recipient("Mevr. de Boer", "nl", "NL", form), NOW)
    assert msg.body.startswith("Beste mevrouw De Boer,") and msg.form == "u"
    assert " uw " in msg.body and " je " not in msg.body and "Groetjes" not in msg.body


def test_the_english_final_notice_as_a_first_message_does_not_say_once_more():
    """Step 4's other wording is the one for a final notice with no reminder sent before it."""
    emma = Recipient("Emma", "en")
    owed = [m.describe("deliverable", {"what": "reel", "product": "Moon necklace"}, emma)]
    body = m.render("ladder.4.alt", {**m.sample_values("en"), "afspraken": owed}, emma, NOW).body
    assert "once more" not in body and "I'm writing to you about" in body


@pytest.mark.parametrize("template_id", ["answered.1", "ladder.2.alt"])
@pytest.mark.parametrize("reader", READERS, ids=lambda r: f"{r.lang}-{r.country}-{r.form}")
def test_a_reminder_sent_at_the_weekend_asks_for_the_next_few_days_not_this_week(template_id, reader):
    owed = [m.describe("deliverable", {"what": "reel", "product": "Zilveren ketting Maan"}, reader)]
    body = m.render(template_id, {**m.sample_values(reader.lang), "afspraken": owed}, reader, NOW).body.lower()
    assert "this week" not in body and "deze week" not in body
    assert "next few days" in body or "komende dagen" in body
