"""Working days: a date the shop names to somebody is never a Sunday or a public holiday
of the Netherlands or Belgium (domain/workdays.py), and the final notice's date and the
strike that follows it agree (domain/followup.py)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.domain import followup as f, holiday_dates, orders, workdays
from desktop.domain.followup import LadderSettings, PersonInfo, Promise

from tests import ladder_states

AMS = ZoneInfo("Europe/Amsterdam")
S = LadderSettings(tz=AMS)


def test_the_generated_table_is_the_librarys_answer():
    """holiday_dates.py is `make holidays`' output: when the library learns of a new
    holiday (or a changed one), this fails and says to run it again."""
    assert min(holiday_dates.HOLIDAYS) <= 2024 and max(holiday_dates.HOLIDAYS) >= 2040
    for year in holiday_dates.HOLIDAYS:
        assert workdays.holidays_in(year) == workdays._library_year(year), f"run `make holidays` ({year})"


@pytest.mark.parametrize("day, expected", [
    (date(2026, 12, 25), date(2026, 12, 28)),  # Christmas, Boxing Day (NL), Sunday
    (date(2026, 12, 24), date(2026, 12, 24)),
    (date(2027, 3, 28), date(2027, 3, 30)),  # Easter Sunday and Monday move every year
    (date(2026, 5, 14), date(2026, 5, 15)),  # Ascension Day
    (date(2026, 7, 21), date(2026, 7, 22)),  # Belgium's national day
    (date(2026, 4, 27), date(2026, 4, 28)),  # King's Day
    (date(2026, 11, 29), date(2026, 11, 30)),  # an ordinary Sunday
    (date(2061, 12, 25), date(2061, 12, 27)),  # beyond the table: the library answers
])
def test_a_named_date_moves_to_the_next_working_day(day, expected):
    assert workdays.working_day(day) == expected


def test_a_new_date_for_a_late_order_is_never_christmas():
    assert orders.propose_new_date(date(2026, 12, 18), date(2026, 12, 10)) == date(2026, 12, 28)


def _utc(y, m, d, h, mi=0):
    return datetime(y, m, d, h, mi, tzinfo=AMS).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def test_the_final_notice_names_a_working_day_and_the_strike_waits_for_it():
    """Sent on Friday 18 December 2026: a week later is Christmas Day, then Boxing Day and
    a Sunday. The notice names Monday 28 December, and the strike is not proposed before
    that Monday is over (it was the day after the 25th before)."""
    sent_at = _utc(2026, 12, 18, 10)
    assert f.pause_date(sent_at, S) == date(2026, 12, 28)
    assert f.pause_date(_utc(2026, 11, 23, 10), S) == date(2026, 11, 30)  # an ordinary week
    promise = Promise("deliverable", 1, "deliverable", 10, sent_at - timedelta(days=10))
    states = ladder_states.climbed(promise, 5, sent_at + timedelta(days=1))  # steps 1-4, the last at sent_at
    people = {1: PersonInfo(1, "Sanne", ("instagram",))}

    def due_at(moment):
        return f.due_now(f.plan([promise], people, [], states, S, moment), moment)

    assert due_at(_utc(2026, 12, 28, 23, 30)) == []
    [strike] = due_at(_utc(2026, 12, 29, 9, 30))
    assert strike.action == "strike"
