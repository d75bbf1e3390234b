"""Maatwerk's list and pane after what the owner did (review of Maatwerk, 2026-12-07): a
reminder acted on from the tray, a button on a pane the order has moved on from, an order
that leaves the list (cancelled, delivered, reopened), the empty list under a status, a
product dropped on an order already sent, and an order without a shop number."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from desktop import i18n
from desktop.presentation import event_texts
from desktop.store import due
from desktop.store import orders as store
from desktop.store.models import CustomOrder, Event, Person, Product, Shipment
from desktop.views import dialogs
from desktop.views.dropping import products_mime
from desktop.views.order_message import OrderMessageDialog, OrderShipDialog

from .conftest import NOW
from .helpers import drag, end_drags, make_window

# The example shop at NOW: Ingrid (#1033) late, Kevin (#1038) due tomorrow, Marieke (#1041)
# new, Sofie (#1029) ready to ship, Daan (#1020) delivered.
BPOST = "323299999900001234567890"


@pytest.fixture
def window(qtbot, demo_db, translator):
    w = make_window(qtbot, "nl", view="orders", size=(1366, 768))
    w.view("orders").clock = lambda: NOW
    yield w
    end_drags()


def order_of(name: str) -> CustomOrder:
    return CustomOrder.select().join(Person).where(Person.name == name).get()


def buttons(view) -> dict[str, QPushButton]:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old pane's widgets go first
    return {b.objectName(): b for b in view.detail.findChildren(QPushButton) if b.objectName()}


def heading(view) -> str:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return view.detail.findChildren(QLabel)[0].text()


def listed(view) -> dict[str, str]:
    """Each row's customer and status as the list shows them."""
    return {row.cells[0]: row.cells[1] for row in view.model.rows}


def more_action(view, text: str):
    return next(a for a in buttons(view)["moreActions"].menu().actions() if a.text() == text)


def reminder_for(order: CustomOrder):
    return next(item for item in due.due_now(NOW) for part in item.parts
                if part.subject_type == "custom_order" and part.subject_id == order.id)


# --- 1. a reminder acted on from the tray: the pane on screen follows ---------------------------

def test_an_order_shipped_from_the_tray_shows_as_shipped_in_the_pane_on_screen(qtbot, window):
    """The tray's "Openen" opens the reminder over Maatwerk; once shipped there, the list and
    the pane said "Klaar" and "Verzenden…" until she switched views."""
    view = window.view("orders")
    sofie = order_of("Sofie Maes")
    view.select_order(sofie.id)
    assert buttons(view)["nextStatus"].text() == "Verzenden…"

    window.open_due_item(reminder_for(sofie))  # what the tray's "Openen" calls (app.open_item)
    [ship] = [d for d in window.findChildren(OrderShipDialog) if d.isVisible()]
    ship.tracking_code.setText(BPOST)
    ship.ship()
    assert CustomOrder.get_by_id(sofie.id).status == "shipped"
    assert listed(view)["Sofie Maes"] == "Verzonden"
    assert view.current_id == sofie.id and buttons(view)["nextStatus"].text() == "Markeren als bezorgd"
    ship.message_dialog.mark_sent()
    assert view.current_id == sofie.id and buttons(view)["nextStatus"].text() == "Markeren als bezorgd"


def test_a_delay_sent_from_a_reminder_shows_its_new_date_in_the_list_and_pane(qtbot, window):
    view = window.view("orders")
    ingrid = order_of("Ingrid van Leeuwen")
    view.select_order(ingrid.id)
    window.open_due_item(reminder_for(ingrid))
    [message] = [d for d in window.findChildren(OrderMessageDialog) if d.isVisible()]
    assert message.step() == "order_delay"
    message.mark_sent()
    moved = CustomOrder.get_by_id(ingrid.id).promised_ready
    assert moved > ingrid.promised_ready
    [row] = [r for r in view.model.rows if r.id == ingrid.id]
    assert row.cells[2] == i18n.list_date(moved) and "te laat" not in row.sublines[2]
    assert view.current_id == ingrid.id
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    shown = [w.text() for w in view.detail.findChildren(QLabel)]
    assert i18n.detail_date(moved) in shown and "1 dag te laat" not in shown


def test_a_reminder_done_from_a_tray_popup_takes_the_banner_off_the_pane(qtbot, window, monkeypatch):
    """The popup's "Klaar" (app._done) changed the reminder; the pane on screen kept its banner."""
    from desktop import app as app_module

    view = window.view("orders")
    kevin = order_of("Kevin Jacobs")
    view.select_order(kevin.id)
    assert "dueAction" in buttons(view)
    shell = app_module.Application.__new__(app_module.Application)  # only its window is asked
    shell.window = window
    app_module.Application._done(shell, [reminder_for(kevin)])
    assert "dueAction" not in buttons(view)
