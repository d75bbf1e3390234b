"""Changing the time zone in Settings keeps every deadline on its day.

A deadline is stored as 23:59 of its day in the owner's zone, as UTC; a day entered without a
time as 12:00 of it. Before, a computer in UTC with deadlines entered, then Settings → Time zone
"Europe/Amsterdam": Saturday 26 December became Sunday 27 December 00:59, on every deadline at
once, with no word (review of the settings). Real moments (a message at 10:17) stay where they
were."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

import pytest

from desktop import clock
from desktop.domain.dates import same_wall_time
from desktop.store import settings
from desktop.store.influencers import end_of_day_utc, midday_utc
from desktop.store.models import Collaboration, Content, Deliverable, Event, Person

from .conftest import NOW

UTC, AMS, AUCKLAND, NEW_YORK = timezone.utc, ZoneInfo("Europe/Amsterdam"), ZoneInfo("Pacific/Auckland"), \
    ZoneInfo("America/New_York")


@pytest.mark.parametrize("old, new", [(UTC, AMS), (AMS, UTC), (AMS, AUCKLAND), (AUCKLAND, NEW_YORK), (NEW_YORK, AMS)])
@pytest.mark.parametrize("day", [date(2026, 12, 26), date(2027, 3, 28), date(2027, 10, 31), date(2027, 4, 4)])
def test_a_day_keeps_its_date_in_the_new_zone(old, new, day):
    for wall in (time(23, 59), time(12)):
        moment = datetime.combine(day, wall, tzinfo=old).astimezone(UTC).replace(tzinfo=None)
        moved = same_wall_time(moment, old, new, wall)
        after = moved if moved is not None else moment
        local = after.replace(tzinfo=UTC).astimezone(new)
        assert (local.date(), local.time()) == (day, wall), (old, new, day, wall)


def test_a_real_moment_is_not_moved():
    moment = datetime(2026, 12, 26, 10, 17, 33, 120000)
    assert same_wall_time(moment, UTC, AMS, time(12)) is None
    assert same_wall_time(moment, UTC, AMS, time(23, 59)) is None
    assert same_wall_time(datetime(2026, 12, 26, 23, 59), UTC, UTC, time(23, 59)) is None  # nowhere to go


def _pin(zone):
    clock.pin_system_zone(zone)
    settings.refresh_owner_time()


def test_saving_another_zone_keeps_deadlines_and_entered_days_on_their_dates(database):
    _pin(UTC)  # the computer's zone, as she first ran it
    sanne = Person.create(name="Sanne de Vries", is_influencer=True)
    collab = Collaboration.create(person=sanne, title="Ketting", status="agreed",
                                  agreed_at=midday_utc(date(2026, 11, 20), NOW))
    deliverables = [Deliverable.create(collaboration=collab, kind="reel", count=1, deadline=end_of_day_utc(day))
                    for day in (date(2026, 12, 26), date(2027, 3, 28), date(2027, 10, 31))]
    content = Content.create(collaboration=collab, url="https://example.com/p", platform="instagram",
                             posted_at=midday_utc(date(2026, 11, 21), NOW))
    message = Event.create(at=datetime(2026, 11, 22, 10, 17, 33, 5), kind="message", text="Hoi!", person=sanne)
    settings.save_changes({"time_zone": "Pacific/Auckland"}, {}, NOW)
    assert clock.zone_key(clock.owner().tz) == "Pacific/Auckland"
    days = [clock.to_local(Deliverable.get_by_id(d.id).deadline) for d in deliverables]
    assert [(d.date(), d.time()) for d in days] == [(date(2026, 12, 26), time(23, 59)), (date(2027, 3, 28), time(23, 59)),
                                                    (date(2027, 10, 31), time(23, 59))]
    assert clock.to_local(Collaboration.get_by_id(collab.id).agreed_at).date() == date(2026, 11, 20)
    assert clock.to_local(Content.get_by_id(content.id).posted_at).date() == date(2026, 11, 21)
    assert Event.get_by_id(message.id).at == datetime(2026, 11, 22, 10, 17, 33, 5)  # a real moment stays
    # and back to the computer's zone: the same days again
    settings.save_changes({"time_zone": ""}, {}, NOW)
    assert [Deliverable.get_by_id(d.id).deadline for d in deliverables] == [d.deadline for d in deliverables]


def test_a_save_that_fails_moves_no_deadline(database, monkeypatch):
    _pin(UTC)
    sanne = Person.create(name="Sanne de Vries", is_influencer=True)
    collab = Collaboration.create(person=sanne, title="Ketting", status="agreed")
    deadline = end_of_day_utc(date(2026, 12, 26))
    reel = Deliverable.create(collaboration=collab, kind="reel", count=1, deadline=deadline)
    from desktop.store import templates

    def refused(*_args):
        raise templates.TemplateRefused(["no"])
    monkeypatch.setattr(templates, "save", refused)
    with pytest.raises(templates.TemplateRefused):
        settings.save_changes({"time_zone": "Europe/Amsterdam"}, {("ladder.1", "nl", "je"): ("", "x")}, NOW)
    assert Deliverable.get_by_id(reel.id).deadline == deadline
    assert settings.get("time_zone") in ("", None)
