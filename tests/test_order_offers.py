"""A review of the custom-order messages (order-offers): what a customer reads, for the five
readers (Dutch je/u, Belgian je/u, English).

1. The delay message quoted a ready date the customer never heard: the owner had moved it in
   the order's form since the confirmation, without a message.
2. The order's "Send message" offered messages untrue of its status (a cancelled order's
   "your order is ready", a new order's "on its way"), and none for a cancelled order.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from desktop.presentation import due_texts
from desktop.store import orders, settings
from desktop.store.models import Person

from .conftest import NOW
from .readers import AMS, READERS, as_reader

ZONE = ZoneInfo(AMS)


def _at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    """A moment of the owner's day, as the store keeps it (naive UTC)."""
    local = datetime.combine(day, time(hour, minute), tzinfo=ZONE)
    return local.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


@pytest.fixture
def shop(database):
    settings.set("time_zone", AMS)
    settings.set("shop_name", "Zilver & Zo")
    settings.set("owner_name", "Eva")
    return database


def _order(ready: date, **kw):
    from tests.test_orders_store import form

    values = dict(status="in_production", promised_ready=ready, promised_delivery=None, order_number="#2001",
                  ordered_on=date(2026, 11, 23), address_form="je", country="NL", money_locale="nl_NL")
    values.update(kw)
    return orders.save_order(form(**values), NOW)


def _move_in_form(order, ready: date, at: datetime):
    """Bewerken…: the promised date moved, with a reason, and no message to the customer."""
    from tests.test_orders_store import form

    return orders.save_order(form(status=order.status, promised_ready=ready, promised_delivery=None,
                                  order_number=order.order_number, ordered_on=order.ordered_on, address_form="je",
                                  country="NL", money_locale="nl_NL", change_reason="Het zilver komt later binnen"),
                             at, order_id=order.id, person_id=order.person_id)


def _told_then_moved():
    """Order #2001, ready Monday 14 December; the confirmation says so; two hours later the
    owner moves it to Wednesday the 16th in the order's form."""
    order = _order(date(2026, 12, 14))
    confirmation = due_texts.compose_order(order.id, "order_confirmation", NOW)
    orders.record_message(order.id, "order_confirmation", "email", confirmation.body, NOW)
    _move_in_form(order, date(2026, 12, 16), _at(date(2026, 11, 23), 12, 30))
    return order


# --- 1. the delay quotes the date the customer was told ------------------------------------

def test_the_delay_after_a_date_moved_in_the_form_quotes_the_date_the_customer_was_told(shop):
    order = _told_then_moved()
    later = _at(date(2026, 11, 23), 13, 0)
    for key in READERS:
        as_reader(Person.get_by_id(order.person_id), *key)
        message = due_texts.compose_order(order.id, "order_delay", later, new_ready=date(2026, 12, 21))
        body = message.body.lower()
        assert "14 december" in body and "21 december" in body, (key, message.body)
        assert "16 december" not in body, (key, message.body)
        assert message.template == "order.delay", key
    as_reader(Person.get_by_id(order.person_id), "nl", "NL", "je")
    body = due_texts.compose_order(order.id, "order_delay", later, new_ready=date(2026, 12, 21)).body
    assert "We hadden je bestelling beloofd voor maandag 14 december." in body
    # sent: the customer now knows the 21st, and the next news starts from it
    orders.record_message(order.id, "order_delay", "email", body, later, new_ready=date(2026, 12, 21))
    assert orders.date_told(order.id) is None
    update = due_texts.compose_order(order.id, "order_update", _at(date(2026, 12, 1))).body
    assert "21 december" in update and "14 december" not in update and "16 december" not in update


def test_a_delay_once_the_date_she_was_told_is_over_is_late_news_about_that_date(shop):
    """On the 15th her day (the 14th) is over, the moved one (the 16th) not yet: the delay
    said "taking a little longer… we had promised your order for 16 December"."""
    order = _told_then_moved()
    for day in (date(2026, 12, 15), date(2026, 12, 18)):  # before and after the moved date too
        for key in READERS:
            as_reader(Person.get_by_id(order.person_id), *key)
            message = due_texts.compose_order(order.id, "order_delay", _at(day), new_ready=date(2026, 12, 21))
            body = message.body.lower()
            assert message.template == "order.late", (day, key)
            assert "14 december" in body and "16 december" not in body, (day, key, message.body)
    as_reader(Person.get_by_id(order.person_id), "nl", "NL", "je")
    body = due_texts.compose_order(order.id, "order_delay", _at(date(2026, 12, 15)), new_ready=date(2026, 12, 21)).body
    assert "je bestelling had op maandag 14 december klaar moeten zijn" in body
    assert "nu op maandag 21 december klaar" in body


def test_the_late_reminder_after_a_moved_date_leaves_the_new_date_to_her(shop):
    """Vandaag's preview of the late news: the date she was told, and the new date open
    (never the moved date, which is over too)."""
    order = _told_then_moved()
    as_reader(Person.get_by_id(order.person_id), "nl", "NL", "je")
    message = due_texts.compose_order(order.id, "order_delay", _at(date(2026, 12, 18)), date_unchosen=True)
    assert "14 december" in message.body and "16 december" not in message.body
    assert due_texts.new_date_hole("nl") in message.body
