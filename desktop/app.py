"""Starting the GUI: QApplication, single instance, database, language, main window."""

from __future__ import annotations

import logging
import sqlite3
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_NAME, i18n, logs, paths
from desktop.clock import utcnow
from desktop.i18n import _
from desktop.store import backup, settings
from desktop.store import recovery, storage_errors
from desktop.store.db import db
from desktop.store.migrations import SchemaTooNew

log = logging.getLogger(__name__)


def choose_language(cli_language: str | None) -> str:
    """--lang beats the saved setting, which beats the system locale."""
    if cli_language:
        return i18n.normalise_language(cli_language)
    saved = settings.get("language")
    return i18n.normalise_language(saved) if saved else i18n.system_language()


def show_crash_dialog(log_path) -> None:
    if QApplication.instance() is None:
        return
    box = QMessageBox(QMessageBox.Critical, _("Something went wrong"), _(
        "Afspraak ran into an unexpected problem. Your saved data is safe.\n\n"
        "The details are in the log file:\n{path}").format(path=str(log_path)))
    box.exec()


class Application:
    """Owns the QApplication, the instance server and the (re)built main window."""

    def __init__(self, argv: list[str], cli_language: str | None = None, smoke_test: bool = False):
        self.qt = QApplication.instance() or QApplication(argv)
        self.qt.setApplicationName("afspraak")
        self.qt.setApplicationDisplayName(APP_NAME)
        self.qt.setWindowIcon(QIcon(str(paths.resource("afspraak.svg"))))
        self.cli_language = cli_language
        self.smoke_test = smoke_test
        self.window = None
        self.instance_server = None

    def start(self) -> int | None:
        """Open everything; returns an exit code when there is nothing more to do."""
        from desktop import single_instance
        from desktop.views import translator

        if not self.smoke_test and single_instance.notify_running():
            print(_("Afspraak is already running; its window was brought to the front."))
            return 0
        self.instance_server = single_instance.InstanceServer(self.qt)
        self.instance_server.activated.connect(self.bring_to_front)
        try:
            repaired = recovery.open_checked(now=utcnow())
        except SchemaTooNew:
            translator.install(self.qt)
            self._tell(_("Afspraak cannot start"), _(
                "Your data was saved by a newer version of Afspraak. Install that version again; "
                "nothing was changed."))
            return 1
        try:
            backup.daily_backup(db.obj, keep=int(settings.get("backup_keep")), now=utcnow())
        except (OSError, sqlite3.Error):
            log.exception("daily backup failed")
        i18n.set_language(choose_language(self.cli_language))
        translator.install(self.qt)
        self.build_window()
        if repaired is not None:
            self._tell(_("Your data was repaired"), recovery.message(repaired))
        if self.smoke_test:
            QTimer.singleShot(0, self._smoke_done)
        return None

    def _tell(self, title: str, text: str) -> None:
        """A message at start: a dialog, or stderr in a smoke test (nobody to click it away)."""
        if self.smoke_test:
            print(f"{title}: {text}", file=sys.stderr)
            return
        from desktop.views import dialogs

        dialogs.warn(self.window, title, text)

    def build_window(self) -> None:
        from desktop.views.main_window import MainWindow

        old = self.window
        self.window = MainWindow()
        self.window.language_changed.connect(self._on_language_changed)
        if old is not None:
            self.window.restoreGeometry(old.saveGeometry())
            old.hide()
            old.deleteLater()
        self.window.show()

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

    def _smoke_done(self) -> None:
        self.window.repaint()
        ok = self.window.isVisible() and paths.db_path().exists()
        print("smoke-test: ok" if ok else "smoke-test: FAILED")
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


def run(cli_language: str | None = None, smoke_test: bool = False) -> int:
    logs.setup()
    logs.install_excepthook(_smoke_crash if smoke_test else show_crash_dialog,
                            show_storage=None if smoke_test else show_storage_problem)
    app = Application(sys.argv, cli_language=cli_language, smoke_test=smoke_test)
    try:
        code = app.start()
    except Exception as exc:  # a full disk or read-only folder at start: say so, change nothing
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
    return app.exec()
