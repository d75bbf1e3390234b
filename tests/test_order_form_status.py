"""The Status in the order form keeps to the parcel rules the buttons keep (review of the
custom orders, finding 2): "Shipped" only through "Ship…" (it asks the carrier and makes
the parcel), and a status saved from the form takes the parcel along as the buttons do."""

from __future__ import annotations

from datetime import date

import pytest

from desktop import i18n
from desktop.domain import orders as rules
from desktop.store import orders
from desktop.store.models import CustomOrder, Event, Shipment
from desktop.views.order_dialog import OrderDialog

from .conftest import NOW
from .test_undo_over_later_actions import _form, _new

CODE = "323212345678901234567890"  # a bpost code


def _save(order: CustomOrder, **changes) -> CustomOrder:
    orders.save_order(_form(CustomOrder.get_by_id(order.id), **changes), NOW, order_id=order.id,
                      person_id=order.person_id)
    return CustomOrder.get_by_id(order.id)


def _parcels(order_id: int) -> list[str]:
    return [s.status for s in Shipment.select().where(Shipment.custom_order == order_id).order_by(Shipment.id)]


def test_back_to_ready_in_the_form_takes_the_parcel_back_so_shipping_again_makes_one(database):
    """Sofie, shipped: Status "Klaar" in the form kept the parcel, and "Ship…" again gave
    two "Sent" parcels for one order ("Back to Ready" by the buttons prevents that)."""
    order = _new("Sofie Maes", "sofie.maes@example.be", "BE", "8500", status="ready", order_number="#1029")
    orders.ship_order(order.id, orders.ShipInput("bpost", CODE), NOW)
    assert _parcels(order.id) == ["sent"]

    assert _save(order, status="ready").status == "ready"
    assert _parcels(order.id) == []  # not shipped after all: as "Back to Ready" does
    orders.ship_order(order.id, orders.ShipInput("bpost", CODE), NOW)
    assert _parcels(order.id) == ["sent"]  # one parcel for one order


def test_delivered_in_the_form_delivers_the_parcel(database):
    order = _new("Sofie Maes", "sofie.maes@example.be", "BE", "8500", status="ready")
    orders.ship_order(order.id, orders.ShipInput("bpost", CODE), NOW)
    assert _save(order, status="delivered").status == "delivered"
    assert _parcels(order.id) == ["delivered"]


@pytest.mark.parametrize("status", ["new", "in_production", "ready"])
def test_no_order_becomes_shipped_in_the_form_without_a_parcel(database, status):
    """Marieke, "New" → "Shipped" in the form: no parcel, no carrier. Refused; nothing
    changed; the way is "Ship…"."""
    i18n.set_language("en")
    order = _new("Marieke Hendriks", "marieke.h@example.nl", "NL", "3811 AA", status=status)
    events = Event.select().count()
    with pytest.raises(orders.OrderInvalid) as refused:
        _save(order, status="shipped", personalisation="Letter K")
    assert refused.value.errors == {"status": "An order is shipped with “Ship…” in Custom orders: it asks for the "
                                              "carrier and puts the parcel in Shipments. Choose another status here."}
    o = CustomOrder.get_by_id(order.id)
    assert (o.status, o.personalisation) == (status, "Letter M")
    assert _parcels(order.id) == [] and Event.select().count() == events


def test_a_shipped_order_moves_in_the_form_as_its_buttons_move_it(database):
    i18n.set_language("en")
    order = _new("Kevin Jacobs", "kevin.jacobs@example.be", "BE", "2800", status="ready")
    orders.ship_order(order.id, orders.ShipInput("bpost", CODE), NOW)
    with pytest.raises(orders.OrderInvalid) as refused:
        _save(order, status="in_production")
    assert refused.value.errors == {
        "status": "An order that is shipped can only become “Ready”, “Delivered” or “Cancelled” here."}
    assert CustomOrder.get_by_id(order.id).status == "shipped" and _parcels(order.id) == ["sent"]


def test_a_new_order_starts_before_the_parcel(database):
    i18n.set_language("en")
    with pytest.raises(orders.OrderInvalid) as refused:
        orders.save_order(_form_new(status="delivered"), NOW)
    assert refused.value.errors == {"status": "A new order can only be “New”, “In production” or “Ready”."}
    assert CustomOrder.select().count() == 0


def _form_new(**changes) -> rules.OrderInput:
    values = dict(name="Kevin Jacobs", email="kevin.jacobs@example.be", country="BE", postcode="2800",
                  language="nl", personalisation="Naam: Lotte", price_text="24,95", ordered_on=date(2026, 11, 20),
                  promised_ready=date(2026, 12, 13), money_locale="nl_NL")
    values.update(changes)
    return rules.OrderInput(**values)


@pytest.mark.parametrize("current, offered", [
    (None, ["new", "in_production", "ready"]),
    ("new", ["new", "in_production", "ready", "cancelled"]),
    ("in_production", ["new", "in_production", "ready", "cancelled"]),
    ("ready", ["new", "in_production", "ready", "cancelled"]),
    ("cancelled", ["new", "in_production", "ready", "cancelled"]),
    ("shipped", ["ready", "shipped", "delivered", "cancelled"]),
    ("delivered", ["shipped", "delivered"]),
])
def test_the_statuses_the_form_offers(current, offered):
    assert rules.form_statuses(current) == offered


@pytest.mark.parametrize("status, offered, hint", [
    ("ready", ["Nieuw", "In productie", "Klaar", "Geannuleerd"], True),
    ("in_production", ["Nieuw", "In productie", "Klaar", "Geannuleerd"], False),
    ("shipped", ["Klaar", "Verzonden", "Bezorgd", "Geannuleerd"], False),
])
def test_the_form_offers_no_shipping_and_points_to_ship(qtbot, database, translator, status, offered, hint):
    i18n.set_language("nl")
    order = _new("Sofie Maes", "sofie.maes@example.be", "BE", "8500", status=status if status != "shipped" else "ready")
    if status == "shipped":
        orders.ship_order(order.id, orders.ShipInput("bpost", CODE), NOW)
    dialog = OrderDialog(None, NOW, order.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.status.itemText(i) for i in range(dialog.status.count())] == offered
    assert dialog.status.currentData() == status
    ship_hint = dialog.form.findChild(type(dialog.summary), "shipHint")
    assert ship_hint.isVisible() == hint
    dialog.status.setCurrentIndex(dialog.status.findData("ready"))
    assert ship_hint.isVisible()  # "Klaar" chosen: how to ship it from here
