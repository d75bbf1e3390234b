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
    QWidget,
)

from desktop import clock, i18n
from desktop.domain import order_importers as rules
from desktop.i18n import _, ngettext, pgettext
from desktop.labels import label
from desktop.presentation import address_texts, import_texts, made_to_order_texts
from desktop.presentation.import_texts import erased_preview, history_text, order_counts
from desktop.store.shop_orders import ImportPlan
from desktop.views.date_edit import DateEdit
from desktop.views.forms import date_field, from_qdate, to_qdate, typed_day
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
            file=file_name, n=i18n.format_number(n), platform=parsed.platform_name))
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.PlainText)  # the file's name as it is
        heading.setObjectName("previewHeading")
        layout.addWidget(heading)

        counts = order_counts(len(plan.new_orders), len(plan.updated_orders), len(plan.unchanged_orders),
                              len(plan.new_customers), len(plan.known_customers))
        if plan.erased_orders:
            counts.append(erased_preview(len(plan.erased_orders)))
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
        self.tabs.addTab(self.products, _("Products ({n})").format(n=i18n.format_number(len(plan.products))))
        self.orders = self._orders_table()
        self.tabs.addTab(self.orders, _("Orders ({n})").format(n=i18n.format_number(n)))
        self.customers = self._customers_table()
        self.tabs.addTab(self.customers, _("Customers ({n})").format(n=i18n.format_number(len(parsed.customers))))
        self.older_tab = self._older_tab()
        self.tabs.addTab(self.older_tab, "")
        # A file without items (Etsy's "Sold Orders") has no products to tick: no empty list
        # (review of the imports: "Products (0)" and "tick the products you make to order").
        self.tabs.setTabVisible(self.tabs.indexOf(self.products), bool(plan.products))

        said = import_texts.preview_notes(plan)
        if said:
            notes = QLabel("\n".join(said))
            notes.setTextFormat(Qt.PlainText)  # they quote the file: names, numbers as written
            notes.setObjectName("previewNotes")
            notes.setWordWrap(True)
            layout.addWidget(notes)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        # TRANSLATORS: the button that writes the previewed orders (a verb: "Importeren").
        self.buttons.button(QDialogButtonBox.Ok).setText(pgettext("button", "Import"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.products.itemChanged.connect(lambda _item: self._update_custom())
        self.older.itemChanged.connect(self._older_ticked)
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
            # the place as the country writes it; the country named in the reader's language, the shop's own too
            where = address_texts.PostalAddress(postcode=c.postcode, city=c.city, country=c.country,
                                                written=c.country_name)
            place, country = address_texts.place_line(where), address_texts.country_words(where, home="")
            cells = [_("known") if c.key in known else _("new"), c.name, c.email, place, country,
                     label("language", c.language), label("address_form", c.address_form)]
            for column, text in enumerate(cells):
                table.setItem(row, column, _item(text))
        _fit(table, stretch=1)
        return table

    def _older_tab(self) -> QWidget:
        """The orders still open in the shop that are older than the lead time (kept as
        history, ``order_importers.kept_as_history``) with a tick each for "still making it"
        and the ready date she gave the customer: ticked, they become custom orders with that
        date. Every order that could be history with some ticks is listed once; the rows
        history with the current ticks are shown."""
        page = QWidget()
        box = QVBoxLayout(page)
        hint = QLabel(_("These orders are still open in the shop but older than your lead time, so they are kept as "
                        "history. Still making one? Tick it and fill in the date you told the customer it would be "
                        "ready: it is added to Custom orders with that date. A date that has passed makes it late "
                        "at once, and Custom orders offers the message with a new date."))
        hint.setWordWrap(True)
        hint.setObjectName("olderHint")
        box.addWidget(hint)
        self._older = self.plan.history_orders({p.key for p in self.plan.products})
        customers = self.plan.parsed.customers
        table = _table([_("Still making"), _("Order"), _("Date"), _("Customer"), _("Items"),
                        _("Ready date you gave")])
        table.setObjectName("previewOlder")
        table.setRowCount(len(self._older))
        self.ready_dates: dict[int, DateEdit] = {}  # row -> its date field, made when ticked (thousands of rows)
        for row, order in enumerate(self._older):
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable | Qt.ItemIsSelectable)
            tick.setCheckState(Qt.Unchecked)
            table.setItem(row, 0, tick)
            customer = customers.get(order.customer_key)
            items = ", ".join(line.name for line in order.lines)
            cells = [order.number, i18n.list_date(order.ordered_on), customer.name if customer else "", items]
            for column, text in enumerate(cells, start=1):
                table.setItem(row, column, _item(text, text if column == 4 else ""))
            table.setItem(row, 5, _item(i18n.list_date(self._default_ready(order))))
        _fit(table, stretch=4)
        self.older = table
        box.addWidget(table, 1)
        self.older_problem = QLabel()
        self.older_problem.setTextFormat(Qt.PlainText)
        self.older_problem.setObjectName("olderProblem")
        self.older_problem.setProperty("tone", "red")
        self.older_problem.setWordWrap(True)
        self.older_problem.hide()
        box.addWidget(self.older_problem)
        return page

    def _default_ready(self, order):
        shop = clock.owner()
        return rules.promised_ready(order.ordered_on, self.plan.lead_days, shop.country, skip_weekends=shop.skip_weekends)

    def _older_ticked(self, item: QTableWidgetItem) -> None:
        """Ticked: the row's ready date becomes a field to type in (the lead time's date
        first); unticked, the field stays with what she typed, greyed."""
        if item.column() != 0:
            return
        row = item.row()
        ticked = item.checkState() == Qt.Checked
        if ticked and row not in self.ready_dates:
            ready = DateEdit()
            ready.setObjectName(f"ready{row}")
            ready.setDate(to_qdate(self._default_ready(self._older[row])))
            date_field(ready)
            self.older.setCellWidget(row, 5, ready)
            self.ready_dates[row] = ready
        if row in self.ready_dates:
            self.ready_dates[row].setEnabled(ticked)
        self._update_custom()

    def set_still_making(self, number: str, ticked: bool, ready: str | None = None) -> None:
        """Tick an older order as still being made; ``ready``: its date as typed (tests)."""
        for row, order in enumerate(self._older):
            if order.number == number:
                self.older.item(row, 0).setCheckState(Qt.Checked if ticked else Qt.Unchecked)
                if ready is not None:
                    self.ready_dates[row].lineEdit().setText(ready)

    def _still_making_rows(self, shown: set[str] | None = None) -> list[int]:
        """The rows ticked among the older orders ``shown`` (their numbers; default: history
        with the current ticks)."""
        if shown is None:
            shown = {o.number for o in self.plan.history_orders(self.made_to_order())}
        return [row for row, order in enumerate(self._older)
                if order.number in shown and self.older.item(row, 0).checkState() == Qt.Checked]

    def still_making(self, shown: set[str] | None = None) -> dict:
        """{order number: the ready date she gave} of the older orders ticked and ``shown``
        (after ``_import`` checked every date)."""
        return {self._older[row].number: from_qdate(self.ready_dates[row].date())
                for row in self._still_making_rows(shown)}

    def _import(self) -> None:
        """Import, unless a ticked older order's date is not one to take: then it is said
        under its list, and nothing changes."""
        for row in self._still_making_rows():
            order = self._older[row]
            _day, problem = typed_day(self.ready_dates[row],
                                      lambda day, order=order: rules.still_making_problem(order.ordered_on, day))
            if problem:
                self.older_problem.setText(_("Order {number}: {problem}").format(number=order.number, problem=problem))
                self.older_problem.show()
                self.tabs.setCurrentWidget(self.older_tab)
                self.ready_dates[row].setFocus()
                return
        self.older_problem.hide()
        self.accept()

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
        older = {o.number for o in self.plan.history_orders(marks)}
        for row, order in enumerate(self._older):
            self.older.setRowHidden(row, order.number not in older)
        self.tabs.setTabVisible(self.tabs.indexOf(self.older_tab), bool(older))
        # TRANSLATORS: a tab of the orders import preview: orders still open in the shop, older than the lead time.
        title = _("Older open orders ({n})").format(n=i18n.format_number(len(older)))
        self.tabs.setTabText(self.tabs.indexOf(self.older_tab), title)
        making = self.still_making(older)
        # the shop's sent and cancelled orders come in as such: no ready date is promised for them
        statuses = self.plan.custom_order_statuses(marks, making)
        old = len(older - making.keys())
        self.history.setVisible(bool(old))
        self.history.setText(history_text(old, self.plan.history_before, self.plan.lead_days, done=False)
                             if old else "")
        if not statuses and not self.plan.products:  # nothing to tick: what the file holds, and what importing does
            orders = len(self.plan.parsed.orders)
            self.custom.setText(import_texts.no_items_text(orders) if orders else "")
            self.custom.setVisible(bool(orders))
            return
        self.custom.setText(made_to_order_texts.preview_text(statuses["new"], statuses["shipped"],
                                                             statuses["cancelled"], self.plan.lead_days))
