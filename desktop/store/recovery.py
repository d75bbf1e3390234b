"""Opening the database at start, safely: a damaged file is kept aside and the newest good
backup is put back, and the user is told what happened and what may be missing
(the ``Recovery`` reports, worded by presentation/errors.py ``recovered``).

``open_checked`` is what the app and the CLI call instead of ``opening.open_database``:

- healthy file (``PRAGMA quick_check`` is ok): opened and migrated as usual;
- damaged file (not SQLite any more, not ours, or quick_check reports errors): renamed to
  ``afspraak-damaged-YYYYMMDD-HHMMSS.sqlite3`` (with its -wal and -shm) in the data dir,
  never deleted; what can still be read of it is copied into a new database
  (``store/salvage.py``) and put in its place, unless the newest backup that passes the same
  check (its own or an automatic one: :func:`backups_newest_last`) holds more of her data:
  then that backup is copied in (:func:`_salvage_or_backup`); with neither, a fresh empty
  database is started. A ``Recovery`` says what was done and what could not be read;
- the folder cannot be written or the disk is full: ``OpenBlocked`` (a ``StorageProblem``:
  nothing changed, and no change of hers lost: the data could not be opened at all);
  when that stops the repair of a damaged file, the repair is taken back and the file
  left where and as it was: ``RepairBlocked`` (a ``StorageProblem`` that names the damage);
  when it stops only the opening after a whole repair, the repair stays and is reported:
  ``RepairedNotOpened``.

A locked file or one that cannot be opened is *not* damage: those errors go up unchanged
(as a StorageProblem where they are one), so a healthy file is never moved aside.

How often the full check runs: ``PRAGMA quick_check`` reads the whole file (150-300 ms
on a 116 MB database). The CLI checks every time. The app (``open_checked(..., when_due=True)``)
checks only when it is due: after an unclean exit (the app writes ``afspraak.running``
when it starts and removes it when it quits normally, so a crash, a kill or a power cut
leaves it behind), when the last check is more than a day old (``afspraak.checked``),
when there is no record of one, or when today's automatic backup is still to be taken (so
a backup is never copied from a file nobody checked that day). Every start still checks
the header and the application id, and damage that SQLite reports while opening is
recovered from as before. After a normal end of the last run, when the file needs no
upgrade (:func:`check_can_wait`), the app makes the check beside the start instead of
before it, at every start (:func:`check_beside`, in a thread once her list is painted),
copies the day's backup right after it there when it is still to be taken, and recovers
as below when it finds damage.

Damage the check did not see (it ran earlier today, or the file was damaged while the
app was running) shows up later as an error from a query: "database disk image is
malformed" or "file is not a database" (``storage_errors.is_damage``). The app then
closes the database and calls :func:`recover_after_error`: a thorough check
(``integrity_check`` and the full-text index's own check), and when the file is damaged,
the same recovery as at start. A backup that was put back and then failed is passed in
``skip`` and is not chosen again, so a damaged backup can never be restored in a loop.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import peewee

from desktop import paths
from desktop.clock import utcnow
from desktop.store import backup, salvage, storage_errors
from desktop.store.db import APPLICATION_ID, sidecar_files
from desktop.store.opening import open_database
from desktop.store.storage_errors import StorageProblem

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
RUNNING_MARKER = "afspraak.running"  # present while the app runs; left behind by a crash
CHECKED_STAMP = "afspraak.checked"  # when quick_check last found the file healthy (UTC)
CHECK_EVERY = timedelta(days=1)


@dataclass
class Recovery:
    damaged: str  # what was wrong, for the log
    kept_as: Path | None  # where the damaged file is now (None: the file was missing)
    restored_from: Path | None  # the backup put back, or None (fresh database)
    backup_taken_at: datetime | None  # UTC
    folder: Path | None = None  # where the file was missing from (MISSING)
    # What could still be read of the damaged file, now in its place (restored_from is then None)
    salvaged: salvage.Salvaged | None = None
    # The newest good backup, when it was not put back (a salvage held more): still in the backups
    backup_left: Path | None = None
    backup_left_at: datetime | None = None  # UTC
    backup_has_more: int = 0  # rows of that backup the salvage lacks (unreadable now, or deleted since)

    @property
    def from_automatic(self) -> bool:
        """Was the backup put back one of the automatic ones (else one she took, or a copy)?"""
        return self.restored_from is not None and self.restored_from.name.startswith(backup.AUTO_PREFIX)


# What diagnose says of a file of no bytes at all: a new database that was never written
# to, or one emptied by a full disk, a sync tool or a bad copy (open_checked tells them apart).
EMPTY = "the file is empty"
FOREIGN = "SQLite, but not an Afspraak database"
NOT_SQLITE = "not an SQLite file"  # another kind of file altogether (a text, a picture): not damage
DAMAGED_HEADER = "the file's header is damaged"  # pages of a database behind a header written over
FOLDER = "a folder, not a file"
# The database file is gone (deleted or moved while Afspraak was closed, or while it ran:
# a sync or clean-up program) but there are automatic backups: not a first start.
MISSING = "the file is missing"
# The file was deleted, moved or replaced while the database was open; the open
# connection still held all of it, and that was written back in its place.
REPLACED = "the file was replaced while open"


def diagnose(path: Path, full: bool = True, thorough: bool = False) -> str | None:
    """None when ``path`` is a healthy Afspraak database (or a new one, not yet migrated);
    else what is wrong (:data:`EMPTY` for a file of no bytes).

    ``full=False`` skips ``quick_check`` (header and application id only).
    ``thorough``: ``integrity_check`` instead of ``quick_check`` (it also finds indexes that
    disagree with their table) and the full-text indexes' own check; for a file a query
    has just called damaged, and for the backup that is to replace it.
    Raises sqlite3.Error / OSError for trouble that is not damage (locked, no access).
    """
    if path.is_dir():  # a folder where the file should be (a bad copy, a sync tool)
        return FOLDER
    with open(path, "rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header == b"":
        return EMPTY
    if header != SQLITE_HEADER:
        return DAMAGED_HEADER if _pages_behind(path) else NOT_SQLITE
    con = sqlite3.connect(str(path), timeout=5)  # read-write, so a leftover WAL is replayed
    try:
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        version = con.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID and not (app_id == 0 and version == 0):
            return FOREIGN
        if app_id == 0 and con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            return FOREIGN  # another program's tables, not a new file
        if full:
            problem = backup.check_problem(con, "integrity_check" if thorough else "quick_check")
            if problem is not None:
                return problem
        if full and thorough:
            return _full_text_problem(con)
    except sqlite3.DatabaseError as exc:  # reading its header and schema (the check says its own)
        if storage_errors.is_damage(exc):
            return str(exc)
        raise
    finally:
        con.close()
    return None


def _pages_behind(path: Path) -> bool:
    """Is a file whose first bytes are not SQLite's still laid out as a database (a damaged
    header, not another kind of file): whole pages, and the first page's table header
    where SQLite puts it (byte 100: a leaf or an interior table page)?"""
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            fh.seek(100)
            kind = fh.read(1)
    except OSError:
        return False
    return size >= 512 and size % 512 == 0 and kind in (b"\x05", b"\x0d")


def _full_text_problem(con: sqlite3.Connection) -> str | None:
    """FTS5's own check of each full-text index (SQLite 3.40's integrity_check skips them)."""
    tables = [name for (name,) in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND upper(sql) LIKE 'CREATE VIRTUAL TABLE%USING FTS5%'")]
    for name in tables:
        quoted = '"{}"'.format(name.replace('"', '""'))
        try:
            con.execute(f"INSERT INTO {quoted}({quoted}) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            if storage_errors.is_damage(exc):
                return f"{name}: {exc}"
            raise
        finally:
            con.rollback()  # the check writes nothing; end the transaction the INSERT opened
    return None


def _backup_time(path: Path) -> datetime:
    """When a backup was taken (UTC): from its name, else as ``backup.taken_at`` finds it."""
    return backup.taken_at(path) or datetime.min


# The copy made of the data a restore replaced: the owner chose to leave that data behind.
_REPLACED_BY_A_RESTORE = "-before-restore.sqlite3"


def backups_newest_last() -> list[Path]:
    """Every whole copy of her data Afspraak knows of, oldest first (by when its data is from,
    ``backup.taken_at``: the stamp in its name, never the file's time when the name has one):
    in the backups folder the automatic backups, the ones `afspraak backup` writes, the
    copies taken before an upgrade of the file and those a rescue made of the open data
    (``rescue_replaced``: one that could not be put back is the newest whole copy, review 8,
    F5); File → Save a backup…'s old name in the data folder; and the copies she saved where
    she chose that are there now (``backup.saved_copies``). A restore's copy of the data
    it replaced is not one of them. Only automatic backups once: a backup she took herself an
    hour ago was passed over for the morning's, and that hour looked lost (audit of
    2026-12-05). Ordered by file time, an erase from the backups (which rewrites each copy)
    made the oldest automatic backup the newest, and a repair put it back over hers (review
    of backups, 1)."""
    folder = paths.backup_dir()
    found = [p for p in folder.glob("afspraak-*.sqlite3") if not p.name.endswith(_REPLACED_BY_A_RESTORE)]
    found += paths.data_dir().glob("afspraak-backup*.sqlite3")
    seen = {os.path.abspath(p) for p in found}
    found += [p for p in backup.saved_copies()[0] if os.path.abspath(p) not in seen]
    return backup.newest_last(found)


def oldest_copy() -> datetime | None:
    """When the data of the oldest copy that can still be put back is from (naive UTC): the
    oldest of :func:`backups_newest_last`, or of the copies she saved that are away now (a USB
    stick not plugged in); None when there is none."""
    moments = [backup.taken_at(p) for p in backups_newest_last()[:1]]
    moments += backup.saved_copy_moments()
    return min((m for m in moments if m is not None), default=None)


def newest_good_backup(skip: Iterable[Path] = ()) -> Path | None:
    """The newest backup (:func:`backups_newest_last`) that passes the thorough check,
    leaving out ``skip`` (backups already put back that failed afterwards)."""
    left_out = {Path(p).name for p in skip}
    for candidate in reversed(backups_newest_last()):
        if candidate.name in left_out:
            continue
        try:
            if candidate.stat().st_size > 0 and diagnose(candidate, thorough=True) is None:
                return candidate
            log.warning("backup %s is damaged; trying an older one", candidate.name)
        except (sqlite3.Error, OSError):
            log.warning("backup %s cannot be read; trying an older one", candidate.name)
    return None


def _kept_name(path: Path, now: datetime) -> Path:
    """Where the damaged file goes: never onto a file kept before (two in one second)."""
    stamp = now.strftime("%Y%m%d-%H%M%S")  # a file name
    kept = path.with_name(f"afspraak-damaged-{stamp}.sqlite3")
    number = 2
    while kept.exists() or any(kept.with_name(kept.name + s).exists() for s in ("-wal", "-shm")):
        kept = path.with_name(f"afspraak-damaged-{stamp}-{number}.sqlite3")
        number += 1
    return kept


class RepairBlocked(StorageProblem):
    """The file is damaged (``damaged``: what :func:`diagnose` said) or missing
    (:data:`MISSING`), and the disk would not let it be repaired (``kind``: full, read-only,
    failing): the repair was taken back, so the file (or its log) is where and as it was and
    the backups are untouched (``kept_as`` None), or, when even putting it back failed,
    ``kept_as`` says where it lies. ``restoring``: the backup that was to be put back, None
    when a new, empty database was to be started. The next start, with room again, finds
    the same and repairs it as usual."""

    def __init__(self, kind: str, folder: Path, damaged: str, kept_as: Path | None = None, detail: str = "",
                 restoring: Path | None = None):
        super().__init__(kind, folder, detail)
        self.damaged = damaged
        self.kept_as = kept_as
        self.restoring = restoring


class OpenBlocked(StorageProblem):
    """The disk (full, read-only, failing) would not let a database that needed no repair be
    opened: raised by :func:`open_checked` before anything of hers was written, so the file
    and the backups are as they were. Not a change that was lost: there was none yet."""


class RescueBlocked(StorageProblem):
    """The open database's file went while open (:func:`rescue_replaced`), and the disk (full,
    read-only, failing) would not let the open data be put back in its place. ``copy``: the
    whole, checked copy of the open data in the backups, when it was made (the database is
    closed then); None when even that copy could not be made (the data is still open in
    Afspraak, and nothing was changed)."""

    def __init__(self, kind: str, folder: Path, copy: Path | None = None, detail: str = ""):
        super().__init__(kind, folder, detail)
        self.copy = copy


class RepairedNotOpened(StorageProblem):
    """A repair was made (``reports``: what it did, as :func:`recover` and
    :func:`put_back_missing` report it), and then the disk (full, failing) would not let the
    repaired data be opened. The repair stays: it was whole, and opened once already. Raised
    by :func:`open_checked`, so that she is told what the repair did now: the next start
    opens the repaired file as any other, without a word of it."""

    def __init__(self, kind: str, folder: Path, reports: Iterable[Recovery], detail: str = ""):
        super().__init__(kind, folder, detail)
        self.reports = list(reports)


def recover(path: Path, damaged: str, now: datetime, skip: Iterable[Path] = (),
            progress: salvage.Listener | None = None) -> Recovery:
    """Keep the damaged file aside and put in its place what can still be read of it
    (:func:`_salvage_or_backup`), or else the newest good backup (leaving out ``skip``), or
    else a new empty database; the database must be closed. Whole or not at all: the result
    is opened once (room for SQLite's log and an upgrade of an older backup) and, when the
    disk refuses any step, the repair is taken back (:class:`RepairBlocked`): a half repair
    left the damaged file aside and nothing in its place, and the next start told a file
    "deleted or moved", or started empty without a word (review of damaged databases, 1).
    ``progress``: told how far the salvage is (``salvage.Progress``)."""
    kept = _kept_name(path, now)
    there = [f for f in (path, *sidecar_files(path)) if f.exists()]
    moved: list[tuple[Path, Path]] = []
    source = newest_good_backup(skip)  # (only reads: known also when the first step is refused)
    report = Recovery(damaged=damaged, kept_as=kept, restored_from=source,
                      backup_taken_at=_backup_time(source) if source else None)
    try:
        _move_aside(there, path, kept, moved)
        paths.make_private_file(kept)
        if damaged not in (EMPTY, FOREIGN, NOT_SQLITE, FOLDER, DAMAGED_HEADER):  # nothing SQLite can read
            report = _salvage_or_backup(kept, path, report, progress)
        if report.salvaged is None and source is not None:
            backup.copy_database(source, path)
        _open_once(path)
    except Exception as exc:
        kind = storage_errors.kind_of(exc)  # (asked before is_damage: a repair starts while damage is handled)
        if kind is None:
            raise
        left = _take_back(path, there, moved)
        log.error("damaged database (%s) not repaired, the disk refused it (%s); %s", damaged, exc,
                  f"kept as {kept.name}" if left else "left in its place")
        raise RepairBlocked(kind, path.parent, damaged, kept if left else None, str(exc), restoring=source) from exc
    if damaged == NOT_SQLITE:
        _drop_empty_log(kept)
    log.error("damaged database (%s) kept as %s; %s", damaged, kept.name,
              "what could be read of it put in its place" if report.salvaged else
              f"restored from {source.name}" if source else "nothing to restore (fresh database)")
    return report


def _salvage_or_backup(kept: Path, path: Path, report: Recovery, progress: salvage.Listener | None = None) -> Recovery:
    """Read what can be read of the damaged file ``kept`` into a new database at ``path``
    (``salvage.salvage``) and keep it there when it holds more of her data than the backup
    (``report.restored_from``, the newest good one) would: rows the backup has and it lacks
    (unreadable now, or deleted since) against rows it has and the backup lacks or holds as
    they were (added or changed since); a tie keeps the salvage, being newer. Without a
    backup, what can be read always beats an empty database (review of data safety, 1: the
    morning's backup, or nothing at all, was put back over a file nearly all of which read).

    Not merged row by row: a row of the backup that the salvage lacks may be one she
    deleted or erased since, and would come back without a word. Only a parent the salvage
    itself proves (a row still points at it) is taken from the backup. Returns the report
    with ``salvaged`` set, or unchanged (the backup goes in, as before)."""
    source = report.restored_from
    saved = salvage.salvage(kept, path, source, progress=progress)
    if saved is None:
        return report
    has_more = 0
    if source is not None:
        salvage.tell(progress, salvage.Progress(salvage.COMPARING))
        try:
            has_more, lacks = salvage.weigh(path, source)
        except sqlite3.Error as exc:
            log.warning("could not compare the salvage with %s (%s); keeping the salvage", source.name, str(exc))
            has_more, lacks = 0, 0
        if has_more > lacks:
            log.warning("the salvage lacks %d rows of %s, which lacks %d of it: the backup is put back",
                        has_more, source.name, lacks)
            for f in (path, *sidecar_files(path)):
                f.unlink(missing_ok=True)
            return report
    return Recovery(damaged=report.damaged, kept_as=report.kept_as, restored_from=None, backup_taken_at=None,
                    salvaged=saved, backup_left=source, backup_left_at=report.backup_taken_at,
                    backup_has_more=has_more)


def _drop_empty_log(kept: Path) -> None:
    """Another kind of file stood where the database should (a text, a document): the log
    and its index an earlier run left beside it were kept aside with it. An empty log holds
    nothing and the index is only ever rebuilt: both removed, not left for her to puzzle
    over (review of data safety, 4). A log with something in it stays."""
    wal, shm = (kept.with_name(kept.name + suffix) for suffix in ("-wal", "-shm"))
    try:
        if wal.exists() and wal.stat().st_size == 0:
            wal.unlink()
        if not wal.exists():
            shm.unlink(missing_ok=True)
    except OSError:
        log.warning("could not remove the empty log kept beside %s", kept.name)


def _move_aside(files: list[Path], path: Path, kept: Path, moved: list[tuple[Path, Path]],
                private: bool = False) -> None:
    """Each of ``files`` (the file at ``path`` and its log and index) moved to ``kept``'s name
    with its own ending ("-wal", "-shm"), ``private`` ones made the owner's only; ``moved``
    holds each move as it is made, so that :func:`_take_back` undoes those done when the disk
    refuses one."""
    for f in files:
        aside = kept.with_name(kept.name + f.name[len(path.name):])
        os.replace(f, aside)
        moved.append((f, aside))
        if private:
            paths.make_private_file(aside)


def _open_once(path: Path) -> None:
    """Open (and upgrade) the file a repair put in place, and close it again: a disk too
    full for its log or its upgrade says so now, while the repair can still be taken back.
    Damage is left to the caller's own opening, which recovers from it as always."""
    from desktop.store.db import close_database, drop_database

    try:
        open_database(path)
    except Exception as exc:
        drop_database()
        if storage_errors.kind_of(exc) is None and storage_errors.is_damage(exc):
            log.warning("the file put back reports damage when opened: %s", exc)
            return
        raise
    close_database()


def _take_back(path: Path, there: list[Path], moved: list[tuple[Path, Path]]) -> bool:
    """Undo a repair the disk refused: remove what it put at ``path`` (a copy of a backup
    that stays in the backups, or a new empty database) and move the damaged file (and its
    log) back. True when the damaged file could not be moved back and lies aside."""
    from desktop.store.db import drop_database

    drop_database()
    moved_from = {original for original, _ in moved}
    try:
        for f in (path, *sidecar_files(path)):
            if (f.exists() or f.is_symlink()) and (f in moved_from or f not in there):  # the repair's own
                f.unlink()
        for original, aside in reversed(moved):
            os.replace(aside, original)
    except OSError:
        log.exception("could not take back the repair of %s", path.name)
        return any(aside.exists() for _, aside in moved)
    return False


def _signs_of_missing(path: Path) -> tuple[list[Path], bool]:
    """What tells, with ``path`` itself not there, that her data was there and went missing
    (:func:`put_back_missing` puts it back, :func:`holds_data` counts it as data): its
    write-ahead log and index left beside it (those that are), and whether the folder has
    its backups folder (asked without making it, as ``paths.backup_dir`` would)."""
    return [side for side in sidecar_files(path) if side.exists()], (path.parent / "backups").is_dir()


def put_back_missing(path: Path, now: datetime) -> Recovery | None:
    """The database file is not there. A first start has nothing else either; but when
    automatic backups are there, or the write-ahead log of the file that went, the data
    went missing: the newest good backup is put back (not an empty database without a
    word). The log and its index are kept aside, never deleted, and never left beside the
    new file (SQLite would replay them into it). None when this is a first start.

    Whole or not at all, as :func:`recover`: the file put in place is opened once, and when
    the disk refuses any step the log goes back where it was and the copy is removed
    (:class:`RepairBlocked`, :data:`MISSING`). A copy left in place unopened was taken at
    the next start for her file, and nobody was told that it had gone missing."""
    stale, backups_there = _signs_of_missing(path)
    source = newest_good_backup() if backups_there else None
    if source is None and not stale:
        return None
    kept = _kept_name(path, now) if stale else None
    moved: list[tuple[Path, Path]] = []
    try:
        _move_aside(stale, path, kept, moved, private=True)
        if source is not None:
            backup.copy_database(source, path)
        _open_once(path)
    except Exception as exc:
        kind = storage_errors.kind_of(exc)
        if kind is None:
            raise
        left = _take_back(path, stale, moved)
        lies = next((aside for _, aside in moved if aside.exists()), None) if left else None
        log.error("the database file is missing and the disk refused to put %s in its place (%s)",
                  source.name if source else "a new database", exc)
        raise RepairBlocked(kind, path.parent, MISSING, lies, str(exc), restoring=source) from exc
    log.error("the database file was missing; %s", f"restored from {source.name}" if source else "starting empty")
    return Recovery(damaged=MISSING, kept_as=None, restored_from=source,
                    backup_taken_at=_backup_time(source) if source else None, folder=path.parent)


def rescue_replaced(now: datetime | None = None) -> Recovery | None:
    """The open database's file was deleted, moved or replaced by another while open (a sync
    or clean-up program, a copy over it): everything written since went into a file nothing
    names any more, and the next start would find the other file, or none. The open
    connection still reads all of it: copy it out, check the copy, keep whatever now lies
    at the path aside (with the old log and index beside it), put the copy in its place
    and open that. Returns the report (REPLACED), or None when the file is still the one
    opened, or a write is under way (asked again later). The caller opens the database
    again afterwards (it is closed here). :class:`RescueBlocked` when the disk refuses a
    step (the database still open when the copy itself could not be made)."""
    from desktop.store import db as db_module

    path = db_module.opened_file_gone()
    if path is None:
        return None
    database = db_module.db.obj
    if database.in_transaction() or database.connection().in_transaction:
        return None
    now = now or utcnow()
    # Into the backups, under a name of its own (outside the daily rotation): this copy is
    # then the only whole one, and stays there whatever happens next.
    rescued = paths.backup_dir() / f"afspraak-{now.strftime('%Y%m%d-%H%M%S')}-rescued.sqlite3"  # a file name
    copied = None  # the whole, checked copy, once there is one
    try:
        backup.copy_database(database.connection(), rescued)
        problem = diagnose(rescued, thorough=True)
        if problem is not None:
            rescued.unlink(missing_ok=True)
            raise sqlite3.DatabaseError(f"the open data cannot be copied whole: {problem}")
        copied = rescued
        db_module.drop_database()
        kept = None
        here = [f for f in (path, *sidecar_files(path)) if f.exists()]
        if here:
            kept = _kept_name(path, now)
            for f in here:
                moved = kept.with_name(kept.name + f.name[len(path.name):])
                os.replace(f, moved)
                paths.make_private_file(moved)
        backup.copy_database(rescued, path)
    except (sqlite3.Error, OSError) as exc:
        kind = storage_errors.kind_of(exc)
        if kind is None:
            raise
        raise RescueBlocked(kind, path.parent, copied, str(exc)) from exc
    log.error("the database file was replaced or removed while open; the open data was put back (copy: %s)%s",
              rescued.name, f", the file found there kept as {kept.name}" if kept and kept.exists() else "")
    return Recovery(damaged=REPLACED, kept_as=kept if kept is not None and kept.exists() else None,
                    restored_from=rescued, backup_taken_at=now, folder=path.parent)


def recover_after_error(path: Path | None = None, now: datetime | None = None,
                        skip: Iterable[Path] = (), progress: salvage.Listener | None = None) -> Recovery | None:
    """A query said the database is damaged: check the file thoroughly and, when it is
    damaged, keep it aside and put back the newest good backup not in ``skip``.

    The database must be closed first. Returns None when the file is healthy after all (it
    is then left alone) or gone (there is nothing to keep aside). ``progress``: as :func:`recover`.
    """
    now = now or utcnow()
    path = Path(path) if path else paths.db_path()
    folder = path.parent
    try:
        if not path.exists():
            return None
        damaged = diagnose(path, thorough=True)
        if not damaged:
            log.warning("a query reported damage, but the thorough check finds %s healthy", path.name)
            return None
        return recover(path, damaged, now, skip, progress)
    except (sqlite3.Error, OSError) as exc:
        kind = storage_errors.kind_of(exc)
        if kind is None:
            raise
        raise StorageProblem(kind, where(exc, folder), str(exc)) from exc


def where(exc: BaseException, folder: Path) -> Path:
    """The folder a storage failure ``exc`` is to be told of: the backups folder when the file
    it names lies there (a copy before an upgrade or a restore, the backups folder alone
    read-only), else ``folder`` (the data folder): its fix is another (review of data
    safety, 3: "start Afspraak with --data-dir" was said of a read-only backups folder)."""
    failed = storage_errors.failed_file(exc)
    place = paths.backup_place()
    try:
        if failed is not None and Path(os.path.abspath(failed)).is_relative_to(os.path.abspath(place)):
            return place
    except (OSError, ValueError):
        pass
    return folder


def holds_data(folder: Path) -> bool:
    """Is there any of Afspraak's data in ``folder``: its database file (or what is left of
    it, a write-ahead log), or automatic backups that :func:`put_back_missing` would put
    back? A command that only reads or copies her data refuses a folder without it (a
    mistyped ``--data-dir``, a drive not plugged in) rather than make an empty database there
    and report "nothing is due"."""
    path = folder / paths.DB_FILENAME
    try:
        if path.exists():
            return True
        stale, backups_there = _signs_of_missing(path)
        return bool(stale) or backups_there
    except OSError:
        return True  # cannot be told: opening it says what is wrong


def used_before(folder: Path) -> bool:
    """Has Afspraak run on this data folder before? Then an empty database file is her data
    emptied (a full disk, a sync tool, a bad copy), not a new shop, also when no backup is
    there to put back: she is told, and the empty file kept (review of damaged databases, 2;
    it used to open as a new, empty shop without a word). Signs of an earlier run: records
    in its log (a first start writes its first record only after the database is opened),
    its backups folder, its check stamp or its running marker. (Asked before anything
    looks for a backup: ``paths.backup_dir`` makes the folder.)"""
    try:
        logs = folder / "logs"
        if logs.is_dir() and any(f.is_file() and f.stat().st_size > 0 for f in logs.iterdir()):
            return True
        return any((folder / name).exists() for name in ("backups", CHECKED_STAMP, RUNNING_MARKER))
    except OSError:
        return True  # cannot be told: rather a word too many than her data emptied in silence


def check_due(path: Path, now: datetime) -> bool:
    """Should the full check run before opening ``path``? (See the module doc.)"""
    folder = path.parent
    if (folder / RUNNING_MARKER).exists():
        return True  # the last run did not end normally
    if not backup.has_auto_backup_on(now, folder / "backups"):  # (paths.backup_dir would create it)
        return True  # today's backup is still to be taken: only from a checked file
    try:
        checked = datetime.fromisoformat((folder / CHECKED_STAMP).read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return True
    return not (now - CHECK_EVERY < checked <= now)  # a clock set back counts as due


def _record_check(path: Path, now: datetime) -> None:
    stamp = path.parent / CHECKED_STAMP
    try:
        stamp.write_text(now.isoformat(sep=" ", timespec="seconds"), encoding="utf-8")
        paths.make_private_file(stamp)
    except OSError:
        log.warning("could not note the database check in %s", stamp)  # checks again next time


def mark_running(path: Path | None = None) -> None:
    """The app has started on this database (removed again by :func:`mark_clean_exit`)."""
    marker = (Path(path).parent if path else paths.data_dir()) / RUNNING_MARKER
    try:
        marker.write_text(str(os.getpid()), encoding="utf-8")
        paths.make_private_file(marker)
    except OSError:
        log.warning("could not write %s", marker)


def mark_clean_exit(path: Path | None = None) -> None:
    """The app quit normally: the next start need not check the whole file."""
    marker = (Path(path).parent if path else paths.configured_data_dir()) / RUNNING_MARKER
    try:
        marker.unlink(missing_ok=True)
    except OSError:
        log.warning("could not remove %s", marker)


def check_can_wait(path: Path, now: datetime) -> bool:
    """May the whole-file check run beside the start instead of before it
    (:func:`check_beside`)? When the last run ended normally and the file needs no
    upgrade: a migration never runs on a file nobody checked, and after a crash, a kill
    or a power cut the check still comes first. False whenever that cannot be told.

    Every such start checks beside the window, also when the day's check was made
    already: damage that came while Afspraak was closed (a failing disk, a sync program)
    in a part of the file the first screen does not read was otherwise found only when
    a query met it, hours of her work later, and a backup from before that work put back
    (audit of 2026-12-05). The day's backup still follows only the day's first check."""
    from desktop.store.migrations import CURRENT_VERSION

    try:
        if not path.is_file() or (path.parent / RUNNING_MARKER).exists():
            return False
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            version = con.execute("PRAGMA user_version").fetchone()[0]
        finally:
            con.close()
    except (OSError, sqlite3.Error):
        return False
    return version == CURRENT_VERSION


def check_beside(path: Path, now: datetime, keep: int) -> str | None:
    """The whole-file check made beside the start (the app runs it in a thread once
    her list is painted: SQLite reads the file without holding Python's lock, so the
    window answers meanwhile): ``quick_check`` on a connection of its own; when the file
    is healthy, the check is noted and today's backup copied from it unless it was taken
    (a backup is only ever taken from a checked file). Returns what is wrong, or None.

    Trouble that is not damage (a locked file, a full disk) is raised, as by
    :func:`diagnose` and ``backup.daily_backup``; the app then runs the check again at its
    next half-hourly look for the day's copy (no copy is taken of an unchecked file)."""
    damaged = diagnose(path, full=True)
    if damaged:
        return damaged
    _record_check(path, now)
    backup.daily_backup(path, keep=keep, now=now)
    return None


def open_checked(path: Path | None = None, now: datetime | None = None, when_due: bool = False,
                 check_later: bool = False, progress: salvage.Listener | None = None) -> Recovery | None:
    """Open (and migrate) the database, recovering from a damaged file; see the module doc.

    ``when_due``: run the full check only when :func:`check_due` says so (the app's start);
    otherwise it runs every time (the CLI). ``check_later``: the caller makes the day's
    check beside the start (:func:`check_can_wait`, :func:`check_beside`); only the
    header and the application id are checked here. ``progress``: told how far the salvage
    of a damaged file is (``salvage.Progress``; the start shows it)."""
    now = now or utcnow()
    folder = Path(path).parent if path else paths.configured_data_dir()
    report = None
    try:
        path = Path(path) if path else paths.db_path()
        if path.exists():
            full = not check_later and (not when_due or check_due(path, now))
            damaged = diagnose(path, full=full)
            if damaged == EMPTY and not used_before(path.parent) and newest_good_backup() is None:
                damaged = None  # nothing was ever kept, nor run here: a new database (a first start cut short)
            if damaged:
                report = recover(path, damaged, now, progress=progress)
            elif full:
                _record_check(path, now)
        else:
            report = put_back_missing(path, now)
        try:
            open_database(path)
        except (sqlite3.DatabaseError, peewee.DatabaseError) as exc:
            if report is not None or not storage_errors.is_damage(exc):
                raise
            # Damage the short check could not see: the thorough check and the recovery now.
            from desktop.store.db import close_database

            close_database()
            damaged = diagnose(path, thorough=True)
            if not damaged:
                raise
            report = recover(path, damaged, now, progress=progress)
            open_database(path)
        return report
    except (sqlite3.Error, peewee.DatabaseError, OSError) as exc:
        kind = storage_errors.kind_of(exc)
        if kind is None:
            raise
        if report is not None:  # the repair was made, the opening after it refused
            raise RepairedNotOpened(kind, folder, [report], str(exc)) from exc
        raise OpenBlocked(kind, where(exc, folder), str(exc)) from exc
