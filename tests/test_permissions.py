"""Only the owner can read the data: data dir and backups folder 0700, every file 0600."""

import logging
import logging.handlers
import os
import stat
from datetime import timedelta

import pytest

from desktop import logs, paths
from desktop.store import backup, privacy, recovery
from desktop.store.db import close_database
from desktop.store.opening import open_database
from desktop.store.models import Person
from tests.conftest import NOW

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def test_every_file_we_write_is_private(data_dir, tmp_path):
    os.umask(0o022)
    database = open_database()
    p = Person.create(name="Privé")
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        root.removeHandler(handler)  # an earlier test's log file, in its own data dir
        handler.close()
    logs.setup()
    daily = backup.daily_backup(database, keep=14, now=NOW)
    manual = backup.backup_now(database, out=tmp_path / "elsewhere.sqlite3")
    export = privacy.export_person(database.connection(), p.id, tmp_path / "export.zip", NOW)
    close_database()
    kept = backup.restore(manual, paths.db_path(), now=NOW + timedelta(hours=1))
    # a damaged database kept aside
    paths.db_path().write_bytes(b"kapot" * 100)
    report = recovery.open_checked(now=NOW + timedelta(hours=2))
    close_database()
    assert mode(paths.data_dir()) == 0o700
    assert mode(paths.backup_dir()) == 0o700
    assert mode(paths.log_dir()) == 0o700
    files = [paths.db_path(), daily, manual, export, kept, report.kept_as, logs.log_file()]
    files += [f for f in paths.data_dir().glob("afspraak.sqlite3-*")]
    for f in files:
        assert mode(f) == 0o600, f


def test_loose_modes_are_tightened_at_start(data_dir):
    open_database()
    close_database()
    os.chmod(paths.data_dir(), 0o755)
    os.chmod(paths.db_path(), 0o644)
    open_database()
    assert mode(paths.data_dir()) == 0o700
    assert mode(paths.db_path()) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_making_private_never_makes_writable_what_she_made_read_only(tmp_path):
    """Audit of 2026-12-05: a data folder she set read-only (555, the file 444) was told as
    one Afspraak cannot write in, and made 700 and 600 meanwhile: the next command wrote."""
    from desktop import paths

    folder, file = tmp_path / "data", tmp_path / "data" / "afspraak.sqlite3"
    folder.mkdir()
    file.write_bytes(b"")
    os.chmod(file, 0o444)
    os.chmod(folder, 0o555)
    try:
        paths.ensure_private_dir(folder)
        paths.make_private_file(file)
        assert (folder.stat().st_mode & 0o777, file.stat().st_mode & 0o777) == (0o500, 0o400)
    finally:
        os.chmod(folder, 0o700)
