"""Dates in messages around New Year: the year is shown, or left out, by the owner's own
calendar year, never by UTC's (review of the days around New Year: at 00:30 on 1 January
2027 in Amsterdam a message said "vrijdag 8 januari 2027" for this year's date and
"vrijdag 25 december" for last year's Christmas)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from desktop.presentation import messages as m
from desktop.presentation.messages import Recipient

NL = Recipient("Sanne", "nl", "NL", "je")
EN = Recipient("Emma", "en", "NL", "je")
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
CURACAO = ZoneInfo("America/Curacao")

# Naive UTC moments, as the store keeps them.
NEW_YEAR_AMSTERDAM = datetime(2026, 12, 31, 23, 30)  # 1 January 2027, 00:30 in Amsterdam
NEW_YEAR_EVE_CURACAO = datetime(2027, 1, 1, 1, 0)  # 31 December 2026, 21:00 on Curaçao


@pytest.mark.parametrize("recipient, this_year, last_year", [
    (NL, "vrijdag 8 januari", "vrijdag 25 december 2026"),
    (EN, "Friday 8 January", "Friday 25 December 2026"),
], ids=["nl", "en"])
def test_just_after_midnight_on_new_years_day_the_new_year_is_this_year(recipient, this_year, last_year):
    assert m.format_value(date(2027, 1, 8), recipient, NEW_YEAR_AMSTERDAM, AMSTERDAM) == this_year
    assert m.format_value(date(2026, 12, 25), recipient, NEW_YEAR_AMSTERDAM, AMSTERDAM) == last_year


def test_on_new_years_eve_west_of_utc_the_old_year_is_still_this_year():
    assert m.format_value(date(2026, 12, 25), NL, NEW_YEAR_EVE_CURACAO, CURACAO) == "vrijdag 25 december"
    assert m.format_value(date(2027, 1, 8), NL, NEW_YEAR_EVE_CURACAO, CURACAO) == "vrijdag 8 januari 2027"


def test_a_rendered_message_names_the_deadline_by_the_owners_year():
    own = ("", "Tot {deadline}!")  # the owner's own wording of a template
    body = m.render("ladder.1", {"deadline": date(2027, 1, 8)}, NL, now=NEW_YEAR_AMSTERDAM, tz=AMSTERDAM,
                    override=own).body
    assert body == "Tot vrijdag 8 januari!"
    body = m.render("ladder.1", {"deadline": date(2026, 12, 25)}, EN, now=NEW_YEAR_AMSTERDAM, tz=AMSTERDAM,
                    override=own).body
    assert body == "Tot Friday 25 December 2026!"


def test_a_stored_moment_is_her_day_and_her_year():
    # 31 December 23:30 UTC is New Year's Day in Amsterdam: this year's, so without a year.
    assert m.format_value(datetime(2026, 12, 31, 23, 30), NL, NEW_YEAR_AMSTERDAM, AMSTERDAM) == "vrijdag 1 januari"


WEEKDAY_DATE = {
    "nl": r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d+ \w+(?: \d{4})?",
    "en": r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d+ \w+(?: \d{4})?",
}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_vandaags_preview_just_after_her_new_year(database, frozen_clock, language):
    """The messages Vandaag shows (``due_texts.preview``) at 00:10 on New Year's Day in
    Amsterdam: last year's days with their year, this year's without (the people of the demo
    shop read ``language``)."""
    import re

    from desktop import demo
    from desktop.presentation import due_texts
    from desktop.store import due, settings
    from desktop.store.models import Person

    evening, after_midnight = datetime(2026, 12, 31, 21, 0), datetime(2026, 12, 31, 23, 10)
    frozen_clock.set(evening)
    demo.fill(evening)
    settings.set("time_zone", "Europe/Amsterdam")
    Person.update(language=language).execute()
    frozen_clock.set(after_midnight)
    found = []
    for item in due.plan(after_midnight):
        message = due_texts.preview(item, after_midnight)
        if message is not None:
            found += re.findall(WEEKDAY_DATE[language], message.body)
    last_year = [d for d in found if "december" in d.lower() or "november" in d.lower()]
    this_year = [d for d in found if "januari" in d.lower() or "january" in d.lower()]
    assert last_year and this_year, found
    assert all(d.endswith(" 2026") for d in last_year), last_year
    assert not any(d.endswith(" 2027") for d in this_year), this_year
