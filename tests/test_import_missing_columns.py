"""A shop export without one of its columns (WooCommerce's exporter lets the owner choose
them; a spreadsheet can delete one) changes nothing that column would have said: what is
stored stays, and the summary says which column was missing and what that meant."""

from __future__ import annotations

import csv
import io

import pytest

from desktop import i18n
from desktop.domain import importers
from desktop.domain.importers import parse_export
from desktop.presentation import import_texts
from desktop.store.catalogue import apply_import
from desktop.store.models import Product
from tests.conftest import NOW
from tests.shared_data import shop_exports

EXPORTS = {p.name: p for p in shop_exports()}
needs_shared = pytest.mark.skipif(not EXPORTS, reason="shared/data/shop-exports is not beside the checkout")


def without_columns(data: bytes, *names: str) -> bytes:
    """The same export without the columns ``names`` (the rest byte for byte as csv writes it)."""
    text = importers.decode(data)
    delimiter = importers._sniff_delimiter(importers._first_filled_line(text))
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    header = next(r for r in rows if any(c.strip() for c in r))
    drop = {i for i, h in enumerate(header) if h.replace("\ufeff", "").strip() in names}
    assert len(drop) == len(names), (names, header)
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(
        [c for i, c in enumerate(r) if i not in drop] for r in rows)
    return out.getvalue().encode("utf-8")


def stored(*fields: str) -> dict[str, tuple]:
    return {p.key: tuple(getattr(p, f) for f in fields) for p in Product.select()}


# --- #3: WooCommerce without "Regular price" ----------------------------------------------------

WOO = ["sample_products.csv", "experimental_sample_9_products.csv", "experimental_fashion_sample_9_products.csv"]


@needs_shared
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("name", WOO)
def test_woocommerce_without_regular_price_keeps_every_stored_price(database, name, language):
    """The export without its "Regular price" column emptied 14 of sample_products' 21
    prices and replaced 7 by the sale price, while the note said the prices were kept."""
    i18n.set_language(language)
    full = EXPORTS[name].read_bytes()
    apply_import(parse_export(full), NOW)
    before = stored("price_cents", "name", "image_url", "category")
    assert any(price for price, *_rest in before.values())
    parsed = parse_export(without_columns(full, "Regular price"))
    assert "price_cents" not in parsed.fields
    summary = apply_import(parsed, NOW)
    assert stored("price_cents", "name", "image_url", "category") == before
    assert (summary.new, summary.updated) == (0, 0)
    keeps = "keep theirs" if language == "en" else "houden hun prijs"
    assert [n for n in summary.notes if "Regular price" in n and keeps in n], summary.notes


def test_a_new_product_without_the_regular_price_column_comes_in_without_a_price(database):
    """The note says new products come in without a price: the sale price is not taken for one."""
    i18n.set_language("en")
    text = "ID,Type,SKU,Name,Published,Sale price,Categories\r\n1,simple,RG-1,Ring Noor,1,18,Ringen\r\n"
    parsed = parse_export(text.encode())
    assert [(p.key, p.price_cents) for p in parsed.products] == [("RG-1", None)]
    assert any("without a price" in n for n in parsed.notes)
    # With the column, an empty regular price still falls back on the sale price (as before).
    full = "ID,Type,SKU,Name,Published,Sale price,Regular price\r\n1,simple,RG-1,Ring Noor,1,18,\r\n"
    assert [p.price_cents for p in parse_export(full.encode()).products] == [1800]


@needs_shared
@pytest.mark.parametrize("name,column", [
    ("earrings_products_export_1.csv", "Image Src"), ("earrings_products_export_1.csv", "Variant Image"),
    ("product_template_2023.csv", "Type"), ("product_template_2023.csv", "Product Category"),
    ("product_template_2025.csv", "Variant image URL"), ("product_template_2025.csv", "Product category"),
])
def test_shopify_without_one_of_two_columns_for_a_field_keeps_what_it_cannot_tell(database, name, column):
    """Shopify's picture is the variant's, else the product's; its category the type, else the
    product category. Without one of the two columns a row the other cannot decide alone
    leaves the stored value (a variant's picture replaced by the product's, a category
    emptied), and what the other column does decide is still taken."""
    full = EXPORTS[name].read_bytes()
    apply_import(parse_export(full), NOW)
    before = stored("image_url", "category", "price_cents", "name")
    summary = apply_import(parse_export(without_columns(full, column)), NOW)
    assert stored("image_url", "category", "price_cents", "name") == before
    assert summary.new == 0


# --- #4: an export without its SKU column ------------------------------------------------------

SKU_COLUMNS = {
    "earrings_products_export_1.csv": "Variant SKU", "nl_shop_products_export_partial_columns.csv": "Variant SKU",
    "product_template_2023.csv": "Variant SKU", "product_template_2025.csv": "SKU", "sample_products.csv": "SKU",
    "experimental_sample_9_products.csv": "SKU", "experimental_fashion_sample_9_products.csv": "SKU",
    "EtsyListingsDownload.csv": "SKU",
}


@needs_shared
@pytest.mark.parametrize("name", SKU_COLUMNS)
def test_an_export_without_its_sku_column_finds_the_products_by_name_and_never_doubles_them(database, name):
    """The same export without its SKU column came in as a second catalogue (earrings 722 →
    1422), said only as "700 new products". The products are found by name and variant
    instead, and the summary says so."""
    i18n.set_language("en")
    full = EXPORTS[name].read_bytes()
    apply_import(parse_export(full), NOW)
    before = stored("sku", "name", "variant", "price_cents", "image_url", "category")
    partial = parse_export(without_columns(full, SKU_COLUMNS[name]))
    assert any(f"no column “{SKU_COLUMNS[name]}”" in n and "name and variant" in n for n in partial.notes)
    summary = apply_import(partial, NOW)
    assert (summary.new, summary.updated) == (0, 0)
    assert stored("sku", "name", "variant", "price_cents", "image_url", "category") == before
    lines = import_texts.summary_lines(summary)
    if summary.found_by_name:
        assert any("found by name and variant" in line for line in lines)


@needs_shared
@pytest.mark.parametrize("name", SKU_COLUMNS)
def test_a_full_export_after_one_without_skus_gives_the_products_their_skus(database, name):
    """The other way round: the products came in without SKUs (keyed by name), and the full
    export found none of them by its SKUs: every one doubled. Now a product without a SKU
    is found by its name and variant and takes the file's SKU."""
    full = EXPORTS[name].read_bytes()
    apply_import(parse_export(without_columns(full, SKU_COLUMNS[name])), NOW)
    count = Product.select().count()
    summary = apply_import(parse_export(full), NOW)
    assert summary.new == 0 and Product.select().count() == count
    fresh = parse_export(full)
    with_sku = {p.sku for p in fresh.products if p.sku}
    assert {p.sku for p in Product.select() if p.sku} == with_sku
    assert not summary.unclear
    # and a third import of the same full file changes nothing
    assert apply_import(parse_export(full), NOW).unchanged == len(fresh.products)


def test_two_products_of_one_name_and_variant_are_not_guessed_between(database):
    """Without a SKU a row that fits two products in Afspraak is skipped, named in the summary:
    never a third product, never the wrong one changed. A row that says what exactly one of
    them holds (its price) is that one."""
    i18n.set_language("en")
    full = "Handle,Title,Option1 Value,Variant SKU,Variant Price\r\nring-a,Ring,16,RA-16,10\r\nring-b,Ring,16,RB-16,12\r\n"
    apply_import(parse_export(full.encode()), NOW)
    partial = parse_export(b"Handle,Title,Option1 Value,Variant Price\r\n"
                           b"ring-a,Ring,16,11\r\nring-b,Ring,16,12\r\nkaart,Kaart,,3\r\n")
    summary = apply_import(partial, NOW)
    assert (summary.new, summary.updated, summary.unchanged, summary.found_by_name) == (1, 0, 1, 1)
    assert sorted(Product.select(Product.key, Product.price_cents).tuples()) == [
        ("RA-16", 1000), ("RB-16", 1200), ("kaart|", 300)]
    lines = import_texts.summary_lines(summary)
    assert "1 row skipped" in lines
    assert any(line.strip().startswith("line 2: Ring – 16:") and "2 products" in line for line in lines), lines


# --- #5: an orders export without one of its columns -------------------------------------------

from desktop.domain import order_importers as oi  # noqa: E402
from desktop.store import shop_orders  # noqa: E402
from desktop.store.models import CustomOrder, ShopOrder, ShopOrderLine  # noqa: E402
from tests.test_order_importers import ORDER_FILES  # noqa: E402

ORDER_EXPORTS = {p.name: p for p in ORDER_FILES}
needs_orders = pytest.mark.skipif(not ORDER_EXPORTS, reason="shared/data/shop-exports/orders is not beside the checkout")


def import_orders(data: bytes, marks=None):
    plan = shop_orders.plan_import(oi.parse_orders(data))
    return shop_orders.apply_plan(plan, NOW, made_to_order=marks)


def stored_orders():
    orders = {o.id: (o.platform, o.number, *(getattr(o, f) for f in shop_orders.ORDER_FIELDS if f != "person_id"),
                     o.person_id) for o in ShopOrder.select()}
    lines = sorted((orders[r.shop_order_id][1], *(getattr(r, f) for f in shop_orders.LINE_FIELDS))
                   for r in ShopOrderLine.select())
    return sorted(orders.values()), lines


@needs_orders
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("name,column", [
    ("be_shop_orders_export_1.csv", "Lineitem price"), ("be_shop_orders_export_1.csv", "Lineitem sku"),
    ("devstore_orders_export.csv", "Lineitem price"), ("devstore_orders_export.csv", "Lineitem sku"),
    ("devstore_orders_export.csv", "Lineitem quantity"), ("devstore_orders_export.csv", "Fulfillment Status"),
    ("devstore_orders_export.csv", "Cancelled at"),
    ("customer_order_csv_export_one_row_per_order.csv", "status"),
    ("EtsySoldOrders2023.csv", "Status"), ("EtsySoldOrders2023.csv", "Date Shipped"),
    ("be_shop_orders_export_1.csv", "Total"), ("devstore_orders_export.csv", "Subtotal"),
    ("EtsySoldOrders2023.csv", "Order Total"), ("EtsySoldOrders2023.csv", "Order Value"),
])
def test_an_orders_export_without_a_column_changes_nothing_it_would_have_said(database, name, column, language):
    """The Belgian shop's export without "Lineitem price" emptied the price of every item of
    its 39 stored orders (without "Lineitem sku" every SKU), said only as "39 orders
    updated". Every order and item stays as stored, and a note names the column."""
    i18n.set_language(language)
    full = ORDER_EXPORTS[name].read_bytes()
    import_orders(full)
    before = stored_orders()
    summary = import_orders(without_columns(full, column))
    assert stored_orders() == before
    assert (summary.new, summary.updated) == (0, 0)
    assert [n for n in summary.notes if f"“{column}”" in n or f"„{column}”" in n], summary.notes


@needs_orders
@pytest.mark.parametrize("name,columns", [("be_shop_orders_export_1.csv", ("Subtotal", "Total")),
                                          ("EtsySoldOrders2023.csv", ("Order Value", "Order Total"))])
def test_an_orders_export_without_its_amounts_says_so_and_new_orders_come_without(name, columns):
    """Without "Total" and "Subtotal" the orders came in without their amounts, and the preview's
    total column was empty without a word (review of the importers)."""
    i18n.set_language("en")
    parsed = oi.parse_orders(without_columns(ORDER_EXPORTS[name].read_bytes(), *columns))
    assert all(o.total_cents is None and o.subtotal_cents is None for o in parsed.orders)
    assert (f"The file has no columns “{columns[0]}”, “{columns[1]}”: the orders already in Afspraak keep those "
            "amounts as they are; new orders are imported without them.") in parsed.notes, parsed.notes
    assert not any("no column" in n for n in oi.parse_orders(ORDER_EXPORTS[name].read_bytes()).notes)


def test_a_missing_column_leaves_a_custom_order_where_it_is(database):
    """An order the shop sent moved its custom order on to "shipped"; the same export without
    its "Fulfillment Status" column says nothing about sending: the custom order and the
    stored order's status stay, and a new order of that file comes in as not sent yet."""
    i18n.set_language("en")
    from tests.test_order_importers import NL_ORDERS

    full = NL_ORDERS.read_bytes()
    first = shop_orders.plan_import(oi.parse_orders(full))
    marks = {p.key for p in first.products}
    import_orders(full, marks)
    statuses = sorted(ShopOrder.select(ShopOrder.number, ShopOrder.status).tuples())
    customs = sorted(CustomOrder.select(CustomOrder.order_number, CustomOrder.status).tuples())
    assert any(status != "open" for _n, status in statuses)
    partial = without_columns(full, "Fulfillment Status", "Lineitem fulfillment status")
    summary = import_orders(partial, marks)
    assert sorted(ShopOrder.select(ShopOrder.number, ShopOrder.status).tuples()) == statuses
    assert sorted(CustomOrder.select(CustomOrder.order_number, CustomOrder.status).tuples()) == customs
    assert summary.moved == 0
    assert any("Fulfillment Status" in n and "not sent yet" in n for n in summary.notes)


# --- #12: an orders export without a column it cannot do without ------------------------------

@needs_orders
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("name,column,meaning", [
    ("be_shop_orders_export_1.csv", "Name", "order number"),
    ("be_shop_orders_export_1.csv", "Financial Status", "paid"),
    ("devstore_orders_export.csv", "Lineitem name", "items"),
    ("customer_order_csv_export_one_row_per_order.csv", "order_number", "order number"),
    ("customer_order_csv_export_one_row_per_order.csv", "order_total", "total"),
    ("EtsySoldOrders2023.csv", "Order ID", "order number"),
    ("EtsySoldOrders2023.csv", "Sale Date", "order date"),
    ("devstore_orders_export.csv", "Created at", "order date"),
])
def test_an_orders_export_without_a_key_column_is_told_to_export_the_orders_again(name, column, meaning, language):
    """Without "Name" the Belgian shop's orders were told "this looks like a Shopify orders
    export, not a products export. Export the products from the shop and import that file";
    without "Lineitem name" they got the products' list of expected columns. The owner
    wanted the orders: the message names the missing column and asks for the orders again."""
    from desktop.domain.importers import ImportFailed

    data = without_columns(ORDER_EXPORTS[name].read_bytes(), column)
    i18n.set_language("en")
    with pytest.raises(ImportFailed) as failed:
        oi.parse_any(data)
    text = str(failed.value)
    assert failed.value.line == 1, text
    assert f"“{column}”" in text and meaning in text and "Export the orders" in text, text
    assert "products" not in text, text
    i18n.set_language(language)
    if language == "nl":
        with pytest.raises(ImportFailed) as failed:
            oi.parse_any(data)
        assert f"„{column}”" in str(failed.value) and "bestellingen" in str(failed.value), str(failed.value)


def renamed(data: bytes, old: str, new: str) -> bytes:
    """The same export with its column ``old`` called ``new`` (a spreadsheet, a hand)."""
    text = importers.decode(data)
    delimiter = importers._sniff_delimiter(importers._first_filled_line(text))
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    assert old in rows[0]
    rows[0] = [new if h == old else h for h in rows[0]]
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def in_dutch_admin(data: bytes) -> bytes:
    """WooCommerce's products export as a Dutch admin gets it ("Naam", "Reguliere prijs")."""
    text = importers.decode(data)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    english, dutch = importers.WOO_HEADERS["en"], importers.WOO_HEADERS["nl"]
    names = {english[k][0]: dutch[k][0] for k in english if k in dutch and k != "attribute"}
    rows[0] = [names.get(h.replace("\ufeff", ""), h) for h in rows[0]]
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


@needs_shared
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("name,column,platform,meaning", [
    ("jewelery.csv", "Title", "Shopify", "the product's name"),
    ("jewelery.csv", "Handle", "Shopify", "which product each row belongs to"),
    ("nl_shop_products_export_partial_columns.csv", "Title", "Shopify", "the product's name"),
    ("product_template_2025.csv", "URL handle", "Shopify", "which product each row belongs to"),
    ("sample_products.csv", "Name", "WooCommerce", "the product's name"),
    ("dutch admin", "Naam", "WooCommerce", "the product's name"),
    ("EtsyListingsDownload.csv", "TITLE", "Etsy", "the product's name"),
])
def test_a_products_export_without_a_key_column_is_told_to_export_the_products_again(name, column, platform,
                                                                                    meaning, language):
    """Without "Title" the jewellery shop's products were told "this is not an export of products
    or orders from WooCommerce, Shopify or Etsy" and fourteen column names, of which hers were
    most: now, as an orders export is, that it looks like her products export, without that
    column (review of the importers)."""
    from desktop.domain.importers import ImportFailed

    full = in_dutch_admin(EXPORTS["sample_products.csv"].read_bytes()) if name == "dutch admin" \
        else EXPORTS[name].read_bytes()
    data = without_columns(full, column)
    for parse in (oi.parse_any, parse_export):  # the window and the command take both; the catalogue products
        i18n.set_language("en")
        with pytest.raises(ImportFailed) as failed:
            parse(data)
        assert failed.value.line == 1
        assert failed.value.problem == (
            f"this looks like a products export from {platform}, but the column “{column}” ({meaning}) is "
            "missing. Export the products from the shop again, with every column, and import that file.")
        i18n.set_language(language)
        with pytest.raises(ImportFailed) as failed:
            parse(data)
        text = str(failed.value)
        assert column in text and platform in text and "Lineitem name" not in text, text


@needs_orders
def test_an_etsy_orders_export_with_its_order_id_renamed_is_told_as_etsys():
    """"Order ID" renamed "Order Number": the file has the two key columns of WooCommerce's orders
    ("Order Number", "Order Total") and was told as "an orders export from WooCommerce" without
    "order_date", though twenty of its columns are Etsy's. The export it has most columns of counts."""
    from desktop.domain.importers import ImportFailed

    data = renamed(ORDER_EXPORTS["EtsySoldOrders2023.csv"].read_bytes(), "Order ID", "Order Number")
    i18n.set_language("en")
    for parse in (oi.parse_any, oi.parse_orders):
        with pytest.raises(ImportFailed) as failed:
            parse(data)
        assert failed.value.line == 1
        assert failed.value.problem == (
            "this looks like an orders export from Etsy, but the column “Order ID” (the order number) is missing. "
            "Export the orders from the shop again, with every column, and import that file."), failed.value.problem


def test_other_files_through_the_import_name_products_and_orders_alike():
    """The window and `afspraak import` take products and orders exports: a customers export,
    a file of another program or a picture renamed .csv is not told to export "the products"."""
    from desktop.domain.importers import ImportFailed

    i18n.set_language("en")
    files = {
        b"First Name,Last Name,Email,Accepts Email Marketing,Total Spent,Total Orders,Tags\n1,2,3,4,5,6,7\n":
            "a Shopify customers export",
        b"Artikelnummer;Omschrijving;Prijs\n1;Ring;10,00\n": "Lineitem name",
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 40: "not a text file",
    }
    for data, words in files.items():
        with pytest.raises(ImportFailed) as failed:
            oi.parse_any(data)
        text = str(failed.value)
        assert words in text and "orders" in text and "Export the products" not in text, text
