"""Custom orders in the store: saving, history of promised dates, pictures, shipping."""

import sqlite3
from datetime import date, timedelta

import pytest

from desktop import paths
from desktop.domain.orders import OrderInput
from desktop.presentation import due_texts
from desktop.store import migrations, orders, pictures
from desktop.store.db import close_database
from desktop.store.opening import open_database
from desktop.store.models import CustomOrder, Event, OrderDateChange, OrderPicture, Person, Product, Shipment
from desktop.presentation import event_texts
from tests.conftest import NOW
from tests.helpers import png_bytes

PNG = png_bytes()  # whole: a picture is checked to its last byte


def form(**kw):
    values = dict(name="Ingrid Jansen", email="ingrid@example.com", country="BE", language="nl", address_form="u",
                  order_number="#1050", personalisation="Letter M", price_text="29,95", deposit_text="10",
                  ordered_on=date(2026, 11, 20), promised_ready=date(2026, 11, 27),
                  promised_delivery=date(2026, 11, 30), money_locale="nl_BE")
    values.update(kw)
    return OrderInput(**values)


def test_a_new_order_makes_a_customer_and_an_event(database):
    order = orders.save_order(form(), NOW)
    person = order.person
    assert (person.name, person.is_customer, person.country, person.address_form) == ("Ingrid Jansen", True, "BE", "u")
    assert (order.price_cents, order.deposit_cents, order.status) == (2995, 1000, "new")
    [event] = orders.order_events(order.id)
    assert event.kind == "order" and "#1050" in event_texts.shown(event)


def test_bad_input_changes_nothing(database):
    with pytest.raises(orders.OrderInvalid) as info:
        orders.save_order(form(name="", price_text="-4"), NOW)
    assert set(info.value.errors) == {"name", "price"}
    assert Person.select().count() == 0 and CustomOrder.select().count() == 0 and Event.select().count() == 0


def test_an_existing_customer_is_reused_and_numbers_stay_unique(database):
    first = orders.save_order(form(), NOW)
    second = orders.save_order(form(order_number="#1051", phone="0612345678"), NOW, person_id=first.person_id)
    assert Person.select().count() == 1
    assert second.person.phone == "0612345678"
    with pytest.raises(orders.OrderInvalid) as info:
        orders.save_order(form(order_number="#1050"), NOW, person_id=first.person_id)
    assert "order_number" in info.value.errors
    assert CustomOrder.select().count() == 2


def test_moving_the_promised_date_keeps_history_with_the_reason(database):
    order = orders.save_order(form(), NOW)
    with pytest.raises(orders.OrderInvalid):  # no reason given
        orders.save_order(form(promised_ready=date(2026, 11, 29)), NOW, order_id=order.id, person_id=order.person_id)
    assert CustomOrder.get_by_id(order.id).promised_ready == date(2026, 11, 27)
    orders.save_order(form(promised_ready=date(2026, 11, 29), change_reason="Zilver komt later binnen"),
                      NOW + timedelta(hours=1), order_id=order.id, person_id=order.person_id)
    [change] = orders.date_history(order.id)
    assert (change.field, change.old_date, change.new_date, change.reason) == (
        "promised_ready", date(2026, 11, 27), date(2026, 11, 29), "Zilver komt later binnen")
    assert change.changed_at == NOW + timedelta(hours=1)


def test_the_delay_message_records_the_new_date_with_history(database):
    order = orders.save_order(form(), NOW)
    event = orders.record_message(order.id, "order_delay", "email", "Beste mevrouw Jansen, ...", NOW,
                                  new_ready=date(2026, 12, 4), reason="Graveermachine kapot")
    order = CustomOrder.get_by_id(order.id)
    assert order.promised_ready == date(2026, 12, 4)
    assert order.promised_delivery == date(2026, 12, 7)  # keeps its three days
    changes = {c.field: c for c in orders.date_history(order.id)}
    assert changes["promised_ready"].old_date == date(2026, 11, 27)
    assert changes["promised_ready"].event_id == event.id
    assert changes["promised_delivery"].new_date == date(2026, 12, 7)
    assert (event.kind, event.direction, event.step, event.channel) == ("message", "out", "order_delay", "email")
    # an earlier date is refused and changes nothing
    with pytest.raises(orders.OrderInvalid):
        orders.record_message(order.id, "order_delay", "email", "x", NOW, new_ready=date(2026, 12, 1))
    assert CustomOrder.get_by_id(order.id).promised_ready == date(2026, 12, 4)
    assert OrderDateChange.select().count() == 2


def test_status_moves_are_checked_and_logged(database):
    order = orders.save_order(form(), NOW)
    orders.move_status(order.id, "in_production", NOW)
    with pytest.raises(orders.OrderInvalid):
        orders.move_status(order.id, "delivered", NOW)
    [status] = [e for e in orders.order_events(order.id) if e.kind == "status"]
    assert status.step == "in_production" and status.at == NOW


def test_shipping_a_finished_order(database):
    product = Product.create(key="SL-01", name="Sleutelhanger met letter", price_cents=1995)
    order = orders.save_order(form(product_id=product.id), NOW)
    with pytest.raises(orders.OrderInvalid):
        orders.ship_order(order.id, orders.ShipInput("postnl", "3SABCD1234567"), NOW)
    orders.move_status(order.id, "in_production", NOW)
    orders.move_status(order.id, "ready", NOW)
    with pytest.raises(orders.OrderInvalid) as info:  # not a bpost code: nothing is shipped
        orders.ship_order(order.id, orders.ShipInput("bpost", "3232 1234"), NOW)
    assert "tracking_code" in info.value.errors and Shipment.select().count() == 0
    shipment = orders.ship_order(order.id, orders.ShipInput("bpost", "3232 1234 5678 9012 3456 7890", ""), NOW)
    assert (shipment.person_id, shipment.custom_order_id, shipment.carrier, shipment.status) == (
        order.person_id, order.id, "bpost", "sent")
    assert shipment.tracking_code == "323212345678901234567890"
    assert shipment.tracking_url == "https://track.bpost.cloud/btr/web/#/search?itemCode=323212345678901234567890&lang=nl"
    assert "itemCode=323212345678901234567890" in due_texts.compose_order(order.id, "order_shipped", NOW).body
    assert [i.product_id for i in shipment.items] == [product.id]
    assert CustomOrder.get_by_id(order.id).status == "shipped"
    assert Shipment.select().count() == 1
    from desktop.store import due

    # nothing owed the customer any more: only the look at the parcel's tracking, once it was to arrive
    assert [i.step for i in due.plan(NOW) if i.kind == "custom_order"] == ["arrival"]
    assert [i for i in due.due_now(NOW) if i.kind == "custom_order"] == []


def test_a_finished_order_shipped_days_ago_counts_from_that_day(database):
    order = orders.save_order(form(), NOW)
    orders.move_status(order.id, "in_production", NOW)
    orders.move_status(order.id, "ready", NOW)
    code = "3232 1234 5678 9012 3456 7890"
    with pytest.raises(orders.OrderInvalid) as info:  # a day still to come: nothing is shipped
        orders.ship_order(order.id, orders.ShipInput("bpost", code, "", NOW.date() + timedelta(days=1)), NOW)
    assert "sent_on" in info.value.errors and Shipment.select().count() == 0
    assert CustomOrder.get_by_id(order.id).status == "ready"
    shipment = orders.ship_order(order.id, orders.ShipInput("bpost", code, "", date(2026, 11, 20)), NOW)
    assert shipment.sent_at.date() == date(2026, 11, 20) and shipment.created_at == NOW
    [shipped] = Event.select().where(Event.fact == "order_shipped")
    assert shipped.at == NOW and shipped.params["day"] == "2026-11-20"
    assert event_texts.shown(shipped) == f"Bestelling {order.order_number} verzonden met bpost op 20 nov 2026"


def test_an_order_shipped_today_says_no_day(database):
    order = orders.save_order(form(), NOW)
    orders.move_status(order.id, "in_production", NOW)
    orders.move_status(order.id, "ready", NOW)
    shipment = orders.ship_order(order.id, orders.ShipInput("bpost", "323212345678901234567890", "", NOW.date()), NOW)
    assert shipment.sent_at == NOW
    [shipped] = Event.select().where(Event.fact == "order_shipped")
    assert "day" not in shipped.params


def test_pictures_get_made_up_names_and_bad_files_change_nothing(database, tmp_path):
    good = tmp_path / "voorbeeld ..png"
    good.write_bytes(PNG)
    text = tmp_path / "notes.png"
    text.write_text("not a picture")
    with pytest.raises(pictures.NotAPicture):
        orders.save_order(form(), NOW, add_pictures=[str(good), str(text)])
    assert CustomOrder.select().count() == 0
    assert not list((paths.data_dir() / "pictures" / "orders").glob("*"))
    order = orders.save_order(form(), NOW, add_pictures=[str(good)])
    [picture] = OrderPicture.select()
    assert picture.original_name == "voorbeeld ..png"
    assert picture.path.startswith("pictures/orders/") and "voorbeeld" not in picture.path
    assert pictures.absolute(picture.path).read_bytes() == PNG
    orders.save_order(form(), NOW, order_id=order.id, person_id=order.person_id, remove_pictures=[picture.id])
    assert OrderPicture.select().count() == 0
    assert not pictures.absolute(picture.path).exists()
    with pytest.raises(ValueError):
        pictures.absolute("../afspraak.sqlite3")


def test_a_version_1_database_gets_the_order_tables(data_dir):
    close_database()
    path = paths.db_path()
    paths.ensure_private_dir(path.parent)
    con = sqlite3.connect(path)
    for sql in migrations.schema_v1.SQL:
        con.execute(sql)
    con.execute("PRAGMA user_version = 1")
    con.execute("PRAGMA application_id = 1097233264")
    con.commit()
    con.close()
    database = open_database()
    assert {"order_date_change", "order_picture"} <= set(database.get_tables())
    assert migrations.schema_version(database) == migrations.CURRENT_VERSION


def test_an_order_entered_in_production_asks_for_an_update_after_a_week(database):
    from desktop.store import due

    order = orders.save_order(form(status="in_production", promised_ready=date(2026, 12, 31),
                                   promised_delivery=None), NOW)
    assert [i for i in due.due_now(NOW + timedelta(days=6)) if i.kind == "custom_order"] == []
    [item] = [i for i in due.due_now(NOW + timedelta(days=7, hours=1)) if i.kind == "custom_order"]
    assert (item.step, item.subject_id) == ("no_update", order.id)
    # news sent moves it a week on
    orders.record_message(order.id, "order_update", "email", "Het loopt op schema", NOW + timedelta(days=7, hours=2))
    assert [i for i in due.due_now(NOW + timedelta(days=8)) if i.kind == "custom_order"] == []


def _shipped_order(number="#1050"):
    order = orders.save_order(form(order_number=number), NOW)
    orders.move_status(order.id, "in_production", NOW)
    orders.move_status(order.id, "ready", NOW)
    shipment = orders.ship_order(order.id, orders.ShipInput("bpost", "323212345678901234567890"), NOW)
    return order, shipment


def test_an_order_shipped_by_mistake_and_taken_back_leaves_no_parcel(database):
    """Audit 12, F5: shipped with the wrong carrier, back to "Klaar", shipped again: one
    parcel for one order in Zendingen; the timeline keeps both sendings and the way back."""
    order, first = _shipped_order()
    orders.move_status(order.id, "ready", NOW)
    assert Shipment.get_or_none(Shipment.id == first.id) is None
    second = orders.ship_order(order.id, orders.ShipInput("postnl", "3SABCD1234567"), NOW)
    assert [s.id for s in Shipment.select()] == [second.id]
    assert [e.params["carrier"] for e in Event.select().where(Event.fact == "order_shipped")] == ["bpost", "postnl"]
    assert [e.step for e in Event.select().where(Event.kind == "status", Event.subject_id == order.id)][-2:] == [
        "ready", "shipped"]


def test_a_delivered_parcel_delivers_the_order_and_back(database):
    from desktop.store import shipping

    order, shipment = _shipped_order()
    later = NOW + timedelta(days=2)
    shipping.advance(shipment.id, "deliver", later)
    assert CustomOrder.get_by_id(order.id).status == "delivered"
    delivered = Event.select().where(Event.kind == "status", Event.step == "delivered").get()
    assert delivered.at == later and delivered.subject_id == order.id
    shipping.advance(shipment.id, "confirm", later)  # received too: the order stays delivered, once
    assert Event.select().where(Event.kind == "status", Event.step == "delivered").count() == 1
    # the other way: Maatwerk's "Mark as delivered" delivers the parcel on its way
    other, parcel = _shipped_order("#1051")
    orders.move_status(other.id, "delivered", later)
    parcel = Shipment.get_by_id(parcel.id)
    assert (parcel.status, parcel.delivered_at) == ("delivered", later)


def test_a_version_12_database_gets_each_orders_quantity_from_its_shop_order_line(database):
    """v13: an imported order of three necklaces was one piece with "3 stuks" in its note;
    it takes the quantity of its line, and the note loses the line the import wrote."""
    from desktop.store.models import ShopOrder, ShopOrderLine

    person = Person.create(name="Emily Carter", email="emily@example.co.uk")
    three = orders.save_order(form(order_number="#2001", note="3 stuks\nCadeauverpakking"), NOW)
    kept = orders.save_order(form(order_number="#2002", note="2 stuks, graag"), NOW)  # not the import's line
    orders.save_order(form(order_number="#2003", note="3 stuks"), NOW)  # typed by hand: no line
    shop = ShopOrder.create(platform="shopify", number="#2001", person=person, ordered_on=NOW.date())
    ShopOrderLine.create(shop_order=shop, name="Naamketting", quantity=3, custom_order=three)
    ShopOrderLine.create(shop_order=shop, name="Ring", quantity=2, custom_order=kept)
    close_database()
    con = sqlite3.connect(paths.db_path())
    con.execute('ALTER TABLE "custom_order" DROP COLUMN "quantity"')
    for table in ("shop_order", "custom_order"):
        con.execute(f'ALTER TABLE "{table}" DROP COLUMN "ship_region"')  # v20's
    for column in ("ship_name", "ship_street", "ship_postcode", "ship_city", "ship_country", "ship_phone"):
        con.execute(f'ALTER TABLE "shop_order" DROP COLUMN "{column}"')  # v16's
    for column in ("ship_name", "ship_street", "ship_postcode", "ship_city", "ship_country"):
        con.execute(f'ALTER TABLE "custom_order" DROP COLUMN "{column}"')  # v17's
    con.execute('DROP INDEX "person_is_influencer_name_key_name_id"')  # v19's, on its column
    con.execute('ALTER TABLE "person" DROP COLUMN "name_key"')  # v19's
    con.execute("PRAGMA user_version = 12")
    con.commit()
    con.close()
    open_database()
    got = {o.order_number: (o.quantity, o.note) for o in CustomOrder.select()}
    assert got == {"#2001": (3, "Cadeauverpakking"), "#2002": (2, "2 stuks, graag"), "#2003": (1, "3 stuks")}


@pytest.mark.parametrize("quantity, problem", [(0, True), (3, False), (100_000, False), (100_001, True)])
def test_a_quantity_is_one_to_a_hundred_thousand_pieces(database, quantity, problem):
    if problem:
        with pytest.raises(orders.OrderInvalid) as caught:
            orders.save_order(form(quantity=quantity), NOW)
        assert "quantity" in caught.value.errors and CustomOrder.select().count() == 0
    else:
        assert orders.save_order(form(quantity=quantity), NOW).quantity == quantity
