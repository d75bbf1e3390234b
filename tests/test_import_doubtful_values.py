"""Three doubtful values in a shop's file are refused with the line, the column and the value,
and nothing of the file is imported: an amount that reads two ways ("1.234": € 1234 or
€ 1,234), an amount no small webshop has (€ 1.000.000.000: a column mix-up), and a name of
100.000 characters. The files are real exports (shared/), each damaged in one cell here."""

from __future__ import annotations

import csv
import io

import pytest

from desktop import cli, i18n, paths
from desktop.domain import importers
from desktop.domain import order_importers as oi
from desktop.domain.importers import ImportFailed, parse_export
from desktop.store.db import close_database
from desktop.store.models import Product, ShopOrder
from desktop.store.opening import open_database
from tests.shared_data import shared_dir, shop_exports
from tests.test_import_whole_or_refused import records
from tests.test_import_whole_or_refused import window  # noqa: F401 (a fixture)
from tests.test_importers import dutch_resave

SHARED = shared_dir()
EXPORTS = SHARED / "data" / "shop-exports" if SHARED else None
needs_shared = pytest.mark.skipif(EXPORTS is None, reason="shared/data/shop-exports is not beside the checkout")

WOO = "woocommerce/sample_products.csv"  # prices with a decimal point ("16.5"), one row a product
WOO_WHOLE_EUROS = "woocommerce/experimental_sample_9_products.csv"  # every price in whole euros ("18")
SHOPIFY_ORDERS = "orders/shopify/devstore_orders_export.csv"  # "1659.95"; an order over several rows


def damaged(tmp_path, name: str, column: str, value: str, data: bytes | None = None) -> tuple[bytes, int]:
    """The real export ``name`` (or ``data``, a version of it) with ``value`` in ``column`` of the
    first row that has something there, every other byte as it was; and that row's line."""
    raw = data if data is not None else (EXPORTS / name).read_bytes()
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    encoding = "utf-8" if bom or data is None else "cp1252"
    text = raw[len(bom):].decode(encoding)
    delimiter = ";" if ";" in text.split("\n", 1)[0] else ","
    rows = records(text, delimiter)
    header = rows[0][3]
    at = header.index(column)
    line, start, end, cells = next(r for r in rows[1:] if at < len(r[3]) and r[3][at].strip())
    cells = list(cells)
    cells[at] = value
    ending = text[start:end][len(text[start:end].rstrip("\r\n")):]
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=ending).writerow(cells)
    changed = bom + (text[:start] + out.getvalue() + text[end:]).encode(encoding)
    path = tmp_path / name.rsplit("/", 1)[-1]
    path.write_bytes(changed)
    return changed, line


def refused(data: bytes, orders: bool = False) -> ImportFailed:
    i18n.set_language("en")
    with pytest.raises(ImportFailed) as failed:
        oi.parse_orders(data) if orders else parse_export(data)
    return failed.value


def price_of(data: bytes, line: int) -> int | None:
    return next(p.price_cents for p in parse_export(data).products if p.line == line)


# --- "1.234": a thousand, or one euro and a bit? ----------------------------------------------

@needs_shared
def test_a_point_before_three_digits_in_a_file_with_decimal_points_is_refused(tmp_path):
    data, line = damaged(tmp_path, WOO, "Regular price", "1.234")
    failed = refused(data)
    assert failed.line == line
    assert failed.problem == (
        "“1.234” in the column “Regular price” can mean €1,234.00 or €1.234: a point or comma before three digits "
        "marks thousands in one file and cents in another, and the file's other amounts do not settle which. "
        "Write this amount with two decimals (its cents) and import the file again.")


@needs_shared
def test_a_comma_before_three_digits_where_the_file_has_decimal_points_is_a_thousand(tmp_path):
    data, line = damaged(tmp_path, WOO, "Regular price", "1,234")
    assert price_of(data, line) == 123400


@needs_shared
def test_after_a_dutch_resave_a_point_before_three_digits_is_a_thousand(tmp_path):
    """A Dutch spreadsheet writes "16,5": its "1.234" is € 1.234, its "1,234" reads two ways."""
    resaved = dutch_resave((EXPORTS / WOO).read_bytes())
    data, line = damaged(tmp_path, WOO, "Regular price", "1.234", data=resaved)
    assert price_of(data, line) == 123400
    data, line = damaged(tmp_path, WOO, "Regular price", "1,234", data=resaved)
    failed = refused(data)
    assert failed.line == line and "“1,234” in the column “Regular price” can mean" in failed.problem


@needs_shared
@pytest.mark.parametrize("typed, cents", [("12,-", 1200), ("€ 12,-", 1200), ("1.250,--", 125000)])
def test_whole_euros_the_dutch_way_are_read(tmp_path, typed, cents):
    """A price list typed in a Dutch spreadsheet writes whole euros as "12,-": it was "not an
    amount", and the whole file was refused for it."""
    resaved = dutch_resave((EXPORTS / WOO).read_bytes())
    data, line = damaged(tmp_path, WOO, "Regular price", typed, data=resaved)
    assert price_of(data, line) == cents


@pytest.mark.parametrize("typed", ["12,-5", ",-", "12.-", "-12,-"])
def test_what_only_looks_like_whole_euros_is_still_not_an_amount(typed):
    with pytest.raises(ValueError):
        importers.parse_amount(typed)


@needs_shared
def test_a_point_before_three_digits_in_a_file_of_whole_euros_is_refused(tmp_path):
    """Nothing else in the file shows its decimal mark: no guess."""
    data, line = damaged(tmp_path, WOO_WHOLE_EUROS, "Regular price", "1.234")
    failed = refused(data)
    assert failed.line == line and "can mean €1,234.00 or €1.234" in failed.problem


@needs_shared
def test_an_order_line_price_that_reads_two_ways_is_refused(tmp_path):
    data, line = damaged(tmp_path, SHOPIFY_ORDERS, "Lineitem price", "1.234")
    failed = refused(data, orders=True)
    assert failed.line == line and "“1.234” in the column “Lineitem price” can mean €1,234.00 or €1.234" \
        in failed.problem


def test_the_marks_an_amount_shows():
    assert [importers.mark_shown(t) for t in ("12.50", "12,5", ".5", "1.234,50", "1.234.567", "12", "1.234",
                                              "0.500")] == [".", ",", ".", ",", ",", None, None, "."]
    assert [importers.unsure_mark(t) for t in ("1.234", "€ 12,500", "0.500", "1.2345", "1.234,50")] == \
        [".", ",", None, None, None]


# --- € 1.000.000.000: a column mix-up --------------------------------------------------------

@needs_shared
def test_a_price_above_a_hundred_thousand_euros_is_refused(tmp_path):
    data, line = damaged(tmp_path, WOO, "Regular price", "1000000000")
    failed = refused(data)
    assert failed.line == line
    assert failed.problem == (
        "“1000000000” in the column “Regular price” is more than €100,000.00, more than anything costs in a "
        "small webshop: probably a number from another column (an order number, a barcode) ended up here. "
        "Check this row in the file, or export the file from the shop again.")
    data, line = damaged(tmp_path, WOO, "Regular price", "100000.00")  # the ceiling itself is a price
    assert price_of(data, line) == 10_000_000


@needs_shared
@pytest.mark.parametrize("column", ["Lineitem price", "Total"])
def test_an_order_amount_above_a_hundred_thousand_euros_is_refused(tmp_path, column):
    data, line = damaged(tmp_path, SHOPIFY_ORDERS, column, "1000000000.00")
    failed = refused(data, orders=True)
    assert failed.line == line and f"“1000000000.00” in the column “{column}” is more than €100,000.00" \
        in failed.problem


def test_an_amount_beyond_what_sqlite_holds_is_said_too_large_too():
    failed = refused(b"Handle,Title,Variant Price\nx,X,99999999999999999999999\n")
    assert failed.line == 2 and "is more than €100,000.00" in failed.problem


# --- a name of 100.000 characters ------------------------------------------------------------

@needs_shared
def test_a_product_name_of_100000_characters_is_refused(tmp_path):
    data, line = damaged(tmp_path, WOO, "Name", "Ketting " + "x" * 99_992)
    failed = refused(data)
    assert failed.line == line
    assert failed.problem == (
        "the name in the column “Name” is 100,000 characters long (“Ketting xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…”), "
        "and a name in Afspraak is at most 500: probably a description or several cells ended up in this column. "
        "Check this row in the file, or export the file from the shop again.")
    data, line = damaged(tmp_path, WOO, "Name", "k" * 500)  # the limit itself is a name
    assert any(p.name == "k" * 500 for p in parse_export(data).products)


@needs_shared
def test_an_order_line_name_of_100000_characters_is_refused(tmp_path):
    data, line = damaged(tmp_path, SHOPIFY_ORDERS, "Lineitem name", "y" * 100_000)
    failed = refused(data, orders=True)
    assert failed.line == line and "the name in the column “Lineitem name” is 100,000 characters long" \
        in failed.problem


# --- a code or an address longer than any ----------------------------------------------------

@needs_shared
def test_a_sku_longer_than_any_is_refused_and_one_at_the_limit_is_read(tmp_path):
    """A description slid into the SKU column (a cut or re-saved file) was imported as a
    product's code of thousands of characters, shown in every list and parcel."""
    data, line = damaged(tmp_path, WOO, "SKU", "Deze ketting is " + "heel mooi " * 40)
    failed = refused(data)
    assert failed.line == line
    assert failed.problem == (
        "“Deze ketting is heel mooi heel mooi heel…” in the column “SKU” is 416 characters long, and a value in "
        "this column is never longer than 255: probably a description or several cells ended up here. Check this "
        "row in the file, or export the file from the shop again.")
    data, line = damaged(tmp_path, WOO, "SKU", "S" * 255)  # the limit itself is a code (of a variable product)
    assert parse_export(data).products


@needs_shared
def test_etsy_lists_every_sku_of_a_listing_in_one_cell_each_is_a_code():
    """Etsy's listings download writes a listing's SKUs comma-separated in one cell: many
    short codes are read; one code longer than any is refused."""
    raw = (EXPORTS / "etsy/EtsyListingsDownload.csv").read_bytes()
    text = raw.decode("utf-8-sig")
    ending = "\r\n" if "\r\n" in text else "\n"
    rows = list(csv.reader(io.StringIO(text, newline="")))
    at = rows[0].index("SKU")

    def with_sku(value: str) -> bytes:
        changed = [list(r) for r in rows]
        changed[1][at] = value
        out = io.StringIO()
        csv.writer(out, lineterminator=ending).writerows(changed)
        return out.getvalue().encode("utf-8")

    many = ",".join(f"TOYBOX-PLAN-{n:03d}-PDF" for n in range(40))  # 40 codes, 799 characters
    assert len(many) > importers.MAX_CODE_CHARS
    assert parse_export(with_sku(many)).products
    failed = refused(with_sku("TOYBOX," + "X" * 300))
    assert failed.line == 2 and "in the column “SKU” is 300 characters long" in failed.problem


@needs_shared
@pytest.mark.parametrize("column, value, limit", [
    ("Email", "sanne" * 60 + "@example.nl", "255"),
    ("Billing Street", "Kerkstraat 1, " * 40, "500"),
    ("Shipping Name", "Sanne " * 100, "500"),
])
def test_an_order_field_longer_than_any_is_refused(tmp_path, column, value, limit):
    data, line = damaged(tmp_path, SHOPIFY_ORDERS, column, value)
    failed = refused(data, orders=True)
    assert failed.line == line
    assert f"in the column “{column}” is {len(value):,} characters long" in failed.problem
    assert f"never longer than {limit}:" in failed.problem


# --- a refused file changes nothing ----------------------------------------------------------

# --- sent before it was placed ------------------------------------------------------------------

@needs_shared
def test_an_order_sent_before_it_was_placed_is_refused(tmp_path):
    """Review of the importers: "Fulfilled at" before "Created at" was imported as it stood."""
    data, line = damaged(tmp_path, SHOPIFY_ORDERS, "Fulfilled at", "2021-01-04 10:00:00 -0400")
    failed = refused(data, orders=True)
    assert failed.line == line
    assert failed.problem == (
        "order #1001 was sent on 4 January 2021 (the column “Fulfilled at”), before it was placed on 11 May 2025 (the "
        "column “Created at”): one of the two dates is wrong. Check this order in the shop and export the orders again.")


@pytest.mark.parametrize("shipped, refused_", [("1/4/2024", False), ("12/31/2023", False), ("12/30/2023", True)])
def test_an_etsy_order_shipped_the_day_before_its_sale_is_refused(shipped, refused_):
    i18n.set_language("en")
    text = ("Sale Date\tOrder ID\tFull Name\tDate Shipped\tCurrency\tOrder Total\n"
            f"12/31/2023\t3159107009\tAnn Smit\t{shipped}\tEUR\t12.50\n")
    if refused_:
        assert refused(text.encode(), orders=True).line == 2
    else:
        assert oi.parse_orders(text.encode()).orders[0].fulfilled_on is not None


def test_the_rule_compares_moments_of_one_kind_and_days_otherwise():
    from datetime import date, datetime, timedelta, timezone

    zone = timezone(timedelta(hours=-4))
    placed = datetime(2025, 5, 11, 9, 55, tzinfo=zone)
    assert not oi.sent_before_placed(placed, datetime(2025, 5, 11, 9, 56, tzinfo=zone))
    assert oi.sent_before_placed(placed, datetime(2025, 5, 11, 9, 54, tzinfo=zone))
    assert not oi.sent_before_placed(placed, datetime(2025, 5, 10, 23, 0))  # the shop's own time: a day either way
    assert oi.sent_before_placed(placed, datetime(2025, 5, 9, 23, 0))
    assert not oi.sent_before_placed(date(2023, 12, 31), date(2023, 12, 31))
    assert oi.sent_before_placed(placed, date(2025, 5, 10)) and not oi.sent_before_placed(placed, None)


@needs_shared
@pytest.mark.parametrize("name, column, value, words", [
    (WOO, "Regular price", "1.234", "can mean"),
    (WOO, "Regular price", "1000000000", "is more than"),
    (WOO, "Name", "z" * 100_000, "characters long"),
    (WOO, "SKU", "z" * 100_000, "never longer than 255"),
    (SHOPIFY_ORDERS, "Lineitem price", "1.234", "can mean"),
    (SHOPIFY_ORDERS, "Total", "1000000000.00", "is more than"),
    (SHOPIFY_ORDERS, "Lineitem name", "z" * 100_000, "characters long"),
    (SHOPIFY_ORDERS, "Billing Street", "z" * 100_000, "never longer than 500"),
    (SHOPIFY_ORDERS, "Fulfilled at", "2021-01-04 10:00:00 -0400", "before it was placed"),
])
def test_the_import_command_refuses_it_and_changes_nothing(data_dir, tmp_path, capsys, name, column, value, words):
    open_database()
    Product.create(key="blijft", name="Blijft")
    close_database()
    before = paths.db_path().read_bytes()
    _data, line = damaged(tmp_path, name, column, value)
    assert cli.main(["--lang", "en", "import", str(tmp_path / name.rsplit("/", 1)[-1])]) == 1
    close_database()
    err = capsys.readouterr().err
    assert f"was not imported. Line {line}: " in err and words in err and "Nothing was changed" in err
    assert len(err) < 2000  # the name's first words, not all of it
    assert paths.db_path().read_bytes() == before
    open_database()
    assert Product.select().count() == 1 and ShopOrder.select().count() == 0


@needs_shared
def test_the_window_says_which_value_and_changes_nothing(qtbot, window, monkeypatch, tmp_path):  # noqa: F811
    from desktop.views import dialogs

    i18n.set_language("en")
    warned = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: warned.append((title, text)))
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: pytest.fail(text))
    before = sorted(Product.select(Product.key, Product.price_cents).tuples())
    _data, line = damaged(tmp_path, WOO, "Regular price", "1.234")
    with qtbot.waitSignal(window.shipping.import_finished, timeout=10000):
        window.shipping.import_file(tmp_path / "sample_products.csv")
    assert warned == [("Not imported", f"“sample_products.csv” was not imported. Line {line}: “1.234” in the column "
                       "“Regular price” can mean €1,234.00 or €1.234: a point or comma before three digits marks "
                       "thousands in one file and cents in another, and the file's other amounts do not settle "
                       "which. Write this amount with two decimals (its cents) and import the file again. Nothing "
                       "was changed.")]
    assert sorted(Product.select(Product.key, Product.price_cents).tuples()) == before


# --- an amount in dollars or pounds is never read as euros -------------------------------------

@needs_shared
@pytest.mark.parametrize("name, column, value, sign", [
    (WOO, "Regular price", "$16.50", "$"),
    ("shopify/jewelery.csv", "Variant Price", "£ 24.00", "£"),
])
def test_a_product_price_in_dollars_or_pounds_is_left_empty_and_said(tmp_path, name, column, value, sign):
    """"$16.50" was stored as € 16,50: the sign was taken off as if it were a euro sign. Such a
    product now comes without a price, as Etsy's prices in another currency do, and the
    preview says how many."""
    data, line = damaged(tmp_path, name, column, value)
    i18n.set_language("en")
    parsed = parse_export(data)
    assert price_of(data, line) is None
    assert f"1 price is in {sign}, not in euros: that product is imported without a price." in parsed.notes
    assert sum(p.price_cents is not None for p in parsed.products) == sum(
        p.price_cents is not None for p in parse_export((EXPORTS / name).read_bytes()).products) - 1


@needs_shared
def test_an_order_amount_in_dollars_in_an_order_in_euros_is_refused(tmp_path):
    data, line = damaged(tmp_path, SHOPIFY_ORDERS, "Total", "$1659.95")
    failed = refused(data, orders=True)
    assert failed.line == line and "“$1659.95”" in str(failed) and "not in euros" in str(failed)
    assert "order #1001 is" in str(failed)


def test_an_order_in_dollars_without_its_currency_is_refused_and_with_it_is_read():
    """A file that names no currency would have its "$" amounts stored as euros; the same
    order with "USD" in its currency column is an order in dollars, and kept as one."""
    header = "Name,Financial Status,Created at,Currency,Total,Lineitem quantity,Lineitem name,Lineitem price\n"
    row = "#1,paid,2026-01-02 10:00:00 +0100,{currency},$24.00,1,Ring,$24.00\n"
    i18n.set_language("en")
    with pytest.raises(ImportFailed) as failed:
        oi.parse_orders((header + row.format(currency="")).encode())
    assert failed.value.line == 2 and "names no currency for order #1" in str(failed.value)
    order = oi.parse_orders((header + row.format(currency="USD")).encode()).orders[0]
    assert (order.currency, order.total_cents) == ("USD", 2400)


# --- "sep=;": a file made to open in Excel -----------------------------------------------------

@needs_shared
@pytest.mark.parametrize("name, sep, resave", [
    (WOO, ";", True), ("shopify/jewelery.csv", ",", False), (SHOPIFY_ORDERS, ",", False), (SHOPIFY_ORDERS, ";", True),
])
def test_a_sep_line_before_the_header_names_the_delimiter(name, sep, resave):
    """Excel reads a first line "sep=;" as the delimiter, and a file made to open in Excel
    has one. It was taken for the header ("not an export of products or orders"). The file
    reads as without it, each row one line further down."""
    data = (EXPORTS / name).read_bytes()
    if resave:
        data = dutch_resave(data)
    plain = oi.parse_any(data)
    said = oi.parse_any(f"sep={sep}\r\n".encode() + data)
    rows = plain.orders if name == SHOPIFY_ORDERS else plain.products
    rows_said = said.orders if name == SHOPIFY_ORDERS else said.products
    assert len(rows_said) == len(rows) > 0
    assert [r.line for r in rows_said] == [r.line + 1 for r in rows]
    assert said.notes == plain.notes


def test_a_file_of_only_a_sep_line_is_empty():
    with pytest.raises(ImportFailed) as failed:
        parse_export(b"sep=;\r\n")
    assert failed.value.line == 0


# --- a spreadsheet's own file, a zip, text in UTF-16 without its mark ---------------------------

def _zipped(entries: dict[str, bytes]) -> bytes:
    import zipfile
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():  # an OpenDocument file's "mimetype" first, not compressed
            archive.writestr(name, data, zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED)
    return out.getvalue()


@needs_shared
@pytest.mark.parametrize("kind, words", [
    ("xlsx", "choose Save As → CSV"), ("ods", "choose Save As → CSV"), ("xls", "choose Save As → CSV"),
    ("zip", "unpack it first"),
])
def test_a_workbook_or_a_zip_renamed_csv_is_told_what_it_is(kind, words):
    """An export opened in Excel and saved as a workbook, or a large export that came zipped,
    was "not a text file": the owner is told what the file is and how to get the CSV."""
    csv_data = (EXPORTS / "shopify/jewelery.csv").read_bytes()
    data = {
        # the parts a workbook names first, as Excel and LibreOffice write them
        "xlsx": _zipped({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}),
        "ods": _zipped({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"}),
        "xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
        "zip": _zipped({"products_export_1.csv": csv_data}),
    }[kind]
    failed = refused(data)
    assert words in str(failed) and failed.line == 0, str(failed)


@needs_shared
@pytest.mark.parametrize("name", ["shopify/jewelery.csv", "woocommerce/wc-product-export_russian_headers.csv"])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_text_without_its_mark_is_read(name, encoding):
    """A script or an old spreadsheet may write UTF-16 without the byte-order mark: it was "not
    a text file". It reads as the same file in UTF-8 (Russian column names too)."""
    raw = (EXPORTS / name).read_bytes()
    text = raw.decode("utf-8-sig")
    as_utf8 = parse_export(text.encode("utf-8"))
    wide = parse_export(text.encode(encoding))
    assert [(p.name, p.price_cents) for p in wide.products] == [(p.name, p.price_cents) for p in as_utf8.products]
    assert wide.products


@needs_shared
def test_woocommerce_products_with_variations_left_out_come_without_a_price_and_it_is_said():
    """An export of WooCommerce's products without their variation rows (a filter in the
    exporter): "V-Neck T-Shirt" and "Hoodie" came in without a price and without a word."""
    text = (EXPORTS / WOO).read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    kind = rows[0].index("Type")
    out = io.StringIO()
    csv.writer(out).writerows([rows[0]] + [r for r in rows[1:] if r[kind] != "variation"])
    i18n.set_language("en")
    parsed = parse_export(out.getvalue().encode())
    assert sorted(p.name for p in parsed.products if p.price_cents is None) == ["Hoodie", "V-Neck T-Shirt"]
    assert ("2 products with variations came without them: they are imported without a price. WooCommerce keeps "
            "each variation's price on a row of its own: export the variations too.") in parsed.notes
    assert not any("variations came without" in n for n in parse_export((EXPORTS / WOO).read_bytes()).notes)


@needs_shared
@pytest.mark.parametrize("day_first", ["31/12/23", "31-12-2023", "05/06/2023"])
def test_an_etsy_date_with_the_day_first_says_how_etsy_writes_it(day_first):
    """Etsy writes "12/31/2023"; a spreadsheet that re-saved the download may write the day
    first. That was "not a date", which the owner could not act on: the refusal now says how
    Etsy writes a date and what to do. ("05/06/2023" is read as Etsy means it: 6 May.)"""
    text = (EXPORTS / "orders/etsy/EtsySoldOrders2023.csv").read_bytes().decode("utf-8")
    lines = text.split("\n")
    cells = lines[1].split("\t")
    cells[0] = day_first
    data = "\n".join([lines[0], "\t".join(cells), *lines[2:]]).encode()
    if day_first == "05/06/2023":
        assert next(o for o in oi.parse_orders(data).orders if o.line == 2).ordered_on.isoformat() == "2023-05-06"
        return
    failed = refused(data, orders=True)
    assert failed.line == 2 and f"“{day_first}”" in str(failed) and "month first: 12/31/2023" in str(failed)


# --- "8,7206E+12": a code or a phone number a spreadsheet program shortened ----------------------
# A Dutch owner opens the shop's export in Excel and saves it as CSV: every number of more than
# eleven digits (a barcode used as SKU) and a phone in a narrow column come out as a power of ten,
# their last digits gone. 740 products were imported under the SKU "8,7206E+12" with notes to
# give each its own SKU, and the shop's own file later doubled the catalogue; phones were stored
# as "6,12346E+08". Such a file is refused, naming the line and the column.

NL_PARTIAL = "shopify/nl_shop_products_export_partial_columns.csv"  # the real Dutch shop's export (barcodes)
BE_ORDERS = "orders/shopify/be_shop_orders_export_1.csv"  # phones and zips with a leading apostrophe
WOO_ORDERS = "orders/woocommerce/customer_order_csv_export_one_row_per_order.csv"


def shortened(digits: str, mark: str = ",") -> str:
    """``digits`` as a spreadsheet program writes a long number in a narrow column ("8,7206E+12")."""
    return f"{int(digits):.4E}".replace(".", mark)


SHORTENED_PROBLEM = (
    "“{value}” in the column “{column}” was shortened by a spreadsheet program such as Excel: it kept only the first "
    "few digits and replaced the rest with a power of ten, so they are lost. Export the file from the shop again and "
    "import it without opening it in a spreadsheet first (or set this column to text there).")


@needs_shared
@pytest.mark.parametrize("mark", [",", "."])
def test_skus_a_spreadsheet_shortened_refuse_the_products_file(mark):
    """The reviewer's file: the real Dutch shop's barcodes as SKUs, saved by Excel in Dutch
    (";", Windows-1252, "8,7206E+12") or in English ("8.7206E+12")."""
    barcode = {}

    def as_excel(cell: str) -> str:
        return shortened(barcode.setdefault(cell, cell.lstrip("'")), mark)

    text = (EXPORTS / NL_PARTIAL).read_bytes().decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    sku, code = rows[0].index("Variant SKU"), rows[0].index("Variant Barcode")
    for row in rows[1:]:
        if row[code].lstrip("'").isdigit():  # a barcode with more than digits in it stays text
            row[sku] = row[code] = as_excel(row[code])
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    failed = refused(out.getvalue().encode("cp1252"))
    first = next(n for n, row in enumerate(rows[1:], start=2) if "E+" in row[code])
    assert failed.line == first
    assert failed.problem == SHORTENED_PROBLEM.format(value=rows[first - 1][sku], column="Variant SKU")
    assert rows[first - 1][sku] == f"8{mark}7206E+12"


@needs_shared
@pytest.mark.parametrize("name, column, value", [
    (NL_PARTIAL, "Variant SKU", "8,7206E+12"),
    (NL_PARTIAL, "Handle", "1,55424E+12"),
    (WOO, "SKU", "8.7206E+12"),
    (BE_ORDERS, "Billing Phone", "6,12346E+08"),
    (BE_ORDERS, "Shipping Phone", "'3,24567E+10"),
    (BE_ORDERS, "Billing Zip", "1,0115E+04"),
    (BE_ORDERS, "Lineitem sku", "8,7206E+12"),
    (SHOPIFY_ORDERS, "Name", "1,00123E+12"),
    (WOO_ORDERS, "order_number", "1,23457E+11"),
    (WOO_ORDERS, "billing_phone", "3,16123E+10"),
])
def test_a_code_or_phone_a_spreadsheet_shortened_is_refused_naming_line_and_column(tmp_path, name, column, value):
    orders = name.startswith("orders/")
    data, line = damaged(tmp_path, name, column, value)
    failed = refused(data, orders=orders)
    assert failed.line == line
    assert failed.problem == SHORTENED_PROBLEM.format(value=value, column=column)


@needs_shared
@pytest.mark.parametrize("name, column, value, words", [
    (WOO, "Regular price", "1,5E+02", "is not an amount"),  # an amount is no code: said as what it is
    (SHOPIFY_ORDERS, "Total", "1.5E+02", "is not an amount"),
])
def test_an_amount_written_as_a_power_of_ten_is_not_taken_for_a_shortened_code(tmp_path, name, column, value, words):
    data, line = damaged(tmp_path, name, column, value)
    failed = refused(data, orders=name.startswith("orders/"))
    assert failed.line == line and words in failed.problem and "spreadsheet program shortened" not in failed.problem


@needs_shared
@pytest.mark.parametrize("name, column, value", [
    (NL_PARTIAL, "Title", "Ring E+12"), (NL_PARTIAL, "Title", "8,7206E+12"), (NL_PARTIAL, "Variant SKU", "RING-1E+2-GOUD"),
    (NL_PARTIAL, "Variant SKU", "12E5"), (BE_ORDERS, "Lineitem name", "Waffly E+ (5pcs)"), (BE_ORDERS, "Billing Street", "1E+2"),
])
def test_e_plus_in_a_name_or_inside_a_code_is_read(tmp_path, name, column, value):
    """A name is no number, whatever it holds; a code with more than a shortened number in it
    is a code of the shop's."""
    data, line = damaged(tmp_path, name, column, value)
    if name.startswith("orders/"):
        assert oi.parse_orders(data).orders
    else:
        product = next(p for p in parse_export(data).products if p.line == line)
        assert value in (product.name, product.sku)


@needs_shared
def test_a_phone_of_more_digits_than_any_shortened_in_a_real_export_is_left_out():
    """The real WooCommerce orders export (re-saved by Excel) has one billing phone "7.0740E+53":
    a buyer typed 54 digits, and no phone number has more than 15. It was stored as written;
    the file imports, that phone left out."""
    raw = (EXPORTS / WOO_ORDERS).read_bytes()
    assert b",7.0740E+53," in raw
    parsed = oi.parse_orders(raw)
    assert len(parsed.orders) == 221
    assert not any("E+" in c.phone for c in parsed.customers.values())
    assert not any("E+" in o.ship_phone for o in parsed.orders)


@needs_shared
@pytest.mark.parametrize("language, words", [
    ("en", "was not imported. Line {line}: “8,7206E+12” in the column “Variant SKU” was shortened by a spreadsheet "
           "program"),
    ("nl", "is niet geïmporteerd. Regel {line}: „8,7206E+12” in de kolom „Variant SKU” is afgekort door een "
           "spreadsheetprogramma"),
])
def test_the_import_command_refuses_shortened_skus_and_a_later_good_file_does_not_double(
        data_dir, tmp_path, capsys, language, words):
    open_database()
    Product.create(key="blijft", name="Blijft")
    close_database()
    before = paths.db_path().read_bytes()
    data, line = damaged(tmp_path, NL_PARTIAL, "Variant SKU", "8,7206E+12")
    path = tmp_path / NL_PARTIAL.rsplit("/", 1)[-1]
    assert cli.main(["--lang", language, "import", str(path)]) == 1
    close_database()
    err = capsys.readouterr().err
    assert words.format(line=line) in err and "8,7206E+12" in err and "Variant SKU" in err
    assert paths.db_path().read_bytes() == before
    path.write_bytes((EXPORTS / NL_PARTIAL).read_bytes())  # exported again, imported unopened
    assert cli.main(["--lang", language, "import", str(path)]) == 0
    close_database()
    open_database()
    assert Product.select().count() == 1 + 814


# --- two exports pasted into one file ----------------------------------------------------------

def line_ends(text: str) -> int:
    """The line ends in ``text`` as the csv module counts them (CRLF, LF, a CR alone)."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def header_line(text: str) -> int:
    """The line of the column names (blank lines, a tab, a BOM may come before them)."""
    return line_ends(text[:text.index(importers.header_and_delimiter(text)[0])]) + 1


def pasted_twice(path) -> tuple[bytes, int, int]:
    """A real export followed by itself, its column names again (two exports pasted into one
    file), every byte of each as it was; the line of the first header and of the second."""
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    ending = "\r\n" if "\r\n" in text else "\n"
    first = text if text.endswith(("\n", "\r")) else text + ending  # Etsy writes no final line end
    return (first + text).encode("utf-8"), header_line(text), line_ends(first) + header_line(text)


def refused_any_file(data: bytes) -> ImportFailed:
    i18n.set_language("en")
    with pytest.raises(ImportFailed) as failed:
        oi.parse_any(data)
    return failed.value


@needs_shared
@pytest.mark.parametrize("path", shop_exports(), ids=lambda p: p.name)
def test_two_real_exports_pasted_into_one_file_are_refused_at_the_second_header(path):
    """Review of the imports: "Line 41: “Created at” in the column “Created at” is not a date"
    (orders), "“Variant Price” … is not an amount" (products)."""
    data, first, second = pasted_twice(path)
    failed = refused_any_file(data)
    assert failed.line == second
    assert failed.problem == (f"the column names appear here again (as on line {first}): two exports were probably "
                              "pasted into one file. Import each export on its own.")


@needs_shared
def test_an_older_and_a_newer_shopify_orders_export_pasted_together_are_refused_at_the_second_header():
    """The 71-column header of 2021 and the 79-column one of today: the second header is told as
    such, not as a row with more cells than the header."""
    older = (EXPORTS / BE_ORDERS).read_bytes().decode("utf-8")
    newer = (EXPORTS / SHOPIFY_ORDERS).read_bytes().decode("utf-8")
    older = older if older.endswith("\n") else older + "\n"
    failed = refused_any_file((older + newer).encode())
    assert failed.line == older.count("\n") + 1 and "the column names appear here again (as on line 1)" in failed.problem


@pytest.mark.parametrize("language, words", [
    ("en", "was not imported. Line 4: the column names appear here again (as on line 1)"),
    ("nl", "is niet geïmporteerd. Regel 4: "),
])
def test_the_import_command_refuses_two_pasted_exports_and_changes_nothing(data_dir, tmp_path, capsys, language,
                                                                           words):
    open_database()
    Product.create(key="blijft", name="Blijft")
    close_database()
    before = paths.db_path().read_bytes()
    header = "Handle,Title,Variant SKU,Variant Price\n"
    path = tmp_path / "products_export_1.csv"
    path.write_text(header + "ring,Ring,R-1,24.95\n\n" + header + "ketting,Ketting,K-1,12.50\n", encoding="utf-8")
    assert cli.main(["--lang", language, "import", str(path)]) == 1
    close_database()
    err = capsys.readouterr().err
    assert words in err
    assert paths.db_path().read_bytes() == before
