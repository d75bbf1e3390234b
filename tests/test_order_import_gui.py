"""An orders file dropped on the window: the preview first (nothing changed yet), then all
or nothing; the preview's ticks decide what becomes a custom order in Maatwerk."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtWidgets import QDialog

from desktop import i18n
from desktop.domain import order_importers as oi
from desktop.store import shop_orders
from desktop.store.models import CustomOrder, Person, Product, ShopOrder
from desktop.presentation import made_to_order_texts
from desktop.views import dialogs, order_import
from desktop.views.main_window import MainWindow

from .helpers import drag, end_drags

DATA = Path(__file__).parent / "data" / "shop"
NL_FILE = DATA / "shopify_orders_nl.csv"


@pytest.fixture(autouse=True)
def the_week_of_the_orders(frozen_clock):
    """The file's open orders (2-18 November) are recent: imported in their week, they
    become custom orders (older than the lead time, they would be history only)."""
    from tests.test_shop_orders import IMPORTED

    frozen_clock.set(IMPORTED)


@pytest.fixture
def window(qtbot, demo_db, translator):
    i18n.set_language("nl")
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    w.show_view("orders")
    yield w
    end_drags()


def drop_file(qtbot, window, path: Path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    with qtbot.waitSignal(window.shipping.import_finished, timeout=15000) as finished:
        move = drag(window, QPoint(300, 300), mime)
        assert move.isAccepted()
    return finished.args[0]


def test_the_preview_says_what_will_happen_and_follows_the_ticks(qtbot, demo_db, translator):
    i18n.set_language("nl")
    Product.update(made_to_order=True).where(Product.sku == "NK-502").execute()  # remembered from before
    plan = shop_orders.plan_import(oi.parse_orders(NL_FILE.read_bytes()))
    preview = order_import.OrderPreviewDialog(plan, NL_FILE.name)
    qtbot.addWidget(preview)
    assert "6 bestellingen uit Shopify" in preview.findChild(type(preview.counts), "previewHeading").text()
    assert "6 nieuwe bestellingen" in preview.counts.text() and "5 nieuwe klanten" in preview.counts.text()
    assert preview.made_to_order() == {"sku:NK-502"}
    # #2001 still to make; #2005 was sent by the shop (review of the imports: it was promised ready too)
    assert preview.custom.text() == " ".join([
        "1 artikel wordt een maatwerkbestelling, die 10 dagen na de bestelling klaar moet zijn.",
        made_to_order_texts.preview_text(0, 1, 0, 10)])
    preview.set_made_to_order("sku:SH-401", True)
    assert preview.custom.text().startswith("2 artikelen")
    preview.set_made_to_order("sku:NK-502", False)
    preview.set_made_to_order("sku:SH-401", False)
    assert preview.custom.text() == "Geen maatwerk: vink de producten aan die je op maat maakt."
    assert preview.orders.rowCount() == 6 and preview.customers.rowCount() == 5
    assert preview.orders.item(0, 0).text() == "nieuw"
    belgian = [r for r in range(5) if preview.customers.item(r, 1).text() == "Lotte Peeters"][0]
    assert preview.customers.item(belgian, 4).text() == "België"
    assert preview.customers.item(belgian, 6).text() == "formeel (u)"
    # nothing was written by the preview
    assert ShopOrder.select().count() == 0


def test_the_preview_gives_the_spare_width_to_the_names_not_to_a_yes(qtbot, demo_db, translator):
    from PySide6.QtWidgets import QApplication

    i18n.set_language("nl")
    plan = shop_orders.plan_import(oi.parse_orders(NL_FILE.read_bytes()))
    preview = order_import.OrderPreviewDialog(plan, NL_FILE.name)
    qtbot.addWidget(preview)
    preview.resize(1000, 600)
    preview.show()
    QApplication.processEvents()
    table = preview.products
    catalogue = table.columnCount() - 1
    assert table.item(0, catalogue).text() == "ja"
    widest = max(table.fontMetrics().horizontalAdvance(table.horizontalHeaderItem(catalogue).text()),
                 *(table.fontMetrics().horizontalAdvance(table.item(r, catalogue).text()) for r in range(table.rowCount())))
    assert table.columnWidth(catalogue) < widest + 60  # as wide as it needs, not the rest
    assert table.columnWidth(1) > table.columnWidth(catalogue)  # the product's name takes the room


def test_an_orders_file_dropped_on_the_window_is_previewed_then_imported(qtbot, window, monkeypatch):
    seen = []

    def accept_with_ticks(preview):
        seen.append((preview.counts.text(), preview.custom.text()))
        preview.set_made_to_order("sku:NK-502", True)
        preview.set_made_to_order("sku:SH-401", True)
        assert ShopOrder.select().count() == 0  # nothing yet
        return QDialog.Accepted

    monkeypatch.setattr(order_import, "run_dialog", accept_with_ticks)
    told = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append(text))
    summary = drop_file(qtbot, window, NL_FILE)
    assert seen and "6 nieuwe bestellingen" in seen[0][0]
    assert (summary.new, summary.new_customers, summary.custom_orders, summary.custom_sent) == (6, 5, 3, 1)
    # #2005 was sent by the shop: it is counted apart from the two still to make
    assert "2 nieuwe bestellingen in Maatwerk" in told[0].splitlines()
    assert made_to_order_texts.summary_lines(1, 0)[0] in told[0].splitlines()
    assert {p.sku for p in Product.select().where(Product.made_to_order == True)} == {"NK-502", "SH-401"}  # noqa: E712
    view = window.view("orders")
    shown = " ".join(str(cell) for row in view.model.rows  # the personalisation is under the product
                     for cell in [*row.cells, row.subline, *(row.sublines or {}).values()] if cell)
    assert "Mila Jansen" in shown and "Lotte Peeters" in shown and "Naam: Mila" in shown
    assert Person.get(Person.email == "lotte.peeters@example.be").address_form == "u"
    # one event on the timeline says when and from which file the orders came (audit 9, F11)
    from desktop.presentation import event_texts
    from desktop.store.models import Event

    [imported] = Event.select().where(Event.fact == "orders_imported")
    assert imported.kind == "import" and imported.params["file"] == NL_FILE.name
    sent = made_to_order_texts.summary_lines(1, 0)[0]
    assert event_texts.render(imported.fact, imported.params) == (
        f"Bestellingen uit Shopify geïmporteerd: 6 nieuwe bestellingen, 5 nieuwe klanten, 2 nieuwe bestellingen "
        f"in Maatwerk, {sent} („{NL_FILE.name}”)")  # what did not happen (0 updated) is left out


def test_a_repeated_row_is_told_in_the_preview_and_the_summary(qtbot, window, monkeypatch, tmp_path):
    from tests.test_order_importers import as_file, nl_rows

    rows = nl_rows()
    path = tmp_path / "orders_export.csv"
    path.write_bytes(as_file(rows[:2] + [rows[1]] + rows[2:]))  # #2001 on two identical rows
    said = "Regel 4 is in elke kolom gelijk aan regel 2 (bestelling #2001): overgeslagen, want die telt maar één keer."
    seen = []

    def accept_with_ticks(preview):
        seen.append(preview.findChild(type(preview.counts), "previewNotes").text())
        preview.set_made_to_order("sku:NK-502", True)
        seen.append(preview.custom.text())
        return QDialog.Accepted

    monkeypatch.setattr(order_import, "run_dialog", accept_with_ticks)
    told = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append(text))
    summary = drop_file(qtbot, window, path)
    assert said in seen[0].splitlines()
    assert seen[1].startswith("1 artikel wordt een maatwerkbestelling")  # #2001's necklace once, and #2005's sent
    assert summary.custom_orders == 2 and summary.custom_sent == 1 and said in told[0].splitlines()
    assert [o.order_number for o in CustomOrder.select().where(CustomOrder.order_number.startswith("#2001"))] == [
        "#2001"]


def test_a_cancelled_preview_changes_nothing(qtbot, window, monkeypatch):
    before = (ShopOrder.select().count(), Person.select().count(), CustomOrder.select().count())
    monkeypatch.setattr(order_import, "run_dialog", lambda preview: QDialog.Rejected)
    result = drop_file(qtbot, window, NL_FILE)
    assert result == "Import geannuleerd. Er is niets veranderd."
    assert (ShopOrder.select().count(), Person.select().count(), CustomOrder.select().count()) == before


def test_a_cut_off_orders_file_is_refused_without_a_preview(qtbot, window, monkeypatch, tmp_path):
    cut = tmp_path / "orders_export.csv"
    data = NL_FILE.read_bytes()
    cut.write_bytes(data[:data.rfind(b"\n", 0, len(data) - 1) + 60])
    warned, previews = [], []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: warned.append(text))
    monkeypatch.setattr(order_import, "run_dialog", lambda preview: previews.append(preview) or QDialog.Accepted)
    drop_file(qtbot, window, cut)
    assert not previews and "afgebroken" in warned[0] and "niets veranderd" in warned[0]
    assert ShopOrder.select().count() == 0


def test_file_menu_has_import(window):
    action = window.findChild(type(window.shipping.file_import_action), "actionImport")
    assert action is window.shipping.file_import_action
    assert action.text() == "&Importeren uit de webshop…"
    assert Qt  # the window keeps its Edit → Import products… as well
    assert window.shipping.import_action.text()


def test_a_tab_separated_export_named_tsv_is_imported_too(qtbot, window, monkeypatch, tmp_path):
    """A spreadsheet saves a tab-separated file as .tsv (an Etsy download re-saved so); the
    window took only .csv and .txt, and said "not a shop export" of it."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(NL_FILE.read_text(encoding="utf-8"), newline="")))
    out = io.StringIO()
    csv.writer(out, delimiter="\t", lineterminator="\r\n").writerows(rows)
    path = tmp_path / "orders_export.tsv"
    path.write_text(out.getvalue(), encoding="utf-8")
    monkeypatch.setattr(order_import, "run_dialog", lambda preview: QDialog.Accepted)
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: None)
    summary = drop_file(qtbot, window, path)
    assert summary.new == 6 and ShopOrder.select().count() == 6


@pytest.mark.parametrize("language, many", [("nl", "1.200"), ("en", "1,200")])
def test_the_preview_writes_its_counts_as_her_language_does(qtbot, demo_db, translator, language, many):
    """The heading and the tabs counted "1200 bestellingen": numbers she reads go through Babel."""
    i18n.set_language(language)
    rows = "".join(f"11/20/2026\t{5000 + i}\tbuyer{i}\tKlant {i}\t1\tKerkstraat {i}\tGent\t9000\tBelgium\tEUR\t17.00\n"
                   for i in range(1200))
    text = ("Sale Date\tOrder ID\tBuyer User ID\tFull Name\tNumber of Items\tStreet 1\tShip City\tShip Zipcode\t"
            "Ship Country\tCurrency\tOrder Total\n" + rows)
    plan = shop_orders.plan_import(oi.parse_orders(text.encode()))
    preview = order_import.OrderPreviewDialog(plan, "EtsySoldOrders2026.csv")
    qtbot.addWidget(preview)
    assert f": {many} " in preview.findChild(type(preview.counts), "previewHeading").text()
    tabs = [preview.tabs.tabText(i) for i in range(preview.tabs.count())]
    assert any(f"({many})" in tab for tab in tabs), tabs  # the orders' tab
    assert sum(f"({many})" in tab for tab in tabs) == 2, tabs  # and the customers'
