"""An order's message or ship dialog left open acts only on the order as it showed it
(review of the influencer walk, item 4): the same order shipped, or its message marked
sent, from another dialog, Vandaag or the tray meanwhile, and "Markeren als verstuurd" or
"Verzenden" in the old window logged the message a second time or made a second parcel.
Now the press changes nothing, says what happened, and the window closes (as a reminder's
window does: tests/test_stale_presses.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop import i18n
from desktop.store import settings
from desktop.store.models import Event, Shipment
from desktop.store import orders as store
from desktop.views.order_message import OrderMessageDialog, OrderShipDialog
from tests.conftest import NOW
from tests.test_orders_views import make_order

BPOST = "323299999999999999999999"


@pytest.fixture
def english(database, translator):
    settings.set("time_zone", "Europe/Amsterdam")
    i18n.set_language("en")  # the catalogs' Dutch for the new sentences comes with the lead's merge
    yield
    i18n.set_language("nl")


def _told(monkeypatch):
    from desktop.views import dialogs

    told = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append((title, text)))
    return told


def _messages(order):
    return Event.select().where(Event.subject_type == "custom_order", Event.subject_id == order.id,
                                Event.kind == "message").count()


def _parcels(order):
    return Shipment.select().where(Shipment.custom_order == order.id).count()


def _ship_dialog(qtbot, order, at):
    dialog = OrderShipDialog(None, order.id, at)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.carrier.setCurrentIndex(dialog.carrier.findData("bpost"))
    dialog.tracking_code.setText(BPOST)
    return dialog


def _message_dialog(qtbot, order, step, at):
    dialog = OrderMessageDialog(None, order.id, step, at)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_message_marked_sent_in_another_window_is_not_logged_twice(qtbot, english, monkeypatch):
    order = make_order(status="ready", ready_in=2)
    old = _message_dialog(qtbot, order, "order_ready", NOW)
    other = _message_dialog(qtbot, order, "order_ready", NOW + timedelta(minutes=3))
    other.mark_sent()  # the window opened from Vandaag, say
    assert other.result() == other.DialogCode.Accepted and _messages(order) == 1
    told = _told(monkeypatch)
    old.mark_sent()
    assert _messages(order) == 1  # nothing logged a second time
    assert old.result() == old.DialogCode.Rejected and not old.isVisible()
    [(title, text)] = told
    assert title == "Already handled"
    assert text.startswith("While this window was open, the message “Order ready” about order #1029 for "
                           "Sofie Maes was already marked as sent ("), text
    assert text.endswith("). Nothing was changed or logged a second time."), text


def test_an_order_shipped_in_another_window_is_not_shipped_twice(qtbot, english, monkeypatch):
    order = make_order(status="ready", ready_in=2)
    old = _ship_dialog(qtbot, order, NOW)
    other = _ship_dialog(qtbot, order, NOW + timedelta(minutes=3))
    other.ship()
    assert other.shipment is not None and _parcels(order) == 1
    told = _told(monkeypatch)
    old.ship()
    assert old.shipment is None and _parcels(order) == 1  # no second parcel
    assert old.result() == old.DialogCode.Rejected
    [(title, text)] = told
    assert title == "Already handled"
    assert text.startswith("While this window was open, order #1029 for Sofie Maes was already shipped ("), text


def test_a_message_about_an_order_shipped_meanwhile_is_not_marked_sent(qtbot, english, monkeypatch):
    """"Order ready" left open while the order went out from Maatwerk: marking it sent
    now would tell the customer an order already on its way is ready."""
    order = make_order(status="ready", ready_in=2)
    old = _message_dialog(qtbot, order, "order_ready", NOW)
    _ship_dialog(qtbot, order, NOW + timedelta(minutes=3)).ship()
    told = _told(monkeypatch)
    old.mark_sent()
    assert _messages(order) == 0
    [(title, text)] = told
    assert "was already shipped" in text


def test_a_status_changed_elsewhere_is_said_with_the_status_now(qtbot, english, monkeypatch):
    order = make_order(status="in_production", ready_in=2)
    old = _message_dialog(qtbot, order, "order_update", NOW)
    store.move_status(order.id, "ready", NOW + timedelta(minutes=3))
    told = _told(monkeypatch)
    old.mark_sent()
    assert _messages(order) == 0
    [(title, text)] = told
    assert title == "Changed meanwhile"
    assert text == ("While this window was open, order #1029 for Sofie Maes was changed elsewhere: it is “Ready” "
                    "now. Nothing was changed or logged a second time."), text


def test_a_window_whose_order_is_as_shown_acts_as_before(qtbot, english, monkeypatch):
    order = make_order(status="ready", ready_in=2)
    dialog = _ship_dialog(qtbot, order, NOW)
    _message_dialog(qtbot, order, "order_ready", NOW)  # only opened elsewhere: nothing changed
    told = _told(monkeypatch)
    dialog.ship()
    assert told == [] and dialog.shipment is not None and _parcels(order) == 1
