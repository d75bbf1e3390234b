"""Maatwerk: shipping an order ("Verzenden…", which makes its parcel) and marking a message
sent are Edit → Undo steps, as its status moves are (resend-undo). Ctrl+Z takes back the
last of them first, the Edit menu names what it takes back, and a step is never taken back
under what was done after it (store/journal.py refuses it whole)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from desktop import i18n
from desktop.store import orders as store
from desktop.store import settings, shipping
from desktop.store.models import CustomOrder, Event, Shipment
from desktop.views import dialogs
from desktop.views.main_window import MainWindow
from tests.conftest import NOW
from tests.test_orders_views import Script, buttons, make_order

BPOST = "323299999999999999999999"


@pytest.fixture
def window(qtbot, database, translator):
    settings.set("time_zone", "Europe/Amsterdam")
    i18n.set_language("en")  # the catalogs' Dutch for the new sentences comes with the lead's merge
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.show_view("orders")
    w.view("orders").clock = lambda: NOW
    return w


def _ship(dialog):
    dialog.carrier.setCurrentIndex(dialog.carrier.findData("bpost"))
    dialog.tracking_code.setText(BPOST)
    dialog.ship()


def _mark_sent(dialog):
    dialog.mark_sent()


def _ready(window):
    order = make_order(status="ready", ready_in=2)
    view = window.view("orders")
    view.refresh()
    view.select_order(order.id)
    return order, view


def test_ctrl_z_takes_back_the_shipped_message_then_the_shipment(qtbot, window, monkeypatch):
    order, view = _ready(window)
    script = Script(monkeypatch, _ship, _mark_sent)
    qtbot.mouseClick(buttons(view)["nextStatus"], Qt.LeftButton)  # Ship…, then its message
    assert script.seen == ["OrderShipDialog", "OrderMessageDialog"]
    assert CustomOrder.get_by_id(order.id).status == "shipped"
    assert Event.select().where(Event.kind == "message").count() == 1
    assert window.undo_action.text() == (
        "&Undo message “Shipped, with tracking link” about order #1029 for Sofie Maes marked sent")

    window.undo_action.trigger()  # the message: the order stays shipped, its parcel stays
    assert Event.select().where(Event.kind == "message").count() == 0
    assert CustomOrder.get_by_id(order.id).status == "shipped" and Shipment.select().count() == 1
    assert window.undo_action.text() == "&Undo order #1029 for Sofie Maes shipped"

    window.undo_action.trigger()  # the shipment: no parcel, the order ready again, as before
    assert Shipment.select().count() == 0
    assert CustomOrder.get_by_id(order.id).status == "ready"
    assert not Event.select().where(Event.fact == "order_shipped").exists()
    assert buttons(view)["nextStatus"].isEnabled()

    window.redo_action.trigger()
    assert Shipment.select().count() == 1 and CustomOrder.get_by_id(order.id).status == "shipped"
    window.redo_action.trigger()
    assert Event.select().where(Event.kind == "message").count() == 1


def test_a_message_marked_sent_on_its_own_is_a_step(qtbot, window, monkeypatch):
    order, view = _ready(window)
    Script(monkeypatch, _mark_sent)
    view.send_message("order_ready", order.id)
    assert Event.select().where(Event.kind == "message", Event.step == "order_ready").count() == 1
    assert window.undo_action.text() == "&Undo message “Order ready” about order #1029 for Sofie Maes marked sent"
    window.undo_action.trigger()
    assert not Event.select().where(Event.kind == "message").exists()


def test_undo_of_the_shipment_is_refused_while_its_message_stands(qtbot, window, monkeypatch):
    """Ctrl+Z reaches the shipment only once the message after it is gone; taken back under
    a message that told her it is on its way (here: recorded elsewhere, no step), the
    timeline would contradict itself: refused whole, she is told, nothing changes."""
    order, view = _ready(window)
    monkeypatch.setattr(dialogs, "confirm", lambda *a: False)
    Script(monkeypatch, _ship, lambda dialog: dialog.reject())  # shipped; the message not now
    qtbot.mouseClick(buttons(view)["nextStatus"], Qt.LeftButton)
    assert window.undo_action.text() == "&Undo order #1029 for Sofie Maes shipped"
    store.record_message(order.id, "order_shipped", "email", "Het pakje is onderweg.", NOW)  # not a step
    told: list[str] = []
    monkeypatch.setattr(dialogs, "warn", lambda _p, title, text: told.append(text))
    window.undo_action.trigger()
    assert Shipment.select().count() == 1 and CustomOrder.get_by_id(order.id).status == "shipped"
    assert told and "was not undone" in told[0] and "Het pakje is onderweg." in told[0]


def test_shipping_again_after_a_lost_parcel_is_named_and_undone_without_touching_the_lost_one(
        qtbot, window, monkeypatch):
    order, view = _ready(window)
    first = store.ship_order(order.id, store.ShipInput("bpost", BPOST), NOW)
    shipping.advance(first.id, "lose", NOW + timedelta(hours=1))
    assert CustomOrder.get_by_id(order.id).status == "ready"
    view.refresh()
    view.select_order(order.id)
    Script(monkeypatch, _ship, lambda dialog: dialog.reject())
    view.ship(order.id)
    assert Shipment.select().count() == 2
    assert window.undo_action.text() == "&Undo order #1029 for Sofie Maes shipped again"
    window.undo_action.trigger()
    assert [s.status for s in Shipment.select().order_by(Shipment.id)] == ["lost"]
    assert CustomOrder.get_by_id(order.id).status == "ready"


def test_the_undo_words_of_an_order_without_a_number():
    from desktop.presentation import undo_texts

    i18n.set_language("en")

    assert undo_texts.order_shipped("", "Noor Visser", again=False) == "the order for Noor Visser shipped"
    assert undo_texts.order_shipped("", "Noor Visser", again=True) == "the order for Noor Visser shipped again"
    assert undo_texts.order_message_sent("", "Noor Visser", "Order ready") == (
        "message “Order ready” about the order for Noor Visser marked sent")
    assert undo_texts.order_moved("#7", "Noor Visser", "cancelled") == "order #7 for Noor Visser set to “Cancelled”"
