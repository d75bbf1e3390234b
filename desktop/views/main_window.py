"""The main window: a sidebar with the five views, menus, and window state.

It is built in two steps so the window can appear before the data is open. The shell
(``MainWindow(deferred=True)``, what the app shows first) has the menus, the sidebar and
an "opening your data" page, and imports nothing of the store or the views; ``complete()``
adds the views, the catalogue dock and the menu actions that need the database. Without
``deferred`` the window is complete at once (dialogs, tests, a language switch).

With ``lazy_views`` (the app) ``complete()`` builds only the view on screen; every other
view is built the first time it is shown or asked for (``view(key)``, ``views``), and the
catalogue dock with its menu entries after the first paint, or at once when the view on
screen takes drops (docs/PERFORMANCE.md, fix 27).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QMainWindow, QMenu, QStackedWidget, QWidget

from desktop import __version__, i18n, paths
from desktop.i18n import _, ngettext
from desktop.views.forms import load_form
from desktop.views.rows import plain_tooltip, shortcut_safe, without_shortcut

# Qt.UserRole as a plain int: the first use of PySide6's ``Qt`` namespace builds its ~130
# Python enum classes (14 ms), which the shell does without (see views/rows.py, fix 3).
USER_ROLE = 0x0100

# The sidebar's width: an icon and one word (views/theme.py, without importing Qt's
# palette machinery into the shell's start).
SIDEBAR_WIDTH = 148


def _banner_style() -> str:
    from desktop.views import theme

    return theme.banner_style("banner", "amber").replace("border-radius: 4px;", "border-radius: 0px;")


# The sidebar's order; view_classes() returns the views in the same order.
VIEW_KEYS = ("today", "influencers", "shipments", "orders", "timeline")


# The views a product can be dropped on: the catalogue dock is built with the first of
# them shown (views/shipping.py, ShippingController.DROP_VIEWS, which a test compares).
DROP_VIEWS = ("influencers", "orders")

# Where each view's class lives; imported when the view is first built (they pull in the store).
VIEW_MODULES = {
    "today": ("desktop.views.today", "TodayView"),
    "influencers": ("desktop.views.influencers", "InfluencersView"),
    "shipments": ("desktop.views.shipments", "ShipmentsView"),
    "orders": ("desktop.views.orders", "OrdersView"),
    "timeline": ("desktop.views.timeline", "TimelineView"),
}


def view_class(key: str):
    import importlib

    module, name = VIEW_MODULES[key]
    cls = getattr(importlib.import_module(module), name)
    assert cls.key == key
    return cls


def view_classes() -> list:
    """The view classes, in the sidebar's order (imports every view module)."""
    return [view_class(key) for key in VIEW_KEYS]


def suggested_backup_path(now=None) -> Path:
    """Where File → Save a backup… suggests the copy: her documents folder, outside Afspraak's
    own folder (a second copy she finds, to put on a stick), under a name with the date and
    time in her time, so that one copy never replaces the one before (review of backups, 4:
    "…/afspraak/afspraak-backup.sqlite3", the data folder itself, the same name every time)."""
    from PySide6.QtCore import QStandardPaths

    from desktop.clock import to_local, utcnow

    found = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    if not folder.is_dir():
        folder = Path.home()
    when = to_local(now or utcnow()).strftime("%Y-%m-%d-%H%M")  # a file name, not a date to read
    # TRANSLATORS: suggested file name of a backup; {when} is its date and time ("2026-11-23-1030"). No spaces.
    return folder / _("afspraak-backup-{when}.sqlite3").format(when=when)


class MainWindow(QMainWindow):
    language_changed = Signal(str)
    hidden_to_tray = Signal()
    quit_requested = Signal()
    banner_clicked = Signal()
    # The data changed outside any view (a reminder acted on from the tray): every view
    # loads again, as after a view's own ``data_changed`` (views/due_dialog.tell_views).
    data_changed = Signal()

    def __init__(self, parent=None, lazy_views: bool = False, deferred: bool = False,
                 saved: dict | None = None):
        super().__init__(parent)
        # lazy_views (the app sets it): only the view on screen loads at start-up, the
        # others when first shown; without it every view is filled at once.
        self._lazy_views = lazy_views
        self._form = load_form("main_window.ui")
        f = self._form
        self.setWindowTitle("Afspraak")
        self.setWindowIcon(QIcon(str(paths.resource("afspraak.svg"))))
        self.setCentralWidget(f.centralWidget())
        self.setMenuBar(f.menuBar())
        self.setStatusBar(f.statusBar())
        self.resize(f.size())
        # What is left of the form (it owns the actions, whose handlers hold this window)
        # becomes a hidden child, so it goes with the window: a window replaced by a rebuild
        # (a language switch, a recovered database) would live on through them otherwise.
        f.setParent(self)
        f.hide()
        self.sidebar: QListWidget = self.findChild(QListWidget, "sidebar")
        self.stack: QStackedWidget = self.findChild(QStackedWidget, "stack")
        self.banner = self.findChild(QWidget, "banner")
        self.banner_text = self.findChild(QWidget, "bannerText")
        self.banner_button = self.findChild(QWidget, "bannerButton")
        self.banner.layout().setStretch(0, 1)  # the text takes the width, the button stays a button
        # As tall with its button as without (hidden on Vandaag): the views below do not
        # move by a pixel, nor are they laid out again, on a switch to or from Vandaag.
        self.banner_text.setMinimumHeight(self.banner_button.sizeHint().height())
        self.banner.setStyleSheet(_banner_style())
        self.banner_button.clicked.connect(self.banner_clicked.emit)
        self.data_changed.connect(self.refresh_all)
        close = self.findChild(QWidget, "bannerClose")
        close.clicked.connect(self.close_banner)
        # "×" says nothing to a screen reader, nor to everyone what it closes.
        # TRANSLATORS: tooltip and spoken name of the "×" that closes the yellow notice at the top of the window.
        close.setToolTip(_("Close this notice"))
        close.setAccessibleName(_("Close this notice"))
        # What the banner says: a one-off notice (no tray, a failed change) and, where the
        # app says so (no tray), how many reminders are due. One count feeds the sidebar,
        # the banner and (through the app) the tray: they change together.
        self.due_in_banner = False
        self._notices: list[str] = []  # the one-off notices shown, each until the banner is closed
        self._due_count = 0
        self._due_seen: tuple | None = None  # (due keys, owner's day, data token) at the scheduler's last check
        self._due_closed_at: int | None = None  # the count when the owner closed the banner
        # Set by the app: True when closing should hide the window into the tray.
        self.keep_in_tray = lambda: False
        self._shipping = None
        self.is_complete = False
        self.view_keys = VIEW_KEYS
        self._built: dict = {}  # key -> the view, once built (lazy_views: when first shown)
        self._slots: dict = {}  # key -> the empty page standing in the stack until then
        self._rest_queued = False

        self.view_labels = labels = {
            "today": _("Today"), "influencers": _("Influencers"), "shipments": _("Shipments"),
            "orders": _("Custom orders"), "timeline": _("Timeline")}
        for key in VIEW_KEYS:
            item = QListWidgetItem(labels[key])
            item.setData(USER_ROLE, key)
            item.setSizeHint(QSize(0, 40))
            self.sidebar.addItem(item)
        self._tint_sidebar()
        # Compact: an icon and one word, from the desktop's palette (light or dark alike).
        self.sidebar.setFixedWidth(SIDEBAR_WIDTH)
        self.sidebar.setStyleSheet(
            "QListWidget { background: palette(alternate-base); padding-top: 8px; border: none;"
            " border-right: 1px solid palette(mid); }"
            "QListWidget::item { padding-left: 8px; border-radius: 4px; margin: 1px 6px; }"
            "QListWidget::item:selected { background: palette(highlight); color: palette(highlighted-text); }"
        )
        # Until the data is open: a quiet page (in the form) in the place of the views.
        self.opening = self.findChild(QLabel, "openingPage")

        dutch, english = self._action("actionDutch"), self._action("actionEnglish")
        dutch.setChecked(i18n.current_language() == "nl")
        english.setChecked(i18n.current_language() == "en")
        for action in (dutch, english):  # switching saves the choice: once the data is open
            action.setEnabled(not deferred)
        self._action("actionQuit").triggered.connect(self.quit_requested.emit)
        self._action("actionAbout").triggered.connect(self.about)
        # The shell shows the saved size and view when the app could read them first
        # (store/peek.py); otherwise complete() restores them from the database.
        self._state_shown = bool(deferred and saved)
        if self._state_shown:
            self._restore_geometry(saved.get("window_geometry"))
            last = saved.get("last_view")
            self.sidebar.setCurrentRow(VIEW_KEYS.index(last) if last in VIEW_KEYS else 0)
        elif deferred:
            self.sidebar.setCurrentRow(0)
        if not deferred:
            self.complete()

    def _add_view_actions(self) -> None:
        """View → the five views, Ctrl+1 to Ctrl+5 in the sidebar's order: from anywhere
        in the window straight to a view's list (the sidebar is otherwise the first stop of
        Tab, far back from a pane)."""
        from PySide6.QtGui import QKeySequence

        view_menu = self.findChild(QMenu, "menuView")
        first = view_menu.actions()[0] if view_menu.actions() else None
        # TRANSLATORS: View menu entries that open a view; "&" marks the Alt letter, which must
        # differ from the menu's other items (Search in this view, Language, Products).
        texts = {"today": _("&Today"), "influencers": _("&Influencers"), "shipments": _("S&hipments"),
                 "orders": _("&Custom orders"), "timeline": _("Ti&meline")}
        for number, key in enumerate(VIEW_KEYS, start=1):
            action = QAction(texts[key], self)
            action.setObjectName(f"actionShow_{key}")
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, key=key: self.open_view(key))
            view_menu.insertAction(first, action)
            self.addAction(action)  # the keys work while the menu bar is hidden too
        view_menu.insertSeparator(first)

    def open_view(self, key: str) -> None:
        """Show the view ``key`` with the focus on its list (on an empty view: on what starts it)."""
        self.show_view(key)
        self.view(key).focus_list()

    def _tint_sidebar(self) -> None:
        """The sidebar's icons in the colours of the palette in use (views/theme.py)."""
        from desktop.views import theme

        size = self.sidebar.iconSize().height()
        for row in range(self.sidebar.count()):
            item = self.sidebar.item(row)
            path = str(paths.resource(f"icons/{item.data(USER_ROLE)}.svg"))
            item.setIcon(theme.sidebar_icon(path, size=size))

    def changeEvent(self, event):
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._tint_sidebar()  # the desktop switched between light and dark
        super().changeEvent(event)

    def complete(self) -> None:
        """Add what needs the database: the views, the catalogue dock, the data menus."""
        if self.is_complete:
            return
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        # One page per view in the stack, an empty stand-in until the view is built.
        for key in VIEW_KEYS:
            slot = QWidget()
            slot.setObjectName(f"unbuilt_{key}")
            self._slots[key] = slot
            self.stack.addWidget(slot)
        self.is_complete = True  # from here on view(key) builds what it is asked for
        if not self._lazy_views:  # every view at once, in the sidebar's order
            for key in VIEW_KEYS:
                self.view(key)
        self.stack.removeWidget(self.opening)
        self.opening.deleteLater()
        self.opening = None
        self.sidebar.currentRowChanged.connect(self._switch)

        self._action("actionFind").triggered.connect(lambda: self.current_view().focus_search())
        self._action("actionBackup").triggered.connect(self.make_backup)
        self._action("actionRestore").triggered.connect(self.restore_backup)
        self._action("actionOpenDataFolder").triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.data_dir()))))
        self._add_settings_action()
        for action, language in ((self._action("actionDutch"), "nl"), (self._action("actionEnglish"), "en")):
            action.setChecked(i18n.current_language() == language)
            action.setEnabled(True)
            action.triggered.connect(lambda _checked=False, lang=language: self.switch_language(lang))

        self._add_view_actions()
        self._add_undo()
        if not self._lazy_views:
            self.shipping  # noqa: B018 - the catalogue dock, drops, product import: built now
        self._add_getting_started_action()
        self._add_timeline_actions()
        self.privacy_menu = self._add_privacy_menu()

        self.refresh_all()
        if self._state_shown:  # the shell already has the saved size and the view's entry
            self._switch(self.sidebar.currentRow())
        else:
            self.restore_state()

    def _add_privacy_menu(self):
        """A "Privacy" menu: export or erase anyone the data holds (views/privacy_actions.py,
        imported when an item is chosen: ~12 ms of the start to her list otherwise)."""
        from PySide6.QtWidgets import QMenu

        menu = QMenu(_("&Privacy"), self)
        menu.setObjectName("menuPrivacy")
        for name, text, action in (("actionPrivacyExport", _("&Export a person's data…"), "export"),
                                   ("actionPrivacyErase", _("E&rase a person…"), "erase")):
            item = menu.addAction(text)
            item.setObjectName(name)
            item.triggered.connect(lambda _checked=False, chosen=action: self._privacy_chosen(chosen))
        bar = self.menuBar()
        actions = bar.actions()
        bar.insertMenu(actions[-1], menu) if actions else bar.addMenu(menu)  # before Help
        return menu

    def _privacy_chosen(self, action: str) -> None:
        from desktop.views import privacy_actions

        privacy_actions.privacy_menu_chosen(self, action)

    def _build_view(self, key: str):
        """Build one view in its place in the stack and wire it to the window."""
        view = view_class(key)(self)
        self._built[key] = view
        slot = self._slots.pop(key)
        index = self.stack.indexOf(slot)
        was_current = self.stack.currentWidget() is slot
        self.stack.insertWidget(index, view)
        if was_current:
            self.stack.setCurrentWidget(view)
        self.stack.removeWidget(slot)
        slot.deleteLater()
        # Views ask the window through signals, never reach for it.
        view.undoable.connect(self.push_undoable)
        view.status_message.connect(self.show_status)
        view.data_changed.connect(self.refresh_all)
        view.tab_anchor = self.sidebar  # Tab from the sidebar goes into the view, not the products panel first
        if key == "today":
            view.due_count_changed.connect(self.set_due_count)
            first_steps = view.getting_started
            first_steps.import_requested.connect(lambda: self.shipping.ask_import())
            first_steps.new_influencer_requested.connect(lambda: self.view("influencers").new_influencer())
            first_steps.new_collaboration_requested.connect(
                lambda person: self.view("influencers").new_collaboration(person))
            first_steps.data_changed.connect(self._refresh_catalogue)
        if key in ("timeline", "orders"):
            view.open_subject.connect(self.open_subject)
        if self._shipping is not None:
            self._shipping.view_built(view)  # drop targets on the influencer and order lists
        # A view built late loads when it is shown (lazy), or at once (a window built eagerly).
        if self._lazy_views:
            getattr(view, "refresh_when_shown", view.refresh)()
        else:
            view.refresh()
        return view

    @property
    def shipping(self):
        """The catalogue dock, drops and product import (views/shipping.py); built when
        first needed: after the first paint, or at once on a view that takes drops."""
        if self._shipping is None and self.is_complete:
            from desktop.views import shipping

            self._shipping = controller = shipping.install(self, self.edit_menu)
            controller.undoable.connect(self.push_undoable)
            # A product import (from the Producten panel or a file dropped on the window)
            # ticks off Vandaag's getting-started step.
            controller.import_finished.connect(self._import_finished)
            if self.stack.currentIndex() >= 0 and self.opening is None:
                controller.follow_view(VIEW_KEYS[self.stack.currentIndex()])
        return self._shipping

    def _import_finished(self, *_args) -> None:
        today = self._built.get("today")
        if today is not None:
            today.getting_started.refresh()

    def _refresh_catalogue(self) -> None:
        if self._shipping is not None:  # not built yet: it reads the products when it is
            self._shipping.refresh_catalogue()

    def build_rest_later(self) -> None:
        """After the first paint: the catalogue dock and its menu entries, in an idle turn."""
        if not self._rest_queued and self._shipping is None:
            self._rest_queued = True
            QTimer.singleShot(0, self, self._build_rest)

    def _build_rest(self) -> None:
        self._rest_queued = False
        if self.is_complete:
            self.shipping  # noqa: B018 - builds it

    # --- Edit → Undo / Redo (views/undo.py) ----------------------------------------
    def _add_undo(self) -> None:
        """The window's undo stack: Edit → Undo / Redo and the "Undo: …" button in the status bar."""
        from PySide6.QtGui import QKeySequence, QUndoStack
        from PySide6.QtWidgets import QMenu, QPushButton

        from desktop.views.undo import UNDO_LIMIT

        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self._pushing = False
        self._undo_index = self._undo_count = 0
        self.undo_action = self.undo_stack.createUndoAction(self)
        self.undo_action.setObjectName("actionUndo")
        self.undo_action.setShortcut(QKeySequence.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self)
        self.redo_action.setObjectName("actionRedo")
        self.redo_action.setShortcut(QKeySequence.Redo)
        self.edit_menu = QMenu(_("&Edit"), self)
        self.edit_menu.setObjectName("menuEdit")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        menus = self.menuBar().actions()
        self.menuBar().insertMenu(menus[1] if len(menus) > 1 else None, self.edit_menu)
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("undoButton")
        self.undo_button.setFlat(True)
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.statusBar().addPermanentWidget(self.undo_button)
        # After Qt's own QUndoAction slots, so these words are the ones shown.
        for signal in (self.undo_stack.undoTextChanged, self.undo_stack.redoTextChanged,
                       self.undo_stack.canUndoChanged, self.undo_stack.canRedoChanged):
            signal.connect(self._undo_texts)
        self.undo_stack.indexChanged.connect(self._undo_index_changed)
        self._undo_texts()
        from desktop import reminders

        # what the owner did to a reminder (its dialog, Vandaag, the tray): on Edit → Undo too
        reminders.undoable.connect(self.push_reminder_action)
        reminders.steps_forgotten.connect(self.undo_stack.clear)
        reminders.changed.connect(self._reminders_changed)

    def _reminders_changed(self) -> None:
        """A reminder acted on (Vandaag, its dialog, the tray) changes what the other views
        show: a pane's reminders, a collaboration ended without a strike. Those out of sight
        load again when shown; the one in sight did it (Vandaag follows ``changed`` itself).
        An Influencers pane kept "Afspraak vastleggen" after "Niets afgesproken" in Vandaag."""
        for view in self.built_views():
            if not view.isVisible():
                view.follow_change()  # when shown; not at all when it loaded this already

    def _undo_texts(self, *_changed) -> None:
        from shiboken6 import isValid

        stack = self.undo_stack
        if not isValid(stack) or not isValid(self.undo_button):
            return  # the window is going: the stack empties itself on the way out
        # The actions name people and products as typed: "&" in them is no shortcut mark.
        what = shortcut_safe(stack.undoText()) if stack.canUndo() else ""
        # TRANSLATORS: Edit menu; {what} is the last action, e.g. "Undo shipment to Sanne de Vries".
        self.undo_action.setText(_("&Undo {what}").format(what=what).strip() if what else _("&Undo"))
        again = shortcut_safe(stack.redoText()) if stack.canRedo() else ""
        # TRANSLATORS: Edit menu; {what} is the action undone last, e.g. "Redo shipment to Sanne de Vries".
        self.redo_action.setText(_("&Redo {what}").format(what=again).strip() if again else _("&Redo"))
        self.undo_button.setText(_("Undo: {what}").format(what=what))
        self.undo_button.setToolTip(plain_tooltip(without_shortcut(self.undo_action.text())))
        self.undo_button.setVisible(bool(what))

    def push_undoable(self, command) -> None:
        """A view's action, done, put on Edit → Undo (its ``undoable`` signal)."""
        self._pushing = True
        try:
            self.undo_stack.push(command)
        finally:
            self._pushing = False
            self._undo_index = self.undo_stack.index()
            self._undo_count = self.undo_stack.count()
        self._undo_texts()
        if not self.undo_button.isHidden():
            # Its undo button beside it names the action in full ("Undo: message “Order confirmation” about
            # order MW-101 for Marc Peeters marked sent"): said twice, both were cut at 1366 px (review of Maatwerk).
            # TRANSLATORS: the status bar after an action that Edit → Undo can take back, beside the button
            # "Undo: {what}" that names it.
            self.statusBar().showMessage(_("Done (Ctrl+Z undoes it)"), 10000)
            return
        # TRANSLATORS: the status bar after an action that Edit → Undo can take back; {what}
        # is its name there ("new influencer Sanne", "import of “jewelery.csv”").
        self.statusBar().showMessage(_("Done: {what} (Ctrl+Z undoes it)").format(what=command.text()), 10000)

    def push_reminder_action(self, what: str, change) -> None:
        """An action on a reminder, recorded (``reminders.recorded``), put on Edit → Undo."""
        from desktop.views.undo import Recorded

        self.push_undoable(Recorded(what, change, self))

    def _undo_index_changed(self, index: int) -> None:
        from shiboken6 import isValid

        if self._pushing or not isValid(self.undo_button):
            return  # the action was done and shown by the view that pushed it
        from desktop import reminders

        previous, self._undo_index = self._undo_index, index
        count, self._undo_count = self._undo_count, self.undo_stack.count()
        if self._undo_count < count:  # refused and taken off the stack: its message said why
            message = ""
        elif index < previous:  # undone
            message = _("Undone: {what}").format(what=self.undo_stack.text(index))
        else:
            message = _("Redone: {what}").format(what=self.undo_stack.text(index - 1))
        reminders.notify_changed()  # a parcel undone moves its "received?" check-in
        self.refresh_all()
        self._refresh_catalogue()
        self._undo_texts()
        if message:
            self.statusBar().showMessage(message, 8000)

    def show_status(self, text: str, timeout: int = 8000) -> None:
        """A view's short message in the status bar (its ``status_message`` signal)."""
        self.statusBar().showMessage(text, timeout)

    def show_progress(self, text: str) -> None:
        """How far long work on her data is (the salvage of a damaged database): on the page
        that says her data is being opened while the window is a shell, else in the status
        bar until the next message."""
        if self.opening is not None:
            self.opening.setEnabled(True)  # (quiet grey while it only opens: this she should read)
            self.opening.setText(text)
        else:
            self.statusBar().showMessage(text)

    def _salvage_progress(self, progress) -> None:
        """File → Restore of a damaged file: how far its salvage is, the window painting meanwhile."""
        from desktop.presentation import backup_texts
        from desktop.views.busy import keep_painting

        self.show_progress(backup_texts.salvage_progress(progress))
        keep_painting()

    def _add_settings_action(self) -> None:
        """File > Settings… (Ctrl+,): every setting in one window (views/settings_window.py)."""
        from PySide6.QtGui import QKeySequence

        action = QAction(_("&Settings…"), self)
        action.setObjectName("actionSettings")
        keys = QKeySequence.keyBindings(QKeySequence.Preferences)  # empty on some Linux desktops
        comma = QKeySequence("Ctrl+,")
        action.setShortcuts(keys + [comma] if comma not in keys else keys)
        action.triggered.connect(lambda: self.open_settings())
        menu = self.menuBar().findChild(QWidget, "menuFile")
        menu.insertAction(self._action("actionQuit"), action)
        self.addAction(action)  # the shortcut also works while the menu bar is hidden

    def open_settings(self, page: str = "shop") -> None:
        from desktop.views.settings_window import open_settings

        saved = open_settings(self, page)
        if saved is not None:
            self.settings_saved(saved)

    def settings_saved(self, window) -> None:
        """After the settings window saved: the menu's ticks follow, the views show the new
        values, and a new language rebuilds the window (as View → Language does)."""
        from desktop import autostart
        from desktop.views.settings_window import keeps_running_in_tray

        for name, on in (("actionAutostart", autostart.is_enabled()),
                         ("actionCloseToTray", keeps_running_in_tray())):
            action = self._action(name)
            blocked = action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(blocked)
        self.refresh_all()
        if window.language_chosen:
            self.switch_language(window.language_chosen)

    def _add_getting_started_action(self) -> None:
        """Help > Getting started: Vandaag's first-steps list, back on screen."""
        action = QAction(_("&Getting started"), self)
        action.setObjectName("actionGettingStarted")
        action.triggered.connect(self.show_getting_started)
        menu = self.menuBar().findChild(QWidget, "menuHelp")
        menu.insertAction(self._action("actionOpenDataFolder"), action)

    def show_getting_started(self) -> None:
        self.show_view("today")
        self.view("today").getting_started.show_again()

    def _action(self, name: str) -> QAction:
        return self._form.findChild(QAction, name)

    # --- views -------------------------------------------------------------------
    @property
    def views(self) -> list:
        """Every view, in the sidebar's order (builds those not built yet); none before
        the window is complete. The window itself only touches the ones built."""
        return [self.view(key) for key in VIEW_KEYS] if self.is_complete else []

    def built_views(self) -> list:
        return [self._built[key] for key in VIEW_KEYS if key in self._built]

    def current_view(self):
        return self.view(VIEW_KEYS[self.stack.currentIndex()])

    def view(self, key: str):
        """The view ``key``, built now if it was not yet."""
        found = self._built.get(key)
        if found is None:
            if key not in VIEW_KEYS or not self.is_complete:
                raise StopIteration(key)  # as the lookup in a list of views did
            found = self._build_view(key)
        return found

    def show_view(self, key: str) -> None:
        if key not in VIEW_KEYS:
            return
        view = self.view(key)
        self.sidebar.setCurrentRow(VIEW_KEYS.index(key))
        getattr(view, "refresh_if_stale", lambda: None)()  # also while the window is hidden

    def _switch(self, row: int) -> None:
        if row < 0:
            return
        key = VIEW_KEYS[row]
        self.view(key)  # built when first shown
        self.stack.setCurrentIndex(row)
        if self._shipping is not None:
            self._shipping.follow_view(key)
        elif self._lazy_views and self.is_complete and key in DROP_VIEWS:
            self.shipping  # noqa: B018 - the dock beside a view that takes drops
        self._show_banner_state()  # no "open today's list" while it is the list on screen

    def set_due_count(self, count: int) -> None:
        """The number of reminders due now, on the Vandaag entry of the sidebar."""
        for row in range(self.sidebar.count()):
            item = self.sidebar.item(row)
            if item.data(USER_ROLE) == "today":
                text = self.view_labels["today"]
                item.setText(_("{view} ({count})").format(view=text, count=count) if count else text)
        if count != self._due_count:
            self._due_count = count
            self._show_banner_state()

    def follow_due(self, items: list) -> None:
        """The scheduler looked again (``items``: what is due now; a step's moment came, its
        recheck, a clock jump): Vandaag loads again when it lists another moment (its
        ``follow_due``), and when only the clock moved (nothing written since the last
        check; a write reloads them itself) the panes that word a reminder's moment are
        built again (``moment_passed``). Vandaag kept "Later vandaag 09:00" at 09:01 while
        the tray counted the reminder (review of the first week)."""
        if not self.is_complete:
            return
        from desktop.clock import to_local, utcnow
        from desktop.store import lookups

        now = utcnow()
        keys, day, token = frozenset(item.key for item in items), to_local(now).date(), lookups.data_token()
        before, self._due_seen = self._due_seen, (keys, day, token)
        today = self._built.get("today")
        if today is not None:
            today.follow_due(items, now)
        new_day = before is not None and before[1] != day
        if new_day:
            self._follow_day(day)
        if before is None or token is None or (before[2] != token and not new_day):
            return
        for view in self.built_views():  # a moment of a view's own (Zendingen's "received?")
            if view is not today:
                view.time_came(now)
        if before[:2] == (keys, day):
            return
        for view in self.built_views():
            if view is not today:
                view.moment_passed()

    def _follow_day(self, day) -> None:
        """The owner's day changed with the app open (her midnight, in the tray): the rows
        that word days ("3 dagen te laat", "nog 4 dagen", the timeline's "Vandaag" and
        "Gisteren", a date's year on New Year's Day) take today's words, once a day and in
        place, her selection, search and scroll kept. They kept yesterday's words until she
        did something (review of the days around New Year)."""
        from desktop.views.timeline_model import TimelineModel

        for view in self.built_views():
            view.day_passed(day)
        for model in self.findChildren(TimelineModel):  # Tijdlijn, and the histories in the panes
            model.follow_day()

    def show_today(self) -> None:
        """Show what is due today (the Vandaag list)."""
        self.show_view("today")

    def open_due_item(self, item) -> None:
        """Open one due reminder with its ready message."""
        from desktop.views.due_dialog import open_due_item

        open_due_item(item, self)

    def refresh_all(self) -> None:
        """The data changed: every view built loads again (lazy_views: the one in sight now,
        the others when shown), except one that loaded it as it is now in this same
        event-loop turn (``follow_change``: a reminder acted on from Vandaag reached it
        through ``reminders.changed`` first, and Vandaag loaded twice)."""
        for v in self.built_views():  # one not built yet loads fresh when it is
            v.follow_change(even_hidden=not self._lazy_views)

    # --- timeline: quick note, calendar export, opening an event's subject -------------
    def _add_timeline_actions(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeySequence
        from PySide6.QtWidgets import QMenu

        self.quick_note = None
        self.action_quick_note = QAction(_("Quick &note…"), self)
        self.action_quick_note.setObjectName("actionQuickNote")
        self.action_quick_note.setShortcut(QKeySequence("Ctrl+N"))
        self.action_quick_note.setShortcutContext(Qt.ApplicationShortcut)
        self.action_quick_note.triggered.connect(self.open_quick_note)
        self.action_calendar = QAction(_("Export deadlines to a &calendar (.ics)…"), self)
        self.action_calendar.setObjectName("actionExportCalendar")
        self.action_calendar.triggered.connect(self.export_calendar)
        menu = self.menuBar().findChild(QMenu, "menuFile")
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, self.action_quick_note)
        menu.insertAction(first, self.action_calendar)
        menu.insertSeparator(first)
        self.addAction(self.action_quick_note)

    def current_person_id(self) -> int | None:
        """The person the current view is showing, to preselect in the quick note."""
        from desktop.store import lookups

        view = self.current_view()
        row_id = view.current_id
        if view.key == "today":  # the person of the selected reminder
            items = getattr(view, "items", [])
            return items[row_id].person_id if row_id is not None and 0 <= row_id < len(items) else None
        return lookups.person_behind(view.key, row_id)

    def open_quick_note(self) -> None:
        from desktop.views.busy import when_free

        when_free(self._open_quick_note, key="quick_note")  # an app-wide shortcut: never inside an import

    def _open_quick_note(self) -> None:
        from desktop.store import lookups
        from desktop.views.quick_note import QuickNote

        if not lookups.anyone():
            # A note is about somebody ("Kies over wie dit gaat."): with nobody to choose, the
            # form could not be saved. Said instead of it, with where to add someone.
            from desktop.views import dialogs

            dialogs.inform(self, _("Quick note"), _(
                "A note is always about someone, and Afspraak holds nobody yet. Add an influencer first "
                "(Influencers → New influencer…) or a custom order (Custom orders → New order…); then Ctrl+N "
                "writes a note about them."))
            return
        self.quick_note = QuickNote(self, person_id=self.current_person_id())
        self.quick_note.saved.connect(self._note_saved)
        self.quick_note.show()

    def _note_saved(self, event_id: int) -> None:
        from desktop import reminders

        reminders.notify_changed()  # a logged reply stops that person's ladder
        timeline = self._built.get("timeline")
        if timeline is not None:  # not built yet: it reads the note when it is
            timeline.follow_change(even_hidden=True)
        if self.current_view().key != "timeline":
            self.current_view().follow_change(even_hidden=True)  # Vandaag: loaded already
        self.statusBar().showMessage(_("Saved on the timeline."), 6000)

    def open_subject(self, subject_type: str, subject_id: int, person_id: int) -> None:
        from desktop.presentation.timeline import subject_target

        target = subject_target(subject_type, subject_id or None, person_id or None)
        if target is None:
            return
        key, row_id = target
        self.show_view(key)
        view = self.view(key)
        view.select_id(row_id)
        view.table.setFocus(Qt.OtherFocusReason)  # on her row: the keys go on from what she opened

    def export_calendar(self) -> None:
        from desktop.clock import utcnow
        from desktop.presentation import calendar_export, errors
        from desktop.views import dialogs

        path = dialogs.ask_save_path(self, _("Export deadlines to a calendar"), str(Path.home() / "afspraak.ics"),
                                     _("Calendar file (*.ics)"))
        if not path:
            return
        try:
            written = calendar_export.export(Path(path), utcnow())
        except OSError as exc:
            dialogs.warn(self, _("Export failed"), _("The file could not be written: {error}").format(
                error=errors.unwritable(exc)))
            return
        self.statusBar().showMessage(calendar_export.written_message(written, path), 20000)

    # --- state ---------------------------------------------------------------------
    def _restore_geometry(self, geometry: str | None) -> None:
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
            return
        # The first time: maximised (when shown), and when the owner makes it smaller, a
        # window in the middle of the screen, not in its top-left corner. From then on:
        # where it was left. A caller that sets a size itself (a test, a screenshot) keeps it.
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication

        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            size = self.size().boundedTo(area.size())
            self.setGeometry(area.x() + (area.width() - size.width()) // 2,
                             area.y() + (area.height() - size.height()) // 2, size.width(), size.height())
        if self.isVisible():  # the start's shell is already on screen
            self.setWindowState(self.windowState() | Qt.WindowMaximized)
            return
        self.setAttribute(Qt.WA_Resized, False)
        self._maximise_when_shown = True

    def restore_state(self) -> None:
        from desktop.store import settings

        self._restore_geometry(settings.get("window_geometry"))
        last = settings.get("last_view")
        self.sidebar.setCurrentRow(VIEW_KEYS.index(last) if last in VIEW_KEYS else 0)
        self._switch(self.sidebar.currentRow())  # also when the row did not change

    def save_state(self) -> None:
        """Keep the window's size and place and the view on screen, when it can: on a full
        disk, a read-only file or a damaged one the window closes and Afspraak quits all the
        same (review 26, data 2: Quit said "cannot save" and stayed open, again and again).
        Nothing of hers is lost: the size is all that was not written; the damage is found
        at the next start."""
        import logging

        from desktop.store import settings, storage_errors

        if not self.is_complete:  # written when a database is open (not during a restore)
            return
        try:
            settings.save_window(bytes(self.saveGeometry().toBase64()).decode("ascii"),
                                 VIEW_KEYS[max(0, self.stack.currentIndex())])
        except Exception as exc:
            if storage_errors.kind_of(exc) is None and not storage_errors.is_damage(exc):
                raise
            logging.getLogger(__name__).warning("the window's size and view were not saved: %s", exc)

    def showEvent(self, event):
        from PySide6.QtCore import Qt

        if getattr(self, "_maximise_when_shown", False):
            self._maximise_when_shown = False
            if not self.testAttribute(Qt.WA_Resized):
                self.setWindowState(self.windowState() | Qt.WindowMaximized)
        super().showEvent(event)

    def closeEvent(self, event):
        self.save_state()
        if self.keep_in_tray():
            event.ignore()
            self.hide()
            self.hidden_to_tray.emit()
            return
        super().closeEvent(event)
        self.quit_requested.emit()

    def show_banner(self, text: str) -> None:
        """A one-off notice at the top of the window (plain text), until it is closed. A second
        one joins the first (a failed backup said at the start was replaced by the no-tray
        notice a moment later, unseen); the same one twice is shown once."""
        if text not in self._notices:
            self._notices.append(text)
        self._show_banner_state()

    def show_due_in_banner(self, on: bool) -> None:
        """Where there is no tray, the banner also says how many reminders are due."""
        self.due_in_banner = on
        self._show_banner_state()

    def close_banner(self) -> None:
        self._notices = []
        self._due_closed_at = self._due_count  # back when more comes due, not before
        self.banner.hide()

    def _showing_today(self) -> bool:
        today = self._built.get("today")
        return today is not None and self.stack.currentWidget() is today

    def _show_banner_state(self) -> None:
        """The banner as the notice and the due count say: hidden when both are empty."""
        if self._due_closed_at is not None and self._due_count < self._due_closed_at:
            self._due_closed_at = self._due_count
        due = self._due_count if self.due_in_banner and (
            self._due_closed_at is None or self._due_count > self._due_closed_at) else 0
        lines = list(self._notices)
        if due:
            lines.append(ngettext("{n} reminder is due.", "{n} reminders are due.", due).format(n=due))
        if not lines:
            self.banner.hide()
            return
        self.banner_text.setText("\n".join(lines))
        self.banner_button.setVisible(bool(due) and not self._showing_today())
        self.banner.show()

    # --- actions -----------------------------------------------------------------
    def switch_language(self, language: str) -> None:
        from desktop.store import settings

        settings.set("language", language)
        self.save_state()
        self.language_changed.emit(language)

    def make_backup(self) -> None:
        from desktop.presentation import errors
        from desktop.store import backup
        from desktop.views import dialogs

        path = dialogs.ask_save_path(self, _("Save a backup"), str(suggested_backup_path()),
                                     _("Afspraak database (*.sqlite3)"))
        if not path:
            return
        try:
            backup.backup_open(out=Path(path))
        except OSError as exc:
            dialogs.warn(self, _("Backup failed"),
                         _("The backup could not be written: {error}").format(error=errors.unwritable(exc)))
            return
        self.statusBar().showMessage(_("Backup saved to {path}").format(path=path), 8000)

    def restore_backup(self) -> None:
        from desktop.store import backup, opening
        from desktop.views import dialogs

        # Opens where the backups are (was her home folder, review of backups, 5).
        path = dialogs.ask_open_path(self, _("Restore a backup"), _("Afspraak database (*.sqlite3);;All files (*)"),
                                     str(paths.backup_dir()))
        if not path:
            return
        from desktop.presentation import backup_texts

        # Which backup, of when in her time (the names carry UTC), and what she gives up.
        taken, exact = backup.when_taken(Path(path))
        # (her file gone from under the window, the open data unreadable too: no copy is promised)
        keeps = opening.current_data_keepable()
        if not dialogs.confirm(self, _("Restore a backup"),
                               backup_texts.restore_question(Path(path), taken, exact, keeps=keeps)):
            return
        salvaged = None
        try:
            try:
                kept = opening.restore_open(Path(path))
            except backup.NotAnAfspraakDatabase as refused:
                # A damaged file (the one a repair kept aside, a backup on a failing stick): what
                # can still be read of it is offered (review of data safety, 2).
                if refused.reason != backup.NotAnAfspraakDatabase.DAMAGED:
                    raise
                if not dialogs.confirm(self, _("Restore a backup"), backup_texts.salvage_question(Path(path), keeps=keeps)):
                    return  # she chose not to: nothing was changed
                try:
                    kept, salvaged = opening.salvage_open(Path(path), progress=self._salvage_progress)
                finally:
                    self.statusBar().clearMessage()
                salvaged = salvaged or False  # (False: whole after all)
        except (backup.NotAnAfspraakDatabase, FileNotFoundError) as refused:
            from desktop.presentation import errors

            dialogs.warn(self, _("Not restored"), errors.restore_refused(path, refused))
            return
        except Exception as exc:  # another program writing the database: it is left alone
            from desktop.presentation import errors
            from desktop.store import storage_errors

            kind = storage_errors.kind_of(exc)
            if kind is None:
                raise
            # (the folder the store names: the backups folder when only that one refused)
            dialogs.warn(self, _("Not restored"), errors.storage_problem(exc, paths.configured_data_dir()))
            return
        # Edit → Undo replays row changes by id: on the restored data those ids are other rows
        # (or will be, for what she adds next), so nothing done before the restore is undone
        # after it (review 8, F9).
        self.undo_stack.clear()
        self.refresh_all()
        from desktop.presentation import erasure_texts
        from desktop.store import erasures

        untold = erasures.take_untold()  # people erased on request since the backup: erased from it again
        # (kept None: her file had gone from under the window and the open data could not be
        # read to keep either; when it could, the copy made of it is named as any kept copy)
        if salvaged is not None:
            text = backup_texts.salvage_restored(salvaged or None, kept, gone=kept is None)
        else:
            text = backup_texts.restored(kept)
        dialogs.inform(self, _("Backup restored"), text + ("\n\n" + erasure_texts.erased_again(untold) if untold else ""))

    def about(self) -> None:
        from desktop.views import dialogs

        dialogs.inform(self, _("About Afspraak"), _(
            "Afspraak {version}\nA deal is a deal: keeps track of the promises between your shop, its influencers "
            "and its customers.\n\nYour data stays on this computer, in {folder}.").format(
                version=__version__, folder=str(paths.data_dir())))
