"""Starting the GUI: QApplication, single instance, the first window, then the database.

The window comes first. ``Application.start`` shows the main window's shell (menus,
sidebar, "opening your data") with nothing of Peewee, Babel or the views imported, and
the event loop paints it; on the next turn ``_open`` opens the database (checks,
migrates) and completes the window; after the completed window's first paint the day's
backup is taken (and checked for again every half hour while it runs) and the reminders
start, and ``ready`` is True from then on. The first start of a day checks the whole file
and copies it in a thread beside the window when the last run ended normally
(``_start_check_beside``). See docs/PERFORMANCE.md (fixes 21, 26, 52, 53).

A damaged database ("database disk image is malformed", "file is not a database") is
recovered from wherever it shows: while opening, in the first queries, or later in any
view, save or reminder scan (it reaches ``damage_found`` through the excepthook). The
database is closed, ``store/recovery`` keeps the damaged file aside and puts back the
newest good backup, the window is rebuilt on that data (as on a language switch) and
the owner is told. Never the crash dialog, and never a loop: a backup that fails right
after it was put back is not chosen again, and damage found again and again in one
session (a failing disk) stops the app with a message instead.
"""

from __future__ import annotations

import logging
import sqlite3
import sys

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME, collection, i18n, logs, paths
from desktop.clock import utcnow
from desktop.i18n import _

log = logging.getLogger(__name__)


def _quicker_pyside_module_check() -> None:
    """PySide6 asks of every module imported after it whether its source names PySide6
    (its ``__feature__`` switches), through ``inspect.getsource``: tokenizing and caching
    every file's lines, ~15 ms over the modules the start imports. The same question
    answered by reading the file as bytes; anything else (no file, a bundle's compiled
    module) still goes to PySide's own check (docs/PERFORMANCE.md, fix 41)."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "quicker", False):
        return

    def mod_uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)

    mod_uses_pyside.quicker = True
    feature._mod_uses_pyside = mod_uses_pyside


_quicker_pyside_module_check()

# Damage handled this many times in one session: the disk itself is failing; stop.
MAX_RECOVERIES = 3
# How often a running Afspraak looks whether the day's automatic backup is due: it may stay
# in the tray for weeks (close to tray, start at login), and each day gets its backup.
BACKUP_CHECK_MS = 30 * 60 * 1000


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

    def eventFilter(self, watched, event):
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
        self._widget = None  # a window replaced meanwhile (a rebuild) is not kept alive by this
        try:
            self._then()
        finally:  # also when it fails (a damaged database: recovered from, app.py)
            self.deleteLater()


def _event_words(fact: str, params) -> str:
    """How the store indexes an event (presentation/event_texts.py), imported when the
    first event is stored rather than before her list is on screen (docs/PERFORMANCE.md,
    fix 40); importing it hands the store its own function from then on."""
    from desktop.presentation import event_texts

    return event_texts.search_words(fact, params)


_CHECK_UNFINISHED = object()  # what the day's check beside the start reports when it could not end


class _CheckResults(QObject):
    """Carries what the day's check found from its thread to the event loop."""

    found = Signal(object)  # (the recovery round it started in, what is wrong or None)


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
                 minimised: bool = False, marks: bool = False):
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
        self.marks = marks  # print when the window is shown again (bench/run.py)
        self.window = None
        self.instance_server = None
        self.opened = False  # the database is open (a normal quit then marks a clean exit)
        self.ready = False  # ...and the window is complete, the reminders running
        # A damaged database (see the module doc): the error waiting to be recovered from,
        # whether the start or a recovery is under way, how many recoveries this session.
        self._damage_pending: str | None = None  # what SQLite said (no traceback kept: it holds the old window)
        self._opening = False
        self._recovering = False
        self._recovery_scheduled = False
        self._recoveries = 0
        self._dialogs_closed = 0
        self._language_answer: str | None = None  # the first start's answer, saved once the data is open
        self._reminders_queued = False  # the reminders start after the completed window's first paint
        # Shut down (``shutdown``): what the start still waits for (the first paint's opening of her
        # data, the reminders after the completed window's paint, a recovery) does nothing then.
        self._stopped = False
        self._backup_timer: QTimer | None = None  # the day's backup, checked while it runs
        # The day's whole-file check, made beside the start when it may wait
        # (store/recovery.check_can_wait): due once her list is painted, then its thread.
        self._check_beside_due = False
        self._check_thread = None
        self._check_error: BaseException | None = None  # why the day's check beside the start did not end
        # When the opening checked the whole file (UTC): the day's copy may follow that check
        # at once; any later copy (a new day while she keeps Afspraak running) has its own.
        self._checked_at = None
        self._backup_failure_told = None  # the day the owner was told its backup failed
        self._not_written_told = False  # told that a note of the start could not be written (once a session)
        self._check_results = _CheckResults(self.qt)
        self._check_results.found.connect(self._checked_beside)

    def start(self) -> int | None:
        """Show the first window; returns an exit code when there is nothing more to do.

        The database is opened on the event loop's first turn after the window's first
        paint (``_open``); ``ready`` tells when that is done."""
        from desktop import single_instance
        from desktop.store import peek
        from desktop.views import translator

        # cli.py asked before loading Qt (instance_link); asked again here, right before
        # listening: a start that came up meanwhile answers now (one instance per data).
        if not self.smoke_test and single_instance.notify_running():
            print(_("Afspraak is already running; its window was brought to the front."))
            return 0
        try:
            self.instance_server = single_instance.InstanceServer(self.qt)
        except single_instance.AlreadyRunning:  # started at the same moment as another, which listens first
            single_instance.notify_running()
            print(_("Afspraak is already running; its window was brought to the front."))
            return 0
        self.instance_server.activated.connect(self.bring_to_front)
        saved = peek.saved_settings(paths.db_path())
        language = choose_language(self.cli_language, saved.get("language"), from_database=False)
        if self._asks_language(saved):
            from desktop.views import dialogs

            collection.resume()  # a dialog that waits for her: no start to hurry
            language = self._language_answer = dialogs.ask_language(None)
        i18n.set_language(language)
        translator.install(self.qt)
        self.build_window(deferred=True, saved=saved)
        _after_first_paint(self.window, self._open, fallback_ms=250)
        if collection.paused():  # resumed when the start is done; at the latest after this
            QTimer.singleShot(collection.LONGEST_PAUSE_MS, collection.resume)
        if self.smoke_test:
            QTimer.singleShot(0, self._smoke_shown)
        return None

    def _asks_language(self, saved: dict) -> bool:
        """The first start asks the language once when the system names none Afspraak
        speaks (a "C" locale, German...): not a guess in English for a Dutch owner. Not
        with --lang, not once a language is saved, not in a smoke test (nobody to answer)."""
        return not (self.cli_language or saved.get("language") or self.smoke_test
                    or i18n.system_language_known())

    def _open(self) -> None:
        """Open the database, complete the window and start the reminders; a problem that
        stops the start (a newer schema, a full disk, a read-only folder) is told, and the
        app quits with 1 without having changed anything. A damaged database is recovered
        from (``_open_with_recovery``). Anything unexpected is logged and shown like any
        crash, and the app quits too, rather than staying on "opening"."""
        from desktop.store import event_search

        if self._stopped:  # shut down before her data was opened: nothing is opened any more
            collection.resume()
            return
        if "desktop.presentation.event_texts" not in sys.modules:
            event_search.use_wording(_event_words)  # the words imported when an event is first stored
        self._opening = True
        try:
            opened = self._open_with_recovery()
        finally:
            self._opening = False
        if opened and self._damage_pending is not None:  # reported meanwhile (a view, a dialog's loop)
            self._schedule_recovery()

    def _open_with_recovery(self, damage: str | None = None) -> bool:
        """Open the data and complete (or, after a recovery, rebuild) the window. Damage met
        on the way (``damage``, or raised while opening) is recovered from and the data
        opened again. False when the app stops (it has said why and exits with 1)."""
        from desktop.store import storage_errors

        reports: list = []  # what was repaired in this sequence, told once at the end
        while True:
            if damage is not None:
                outcome = self._recover_files(damage, reports)
                if outcome is False:
                    return False
            try:
                return self._open_data(rebuild=damage is not None, reports=reports)
            except Exception as exc:
                if storage_errors.is_damage(exc):
                    damage = str(exc)
                    log.error("the database reported damage while opening: %s", damage)
                    continue
                self.opened = False  # keep the unclean-exit mark: the next start checks the whole file
                sys.excepthook(*sys.exc_info())
                self.qt.exit(1)
                return False

    def _recover_files(self, damage: str, reports: list) -> bool:
        """Close the database and let store/recovery put a good file in place (adds its
        report to ``reports``; a file the thorough check finds healthy is left alone).
        False when the app must stop: damage again and again, or the folder cannot be written."""
        from desktop.presentation import errors
        from desktop.store import recovery, storage_errors
        from desktop.store.db import drop_database

        self.wait_for_check_beside()  # it may be copying from the file about to be moved
        self._damage_pending = None
        self._recoveries += 1
        log.warning("recovering from a damaged database (%s), time %d this session", damage, self._recoveries)
        self.opened = False  # until it is open again: a quit meanwhile is not a clean exit
        self.ready = False
        if self.scheduler is not None:
            self.scheduler.timer.stop()  # no scan of a closed database; rescheduled when open
        drop_database()
        folder = paths.configured_data_dir()
        if self._recoveries > MAX_RECOVERIES:
            log.error("damage found %d times this session; stopping", self._recoveries)
            # TRANSLATORS: title of the message shown when the app stops because its database keeps getting damaged
            self._stop_with(_("Afspraak cannot continue"), errors.keeps_failing(folder))
            return False
        tried = [r.restored_from for r in reports if r.restored_from is not None]
        try:
            report = recovery.recover_after_error(now=utcnow(), skip=tried, progress=self._show_salvage)
        except Exception as exc:  # the damaged file cannot be moved: a full disk, a read-only folder
            kind = storage_errors.kind_of(exc)
            if kind is None:
                raise
            log.error("cannot recover: %s", exc)
            self._stop_with(self._stop_title(), errors.storage_problem(exc, folder))
            return False
        if report is not None:
            reports.append(report)
        return True

    def _show_salvage(self, progress) -> None:
        """How far the salvage of a damaged database is (store/salvage.py ``Progress``; a large
        shop's takes some 13 s, and the start looked frozen). On the page that says her data
        is being opened, the window painting meanwhile: the shell reads nothing of the data.
        A window already complete (damage met after it was built, or while she worked) has
        views and timers that would read the data closed for the repair, and open the file
        being replaced again: only its status bar is painted anew, no event handled."""
        from desktop.presentation import backup_texts
        from desktop.views.busy import keep_painting

        if self.window is None:
            return
        self.window.show_progress(backup_texts.salvage_progress(progress))
        if self.window.opening is not None:
            keep_painting()
        else:
            self.window.statusBar().repaint()

    def _stop_title(self) -> str:
        """The title over why the app stops while it opens her data: "cannot start" during
        the start, "cannot continue" after a repair while she worked (not "cannot save":
        nothing of hers was being saved)."""
        return _("Afspraak cannot start") if self.scheduler is None else _("Afspraak cannot continue")

    def _stop_with(self, title: str, text: str) -> None:
        """Say why the app stops, and stop (exit code 1; the next start checks the file)."""
        collection.resume()
        self.opened = False
        if self.smoke_test:
            print(text, file=sys.stderr)
        else:
            from desktop.views import dialogs

            dialogs.warn(self.window, title, text)
        self.qt.exit(1)

    def _open_data(self, rebuild: bool = False, reports: list | None = None) -> bool:
        """Open the data; ``rebuild``: after a recovery, build the window anew on it.
        ``reports``: what recoveries this opening follows (told with the one it may make).
        False when the app stops (it has said why)."""
        from desktop.store import recovery, settings, storage_errors
        from desktop.store.migrations import MigrationFailed, SchemaTooNew

        reports = [] if reports is None else reports
        logs.setup()
        try:
            # The whole-file check before the start after an unclean exit (or before an upgrade),
            # else beside it, once her list is painted, at every start (store/recovery.py).
            now = utcnow()
            later = not rebuild and recovery.check_can_wait(paths.db_path(), now)
            checked = not later and recovery.check_due(paths.db_path(), now)  # (asked before the check notes itself)
            repaired = recovery.open_checked(now=now, when_due=True, check_later=later, progress=self._show_salvage)
            self._check_beside_due = later
            self._checked_at = now if checked else None
        except SchemaTooNew:
            self._tell(_("Afspraak cannot start"), _(
                "Your data was saved by a newer version of Afspraak. Install that version again; "
                "nothing was changed."))
            self.qt.exit(1)
            return False
        except MigrationFailed:  # was the crash dialog; the upgrade was taken back whole
            from desktop.presentation import errors

            self.opened = False  # the next start tries again (and checks the file)
            self._tell(_("Afspraak cannot start"), errors.migration_failed(paths.log_dir()))
            self.qt.exit(1)
            return False
        except Exception as exc:  # a full disk or read-only folder: say so (and what a repair did before it)
            kind = storage_errors.kind_of(exc)
            if kind is None:
                raise
            log.error("cannot start: %s", exc)
            from desktop.presentation import errors

            self._tell(self._stop_title(), errors.storage_problem(exc, paths.configured_data_dir(), repaired=reports))
            self.qt.exit(1)
            return False
        if repaired is not None:
            reports.append(repaired)
        if self.scheduler is not None:  # opened again after a recovery: at once
            self._sweep_pictures()
        recovery.mark_running()
        self.opened = True
        answer, self._language_answer = self._language_answer, None
        saved_language = settings.get("language")
        if answer and not saved_language:
            self._note("language", answer)  # asked once: remembered from now on (not on a full disk: used still)
        language = choose_language(self.cli_language, saved_language or answer, from_database=False)
        if rebuild or language != i18n.current_language():  # the first read missed it: a restored file, say
            i18n.set_language(language)
            view = self.window.current_view().key if self.window.is_complete else None
            self.build_window()
            if view is not None:  # the view the owner was in, on the recovered data
                self.window.show_view(view)
        else:
            self.window.complete()
            self._wire_tray_actions()
        first_time = self.scheduler is None
        if not first_time:
            self.scheduler.reschedule()  # tray count and popups from the recovered data
        self._tell_opened(reports)
        if first_time:
            # The tray, the notifications and the scheduler after the list is painted: her
            # data first (docs/PERFORMANCE.md, fix 26). ``ready`` follows then.
            self._start_reminders_after_paint()
            return True
        self.ready = True
        return True

    def _tell_opened(self, reports: list) -> None:
        """What opening her data did of itself: a repair (``reports``), and the people erased on
        request it removed again from an older copy (store/erasures.py), told once."""
        from desktop.presentation import erasure_texts, errors
        from desktop.store import erasures

        untold = erasures.take_untold()
        again = erasure_texts.erased_again(untold, restored=False) if untold else ""
        if reports:
            self._tell(errors.recovered_title(reports), "\n\n".join(t for t in (errors.recovered(reports), again) if t))
        elif again:
            self._tell(_("Privacy"), again)

    def _note(self, key: str, value) -> None:
        """A setting the start writes of itself (that the banner told her there is no tray,
        the language she chose at the first start). On a full or failing disk it is not
        written, the start goes on (her reminders start all the same), and she is told once
        that Afspraak could not write to her data (``errors.not_written``): not "your last
        change was not saved", for nothing of hers was being saved. Written at a later start."""
        from desktop.store import settings, storage_errors

        try:
            settings.set(key, value)
        except Exception as exc:
            kind = storage_errors.kind_of(exc)
            if kind is None or storage_errors.is_damage(exc):
                raise
            log.error("could not note %s at start: %s", key, exc)
            if kind != storage_errors.BUSY and not self._not_written_told:  # (another program: a later start)
                self._not_written_told = True
                QTimer.singleShot(0, self.qt, lambda: self._tell_not_written(kind))

    def _tell_not_written(self, kind: str) -> None:
        from desktop.presentation import errors

        # TRANSLATORS: title of the message that Afspraak could not write a setting of its own at start
        self._tell(_("Afspraak cannot write to your data"), errors.not_written(kind, paths.configured_data_dir()))

    def _start_reminders_after_paint(self) -> None:
        if not self._reminders_queued:
            self._reminders_queued = True
            _after_first_paint(self.window, self._finish_start, fallback_ms=250)

    def _finish_start(self) -> None:
        """The completed window has painted: start the reminders; the app is ready."""
        self._reminders_queued = False
        if self._stopped or not self.opened or self.scheduler is not None:  # stopped, or a recovery opens again
            collection.resume()
            return
        if self.smoke_test:
            self._smoke_ready()
        self._start_daily_backups()  # after her list: the first start of a day copies the file
        self._sweep_pictures()
        self._rewrite_words()
        self.start_reminders()
        self._build_rest(self.window)
        was_ready, self.ready = self.ready, True
        collection.resume()  # the window is complete and painted: the collector catches up now
        if self.smoke_test and not was_ready:
            QTimer.singleShot(0, self._smoke_done)
        if self.marks and not was_ready:
            print("marks: ready", flush=True)

    @staticmethod
    def _sweep_pictures() -> None:
        """Remove the replaced product pictures no kept backup names any more: on the first
        start after her list is painted (docs/PERFORMANCE.md, fix 42)."""
        from desktop.store import catalogue, recovery, settings

        try:
            catalogue.sweep_replaced_pictures(utcnow(), int(settings.get("backup_keep")), recovery.oldest_copy())
        except Exception:  # tidying up never stops the start
            log.exception("removing replaced pictures failed")

    def _rewrite_words(self) -> None:
        """The timeline's search words made again where the wording changed since they were
        stored (a label renamed in the catalogs: store/event_search.rewrite_words), after her
        list is painted, a chunk of events per turn of the event loop; nothing but a compared
        stamp when the wording is the one they were made with. Like tidying up, it never
        stops the start: a failure is logged, and the next start takes it up again."""
        from desktop.presentation import event_texts
        from desktop.store import event_search
        from desktop.store.db import db

        round_, done = self._recoveries, object()
        try:
            steps = event_search.rewrite_words(db, event_texts.wording_stamp())
        except Exception:
            log.exception("checking the timeline's search words failed")
            return

        def step():
            if round_ != self._recoveries or not self.opened or self._stopped:  # put back, closed or stopped since
                steps.close()
                return
            try:
                if next(steps, done) is done:
                    return
            except Exception:
                log.exception("rewriting the timeline's search words failed")
                return
            QTimer.singleShot(0, self.qt, step)

        step()

    def _start_daily_backups(self) -> None:
        """Today's automatic backup now (once her list is painted: on the large shop the
        copy takes ~0.3 s, which the first start of the day waited for before it), and again
        whenever the day has changed while Afspraak runs, checked every half hour. When the
        day's whole-file check was left for now, it runs first, beside the window
        (``_check_beside``), and the copy follows it there."""
        if self._check_beside_due:
            self._check_beside_due = False
            self._start_check_beside()
        else:
            self._daily_backup()
        if self._backup_timer is None:
            self._backup_timer = QTimer(self.qt)
            self._backup_timer.setInterval(BACKUP_CHECK_MS)
            self._backup_timer.timeout.connect(self._daily_backup)
            self._backup_timer.start()

    def _daily_backup(self) -> None:
        """Take the day's automatic backup unless it exists (store/backup.daily_backup). Not
        while the data is closed (a restore, a recovery) nor while a write is under way: the
        copy would hold what may still be rolled back; a later check takes it.

        A backup is only ever taken from a checked file: right after the opening's whole-file
        check (the same UTC day, as the copies are named), else the check runs first, in a
        thread beside the window as at the start (``_start_check_beside``), and the copy
        follows it there. Damage it finds is recovered from as any damage met while running
        (``_checked_beside``), and she is told. A running Afspraak copied each new day's file
        unchecked, and one left in the tray two weeks could end with only damaged copies
        (review of data safety, 1)."""
        from desktop.store import backup, lookups, settings
        from desktop.store.db import db

        if not self.opened or not lookups.database_open() or lookups.writing_in_steps():
            return
        if self.checking_beside():  # the day's check takes the copy when it is done
            return
        if self._check_beside_due:  # the day's check did not finish: it runs again, and copies
            self._check_beside_due = False
            self._start_check_beside()
            return
        if db.connection().in_transaction:
            return
        if self._rescue_replaced_file():
            return  # opened again on the data put back; the next check takes the day's backup
        now = utcnow()
        try:
            if backup.has_auto_backup_on(now):
                return
        except OSError as exc:  # the backups folder cannot be made (a file in its place): the copy says why
            log.warning("cannot look at the backups folder: %s", exc)
        checked, self._checked_at = self._checked_at, None
        if checked is None or checked.date() != now.date():
            self._start_check_beside()  # the file checked first; the copy follows it there
            return
        try:
            backup.daily_backup(db.obj, keep=int(settings.get("backup_keep")), now=now)
        except (OSError, sqlite3.Error) as exc:
            log.exception("daily backup failed")
            self._tell_backup_failed(exc)

    def _tell_backup_failed(self, exc: BaseException) -> None:
        """The day's backup failed for a reason she can mend (a full disk, a read-only folder, a
        file in the backup folder's place): said in the window's banner, once a day. A file
        another program holds for a moment is only tried again."""
        from desktop.clock import to_local
        from desktop.presentation import errors
        from desktop.store import storage_errors

        kind = storage_errors.kind_of(exc)
        if kind == storage_errors.BUSY or (kind is None and not isinstance(exc, OSError)):
            return
        today = to_local(utcnow()).date()
        if self._backup_failure_told == today or self.window is None:
            return
        self._backup_failure_told = today
        self.window.show_banner(errors.backup_failed(exc, paths.backup_place()))

    def _start_check_beside(self) -> None:
        """The day's whole-file check and backup in a thread of their own (the large shop's
        116 MB: ~0.2 s to check and ~0.3 s to copy, which the first start of a day waited
        for): SQLite does both without holding Python's lock, so the window answers
        meanwhile. What it finds comes back to the event loop (``_checked_beside``)."""
        import threading

        from desktop.store import recovery, settings

        results = self._check_results
        path, now, keep, round_ = paths.db_path(), utcnow(), int(settings.get("backup_keep")), self._recoveries

        def work():
            try:
                found = recovery.check_beside(path, now, keep)
            except Exception as exc:  # a locked file, a full disk: tried again at the next half-hourly check
                log.warning("the day's check beside the start did not finish: %s", exc)
                self._check_error = exc  # read on the event loop, after the signal below
                found = _CHECK_UNFINISHED
            results.found.emit((round_, found))

        self._check_thread = threading.Thread(target=work, name="afspraak-daily-check", daemon=True)
        self._check_thread.start()

    def checking_beside(self) -> bool:
        """Is the day's check (and copy) running beside the window?"""
        return self._check_thread is not None and self._check_thread.is_alive()

    def wait_for_check_beside(self) -> None:
        """Let the day's check and copy end (at quit, before a recovery moves the file)."""
        if self._check_thread is not None:
            self._check_thread.join()
            self._check_thread = None

    def _checked_beside(self, outcome) -> None:
        round_, damage = outcome
        if damage is _CHECK_UNFINISHED:  # the day's copy still only from a checked file: both again
            self._check_beside_due = round_ == self._recoveries
            if self._check_error is not None:
                self._tell_backup_failed(self._check_error)
                self._check_error = None
            return
        if damage is None or round_ != self._recoveries:  # healthy, or the data was put back since
            return
        log.error("the day's check found the database damaged: %s", damage)
        self._damage_pending = damage
        if not self._opening and not self._recovering:
            self._schedule_recovery()

    def _rescue_replaced_file(self) -> bool:
        """Checked with the day's backup (every half hour): was the database file deleted,
        moved or replaced while open? Then the open data is put back in its place
        (store/recovery.rescue_replaced), the window rebuilt on it and the owner told.
        True when that happened (or the app had to stop)."""
        from desktop.store import recovery, storage_errors

        if QApplication.activeModalWidget() or QApplication.activePopupWidget():
            return False  # not under an open dialog of the old window: at the next check (or at quit)
        try:
            report = recovery.rescue_replaced(utcnow())
        except recovery.RescueBlocked as problem:
            log.error("cannot put the open data back: %s", problem)
            from desktop.presentation import errors

            if problem.copy is None:  # the copy failed: nothing changed, the data still open
                if problem.kind != storage_errors.BUSY:  # (a file another program holds: the next check)
                    self._tell(_("Afspraak cannot write to your data"), errors.rescue_blocked(problem))
            else:  # closed, the copy made and not in place: stop here
                self._stop_with(_("Afspraak cannot continue"), errors.rescue_blocked(problem))
            return True
        if report is None:
            return False
        self.opened = False
        self._open_data(rebuild=True, reports=[report])
        return True

    @staticmethod
    def _build_rest(window) -> None:
        """What the window builds after its first paint (the catalogue dock and its menu
        entries, views/main_window.py), unless it was replaced meanwhile."""
        from shiboken6 import isValid

        if window is not None and isValid(window) and window.is_complete:
            window.build_rest_later()

    # --- a damaged database during use (see the module doc) ------------------------------
    def damage_found(self, exc: BaseException) -> None:
        """The excepthook met a damaged-database error: recover as soon as the event loop
        is back (not inside the view or dialog that raised it)."""
        self._damage_pending = str(exc) or exc.__class__.__name__
        if not self._opening and not self._recovering:
            self._schedule_recovery()

    def _schedule_recovery(self) -> None:
        if not self._recovery_scheduled:
            self._recovery_scheduled = True
            QTimer.singleShot(0, self.qt, self._recover_now)

    def _recover_now(self) -> None:
        from desktop.store.db import writing_in_steps

        self._recovery_scheduled = False
        damage = self._damage_pending
        if damage is None or self._opening or self._recovering or self._stopped:
            return
        # A dialog of the damaged data (a form, a message) runs its own event loop: close it
        # and recover once its loop has ended, so nothing goes on working on the old window.
        blocking = QApplication.activeModalWidget() or QApplication.activePopupWidget()
        if blocking is not None and self._dialogs_closed < 50:
            self._dialogs_closed += 1
            blocking.close()
            QTimer.singleShot(0, self.qt, self._schedule_recovery)
            return
        if writing_in_steps():  # an import's transaction is open: recover when it has ended
            from desktop.views.busy import when_free

            when_free(self._schedule_recovery, key="recover-damaged-data")
            return
        # Python keeps the error it last reported in sys.last_*; its traceback holds the
        # window about to be replaced, with all its views. Let it go.
        from desktop.store import storage_errors

        last = getattr(sys, "last_value", None)
        if last is not None and storage_errors.is_damage(last):
            sys.last_type = sys.last_value = sys.last_traceback = None
        self._recovering = True
        try:
            opened = self._open_with_recovery(damage)
        finally:
            self._recovering = False
            self._dialogs_closed = 0
        if opened and self._damage_pending is not None:
            self._schedule_recovery()

    def _tell(self, title: str, text: str) -> None:
        """A message at start: a dialog, or stderr in a smoke test (nobody to click it away)."""
        collection.resume()
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
            self.window.show_due_in_banner(not self.tray.available)
            if self.scheduler is not None:
                self._on_due_changed(self.scheduler.items)
        start_hidden = self.minimised and first and _tray_available()
        if self.minimised and first and not start_hidden:
            self.window.showMinimized()
        elif not start_hidden:
            self.window.show()
        if not deferred:
            window = self.window
            _after_first_paint(window, lambda: self._build_rest(window))

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
        # ticked as Settings shows it: without a tray, closing the window ends Afspraak
        keep.setChecked(bool(settings.get("close_to_tray")) and _tray_available())
        keep.setEnabled(_tray_available())
        keep.toggled.connect(lambda on: settings.set("close_to_tray", bool(on)))

    def _set_autostart(self, on: bool) -> None:
        from desktop import autostart
        from desktop.presentation import errors
        from desktop.store import settings

        try:
            autostart.enable() if on else autostart.disable()
        except OSError as exc:
            log.exception("autostart change failed")
            self.window.show_banner(_("Could not change whether Afspraak starts when you log in: {error}").format(
                error=errors.unwritable(exc)))
            return
        settings.set("autostart", bool(on))

    def start_reminders(self) -> None:
        from desktop import reminders
        from desktop.notifications import Notifications
        from desktop.scheduler import Scheduler
        from desktop.store import settings
        from desktop.tray import Tray

        from desktop.views.busy import when_free

        settings.refresh_owner_time()  # read before anything is made: damage shows here, not halfway
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
        self.scheduler = Scheduler(self._due_items, self._next_due, clock=lambda: utcnow(), parent=self.qt)
        self.tray.pause_all.connect(self.scheduler.pause)
        self.scheduler.due_changed.connect(self._on_due_changed)
        # native notification with buttons -> tray balloon -> in-app popup (notifications.py)
        self.notifications = Notifications(self.tray, native="auto", parent=self.qt)
        self.notifications.start()
        self.scheduler.announce.connect(self.notifications.show_announcement)
        reminders.changed.connect(self.scheduler.reschedule)
        self.window.show_due_in_banner(not self.tray.available)
        if not self.tray.available and not settings.get("told_no_tray"):
            self._note("told_no_tray", True)  # once, ever: the banner says it until closed
            self.window.show_banner(_(
                "Your desktop has no system tray, so Afspraak stays a normal window and shows "
                "reminders here and in a small popup. On GNOME, the “AppIndicator and "
                "KStatusNotifierItem Support” extension adds a tray."))
        # The first scan (what came due while the app was closed) after the window's first
        # paint, not before it appears: Vandaag has just made the same plan for the list.
        _after_first_paint(self.window, self._start_scheduler)

    def _due_items(self, now):
        """What is due (``reminders.due_items``); while her data is closed (a restore that
        salvages a damaged file lets the window paint meanwhile) the list as it was: a scan
        then reopened the file about to be replaced."""
        from desktop import reminders
        from desktop.store import lookups

        if not lookups.database_open():
            return list(self.scheduler.items) if self.scheduler is not None else []
        return reminders.due_items(now)

    @staticmethod
    def _next_due(now):
        from desktop import reminders
        from desktop.store import lookups

        return reminders.next_due(now) if lookups.database_open() else None

    def _start_scheduler(self) -> None:
        if self.scheduler is not None:
            self.scheduler.start()

    def _on_due_changed(self, items: list) -> None:
        # One count for the tray, the sidebar and the banner (which hides itself at zero).
        self.tray.set_items(items)
        if self.window is not None:
            self.window.set_due_count(len(items))
            self.window.follow_due(items)  # Vandaag (and the panes) follow the moments that came

    def _snooze(self, items: list, how) -> None:
        from desktop import reminders
        from desktop.clock import snooze_until

        reminders.snooze(items, snooze_until(how, utcnow()))
        self._views_follow()

    def _done(self, items: list) -> None:
        """"Done" on the tray's popup or a notification. A strike decision among them ended her
        collaboration: the message that tells her is offered at once, over the main window
        brought up for it, as after the same choice in Vandaag or the step's window
        (``small_dialogs.mark_done``, the one path for all of them)."""
        from desktop.views import small_dialogs

        small_dialogs.mark_done(self.window, items, utcnow(), marked=self._views_follow, show=self.bring_to_front)

    def _views_follow(self) -> None:
        """A popup's button changed a reminder: the view on screen shows it too (Maatwerk's
        banner "Laat de klant iets weten"), as after a reminder's dialog (due_dialog.tell_views)."""
        if self.window is not None and self.window.is_complete:
            self.window.data_changed.emit()

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
        """A reminder from the tray's menu, a popup or a notification: as the ladder plans it
        now. One handled since it was shown (sent from the menu while its notification stayed)
        opens Vandaag instead of the step already sent ("Aan de beurt sinds …", and
        "Verstuurd" logged it twice: review walk)."""
        from desktop import reminders

        self.bring_to_front()
        current = reminders.current_item(item, utcnow())
        if current is None:
            self.window.show_today()
        else:
            self.window.open_due_item(current)

    def shutdown(self) -> None:
        """Stop the reminders (timer, signals, tray) and the backup check; save the window state."""
        from desktop import reminders

        # A start still waiting for the window's first paint (stopped within its first 250 ms)
        # neither opens her data nor starts the reminders afterwards: they started in whatever
        # came next (in the tests, the next test: a scheduler and tray nobody stopped, following
        # that test's data and announcing its reminders, and calling the closed window).
        self._stopped = True
        if self._backup_timer is not None:
            self._backup_timer.stop()
        self.wait_for_check_beside()  # a quit right after the start still checks and copies
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
        if self.marks:
            window = self.window
            window.update()
            _after_first_paint(window, lambda: print("marks: shown again" if window.isVisible()
                                                     and window.is_complete else "marks: NOT shown", flush=True))

    def _smoke_shown(self) -> None:
        """The first window is on screen (the shell, before the database is open)."""
        self.window.repaint()
        # Flushed at once: bench/run.py and pack/check.py time start-to-shown by this line.
        print("smoke-test: window shown" if self.window.isVisible() else "smoke-test: window NOT shown",
              flush=True)

    def _views_ok(self) -> bool:
        return self.window.isVisible() and self.window.is_complete and paths.db_path().exists()

    def _smoke_ready(self) -> None:
        """The completed window has painted its view (the reminders start next)."""
        self.window.repaint()
        # The list on screen is filled and painted: bench/run.py times start-to-ready by this line.
        print("smoke-test: views ready" if self._views_ok() else "smoke-test: views NOT ready", flush=True)

    def _smoke_done(self) -> None:
        from desktop import selfcheck

        self.window.repaint()
        ok = self._views_ok()
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


def show_storage_problem(text: str, title: str | None = None) -> None:
    """A storage problem in a dialog (``title``: "Afspraak cannot save" unless said), or on
    stderr before Qt is there."""
    if QApplication.instance() is None:
        print(text, file=sys.stderr)
        return
    from desktop.views import dialogs

    dialogs.warn(QApplication.activeWindow(), title or _("Afspraak cannot save"), text)


def install_excepthook(application: Application | None, smoke_test: bool = False) -> None:
    """Uncaught errors: a damaged database goes to ``application.damage_found`` (recovered
    from), a full disk or read-only folder gets its message, anything else the crash dialog."""
    logs.install_excepthook(_smoke_crash if smoke_test else show_crash_dialog,
                            show_storage=None if smoke_test else show_storage_problem,
                            on_damage=application.damage_found if application is not None else None)


def run(cli_language: str | None = None, smoke_test: bool = False, minimised: bool = False,
        marks: bool = False) -> int:
    from desktop.store import storage_errors

    # The log file is set up after the first paint (Application._open); what is logged
    # before is kept for it, and a crash before it sets it up itself.
    logs.keep_early()
    install_excepthook(None, smoke_test)
    app = Application(sys.argv, cli_language=cli_language, smoke_test=smoke_test, minimised=minimised,
                      marks=marks)
    install_excepthook(app, smoke_test)
    try:
        code = app.start()
    except Exception as exc:  # a read-only folder before the window: say so, change nothing
        collection.resume()
        kind = storage_errors.kind_of(exc)
        if kind is None:
            raise
        log.error("cannot start: %s", exc)
        from desktop.presentation import errors  # its words only when needed (fix 40)

        text = errors.cannot_open(kind, paths.configured_data_dir())
        if smoke_test:
            print(text, file=sys.stderr)
        else:
            show_storage_problem(text, _("Afspraak cannot start"))
        return 1
    if code is not None:
        return code
    code = app.exec()
    collection.resume()  # however the start ended
    app.wait_for_check_beside()  # the day's check and copy end before the clean exit is marked
    if app.opened:
        try:  # the file deleted or replaced since the last check: the open data put back first
            from desktop.store import recovery

            recovery.rescue_replaced()
        except Exception:
            log.exception("putting the open data back at quit failed")
    if app.opened and code == 0:
        from desktop.store import recovery

        recovery.mark_clean_exit()  # a normal quit: the next start skips the whole-file check
    if app.instance_server is not None:  # the last step: a later start now becomes the instance
        app.instance_server.close()
    return code
