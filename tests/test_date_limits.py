"""Dates Afspraak takes, and dates at the ends of the calendar (badinput #2, #13).

A promised date of 31-12-9999 (the date field's own maximum then) made every start of the
app fail ("date value out of range": the day after it cannot be written), and so did
`afspraak due`, `afspraak calendar`, the tray and the timeline's "tot" filter. The forms
now take the years an order export is read in (1990-2099, ``domain/dates.YEARS``), one
rule for both; what is stored already, from before, never stops anything.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from desktop import cli
from desktop.domain import dates, notes, order_importers, order_reminders, orders, validation
from desktop.presentation import calendar_export, timeline
from desktop.store.db import close_database
from desktop.store.models import Collaboration, CustomOrder, Deliverable, Person
from tests.conftest import NOW, OWNER_ZONE

TODAY = NOW.date()


def order_form(**changes) -> orders.OrderInput:
    values = dict(name="Ingrid Jansen", email="ingrid@example.nl", price_text="20", ordered_on=date(2026, 11, 20),
                  promised_ready=date(2026, 11, 27), money_locale="nl_NL")
    values.update(changes)
    return orders.OrderInput(**values)


# --- one rule for the forms and the imports -----------------------------------------

def test_the_forms_and_the_order_import_take_the_same_years():
    assert order_importers.ORDER_YEARS is dates.YEARS
    assert dates.plausible(date(1990, 1, 1)) and dates.plausible(date(2099, 12, 31))
    assert not dates.plausible(date(1989, 12, 31)) and not dates.plausible(date(2100, 1, 1))


@pytest.mark.parametrize("field, changes", [
    ("ordered_on", {"ordered_on": date(1900, 1, 1), "promised_ready": date(2026, 11, 27)}),
    ("promised_ready", {"promised_ready": date(2200, 1, 1)}),
    ("promised_ready", {"promised_ready": date(9999, 12, 31)}),
    ("promised_delivery", {"promised_delivery": date(9999, 12, 31)}),
])
def test_an_order_dated_outside_the_years_is_refused_at_its_field(field, changes):
    clean, errors = orders.validate(order_form(**changes), today=TODAY)
    assert clean is None
    year = str(changes[field].year)
    assert errors[field] == f"Klopt het jaar {year}? Afspraak accepteert datums van 1990 tot en met 2099."


def test_an_order_date_after_today_is_refused():
    _clean, errors = orders.validate(order_form(ordered_on=TODAY + timedelta(days=365),
                                                promised_ready=TODAY + timedelta(days=370)), today=TODAY)
    assert errors["ordered_on"] == "De besteldatum ligt na vandaag: vul de dag in waarop de klant bestelde."
    clean, errors = orders.validate(order_form(ordered_on=TODAY, promised_ready=TODAY), today=TODAY)
    assert errors == {} and clean is not None


def test_a_delay_to_the_year_9999_is_refused():
    assert orders.validate_new_promise(date(2026, 12, 1), date(9999, 12, 31), TODAY) == (
        "Klopt het jaar 9999? Afspraak accepteert datums van 1990 tot en met 2099.")


def test_collaborations_content_and_notes_outside_the_years_are_refused():
    deliverable = validation.DeliverableInput(kind="post", count=1, deadline=date(2200, 1, 1))
    errors, _clean = validation.validate_collaboration(
        {"agreed_on": date(1900, 1, 1)}, [deliverable], person_status="active", is_new=True, agreed=False,
        changed=True, money_locale="nl_NL")
    assert errors["agreed_on"].startswith("Klopt het jaar 1900?")
    assert errors["deliverable_0"].startswith("Klopt het jaar 2200?")
    errors, _clean = validation.validate_content(
        {"url": "https://www.instagram.com/p/Cx1/", "posted_on": date(1900, 5, 1)}, NOW.date(), money_locale="nl_NL")
    assert errors["posted_on"].startswith("Klopt het jaar 1900?")
    entry = notes.Entry(person_id=1, entry_kind="note", channel="", direction="", text="Gebeld",
                        at=datetime(1900, 5, 1, 12, 0))
    assert notes.validate(entry, NOW, person_known=True)["at"].startswith("Klopt het jaar 1900?")


def test_in_english_too(translator):
    from desktop import i18n

    i18n.set_language("en")
    assert dates.implausible(date(2200, 1, 1)) == "Is the year 2200 right? Afspraak accepts dates from 1990 to 2099."
    _clean, errors = orders.validate(order_form(ordered_on=TODAY + timedelta(days=2), promised_ready=TODAY
                                                + timedelta(days=9)), today=TODAY)
    assert errors["ordered_on"] == "The order date is after today: fill in the day the customer ordered."


# --- what is stored already never stops the app ---------------------------------------

@pytest.fixture
def far_dates(database):
    """What the forms let through before: a promise on the last day of the calendar, and
    dates near its first."""
    person = Person.create(name="Ingrid Jansen", is_customer=True, is_influencer=True, email="ingrid@example.nl")
    CustomOrder.create(person=person, order_number="#9999", ordered_on=date(2026, 11, 20),
                       promised_ready=date(9999, 12, 31), promised_delivery=date(9999, 12, 31), status="new")
    CustomOrder.create(person=person, order_number="#1", ordered_on=date(1, 1, 1), promised_ready=date(1, 1, 1),
                       promised_delivery=date(1, 1, 1), status="in_production", created_at=datetime(1, 1, 1))
    collaboration = Collaboration.create(person=person, title="Ketting", status="agreed")
    Deliverable.create(collaboration=collaboration, kind="post", count=1, deadline=datetime(9999, 12, 31, 23, 59))
    Deliverable.create(collaboration=collaboration, kind="reel", count=1, deadline=datetime(1, 1, 1, 0, 0))
    return person


def test_the_reminders_are_planned_around_dates_at_the_ends_of_the_calendar(far_dates):
    from desktop import reminders

    reminders.plan(NOW)  # raised OverflowError: date value out of range
    assert order_reminders.day_over(date(9999, 12, 31), OWNER_ZONE) == datetime.max


def test_the_window_builds_and_shows_today(qtbot, far_dates, translator):
    from desktop.views.main_window import MainWindow

    window = MainWindow()  # could not be built: every start showed the crash dialog
    qtbot.addWidget(window)
    window.show_view("today")
    window.show_view("orders")
    window.show_view("timeline")


def test_due_and_calendar_commands_work(far_dates, tmp_path, capsys):
    close_database()
    assert cli.main(["--lang", "nl", "due"]) == 0
    close_database()
    assert cli.main(["--lang", "nl", "due", "--json"]) == 0
    close_database()
    out = tmp_path / "agenda.ics"
    assert cli.main(["--lang", "nl", "calendar", "--out", str(out)]) == 0
    close_database()
    text = out.read_text(encoding="utf-8")
    assert "DTSTART;VALUE=DATE:99991231" in text
    assert "Traceback" not in capsys.readouterr().err


def test_the_calendar_export_has_an_end_for_every_event(far_dates):
    calendar = calendar_export.build_calendar(NOW)
    for event in calendar.walk("VEVENT"):
        assert event.get("dtstart") is not None


def test_the_timeline_filter_takes_the_last_day_of_the_calendar():
    start, end = timeline.local_day_bounds(date.min, date.max, OWNER_ZONE)
    assert start is None and end is None  # no bound the stored moments could pass
    start, end = timeline.local_day_bounds(date(2026, 11, 1), date(2026, 11, 30), OWNER_ZONE)
    assert start == datetime(2026, 10, 31, 23, 0) and end == datetime(2026, 11, 30, 23, 0)


def test_adding_days_at_the_ends_of_the_calendar_holds_there():
    assert dates.add_days(date.max, 1) == date.max
    assert dates.add_days(date.min, -1) == date.min
    assert dates.add_days(date(2026, 11, 30), 1) == date(2026, 12, 1)


def test_a_stored_date_outside_the_years_is_shown_as_it_is_with_the_reason(qtbot, far_dates, translator):
    from desktop.views.order_dialog import OrderDialog

    order = CustomOrder.get(CustomOrder.order_number == "#9999")
    dialog = OrderDialog(None, NOW, order_id=order.id)
    qtbot.addWidget(dialog)
    assert dialog.promised_ready.text() == "31-12-9999"  # not 31-12-2099, the nearest the field takes
    said = "Klopt het jaar 9999? Afspraak accepteert datums van 1990 tot en met 2099."
    assert dialog.promised_ready.problem() == said
    dialog.save()
    assert dialog.errors["promised_ready"].text() == said
    assert CustomOrder.get_by_id(order.id).promised_ready == date(9999, 12, 31)
