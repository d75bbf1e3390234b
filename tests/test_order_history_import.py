"""An order history imported ("export all orders"): orders still open in the shop but older
than the lead time are the customers' history, not custom orders to make, and nothing asks
for an apology about a ready date the shop never gave (audit 8, finding 4)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop import i18n
from desktop.domain import order_importers as oi
from desktop.presentation import import_texts, made_to_order_texts
from desktop.store import due, shop_orders
from desktop.store.models import CustomOrder, Person, ShopOrder, ShopOrderLine
from tests.conftest import NOW
from tests.test_order_importers import ORDERS_DIR, needs_orders
from tests.test_shop_orders import IMPORTED, NL_FILE, demo_products, snapshot

BE_FILE = ORDERS_DIR / "shopify" / "be_shop_orders_export_1.csv" if ORDERS_DIR else None
WOO_FILE = ORDERS_DIR / "woocommerce" / "customer_order_csv_export_one_row_per_order.csv" if ORDERS_DIR else None
NL_MARKS = {"sku:NK-502", "sku:SH-401", "sku:NK-501", "sku:AR-201"}


def import_all(data: bytes, now, marks=None):
    """As the import dialog does: the plan, then the owner ticks (default: every product)."""
    plan = shop_orders.plan_import(oi.parse_orders(data), now)
    ticked = {p.key for p in plan.products} if marks is None else marks
    return plan, shop_orders.apply_plan(plan, now, made_to_order=ticked)


def order_reminders(until):
    return [i for i in due.plan(until) if i.subject_type == "custom_order"]


@needs_orders
def test_a_belgian_shops_2021_history_comes_in_as_history_and_asks_for_nothing(database):
    plan, summary = import_all(BE_FILE.read_bytes(), NOW)
    # 39 orders of March-April 2021, 38 never marked as sent in the shop
    assert len(plan.history_orders({p.key for p in plan.products})) == 38
    assert (summary.new, summary.custom_orders, summary.history) == (39, 1, 38)
    assert summary.history_before == date(2026, 11, 13)  # 23 November less the 10 days' lead time
    # the customers' record is all there: every order, its items, its customer
    assert ShopOrder.select().count() == 39 and Person.select().where(Person.is_customer == True).count() == 38  # noqa: E712
    assert ShopOrderLine.select().where(ShopOrderLine.custom_order.is_null(False)).count() == 1
    # nothing owed: the one custom order is the order the shop sent, no open one
    assert [c.status for c in CustomOrder.select()] == ["shipped"]
    assert order_reminders(NOW + timedelta(days=60)) == []
    # the same file again: nothing doubled, history stays history
    before = snapshot()
    _plan, again = import_all(BE_FILE.read_bytes(), NOW + timedelta(days=7))
    # (and not said again: the summary repeated "38 kept as history" with a new cut-off, audit 12, F7)
    assert (again.new, again.unchanged, again.custom_orders, again.history) == (0, 39, 0, 0)
    assert snapshot() == before
    assert order_reminders(NOW + timedelta(days=60)) == []


@needs_orders
def test_a_woocommerce_export_of_2020_makes_no_apologies(database):
    _plan, summary = import_all(WOO_FILE.read_bytes(), NOW)
    assert (summary.custom_orders, summary.history) == (0, 221)
    assert CustomOrder.select().count() == 0
    assert order_reminders(NOW + timedelta(days=60)) == []


def test_recent_open_orders_still_become_custom_orders_and_old_ones_history(database):
    """Our Dutch file on 23 November: #2001, #2002 and #2004 (2-9 November, still open)
    are older than the 10 days' lead time; the sent (#2005) and cancelled (#2006) ones are
    made as before, owing nothing."""
    demo_products("NK-502", "SH-401", "OR-101", "AR-201")
    _plan, summary = import_all(NL_FILE.read_bytes(), NOW, NL_MARKS)
    assert (summary.custom_orders, summary.history) == (2, 3)
    assert {c.order_number: c.status for c in CustomOrder.select()} == {"#2005": "shipped", "#2006": "cancelled"}
    assert order_reminders(NOW + timedelta(days=60)) == []
    # An order placed on the first day within the lead time is a custom order to make (as
    # #2104: #2004 placed on another day would be another shop's order, refused).
    recent = (NL_FILE.read_text(encoding="utf-8").replace("2026-11-09 17:25:00", "2026-11-13 17:25:00")
              .replace("#2004", "#2104"))
    _plan, later = import_all(recent.encode(), NOW, NL_MARKS)
    assert (later.custom_orders, later.history) == (1, 0)  # #2001 and #2002 were said the first time
    made = CustomOrder.get(CustomOrder.order_number == "#2104")
    assert (made.status, made.promised_ready) == ("new", date(2026, 11, 23))


def test_an_order_imported_while_recent_stays_a_custom_order_when_it_is_old(database):
    """Imported in its own week, #2001 became a custom order with a date in the future; a
    later export where it is still open in the shop leaves it as it is (not history now)."""
    demo_products("NK-502", "SH-401", "OR-101", "AR-201")
    import_all(NL_FILE.read_bytes(), IMPORTED, NL_MARKS)
    made = {c.order_number: (c.id, c.status, c.promised_ready) for c in CustomOrder.select()}
    assert made["#2001"][1:] == ("new", date(2026, 11, 12))
    before = snapshot()
    _plan, later = import_all(NL_FILE.read_bytes(), NOW, NL_MARKS)
    assert (later.custom_orders, later.history, later.moved) == (0, 0, 0)
    assert snapshot() == before
    assert {c.order_number: (c.id, c.status, c.promised_ready) for c in CustomOrder.select()} == made


def test_an_old_order_typed_in_by_hand_is_still_taken_over(database):
    """The owner typed #2001 in Maatwerk herself, with the date she gave: the import links
    it, whatever the order's age; her date stands."""
    from desktop.domain.orders import OrderInput
    from desktop.store.orders import save_order

    demo_products("NK-502")
    typed = save_order(OrderInput(name="Mila Jansen", email="mila.jansen@example.nl", order_number="#2001",
                                  personalisation="Mila", ordered_on=date(2026, 11, 2),
                                  promised_ready=date(2026, 11, 30), money_locale="nl_NL"), NOW)
    _plan, summary = import_all(NL_FILE.read_bytes(), NOW, {"sku:NK-502"})
    assert summary.history == 0
    assert ShopOrderLine.get(ShopOrderLine.custom_order == typed.id)
    assert CustomOrder.get_by_id(typed.id).promised_ready == date(2026, 11, 30)


@pytest.mark.parametrize("language,done,words", [
    ("nl", False, "3 bestellingen die in de webshop nog openstaan, zijn geplaatst vóór 13 november 2026, langer "
                  "geleden dan je levertijd (10 dagen): die blijven bewaard als geschiedenis van je klanten, niet "
                  "als maatwerk, en er komt geen herinnering om er nieuws over te sturen. Ben je er toch nog een "
                  "aan het maken? Vink die dan aan onder „Oudere open bestellingen”, met de datum die je de "
                  "klant gaf."),
    ("en", False, "3 orders still open in the shop were placed before 13 November 2026, longer ago than your "
                  "lead time (10 days): they are kept as the customers' history, not added to Custom orders, "
                  "and no reminder will ask you to send news about them. Still making one? Tick it under “Older "
                  "open orders” with the date you gave the customer."),
    ("nl", True, "3 bestellingen die in de webshop nog openstaan, zijn geplaatst vóór 13 november 2026, langer "
                 "geleden dan je levertijd (10 dagen): die zijn bewaard als geschiedenis van je klanten, niet als "
                 "maatwerk, en er komt geen herinnering om er nieuws over te sturen."),
    ("en", True, "3 orders still open in the shop were placed before 13 November 2026, longer ago than your "
                 "lead time (10 days): they were kept as the customers' history, not added to Custom orders, "
                 "and no reminder will ask you to send news about them."),
])
def test_the_preview_and_the_summary_say_so_plainly(database, language, done, words):
    demo_products("NK-502", "SH-401", "OR-101", "AR-201")
    plan, summary = import_all(NL_FILE.read_bytes(), NOW, NL_MARKS)
    with i18n.speaking(language):
        if done:
            assert words in import_texts.order_summary_lines(summary)
        else:
            assert import_texts.history_text(3, plan.history_before, plan.lead_days, done=False) == words


def test_the_preview_dialog_tells_the_history_and_follows_the_ticks(qtbot, database, translator):
    from desktop.views import order_import

    i18n.set_language("nl")
    demo_products("NK-502", "SH-401", "OR-101", "AR-201")
    plan = shop_orders.plan_import(oi.parse_orders(NL_FILE.read_bytes()), NOW)
    preview = order_import.OrderPreviewDialog(plan, NL_FILE.name)
    qtbot.addWidget(preview)
    for key in NL_MARKS:
        preview.set_made_to_order(key, True)
    # #2005 was sent, #2006 cancelled: custom orders as such, no ready date promised for them
    assert preview.custom.text() == made_to_order_texts.preview_text(0, 1, 1, plan.lead_days)
    assert preview.history.text().startswith("3 bestellingen die in de webshop nog openstaan, zijn geplaatst vóór "
                                             "13 november 2026")
    assert not preview.history.isHidden()
    for key in NL_MARKS:
        preview.set_made_to_order(key, False)
    assert preview.history.isHidden() and preview.history.text() == ""
    assert ShopOrder.select().count() == 0  # the preview wrote nothing


def test_an_older_order_she_is_still_making_becomes_a_custom_order_with_her_date(database):
    """Audit 11, F8: #2001 (2 November) is older than the lead time, but she is still making
    it and told Mila 30 November; #2002 she told 20 November, already past: late at once."""
    demo_products("NK-502", "SH-401", "OR-101", "AR-201")
    plan = shop_orders.plan_import(oi.parse_orders(NL_FILE.read_bytes()), NOW)
    making = {"#2001": date(2026, 11, 30), "#2002": date(2026, 11, 20)}
    assert {o.number for o in plan.history_orders(NL_MARKS)} == {"#2001", "#2002", "#2004"}
    assert len(plan.custom_orders(NL_MARKS, making)) == len(plan.custom_orders(NL_MARKS)) + 2
    summary = shop_orders.apply_plan(plan, NOW, made_to_order=NL_MARKS, still_making=making)
    assert (summary.custom_orders, summary.history) == (4, 1)
    made = {c.order_number: (c.status, c.promised_ready) for c in CustomOrder.select()}
    assert made["#2001"] == ("new", date(2026, 11, 30)) and made["#2002"] == ("new", date(2026, 11, 20))
    assert "#2004" not in made
    # #2002 is late: the ladder asks for news with a new date now; #2001 before its date
    late = [i for i in order_reminders(NOW) if i.subject_id == CustomOrder.get(CustomOrder.order_number == "#2002").id]
    assert late
    # the same file again links them: nothing doubled, no history any more for them
    _plan, again = import_all(NL_FILE.read_bytes(), NOW + timedelta(days=1), NL_MARKS)
    assert (again.custom_orders, again.history) == (0, 0)  # #2004's history was said the first time
    assert CustomOrder.select().where(CustomOrder.order_number.in_(["#2001", "#2002"])).count() == 2


@pytest.mark.parametrize("ready", [date(2026, 11, 1), date(1926, 11, 30)])
def test_a_ready_date_before_the_order_or_out_of_years_changes_nothing(database, ready):
    demo_products("NK-502", "SH-401", "OR-101", "AR-201")
    plan = shop_orders.plan_import(oi.parse_orders(NL_FILE.read_bytes()), NOW)
    assert oi.still_making_problem(date(2026, 11, 2), ready)
    before = snapshot()
    with pytest.raises(ValueError):
        shop_orders.apply_plan(plan, NOW, made_to_order=NL_MARKS, still_making={"#2001": ready})
    assert snapshot() == before and ShopOrder.select().count() == 0


def test_the_preview_lists_the_older_orders_to_tick(qtbot, database, translator):
    from PySide6.QtWidgets import QDialog

    from desktop.views import order_import

    i18n.set_language("nl")
    demo_products("NK-502", "SH-401", "OR-101", "AR-201")
    plan = shop_orders.plan_import(oi.parse_orders(NL_FILE.read_bytes()), NOW)
    preview = order_import.OrderPreviewDialog(plan, NL_FILE.name)
    qtbot.addWidget(preview)
    preview.show()
    tab = preview.tabs.indexOf(preview.older_tab)
    assert preview.buttons.button(preview.buttons.StandardButton.Ok).text() == "Importeren"  # a verb (audit 12)
    assert not preview.tabs.isTabVisible(tab)  # nothing ticked as made to order: no history
    for key in NL_MARKS:
        preview.set_made_to_order(key, True)
    assert preview.tabs.isTabVisible(tab) and preview.tabs.tabText(tab) == "Oudere open bestellingen (3)"
    shown = [preview.older.item(r, 1).text() for r in range(preview.older.rowCount()) if not preview.older.isRowHidden(r)]
    assert sorted(shown) == ["#2001", "#2002", "#2004"]
    assert preview.custom.text() == made_to_order_texts.preview_text(0, 1, 1, plan.lead_days)  # #2005 sent, #2006 cancelled
    preview.set_still_making("#2001", True, "01-11-2026")  # before the order: said, nothing imported
    assert preview.custom.text().startswith("1 artikel wordt een maatwerkbestelling")
    assert preview.history.text().startswith("2 bestellingen")
    preview.buttons.button(preview.buttons.StandardButton.Ok).click()
    assert preview.result() != QDialog.Accepted and preview.tabs.currentWidget() is preview.older_tab
    assert preview.older_problem.isVisible()
    assert preview.older_problem.text() == "Bestelling #2001: Die klaardatum ligt vóór de besteldatum."
    preview.set_still_making("#2001", True, "30-11-2026")
    preview.buttons.button(preview.buttons.StandardButton.Ok).click()
    assert preview.result() == QDialog.Accepted
    assert preview.still_making() == {"#2001": date(2026, 11, 30)}
    # a product unticked again takes its older orders out of the tab and of what is made
    preview.set_made_to_order("sku:NK-502", False)
    row = next(r for r in range(preview.older.rowCount()) if preview.older.item(r, 1).text() == "#2001")
    assert preview.older.isRowHidden(row) and preview.still_making() == {}
    assert preview.tabs.tabText(tab) == "Oudere open bestellingen (2)"
    assert ShopOrder.select().count() == 0  # the preview wrote nothing
