"""A native read of the day's new wording (review "words2", 2026-12-06): what the recipient or
the owner would stumble over, read aloud in every form of address."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.domain.message_rules import Recipient
from desktop.presentation import messages

NOW = datetime(2026, 12, 7, 9, 30)
READERS = [("nl", "NL", "je"), ("nl", "NL", "u"), ("nl", "BE", "je"), ("nl", "BE", "u"), ("en", "NL", "je")]


@pytest.mark.parametrize("lang, country, form", READERS)
@pytest.mark.parametrize("template_id", ["answered.4", "answered.4.alt"])
def test_a_final_notice_after_her_answer_never_says_she_did_not_reply(template_id, lang, country, form):
    """It thanks her for her message, then threatened "if there's still no reply from you"."""
    values = dict(messages.sample_values(lang), afspraken="your reel" if lang == "en" else "je reel")
    body = messages.render(template_id, values, Recipient("Yara", lang, country, form), now=NOW).body.casefold()
    for said in ("no reply", "nog geen reactie"):
        assert said not in body, body
    assert ("heard from you again" in body) if lang == "en" else ("niets meer van" in body)


@pytest.mark.parametrize("lang, country, form", READERS)
def test_the_cancellation_says_what_was_cancelled_without_pointing_at_nothing(lang, country, form):
    """"A short note about your product: this order has been cancelled" pointed at an order not
    named yet, and read as a chat line; without a number no empty parenthesis is left."""
    reader = Recipient("Ingrid", lang, country, form)
    values = dict(messages.sample_values(lang), bestelnummer=None)
    body = messages.render("order.cancelled", values, reader, now=NOW).body
    assert "()" not in body and "deze bestelling" not in body and "this order" not in body
    assert ("has been cancelled" in body) if lang == "en" else ("is geannuleerd" in body)
