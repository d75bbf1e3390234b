"""An order still "Verzonden" (or "Geleverd") while every parcel of it got lost or came back
(parcel-truth).

The order follows its parcel back to "Klaar" when the parcel is marked lost or returned in
Zendingen, but not when the shop's export says the order was sent after that (the import moves
it on to "shipped"), nor when the owner moved it on by hand. Maatwerk then offered "Shipped,
with tracking link": "The parcel with your … is on its way! You can follow your parcel here:"
with the link of the parcel that got lost. What is true is the re-send message (Maatwerk offers
"Ship again…" for such an order), and no message ever quotes a lost parcel's link.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QPushButton

from desktop.store import orders as store
from desktop.store.models import CustomOrder

from .conftest import NOW
from .test_lost_parcel_message import _shipped

LATER = NOW + timedelta(days=3)
CODE = "3SABCD1234567"  # the first parcel's tracking code (tests.test_lost_parcel_message._shipped)


def _gone_but_sent_on(action: str, status: str = "shipped", **kw) -> CustomOrder:
    """Order #2001 shipped with PostNL, its parcel lost or returned (the order back at "ready"),
    then "shipped" again by an import of the shop's export (``shop_orders._move_on`` sets the
    status as the shop has it) or "delivered" by hand: no parcel on its way."""
    from desktop.store import shipping

    order, parcel = _shipped(**kw)
    shipping.advance(parcel.id, action, NOW + timedelta(days=2))
    CustomOrder.update(status=status).where(CustomOrder.id == order.id).execute()
    assert store.gone_parcel(order.id) is not None
    return CustomOrder.get_by_id(order.id)


def test_a_sent_order_whose_parcels_all_did_not_arrive_is_offered_the_resend_message():
    from desktop.domain.orders import offered_messages
    from desktop.views.order_message import MESSAGE_LABELS

    steps = list(MESSAGE_LABELS)
    # was ["order_shipped"]: "on its way, follow it here", with the lost parcel's link
    assert offered_messages("shipped", False, steps, parcel_gone=True) == ["order_resend"]
    assert offered_messages("delivered", False, steps, parcel_gone=True) == ["order_resend"]
    # its new parcel on its way: no parcel gone, "on its way again"; delivered for real: nothing
    assert offered_messages("shipped", False, steps) == ["order_shipped"]
    assert offered_messages("delivered", False, steps) == []


@pytest.mark.parametrize("action,words,again", [
    ("lose", "got lost on its way and never arrived", "We're sending your order out again"),
    # a parcel that came back shows where it went and asks whether that is right (order-words, resend-address)
    ("return", "couldn't be delivered and has come back to us", "We sent it to:\n"),
])
def test_the_message_dialog_of_such_an_order_offers_the_resend_and_no_link(qtbot, database, action, words, again):
    from desktop.views.order_message import OrderMessageDialog

    order = _gone_but_sent_on(action)
    # asked for "on its way" (Zendingen's and Maatwerk's "ship" follow-ups ask for it): what is true opens
    dialog = OrderMessageDialog(None, order.id, "order_shipped", LATER)
    qtbot.addWidget(dialog)
    assert [dialog.kind.itemData(i) for i in range(dialog.kind.count())] == ["order_resend"]
    assert dialog.step() == "order_resend"
    body = dialog.body.toPlainText()
    assert words in body and again in body
    assert CODE not in body and "postnl" not in body.lower() and "follow" not in body.lower()


def test_maatwerk_offers_the_resend_for_a_shipped_order_whose_parcel_got_lost(qtbot, database, translator):
    from .helpers import make_window

    order = _gone_but_sent_on("lose")
    window = make_window(qtbot, "nl", view="orders", size=(1366, 768))
    view = window.view("orders")
    view.clock = lambda: LATER
    view.status_filter.setCurrentIndex(view.status_filter.findData("all"))
    view.refresh()
    view.select_order(order.id)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    [button] = [b for b in view.detail.findChildren(QPushButton) if b.objectName() == "sendMessage"]
    assert [a.data() for a in button.menu().actions()] == ["order_resend"]


def test_no_message_quotes_the_link_or_carrier_of_a_parcel_that_did_not_arrive(database):
    from desktop.presentation import due_texts

    order = _gone_but_sent_on("lose", status="shipped")
    # asked for anyway (an owner's old reminder, a script): the lost parcel is not followed
    message = due_texts.compose_order(order.id, "order_shipped", LATER)
    assert CODE not in message.body and "PostNL" not in message.body
    assert store.parcel_to_follow(order.id) is None
    # a new parcel: its own link and carrier, never the lost one's
    store.ship_order(order.id, store.ShipInput("dhl", "JVGL0123456789"), LATER)
    assert store.parcel_to_follow(order.id).carrier == "dhl"
    message = due_texts.compose_order(order.id, "order_shipped", LATER)
    assert "JVGL0123456789" in message.body and CODE not in message.body and "DHL" in message.body
