"""What the owner reads after an import (review of the imports): each detail under its own
line, no counts of nothing, words for a first import, and one short block per file when she
drops several files at once."""

from __future__ import annotations

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
        "  of which 1 at a higher price",
        "  of which 1 at a lower price",
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
    assert import_texts.order_summary_lines(first) == ["1605 nieuwe bestellingen", "1532 nieuwe klanten"]
    again = OrderImportSummary("shopify", updated=2, unchanged=37, known_customers=38, custom_orders=1)
    assert import_texts.order_summary_lines(again) == [
        "2 bestellingen bijgewerkt", "37 bestellingen ongewijzigd", "38 bekende klanten",
        "1 nieuwe bestelling in Maatwerk"]
    nothing = OrderImportSummary("shopify", erased_orders=1)  # everything left out: still a count first
    assert import_texts.order_summary_lines(nothing)[0] == "0 nieuwe bestellingen"


def test_the_preview_of_a_first_import_counts_no_nothing(qtbot, database):
    from pathlib import Path

    from desktop.domain import order_importers as oi
    from desktop.store import shop_orders
    from desktop.views.order_import import OrderPreviewDialog

    from .conftest import NOW

    i18n.set_language("nl")
    data = (Path(__file__).parent / "data" / "shop" / "shopify_orders_nl.csv").read_bytes()
    dialog = OrderPreviewDialog(shop_orders.plan_import(oi.parse_orders(data), NOW), "orders.csv")
    qtbot.addWidget(dialog)
    assert dialog.counts.text() == "6 nieuwe bestellingen · 5 nieuwe klanten"
