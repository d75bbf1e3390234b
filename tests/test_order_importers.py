"""Orders exports (domain): the real files counted as a person counts them, our own Dutch
file, and the awkward details (double-encoded names, zips, PHP meta, cut-off files)."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop import i18n
from desktop.domain import order_importers as oi
from desktop.domain.importers import ImportFailed, ParsedExport
from tests.shared_data import order_exports, shared_dir

DATA = Path(__file__).parent / "data" / "shop"
NL_ORDERS = DATA / "shopify_orders_nl.csv"
SHARED = shared_dir()
ORDERS_DIR = SHARED / "data" / "shop-exports" / "orders" if SHARED else None
ORDER_FILES = order_exports()  # at any depth under orders/
needs_orders = pytest.mark.skipif(not ORDER_FILES, reason="shared/data/shop-exports/orders is not beside the checkout")

# Counted by hand from the files (see shared/data/shop-exports/SOURCES.md):
# (platform, orders, distinct customers, order lines, orders without any customer)
EXPECTED = {
    # 39 rows, one order a row; customer082@example.com ordered twice (#1006 and #1003).
    "be_shop_orders_export_1.csv": ("shopify", 39, 38, 39, 0),
    # 40 rows for 19 orders (#1001-#1019, up to 4 line items each); only Ayumu Hirano,
    # Karine Ruby and Russell Winfield give an e-mail address, the other 10 orders name nobody.
    "devstore_orders_export.csv": ("shopify", 19, 3, 40, 10),
    # 1199 rows of which 978 only delimiters (Excel): 221 orders, one item each; 215 e-mail
    # addresses (six customers ordered twice).
    "customer_order_csv_export_one_row_per_order.csv": ("woocommerce", 221, 215, 221, 0),
    # 1605 orders, no e-mail: 1418 buyer accounts ("Buyer User ID"; 8 of them wrote their
    # name or address two ways) and 115 guests by name and address (street, postcode
    # without its ZIP+4 tail), one of whom is also an account's buyer: 1532 people. The
    # file lists no items ("Number of Items" only).
    "EtsySoldOrders2023.csv": ("etsy", 1605, 1532, 0, 0),
}


@needs_orders
def test_every_real_orders_file_is_counted():
    """Every file counted here is found (at any depth under orders/); one added to shared
    later is read by the test below all the same, and skipped there until counted."""
    assert {p.name for p in ORDER_FILES} >= set(EXPECTED)


@needs_orders
@pytest.mark.parametrize("path", ORDER_FILES, ids=lambda p: p.name)
def test_a_real_orders_export_is_read_whole(path):
    data = path.read_bytes()
    assert oi.is_orders_export(data)
    parsed = oi.parse_orders(data)
    if path.name in EXPECTED:
        platform, orders, customers, lines, nobody = EXPECTED[path.name]
        assert parsed.platform == platform
        assert len(parsed.orders) == orders
        assert len(parsed.customers) == customers
        assert sum(len(o.lines) for o in parsed.orders) == lines
        assert sum(1 for o in parsed.orders if not o.customer_key) == nobody
    assert parsed.orders and len({o.number for o in parsed.orders}) == len(parsed.orders)
    for order in parsed.orders:
        assert order.ordered_on.year >= 2020
        assert order.total_cents is None or order.total_cents >= 0
        for line in order.lines:
            assert line.name and "&times;" not in line.name and line.quantity >= 1
    for customer in parsed.customers.values():
        assert customer.name and "Ã" not in customer.name and "Ã" not in customer.city
        assert not customer.postcode.startswith("'")
        assert (customer.language, customer.address_form) == {
            "BE": ("nl", "u"), "NL": ("nl", "je"), "other": ("en", "je")}[customer.country]
    # the same file through the entry the window and the command use
    assert isinstance(oi.parse_any(data), oi.ParsedOrders)
    if path.name not in EXPECTED:
        pytest.skip(f"{path.name} is not in EXPECTED yet: it reads {len(parsed.orders)} orders; count them by hand")


@needs_orders
def test_real_details_belgian_shopify_woocommerce_and_etsy():
    be = oi.parse_orders((ORDERS_DIR / "shopify" / "be_shop_orders_export_1.csv").read_bytes())
    first = be.orders[0]
    assert first.number == "#1039" and first.total_cents == 599 and first.currency == "EUR"
    assert first.ordered_at == datetime(2021, 4, 8, 17, 24, 41, tzinfo=timezone(timedelta(hours=2)))
    assert first.lines[0].sku == "30" and first.lines[0].price_cents == 499
    customer = be.customers[first.customer_key]
    assert (customer.postcode, customer.city, customer.country, customer.address_form) == ("1630", "Linkebeek", "BE", "u")
    assert [o.number for o in be.orders if o.status == oi.FULFILLED] == ["#1001"]

    dev = oi.parse_orders((ORDERS_DIR / "shopify" / "devstore_orders_export.csv").read_bytes())
    by_number = {o.number: o for o in dev.orders}
    assert len(by_number["#1001"].lines) == 4 and by_number["#1011"].status == oi.PARTIAL
    assert dev.customers["email:karine.ruby@example.com"].name == "Karine Ruby"  # #1005 has only the e-mail

    woo = oi.parse_orders((ORDERS_DIR / "woocommerce" / "customer_order_csv_export_one_row_per_order.csv").read_bytes())
    order = woo.orders[0]
    assert (order.number, order.total_cents, order.currency, order.shop_status) == ("2688", 3353, "CAD", "processing")
    assert order.lines[0] == oi.OrderLine(name="Patty and the Pandemic", sku="", quantity=2, price_cents=1395)
    assert order.ordered_at == datetime(2020, 10, 8, 2, 28)  # the shop's own time, no zone
    noted = [o for o in woo.orders if o.notes]
    assert len(noted) == 25 and oi.personalisation(noted[0], noted[0].lines[0]) == noted[0].notes

    etsy = oi.parse_orders((ORDERS_DIR / "etsy" / "EtsySoldOrders2023.csv").read_bytes())
    assert etsy.orders[0].ordered_on == date(2023, 12, 31) and etsy.orders[0].fulfilled_on == date(2024, 1, 4)
    assert all(o.status == oi.FULFILLED for o in etsy.orders)
    cities = {c.city for c in etsy.customers.values()}
    assert "Montréal" in cities and "Zürich" in cities  # written twice through UTF-8 in the file
    dutch = [c for c in etsy.customers.values() if c.country == "NL"]
    assert len(dutch) == 3 and all(c.language == "nl" and c.address_form == "je" for c in dutch)
    zips = {c.postcode for c in etsy.customers.values() if c.country_name == "United States"}
    assert all(len(z.split("-")[0]) == 5 for z in zips)  # leading zeros put back


def cut_mid_row(data: bytes) -> bytes:
    """The file cut in the middle of a row about halfway (an interrupted download)."""
    middle = data.rfind(b"\n", 0, len(data) // 2) + 1
    end = data.find(b"\n", middle)
    return data[:middle + (end - middle) // 3]


@needs_orders
@pytest.mark.parametrize("path", ORDER_FILES, ids=lambda p: p.name)
def test_a_real_orders_export_cut_off_is_refused(path):
    i18n.set_language("en")
    with pytest.raises(ImportFailed) as failed:
        oi.parse_orders(cut_mid_row(path.read_bytes()))
    assert "cut off" in str(failed.value)


@needs_orders
@pytest.mark.parametrize("path", ORDER_FILES, ids=lambda p: p.name)
def test_a_product_import_still_refuses_an_orders_file(path):
    from desktop.domain.importers import parse_export

    with pytest.raises(ImportFailed):
        parse_export(path.read_bytes())


def old_mac_line_ends(data: bytes) -> bytes:
    """The file as an older Mac's spreadsheet program saves it ("CSV (Macintosh)"): every line
    ends with a carriage return alone, also the line breaks inside quoted cells."""
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r")


@needs_orders
@pytest.mark.parametrize("path", ORDER_FILES, ids=lambda p: p.name)
def test_a_real_orders_export_with_old_mac_line_ends_reads_the_same(path):
    """A file whose lines end with CR only was refused as "not an orders export": its header
    was read up to the first line feed, which it has none of (review of the importers)."""
    data = path.read_bytes()
    assert b"\r" in old_mac_line_ends(data) and b"\n" not in old_mac_line_ends(data)
    assert oi.is_orders_export(old_mac_line_ends(data))
    mac, own = oi.parse_orders(old_mac_line_ends(data)), oi.parse_orders(data)
    assert (mac.orders, mac.customers, mac.notes) == (own.orders, own.customers, own.notes)
    assert isinstance(oi.parse_any(old_mac_line_ends(data)), oi.ParsedOrders)


def test_a_personalisation_on_lines_of_an_old_mac_cell_is_read_line_by_line():
    """"Naam: Mila" and "Lettertype: Script" on two lines of one cell are two things typed."""
    data = NL_ORDERS.read_bytes()
    mila = next(o for o in oi.parse_orders(old_mac_line_ends(data)).orders if o.number == "#2001")
    assert mila.note_attributes == (("Naam", "Mila"), ("Lettertype", "Script"))


@needs_orders
@pytest.mark.parametrize("name,encoding,said", [
    ("be_shop_orders_export_1.csv", "mac_roman", "Mac OS Roman"), ("be_shop_orders_export_1.csv", "cp850", "cp850"),
    ("customer_order_csv_export_one_row_per_order.csv", "mac_roman", "Mac OS Roman")])
def test_an_orders_export_saved_in_an_older_encoding_keeps_its_accents(name, encoding, said):
    """An older Mac's or DOS' spreadsheet save garbled every accented name and street: read
    as Windows-1252 without a word (review of the importers)."""
    i18n.set_language("en")
    path = next(p for p in ORDER_FILES if p.name == name)
    text = path.read_bytes().decode("utf-8-sig")
    assert not text.isascii()
    own, again = oi.parse_orders(path.read_bytes()), oi.parse_orders(text.encode(encoding))
    assert (again.orders, again.customers) == (own.orders, own.customers)
    assert [n for n in again.notes if n not in own.notes] == [next(n for n in again.notes if said in n)]


# --- our own Dutch shop ----------------------------------------------------------------------

def test_a_dutch_and_belgian_shopify_orders_file():
    parsed = oi.parse_orders((DATA / "shopify_orders_nl.csv").read_bytes())
    assert [o.number for o in parsed.orders] == ["#2001", "#2002", "#2003", "#2004", "#2005", "#2006"]
    assert [o.status for o in parsed.orders] == ["open", "open", "fulfilled", "open", "fulfilled", "cancelled"]
    mila = parsed.customers["email:mila.jansen@example.nl"]
    assert (mila.country, mila.language, mila.address_form, mila.postcode) == ("NL", "nl", "je", "3511 AB")
    lotte = parsed.customers["email:lotte.peeters@example.be"]
    assert (lotte.country, lotte.language, lotte.address_form, lotte.postcode) == ("BE", "nl", "u", "2000")
    sam = parsed.customers["email:sam@example.com"]
    assert (sam.country, sam.language) == ("other", "en")
    noah = parsed.customers[parsed.orders[4].customer_key]  # no e-mail: name and address
    assert noah.name == "Noah de Vries" and parsed.orders[4].customer_key.startswith("name:")
    assert len(parsed.customers) == 5  # Mila ordered twice
    first, second = parsed.orders[0], parsed.orders[1]
    assert oi.personalisation(first, first.lines[0]) == "Naam: Mila; Lettertype: Script"
    assert oi.personalisation(second, second.lines[0]) == "Letters L en J graag, in goud"
    assert [(li.sku, li.quantity) for li in second.lines] == [("SH-401", 2), ("OR-101", 1)]
    assert parsed.products().keys() == {"sku:NK-502", "sku:SH-401", "sku:OR-101", "sku:NK-501", "sku:AR-201"}


def test_a_products_file_is_told_apart_from_an_orders_file():
    data = (DATA / "woo_variations.csv").read_bytes()
    assert not oi.is_orders_export(data)
    assert isinstance(oi.parse_any(data), ParsedExport)


@pytest.mark.parametrize("change,line,words", [
    (("34.95,,NK-502", "vijf,,NK-502"), 2, "“vijf”"),
    # "Paid at" (not read) and "Created at"; #2001 above holds a two-line cell, so #2002 starts on line 4
    (("2026-11-03 21:40:12 +0100", "gisteren"), 4, "“gisteren”"),
])
def test_a_bad_value_refuses_the_whole_file_naming_the_line(change, line, words):
    i18n.set_language("en")
    text = (DATA / "shopify_orders_nl.csv").read_text(encoding="utf-8").replace(*change)
    with pytest.raises(ImportFailed) as failed:
        oi.parse_orders(text.encode())
    assert failed.value.line == line and words in str(failed.value)


@pytest.mark.parametrize("quantity", ["nan", "inf", "1e3", "1,000", "99999999999999999999", "-2", "1.5", "100001"])
def test_a_number_of_items_that_is_no_whole_number_is_refused_not_guessed(quantity):
    """What a spreadsheet or a script may write in "Lineitem quantity" ("nan" from pandas,
    "1e3", "1,000"): the file is refused, naming the line and the value; nothing crashes."""
    i18n.set_language("en")
    text = (DATA / "shopify_orders_nl.csv").read_text(encoding="utf-8").replace(
        "+0100,2,Sleutelhanger met letter", f'+0100,"{quantity}",Sleutelhanger met letter')
    with pytest.raises(ImportFailed) as failed:
        oi.parse_orders(text.encode())
    assert failed.value.line == 4 and f"“{quantity}”" in str(failed.value) and "number of items" in str(failed.value)


def test_a_spreadsheets_whole_number_is_read():
    text = (DATA / "shopify_orders_nl.csv").read_text(encoding="utf-8").replace(
        "+0100,2,Sleutelhanger met letter", "+0100,2.0,Sleutelhanger met letter")
    order = next(o for o in oi.parse_orders(text.encode()).orders if o.number == "#2002")
    assert [line.quantity for line in order.lines][:1] == [2]


@pytest.mark.parametrize("moment", ["0001-01-01 00:30:00 +0100", "9999-12-31 10:00:00 +0100", "1900-01-11 10:00:00 +0100"])
def test_an_order_date_no_shop_can_have_is_refused(moment):
    i18n.set_language("en")
    text = (DATA / "shopify_orders_nl.csv").read_text(encoding="utf-8").replace("2026-11-03 21:40:12 +0100", moment)
    with pytest.raises(ImportFailed) as failed:
        oi.parse_orders(text.encode())
    assert failed.value.line == 4 and f"“{moment}”" in str(failed.value)


def test_an_order_without_its_number_is_refused():
    text = "Name,Financial Status,Created at,Lineitem name\n#1,paid,2026-01-02 10:00:00 +0100,Ring\n,paid,2026-01-02,Ketting\n"
    with pytest.raises(ImportFailed) as failed:
        oi.parse_orders(text.encode())
    assert failed.value.line == 3


# --- rows repeated, rows of one order that disagree ----------------------------------------

def nl_rows() -> list[list[str]]:
    """Our Dutch file's rows as cells (#2001's notes span two lines of the file)."""
    return list(csv.reader(io.StringIO(NL_ORDERS.read_text(encoding="utf-8"), newline="")))


def as_file(rows: list[list[str]]) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode()


def cell(rows, row: list[str], column: str, value: str) -> list[str]:
    changed = list(row)
    changed[rows[0].index(column)] = value
    return changed


def by_number(parsed: oi.ParsedOrders) -> dict[str, oi.OrderRow]:
    return {o.number: o for o in parsed.orders}


def test_our_file_has_nothing_to_say_about_its_rows():
    assert oi.parse_orders(NL_ORDERS.read_bytes()).notes == []


@pytest.mark.parametrize("language,words", [
    ("nl", "Regel 4 is in elke kolom gelijk aan regel 2 (bestelling #2001): overgeslagen, want die telt maar "
           "één keer."),
    ("en", "Line 4 is identical to line 2 in every column (order #2001): skipped, as it counts only once."),
])
def test_a_row_repeated_in_every_column_is_counted_once_and_said(language, words):
    """#2001 (a made-to-order necklace) twice: one line, one item, not two pieces to make.
    Its first row ends on line 3 (a two-line note), so the copy starts on line 4."""
    i18n.set_language(language)
    rows = nl_rows()
    parsed = oi.parse_orders(as_file(rows[:2] + [rows[1]] + rows[2:]))
    assert parsed.notes == [words]
    first = by_number(parsed)["#2001"]
    assert (len(first.lines), first.item_count, first.total_cents) == (1, 1, 3990)
    assert len(parsed.orders) == 6 and len(parsed.customers) == len(oi.parse_orders(NL_ORDERS.read_bytes()).customers)


def test_identical_item_rows_inside_one_shopify_order_are_items_of_their_own():
    """Two engraved necklaces of one variant: Shopify's export leaves the engraving out,
    so their item rows are identical, and both are pieces to make (a code review found the
    second one dropped as a repeat, with a note saying that was right)."""
    rows = nl_rows()
    assert rows[3][rows[0].index("Total")] == ""  # #2002's second row: an item row
    parsed = oi.parse_orders(as_file(rows[:4] + [rows[3], rows[3]] + rows[4:]))
    assert parsed.notes == []
    assert [li.sku for li in by_number(parsed)["#2002"].lines] == ["SH-401", "OR-101", "OR-101", "OR-101"]


def test_a_multi_row_order_pasted_twice_is_read_once():
    """#2002 (an order of two rows) copied under itself: its opening row comes twice, so
    both its rows are repeats, said one by one; its items are not doubled."""
    i18n.set_language("en")
    rows = nl_rows()
    parsed = oi.parse_orders(as_file(rows[:4] + rows[2:4] + rows[4:]))
    assert [li.sku for li in by_number(parsed)["#2002"].lines] == ["SH-401", "OR-101"]
    assert parsed.notes == [
        "Line 6 is identical to line 4 in every column (order #2002): skipped, as it counts only once.",
        "Line 7 is identical to line 5 in every column (order #2002): skipped, as it counts only once."]


def test_an_order_again_further_down_with_a_changed_status_is_read_once():
    """Two overlapping exports pasted together: the same orders again below, their status
    changed meanwhile. The rows differ, so they were merged and every item counted twice
    (an input review: 40 lines became 80)."""
    i18n.set_language("en")
    rows = nl_rows()
    again = [cell(rows, r, "Financial Status", "refunded") if r[rows[0].index("Total")] else r for r in rows[1:]]
    parsed = oi.parse_orders(as_file(rows + again))
    whole = oi.parse_orders(NL_ORDERS.read_bytes())
    assert [(o.number, len(o.lines)) for o in parsed.orders] == [(o.number, len(o.lines)) for o in whole.orders]
    assert "Line 10 repeats order #2001 from earlier in the file: skipped, as it counts only once." in parsed.notes
    assert any(n.startswith("Lines ") and "repeat order #2002 from earlier in the file" in n for n in parsed.notes)


def test_an_etsy_orders_file_pasted_under_itself_is_read_once():
    """One row an order (Etsy's sold orders): the same order further down, a cell changed."""
    i18n.set_language("nl")
    first = etsy_sold_orders(("301", "acc1", "Dpvhsh Psrsckd", "4497 Ckndqnbhm St NE"),
                             ("302", "acc2", "Els Are", "1 Main St"))
    again = first.decode().split("\n", 1)[1].replace("17.00", "18.00")
    parsed = oi.parse_orders((first.decode() + "\n" + again).encode())
    assert len(parsed.orders) == 2
    assert parsed.notes[:2] == ["Regel 4 herhaalt bestelling 301 van eerder in het bestand: overgeslagen, want die "
                                "telt maar één keer.",
                                "Regel 5 herhaalt bestelling 302 van eerder in het bestand: overgeslagen, want die "
                                "telt maar één keer."]


def test_two_rows_of_one_order_that_differ_in_a_line_item_column_are_two_items():
    """Shopify writes an order's later items with its number and e-mail only: the same
    product twice is two items as long as the rows differ somewhere."""
    rows = nl_rows()
    assert rows[3][rows[0].index("Lineitem fulfillment status")] == "pending"
    second = cell(rows, rows[3], "Lineitem fulfillment status", "fulfilled")  # #2002's second item, sent
    parsed = oi.parse_orders(as_file(rows[:4] + [second] + rows[4:]))
    assert parsed.notes == []
    assert [li.sku for li in by_number(parsed)["#2002"].lines] == ["SH-401", "OR-101", "OR-101"]


@pytest.mark.parametrize("language,customer,total", [
    ("nl", "Bestelling #2001: regel 4 noemt een andere klant (iemand.anders@example.nl) dan regel 2 "
           "(mila.jansen@example.nl); de bestelling blijft bij de klant van regel 2. Het artikel op regel 4 hoort "
           "wel bij deze bestelling: kijk de bestelling na in de webshop.",
     "Bestelling #2001: regel 4 geeft een ander totaal (€ 999,00) dan regel 2 (€ 39,90); het totaal van regel 2 "
     "blijft staan."),
    ("en", "Order #2001: line 4 names a different customer (iemand.anders@example.nl) from line 2 "
           "(mila.jansen@example.nl); the order stays with the customer of line 2. The item on line 4 is still "
           "included in this order: check the order in the shop.",
     "Order #2001: line 4 gives a different total (€999.00) from line 2 (€39.90); the total of line 2 is kept."),
])
def test_rows_of_one_order_that_disagree_about_the_customer_or_total_are_said(language, customer, total):
    i18n.set_language(language)
    rows = nl_rows()
    other = cell(rows, cell(rows, rows[1], "Email", "iemand.anders@example.nl"), "Total", "999.00")
    parsed = oi.parse_orders(as_file(rows[:2] + [other] + rows[2:]))
    assert [n.replace("\xa0", " ") for n in parsed.notes] == [customer, total]
    order = by_number(parsed)["#2001"]
    assert order.customer_key == "email:mila.jansen@example.nl" and order.total_cents == 3990
    assert len(order.lines) == 2  # the other row's item is kept, and the note says so
    assert "email:iemand.anders@example.nl" not in parsed.customers


def test_a_disagreement_is_told_against_what_the_first_row_said():
    """#2001's first row without an e-mail, its next row with one, a third with another:
    the note named the second row's address as the first row's (a code review). It names
    the line the address came from (each row spans two lines: its note has a line break)."""
    i18n.set_language("en")
    rows = nl_rows()
    first = cell(rows, rows[1], "Email", "")
    second = cell(rows, cell(rows, rows[1], "Email", "mila.jansen@example.nl"), "Total", "")
    third = cell(rows, cell(rows, rows[1], "Email", "iemand.anders@example.nl"), "Total", "")
    parsed = oi.parse_orders(as_file(rows[:1] + [first, second, third] + rows[2:]))
    assert not any("from line 2 (mila.jansen@example.nl)" in n for n in parsed.notes), parsed.notes
    assert any(n.startswith("Order #2001: line 6 names a different customer (iemand.anders@example.nl) from line 4 "
                            "(mila.jansen@example.nl); the order stays with the customer of line 4.")
               for n in parsed.notes), parsed.notes


def test_many_repeated_rows_are_said_ten_by_ten_then_counted():
    i18n.set_language("en")
    rows = nl_rows()
    parsed = oi.parse_orders(as_file(rows + rows[1:] + rows[1:]))  # the file pasted under itself twice
    assert len(parsed.orders) == 6 and sum(len(o.lines) for o in parsed.orders) == 7
    repeated = 2 * (len(rows) - 1)
    assert len(parsed.notes) == 11 and all("counts only once" in n for n in parsed.notes[:10])
    assert parsed.notes[10] == f"… and {repeated - 10} more rows identical to an earlier one: " \
                               "skipped, as each counts only once."


# --- details ----------------------------------------------------------------------------

def test_double_encoded_utf8_is_repaired_and_good_text_left_alone():
    assert oi.repair_text("MontrÃ©al") == "Montréal"
    assert oi.repair_text("CjÃ¢g KÃ\xa0") == "Cjâg Kà"
    assert oi.repair_text("2Â°") == "2°"
    for good in ("Montréal", "Ãrhus", "São Paulo", "Ärger", "€ 12"):
        assert oi.repair_text(good) == good


@pytest.mark.parametrize("raw,country,expected", [
    ("'1630", "BE", "1630"), ("7302", "United States", "07302"), ("7302-1234", "US", "07302-1234"),
    ("2155", "Australia", "2155"), ("3511ab", "NL", "3511 AB"), ("3511 AB", "", "3511 AB"), ("M5C 1N7", "CA", "M5C 1N7"),
])
def test_postcodes(raw, country, expected):
    assert oi.clean_postcode(raw, country) == expected


@pytest.mark.parametrize("raw,country,expected", [
    ("4012", "Italy", "04012"), ("144", "IT", "00144"), ("2270", "Finland", "02270"), ("949", "Puerto Rico", "00949"),
    ("949-1234", "PR", "00949-1234"), ("1000", "France", "01000"), ("1067", "DE", "01067"), ("8001", "Spain", "08001"),
    ("800", "Australia", "0800"), ("25", "NO", "0025"), ("41350", "France", "41350"), ("75 001", "FR", "75 001"),
    ("8046", "Switzerland", "8046"), ("4310", "New Zealand", "4310"), ("LV-1048", "Latvia", "LV-1048"),
])
def test_postcodes_of_fixed_digits_get_back_the_zeros_a_spreadsheet_dropped(raw, country, expected):
    """Review of the imports: only a US ZIP was padded; Etsy's Italy "4012" (04012), Finland
    "2270" (02270) and Puerto Rico "949" (00949) were kept without their zeros. Countries whose
    postcodes are not all of one length (Switzerland and New Zealand: 4 digits, none with a 0
    in front) are left as written."""
    assert oi.clean_postcode(raw, country) == expected


@needs_orders
def test_the_real_etsy_file_keeps_the_zeros_of_italy_finland_and_puerto_rico():
    etsy = oi.parse_orders((ORDERS_DIR / "etsy" / "EtsySoldOrders2023.csv").read_bytes())
    by_country: dict[str, set[str]] = {}
    for c in etsy.customers.values():
        by_country.setdefault(c.country_name, set()).add(c.postcode)
    assert "04012" in by_country["Italy"] and "02270" in by_country["Finland"]
    assert by_country["Puerto Rico"] == {"00949"}
    assert by_country["Switzerland"] == {"8046", "8500"}
    assert all(len(code.split("-")[0]) == 5 for code in by_country["United States"] if code)


@pytest.mark.parametrize("country,postcode,code", [
    ("NL", "", "NL"), ("The Netherlands", "", "NL"), ("Nederland", "", "NL"), ("België", "", "BE"),
    ("Belgique", "", "BE"), ("BE", "", "BE"), ("Canada", "", "other"), ("", "3511 AB", "NL"), ("", "", ""),
])
def test_countries(country, postcode, code):
    assert oi.country_code(country, postcode) == code


def test_customer_keys_by_email_else_name_and_address():
    assert oi.customer_key("Mila@Example.NL", "Mila", "", "") == oi.customer_key("mila@example.nl", "M. Jansen", "x", "y")
    assert oi.customer_key("", "Noah  de Vries", "Dorpsweg 3.", "9711 AA") == oi.customer_key(
        "", "noah de vries", "Dorpsweg 3", "9711AA")
    assert oi.customer_key("", "Noah de Vries", "Dorpsweg 3", "9711 AA") != oi.customer_key(
        "", "Noah de Vries", "Dorpsweg 5", "9711 AA")
    assert oi.customer_key("", "", "Dorpsweg 3", "9711 AA") == ""


def test_woocommerce_packed_items_with_meta_and_a_bar_in_the_name():
    header = "order_id,order_number,order_date,status,order_total,order_currency,billing_email,billing_first_name," \
             "billing_last_name,billing_country,customer_note,completed_date,line_item_1,line_item_2\n"
    meta = 'a:1:{i:0;a:2:{s:3:"key";s:4:"Naam";s:5:"value";s:5:"Jolie";}}'
    row = ('7,7,2026-11-02 9:05,completed,"49,90",EUR,a@example.nl,Anna,Bakker,NL,,2026-11-04 10:00,'
           '"name:Naamketting | goud|product_id:3|sku:NK-502|quantity:1|total:34.95|meta:' + meta.replace('"', '""') + '",'
           '"name:Sleutelhanger &amp; ring|sku:SH-401|quantity:3|total:14.95|meta:Letter=J, Kleur=zilver"\n')
    parsed = oi.parse_orders((header + row).encode())
    order = parsed.orders[0]
    assert order.status == oi.FULFILLED and order.fulfilled_on == date(2026, 11, 4) and order.total_cents == 4990
    assert order.lines[0].name == "Naamketting | goud" and order.lines[0].properties == (("Naam", "Jolie"),)
    assert order.lines[1] == oi.OrderLine(name="Sleutelhanger & ring", sku="SH-401", quantity=3, price_cents=498,
                                          properties=(("Letter", "J"), ("Kleur", "zilver")))
    assert oi.personalisation(order, order.lines[1]) == "Letter: J; Kleur: zilver"
    assert parsed.customers[order.customer_key].country == "NL"


def test_etsy_sold_order_items_carry_the_personalisation():
    header = "Sale Date\tItem Name\tBuyer\tQuantity\tPrice\tDate Shipped\tShip Name\tShip Address1\tShip City\t" \
             "Ship Zipcode\tShip Country\tOrder ID\tVariations\tCurrency\tSKU\n"
    rows = ("11/20/2026\tNaamketting\tjolie\t1\t34.95\t\tJolie Smit\tLaan 1\tLeiden\t2311 AA\tNetherlands\t991\t"
            "Kleur:Goud,Personalisatie:Jolie\tEUR\tNK-502\n"
            "11/20/2026\tOorbellen\tjolie\t1\t19.95\t\tJolie Smit\tLaan 1\tLeiden\t2311 AA\tNetherlands\t991\t\tEUR\tOR-101")
    parsed = oi.parse_orders((header + rows).encode())
    assert len(parsed.orders) == 1 and parsed.orders[0].status == oi.OPEN
    order = parsed.orders[0]
    assert [li.sku for li in order.lines] == ["NK-502", "OR-101"]
    assert oi.personalisation(order, order.lines[0]) == "Kleur: Goud; Personalisatie: Jolie"
    assert parsed.customers[order.customer_key].country == "NL"


ETSY_HEADER = "Sale Date\tOrder ID\tBuyer User ID\tFull Name\tNumber of Items\tStreet 1\tShip City\tShip Zipcode\t" \
              "Ship Country\tCurrency\tOrder Total\n"


def etsy_sold_orders(*rows: tuple[str, str, str, str]) -> bytes:
    """An Etsy "Sold Orders" file (TAB-separated, as the real one): (order, buyer, name, street)."""
    return (ETSY_HEADER + "\n".join(
        f"11/20/2026\t{number}\t{buyer}\t{name}\t1\t{street}\tColumbia Heights\t55421\tUnited States\tUSD\t17.00"
        for number, buyer, name, street in rows)).encode()


def test_one_etsy_buyer_whose_address_is_written_two_ways_is_one_customer():
    parsed = oi.parse_orders(etsy_sold_orders(
        ("301", "pnrgsecskljezk", "Dpvhsh Psrsckd", "4497 Ckndqnbhm St NE"),
        ("282", "pnrgsecskljezk", "Dpvhsh Psrsckd", "4497 Ckndqnbhm st"),
        ("283", "PNRGSECSKLJEZK", "Dpvhsh  Psrsckd", "4497 Ckndqnbhm Street"),
        ("290", "", "Dpvhsh Psrsckd", "4497 Ckndqnbhm st"),  # a guest checkout at one of those addresses: hers too
        ("291", "otherbuyer", "Dpvhsh Psrsckd", "4497 Ckndqnbhm St NE"),  # another account: another customer
        ("292", "", "Els Are", "1 Main St"),  # a guest: by name and address, as before
    ))
    keys = {o.number: o.customer_key for o in parsed.orders}
    assert keys["301"] == keys["282"] == keys["283"] == keys["290"] == "buyer:pnrgsecskljezk"
    assert keys["291"] == "buyer:otherbuyer" and keys["292"].startswith("name:els are|")
    assert set(parsed.customers) == {"buyer:pnrgsecskljezk", "buyer:otherbuyer", keys["292"]}
    her = parsed.customers["buyer:pnrgsecskljezk"]
    assert (her.street, her.buyer, her.line) == ("4497 Ckndqnbhm St NE", "pnrgsecskljezk", 2)  # the first row's
    assert {o.buyer for o in parsed.orders if o.number in ("301", "282")} == {"pnrgsecskljezk"}


def test_a_guest_joins_a_buyer_only_when_one_account_has_her_name_and_address():
    """Two accounts with one name and address are two people; a guest order there is
    neither's (it joined whichever came first). A guest joined to the one account gives
    it what only her row says (a city the account's rows left empty)."""
    def row(number, buyer, name, street, city):
        return f"11/20/2026\t{number}\t{buyer}\t{name}\t1\t{street}\t{city}\t55421\tUnited States\tUSD\t17.00"

    parsed = oi.parse_orders((ETSY_HEADER + "\n".join([
        row("301", "acc1", "Dpvhsh Psrsckd", "4497 Ckndqnbhm St NE", ""),
        row("302", "acc2", "Dpvhsh Psrsckd", "4497 Ckndqnbhm St NE", ""),
        row("303", "", "Dpvhsh Psrsckd", "4497 Ckndqnbhm St NE", "Columbia Heights"),  # which one? neither
        row("401", "acc3", "Els Are", "1 Main St", ""),
        row("402", "", "Els Are", "1 Main St", "Fridley"),  # the one account there: hers
    ])).encode())
    keys = {o.number: o.customer_key for o in parsed.orders}
    assert keys["303"].startswith("name:") and keys["303"] in parsed.customers
    assert keys["402"] == "buyer:acc3" and parsed.customers["buyer:acc3"].city == "Fridley"


@pytest.mark.parametrize("language,note", [
    ("nl", "Bestelling 301: regel 3 noemt een ander kopersaccount (acc2) dan regel 2 (acc1); de bestelling blijft "
           "bij de koper van regel 2."),
    ("en", "Order 301: line 3 names a different buyer account (acc2) from line 2 (acc1); the order stays with the "
           "buyer of line 2."),
])
@pytest.mark.parametrize("other_name", ["Dpvhsh Psrsckd", "dpvhsh  PSRSCKD", ""])
def test_rows_of_one_order_with_another_buyer_account_name_the_accounts(language, note, other_name):
    """The note named the same person twice: "names a different customer (Dpvhsh
    Psrsckd) from line 2 (Dpvhsh Psrsckd)". The account is what differs, so it names those."""
    i18n.set_language(language)
    parsed = oi.parse_orders(etsy_sold_orders(("301", "acc1", "Dpvhsh Psrsckd", "4497 Ckndqnbhm St NE"),
                                              ("301", "acc2", other_name, "4497 Ckndqnbhm St NE")))
    assert parsed.notes[0] == note
    assert [o.customer_key for o in parsed.orders] == ["buyer:acc1"]


def test_rows_of_one_order_with_another_name_and_account_name_both():
    i18n.set_language("en")
    parsed = oi.parse_orders(etsy_sold_orders(("301", "acc1", "Dpvhsh Psrsckd", "4497 Ckndqnbhm St NE"),
                                              ("301", "acc2", "Els Are", "4497 Ckndqnbhm St NE")))
    assert parsed.notes[0] == ("Order 301: line 3 names a different buyer account (acc2, Els Are) from line 2 "
                               "(acc1, Dpvhsh Psrsckd); the order stays with the buyer of line 2.")


@needs_orders
def test_the_real_etsy_buyers_with_two_addresses_are_one_customer_each():
    etsy = oi.parse_orders((ORDERS_DIR / "etsy" / "EtsySoldOrders2023.csv").read_bytes())
    by_buyer: dict[str, set[str]] = {}
    for order in etsy.orders:
        by_buyer.setdefault(order.buyer, set()).add(order.customer_key)
    assert all(len(keys) == 1 for buyer, keys in by_buyer.items() if buyer)
    her = etsy.customers["buyer:pnrgsecskljezk"]  # "4497 Ckndqnbhm St NE" and "4497 Ckndqnbhm st"
    assert her.street == "4497 Ckndqnbhm St NE" and len(by_buyer["pnrgsecskljezk"]) == 1
    assert sum(1 for o in etsy.orders if o.buyer == "pnrgsecskljezk") == 2


def _order(status="open", fulfilled=None):
    line = oi.OrderLine(name="Naamketting", sku="NK", quantity=1, price_cents=100, fulfilled=fulfilled)
    order = oi.OrderRow(line=2, platform="shopify", number="#1", ordered_on=date(2026, 11, 2), ordered_at=None,
                        customer_key="email:a@b.nl", currency="EUR", subtotal_cents=None, shipping_cents=None,
                        tax_cents=None, discount_cents=None, total_cents=None, status=status, fulfilled_on=None,
                        shop_status="", notes="", note_attributes=(), lines=(line,), item_count=1)
    return order, line


def test_a_custom_order_follows_the_shop_step_by_step_and_never_back():
    order, line = _order("fulfilled")
    assert oi.status_moves("new", order, line) == ["in_production", "ready", "shipped"]
    assert oi.status_moves("ready", order, line) == ["shipped"]
    assert oi.status_moves("shipped", order, line) == []
    assert oi.status_moves("delivered", order, line) == []
    open_order, open_line = _order("open")
    assert oi.status_moves("in_production", open_order, open_line) == []
    partly, sent_line = _order("partial", fulfilled=True)
    assert oi.status_moves("new", partly, sent_line)[-1] == "shipped"
    cancelled, cline = _order("cancelled")
    assert oi.status_moves("ready", cancelled, cline) == ["cancelled"]
    assert oi.status_moves("delivered", cancelled, cline) == []
    assert oi.custom_order_status(order, line) == "shipped"
    assert oi.custom_order_status(open_order, open_line) == "new"
    assert oi.promised_ready(date(2026, 11, 2), 10, "NL") == date(2026, 11, 12)


def test_moments_to_utc():
    aware = datetime(2026, 11, 2, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    assert oi.to_utc(aware, lambda m: None) == datetime(2026, 11, 2, 9, 0)
    assert oi.to_utc(datetime(2026, 7, 1, 12, 0), lambda m: m - timedelta(hours=2)) == datetime(2026, 7, 1, 10, 0)
    assert oi.to_utc(None, lambda m: m) is None


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("value,words", [
    ("1900-11-02 10:14:00 +0100", {"en": "before 1990", "nl": "vóór 1990"}),
    ("9999-12-31 10:14:00 +0100", {"en": "after 2099", "nl": "na 2099"}),
    ("2026-02-29 10:14:00 +0100", {"en": "is not a date", "nl": "is geen datum"}),
    ("gisteren", {"en": "is not a date", "nl": "is geen datum"}),
])
def test_a_date_out_of_range_is_told_as_such_not_as_no_date(value, words, language):
    """1900-11-02 and 9999-12-31 are dates, but they were called "not a date": the owner is
    told the year is too far back or ahead, so she knows what to look at in the shop. A
    day that does not exist (29 February 2026) or a word is still "not a date"."""
    i18n.set_language(language)
    data = NL_ORDERS.read_bytes().replace(b"2026-11-02 10:14:00 +0100", value.encode(), 2)
    with pytest.raises(ImportFailed) as failed:
        oi.parse_orders(data)
    text = str(failed.value)
    assert value in text and "Created at" in text and words[language] in text, text
    if "not a date" not in words["en"]:
        assert "not a date" not in text and "geen datum" not in text, text


def test_a_negative_item_price_is_refused_with_its_line():
    """Audit of 2026-12-05: "Lineitem price -25.00" was stored as a price of -€25; an order's
    discount may be written negative, a price may not."""
    i18n.set_language("en")
    text = NL_ORDERS.read_text(encoding="utf-8-sig").replace(",Naamketting - goud,34.95,", ",Naamketting - goud,-34.95,", 1)
    assert "-34.95" in text
    with pytest.raises(ImportFailed) as failed:
        oi.parse_orders(text.encode("utf-8"))
    assert str(failed.value) == ("Line 2: “-34.95” in the column “Lineitem price” is below zero: a price never is. "
                                 "Check this order in the shop.")


@pytest.mark.parametrize("financial, off", [("refunded", True), ("voided", True), ("partially_refunded", False),
                                            ("paid", False)])
def test_a_shopify_order_paid_back_in_full_is_off_though_not_cancelled(financial, off):
    """Refunded in Shopify without "Cancel order": it became a custom order to make and ship
    (review 26). WooCommerce's "refunded" already was cancelled."""
    i18n.set_language("en")
    rows = nl_rows()
    number = rows[1][rows[0].index("Name")]
    changed = [rows[0]] + [cell(rows, r, "Financial Status", financial) if r[0] == number and
                           r[rows[0].index("Financial Status")] else r for r in rows[1:]]
    order = by_number(oi.parse_orders(as_file(changed)))[number]
    assert (order.status == oi.CANCELLED) is off, order.status
