"""Starting the GUI: QApplication, single instance, the first window, then the database.

The window comes first. ``Application.start`` shows the main window's shell (menus,
sidebar, "opening your data") with nothing of Peewee, Babel or the views imported, and
the event loop paints it; on the next turn ``_open`` opens the database (checks,
migrates, takes the daily backup), completes the window and starts the reminders.
``ready`` is True from then on. See docs/PERFORMANCE.md (fix 21).
"""

from __future__ import annotations

import logging
import sqlite3
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME, i18n, logs, paths
from desktop.clock import utcnow
from desktop.i18n import _

log = logging.getLogger(__name__)


def choose_language(cli_language: str | None, saved: str | None = None, from_database: bool = True) -> str:
    """--lang beats the saved setting, which beats the system locale.

    ``saved``: the setting as read before the database was open (store/peek.py);
    ``from_database``: read it from the open database instead."""
    if cli_language:
        return i18n.normalise_language(cli_language)
    if from_database:
        from desktop.store import settings

        saved = settings.get("language")
    return i18n.normalise_language(saved) if saved else i18n.system_language()


def show_crash_dialog(log_path) -> None:
    if QApplication.instance() is None:
        return
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Critical, _("Something went wrong"), _(
        "Afspraak ran into an unexpected problem. Your saved data is safe.\n\n"
        "The details are in the log file:\n{path}").format(path=str(log_path)))
    box.exec()


class _FirstPaint(QObject):
    """Calls ``then`` on the event loop's next turn after ``widget`` first paints (or
    after ``fallback_ms`` if it never does: started in the tray, minimised)."""

    def __init__(self, widget, then, fallback_ms: int):
        super().__init__(QApplication.instance())  # outlives a window rebuilt meanwhile
        self._widget, self._then, self._done = widget, then, False
        widget.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._fire)

    def eventFilter(self, watched, event):  # noqa: N802
        if event.type() == QEvent.Paint and not self._done:
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        if self._done:
            return
        from shiboken6 import isValid

        self._done = True
        if isValid(self._widget):
            self._widget.removeEventFilter(self)
        self._then()
        self.deleteLater()


def _tray_available() -> bool:
    from PySide6.QtWidgets import QSystemTrayIcon  # not before the first window: its enums cost

    return QSystemTrayIcon.isSystemTrayAvailable()


def _after_first_paint(widget, then, fallback_ms: int = 1000) -> None:
    if widget is None or not widget.isVisible() or widget.isMinimized():
        QTimer.singleShot(0, then)
    else:
        _FirstPaint(widget, then, fallback_ms)


class Application:
    """Owns the QApplication, the instance server and the (re)built main window."""

    def __init__(self, argv: list[str], cli_language: str | None = None, smoke_test: bool = False,
                 minimised: bool = False):
        self.qt = QApplication.instance() or QApplication(argv)
        self.qt.setQuitOnLastWindowClosed(False)  # the tray keeps us alive; quitting is explicit
        self.minimised = minimised
        self.tray = None
        self.scheduler = None
        self.notifications = None
        self.qt.setApplicationName("afspraak")
        self.qt.setApplicationDisplayName(APP_NAME)
        self.qt.setWindowIcon(QIcon(str(paths.resource("afspraak.svg"))))
        self.cli_language = cli_language
        self.smoke_test = smoke_test
        self.window = None
        self.instance_server = None
        self.opened = False  # the database is open (a normal quit then marks a clean exit)
        self.ready = False  # ...and the window is complete, the reminders running

    def start(self) -> int | None:
        """Show the first window; returns an exit code when there is nothing more to do.

        The database is opened on the event loop's first turn after the window's first
        paint (``_open``); ``ready`` tells when that is done."""
        from desktop import single_instance
        from desktop.store import peek
        from desktop.views import translator

        if not self.smoke_test and single_instance.notify_running():
            print(_("Afspraak is already running; its window was brought to the front."))
            return 0
        self.instance_server = single_instance.InstanceServer(self.qt)
        self.instance_server.activated.connect(self.bring_to_front)
        saved = peek.saved_settings(paths.db_path())
        i18n.set_language(choose_language(self.cli_language, saved.get("language"), from_database=False))
        translator.install(self.qt)
        self.build_window(deferred=True, saved=saved)
        _after_first_paint(self.window, self._open, fallback_ms=250)
        if self.smoke_test:
            QTimer.singleShot(0, self._smoke_shown)
        return None

    def _open(self) -> None:
        """Open the database, complete the window and start the reminders; a problem that
        stops the start (a newer schema, a full disk, a read-only folder) is told, and the
        app quits with 1 without having changed anything. Anything unexpected is logged and
        shown like any crash, and the app quits too, rather than staying on "opening"."""
        try:
            self._open_data()
        except Exception:
            self.opened = False  # keep the unclean-exit mark: the next start checks the whole file
            sys.excepthook(*sys.exc_info())
            self.qt.exit(1)

    def _open_data(self) -> None:
        from desktop.store import backup, recovery, settings, storage_errors
        from desktop.store.db import db
        from desktop.store.migrations import SchemaTooNew

        logs.setup()
        try:
            # The whole-file check only after an unclean exit or once a day (store/recovery.py).
            repaired = recovery.open_checked(now=utcnow(), when_due=True)
        except SchemaTooNew:
            self._tell(_("Afspraak cannot start"), _(
                "Your data was saved by a newer version of Afspraak. Install that version again; "
                "nothing was changed."))
            self.qt.exit(1)
            return
        except Exception as exc:  # a full disk or read-only folder at start: say so, change nothing
            kind = storage_errors.kind_of(exc)
            if kind is None:
                raise
            log.error("cannot start: %s", exc)
            text = storage_errors.message(kind, paths.configured_data_dir())
            if self.smoke_test:
                print(text, file=sys.stderr)
            else:
                show_storage_problem(text)
            self.qt.exit(1)
            return
        keep = int(settings.get("backup_keep"))
        try:
            backup.daily_backup(db.obj, keep=keep, now=utcnow())
        except (OSError, sqlite3.Error):
            log.exception("daily backup failed")
        try:
            from desktop.store import catalogue

            catalogue.sweep_replaced_pictures(utcnow(), keep)  # those no kept backup names any more
        except Exception:  # tidying up never stops the start
            log.exception("removing replaced pictures failed")
        recovery.mark_running()
        self.opened = True
        language = choose_language(self.cli_language)
        if language != i18n.current_language():  # the first read missed it: a restored file, say
            i18n.set_language(language)
            self.build_window()
        else:
            self.window.complete()
            self._wire_tray_actions()
        if repaired is not None:
            self._tell(_("Your data was repaired"), recovery.message(repaired))
        self.start_reminders()
        self.ready = True
        if self.smoke_test:
            QTimer.singleShot(0, self._smoke_done)

    def _tell(self, title: str, text: str) -> None:
        """A message at start: a dialog, or stderr in a smoke test (nobody to click it away)."""
        if self.smoke_test:
            print(f"{title}: {text}", file=sys.stderr)
            return
        from desktop.views import dialogs

        dialogs.warn(self.window, title, text)

    def build_window(self, deferred: bool = False, saved: dict | None = None) -> None:
        """The main window; ``deferred``: its shell only, completed by ``_open``."""
        from desktop.views.main_window import MainWindow

        old = self.window
        # start-up loads only the view on screen (lazy_views)
        self.window = MainWindow(lazy_views=True, deferred=deferred, saved=saved)
        self.window.language_changed.connect(self._on_language_changed)
        self.window.quit_requested.connect(self.quit)
        self.window.hidden_to_tray.connect(self._told_about_tray)
        self.window.keep_in_tray = self._keeps_in_tray
        self.window.banner_clicked.connect(self.open_today)
        if not deferred:
            self._wire_tray_actions()
        # The first window (a shell replaced at start, when the language read first was
        # not the saved one) is not a previous window: its size is not the owner's, and
        # a start in the tray or minimised stays so.
        first = old is None or not old.is_complete
        if old is not None:
            if not first:
                self.window.restoreGeometry(old.saveGeometry())
            old.hide()
            old.deleteLater()
        if self.tray is not None:
            self.tray.retranslate()
            if self.scheduler is not None:
                self._on_due_changed(self.scheduler.items)
        start_hidden = self.minimised and first and _tray_available()
        if self.minimised and first and not start_hidden:
            self.window.showMinimized()
        elif not start_hidden:
            self.window.show()

    def _keeps_in_tray(self) -> bool:
        """Closing the window hides it into the tray (when there is one and the owner wants it)."""
        from desktop.store import settings

        return bool(self.tray and self.tray.available and self.ready and settings.get("close_to_tray"))

    # --- tray and reminders ----------------------------------------------------------
    def _wire_tray_actions(self) -> None:
        from desktop import autostart
        from desktop.store import settings

        start_at_login = self.window._action("actionAutostart")
        start_at_login.setChecked(autostart.is_enabled())
        start_at_login.toggled.connect(self._set_autostart)
        keep = self.window._action("actionCloseToTray")
        keep.setChecked(bool(settings.get("close_to_tray")))
        keep.setEnabled(_tray_available())
        keep.toggled.connect(lambda on: settings.set("close_to_tray", bool(on)))

    def _set_autostart(self, on: bool) -> None:
        from desktop import autostart
        from desktop.store import settings

        try:
            autostart.enable() if on else autostart.disable()
        except OSError as exc:
            log.exception("autostart change failed")
            self.window.show_banner(_("Could not change the login start: {error}").format(error=exc.strerror or exc))
            return
        settings.set("autostart", bool(on))

    def start_reminders(self) -> None:
        from desktop import reminders
        from desktop.notifications import Notifications
        from desktop.scheduler import Scheduler
        from desktop.store import settings
        from desktop.tray import Tray

        from desktop.views.busy import when_free

        self.tray = Tray(self.qt)
        self.tray.toggle_window.connect(self.toggle_window)
        self.tray.open_today.connect(self.open_today)
        # What writes or opens a dialog waits for an import being written (views/busy.py):
        # the tray menu, the popup and the notifications still react while it runs.
        self.tray.open_item.connect(lambda item: when_free(lambda: self.open_item(item), key="open"))
        self.tray.quit_requested.connect(lambda: when_free(self.quit, key="quit"))
        self.tray.snooze_items.connect(lambda items, how: when_free(
            lambda: self._snooze(items, how), key=("act", tuple(sorted(i.key for i in items)))))
        self.tray.done_items.connect(lambda items: when_free(
            lambda: self._done(items), key=("act", tuple(sorted(i.key for i in items)))))
        self.scheduler = Scheduler(
            reminders.due_items, reminders.next_due, clock=lambda: utcnow(), parent=self.qt,
        )
        self.tray.pause_all.connect(self.scheduler.pause)
        self.scheduler.due_changed.connect(self._on_due_changed)
        # native notification with buttons -> tray balloon -> in-app popup (notifications.py)
        self.notifications = Notifications(self.tray, native="auto", parent=self.qt)
        self.notifications.start()
        self.scheduler.announce.connect(self.notifications.show_announcement)
        reminders.changed.connect(self.scheduler.reschedule)
        if not self.tray.available:
            self.window.show_banner(_(
                "Your desktop has no system tray, so Afspraak stays a normal window and shows "
                "reminders here and in a small popup. On GNOME, the “AppIndicator and "
                "KStatusNotifierItem Support” extension adds a tray."))
        # The first scan (what came due while the app was closed) after the window's first
        # paint, not before it appears: Vandaag has just made the same plan for the list.
        _after_first_paint(self.window, self._start_scheduler)

    def _start_scheduler(self) -> None:
        if self.scheduler is not None:
            self.scheduler.start()

    def _on_due_changed(self, items: list) -> None:
        from desktop.i18n import ngettext

        self.tray.set_items(items)
        if self.window is not None:
            self.window.set_due_count(len(items))
        if not self.tray.available and items and self.window is not None:
            self.window.show_banner(
                ngettext("{n} reminder is due.", "{n} reminders are due.", len(items)).format(n=len(items)),
                _("Open today's list"))

    def _snooze(self, items: list, how) -> None:
        from desktop import reminders
        from desktop.clock import snooze_until

        reminders.snooze(items, snooze_until(how, utcnow()))

    def _done(self, items: list) -> None:
        from desktop import reminders

        reminders.mark_done(items)

    def _told_about_tray(self) -> None:
        from desktop.store import settings

        if settings.get("told_about_tray"):
            return
        settings.set("told_about_tray", True)
        if self.tray is not None and self.tray.icon is not None:
            self.tray.icon.showMessage("Afspraak", _(
                "Afspraak keeps running here and will remind you when something is due. "
                "Choose Quit in this menu to stop it."), self.tray.icon.icon(), 10000)

    def toggle_window(self) -> None:
        if self.window.isVisible() and not self.window.isMinimized():
            self.window.hide()
        else:
            self.bring_to_front()

    def open_today(self) -> None:
        self.bring_to_front()
        self.window.show_today()

    def open_item(self, item) -> None:
        self.bring_to_front()
        self.window.open_due_item(item)

    def shutdown(self) -> None:
        """Stop the reminders (timer, signals, tray) and save the window state."""
        from desktop import reminders

        if self.scheduler is not None:
            self.scheduler.timer.stop()
            try:
                reminders.changed.disconnect(self.scheduler.reschedule)
            except (RuntimeError, TypeError):
                pass
            self.scheduler = None
        if self.window is not None:
            self.window.save_state()
        if self.notifications is not None:
            self.notifications.shutdown()
        if self.tray is not None:
            self.tray.hide()

    def quit(self) -> None:
        self.shutdown()
        self.qt.quit()

    def _on_language_changed(self, language: str) -> None:
        self.cli_language = None
        i18n.set_language(language)
        QTimer.singleShot(0, self.build_window)

    def bring_to_front(self) -> None:
        if self.window is None:
            return
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def _smoke_shown(self) -> None:
        """The first window is on screen (the shell, before the database is open)."""
        self.window.repaint()
        # Flushed at once: bench/run.py and pack/check.py time start-to-shown by this line.
        print("smoke-test: window shown" if self.window.isVisible() else "smoke-test: window NOT shown",
              flush=True)

    def _smoke_done(self) -> None:
        from desktop import selfcheck

        self.window.repaint()
        ok = self.window.isVisible() and self.window.is_complete and paths.db_path().exists()
        # The list on screen is filled and painted: bench/run.py times start-to-ready by this line.
        print("smoke-test: views ready" if ok else "smoke-test: views NOT ready", flush=True)
        problems = selfcheck.problems()  # missing modules, catalogs, forms, icons, locales
        for problem in problems:
            print(f"smoke-test: problem: {problem}", file=sys.stderr)
        ok = ok and not problems
        print("smoke-test: ok" if ok else "smoke-test: FAILED", flush=True)
        self.qt.exit(0 if ok else 1)

    def exec(self) -> int:
        return self.qt.exec()


def _smoke_crash(log_path) -> None:
    print(f"smoke-test: FAILED, see {log_path}", file=sys.stderr)
    QApplication.instance().exit(1)


def show_storage_problem(text: str) -> None:
    if QApplication.instance() is None:
        print(text, file=sys.stderr)
        return
    from desktop.views import dialogs

    dialogs.warn(QApplication.activeWindow(), _("Afspraak cannot save"), text)


def run(cli_language: str | None = None, smoke_test: bool = False, minimised: bool = False) -> int:
    from desktop.store import storage_errors

    # The log file is set up after the first paint (Application._open); what is logged
    # before is kept for it, and a crash before it sets it up itself.
    logs.keep_early()
    logs.install_excepthook(_smoke_crash if smoke_test else show_crash_dialog,
                            show_storage=None if smoke_test else show_storage_problem)
    app = Application(sys.argv, cli_language=cli_language, smoke_test=smoke_test, minimised=minimised)
    try:
        code = app.start()
    except Exception as exc:  # a read-only folder before the window: say so, change nothing
        kind = storage_errors.kind_of(exc)
        if kind is None:
            raise
        log.error("cannot start: %s", exc)
        text = storage_errors.message(kind, paths.configured_data_dir())
        if smoke_test:
            print(text, file=sys.stderr)
        else:
            show_storage_problem(text)
        return 1
    if code is not None:
        return code
    code = app.exec()
    if app.opened and code == 0:
        from desktop.store import recovery

        recovery.mark_clean_exit()  # a normal quit: the next start skips the whole-file check
    return code
