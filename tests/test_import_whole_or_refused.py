"""An export is whole or refused: a products or orders export cut off halfway (an interrupted
download, a full disk) is refused naming the line, by the importer, the `afspraak import`
command and the window, and nothing is imported. Whole files still import: short rows that
end in a line end (WooCommerce adds columns between batches), a complete last row without a
final newline (but for WooCommerce, whose exports always end with one), and a cut that falls
exactly between two rows (nothing tells it apart)."""

from __future__ import annotations

import csv
import io

import pytest

from desktop import cli, i18n, paths
from desktop.domain import importers
from desktop.domain.importers import ImportFailed, parse_export
from desktop.domain.order_importers import parse_any
from desktop.store.db import close_database
from desktop.store.opening import open_database
from desktop.store.models import Person, Product
from tests.shared_data import is_orders_file, platform_of, shop_exports
from tests.test_importers import DATA

EXPORTS = shop_exports()
needs_shared = pytest.mark.skipif(not EXPORTS, reason="shared/data/shop-exports is not beside the checkout")


def records(text: str, delimiter: str = ",") -> list[tuple[int, int, int, list[str]]]:
    """Each record of a CSV text as (first physical line, start offset, end offset, cells),
    blank lines left out; the end offset is just after the record's line end."""
    lines = io.StringIO(text, newline="")
    offset = [0]

    def feed():
        for line in lines:
            offset[0] += len(line)
            yield line

    reader = csv.reader(feed(), delimiter=delimiter)
    found = []
    while True:
        line, start = reader.line_num + 1, offset[0]
        try:
            cells = next(reader)
        except StopIteration:
            return found
        if any(c.strip() for c in cells):
            found.append((line, start, offset[0], cells))


def load(path) -> tuple[bytes, str, str]:
    """The file's BOM, its text and its delimiter (Etsy's orders re-saved with tabs)."""
    data = path.read_bytes()
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    text = data[len(bom):].decode("utf-8")
    return bom, text, importers.header_and_delimiter(text)[1]


def rows_read(data: bytes) -> tuple[str, list]:
    """What the app reads of a file as it reads a drop (products or orders, by the header):
    its layout (or platform) and its products (or orders)."""
    parsed = parse_any(data)
    if hasattr(parsed, "orders"):
        return parsed.platform, parsed.orders
    return parsed.layout, parsed.products


def refused_any(data: bytes) -> ImportFailed:
    with pytest.raises(ImportFailed) as failed:
        parse_any(data)
    return failed.value


def inside_a_quoted_cell(text: str, rows) -> tuple[int, int]:
    """(offset, line): just after a line end inside a multi-line quoted cell of the last
    record that has one; else just after the opening quote of a quoted cell with text."""
    for line, start, end, _cells in reversed(rows[1:]):
        body = text[start:end].rstrip("\r\n")
        for i, c in enumerate(body):
            if c in "\r\n":
                return start + i + 1, line
    for line, start, end, _cells in reversed(rows[1:]):
        body = text[start:end]
        at = body.find('"')
        while at >= 0 and body[at + 1:at + 2] in ('"', ""):
            at = body.find('"', at + 2)
        if at >= 0:
            return start + at + 2, line
    raise LookupError("no quoted cell")


def after_two_delimiters(text: str, record, delimiter: str = ",") -> int:
    line, start, end, _cells = record
    quoted, seen = False, 0
    for i in range(start, end):
        if text[i] == '"':
            quoted = not quoted
        elif text[i] == delimiter and not quoted:
            seen += 1
            if seen == 2:
                return i + 1
    raise LookupError("fewer than three cells")


def refused(data: bytes) -> ImportFailed:
    with pytest.raises(ImportFailed) as failed:
        parse_export(data)
    return failed.value


@needs_shared
@pytest.mark.parametrize("path", EXPORTS, ids=lambda p: p.name)
def test_a_real_export_cut_inside_a_quoted_cell_is_refused(path):
    i18n.set_language("en")
    bom, text, delimiter = load(path)
    rows = records(text, delimiter)
    try:
        at, line = inside_a_quoted_cell(text, rows)
    except LookupError:  # a file without quotes (Etsy's re-saved with tabs) cannot be cut inside one
        pytest.skip(f"{path.name} has no quoted cell")
    failed = refused_any(bom + text[:at].encode())
    assert failed.line == line
    assert "quoted cell" in failed.problem and "cut off" in failed.problem


@needs_shared
@pytest.mark.parametrize("path", EXPORTS, ids=lambda p: p.name)
def test_a_real_export_cut_in_the_middle_of_a_row_is_refused(path):
    i18n.set_language("en")
    bom, text, delimiter = load(path)
    rows = records(text, delimiter)
    record = rows[len(rows) // 2]
    failed = refused_any(bom + text[:after_two_delimiters(text, record, delimiter)].encode())
    assert failed.line == record[0]
    assert "the last row stops after 3 of the" in failed.problem and "cut off" in failed.problem


@needs_shared
@pytest.mark.parametrize("path", EXPORTS, ids=lambda p: p.name)
def test_a_real_export_cut_between_two_rows_imports_the_rows_before(path):
    bom, text, delimiter = load(path)
    rows = records(text, delimiter)
    parsed = parse_any(path.read_bytes())
    layout, whole = rows_read(path.read_bytes())
    if hasattr(parsed, "orders"):  # just before an order (a cut inside one is refused, below)
        middle = whole[len(whole) // 2].line
        boundary = next(r for r in reversed(rows) if r[0] < middle)
    else:
        boundary = rows[len(rows) // 2]
    _layout, cut = rows_read(bom + text[:boundary[2]].encode())
    assert cut and all(p.line <= boundary[0] for p in cut)
    assert len(cut) <= len(whole)
    if hasattr(parsed, "orders"):
        assert cut == [o for o in whole if o.line < middle]  # each order whole: the same ones
    elif layout == "shopify" and not parsed.notes:  # one row, one product: the same ones
        assert cut == [p for p in whole if p.line <= boundary[0]]


def orders_over_several_rows() -> list:
    """The real orders exports with an order whose items take several rows (Shopify's)."""
    found = []
    for path in filter(is_orders_file, EXPORTS):
        if len(records(*load(path)[1:])) - 1 > len(parse_any(path.read_bytes()).orders):
            found.append(path)
    return found


@needs_shared
@pytest.mark.parametrize("path", orders_over_several_rows(), ids=lambda p: p.name)
def test_a_real_orders_export_cut_between_two_rows_of_one_order_is_refused(path):
    """A cut that falls between the rows of one order leaves it without some of its items:
    refused (the items do not add up to its subtotal), not imported short."""
    i18n.set_language("en")
    bom, text, delimiter = load(path)
    rows = records(text, delimiter)
    starts = {o.line for o in parse_any(path.read_bytes()).orders}
    inside = [r for r, after in zip(rows[1:], rows[2:]) if after[0] not in starts]  # another row follows
    record = inside[len(inside) // 2]
    failed = refused_any(bom + text[:record[2]].encode())
    assert "cut off" in failed.problem


@needs_shared
@pytest.mark.parametrize("path", EXPORTS, ids=lambda p: p.name)
def test_a_real_export_imports_with_and_without_its_final_newline(path):
    """Except WooCommerce's, which always end with one: without it, the last row was cut."""
    data = path.read_bytes()
    layout, whole = rows_read(data)
    other = data.rstrip(b"\r\n") if data.endswith(b"\n") else data + b"\r\n"
    if layout == "woocommerce":
        with pytest.raises(ImportFailed):
            parse_any(other)
        return
    assert rows_read(other)[1] == whole


@needs_shared
def test_a_real_utf8_export_cut_in_the_middle_of_a_letter_is_refused():
    i18n.set_language("en")
    path = next(p for p in EXPORTS if p.name == "wc-product-export_russian_headers.csv")
    data = path.read_bytes()
    at = data.index("Товар 6".encode()) + 1  # inside the two bytes of the "Т"
    failed = refused(data[:at])
    assert failed.line == data[:at].count(b"\n") + 1 and "middle of a character" in failed.problem


# --- our own files ---------------------------------------------------------------------------

# WooCommerce writes a batch of rows, then finds more (meta) columns in a later batch and
# writes the header last: earlier rows are shorter than the header, each with its line end.
RAGGED = (
    "ID,Type,SKU,Name,Published,Regular price,Categories,Images,Meta: _herkomst,Meta: _gtin\n"
    "21,simple,RG-21,Ring Noor,1,\"24,95\",Ringen,https://example.invalid/noor.jpg\n"
    "22,simple,KT-22,\"Ketting \"\"Sterre\"\"\",1,\"39,95\",Kettingen,\n"
    "23,simple,OB-23,Oorbellen Mila,1,\"19,95\",Oorbellen,,Nederland,8712345678901\n"
)


def test_a_ragged_but_whole_woocommerce_file_imports():
    parsed = parse_export(RAGGED.encode())
    assert [(p.sku, p.price_cents) for p in parsed.products] == [("RG-21", 2495), ("KT-22", 3995), ("OB-23", 1995)]
    short_last = RAGGED + "24,simple,AR-24,Armband Fleur,1,\"29,95\",Armbanden\n"
    assert len(parse_export(short_last.encode()).products) == 4  # short, but with its line end


def test_a_ragged_file_cut_in_its_last_short_row_is_refused():
    i18n.set_language("en")
    short_last = RAGGED + "24,simple,AR-24,Armband Fleur,1,\"29,95\",Armbanden\n"
    failed = refused(short_last.rstrip("\n").encode())
    assert failed.line == 5 and "stops after 7 of the 10 columns" in failed.problem


@pytest.mark.parametrize("content,line,words", [
    (b"Handle,Title,Variant Price\nring,Ring,1\nketting,Ket", 3, "stops after 2 of the 3"),
    (b"Handle,Title,Variant Price,Image Src\nring,Ring,1,x\n,", 3, "stops after 2 of the 4"),
    (b"Handle,Title,Variant Price\nring,\"Ring\n", 2, "quoted cell"),
    (b"Handle,Title,Body (HTML),Vari", 1, "first line"),
    ("Handle,Title,Variant Price\nring,Créool,1\nb,Cr".encode() + "é".encode()[:1], 3, "middle of a character"),
])
def test_cut_files_name_the_line(content, line, words):
    i18n.set_language("en")
    failed = refused(content)
    assert failed.line == line and words in failed.problem and "cut off" in failed.problem
    assert str(failed).startswith(f"Line {line}: ")


def test_a_windows_1252_file_ending_in_an_accent_is_not_taken_for_a_cut():
    text = "Handle;Title;Variant Price\r\ncreool;Créool;19,95\r\nring;Ring Renée;9,95;\r\nbol;Bolletje é"
    with pytest.raises(ImportFailed) as failed:  # the last row is short: refused, but as a short row
        parse_export(text.encode("cp1252"))
    assert "middle of a character" not in failed.value.problem
    whole = "Handle;Title;Variant Price\r\nbol;Bolletje;1\r\nsnoer;Snoer é;2"
    assert parse_export(whole.encode("cp1252")).products[1].name == "Snoer é"


def cut_fixture(tmp_path):
    data = (DATA / "shopify_variants.csv").read_bytes()
    cut = tmp_path / "products_export_1.csv"
    cut.write_bytes(data[:data.index(b"naamketting,Naamketting,") + 30])  # stops in the last row
    return cut


def test_the_import_command_refuses_a_cut_file_and_changes_nothing(data_dir, tmp_path, capsys):
    open_database()
    Person.create(name="Blijft")
    close_database()
    before = paths.db_path().read_bytes()
    cut = cut_fixture(tmp_path)
    assert cli.main(["--lang", "en", "import", str(cut)]) == 1
    close_database()
    err = capsys.readouterr().err
    assert "was not imported. Line 6:" in err and "cut off" in err and "Nothing was changed" in err
    assert paths.db_path().read_bytes() == before
    assert cli.main(["--lang", "nl", "import", str(cut)]) == 1
    close_database()
    err = capsys.readouterr().err
    assert "Regel 6:" in err and "afgebroken" in err and "Er is niets veranderd" in err
    open_database()
    assert Product.select().count() == 0


@pytest.fixture
def window(qtbot, demo_db, translator):
    from desktop.views.main_window import MainWindow

    i18n.set_language("nl")
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    return w


def test_the_window_says_a_cut_file_was_not_imported(qtbot, window, monkeypatch, tmp_path):
    from desktop.views import dialogs

    warned, informed = [], []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: warned.append((title, text)))
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: informed.append(text))
    before = sorted(Product.select(Product.key, Product.price_cents).tuples())
    cut = cut_fixture(tmp_path)
    with qtbot.waitSignal(window.shipping.import_finished, timeout=10000) as finished:
        window.shipping.import_file(cut)
    title, text = warned[0]
    assert title == "Niet geïmporteerd" and not informed
    assert text.startswith("„products_export_1.csv” is niet geïmporteerd. Regel 6:")
    assert "afgebroken" in text and "niets veranderd" in text
    assert finished.args[0] == text
    assert sorted(Product.select(Product.key, Product.price_cents).tuples()) == before
    assert window.shipping._job is None  # free for the next try


# --- a file with only its column names -------------------------------------------------------

def test_column_names_that_stop_short_are_a_cut_file():
    from desktop.domain.order_importers import parse_any

    i18n.set_language("en")
    with pytest.raises(ImportFailed) as failed:
        parse_any(b"Name,Email,Financial Status,Created at,Lineitem quantity,Lineitem name,Tot")
    assert failed.value.line == 1 and "the file stops in its first line, the column names" in str(failed.value)


PRODUCTS_HEADER = "Handle,Title,Variant SKU,Variant Price\n"
ORDERS_HEADER = "Name,Email,Financial Status,Created at,Lineitem quantity,Lineitem name,Total\n"


@pytest.mark.parametrize("content", [
    PRODUCTS_HEADER, "\ufeff" + PRODUCTS_HEADER, PRODUCTS_HEADER.replace("\n", "\r\n"),
    PRODUCTS_HEADER + ",,,\n,,,\n",  # a spreadsheet's empty rows below it
    ORDERS_HEADER, ORDERS_HEADER + ",,,,,,\n",
    # Etsy writes no line end after its last line: a month without sales is its header alone
    ORDERS_HEADER.rstrip("\n"), PRODUCTS_HEADER.rstrip("\n"),
])
def test_a_file_with_only_its_column_names_is_said_to_hold_no_rows(content):
    from desktop.domain.order_importers import parse_any

    i18n.set_language("en")
    with pytest.raises(ImportFailed) as failed:
        parse_any(content.encode())
    assert failed.value.line == 0 and str(failed.value).startswith(
        "The file holds only the column names, no rows below them: there is nothing to import.")


@pytest.mark.parametrize("language,words", [
    ("nl", "is niet geïmporteerd. Het bestand bevat alleen de kolomnamen, zonder regels eronder: er is niets "
           "te importeren."),
    ("en", "was not imported. The file holds only the column names, no rows below them: there is nothing to "
           "import."),
])
def test_the_import_command_says_a_file_holds_no_rows_and_changes_nothing(data_dir, tmp_path, capsys, language,
                                                                          words):
    open_database()
    Person.create(name="Blijft")
    close_database()
    before = paths.db_path().read_bytes()
    for name, header in (("products_export_1.csv", PRODUCTS_HEADER), ("orders_export_1.csv", ORDERS_HEADER)):
        empty = tmp_path / name
        empty.write_text(header, encoding="utf-8")
        assert cli.main(["--lang", language, "import", str(empty)]) == 1
        close_database()
        out = capsys.readouterr()
        assert words in out.err and not out.out
        assert paths.db_path().read_bytes() == before


def test_the_window_says_a_file_holds_no_rows(qtbot, window, monkeypatch, tmp_path):
    from desktop.views import dialogs, order_import

    warned, previews = [], []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: warned.append(text))
    monkeypatch.setattr(order_import, "run_dialog", lambda preview: previews.append(preview))
    empty = tmp_path / "orders_export_1.csv"
    empty.write_text(ORDERS_HEADER, encoding="utf-8")
    with qtbot.waitSignal(window.shipping.import_finished, timeout=10000):
        window.shipping.import_file(empty)
    assert not previews and warned == [
        "„orders_export_1.csv” is niet geïmporteerd. Het bestand bevat alleen de kolomnamen, zonder regels eronder: "
        "er is niets te importeren. Exporteer het opnieuw uit de webshop, met de producten of bestellingen die je erin "
        "wilt hebben. Er is niets veranderd."]


# --- WooCommerce ends every export with a line end ---------------------------------------------
# WooCommerce's exporters (products, and the Customer/Order CSV Export plugin) write every row
# with PHP's fputcsv, which puts a line end after each row, the last one too: every real
# WooCommerce file in shared/ ends with one (Shopify's samples and Etsy's re-saved downloads
# do not always). A last row without it was cut, even when all its cells are there: "12.50"
# cut to "12." or a name cut mid-word would otherwise be imported as if whole.

WOO_PRICE_LAST = ("ID,Type,SKU,Name,Published,Categories,Regular price\n"
                  "21,simple,RG-21,Ring Noor,1,Ringen,24.95\n"
                  "22,simple,KT-22,Ketting Sterre,1,Kettingen,12.50\n")
WOO_ORDERS = ("order_number,order_date,status,order_total,billing_email,billing_first_name,line_item_1\n"
              "2001,2026-11-20 10:00,processing,24.95,mila@example.nl,Mila,name:Naamketting Mila|sku:NK|quantity:1"
              "|total:24.95\n"
              "2002,2026-11-21 11:00,processing,12.50,noor@example.nl,Noor,name:Ring Noor|sku:RG|quantity:1"
              "|total:12.50\n")


@pytest.mark.parametrize("text", [
    WOO_PRICE_LAST.replace("12.50\n", "12."),  # the price cut: 12.00 instead of 12.50
    WOO_PRICE_LAST.replace("12.50\n", "12.5"),
    WOO_PRICE_LAST.replace("12.50\n", "1"),
    WOO_PRICE_LAST.rstrip("\n"),  # only the line end lost: nothing tells it from a cut in its last cell
    WOO_PRICE_LAST.replace("Ringen,24.95\n", "Ringen,24.95\r\n").replace("12.50\n", "12."),
    WOO_PRICE_LAST.replace(",", ";").replace("12.50\n", "12;"),  # a Dutch re-save with ";"
])
def test_a_woocommerce_products_export_cut_inside_its_last_cell_is_refused(text):
    i18n.set_language("en")
    failed = refused(text.encode())
    assert failed.line == 3 and "cut off" in failed.problem
    assert failed.problem.startswith("the last row ends without a line end, which WooCommerce writes after every "
                                     "row of its exports"), failed.problem


@pytest.mark.parametrize("text", [
    WOO_ORDERS.replace("total:12.50\n", "total:12."),  # the item's price cut
    WOO_ORDERS[:WOO_ORDERS.index("Ring Noor") + 6],  # the item's name cut mid-word: "name:Ring N"
    WOO_ORDERS.rstrip("\n"),
])
def test_a_woocommerce_orders_export_cut_inside_its_last_cell_is_refused(text):
    from desktop.domain.order_importers import parse_any

    i18n.set_language("en")
    with pytest.raises(ImportFailed) as failed:
        parse_any(text.encode())
    assert failed.value.line == 3 and "without a line end" in failed.value.problem
    assert "cut off" in failed.value.problem


def test_whole_woocommerce_files_with_their_line_end_still_import():
    from desktop.domain.order_importers import parse_any

    products = parse_export(WOO_PRICE_LAST.encode())
    assert [(p.sku, p.price_cents) for p in products.products] == [("RG-21", 2495), ("KT-22", 1250)]
    orders = parse_any(WOO_ORDERS.encode())
    assert [o.lines[0].price_cents for o in orders.orders] == [2495, 1250]
    assert parse_any(WOO_ORDERS.replace("\n", "\r\n").encode()).orders == orders.orders
    spreadsheet = WOO_ORDERS + ",,,,,,\n,,,,,,\n"  # Excel's empty rows below, each with its line end
    assert parse_any(spreadsheet.encode()).orders == orders.orders


def woocommerce_exports() -> list:
    return [p for p in EXPORTS if platform_of(p) == "woocommerce"]


@needs_shared
@pytest.mark.parametrize("path", woocommerce_exports(), ids=lambda p: p.name)
def test_a_real_woocommerce_export_without_the_line_end_of_its_last_row_is_refused(path):
    """Every real WooCommerce file ends with a line end; without it (and without the empty
    rows a spreadsheet adds below) its last row may have lost the end of its last cell."""
    from desktop.domain.order_importers import parse_any

    i18n.set_language("en")
    data = path.read_bytes()
    assert data.endswith(b"\n")
    parse_any(data)  # whole: imports
    bom, text, delimiter = load(path)
    line, start, end, _cells = records(text, delimiter)[-1]
    with pytest.raises(ImportFailed) as failed:
        parse_any(bom + text[:end].rstrip("\r\n").encode())
    assert failed.value.line == line and "without a line end" in failed.value.problem


# --- ...unless a spreadsheet program saved it after WooCommerce ----------------------------------
# Google Sheets writes no line end after the last row; a file it saved was refused as "cut off",
# with advice (export it again) that could not help as long as she kept opening it there (review
# of the importers). A file that shows a spreadsheet saved it (a tab or ";" between the cells,
# another encoding, CRLF line ends) imports when its last row is whole where Afspraak reads it.

RESAVES = {"tab": ("\t", "\n"), "google sheets": (",", "\r\n"), "semicolon": (";", "\r\n")}


def spreadsheet_resave(path, delimiter: str, line_end: str, quoting: int = csv.QUOTE_MINIMAL) -> str:
    """A real export as a spreadsheet program saves it: its empty rows gone, every row as wide
    as the header, the cells between ``delimiter``, each row but the last ending in ``line_end``."""
    text = path.read_bytes().decode("utf-8-sig")
    rows = [r for r in csv.reader(io.StringIO(text, newline="")) if any(c.strip() for c in r)]
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=line_end, quoting=quoting).writerows(
        r + [""] * (len(rows[0]) - len(r)) for r in rows)
    return out.getvalue()[:-len(line_end)]


def what_is_read(data: bytes) -> list[tuple]:
    from desktop.domain.order_importers import ParsedOrders, parse_any

    parsed = parse_any(data)
    if isinstance(parsed, ParsedOrders):
        return [(o.number, o.ordered_at, o.total_cents, o.customer_key, o.lines) for o in parsed.orders]
    return [(p.key, p.name, p.variant, p.price_cents, p.category, p.image_url) for p in parsed.products]


def resaved_exports() -> list:
    return [p for p in woocommerce_exports() if "russian" not in p.name]


@needs_shared
@pytest.mark.parametrize("style", RESAVES)
@pytest.mark.parametrize("path", resaved_exports(), ids=lambda p: p.name)
def test_a_real_woocommerce_export_resaved_without_a_final_line_end_imports_whole(path, style):
    """Its last cell is one Afspraak does not read (the products' "Download 2 URL"), or WooCommerce's
    packed items ending in a part it does not read ("…|tax_subtotal:HST=7.254") as every cell above:
    whatever a cut could have taken from it, nothing read was lost."""
    delimiter, line_end = RESAVES[style]
    resaved = spreadsheet_resave(path, delimiter, line_end)
    assert not resaved.endswith(("\n", "\r"))
    assert what_is_read(resaved.encode()) == what_is_read(path.read_bytes())


@needs_shared
def test_a_resaved_woocommerce_export_whose_last_cell_is_read_and_unquoted_is_refused():
    """The Russian shop's last column holds the pictures: an address cut short ("…/popular-5.pn")
    would be imported as if whole. With its quotes, the cell shows its end."""
    path = next(p for p in woocommerce_exports() if "russian" in p.name)
    resaved = spreadsheet_resave(path, ",", "\r\n")
    i18n.set_language("en")
    failed = refused(resaved.encode())
    assert failed.line == resaved.count("\r\n") + 1
    assert failed.problem == (
        "the last row ends without a line end, so its last cell (the column “Изображения”) may have been cut "
        "short. A spreadsheet program saved this file after the shop, and nothing shows whether it is whole: "
        "export it from the shop again and import it without opening it first.")
    quoted = spreadsheet_resave(path, ",", "\r\n", csv.QUOTE_ALL)
    assert what_is_read(quoted.encode()) == what_is_read(path.read_bytes())


@needs_shared
@pytest.mark.parametrize("cut,whole", [
    ("|tax_subtotal:HST=7.2", True),  # inside the part that ends every cell: nothing read lost
    ("|tax_total:HST=7.254|tax_subtotal:", True),
    ("|tax_total:HST=7.2", False),  # tax_subtotal is gone: not the part that ends the cells
    ("|total:55.8", False),  # the item's total, read
    ("|quantity:4|", False),
    ("|sku:|quan", False),
    ("name:Patty and the Pan", False),
])
def test_a_resaved_woocommerce_orders_export_cut_inside_its_last_cell(cut, whole):
    """Every column there does not make the last row whole: a cut inside its last cell leaves
    a cell still. Only a cut inside the part that ends every items cell of the file, one
    Afspraak does not read, loses nothing read; any other is refused."""
    path = next(p for p in woocommerce_exports() if p.parent.name == "woocommerce" and "order" in p.name)
    resaved = spreadsheet_resave(path, "\t", "\n")
    at = resaved.rindex(cut) + len(cut)
    cut_off = resaved[:at]
    if whole:
        assert what_is_read(cut_off.encode()) == what_is_read(resaved.encode())
        return
    from desktop.domain.order_importers import parse_any

    i18n.set_language("en")
    with pytest.raises(ImportFailed) as failed:
        parse_any(cut_off.encode())
    assert failed.value.line == resaved.count("\n") + 1
    assert failed.value.problem.startswith(
        "the last row ends without a line end, so its last cell (the column “line_item_1”) may have been cut short")


@pytest.mark.parametrize("language,words", [
    ("nl", "export.csv” is niet geïmporteerd. Regel 3: de laatste rij houdt op zonder regeleinde, terwijl "
           "WooCommerce"),
    ("en", "export.csv” was not imported. Line 3: the last row ends without a line end"),
])
def test_the_import_command_refuses_a_cut_woocommerce_file_in_her_language(data_dir, tmp_path, capsys, language,
                                                                          words):
    open_database()
    Person.create(name="Blijft")
    close_database()
    before = paths.db_path().read_bytes()
    for content in (WOO_PRICE_LAST.replace("12.50\n", "12."), WOO_ORDERS.replace("total:12.50\n", "total:12.")):
        cut = tmp_path / "export.csv"
        cut.write_text(content, encoding="utf-8")
        assert cli.main(["--lang", language, "import", str(cut)]) == 1
        close_database()
        out = capsys.readouterr()
        assert words in out.err and {"nl": "Er is niets veranderd", "en": "Nothing was changed"}[language] in out.err
        assert not out.out, out.err
        assert paths.db_path().read_bytes() == before


# --- a comma typed without quotes shifts the cells after it ---------------------------------------

@pytest.mark.parametrize("text, line", [
    # the price "49,95" unquoted: the row has one cell more than the header, and that cell is empty
    ("Handle,Title,Variant Price,Image Src,Status\nring,Ring,24.95,,active\ntop,Top,49,95,,active\n", 3),
    # ...in the last row too, with its line end
    ("Handle,Title,Variant Price,Image Src\nring,Ring,24.95,\ntop,Top,49,95,\n", 3),
    # ...and in a row followed by others
    ("Handle,Title,Variant Price,Image Src\ntop,Top,49,95,\nring,Ring,24.95,\n", 2),
])
def test_a_row_with_more_cells_than_the_header_is_refused_even_when_the_extra_one_is_empty(text, line):
    """Audit of 2026-12-05: "49,95" typed without quotes made the row one cell longer, the
    extra cell empty; the row was read with 49.00 as its price and its picture gone (in an
    orders file: a customer named "fulfilled"). The file is refused at that row."""
    i18n.set_language("en")
    failed = refused(text.encode())
    assert failed.line == line and "the header has" in failed.problem, failed


def test_an_orders_export_with_a_shifted_row_is_refused():
    from desktop.domain.order_importers import parse_orders

    header = "Name,Email,Financial Status,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku\n"
    good = "#1001,mila@example.nl,paid,2026-11-20 10:00:00 +0100,1,Ring,24.95,RG\n"
    shifted = "#1002,noor@example.nl,paid,2026-11-21 10:00:00 +0100,1,Ketting,24,95,KT\n"
    i18n.set_language("en")
    with pytest.raises(ImportFailed) as failed:
        parse_orders((header + good + shifted + good.replace("#1001", "#1003")).encode())
    assert failed.value.line == 3 and "the header has" in failed.value.problem


def test_a_nul_character_past_the_first_bytes_is_refused_as_damage():
    """Only the first 4 KiB were looked at for a NUL: one further on was stored inside a
    picture's address."""
    rows = "".join(f"p{i},Product {i},1{i % 10}.95,https://example.com/p{i}.jpg\n" for i in range(200))
    text = "Handle,Title,Variant Price,Image Src\n" + rows
    at = text.index("\n", 5000) + 10
    i18n.set_language("en")
    failed = refused((text[:at] + "\x00" + text[at:]).encode())
    assert failed.line == text.count("\n", 0, at) + 1 and "NUL" in failed.problem, failed


def test_a_header_cut_inside_a_quoted_name_is_told_as_cut_off_in_the_owners_language():
    """The csv module's own English ("unexpected end of data") stood in the Dutch text."""
    i18n.set_language("nl")
    failed = refused(b'ID,Type,SKU,Name,"Published')
    assert failed.line == 1 and "afgebroken" in failed.problem and "unexpected" not in failed.problem, failed


# --- a Shopify orders file cut at a line end inside its last order ---------------------------------

SHOPIFY_ORDERS = ("Name,Email,Financial Status,Created at,Currency,Subtotal,Discount Amount,Lineitem quantity,"
                  "Lineitem name,Lineitem price\n"
                  "#1001,mila@example.nl,paid,2026-11-20 10:00:00 +0100,EUR,25.00,5.00,1,Ring,10.00\n"
                  "#1001,,,,,,,2,Oorbellen,10.00\n"
                  "#1002,noor@example.nl,paid,2026-11-21 10:00:00 +0100,EUR,30.00,0.00,1,Ketting,10.00\n"
                  "#1002,,,,,,,1,Armband,20.00\n")


def test_a_shopify_orders_file_whole_is_read_with_its_discount():
    from desktop.domain.order_importers import parse_orders

    parsed = parse_orders(SHOPIFY_ORDERS.encode())
    assert sorted(len(o.lines) for o in parsed.orders) == [2, 2]


def test_a_shopify_orders_file_cut_inside_its_last_order_is_refused():
    """Cut at a line end after the first item row of its last order, the file read as whole:
    the import took the missing items off the stored order. The items of the last order
    (less its discount) no longer make its subtotal: refused as cut off."""
    from desktop.domain.order_importers import parse_orders

    cut = SHOPIFY_ORDERS[:SHOPIFY_ORDERS.rindex("#1002,,,")]
    i18n.set_language("en")
    with pytest.raises(ImportFailed) as failed:
        parse_orders(cut.encode())
    assert failed.value.line == 4 and "#1002" in failed.value.problem and "cut off" in failed.value.problem


@needs_shared
def test_every_real_shopify_orders_export_is_whole_by_its_subtotals():
    from desktop.domain.order_importers import parse_orders

    from tests.shared_data import order_exports

    paths = [p for p in order_exports() if platform_of(p) == "shopify"]
    assert paths
    for path in paths:
        parse_orders(path.read_bytes())  # no order's items fall short of its subtotal
