"""Screenshots of the orders import (issue 18), at 1366×768, in Dutch or English: the preview dialog
and Maatwerk filled from the import. The demo shop plus tests/data/shop/shopify_orders_nl.csv.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_order_screenshots.py [--lang en]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ORDERS = ROOT / "tests" / "data" / "shop" / "shopify_orders_nl.csv"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="nl")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication
    from screenshot_time import fix_time

    from desktop import demo, i18n, paths
    from desktop.clock import utcnow
    from desktop.domain import order_importers
    from desktop.presentation import event_texts  # noqa: F401 - hands the store how events read
    from desktop.store import shop_orders
    from desktop.store.opening import open_database
    from desktop.views import order_import, translator

    fix_time()  # a working hour on a fixed day, whenever the script runs
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    paths.set_data_dir(tempfile.mkdtemp(prefix="afspraak-shots-"))
    app = QApplication.instance() or QApplication([])
    open_database()
    i18n.set_language(args.lang)  # before the example shop: its to-dos are written in the language of the moment
    demo.fill(utcnow())
    translator.install(app)
    from desktop.views.main_window import MainWindow

    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    window.show_view("orders")
    app.processEvents()

    plan = shop_orders.plan_import(order_importers.parse_orders(ORDERS.read_bytes()))
    preview = order_import.OrderPreviewDialog(plan, ORDERS.name, window)
    for key in ("sku:NK-502", "sku:NK-501", "sku:SH-401"):
        preview.set_made_to_order(key, True)
    preview.resize(1000, 600)
    preview.show()
    app.processEvents()
    name = f"orders-preview-{args.lang}.png"
    preview.grab().save(str(out / name))
    print(out / name)
    marks = preview.made_to_order()
    preview.close()

    # The same file a month later: its open orders are older than the lead time; she is
    # still making one and ticks it with the date she gave.
    from datetime import timedelta

    later = shop_orders.plan_import(order_importers.parse_orders(ORDERS.read_bytes()), utcnow() + timedelta(days=30))
    older = order_import.OrderPreviewDialog(later, ORDERS.name, window)
    for key in ("sku:NK-502", "sku:NK-501", "sku:SH-401"):
        older.set_made_to_order(key, True)
    older.set_still_making("#2002", True)
    older.tabs.setCurrentWidget(older.older_tab)
    older.resize(1000, 600)
    older.show()
    app.processEvents()
    name = f"orders-preview-older-{args.lang}.png"
    older.grab().save(str(out / name))
    print(out / name)
    older.close()

    shop_orders.apply_plan(plan, utcnow(), made_to_order=marks)
    window.refresh_all()
    window.show_view("orders")
    # The Products dock closed: at 1366 pixels the list beside the detail pane needs the room.
    window.shipping.catalogue.hide()
    view = window.view("orders")
    for _round in range(3):  # the pane lays itself out again after the dock went
        app.processEvents()
    view.table.selectRow(0)
    for _round in range(5):
        app.processEvents()
    name = f"maatwerk-imported-{args.lang}.png"
    window.grab().save(str(out / name))
    print(out / name)


if __name__ == "__main__":
    main()
