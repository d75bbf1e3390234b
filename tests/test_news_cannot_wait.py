"""An order's news that lapses before the next free moment is not told it can wait (review:
on Christmas Day, news due on Thursday 24 December for an order promised ready on Sunday 27
read "Deze stond al klaar en kan ook tot dan wachten", until Monday 28 09:00, when it no
longer says anything in time: ``followup._lapsed``). The pane says to send it before the
promised day instead. Fixed moments in Europe/Amsterdam, the owner's zone the setting."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from desktop import i18n
from desktop.domain import followup
from desktop.domain import order_reminders as r
from desktop.domain.followup import LadderSettings, PersonInfo
from desktop.presentation import due_texts
from desktop.store import settings

AMS = ZoneInfo("Europe/Amsterdam")
S = LadderSettings(tz=AMS, country="NL")
PEOPLE = {13: PersonInfo(13, "Marieke", ("email",))}


def utc(y, m, d, h, mi=0):
    return datetime(y, m, d, h, mi, tzinfo=AMS).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def news(now, promised=date(2026, 12, 27)):
    facts = r.OrderFacts(order_id=1, person_id=13, status="new", promised_ready=promised)
    items = followup.plan(r.order_promises(facts, S), PEOPLE, (), (), S, now)
    [item] = followup.to_do(items, now)
    assert [p.step for p in item.parts] == ["delay_warning"]
    return item


@pytest.fixture
def amsterdam(database):
    settings.set("time_zone", "Europe/Amsterdam")
    yield
    i18n.set_language("en")


def test_news_lapses_on_its_promised_day():
    item = news(utc(2026, 12, 25, 10))
    assert followup.lapses_before(item, utc(2026, 12, 28, 9), S) == date(2026, 12, 27)
    assert followup.lapses_before(item, utc(2026, 12, 27, 9), S) == date(2026, 12, 27)
    assert followup.lapses_before(item, utc(2026, 12, 26, 23), S) is None


@pytest.mark.parametrize("now", [utc(2026, 12, 25, 10), utc(2026, 12, 26, 15)])
def test_on_christmas_the_news_is_not_told_it_can_wait_until_monday(amsterdam, now):
    item = news(now)
    i18n.set_language("en")
    words = due_texts.waiting_words(item, now).replace("\xa0", " ")
    assert words.startswith("Today is a day off: no new reminders come up until Monday 28 December, 09:00.")
    assert "can wait" not in words
    assert "send it before Sunday 27 December, the ready date you promised, or it comes too late" in words
    i18n.set_language("nl")
    words = due_texts.waiting_words(item, now).replace("\xa0", " ")
    assert "kan ook tot dan wachten" not in words and "wait until then" not in words
    assert "27 december" in words


def test_in_the_quiet_hours_before_christmas_too(amsterdam):
    now = utc(2026, 12, 24, 22)
    i18n.set_language("en")
    words = due_texts.waiting_words(news(now), now).replace("\xa0", " ")
    assert words.startswith("No new reminders come up until Monday 28 December, 09:00. This news cannot wait")
    assert "before Sunday 27 December" in words


def test_news_that_can_wait_still_says_so(amsterdam):
    """Promised ready on Tuesday 29 December: its news, due on Thursday 24, still says something
    in time on Monday 28, so it can wait through Christmas."""
    now = utc(2026, 12, 26, 10)
    item = news(now, promised=date(2026, 12, 29))
    assert followup.lapses_before(item, utc(2026, 12, 28, 9), S) is None
    i18n.set_language("en")
    words = due_texts.waiting_words(item, now).replace("\xa0", " ")
    assert words == ("Today is a day off: no new reminders come up until Monday 28 December, 09:00. This one was "
                     "already waiting; it can wait until then too.")
