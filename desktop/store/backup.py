"""Backups and restore.

Copies are made with SQLite's online backup API (consistent even while the app writes),
stored as ``backups/afspraak-YYYYMMDD-HHMMSS[-why].sqlite3`` with mode 0600. The daily
automatic backup keeps the newest N (setting ``backup_keep``, default 14); copies taken
before a migration or a restore are kept apart from that rotation.

How old a copy is comes from its name's stamp (UTC) where it has one (:func:`taken_at`),
never from the file's time: an erase from the backups rewrites every copy, and a copy
rewritten that way once passed for the newest (review of backups, 1). A copy she saves
where she chooses (File → Save a backup…, ``afspraak backup --out``) is noted in
``afspraak-copies.json`` in the data folder (:func:`note_saved_copy`): when it was taken,
so that a repair can put it back and an erase can reach it there.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import peewee

from desktop import paths
from desktop.clock import utcnow
from desktop.store import outgoing, storage_errors
from desktop.store.db import PRAGMAS, NotAnAfspraakDatabase, check_afspraak_file, db, sidecar_files

log = logging.getLogger(__name__)

AUTO_PREFIX = "afspraak-auto-"


def _stamp(now: datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S")  # a file name, not a user-visible date


# The stamp every copy Afspraak names itself carries (afspraak-auto-…, afspraak-…-before-restore,
# afspraak-…-rescued, afspraak-damaged-…): the moment in UTC, right after the prefix.
_STAMPED = re.compile(r"^afspraak-(?:auto-|damaged-)?(\d{8}-\d{6})(?:[-.]|$)")


def stamp_of(path: Path) -> datetime | None:
    """The moment (naive UTC) in a copy's name, or None when its name has none."""
    found = _STAMPED.match(Path(path).name)
    if found is None:
        return None
    try:
        return datetime.strptime(found.group(1), "%Y%m%d-%H%M%S")
    except ValueError:
        return None


def _file_time(path: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(Path(path).stat().st_mtime, timezone.utc).replace(tzinfo=None)
    except (OSError, OverflowError, ValueError):
        return None


def taken_at(path: Path) -> datetime | None:
    """When the data in a copy is from (naive UTC): the stamp in its name; for a copy she saved
    under a name of her own, the moment noted when it was written (:func:`note_saved_copy`),
    as long as the file is still the one written then; else the file's time. None when the file
    cannot be read at all. Never the file's time when the name says more: rewriting a copy (an
    erase from the backups) changes that time and nothing of the moment its data is from."""
    return when_taken(path)[0]


def when_taken(path: Path) -> tuple[datetime | None, bool]:
    """:func:`taken_at`, and whether that is the moment the copy was made (from its name or
    the note of it: True) or only when the file was last written (False: a file from
    elsewhere, copied or saved under its own name)."""
    stamped = stamp_of(path)
    if stamped is not None:
        return stamped, True
    noted = _noted().get(_key(path))
    if noted is not None and noted.written == _mtime(path):
        return noted.taken_at, True
    return _file_time(path), False


def newest_last(copies) -> list[Path]:
    """``copies`` ordered by :func:`taken_at`, oldest first. Two of the same second (the day's
    backup, and a rescue of the open data right after it): the one written later, then the name."""
    def order(path: Path):
        return (taken_at(path) or datetime.min, _file_time(path) or datetime.min, path.name)

    return sorted(copies, key=order)


def free_name(folder: Path, stem: str, suffix: str = ".sqlite3") -> Path:
    """``folder/stem + suffix``, or ``stem-2 + suffix`` … when that name (or its -wal, -shm or
    -journal) is taken: a copy kept for her is never written over by the next one (two
    restores in one second, review of backups, 2). ``suffix`` stays last, so what a name
    ends with still says what the copy is (``-before-restore.sqlite3``)."""
    number = 1
    while True:
        name = f"{stem}{'' if number == 1 else f'-{number}'}{suffix}"
        candidate = folder / name
        if not any(Path(f"{candidate}{end}").exists() or Path(f"{candidate}{end}").is_symlink()
                   for end in ("", "-wal", "-shm", "-journal")):
            return candidate
        number += 1


# --- copies saved where she chose ----------------------------------------------------------
SAVED_COPIES = "afspraak-copies.json"
_SAVED_LIMIT = 500  # the newest; one a day for more than a year


@dataclass(frozen=True)
class SavedCopy:
    path: Path
    taken_at: datetime  # naive UTC: the moment the copy was made
    written: float | None  # the file's time right after it was written (a later change: another file)


def _key(path: Path) -> str:
    return os.path.abspath(os.fspath(path))


def _mtime(path: Path) -> float | None:
    try:
        return Path(path).stat().st_mtime
    except OSError:
        return None


def _record_file() -> Path:
    return paths.data_dir() / SAVED_COPIES


def _noted() -> dict[str, SavedCopy]:
    """The copies noted (:func:`note_saved_copy`), by their absolute path."""
    try:
        entries = json.loads(_record_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    noted = {}
    for entry in entries if isinstance(entries, list) else []:
        try:
            copy = SavedCopy(Path(entry["path"]), datetime.fromisoformat(entry["at"]), entry.get("written"))
        except (TypeError, KeyError, ValueError):
            continue
        noted[_key(copy.path)] = copy
    return noted


def _write_record(copies: list[SavedCopy]) -> None:
    entries = [{"path": os.fspath(c.path), "at": c.taken_at.isoformat(), "written": c.written}
               for c in copies[-_SAVED_LIMIT:]]
    record = _record_file()
    part = record.with_name(record.name + ".part")
    try:
        part.write_text(json.dumps(entries, indent=1), encoding="utf-8")  # (ASCII: odd names as \udcxx escapes)
        paths.make_private_file(part)
        os.replace(part, record)
    except OSError:
        log.warning("could not note the saved copy in %s", record.name)  # the copy itself is whole
        part.unlink(missing_ok=True)


def note_saved_copy(path: Path, now: datetime) -> None:
    """Note a copy written where she chose, taken at ``now``: :func:`saved_copies` lists it
    for a repair (the newest good copy is put back) and for an erase from the backups (which
    reaches it, or says it could not)."""
    noted = _noted()
    noted.pop(_key(path), None)
    _write_record([*noted.values(), SavedCopy(Path(_key(path)), now, _mtime(path))])


def saved_copies() -> tuple[list[Path], list[Path]]:
    """The copies she saved through Afspraak outside its backups folder: (those there now,
    those not found where they were saved: on a USB stick that is not plugged in, say). A copy
    whose folder is there but the file not was deleted, and is forgotten."""
    noted = _noted()
    here, away, kept = [], [], []
    for copy in noted.values():
        try:
            if copy.path.is_file():
                here.append(copy.path)
            elif copy.path.parent.is_dir():
                continue  # deleted (by her): nothing to reach, and nothing to tell
            else:
                away.append(copy.path)
        except OSError:
            away.append(copy.path)
        kept.append(copy)
    if len(kept) != len(noted):
        _write_record(kept)
    return here, away


def saved_copy_moments() -> list[datetime]:
    """When each copy she saved through Afspraak is from: those there now and those away (a
    USB stick not plugged in: they can come back), not those she deleted."""
    here, away = saved_copies()
    noted = _noted()
    return [noted[_key(p)].taken_at for p in (*here, *away) if _key(p) in noted]


LEFTOVER_SUFFIXES = ("-journal", "-wal", "-shm")


def remove_leftovers(path: Path, with_file: bool = False) -> None:
    """Delete the journal and write-ahead log a killed copy left beside ``path`` (and the
    file itself when ``with_file``). SQLite replays a ``-wal`` or ``-journal`` it finds
    beside a file into that file, whichever file it is: a leftover of an earlier copy
    would be written into the next copy made under that name."""
    for suffix in LEFTOVER_SUFFIXES:
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    if with_file:
        path.unlink(missing_ok=True)


# A restore stages its copy beside the database for a few seconds; one older than this was
# left by a restore that was killed (review 26, data 5).
STALE_STAGING = 300  # seconds


def clear_stale_restore(target: Path, now: float | None = None) -> bool:
    """Delete the staged copy (``<database>.restore`` and its -wal/-shm) a killed restore left
    beside ``target``: a whole copy of a backup, in the data folder, that nothing lists and a
    privacy erase would not reach. A staging younger than ``STALE_STAGING`` may be another
    process's restore under way and stays. True when one was deleted."""
    import time

    staged = target.with_name(target.name + ".restore")
    try:
        age = (time.time() if now is None else now) - staged.stat().st_mtime
    except OSError:
        return False
    if age < STALE_STAGING:
        return False
    remove_leftovers(staged, with_file=True)
    return True


def copy_database(source: sqlite3.Connection | Path, target: Path, make_folder: bool = True) -> Path:
    """Write a consistent copy of ``source`` to ``target`` (atomic: temp file + rename).

    A copy that fails (a full disk, a killed process the next time) leaves no half-written
    ``.part`` behind: it would fill the disk further and hold personal data nothing lists.
    The ``.part`` is hers only from the moment it is made (and so is the journal SQLite
    writes beside it, which takes its mode): a copy killed half-way (no handler runs then)
    left both readable by anyone where she chose to save (review of data safety, 4); the
    next copy under the same name removes them. ``make_folder``: make the folder it goes
    in (not for a place she names: a missing folder there is a typing error, or a USB
    stick that is not plugged in, and the copy would land beside the stick's place)."""
    target = Path(target)
    # A folder is named as the folder it is, never as the ".part" copy beside it (audit of
    # 2026-12-05); a pipe or a device is not replaced by the copy (store/outgoing.py). A link
    # is followed here: the data folder's own files may be links (a place the owner names is
    # refused as one by ``backup_now``).
    outgoing.existing(target, links=True)
    if make_folder:
        target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    remove_leftovers(tmp, with_file=True)
    own = None
    try:
        # Made empty and private first (SQLite takes an empty file for a new database, and
        # gives its journal the same mode); never through a link put under that name.
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        os.close(os.open(tmp, flags, 0o600))
        if isinstance(source, (str, Path)):
            own = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
            source = own
        dest = sqlite3.connect(str(tmp))
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        paths.make_private_file(tmp)
        remove_leftovers(target)  # not the database it replaces: that is never open here
        outgoing.existing(target, links=True)  # what stands there now, right before it is replaced
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            remove_leftovers(tmp, with_file=True)
        except OSError:
            log.warning("could not remove the unfinished copy %s", tmp.name)
        code = _ERRNO_OF.get(storage_errors.kind_of(exc)) if isinstance(exc, sqlite3.Error) else None
        if code is not None:
            # SQLite's "database or disk is full" names no place: the copy's own disk (a USB
            # stick, say) is the one that is full, not the data folder; said as the OSError
            # the callers word with the file's place (errors.unwritable).
            raise OSError(code, os.strerror(code), str(target)) from exc
        raise
    finally:
        if own is not None:
            own.close()
    return target


_ERRNO_OF = {storage_errors.FULL: errno.ENOSPC, storage_errors.READ_ONLY: errno.EACCES, storage_errors.DISK: errno.EIO}


def _raw(database: peewee.SqliteDatabase) -> sqlite3.Connection:
    return database.connection()


def backup_now(database: peewee.SqliteDatabase, out: Path | None = None, why: str = "", now: datetime | None = None) -> Path:
    now = now or utcnow()
    named = out is not None
    if out is None:
        suffix = f"-{why}" if why else ""
        out = paths.backup_dir() / f"afspraak-{_stamp(now)}{suffix}.sqlite3"
    else:
        outgoing.existing(out)  # the place she named: nothing, or an ordinary file (not a link, a pipe, a device)
    out = Path(out)
    own = Path(database.database)
    if out.resolve() in {f.resolve() for f in (own, *sidecar_files(own), own.with_name(own.name + "-journal"))}:
        # "Backup written" over the data itself: no copy at all, and the file replaced under
        # whoever has it open. Told as the file being in use (errors.unwritable).
        raise OSError(errno.EBUSY, "that is the database itself", str(out))
    made = copy_database(_raw(database), out, make_folder=not named)
    if named:
        note_saved_copy(made, now)
    return made


def backup_open(out: Path | None = None, why: str = "", now: datetime | None = None) -> Path:
    """``backup_now`` of the database that is open (File > Save a backup…: the views hold no
    connection)."""
    return backup_now(db.obj, out=out, why=why, now=now)


def backup_before_migration(database: peewee.SqliteDatabase, path: Path, version: int) -> Path:
    return backup_now(database, why=f"before-migration-v{version}")


def auto_backups(folder: Path | None = None) -> list[Path]:
    folder = folder or paths.backup_dir()
    return sorted(folder.glob(f"{AUTO_PREFIX}*.sqlite3"))


def has_auto_backup_on(now: datetime, folder: Path | None = None) -> bool:
    """Has the automatic backup of ``now``'s day (UTC, as the file names) been taken?"""
    today = f"{AUTO_PREFIX}{now.strftime('%Y%m%d')}"
    return any(p.name.startswith(today) for p in auto_backups(folder))


UNFINISHED_AFTER = 15 * 60  # seconds: an unfinished copy older than this was killed, not still being written


def _disk_now(folder: Path) -> float:
    """The time as the folder's disk stamps a file written now: a copy's age is told by the
    same clock that stamped it (a network drive's clock may differ from this computer's)."""
    import time

    probe = folder / f".afspraak-clock-{os.getpid()}"
    try:
        probe.write_bytes(b"")
        return probe.stat().st_mtime
    except OSError:
        return time.time()
    finally:
        try:
            probe.unlink(missing_ok=True)
        except OSError:
            pass


def sweep_unfinished(folder: Path | None = None) -> list[Path]:
    """Delete the unfinished copies (``*.part`` and their journals) that killed backups left
    in the backups folder: each was a whole-size file nothing lists, restores or erases a
    person from. Those younger than UNFINISHED_AFTER may still be being written (a command
    run meanwhile) and stay. Returns what was deleted."""
    folder = folder or paths.backup_dir()
    gone = []
    leftovers = [*folder.glob("*.part"), *folder.glob("*.part-journal")]
    now = _disk_now(folder) if leftovers else 0.0
    for leftover in leftovers:
        try:
            if now - leftover.stat().st_mtime > UNFINISHED_AFTER:
                leftover.unlink()
                gone.append(leftover)
        except OSError:
            log.warning("could not remove the unfinished copy %s", leftover.name)
    return gone


class CopyDamaged(sqlite3.DatabaseError):
    """The day's copy, just written, does not pass SQLite's check: it was removed again, and
    no older copy with it."""


def daily_backup(database: peewee.SqliteDatabase | Path, keep: int, now: datetime | None = None) -> Path | None:
    """Take today's automatic backup unless one exists; remove what killed copies left
    (``sweep_unfinished``). ``database``: the open database, or the file's path (copied
    through a read-only connection of its own, as a thread does); the caller checked it
    (a backup is only ever taken from a checked file: store/recovery.check_beside).

    Only a new copy that passes ``quick_check`` itself makes room: then the newest ``keep``
    automatic copies stay (never the new one removed). A damaged copy is removed and
    nothing else (``CopyDamaged``): rotation once pushed the last good copies out for
    damaged ones, fourteen days of them (review of data safety, 1)."""
    now = now or utcnow()
    folder = paths.backup_dir()
    sweep_unfinished(folder)
    if has_auto_backup_on(now, folder):
        return None
    source = database if isinstance(database, (str, Path)) else _raw(database)
    made = copy_database(source, folder / f"{AUTO_PREFIX}{_stamp(now)}.sqlite3")
    problem = _copy_problem(made)
    if problem is not None:
        remove_leftovers(made, with_file=True)
        log.error("the day's copy %s does not pass the check (%s); removed, and no older copy", made.name, problem)
        raise CopyDamaged(f"the day's copy is damaged: {problem}")
    existing = [p for p in auto_backups(folder) if p != made]
    for old in existing[: max(0, len(existing) + 1 - max(1, keep))]:
        old.unlink(missing_ok=True)
    return made


def _copy_problem(path: Path) -> str | None:
    """What SQLite's ``quick_check`` finds wrong in a copy just made, or None."""
    return check_problem(path, "quick_check")


def check_problem(source: Path | sqlite3.Connection, check: str) -> str | None:
    """What SQLite's ``PRAGMA <check>`` (``quick_check``, or ``integrity_check``, which also
    finds indexes that disagree with their table) finds wrong in a database, or None when
    it says ok: its first five problems, or the damage that stopped it (the error's text,
    ``storage_errors.is_damage``). ``source``: a file, opened read-only for the check, or a
    connection of the caller's (used as it is; recovery.diagnose's replays a left WAL).

    SQLite's report on a damaged page can hold raw bytes: they are read as they can be
    (U+FFFD for the rest), since Python's own decoding raises an OperationalError for
    them that does not say damage. Raises what is not damage (sqlite3.DatabaseError:
    locked, no access, cannot open) as it came; the caller decides what that means."""
    if check not in ("quick_check", "integrity_check"):
        raise ValueError(f"not a check: {check!r}")
    try:
        if isinstance(source, sqlite3.Connection):
            found = _check_rows(source, check)
        else:
            con = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
            try:
                found = _check_rows(con, check)
            finally:
                con.close()
    except sqlite3.DatabaseError as exc:
        if storage_errors.is_damage(exc):
            return str(exc)
        raise
    return None if found == ["ok"] else "; ".join(found)


def _check_rows(con: sqlite3.Connection, check: str) -> list[str]:
    kept = con.text_factory
    con.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        return [row[0] for row in con.execute(f"PRAGMA {check}(5)").fetchall()]
    finally:
        con.text_factory = kept


def restore(source: Path, target: Path | None = None, now: datetime | None = None,
            kept: Path | None = None) -> Path | None:
    """Replace the database with ``source``; the current one is kept aside first.

    Raises NotAnAfspraakDatabase (nothing changed) when ``source`` is not ours, is
    damaged, was written by a newer Afspraak, or cannot be upgraded: the copy is
    upgraded and checked *before* it replaces anything. The database must be closed by
    the caller. Returns where the old database was kept (None: there was none, a restore
    into a new folder). ``kept``: the copy of the current data the caller already made
    (``keep_open_data``: its file had gone, the open connection still read it), returned
    as the kept copy when no file is there to keep.
    """
    return _restore(source, target, now, salvaging=False, kept=kept)[0]


def restore_salvaged(source: Path, target: Path | None = None, now: datetime | None = None, progress=None,
                     kept: Path | None = None):
    """:func:`restore`, and when ``source`` is damaged (the one a repair kept aside, a backup
    on a failing stick), what can still be read of it (``salvage.salvage``) instead of a
    refusal; ``source`` itself is only read. Returns (where the old database was kept, the
    ``salvage.Salvaged`` facts, or None when ``source`` was whole). ``progress``: told how
    far the salvage is (``salvage.Progress``)."""
    return _restore(source, target, now, salvaging=True, progress=progress, kept=kept)


def _restore(source: Path, target: Path | None, now: datetime | None, salvaging: bool, progress=None,
             kept: Path | None = None):
    from desktop.store import migrations, salvage

    source = Path(source)
    if not source.is_file():
        raise FileNotFoundError(str(source))
    version = check_afspraak_file(source)
    if version > migrations.CURRENT_VERSION:
        raise NotAnAfspraakDatabase("written by a newer Afspraak", NotAnAfspraakDatabase.NEWER)
    if version < 1:
        raise NotAnAfspraakDatabase("no Afspraak schema in it")
    saved = None
    try:
        _quick_check(source)
    except NotAnAfspraakDatabase:
        if not salvaging:
            raise
        saved = True
    target = Path(target) if target else paths.db_path()
    now = now or utcnow()
    staged = target.with_name(target.name + ".restore")
    try:
        if saved:
            remove_leftovers(staged, with_file=True)
            saved = salvage.salvage(source, staged, progress=progress)
            if saved is None:
                raise NotAnAfspraakDatabase("nothing of it can be read", NotAnAfspraakDatabase.UNREADABLE)
        else:
            copy_database(source, staged)  # (also clears what a killed restore left beside it)
        # Opened as the app opens it (WAL and all) and written to once: a file SQLite may
        # only read (a header that asks for a newer writer) is refused here, not at start.
        trial = peewee.SqliteDatabase(str(staged), pragmas=PRAGMAS)
        try:
            trial.connect()
            migrations.migrate(trial)
            trial.execute_sql("PRAGMA user_version = %d" % trial.execute_sql("PRAGMA user_version").fetchone()[0])
        finally:
            trial.close()
        _quick_check(staged)
    except (peewee.PeeweeException, sqlite3.Error, NotAnAfspraakDatabase, migrations.MigrationFailed) as exc:
        remove_leftovers(staged, with_file=True)
        reason = getattr(exc, "reason", NotAnAfspraakDatabase.DAMAGED)
        if saved and reason == NotAnAfspraakDatabase.DAMAGED:  # not even what was read of it can be used
            reason = NotAnAfspraakDatabase.UNREADABLE
        raise NotAnAfspraakDatabase(f"cannot be used: {exc}", reason) from exc
    except BaseException:
        remove_leftovers(staged, with_file=True)
        raise
    try:
        _no_other_writer(target)
        kept = _keep_current(target, now) or kept
        for side in sidecar_files(target):
            side.unlink(missing_ok=True)
        os.replace(staged, target)
    finally:
        # gone once it replaced the database; a refusal or a failure before that leaves no
        # copy of the backup beside it (one a privacy erase would not know about)
        remove_leftovers(staged, with_file=True)
    paths.make_private_file(target)
    return kept, saved


def _keep_current(target: Path, now: datetime) -> Path | None:
    """A copy of the data a restore replaces, in the backups folder; returns where, or None
    when there is no data to replace (a restore into a new folder: no copy named that was
    never written). When that folder refuses it (the data folder may be fine), a
    ``StorageProblem`` that names the backups folder (review of data safety, 3)."""
    if not target.exists():
        return None
    try:
        kept = _kept_name(now)
        try:
            copy_database(target, kept)
        except sqlite3.DatabaseError as exc:
            # A damaged file (often why she restores) cannot be copied through SQLite:
            # kept byte for byte instead, never in the way of the restore she asked for.
            if not storage_errors.is_damage(exc):
                raise
            _keep_bytes(target, kept)
    except (OSError, sqlite3.Error) as exc:
        kind = storage_errors.kind_of(exc)
        if kind is None or kind == storage_errors.BUSY:
            raise
        raise storage_errors.StorageProblem(kind, paths.backup_place(), str(exc)) from exc
    return kept


def _kept_name(now: datetime) -> Path:
    # Never onto the copy an earlier restore kept (two in one second): that was her data.
    return free_name(paths.backup_dir(), f"afspraak-{_stamp(now)}", "-before-restore.sqlite3")


def keep_open_data(connection: sqlite3.Connection, now: datetime | None = None) -> Path | None:
    """The data a restore replaces when its file is gone (a sync tool deleted it under the
    open window; the -wal/-shm stay and the open connection still reads all of it): copied
    from that connection (SQLite's online backup) into the backups folder under the name
    ``_keep_current`` gives the copy it keeps, and checked whole (``integrity_check``).
    Returns where, or None when the connection cannot read it whole either (then nothing of
    it can be kept, and no half copy stays). When the backups folder refuses the copy, a
    ``StorageProblem`` that names it, as ``_keep_current`` raises: the restore is not made."""
    now = now or utcnow()
    kept = None
    try:
        kept = _kept_name(now)
        copy_database(connection, kept)
        _quick_check(kept)
    except NotAnAfspraakDatabase as exc:
        log.error("the open data of the missing database cannot be copied whole: %s", exc)
        remove_leftovers(kept, with_file=True)
        return None
    except (OSError, sqlite3.Error) as exc:
        if kept is not None and isinstance(exc, sqlite3.Error) and storage_errors.is_damage(exc):
            log.error("the open data of the missing database cannot be read: %s", exc)
            return None  # (copy_database left nothing of it behind)
        kind = storage_errors.kind_of(exc)
        if kind is None or kind == storage_errors.BUSY:
            raise
        raise storage_errors.StorageProblem(kind, paths.backup_place(), str(exc)) from exc
    paths.make_private_file(kept)
    return kept


def _keep_bytes(path: Path, kept: Path) -> None:
    """Copy ``path`` and its -wal/-shm to ``kept`` (and its -wal/-shm) as they are, private."""
    import shutil

    for source in (path, *sidecar_files(path)):
        if source.exists():
            copy = kept.with_name(kept.name + source.name[len(path.name):])
            shutil.copyfile(source, copy)
            paths.make_private_file(copy)


def _no_other_writer(target: Path) -> None:
    """Raise SQLite's "database is locked" (``storage_errors.BUSY``) when another connection
    is writing ``target`` (the window in the middle of a write): replacing the file and its
    write-ahead log under it would lose what it is saving. Waits ``busy_timeout`` first, as
    any write does. A file SQLite cannot read at all is left to the restore it needs."""
    if not target.exists():
        return
    try:
        con = sqlite3.connect(str(target), timeout=PRAGMAS["busy_timeout"] / 1000, isolation_level=None)
    except sqlite3.Error:
        return
    try:
        con.execute("BEGIN IMMEDIATE")
        con.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        if storage_errors.kind_of(exc) == storage_errors.BUSY:
            raise
    except sqlite3.DatabaseError:
        pass
    finally:
        con.close()


def _quick_check(path: Path) -> None:
    """Refuse ``path`` (DAMAGED) unless SQLite's ``integrity_check`` finds it whole (not
    quick_check: it also finds indexes that disagree with their table). Any error reading
    it counts as damage here, locked or unopenable too: a file to restore from must be read
    whole now."""
    try:
        problem = check_problem(path, "integrity_check")
    except sqlite3.DatabaseError as exc:
        raise NotAnAfspraakDatabase(str(exc), NotAnAfspraakDatabase.DAMAGED) from exc
    if problem is not None:
        raise NotAnAfspraakDatabase(f"the file is damaged: {problem}", NotAnAfspraakDatabase.DAMAGED)


__all__ = ["NotAnAfspraakDatabase", "backup_now", "backup_open", "daily_backup", "restore", "auto_backups"]
