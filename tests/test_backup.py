import os
import stat
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop import paths
from desktop.store import backup, recovery
from desktop.store.db import APPLICATION_ID, NotAnAfspraakDatabase, close_database
from desktop.store.opening import open_database
from desktop.store.models import Person
from tests.conftest import NOW


def test_backup_and_restore_round_trip(database, tmp_path):
    Person.create(name="Before")
    out = backup.backup_now(database, out=tmp_path / "copy.sqlite3")
    Person.create(name="After")
    close_database()
    kept = backup.restore(out, paths.db_path())
    open_database()
    assert [p.name for p in Person.select()] == ["Before"]
    # the data from before the restore was kept aside, complete
    con = sqlite3.connect(kept)
    assert sorted(r[0] for r in con.execute("SELECT name FROM person")) == ["After", "Before"]
    con.close()
    if os.name == "posix":
        assert stat.S_IMODE(os.stat(out).st_mode) == 0o600


@pytest.mark.parametrize("content", [b"just text\n", b"", b"SQLite format 3\x00" + b"\x00" * 100])
def test_restore_refuses_what_is_not_ours(database, tmp_path, content):
    Person.create(name="Keep me")
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    close_database()
    before = paths.db_path().read_bytes()
    with pytest.raises(NotAnAfspraakDatabase):
        backup.restore(bad, paths.db_path())
    assert paths.db_path().read_bytes() == before
    open_database()
    assert [p.name for p in Person.select()] == ["Keep me"]


def test_restore_missing_file(database, tmp_path):
    close_database()
    with pytest.raises(FileNotFoundError):
        backup.restore(tmp_path / "nope.sqlite3", paths.db_path())


def test_daily_backup_once_a_day_and_rotation(database):
    start = datetime(2026, 11, 1, 8, 0)
    for day in range(6):
        now = start + timedelta(days=day)
        assert backup.daily_backup(database, keep=3, now=now) is not None
        assert backup.daily_backup(database, keep=3, now=now + timedelta(hours=5)) is None
    names = [p.name for p in backup.auto_backups()]
    assert len(names) == 3
    assert names[-1].startswith("afspraak-auto-20261106")


def test_backup_is_a_consistent_afspraak_database(database, tmp_path):
    for i in range(50):
        Person.create(name=f"P{i}")
    out = backup.backup_now(database, out=tmp_path / "b.sqlite3")
    con = sqlite3.connect(out)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT COUNT(*) FROM person").fetchone()[0] == 50
    con.close()


def test_a_backup_of_the_open_database_needs_no_connection_from_the_caller(database, tmp_path):
    Person.create(name="In the copy")
    out = backup.backup_open(out=tmp_path / "menu.sqlite3")
    assert out == tmp_path / "menu.sqlite3"
    con = sqlite3.connect(out)
    assert [r[0] for r in con.execute("SELECT name FROM person")] == ["In the copy"]
    con.close()


def test_restoring_over_the_open_database_reopens_it_with_the_backup(database, tmp_path):
    from desktop.store import lookups, opening

    Person.create(name="Before")
    out = backup.backup_open(out=tmp_path / "copy.sqlite3")
    Person.create(name="After")
    kept = opening.restore_open(out)
    assert lookups.database_open()
    assert [p.name for p in Person.select()] == ["Before"]
    con = sqlite3.connect(kept)
    assert sorted(r[0] for r in con.execute("SELECT name FROM person")) == ["After", "Before"]
    con.close()


@pytest.mark.parametrize("make", [lambda p: p.write_text("not a database"), lambda p: None])
def test_a_refused_restore_over_the_open_database_leaves_it_open_and_unchanged(database, tmp_path, make):
    from desktop.store import lookups, opening

    Person.create(name="Keep me")
    bad = tmp_path / "bad.sqlite3"
    make(bad)
    with pytest.raises((NotAnAfspraakDatabase, FileNotFoundError)):
        opening.restore_open(bad)
    assert lookups.database_open()
    assert [p.name for p in Person.select()] == ["Keep me"]


def test_a_restore_that_fails_half_way_reopens_the_current_data(database, tmp_path, monkeypatch):
    from desktop.store import lookups, opening

    Person.create(name="Keep me")
    out = backup.backup_open(out=tmp_path / "copy.sqlite3")

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "restore", disk_full)
    with pytest.raises(OSError):
        opening.restore_open(out)
    assert lookups.database_open()
    assert [p.name for p in Person.select()] == ["Keep me"]


# --- what a killed or failed copy leaves behind ----------------------------------------

_KILLED_RESTORE = """
import os, sys
from pathlib import Path
sys.path.insert(0, {root!r})
from desktop.presentation import event_texts  # noqa: F401 - migration v9 words old events
from desktop.store import backup, migrations
step = migrations.MIGRATIONS[9]
def killed(database):
    step(database)
    os.kill(os.getpid(), 9)  # SIGKILL in the middle of the restore's trial migration
migrations.MIGRATIONS[9] = killed
backup.restore(Path({source!r}), Path({target!r}))
"""


def _rows(path, sql):
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_restore_killed_half_way_does_not_spoil_the_next_restore(database, tmp_path):
    """A restore of an old backup killed during its trial migration left the staged copy's
    write-ahead log behind; the next restore's staged copy got that log replayed into it,
    and a good backup was refused as damaged (or restored mixed with the other file)."""
    import subprocess
    import sys
    from pathlib import Path

    for i in range(30):
        Person.create(name=f"Good {i}")
    good = backup.backup_now(database, out=tmp_path / "good.sqlite3")
    close_database()
    target = paths.db_path()
    old = Path(__file__).parent / "data" / "schemas" / "v1.sqlite3"
    root = str(Path(__file__).resolve().parent.parent)
    run = subprocess.run([sys.executable, "-c", _KILLED_RESTORE.format(root=root, source=str(old), target=str(target))],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == -9, run.stderr
    assert target.with_name(target.name + ".restore-wal").exists()  # what the kill left

    backup.restore(good, target)

    assert _rows(target, "PRAGMA integrity_check") == [("ok",)]
    assert _rows(target, "SELECT name FROM person ORDER BY id") == _rows(good, "SELECT name FROM person ORDER BY id")
    assert not list(target.parent.glob("*.restore*"))  # no copy of a backup left beside the data


def test_a_copy_that_fails_leaves_no_half_written_file(database, tmp_path):
    """A backup that fails (a full disk; here a source SQLite cannot read) leaves no
    ``.part``: it would fill the disk further and hold data nothing lists or erases."""
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    target = paths.backup_dir() / "afspraak-auto-20261201-080000.sqlite3"
    with pytest.raises(sqlite3.DatabaseError):
        backup.copy_database(broken, target)
    assert list(target.parent.iterdir()) == []


def test_a_copy_clears_what_a_killed_copy_left_under_its_name(database, tmp_path):
    """A killed backup leaves ``X.part`` and its ``-journal``; the next copy under that name
    neither trips over them nor keeps them."""
    Person.create(name="Kept")
    stick = tmp_path / "stick"
    stick.mkdir()
    target = stick / "copy.sqlite3"
    for leftover in ("copy.sqlite3.part", "copy.sqlite3.part-journal", "copy.sqlite3-wal", "copy.sqlite3-journal"):
        (stick / leftover).write_bytes(b"left by a killed copy" * 50)
    backup.backup_now(database, out=target)
    assert sorted(p.name for p in stick.iterdir()) == ["copy.sqlite3"]
    assert _rows(target, "SELECT name FROM person") == [("Kept",)]


def test_the_daily_backup_removes_what_killed_copies_left(database):
    """A daily backup killed half-way (the first start of a day, closed at once) left a
    whole-size ``.part`` under a name no later copy uses: they piled up, unlisted, with
    data no erase found. The day's backup removes them; one still being written stays."""
    folder = paths.backup_dir()
    stale = [folder / "afspraak-auto-20261120-080000.sqlite3.part",
             folder / "afspraak-auto-20261120-080000.sqlite3.part-journal",
             folder / "afspraak-20261121-100000.sqlite3.part"]
    fresh = folder / "afspraak-20261123-092900.sqlite3.part"  # a command writing one right now
    for leftover in [*stale, fresh]:
        leftover.write_bytes(b"half a copy" * 100)
    long_ago = os.stat(fresh).st_mtime - backup.UNFINISHED_AFTER - 60
    for leftover in stale:
        os.utime(leftover, (long_ago, long_ago))
    made = backup.daily_backup(database, keep=14)
    assert sorted(p.name for p in folder.iterdir()) == sorted([made.name, fresh.name])


def test_erasing_from_the_backups_also_removes_unfinished_copies(database):
    from desktop.store import privacy

    person = Person.create(name="Wis Mij", email="wis@example.org")
    leftover = paths.backup_dir() / "afspraak-auto-20261120-080000.sqlite3.part"
    backup.copy_database(database.connection(), paths.backup_dir() / "x.sqlite3")
    os.replace(paths.backup_dir() / "x.sqlite3", leftover)  # as a kill before the rename leaves it
    long_ago = os.stat(leftover).st_mtime - backup.UNFINISHED_AFTER - 60
    os.utime(leftover, (long_ago, long_ago))
    privacy.erase_person(database, person.id, datetime(2026, 11, 23, 9, 30), backups=True)
    assert not leftover.exists()


@pytest.mark.parametrize("how", ["junk", "cut"])
def test_a_restore_over_a_damaged_database_restores_and_keeps_the_damaged_file(database, tmp_path, how):
    """A damaged database is often why she restores; the restore used to stop at copying
    the current file aside (SQLite cannot read it), so the command said "run it again"
    after putting an empty database in place. The damaged file is kept byte for byte now."""
    for i in range(40):
        Person.create(name=f"Goed {i}", notes="x" * 300)
    good = backup.backup_now(database, out=tmp_path / "good.sqlite3")
    close_database()
    target = paths.db_path()
    data = target.read_bytes()
    target.write_bytes(b"\x13 not any more" * 3000 if how == "junk" else data[: len(data) // 2])
    damaged = target.read_bytes()

    kept = backup.restore(good, target)

    assert kept.read_bytes() == damaged
    open_database()
    assert Person.select().count() == 40


_KILLED_IN_A_CHANGE = """
import os, sqlite3
con = sqlite3.connect({path!r}, isolation_level=None)
con.execute("PRAGMA cache_size = 5")  # the change spills into the file before it commits
con.execute("BEGIN IMMEDIATE")
con.execute("UPDATE person SET notes = 'overwritten'")
con.execute("DELETE FROM person WHERE id % 2 = 0")
os.kill(os.getpid(), 9)  # killed in the middle, as an erase from the backups can be
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_backup_left_with_a_hot_journal_is_restored_as_it_was(database, tmp_path):
    """An erase from the backups killed while it rewrote a backup left the file half-changed
    with its -journal beside it. SQLite rolls that back on the first writable open, but the
    restore looked read-only first and refused a good backup as damaged."""
    import subprocess
    import sys

    for i in range(400):
        Person.create(name=f"Klant {i}", notes="n" * 400)
    copy = backup.backup_now(database, out=tmp_path / "afspraak-auto-20261122-080000.sqlite3")
    expected = _rows(copy, "SELECT id, name, notes FROM person ORDER BY id")
    run = subprocess.run([sys.executable, "-c", _KILLED_IN_A_CHANGE.format(path=str(copy))], capture_output=True)
    assert run.returncode == -9, run.stderr
    assert (tmp_path / (copy.name + "-journal")).stat().st_size > 0  # hot: the file holds half a change
    close_database()

    backup.restore(copy, paths.db_path())

    open_database()
    assert [(p.id, p.name, p.notes) for p in Person.select().order_by(Person.id)] == expected


def test_two_restores_in_one_second_keep_both_copies_of_what_they_replaced(database, tmp_path):
    """Review of backups, 2: each restore keeps the data it replaces as
    ``afspraak-<time>-before-restore.sqlite3``; a second restore in the same second wrote its
    copy over the first one, and the data she had before both was gone."""
    Person.create(name="Wat ik eerst had")
    first = backup.backup_now(database, out=tmp_path / "eerste.sqlite3")
    close_database()
    kept_first = backup.restore(first, paths.db_path(), now=NOW)
    open_database()
    Person.create(name="Alleen in de eerste terugzetting")
    close_database()
    kept_second = backup.restore(first, paths.db_path(), now=NOW)
    assert kept_first != kept_second and kept_first.exists() and kept_second.exists()
    # both still read as a restore's copy (never put back by a repair)
    assert all(k.name.endswith("-before-restore.sqlite3") for k in (kept_first, kept_second))
    assert all(backup.stamp_of(k) == NOW for k in (kept_first, kept_second))
    con = sqlite3.connect(kept_second)
    assert sorted(r[0] for r in con.execute("SELECT name FROM person")) == [
        "Alleen in de eerste terugzetting", "Wat ik eerst had"]
    con.close()
    con = sqlite3.connect(kept_first)
    assert [r[0] for r in con.execute("SELECT name FROM person")] == ["Wat ik eerst had"]
    con.close()


def test_a_copys_moment_comes_from_its_name_or_the_note_of_it_never_a_rewrite(database, tmp_path):
    """Review of backups, 1: how old a copy is, whatever its file time says later."""
    auto = backup.daily_backup(database, keep=14, now=NOW - timedelta(days=3))
    os.utime(auto, (1_900_000_000, 1_900_000_000))  # rewritten long after
    assert backup.when_taken(auto) == (NOW - timedelta(days=3), True)
    for name in ("afspraak-20261120-080000-before-restore.sqlite3", "afspraak-20261120-080000-2-before-restore.sqlite3",
                 "afspraak-damaged-20261120-080000.sqlite3", "afspraak-20261120-080000-rescued.sqlite3",
                 "afspraak-20261120-080000.sqlite3"):
        assert backup.stamp_of(Path(name)) == datetime(2026, 11, 20, 8, 0), name
    for name in ("afspraak-backup.sqlite3", "afspraak-backup-2026-11-20-0800.sqlite3", "mijn kopie.sqlite3"):
        assert backup.stamp_of(Path(name)) is None, name
    # a copy saved under a name of her own: the moment noted when it was written
    mine = backup.backup_now(database, out=tmp_path / "mijn kopie.sqlite3", now=NOW - timedelta(hours=2))
    assert backup.when_taken(mine) == (NOW - timedelta(hours=2), True)
    # the file written again by something else since: only its file time is known
    os.utime(mine, (1_800_000_000, 1_800_000_000))
    assert backup.when_taken(mine) == (datetime(2027, 1, 15, 8, 0), False)


_KILLED_BACKUP = """
import os, sqlite3, sys
from pathlib import Path
sys.path.insert(0, {root!r})
os.umask(0o022)  # the usual: a file anyone may read unless made otherwise
from desktop.store import backup
source = sqlite3.connect({source!r})
class Killed:
    def backup(self, dest):  # killed after the first page: the copy and its journal are there
        source.backup(dest, pages=1, progress=lambda *_: os.kill(os.getpid(), 9))
backup.copy_database(Killed(), Path({target!r}))
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL and file modes")
def test_a_backup_killed_half_way_leaves_nothing_anyone_else_may_read(database, tmp_path):
    """`afspraak backup --out` killed while it copied left ``x.sqlite3.part`` and its
    ``.part-journal`` readable by anyone (-rw-r--r--) where she chose to save: the copy was
    made private only once it was whole (review of data safety, 4). From its creation now;
    the next backup under that name removes both."""
    import subprocess
    import sys

    for i in range(300):
        Person.create(name=f"Klant {i}", notes="x" * 500)
    close_database()
    stick = tmp_path / "stick"
    stick.mkdir()
    target = stick / "kopie.sqlite3"
    script = _KILLED_BACKUP.format(root=str(Path(__file__).resolve().parent.parent), source=str(paths.db_path()),
                                   target=str(target))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert done.returncode == -9, done.stderr
    left = sorted(stick.iterdir())
    assert [p.name for p in left] == ["kopie.sqlite3.part", "kopie.sqlite3.part-journal"]
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in left} == {p.name: 0o600 for p in left}
    backup.backup_now(open_database(), out=target)
    assert [p.name for p in stick.iterdir()] == ["kopie.sqlite3"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert _rows(target, "SELECT count(*) FROM person") == [(300,)]


def _damage_in_the_middle(path: Path) -> None:
    """What a failing disk or a sync program leaves: a page in the middle of the file overwritten."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    with open(path, "r+b") as fh:
        fh.seek((pages // 2) * size)
        fh.write(b"\xde\xad\xbe\xef" * 300)


def test_the_rotation_never_pushes_good_copies_out_for_a_damaged_one(database):
    """Review of data safety, 1: each new day's copy pushed out the oldest one, whatever the
    copy was: fourteen days of copies of a damaged file left no good one. A copy that does
    not pass the check is removed again, and no other copy with it."""
    for i in range(400):
        Person.create(name=f"Klant {i}", notes="x" * 300)
    good = [backup.daily_backup(database, keep=3, now=NOW - timedelta(days=d)) for d in (3, 2, 1)]
    close_database()
    _damage_in_the_middle(paths.db_path())
    with pytest.raises(backup.CopyDamaged):
        backup.daily_backup(paths.db_path(), keep=3, now=NOW)
    assert backup.auto_backups() == good
    assert sorted(p.name for p in paths.backup_dir().iterdir()) == sorted(p.name for p in good)  # nothing left of it
    for copy in good:
        assert _rows(copy, "PRAGMA quick_check") == [("ok",)]


def test_a_good_copy_keeps_the_newest_and_never_itself(database):
    """The clock set back: the day's copy is named before the others, and still stays."""
    later = [backup.daily_backup(database, keep=2, now=NOW + timedelta(days=d)) for d in (5, 6)]
    made = backup.daily_backup(database, keep=2, now=NOW)
    assert backup.auto_backups() == [made, later[1]]


# --- the one reader of SQLite's own check (backup.check_problem) ------------------------------
# Used by the day's copy (quick_check), a restore's source and staged copy (integrity_check,
# every error damage there) and recovery.diagnose (on its own connection).


def _a_shop(path: Path) -> Path:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT, notes TEXT)")
    con.execute("CREATE INDEX person_name ON person (name)")
    con.executemany("INSERT INTO person (name, notes) VALUES (?, ?)", [(f"Klant {i}", "x" * 300) for i in range(400)])
    con.commit()
    con.close()
    return path


def _a_report_of_raw_bytes(path: Path) -> Path:
    """A file whose check reports a table name that is not UTF-8 (the bytes a damaged page
    can put in SQLite's report): Python's sqlite3 raises an OperationalError for such text,
    whose words say nothing of damage."""
    name = b"person\xff"
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("CREATE TABLE person (name)")
    con.execute("INSERT INTO person VALUES (NULL)")
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    con.execute("PRAGMA writable_schema = ON")
    con.execute("UPDATE sqlite_master SET sql = CAST(? AS TEXT), name = CAST(? AS TEXT), tbl_name = CAST(? AS TEXT)",
                (b'CREATE TABLE "' + name + b'" (name NOT NULL)', name, name))
    con.close()
    return path


@pytest.mark.parametrize("check", ["quick_check", "integrity_check"])
def test_the_check_reader_finds_a_sound_file_sound_and_leaves_it_as_it_was(tmp_path, check):
    sound = _a_shop(tmp_path / "sound.sqlite3")
    before = sound.read_bytes()
    assert backup.check_problem(sound, check) is None
    assert sound.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["sound.sqlite3"]  # read only
    backup._quick_check(sound)  # a restore's check lets it through


@pytest.mark.parametrize("check", ["quick_check", "integrity_check"])
def test_the_check_reader_says_what_is_damaged_in_a_copy(tmp_path, check):
    damaged = _a_shop(tmp_path / "damaged.sqlite3")
    _damage_in_the_middle(damaged)
    problem = backup.check_problem(damaged, check)
    assert problem and problem != "ok"
    with pytest.raises(NotAnAfspraakDatabase) as refused:
        backup._quick_check(damaged)
    assert refused.value.reason == NotAnAfspraakDatabase.DAMAGED


@pytest.mark.parametrize("check", ["quick_check", "integrity_check"])
def test_the_check_reader_says_a_file_that_is_no_database_is_damaged(tmp_path, check):
    text = tmp_path / "notes.sqlite3"
    text.write_bytes(b"just text, no database\n" * 200)
    assert "not a database" in backup.check_problem(text, check)
    with pytest.raises(NotAnAfspraakDatabase) as refused:
        backup._quick_check(text)
    assert refused.value.reason == NotAnAfspraakDatabase.DAMAGED


@pytest.mark.parametrize("check", ["quick_check", "integrity_check"])
def test_a_report_sqlite_cannot_give_as_text_is_damage_not_an_error(tmp_path, check):
    """The report's bytes were to be caught as UnicodeDecodeError, which Python 3.11's sqlite3
    never raises (it raises OperationalError "Could not decode to UTF-8"): the day's copy and
    recovery.diagnose raised it as trouble that is not damage."""
    odd = _a_report_of_raw_bytes(tmp_path / "odd.sqlite3")
    problem = backup.check_problem(odd, check)
    assert problem == "NULL value in person\ufffd.name"
    assert backup._copy_problem(odd) == problem  # the day's copy is removed, not an error raised
    assert recovery.diagnose(odd, thorough=check == "integrity_check") == problem  # repaired at the start
    with pytest.raises(NotAnAfspraakDatabase):
        backup._quick_check(odd)
    con = sqlite3.connect(odd)
    try:
        assert backup.check_problem(con, check) == problem
        assert con.text_factory is str  # the caller's connection as it was
    finally:
        con.close()


def test_what_is_not_damage_is_raised_by_the_reader_and_refused_by_a_restore(tmp_path):
    """No file to open is no damage for the day's copy or the start's diagnosis (raised);
    a restore refuses whatever kept its source from being read."""
    missing = tmp_path / "gone.sqlite3"
    with pytest.raises(sqlite3.OperationalError):
        backup.check_problem(missing, "quick_check")
    with pytest.raises(NotAnAfspraakDatabase) as refused:
        backup._quick_check(missing)
    assert refused.value.reason == NotAnAfspraakDatabase.DAMAGED
    with pytest.raises(ValueError):
        backup.check_problem(missing, "foreign_key_check")


def vanish(path: Path, sidecars: bool = False) -> None:
    """A sync tool deletes her database under the open window (with its -wal/-shm too when
    ``sidecars``): the open connection goes on reading what it opened."""
    for gone in (path, *(backup.sidecar_files(path) if sidecars else ())):
        gone.unlink()


def vanish_unreadably(database, path: Path) -> None:
    """Her file emptied, then deleted, under the open window, everything in it written into
    it and nothing of it in the connection's memory: the open connection cannot read her
    data either."""
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.execute_sql("PRAGMA shrink_memory")
    os.truncate(path, 0)
    path.unlink()


def restore_in_window(qtbot, monkeypatch, taken: Path) -> tuple[list, list]:
    """File → Restore a backup of ``taken``, said yes to: (the questions, what she was told)."""
    from desktop.views import dialogs
    from desktop.views.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    asked, told = [], []
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(taken))
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, *a, **k: asked.append(text) or True)
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: told.append(("warn", text)))
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append(("inform", text)))
    return window, asked, told


def kept_names(kept: Path) -> list[str]:
    con = sqlite3.connect(f"file:{kept}?mode=ro", uri=True)
    try:
        return sorted(r[0] for r in con.execute("SELECT name FROM person"))
    finally:
        con.close()


@pytest.mark.parametrize("sidecars", [False, True])
def test_a_restore_after_her_file_went_missing_keeps_the_open_data(database, tmp_path, sidecars):
    """Her file deleted under the open window (the -wal/-shm stay, or go too): what the open
    connection still reads (written after the backup too) is kept aside, checked whole, under
    the usual kept-copy name, before the restore closes it (was thrown away: "nothing to keep")."""
    from desktop.store import opening

    Person.create(name="In de back-up")
    taken = backup.backup_now(database, out=tmp_path / "copy.sqlite3")
    Person.create(name="Na de back-up")
    vanish(paths.db_path(), sidecars)

    kept = opening.restore_open(taken)

    assert kept is not None and kept.parent == paths.backup_dir() and kept.name.endswith("-before-restore.sqlite3")
    assert kept_names(kept) == ["In de back-up", "Na de back-up"]
    assert backup.check_problem(kept, "integrity_check") is None
    assert [p.name for p in Person.select()] == ["In de back-up"]
    if os.name == "posix":
        assert stat.S_IMODE(os.stat(kept).st_mode) == 0o600


def test_a_refused_restore_after_her_file_went_missing_puts_her_data_back(database, tmp_path):
    """The backup refused after her open data was kept: her data goes back in its place
    (was: a new, empty database opened there)."""
    from desktop.store import opening

    Person.create(name="Haar gegevens")
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"just text\n")
    vanish(paths.db_path())
    with pytest.raises(NotAnAfspraakDatabase):
        opening.restore_open(bad)
    assert [p.name for p in Person.select()] == ["Haar gegevens"]
    assert backup.check_problem(paths.db_path(), "integrity_check") is None
    # her file back whole: no second copy of her data left in the backups that nothing names
    assert not [p for p in paths.backup_dir().iterdir() if "before-restore" in p.name]


def test_a_restore_when_the_open_data_cannot_be_read_keeps_nothing_half(database, tmp_path):
    """Her file gone and the open connection unable to read it: nothing to keep (None), no
    half copy in the backups folder, and the restore is made."""
    from desktop.store import opening

    Person.create(name="In de back-up")
    taken = backup.backup_now(database, out=tmp_path / "copy.sqlite3")
    vanish_unreadably(database, paths.db_path())
    assert not opening.current_data_keepable()

    assert opening.restore_open(taken) is None
    assert not [p for p in paths.backup_dir().iterdir() if "before-restore" in p.name]
    assert [p.name for p in Person.select()] == ["In de back-up"]


@pytest.mark.parametrize("language, said", [
    ("en", "The backup is restored. Your previous data was kept in {path}."),
    ("nl", "De back-up is teruggezet. Je vorige gegevens staan bewaard in {path}.")])
def test_file_restore_after_her_file_went_missing_names_the_copy_of_her_open_data(
        qtbot, database, translator, tmp_path, monkeypatch, language, said):
    """File → Restore with her file deleted under the open window: the copy kept of her open
    data is named as any kept copy, and holds what she entered after the backup (it said
    "there was no previous data to keep aside", and that data was lost)."""
    from desktop import i18n

    Person.create(name="In de back-up")
    taken = backup.backup_now(database, out=tmp_path / "copy.sqlite3")
    Person.create(name="Na de back-up")
    i18n.set_language(language)
    window, asked, told = restore_in_window(qtbot, monkeypatch, taken)
    vanish(paths.db_path())
    window.restore_backup()
    assert [kind for kind, _ in told] == ["inform"], told
    [kept] = paths.backup_dir().glob("*-before-restore.sqlite3")
    assert told[0][1] == said.format(path=kept), told
    assert kept_names(kept) == ["In de back-up", "Na de back-up"]
    assert [p.name for p in Person.select()] == ["In de back-up"]
    assert len(asked) == 1 and ("A copy of your current data is kept" in asked[0]
                                or "Wat er nu staat, wordt eerst apart bewaard" in asked[0]), asked


@pytest.mark.parametrize("language, promise, no_copy, said", [
    ("en", "A copy of your current data is kept",
     "Your own data file has disappeared in the meantime and the data that is open can no longer be read either, "
     "so Afspraak cannot make a copy of it first.",
     "The backup is restored. Your data file had already gone, so Afspraak could not keep a copy of it first. "
     "Anything you entered after this backup is no longer in Afspraak."),
    ("nl", "Wat er nu staat, wordt eerst apart bewaard",
     "Je eigen gegevensbestand is intussen verdwenen en ook de geopende gegevens zijn niet meer te lezen, dus "
     "Afspraak kan daar niet eerst een kopie van maken.",
     "De back-up is teruggezet. Je gegevensbestand was al verdwenen, dus Afspraak kon er vooraf geen kopie van "
     "bewaren. Wat je na deze back-up nog had ingevoerd, staat niet meer in Afspraak.")])
def test_file_restore_when_nothing_of_her_data_can_be_kept_says_so(
        qtbot, database, translator, tmp_path, monkeypatch, language, promise, no_copy, said):
    """Her file gone and the open data unreadable too: the question promises no copy, and
    afterwards she is told plainly that none was kept and what that costs her (it said
    "there was no previous data to keep aside": untrue)."""
    from desktop import i18n

    Person.create(name="In de back-up")
    taken = backup.backup_now(database, out=tmp_path / "copy.sqlite3")
    i18n.set_language(language)
    window, asked, told = restore_in_window(qtbot, monkeypatch, taken)
    vanish_unreadably(database, paths.db_path())
    window.restore_backup()
    assert len(asked) == 1 and promise not in asked[0] and no_copy in asked[0], asked
    assert told == [("inform", said)], told
    assert not list(paths.backup_dir().glob("*-before-restore.sqlite3"))
    assert [p.name for p in Person.select()] == ["In de back-up"]
