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


# --- 1b. a button does what it said, or nothing ------------------------------------------------

def test_a_button_on_a_pane_the_order_moved_on_from_does_nothing_and_says_so(qtbot, window, monkeypatch):
    """"Verzenden…" on a pane left at "Klaar" after the order was shipped elsewhere marked it
    delivered, parcel and all, with no question and nothing on Undo."""
    view = window.view("orders")
    sofie = order_of("Sofie Maes")
    view.select_order(sofie.id)
    stale_ship = buttons(view)["nextStatus"]
    store.ship_order(sofie.id, store.ShipInput("bpost", BPOST), NOW)  # elsewhere: nothing told the view
    told, asked = [], []
    monkeypatch.setattr(dialogs, "inform", lambda _parent, title, text: told.append(text))
    monkeypatch.setattr(dialogs, "confirm", lambda _parent, title, text: asked.append(text) or True)

    stale_ship.click()
    assert CustomOrder.get_by_id(sofie.id).status == "shipped"
    assert [s.status for s in Shipment.select().where(Shipment.custom_order == sofie.id)] == ["sent"]
    [text] = told
    assert "Sofie Maes" in text and "Verzonden" in text
    assert view.current_id == sofie.id and buttons(view)["nextStatus"].text() == "Markeren als bezorgd"

    stale_cancel = more_action(view, "Deze bestelling annuleren")  # on the pane of the shipped order
    store.move_status(sofie.id, "delivered", NOW)  # elsewhere again
    stale_cancel.trigger()
    assert CustomOrder.get_by_id(sofie.id).status == "delivered" and not asked and len(told) == 2
    assert view.model.index_of(sofie.id) is None  # delivered: not an open order any more
    assert told[1].count("Bezorgd") == 2  # its status, and where she finds it (Show → "Bezorgd")


# --- 2. the empty list under a status -----------------------------------------------------------

def test_a_status_without_orders_says_so_with_the_way_back(qtbot, window):
    view = window.view("orders")
    view.status_filter.setCurrentIndex(view.status_filter.findData("cancelled"))
    assert view.pages.currentIndex() == 0  # the empty page, not an empty list beside an empty pane
    assert "Geannuleerd" in view.empty_title.text()
    assert view.empty_title.text() != view.empty_heading()  # not "no custom orders yet"
    assert view.show_all_button.isVisible()
    assert not view.no_match.isVisible()
    view.show_all_button.click()
    assert view.status_filter.currentData() == "all"
    assert view.pages.currentIndex() == 1 and view.model.rowCount() == 5
    assert not view.show_all_button.isVisible()
    assert view.current_id is not None


def test_with_no_order_at_all_the_empty_page_says_how_to_start(qtbot, database, translator):
    w = make_window(qtbot, "nl", view="orders")
    view = w.view("orders")
    assert view.pages.currentIndex() == 0 and view.empty_title.text() == view.empty_heading()
    assert not view.show_all_button.isVisible()


def test_a_search_that_finds_nothing_leaves_the_list_its_height(qtbot, window):
    """The line under the list took half the page: the list shrank to its top ~300 px."""
    view = window.view("orders")
    view.search.setText("xyz")
    view._apply_filter()
    qtbot.waitUntil(lambda: view.no_match.isVisible())
    QApplication.processEvents()
    page = view.splitter.parentWidget()
    assert view.splitter.height() >= page.height() - 3 * view.no_match.sizeHint().height()


# --- 3. an order that leaves the list -----------------------------------------------------------

def test_a_cancelled_order_leaves_its_place_to_the_next_row_says_where_it_went_and_can_be_undone(
        qtbot, window, monkeypatch):
    view = window.view("orders")
    kevin = order_of("Kevin Jacobs")
    view.select_order(kevin.id)
    before = [row.id for row in view.model.rows]
    place = before.index(kevin.id)
    monkeypatch.setattr(dialogs, "confirm", lambda _p, title, _t: title == "Bestelling annuleren")  # no message now
    more_action(view, "Deze bestelling annuleren").trigger()
    assert CustomOrder.get_by_id(kevin.id).status == "cancelled"
    assert view.current_id == before[place + 1]  # the row that took its place, not the first row
    assert view.current_id != view.model.rows[0].id
    said = window.statusBar().currentMessage()
    assert "Kevin Jacobs" in said and "#1038" in said and "Geannuleerd" in said
    assert "Kevin Jacobs" in window.undo_stack.undoText()
    window.undo_stack.undo()
    assert CustomOrder.get_by_id(kevin.id).status == "in_production"
    assert "Kevin Jacobs" in listed(view)


def test_a_delivered_order_leaves_its_place_to_a_neighbour_and_says_where_it_went(qtbot, window):
    view = window.view("orders")
    sofie = order_of("Sofie Maes")
    store.ship_order(sofie.id, store.ShipInput("bpost", BPOST), NOW)
    view.refresh()
    view.select_order(sofie.id)
    before = [row.id for row in view.model.rows]
    buttons(view)["nextStatus"].click()  # "Markeren als bezorgd"
    assert CustomOrder.get_by_id(sofie.id).status == "delivered"
    assert before.index(sofie.id) == len(before) - 1  # the last row: the one before it takes its place
    assert view.current_id == before[-2]
    said = window.statusBar().currentMessage()
    assert "Sofie Maes" in said and "Bezorgd" in said


def test_a_reopened_order_is_followed_to_the_open_orders(qtbot, window, monkeypatch):
    view = window.view("orders")
    kevin = order_of("Kevin Jacobs")
    store.move_status(kevin.id, "cancelled", NOW)
    view.status_filter.setCurrentIndex(view.status_filter.findData("cancelled"))
    view.select_order(kevin.id)
    more_action(view, "Bestelling heropenen").trigger()
    assert CustomOrder.get_by_id(kevin.id).status == "new"
    assert view.status_filter.currentData() == "open"
    assert view.current_id == kevin.id and "Kevin Jacobs" in heading(view)
    said = window.statusBar().currentMessage()
    assert "Kevin Jacobs" in said and "Nieuw" in said


def test_an_order_still_listed_stays_in_the_pane_with_its_step_in_the_status_bar(qtbot, window, monkeypatch):
    view = window.view("orders")
    marieke = order_of("Marieke Hendriks")
    view.select_order(marieke.id)
    buttons(view)["nextStatus"].click()  # "Productie starten": still an open order
    assert view.current_id == marieke.id and buttons(view)["nextStatus"].text() == "Markeren als klaar"
    # the status bar's undo button names the step (its message beside it does not say it twice)
    assert window.undo_button.isVisible() and "Marieke Hendriks" in window.undo_button.text()
    assert window.statusBar().currentMessage().startswith("Gedaan")


# --- 4. a product dropped on an order already sent ----------------------------------------------

@pytest.mark.parametrize("status", ["shipped", "delivered", "cancelled"])
def test_a_product_dropped_on_an_order_already_sent_or_cancelled_is_refused_with_its_reason(
        qtbot, window, monkeypatch, status):
    view = window.view("orders")
    view.status_filter.setCurrentIndex(view.status_filter.findData("all"))
    sofie = order_of("Sofie Maes")
    if status in ("shipped", "delivered"):
        store.ship_order(sofie.id, store.ShipInput("bpost", BPOST), NOW)
    if status != "shipped":
        store.move_status(sofie.id, status, NOW)
    view.refresh()
    before = CustomOrder.get_by_id(sofie.id).product_id
    ring = Product.get(Product.sku == "VP-801")
    warned = []
    monkeypatch.setattr(dialogs, "warn", lambda _parent, title, text: warned.append(text))
    mime = products_mime([ring.id])
    index = view.model.index_of(sofie.id)
    spot = view.table.visualRect(view.model.index(index, 0)).center()
    [row_target] = [t for t in window.shipping.order_targets if t.widget is view.table.viewport()]
    drag(view.table.viewport(), spot, mime, drop=False)
    assert row_target.highlight.refused and "Sofie Maes" in row_target.refused_reason  # outlined in red, said why
    drag(view.table.viewport(), spot, mime)
    qtbot.waitUntil(lambda: bool(warned))
    assert CustomOrder.get_by_id(sofie.id).product_id == before
    assert "Sofie Maes" in warned[0] and "#1029" in warned[0]
    assert not Event.select().where(Event.fact == "order_product").exists()


# --- 5. an order without a shop number ----------------------------------------------------------

@pytest.fixture
def noor(window):
    person = Person.create(name="Noor Visser", email="noor@example.nl", is_customer=True)
    return CustomOrder.create(person=person, order_number="", personalisation="Letter N", price_cents=1995,
                              ordered_on=NOW.date(), promised_ready=NOW.date() + timedelta(days=10), status="new")


def test_an_order_without_a_number_is_named_by_its_customer(qtbot, window, noor, monkeypatch):
    view = window.view("orders")
    view.refresh()
    view.select_order(noor.id)
    assert "Noor Visser" in heading(view) and "—" not in heading(view)
    product = Product.get(Product.sku == "VP-801")
    mime = products_mime([product.id])
    spot = view.table.visualRect(view.model.index(view.model.index_of(noor.id), 0)).center()
    drag(view.table.viewport(), spot, mime)
    qtbot.waitUntil(lambda: CustomOrder.get_by_id(noor.id).product_id == product.id)
    for text in (window.undo_stack.undoText(), window.undo_button.text(), window.undo_action.text()):
        assert "Noor Visser" in text and "  " not in text
    [event] = Event.select().where(Event.fact == "order_product")
    line = event_texts.shown(event)
    assert line.endswith(": Sieradendoosje") or "Sieradendoosje" in line
    assert " :" not in line and "  " not in line
    chosen = []
    monkeypatch.setattr(dialogs, "choose", lambda _p, _t, _x, entries, current=None: chosen.append(entries))
    window.shipping.catalogue.table.selectRow(0)
    window.shipping.order_selected()
    [entry] = [text for _id, text, _mark in chosen[0] if _id == noor.id]
    assert "Noor Visser" in entry and not entry.startswith(" ") and "Sieradendoosje" in entry


def test_the_order_number_field_shows_an_example_not_a_number(qtbot, window):
    from desktop.views.order_dialog import OrderDialog

    dialog = OrderDialog(window, NOW)
    qtbot.addWidget(dialog)
    hint = dialog.order_number.placeholderText()
    assert hint.endswith("#1042") and hint != "#1042"
