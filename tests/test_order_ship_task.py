"""A finished custom order not shipped yet: a task for the owner (audit 12, F1).

A parcel that sat "Klaar" a week past the delivery date the customer was given went
unnoticed: nothing in Vandaag, the tray or Maatwerk said so. It is now a task from the day
that still gets it there in time (two days before the promised delivery date), or the
morning after it was marked ready when no delivery date was promised; "Verzenden…" opens
the order's shipping dialog, and shipping it ends the task."""

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QPushButton

from desktop.domain import order_reminders
from desktop.domain.followup import LadderSettings
from desktop.presentation import due_texts
from desktop.store import due, orders, settings
from desktop.store.models import CustomOrder, Person, Shipment
from desktop.views import order_message, today

from .conftest import NOW
from .helpers import make_window

AMS = ZoneInfo("Europe/Amsterdam")
S = LadderSettings(tz=AMS)


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=AMS).astimezone(timezone.utc).replace(tzinfo=None)


def facts(**kw):
    values = dict(order_id=7, person_id=1, status="ready", promised_ready=date(2026, 11, 20),
                  details={"order_number": "#7001"})
    values.update(kw)
    return order_reminders.OrderFacts(**values)


def test_the_task_comes_two_days_before_the_promised_delivery():
    [promise] = order_reminders.order_promises(facts(promised_delivery=date(2026, 11, 27)), S)
    assert (promise.rule, promise.reference) == ("order_ship", utc(2026, 11, 25, 0, 0))
    assert promise.details["promised_delivery"] == date(2026, 11, 27)


def test_without_a_delivery_date_the_morning_after_it_was_ready():
    [promise] = order_reminders.order_promises(facts(ready_since=utc(2026, 11, 20, 23, 30)), S)
    assert promise.reference == utc(2026, 11, 21, 0, 0)  # her day, not UTC's
    assert order_reminders.order_promises(facts(), S) == []  # neither date: nothing to count from


@pytest.mark.parametrize("status", ["shipped", "delivered", "cancelled"])
def test_a_shipped_or_closed_order_owes_nothing(status):
    assert order_reminders.order_promises(facts(status=status, promised_delivery=date(2026, 11, 27)), S) == []


def _ready_order(delivery=date(2026, 11, 25)):
    person = Person.create(name="Sanne Bakker", email="sanne@example.nl", country="NL", is_customer=True)
    order = CustomOrder.create(person=person, order_number="#7001", personalisation="Naam: Sanne",
                               ordered_on=date(2026, 11, 1), promised_ready=date(2026, 11, 20),
                               promised_delivery=delivery, status="in_production")
    orders.move_status(order.id, "ready", NOW - timedelta(days=3))
    return order


def test_due_in_the_plan_with_its_words_and_gone_once_shipped(database):
    settings.set("time_zone", "Europe/Amsterdam")
    order = _ready_order()
    [item] = [i for i in due.due_now(NOW) if i.kind == "custom_order"]
    assert (item.step, item.action, item.subject_id) == ("ship", "task", order.id)
    assert item.due == utc(2026, 11, 23, 9, 0)  # the quiet hours end on Monday 23 November
    words = due_texts.task_words(item, NOW).replace("\xa0", " ")
    assert words.startswith("Bestelling #7001 voor Sanne Bakker is klaar en nog niet verzonden. Je hebt beloofd dat de "
                            "bestelling uiterlijk woensdag 25 november 2026 bezorgd zou zijn")
    assert "{" not in words and "[" not in words
    orders.ship_order(order.id, orders.ShipInput("postnl", "3SABCD1234567"), NOW)
    assert [i for i in due.due_now(NOW + timedelta(days=1)) if i.kind == "custom_order"] == []


def test_once_it_cannot_arrive_in_time_the_task_says_it_will_be_late(database):
    """Review walk: promised for Wednesday 14 October, on Friday the 16th the task still said
    "ship it now so it arrives in time". A parcel arrives the next working day at the
    earliest: from the promised day on (or earlier, with days off before it) it says the order
    will be late and to tell the customer."""
    from desktop import i18n

    settings.set("time_zone", "Europe/Amsterdam")
    _ready_order(delivery=date(2026, 11, 25))  # a Wednesday
    i18n.set_language("en")

    def words(now, in_app=True):
        [item] = [i for i in due.plan(now) if i.kind == "custom_order"]
        return due_texts.task_words(item, now, in_app=in_app).replace("\xa0", " ")

    for now in (NOW, utc(2026, 11, 24, 20, 0)):  # Monday, and Tuesday evening: it can still make it
        assert "ship it now so it arrives in time" in words(now) and "late" not in words(now)
    for now in (utc(2026, 11, 25, 9, 0), utc(2026, 11, 27, 10, 0)):  # the day itself, and two days on
        text = words(now)
        assert text.startswith("Order #7001 for Sanne Bakker is ready and not shipped yet. You promised it would be "
                               "delivered by Wednesday, 25 November 2026, and it can no longer arrive in time. Ship "
                               "it as soon as you can, and let Sanne Bakker know the order will arrive late."), text
        assert "arrives in time" not in text
        assert text.endswith("In that message, say the order will arrive later than promised: you can edit it "
                             "before you send it.")
        assert "In that message" not in words(now, in_app=False)  # `afspraak due`: no button to name
    # days off between: handed over on Christmas Eve (or on Boxing Day, a Saturday), it arrives on Monday 28
    # at the earliest (Christmas, Boxing Day and a Sunday)
    assert order_reminders.arrives_in_time(date(2026, 12, 28), date(2026, 12, 24), "NL")
    assert not order_reminders.arrives_in_time(date(2026, 12, 27), date(2026, 12, 26), "NL")
    assert order_reminders.arrives_in_time(date(2026, 12, 28), date(2026, 12, 26), "NL")


@pytest.fixture
def window(qtbot, database, translator, monkeypatch):
    settings.set("time_zone", "Europe/Amsterdam")
    monkeypatch.setattr(today, "utcnow", lambda: NOW)
    _ready_order()
    return make_window(qtbot, "nl", view="today", size=(1366, 768))


def test_vandaag_ships_it_and_the_tracking_message_follows(window, qtbot, monkeypatch):
    view = window.current_view()
    row = next(i for i, r in view.item_rows() if view.items[r.id].step == "ship")
    view.table.selectRow(row)
    qtbot.waitUntil(lambda: view.detail_footer.findChild(QPushButton, "todayOpen") is not None)
    footer = view.detail_footer
    assert footer.findChild(QPushButton, "todayOpen").text() == "Verzenden…"
    assert footer.findChild(QPushButton, "todayDone").text() == "Afgerond zonder verzending"
    assert view.model.rows[view.table.currentIndex().row()].cells[2] == "Bestelling is klaar: verzenden"
    footer.findChild(QPushButton, "todayOpen").click()
    [ship] = [w for w in window.findChildren(order_message.OrderShipDialog) if w.isVisible()]
    ship.tracking_code.setText("3SABCD1234567")
    ship.ship()
    assert Shipment.select().count() == 1
    qtbot.waitUntil(lambda: any(w.isVisible() for w in window.findChildren(order_message.OrderMessageDialog)))
    [message] = [w for w in window.findChildren(order_message.OrderMessageDialog) if w.isVisible()]
    assert message.kind.currentData() == "order_shipped"
    message.reject()
    qtbot.waitUntil(lambda: not any(i.step == "ship" for i in window.view("today").items))
