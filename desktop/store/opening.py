"""Opening the database: bind the connection, bring the schema up to date (with a backup
of the file first), and hand the owner's time to the clock.

Above ``db`` (the connection and file checks), ``migrations`` and ``backup`` in the
store, so that none of those needs to import another in a circle.
"""

from __future__ import annotations

import logging
import sqlite3
from contextlib import nullcontext
from pathlib import Path

import peewee

from desktop import paths
from desktop.store import backup, migrations, name_keys, settings, storage_errors
from desktop.store.db import (PRAGMAS, OwnedDatabase, check_afspraak_file, close_database, db, handing_turns,
                               note_opened_file, sidecar_files)

log = logging.getLogger(__name__)


def open_database(path: Path | None = None, migrate: bool = True) -> peewee.SqliteDatabase:
    """Open the database at ``path`` (default: the data dir's), bind the proxy, migrate."""
    path = Path(path) if path else paths.db_path()
    paths.ensure_private_dir(path.parent)
    if path.exists():
        check_afspraak_file(path, allow_empty=True)
    if backup.clear_stale_restore(path):
        log.info("removed the copy a killed restore left beside %s", path)
    database = OwnedDatabase(str(path), pragmas=PRAGMAS, check_same_thread=True)
    db.initialize(database)
    database.connect(reuse_if_open=True)
    note_opened_file(path)
    for f in [path, *sidecar_files(path)]:
        paths.make_private_file(f)
    if migrate:
        taken: list[Path] = []
        try:
            migrations.migrate(database, before=lambda start: taken.append(
                backup.backup_before_migration(database, path, start)))
        except Exception as exc:
            if storage_errors.kind_of(exc) is not None and not storage_errors.is_damage(exc):
                # The disk: the upgrade was taken back whole, so the file is the copy's twin, and
                # a copy per failed start would fill up a disk that is full already.
                for copy in taken:
                    copy.unlink(missing_ok=True)
            raise
        name_keys.follow_rule(database)  # the people's sort keys, made again once if the rule changed
        settings.refresh_owner_time()  # the owner's zone and quiet hours, as stored in this file
        _erasures_again(database, path)
    return database


def _erasures_again(database: peewee.SqliteDatabase, path: Path) -> None:
    """Whoever was erased on request since this file was made (a restore, a repair from a
    backup, an older file put in place) is erased from it again before anything reads it
    (store/erasures.py). An ordinary start only compares a count."""
    from desktop.store import erasures

    pending = erasures.behind(database, path.parent)
    if pending is not None:
        from desktop.store import privacy

        privacy.reapply_erasures(database, *pending)


def restore_open(source: Path, path: Path | None = None) -> Path | None:
    """Replace the open database with the backup ``source`` (File > Restore a backup…): close
    it, restore (``backup.restore``: the current file kept aside first), open it again.
    Returns where the previous data was kept (None: its file was gone and the open
    connection could not read it whole either, so nothing could be kept). A
    refusal (``backup.NotAnAfspraakDatabase``, ``FileNotFoundError``) or any other failure
    changes nothing and reopens the current data before it is raised."""
    return _restore_open(source, path, salvaging=False)[0]


def salvage_open(source: Path, path: Path | None = None, progress=None):
    """:func:`restore_open` of a damaged file: what can still be read of it goes in
    (``backup.restore_salvaged``). Returns (where the previous data was kept, the
    ``salvage.Salvaged`` facts or None when the file was whole after all). ``progress``:
    told how far the salvage is (``salvage.Progress``); the caller may let the event loop
    run then, and what would write waits meanwhile (``db.handing_turns``: the data is
    closed until the salvage is in place)."""
    with handing_turns() if progress is not None else nullcontext():
        return _restore_open(source, path, salvaging=True, progress=progress)


def _open_data_gone(path: Path) -> peewee.SqliteDatabase | None:
    """The open database when its file at ``path`` is gone (a sync or clean-up program
    deleted it under the open window: the connection goes on reading what it opened, and
    the -wal/-shm beside it still hold what was written since); else None."""
    database = db.obj
    if database is None or database.is_closed() or path.exists():
        return None
    if Path(database.database).absolute() != path.absolute():
        return None
    return database


def current_data_keepable(path: Path | None = None) -> bool:
    """Can a restore keep a copy of the current data first? Yes when its file is there;
    when the file is gone, only while the open connection still reads it whole (a quick
    check of it: the copy itself is checked when it is made, ``backup.keep_open_data``)."""
    path = Path(path) if path else paths.db_path()
    if path.exists():
        return True
    database = _open_data_gone(path)
    if database is None:
        return False
    try:
        return backup.check_problem(database.connection(), "quick_check") is None
    except sqlite3.Error:  # not damage (locked, say): the copy itself will tell
        return True


def _restore_open(source: Path, path: Path | None, salvaging: bool, progress=None):
    path = Path(path) if path else paths.db_path()
    # Her file gone from under the window: what the open connection still reads is all there
    # is of her data, lost once it is closed; kept from it first (before, it was thrown away
    # and "nothing to keep" was said).
    database = _open_data_gone(path)
    kept = backup.keep_open_data(database.connection()) if database is not None else None
    close_database()
    try:
        done = (backup.restore_salvaged(Path(source), path, progress=progress, kept=kept) if salvaging
                else (backup.restore(Path(source), path, kept=kept), None))
    except BaseException:
        if kept is not None and not path.exists():
            # Refused, or failed before it replaced anything: her data goes back in its place,
            # not a new empty database opened there. The copy in the backups goes once her file
            # is back whole: a second copy of her data nothing names (a salvage after it keeps
            # its own, review of the day's code).
            try:
                backup.copy_database(kept, path)
                if backup.check_problem(path, "quick_check") is None:
                    kept.unlink()
            except (OSError, sqlite3.Error) as exc:  # what stopped the restore is what she is told
                log.error("could not put the kept copy %s back in place: %s", kept.name, exc)
        open_database(path)
        raise
    open_database(path)  # migrates a backup from an older version
    return done
