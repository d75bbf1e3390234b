"""Producten: the product catalogue, docked beside every view so products can be dragged
onto an influencer or a custom order.

It is a dock (not a page of its own) because a drag needs both ends on screen: the
catalogue on the right, the influencer list or Maatwerk list in the middle. View →
Products (Ctrl+P) shows or hides it.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n
from desktop.i18n import _
from desktop.store import catalogue
from desktop.store.catalogue import picture_file_at
from desktop.store.shipping import title_of
from desktop.views.base import LazyRefresh, plain_label
from desktop.views.dropping import products_mime
from desktop.views.rows import Row, RowsModel
from desktop.views import theme


class ProductsModel(RowsModel):
    """Rows that can be dragged: the drag carries the selected products' ids."""

    def flags(self, index):
        flags = super().flags(index)
        return flags | Qt.ItemIsDragEnabled if index.isValid() else flags

    def mimeTypes(self):
        from desktop.views.dropping import PRODUCTS_MIME

        return [PRODUCTS_MIME]

    def mimeData(self, indexes):
        ids = []
        for index in indexes:
            row = self.row_at(index.row())
            if row and row.id not in ids:
                ids.append(row.id)
        self._last_mime = products_mime(ids)  # keep a Python reference while Qt uses it
        return self._last_mime

    def supportedDragActions(self):
        return Qt.CopyAction


class CatalogueDock(LazyRefresh, QDockWidget):
    # The app starts on Vandaag, where the dock is hidden: the products are read when the
    # owner first opens a view that takes drops, not before the window shows.
    def __init__(self, parent=None):
        super().__init__(_("Products"), parent)
        self.setObjectName("catalogue")
        self.setAllowedAreas(Qt.LeftDockWidgetArea | Qt.RightDockWidgetArea)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 4, 8, 8)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search products…"))
        # TRANSLATORS: the name a screen reader gives the products panel's search field.
        self.search.setAccessibleName(_("Search products"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        buttons = QHBoxLayout()
        self.import_button = QPushButton(_("&Import…"))
        self.import_button.setToolTip(_("Import the product list from a WooCommerce, Shopify or Etsy export (CSV). "
                                        "You can also drop the file onto the window."))
        self.add_button = QPushButton(_("&Add…"))
        self.add_button.setToolTip(_("Add a product by hand, with a picture"))
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.add_button)
        layout.addLayout(buttons)
        self.pages = QStackedWidget()
        empty = plain_label(_(
            "No products yet. Import your product list (WooCommerce, Shopify or Etsy, CSV) with "
            "“Import…” or drop the file onto this window. Then drag a product onto an influencer."))
        empty.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.pages.addWidget(empty)
        self.table = QTableView()
        self.model = ProductsModel([_("Product"), _("Price"), _("SKU"), _("Category")], self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setTabKeyNavigation(False)  # the arrow keys walk the products; Tab moves on
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragOnly)
        self.table.setDefaultDropAction(Qt.CopyAction)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        # A narrow panel: the product (with its SKU and category under it) and the price.
        # The SKU and category columns stay in the model (search, sort) but are not shown.
        from desktop.views.cells import fit_columns

        # The product's name stays whole (the dock takes the width it needs, fit_width);
        # past the widest a dock gets, it ends in the middle: "Oorbellen…(zilver)", as the
        # end is what tells two variants apart.
        self.model.elide_column = 0
        fit_columns(self.table, 0, two_line=True, whole_lead="\n", elide_mode=Qt.ElideMiddle)
        self.table.setColumnHidden(2, True)
        self.table.setColumnHidden(3, True)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)
        self.table.setAccessibleName(_("Products"))
        self.pages.addWidget(self.table)
        layout.addWidget(self.pages, 1)
        self.hint = plain_label(_("Drag products onto an influencer or a custom order, or use the buttons below."))
        self.hint.setStyleSheet(theme.text_style("grey"))
        layout.addWidget(self.hint)
        actions = QVBoxLayout()  # stacked: keeps the dock narrow enough for small screens
        self.send_button = QPushButton(_("&Send to…"))
        self.send_button.setToolTip(_("Send the selected products to an influencer (Ctrl+Shift+S)"))
        self.order_button = QPushButton(_("For &custom order…"))
        self.order_button.setToolTip(_("Use the selected product for a custom order"))
        actions.addWidget(self.send_button)
        actions.addWidget(self.order_button)
        layout.addLayout(actions)
        self.setWidget(body)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(lambda: self.model.set_filter(self.search.text()))
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._stale = False
        self._update_buttons()

    def refresh(self) -> None:
        self._stale = False
        rows = []
        own, money = _("Your own picture"), i18n.format_money
        prices: dict[int, str] = {}  # a shop has a few dozen prices; Babel takes ~40 µs each
        for product_id, name, variant, price_cents, sku, category, image_url, image_path in catalogue.product_rows():
            price = ""
            if price_cents is not None:
                price = prices.get(price_cents)
                if price is None:
                    price = prices[price_cents] = money(price_cents)
            tooltip = "\n".join(x for x in [own if picture_file_at(image_path) else "", image_url] if x)
            title = title_of(name, variant)
            rows.append(Row(
                id=product_id, cells=[title, price, sku, category],
                sort_keys=[title.lower(), price_cents, sku.lower(), category.lower()],
                tooltip=tooltip, subline=" · ".join(x for x in (sku, category) if x),
            ))
        from desktop.views.cells import held_sizing, size_to_contents

        with held_sizing(self.table):  # measured once, below (a reset measured every row twice)
            self.model.set_rows(rows)
        self.pages.setCurrentIndex(1 if rows else 0)
        self._update_buttons()
        if not self.fit_width():
            size_to_contents(self.table)

    def fit_width(self) -> bool:
        """As wide as the products' names need, between the panel's usual width and the
        widest it gets (theme.CATALOGUE_MAX_WIDTH): "Oorbellen Druppel (goud)" and
        "…(zilver)" read whole, on a laptop too. False when there was nothing to fit (no
        window, no products): the columns were not measured."""
        from desktop.views.cells import needed_width, size_to_contents

        window = self.parentWidget()
        if window is None or not hasattr(window, "resizeDocks") or not self.model.rows:
            return False
        size_to_contents(self.table)
        margins = self.widget().layout().contentsMargins()
        wanted = needed_width(self.table) + margins.left() + margins.right() + 4
        width = max(theme.CATALOGUE_WIDTH, min(theme.CATALOGUE_MAX_WIDTH, wanted))
        if width > self.width():
            window.resizeDocks([self], [width], Qt.Horizontal)
        return True

    def selected_ids(self) -> list[int]:
        ids = []
        for index in self.table.selectionModel().selectedRows():
            row = self.model.row_at(index.row())
            if row:
                ids.append(row.id)
        return ids

    def select_ids(self, ids: list[int]) -> None:
        self.refresh_if_stale()
        self.table.clearSelection()
        for i, row in enumerate(self.model.rows):
            if row.id in ids:
                self.table.selectionModel().select(
                    self.model.index(i, 0), QItemSelectionModel.Select | QItemSelectionModel.Rows)

    def _update_buttons(self) -> None:
        count = len(self.selected_ids()) if self.model.rows else 0
        self.send_button.setEnabled(count > 0)
        self.order_button.setEnabled(count == 1)

    def row_of(self, index: QModelIndex) -> int | None:
        row = self.model.row_at(index.row()) if index.isValid() else None
        return row.id if row else None
