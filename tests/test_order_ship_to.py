"""Where a shop order's parcel goes (review of the import of real exports).

- A gift keeps its recipient and address on the order; the buyer stays the customer, with
  her own address (her newest order to herself), and the ship dialog, the custom order's
  pane, Zendingen and the tracking link use the order's delivery (schema v16).
- Shopify's phone numbers: the first column of a row that holds one ("Phone" is in every
  header and mostly empty), the spreadsheet's apostrophe dropped.
- Shopify's "Billing Street" is Address1 + ", " + Address2: the second line once.
"""

from __future__ import annotations

import csv
import io
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from desktop import paths
from desktop.domain import order_importers as oi
from desktop.store import shop_orders
from desktop.store.models import Person, ShopOrder
from desktop.store.recovery import open_checked
from tests.conftest import NOW
from tests.test_order_importers import ORDERS_DIR, needs_orders

GIFTS = Path(__file__).parent / "data" / "shop" / "shopify_gift_orders.csv"
IMPORTED = datetime(2026, 11, 10, 9, 0)
BE_FILE = "shopify/be_shop_orders_export_1.csv"
WOO_FILE = "woocommerce/customer_order_csv_export_one_row_per_order.csv"


def import_bytes(data: bytes, marks=None, now=IMPORTED):
    plan = shop_orders.plan_import(oi.parse_orders(data), now)
    return plan, shop_orders.apply_plan(plan, NOW, made_to_order=marks)


def one_line(text: str) -> str:
    return " ".join(text.split())


def rows_of(data: bytes) -> list[dict]:
    text = data.decode("utf-8-sig")
    return [r for r in csv.DictReader(io.StringIO(text)) if any(v.strip() for v in r.values() if v)]


def shopify_file(rows: list[dict]) -> bytes:
    """Our gift file's header with these rows, every other cell as in her own order (#1039:
    Lotte De Wit to herself, Meir 8, bus 3, 2000 Antwerpen)."""
    source = rows_of(GIFTS.read_bytes())
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(source[1]), lineterminator="\n")
    writer.writeheader()
    for changes in rows:
        writer.writerow({**source[1], **changes})
    return out.getvalue().encode()


# --- the file's orders and customers (domain) ----------------------------------------------

def test_a_gift_keeps_its_recipient_and_the_buyer_her_own_address():
    parsed = oi.parse_orders(GIFTS.read_bytes())
    gift, own = parsed.orders
    assert len(parsed.customers) == 1  # she ordered twice: one customer
    lotte = parsed.customers[gift.customer_key]
    assert gift.customer_key == own.customer_key == "email:lotte.dewit@example.be"
    assert (gift.ship_name, gift.ship_street, gift.ship_postcode, gift.ship_city, gift.ship_country) == (
        "Zoë Verhoeven", "Kerkstraat 12", "9000", "Gent", "BE")
    assert (own.ship_name, own.ship_street, own.ship_postcode, own.ship_city) == (
        "Lotte De Wit", "Meir 8, bus 3", "2000", "Antwerpen")
    # the buyer: her own address, not the gift's (the first row's), and her own phone
    assert (lotte.name, lotte.street, lotte.postcode, lotte.city, lotte.country) == (
        "Lotte De Wit", "Meir 8, bus 3", "2000", "Antwerpen", "BE")
    assert lotte.phone == "+32 470 12 34 56" and gift.ship_phone == "+32 9 123 45 67"
    assert oi.address_key("Kerkstraat 12", "9000") in lotte.addresses  # what the shop gave for her


def test_the_buyers_address_is_her_newest_order_to_herself():
    """Orders newest last, newest first, and only gifts: her address is that of her newest
    order sent to herself, else her billing address; never a gift's."""
    old = {"Name": "#1001", "Created at": "2026-10-01 10:00:00 +0200", "Shipping Name": "Lotte De Wit",
           "Shipping Street": "Oude Baan 1", "Shipping Address1": "Oude Baan 1", "Shipping Address2": "",
           "Shipping City": "Mechelen", "Shipping Zip": "2800"}
    new = {"Name": "#1002", "Created at": "2026-11-01 10:00:00 +0100"}  # to herself at Meir 8 (the file's row)
    gift = {"Name": "#1003", "Created at": "2026-11-02 10:00:00 +0100", "Shipping Name": "Zoë Verhoeven",
            "Shipping Street": "Kerkstraat 12", "Shipping Address1": "Kerkstraat 12", "Shipping Address2": "",
            "Shipping City": "Gent", "Shipping Zip": "9000"}
    for order in ([old, new, gift], [gift, new, old]):
        [lotte] = oi.parse_orders(shopify_file(order)).customers.values()
        assert (lotte.street, lotte.city, str(lotte.address_on)) == ("Meir 8, bus 3", "Antwerpen", "2026-11-01")
    [lotte] = oi.parse_orders(shopify_file([gift])).customers.values()  # only a gift: her billing address
    assert (lotte.street, lotte.city) == ("Meir 8, bus 3", "Antwerpen")


@needs_orders
def test_every_real_woocommerce_order_ships_where_its_shipping_columns_say():
    """Orders of the real WooCommerce file went elsewhere than the billing address (38 of
    221 name another recipient or address, 36 another address); an order was stored with
    another order's address (2610), a parcel to Toronto with Belle River (2583)."""
    data = (ORDERS_DIR / WOO_FILE).read_bytes()
    parsed = oi.parse_orders(data)
    by_number = {o.number: o for o in parsed.orders}
    elsewhere = 0
    for row in rows_of(data):
        order = by_number[row["order_number"]]
        street = oi.join_street(one_line(row["shipping_address_1"]), one_line(row["shipping_address_2"]))
        assert (order.ship_street, order.ship_postcode, order.ship_city, order.ship_country) == (
            street, one_line(row["shipping_postcode"]), one_line(row["shipping_city"]),
            one_line(row["shipping_country"]))
        assert order.ship_name == one_line(f"{row['shipping_first_name']} {row['shipping_last_name']}")
        billing = (row["billing_first_name"], row["billing_last_name"], row["billing_address_1"],
                   row["billing_address_2"], row["billing_postcode"], row["billing_city"])
        shipping = (row["shipping_first_name"], row["shipping_last_name"], row["shipping_address_1"],
                    row["shipping_address_2"], row["shipping_postcode"], row["shipping_city"])
        elsewhere += billing != shipping
    assert elsewhere == 38
    toronto, lazare = by_number["2583"], by_number["2610"]
    assert (toronto.ship_name, toronto.ship_city) == ("Hstrbyp Yvfzg", "Toronto")
    buyer = parsed.customers[toronto.customer_key]
    assert (buyer.name, buyer.city) == ("Nnbmd Dmtofgrc", "Belle River")  # she paid; she lives there
    assert (lazare.ship_street, lazare.ship_city) == ("338 Rue des Kmukrfqk", "Saint lazare")
    assert parsed.customers[lazare.customer_key].city == "Brockville"


@needs_orders
def test_every_phone_number_of_the_real_shopify_file_is_read():
    """21 of its 23 numbers were lost: "Phone" (read first) is empty in most rows; the
    billing and shipping numbers are where Shopify wrote them, "'+32 …" guarded by an
    apostrophe."""
    data = (ORDERS_DIR / BE_FILE).read_bytes()
    parsed = oi.parse_orders(data)
    phones = {row["Name"]: next((row[c].lstrip("'") for c in ("Phone", "Billing Phone") if row[c]), "")
              for row in rows_of(data)}
    assert sum(1 for p in phones.values() if p) == 23
    for order in parsed.orders:
        assert parsed.customers[order.customer_key].phone or not phones[order.number]
    numbers = [c.phone for c in parsed.customers.values() if c.phone]
    assert len(numbers) == 23 and not any(p.startswith("'") for p in numbers)
    assert "+32 881 12 24 23" in numbers


def test_a_shipping_phone_is_the_recipients_and_the_buyers_when_it_goes_to_her():
    parsed = oi.parse_orders(shopify_file([
        {"Name": "#1", "Billing Phone": "", "Phone": "'+32 470 99 99 99", "Shipping Phone": ""},
        {"Name": "#2", "Email": "zoe@example.be", "Billing Name": "Zoë Verhoeven", "Billing Phone": "",
         "Shipping Name": "Zoë Verhoeven", "Shipping Phone": "'0470 11 22 33"},  # to herself: hers
        {"Name": "#3", "Email": "jan@example.be", "Billing Name": "Jan Peeters", "Billing Phone": "",
         "Shipping Name": "Zoë Verhoeven", "Shipping Phone": "'0470 11 22 33"},  # a gift: the recipient's
    ]))
    by_number = {o.number: o for o in parsed.orders}
    assert parsed.customers["email:lotte.dewit@example.be"].phone == "+32 470 99 99 99"  # the order's own first
    assert by_number["#1"].ship_phone == "+32 470 99 99 99"  # she is the recipient
    assert parsed.customers["email:zoe@example.be"].phone == "0470 11 22 33"
    assert parsed.customers["email:jan@example.be"].phone == "" and by_number["#3"].ship_phone == "0470 11 22 33"


@pytest.mark.parametrize("street, second, joined", [
    ("Avenue des Kjéu i'Js, 5", "5", "Avenue des Kjéu i'Js, 5"),  # Shopify's "Street": Address2 in it already
    ("Meir 8, bus 3", "Bus 3", "Meir 8, bus 3"),
    ("Kerkstraat 15", "5", "Kerkstraat 15, 5"),  # only a whole part counts, not the last digit
    ("Rue Afzsb 20", "Kegsohuvog", "Rue Afzsb 20, Kegsohuvog"),
    ("", "Kegsohuvog", "Kegsohuvog"),
    ("Meir 8", "", "Meir 8"),
])
def test_an_addresss_second_line_is_written_once(street, second, joined):
    assert oi.join_street(street, second) == joined


@pytest.mark.parametrize("columns", [
    {},  # Street, Address1 and Address2, as Shopify writes them
    {"drop": ("Billing Address1", "Shipping Address1")},  # a file without Address1: Street holds Address2 already
    {"drop": ("Billing Street", "Shipping Street")},  # without Street: Address1 and Address2 joined
])
def test_shopifys_second_address_line_is_written_once(columns):
    rows = rows_of(GIFTS.read_bytes())[1:]  # her own order: Meir 8, bus 3
    names = [n for n in rows[0] if n not in columns.get("drop", ())]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=names, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    parsed = oi.parse_orders(out.getvalue().encode())
    assert parsed.customers["email:lotte.dewit@example.be"].street == "Meir 8, bus 3"
    assert parsed.orders[0].ship_street == "Meir 8, bus 3"


@needs_orders
def test_no_street_of_the_real_shopify_file_repeats_its_second_line():
    """"Avenue des Kjéu i'Js, 5, 5": Shopify's Street (Address1, Address2) with Address2 again."""
    data = (ORDERS_DIR / BE_FILE).read_bytes()
    parsed = oi.parse_orders(data)
    streets = {row["Name"]: (one_line(row["Shipping Street"]), one_line(row["Billing Street"]))
               for row in rows_of(data)}
    for order in parsed.orders:
        assert parsed.customers[order.customer_key].street in streets[order.number]
    for order in parsed.orders:
        assert order.ship_street == streets[order.number][0]
    assert any(o.ship_street == "Avenue des Kjéu i'Js, 5" for o in parsed.orders)


# --- in the store -----------------------------------------------------------------------------

def test_a_gift_and_her_own_order_are_stored_each_with_its_delivery(database):
    plan, summary = import_bytes(GIFTS.read_bytes())
    assert (summary.new, summary.new_customers) == (2, 1)
    [lotte] = Person.select()
    assert (lotte.name, lotte.street, lotte.postcode, lotte.city, lotte.country, lotte.phone) == (
        "Lotte De Wit", "Meir 8, bus 3", "2000", "Antwerpen", "BE", "+32 470 12 34 56")
    gift, own = ShopOrder.get(ShopOrder.number == "#1038"), ShopOrder.get(ShopOrder.number == "#1039")
    assert gift.person_id == own.person_id == lotte.id  # the buyer: she is who the shop writes to
    assert (gift.ship_name, gift.ship_street, gift.ship_postcode, gift.ship_city, gift.ship_country,
            gift.ship_phone) == ("Zoë Verhoeven", "Kerkstraat 12", "9000", "Gent", "BE", "+32 9 123 45 67")
    assert (own.ship_name, own.ship_street, own.ship_city) == ("Lotte De Wit", "Meir 8, bus 3", "Antwerpen")
    before = [tuple(r) for r in ShopOrder.select().tuples()], [tuple(r) for r in Person.select().tuples()]
    _plan, again = import_bytes(GIFTS.read_bytes())  # the same file again: nothing changes
    assert (again.new, again.updated, again.unchanged, again.new_customers) == (0, 0, 2, 0)
    after = [tuple(r) for r in ShopOrder.select().tuples()], [tuple(r) for r in Person.select().tuples()]
    assert after == before


def test_an_address_typed_in_afspraak_is_never_overwritten_by_an_import(database):
    lotte = Person.create(name="Lotte De Wit", email="lotte.dewit@example.be", street="Lange Lozanastraat 5",
                          postcode="2018", city="Antwerpen", country="BE")
    import_bytes(GIFTS.read_bytes())
    assert Person.get_by_id(lotte.id).street == "Lange Lozanastraat 5"
    # imported, then changed by the owner: a newer order to herself changes it no more
    Person.update(street="Nationalestraat 2").where(Person.id == lotte.id).execute()
    newer = {"Name": "#1040", "Created at": "2026-11-08 10:00:00 +0100", "Shipping Street": "Kloosterstraat 9",
             "Shipping Address1": "Kloosterstraat 9", "Shipping Address2": "", "Shipping Name": "Lotte De Wit"}
    import_bytes(shopify_file([newer]))
    assert Person.get_by_id(lotte.id).street == "Nationalestraat 2"


def test_her_imported_address_follows_her_newest_order_to_herself(database):
    """She moved: the newer file's order to herself gives her card its address (Afspraak
    wrote the old one from the shop); an older file after it changes it back no more."""
    import_bytes(GIFTS.read_bytes())
    [lotte] = Person.select()
    moved = {"Name": "#1040", "Created at": "2026-11-08 10:00:00 +0100", "Shipping Name": "Lotte De Wit",
             "Shipping Street": "Vlaamsekaai 20", "Shipping Address1": "Vlaamsekaai 20", "Shipping Address2": "",
             "Shipping City": "Antwerpen", "Shipping Zip": "2000", "Billing Street": "Vlaamsekaai 20",
             "Billing Address1": "Vlaamsekaai 20", "Billing Address2": ""}
    import_bytes(shopify_file([moved]))
    assert Person.get_by_id(lotte.id).street == "Vlaamsekaai 20"
    _plan, older = import_bytes(GIFTS.read_bytes())  # the older export again
    assert (older.updated, older.unchanged) == (0, 2)
    assert Person.get_by_id(lotte.id).street == "Vlaamsekaai 20"
    assert Person.select().count() == 1


V15 = Path(__file__).parent / "data" / "schemas" / "v15.sqlite3"


def imported_before_v16(data: bytes) -> int:
    """The v15 schema fixture with the orders of ``data`` stored as that version's importer
    stored them: one customer per e-mail with the first row's delivery as her address (a
    gift's, here) and its "Phone" (empty), the orders without a delivery; then opened by
    this version: upgraded. Returns the customer's id."""
    shutil.copyfile(V15, paths.db_path())
    parsed = oi.parse_orders(data)
    first = parsed.orders[0]
    con = sqlite3.connect(paths.db_path())
    try:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 15
        stamp = NOW.isoformat(" ")
        with con:
            [c] = parsed.customers.values()
            pid = con.execute(
                "INSERT INTO person (name, is_influencer, is_customer, email, phone, whatsapp, street, postcode, "
                "city, country, language, address_form, notes, tags, status, status_reason, created_at, "
                "updated_at) VALUES (?, 0, 1, ?, '', '', ?, ?, ?, ?, ?, ?, '', '[]', 'active', '', ?, ?)",
                (c.name, c.email, first.ship_street, first.ship_postcode, first.ship_city, c.country, c.language,
                 c.address_form, stamp, stamp)).lastrowid
            for o in parsed.orders:
                con.execute(
                    "INSERT INTO shop_order (platform, number, person_id, ordered_on, ordered_at, currency, "
                    "subtotal_cents, shipping_cents, tax_cents, discount_cents, total_cents, status, shop_status, "
                    "fulfilled_on, notes, item_count, imported_at, updated_at, buyer) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, '')",
                    (o.platform, o.number, pid, o.ordered_on.isoformat(),
                     oi.to_utc(o.ordered_at, lambda m: m).isoformat(" "), o.currency, o.subtotal_cents,
                     o.shipping_cents, o.tax_cents, o.discount_cents, o.total_cents, o.status, o.shop_status,
                     o.notes, o.item_count, stamp, stamp))
                shop_id = con.execute("SELECT last_insert_rowid()").fetchone()[0]
                for position, line in enumerate(o.lines):
                    con.execute("INSERT INTO shop_order_line (shop_order_id, position, name, sku, quantity, "
                                "price_cents, personalisation) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                (shop_id, position, line.name, line.sku, line.quantity, line.price_cents,
                                 oi.properties_text(line.properties)))
    finally:
        con.close()
    assert open_checked() is None  # this version's first start: migrated, healthy
    assert ShopOrder.select().where(ShopOrder.ship_street != "").count() == 0
    return pid


def test_the_same_file_after_the_upgrade_mends_what_the_older_version_stored(data_dir):
    """Before v16 the gift's address became hers and no order knew where it went. The same
    file once more: each order gets its delivery (not counted as changed), her card her own
    address (Afspraak wrote the gift's from the shop), and her phone; nobody new."""
    pid = imported_before_v16(GIFTS.read_bytes())
    assert Person.get_by_id(pid).street == "Kerkstraat 12"
    people = Person.select().count()
    _plan, summary = import_bytes(GIFTS.read_bytes())
    assert (summary.new, summary.updated, summary.unchanged, summary.new_customers) == (0, 0, 2, 0)
    lotte = Person.get_by_id(pid)
    assert (lotte.street, lotte.postcode, lotte.city, lotte.phone) == ("Meir 8, bus 3", "2000", "Antwerpen",
                                                                      "+32 470 12 34 56")
    assert ShopOrder.get(ShopOrder.number == "#1038").ship_name == "Zoë Verhoeven"
    assert Person.select().count() == people
    _plan, again = import_bytes(GIFTS.read_bytes())
    assert (again.updated, again.unchanged) == (0, 2)


@needs_orders
def test_the_real_woocommerce_file_stores_each_orders_delivery(database):
    import_bytes((ORDERS_DIR / WOO_FILE).read_bytes(), marks=set())
    toronto = ShopOrder.get(ShopOrder.number == "2583")
    assert (toronto.ship_name, toronto.ship_city, toronto.person.city) == ("Hstrbyp Yvfzg", "Toronto", "Belle River")
    lazare = ShopOrder.get(ShopOrder.number == "2610")
    assert (lazare.ship_street, lazare.ship_postcode, lazare.person.city) == (
        "338 Rue des Kmukrfqk", "J7T 0J4", "Brockville")


@pytest.mark.parametrize("stored, new, same", [
    (("Ann", "4497 Ckndqnbhm St NE", "55421", "Columbia Heights"),
     ("ann", "4497 Ckndqnbhm st", "55421-1234", "COLUMBIA HEIGHTS"), True),  # Etsy's other download: shorter
    (("Ann", "Kerkstraat 12", "9000", "Gent"), ("Ann", "Kerkstraat 12 bus 3", "9000", "Gent"), False),  # says more
    (("Ann", "Kerkstraat 12", "9000", "Gent"), ("Ann", "Kerkstraat 1", "9000", "Gent"), False),
    (("Ann", "Kerkstraat 12", "9000", "Gent"), ("Zoë", "Kerkstraat 12", "9000", "Gent"), False),
    (("Ann", "Kerkstraat 12", "9000", "Gent"), ("Ann", "Kerkstraat 12", "9050", "Gent"), False),
])
def test_a_delivery_written_shorter_is_the_one_stored(stored, new, same):
    assert oi.same_delivery(stored, new) is same


def test_a_delivery_the_shop_changed_is_an_update(database):
    import_bytes(GIFTS.read_bytes())
    changed = rows_of(GIFTS.read_bytes())
    changed[0]["Shipping Street"] = changed[0]["Shipping Address1"] = "Kerkstraat 12 bus 3"
    _plan, summary = import_bytes(shopify_file([changed[0], changed[1]]))
    assert (summary.updated, summary.unchanged) == (1, 1)
    assert ShopOrder.get(ShopOrder.number == "#1038").ship_street == "Kerkstraat 12 bus 3"
