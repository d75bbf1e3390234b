"""The messages around an order sent again after its parcel got lost or came back
(resend-undo): a gift's new parcel is told as the new one, and why there is one, not as if
it were the first; and no message promises or quotes a tracking link the new parcel has not
got."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from desktop.presentation import due_texts, messages
from desktop.store import orders, shipping
from desktop.store.models import Person
from tests.conftest import NOW
from tests.readers import READERS, as_reader
from tests.test_order_messages import make_order, shipped_to, shop  # noqa: F401 (the fixture)

LATER = NOW + timedelta(days=3)
TRACKING = re.compile(r"track|link|volgen|follow", re.I)


def _gone(action: str, gift: bool = True):
    """Order #1050 (a gift to Jeroen de Graaf in Antwerp), shipped with PostNL, its parcel lost or returned."""
    order = make_order(status="ready", lang="en")
    if gift:
        shipped_to(order, "Jeroen de Graaf")
    first = orders.ship_order(order.id, orders.ShipInput("postnl", "3SABCD1234560"), NOW)
    shipping.advance(first.id, action, NOW + timedelta(days=2))
    return order


@pytest.mark.parametrize("action,template,words", [
    ("lose", "order.shipped.gift.again", "for Jeroen de Graaf got lost in the post. We're sorry about that!"),
    ("return", "order.shipped.gift.again.returned",
     "for Jeroen de Graaf couldn't be delivered and came back to us. We're sorry about that!"),
])
def test_a_gifts_new_parcel_is_told_as_the_new_one_and_why(shop, action, template, words):  # noqa: F811
    order = _gone(action)
    orders.ship_order(order.id, orders.ShipInput("dhl", "JVGL0123456789"), LATER)
    message = due_texts.compose_order(order.id, "order_shipped", LATER)
    assert message.template == template  # was "order.shipped.gift", as if it were the first parcel
    assert message.subject == "Your order #1050 is on its way again"
    assert message.body.startswith("Hi Marieke,\n\nThe parcel with your Armband met initiaal " + words)
    assert " We've sent a new one. DHL is delivering it." in message.body
    assert "You can follow it here:\nhttps://" in message.body and "JVGL0123456789" in message.body
    assert "We hope Jeroen de Graaf loves it!" in message.body and "enjoy" not in message.body
    assert message.missing == ()


def test_the_buyers_own_new_parcel_keeps_its_wording(shop):  # noqa: F811
    order = _gone("return", gift=False)
    orders.ship_order(order.id, orders.ShipInput("dhl", "JVGL0123456789"), LATER)
    assert due_texts.compose_order(order.id, "order_shipped", LATER).template == "order.shipped.again"


def test_which_parcel_the_new_one_replaces(database):
    order = make_order(status="ready")
    assert orders.replaced_parcel(order.id) is None
    first = orders.ship_order(order.id, orders.ShipInput("postnl", "3SABCD1234560"), NOW)
    assert orders.replaced_parcel(order.id) is None  # the first parcel replaces nothing
    shipping.advance(first.id, "return", NOW + timedelta(days=1))
    assert orders.replaced_parcel(order.id) is None  # nothing new out yet
    second = orders.ship_order(order.id, orders.ShipInput("postnl", "3SABCD1234561"), NOW + timedelta(days=2))
    assert orders.replaced_parcel(order.id) == "returned"
    shipping.advance(second.id, "lose", NOW + timedelta(days=4))
    orders.ship_order(order.id, orders.ShipInput("postnl", "3SABCD1234562"), NOW + timedelta(days=5))
    assert orders.replaced_parcel(order.id) == "lost"  # the latest that did not arrive


@pytest.mark.parametrize("gift", [True, False])
@pytest.mark.parametrize("carrier", ["postnl", "other"])
def test_a_new_parcel_without_a_code_is_told_without_a_link(shop, gift, carrier):  # noqa: F811
    order = _gone("lose", gift=gift)
    orders.ship_order(order.id, orders.ShipInput(carrier, ""), LATER)
    for key in READERS:
        as_reader(Person.get_by_id(order.person_id), *key)
        message = due_texts.compose_order(order.id, "order_shipped", LATER)
        assert message.template.startswith("order.shipped.") and message.template.endswith("again"), key
        assert not TRACKING.search(message.body), (key, message.body)
        # the new parcel is told even without its carrier: "is on its way", or for a gift "we've sent a new
        # one" right after the apology (order-words: "onderweg" once, its carrier a sentence of its own)
        assert re.search(r"is onderweg|on its way|een nieuw (pakket|pakje) verstuurd|We've sent a new one",
                         message.body), (key, message.body)
        assert "\n\n\n" not in message.body and "  " not in message.body and "{" not in message.body


@pytest.mark.parametrize("action", ["lose", "return"])
@pytest.mark.parametrize("gift", [True, False])
def test_the_resend_message_promises_no_tracking_link(shop, action, gift):  # noqa: F811
    """The new parcel is not made when she writes "we're sending it again", and may go without
    a code: the message says she will hear when it is on its way, never "a new tracking link"."""
    order = _gone(action, gift=gift)
    for key in READERS:
        as_reader(Person.get_by_id(order.person_id), *key)
        message = due_texts.compose_order(order.id, "order_resend", NOW + timedelta(days=2))
        assert message.template in ("order.resend", "order.resend.returned")
        assert not TRACKING.search(message.body), (key, message.body)
        assert message.missing == ()


@pytest.mark.parametrize("template_id", ["order.shipped.gift.again", "order.shipped.gift.again.returned"])
def test_the_gifts_new_templates_are_edited_like_the_others(template_id):
    assert template_id in messages.template_ids()
    offered = set(messages.placeholders_for(template_id))
    assert {"product", "ontvanger", "vervoerder", "track_trace", "bestelnummer"} <= offered
