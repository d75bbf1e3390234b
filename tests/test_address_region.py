"""A delivery's state or province (schema v20), and the address on a foreign customer's card.

Review of the one address formatter: it promised "City, ST 12345" for the United States,
but no state was ever read or kept: the ship dialog wrote "ANCHORAGE 99503-2016", Canada
"Edmonton T6W 0X1" without AB, while Etsy's export has "Ship State", Shopify's "Shipping
Province" and WooCommerce's "shipping_state". And a card of "another country" (her card
keeps only NL, BE or other) was written postcode first with "Ander land" ("NN5 7NP
NORTHAMPTON"), while her order that gave that address names the United Kingdom.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from babel import Locale

from desktop import paths
from desktop.domain import order_importers as oi
from desktop.domain.shipments import ShipTo
from desktop.presentation import address_texts, delivery_texts
from desktop.presentation.address_texts import PostalAddress, address_lines, place_lines
from desktop.store import orders, shop_orders
from desktop.store.models import Person, ShopOrder
from desktop.store.recovery import open_checked
from tests.conftest import NOW
from tests.test_order_importers import ORDERS_DIR, needs_orders

IMPORTED = datetime(2026, 11, 10, 9, 0)
ETSY = "etsy/EtsySoldOrders2023.csv"
SHOPIFY = "shopify/devstore_orders_export.csv"
WOO = "woocommerce/customer_order_csv_export_one_row_per_order.csv"
FIXTURES = sorted((Path(__file__).parent / "data" / "schemas").glob("v*.sqlite3"), key=lambda p: int(p.stem[1:]))


def parsed(name: str):
    return oi.parse_orders((ORDERS_DIR / name).read_bytes())


def imported(name: str):
    plan = shop_orders.plan_import(parsed(name), IMPORTED)
    return shop_orders.apply_plan(plan, NOW)


def nl(address: PostalAddress) -> list[str]:
    return address_lines(address, locale=Locale.parse("nl"), home="NL")


# --- read from the three shops' exports -------------------------------------------------------

@needs_orders
def test_etsy_s_ship_state_is_read_with_the_delivery():
    by_number = {o.number: o for o in parsed(ETSY).orders}
    assert (by_number["3159107009"].ship_city, by_number["3159107009"].ship_region) == ("ANCHORAGE", "AK")
    assert (by_number["3139132043"].ship_city, by_number["3139132043"].ship_region) == ("Bernalillo", "NM")
    assert (by_number["3156016125"].ship_city, by_number["3156016125"].ship_region) == ("Edmonton", "AB")
    # kept as the file writes it, also where the country does not write one on a parcel
    assert by_number["3165965918"].ship_region == "Northamptonshire"


@needs_orders
def test_shopify_s_province_and_woocommerce_s_state_are_read():
    toronto = [o for o in parsed(SHOPIFY).orders if o.ship_city == "Toronto"]
    assert toronto and {o.ship_region for o in toronto} == {"ON"}  # the code, not "Ontario"
    woo = [o for o in parsed(WOO).orders if o.ship_city == "Guelph"]
    assert woo and {o.ship_region for o in woo} == {"ON"}


# --- kept, and written as the country writes it ------------------------------------------------

@needs_orders
def test_an_imported_us_delivery_is_written_with_its_state(database):
    imported(ETSY)
    order = ShopOrder.get(ShopOrder.number == "3159107009")
    assert order.ship_region == "AK"
    ship = ShipTo(order.ship_name, order.ship_street, order.ship_postcode, order.ship_city, order.ship_country,
                  region=order.ship_region)
    assert nl(PostalAddress.of_ship(ship))[-2:] == ["ANCHORAGE, AK 99503-2016", "Verenigde Staten"]
    canada = ShopOrder.get(ShopOrder.number == "3156016125")
    ship = ShipTo(canada.ship_name, canada.ship_street, canada.ship_postcode, canada.ship_city, canada.ship_country,
                  region=canada.ship_region)
    assert nl(PostalAddress.of_ship(ship))[-2:] == ["Edmonton AB T6W 0X1", "Canada"]


@needs_orders
def test_the_parcel_of_a_custom_order_carries_the_state(database):
    """Through store.orders.ship_to and the Parcel the ship dialog and the messages write."""
    from desktop.store.models import CustomOrder, ShopOrderLine

    imported(ETSY)
    order = ShopOrder.get(ShopOrder.number == "3159107009")
    made = CustomOrder.create(person=order.person, personalisation="", ordered_on=order.ordered_on,
                              created_at=NOW)
    ShopOrderLine.create(shop_order=order, name="Sticker", quantity=1, price_cents=1700, custom_order=made)
    ship = orders.ship_to(made.id)
    assert ship is not None and ship.region == "AK"
    parcel = delivery_texts.parcel_of(made.id, order.person)
    assert parcel.one_line().endswith("ANCHORAGE, AK 99503-2016, Verenigde Staten")
    block = delivery_texts.address_block(parcel, Locale.parse("en"), "NL").splitlines()
    assert block[-2:] == ["ANCHORAGE, AK 99503-2016", "United States"]


@needs_orders
def test_orders_stored_before_the_state_was_kept_get_it_and_stay_unchanged(database):
    """An order imported before v20 has no state: the same file again fills it in, and
    counts nothing as updated."""
    first = imported(ETSY)
    ShopOrder.update(ship_region="").execute()
    again = imported(ETSY)
    assert (again.new, again.updated) == (0, 0) and again.unchanged == first.new
    assert ShopOrder.get(ShopOrder.number == "3139132043").ship_region == "NM"


def test_the_state_is_written_only_where_the_country_writes_one():
    us = PostalAddress("PO Box 986", "87004", "Bernalillo", written="United States", region="NM")
    assert place_lines(us) == ["Bernalillo, NM 87004"]
    assert place_lines(PostalAddress("1 Rd", "3000", "Melbourne", written="Australia", region="VIC")) == [
        "Melbourne VIC 3000"]
    assert place_lines(PostalAddress("1 Rd", "T6W 0X1", "Edmonton", "CA", region="AB")) == ["Edmonton AB T6W 0X1"]
    # an English county, Etsy's "FR" for France: kept, not written
    assert place_lines(PostalAddress("96 East", "NN5 7NP", "NORTHAMPTON", written="United Kingdom",
                                     region="Northamptonshire")) == ["NORTHAMPTON", "NN5 7NP"]
    assert place_lines(PostalAddress("1 rue", "75001", "Paris", written="France", region="FR")) == ["75001 Paris"]
    assert place_lines(PostalAddress("1 Rd", "6011", "Wellington", "NZ", region="Wellington")) == ["Wellington 6011"]


# --- the card of a customer in another country -------------------------------------------------

@needs_orders
def test_a_foreign_customer_s_card_is_written_as_her_country_writes_it(database):
    imported(ETSY)
    uk = Person.get(Person.name == "Fulkj West")
    assert uk.country == "other"  # her card: NL, BE or other (it chooses her language)
    assert nl(delivery_texts.card_address(uk)) == ["96 East Smlr", "NORTHAMPTON", "NN5 7NP", "Verenigd Koninkrijk"]
    us = Person.get(Person.name == "Iiyjlld Qtkyzdkf")
    assert nl(delivery_texts.card_address(us)) == ["PO Box 986", "Bernalillo, NM 87004", "Verenigde Staten"]
    # a parcel to her card (no delivery of the shop's order): the same
    parcel = delivery_texts.parcel_of(None, uk)
    assert parcel.one_line() == "96 East Smlr, NORTHAMPTON NN5 7NP, Verenigd Koninkrijk"


@needs_orders
def test_a_card_whose_address_no_order_went_to_stays_another_country(database, translator):
    imported(ETSY)
    uk = Person.get(Person.name == "Fulkj West")
    Person.update(street="Elm Road 4", postcode="NN1 1AA").where(Person.id == uk.id).execute()
    moved = Person.get_by_id(uk.id)  # typed by the owner: Afspraak does not know where that is
    assert delivery_texts.card_address(moved).written == ""
    assert nl(delivery_texts.card_address(moved))[-1] == "Ander land"
    # a card of the Netherlands or Belgium says its country itself
    Person.update(country="BE", street="96 East Smlr", postcode="NN5 7NP").where(Person.id == uk.id).execute()
    assert address_texts.iso_country(delivery_texts.card_address(Person.get_by_id(uk.id))) == "BE"


# --- schema v20 --------------------------------------------------------------------------------

OLDER = [p for p in FIXTURES if int(p.stem[1:]) < 20]


@pytest.mark.parametrize("fixture", OLDER, ids=[p.stem for p in OLDER])
def test_every_older_file_gets_the_delivery_s_state(data_dir, fixture):
    target = paths.db_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(fixture, target)
    assert open_checked(target) is None
    con = sqlite3.connect(target)
    try:
        for table in ("shop_order", "custom_order"):
            columns = {row[1]: (row[2], row[3], row[4]) for row in con.execute(f'PRAGMA table_info("{table}")')}
            assert columns["ship_region"] == ("VARCHAR(255)", 1, "''")
            assert con.execute(f'SELECT COUNT(*) FROM "{table}" WHERE ship_region != \'\'').fetchone()[0] == 0
    finally:
        con.close()


def test_the_v20_fixture_keeps_its_state(data_dir):
    target = paths.db_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(Path(__file__).parent / "data" / "schemas" / "v20.sqlite3", target)
    assert open_checked(target) is None
    order = ShopOrder.get(ShopOrder.number == "3012345678")
    assert (order.ship_city, order.ship_region) == ("ANCHORAGE", "AK")


# --- privacy: the state goes with the rest of a gift's recipient's delivery ----------------------

def test_erasing_a_gift_s_recipient_blanks_her_state_too(database):
    from desktop.store import privacy

    buyer = Person.create(name="Ann Buyer", is_customer=True, created_at=NOW, updated_at=NOW)
    gift = ShopOrder.create(platform="etsy", number="1", person=buyer, ordered_on=NOW.date(), currency="USD",
                            status="open", shop_status="paid", imported_at=NOW, updated_at=NOW,
                            ship_name="Kaylee Brooks", ship_street="2016 E 5th Ave", ship_postcode="99503",
                            ship_city="ANCHORAGE", ship_country="United States", ship_region="AK")
    found = privacy.recipients(database.connection())
    assert [d.ship.region for r in found for d in r.deliveries] == ["AK"]
    with database.atomic():
        privacy.erase_recipient_rows(database.connection(), found[0].key)
    assert ShopOrder.get_by_id(gift.id).ship_region == ""


def test_a_recipient_is_erased_from_a_backup_of_before_v20(data_dir, tmp_path):
    from desktop.store import privacy

    backup = tmp_path / "v19.sqlite3"
    shutil.copyfile(Path(__file__).parent / "data" / "schemas" / "v19.sqlite3", backup)
    con = sqlite3.connect(backup)
    try:
        key = next(r.key for r in privacy.recipients(con) if r.deliveries[0].ship.name == "Zoë Verhoeven")
    finally:
        con.close()
    assert privacy.erase_recipient_from_file(backup, key)
    con = sqlite3.connect(backup)
    try:
        assert con.execute("SELECT COUNT(*) FROM shop_order WHERE ship_name = 'Zoë Verhoeven'").fetchone()[0] == 0
    finally:
        con.close()


@needs_orders
def test_the_maatwerk_and_influencers_panes_write_her_card_as_her_country_does(qtbot, database, translator):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QLabel

    from desktop.store.models import CustomOrder
    from tests.helpers import make_window

    imported(ETSY)
    uk = Person.get(Person.name == "Fulkj West")
    Person.update(is_influencer=True).where(Person.id == uk.id).execute()
    typed = CustomOrder.create(person=uk, personalisation="Fulkj", ordered_on=NOW.date(), created_at=NOW,
                               order_number="UK-1")
    window = make_window(qtbot, "nl", view="orders", size=(1366, 768))

    def texts(view) -> list[str]:
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return [" ".join(w.text().split()) for w in view.detail.findChildren(QLabel) if w.text()]

    orders_view = window.view("orders")
    orders_view.clock = lambda: NOW
    orders_view.refresh()
    assert orders_view.select_order(typed.id)
    orders_view.show_detail(typed.id)
    assert "96 East Smlr NORTHAMPTON NN5 7NP Verenigd Koninkrijk" in texts(orders_view)
    window.show_view("influencers")
    people = window.view("influencers")
    people.select_id(uk.id)
    shown = texts(people)
    assert "96 East Smlr NORTHAMPTON NN5 7NP" in shown and "Verenigd Koninkrijk" in shown and "Ander land" not in shown
