"""A custom order promised on a day off (reviewer's check, demo made Monday 21 December 2026:
#1041 promised ready Sunday 27 December). Its "on schedule" news came due on Thursday 24
December; from Christmas Day on, `due` offered the late step instead, "since Monday 28
December" (a moment still to come), its apology joined with the on-schedule news. The news
stays what it is until the promised day is over; the late step comes from the next working
day after it, on its own.

Domain tests with ``now`` passed in, fixed datetimes in Europe/Amsterdam; no dependence on
the machine's zone."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from desktop.domain import followup
from desktop.domain import order_reminders as r
from desktop.domain.followup import LadderSettings, PersonInfo

AMS = ZoneInfo("Europe/Amsterdam")
UTC = ZoneInfo("UTC")
S = LadderSettings(tz=AMS, country="NL")
PEOPLE = {13: PersonInfo(13, "Marieke", ("email",))}


def utc(y, m, d, h, mi=0):
    return datetime(y, m, d, h, mi, tzinfo=AMS).astimezone(UTC).replace(tzinfo=None)


def to_do(now, settings=S):
    facts = r.OrderFacts(order_id=1, person_id=13, status="new", promised_ready=date(2026, 12, 27))
    items = followup.plan(r.order_promises(facts, settings), PEOPLE, (), (), settings, now)
    return items, followup.to_do(items, now)


@pytest.mark.parametrize("now", [
    utc(2026, 12, 24, 10),  # Christmas Eve: its own day
    utc(2026, 12, 24, 22),  # that evening (quiet hours)
    utc(2026, 12, 25, 10),  # Christmas Day
    utc(2026, 12, 26, 10),  # Boxing Day
])
def test_the_on_schedule_news_waits_through_the_days_off_before_the_promised_day(now):
    items, [item] = to_do(now)
    assert [p.step for p in item.parts] == ["delay_warning"]
    assert item.own_due == utc(2026, 12, 24, 9)  # "since Thursday 09:00": a moment gone by
    assert item.own_due <= now
    [late] = [i for i in items if i.step == "late"]
    assert [p.step for p in late.parts] == ["late"]  # on its own, not joined with the news
    assert late.due == late.own_due == utc(2026, 12, 28, 9)


@pytest.mark.parametrize("now", [utc(2026, 12, 27, 10), utc(2026, 12, 27, 23, 30)])
def test_on_the_promised_day_the_news_has_lapsed_and_the_late_step_is_still_to_come(now):
    """On the promised day itself news before it says nothing in time (``followup._lapsed``,
    as on any promised day); the apology is not offered before the day is over either."""
    items, todo = to_do(now)
    assert todo == []
    [late] = items
    assert late.step == "late" and [p.step for p in late.parts] == ["late"]
    assert late.due == late.own_due == utc(2026, 12, 28, 9)


def test_the_late_step_comes_on_the_next_working_day_after_the_promised_day():
    _items, [item] = to_do(utc(2026, 12, 28, 9))
    assert [p.step for p in item.parts] == ["late"]
    assert item.own_due == utc(2026, 12, 28, 9)
    assert to_do(utc(2026, 12, 28, 8, 59))[1] == []  # the news before lapsed with the day


def test_nothing_offered_ever_names_a_moment_to_come_as_since():
    """Every hour from the news' day to the late step: what is to do came due before now."""
    for hour in range(24 * 6):
        now = utc(2026, 12, 23, 0) + (utc(2026, 12, 23, 1) - utc(2026, 12, 23, 0)) * hour
        for item in to_do(now)[1]:
            assert item.own_due <= now, (now, item)


@pytest.mark.parametrize("language, since, from_", [
    ("en", "Due since: ", "Due from: "), ("nl", "Aan de beurt sinds: ", None)])
def test_the_due_command_says_since_only_of_a_moment_gone_by(language, since, from_):
    """`afspraak due` printed "Due since" for every item, also one whose own step comes later
    than now (a part of it came up before and waits with it)."""
    from desktop import cli_due, i18n
    from desktop.domain.followup import DueItem, DuePart

    i18n.set_language(language)
    now = utc(2026, 12, 25, 10)

    def item(own_due):
        part = DuePart("custom_order", "order_late", "custom_order", 1, "late", "k", "order.late", own_due, own_due)
        return DueItem(13, "Marieke", "custom_order", "custom_order", 1, "late", "email", own_due, "k",
                       "order.late", parts=(part,))

    gone = cli_due.turn_line(item(utc(2026, 12, 24, 9)), now, AMS)
    assert gone.startswith(since) and "24" in gone
    coming = cli_due.turn_line(item(utc(2026, 12, 28, 9)), now, AMS)
    assert "28" in coming and not coming.startswith(since)
    assert "since" not in coming.lower() and "sinds" not in coming
    if from_:
        assert coming.startswith(from_)
