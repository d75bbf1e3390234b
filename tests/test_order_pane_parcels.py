"""Maatwerk's order pane after a custom order's month (review of Maatwerk, the walk of order
MW-101): the pane names the order's parcels (carrier, code, sent date, status, a link to
follow it, the lost one beside the new one), the kinds of message are named without "je"
for a customer addressed with "u", the Dutch says "zoekgeraakt" throughout, the ready
message names the order number where the other messages do, the status bar does not say
twice what its undo button says, and an order without a product names its personalisation
on its row's main line."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QLabel

from desktop import i18n
from desktop.clock import to_local
from desktop.store import orders as store
from desktop.store import shipping
from desktop.store.models import CustomOrder, Person, Shipment

from desktop.views.rows import plain_tooltip

from .conftest import NOW
from .helpers import make_window

BPOST = "323299999900001234567890"
BPOST_AGAIN = "323299999900001234567999"


def order_of(name: str) -> CustomOrder:
    return CustomOrder.select().join(Person).where(Person.name == name).get()


def pane_texts(view) -> list[str]:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old pane's widgets go first
    return [w.text() for w in view.detail.findChildren(QLabel) if w.text()]


def shown(view, order_id: int) -> None:
    view.refresh()
    assert view.select_order(order_id)
    view.show_detail(order_id)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def english(qtbot, demo_db, translator):
    w = make_window(qtbot, "en", view="orders", size=(1366, 768))
    w.view("orders").clock = lambda: NOW
    return w


@pytest.fixture
def dutch(qtbot, demo_db, translator):
    w = make_window(qtbot, "nl", view="orders", size=(1366, 768))
    w.view("orders").clock = lambda: NOW
    return w


def lost_and_sent_again(order: CustomOrder) -> tuple[Shipment, Shipment]:
    """Sofie's ready order shipped with bpost, the parcel lost, then sent in a new parcel."""
    first = store.ship_order(order.id, store.ShipInput(carrier="bpost", tracking_code=BPOST), NOW)
    shipping.advance(first.id, "lose", NOW + timedelta(days=1))
    second = store.ship_order(order.id, store.ShipInput(carrier="bpost", tracking_code=BPOST_AGAIN),
                              NOW + timedelta(days=2))
    return Shipment.get_by_id(first.id), Shipment.get_by_id(second.id)


# --- 1. the order's parcels in its pane ----------------------------------------------------------

def test_the_pane_names_a_shipped_orders_parcel_with_its_carrier_code_day_and_link(qtbot, english, monkeypatch):
    from desktop.views import shipments

    opened = []
    monkeypatch.setattr(shipments, "open_link", lambda url: opened.append(url) or True)
    view = english.view("orders")
    sofie = order_of("Sofie Maes")
    shown(view, sofie.id)
    assert "Parcel" not in pane_texts(view)  # not shipped yet: no parcel to name
    parcel = store.ship_order(sofie.id, store.ShipInput(carrier="bpost", tracking_code=BPOST), NOW)
    shown(view, sofie.id)
    texts = pane_texts(view)
    assert "Parcel" in texts and "bpost" in texts and BPOST in texts
    assert "Sent" in texts and i18n.detail_date(to_local(NOW).date()) in texts
    [link] = [w for w in view.detail.findChildren(QLabel) if w.objectName() == "parcelLink"]
    assert parcel.tracking_url and link.toolTip() == plain_tooltip(parcel.tracking_url)
    link.linkActivated.emit(parcel.tracking_url)
    assert opened == [parcel.tracking_url]


def test_after_a_lost_parcel_the_pane_shows_the_lost_one_and_the_new_one(qtbot, english):
    view = english.view("orders")
    sofie = order_of("Sofie Maes")
    lost, new = lost_and_sent_again(sofie)
    shown(view, sofie.id)
    texts = pane_texts(view)
    assert "Parcels" in texts and "Parcel 1 of 2" in texts and "Parcel 2 of 2" in texts
    assert BPOST in texts and BPOST_AGAIN in texts
    first, second = texts.index("Parcel 1 of 2"), texts.index("Parcel 2 of 2")
    assert first < texts.index(BPOST) < second < texts.index(BPOST_AGAIN)
    # the lost one in the banner's words, the new one as Zendingen says it
    assert texts[first:second].count("Lost") == 1 and "Sent" in texts[second:]
    links = [w for w in view.detail.findChildren(QLabel) if w.objectName() == "parcelLink"]
    assert [link.toolTip() for link in links] == [plain_tooltip(lost.tracking_url), plain_tooltip(new.tracking_url)]


def test_a_parcel_without_a_kept_link_gets_the_carriers_page_for_where_the_order_goes(qtbot, english):
    """A parcel stored without its link (recorded before its code fitted, an older one) is still
    followed: the carrier's page made for the postcode the order's parcel goes to."""
    from desktop.presentation import order_texts

    sofie = order_of("Sofie Maes")
    parcel = store.ship_order(sofie.id, store.ShipInput(carrier="bpost", tracking_code=BPOST), NOW)
    kept = parcel.tracking_url
    Shipment.update(tracking_url="").where(Shipment.id == parcel.id).execute()
    made = order_texts.parcel_link(Shipment.get_by_id(parcel.id), CustomOrder.get_by_id(sofie.id))
    assert made == kept and BPOST in made


def test_what_was_typed_with_a_parcel_shows_as_plain_text_and_only_a_web_link_opens(qtbot, english):
    view = english.view("orders")
    sofie = order_of("Sofie Maes")
    parcel = store.ship_order(sofie.id, store.ShipInput(carrier="bpost", tracking_code=BPOST), NOW)
    Shipment.update(tracking_code="<b>3S</b>", tracking_url="javascript:alert(1)").where(
        Shipment.id == parcel.id).execute()
    shown(view, sofie.id)
    assert "<b>3S</b>" in pane_texts(view)  # as typed, in a plain-text label
    assert not [w for w in view.detail.findChildren(QLabel) if w.objectName() == "parcelLink"]
    Shipment.update(tracking_url='https://example.com/t?c=1"><img/src=x>').where(Shipment.id == parcel.id).execute()
    shown(view, sofie.id)
    [link] = [w for w in view.detail.findChildren(QLabel) if w.objectName() == "parcelLink"]
    assert '"><img' not in link.text() and "&quot;&gt;&lt;img" in link.text()


# --- 2. the kinds of message are the owner's names, not words to the customer -------------------

def test_the_kinds_of_message_do_not_speak_to_the_customer(english):
    """"Your order is ready" read "Je bestelling is klaar" in the pane of a customer addressed
    with "u"; a name for the owner says no "you" at all."""
    from desktop.views.order_message import MESSAGE_LABELS, message_label

    for step in MESSAGE_LABELS:
        words = message_label(step).lower().split()
        assert not {"your", "you", "we're"} & set(words), step


def test_a_message_sent_to_a_u_customer_is_named_without_je_in_the_pane_and_on_undo(qtbot, dutch):
    """Dutch words: the catalog's (strings_order-pane.json until merged). A message stored
    before keeps its key (``Event.step``): it is named in the new words too."""
    from desktop.views.order_message import OrderMessageDialog

    view = dutch.view("orders")
    sofie = order_of("Sofie Maes")
    Person.update(address_form="u").where(Person.id == sofie.person_id).execute()
    shown(view, sofie.id)
    dialog = OrderMessageDialog(dutch, sofie.id, "order_ready", NOW)
    qtbot.addWidget(dialog)
    assert dialog.kind.currentText() == "Bestelling klaar"
    dialog.mark_sent()
    assert dutch.undo_action.text() == (
        "&Ongedaan maken: bericht „Bestelling klaar” over bestelling #1029 voor Sofie Maes als verzonden gemarkeerd")
    shown(view, sofie.id)
    sent = [t for t in pane_texts(view) if "Bestelling klaar" in t]
    assert len(sent) == 1 and sent[0].endswith("E-mail: Bestelling klaar"), sent
    assert not [t for t in pane_texts(view) if "Je bestelling" in t or "je bestelling" in t]


# --- 3. a lost parcel "zoekgeraakt" everywhere in Maatwerk ---------------------------------------

def test_a_lost_parcel_is_zoekgeraakt_in_the_list_the_pane_and_the_ship_dialog(qtbot, dutch):
    """The banner said "is kwijtgeraakt", the status "Pakket kwijt", the rest of the app
    (the timeline, the messages) "zoekgeraakt". Dutch words: the catalog's
    (strings_order-pane.json until merged)."""
    from desktop.views.order_message import OrderShipDialog

    view = dutch.view("orders")
    sofie = order_of("Sofie Maes")
    parcel = store.ship_order(sofie.id, store.ShipInput(carrier="bpost", tracking_code=BPOST), NOW)
    shipping.advance(parcel.id, "lose", NOW)
    shown(view, sofie.id)
    [row] = [r for r in view.model.rows if r.id == sofie.id]
    assert row.cells[1] == "Pakket zoekgeraakt"
    texts = pane_texts(view)
    [banner] = [w.text() for w in view.detail.findChildren(QLabel) if w.objectName() == "parcelGone"]
    assert banner.startswith("Het pakket dat op ") and ", is onderweg zoekgeraakt. " in banner, banner
    assert "Klaar, pakket zoekgeraakt" in texts and "Zoekgeraakt" in texts  # the status, the parcel's
    assert not [t for t in texts if "kwijt" in t.lower()], texts
    dialog = OrderShipDialog(dutch, sofie.id, NOW)
    qtbot.addWidget(dialog)
    [note] = [w.text() for w in dialog.findChildren(QLabel) if w.objectName() == "againNote"]
    assert ", is onderweg zoekgeraakt. " in note and "kwijt" not in note


# --- 4. the ready message: the order number beside the count ------------------------------------
# (tests/test_order_messages.py: three necklaces; here the reviewer's order, a "u" customer in Belgium)

def test_the_ready_message_names_the_order_number_beside_the_count(qtbot, demo_db):
    from desktop.presentation import due_texts

    sofie = order_of("Sofie Maes")
    CustomOrder.update(quantity=2, order_number="MW-101", personalisation="Sleutelhanger met letter M").where(
        CustomOrder.id == sofie.id).execute()
    Person.update(address_form="u", country="BE", language="nl").where(Person.id == sofie.person_id).execute()
    body = due_texts.compose_order(sofie.id, "order_ready", NOW).body
    assert "we hebben uw Naamketting (2 stuks, bestelling MW-101) klaar!" in body, body
    assert "letter M" not in body


# --- 5. the status bar and the list at 1366 × 768 ------------------------------------------------

def test_the_status_bar_does_not_repeat_what_its_undo_button_says(qtbot, english):
    from PySide6.QtGui import QUndoCommand

    what = "message “Order confirmation” about order MW-101 for Marc Peeters marked sent"
    english.push_undoable(QUndoCommand(what))
    assert english.undo_button.isVisible() and english.undo_button.text() == f"Undo: {what}"
    assert english.statusBar().currentMessage() == "Done (Ctrl+Z undoes it)"


def test_an_order_without_a_product_names_its_personalisation_on_its_rows_main_line(qtbot, english):
    view = english.view("orders")
    sofie = order_of("Sofie Maes")
    CustomOrder.update(product=None, personalisation="Sleutelhanger met letter M").where(
        CustomOrder.id == sofie.id).execute()
    view.refresh()
    [row] = [r for r in view.model.rows if r.id == sofie.id]
    assert row.cells[3] == "Sleutelhanger met letter M" and not row.sublines.get(3)
    [kept] = [r for r in view.model.rows if r.id == order_of("Kevin Jacobs").id]
    assert kept.cells[3] and kept.sublines.get(3)  # a product over its personalisation, as before
