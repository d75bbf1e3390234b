"""A custom order after it went out (review of Maatwerk's month).

1. Its parcel got lost or came back (Zendingen, ``shipping.advance``): Vandaag said "ready
   and not shipped yet … ship it as soon as you can" with "Ship…", red since a day before the
   loss was known, and a returned parcel had no task at all until days later. It is now a
   task of its own from the moment the parcel was marked so, named for what happened
   ("Parcel lost: ship again"), with Maatwerk's "Ship again…" and its words.
2. A shipped order nobody marked delivered was never looked at again: now, a working day
   after it was to arrive, a task to look at its tracking ("Delivered", "Lost or returned",
   the tracking page), and Maatwerk colours it once its delivery date passed."""

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QPushButton

from desktop.domain import followup, order_reminders
from desktop.domain.followup import LadderSettings
from desktop.presentation import due_texts
from desktop.store import due, orders, settings, shipping
from desktop.store.models import CustomOrder, Person, Shipment
from desktop.views import order_message, today

from .conftest import NOW
from .helpers import make_window

AMS = ZoneInfo("Europe/Amsterdam")
S = LadderSettings(tz=AMS, country="NL")
URL = "https://jouw.postnl.nl/track-and-trace/3SABCD1234567-NL-1234AB"


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=AMS).astimezone(timezone.utc).replace(tzinfo=None)


def facts(**kw):
    values = dict(order_id=7, person_id=1, status="ready", promised_ready=date(2026, 11, 13),
                  promised_delivery=date(2026, 11, 17), details={"order_number": "#7001"})
    values.update(kw)
    return order_reminders.OrderFacts(**values)


# --- the rules -----------------------------------------------------------------------------

@pytest.mark.parametrize("gone, rule, step", [("lost", "order_ship_lost", "ship_lost"),
                                              ("returned", "order_ship_returned", "ship_returned")])
def test_a_parcel_gone_is_a_task_to_ship_again_from_the_moment_it_was_marked(gone, rule, step):
    marked = utc(2026, 11, 23, 10, 15)
    [promise] = order_reminders.order_promises(facts(parcel_gone=gone, gone_at=marked), S)
    # was the plain ship task, from two days before the old delivery date (15 November)
    assert (promise.rule, promise.reference, promise.details["parcel_gone"]) == (rule, marked, gone)
    assert followup.RULES[rule].steps[0].name == step
    # an order still "shipped" whose parcels all did not arrive (from the shop's export) too
    [promise] = order_reminders.order_promises(facts(status="shipped", parcel_gone=gone, gone_at=marked), S)
    assert promise.rule == rule


def test_a_shipped_parcel_is_looked_at_a_working_day_after_its_delivery_date():
    def check(shipped, delivery):
        found = order_reminders.order_promises(
            facts(status="shipped", parcel_id=3, shipped_at=shipped, promised_delivery=delivery), S)
        return [(p.rule, p.reference) for p in found]

    # shipped Wednesday, promised Friday 20 November: on Saturday (a working day of the shop)
    assert check(utc(2026, 11, 18, 15, 0), date(2026, 11, 20)) == [("order_arrival", utc(2026, 11, 21, 0, 0))]
    # promised on a Saturday: not on Sunday, on Monday
    assert check(utc(2026, 11, 18, 15, 0), date(2026, 11, 21)) == [("order_arrival", utc(2026, 11, 23, 0, 0))]
    # promised Christmas Eve: Christmas, Boxing Day and the Sunday pass first
    assert check(utc(2026, 12, 21, 15, 0), date(2026, 12, 24)) == [("order_arrival", utc(2026, 12, 28, 0, 0))]
    # sent too late for its date (Wednesday for Tuesday): from the day it could first arrive, Thursday
    assert check(utc(2026, 11, 18, 15, 0), date(2026, 11, 17)) == [("order_arrival", utc(2026, 11, 20, 0, 0))]
    # no delivery date promised: the next working day after it went out is when it could arrive
    assert check(utc(2026, 11, 20, 15, 0), None) == [("order_arrival", utc(2026, 11, 23, 0, 0))]
    # an order the shop's export says was sent: no parcel here, nothing to look at
    assert order_reminders.order_promises(facts(status="shipped"), S) == []
    assert order_reminders.order_promises(facts(status="delivered", parcel_id=3,
                                                shipped_at=utc(2026, 11, 18, 15, 0)), S) == []


# --- through the store -----------------------------------------------------------------------

SHIPPED = utc(2026, 11, 18, 15, 0)  # a Wednesday afternoon


def _shipped_order(shipped_at=SHIPPED, delivery=date(2026, 11, 20)):
    person = Person.create(name="Marc Peeters", email="marc@example.nl", country="NL", is_customer=True,
                           street="Kerkstraat 4", postcode="1234 AB", city="Utrecht")
    order = CustomOrder.create(person=person, order_number="MW-101", personalisation="Letter M",
                               ordered_on=date(2026, 11, 2), promised_ready=date(2026, 11, 16),
                               promised_delivery=delivery, status="in_production")
    orders.move_status(order.id, "ready", shipped_at - timedelta(hours=2))
    parcel = orders.ship_order(order.id, orders.ShipInput("postnl", "3SABCD1234567"), shipped_at)
    return order, parcel


def _mine(items, order):
    return [i for i in items if i.subject_type == "custom_order" and i.subject_id == order.id]


def _agree(moments):
    for now in moments:  # the plan and what is due now tell the same
        assert due.due_now(now) == followup.due_now(due.plan(now), now)


def test_the_arrival_check_comes_with_the_tracking_and_goes_once_delivered(database):
    settings.set("time_zone", "Europe/Amsterdam")
    order, parcel = _shipped_order()
    assert _mine(due.due_now(utc(2026, 11, 20, 18, 0)), order) == []  # the delivery day itself: nothing yet
    [item] = _mine(due.due_now(NOW), order)
    assert (item.step, item.action, item.checks_arrival, item.ships_an_order) == ("arrival", "task", True, False)
    assert item.own_due == utc(2026, 11, 21, 9, 0)  # Saturday, at the end of the quiet hours
    from desktop import i18n

    i18n.set_language("en")
    words = due_texts.task_words(item, NOW).replace("\xa0", " ")
    assert words.startswith("Order MW-101 for Marc Peeters went out on Wednesday, 18 November 2026 and was due to be "
                            "delivered by Friday, 20 November 2026. Has it arrived? Look at the parcel's tracking "
                            "page: https://"), words
    assert Shipment.get_by_id(parcel.id).tracking_url in words
    assert "“Delivered”" in words and "“Lost or returned”" in words
    assert "In the app" in due_texts.task_words(item, NOW, in_app=False)
    _agree([utc(2026, 11, 20, 18, 0), utc(2026, 11, 21, 9, 0), NOW])
    shipping.advance(parcel.id, "deliver", NOW)
    assert CustomOrder.get_by_id(order.id).status == "delivered"
    assert _mine(due.plan(NOW + timedelta(days=3)), order) == []


@pytest.mark.parametrize("action, step", [("lose", "ship_lost"), ("return", "ship_returned")])
def test_a_parcel_marked_lost_or_returned_is_to_ship_again_from_that_moment(database, action, step):
    settings.set("time_zone", "Europe/Amsterdam")
    order, parcel = _shipped_order(shipped_at=utc(2026, 11, 12, 15, 0), delivery=date(2026, 11, 17))
    marked = utc(2026, 11, 23, 10, 0)
    shipping.advance(parcel.id, action, marked)
    assert CustomOrder.get_by_id(order.id).status == "ready"
    assert _mine(due.due_now(marked - timedelta(minutes=1)), order) == []  # not before it was known
    [item] = _mine(due.due_now(marked), order)
    # was "ship": "ready and not shipped yet", due since 15 November, two days before the loss was known
    assert (item.step, item.ships_an_order, item.ships_again, item.own_due) == (step, True, True, marked)
    from desktop import i18n

    i18n.set_language("en")
    words = due_texts.task_words(item, marked).replace("\xa0", " ")
    happened = "got lost" if action == "lose" else "came back to you"
    assert words.startswith(f"The parcel with order MW-101 for Marc Peeters, sent on Thursday, 12 November 2026, "
                            f"{happened}. Send the order again in a new parcel."), words
    assert "not shipped yet" not in words
    assert "You promised it would be delivered by Tuesday, 17 November 2026: it will now arrive later" in words
    assert "“Ship again…”" in words
    _agree([marked - timedelta(minutes=1), marked, marked + timedelta(days=2)])
    # shipped again: the task goes, and the new parcel is looked after in its turn
    orders.ship_order(order.id, orders.ShipInput("postnl", "3SABCD1234568"), marked + timedelta(hours=1))
    assert [i.step for i in _mine(due.plan(marked + timedelta(hours=2)), order)] == ["arrival"]


# --- Vandaag and Maatwerk ----------------------------------------------------------------------

@pytest.fixture
def window(qtbot, database, translator, monkeypatch):
    settings.set("time_zone", "Europe/Amsterdam")
    monkeypatch.setattr(today, "utcnow", lambda: NOW)
    return make_window(qtbot, "en", size=(1366, 768))


def _select(window, qtbot, step):
    window.show_view("today")
    view = window.view("today")
    view.refresh()
    row = next(i for i, r in view.item_rows() if view.items[r.id].step == step)
    view.table.selectRow(row)
    qtbot.waitUntil(lambda: view.detail_footer.findChild(QPushButton, "todayOpen") is not None)
    return view, view.model.rows[row]


def test_vandaag_checks_the_arrival_and_delivered_closes_the_order(window, qtbot, monkeypatch):
    order, parcel = _shipped_order()
    view, row = _select(window, qtbot, "arrival")
    assert row.cells[2] == "Parcel delivered? Check the tracking"
    footer = view.detail_footer
    assert footer.findChild(QPushButton, "todayOpen").text() == "Delivered"
    gone = footer.findChild(QPushButton, "todayGone")
    assert gone.text() == "Lost or returned"
    assert [a.text() for a in gone.menu().actions()] == ["Lost", "Returned"]
    opened = []
    from desktop.views import shipments

    monkeypatch.setattr(shipments, "open_link", lambda url: opened.append(url) or True)
    footer.findChild(QPushButton, "todayTrack").click()
    assert opened == [Shipment.get_by_id(parcel.id).tracking_url]
    footer.findChild(QPushButton, "todayOpen").click()
    assert Shipment.get_by_id(parcel.id).status == "delivered"
    assert CustomOrder.get_by_id(order.id).status == "delivered"
    qtbot.waitUntil(lambda: not any(i.step == "arrival" for i in window.view("today").items))
    window.undo_stack.undo()  # one step for Edit → Undo, as in Zendingen
    assert CustomOrder.get_by_id(order.id).status == "shipped"


def test_vandaag_lost_from_the_arrival_check_becomes_ship_again_with_maatwerks_dialog(window, qtbot):
    order, parcel = _shipped_order()
    view, _row = _select(window, qtbot, "arrival")
    [lost, _returned] = view.detail_footer.findChild(QPushButton, "todayGone").menu().actions()
    lost.trigger()
    assert Shipment.get_by_id(parcel.id).status == "lost"
    assert CustomOrder.get_by_id(order.id).status == "ready"
    view, row = _select(window, qtbot, "ship_lost")
    assert row.cells[0] == "Now" and row.cells[2] == "Parcel lost: ship again"  # from the moment it was marked
    footer = view.detail_footer
    assert footer.findChild(QPushButton, "todayOpen").text() == "Ship again…"  # Maatwerk's button
    words = view.findChild(today.ReadyMessageBox, "todayMessage").toPlainText()
    assert "got lost" in words and "not shipped yet" not in words
    footer.findChild(QPushButton, "todayOpen").click()
    [ship] = [w for w in window.findChildren(order_message.OrderShipDialog) if w.isVisible()]
    ship.tracking_code.setText("3SABCD1234568")
    ship.ship()
    assert Shipment.select().where(Shipment.custom_order == order.id).count() == 2
    qtbot.waitUntil(lambda: any(w.isVisible() for w in window.findChildren(order_message.OrderMessageDialog)))
    [message] = [w for w in window.findChildren(order_message.OrderMessageDialog) if w.isVisible()]
    assert message.kind.currentData() == "order_shipped"
    message.reject()
    qtbot.waitUntil(lambda: not any(i.step == "ship_lost" for i in window.view("today").items))


def test_maatwerk_colours_a_shipped_order_past_its_delivery_date(window):
    order, _parcel = _shipped_order()
    window.show_view("orders")
    view = window.view("orders")
    view.clock = lambda: NOW
    view.refresh()
    [row] = [r for r in view.model.rows if r.id == order.id]
    assert row.colour == "amber"  # was plain: "Shipped", its delivery date three days past
    assert row.tooltip.endswith("delivery: 3 days late")
    CustomOrder.update(promised_delivery=NOW.date() + timedelta(days=1)).where(CustomOrder.id == order.id).execute()
    view.refresh()
    [row] = [r for r in view.model.rows if r.id == order.id]
    assert row.colour == ""  # still on its way in time: nothing to look at


def test_the_arrival_check_from_the_tray_opens_its_parcel_in_zendingen(window, qtbot):
    """The tray's "Open" (``due_dialog.open_due_item``) has no dialog for the look at a parcel:
    the parcel in Zendingen, with its tracking page and its Delivered / Lost / Returned."""
    from desktop.views import due_dialog

    _order, parcel = _shipped_order()
    window.refresh_all()  # as the ship dialog does once the parcel is made
    [item] = [i for i in due.due_now(NOW) if i.checks_arrival]
    assert due_dialog.open_due_item(item, window) is None
    assert window.current_view().key == "shipments"
    qtbot.waitUntil(lambda: window.view("shipments").current_id == parcel.id)


def test_vandaags_lost_or_returned_menu_names_the_order_parcel_as_the_task_it_makes(qtbot, database, translator,
                                                                                   monkeypatch):
    """The menu on a custom order's arrival check took Zendingen's words for an influencer's
    parcel ("Kwijt"), while the task it makes says "Pakket zoekgeraakt: opnieuw verzenden"
    and Maatwerk's pane "Zoekgeraakt": the order's parcel is named in one word everywhere."""
    settings.set("time_zone", "Europe/Amsterdam")
    monkeypatch.setattr(today, "utcnow", lambda: NOW)
    window = make_window(qtbot, "nl", size=(1366, 768))
    _order, parcel = _shipped_order()
    view, _row = _select(window, qtbot, "arrival")
    menu = view.detail_footer.findChild(QPushButton, "todayGone").menu()
    assert [a.text() for a in menu.actions()] == ["Zoekgeraakt", "Retour"]
    menu.actions()[0].trigger()
    assert Shipment.get_by_id(parcel.id).status == "lost"
    _view, row = _select(window, qtbot, "ship_lost")
    assert row.cells[2] == "Pakket zoekgeraakt: opnieuw verzenden"


def test_the_arrival_checks_snoozes_leave_out_in_1_hour_where_it_lands_with_the_morning(window, qtbot, monkeypatch):
    """As Vandaag's other panes and the step's window (reminders.snoozes_offered): at 20:30 "In
    1 hour" falls in the quiet hours and comes back tomorrow at 09:00, as the button beside it
    does; the arrival check offered both all the same."""
    _shipped_order()
    monkeypatch.setattr(today, "utcnow", lambda: utc(2026, 11, 23, 20, 30))
    view, _row = _select(window, qtbot, "arrival")
    shown = [b.objectName() for b in view.detail_footer.findChildren(QPushButton) if not b.isHidden()]
    assert "todayTomorrow" in shown and "todayHour" not in shown, shown
    monkeypatch.setattr(today, "utcnow", lambda: utc(2026, 11, 23, 11, 0))  # in the day: both
    view.refresh()
    view, _row = _select(window, qtbot, "arrival")
    shown = [b.objectName() for b in view.detail_footer.findChildren(QPushButton) if not b.isHidden()]
    assert "todayTomorrow" in shown and "todayHour" in shown, shown
