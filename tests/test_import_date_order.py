"""A date of numbers only ("4/8/2021") reads two ways: 8 April with the month first (Etsy, and
Excel in the US, which writes them when it re-saves a file), 4 August with the day first (Excel
in the Netherlands or Belgium). Which way is decided for each column of a file from all its
dates together; when nothing in the file tells it, the file is refused rather than read the
wrong way round (review of the importers: the real WooCommerce orders re-saved as "10/8/2020
2:28" came in as 221 orders two months early, without a word). The files are real exports
(shared/), their dates rewritten here as a spreadsheet program writes them."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime

import pytest

from desktop import i18n
from desktop.domain import order_importers as oi
from desktop.domain.importers import ImportFailed
from tests.shared_data import shared_dir

SHARED = shared_dir()
ORDERS = SHARED / "data" / "shop-exports" / "orders" if SHARED else None
needs_shared = pytest.mark.skipif(ORDERS is None, reason="shared/data/shop-exports is not beside the checkout")

BELGIAN = "shopify/be_shop_orders_export_1.csv"  # "2021-04-08 17:24:41 +0200"; order #1001 to #1039
WOO = "woocommerce/customer_order_csv_export_one_row_per_order.csv"  # "2020-10-08 2:28", 3 to 8 October
ETSY = "etsy/EtsySoldOrders2023.csv"  # "12/31/2023", tab-separated
SHOPIFY_DATES = ("Created at", "Paid at", "Fulfilled at", "Cancelled at")
_ISO = re.compile(r"(\d{4})-(\d\d)-(\d\d) (\d{1,2}):(\d\d)(?::\d\d)?(?: [+-]\d{4})?")
_US = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def us(value: str) -> str:
    """An ISO moment as Excel in the US writes it: "4/8/2021 17:24"."""
    m = _ISO.fullmatch(value)
    return f"{int(m[2])}/{int(m[3])}/{m[1]} {int(m[4])}:{m[5]}" if m else value


def dutch(value: str) -> str:
    """An ISO moment as Excel in the Netherlands writes it: "8-4-2021 17:24"."""
    m = _ISO.fullmatch(value)
    return f"{int(m[3])}-{int(m[2])}-{m[1]} {int(m[4])}:{m[5]}" if m else value


def etsy_day_first(value: str) -> str:
    """Etsy's "12/31/2023" as a spreadsheet that read it right writes it in the Netherlands."""
    m = _US.fullmatch(value)
    return f"{int(m[2]):02d}-{int(m[1]):02d}-{m[3]}" if m else value


def rewritten(name: str, columns, change, keep=lambda row: True, delimiter: str = ",") -> bytes:
    """The real export ``name`` with ``change`` applied to the cells of ``columns``, only the
    rows ``keep`` takes (a row as {column: cell})."""
    text = (ORDERS / name).read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    header = rows[0]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    for row in rows[1:]:
        if any(c.strip() for c in row) and keep(dict(zip(header, row))):
            writer.writerow([change(cell) if column in columns else cell for column, cell in zip(header, row)])
    return out.getvalue().encode("utf-8")


def days(data: bytes) -> dict[str, tuple]:
    return {o.number: (o.ordered_on, o.fulfilled_on) for o in oi.parse_orders(data).orders}


def early_in_the_month(column: str):
    """Only the orders placed on the 1st to the 12th: no date of them shows which number is the day."""
    return lambda row: int(row[column][8:10]) <= 12


def refused(data: bytes) -> ImportFailed:
    i18n.set_language("en")
    with pytest.raises(ImportFailed) as failed:
        oi.parse_orders(data)
    return failed.value


@needs_shared
def test_real_orders_resaved_with_the_month_first_keep_their_dates():
    """Excel in the US wrote "3/29/2021 10:00": it was "not a date" (read day first), and
    "4/8/2021" would have been 4 August. A date of the column with a second number above 12
    shows the month comes first, for every date of it."""
    data = rewritten(BELGIAN, SHOPIFY_DATES, us)
    assert b"3/29/2021" in data and b"4/8/2021 17:24" in data
    assert days(data) == days((ORDERS / BELGIAN).read_bytes())


@needs_shared
@pytest.mark.parametrize("name,column,keep,example,month_first,day_first", [
    (BELGIAN, "Created at", early_in_the_month("Created at"), "4/8/2021 17:24", "8 April 2021", "4 August 2021"),
    (WOO, "order_date", lambda row: True, "10/8/2020 2:28", "8 October 2020", "10 August 2020"),
])
def test_dates_with_the_month_first_that_nothing_tells_are_refused_not_guessed(name, column, keep, example,
                                                                               month_first, day_first):
    """Every number 12 or below (a week of orders early in a month) and the order numbers rise
    with the dates read either way: "10/8/2020 2:28" was read as 10 August, and 221 orders were
    imported two months early; 38 open orders of a fortnight ago became history. Now the file
    is refused, naming the column and a date with both its readings."""
    data = rewritten(name, (column,) if name == WOO else SHOPIFY_DATES, us, keep)
    assert example.encode() in data
    failed = refused(data)
    assert failed.line == 2
    assert failed.problem == (
        f"the dates in the column “{column}” can be read two ways: “{example}” is {month_first} with the month "
        f"first, or {day_first} with the day first, and nothing in the file tells which. A spreadsheet program "
        "probably saved them like this. Export the orders from the shop again and import that file without "
        "opening it first.")


@needs_shared
def test_the_refusal_is_in_dutch_for_a_dutch_owner():
    data = rewritten(WOO, ("order_date",), us)
    i18n.set_language("nl")
    with pytest.raises(ImportFailed) as failed:
        oi.parse_orders(data)
    text = str(failed.value)
    assert text.startswith("Regel 2: ") and "order_date" in text and "10/8/2020 2:28" in text, text
    assert "8 oktober 2020" in text and "10 augustus 2020" in text, text


@needs_shared
def test_a_dutch_resave_early_in_the_month_reads_the_day_first():
    """Excel in the Netherlands writes "8-4-2021 17:24": the day first, with dashes, as no
    spreadsheet writes the month first. Imported as before, even with no day above 12."""
    keep = early_in_the_month("Created at")
    data = rewritten(BELGIAN, SHOPIFY_DATES, dutch, keep)
    assert b"8-4-2021 17:24" in data
    original = rewritten(BELGIAN, (), str, keep)
    assert days(data) == days(original) and len(days(data)) > 20


def numbered_dates(order: str):
    """Created at of the Belgian orders rewritten from their number: #1001 to #1003 on 10, 11 and
    12 March, the rest from 1 April on, every number 12 or below; the month first or the day first."""
    def change(row: dict) -> dict:
        number = int(row["Name"].lstrip("#")) - 1000
        month, day = (3, 9 + number) if number <= 3 else (4, 1 + (number - 4) // 4)
        first, second = (month, day) if order == oi.MONTH_FIRST else (day, month)
        return {**row, "Created at": f"{first}/{second}/2021 10:{number:02d}"}
    return change


@needs_shared
@pytest.mark.parametrize("order", [oi.MONTH_FIRST, oi.DAY_FIRST])
def test_order_numbers_rising_with_the_dates_tell_which_number_is_the_day(order):
    """"3/12/2021" and "4/1/2021": no number above 12, but read the other way round the orders
    would go back in time as their numbers rise (12 March, then 4 January). A shop numbers its
    orders as they come: the way the dates rise with the numbers is the file's."""
    text = (ORDERS / BELGIAN).read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(numbered_dates(order)(row) for row in rows)
    orders = {o.number: o.ordered_at for o in oi.parse_orders(out.getvalue().encode()).orders}
    assert orders["#1003"] == datetime(2021, 3, 12, 10, 3)
    assert orders["#1004"] == datetime(2021, 4, 1, 10, 4)
    assert orders["#1039"] == datetime(2021, 4, 9, 10, 39)


@needs_shared
def test_an_etsy_file_early_in_the_month_keeps_etsys_month_first():
    """Etsy writes the month first itself: with no number above 12 its "/" dates stay as Etsy meant them."""
    keep = lambda row: int(row["Sale Date"].split("/")[1]) <= 12 and (  # noqa: E731
        not row["Date Shipped"] or int(row["Date Shipped"].split("/")[1]) <= 12)
    early = days(rewritten(ETSY, (), str, keep, delimiter="\t"))
    assert len(early) > 300
    assert early == {n: d for n, d in days((ORDERS / ETSY).read_bytes()).items() if n in early}


@needs_shared
def test_an_etsy_file_whose_dates_were_turned_day_first_keeps_its_dates():
    """A spreadsheet that read Etsy's dates right and wrote them the Dutch way ("31-12-2023"):
    a first number above 12 shows the day first. It was refused as not Etsy's way."""
    data = rewritten(ETSY, ("Sale Date", "Date Shipped"), etsy_day_first, delimiter="\t")
    assert b"31-12-2023" in data
    assert days(data) == days((ORDERS / ETSY).read_bytes())


def with_cell(data: bytes, number: str, column: str, value: str) -> bytes:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    at, name = rows[0].index(column), rows[0].index("Name")
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(
        [r[:at] + [value] + r[at + 1:] if r[name] == number else r for r in rows])
    return out.getvalue().encode("utf-8")


@needs_shared
def test_a_date_that_does_not_exist_read_the_columns_way_says_which_way_that_is():
    """'Regel 35: „3/29/2021 10:00" in de kolom „Created at" is geen datum' did not say why;
    a date the column's way cannot read now says which way that is, shown by another date."""
    data = with_cell(rewritten(BELGIAN, SHOPIFY_DATES, us), "#1004", "Created at", "2/30/2021 10:00")
    failed = refused(data)
    assert failed.line == 37
    assert failed.problem.startswith(
        "“2/30/2021 10:00” in the column “Created at” is not a date: the dates in this column have the month "
        "first (like “4/8/2021 17:24” on line 2), and read that way this one does not exist."), failed.problem
    day_first = with_cell(rewritten(BELGIAN, SHOPIFY_DATES, dutch), "#1004", "Created at", "3-29-2021 10:00")
    assert "the dates in this column have the day first (like “8-4-2021 17:24” on line 2)" in refused(
        day_first).problem


@needs_shared
def test_a_column_with_its_dates_written_two_ways_is_refused():
    """A spreadsheet program that changed some dates and not others ("8-4-2021" among "4/8/2021"):
    which number is the day can no longer be told from the column."""
    data = with_cell(rewritten(BELGIAN, SHOPIFY_DATES, us), "#1004", "Created at", "26-3-2021 10:00")
    failed = refused(data)
    assert failed.line == 37 and failed.problem.startswith(
        "“26-3-2021 10:00” in the column “Created at” is written differently from “4/8/2021 17:24” on line 2"), \
        failed.problem


@pytest.mark.parametrize("dates,line,words", [
    # as many dates show the day first as the month first: no way is the column's
    (("13/4/2021 10:00", "4/13/2021 11:00"), 3, "“4/13/2021 11:00” in the column “Created at” is written differently "
                                                "from “13/4/2021 10:00” on line 2"),
    (("45/67/2021 10:00",), 2, "“45/67/2021 10:00” in the column “Created at” is not a date."),
])
def test_a_column_that_reads_no_way_is_refused_at_its_date(dates, line, words):
    header = "Name,Email,Financial Status,Created at,Lineitem quantity,Lineitem name,Lineitem price,Total\n"
    text = header + "".join(f"#{1001 + i},a{i}@example.nl,paid,{d},1,Ring,10.00,10.00\n" for i, d in enumerate(dates))
    failed = refused(text.encode())
    assert failed.line == line and failed.problem.startswith(words), failed.problem


def dutch_short_year(value: str) -> str:
    """An ISO moment as a spreadsheet set to a short date writes it: "8-4-21 17:24"."""
    m = _ISO.fullmatch(value)
    return f"{int(m[3])}-{int(m[2])}-{m[1][2:]} {int(m[4])}:{m[5]}" if m else value


@needs_shared
@pytest.mark.parametrize("name, column", [(BELGIAN, "Created at"), (WOO, "order_date")])
def test_a_year_of_two_digits_in_a_shops_own_file_is_refused_with_its_cause(name, column):
    """Was "“8-4-21 17:24” in the column “Created at” is not a date.": true, but it did not say
    what happened to the file or what to do. Not guessed (21 may be 1921, and the day and month
    may have been swapped with it)."""
    data = rewritten(name, (column,) if name == WOO else SHOPIFY_DATES, dutch_short_year)
    failed = refused(data)
    assert failed.line == 2
    assert f"in the column “{column}” has a year of two digits" in failed.problem, failed.problem
    assert "Export the orders from the shop again and import that file without opening it first." in failed.problem
    i18n.set_language("nl")
    with pytest.raises(ImportFailed) as dutch:
        oi.parse_orders(data)
    assert "jaartal van twee cijfers" in str(dutch.value), str(dutch.value)
