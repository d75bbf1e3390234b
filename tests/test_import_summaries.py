"""What the owner reads after an import (review of the imports): each detail under its own
line, no counts of nothing, words for a first import, and one short block per file when she
drops several files at once."""

from __future__ import annotations

import pytest

from desktop import i18n
from desktop.domain.importers import SkippedRow
from desktop.presentation import import_texts
from desktop.store.catalogue import ImportSummary


def test_a_skipped_rows_reason_stays_under_the_rows_skipped_not_under_a_note():
    """The reviewer's "experimental_sample_9_products.csv": "1 rij overgeslagen / 2 producten met
    varianten staan zonder… /   regel 10: Logo Collection: een gegroepeerd product": the
    indented reason looked like a detail of the note about variations."""
    i18n.set_language("en")
    note = ("2 products with variations came without them: they are imported without a price. WooCommerce keeps "
            "each variation's price on a row of its own: export the variations too.")
    summary = ImportSummary(source="woocommerce", new=8, updated=2, prices_up=1, prices_down=1,
                            skipped=[SkippedRow(10, "Logo Collection", "a grouped product: a set of other products")],
                            notes=[note])
    assert import_texts.summary_lines(summary) == [
        "8 new products",
        "2 products updated",
        "  1 of them at a higher price",
        "  1 of them at a lower price",
        "1 row skipped",
        "  line 10: Logo Collection: a grouped product: a set of other products",
        note,
    ]


def test_the_skipped_rows_beyond_the_limit_are_counted_under_them():
    i18n.set_language("en")
    summary = ImportSummary(source="shopify", new=1, notes=["A note."],
                            skipped=[SkippedRow(line, f"P{line}", "no name") for line in range(2, 6)])
    assert import_texts.summary_lines(summary, limit=2) == [
        "1 new product", "4 rows skipped", "  line 2: P2: no name", "  line 3: P3: no name", "  … and 2 more",
        "A note."]


def test_an_orders_summary_leaves_out_the_counts_of_nothing():
    """Review of the imports: "0 bestellingen bijgewerkt / 0 ongewijzigd / 0 bekende klanten /
    0 nieuwe bestellingen in Maatwerk" after a first import, in the CLI and the window."""
    from desktop.store.shop_orders import OrderImportSummary

    i18n.set_language("nl")
    first = OrderImportSummary("etsy", new=1605, new_customers=1532)
    assert import_texts.order_summary_lines(first) == ["1.605 nieuwe bestellingen", "1.532 nieuwe klanten"]
    again = OrderImportSummary("shopify", updated=2, unchanged=37, known_customers=38, custom_orders=1)
    assert import_texts.order_summary_lines(again) == [
        "2 bestellingen bijgewerkt", "37 bestellingen ongewijzigd", "38 bekende klanten",
        "1 nieuwe bestelling in Maatwerk"]
    nothing = OrderImportSummary("shopify", erased_orders=1)  # everything left out: still a count first
    assert import_texts.order_summary_lines(nothing)[0] == "0 nieuwe bestellingen"


@pytest.mark.parametrize("language, expected", [
    ("nl", ["112.094 nieuwe bestellingen", "1.532 nieuwe klanten", "12.345 nieuwe producten", "1.251 rijen overgeslagen",
            "  … en nog 1.250", "1.000 van 1.001 bestanden geïmporteerd."]),
    ("en", ["112,094 new orders", "1,532 new customers", "12,345 new products", "1,251 rows skipped",
            "  … and 1,250 more", "1,000 of 1,001 files imported."]),
])
def test_counts_in_an_import_summary_have_their_thousands_separator(language, expected):
    """Review of the imports: "112094 bestellingen". A count she reads is written as her
    language writes numbers (Babel), as the window's other numbers are."""
    from desktop.store.shop_orders import OrderImportSummary

    i18n.set_language(language)
    orders = import_texts.order_summary_lines(OrderImportSummary("shopify", new=112_094, new_customers=1532))
    products = import_texts.summary_lines(ImportSummary(source="shopify", new=12_345, skipped=[
        SkippedRow(line, "P", "no name") for line in range(2, 1_253)]), limit=1)
    files = import_texts.files_summary([("a.csv", True, "")] * 1000 + [("b.csv", False, "")])
    assert orders + [products[0], products[1], products[3]] == expected[:5]
    assert expected[5] in files


# --- an orders file: its preview and its summary ------------------------------------------------

import csv  # noqa: E402
import io  # noqa: E402
from pathlib import Path  # noqa: E402

from desktop.domain import order_importers as oi  # noqa: E402
from desktop.store import shop_orders  # noqa: E402

from .conftest import NOW  # noqa: E402

NL_ORDERS = Path(__file__).parent / "data" / "shop" / "shopify_orders_nl.csv"
SOLD_ORDERS = ("Sale Date\tOrder ID\tFull Name\tNumber of Items\tDate Shipped\tShip Zipcode\tShip Country\tCurrency\t"
               "Order Value\tOrder Total\tStatus\n"
               "11/02/2026\t3159107009\tAnn Smit\t1\t\t4012\tItaly\tEUR\t12.50\t12.50\t\n"
               "11/03/2026\t3159107010\tBea Vos\t2\t11/05/2026\t3511 AB\tThe Netherlands\tEUR\t24.00\t24.00\t\n").encode()


def without(data: bytes, *columns: str) -> bytes:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    keep = [i for i, name in enumerate(rows[0]) if name not in columns]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([[r[i] for i in keep if i < len(r)] for r in rows])
    return out.getvalue().encode()


def preview_of(qtbot, data: bytes, name: str = "orders.csv"):
    from desktop.views.order_import import OrderPreviewDialog

    plan = shop_orders.plan_import(oi.parse_orders(data), NOW)
    dialog = OrderPreviewDialog(plan, name)
    qtbot.addWidget(dialog)
    return plan, dialog


def notes_of(dialog) -> str:
    from PySide6.QtWidgets import QLabel

    label = dialog.findChild(QLabel, "previewNotes")
    return label.text() if label is not None else ""


def test_the_preview_of_a_first_import_counts_no_nothing(qtbot, database):
    i18n.set_language("nl")
    _plan, dialog = preview_of(qtbot, NL_ORDERS.read_bytes())
    assert dialog.counts.text() == "6 nieuwe bestellingen · 5 nieuwe klanten"


def test_the_preview_of_orders_without_items_says_what_the_file_holds_not_to_tick(qtbot, database):
    """Review of the imports: Etsy's "Sold Orders" showed "Producten (0)", an empty list and, in
    bold, "Geen maatwerk: vink de producten aan die je op maat maakt." above "daar kunnen geen
    maatwerkbestellingen van worden gemaakt"."""
    i18n.set_language("nl")
    plan, dialog = preview_of(qtbot, SOLD_ORDERS, "EtsySoldOrders2023.csv")
    assert not plan.products
    assert not dialog.tabs.isTabVisible(dialog.tabs.indexOf(dialog.products))
    assert dialog.tabs.isTabVisible(dialog.tabs.indexOf(dialog.orders))
    assert dialog.custom.text() == (
        "Dit bestand noemt 2 bestellingen zonder de artikelen erin: bij het importeren komen ze in de geschiedenis "
        "van je klanten, en er worden geen maatwerkbestellingen van gemaakt.")
    assert "vink" not in dialog.custom.text() and "vink" not in notes_of(dialog)
    assert notes_of(dialog) == ("Voor maatwerkbestellingen importeer je de download „Sold Order Items” van Etsy: "
                                "die noemt de artikelen en hun personalisatie.")
    # with items, the ticks are asked for as before
    _plan, with_items = preview_of(qtbot, NL_ORDERS.read_bytes())
    with_items.set_made_to_order("sku:NK-502", False)
    assert with_items.tabs.isTabVisible(with_items.tabs.indexOf(with_items.products))
    assert with_items.custom.text() == "Geen maatwerk: vink de producten aan die je op maat maakt."


@pytest.mark.parametrize("language, first, again", [
    ("nl", "Het bestand heeft geen kolom „Total”: de bestellingen komen binnen zonder dat bedrag.",
     "Het bestand heeft geen kolom „Total”: bij de bestellingen die al in Afspraak staan, blijft dat bedrag zoals "
     "het is; nieuwe bestellingen komen binnen zonder dat bedrag."),
    ("en", "The file has no column “Total”: the orders are imported without that amount.",
     "The file has no column “Total”: the orders already in Afspraak keep that amount as it is; new orders are "
     "imported without it."),
])
def test_a_missing_total_on_a_first_import_says_nothing_of_orders_already_in_afspraak(qtbot, database, language,
                                                                                     first, again):
    """Review of the imports: a first import without "Total" said the orders already in Afspraak
    keep that amount, when there were none; the products' summary has a first-import wording."""
    i18n.set_language(language)
    data = without(NL_ORDERS.read_bytes(), "Total")
    plan, dialog = preview_of(qtbot, data)
    assert first in notes_of(dialog) and again not in notes_of(dialog)
    summary = shop_orders.apply_plan(plan, NOW)
    lines = import_texts.order_summary_lines(summary, lacking=plan.parsed.lacking)
    assert first in lines and again not in lines
    plan, dialog = preview_of(qtbot, data)  # the same file again: its orders are in Afspraak now
    assert again in notes_of(dialog)
    summary = shop_orders.apply_plan(plan, NOW)
    assert again in import_texts.order_summary_lines(summary, lacking=plan.parsed.lacking)


def test_each_missing_column_has_its_first_import_wording(database):
    i18n.set_language("en")
    data = without(NL_ORDERS.read_bytes(), "Lineitem price", "Lineitem sku", "Lineitem quantity", "Fulfillment Status",
                   "Cancelled at", "Subtotal", "Total")
    parsed = oi.parse_orders(data)
    assert {what for what, _columns in parsed.lacking} == {"item_price", "item_sku", "item_quantity", "sent",
                                                           "cancelled", "amounts"}
    said = import_texts.order_notes(parsed.notes, parsed.lacking, stored=False)
    assert not any("already in Afspraak" in note for note in said), said
    assert "The file has no columns “Subtotal”, “Total”: the orders are imported without those amounts." in said
    assert "The file has no column “Fulfillment Status”: the orders are imported as not sent yet." in said
    assert import_texts.order_notes(parsed.notes, parsed.lacking, stored=True) == parsed.notes


# --- several files dropped at once ------------------------------------------------------------

SHOP = Path(__file__).parent / "data" / "shop"


def test_a_file_not_imported_among_several_is_named_once_with_only_why():
    """Review of the imports: '"prod_cut_midrow.csv": not imported', then '"prod_cut_midrow.csv"
    was not imported. Line 16: … Nothing was changed.', then at the end 'A file that was not
    imported changed nothing…': each failed file three times."""
    i18n.set_language("en")
    text = import_texts.files_summary([
        ("jewelery.csv", True, "23 new products"),
        ("prod_cut_midrow.csv", False, "Line 16: the file ends inside a quoted cell that starts on this line."),
        ("empty.csv", False, "The file is empty."),
        ("woo_nl.csv", True, "5 new products\n1 row skipped\n  line 2: Naamketting: a variable product"),
    ])
    assert text == (
        "“jewelery.csv”: imported\n"
        "    23 new products\n"
        "“prod_cut_midrow.csv”: not imported\n"
        "    Line 16: the file ends inside a quoted cell that starts on this line.\n"
        "“empty.csv”: not imported\n"
        "    The file is empty.\n"
        "“woo_nl.csv”: imported\n"
        "    5 new products\n"
        "    1 row skipped\n"
        "      line 2: Naamketting: a variable product\n"
        "\n"
        "2 of 4 files imported. A file that was not imported changed nothing: each file is imported whole or not at "
        "all.")


@pytest.fixture
def window(qtbot, demo_db, translator):
    from desktop.views.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    return w


def test_the_window_names_each_file_once_and_says_once_that_nothing_changed(qtbot, window, monkeypatch, tmp_path):
    from desktop.views import dialogs

    said = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: said.append(("warn", text)))
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: said.append(("inform", text)))
    i18n.set_language("nl")
    data = (SHOP / "shopify_variants.csv").read_bytes()
    cut = tmp_path / "prod_cut_midrow.csv"
    cut.write_bytes(data[:data.index(b"naamketting,Naamketting,") + 30])  # stops in the last row
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with qtbot.waitSignal(window.shipping.batch_finished, timeout=20000) as finished:
        window.shipping.import_files([SHOP / "woo_variations.csv", cut, empty])
    assert [(name, ok) for name, ok, _what in finished.args[0]] == [
        ("woo_variations.csv", True), ("prod_cut_midrow.csv", False), ("empty.csv", False)]
    [(kind, text)] = said
    assert kind == "warn"
    for name in ("woo_variations.csv", "prod_cut_midrow.csv", "empty.csv"):
        assert text.count(name) == 1, text
    assert "„prod_cut_midrow.csv”: niet geïmporteerd\n    Regel " in text
    assert "is niet geïmporteerd" not in text and text.count("niets veranderd") == 1, text
    assert text.endswith("1 van 3 bestanden geïmporteerd. Een bestand dat niet is geïmporteerd, heeft niets "
                         "veranderd: elk bestand wordt in zijn geheel geïmporteerd of helemaal niet.")
    said.clear()
    window.shipping.import_files([empty])  # alone, the whole sentence as before
    qtbot.waitUntil(lambda: bool(said))
    assert said == [("warn", "„empty.csv” is niet geïmporteerd. Het bestand is leeg. Er is niets veranderd.")]


def test_an_indented_line_keeps_its_indent_when_the_box_wraps_it(qtbot):
    """Review of the imports: in the 400-pixel box a wrapped reason lost its indent, so
    "16: the file ends inside…" looked like an item of its own. Indented lines are shown as
    indented paragraphs (and never as markup), in a box wide enough for a screen of 1366×768."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    from desktop.views import dialogs

    text = ("“<b>cut</b>.csv”: not imported\n    Line 16: the file ends inside a quoted cell that starts on this "
            "line (or a closing quote is missing). The file was probably cut off (an interrupted download or a full "
            "disk?): export it from the shop again.\n“ok.csv”: imported\n    1 row skipped\n      line 2: A & B\n\n"
            "1 of 2 files imported.")
    box = dialogs.warning_box(None, "Import", text)
    qtbot.addWidget(box)
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert label.textFormat() == Qt.RichText
    assert '<p style="margin-top:0px; margin-bottom:0px; margin-left:20px; white-space:pre-wrap">Line 16: the file' \
        in label.text()
    assert "margin-left:30px; white-space:pre-wrap\">line 2: A &amp; B</p>" in label.text()
    assert "&lt;b&gt;cut&lt;/b&gt;" in label.text()  # a name as written, not bold
    box.show()
    qtbot.waitExposed(box)
    assert label.width() >= dialogs.SUMMARY_WIDTH_PX
    assert box.width() < 1366 and box.height() < 768
    plain = dialogs.warning_box(None, "Import", "“<b>x</b>.csv” was not imported. The file is empty.")
    qtbot.addWidget(plain)
    assert plain.findChild(QLabel, "qt_msgbox_label").textFormat() == Qt.PlainText  # one sentence: as before
