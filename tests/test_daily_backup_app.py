"""The app's automatic backup: taken once a day, when the day's first start has painted
her list, and again each day while Afspraak keeps running (in the tray for weeks).

(store/backup.daily_backup itself, its rotation and its atomic copy: tests/test_backup.py.)
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop import app as app_module
from desktop import paths
from desktop.store import backup
from desktop.store.db import db

from .conftest import NOW
from .helpers import start_app, stop_app


def auto_days() -> list[str]:
    return [p.name[len(backup.AUTO_PREFIX):][:8] for p in backup.auto_backups(paths.backup_dir())]


def test_the_first_start_of_a_day_checks_and_backs_up_beside_her_list(qtbot, database, translator, monkeypatch,
                                                                      no_other_instance):
    """The day's whole-file check and copy come after her list is painted, in a thread of
    their own: the window is complete before they start, and the copy is taken there."""
    import threading

    from desktop.store import recovery

    seen = []
    real, real_start = recovery.check_beside, app_module.Application._start_check_beside

    def watch(path, now, keep):
        seen.append(threading.current_thread() is threading.main_thread())
        return real(path, now, keep)

    def starting(self):
        seen.append(self.window.is_complete)
        real_start(self)

    monkeypatch.setattr(recovery, "check_beside", watch)
    monkeypatch.setattr(app_module.Application, "_start_check_beside", starting)
    assert recovery.check_can_wait(paths.db_path(), NOW)  # due (never checked), a clean start, no upgrade
    application = start_app(qtbot, "nl", ready=True)
    try:
        assert seen == [True, False]  # her list first; then beside the window, not in its thread
        assert auto_days() == [NOW.strftime("%Y%m%d")]
        stamp = (paths.db_path().parent / recovery.CHECKED_STAMP).read_text(encoding="utf-8")
        assert datetime.fromisoformat(stamp) == NOW  # noted: a start later today skips it
        application._daily_backup()  # the half-hourly check, the same day: nothing more
        assert auto_days() == [NOW.strftime("%Y%m%d")]
    finally:
        stop_app(application, qtbot)


def test_after_an_unclean_exit_the_check_comes_before_her_list(qtbot, database, translator, monkeypatch,
                                                               no_other_instance):
    """A crash, a kill or a power cut: the whole file is checked before anything is read,
    and the day's copy follows her list as before."""
    from desktop.store import recovery

    checked_before, started = [], []
    real, real_start = recovery.diagnose, app_module.Application.start

    def watch(path, full=True, thorough=False):
        if full:
            checked_before.append(started[0].window.is_complete)
        return real(path, full=full, thorough=thorough)

    def start(self):
        started.append(self)
        return real_start(self)

    monkeypatch.setattr(app_module.Application, "start", start)

    recovery.mark_running()  # left behind by the last run
    assert not recovery.check_can_wait(paths.db_path(), NOW)
    monkeypatch.setattr(recovery, "diagnose", watch)
    monkeypatch.setattr(recovery, "check_beside", lambda *a: pytest.fail("not beside the start after a crash"))
    application = start_app(qtbot, "nl", ready=True)
    try:
        assert checked_before == [False]  # before the window was completed on the data
        assert auto_days() == [NOW.strftime("%Y%m%d")]
    finally:
        stop_app(application, qtbot)


def test_the_window_answers_while_the_days_check_runs(qtbot, database, translator, monkeypatch, no_other_instance):
    """A check that takes long (a large shop, a slow disk): the owner can work meanwhile,
    the half-hourly copy waits for it, and quitting waits until it is done."""
    import threading

    from desktop.store import recovery

    release = threading.Event()
    real = recovery.check_beside

    def slow(path, now, keep):
        assert release.wait(30)
        return real(path, now, keep)

    monkeypatch.setattr(recovery, "check_beside", slow)
    application = start_app(qtbot, "nl")
    qtbot.waitUntil(lambda: application.ready)
    try:
        assert application.checking_beside()
        application.window.show_view("influencers")  # the event loop runs: the view is built and shown
        assert application.window.current_view().key == "influencers"
        application._daily_backup()  # the timer's copy: left to the check
        assert auto_days() == []
    finally:
        release.set()  # the check goes on; quitting right away waits for it and its copy
        stop_app(application, qtbot)
    assert not application.checking_beside()
    assert auto_days() == [NOW.strftime("%Y%m%d")]


def test_a_running_afspraak_backs_up_each_new_day_but_never_halfway_a_write(qtbot, database, translator,
                                                                           monkeypatch, no_other_instance):
    """Each new day's copy follows a whole-file check of its own, beside the window as at the
    start (review of data safety, 1: it copied the file unchecked)."""
    import threading

    from desktop.store import recovery

    clock = [NOW]
    monkeypatch.setattr(app_module, "utcnow", lambda: clock[0])
    checks, real = [], recovery.check_beside

    def check(path, now, keep):
        checks.append((now, threading.current_thread() is threading.main_thread()))
        return real(path, now, keep)

    monkeypatch.setattr(recovery, "check_beside", check)
    application = start_app(qtbot, "nl", ready=True)
    try:
        assert application._backup_timer is not None and application._backup_timer.isActive()
        assert application._backup_timer.interval() == app_module.BACKUP_CHECK_MS
        assert checks == [(NOW, False)]  # the start's
        application._daily_backup()  # the same day: nothing to check or copy
        clock[0] = NOW + timedelta(days=1)  # still running the next day (in the tray)
        with db.atomic():  # a write under way: the copy would hold what may be rolled back
            application._daily_backup()
        assert len(auto_days()) == 1 and len(checks) == 1
        application._backup_timer.timeout.emit()  # the next check, the write done
        qtbot.waitUntil(lambda: not application.checking_beside())
        assert checks == [(NOW, False), (clock[0], False)]  # checked first, beside the window
        assert auto_days() == [NOW.strftime("%Y%m%d"), clock[0].strftime("%Y%m%d")]
    finally:
        stop_app(application, qtbot)
    assert not application._backup_timer.isActive()  # quitting stops the checks


def put_in_place_of_the_data(content: bytes) -> None:
    """What a sync program does: another file moved over the open database in one step."""
    import os

    other = paths.db_path().with_name("from-the-cloud")
    other.write_bytes(content)
    os.replace(other, paths.db_path())


def test_a_file_replaced_while_running_is_put_back_at_the_next_check(qtbot, database, translator, monkeypatch,
                                                                    no_other_instance):
    """A sync program puts another file where the database was while Afspraak runs in the
    tray: the half-hourly check puts the open data back, rebuilds the window on it and says
    so, before any backup is taken from it."""
    import sqlite3

    from desktop.store.models import Person
    from desktop.views import dialogs

    told = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: told.append((title, text)))
    application = start_app(qtbot, "nl", ready=True)
    try:
        Person.create(name="Voor de sync")
        put_in_place_of_the_data(b"an older copy the sync program brought back" * 50)
        Person.create(name="Na de sync")  # saved into the file nothing names any more
        window = application.window
        application._backup_timer.timeout.emit()
        assert told and "er ontbreekt niets" in told[-1][1]
        assert application.opened and application.window is not window
        con = sqlite3.connect(paths.db_path())
        assert {"Voor de sync", "Na de sync"} <= {r[0] for r in con.execute("SELECT name FROM person")}
        con.close()
        assert len(list(paths.db_path().parent.glob("afspraak-damaged-*.sqlite3"))) == 1
        Person.create(name="Daarna")  # the app goes on, on the file in place
        application._backup_timer.timeout.emit()  # the next check: the day's backup, no second rescue
        assert len(told) == 1
    finally:
        stop_app(application, qtbot)


def full_from_copy(monkeypatch, number: int) -> None:
    """The ``number``-th copy of a database (1: the rescue's copy of the open data, 2: that
    copy put in place) and every one after it meet a full disk."""
    import errno
    import os

    real, copies = backup.copy_database, []

    def copy(source, target):
        copies.append(target)
        if len(copies) >= number:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
        return real(source, target)

    monkeypatch.setattr(backup, "copy_database", copy)


NOT_SAID_OF_A_RESCUE = ["Je laatste wijziging is niet opgeslagen", "veilig", "Your last change", "safe"]


def test_a_file_replaced_while_running_on_a_full_disk_keeps_her_data_open_and_says_so(
        qtbot, database, translator, monkeypatch, no_other_instance):
    """The open data could not even be copied out (a full disk): she read "Afspraak cannot
    save: your last change was not saved; everything saved before it is safe", while her
    data was only in the open Afspraak and would go when she quit with the disk still full."""
    from desktop.store.models import Person
    from desktop.views import dialogs

    told = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: told.append((title, text)))
    application = start_app(qtbot, "nl", ready=True)
    try:
        Person.create(name="Voor de sync")
        put_in_place_of_the_data(b"another file" * 50)
        Person.create(name="Na de sync")
        window = application.window
        with monkeypatch.context() as patched:
            full_from_copy(patched, 1)
            application._backup_timer.timeout.emit()
        assert len(told) == 1, told
        title, text = told[0]
        assert title == "Afspraak kan niet naar je gegevens schrijven"
        assert "verwijderd, verplaatst of vervangen" in text and "heeft al je gegevens nog open" in text, text
        assert "de schijf is vol" in text and "voordat je Afspraak afsluit" in text and str(paths.data_dir()) in text
        assert not any(words in text for words in NOT_SAID_OF_A_RESCUE), text
        assert application.opened and application.window is window
        assert {"Voor de sync", "Na de sync"} <= {p.name for p in Person.select()}  # still open, all of it
        application._backup_timer.timeout.emit()  # room again: the next check puts it back
        assert len(told) == 2 and "er ontbreekt niets" in told[-1][1]
    finally:
        stop_app(application, qtbot)


def test_a_rescue_copy_that_cannot_be_put_in_place_stops_and_names_the_copy(
        qtbot, database, translator, monkeypatch, no_other_instance):
    from desktop.store import recovery
    from desktop.store.models import Person
    from desktop.views import dialogs

    told, exits = [], []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: told.append((title, text)))
    application = start_app(qtbot, "en", ready=True)
    monkeypatch.setattr(application.qt, "exit", lambda code=0: exits.append(code))
    try:
        Person.create(name="Before the sync")
        put_in_place_of_the_data(b"another file" * 50)
        Person.create(name="After the sync")
        with monkeypatch.context() as patched:
            full_from_copy(patched, 2)
            application._backup_timer.timeout.emit()
        assert exits == [1] and len(told) == 1, told
        title, text = told[0]
        copies = list(paths.backup_dir().glob("*-rescued.sqlite3"))
        assert title == "Afspraak cannot continue" and len(copies) == 1
        assert "made a whole copy of your data" in text and str(copies[0]) in text and "the disk is full" in text
        assert "start Afspraak again" in text and "File → Restore a backup" in text, text
        assert not any(words in text for words in NOT_SAID_OF_A_RESCUE), text
    finally:
        stop_app(application, qtbot)
    # the next start, with room: the copy is put back, and all of it is there
    report = recovery.open_checked(now=NOW)
    assert report is not None and report.restored_from == copies[0]
    assert {"Before the sync", "After the sync"} <= {p.name for p in Person.select()}


def test_the_data_is_not_put_back_under_an_open_dialog(qtbot, database, translator, monkeypatch, no_other_instance):
    """A dialog of the old window stays open (an order being typed): the rebuild waits for
    the next check instead of pulling the window out from under it."""
    from PySide6.QtWidgets import QApplication, QDialog

    from desktop.store.models import Person
    from desktop.views import dialogs

    told = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: told.append((title, text)))
    application = start_app(qtbot, "nl", ready=True)
    try:
        Person.create(name="Voor de sync")
        put_in_place_of_the_data(b"another file" * 50)
        dialog = QDialog(application.window)
        dialog.setModal(True)
        dialog.show()
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
        window = application.window
        application._backup_timer.timeout.emit()
        assert told == [] and application.window is window
        dialog.close()
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
        application._backup_timer.timeout.emit()
        assert told and "er ontbreekt niets" in told[-1][1]
    finally:
        stop_app(application, qtbot)


def test_a_days_check_that_could_not_finish_runs_again_before_any_copy(qtbot, database, translator, monkeypatch,
                                                                      no_other_instance):
    """The check beside the start met a locked file or a full disk: the half-hourly check
    does not copy an unchecked file; it runs the check again, and the copy follows it."""
    import sqlite3

    from desktop.store import recovery

    real, calls = recovery.check_beside, []

    def flaky(path, now, keep):
        calls.append(now)
        if len(calls) == 1:
            raise sqlite3.OperationalError("database is locked")
        return real(path, now, keep)

    monkeypatch.setattr(recovery, "check_beside", flaky)
    application = start_app(qtbot, "nl", ready=True)
    try:
        qtbot.waitUntil(lambda: application._check_beside_due)  # the failure reached the event loop
        assert len(calls) == 1 and auto_days() == []
        application._backup_timer.timeout.emit()  # the next half-hourly check
        qtbot.waitUntil(lambda: not application.checking_beside())
        assert len(calls) == 2 and auto_days() == [NOW.strftime("%Y%m%d")]
    finally:
        stop_app(application, qtbot)
