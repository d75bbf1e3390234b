"""Orders the shop had already sent, imported from its export (review of Maatwerk): they come
with no parcel in Zendingen, so nothing in Afspraak follows or closes them. They are not
"running": out of Maatwerk's default "Open orders", still "Shipped" (Afspraak does not claim
a delivery it does not know), found under "Shipped" and "All orders", and no reminder is due
for them. The real file: shared/data/shop-exports/orders/shopify/devstore_orders_export.csv."""

from __future__ import annotations

import pytest

from desktop.domain import order_importers as oi
from desktop.domain import orders as rules
from desktop.store import due, shop_orders
from desktop.store import orders as store
from desktop.store.models import CustomOrder, Shipment

from .conftest import NOW
from .helpers import make_window
from .shared_data import shared_dir

SHARED = shared_dir()
DEVSTORE = SHARED / "data" / "shop-exports" / "orders" / "shopify" / "devstore_orders_export.csv" if SHARED else None
needs_file = pytest.mark.skipif(DEVSTORE is None or not DEVSTORE.is_file(),
                                reason="shared/data/shop-exports is not beside the checkout")


def import_devstore() -> list[CustomOrder]:
    """The real export imported with every product ticked as made to order."""
    plan = shop_orders.plan_import(oi.parse_orders(DEVSTORE.read_bytes()), NOW)
    shop_orders.apply_plan(plan, NOW, made_to_order={p.key for p in plan.products})
    return list(CustomOrder.select())


def ids(orders) -> set[int]:
    return {o.id for o in orders}


def test_a_shipped_order_runs_only_while_it_has_a_parcel_to_follow():
    for status in ("new", "in_production", "ready"):
        assert rules.running(status, False) and rules.running(status, True)
    assert rules.running("shipped", True)
    assert not rules.running("shipped", False)
    for status in rules.FINAL:
        assert not rules.running(status, True) and not rules.running(status, False)


@needs_file
def test_orders_the_shop_already_sent_are_not_open_but_stay_shipped_and_findable(database):
    imported = import_devstore()
    sent = [o for o in imported if o.status == "shipped"]
    assert len(sent) == 17 and Shipment.select().count() == 0  # sent by the shop, no parcel here
    assert not ids(sent) & ids(store.listed("open"))
    assert ids(sent) <= ids(store.listed("shipped")) and ids(sent) <= ids(store.listed("all"))
    assert not any(store.is_running(o) for o in sent)
    # nothing chases them: no reminder, no ship task
    assert not {part.subject_id for item in due.due_now(NOW) for part in item.parts
                if part.subject_type == "custom_order"} & ids(sent)


@needs_file
def test_one_sent_again_from_afspraak_has_its_parcel_to_follow_and_is_open_again(database):
    order = next(o for o in import_devstore() if o.status == "shipped")
    store.move_status(order.id, "ready", NOW)  # the shop's parcel came back, say: she sends it herself
    assert order.id in ids(store.listed("open"))
    store.ship_order(order.id, store.ShipInput("postnl", "3SABCD1234567"), NOW)
    shipped = CustomOrder.get_by_id(order.id)
    assert shipped.status == "shipped" and store.is_running(shipped)
    assert order.id in ids(store.listed("open"))


@needs_file
def test_maatwerk_lists_no_running_orders_after_importing_the_shops_history(qtbot, database, translator):
    imported = import_devstore()
    window = make_window(qtbot, "nl", view="orders", size=(1366, 768))
    view = window.view("orders")
    view.clock = lambda: NOW
    view.refresh()
    assert view.status_filter.currentData() == "open" and view.model.rowCount() == 0
    assert view.empty_title.text() == "Geen lopende bestellingen" and view.show_all_button.isVisible()
    view.status_filter.setCurrentIndex(view.status_filter.findData("shipped"))
    assert view.model.rowCount() == len(imported) == 17
    assert {row.cells[1] for row in view.model.rows} == {"Verzonden"}


@needs_file
def test_back_to_shipped_without_a_parcel_does_not_switch_to_the_open_orders(qtbot, database, translator):
    order = next(o for o in import_devstore() if o.status == "shipped")
    store.move_status(order.id, "delivered", NOW)
    window = make_window(qtbot, "nl", view="orders", size=(1366, 768))
    view = window.view("orders")
    view.clock = lambda: NOW
    view.status_filter.setCurrentIndex(view.status_filter.findData("delivered"))
    view.select_order(order.id)
    assert view.move_to("shipped", order.id)
    assert CustomOrder.get_by_id(order.id).status == "shipped"
    assert view.status_filter.currentData() == "delivered"  # not to "open", where it is not
    said = window.statusBar().currentMessage()
    assert "Verzonden" in said and "Lopende bestellingen" not in said
