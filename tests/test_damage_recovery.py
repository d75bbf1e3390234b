"""A damaged database caught wherever it shows: at a start that skips the whole-file check,
and while the window is open. Recovered as README promises, never the crash dialog, never
a loop (app.py ``_open_with_recovery`` / ``damage_found``, store/recovery.py).

How the damage is made, and why it is realistic:

- *At start.* The shop ran earlier today: its daily backup was taken, the whole-file check
  ran (``afspraak.checked``) and the app quit normally (no ``afspraak.running``), so the
  next start skips ``quick_check`` -- ``check_due`` is asserted False first. Then, with the
  app closed, one page in the middle of the file (the one holding an influencer the start
  lists) is overwritten with garbage, as a failing disk or another program would, or the
  header is. Only the queries of the start can find it.
- *While the window is open.* The app's own connection has read the file and keeps the
  pages in its cache (16 MB). The WAL is checkpointed first, so the pages live in the
  main file; then a page (or the header) is overwritten there. ``PRAGMA shrink_memory``
  makes the connection drop its cached pages, as it does all the time on a shop larger
  than its cache: the next query reads the damaged page from the disk. The query is
  triggered from the event loop (``QTimer.singleShot``), as a click on the sidebar or a
  menu is, so the error travels the way a real one does: to the excepthook.
"""

from __future__ import annotations

import gc
import sys
import weakref
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer

from desktop import app as app_module
from desktop import i18n, paths
from desktop.clock import to_local
from desktop.store import backup, recovery, settings
from desktop.store.db import close_database, db
from desktop.store.opening import open_database
from desktop.store.models import Person
from tests.conftest import NOW
from tests.helpers import start_app, stop_app

PAGE = 4096  # SQLite's default page size, which Afspraak keeps
GARBAGE = b"\xa5\x5a" * (PAGE // 2)  # 0xA5 is no b-tree page type: SQLite always calls it malformed
BACKUP_AT = NOW - timedelta(hours=2)  # earlier the same (UTC) day


def shop_checked_earlier_today(last_view: str) -> Path:
    """Influencers, today's backup of the first one, the whole-file check done today, a
    clean exit; then work after the backup (which a recovery loses). Returns the backup."""
    database = open_database()
    settings.set("last_view", last_view)
    settings.set("language", "nl")
    Person.create(name="In de back-up", is_influencer=True)
    taken = backup.daily_backup(database, keep=14, now=BACKUP_AT)
    for i in range(200):
        Person.create(name=f"Vulling {i}", notes="x" * 300, is_influencer=True)
    Person.create(name="Na de back-up", is_influencer=True)
    close_database()
    recovery._record_check(paths.db_path(), BACKUP_AT)  # what the start after the backup wrote
    recovery.mark_running()
    recovery.mark_clean_exit()
    return taken


def page_holding(path: Path, text: bytes) -> int:
    data = path.read_bytes()
    offset = data.find(text)
    assert offset >= 0, text
    return offset // PAGE


def damage_page(path: Path, page: int) -> bytes:
    """Overwrite one whole page with garbage; returns the file's bytes afterwards."""
    with open(path, "r+b") as fh:
        fh.seek(page * PAGE)
        fh.write(GARBAGE)
    return path.read_bytes()


def damage_middle_page(path: Path) -> tuple[int, bytes]:
    """The page that holds influencer "Vulling 100": one in the middle of the file."""
    page = page_holding(path, b"Vulling 100")
    pages = path.stat().st_size // PAGE
    assert 0 < page < pages - 1, (page, pages)  # neither the header page nor the last one
    return page, damage_page(path, page)


def damage_header(path: Path) -> tuple[int, bytes]:
    """The 100-byte database header (magic string, page size, counters, application id)."""
    with open(path, "r+b") as fh:
        fh.write(GARBAGE[:100])
    return 0, path.read_bytes()


DAMAGE = {"middle page": damage_middle_page, "header": damage_header}


@pytest.fixture
def watched(monkeypatch):
    """The dialogs the owner would see, the crash dialogs and the exits, recorded."""
    from desktop.views import dialogs

    seen = {"told": [], "crashes": [], "exits": []}
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: seen["told"].append((title, text)))
    monkeypatch.setattr(app_module, "show_crash_dialog", lambda log_path: seen["crashes"].append(log_path))
    monkeypatch.setattr(app_module, "show_storage_problem", lambda text: seen["crashes"].append(text))
    monkeypatch.setattr(app_module, "utcnow", lambda: NOW)  # the app's clock: the same day as the backup
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    return seen


def started(qtbot, seen, monkeypatch):
    """The app started as ``afspraak gui`` starts it, with its excepthook (app.run)."""
    application = start_app(qtbot, "nl")
    app_module.install_excepthook(application)  # before the data opens (after the first paint)
    monkeypatch.setattr(application.qt, "exit", lambda code=0: seen["exits"].append(code))
    return application


def stopped(application, qtbot) -> None:
    """stop_app once the window the recovery replaced is really gone. pytest-qt closes every
    window registered in the test (start_app registers the first one); the replaced one is
    deleted in C++, but its Python wrapper lives on until Qt has run the deletions the app's
    main loop would run (it does not run in a test) and the garbage collector has broken
    the cycles its handlers and the error's traceback make with it."""
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    gc.collect()
    stop_app(application, qtbot)


def kept_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("afspraak-damaged-*.sqlite3"))


def names() -> set[str]:
    return {p.name for p in Person.select()}


def assert_told_about(seen, kept: Path, taken_at) -> None:
    assert len(seen["told"]) == 1, seen["told"]
    title, text = seen["told"][0]
    assert title == "Je gegevens zijn hersteld"
    local = to_local(taken_at)
    assert str(kept) in text
    assert i18n.format_date(local, "long") in text and i18n.format_time(local) in text  # from when the data is
    assert "ontbreekt" in text  # what may be missing


def assert_salvaged(seen, kept: Path) -> None:
    """What could be read of the damaged file is in use, not the older backup: her work
    after the backup is there, only the damaged page's influencers are not (review of data
    safety, 1: the backup, or an empty database, was put back over a file nearly all of
    which could be read). Told so, with where the damaged file is kept."""
    assert {"In de back-up", "Na de back-up", "Vulling 0", "Vulling 199"} <= names()
    assert "Vulling 100" not in names()  # on the damaged page
    assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    assert len(seen["told"]) == 1, seen["told"]
    title, text = seen["told"][0]
    assert title == "Je gegevens zijn hersteld" and str(kept) in text


# --- at start, on a day the whole-file check already ran -------------------------------------

@pytest.mark.parametrize("how", sorted(DAMAGE))
def test_damage_at_a_start_that_skips_the_check_is_recovered_from(qtbot, data_dir, watched, monkeypatch,
                                                                  no_other_instance, how):
    taken = shop_checked_earlier_today(last_view="influencers")
    assert recovery.check_due(paths.db_path(), NOW) is False  # the start will not run quick_check
    page, damaged = DAMAGE[how](paths.db_path())

    application = started(qtbot, watched, monkeypatch)
    qtbot.waitUntil(lambda: bool(application.ready or watched["exits"] or watched["crashes"]), timeout=20000)
    try:
        assert watched["crashes"] == [] and watched["exits"] == []
        assert application.ready and application.window.is_complete
        kept = kept_files(data_dir)
        assert len(kept) == 1
        assert kept[0].read_bytes() == damaged  # kept aside untouched
        influencers = application.window.current_view()
        assert influencers.key == "influencers"
        if how == "header":  # nothing can be read behind a header written over: the backup's data
            assert names() == {"In de back-up"}
            assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert influencers.model.rowCount() == 1  # the window shows it
            assert_told_about(watched, kept[0], BACKUP_AT)
        else:  # all but the damaged page: more than the backup holds
            assert_salvaged(watched, kept[0])
            assert influencers.model.rowCount() > 1  # (the list shows its first hundred)
        assert taken.exists()  # the backup itself stays where it was
    finally:
        stopped(application, qtbot)


def test_no_good_backup_at_start_keeps_what_can_be_read_and_every_damaged_file(qtbot, data_dir, watched,
                                                                              monkeypatch, no_other_instance):
    """No backup to put back: what can still be read of her file is kept, never an empty
    database while a readable file exists (review of data safety, 1: 20 people became 0)."""
    taken = shop_checked_earlier_today(last_view="influencers")
    damage_page(taken, page_holding(taken, b"In de back-up"))  # the only backup is damaged too
    backup_bytes = taken.read_bytes()
    _page, damaged = damage_middle_page(paths.db_path())

    application = started(qtbot, watched, monkeypatch)
    qtbot.waitUntil(lambda: bool(application.ready or watched["exits"] or watched["crashes"]), timeout=20000)
    try:
        assert watched["crashes"] == [] and watched["exits"] == []
        assert application.ready
        kept = kept_files(data_dir)
        assert len(kept) == 1 and kept[0].read_bytes() == damaged
        assert taken.read_bytes() == backup_bytes  # never deleted, never changed
        assert_salvaged(watched, kept[0])
    finally:
        stopped(application, qtbot)


def test_no_backup_and_nothing_readable_starts_empty_and_says_so(qtbot, data_dir, watched, monkeypatch,
                                                                 no_other_instance):
    """Page 1 (the schema) written over, and the only backup damaged: nothing can be read,
    so an empty database, said so (not "repaired")."""
    taken = shop_checked_earlier_today(last_view="influencers")
    damage_page(taken, page_holding(taken, b"In de back-up"))
    with open(paths.db_path(), "r+b") as fh:
        fh.seek(100)  # the header stays: an SQLite file whose schema cannot be read
        fh.write(GARBAGE[:PAGE - 100])
    damaged = paths.db_path().read_bytes()

    application = started(qtbot, watched, monkeypatch)
    qtbot.waitUntil(lambda: bool(application.ready or watched["exits"] or watched["crashes"]), timeout=20000)
    try:
        assert watched["crashes"] == [] and watched["exits"] == []
        assert application.ready and names() == set()
        kept = kept_files(data_dir)
        assert len(kept) == 1 and kept[0].read_bytes() == damaged
        title, text = watched["told"][0]
        assert title == "Afspraak is begonnen met een lege database"
        assert str(kept[0]) in text and "lege database" in text and "Back-up terugzetten" in text
    finally:
        stopped(application, qtbot)


def test_damage_the_days_check_finds_beside_the_start_is_recovered_from(qtbot, data_dir, watched, monkeypatch,
                                                                       no_other_instance, caplog):
    """The shop was checked and backed up yesterday and quit normally; overnight a page
    no query of the start reads is damaged. The day's check runs beside the start (her
    list is painted first), finds it, and the same recovery follows: the file kept aside,
    yesterday's backup put back, the owner told."""
    yesterday = BACKUP_AT - timedelta(days=1)
    database = open_database()
    settings.set("last_view", "today")
    settings.set("language", "nl")
    Person.create(name="In de back-up", is_influencer=True)
    backup.daily_backup(database, keep=14, now=yesterday)
    for i in range(200):
        Person.create(name=f"Vulling {i}", notes="x" * 300, is_influencer=True)
    close_database()
    recovery._record_check(paths.db_path(), yesterday)
    recovery.mark_running()
    recovery.mark_clean_exit()
    assert recovery.check_can_wait(paths.db_path(), NOW)  # due today, after a clean exit: beside the start
    page, damaged = damage_middle_page(paths.db_path())

    application = started(qtbot, watched, monkeypatch)
    qtbot.waitUntil(lambda: bool(watched["told"] or watched["exits"] or watched["crashes"]), timeout=20000)
    qtbot.waitUntil(lambda: application.ready)
    try:
        assert watched["crashes"] == [] and watched["exits"] == []
        assert "the day's check found the database damaged" in caplog.text  # found by the check, not a query
        kept = kept_files(data_dir)
        assert len(kept) == 1
        assert kept[0].read_bytes()[page * PAGE:page * PAGE + 100] == damaged[page * PAGE:page * PAGE + 100]
        assert {"In de back-up", "Vulling 0", "Vulling 199"} <= names() and "Vulling 100" not in names()
        assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert application.window.is_complete and application.window.current_view().key == "today"
        title, text = watched["told"][0]
        assert title == "Je gegevens zijn hersteld" and str(kept[0]) in text
        kept_backups = backup.auto_backups(paths.backup_dir())
        assert kept_backups and all(recovery.diagnose(p) is None for p in kept_backups)  # none from the damaged file
    finally:
        stopped(application, qtbot)


# --- while the window is open -----------------------------------------------------------------

def damage_under_the_open_app(how: str) -> tuple[int, bytes]:
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # every page in the main file
    page, damaged = DAMAGE[how](paths.db_path())
    db.execute_sql("PRAGMA shrink_memory")  # the cache forgets them, as on a big shop: read from disk next
    return page, damaged


def switch_to_influencers(window) -> None:
    """A click on "Influencers" in the sidebar, delivered by the event loop."""
    QTimer.singleShot(0, lambda: window.sidebar.setCurrentRow(1))


def toggle_close_to_tray(window) -> None:
    """A setting saved from the menu (a write), delivered by the event loop."""
    QTimer.singleShot(0, window._action("actionCloseToTray").toggle)


@pytest.mark.parametrize("how, trigger", [("middle page", switch_to_influencers), ("header", switch_to_influencers),
                                          ("header", toggle_close_to_tray)])
def test_damage_while_the_window_is_open_is_recovered_from(qtbot, data_dir, watched, monkeypatch,
                                                           no_other_instance, how, trigger):
    taken = shop_checked_earlier_today(last_view="today")
    application = started(qtbot, watched, monkeypatch)
    qtbot.waitUntil(lambda: application.ready, timeout=20000)
    before = weakref.ref(application.window)  # (a reference would keep the replaced window alive)
    assert names() >= {"In de back-up", "Na de back-up"} and kept_files(data_dir) == []
    page, damaged = damage_under_the_open_app(how)

    trigger(application.window)
    qtbot.waitUntil(lambda: bool(application.window is not before() and application.ready and watched["told"]
                                 or watched["exits"] or watched["crashes"]), timeout=20000)
    try:
        assert watched["crashes"] == [] and watched["exits"] == []
        kept = kept_files(data_dir)
        assert len(kept) == 1
        assert kept[0].read_bytes()[page * PAGE:page * PAGE + 100] == damaged[page * PAGE:page * PAGE + 100]
        window = application.window
        assert window.is_complete and window.isVisible()
        if how == "header":
            assert names() == {"In de back-up"}
            assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert_told_about(watched, kept[0], BACKUP_AT)
        else:  # what could be read of the file, not the older backup
            assert_salvaged(watched, kept[0])
        if trigger is switch_to_influencers:  # the view the owner asked for, on the data put back
            shown = window.current_view().model.rowCount()
            assert window.current_view().key == "influencers" and (shown == 1 if how == "header" else shown > 1)

        # No loop: the data works again, and nothing more is recovered.
        QTimer.singleShot(0, lambda: window.sidebar.setCurrentRow(4))
        qtbot.waitUntil(lambda: window.current_view().key == "timeline")
        window.current_view().refresh()
        window.show_view("influencers")
        rows = window.current_view().model.rowCount()  # (a long list loads more as it is shown)
        assert rows == 1 if how == "header" else rows > 1
        assert len(watched["told"]) == 1 and len(kept_files(data_dir)) == 1 and application.window is window
        assert watched["crashes"] == [] and taken.exists()
    finally:
        stopped(application, qtbot)


def test_damage_again_and_again_stops_with_a_message_not_a_loop(qtbot, data_dir, watched, monkeypatch,
                                                               no_other_instance):
    """A disk that keeps damaging the file: recovered from MAX_RECOVERIES times, then the
    app says the disk may be failing and stops, keeping every file."""
    shop_checked_earlier_today(last_view="today")
    application = started(qtbot, watched, monkeypatch)
    qtbot.waitUntil(lambda: application.ready, timeout=20000)
    try:
        for time in range(1, app_module.MAX_RECOVERIES + 2):
            window = application.window
            damage_under_the_open_app("header")
            toggle_close_to_tray(window)
            qtbot.waitUntil(lambda time=time: bool(len(watched["told"]) == time or watched["exits"]
                                                   or watched["crashes"]), timeout=20000)
            if time <= app_module.MAX_RECOVERIES:
                qtbot.waitUntil(lambda: application.ready)
                assert watched["exits"] == [] and application.window is not window
                assert watched["told"][-1][0] == "Je gegevens zijn hersteld"
        assert watched["crashes"] == []
        assert watched["exits"] == [1] and not application.ready and not application.opened
        title, text = watched["told"][-1]
        assert title == "Afspraak kan niet verder" and "schijf" in text and str(data_dir) in text
        assert len(kept_files(data_dir)) == app_module.MAX_RECOVERIES  # every damaged file kept
        assert (data_dir / recovery.RUNNING_MARKER).exists()  # the next start checks the whole file
    finally:
        stopped(application, qtbot)


# --- a new day while Afspraak keeps running -----------------------------------------------------

def test_a_new_days_backup_while_running_checks_first_and_recovers_from_damage(qtbot, data_dir, watched, monkeypatch,
                                                                               no_other_instance, caplog):
    """Review of data safety, 1: left running in the tray, each new day's backup copied the
    file unchecked, and the rotation kept the newest fourteen: a file damaged while running
    left, two weeks later, only damaged copies. The new day's copy follows the same check as
    the start's, beside the window; the damage it finds is recovered from as any damage met
    while running (the file kept aside, the newest good backup put back, she is told), and
    no copy is taken of the damaged file."""
    clock = [NOW]
    yesterday = BACKUP_AT - timedelta(days=1)
    database = open_database()
    settings.set("language", "nl")
    backup.daily_backup(database, keep=14, now=yesterday)
    for i in range(200):
        Person.create(name=f"Vulling {i}", notes="x" * 300, is_influencer=True)
    close_database()
    recovery._record_check(paths.db_path(), yesterday)
    recovery.mark_running()
    recovery.mark_clean_exit()
    monkeypatch.setattr(app_module, "utcnow", lambda: clock[0])
    application = started(qtbot, watched, monkeypatch)
    qtbot.waitUntil(lambda: application.ready and not application.checking_beside(), timeout=20000)
    try:
        assert [backup.stamp_of(p) for p in backup.auto_backups()] == [yesterday.replace(microsecond=0), NOW]
        clock[0] = NOW + timedelta(days=1)  # still running the next day
        page, _damaged = damage_under_the_open_app("middle page")
        application._backup_timer.timeout.emit()  # the half-hourly look for the day's copy
        qtbot.waitUntil(lambda: bool(watched["told"] or watched["exits"] or watched["crashes"]), timeout=20000)
        qtbot.waitUntil(lambda: application.ready and not application.checking_beside())
        assert watched["crashes"] == [] and watched["exits"] == []
        assert "the day's check found the database damaged" in caplog.text
        kept = kept_files(data_dir)
        assert len(kept) == 1
        assert_told_about(watched, kept[0], NOW)  # today's copy, from the file checked at the start, put back
        assert "Vulling 100" in names() and db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
        copies = backup.auto_backups()
        assert [backup.stamp_of(p) for p in copies] == [yesterday.replace(microsecond=0), NOW]  # none of the damage
        assert all(recovery.diagnose(p, thorough=True) is None for p in copies)
        application._backup_timer.timeout.emit()  # the next look: the new day's copy, of the data put back
        qtbot.waitUntil(lambda: not application.checking_beside())
        copies = backup.auto_backups()
        assert [backup.stamp_of(p) for p in copies][-1] == clock[0]
        assert all(recovery.diagnose(p, thorough=True) is None for p in copies)
    finally:
        stopped(application, qtbot)
