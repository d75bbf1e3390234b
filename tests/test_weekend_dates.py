"""The setting "No reminders at the weekend" (``skip_weekends``) holds for the dates the
parcels' rules name too: the day a shipped order's tracking is looked at (one of the
owner's working days after the day it was to arrive) and her deadlines moved after a late
or a new parcel (days the shop names to her). ``workdays.working_day`` was called without the
setting there, so a moved deadline fell on a Saturday she keeps free. The carrier's own days
(when a parcel can arrive) stay the carrier's: it delivers on Saturdays."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from desktop.domain import order_reminders
from desktop.domain.followup import LadderSettings
from desktop.domain.shipments import moved_deadlines
from desktop.store import settings

from .test_parcel_promises import agreed, local, person, product, send
from .test_parcel_promises import shop  # noqa: F401 (a fixture)

AMS = ZoneInfo("Europe/Amsterdam")
FRI, SAT, MON = date(2026, 12, 18), date(2026, 12, 19), date(2026, 12, 21)


def by(days):
    return lambda day: day + timedelta(days=days)


@pytest.mark.parametrize("skip, expected", [(False, [SAT]), (True, [MON])])
def test_a_moved_deadline_skips_her_free_saturday(skip, expected):
    assert moved_deadlines([FRI - timedelta(days=7)], by(8), "NL", skip_weekends=skip) == expected


def test_moved_deadlines_stay_apart_past_a_free_weekend():
    # Thursday and Friday moved by a day: Friday and Saturday, or Friday and Monday
    assert moved_deadlines([FRI - timedelta(days=1), FRI], by(1), "NL", skip_weekends=True) == [FRI, MON]
    assert moved_deadlines([FRI - timedelta(days=1), FRI], by(1), "NL") == [FRI, SAT]


@pytest.mark.parametrize("skip", [False, True])
def test_deadlines_moved_by_a_late_gift_follow_the_setting(shop, skip):  # noqa: F811
    """Agreed Mon 23 Nov: a TikTok by Tue 1 Dec, a story by Sun 6 Dec. The gift goes out on
    Tue 8 Dec: both move on by 13 days, the story from Sunday onto Saturday 19 December, or
    onto Monday 21 when her weekends are free."""
    from desktop.store.models import Deliverable
    from desktop.store.influencers import end_of_day_utc

    settings.set("skip_weekends", skip)
    mila = person("Mila Smit")
    collaboration = agreed(mila, [("tiktok", 1, date(2026, 12, 1)), ("story", 1, date(2026, 12, 6))])
    send(mila, [product("Oorbellen Druppel", 2250)], now=local(date(2026, 12, 8)), collaboration_id=collaboration.id)
    deadlines = [d.deadline for d in Deliverable.select().where(Deliverable.collaboration == collaboration.id)
                 .order_by(Deliverable.deadline)]
    assert deadlines == [end_of_day_utc(date(2026, 12, 14)), end_of_day_utc(MON if skip else SAT)]


@pytest.mark.parametrize("skip, check", [(False, SAT), (True, MON)])
def test_the_look_at_a_parcels_tracking_counts_her_working_days(skip, check):
    """A parcel to arrive on Friday 18 December: its tracking is looked at on the next working
    day, Saturday, or Monday when she keeps her weekends free (the promise counts from it)."""
    assert order_reminders.arrival_check_day(FRI, "NL", skip) == check
    facts = order_reminders.OrderFacts(order_id=1, person_id=1, status="shipped", promised_ready=None,
                                       promised_delivery=FRI, parcel_id=7,
                                       shipped_at=datetime(2026, 12, 16, 10, tzinfo=timezone.utc).replace(tzinfo=None))
    [promise] = order_reminders.arrival_promises(facts, LadderSettings(tz=AMS, skip_weekends=skip))
    assert promise.reference == order_reminders.warning_start(check, 0, AMS)
    assert promise.details["expected"] == FRI


def test_a_parcel_still_arrives_on_a_saturday_with_the_carrier():
    """When a parcel can arrive is the carrier's: handed over on Friday, it is delivered on
    Saturday whatever the owner's weekends."""
    assert order_reminders.expected_arrival(FRI, None, "NL") == SAT
    assert order_reminders.arrives_in_time(SAT, FRI, "NL")
