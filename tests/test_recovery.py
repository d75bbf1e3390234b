"""A damaged database at start, a full disk, a read-only data folder: told, never lost."""

import errno
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
from datetime import timedelta, timezone
from pathlib import Path

import peewee
import pytest

from desktop import cli, i18n, paths
from desktop.presentation import errors
from desktop.store import backup, recovery, storage_errors
from desktop.store.db import close_database, db
from desktop.store.opening import open_database
from desktop.store.models import Person
from tests.conftest import NOW
from tests.helpers import start_app, stop_app

ROOT = Path(__file__).resolve().parent.parent


def damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "garbage":
        path.write_bytes(b"\x00\x13garbage" * 500)
    elif how == "truncated":
        path.write_bytes(bytes(data[: len(data) // 3]))
    elif how == "pages":  # the header survives, the pages behind it do not
        for i in range(4096, len(data)):
            data[i] = (data[i] * 7 + 13) % 256
        path.write_bytes(bytes(data))


def two_backups_then_more_work(database):
    Person.create(name="In de oude back-up")
    backup.daily_backup(database, keep=14, now=NOW - timedelta(days=2))
    Person.create(name="In de nieuwe back-up")
    newest = backup.daily_backup(database, keep=14, now=NOW - timedelta(days=1))
    Person.create(name="Na de back-up")
    for i in range(200):
        Person.create(name=f"Vulling {i}", notes="x" * 300)
    close_database()
    return newest


@pytest.mark.parametrize("how", ["garbage", "truncated", "pages"])
def test_damaged_database_is_kept_aside_and_newest_good_backup_restored(data_dir, how):
    database = open_database()
    newest = two_backups_then_more_work(database)
    original = paths.db_path().read_bytes()
    damage(paths.db_path(), how)
    damaged_bytes = paths.db_path().read_bytes()

    report = recovery.open_checked(now=NOW)
    assert report is not None and report.restored_from == newest
    assert report.backup_taken_at == NOW - timedelta(days=1)
    assert report.kept_as.parent == data_dir and report.kept_as.read_bytes() == damaged_bytes
    assert original != damaged_bytes
    names = {p.name for p in Person.select()}
    assert "In de nieuwe back-up" in names and "Na de back-up" not in names
    assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    text = errors.recovered(report)
    assert str(report.kept_as) in text and "22 november 2026" in text and "ontbreekt" in text


def test_a_damaged_newest_backup_is_skipped(data_dir):
    database = open_database()
    newest = two_backups_then_more_work(database)
    damage(newest, "garbage")
    damage(paths.db_path(), "garbage")
    report = recovery.open_checked(now=NOW)
    assert report.restored_from != newest
    assert {p.name for p in Person.select()} == {"In de oude back-up"}


def test_no_good_backup_fresh_database_and_bad_file_kept(data_dir):
    open_database()
    Person.create(name="Weg?")
    close_database()
    damage(paths.db_path(), "garbage")
    bad = paths.db_path().read_bytes()
    report = recovery.open_checked(now=NOW)
    assert report.restored_from is None
    assert Person.select().count() == 0
    assert report.kept_as.read_bytes() == bad
    assert "lege database" in errors.recovered(report)


def test_an_emptied_database_file_gets_the_newest_backup_back_and_is_told(data_dir):
    """A file of no bytes (a full disk, a sync tool, a bad copy) is not a new shop: the
    newest good backup is put back and the owner is told, in her language; so the day's
    backup that follows is never a copy of nothing that pushes the good ones out."""
    from desktop import i18n

    database = open_database()
    newest = two_backups_then_more_work(database)
    paths.db_path().write_bytes(b"")
    report = recovery.open_checked(now=NOW)
    assert report is not None and report.restored_from == newest and report.damaged == recovery.EMPTY
    assert "In de nieuwe back-up" in {p.name for p in Person.select()}
    assert report.kept_as.read_bytes() == b""
    i18n.set_language("nl")
    assert errors.recovered(report).startswith("Het databasebestand van Afspraak was leeg")
    i18n.set_language("en")
    assert errors.recovered(report).startswith("Afspraak's database file was empty")


def test_an_empty_file_without_any_backup_is_a_new_database(data_dir):
    """A first start cut short before anything was written: nothing to put back, nothing
    to tell; the shop starts as new."""
    paths.db_path().parent.mkdir(parents=True, exist_ok=True)
    paths.db_path().write_bytes(b"")
    assert recovery.open_checked(now=NOW) is None
    assert Person.select().count() == 0
    assert not list(paths.data_dir().glob("afspraak-damaged-*"))



def a_shop_used_before(data_dir, how: str) -> None:
    """A shop that was used (its log holds the earlier runs; ``how``: and what else an earlier
    run left), whose database file was then emptied (a full disk, a sync tool, a bad copy)."""
    open_database()  # the first start made it (`due` on a folder without data refuses)
    close_database()
    assert cli.main(["--lang", "nl", "due"]) == 0  # the earlier runs: the log has their records
    close_database()
    open_database()
    Person.create(name="Weg door de lege schijf")
    close_database()
    assert recovery.open_checked(now=NOW) is None  # a later start, checked
    close_database()
    if how == "a damaged backup":  # the only backup there is cannot be used
        kept = backup.backup_now(open_database(), now=NOW - timedelta(days=1))
        close_database()
        damage(kept, "garbage")
    elif how == "no log":  # her log folder cleared, but the day's check stamp is there
        shutil.rmtree(data_dir / "logs")
        assert (data_dir / recovery.CHECKED_STAMP).exists()
    paths.db_path().write_bytes(b"")


@pytest.mark.parametrize("how", ["logs", "a damaged backup", "no log"])
def test_an_emptied_file_of_a_shop_used_before_is_told_even_without_a_backup(data_dir, capsys, how):
    """Review of damaged databases, 2: an emptied file with no good backup to put back was
    taken for a first start cut short: the shop opened as new and empty, without a word.
    Afspraak has run here before (its log, its backups folder, its check stamp): she is
    told, the empty file kept, and File → Restore a backup offered for a copy elsewhere."""
    a_shop_used_before(data_dir, how)
    capsys.readouterr()
    report = recovery.open_checked(now=NOW)
    assert report is not None and report.damaged == recovery.EMPTY and report.restored_from is None
    assert report.kept_as.read_bytes() == b""
    assert Person.select().count() == 0
    close_database()
    i18n.set_language("nl")
    assert errors.recovered_title(report) == "Afspraak is begonnen met een lege database"
    text = errors.recovered(report)
    assert text.startswith("Het databasebestand van Afspraak was leeg") and "Bestand → Back-up terugzetten" in text


def test_an_emptied_file_of_a_shop_used_before_is_told_by_the_command_line(data_dir, capsys):
    a_shop_used_before(data_dir, "logs")
    capsys.readouterr()
    assert cli.main(["--lang", "en", "due"]) == 0
    close_database()
    err = capsys.readouterr().err
    assert "Afspraak's database file was empty" in err and "afspraak restore FILE" in err
    assert len(list(data_dir.glob("afspraak-damaged-*.sqlite3"))) == 1


@pytest.mark.parametrize("used", [True, False])
def test_the_window_tells_an_emptied_file_of_a_shop_used_before_and_not_a_new_one(qtbot, data_dir, monkeypatch,
                                                                                  no_other_instance, used):
    from desktop.views import dialogs

    if used:
        a_shop_used_before(data_dir, "logs")
    else:  # a new install: no log, no backups, only an empty file
        data_dir.mkdir(parents=True)
        paths.db_path().write_bytes(b"")
    told = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: told.append((title, text)))
    application = start_app(qtbot, "nl", ready=True)
    try:
        if used:
            assert len(told) == 1 and told[0][0] == "Afspraak is begonnen met een lege database"
            assert "was leeg" in told[0][1] and "Bestand → Back-up terugzetten" in told[0][1]
        else:
            assert told == [] and not list(data_dir.glob("afspraak-damaged-*"))
    finally:
        stop_app(application, qtbot)
        close_database()

def test_a_folder_in_place_of_the_database_file_is_moved_aside_and_the_backup_put_back(data_dir, capsys):
    database = open_database()
    newest = two_backups_then_more_work(database)
    paths.db_path().unlink()
    paths.db_path().mkdir()
    (paths.db_path() / "iets.txt").write_text("van een synchronisatieprogramma")
    assert cli.main(["--lang", "en", "due"]) == 0
    assert "The automatic backup of" in capsys.readouterr().err
    kept = next(paths.data_dir().glob("afspraak-damaged-*"))
    assert kept.is_dir() and (kept / "iets.txt").exists()  # nothing of it lost
    if os.name == "posix":
        assert kept.stat().st_mode & 0o700 == 0o700  # still opened by its owner
    assert paths.db_path().is_file() and newest.exists()


def test_another_programs_database_is_kept_aside_not_taken_over(data_dir):
    database = open_database()
    newest = two_backups_then_more_work(database)
    other = sqlite3.connect(paths.db_path().with_name("other.sqlite3"))
    other.execute("CREATE TABLE recipes (name TEXT)")
    other.execute("INSERT INTO recipes VALUES ('pannenkoeken')")
    other.commit()
    other.close()
    os.replace(paths.db_path().with_name("other.sqlite3"), paths.db_path())
    report = recovery.open_checked(now=NOW)
    assert report is not None and report.damaged == recovery.FOREIGN and report.restored_from == newest
    kept = sqlite3.connect(report.kept_as)
    assert kept.execute("SELECT name FROM recipes").fetchall() == [("pannenkoeken",)]
    kept.close()
    assert "another program" in errors.recovered(report) or "ander programma" in errors.recovered(report)


def test_healthy_database_is_left_alone(database):
    Person.create(name="Gezond")
    close_database()
    assert recovery.open_checked(now=NOW) is None
    assert [p.name for p in Person.select()] == ["Gezond"]
    assert not list(paths.data_dir().glob("afspraak-damaged-*"))


def test_app_checks_the_whole_file_after_an_unclean_exit_or_once_a_day(database, monkeypatch):
    Person.create(name="Gezond")
    close_database()
    full_checks = []
    real = recovery.diagnose
    monkeypatch.setattr(recovery, "diagnose", lambda path, full=True: full_checks.append(full) or real(path, full))

    def start(at):
        """As the app starts: open (checking when due), then take the day's backup."""
        assert recovery.open_checked(now=at, when_due=True) is None
        backup.daily_backup(db.obj, keep=14, now=at)
        close_database()
        return full_checks[-1]

    assert start(NOW) is True  # no record of a check yet
    recovery.mark_running()
    recovery.mark_clean_exit()  # started and quit normally
    assert start(NOW + timedelta(hours=5)) is False  # checked today, quit cleanly: skip it
    recovery.mark_running()  # ... and this run crashed: the marker stays behind
    assert start(NOW + timedelta(hours=6)) is True
    recovery.mark_clean_exit()
    assert start(NOW + timedelta(hours=7)) is False
    assert start(NOW + timedelta(hours=6, days=1)) is True  # the last check is more than a day old
    assert start(NOW + timedelta(hours=5)) is True  # the clock went back: check
    assert recovery.open_checked(now=NOW + timedelta(hours=5)) is None and full_checks[-1] is True  # the CLI: always
    close_database()
    assert [p.name for p in Person.select()] == ["Gezond"]


def test_the_days_backup_is_only_taken_from_a_file_checked_that_day(database):
    """Checked under a day ago, but a new (UTC) day whose backup is still to be taken: the
    start checks first, so a damaged file is never copied into the day's backup."""
    backup.daily_backup(database, keep=14, now=NOW)
    close_database()
    recovery._record_check(paths.db_path(), NOW + timedelta(hours=14))  # 23:30 on the 23rd
    assert recovery.check_due(paths.db_path(), NOW + timedelta(hours=14, minutes=29)) is False  # 23:59
    midnight = NOW + timedelta(hours=14, minutes=31)  # 00:01 on the 24th
    assert recovery.check_due(paths.db_path(), midnight) is True
    assert recovery.open_checked(now=midnight, when_due=True) is None
    backup.daily_backup(db.obj, keep=14, now=midnight)  # as the app's start does next
    close_database()
    assert recovery.check_due(paths.db_path(), midnight + timedelta(minutes=30)) is False


def test_the_days_check_may_wait_only_after_a_clean_exit_and_without_an_upgrade(database):
    """Beside the start (after her list) after a clean exit, at every start; before it
    after an unclean exit, and before any upgrade of the file."""
    Person.create(name="Gezond")
    close_database()
    path = paths.db_path()
    assert recovery.check_can_wait(path, NOW)  # never checked, never crashed
    recovery._record_check(path, NOW)
    backup.daily_backup(path, keep=14, now=NOW)
    assert recovery.check_can_wait(path, NOW + timedelta(hours=1))  # checked today: still beside this start
    assert recovery.check_can_wait(path, NOW + timedelta(days=1))  # a new day
    recovery.mark_running()  # the last run did not end normally
    assert not recovery.check_can_wait(path, NOW + timedelta(days=1))
    recovery.mark_clean_exit()
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version = 3")  # written by an older Afspraak: upgraded at this start
    con.close()
    assert not recovery.check_can_wait(path, NOW + timedelta(days=1))
    assert not recovery.check_can_wait(path.with_name("elsewhere.sqlite3"), NOW)  # no file


def test_the_days_check_beside_the_start_notes_the_check_and_takes_the_copy(database):
    Person.create(name="Gezond")
    close_database()
    path, tomorrow = paths.db_path(), NOW + timedelta(days=1)
    assert recovery.check_beside(path, tomorrow, keep=14) is None
    assert not recovery.check_due(path, tomorrow + timedelta(hours=1))
    [copy] = backup.auto_backups(paths.backup_dir())
    assert tomorrow.strftime("%Y%m%d") in copy.name and recovery.diagnose(copy) is None
    assert recovery.check_beside(path, tomorrow + timedelta(hours=1), keep=14) is None
    assert len(backup.auto_backups(paths.backup_dir())) == 1  # one a day


def test_the_days_check_beside_the_start_copies_nothing_from_a_damaged_file(database):
    for i in range(200):
        Person.create(name=f"Vulling {i}", notes="x" * 300)
    close_database()
    path = paths.db_path()
    with open(path, "r+b") as fh:
        fh.seek((path.read_bytes().find(b"Vulling 100") // 4096) * 4096)
        fh.write(b"\xa5\x5a" * 2048)
    assert recovery.check_beside(path, NOW, keep=14)  # what is wrong
    assert backup.auto_backups(paths.backup_dir()) == []
    assert recovery.check_due(path, NOW)  # not noted as checked


def test_damage_that_came_while_closed_is_found_beside_the_next_start_of_the_same_day(database):
    """Audit of 2026-12-05: a page of the file damaged an hour after the day's check, while
    Afspraak was closed; the next start read nothing of that page and checked nothing (the
    day's check was made), so she worked on until a query met it."""
    for i in range(200):
        Person.create(name=f"Vulling {i}", notes="x" * 300)
    close_database()
    path = paths.db_path()
    assert recovery.check_beside(path, NOW, keep=14) is None  # the day's first start: healthy, copied
    with open(path, "r+b") as fh:
        fh.seek((path.read_bytes().find(b"Vulling 100") // 4096) * 4096)
        fh.write(b"\xa5\x5a" * 2048)
    later = NOW + timedelta(hours=1)
    assert not recovery.check_due(path, later) and recovery.check_can_wait(path, later)
    assert recovery.check_beside(path, later, keep=14)  # what is wrong: the app recovers from it
    assert len(backup.auto_backups(paths.backup_dir())) == 1  # the healthy morning copy, nothing more


@pytest.mark.parametrize("how", ["garbage", "pages"])
def test_damage_after_a_crash_is_found_even_right_after_a_check(data_dir, how):
    database = open_database()
    newest = two_backups_then_more_work(database)
    assert recovery.open_checked(now=NOW, when_due=True) is None  # checked: healthy
    recovery.mark_running()  # the app runs ... and the power fails while it writes
    close_database()
    damage(paths.db_path(), how)
    report = recovery.open_checked(now=NOW + timedelta(minutes=5), when_due=True)
    assert report is not None and report.restored_from == newest
    assert "In de nieuwe back-up" in {p.name for p in Person.select()}
    close_database()


def test_a_normal_quit_of_the_app_removes_the_running_marker(tmp_path):
    folder = tmp_path / "data"
    env = dict(os.environ, AFSPRAAK_DATA_DIR=str(folder), QT_QPA_PLATFORM="offscreen")
    for _run in range(2):  # the first creates the database, the second checks it
        result = subprocess.run([sys.executable, "-m", "desktop", "gui", "--smoke-test"], env=env,
                                capture_output=True, text=True, timeout=120, cwd=str(ROOT))
        assert result.returncode == 0, result.stderr
    assert (folder / recovery.CHECKED_STAMP).exists() and not (folder / recovery.RUNNING_MARKER).exists()


def test_a_locked_database_is_not_mistaken_for_damage(database):
    Person.create(name="Op slot")
    close_database()
    holder = sqlite3.connect(paths.db_path(), timeout=0)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(sqlite3.OperationalError):
            recovery.diagnose(paths.db_path())
    finally:
        holder.rollback()
        holder.close()
    assert not list(paths.data_dir().glob("afspraak-damaged-*"))


def test_cli_tells_on_stderr_and_carries_on(data_dir, capsys):
    database = open_database()
    two_backups_then_more_work(database)
    damage(paths.db_path(), "garbage")
    assert cli.main(["--lang", "en", "due", "--at", "2026-11-23T10:00"]) == 0
    close_database()
    err = capsys.readouterr().err
    assert "damaged" in err and "afspraak-damaged-" in err and "missing" in err


@pytest.mark.parametrize("backups", [True, False])
def test_a_backup_after_a_repair_writes_over_nothing(data_dir, tmp_path, capsys, backups):
    """`afspraak backup --out` on a stick: the data was damaged, the start repaired it (from
    an older backup, or to an empty database when there was none), and the backup of that
    replaced the good copy on the stick the message told her to restore."""
    database = open_database()
    if backups:
        two_backups_then_more_work(database)
    else:
        Person.create(name="Op de stick")
        close_database()
    stick = tmp_path / "stick"
    stick.mkdir()
    kept = stick / "afspraak-backup.sqlite3"
    kept.write_bytes(paths.db_path().read_bytes())
    before = kept.read_bytes()
    automatic = sorted(p.name for p in backup.auto_backups(paths.backup_dir())) if backups else []
    damage(paths.db_path(), "pages")
    assert cli.main(["--lang", "nl", "backup", "--out", str(kept)]) == 1
    close_database()
    err = capsys.readouterr().err
    assert kept.read_bytes() == before
    assert "geen back-up" in err and "Er is niets opgeslagen." in err
    if not backups:  # said by a command: the command that restores, not the window's menu
        assert "afspraak restore" in err and "Bestand →" not in err
    assert sorted(p.name for p in backup.auto_backups(paths.backup_dir())) == automatic
    # once she has looked, a backup is written as asked
    assert cli.main(["--lang", "nl", "backup", "--out", str(tmp_path / "stick" / "na.sqlite3")]) == 0
    close_database()


def test_gui_start_shows_what_happened(qtbot, data_dir, monkeypatch, no_other_instance):
    from desktop.views import dialogs

    database = open_database()
    two_backups_then_more_work(database)
    damage(paths.db_path(), "pages")
    told = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: told.append((title, text)))
    application = start_app(qtbot, "nl", ready=True)
    assert len(told) == 1
    title, text = told[0]
    assert title == "Je gegevens zijn hersteld"
    assert "afspraak-damaged-" in text
    stop_app(application, qtbot)
    close_database()


def test_with_no_backup_to_put_back_the_title_does_not_say_repaired(data_dir):
    open_database()
    Person.create(name="Weg?")
    close_database()
    damage(paths.db_path(), "garbage")
    report = recovery.open_checked(now=NOW)
    close_database()
    i18n.set_language("nl")
    assert errors.recovered_title(report) == "Afspraak is begonnen met een lege database"
    assert "Bestand → Back-up terugzetten" in errors.recovered(report)
    assert "afspraak restore" in errors.recovered(report, command_line=True)


# --- damage met by a query (store/storage_errors.is_damage, store/recovery.recover_after_error) ---
def damaged_file_error(tmp_path, header: bool) -> sqlite3.DatabaseError:
    """The error SQLite really raises for a damaged page or header."""
    path = tmp_path / "hurt.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x TEXT)")
    con.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 50)
    con.commit()
    con.close()
    data = bytearray(path.read_bytes())
    if header:
        data[:100] = b"\xa5" * 100
    else:
        data[4096:8192] = b"\xa5" * 4096
    path.write_bytes(bytes(data))
    con = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.DatabaseError) as caught:
            con.execute("SELECT count(*), max(x) FROM t").fetchall()
    finally:
        con.close()
    return caught.value


@pytest.mark.parametrize("header", [False, True])
def test_damage_is_recognised_however_it_is_wrapped(tmp_path, header):
    error = damaged_file_error(tmp_path, header)
    assert error.sqlite_errorname in ("SQLITE_CORRUPT", "SQLITE_NOTADB")
    wrapped = peewee.DatabaseError(error)  # how peewee passes it on
    wrapped.__cause__ = error
    # how PySide6 passes on an error raised in a view's event handler (showEvent...)
    from_view = peewee.DatabaseError(f"Error calling Python override of QWidget::showEvent(): {error}")
    for exc in (error, wrapped, from_view):
        assert storage_errors.is_damage(exc)
        assert storage_errors.kind_of(exc) is None  # not told as a full disk or a read-only folder


def test_other_errors_are_not_damage():
    for exc in (sqlite3.OperationalError("database is locked"), sqlite3.OperationalError("database or disk is full"),
                peewee.IntegrityError("UNIQUE constraint failed: person.email"),
                ValueError("the form is malformed"), OSError(5, "Input/output error")):
        assert not storage_errors.is_damage(exc)


def test_the_excepthook_sends_damage_to_the_recovery_not_the_crash_dialog(tmp_path, data_dir):
    from desktop import logs

    crashes, damaged, storage = [], [], []
    old = sys.excepthook
    try:
        logs.install_excepthook(crashes.append, show_storage=storage.append, on_damage=damaged.append)
        for exc in (damaged_file_error(tmp_path, header=False), RuntimeError("a bug")):
            try:
                raise exc
            except Exception:
                sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old
    assert [str(e) for e in damaged] == ["database disk image is malformed"]
    assert len(crashes) == 1 and storage == []  # the bug still gets the crash dialog


def test_the_database_is_dropped_even_inside_a_transaction(database):
    """A damage error can come while a transaction is open (peewee would refuse to close):
    the connection is closed anyway and what the transaction wrote is not kept."""
    from desktop.store.db import drop_database

    Person.create(name="Bewaard")
    transaction = database.atomic()
    transaction.__enter__()
    Person.create(name="Half geschreven")
    assert database.in_transaction()
    drop_database()
    assert database.is_closed()
    assert [p.name for p in Person.select()] == ["Bewaard"]  # (reopens on its own)


def test_recover_after_error_leaves_a_healthy_file_alone(database):
    Person.create(name="Gezond")
    close_database()
    before = paths.db_path().read_bytes()
    assert recovery.recover_after_error(now=NOW) is None
    assert paths.db_path().read_bytes() == before and not list(paths.data_dir().glob("afspraak-damaged-*"))


def test_a_backup_that_failed_after_it_was_put_back_is_not_chosen_again(data_dir):
    database = open_database()
    newest = two_backups_then_more_work(database)
    damage(paths.db_path(), "pages")
    first = recovery.recover_after_error(now=NOW)
    assert first.restored_from == newest
    damage(paths.db_path(), "pages")  # the restored copy fails too, in the same second
    second = recovery.recover_after_error(now=NOW, skip=[first.restored_from])
    assert second.restored_from is not None and second.restored_from != newest
    open_database()
    assert names_in_db() == {"In de oude back-up"}
    close_database()
    # both damaged files kept, under their own names: nothing overwritten
    assert first.kept_as != second.kept_as and first.kept_as.exists() and second.kept_as.exists()
    assert len(list(data_dir.glob("afspraak-damaged-*.sqlite3"))) == 2
    text = errors.recovered([first, second])
    assert str(first.kept_as) in text and str(second.kept_as) in text and "ook beschadigd" in text


def names_in_db() -> set[str]:
    return {p.name for p in Person.select()}


def test_the_thorough_check_finds_a_damaged_search_index_the_quick_check_misses(demo_db):
    """SQLite 3.40's quick_check and integrity_check do not look inside FTS5 indexes; a
    damaged one makes every timeline search fail with "database disk image is malformed"."""
    close_database()
    assert recovery.diagnose(paths.db_path(), thorough=True) is None  # the demo shop is healthy
    con = sqlite3.connect(paths.db_path())
    segment, size = con.execute("SELECT id, length(block) FROM event_fts_data ORDER BY length(block) DESC").fetchone()
    con.execute("UPDATE event_fts_data SET block = ? WHERE id = ?", (b"\xa5" * size, segment))
    con.commit()
    with pytest.raises(sqlite3.DatabaseError) as caught:
        con.execute("SELECT count(*) FROM event_fts WHERE event_fts MATCH 'e*'").fetchall()
    assert storage_errors.is_damage(caught.value)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    assert recovery.diagnose(paths.db_path()) is None  # what the start's check sees
    assert "event_fts" in recovery.diagnose(paths.db_path(), thorough=True)


def test_damage_in_the_middle_of_a_cli_command_is_recovered_and_told(data_dir, capsys, monkeypatch):
    """The file is damaged while a command runs (after its check at open passed)."""
    database = open_database()
    newest = two_backups_then_more_work(database)
    real_open = recovery.open_checked

    def open_then_damage(*args, **kwargs):
        report = real_open(*args, **kwargs)
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        with open(paths.db_path(), "r+b") as fh:
            fh.write(b"\xa5" * 100)  # the header
        db.execute_sql("PRAGMA shrink_memory")  # the next query reads it from the disk
        return report

    monkeypatch.setattr(recovery, "open_checked", open_then_damage)
    assert cli.main(["--lang", "en", "due", "--at", "2026-11-23T10:00"]) == 1
    close_database()
    err = capsys.readouterr().err
    assert "damaged" in err and "afspraak-damaged-" in err and "run it again" in err and "Traceback" not in err
    kept = list(data_dir.glob("afspraak-damaged-*.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes()[:100] == b"\xa5" * 100
    assert backup.check_afspraak_file(paths.db_path()) >= 1  # the backup is back in place
    open_database()
    assert "In de nieuwe back-up" in names_in_db() and newest.exists()


# --- full disk ---------------------------------------------------------------------------
def fill_the_disk(database):
    """SQLite's own 'database or disk is full': cap the file at its current size."""
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages}")


def test_disk_full_rolls_back_and_says_so(database):
    Person.create(name="Veilig")
    fill_the_disk(database)
    with pytest.raises(peewee.OperationalError) as caught:
        with database.atomic():
            for i in range(500):
                Person.create(name=f"Past niet {i}", notes="x" * 2000)
    assert storage_errors.kind_of(caught.value) == storage_errors.FULL
    text = errors.storage(storage_errors.FULL, paths.data_dir())
    assert "vol" in text and "veilig" in text
    database.execute_sql("PRAGMA max_page_count = 1073741823")
    assert [p.name for p in Person.select()] == ["Veilig"]  # nothing half-written
    assert database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_disk_full_in_the_gui_gets_a_clear_dialog(database, monkeypatch):
    from desktop import logs

    shown, crashes = [], []
    old = sys.excepthook
    try:
        logs.install_excepthook(crashes.append, show_storage=shown.append)
        fill_the_disk(database)
        try:
            with database.atomic():
                for i in range(500):
                    Person.create(name=f"Past niet {i}", notes="x" * 2000)
        except peewee.OperationalError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old
    assert crashes == [] and len(shown) == 1 and "vol" in shown[0]


def test_disk_full_in_the_cli_is_a_message_not_a_traceback(data_dir, capsys, monkeypatch):
    from desktop import demo

    real_fill = demo.fill

    def fill_on_a_full_disk(now, seed=7):
        fill_the_disk(db.obj)
        return real_fill(now, seed)

    monkeypatch.setattr(demo, "fill", fill_on_a_full_disk)
    assert cli.main(["--lang", "en", "demo"]) == 1
    close_database()
    err = capsys.readouterr().err
    assert "is full" in err and "Traceback" not in err
    con = sqlite3.connect(paths.db_path())
    assert con.execute("SELECT count(*) FROM person").fetchone()[0] == 0  # all or nothing
    con.close()



# --- a damaged file on a full disk: the repair needs room ----------------------------------
def full_when_copying(monkeypatch):
    """The repair's copy of the backup meets a full disk (as ``backup.copy_database`` says it)."""
    def full(source, target):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))

    monkeypatch.setattr(backup, "copy_database", full)


def full_when_creating(monkeypatch):
    """A new, empty database cannot be written: SQLite's own "database or disk is full"."""
    from desktop.store import migrations

    real = migrations.migrate

    def full(database, before=None):
        if migrations.schema_version(database) == 0:
            raise peewee.OperationalError("database or disk is full") from sqlite3.OperationalError(
                "database or disk is full")
        return real(database, before)

    monkeypatch.setattr(migrations, "migrate", full)


WORDS_OF_A_BLOCKED_REPAIR = {  # (language, with a backup): what is said, what is not
    ("en", True): (["is damaged", "too full to repair it", "will then repair your data"], []),
    ("en", False): (["is damaged", "no usable backup to put in its place", "too full even to start a new, empty database",
                     "will then set the file aside", "start with a new, empty database"],
                    ["repair it", "repair your data", "putting a backup"]),
    ("nl", True): (["is beschadigd", "te vol om het te herstellen", "herstelt Afspraak je gegevens"], []),
    ("nl", False): (["is beschadigd", "geen bruikbare back-up om op zijn plaats te zetten",
                     "zelfs te vol om een nieuwe, lege database te beginnen", "legt Afspraak het bestand opzij",
                     "begint het met een nieuwe, lege database"],
                    ["herstellen", "herstelt", "back-up op zijn plaats te zetten is"]),
}


@pytest.mark.parametrize("backups", [True, False])
@pytest.mark.parametrize("language, wrong", [
    ("en", "Your last change was not saved"),
    ("nl", "Je laatste wijziging is niet opgeslagen"),
])
def test_a_damaged_file_on_a_full_disk_is_told_as_both_and_left_as_it_was(data_dir, capsys, monkeypatch, backups,
                                                                         language, wrong):
    """Review of damaged databases, 1: the damaged file was moved aside, the backup's copy
    (or the new empty database) met a full disk, and the owner read "your last change was
    not saved; everything saved before it is safe": no word of the damage, and the file
    moved away, so the next start said it was "deleted or moved, perhaps by a sync
    program" (or, without a backup, started empty without a word). Now the repair is
    undone, the file stays where and as it was, and she is told both and what to do.
    Without a backup she is not promised a repair from one: there is none, and a new, empty
    database is what the next start makes (review of damaged databases, 3)."""
    database = open_database()
    if backups:
        two_backups_then_more_work(database)
    else:
        Person.create(name="Zonder back-up")
        close_database()
    damage(paths.db_path(), "pages")
    before = paths.db_path().read_bytes()
    saved = sorted(p.name for p in paths.backup_dir().iterdir()) if backups else []

    with monkeypatch.context() as patched:
        (full_when_copying if backups else full_when_creating)(patched)
        assert cli.main(["--lang", language, "due"]) == 1
    close_database()
    err = capsys.readouterr().err
    said, not_said = WORDS_OF_A_BLOCKED_REPAIR[language, backups]
    assert all(words in err for words in said) and str(data_dir) in err, err
    assert not any(words in err for words in not_said), err
    assert wrong not in err and "Traceback" not in err
    assert paths.db_path().read_bytes() == before  # in its place, byte for byte
    assert not list(data_dir.glob("afspraak-damaged-*")) and not list(data_dir.glob("*.part"))
    if backups:
        assert sorted(p.name for p in paths.backup_dir().iterdir()) == saved

    # room again: the next start repairs, and says what it did
    assert cli.main(["--lang", "en", "due"]) == 0
    close_database()
    err = capsys.readouterr().err
    assert "was damaged" in err and "afspraak-damaged-" in err
    kept = list(data_dir.glob("afspraak-damaged-*.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == before


@pytest.mark.parametrize("case", ["damaged", "damaged without a backup", "missing"])
@pytest.mark.parametrize("language, run_again, start_again", [
    ("en", "run the command again", "start Afspraak again"),
    ("nl", "voer de opdracht opnieuw uit", "start Afspraak opnieuw"),
])
def test_a_repair_a_full_disk_blocked_is_told_by_a_command_as_a_command(data_dir, capsys, monkeypatch, case,
                                                                        language, run_again, start_again):
    """Told by a command, the blocked repair's "what to do" said "start Afspraak again":
    she ran a command, and running it again is what makes the repair (data review, left 1)."""
    database = open_database()
    if case == "damaged without a backup":
        Person.create(name="Zonder back-up")
        close_database()
    else:
        two_backups_then_more_work(database)
    if case == "missing":
        paths.db_path().unlink()
    else:
        damage(paths.db_path(), "pages")
    with monkeypatch.context() as patched:
        (full_when_creating if case == "damaged without a backup" else full_when_copying)(patched)
        assert cli.main(["--lang", language, "due"]) == 1
    close_database()
    err = capsys.readouterr().err
    assert run_again in err and start_again not in err and "Traceback" not in err, err


def test_a_damaged_file_on_a_full_disk_at_the_windows_start_is_told_as_both(qtbot, data_dir, monkeypatch,
                                                                           no_other_instance):
    from desktop import app as app_module
    from desktop.views import dialogs

    database = open_database()
    two_backups_then_more_work(database)
    damage(paths.db_path(), "pages")
    before = paths.db_path().read_bytes()
    full_when_copying(monkeypatch)
    told, exits = [], []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: told.append((title, text)))
    monkeypatch.setattr(app_module, "show_storage_problem", lambda text: told.append(("(storage)", text)))
    application = start_app(qtbot, "nl")
    monkeypatch.setattr(application.qt, "exit", lambda code=0: exits.append(code))
    try:
        qtbot.waitUntil(lambda: bool(exits))
        assert exits == [1] and len(told) == 1 and told[0][0] == "Afspraak kan niet starten", told
        assert "is beschadigd" in told[0][1] and "te vol om het te herstellen" in told[0][1]
        assert "start Afspraak opnieuw" in told[0][1] and "opdracht" not in told[0][1]
        assert paths.db_path().read_bytes() == before
    finally:
        stop_app(application, qtbot)
        close_database()


def test_damage_met_while_open_on_a_full_disk_leaves_the_file_in_place(data_dir, monkeypatch):
    """The same during use (the window's and the command's ``recover_after_error``)."""
    database = open_database()
    two_backups_then_more_work(database)
    damage(paths.db_path(), "pages")
    before = paths.db_path().read_bytes()
    full_when_copying(monkeypatch)
    with pytest.raises(recovery.RepairBlocked) as caught:
        recovery.recover_after_error(now=NOW)
    assert caught.value.kind == storage_errors.FULL and caught.value.kept_as is None
    assert paths.db_path().read_bytes() == before and not list(data_dir.glob("afspraak-damaged-*"))
    i18n.set_language("en")
    text = errors.storage_problem(caught.value, data_dir)
    assert "is damaged" in text and "too full to repair it" in text and "just as they were" in text

# --- a healthy file at start on a full disk: nothing to save, the data cannot be opened -----
def full_when_opening(monkeypatch):
    """The disk is full before Afspraak writes anything: SQLite cannot size the index of its
    log, and says "disk I/O error" on the first read of a healthy file (as measured on a full
    tmpfs; ``as_told`` makes that FULL on a disk with no room left)."""
    def no_room(path, *args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(recovery, "diagnose", no_room)
    monkeypatch.setattr(storage_errors, "_nearly_full", lambda folder: True)


def data_files(data_dir) -> list[str]:
    """Every file and folder in the data folder but the developer's log."""
    return sorted(str(p.relative_to(data_dir)) for p in data_dir.rglob("*") if p.relative_to(data_dir).parts[0] != "logs")


def a_healthy_shop(data_dir) -> tuple[bytes, list[str]]:
    """A shop with its backups, closed cleanly: the file's bytes and the folder's listing."""
    database = open_database()
    two_backups_then_more_work(database)
    return paths.db_path().read_bytes(), data_files(data_dir)


@pytest.mark.parametrize("language, cannot, untouched, todo, wrong", [
    ("en", "Afspraak cannot open your data", "Nothing was changed", "run the command again",
     "Your last change was not saved"),
    ("nl", "Afspraak kan je gegevens niet openen", "Er is niets veranderd", "voer de opdracht opnieuw uit",
     "Je laatste wijziging is niet opgeslagen"),
])
def test_a_healthy_file_on_a_full_disk_at_start_is_told_as_a_start_not_a_lost_change(
        data_dir, capsys, monkeypatch, language, cannot, untouched, todo, wrong):
    """A command on a full disk told "your last change was not saved; everything saved
    before it is safe": she made no change, and needs to hear that her data cannot be
    opened, that it is untouched, and what to do."""
    before, listing = a_healthy_shop(data_dir)
    with monkeypatch.context() as patched:
        full_when_opening(patched)
        assert cli.main(["--lang", language, "due"]) == 1
    close_database()
    err = capsys.readouterr().err
    assert cannot in err and untouched in err and todo in err and str(data_dir) in err, err
    assert wrong not in err and "Traceback" not in err
    assert paths.db_path().read_bytes() == before
    assert data_files(data_dir) == listing

    assert cli.main(["--lang", "en", "due"]) == 0  # room again: opens as usual, nothing to tell
    assert capsys.readouterr().err == ""


def test_a_healthy_file_on_a_full_disk_at_the_windows_start_is_told_as_a_start(qtbot, data_dir, monkeypatch,
                                                                             no_other_instance):
    from desktop import app as app_module
    from desktop.views import dialogs

    before, listing = a_healthy_shop(data_dir)
    full_when_opening(monkeypatch)
    told, exits = [], []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: told.append((title, text)))
    monkeypatch.setattr(app_module, "show_storage_problem", lambda text: told.append(("(storage)", text)))
    application = start_app(qtbot, "nl")
    monkeypatch.setattr(application.qt, "exit", lambda code=0: exits.append(code))
    try:
        qtbot.waitUntil(lambda: bool(exits))
        assert exits == [1] and not application.opened and len(told) == 1, told
        title, text = told[0]
        assert title == "Afspraak kan niet starten"
        assert "Afspraak kan je gegevens niet openen" in text and "is vol" in text and str(data_dir) in text
        assert "start Afspraak opnieuw" in text and "laatste wijziging" not in text
        assert paths.db_path().read_bytes() == before
    finally:
        stop_app(application, qtbot)
        close_database()


# --- a whole repair, then the opening of the repaired data refused ---------------------------
def full_after_the_repair(monkeypatch):
    """The repair opens what it put in place once and closes it (``recovery._open_once``);
    the opening after it meets a full disk (another program filled it meanwhile)."""
    real_open, real_open_once, repaired = recovery.open_database, recovery._open_once, []

    def open_once(path):
        real_open_once(path)
        repaired.append(path)

    def opened(path=None, migrate=True):
        if repaired:
            raise peewee.OperationalError("database or disk is full") from sqlite3.OperationalError(
                "database or disk is full")
        return real_open(path, migrate)

    monkeypatch.setattr(recovery, "_open_once", open_once)
    monkeypatch.setattr(recovery, "open_database", opened)


REPAIRED_NOT_OPENED = {  # (language, case): what is said
    ("en", "damaged"): ["was damaged", "afspraak-damaged-", "has been restored", "is missing",
                        "But now Afspraak cannot open your data", "is full", "The repair is kept"],
    ("en", "damaged without a backup"): ["was damaged", "afspraak-damaged-", "a new, empty database was put in its "
                                         "place", "afspraak restore", "is full", "The repair is kept"],
    ("en", "missing"): ["was missing from", "has been restored", "is full", "The repair is kept"],
    ("nl", "damaged"): ["was beschadigd", "afspraak-damaged-", "teruggezet", "ontbreekt",
                        "Maar nu kan Afspraak je gegevens niet openen", "is vol", "Het herstel blijft staan"],
    ("nl", "damaged without a backup"): ["was beschadigd", "nieuwe, lege database op zijn plaats gezet",
                                         "afspraak restore BESTAND", "is vol", "Het herstel blijft staan"],
    ("nl", "missing"): ["ontbrak in", "teruggezet", "is vol", "Het herstel blijft staan"],
}
NOT_SAID_AFTER_A_REPAIR = ["last change was not saved", "Nothing was changed", "untouched", "has started with",
                           "laatste wijziging is niet", "Er is niets veranderd", "onaangeroerd", "is begonnen met"]


def shop_to_repair(case: str) -> None:
    database = open_database()
    if case == "damaged without a backup":
        Person.create(name="Zonder back-up")
        close_database()
    else:
        two_backups_then_more_work(database)
    if case == "missing":
        paths.db_path().unlink()
    else:
        damage(paths.db_path(), "pages")


@pytest.mark.parametrize("case", ["damaged", "damaged without a backup", "missing"])
@pytest.mark.parametrize("language, run_again", [("en", "run the command again"),
                                                 ("nl", "voer de opdracht opnieuw uit")])
def test_a_repair_whose_opening_meets_a_full_disk_is_told_by_a_command(data_dir, capsys, monkeypatch, case,
                                                                       language, run_again):
    """The repair was made whole, then the opening of the repaired data met a full disk: she
    read "your last change was not saved", and never heard of the repair, for the next start
    opens the repaired file as any other (data review, left 2). Now she reads what the
    repair did (what may be missing), that it is kept, that the disk is full and what to do."""
    shop_to_repair(case)
    with monkeypatch.context() as patched:
        full_after_the_repair(patched)
        assert cli.main(["--lang", language, "due"]) == 1
    close_database()
    err = capsys.readouterr().err
    assert all(words in err for words in REPAIRED_NOT_OPENED[language, case]) and run_again in err, err
    assert str(data_dir) in err and not any(words in err for words in NOT_SAID_AFTER_A_REPAIR), err
    assert "Traceback" not in err

    # room again: the repaired data opens as any other (the words above were her account of it)
    assert cli.main(["--lang", "en", "due"]) == 0
    assert capsys.readouterr().err == ""
    assert "Zonder back-up" not in names_in_db()
    if case != "damaged without a backup":
        assert "In de nieuwe back-up" in names_in_db() and "Na de back-up" not in names_in_db()


def test_a_repair_whose_opening_meets_a_full_disk_at_the_windows_start_is_told(qtbot, data_dir, monkeypatch,
                                                                              no_other_instance):
    from desktop import app as app_module
    from desktop.views import dialogs

    shop_to_repair("damaged")
    full_after_the_repair(monkeypatch)
    told, exits = [], []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: told.append((title, text)))
    monkeypatch.setattr(app_module, "show_storage_problem", lambda text: told.append(("(storage)", text)))
    application = start_app(qtbot, "nl")
    monkeypatch.setattr(application.qt, "exit", lambda code=0: exits.append(code))
    try:
        qtbot.waitUntil(lambda: bool(exits))
        assert exits == [1] and not application.opened and len(told) == 1, told
        title, text = told[0]
        assert title == "Afspraak kan niet starten"
        assert all(words in text for words in REPAIRED_NOT_OPENED["nl", "damaged"]), text
        assert "start Afspraak opnieuw" in text and "opdracht" not in text
        assert not any(words in text for words in NOT_SAID_AFTER_A_REPAIR), text
    finally:
        stop_app(application, qtbot)
        close_database()


def test_the_windows_repair_while_she_works_then_a_full_disk_tells_the_repair(qtbot, data_dir, monkeypatch,
                                                                             no_other_instance):
    """Damage found while the window is open is repaired (``_recover_files``), and the data
    is opened again: when a full disk refuses that opening, she read "Afspraak cannot open
    your data: nothing was changed", though her file had just been set aside and a backup
    put in its place."""
    from desktop import app as app_module
    from desktop.views import dialogs

    database = open_database()
    two_backups_then_more_work(database)
    told, exits = [], []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: told.append((title, text)))
    monkeypatch.setattr(app_module, "show_storage_problem", lambda text: told.append(("(storage)", text)))
    application = start_app(qtbot, "nl", ready=True)
    monkeypatch.setattr(application.qt, "exit", lambda code=0: exits.append(code))
    try:
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        with open(paths.db_path(), "r+b") as fh:
            fh.write(b"\xa5" * 100)  # the header
        real_recover = recovery.recover

        def recover_then_full(*args, **kwargs):
            report = real_recover(*args, **kwargs)

            def full(*args, **kwargs):  # what opening a sound file says on a full disk (tested above)
                raise recovery.OpenBlocked(storage_errors.FULL, data_dir, "disk I/O error")

            monkeypatch.setattr(recovery, "open_checked", full)
            return report

        monkeypatch.setattr(recovery, "recover", recover_then_full)
        application.damage_found(sqlite3.DatabaseError("file is not a database"))
        qtbot.waitUntil(lambda: bool(exits))
        assert exits == [1] and len(told) == 1, told
        title, text = told[0]
        assert title == "Afspraak kan niet verder"
        assert "afspraak-damaged-" in text and "teruggezet" in text and "is vol" in text, text
        assert "Het herstel blijft staan" in text and "start Afspraak opnieuw" in text
        assert not any(words in text for words in NOT_SAID_AFTER_A_REPAIR), text
        assert len(list(data_dir.glob("afspraak-damaged-*.sqlite3"))) == 1
    finally:
        stop_app(application, qtbot)
        close_database()


# --- read-only data folder, a really full disk ----------------------------------------------
def _namespaces_work() -> bool:
    """A private mount namespace (``unshare -rm``) lets a test mount a read-only or tiny disk."""
    if os.name != "posix" or not shutil.which("unshare"):
        return False
    try:
        return subprocess.run(["unshare", "-rm", "true"], capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


needs_namespaces = pytest.mark.skipif(not _namespaces_work(), reason="needs unshare -rm (user + mount namespaces)")


def afspraak_in_namespace(setup: str, args: list[str], env: dict, after: str = "") -> subprocess.CompletedProcess:
    """Run ``afspraak ARGS`` after the shell ``setup`` (mounts), inside a private mount namespace.
    ``after``: shell run once the command ended (what its disk holds, copied out before the
    namespace and its disk go); the command's exit code is then printed as "exit=N" when not 0."""
    command = " ".join([shlex.quote(sys.executable), "-m", "desktop", *map(shlex.quote, args)])
    run = f"{command} || echo exit=$?; {after}" if after else f"exec {command}"
    return subprocess.run(["unshare", "-rm", "sh", "-c", f"set -e; {setup}; {run}"], env=env,
                          capture_output=True, text=True, timeout=120, cwd=str(ROOT))


def demo_folder(folder: Path) -> dict:
    env = dict(os.environ, AFSPRAAK_DATA_DIR=str(folder), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    made = subprocess.run([sys.executable, "-m", "desktop", "demo"], env=env, capture_output=True, timeout=60)
    assert made.returncode == 0, made.stderr
    return env


@needs_namespaces
@pytest.mark.parametrize("command", [["backup"], ["demo"], ["erase", "--person", "1", "--yes"]])
def test_read_only_data_folder_gives_a_clear_message_and_loses_nothing(tmp_path, command):
    folder = tmp_path / "data"
    env = demo_folder(folder)
    before = (folder / "afspraak.sqlite3").read_bytes()
    q = shlex.quote(str(folder))
    result = afspraak_in_namespace(f"mount --bind {q} {q}; mount -o remount,bind,ro {q}",
                                   ["--lang", "en", *command], env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "cannot write in its data folder" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert (folder / "afspraak.sqlite3").read_bytes() == before
    assert not list(folder.glob("afspraak-damaged-*"))


@needs_namespaces
def test_really_full_disk_gives_a_clear_message_and_loses_nothing(tmp_path):
    folder = tmp_path / "data"
    env = demo_folder(folder)
    saved = tmp_path / "saved"
    shutil.copytree(folder, saved)
    q, s = shlex.quote(str(folder)), shlex.quote(str(saved))
    # a 1 MB disk holding the data, then filled to the brim
    setup = (f"mount -t tmpfs -o size=1m tmpfs {q}; cp -a {s}/. {q}/; "
             f"dd if=/dev/zero of={q}/ballast bs=4k 2>/dev/null || true; sync")
    result = afspraak_in_namespace(setup + f"; cp {q}/afspraak.sqlite3 {s}/before.sqlite3",
                                   ["--lang", "en", "erase", "--person", "1", "--yes"], env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "is full" in result.stderr and "Traceback" not in result.stderr



@needs_namespaces
def test_a_healthy_file_on_a_really_full_disk_is_told_it_cannot_be_opened_and_is_untouched(tmp_path):
    """On a real full disk SQLite cannot even read a healthy file (no room for the index of
    its log): the start is told as a start, and the file is left byte for byte."""
    folder = tmp_path / "data"
    env = demo_folder(folder)
    saved = tmp_path / "saved"
    shutil.copytree(folder, saved)
    before = (folder / "afspraak.sqlite3").read_bytes()
    q, s = shlex.quote(str(folder)), shlex.quote(str(saved))
    setup = (f"mount -t tmpfs -o size=2m tmpfs {q}; cp -a {s}/. {q}/; "
             f"dd if=/dev/zero of={q}/ballast bs=4k 2>/dev/null || true")
    result = afspraak_in_namespace(setup, ["--lang", "en", "due"], env,
                                   after=f"cp {q}/afspraak.sqlite3 {s}/after.sqlite3 || true")
    assert "exit=1" in result.stdout, result.stdout + result.stderr
    assert "cannot open your data" in result.stderr and "is full" in result.stderr, result.stderr
    assert "last change" not in result.stderr and "Traceback" not in result.stderr
    assert (saved / "after.sqlite3").read_bytes() == before


@needs_namespaces
def test_a_damaged_file_on_a_really_full_disk_is_told_as_both_and_left_as_it_was(tmp_path):
    """Review of damaged databases, 1, on a real disk: room for SQLite's index of the log,
    not for the backup's copy."""
    folder = tmp_path / "data"
    env = demo_folder(folder)
    made = subprocess.run([sys.executable, "-m", "desktop", "backup"], env=env, capture_output=True, timeout=60)
    assert made.returncode == 0, made.stderr
    damage(folder / "afspraak.sqlite3", "pages")
    saved = tmp_path / "saved"
    shutil.copytree(folder, saved)
    before = (folder / "afspraak.sqlite3").read_bytes()
    q, s = shlex.quote(str(folder)), shlex.quote(str(saved))
    # a 2 MB disk holding the data, filled to the brim, then 150 kB made free again
    setup = (f"mount -t tmpfs -o size=2m tmpfs {q}; cp -a {s}/. {q}/; "
             f"dd if=/dev/zero of={q}/ballast bs=4k 2>/dev/null || true; truncate -s -150k {q}/ballast")
    # what the disk holds afterwards is copied out before the namespace (and its disk) goes
    result = afspraak_in_namespace(setup, ["--lang", "en", "due"], env,
                                   after=f"cp {q}/afspraak.sqlite3 {s}/after.sqlite3 || true; ls {q} > {s}/listing")
    assert "exit=1" in result.stdout, result.stdout + result.stderr
    assert "is damaged" in result.stderr and "too full to repair it" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert (saved / "after.sqlite3").read_bytes() == before
    assert "afspraak-damaged-" not in (saved / "listing").read_text()

@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write in a read-only folder")
def test_data_folder_that_cannot_be_created(tmp_path):
    parent = tmp_path / "locked"
    parent.mkdir()
    env = dict(os.environ, AFSPRAAK_DATA_DIR=str(parent / "afspraak"), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT))
    os.chmod(parent, 0o500)
    try:
        result = subprocess.run([sys.executable, "-m", "desktop", "--lang", "en", "demo"], env=env,
                                capture_output=True, text=True, timeout=60)
    finally:
        os.chmod(parent, 0o700)
    assert result.returncode == 1
    assert "cannot write in its data folder" in result.stderr and "Traceback" not in result.stderr


# --- the database file missing --------------------------------------------------------

def test_a_missing_database_file_gets_the_newest_backup_back_not_an_empty_start(data_dir, capsys):
    """Deleted or moved while Afspraak was closed (or while it ran), with automatic backups
    in the folder: the next start used to open a new, empty database without a word."""
    database = open_database()
    newest = two_backups_then_more_work(database)
    paths.db_path().unlink()

    report = recovery.open_checked(now=NOW)
    assert report is not None and report.damaged == recovery.MISSING and report.restored_from == newest
    assert "In de nieuwe back-up" in {p.name for p in Person.select()}
    text = errors.recovered(report)
    assert f"ontbrak in {data_dir}" in text and "22 november 2026" in text and "ontbreekt" in text
    close_database()
    assert recovery.open_checked(now=NOW) is None  # once back, a start like any other


def test_the_log_of_a_missing_file_is_kept_aside_not_replayed_into_a_new_one(data_dir):
    """The file went while Afspraak was writing (its -wal and -shm stay behind) and there is
    no backup: the log is kept aside (never deleted) and the owner told, not left beside
    the new file for SQLite to read as its own."""
    database = open_database()
    Person.create(name="Weg")
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    paths.db_path().unlink()  # deleted under the running app, which writes on
    Person.create(name="Na het verwijderen")
    wal = paths.db_path().with_name(paths.db_path().name + "-wal")
    saved = wal.read_bytes()  # what a kill or a power cut now leaves behind
    assert saved
    close_database()
    wal.write_bytes(saved)

    report = recovery.open_checked(now=NOW)
    assert report is not None and report.damaged == recovery.MISSING and report.restored_from is None
    kept = list(data_dir.glob("afspraak-damaged-*.sqlite3-wal"))
    assert len(kept) == 1 and kept[0].read_bytes() == saved
    assert Person.select().count() == 0 and db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert "geen bruikbare back-up" in errors.recovered(report)


def full_when_opening_the_copy(monkeypatch):
    """The backup's copy is in place, but opening it (SQLite's log, an upgrade) meets a full disk."""
    def full(path=None, migrate=True):
        raise peewee.OperationalError("database or disk is full") from sqlite3.OperationalError(
            "database or disk is full")

    monkeypatch.setattr(recovery, "open_database", full)


@pytest.mark.parametrize("log", [False, True])
@pytest.mark.parametrize("where", ["copy", "open"])
@pytest.mark.parametrize("language, missing, full, wrong", [
    ("en", "is missing from", "too full to put your newest backup back", "untouched"),
    ("nl", "ontbreekt in", "te vol om je nieuwste back-up terug te zetten", "onaangeroerd"),
])
def test_a_missing_file_on_a_full_disk_is_told_as_missing_and_nothing_is_changed(data_dir, capsys, monkeypatch,
                                                                                 log, where, language, missing,
                                                                                 full, wrong):
    """Review of damaged databases, 2: the file gone, a backup there, and the disk too full
    to copy it back: she read "your last change was not saved" (or "your data is
    untouched"), not that the file is missing. A copy that was made but could not be opened
    stayed in place, and the next start opened it as if nothing had gone missing. Now
    nothing is changed (the file's log, if any, stays where it was), she is told, and the
    next start with room puts the backup back and says so."""
    database = open_database()
    two_backups_then_more_work(database)
    paths.db_path().unlink()
    wal = paths.db_path().with_name(paths.db_path().name + "-wal")
    if log:
        wal.write_bytes(b"the log of the file that went")
    listing = data_files(data_dir)
    saved = {p.name: p.read_bytes() for p in paths.backup_dir().iterdir()}

    with monkeypatch.context() as patched:
        (full_when_copying if where == "copy" else full_when_opening_the_copy)(patched)
        assert cli.main(["--lang", language, "due"]) == 1
    close_database()
    err = capsys.readouterr().err
    assert missing in err and full in err and str(data_dir) in err, err
    assert wrong not in err and "last change" not in err and "laatste wijziging" not in err
    assert "Traceback" not in err
    assert not paths.db_path().exists() and data_files(data_dir) == listing
    assert {p.name: p.read_bytes() for p in paths.backup_dir().iterdir()} == saved
    if log:
        assert wal.read_bytes() == b"the log of the file that went"

    # room again: the backup is put back and she is told
    assert cli.main(["--lang", "en", "due"]) == 0
    close_database()
    assert "was missing from" in capsys.readouterr().err
    open_database()
    assert "In de nieuwe back-up" in names_in_db()


@pytest.mark.parametrize("language, said", [
    ("en", ["is missing from", "no usable backup to put in its place", "too full even to start a new, empty database",
            "will then start with a new, empty database"]),
    ("nl", ["ontbreekt in", "geen bruikbare back-up om op zijn plaats te zetten",
            "zelfs te vol om een nieuwe, lege database te beginnen", "begint Afspraak met een nieuwe, lege database"]),
])
def test_a_missing_file_with_only_its_log_on_a_full_disk_promises_no_backup(data_dir, capsys, monkeypatch,
                                                                          language, said):
    """The file went, its log stayed, and there is no backup: a new, empty database is what
    would be made, and the disk has no room even for that. She is told so (not "putting a
    backup back needs room"), and the log stays where it was, byte for byte."""
    wal = paths.db_path().with_name(paths.db_path().name + "-wal")
    data_dir.mkdir(parents=True, exist_ok=True)
    wal.write_bytes(b"the log of the file that went")
    with monkeypatch.context() as patched:
        full_when_creating(patched)
        assert cli.main(["--lang", language, "due"]) == 1
    close_database()
    err = capsys.readouterr().err
    assert all(words in err for words in said) and str(data_dir) in err, err
    assert "backup back" not in err and "back-up terug" not in err and "Traceback" not in err
    assert not paths.db_path().exists() and wal.read_bytes() == b"the log of the file that went"
    assert not list(data_dir.glob("afspraak-damaged-*"))


def test_a_first_start_is_not_a_missing_file(data_dir):
    assert recovery.open_checked(now=NOW) is None
    assert not (data_dir / "backups").exists() and Person.select().count() == 0


@pytest.mark.parametrize("language, said", [("nl", "ontbrak in"), ("en", "was missing from")])
def test_the_command_line_says_the_file_was_missing(data_dir, capsys, language, said):
    database = open_database()
    two_backups_then_more_work(database)
    paths.db_path().unlink()
    assert cli.main(["--lang", language, "due"]) == 0
    close_database()
    assert said in capsys.readouterr().err


# --- the file deleted or replaced while it is open --------------------------------------

def _names(path):
    con = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in con.execute("SELECT name FROM person"))
    finally:
        con.close()


@pytest.mark.parametrize("how", ["replaced", "deleted", "moved"])
def test_the_open_data_is_put_back_when_its_file_goes_while_open(data_dir, how):
    """A sync or clean-up program deletes, moves or replaces the file while Afspraak runs:
    every later save went into a file nothing names, and the next start found the other
    file (recovered from an older backup) or none (an empty start). The open data is
    copied out and put back in place; what lay there is kept aside."""
    open_database()
    Person.create(name="Voor")
    path = paths.db_path()
    junk = b"PK\x03\x04 a file a sync program put here" * 100
    if how == "replaced":
        (data_dir / "other").write_bytes(junk)
        os.replace(data_dir / "other", path)
    elif how == "deleted":
        path.unlink()
    else:
        os.replace(path, data_dir.parent / "moved.sqlite3")
    Person.create(name="Na")  # saved, as far as the owner can tell
    db.execute_sql("PRAGMA shrink_memory")

    report = recovery.rescue_replaced(NOW)
    assert report is not None and report.damaged == recovery.REPLACED
    assert _names(path) == ["Na", "Voor"]
    assert _names(report.restored_from) == ["Na", "Voor"] and report.restored_from.parent == paths.backup_dir()
    if how == "replaced":
        assert report.kept_as.read_bytes() == junk
    else:
        assert report.kept_as is None  # nothing lay there (the old log, if any, is kept aside unnamed)
    text = errors.recovered(report)
    assert "er ontbreekt niets" in text and str(data_dir) in text
    assert ("bewaard als" in text) == (how == "replaced")

    open_database()
    Person.create(name="Daarna")
    assert recovery.rescue_replaced(NOW) is None  # the file opened is the file there now
    close_database()
    assert _names(path) == ["Daarna", "Na", "Voor"]
    assert recovery.open_checked(now=NOW) is None


def test_a_file_still_in_place_is_left_alone(database):
    Person.create(name="Blijft")
    assert recovery.rescue_replaced(NOW) is None
    assert not list(paths.backup_dir().glob("*rescued*"))


@needs_namespaces
@pytest.mark.parametrize("language, said", [
    ("en", "The backup could not be written: the disk is full"),
    ("nl", "De back-up kon niet worden opgeslagen: de schijf is vol"),
])
def test_a_backup_onto_a_full_stick_names_the_stick_not_the_data(tmp_path, language, said):
    """A backup to a USB stick that fills up was told as "the disk with your Afspraak data
    is full, your last change was not saved": the wrong disk, and a change that never was.
    Now it says the backup could not be written and why; the stick keeps no half copy."""
    folder = tmp_path / "data"
    env = demo_folder(folder)
    before = (folder / "afspraak.sqlite3").read_bytes()
    stick = tmp_path / "stick"
    stick.mkdir()
    q = shlex.quote(str(stick))
    result = afspraak_in_namespace(f"mount -t tmpfs -o size=64k tmpfs {q}",
                                   ["--lang", language, "backup", "--out", str(stick / "afspraak.sqlite3")], env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert said in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert str(folder) not in result.stderr
    assert (folder / "afspraak.sqlite3").read_bytes() == before


def test_a_rescue_copy_newer_than_the_backups_is_put_back_first(data_dir):
    """Review 8, F5: a rescue of the open data (``rescue_replaced``) that could not put its
    copy in place left the path empty; the next start put back the morning's automatic
    backup and ignored the minutes-old rescued copy, so everything since looked lost."""
    database = open_database()
    two_backups_then_more_work(database)
    Person.create(name="Alleen in de reddingskopie")
    rescued = paths.backup_dir() / "afspraak-20261123-093000-rescued.sqlite3"
    backup.copy_database(database.connection(), rescued)
    later = max(p.stat().st_mtime for p in backup.auto_backups()) + 60
    os.utime(rescued, (later, later))
    close_database()
    paths.db_path().unlink()

    report = recovery.open_checked(now=NOW)
    assert report is not None and report.restored_from == rescued
    assert "Alleen in de reddingskopie" in {p.name for p in Person.select()}
    close_database()


def _newest(path: Path) -> Path:
    """Make ``path`` the newest file among the backups (a clock that ticks coarsely must not tie it)."""
    later = max(p.stat().st_mtime for p in backup.auto_backups()) + 60
    os.utime(path, (later, later))
    return path


@pytest.mark.parametrize("where", ["cli", "save_a_backup"])
def test_a_backup_she_took_herself_after_the_automatic_one_is_the_one_put_back(data_dir, where):
    """Audit of 2026-12-05: `afspraak backup` (or File → Save a backup… under its own name)
    an hour ago, then damage: the morning's automatic backup was put back and that hour's
    work looked lost, with the newer copy lying in the same folder."""
    database = open_database()
    two_backups_then_more_work(database)
    database = open_database()
    Person.create(name="In mijn eigen back-up")
    out = None if where == "cli" else paths.data_dir() / "afspraak-backup.sqlite3"
    mine = _newest(backup.backup_now(database, out=out, now=NOW))
    Person.create(name="Na mijn back-up")
    close_database()
    damage(paths.db_path(), "garbage")

    report = recovery.open_checked(now=NOW)
    assert report.restored_from == mine and not report.from_automatic
    names = {p.name for p in Person.select()}
    assert "In mijn eigen back-up" in names and "Na mijn back-up" not in names
    text = errors.recovered(report)
    assert mine.name in text and "De nieuwste back-up" in text and "automatische" not in text
    close_database()


def test_the_copy_of_the_data_a_restore_replaced_is_never_put_back(data_dir):
    """She restored an older backup on purpose: the copy of what it replaced is kept for her,
    never chosen by a recovery, however new."""
    database = open_database()
    newest = two_backups_then_more_work(database)
    database = open_database()
    Person.create(name="Wat ze verving")
    _newest(backup.backup_now(database, why="before-restore", now=NOW))
    close_database()
    damage(paths.db_path(), "garbage")

    report = recovery.open_checked(now=NOW)
    assert report.restored_from == newest and report.from_automatic
    assert "Wat ze verving" not in {p.name for p in Person.select()}
    assert "De automatische back-up van" in errors.recovered(report)
    close_database()


def _file_time(path: Path) -> float:
    return path.stat().st_mtime


def _set_time(path: Path, moment) -> float:
    """Give ``path`` the file time of ``moment`` (naive UTC), as a copy made then has."""
    stamp = moment.replace(tzinfo=timezone.utc).timestamp()
    os.utime(path, (stamp, stamp))
    return stamp


@pytest.mark.parametrize("where", ["data_folder", "documents", "cli"])
def test_an_erase_from_the_backups_never_makes_an_older_backup_the_one_put_back(data_dir, tmp_path, where):
    """Review of backups, 1: "Ook uit de back-ups wissen" rewrote every backup, so each got the
    erase's time as its file time; the repair after damage took the newest by file time, put
    the older automatic backup back over the backup she made that morning, and her newer
    work was gone. Her own backup (File → Save a backup… in the data folder, as suggested
    before, or in her documents, as now; `afspraak backup`) is the one put back, and every
    copy keeps its file time."""
    from desktop.store import privacy

    database = open_database()
    sanne = Person.create(name="Sanne Visser", email="sanne@example.nl")
    Person.create(name="Al lang klant")
    automatic = backup.daily_backup(database, keep=14, now=NOW - timedelta(days=3))
    automatic_time = _set_time(automatic, NOW - timedelta(days=3))
    Person.create(name="Nieuwe notitie van vanochtend")
    taken = NOW - timedelta(hours=1)
    out = {"data_folder": paths.data_dir() / "afspraak-backup.sqlite3",
           "documents": tmp_path / "Documenten" / "afspraak-backup-2026-11-23-0930.sqlite3", "cli": None}[where]
    (tmp_path / "Documenten").mkdir()  # (a backup makes no folder where she names one)
    mine = backup.backup_now(database, out=out, now=taken)
    mine_time = _set_time(mine, taken) if where != "documents" else _file_time(mine)

    result = privacy.erase_person(database, sanne.id, NOW, backups=True)
    assert set(result.backups) >= {automatic, mine} and not result.backups_failed
    assert (_file_time(automatic), _file_time(mine)) == (automatic_time, mine_time)  # not the erase's time
    close_database()
    damage(paths.db_path(), "garbage")

    report = recovery.open_checked(now=NOW + timedelta(hours=1))
    assert report is not None and report.restored_from == mine
    assert report.backup_taken_at == taken
    names = {p.name for p in Person.select()}
    assert "Nieuwe notitie van vanochtend" in names and "Sanne Visser" not in names
    close_database()


def test_backups_are_ordered_by_the_moment_in_their_names_not_their_file_times(data_dir):
    """A copy's file time says when the file was last written (an erase from the backups by an
    earlier Afspraak, a sync program), not when its data is from: the older automatic backup
    rewritten later is still the older one (review of backups, 1)."""
    database = open_database()
    Person.create(name="In de oude back-up")
    older = backup.daily_backup(database, keep=14, now=NOW - timedelta(days=2))
    Person.create(name="In de nieuwe back-up")
    newer = backup.daily_backup(database, keep=14, now=NOW - timedelta(days=1))
    close_database()
    _set_time(newer, NOW - timedelta(days=1))
    _set_time(older, NOW - timedelta(minutes=5))  # rewritten this morning
    assert recovery.backups_newest_last()[-1] == newer
    damage(paths.db_path(), "garbage")

    report = recovery.open_checked(now=NOW)
    assert report.restored_from == newer and report.backup_taken_at == NOW - timedelta(days=1)
    assert "In de nieuwe back-up" in {p.name for p in Person.select()}
    close_database()
