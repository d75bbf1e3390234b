"""Custom orders an orders import makes of lines the shop already sent (or cancelled) come
into Maatwerk as shipped (or cancelled): the preview and the summary count them apart
from those still to make, and promise no ready date for them.

Review of the imports (real shop exports): ticking every product of Shopify's
devstore_orders_export.csv said "17 items become custom orders, promised ready 10 days
after they were ordered" and "17 new custom orders", while all 17 were stored as shipped."""

from __future__ import annotations

import pytest

from desktop import i18n
from desktop.domain import order_importers as oi
from desktop.presentation import event_texts, import_texts, made_to_order_texts
from desktop.store import shop_orders
from desktop.store.models import CustomOrder
from desktop.views import order_import

from .conftest import NOW
from .shared_data import shared_dir
from .test_order_import_gui import NL_FILE

EXPORTS = (shared_dir() / "data" / "shop-exports" / "orders" / "shopify") if shared_dir() else None
needs_exports = pytest.mark.skipif(EXPORTS is None, reason="the shared shop exports are not here")


def _preview(qtbot, path):
    plan = shop_orders.plan_import(oi.parse_orders(path.read_bytes()))
    preview = order_import.OrderPreviewDialog(plan, path.name)
    qtbot.addWidget(preview)
    return plan, preview


def _tick_all(preview):
    for choice in preview.plan.products:
        preview.set_made_to_order(choice.key, True)


@needs_exports
def test_an_export_of_sent_orders_promises_no_ready_date(qtbot, database, translator):
    i18n.set_language("en")
    path = EXPORTS / "devstore_orders_export.csv"
    plan, preview = _preview(qtbot, path)
    _tick_all(preview)
    assert preview.custom.text() == "17 items were already sent: they come into Custom orders as shipped."
    summary = shop_orders.apply_plan(plan, NOW, made_to_order=preview.made_to_order(), file_name=path.name)
    assert {c.status for c in CustomOrder.select()} == {"shipped"} and CustomOrder.select().count() == 17
    assert (summary.custom_orders, summary.custom_sent, summary.custom_cancelled) == (17, 17, 0)
    lines = import_texts.order_summary_lines(summary)
    assert "17 custom orders already sent (marked shipped in Custom orders)" in lines
    assert not any("new custom order" in line for line in lines)


@needs_exports
def test_a_sent_order_of_2021_is_not_promised_ready(qtbot, database, translator):
    i18n.set_language("en")
    plan, preview = _preview(qtbot, EXPORTS / "be_shop_orders_export_1.csv")
    preview.set_made_to_order("sku:50", True)  # Waffly Waffle: #1001, fulfilled in March 2021
    assert preview.custom.text() == "1 item was already sent: it comes into Custom orders as shipped."


def test_the_preview_counts_those_to_make_apart_from_those_sent(qtbot, database, translator, frozen_clock):
    from tests.test_shop_orders import IMPORTED

    frozen_clock.set(IMPORTED)  # the file's open orders are recent: custom orders, not history
    i18n.set_language("en")
    _plan, preview = _preview(qtbot, NL_FILE)
    preview.set_made_to_order("sku:NK-502", True)  # #2001 open, #2005 sent by the shop
    preview.set_made_to_order("sku:SH-401", True)  # #2002 open
    assert preview.custom.text() == ("2 items become custom orders, promised ready 10 days after they were "
                                     "ordered. 1 item was already sent: it comes into Custom orders as shipped.")


def test_the_summary_and_the_timeline_count_them_apart(database):
    i18n.set_language("en")
    summary = shop_orders.OrderImportSummary(platform="shopify", new=20, custom_orders=17, custom_sent=14,
                                             custom_cancelled=1)
    lines = import_texts.order_summary_lines(summary)
    assert lines[:4] == ["20 new orders", "2 new custom orders",
                         "14 custom orders already sent (marked shipped in Custom orders)",
                         "1 custom order cancelled in the shop (marked cancelled in Custom orders)"]
    said = event_texts.render("orders_imported", {"file": "", "platform": "shopify", "new": 20, "updated": 0,
                                                  "custom_orders": 17, "custom_sent": 14, "custom_cancelled": 1})
    # no comma inside an item of the list (it read "14 custom orders already sent, in Custom orders as
    # shipped, 1 custom order cancelled in the shop, in Custom orders as cancelled")
    assert said == ("Orders from Shopify imported: 20 new orders, 2 new custom orders, 14 custom orders already "
                    "sent (marked shipped in Custom orders), 1 custom order cancelled in the shop (marked cancelled "
                    "in Custom orders)")
    # an event written before the split says what it said
    assert event_texts.render("orders_imported", {"file": "", "platform": "shopify", "new": 3, "updated": 0,
                                                  "custom_orders": 3}) == (
        "Orders from Shopify imported: 3 new orders, 3 new custom orders")


def test_numbers_and_plurals_go_by_the_language(database):
    i18n.set_language("en")
    assert made_to_order_texts.preview_text(1, 0, 1, 1) == (
        "1 item becomes a custom order, promised ready 1 day after it was ordered. 1 item is in a cancelled order: "
        "it comes into Custom orders as cancelled.")
    assert made_to_order_texts.preview_text(0, 1200, 0, 10).startswith("1,200 items were already sent")
    i18n.set_language("nl")
    assert made_to_order_texts.preview_text(1200, 0, 0, 10).startswith("1.200 artikelen worden maatwerkbestellingen")
    assert made_to_order_texts.preview_text(0, 0, 0, 10) == "Geen maatwerk: vink de producten aan die je op maat maakt."
    # not "17 artikelen waren al verzonden en komen als verzonden in Maatwerk" ("verzonden" twice in a row)
    assert made_to_order_texts.preview_text(0, 17, 1, 10) == (
        "17 artikelen zijn al verzonden; ze komen in Maatwerk te staan als verzonden. 1 artikel hoort bij een "
        "geannuleerde bestelling; het komt in Maatwerk te staan als geannuleerd.")
