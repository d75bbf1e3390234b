"""The preview of an orders import: what will happen before anything changes.

Shown by the import flow (``views/shipping.py``) after the file was parsed in its thread
and the plan read (``store/shop_orders.plan_import``): new, updated and unchanged orders,
new and known customers, and the products of the file with a "made to order" tick each;
the number of custom orders for Maatwerk follows the ticks. Nothing is written here: the
flow writes the plan (one transaction) when the owner presses Import.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
)

from desktop import i18n
from desktop.domain import order_importers as rules
from desktop.i18n import _, ngettext, pgettext
from desktop.labels import label
from desktop.presentation.import_texts import history_text
from desktop.store.shop_orders import ImportPlan
from desktop.views.rows import plain_tooltip

SHOWN_ROWS = 2000  # orders listed in the preview; the counts above cover all


def run_dialog(dialog: QDialog) -> int:
    """Show the preview and wait (tests replace this to tick and press)."""
    return dialog.exec()


def _item(text: str, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
    if tooltip:
        item.setToolTip(plain_tooltip(tooltip))  # the shop's text as written (a name with <b> is not bold)
    return item


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setTabKeyNavigation(False)  # one stop for Tab: the arrow keys walk the rows
    table.setWordWrap(False)
    return table


def _fit(table: QTableWidget, stretch: int) -> None:
    """Columns as wide as their text, measured once after filling (not on every change);
    the free-text column ``stretch`` (a product's or a customer's name) takes the rest,
    not the last column ("In de catalogus" took 600 pixels to say "ja")."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.Interactive)
    table.resizeColumnsToContents()
    header.setSectionResizeMode(stretch, QHeaderView.Stretch)


class OrderPreviewDialog(QDialog):
    def __init__(self, plan: ImportPlan, file_name: str, parent=None):
        super().__init__(parent)
        self.plan = plan
        parsed = plan.parsed
        self.setObjectName("orderPreview")
        self.setWindowTitle(_("Import orders"))
        layout = QVBoxLayout(self)

        n = len(parsed.orders)
        # TRANSLATORS: {file} is the file's name, {platform} Shopify, WooCommerce or Etsy.
        heading = QLabel(ngettext("“{file}”: {n} order from {platform}. Nothing has changed yet.",
                                  "“{file}”: {n} orders from {platform}. Nothing has changed yet.", n).format(
            file=file_name, n=n, platform=parsed.platform_name))
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.PlainText)  # the file's name as it is
        heading.setObjectName("previewHeading")
        layout.addWidget(heading)

        counts = [
            ngettext("{n} new order", "{n} new orders", len(plan.new_orders)).format(n=len(plan.new_orders)),
            ngettext("{n} order updated", "{n} orders updated", len(plan.updated_orders)).format(
                n=len(plan.updated_orders)),
            ngettext("{n} order unchanged", "{n} orders unchanged", len(plan.unchanged_orders)).format(
                n=len(plan.unchanged_orders)),
            ngettext("{n} new customer", "{n} new customers", len(plan.new_customers)).format(
                n=len(plan.new_customers)),
            ngettext("{n} known customer", "{n} known customers", len(plan.known_customers)).format(
                n=len(plan.known_customers)),
        ]
        self.counts = QLabel(" · ".join(counts))
        self.counts.setTextFormat(Qt.PlainText)
        self.counts.setObjectName("previewCounts")
        self.counts.setWordWrap(True)
        layout.addWidget(self.counts)
        self.custom = QLabel()
        self.custom.setTextFormat(Qt.PlainText)
        self.custom.setObjectName("previewCustomOrders")
        self.custom.setStyleSheet("font-weight: bold")
        self.custom.setWordWrap(True)
        layout.addWidget(self.custom)
        self.history = QLabel()
        self.history.setTextFormat(Qt.PlainText)
        self.history.setObjectName("previewHistory")
        self.history.setWordWrap(True)
        layout.addWidget(self.history)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.products = self._products_table()
        self.tabs.addTab(self.products, _("Products ({n})").format(n=len(plan.products)))
        self.orders = self._orders_table()
        self.tabs.addTab(self.orders, _("Orders ({n})").format(n=n))
        self.customers = self._customers_table()
        self.tabs.addTab(self.customers, _("Customers ({n})").format(n=len(parsed.customers)))

        if parsed.notes:
            notes = QLabel("\n".join(parsed.notes))
            notes.setTextFormat(Qt.PlainText)  # they quote the file: names, numbers as written
            notes.setObjectName("previewNotes")
            notes.setWordWrap(True)
            layout.addWidget(notes)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(_("Import"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.products.itemChanged.connect(lambda _item: self._update_custom())
        self._update_custom()
        self.resize(960, 600)

    # --- tables -------------------------------------------------------------------------
    def _products_table(self) -> QTableWidget:
        table = _table([_("Made to order"), _("Product"), _("SKU"), _("Orders"), _("In the catalogue")])
        table.setObjectName("previewProducts")
        table.setRowCount(len(self.plan.products))
        for row, choice in enumerate(self.plan.products):
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable | Qt.ItemIsSelectable)
            tick.setCheckState(Qt.Checked if choice.made_to_order else Qt.Unchecked)
            tick.setData(Qt.UserRole, choice.key)
            tick.setToolTip(_("Tick the products you make to order: orders for them are added to Custom orders. Your ticks "
                              "are remembered for the next import."))
            table.setItem(row, 0, tick)
            table.setItem(row, 1, _item(choice.name, choice.name))
            table.setItem(row, 2, _item(choice.sku))
            table.setItem(row, 3, _item(i18n.format_number(choice.orders)))
            table.setItem(row, 4, _item(_("yes") if choice.product_id is not None else _("no, added when ticked")))
        _fit(table, stretch=1)
        return table

    def _orders_table(self) -> QTableWidget:
        table = _table([_("What happens"), _("Order"), _("Date"), _("Customer"), _("Total"), _("In the shop")])
        table.setObjectName("previewOrders")
        what = {id(o): _("new") for o in self.plan.new_orders}
        what.update({id(o): _("updated") for o in self.plan.updated_orders})
        what.update({id(o): _("unchanged") for o in self.plan.unchanged_orders})
        customers = self.plan.parsed.customers
        shown = self.plan.parsed.orders[:SHOWN_ROWS]
        table.setRowCount(len(shown))
        for row, order in enumerate(shown):
            customer = customers.get(order.customer_key)
            money = i18n.format_money(order.total_cents, order.currency or "EUR") if order.total_cents is not None else ""
            cells = [what.get(id(order), ""), order.number, i18n.list_date(order.ordered_on),
                     customer.name if customer else _("(no customer)"), money,
                     pgettext("shop status", rules.SHOP_STATUS_LABELS[order.status])]
            for column, text in enumerate(cells):
                table.setItem(row, column, _item(text))
        _fit(table, stretch=3)
        return table

    def _customers_table(self) -> QTableWidget:
        table = _table([_("What happens"), _("Name"), _("Email"), _("City"), _("Country"), _("Language"),
                        _("Form of address")])
        table.setObjectName("previewCustomers")
        known = self.plan.known_customers
        rows = list(self.plan.parsed.customers.values())[:SHOWN_ROWS]
        table.setRowCount(len(rows))
        for row, c in enumerate(rows):
            place = " ".join(p for p in (c.postcode, c.city) if p)
            country = (label("country", c.country) if c.country in ("NL", "BE")
                       else (c.country_name or label("country", c.country)))
            cells = [_("known") if c.key in known else _("new"), c.name, c.email, place, country,
                     label("language", c.language), label("address_form", c.address_form)]
            for column, text in enumerate(cells):
                table.setItem(row, column, _item(text))
        _fit(table, stretch=1)
        return table

    # --- ticks ----------------------------------------------------------------------------
    def made_to_order(self) -> set[str]:
        keys = set()
        for row in range(self.products.rowCount()):
            item = self.products.item(row, 0)
            if item is not None and item.checkState() == Qt.Checked:
                keys.add(item.data(Qt.UserRole))
        return keys

    def set_made_to_order(self, key: str, ticked: bool) -> None:
        for row in range(self.products.rowCount()):
            item = self.products.item(row, 0)
            if item.data(Qt.UserRole) == key:
                item.setCheckState(Qt.Checked if ticked else Qt.Unchecked)

    def _update_custom(self) -> None:
        marks = self.made_to_order()
        count = len(self.plan.custom_orders(marks))
        old = len(self.plan.history_orders(marks))
        self.history.setVisible(bool(old))
        self.history.setText(history_text(old, self.plan.history_before, self.plan.lead_days, done=False)
                             if old else "")
        if count:
            # TRANSLATORS: {period} is "10 days" (or "1 day"): the setting "promised this many days after the order".
            text = ngettext("{n} item becomes a custom order, promised ready {period} after it was ordered.",
                            "{n} items become custom orders, promised ready {period} after they were ordered.",
                            count)
        else:
            text = _("No custom orders: tick the products you make to order.")
        days = self.plan.lead_days
        self.custom.setText(text.format(n=count, period=i18n.days_text(days)))
