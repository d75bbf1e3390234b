"""A review of imports of real shop exports, and of copies of them damaged the way a shop, a
spreadsheet program or a second export damages them (shared/data/shop-exports):

1. an older orders export imported after a newer one undid a cancellation and put a gift's
   delivery (and the customer's card) back on the street she had moved from;
2. WooCommerce writes "&amp;" and "&#039;" in product names, stored as written, so an order's
   item without SKU (its name read) no longer found its product;
3. a Shopify product file whose "Title" was renamed "Name" was read as WooCommerce;
4. a repeated WooCommerce variable product's row came as a product without a price;
5. an orders file without its e-mail column made customers without one, and said nothing;
6. a catalogue re-saved by Excel ("123" for "00123") came in a second time.
"""

from __future__ import annotations

import csv
import io

import pytest

from desktop import i18n
from desktop.domain import importers
from desktop.domain import order_importers as oi
from desktop.domain.importers import ImportFailed, parse_export
from desktop.presentation import import_texts
from desktop.store import shop_orders
from desktop.store.catalogue import apply_import
from desktop.store.models import Person, Product, ShopOrder
from tests.conftest import NOW
from tests.shared_data import shared_dir

SHARED = shared_dir()
EXPORTS = SHARED / "data" / "shop-exports" if SHARED else None
needs_shared = pytest.mark.skipif(EXPORTS is None, reason="shared/data/shop-exports is not beside the checkout")

BELGIAN = "orders/shopify/be_shop_orders_export_1.csv"  # one row an order, #1001 to #1039, April 2021
WOO_PRODUCTS = "woocommerce/sample_products.csv"
WOO_ORDERS = "orders/woocommerce/customer_order_csv_export_one_row_per_order.csv"
JEWELLERY = "shopify/jewelery.csv"


def rows_of(name: str) -> tuple[list[str], list[list[str]]]:
    text = (EXPORTS / name).read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return rows[0], [row for row in rows[1:] if any(cell.strip() for cell in row)]


def written(header: list[str], rows: list[list[str]], delimiter: str = ",") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def changed(name: str, key: str, changes: dict[str, dict[str, str]], header_changes: dict[str, str] | None = None,
            cells=lambda column, cell: cell) -> bytes:
    """The real export ``name`` with ``changes`` (the value of ``key`` -> {column: new cell}),
    its columns renamed by ``header_changes``, every cell passed through ``cells``."""
    header, rows = rows_of(name)
    out = []
    for row in rows:
        cell = dict(zip(header, row))
        cell.update(changes.get(cell[key], {}))
        out.append([cells(column, cell[column]) for column in header])
    return written([(header_changes or {}).get(column, column) for column in header], out)


def import_orders(data: bytes):
    plan = shop_orders.plan_import(oi.parse_orders(data), NOW)
    return plan, shop_orders.apply_plan(plan, NOW)


def order(number: str) -> ShopOrder:
    return ShopOrder.get(ShopOrder.number == number)


# --- 1. an older orders export ----------------------------------------------------------------

CANCELLED = {"#1038": {"Financial Status": "refunded", "Cancelled at": "2021-04-09 11:00:00 +0200",
                       "Refunded Amount": "5.99"}}
SENT = {"#1039": {"Fulfillment Status": "fulfilled", "Fulfilled at": "2021-04-09 10:00:00 +0200",
                  "Lineitem fulfillment status": "fulfilled"}}
MOVED = {"#1036": {column: "Nieuwstraat 1" for column in ("Billing Street", "Billing Address1", "Shipping Street",
                                                          "Shipping Address1")},
         "#1037": {"Shipping": "1.50", "Total": "6.49"}}


@needs_shared
@pytest.mark.parametrize("sign", [CANCELLED, SENT], ids=["cancelled", "sent"])
def test_an_older_orders_export_changes_back_nothing_the_shop_changed_since(database, sign):
    """The newer export has #1038 cancelled and refunded (or #1039 sent), #1036's buyer at a
    new street and #1037 with another shipping cost. The older one imported again said "3
    orders updated … the file is older than an earlier import", yet made #1038 open and paid
    again and put #1036 and her card back on the old street. Either sign shows the file is
    older: the orders stay as the newer file left them, and she is told."""
    older = (EXPORTS / BELGIAN).read_bytes()
    import_orders(older)
    _plan, newer = import_orders(changed(BELGIAN, "Name", {**sign, **MOVED}))
    assert newer.updated == 3
    stored = {o.number: (o.status, o.shop_status, o.fulfilled_on, o.ship_street, o.total_cents)
              for o in ShopOrder.select()}
    card = Person.get_by_id(order("#1036").person_id).street
    assert card == "Nieuwstraat 1"
    plan, summary = import_orders(older)  # in Dutch; read in English: the words are the reader's
    i18n.set_language("en")
    assert {o.number: (o.status, o.shop_status, o.fulfilled_on, o.ship_street, o.total_cents)
            for o in ShopOrder.select()} == stored
    assert Person.get_by_id(order("#1036").person_id).street == "Nieuwstraat 1"
    assert (summary.updated, summary.unchanged) == (0, 39)
    assert plan.older and sorted(plan.older_kept) == ["#1036", "#1037", *sign]
    kept = ("This file is older than an earlier import: 3 orders that were already in Afspraak and look different "
            "in this file stay as they were (their status, delivery address, amounts and items), and their customers keep the "
            "addresses Afspraak has.")
    said, previewed = import_texts.order_summary_lines(summary), import_texts.preview_notes(plan)
    assert kept in said and kept in previewed  # the preview says it too
    cancelled = ("1 order is cancelled in Afspraak but not in this file. An import never undoes a cancellation: "
                 "usually the file is older than an earlier import. If you reopened the order in your shop, reopen "
                 "it here too (Custom orders → More → Reopen the order).")
    assert (cancelled in said) == (cancelled in previewed) == (sign is CANCELLED)
    # the store keeps the facts, no words (domain and store decide and keep; presentation words)
    assert (summary.older_kept, summary.cancelled_before) == (3, int(sign is CANCELLED))
    assert not summary.notes and not plan.parsed.notes
    assert summary.sent_before == (sign is SENT)


@needs_shared
def test_the_newer_export_after_the_older_one_still_changes_what_the_shop_changed(database):
    """Not every file after another is older: the newer export imported second updates the
    orders, the card follows her newest order, and nothing is said about an older file."""
    import_orders((EXPORTS / BELGIAN).read_bytes())
    plan, summary = import_orders(changed(BELGIAN, "Name", {**CANCELLED, **MOVED}))
    assert not plan.older and summary.updated == 3
    assert (order("#1038").status, order("#1036").ship_street, order("#1037").total_cents) == (
        "cancelled", "Nieuwstraat 1", 649)
    assert not any("older" in note for note in summary.notes)


def test_a_shop_does_not_undo_a_cancellation_but_a_failed_payment_may_be_paid_later():
    fields = frozenset({"status", "cancelled_at", "fulfilment"})
    assert oi.status_to_store(oi.SHOPIFY, fields, oi.CANCELLED, oi.OPEN, "refunded") == oi.CANCELLED
    assert oi.status_to_store(oi.WOOCOMMERCE, fields, oi.CANCELLED, oi.OPEN, "cancelled") == oi.CANCELLED
    assert oi.status_to_store(oi.WOOCOMMERCE, fields, oi.CANCELLED, oi.OPEN, "failed") == oi.OPEN
    assert oi.shows_older(oi.SHOPIFY, fields, oi.CANCELLED, "refunded", oi.OPEN)
    assert not oi.shows_older(oi.WOOCOMMERCE, fields, oi.CANCELLED, "failed", oi.OPEN)
    assert not oi.shows_older(oi.ETSY, frozenset({"shipped"}), oi.CANCELLED, "", oi.OPEN)  # no column tells it


# --- 2. HTML character references in product names ------------------------------------------

ESCAPED = {"45": {"Name": "Hoodie &amp; Sweater", "Categories": "Clothing &gt; Hoodies &amp; Sweaters"},
           "48": {"Name": "Beanie &#039;Luna&#039; &#8211; red"}}


def escaped_products() -> bytes:
    """The real WooCommerce sample with names and a category as WooCommerce writes an "&",
    a "'" and a "–"; the hoodie's variations ("Hoodie - Red, No") renamed with it."""
    return changed(WOO_PRODUCTS, "ID", ESCAPED, cells=lambda column, cell: cell.replace(
        "Hoodie - ", "Hoodie &amp; Sweater - ") if column == "Name" else cell)


@needs_shared
def test_product_names_variants_and_categories_are_read_without_html_references():
    parsed = parse_export(escaped_products())
    found = {(p.name, p.variant, p.category) for p in parsed.products}
    assert ("Hoodie & Sweater", "Red, No", "Hoodies & Sweaters") in found
    assert ("Beanie 'Luna' – red", "", "Accessories") in found
    assert not any("&" in p.name + p.variant + p.category and ";" in p.name + p.variant + p.category
                   for p in parsed.products)
    assert importers.unescape("Fish &notes, R&D &amp; co") == "Fish &notes, R&D & co"  # a reference needs its ";"


@needs_shared
def test_an_order_item_without_sku_finds_its_product_by_the_name_the_shop_shows(database):
    """The real WooCommerce orders name their item without a SKU; one named as the escaped
    product is ("Beanie &#039;Luna&#039; &#8211; red"), read as "Beanie 'Luna' – red". The
    product came in with the references in its name, and the order's item found nothing."""
    apply_import(parse_export(escaped_products()), NOW)
    orders = (EXPORTS / WOO_ORDERS).read_bytes().replace(
        b"Patty and the Pandemic", b"Beanie &#039;Luna&#039; &#8211; red")
    plan = shop_orders.plan_import(oi.parse_orders(orders), NOW)
    beanie = Product.get(Product.sku == "woo-beanie")
    assert beanie.name == "Beanie 'Luna' – red"
    assert [p.product_id for p in plan.products if p.name == "Beanie 'Luna' – red"] == [beanie.id]


# --- 3. a Shopify product file with a renamed "Title" ------------------------------------------

@needs_shared
@pytest.mark.parametrize("renamed", ["Name", "Product name"])
def test_a_shopify_products_file_without_its_title_column_is_refused_naming_it(renamed):
    """"Title" renamed "Name": with "Type", "Published" and "Tags" (Shopify's columns and
    WooCommerce's) the file was read as WooCommerce: 21 rows skipped, the rest without price,
    category or picture. It is refused, naming the column it lacks."""
    header, rows = rows_of(JEWELLERY)
    i18n.set_language("en")
    with pytest.raises(ImportFailed) as failed:
        parse_export(written([renamed if column == "Title" else column for column in header], rows))
    assert str(failed.value) == (
        "Line 1: this looks like a products export from Shopify, but the column “Title” (the product's name) is "
        "missing. Export the products from the shop again, with every column, and import that file.")
    assert importers.detect_layout(header).name == importers.SHOPIFY


# --- 4. a repeated variable product ---------------------------------------------------------

@needs_shared
@pytest.mark.parametrize("repeated", ["44", "47"], ids=["variable", "simple"])
def test_a_repeated_woocommerce_row_is_a_duplicate_skipped_and_counted(database, repeated):
    """The V-Neck T-Shirt's row (a variable product) again at the end of the real file: it
    came as a product without a price, and the note said a product had lost its variations.
    It is skipped, as a repeated simple row (the T-Shirt) is."""
    header, rows = rows_of(WOO_PRODUCTS)
    i18n.set_language("en")
    original = parse_export(written(header, rows))
    twice = parse_export(written(header, rows + [next(r for r in rows if r[0] == repeated)]))
    assert twice.products == original.products and twice.notes == original.notes == []
    assert len(twice.skipped) == len(original.skipped) + 1
    last = twice.skipped[-1]
    assert last.line == len(rows) + 2
    assert last.reason == ("the same product as line 2, whose variations are imported instead" if repeated == "44"
                           else "the same SKU or variant as line 5, which is imported instead")
    summary = apply_import(twice, NOW)
    assert (summary.new, len(summary.skipped)) == (21, 5)
    assert Product.select().where(Product.price_cents.is_null()).count() == 0


# --- 5. an orders file without its e-mail column -----------------------------------------------

@needs_shared
def test_an_orders_file_without_email_says_so_and_a_later_file_fills_the_addresses_in(database):
    """"Email" renamed "E-mail": 38 customers came without an e-mail address and no word was
    said; the complete file after it found them (by name and address) and left them so."""
    i18n.set_language("en")
    _plan, summary = import_orders(changed(BELGIAN, "Name", {}, {"Email": "E-mail"}))
    assert summary.new_customers == 38
    assert ("The file has no column “Email”: customers are recognised by their name and address, and new "
            "customers are added without an email address. A later file with that column fills it in."
            ) in summary.notes
    assert Person.select().where(Person.email != "").count() == 0
    _plan, summary = import_orders((EXPORTS / BELGIAN).read_bytes())
    assert (summary.new_customers, summary.known_customers) == (0, 38)
    header, rows = rows_of(BELGIAN)
    emails = {row[header.index("Email")] for row in rows}
    assert {p.email for p in Person.select()} == emails and len(emails) == 38


# --- 6. SKUs without their leading zeros --------------------------------------------------------

def numbered(delimiter: str = ",", zeros: bool = True) -> bytes:
    """The real WooCommerce sample as a shop numbering its SKUs ("00046"), or as Excel re-saves
    it in the Netherlands: ";" between cells, the zeros gone ("46")."""
    header, rows = rows_of(WOO_PRODUCTS)
    number = {row[header.index("SKU")]: row[header.index("ID")] for row in rows}

    def sku(cell: str) -> str:
        return (f"{int(number[cell]):05d}" if zeros else str(int(number[cell]))) if cell in number else cell
    out = [[sku(cell) if column in ("SKU", "Parent") else cell for column, cell in zip(header, row)] for row in rows]
    return written(header, out, delimiter)


@needs_shared
def test_skus_a_spreadsheet_wrote_without_their_zeros_find_their_products(database):
    """"00046" became "46" in Excel: 21 new products beside the 21 stored. They are the same
    products (the same name and variant), which keep the SKU with the zeros, and she hears it."""
    apply_import(parse_export(numbered()), NOW)
    stored = sorted(Product.select(Product.key, Product.sku, Product.name, Product.variant).tuples())
    summary = apply_import(parse_export(numbered(";", zeros=False)), NOW)  # in Dutch; read in English
    i18n.set_language("en")
    assert (summary.new, Product.select().count()) == (0, 21)
    assert sorted(Product.select(Product.key, Product.sku, Product.name, Product.variant).tuples()) == stored
    assert ("21 SKUs are written without their leading zeros, such as “46” for “00046”, as a spreadsheet program "
            "writes numbers: Afspraak takes each for the product whose SKU has the zeros. Import the shop's export "
            "without opening it in a spreadsheet first.") in import_texts.summary_lines(summary)
    assert not any("46" in note for note in summary.notes)  # the store keeps the facts (summary.zeros), no words


@needs_shared
def test_the_export_with_the_zeros_after_the_resaved_one_gives_the_products_their_zeros(database):
    apply_import(parse_export(numbered(zeros=False)), NOW)
    summary = apply_import(parse_export(numbered()), NOW)
    assert (summary.new, Product.select().count()) == (0, 21)
    assert Product.get(Product.name == "Belt").sku == Product.get(Product.name == "Belt").key == "00058"


@needs_shared
def test_a_sku_without_zeros_of_another_name_is_a_new_product_and_said(database):
    """The same digits under another name may be another product: added, not guessed, and said."""
    apply_import(parse_export(numbered()), NOW)
    resaved = numbered(zeros=False).replace(b",Belt,", b",Leather belt,")
    summary = apply_import(parse_export(resaved), NOW)
    i18n.set_language("en")
    assert summary.new == 1 and len(summary.zeros) == 20
    assert any(note.endswith("the SKU “58” may be “00058” with its leading zeros dropped by a spreadsheet "
                             "program, but that product is called something else in Afspraak than “Leather belt”: "
                             "this row was added as a new product.") for note in import_texts.summary_lines(summary))
