"""A damaged database at start, a full disk, a read-only data folder: told, never lost."""

import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import peewee
import pytest

from desktop import cli, paths
from desktop.store import backup, recovery, storage_errors
from desktop.store.db import close_database, db, open_database
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
    text = recovery.message(report)
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
    assert "lege database" in recovery.message(report)


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
        assert recovery.open_checked(now=at, when_due=True) is None
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
    assert cli.main(["--lang", "en", "backup", "--out", str(data_dir / "copy.sqlite3")]) == 0
    close_database()
    err = capsys.readouterr().err
    assert "damaged" in err and "afspraak-damaged-" in err and "missing" in err


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
    text = storage_errors.message(storage_errors.FULL, paths.data_dir())
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


def afspraak_in_namespace(setup: str, args: list[str], env: dict) -> subprocess.CompletedProcess:
    """Run ``afspraak ARGS`` after the shell ``setup`` (mounts), inside a private mount namespace."""
    command = " ".join([shlex.quote(sys.executable), "-m", "desktop", *map(shlex.quote, args)])
    return subprocess.run(["unshare", "-rm", "sh", "-c", f"set -e; {setup}; exec {command}"], env=env,
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
