"""Opening the database at start, safely: a damaged file is kept aside and the newest good
automatic backup is put back, and the user is told what happened and what may be missing.

``open_checked`` is what the app and the CLI call instead of ``db.open_database``:

- healthy file (``PRAGMA quick_check`` is ok): opened and migrated as usual;
- damaged file (not SQLite any more, not ours, or quick_check reports errors): renamed to
  ``afspraak-damaged-YYYYMMDD-HHMMSS.sqlite3`` (with its -wal and -shm) in the data dir,
  never deleted; the newest automatic backup that passes the same check is copied in;
  without one, a fresh empty database is started. A ``Recovery`` says what was done;
- the folder cannot be written or the disk is full: ``StorageProblem`` (nothing changed).

A locked file or one that cannot be opened is *not* damage: those errors go up unchanged
(as a StorageProblem where they are one), so a healthy file is never moved aside.

How often the full check runs: ``PRAGMA quick_check`` reads the whole file (150-300 ms
on a 116 MB database). The CLI checks every time. The app (``open_checked(..., when_due=True)``)
checks only when it is due: after an unclean exit (the app writes ``afspraak.running``
when it starts and removes it when it quits normally, so a crash, a kill or a power cut
leaves it behind), when the last check is more than a day old (``afspraak.checked``), or
when there is no record of one. Every start still checks the header and the application
id, and damage that SQLite reports while opening is recovered from as before.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import peewee

from desktop import i18n, paths
from desktop.clock import to_local, utcnow
from desktop.i18n import _
from desktop.store import backup, storage_errors
from desktop.store.db import APPLICATION_ID, open_database, sidecar_files
from desktop.store.storage_errors import StorageProblem

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
RUNNING_MARKER = "afspraak.running"  # present while the app runs; left behind by a crash
CHECKED_STAMP = "afspraak.checked"  # when quick_check last found the file healthy (UTC)
CHECK_EVERY = timedelta(days=1)
_DAMAGE_CODES = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


@dataclass
class Recovery:
    damaged: str  # what was wrong, for the log
    kept_as: Path  # where the damaged file is now
    restored_from: Path | None  # the backup put back, or None (fresh database)
    backup_taken_at: datetime | None  # UTC


def diagnose(path: Path, full: bool = True) -> str | None:
    """None when ``path`` is a healthy Afspraak database (or empty); else what is wrong.

    ``full=False`` skips ``quick_check`` (header and application id only).
    Raises sqlite3.Error / OSError for trouble that is not damage (locked, no access).
    """
    with open(path, "rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header == b"":
        return None
    if header != SQLITE_HEADER:
        return "not an SQLite file"
    con = sqlite3.connect(str(path), timeout=5)  # read-write, so a leftover WAL is replayed
    try:
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        version = con.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID and not (app_id == 0 and version == 0):
            return "SQLite, but not an Afspraak database"
        if full:
            problems = [r[0] for r in con.execute("PRAGMA quick_check(5)").fetchall()]
            if problems != ["ok"]:
                return "; ".join(problems)
    except UnicodeDecodeError:  # SQLite's report on a damaged page can hold raw bytes
        return "the file is damaged"
    except sqlite3.DatabaseError as exc:
        if _is_damage(exc):
            return str(exc)
        raise
    finally:
        con.close()
    return None


def _backup_time(path: Path) -> datetime:
    """When an automatic backup was taken: from its name (UTC), else from the file."""
    stamp = path.stem[len(backup.AUTO_PREFIX):len(backup.AUTO_PREFIX) + 15]
    try:
        return datetime.strptime(stamp, "%Y%m%d-%H%M%S")
    except ValueError:
        return datetime.utcfromtimestamp(path.stat().st_mtime)


def newest_good_backup() -> Path | None:
    for candidate in reversed(backup.auto_backups()):
        try:
            if candidate.stat().st_size > 0 and diagnose(candidate) is None:
                return candidate
        except (sqlite3.Error, OSError):
            log.warning("backup %s cannot be read; trying an older one", candidate.name)
    return None


def recover(path: Path, damaged: str, now: datetime) -> Recovery:
    """Keep the damaged file aside and put the newest good automatic backup in its place."""
    kept = path.with_name(f"afspraak-damaged-{now.strftime('%Y%m%d-%H%M%S')}.sqlite3")  # a file name
    os.replace(path, kept)
    for side in sidecar_files(path):
        if side.exists():
            os.replace(side, kept.with_name(kept.name + side.name[len(path.name):]))
    paths.make_private_file(kept)
    source = newest_good_backup()
    if source is not None:
        backup.copy_database(source, path)
    log.error("damaged database (%s) kept as %s; restored from %s", damaged, kept.name,
              source.name if source else "nothing (fresh database)")
    return Recovery(damaged=damaged, kept_as=kept, restored_from=source,
                    backup_taken_at=_backup_time(source) if source else None)


def _is_damage(exc: BaseException) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    return name.startswith(_DAMAGE_CODES) or "malformed" in text or "not a database" in text


def check_due(path: Path, now: datetime) -> bool:
    """Should the full check run before opening ``path``? (See the module doc.)"""
    folder = path.parent
    if (folder / RUNNING_MARKER).exists():
        return True  # the last run did not end normally
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


def open_checked(path: Path | None = None, now: datetime | None = None, when_due: bool = False) -> Recovery | None:
    """Open (and migrate) the database, recovering from a damaged file; see the module doc.

    ``when_due``: run the full check only when :func:`check_due` says so (the app's start);
    otherwise it runs every time (the CLI)."""
    now = now or utcnow()
    folder = Path(path).parent if path else paths.configured_data_dir()
    try:
        path = Path(path) if path else paths.db_path()
        report = None
        if path.exists():
            full = not when_due or check_due(path, now)
            damaged = diagnose(path, full=full)
            if damaged:
                report = recover(path, damaged, now)
            elif full:
                _record_check(path, now)
        try:
            open_database(path)
        except (sqlite3.DatabaseError, peewee.DatabaseError) as exc:
            if report is not None or not _is_damage(exc):
                raise
            # Damage the short check could not see: the full check and the recovery now.
            from desktop.store.db import close_database

            close_database()
            damaged = diagnose(path)
            if not damaged:
                raise
            report = recover(path, damaged, now)
            open_database(path)
        return report
    except (sqlite3.Error, peewee.DatabaseError, OSError) as exc:
        kind = storage_errors.kind_of(exc)
        if kind is None:
            raise
        raise StorageProblem(kind, folder, str(exc)) from exc


def message(report: Recovery) -> str:
    """What happened, in the user's language, and what may be missing."""
    first = _("Afspraak could not read its database: the file was damaged (for example by a power cut "
              "or a failing disk). The damaged file was kept as {file}, in case you need it.").format(
        file=str(report.kept_as))
    if report.restored_from is None:
        return first + "\n\n" + _(
            "There was no usable automatic backup, so Afspraak has started with an empty database. If you "
            "have a backup elsewhere, restore it with File → Restore a backup.")
    taken = to_local(report.backup_taken_at)
    return first + "\n\n" + _(
        "The automatic backup of {date} at {time} has been put back. Anything you entered or changed after "
        "that moment is missing: please check your latest changes.").format(
        date=i18n.format_date(taken, "long"), time=i18n.format_time(taken))
