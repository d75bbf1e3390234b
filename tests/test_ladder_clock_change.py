"""Custom step hours across a change of the clocks (reviewer's check): with
ladder_step_hours [62, 86, 110, 134], shown in the settings as "3 days after the deadline,
at 14:00", a step counted from the end of the deadline day came at 15:00 across the last
Sunday of March and at 13:00 across the last Sunday of October (Europe/Amsterdam): the
hours were added to the UTC moment. A step lands on the local day and hour the setting
shows (``followup._later``).

Domain tests with ``now`` passed in and fixed datetimes; nothing reads the machine's zone."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.domain import followup as f
from desktop.domain import order_reminders as r
from desktop.domain.followup import LadderSettings, PersonInfo, Promise, StepState

AMS = ZoneInfo("Europe/Amsterdam")
UTC = ZoneInfo("UTC")
S = LadderSettings.from_values({"ladder_step_hours": [62, 86, 110, 134]}, tz=AMS)
PEOPLE = {1: PersonInfo(1, "Sanne", ("instagram",))}


def utc(y, m, d, h, mi=0):
    """A wall time in Amsterdam as naive UTC."""
    return datetime(y, m, d, h, mi, tzinfo=AMS).astimezone(UTC).replace(tzinfo=None)


def reel(deadline: date) -> Promise:
    return f.make_promise("deliverable", 1, "deliverable", 10, datetime.combine(deadline, time(12, 0)))


@pytest.mark.parametrize("deadline, first", [
    # deadline Friday 23 October 2026; the clocks go back on Sunday 25: step 1 on Monday 26 at
    # 14:00 winter time (13:00 before)
    (date(2026, 10, 23), utc(2026, 10, 26, 14)),
    # deadline Friday 27 March 2026; the clocks go forward on Sunday 29: Monday 30 at 14:00
    # summer time (15:00 before)
    (date(2026, 3, 27), utc(2026, 3, 30, 14)),
    (date(2026, 11, 20), utc(2026, 11, 23, 14)),  # no change of the clocks: as always
])
def test_a_step_lands_on_the_local_hour_the_setting_shows(deadline, first):
    [step] = f.plan([reel(deadline)], PEOPLE, [], [], S, first - timedelta(days=1))
    assert step.step == "1" and step.due == first
    before = first - timedelta(minutes=1)
    assert f.due_now(f.plan([reel(deadline)], PEOPLE, [], [], S, before), before) == []
    assert [i.step for i in f.due_now(f.plan([reel(deadline)], PEOPLE, [], [], S, first), first)] == ["1"]
    # the scheduler's bound: nothing of the promise is due before reference + min_offsets
    assert reel(deadline).reference + f.min_offsets(S)["deliverable"] <= first


@pytest.mark.parametrize("sent, second", [
    (utc(2026, 10, 24, 14), utc(2026, 10, 25, 14)),  # autumn: a day later at the same hour
    (utc(2026, 3, 28, 14), utc(2026, 3, 29, 14)),  # spring
])
def test_the_next_step_keeps_its_spacing_on_the_owners_clock(every_day_a_working_day, sent, second):
    """Step 1 sent on the Saturday at 14:00: step 2 (24 hours on) is on the Sunday at 14:00,
    not at 13:00 or 15:00 (Sundays as working days here: the clock arithmetic alone)."""
    promise = reel(date(2026, 10, 20) if sent.month == 10 else date(2026, 3, 24))
    states = [StepState(f.promise_key(promise, f.RULES["deliverable"].steps[0]), "sent", sent,
                        template="ladder.1", person_id=1)]
    [step] = f.plan([promise], PEOPLE, [], states, S, sent)
    assert step.step == "2" and step.due == second


def test_news_before_a_promised_date_stays_at_local_midnight_across_a_change(every_day_a_working_day):
    """The order's news two days before Tuesday 30 March 2027 still comes at the start of
    Sunday 28 March (the clocks go forward that night), with no quiet hours to hide an hour."""
    no_quiet = LadderSettings(tz=AMS, quiet_start=time(0, 0), quiet_end=time(0, 0))
    facts = r.OrderFacts(order_id=3, person_id=1, status="new", promised_ready=date(2027, 3, 30))
    [news] = [i for i in f.plan(r.order_promises(facts, no_quiet), PEOPLE, [], [], no_quiet, utc(2027, 3, 27, 12))
              if i.step == "delay_warning"]
    assert news.due == utc(2027, 3, 28, 0)


@pytest.mark.parametrize("sent", [
    utc(2026, 10, 24, 15),  # the clocks go back on Sunday 25 October
    utc(2026, 3, 28, 15),  # and forward on Sunday 29 March
    utc(2026, 11, 21, 15),  # no change
])
def test_a_parcels_marker_comes_when_the_ladders_check_in_does_over_a_clock_change(sent):
    """Zendingen's "received?" moment (checkin_due) added the step's offset to the UTC moment
    while the ladder adds it on her clock: with quiet hours from 23:30, a parcel sent on the
    Saturday before October's change turned amber on Tuesday 23:00, the check-in came on
    Wednesday 08:00 (review of the day's code)."""
    late = LadderSettings(tz=AMS, quiet_start=time(23, 30), quiet_end=time(8, 0))
    parcel = f.Promise(rule="shipment", person_id=1, subject_type="shipment", subject_id=1, reference=sent)
    [checkin] = f.plan([parcel], {1: PersonInfo(1, "Anna", ("email",))}, [], [], late, sent + timedelta(hours=1))
    assert f.checkin_due(sent, late) == checkin.due
    assert f._local(checkin.due, AMS).hour == 8  # the morning after her quiet hours
