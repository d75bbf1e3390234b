import os
import stat
import sqlite3
from datetime import datetime, timedelta

import pytest

from desktop import paths
from desktop.store import backup
from desktop.store.db import NotAnAfspraakDatabase, close_database
from desktop.store.opening import open_database
from desktop.store.models import Person


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
