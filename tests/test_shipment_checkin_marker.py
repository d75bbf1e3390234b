"""Zendingen's "received?" marker and Vandaag's parcel check-in come the same morning.

The check-in comes at the owner's morning (09:00, the quiet hours' end) ``checkin_days``
calendar days after the day the parcel went out, in her zone (``followup.RULES["shipment"]``).
The marker counted 24-hour periods from the minute of sending instead: a parcel sent at 23:50
turned amber at 23:50 four days later, the evening after the task came; one sent at 16:37 at
16:37. Now both ask ``followup.checkin_due``. Fixed moments around midnight and the changes of
the clocks in Europe/Amsterdam (last Sunday of March and of October 2026); the owner's zone is
the setting, whatever the machine's zone ($TZ)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from desktop.domain import followup
from desktop.domain import shipments as rules
from desktop.domain.followup import LadderSettings
from desktop.domain.validation import validate_person
from desktop.store import catalogue, due, influencers, settings, shipping

from .helpers import make_window

AMS = ZoneInfo("Europe/Amsterdam")
MINUTE = timedelta(minutes=1)


def local(y: int, m: int, d: int, hour: int, minute: int = 0) -> datetime:
    """A wall time in Amsterdam as the store keeps it (naive UTC)."""
    return datetime(y, m, d, hour, minute, tzinfo=AMS).astimezone(timezone.utc).replace(tzinfo=None)


# (sent, the morning it is asked about): four days of her calendar after the day it went out
CASES = [
    # the clocks go back in the night of Sunday 25 October: 09:00 is an hour later in UTC
    (local(2026, 10, 22, 23, 50), local(2026, 10, 26, 9)),  # Thursday just before midnight: Monday
    (local(2026, 10, 23, 0, 10), local(2026, 10, 27, 9)),  # just after: Tuesday
    # the clocks go forward in the night of Sunday 29 March
    (local(2026, 3, 26, 23, 50), local(2026, 3, 30, 9)),
    (local(2026, 3, 27, 0, 10), local(2026, 3, 31, 9)),
    # an ordinary week in November, sent in the afternoon: not at 16:37 four days later
    (local(2026, 11, 16, 16, 37), local(2026, 11, 20, 9)),
]


@pytest.mark.parametrize("sent, morning", CASES)
def test_a_parcel_is_asked_about_on_the_morning_of_its_day_in_the_owners_calendar(sent, morning):
    ladder = LadderSettings(tz=AMS)  # checkin_days 4, quiet hours 21:00-09:00
    assert followup.checkin_due(sent, ladder) == morning
    assert not rules.awaiting_receipt("sent", morning, morning - MINUTE)
    assert rules.awaiting_receipt("sent", morning, morning)
    assert rules.awaiting_receipt("delivered", morning, morning)
    assert not rules.awaiting_receipt("received", morning, morning + timedelta(days=3))
    assert not rules.awaiting_receipt("sent", None, morning)


def test_a_check_in_that_falls_on_a_sunday_comes_on_monday_morning():
    """Sent on Wednesday 21 October: its fourth day is Sunday 25 October, a day nobody is
    written to; the check-in and the marker both wait for Monday 09:00."""
    assert followup.checkin_due(local(2026, 10, 21, 14), LadderSettings(tz=AMS)) == local(2026, 10, 26, 9)


@pytest.fixture
def shop(database):
    settings.set("time_zone", "Europe/Amsterdam")
    return database


def _send(sent: datetime):
    errors, cleaned = validate_person(dict(name="Sanne de Vries", email="sanne@example.nl", street="Kerkstraat 1",
                                           postcode="1012 AB", city="Amsterdam", country="NL", language="nl",
                                           address_form="je"), [], influencers.handle_owner)
    assert not errors, errors
    sanne = influencers.save_person(cleaned, sent - timedelta(days=1))
    product = catalogue.add_product(name="Armband Anker", sku="", variant="", price_cents=6999,
                                    now=sent - timedelta(days=1))
    return shipping.create_shipment(shipping.NewShipment(person_id=sanne.id, items=[(product.id, 1)], sent=True),
                                    sent).shipment_id


def _awaiting(now: datetime) -> list:
    """Zendingen's "received?" parcels at ``now``, with her busy days as the view reads them."""
    ladder = due.ladder_settings()
    return shipping.awaiting_receipt(now, ladder, due.busy_days(now, ladder))


def _checkin_due(now: datetime, parcel_id: int) -> bool:
    """Does Vandaag list the parcel's check-in as to do at ``now``?"""
    return any(part.kind == "shipment" and part.subject_id == parcel_id
               for item in followup.to_do(due.plan(now), now) for part in item.parts)


@pytest.mark.parametrize("sent, morning", CASES[:4])
def test_zendingen_marks_a_parcel_the_morning_vandaag_asks_about_it(qtbot, shop, frozen_clock, translator,
                                                                     sent, morning):
    parcel_id = _send(sent)
    frozen_clock.set(morning - MINUTE)
    window = make_window(qtbot, "nl", view="shipments")
    view = window.view("shipments")

    def row():
        view.refresh()
        return next(r for r in view.model.rows if r.id == parcel_id)

    before = row()
    assert (before.cells[5], before.colour) == ("Verzonden", "")
    assert not _checkin_due(morning - MINUTE, parcel_id)
    assert [s.id for s in _awaiting(morning - MINUTE)] == []
    frozen_clock.set(morning)
    after = row()
    assert (after.cells[5], after.colour) == ("Verzonden, ontvangen?", "amber")
    assert _checkin_due(morning, parcel_id)
    assert [s.id for s in _awaiting(morning)] == [parcel_id]
    # the filter "Ontvangst nog niet bevestigd" finds it from that morning on
    view.status_filter.setCurrentIndex(view.status_filter.findData("awaiting"))
    view.refresh()
    assert [r.id for r in view.model.rows] == [parcel_id]


def test_zendingen_on_screen_marks_the_parcel_when_the_check_in_comes(qtbot, shop, frozen_clock, translator):
    """Zendingen open from 08:59 on: the scheduler's check at 09:00 (the check-in came) loads
    its list again, so the marker appears with Vandaag's task, not at her next click."""
    sent, morning = CASES[0]
    parcel_id = _send(sent)
    frozen_clock.set(morning - MINUTE)
    window = make_window(qtbot, "nl", view="shipments")
    view = window.view("shipments")
    shown = lambda: next((r.cells[5], r.colour) for r in view.model.rows if r.id == parcel_id)  # noqa: E731
    window.follow_due(followup.to_do(due.plan(frozen_clock.now), frozen_clock.now))
    assert shown() == ("Verzonden", "")
    frozen_clock.set(morning)
    window.follow_due(followup.to_do(due.plan(morning), morning))
    assert shown() == ("Verzonden, ontvangen?", "amber")


# --- a day she was already written to: the check-in waits for the next free morning ----------

SENT_THU = local(2026, 12, 17, 10)  # Thursday 17 December: its check-in day is Monday 21 December
MONDAY_9, TUESDAY_9 = local(2026, 12, 21, 9), local(2026, 12, 22, 9)


def _written_to(parcel_id: int, at: datetime) -> None:
    """An outgoing message to the parcel's recipient at ``at`` (about something else)."""
    from desktop.store.models import Event, Shipment

    person_id = Shipment.get_by_id(parcel_id).person_id
    Event.create(at=at, kind="message", channel="email", direction="out", text="Hoi Sanne", fact="",
                 person=person_id, subject_type="person", subject_id=person_id, step="")


def test_a_check_in_waits_past_a_day_she_was_written_to():
    ladder = LadderSettings(tz=AMS)
    assert followup.checkin_due(SENT_THU, ladder) == MONDAY_9
    monday, tuesday = MONDAY_9.date(), TUESDAY_9.date()
    assert followup.checkin_due(SENT_THU, ladder, {monday}) == TUESDAY_9
    assert followup.checkin_due(SENT_THU, ladder, {monday, tuesday}) == local(2026, 12, 23, 9)
    assert followup.checkin_due(SENT_THU, ladder, {local(2026, 12, 18, 9).date()}) == MONDAY_9  # not its day


@pytest.mark.parametrize("skip_weekends", [False, True])
def test_the_marker_and_the_check_in_come_on_the_same_morning_after_a_busy_one(shop, skip_weekends):
    """Parcel sent Thursday 17 December, a message to her on Monday 21 at 08:00: Vandaag's
    check-in comes on Tuesday 22 at 09:00 (once a day), and so does Zendingen's marker (it
    came on Monday at 09:00, a day before)."""
    settings.set("skip_weekends", skip_weekends)
    parcel_id = _send(SENT_THU)
    _written_to(parcel_id, local(2026, 12, 21, 8))
    ladder = due.ladder_settings()
    for now in (MONDAY_9, local(2026, 12, 21, 18), TUESDAY_9 - MINUTE):
        assert not _checkin_due(now, parcel_id), now
        assert [s.id for s in _awaiting(now)] == [], now
    assert _checkin_due(TUESDAY_9, parcel_id)
    assert [s.id for s in _awaiting(TUESDAY_9)] == [parcel_id]
    assert shipping.checkins_moved(ladder, due.busy_days(MONDAY_9, ladder)) == {parcel_id: TUESDAY_9}


def test_a_message_the_day_after_the_check_in_leaves_the_marker_where_it_was(shop):
    parcel_id = _send(SENT_THU)
    _written_to(parcel_id, TUESDAY_9 + timedelta(hours=1))
    ladder = due.ladder_settings()
    assert shipping.checkins_moved(ladder, due.busy_days(TUESDAY_9 + timedelta(hours=2), ladder)) == {}
    assert [s.id for s in _awaiting(MONDAY_9)] == [parcel_id]


def _shown(view, parcel_id):
    return next((r.cells[5], r.colour) for r in view.model.rows if r.id == parcel_id)


def test_zendingen_on_screen_marks_the_parcel_the_morning_after_a_busy_one(qtbot, shop, frozen_clock, translator):
    """Zendingen open on the Monday she was written to: no marker at 09:00 (no check-in on
    Vandaag either), the marker with Vandaag's check-in on Tuesday at 09:00."""
    parcel_id = _send(SENT_THU)
    _written_to(parcel_id, local(2026, 12, 21, 8))
    frozen_clock.set(MONDAY_9 - MINUTE)
    window = make_window(qtbot, "nl", view="shipments")
    view = window.view("shipments")
    for now in (MONDAY_9 - MINUTE, MONDAY_9, local(2026, 12, 21, 21), TUESDAY_9 - MINUTE):
        frozen_clock.set(now)
        window.follow_due(followup.to_do(due.plan(now), now))
        assert _shown(view, parcel_id) == ("Verzonden", ""), now
    frozen_clock.set(TUESDAY_9)
    window.follow_due(followup.to_do(due.plan(TUESDAY_9), TUESDAY_9))
    assert _checkin_due(TUESDAY_9, parcel_id)
    assert _shown(view, parcel_id) == ("Verzonden, ontvangen?", "amber")


def test_zendingen_on_screen_marks_a_parcel_vandaag_does_not_ask_about(qtbot, shop, frozen_clock, translator):
    """A parcel to somebody blocked has no check-in on Vandaag, so the due set does not
    change at its morning: the scheduler's next look still loads the list (it stayed white
    until her next click)."""
    from desktop.store.models import Person, Shipment

    sent, morning = CASES[0]
    parcel_id = _send(sent)
    Person.update(status="blocked").where(Person.id == Shipment.get_by_id(parcel_id).person_id).execute()
    frozen_clock.set(morning - MINUTE)
    window = make_window(qtbot, "nl", view="shipments")
    view = window.view("shipments")
    window.follow_due(followup.to_do(due.plan(frozen_clock.now), frozen_clock.now))
    assert _shown(view, parcel_id) == ("Verzonden", "")
    later = morning + timedelta(minutes=4)
    frozen_clock.set(later)
    assert not _checkin_due(later, parcel_id)
    window.follow_due(followup.to_do(due.plan(later), later))
    assert _shown(view, parcel_id) == ("Verzonden, ontvangen?", "amber")
