"""What the custom-order fixes of 2026-12 left (order-followups):

1. The order's message dialog said nothing of a message it could not sign (no shop or owner
   name yet): the confirmation went out ending on "Groetjes,".
2. Cancelling an order did not offer the cancellation message, as marking it ready offers
   the ready message.
3. After a new order was saved, "Send the customer an order confirmation now?" opened the
   ready message for an order saved as "Ready".
4. An order without a shop number read "Verzend bestelling —" and "Bestelling — bevestigd".
5. A lost or returned parcel of an order gave no lead: Zendingen never named the order, and
   Maatwerk still said "Verzonden" with "Markeren als bezorgd" as its main button.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QWidget

from desktop import i18n
from desktop.store import orders as store
from desktop.store import settings
from desktop.store.models import CustomOrder
from desktop.views import dialogs

from .conftest import NOW

BPOST = "323299999900001234567890"


def _order(**kw) -> CustomOrder:
    from tests.test_orders_store import form

    values = dict(name="Noor Visser", email="noor@example.nl", country="NL", language="nl", address_form="je",
                  order_number="#2001", ordered_on=date(2026, 11, 20), promised_ready=date(2026, 12, 4),
                  promised_delivery=None, status="new", money_locale="nl_NL")
    values.update(kw)
    return store.save_order(form(**values), NOW)


def _names_filled_in(monkeypatch, seen: list):
    """Settings answered as the owner would: her names typed on the page it opened at, saved."""

    def fill_in(window) -> bool:
        seen.append(window.current_page())
        window.shop_name.setText("Zilver & Zo")
        window.owner_name.setText("Eva")
        return window.save()

    monkeypatch.setattr(dialogs, "run", fill_in)


# --- 1. an unsigned order message says so, with the way to sign it ------------------------------

def test_the_order_message_dialog_says_a_message_is_not_signed_and_fills_in_the_names(
        qtbot, database, translator, monkeypatch):
    from desktop.views.order_message import OrderMessageDialog

    settings.set("shop_name", "")
    settings.set("owner_name", "")
    i18n.set_language("en")
    order = _order()
    dialog = OrderMessageDialog(None, order.id, "order_confirmation", NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    note = dialog.findChild(QLabel, "incompleteWords")
    assert note is not None and note.isVisible() and "not signed" in note.text()
    names = dialog.findChild(QPushButton, "fillInNames")
    assert names.isVisible()
    assert dialog.body.toPlainText().rstrip().endswith(",")  # "Cheers," with nobody under it
    seen: list = []
    _names_filled_in(monkeypatch, seen)
    names.click()
    assert seen == ["shop"]
    assert dialog.body.toPlainText().rstrip().endswith("Eva\nZilver & Zo")
    assert not dialog.findChild(QLabel, "incompleteWords").isVisible()
    assert not names.isVisible()


def test_a_signed_order_message_has_no_note(qtbot, database, translator):
    from desktop.views.order_message import OrderMessageDialog

    settings.set("shop_name", "Zilver & Zo")
    settings.set("owner_name", "")
    dialog = OrderMessageDialog(None, _order().id, "order_confirmation", NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.findChild(QLabel, "incompleteWords").isVisible()
    assert dialog.body.toPlainText().rstrip().endswith("Zilver & Zo")


# --- 2 and 3. the message offered after a move or a new order -----------------------------------

@pytest.fixture
def maatwerk(qtbot, database, translator):
    from .helpers import make_window

    settings.set("shop_name", "Zilver & Zo")
    settings.set("owner_name", "Eva")
    window = make_window(qtbot, "nl", view="orders", size=(1366, 768))
    view = window.view("orders")
    view.clock = lambda: NOW
    return view


def _opened(monkeypatch) -> list:
    """The order dialogs Maatwerk opens (message or shipping), by what they open on; closed at once."""
    from desktop.views import orders as orders_view

    opened: list = []
    monkeypatch.setattr(orders_view, "run_dialog", lambda d: opened.append(
        d.step() if hasattr(d, "step") else type(d).__name__) or QDialog.Rejected)
    return opened


def test_cancelling_an_order_offers_the_cancellation_message(qtbot, maatwerk, monkeypatch):
    order = _order(status="in_production")
    maatwerk.refresh()
    maatwerk.select_order(order.id)
    asked: list = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, title, text: asked.append((title, text)) or True)
    opened = _opened(monkeypatch)
    assert maatwerk.move_to("cancelled", order.id, "in_production")
    assert CustomOrder.get_by_id(order.id).status == "cancelled"
    assert asked[0][0] == "Bestelling annuleren"
    assert asked[1] == (i18n._("Order cancelled"), i18n._("Let the customer know the order is cancelled?"))
    assert opened == ["order_cancelled"]


def test_no_cancellation_message_when_she_says_no(qtbot, maatwerk, monkeypatch):
    order = _order(status="new")
    maatwerk.refresh()
    monkeypatch.setattr(dialogs, "confirm", lambda _p, title, _t: title == "Bestelling annuleren")
    opened = _opened(monkeypatch)
    assert maatwerk.move_to("cancelled", order.id, "new")
    assert opened == []


@pytest.mark.parametrize("status,question,step", [
    ("new", "orderbevestiging", "order_confirmation"),
    ("in_production", "orderbevestiging", "order_confirmation"),
    ("ready", "klaar is", "order_ready"),
])
def test_after_a_new_order_the_question_names_the_message_that_opens(qtbot, maatwerk, monkeypatch, status, question,
                                                                    step):
    """An order saved as "Klaar" was asked about an order confirmation and got the ready
    message: the question now names what opens."""
    from desktop.views import orders as orders_view

    opened: list = []
    choice = {"new": "Nieuw", "in_production": "In productie", "ready": "Klaar"}[status]

    def run(dialog):
        if hasattr(dialog, "step"):  # the message dialog: what it opens on
            opened.append(dialog.step())
            return QDialog.Rejected
        dialog.show()
        dialog.name.setText("Noor Visser")
        dialog.personalisation.setText("Letter N")
        dialog.price.setText("24,95")
        dialog.status.setCurrentIndex(dialog.status.findText(choice))
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        dialog.hide()
        return dialog.result()

    monkeypatch.setattr(orders_view, "run_dialog", run)
    asked: list = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, title, text: asked.append((title, text)) or True)
    maatwerk.new_order()
    assert CustomOrder.get(CustomOrder.personalisation == "Letter N").status == status
    assert [title for title, _text in asked] == ["Bestelling opgeslagen"]
    assert question in asked[0][1]
    assert opened == [step]


# --- 4. an order without a shop number, named by its customer -----------------------------------

def _without_number():
    """Noor Visser's order, typed in without a shop number: entered, made, shipped."""
    order = _order(order_number="", status="in_production", promised_delivery=date(2026, 12, 8))
    store.move_status(order.id, "ready", NOW)
    return order


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_events_of_an_order_without_a_number_name_its_customer(database, language):
    from desktop.presentation import event_texts, timeline
    from desktop.store.models import Event

    order = _without_number()
    store.ship_order(order.id, store.ShipInput("postnl", "3SABCD1234567", sent_on=date(2026, 11, 22)), NOW)
    # (a confirmation logged by a version before the messages were kept whole)
    Event.create(at=NOW, kind="message", fact="order_confirmed", params={"number": ""}, person=order.person_id,
                 subject_type="custom_order", subject_id=order.id)
    i18n.set_language(language)
    events = [e for e in store.order_events(order.id) if e.fact in event_texts.ORDER_FACTS]
    assert {e.fact for e in events} == {"order_entered", "order_status", "order_shipped", "order_confirmed"}
    for event in events:
        line = event_texts.shown(event)
        assert "Noor Visser" in line and "—" not in line and "  " not in line, line
    lines = [line.text for line in timeline.fetch_page(timeline.TimelineFilter()) if line.subject_type == "custom_order"]
    assert len(lines) == len(events) and all("Noor Visser" in text and "—" not in text for text in lines), lines
    # an order with a number is named by it, as before
    numbered = _order(name="Ingrid Jansen", email="ingrid@example.com", order_number="#2002")
    [entered] = [e for e in store.order_events(numbered.id) if e.fact == "order_entered"]
    assert "#2002" in event_texts.shown(entered) and "Ingrid" not in event_texts.shown(entered)


def test_the_ship_dialog_and_the_message_dialog_name_an_order_without_a_number(qtbot, database, translator):
    from desktop.views.order_message import OrderMessageDialog, OrderShipDialog

    settings.set("shop_name", "Zilver & Zo")
    order = _without_number()
    ship = OrderShipDialog(None, order.id, NOW)
    qtbot.addWidget(ship)
    assert "Noor Visser" in ship.windowTitle() and "—" not in ship.windowTitle()
    message = OrderMessageDialog(None, order.id, "order_ready", NOW)
    qtbot.addWidget(message)
    assert message.heading.text() == "Bestelling voor Noor Visser"
    numbered = _order(name="Ingrid Jansen", email="ingrid@example.com", order_number="#2002", status="ready")
    ship = OrderShipDialog(None, numbered.id, NOW)
    qtbot.addWidget(ship)
    assert ship.windowTitle() == "Bestelling #2002 verzenden"


def test_the_ship_task_and_the_calendar_name_an_order_without_a_number(database):
    from desktop.presentation import calendar_export, due_texts
    from desktop.store import due

    settings.set("time_zone", "Europe/Amsterdam")
    order = _without_number()
    i18n.set_language("en")
    [item] = [i for i in due.plan(NOW + timedelta(days=14)) if i.kind == "custom_order" and i.subject_id == order.id]
    words = due_texts.task_words(item, NOW + timedelta(days=14))
    assert words.startswith("The order for Noor Visser is ready and not shipped yet."), words
    assert "—" not in due_texts.subject_title(item) and due_texts.subject_title(item).strip()
    titles = [str(c.get("summary")) for c in calendar_export.build_calendar(NOW).walk("VEVENT")]
    assert "Order for Noor Visser: promised delivery date" in titles, titles
    assert not any(" for Noor" in t and t.startswith("Order  ") for t in titles)


# --- 5. a lost or returned parcel of an order ---------------------------------------------------

def _shipped(**kw) -> tuple[CustomOrder, object]:
    """Order #2001 for Noor Visser, made and shipped with PostNL on NOW."""
    order = _order(status="ready", street="Langestraat 2", postcode="3811 AB", city="Amersfoort", **kw)
    parcel = store.ship_order(order.id, store.ShipInput("postnl", "3SABCD1234567"), NOW)
    return CustomOrder.get_by_id(order.id), parcel


def _status(order) -> str:
    return CustomOrder.get_by_id(order.id).status


@pytest.mark.parametrize("action", ["lose", "return"])
def test_a_parcel_that_did_not_arrive_puts_its_order_back_at_ready_to_ship_again(database, action):
    from desktop.store import shipping
    from desktop.store.models import Event, Shipment

    order, parcel = _shipped()
    shipping.advance(parcel.id, action, NOW + timedelta(days=2))
    assert _status(order) == "ready"
    moved = Event.select().where(Event.fact == "order_status", Event.subject_id == order.id).order_by(Event.id.desc())
    assert (moved[0].params["old"], moved[0].params["new"]) == ("shipped", "ready")
    [gone] = Event.select().where(Event.subject_type == "shipment", Event.subject_id == parcel.id,
                                  Event.fact != "shipment_sent").order_by(Event.id.desc()).limit(1)
    assert gone.id < moved[0].id  # the parcel's line, then the order's: read in that order on the timeline
    assert store.gone_parcel(order.id).id == parcel.id
    # shipped again: a new parcel, the one that did not arrive kept as it is
    again = store.ship_order(order.id, store.ShipInput("dhl", "JVGL0123456789"), NOW + timedelta(days=3))
    assert _status(order) == "shipped" and again.id != parcel.id
    assert Shipment.get_by_id(parcel.id).status == ("lost" if action == "lose" else "returned")
    assert store.gone_parcel(order.id) is None
    assert store.shipment_of(order.id).id == again.id


def test_a_delivered_order_whose_parcel_came_back_is_ready_again(database):
    from desktop.store import shipping

    order, parcel = _shipped()
    shipping.advance(parcel.id, "deliver", NOW + timedelta(days=1))
    assert _status(order) == "delivered"
    shipping.advance(parcel.id, "return", NOW + timedelta(days=4))
    assert _status(order) == "ready"


def test_a_cancelled_order_stays_cancelled_when_its_parcel_comes_back(database):
    from desktop.store import shipping

    order, parcel = _shipped()
    CustomOrder.update(status="cancelled").where(CustomOrder.id == order.id).execute()
    shipping.advance(parcel.id, "return", NOW + timedelta(days=4))
    assert _status(order) == "cancelled"
    with pytest.raises(store.OrderInvalid):
        store.ship_order(order.id, store.ShipInput("postnl", "3SABCD1234568"), NOW)


def test_undo_of_a_lost_parcel_takes_the_order_back_to_shipped_but_not_after_it_was_sent_again(database):
    from desktop.store import journal, shipping
    from desktop.store.models import Shipment

    order, parcel = _shipped()
    with journal.recording() as lost:
        shipping.advance(parcel.id, "lose", NOW)
    journal.undo(lost)
    assert _status(order) == "shipped" and Shipment.get_by_id(parcel.id).status == "sent"
    journal.redo(lost)
    assert _status(order) == "ready"
    store.ship_order(order.id, store.ShipInput("postnl", "3SABCD1234568"), NOW)
    with pytest.raises(journal.ChangedSince):  # two parcels on their way for one order otherwise
        journal.undo(lost)
    assert _status(order) == "shipped" and Shipment.get_by_id(parcel.id).status == "lost"
    assert Shipment.select().where(Shipment.custom_order == order.id, Shipment.status == "sent").count() == 1


def test_an_order_still_shipped_with_its_parcel_lost_ships_again_without_a_second_status_step(database):
    """An order whose parcel was marked lost before the order followed it (or moved on by the
    shop's export) is shipped again as it is: a new parcel, no "Ready → Shipped" it never took."""
    from desktop.store.models import Event, Shipment

    order, parcel = _shipped()
    Shipment.update(status="lost").where(Shipment.id == parcel.id).execute()
    steps = Event.select().where(Event.fact == "order_status").count()
    store.ship_order(order.id, store.ShipInput("postnl", "3SABCD1234568"), NOW)
    assert _status(order) == "shipped" and Event.select().where(Event.fact == "order_status").count() == steps
    with pytest.raises(store.OrderInvalid):  # its new parcel is on its way: no third one
        store.ship_order(order.id, store.ShipInput("postnl", "3SABCD1234569"), NOW)


def test_after_a_lost_parcel_the_ship_task_comes_due(database):
    from desktop.store import due, shipping

    settings.set("time_zone", "Europe/Amsterdam")
    order, parcel = _shipped(promised_delivery=date(2026, 12, 8))
    shipping.advance(parcel.id, "lose", NOW)
    later = NOW + timedelta(days=14)
    assert any(item.subject_id == order.id and item.ships_an_order for item in due.plan(later))


@pytest.fixture
def lost(qtbot, database, translator):
    """Noor Visser's order #2001 shipped, its parcel lost; the window on Zendingen."""
    from desktop.store import shipping

    from .helpers import make_window

    settings.set("shop_name", "Zilver & Zo")
    settings.set("owner_name", "Eva")
    from desktop.store.models import Product

    product = Product.create(key="NK-01", name="Naamketting", variant="goud", price_cents=3995)
    order, parcel = _shipped(product_id=product.id)
    shipping.advance(parcel.id, "lose", NOW)
    window = make_window(qtbot, "nl", view="shipments", size=(1366, 768))
    window.view("orders").clock = lambda: NOW
    return window, order, parcel


def _pane(view) -> tuple[dict[str, QPushButton], list[str]]:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    buttons = {b.objectName(): b for b in view.detail.findChildren(QPushButton) if b.objectName()}
    return buttons, [label.text() for label in view.detail.findChildren(QLabel)]


def test_zendingen_names_the_order_of_a_lost_parcel_and_ships_it_again(qtbot, lost, monkeypatch):
    from desktop.presentation import order_texts
    from desktop.store.models import Shipment
    from desktop.views.order_message import OrderMessageDialog, OrderShipDialog

    window, order, parcel = lost
    view = window.view("shipments")
    view.select_id(parcel.id)
    buttons, texts = _pane(view)
    assert "#2001 · Naamketting (goud)" in texts  # the field "Bestelling"
    assert "Bestelling" in texts
    note = view.detail.findChild(QLabel, "orderNote").text()
    assert "Bestelling #2001" in note and "Noor Visser" in note
    again = buttons["shipAgain"]
    assert again.text() == order_texts.ship_again_label()
    opened: list = []

    def run(dialog) -> bool:
        opened.append(type(dialog).__name__)
        if isinstance(dialog, OrderShipDialog):
            assert dialog.findChild(QLabel, "againNote") is not None
            dialog.carrier.setCurrentIndex(dialog.carrier.findData("dhl"))
            dialog.tracking_code.setText("JVGL0123456789")
            dialog.ship()
            return dialog.result() == QDialog.Accepted
        assert isinstance(dialog, OrderMessageDialog) and dialog.step() == "order_shipped"
        return False

    monkeypatch.setattr(dialogs, "run", run)
    again.click()
    assert opened == ["OrderShipDialog", "OrderMessageDialog"]
    new = store.shipment_of(order.id)
    assert new.id != parcel.id and new.carrier == "dhl" and _status(order) == "shipped"
    assert Shipment.get_by_id(parcel.id).status == "lost"
    assert view.current_id == new.id  # the new parcel shown
    view.select_id(parcel.id)  # the lost one says where the order went
    buttons, texts = _pane(view)
    assert "shipAgain" not in buttons
    note = view.detail.findChild(QLabel, "orderNote").text()
    assert "#2001" in note and i18n.detail_date(NOW.date()) in note  # went out again on that day


def test_maatwerk_shows_an_order_whose_parcel_got_lost_as_one_to_ship_again(qtbot, lost, monkeypatch):
    from desktop.presentation import order_texts
    from desktop.views import orders as orders_view

    window, order, parcel = lost
    window.show_view("orders")
    view = window.view("orders")
    view.refresh()
    view.select_order(order.id)
    buttons, texts = _pane(view)
    main = buttons["nextStatus"]
    assert main.text() == order_texts.ship_again_label()  # not "Markeren als bezorgd"
    assert "Markeren als bezorgd" not in [b.text() for b in buttons.values()]
    assert order_texts.status_with_parcel("ready", "lost") in texts
    assert view.detail.findChild(QWidget, "parcelGoneBanner") is not None
    [row] = [r for r in view.model.rows if r.id == order.id]
    assert row.cells[1] == order_texts.parcel_state("lost")
    opened: list = []
    monkeypatch.setattr(orders_view, "run_dialog", lambda d: opened.append(type(d).__name__) or QDialog.Rejected)
    main.click()
    assert opened == ["OrderShipDialog"]
