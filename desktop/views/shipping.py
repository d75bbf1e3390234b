"""The shipping flow in the main window: catalogue dock, drops, import, undo.

``install(window, edit_menu)`` is the one line main_window.py needs. It docks the
catalogue, makes the influencer list (rows and detail pane) and the Maatwerk list drop
targets, lets the window take shop CSV files, and adds its entries to the Edit menu and
View → Products. Every drop is recorded (``store.journal``) and handed to the window's
Edit → Undo as a command through the ``undoable`` signal (views/undo.py).

Several exports dropped at once are imported one after the other, each in its own
transaction: a file that is refused (with its reason) does not stop the others, because
each export stands on its own (a products list and an orders list, or two shops) and
half of a file is never written. ONE summary at the end names every file and what
happened to it; the files imported are ONE step of Edit → Undo.

Import threading: the file is PARSED in a worker thread (QThread; pure Python, no
database) while a progress dialog runs; the rows are then WRITTEN on the GUI thread, the
single writer, in one transaction and in chunks, with the progress dialog updated (and
events processed) between chunks. The dialog is window-modal, so nothing else can write
while the transaction is open; "Cancel" rolls the whole import back.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QProgressDialog

from desktop import paths
from desktop.clock import utcnow
from desktop.domain.importers import ImportFailed, ParsedExport
from desktop.domain.order_importers import ParsedOrders, parse_any
from desktop.i18n import _, format_number, ngettext
from desktop.labels import label
from desktop.presentation import errors, event_texts, import_texts, order_texts
from desktop.store import catalogue, incoming, journal, lookups, orders, pictures, settings, shipping, storage_errors
from desktop.store.catalogue import ImportCancelled, apply_import
from desktop.views import dialogs, picture_check, theme
from desktop.views.catalogue import CatalogueDock
from desktop.views.dropping import (
    EXPORT_SUFFIXES,
    DropTarget,
    FileDrop,
    install_order_target,
    install_person_target,
    local_files,
)
from desktop.views.product_search import product_text
from desktop.views.shipping_dialogs import PICTURE_SUFFIXES, picture_drop_problem as _picture_drop_problem
from desktop.views.undo import CannotRedo, Recorded

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
            data = incoming.read_whole(self.path)  # not a pipe or a device: it hung here
            # A products export or an orders export, told apart by its header.
            self.parsed.emit(parse_any(data, progress=self._progress))
        except _Cancelled:
            self.failed.emit("")
        except ImportFailed as exc:
            self.failed.emit(str(exc))
        except OSError as exc:
            from desktop.presentation import errors

            self.failed.emit(_("The file cannot be read: {error}.").format(error=errors.unreadable(exc)))
        except Exception as exc:  # never leave the window waiting for a worker that died
            log.exception("parsing %s failed", self.path)
            self.failed.emit(str(exc) or exc.__class__.__name__)


class ShippingController(QObject):
    import_finished = Signal(object)  # per file: an ImportSummary, or a message (str) when nothing changed
    batch_finished = Signal(list)  # after the last file of a drop: [(file name, imported?, what happened)]
    dropped = Signal()  # a drop changed the data
    undoable = Signal(object)  # a done drop or import for Edit → Undo (views/undo.py); the window pushes it

    def __init__(self, window, edit_menu):
        super().__init__(window)
        self.window = window
        self.catalogue = CatalogueDock(window)
        window.addDockWidget(Qt.RightDockWidgetArea, self.catalogue)
        window.resizeDocks([self.catalogue], [theme.CATALOGUE_WIDTH], Qt.Horizontal)
        self.catalogue.import_button.clicked.connect(self.ask_import)
        self.catalogue.add_button.clicked.connect(lambda: self.add_product())
        self.catalogue.send_button.clicked.connect(self.send_selected)
        self.catalogue.order_button.clicked.connect(self.order_selected)
        # Pictures onto a product: every file of the drop is accounted for (a product has
        # ONE picture, so several are refused with a message; a mix with other files too).
        self.picture_target = DropTarget(
            self.catalogue.table.viewport(), _picture_drop,
            lambda pos: self.catalogue.row_of(self.catalogue.table.indexAt(pos)),
            self.drop_picture,
            area=lambda _t, pos: _row_area(self.catalogue.table, pos),
            refuse_items=_picture_drop_problem, on_refused=self._refused_drop)
        self.catalogue.table.viewport().setAcceptDrops(True)

        # The influencer and order lists take drops from the moment they are built (the
        # window builds a view when it is first shown and tells this controller).
        self._targets: dict[str, list] = {}
        for view in window.built_views():
            self.view_built(view)
        self.file_drop = FileDrop(window, self.import_files)

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
        self.edit_menu = edit_menu
        self.edit_menu.addAction(self.send_action)
        self.edit_menu.addAction(self.import_action)
        menus = menubar.actions()
        file_menu = next((a.menu() for a in menus if a.menu() and a.menu().objectName() == "menuFile"), None)
        if file_menu is not None:
            first = file_menu.actions()[0] if file_menu.actions() else None
            file_menu.insertAction(first, self.file_import_action)
        view_menu = next((a.menu() for a in menus if a.menu() and a.menu().objectName() == "menuView"), None)
        if view_menu is not None:
            view_menu.addAction(toggle)
        self._job = None
        self._batch = None  # the files of one drop, imported one after the other
        self.refresh_catalogue()

    def view_built(self, view) -> None:
        """Products can be dropped on the influencer list and the custom orders."""
        if view.key == "influencers":
            self._targets["influencers"] = install_person_target(view, self.send_products, self.refusal)
        elif view.key == "orders":
            self._targets["orders"] = install_order_target(view, self.order_product, self.order_refusal,
                                                           self._order_not_changed)

    @property
    def person_targets(self) -> list:
        self.window.view("influencers")  # built now if it was not yet, with its targets
        return self._targets["influencers"]

    @property
    def order_targets(self) -> list:
        self.window.view("orders")
        return self._targets["orders"]

    def refresh_catalogue(self) -> None:
        # The app's window (lazy_views) reads the products when the dock is first shown;
        # a window built eagerly (tests) reads them at once.
        if getattr(self.window, "_lazy_views", False):
            self.catalogue.refresh_when_shown()
        else:
            self.catalogue.refresh()

    # Views a product can be dropped on; elsewhere (Vandaag, Tijdlijn) the panel makes room.
    # (main_window.DROP_VIEWS says the same without importing this module.)
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
        if not isValid(self.window) or not lookups.database_open():
            return
        if self.window.isVisible() and not self.window.isMinimized() and settings.get("catalogue_visible") != visible:
            settings.set("catalogue_visible", visible)

    # --- refresh -----------------------------------------------------------------------
    def refresh(self) -> None:
        from desktop import reminders

        reminders.notify_changed()  # a parcel sent or undone moves its "received?" check-in
        self.window.refresh_all()
        self.refresh_catalogue()

    def _done(self, description: str, change: journal.Change, **hooks) -> None:
        """A drop done and recorded: refresh, and hand it to Edit → Undo."""
        self.refresh()
        self.dropped.emit()
        if not change.empty:
            self.undoable.emit(Recorded(description, change, self.window, **hooks))

    def _refused_drop(self, reason: str) -> None:
        dialogs.warn(self.window, _("Nothing added"), reason)

    # --- products onto people -------------------------------------------------------------
    @staticmethod
    def refusal(person_id: int) -> str | None:
        return _refusal_of(lookups.person(person_id))

    def send_products(self, person_id: int, product_ids: list[int], collaboration_id: int | None = None):
        """The parcel dialog for ``product_ids`` to her (a drop, Send to…, a "send the gift"
        task, which names its collaboration), and the parcel it makes."""
        refused = self.refusal(person_id)
        if refused:
            dialogs.warn(self.window, _("Not sent"), refused)
            return None
        new = dialogs.ask_shipment(self.window, person_id, product_ids, collaboration_id=collaboration_id)
        if new is None:
            return None
        now = utcnow()
        with journal.recording() as change:
            created = shipping.create_shipment(new, now)
        person = lookups.person(person_id)
        self._done(_("shipment to {name}").format(name=person.name), change)
        moved = event_texts.moved_deadlines_at(now)  # the agreement changed: said at once, not only on the timeline
        if moved:
            self.window.statusBar().showMessage(moved, 20000)
        if created.new_collaboration_id is not None:  # nothing of hers written down yet: offered at once
            from desktop.views import agreement_task

            agreement_task.offer(self.window, person.name, created.new_collaboration_id)
        return created

    def _chosen_in(self, key: str) -> int | None:
        """The row chosen in the view on screen when it is ``key``: the list of whom to
        send to starts there, so the keyboard's way (her row, the products, Ctrl+Shift+S,
        Enter) ends where a drop onto her row would."""
        view = self.window.current_view() if self.window.is_complete else None
        return view.current_id if view is not None and view.key == key else None

    def send_selected(self) -> None:
        ids = self.catalogue.selected_ids()
        if not ids:
            self.catalogue.show()
            self.catalogue.table.setFocus()
            self.window.statusBar().showMessage(_("First select one or more products in the catalogue."), 8000)
            return
        entries = [(p.id, p.name, _refusal_of(p) and label("person_status", p.status)) for p in lookups.influencers()]
        person_id = dialogs.choose(self.window, _("Send to…"), _("Who gets {products}?").format(
            products=_product_list(ids)), entries, current=self._chosen_in("influencers"))
        if person_id is not None:
            self.send_products(person_id, ids)

    # --- a product onto a custom order ------------------------------------------------------
    @staticmethod
    def order_refusal(order_id: int) -> str | None:
        """Why the order no longer takes a product, or None: once sent, delivered or
        cancelled, its product is what went out (the parcel in Zendingen holds it). A drop
        on a sent order changed the order's product while its parcel kept the old one
        (review of Maatwerk, 2026-12-07)."""
        return _order_refusal_of(orders.find(order_id))

    def _order_not_changed(self, reason: str) -> None:
        dialogs.warn(self.window, _("Not changed"), reason)

    def order_product(self, order_id: int, product_ids: list[int]):
        refused = self.order_refusal(order_id)
        if refused:
            self._order_not_changed(refused)
            return None
        if len(product_ids) != 1:
            dialogs.warn(self.window, _("Not changed"), _(
                "A custom order has only one product: drag a single product onto it. Nothing was changed."))
            return None
        with journal.recording() as recorded:
            change = shipping.set_order_product(order_id, product_ids[0], utcnow())
        order = orders.find(order_id)
        if order.order_number:
            what = _("product of order {number}").format(number=order.order_number)
        else:
            # TRANSLATORS: Edit → Undo "…": the product given to a custom order that has no shop number.
            what = _("product of the order for {name}").format(name=order.person.name)
        self._done(what, recorded)
        return change

    def order_selected(self) -> None:
        ids = self.catalogue.selected_ids()
        if len(ids) != 1:
            self.window.statusBar().showMessage(_("Select one product for the custom order."), 8000)
            return
        entries = [(o.id, order_texts.choice(o.order_number, o.person.name, o.promised_ready,
                                             shipping.product_title(o.product) if o.product else ""), None)
                   for o in orders.waiting_for_product()]
        order_id = dialogs.choose(self.window, _("For custom order…"), _("Which order is {product} for?").format(
            product=_product_list(ids)), entries, current=self._chosen_in("orders"))
        if order_id is not None:
            self.order_product(order_id, ids)

    # --- products by hand and pictures -------------------------------------------------------
    def add_product(self, picture: Path | None = None):
        data = dialogs.ask_product(self.window, picture)
        if data is None:
            return None
        there = catalogue.same_product(data.sku, data.name, data.variant)
        if there is not None:  # two of them could never be told apart in the catalogue: refused, not asked
            if data.sku.strip():
                text = _("The catalogue already has a product with SKU {sku}: “{product}” (SKU {their_sku}). Nothing "
                         "was added.").format(sku=data.sku.strip(), product=product_text(there), their_sku=there.sku)
            else:
                text = _("“{product}” is already in the catalogue. Nothing was added: give the new product another "
                         "name or variant, or a SKU of its own.").format(product=product_text(there))
            dialogs.warn(self.window, _("Not added"), text)
            return None  # checked before the picture is copied, so a refusal leaves no file behind
        try:  # read again, as it is now: nothing is added when it no longer reads whole
            image_path = (catalogue.save_picture(data.picture, data.picture_format, picture_check.decodes)
                          if data.picture else "")
        except (pictures.NotAPicture, OSError) as exc:
            dialogs.warn(self.window, _("Not added"), self._picture_not_saved(exc))
            return None
        product = catalogue.add_product(name=data.name, sku=data.sku, variant=data.variant, price_cents=data.price_cents,
                                        cost_cents=data.cost_cents, category=data.category, image_path=image_path,
                                        now=utcnow())
        self.refresh()
        return product

    def drop_picture(self, product_id: int, files: list[Path]) -> bool:
        """Files dropped on a product: one picture, or a message saying why not (nothing changed)."""
        problem = _picture_drop_problem(files)
        if problem:
            self._refused_drop(problem)
            return False
        return self.set_picture(product_id, files[0])

    def set_picture(self, product_id: int, path: Path) -> bool:
        from desktop.views.shipping_dialogs import image_format

        fmt, refused = image_format(path)
        if refused is not None:
            dialogs.warn(self.window, _("No picture"), self._picture_not_saved(refused))
            return False
        try:
            with journal.recording() as change:  # the one it replaces is kept a while
                new = catalogue.set_picture(product_id, path, fmt, utcnow(), picture_check.decodes)
        except (pictures.NotAPicture, OSError) as exc:  # changed since it was read, or a full disk
            dialogs.warn(self.window, _("No picture"), self._picture_not_saved(exc))
            return False
        product = lookups.product(product_id)

        def keep_aside() -> None:  # undone: the new copy is swept like any replaced picture
            catalogue.list_replaced_picture(new, utcnow())

        def still_there() -> None:
            if catalogue.picture_file_at(new) is None:
                raise CannotRedo(_("The copy of the picture is no longer in the data folder."))

        # TRANSLATORS: what Edit → Undo takes back: "Undo picture of Zilveren ketting".
        self._done(_("picture of {product}").format(product=shipping.product_title(product)), change,
                   after_undo=keep_aside, before_redo=still_there)
        self.window.statusBar().showMessage(_("Picture saved with the product."), 8000)
        return True

    @staticmethod
    def _picture_not_saved(exc: Exception) -> str:
        """Why a product's picture was not kept, and that nothing changed."""
        if isinstance(exc, pictures.NotAPicture):
            return errors.text(exc) + " " + _("Nothing was changed.")
        return _("The picture could not be copied into your Afspraak data: {error}. Nothing was changed.").format(
            error=errors.unwritable(exc))

    # --- import --------------------------------------------------------------------------
    def ask_import(self) -> None:
        files = dialogs.ask_open_paths(self.window, _("Import from the shop"),
                                       _("Shop export (*.csv *.txt *.tsv);;All files (*)"))
        if files:
            self.import_files([Path(f) for f in files])

    def import_file(self, path: Path) -> None:
        self.import_files([path])

    def import_files(self, files: list[Path]) -> None:
        """Import the exports among ``files`` one after the other (each whole or not at all),
        then ONE summary naming every file; the files imported are one step of Edit → Undo."""
        if self._batch is not None:
            self.window.statusBar().showMessage(
                _("An import is still running. Drop the files again when it has finished; nothing was read."), 10000)
            return
        exports = csv_files_of(files)
        others = [f for f in files if f not in exports]
        exports, twins = without_twins(exports)
        # A line of the summary of several files; alone, a file is named in a whole sentence.
        from desktop.presentation.import_texts import not_an_export

        results = [(f.name, False, not_an_export(f.name, f.is_dir(), f.suffix, alone=False)) for f in others]
        # TRANSLATORS: a line of the summary of an import of several files; {file} is another file dropped with it.
        results += [(twin.name, False, _("the same as “{file}”, so it was not read again.").format(file=first.name))
                    for twin, first in twins]
        alone = {f.name: not_an_export(f.name, f.is_dir(), f.suffix, alone=True) for f in others}
        self._batch = {"queue": list(exports), "results": results, "change": journal.Change(),
                       "imported": [], "kinds": set(), "alone": alone}
        self._next_file()

    def _next_file(self) -> None:
        batch = self._batch
        if batch is None:
            return
        if batch["queue"]:
            self._start(batch["queue"].pop(0))
        else:
            self._finish_batch()

    def _file_done(self, path: Path, imported: bool, what: str, finished, cancelled: bool = False,
                   alone: str = "") -> None:
        """One file's outcome (``what``: its summary, or why it was not imported; ``alone``:
        the whole sentence when it is the only file); the next file, or the summary after the last."""
        batch = self._batch
        batch["results"].append((path.name, imported, what))
        if alone:
            batch["alone"][path.name] = alone
        if cancelled:  # the owner stopped: the files not read yet are named, not read
            batch["results"].extend((f.name, False, _("not read: the import was cancelled."))
                                    for f in batch["queue"])
            batch["queue"].clear()
        last = not batch["queue"]
        if last:
            self._finish_batch()
        self.import_finished.emit(finished)
        if not last:
            QTimer.singleShot(0, self, self._next_file)

    def _finish_batch(self) -> None:
        batch, self._batch = self._batch, None
        results = batch["results"]
        if batch["imported"]:
            self.refresh()
        if not batch["change"].empty:
            names = batch["imported"]
            # TRANSLATORS: what Edit → Undo takes back: "Undo import of “producten.csv”".
            what = (_("import of “{file}”").format(file=names[0]) if len(names) == 1 else
                    ngettext("import of {n} file", "import of {n} files", len(names)).format(n=format_number(len(names))))
            self.undoable.emit(Recorded(what, batch["change"], self.window))
        self.batch_finished.emit(results)
        if len(results) == 1:
            name, imported, what = results[0]
            if imported:
                title = _("Orders imported") if "orders" in batch["kinds"] else _("Products imported")
                dialogs.inform(self.window, title, what)
            elif batch.get("cancelled_only"):
                self.window.statusBar().showMessage(batch["alone"].get(name, what), 8000)
            else:
                dialogs.warn(self.window, _("Not imported"), batch["alone"].get(name, what))
            return
        show = dialogs.inform if all(imported for _n, imported, _w in results) else dialogs.warn
        show(self.window, _("Import from the shop"), import_texts.files_summary(results))

    def _start(self, path: Path) -> None:
        progress = QProgressDialog(self.window)
        label = QLabel(progress)
        label.setTextFormat(Qt.PlainText)  # the file's name as it is (QProgressDialog's own label reads HTML)
        progress.setLabel(label)
        progress.setLabelText(_("Reading {file}…").format(file=path.name))
        progress.setCancelButtonText(_("Cancel"))
        progress.setRange(0, 100)
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
        if plan.other_shop:  # another shop's orders under the same numbers: never mixed with hers
            self._failed(import_texts.other_shop_text(plan), path, progress)
            return
        if plan.dated_ahead:  # a wrong date in the file: no promise is made from it
            self._failed(import_texts.dated_ahead_text(plan), path, progress)
            return
        preview = order_import.OrderPreviewDialog(plan, path.name, self.window)
        accepted = order_import.run_dialog(preview) == QDialog.Accepted
        marks = preview.made_to_order()
        still_making = preview.still_making()
        preview.deleteLater()
        if not accepted:
            self._failed("", path, progress)
            return
        progress.setLabelText(ngettext("Saving {count} order…", "Saving {count} orders…", len(parsed.orders)).format(
            count=format_number(len(parsed.orders))))
        progress.setValue(50)
        progress.show()

        def step(done: int, total: int) -> bool:
            progress.setValue(50 + int(50 * done / max(total, 1)))
            QCoreApplication.processEvents()
            return not progress.wasCanceled()

        summary = self._written(lambda: shop_orders.apply_plan(plan, utcnow(), made_to_order=marks, progress=step,
                                                               file_name=path.name, still_making=still_making), path, progress)
        if summary is None:
            return
        progress.close()
        self._job = None
        self._batch["kinds"].add("orders")
        lines = import_texts.order_summary_lines(summary, limit=10, lacking=parsed.lacking)
        self._file_done(path, True, "\n".join(lines), summary)

    @Slot(str)
    def _parse_failed(self, message: str) -> None:
        if self._job is not None:
            self._failed(message, self._job["path"], self._job["progress"])

    def _write(self, parsed: ParsedExport, path: Path, progress: QProgressDialog) -> None:
        progress.setLabelText(ngettext("Saving {count} product…", "Saving {count} products…", len(parsed.products)).format(
            count=format_number(len(parsed.products))))

        def step(done: int, total: int) -> bool:
            progress.setValue(50 + int(50 * done / max(total, 1)))
            QCoreApplication.processEvents()
            return not progress.wasCanceled()

        progress.canceled.disconnect(self._cancel_parse)
        summary = self._written(lambda: apply_import(parsed, utcnow(), progress=step, file_name=path.name), path,
                                progress)
        if summary is None:
            return
        progress.close()
        self._job = None
        self._batch["kinds"].add("products")
        self._file_done(path, True, "\n".join(import_texts.summary_lines(summary, limit=15)), summary)

    def _written(self, write, path: Path, progress: QProgressDialog):
        """Run an import's ``write`` (one transaction), recorded for Edit → Undo; its summary,
        or None when it was cancelled or failed: rolled back, and the owner told why."""
        from desktop.store.shop_orders import OrdersDatedAhead, OrdersOfAnotherShop

        try:
            with journal.recording() as change:
                summary = write()
        except ImportCancelled:
            self._failed("", path, progress)
        except (OrdersOfAnotherShop, OrdersDatedAhead) as refused:  # found when planned again (written meanwhile)
            plan = refused.plan
            self._failed(import_texts.other_shop_text(plan) if plan.other_shop else import_texts.dated_ahead_text(plan),
                         path, progress)
        except Exception as exc:  # rolled back; say so, import again later
            if storage_errors.is_damage(exc):  # a damaged database: the app recovers (app.py)
                progress.close()
                self._job = None
                self._batch = None
                raise
            log.exception("import of %s failed", path)
            kind = storage_errors.kind_of(exc)
            message = errors.storage(kind, paths.configured_data_dir()) if kind else errors.text(exc)
            self._failed(message or exc.__class__.__name__, path, progress)
        else:
            self._batch["change"].extend(change)
            self._batch["imported"].append(path.name)
            return summary
        return None

    def _failed(self, message: str, path: Path, progress: QProgressDialog) -> None:
        progress.close()
        self._job = None
        if not message:
            text = _("Import cancelled. Nothing was changed.")
            if not self._batch["results"] and len(self._batch["queue"]) == 0:
                self._batch["cancelled_only"] = True
            # TRANSLATORS: why a file was not imported, in the summary of several files.
            self._file_done(path, False, _("you cancelled the import."), text, cancelled=True, alone=text)
            return
        text = _("“{file}” was not imported. {error} Nothing was changed.").format(file=path.name, error=message)
        # Among several files only why: the summary names the file, and says once that
        # nothing changed (review of the imports: each file was named three times).
        self._file_done(path, False, message, text, alone=text)


def _refusal_of(person) -> str | None:
    """Why ``person`` (a Person, or None when she is gone) gets no products, or None."""
    if person is None:
        return _("This person no longer exists.")
    if person.status in REFUSED_STATUSES:
        reason = person.status_reason or label("person_status", person.status)
        return _("{name} gets no products: {reason}").format(name=person.name, reason=reason)
    return None


def _order_refusal_of(order) -> str | None:
    """Why a custom order (or None: gone) takes no product from the catalogue, or None."""
    if order is None:
        return _("This order no longer exists.")
    name = order_texts.subject(order.order_number, order.person.name)
    if order.status == "shipped":
        # TRANSLATORS: a product dropped on a custom order already sent; {order} is "Order #1029 for Sofie Maes".
        return _("{order} has already been sent: its product went out in the parcel and stays as it was. Nothing "
                 "was changed.").format(order=name)
    if order.status == "delivered":
        return _("{order} has already been delivered: its product stays as it was. Nothing was changed.").format(
            order=name)
    if order.status == "cancelled":
        return _("{order} is cancelled. To change its product, reopen it first (More → Reopen the order). "
                 "Nothing was changed.").format(order=name)
    return None


def _product_list(ids: list[int]) -> str:
    return ", ".join(shipping.product_title(p) for p in lookups.products(ids))


def _picture_drop(mime) -> list[Path]:
    """The files of a drag that holds a picture (all of them: none is left out unsaid);
    a drag without pictures (a shop export) is not for a product: the window imports it."""
    files = local_files(mime)
    return files if any(p.suffix.lower() in PICTURE_SUFFIXES for p in files) else []


def csv_files_of(files: list[Path]) -> list[Path]:
    return [p for p in files if p.suffix.lower() in EXPORT_SUFFIXES]


def without_twins(files: list[Path]) -> tuple[list[Path], list[tuple[Path, Path]]]:
    """``files`` each once: a path dropped twice, or a copy with the same bytes ("orders (1).csv"
    beside "orders.csv" in Downloads), is read once (audit 11, F7: it counted as two imports).
    Returns the files to read and (twin, the file it is the same as)."""
    import hashlib

    kept: list[Path] = []
    twins: list[tuple[Path, Path]] = []
    by_path: dict[str, Path] = {}
    by_size: dict[int, list[Path]] = {}
    digests: dict[Path, str | None] = {}

    def digest(path: Path) -> str | None:  # read only for files of the same size
        if path not in digests:
            try:
                digests[path] = hashlib.sha256(incoming.read_whole(path)).hexdigest()
            except OSError:  # gone or unreadable: its import says so
                digests[path] = None
        return digests[path]

    for path in files:
        resolved = str(path.resolve())
        first = by_path.get(resolved)
        try:
            size = path.stat().st_size
        except OSError:
            size = None
        if first is None and size is not None:
            first = next((other for other in by_size.get(size, [])
                          if digest(other) is not None and digest(other) == digest(path)), None)
        if first is not None:
            twins.append((path, first))
            continue
        by_path[resolved] = path
        if size is not None:
            by_size.setdefault(size, []).append(path)
        kept.append(path)
    return kept, twins


def _row_area(table, pos):
    from desktop.views.dropping import _row_rect

    return _row_rect(table, table.indexAt(pos).row())


def install(window, edit_menu) -> ShippingController:
    return ShippingController(window, edit_menu)
