"""A step that came due before a day off (a Sunday, a public holiday, a Saturday the owner
skips) or before the quiet hours is still the owner's to do while it waits through them:
it keeps the moment it came due (``DuePart.due``), ``followup.waiting`` says so, and only
``DueItem.due`` (when the ladder may write again: the scheduler, the popups) moves on.
Review walk, F5: Saturday's reminder read "from Monday 09:00" on Sunday, "since Saturday"
on Monday, and the count went away on Sunday."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.domain import followup as f
from desktop.domain.followup import LadderSettings, PersonInfo, Promise

from tests import ladder_states

AMS = ZoneInfo("Europe/Amsterdam")
NL = LadderSettings(tz=AMS)
PEOPLE = {1: PersonInfo(1, "Sanne", ("instagram", "email"))}


def utc(y, m, d, h, mi=0):
    """A local Amsterdam wall time as naive UTC."""
    return datetime(y, m, d, h, mi, tzinfo=AMS).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def on(y, m, d):
    return utc(y, m, d, 23, 59)


def deliverable(deadline, subject_id=10, collaboration=1):
    return Promise("deliverable", 1, "deliverable", subject_id, deadline, details={"collaboration_id": collaboration})


def plan(promises, now, settings=NL, states=()):
    return f.plan(promises, PEOPLE, [], states, settings, now)


def test_saturdays_reminder_is_still_to_do_on_sunday_since_saturday():
    p = deliverable(on(2026, 11, 6))  # Friday: step 1 on Saturday morning
    saturday = utc(2026, 11, 7, 9)
    [item] = plan([p], utc(2026, 11, 7, 9, 5))
    assert item.due == saturday and f.waiting(item, utc(2026, 11, 7, 9, 5))
    sunday = utc(2026, 11, 8, 12)
    [item] = plan([p], sunday)
    assert item.due == utc(2026, 11, 9, 9)  # the ladder writes again on Monday: the popups wait for it
    assert item.own_due == item.parts[0].due == saturday  # ...the step came up on Saturday
    assert f.waiting(item, sunday) and f.to_do([item], sunday) == [item]
    assert f.due_now([item], sunday) == []  # nothing pops up on a Sunday
    [item] = plan([p], utc(2026, 11, 9, 9, 5))  # Monday: since Saturday, as on Sunday
    assert item.due == item.own_due == saturday


@pytest.mark.parametrize(("settings", "came", "day_off", "back"), [
    # Christmas Day and Boxing Day (Dutch holidays), then a Sunday: since Christmas Eve
    (NL, utc(2026, 12, 24, 9), utc(2026, 12, 26, 12), utc(2026, 12, 28, 9)),
    # a Saturday the owner keeps free: since Friday
    (LadderSettings(tz=AMS, skip_weekends=True), utc(2026, 11, 27, 9), utc(2026, 11, 28, 12), utc(2026, 11, 30, 9)),
    # Belgium's national day (21 July) is a Belgian shop's day off, not a Dutch one's
    (LadderSettings(tz=AMS, country="BE"), utc(2026, 7, 20, 9), utc(2026, 7, 21, 12), utc(2026, 7, 22, 9)),
], ids=["christmas", "saturday-skipped", "belgian-national-day"])
def test_every_day_off_of_the_shop_keeps_what_came_due_before_it(settings, came, day_off, back):
    before = came.replace(tzinfo=ZoneInfo("UTC")).astimezone(AMS).date() - timedelta(days=1)
    p = deliverable(on(before.year, before.month, before.day))  # the day before: step 1 that morning
    [item] = plan([p], day_off, settings)
    assert (item.due, item.own_due) == (back, came)
    assert f.waiting(item, day_off) and not f.due_now([item], day_off)
    assert f.day_off(day_off.date(), settings)


def test_the_same_days_are_working_days_where_the_shop_works():
    p = deliverable(on(2026, 7, 19))  # Sunday: step 1 on Monday 20 July
    tuesday = utc(2026, 7, 21, 12)  # a working day in the Netherlands
    [item] = plan([p], tuesday)
    assert item.due == item.own_due == utc(2026, 7, 20, 9) and f.due_now([item], tuesday) == [item]
    assert not f.day_off(tuesday.date(), NL)


def test_a_step_that_first_comes_up_on_the_day_off_is_not_to_do_before_monday():
    """Snoozed on Saturday "until tomorrow morning" (Sunday 09:00), or a deadline on
    Saturday (step 1 on Sunday): neither was ever to do; both come on Monday."""
    saturday_deadline = deliverable(on(2026, 11, 7), subject_id=11, collaboration=2)
    snoozed = deliverable(on(2026, 11, 6))
    [first] = plan([snoozed], utc(2026, 11, 7, 9, 5))
    states = f.with_state([], first, "snoozed", utc(2026, 11, 7, 9, 5), snoozed_until=utc(2026, 11, 8, 9))
    sunday = utc(2026, 11, 8, 12)
    for item in plan([snoozed, saturday_deadline], sunday, states=states):
        assert item.due == item.own_due == utc(2026, 11, 9, 9), item
        assert not f.waiting(item, sunday)


def test_a_reminder_due_this_morning_is_still_to_do_in_the_quiet_hours():
    p = deliverable(on(2026, 11, 22))  # step 1 on Monday 23 November, 09:00
    night = utc(2026, 11, 23, 23, 30)
    [item] = plan([p], night)
    assert item.due == utc(2026, 11, 24, 9) and item.own_due == utc(2026, 11, 23, 9)
    assert f.waiting(item, night) and f.due_now([item], night) == []
    awake = LadderSettings(tz=AMS, quiet_start=time(0), quiet_end=time(0))  # no quiet hours: simply due
    [item] = plan([p], night, awake)
    assert item.due <= night


def test_what_waits_for_the_next_free_day_anyway_is_not_to_do_on_the_day_off():
    """A parcel check-in does not ride along with a final notice: on Saturday the notice
    goes, the check-in (due that morning too) moves to the next day she may be written to.
    On Sunday that check-in is not "to do" (on Saturday it was not either): only the notice
    is. (It does ride along with the reminders before it, tests/test_checkin_timing.py; two
    late deliverables share one message, whatever their steps: the later one joins the
    ladder that runs, tests/test_ladder_conversation.py.)"""
    a = deliverable(on(2026, 11, 3), subject_id=10, collaboration=1)
    parcel = Promise("shipment", 1, "shipment", 11, utc(2026, 11, 3, 9), details={"collaboration_id": 2})
    saturday = utc(2026, 11, 7, 9)
    states = ladder_states.climbed(a, 4, saturday)  # steps 1-3 of a sent Wednesday to Friday
    items = plan([a, parcel], utc(2026, 11, 7, 10), states=states)
    assert [(i.subject_id, i.step, i.due <= utc(2026, 11, 7, 10)) for i in items
            if i.action == "message"] == [(10, "4", True), (11, "received", False)]
    sunday = utc(2026, 11, 8, 12)
    items = [i for i in plan([a, parcel], sunday, states=states) if i.action == "message"]
    waiting = {i.subject_id: f.waiting(i, sunday) for i in items}
    assert waiting == {10: True, 11: False}
    assert next(i for i in items if i.subject_id == 10).own_due == saturday
