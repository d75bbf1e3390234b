"""What a full disk or a read-only file does to quitting, to the day's backup and to the
start's own settings (review 26, data 2 and 3; the data review's third leftover): Quit always
quits, a backup that cannot be made is said, once a day, and a setting the start cannot
write is said as what it is, and the start goes on."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from desktop import paths
from desktop.store import backup, settings

from .helpers import start_app, stop_app


def _full(*_args, **_kwargs):
    raise sqlite3.OperationalError("database or disk is full")


def test_quit_quits_when_the_window_state_cannot_be_saved(qtbot, database, translator, monkeypatch,
                                                          no_other_instance):
    """On a full disk Quit said "Afspraak cannot save" and stayed open, every time."""
    application = start_app(qtbot, "nl", ready=True)
    quits = []
    monkeypatch.setattr(settings, "save_window", _full)
    monkeypatch.setattr(application.qt, "quit", lambda: quits.append(True))
    try:
        application.quit()
        assert quits == [True]
    finally:
        application.instance_server.server.close()


def test_closing_the_window_closes_it_when_the_state_cannot_be_saved(qtbot, database, translator, monkeypatch,
                                                                     no_other_instance):
    application = start_app(qtbot, "nl", ready=True)
    window = application.window
    monkeypatch.setattr(window, "keep_in_tray", lambda: False)
    monkeypatch.setattr(settings, "save_window", _full)
    quit_asked = []
    window.quit_requested.connect(lambda: quit_asked.append(True))
    try:
        window.close()
        assert not window.isVisible() and quit_asked == [True]
    finally:
        monkeypatch.undo()
        stop_app(application, qtbot)


def test_other_errors_while_saving_the_state_are_not_hidden(qtbot, database, translator, monkeypatch,
                                                            no_other_instance):
    application = start_app(qtbot, "nl", ready=True)

    def bug(*_a):
        raise KeyError("a bug, not the disk")

    monkeypatch.setattr(settings, "save_window", bug)
    try:
        with pytest.raises(KeyError):
            application.window.save_state()
    finally:
        monkeypatch.undo()
        stop_app(application, qtbot)


def test_a_days_backup_that_cannot_be_made_is_said_once_a_day(qtbot, database, translator, monkeypatch,
                                                              no_other_instance):
    """A file where the backup folder should be: the backup failed at every start, day after
    day, with only a line in the log."""
    folder = paths.backup_dir()
    shutil.rmtree(folder, ignore_errors=True)
    folder.write_text("not a folder", encoding="utf-8")
    application = start_app(qtbot, "nl", ready=True)
    window = application.window
    try:
        qtbot.waitUntil(lambda: not application.checking_beside())
        qtbot.waitUntil(lambda: "back-up" in window.banner_text.text())
        text = window.banner_text.text()
        assert "De automatische back-up van vandaag kon niet worden gemaakt: " in text, text
        assert str(folder) in text
        window.close_banner()
        application._daily_backup()  # the half-hourly try: it fails again, and is not said again
        assert not window.banner.isVisible()
        assert folder.is_file()  # nothing written over the file in its place
    finally:
        stop_app(application, qtbot)
        folder.unlink()


def test_a_full_disk_at_the_days_backup_is_said_in_english_too(qtbot, database, translator, monkeypatch,
                                                               no_other_instance):
    from desktop.store import recovery

    def full(*_a):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(recovery, "check_beside", full)
    monkeypatch.setattr(backup, "daily_backup", full)
    application = start_app(qtbot, "en", ready=True)
    window = application.window
    try:
        qtbot.waitUntil(lambda: "backup" in window.banner_text.text())
        text = window.banner_text.text()
        assert "Today's automatic backup could not be made: the disk is full." in text, text
    finally:
        stop_app(application, qtbot)


def full_for(monkeypatch, key: str) -> None:
    """Writing the setting ``key`` meets a full disk (SQLite's own words, through Peewee)."""
    import peewee

    real = settings.set

    def written(name, value):
        if name == key:
            raise peewee.OperationalError("database or disk is full") from sqlite3.OperationalError(
                "database or disk is full")
        return real(name, value)

    monkeypatch.setattr(settings, "set", written)


def told_at_start(monkeypatch) -> tuple[list, list]:
    """The dialogs the owner would see, and the storage messages of the excepthook."""
    import sys

    from desktop import app as app_module
    from desktop.views import dialogs

    told, storage = [], []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: told.append((title, text)))
    monkeypatch.setattr(app_module, "show_storage_problem", lambda text, title=None: storage.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    return told, storage


@pytest.mark.parametrize("language, title, said, not_said", [
    ("nl", "Afspraak kan niet naar je gegevens schrijven", ["is vol", "Je gegevens zijn zoals ze waren",
                                                           "Maak wat ruimte vrij"], "laatste wijziging is niet"),
    ("en", "Afspraak cannot write to your data", ["the disk is full", "Your data is as it was",
                                                  "Free up some space"], "last change was not saved"),
])
def test_a_setting_the_start_cannot_write_is_told_as_such_and_the_reminders_start(
        qtbot, database, translator, monkeypatch, no_other_instance, language, title, said, not_said):
    """Without a tray the start notes that its banner told her so; on a full disk that
    write failed inside the reminders' start: she read "Afspraak cannot save: your last
    change was not saved" (she had changed nothing), and the reminders never started."""
    from desktop import app as app_module

    told, storage = told_at_start(monkeypatch)
    full_for(monkeypatch, "told_no_tray")
    application = start_app(qtbot, language)
    app_module.install_excepthook(application)
    try:
        qtbot.waitUntil(lambda: bool(application.ready and told or storage), timeout=10000)
        assert storage == [] and len(told) == 1, (told, storage)
        assert told[0][0] == title and all(words in told[0][1] for words in said), told
        assert not_said not in told[0][1] and str(paths.data_dir()) in told[0][1]
        # Her reminders run: the scheduler's first scan follows the window's next paint (or
        # a second at most, app._after_first_paint), which a loaded machine can put after
        # ``ready``; wait for it rather than catch it halfway.
        qtbot.waitUntil(lambda: application.scheduler is not None and application.scheduler.timer.isActive(),
                        timeout=5000)
        assert "tray" in application.window.banner_text.text() or "systeemvak" in application.window.banner_text.text()
    finally:
        stop_app(application, qtbot)
    assert not settings.get("told_no_tray")  # written at a start with room


def test_the_language_chosen_at_the_first_start_on_a_full_disk_is_used_and_told(
        qtbot, data_dir, translator, monkeypatch, no_other_instance, language_question):
    from desktop import app as app_module, i18n

    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C")  # the first start asks the language
    language_question.answer = "en"
    told, storage = told_at_start(monkeypatch)
    full_for(monkeypatch, "language")
    application = start_app(qtbot)
    app_module.install_excepthook(application)
    try:
        qtbot.waitUntil(lambda: bool(application.ready and told or storage), timeout=10000)
        assert storage == [] and len(told) == 1, (told, storage)
        assert told[0][0] == "Afspraak cannot write to your data" and "Your data is as it was" in told[0][1]
        assert i18n.current_language() == "en" and application.opened
    finally:
        stop_app(application, qtbot)


def test_a_second_notice_joins_the_first(qtbot, database, translator, no_other_instance):
    application = start_app(qtbot, "nl", ready=True)
    window = application.window
    try:
        window.show_banner("Eerste bericht.")
        window.show_banner("Tweede bericht.")
        window.show_banner("Eerste bericht.")
        lines = window.banner_text.text().split("\n")
        assert lines[:2] == ["Eerste bericht.", "Tweede bericht."] or lines[-2:] == ["Eerste bericht.",
                                                                                    "Tweede bericht."]
        assert window.banner_text.text().count("Eerste bericht.") == 1
        window.close_banner()
        assert "Eerste bericht." not in window.banner_text.text() or not window.banner.isVisible()
    finally:
        stop_app(application, qtbot)


def test_the_copy_a_killed_restore_left_is_cleared_at_the_next_open(data_dir):
    """A restore killed while it copied left afspraak.sqlite3.restore, a whole copy of the backup
    in the data folder that the privacy erase did not reach (review 26, data 5)."""
    import os
    import time

    from desktop.store import backup as backups
    from desktop.store.db import close_database
    from desktop.store.models import Person
    from desktop.store.opening import open_database

    open_database()
    Person.create(name="Sanne de Vries")
    close_database()
    staged = paths.db_path().with_name(paths.db_path().name + ".restore")
    staged.write_bytes(paths.db_path().read_bytes())
    staged.with_name(staged.name + "-wal").write_bytes(b"")
    young = time.time() - 10  # a restore under way in another process: left alone
    os.utime(staged, (young, young))
    open_database()
    close_database()
    assert staged.exists()
    old = time.time() - backups.STALE_STAGING - 60
    os.utime(staged, (old, old))
    open_database()
    close_database()
    assert not staged.exists() and not staged.with_name(staged.name + "-wal").exists()
