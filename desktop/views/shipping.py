"""The shipping flow in the main window: catalogue dock, drops, import, undo.

``install(window)`` is the one line main_window.py needs. It docks the catalogue, makes
the influencer list (rows and detail pane) and the Maatwerk list drop targets, lets the
window take shop CSV files, and adds "Undo the last drop" (Ctrl+Z) and View → Products.

Import threading: the file is PARSED in a worker thread (QThread; pure Python, no
database) while a progress dialog runs; the rows are then WRITTEN on the GUI thread, the
single writer, in one transaction and in chunks, with the progress dialog updated (and
events processed) between chunks. The dialog is window-modal, so nothing else can write
while the transaction is open; "Cancel" rolls the whole import back.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QProgressDialog, QPushButton

from desktop import paths
from desktop.clock import utcnow
from desktop.domain.importers import ImportFailed, ParsedExport, summary_lines
from desktop.domain.order_importers import ParsedOrders, parse_any
from desktop.i18n import _
from desktop.labels import label
from desktop.store import catalogue, settings, shipping, storage_errors
from desktop.store.catalogue import ImportCancelled, apply_import
from desktop.store.db import db
from desktop.store.models import CustomOrder, Person, Product
from desktop.views import dialogs, theme
from desktop.views.catalogue import CatalogueDock
from desktop.views.dropping import DropTarget, FileDrop, install_order_target, install_person_target, local_files

REFUSED_STATUSES = ("blocked", "inactive")

log = logging.getLogger(__name__)


class _Cancelled(Exception):
    pass


class _ParseWorker(QObject):
    progressed = Signal(int, int)
    parsed = Signal(object)
    failed = Signal(str)

    def __init__(self, path: Path):
        super().__init__()
        self.path = path
        self.cancelled = False

    def _progress(self, done: int, total: int) -> None:
        if self.cancelled:
            raise _Cancelled()
        self.progressed.emit(done, total)

    @Slot()
    def run(self) -> None:
        try:
            data = self.path.read_bytes()
            # A products export or an orders export, told apart by its header.
            self.parsed.emit(parse_any(data, progress=self._progress))
        except _Cancelled:
            self.failed.emit("")
        except ImportFailed as exc:
            self.failed.emit(str(exc))
        except OSError as exc:
            self.failed.emit(_("The file cannot be read: {error}.").format(error=exc.strerror or exc))
        except Exception as exc:  # never leave the window waiting for a worker that died
            log.exception("parsing %s failed", self.path)
            self.failed.emit(str(exc) or exc.__class__.__name__)


class ShippingController(QObject):
    import_finished = Signal(object)  # an ImportSummary, or a message (str) when nothing changed
    dropped = Signal()  # a drop (or its undo) changed the data

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.catalogue = CatalogueDock(window)
        window.addDockWidget(Qt.RightDockWidgetArea, self.catalogue)
        window.resizeDocks([self.catalogue], [theme.CATALOGUE_WIDTH], Qt.Horizontal)
        self.catalogue.import_button.clicked.connect(self.ask_import)
        self.catalogue.add_button.clicked.connect(lambda: self.add_product())
        self.catalogue.send_button.clicked.connect(self.send_selected)
        self.catalogue.order_button.clicked.connect(self.order_selected)
        self.picture_target = DropTarget(
            self.catalogue.table.viewport(), _picture_files,
            lambda pos: self.catalogue.row_of(self.catalogue.table.indexAt(pos)),
            lambda product_id, files: self.set_picture(product_id, files[0]),
            area=lambda _t, pos: _row_area(self.catalogue.table, pos))
        self.catalogue.table.viewport().setAcceptDrops(True)

        self.person_targets = install_person_target(window.view("influencers"), self.send_products, self.refusal)
        self.order_targets = install_order_target(window.view("orders"), self.order_product)
        self.file_drop = FileDrop(window, lambda files: self.import_file(files[0]))

        self.undo_action = QAction(_("&Undo the last drop"), window)
        self.undo_action.setShortcut(QKeySequence.Undo)
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.undo)
        self.send_action = QAction(_("&Send selected products to…"), window)
        self.send_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.send_action.triggered.connect(self.send_selected)
        self.import_action = QAction(_("&Import products…"), window)
        self.import_action.triggered.connect(self.ask_import)
        # File → Import…: products or orders, whichever the file holds.
        self.file_import_action = QAction(_("&Import from the shop…"), window)
        self.file_import_action.setObjectName("actionImport")
        self.file_import_action.triggered.connect(self.ask_import)
        # On a window already on screen (the start's shell) follow_view shows it when the
        # view takes drops: shown here first, it would widen the window for nothing.
        self.catalogue.setVisible(bool(settings.get("catalogue_visible")) and not window.isVisible())
        self.catalogue.visibilityChanged.connect(self._remember_visibility)
        toggle = self.catalogue.toggleViewAction()
        toggle.setText(_("&Products"))
        toggle.setShortcut(QKeySequence("Ctrl+P"))
        menubar = window.menuBar()
        self.edit_menu = QMenu(_("&Edit"), window)
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.send_action)
        self.edit_menu.addAction(self.import_action)
        menus = menubar.actions()
        menubar.insertMenu(menus[1] if len(menus) > 1 else None, self.edit_menu)
        file_menu = next((a.menu() for a in menus if a.menu() and a.menu().objectName() == "menuFile"), None)
        if file_menu is not None:
            first = file_menu.actions()[0] if file_menu.actions() else None
            file_menu.insertAction(first, self.file_import_action)
        view_menu = next((a.menu() for a in menus if a.menu() and a.menu().objectName() == "menuView"), None)
        if view_menu is not None:
            view_menu.addAction(toggle)
        self.undo_button = QPushButton(_("Undo"))
        self.undo_button.setFlat(True)
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo)
        window.statusBar().addPermanentWidget(self.undo_button)
        self._undo = None  # (description, callable)
        self._job = None
        self._refresh_catalogue()

    def _refresh_catalogue(self) -> None:
        # The app's window (lazy_views) reads the products when the dock is first shown;
        # a window built eagerly (tests) reads them at once.
        if getattr(self.window, "_lazy_views", False):
            self.catalogue.refresh_when_shown()
        else:
            self.catalogue.refresh()

    # Views a product can be dropped on; elsewhere (Vandaag, Tijdlijn) the panel makes room.
    DROP_VIEWS = ("influencers", "orders")

    def follow_view(self, key: str) -> None:
        """Show the catalogue on the views that take drops (if the owner keeps it open)."""
        wanted = key in self.DROP_VIEWS and bool(settings.get("catalogue_visible"))
        if self.catalogue.isHidden() == wanted:  # isHidden: explicit state, also before the window shows
            self._following = True
            try:
                self.catalogue.setVisible(wanted)
            finally:
                self._following = False
        self.catalogue.toggleViewAction().setEnabled(key in self.DROP_VIEWS)

    def _remember_visibility(self, visible: bool) -> None:
        # Minimising or closing the window also hides docks, and so does switching to a
        # view without drops; only remember what the owner chose.
        from shiboken6 import isValid

        if getattr(self, "_following", False):
            return
        if not isValid(self.window) or db.obj is None or db.is_closed():
            return
        if self.window.isVisible() and not self.window.isMinimized() and settings.get("catalogue_visible") != visible:
            settings.set("catalogue_visible", visible)

    # --- refresh -----------------------------------------------------------------------
    def refresh(self) -> None:
        from desktop import reminders

        reminders.notify_changed()  # a parcel sent or undone moves its "received?" check-in
        self.window.refresh_all()
        self._refresh_catalogue()

    def _remember(self, description: str, undo) -> None:
        self._undo = (description, undo)
        self.undo_action.setEnabled(True)
        self.undo_action.setText(_("&Undo: {what}").format(what=description))
        self.undo_button.setText(_("Undo: {what}").format(what=description))
        self.undo_button.show()
        self.window.statusBar().showMessage(description, 10000)

    def remember(self, description: str, undo) -> None:
        """Make ``undo`` the window's Edit → Undo (other drops: evidence onto content)."""
        self._remember(description, undo)

    def undo(self) -> bool:
        if self._undo is None:
            return False
        description, undo = self._undo
        undo()
        self._undo = None
        self.undo_action.setEnabled(False)
        self.undo_action.setText(_("&Undo the last drop"))
        self.undo_button.hide()
        self.refresh()
        self.window.statusBar().showMessage(_("Undone: {what}").format(what=description), 8000)
        self.dropped.emit()
        return True

    # --- products onto people -------------------------------------------------------------
    @staticmethod
    def refusal(person_id: int) -> str | None:
        person = Person.get_or_none(Person.id == person_id)
        if person is None:
            return _("This person no longer exists.")
        if person.status in REFUSED_STATUSES:
            reason = person.status_reason or label("person_status", person.status)
            return _("{name} gets no products: {reason}").format(name=person.name, reason=reason)
        return None

    def send_products(self, person_id: int, product_ids: list[int]):
        refused = self.refusal(person_id)
        if refused:
            dialogs.warn(self.window, _("Not sent"), refused)
            return None
        new = dialogs.ask_shipment(self.window, person_id, product_ids)
        if new is None:
            return None
        created = shipping.create_shipment(new, utcnow())
        person = Person.get_by_id(person_id)
        self._remember(_("shipment to {name}").format(name=person.name), lambda: shipping.undo_shipment(created))
        self.refresh()
        self.dropped.emit()
        return created

    def send_selected(self) -> None:
        ids = self.catalogue.selected_ids()
        if not ids:
            self.catalogue.show()
            self.catalogue.table.setFocus()
            self.window.statusBar().showMessage(_("First select one or more products in the catalogue."), 8000)
            return
        people = Person.select().where(Person.is_influencer == True).order_by(Person.name)  # noqa: E712
        entries = [(p.id, p.name, self.refusal(p.id) and label("person_status", p.status)) for p in people]
        person_id = dialogs.choose(self.window, _("Send to…"), _("Who gets {products}?").format(
            products=_product_list(ids)), entries)
        if person_id is not None:
            self.send_products(person_id, ids)

    # --- a product onto a custom order ------------------------------------------------------
    def order_product(self, order_id: int, product_ids: list[int]):
        change = shipping.set_order_product(order_id, product_ids[0], utcnow())
        order = CustomOrder.get_by_id(order_id)
        self._remember(_("product of order {number}").format(number=order.order_number),
                       lambda: shipping.undo_order_product(change))
        self.refresh()
        self.dropped.emit()
        return change

    def order_selected(self) -> None:
        ids = self.catalogue.selected_ids()
        if len(ids) != 1:
            self.window.statusBar().showMessage(_("Select one product for the custom order."), 8000)
            return
        orders = (CustomOrder.select(CustomOrder, Person).join(Person)
                  .where(CustomOrder.status.in_(["new", "in_production", "ready"])).order_by(CustomOrder.promised_ready))
        entries = [(o.id, _("{number} for {name}").format(number=o.order_number, name=o.person.name), None) for o in orders]
        order_id = dialogs.choose(self.window, _("For custom order…"), _("Which order is {product} for?").format(
            product=_product_list(ids)), entries)
        if order_id is not None:
            self.order_product(order_id, ids)

    # --- products by hand and pictures -------------------------------------------------------
    def add_product(self, picture: Path | None = None):
        data = dialogs.ask_product(self.window, picture)
        if data is None:
            return None
        if Product.select().where(Product.key == catalogue.manual_key(data.sku, data.name, data.variant)).exists():
            dialogs.warn(self.window, _("Not added"), _(
                "A product with this SKU (or this name and variant) already exists."))
            return None  # checked before the picture is copied, so a refusal leaves no file behind
        image_path = catalogue.save_picture(data.picture, data.picture_format) if data.picture else ""
        product = catalogue.add_product(name=data.name, sku=data.sku, variant=data.variant, price_cents=data.price_cents,
                                        cost_cents=data.cost_cents, category=data.category, image_path=image_path,
                                        now=utcnow())
        self.refresh()
        return product

    def set_picture(self, product_id: int, path: Path) -> bool:
        from desktop.views.shipping_dialogs import image_format

        fmt = image_format(path)
        if not fmt:
            dialogs.warn(self.window, _("No picture"), _("“{file}” is not a picture this app can read.").format(file=path.name))
            return False
        catalogue.set_picture(product_id, path, fmt, utcnow())  # the picture it replaces is deleted
        self._refresh_catalogue()
        self.window.statusBar().showMessage(_("Picture saved with the product."), 8000)
        return True

    # --- import --------------------------------------------------------------------------
    def ask_import(self) -> None:
        path = dialogs.ask_open_path(self.window, _("Import from the shop"),
                                     _("Shop export (*.csv *.txt);;All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        if self._job is not None:
            return
        progress = QProgressDialog(_("Reading {file}…").format(file=path.name), _("Cancel"), 0, 100, self.window)
        progress.setWindowTitle(_("Import from the shop"))
        progress.setWindowModality(Qt.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        thread = QThread(self)
        worker = _ParseWorker(path)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        # Bound slots of this (GUI-thread) object: Qt queues the calls into the GUI thread.
        worker.progressed.connect(self._parse_progress)
        worker.parsed.connect(self._parsed)
        worker.failed.connect(self._parse_failed)
        progress.canceled.connect(self._cancel_parse)
        for signal in (worker.parsed, worker.failed):
            signal.connect(thread.quit)
        thread.finished.connect(worker.deleteLater)
        thread.finished.connect(thread.deleteLater)
        self._job = {"thread": thread, "worker": worker, "progress": progress, "path": path}
        thread.start()

    @Slot()
    def _cancel_parse(self) -> None:
        if self._job is not None:
            self._job["worker"].cancelled = True

    @Slot(int, int)
    def _parse_progress(self, done: int, total: int) -> None:
        if self._job is not None:
            self._job["progress"].setValue(int(50 * done / max(total, 1)))

    @Slot(object)
    def _parsed(self, parsed) -> None:
        if self._job is None:
            return
        if isinstance(parsed, ParsedOrders):
            self._preview_orders(parsed, self._job["path"], self._job["progress"])
        else:
            self._write(parsed, self._job["path"], self._job["progress"])

    def _preview_orders(self, parsed: ParsedOrders, path: Path, progress: QProgressDialog) -> None:
        """Show what the orders import will do; write it (one transaction) on Import."""
        from desktop.store import shop_orders
        from desktop.views import order_import

        progress.canceled.disconnect(self._cancel_parse)
        progress.hide()
        plan = shop_orders.plan_import(parsed)
        preview = order_import.OrderPreviewDialog(plan, path.name, self.window)
        accepted = order_import.run_dialog(preview) == QDialog.Accepted
        marks = preview.made_to_order()
        preview.deleteLater()
        if not accepted:
            self._failed("", path, progress)
            return
        progress.setLabelText(_("Saving {count} orders…").format(count=len(parsed.orders)))
        progress.setValue(50)
        progress.show()

        def step(done: int, total: int) -> bool:
            progress.setValue(50 + int(50 * done / max(total, 1)))
            QCoreApplication.processEvents()
            return not progress.wasCanceled()

        summary = self._written(lambda: shop_orders.apply_plan(plan, utcnow(), made_to_order=marks, progress=step),
                                path, progress)
        if summary is None:
            return
        progress.close()
        self._job = None
        self.refresh()
        self.import_finished.emit(summary)
        dialogs.inform(self.window, _("Orders imported"), "\n".join(shop_orders.summary_lines(summary, limit=10)))

    @Slot(str)
    def _parse_failed(self, message: str) -> None:
        if self._job is not None:
            self._failed(message, self._job["path"], self._job["progress"])

    def _write(self, parsed: ParsedExport, path: Path, progress: QProgressDialog) -> None:
        progress.setLabelText(_("Saving {count} products…").format(count=len(parsed.products)))

        def step(done: int, total: int) -> bool:
            progress.setValue(50 + int(50 * done / max(total, 1)))
            QCoreApplication.processEvents()
            return not progress.wasCanceled()

        progress.canceled.disconnect(self._cancel_parse)
        summary = self._written(lambda: apply_import(parsed, utcnow(), progress=step), path, progress)
        if summary is None:
            return
        progress.close()
        self._job = None
        self.refresh()
        self.import_finished.emit(summary)
        dialogs.inform(self.window, _("Products imported"), "\n".join(summary_lines(summary, limit=15)))

    def _written(self, write, path: Path, progress: QProgressDialog):
        """Run an import's ``write`` (one transaction); its summary, or None when it was
        cancelled or failed: rolled back, and the owner told why (disk full, locked...)."""
        try:
            return write()
        except ImportCancelled:
            self._failed("", path, progress)
        except Exception as exc:  # rolled back; say so, import again later
            if storage_errors.is_damage(exc):  # a damaged database: the app recovers (app.py)
                progress.close()
                self._job = None
                raise
            log.exception("import of %s failed", path)
            kind = storage_errors.kind_of(exc)
            message = storage_errors.message(kind, paths.configured_data_dir()) if kind else str(exc)
            self._failed(message or exc.__class__.__name__, path, progress)
        return None

    def _failed(self, message: str, path: Path, progress: QProgressDialog) -> None:
        progress.close()
        self._job = None
        if not message:
            self.import_finished.emit(_("Import cancelled. Nothing was changed."))
            self.window.statusBar().showMessage(_("Import cancelled. Nothing was changed."), 8000)
            return
        text = _("“{file}” was not imported. {error} Nothing was changed.").format(file=path.name, error=message)
        self.import_finished.emit(text)
        dialogs.warn(self.window, _("Not imported"), text)


def _product_list(ids: list[int]) -> str:
    products = list(Product.select().where(Product.id.in_(ids)))
    return ", ".join(shipping.product_title(p) for p in products)


def _picture_files(mime) -> list[Path]:
    return [p for p in local_files(mime) if p.suffix.lower() in (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp")]


def _row_area(table, pos):
    from desktop.views.dropping import _row_rect

    return _row_rect(table, table.indexAt(pos).row())


def install(window) -> ShippingController:
    return ShippingController(window)
