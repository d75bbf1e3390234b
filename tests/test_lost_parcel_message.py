"""The message to a customer whose order's parcel got lost or came back (lost-parcel-message).

Once Zendingen marked the parcel lost or returned, the order was "Klaar" again and Maatwerk's
"Send message" offered only "Your order is ready" ("Good news: we've finished your …!"),
untrue for a customer still waiting for a parcel that never came; and once it was shipped
again, "on its way" said nothing of the earlier parcel.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QPushButton

from desktop.store import orders as store
from desktop.store import settings
from desktop.store.models import CustomOrder

from .conftest import NOW


def _shipped(**kw) -> tuple[CustomOrder, object]:
    """Order #2001 for Noor Visser (in English unless told), made and shipped with PostNL on NOW."""
    from tests.test_orders_store import form

    values = dict(name="Noor Visser", email="noor@example.nl", country="NL", language="en", address_form="je",
                  order_number="#2001", ordered_on=date(2026, 11, 20), promised_ready=date(2026, 12, 4),
                  promised_delivery=None, status="ready", money_locale="nl_NL", street="Langestraat 2",
                  postcode="3811 AB", city="Amersfoort")
    values.update(kw)
    order = store.save_order(form(**values), NOW)
    settings.set("shop_name", "Zilver & Zo")
    settings.set("owner_name", "Eva")
    parcel = store.ship_order(order.id, store.ShipInput("postnl", "3SABCD1234567"), NOW)
    return CustomOrder.get_by_id(order.id), parcel


def _gone(action: str, **kw) -> CustomOrder:
    from desktop.store import shipping

    order, parcel = _shipped(**kw)
    shipping.advance(parcel.id, action, NOW + timedelta(days=2))
    assert CustomOrder.get_by_id(order.id).status == "ready"
    return order


def test_a_ready_order_whose_parcel_did_not_arrive_is_offered_the_resend_message_not_ready():
    from desktop.domain.orders import offered_messages
    from desktop.views.order_message import MESSAGE_LABELS

    steps = list(MESSAGE_LABELS)
    assert offered_messages("ready", False, steps) == ["order_ready"]
    assert offered_messages("ready", False, steps, parcel_gone=True) == ["order_resend"]
    assert offered_messages("ready", True, steps, parcel_gone=True) == ["order_resend"]
    # a shipped order's new parcel on its way is no parcel gone: "on its way" again
    assert offered_messages("shipped", False, steps) == ["order_shipped"]
    # the other statuses keep theirs
    assert offered_messages("in_production", False, steps, parcel_gone=True) == [
        "order_confirmation", "order_update", "order_delay"]


@pytest.mark.parametrize("action,template,words,again", [
    ("lose", "order.resend", "got lost on its way and never arrived",
     "We're sending your order out again, and we'll let you know as soon as the new parcel is on its way."),
    # a parcel that came back: sorry, where it went, and is that address right before it goes again
    # (order-words, resend-address)
    ("return", "order.resend.returned", "couldn't be delivered and has come back to us. We're sorry about that.",
     "We sent it to:\nNoor Visser\nLangestraat 2\n3811 AB Amersfoort\n\nIs the address still right? If not, "
     "just reply with the correct one. We'll let you know as soon as the new parcel is on its way."),
])
def test_the_resend_message_says_what_happened_to_the_parcel_and_that_a_new_one_follows(database, action,
                                                                                       template, words, again):
    from desktop.presentation import due_texts

    order = _gone(action)
    message = due_texts.compose_order(order.id, "order_resend", NOW + timedelta(days=2))
    assert message.template == template
    assert message.subject == "We're sending your order #2001 again"
    assert words in message.body and "(order #2001)" in message.body
    assert again in message.body
    assert "track" not in message.body.lower() and "link" not in message.body  # the new parcel is not made yet
    assert "Good news" not in message.body and "finished" not in message.body
    assert message.body.startswith("Hi Noor,") and message.body.endswith("Eva\nZilver & Zo")
    assert message.missing == ()
    # recorded as what it is: the next message after it knows
    store.record_message(order.id, "order_resend", "email", message.body, NOW + timedelta(days=2))
    assert store.last_purpose(order.id) == "order_resend"


def test_the_resend_message_of_an_order_without_a_number_leaves_the_number_out(database):
    from desktop.presentation import due_texts

    order = _gone("lose", order_number="")
    message = due_texts.compose_order(order.id, "order_resend", NOW + timedelta(days=2))
    assert message.subject == "We're sending your order again"
    assert "(order" not in message.body and "  " not in message.body
    assert "the parcel with your personalised item got lost" in message.body
    assert message.incomplete == ()


def test_the_shipped_message_after_a_resend_names_the_new_parcel(database):
    from desktop.presentation import due_texts
    from desktop.store import shipping

    order, first = _shipped()
    assert due_texts.compose_order(order.id, "order_shipped", NOW).template == "order.shipped"
    shipping.advance(first.id, "lose", NOW + timedelta(days=2))
    store.ship_order(order.id, store.ShipInput("dhl", "JVGL0123456789"), NOW + timedelta(days=3))
    message = due_texts.compose_order(order.id, "order_shipped", NOW + timedelta(days=3))
    assert message.template == "order.shipped.again"
    assert message.subject == "Your order #2001 is on its way again"
    assert "The new parcel with your personalised item is on its way! It's being delivered by DHL." in message.body
    assert "JVGL0123456789" in message.body


def test_the_new_templates_are_edited_like_the_others():
    from desktop.presentation import messages

    for template_id in ("order.resend", "order.resend.returned", "order.shipped.again"):
        assert template_id in messages.template_ids()
        offered = messages.placeholders_for(template_id)
        assert {"product", "bestelnummer", "aanhef", "groet", "afzender", "winkel"} <= set(offered)
    assert {"vervoerder", "track_trace"} <= set(messages.placeholders_for("order.shipped.again"))
    # where the parcel that came back went (resend-address): only where it is filled in
    assert "adres" in messages.placeholders_for("order.resend.returned")
    assert "adres" not in messages.placeholders_for("order.resend")


def test_maatwerk_offers_the_resend_message_for_an_order_whose_parcel_got_lost(qtbot, database, translator,
                                                                              monkeypatch):
    from desktop.views import orders as orders_view
    from desktop.views.order_message import OrderMessageDialog

    from .helpers import make_window

    order = _gone("lose")
    window = make_window(qtbot, "nl", view="orders", size=(1366, 768))
    view = window.view("orders")
    view.clock = lambda: NOW + timedelta(days=2)
    view.refresh()
    view.select_order(order.id)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    [button] = [b for b in view.detail.findChildren(QPushButton) if b.objectName() == "sendMessage"]
    assert [a.data() for a in button.menu().actions()] == ["order_resend"]
    opened: list = []
    monkeypatch.setattr(orders_view, "run_dialog", lambda d: opened.append(d.step()) or 0)
    view.send_message("order_ready", order.id)  # a ready question asked elsewhere opens what is true
    assert opened == ["order_resend"]
    dialog = OrderMessageDialog(None, order.id, "order_resend", NOW + timedelta(days=2))
    qtbot.addWidget(dialog)
    assert [dialog.kind.itemData(i) for i in range(dialog.kind.count())] == ["order_resend"]
    assert "#2001" in dialog.subject.text() and "Good news" not in dialog.body.toPlainText()
