"""What can still be read from a damaged database, copied into a new, whole one.

A damaged page spoils the rows on it, not the file: a leaf page of the timeline written
over by a failing disk left every other table readable, and the repair used to put the
morning's backup in its place, or an empty database when there was none (review of data
safety, 1: 240 orders and 235 people read fine, she was left with 19 and 20).

:func:`salvage` copies, table by table, every row SQLite can still read into a new file
built from the damaged file's own schema (its version and application id, so the usual
upgrade runs on it as on any file of that version): rows are read in rowid order, and at
a page that cannot be read the copy looks for the next rowid that can (by doubling the
step, then halving back), so only the rows on the damaged pages are left behind; their
ranges are noted (:class:`Salvaged`). The full-text index is rebuilt from the rows, the
indexes and triggers made after them. A row whose parent could not be read (an order
line without its order) gets that parent from the backup when the backup has it (it
existed: the row pointing at it is newer than the damage), else is left out and counted.
The result must pass ``integrity_check`` and ``foreign_key_check``, or there is no salvage.

The damaged file itself is only read, never written: it is copied (with its log) to a
scratch file beside the result first, and the copy is read. :func:`weigh` compares a
salvage with a backup, for the caller to keep the one that holds more of her data
(``recovery.recover``). Nothing here says a word to her: the facts go up.

A large shop's salvage takes a while (some 13 s for 116 MB), so :func:`salvage` tells a
``progress`` callback how far it is (:class:`Progress`: the table being read, its place
among them, the rows copied from it so far, then the rebuilding and the check), and the
caller shows it in her words (presentation/backup_texts.py ``salvage_progress``) and lets
its window paint. A callback that fails is logged and the salvage goes on.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop import paths
from desktop.store import storage_errors
from desktop.store.db import APPLICATION_ID

log = logging.getLogger(__name__)

_LOWEST, _HIGHEST = -(2**63), 2**63 - 1

# The steps of a salvage, as :class:`Progress` names them (``COMPARING``: the caller weighs
# the salvage against a backup, ``recovery._salvage_or_backup``).
READING, REBUILDING, CHECKING, COMPARING = "reading", "rebuilding", "checking", "comparing"


@dataclass(frozen=True)
class Progress:
    """How far a salvage is. ``step``: READING (``table``, the ``number``-th of ``tables``,
    ``rows`` copied from it so far), REBUILDING (indexes and triggers made after the rows),
    CHECKING (the result's own check) or COMPARING (against the backup)."""

    step: str
    table: str = ""
    number: int = 0
    tables: int = 0
    rows: int = 0


Listener = Callable[[Progress], object]


def tell(progress: Listener | None, fact: Progress) -> None:
    """Hand ``fact`` to ``progress``; its failure is logged, never the end of the salvage."""
    if progress is None:
        return
    try:
        progress(fact)
    except Exception:
        log.exception("showing the salvage's progress failed")


@dataclass
class Salvaged:
    """What :func:`salvage` read. ``rows``: rows copied, by table. ``unreadable``: by table,
    the rowid ranges (first, last; None: to the end) that could not be read, or ``[]`` for
    a table that could not be read at all (no range known). ``filled``: parent rows taken
    from the backup, by table; ``dropped``: rows left out because what they belong to was
    unreadable and not in the backup either, by table."""

    path: Path
    rows: dict[str, int] = field(default_factory=dict)
    unreadable: dict[str, list[tuple[int, int | None]]] = field(default_factory=dict)
    filled: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)

    @property
    def whole(self) -> bool:
        """Was every row read (the damage was in an index, or in the free space)?"""
        return not self.unreadable and not self.dropped

    def nothing_kept(self, table: str) -> bool:
        """Is not one row of ``table`` in the salvage: none read, or all it read left out,
        and none taken from the backup?"""
        return self.rows.get(table, 0) - self.dropped.get(table, 0) + self.filled.get(table, 0) <= 0


def _q(name: str) -> str:
    return '"{}"'.format(name.replace('"', '""'))


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")  # a damaged cell's bytes: kept readable, never a crash


def _broken(exc: BaseException) -> bool:
    """Is ``exc`` SQLite meeting a damaged page (or a cell it cannot decode)?"""
    if isinstance(exc, UnicodeDecodeError):
        return True
    return isinstance(exc, sqlite3.DatabaseError) and storage_errors.is_damage(exc)


def _shadow_names(schema: list[tuple[str, str, str, str | None]]) -> set[str]:
    """The tables a virtual table keeps its own data in (FTS5's _data, _idx, …)."""
    virtual = [name for kind, name, _, sql in schema if kind == "table" and (sql or "").upper().startswith(
        "CREATE VIRTUAL TABLE")]
    return {name for kind, name, _, _ in schema if kind == "table"
            and any(name.startswith(v + "_") for v in virtual)}


_UNREADABLE = object()  # what :func:`_read_at` gives for a seek into a damaged page


def _read_at(src: sqlite3.Connection, table: str, cols: str, start: int):
    """The first row at or after rowid ``start`` (None: none is there), or _UNREADABLE when
    the seek meets a damaged page."""
    try:
        return src.execute(f"SELECT rowid, {cols} FROM {_q(table)} WHERE rowid >= ? ORDER BY rowid LIMIT 1",
                           (start,)).fetchone()
    except Exception as exc:
        if not _broken(exc):
            raise
        return _UNREADABLE


def _next_readable(src: sqlite3.Connection, table: str, cols: str, start: int) -> int | None:
    """The first rowid at or after ``start`` whose row can be read, or None (none can, or
    none is there). A seek into a damaged page fails; one past it succeeds."""
    failed, step, at = start - 1, 1, start
    while (row := _read_at(src, table, cols, at)) is _UNREADABLE:
        failed = at
        if at >= _HIGHEST:
            return None
        at = min(start + step, _HIGHEST)
        step *= 2
    found = row[0] if row else None
    low, high = failed, at  # low fails (or is below start), high reads
    while high - low > 1:
        middle = (low + high) // 2
        row = _read_at(src, table, cols, middle)
        if row is _UNREADABLE:
            low = middle
        else:
            high, found = middle, (row[0] if row else None)
    return found


def _put(dst, insert: str, rows: list, rowid_alias: bool, table: str, out: Salvaged) -> int:
    """Write ``rows`` (rowid first); returns how many were written."""
    try:
        dst.executemany(insert, [r[1:] for r in rows] if rowid_alias else rows)
        return len(rows)
    except sqlite3.IntegrityError:  # row by row: garbage a damaged page passed off as a row
        done = 0
        for row in rows:
            try:
                dst.execute(insert, row[1:] if rowid_alias else row)
                done += 1
            except sqlite3.IntegrityError:
                out.unreadable.setdefault(table, []).append((row[0], row[0]))
        return done


def _copy_without_rowid(src, dst, table: str, cols: str, insert: str, out: Salvaged) -> None:
    """A WITHOUT ROWID table (none of Afspraak's): in one read; unreadable from where it fails."""
    copied = 0
    try:
        for row in src.execute(f"SELECT {cols} FROM {_q(table)}"):
            dst.execute(insert, row)
            copied += 1
    except Exception as exc:
        if not _broken(exc):
            raise
        out.unreadable[table] = []
    out.rows[table] = copied


def _copy_table(src, dst, table: str, out: Salvaged, copied_so_far: Callable[[int], None] = lambda rows: None) -> None:
    """Copy every readable row of ``table``; ``copied_so_far`` is told the count after each batch."""
    info = src.execute(f"PRAGMA table_info({_q(table)})").fetchall()
    names = [row[1] for row in info]
    cols = ", ".join(_q(n) for n in names)
    keys = [row for row in info if row[5]]
    rowid_alias = len(keys) == 1 and (keys[0][2] or "").upper() == "INTEGER"
    target = names if rowid_alias else ["rowid", *names]
    insert = f"INSERT INTO {_q(table)} ({', '.join(_q(n) for n in target)}) VALUES ({', '.join('?' * len(target))})"
    if src.execute("SELECT 1 FROM sqlite_master WHERE name = ? AND upper(sql) LIKE '%WITHOUT ROWID%'",
                   (table,)).fetchone():
        _copy_without_rowid(src, dst, table, cols, insert, out)
        return
    copied = 0
    start, careful = _LOWEST, 0  # careful: rows still to read one by one (a batch that fails loses them all)
    while True:
        progressed, batched = False, not careful
        try:
            cursor = src.execute(f"SELECT rowid, {cols} FROM {_q(table)} WHERE rowid >= ? ORDER BY rowid", (start,))
            while rows := cursor.fetchmany(1 if careful else 500):
                careful = max(careful - 1, 0)
                progressed = True
                start = rows[-1][0] + 1
                copied += _put(dst, insert, rows, rowid_alias, table, out)
                copied_so_far(copied)
            break
        except Exception as exc:
            if not _broken(exc):
                raise
            careful = 500
            if batched:
                continue  # again from the last row written, one by one up to the damage
        if start > _HIGHEST:
            break
        # The row at ``start`` read in the probe (or no row was read yet) but not whole: past it.
        resume = _next_readable(src, table, cols, start if progressed else min(start + 1, _HIGHEST))
        if resume is None or resume > start:
            out.unreadable.setdefault(table, []).append((start, None if resume is None else resume - 1))
        if resume is None:
            break
        start = resume
    out.rows[table] = copied


def _scratch_copy(damaged: Path, scratch: Path) -> None:
    """The damaged file and its log copied byte for byte (the original is never opened)."""
    for suffix in ("", "-wal"):
        source = damaged.with_name(damaged.name + suffix)
        if source.exists():
            shutil.copyfile(source, scratch.with_name(scratch.name + suffix))
            paths.make_private_file(scratch.with_name(scratch.name + suffix))


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def salvage(damaged: Path, out: Path, backup: Path | None = None, progress: Listener | None = None) -> Salvaged | None:
    """Copy what can be read of ``damaged`` into a new database at ``out`` (see the module
    doc); ``backup``: where a parent that could not be read may be found. None when nothing
    can be salvaged (its schema cannot be read, or the result is not whole); ``out`` is then
    not there. Trouble of the disk (full, read-only) also gives None: the caller goes on
    as without a salvage, and meets that trouble itself if it is still there. ``progress``:
    told how far it is (:class:`Progress`), on the caller's thread."""
    damaged, out = Path(damaged), Path(out)
    scratch = out.with_name(out.name + ".read")
    building = out.with_name(out.name + ".part")
    _remove(scratch)
    _remove(building)
    try:
        result = _salvage(damaged, scratch, building, backup, progress)
        if result is not None:
            paths.make_private_file(building)
            _remove(out)
            building.replace(out)
            result.path = out
        return result
    except Exception as exc:  # (its text only: a traceback kept in the log would keep the window's frames alive)
        log.warning("nothing could be salvaged from %s: %s: %s", damaged.name, type(exc).__name__, str(exc))
        return None
    finally:
        _remove(scratch)
        _remove(building)


def _salvage(damaged: Path, scratch: Path, building: Path, backup: Path | None,
             progress: Listener | None) -> Salvaged | None:
    _scratch_copy(damaged, scratch)
    src = sqlite3.connect(str(scratch))
    src.text_factory = _text
    dst = sqlite3.connect(str(building), uri=True, isolation_level=None)  # (uri: the backup is attached read-only)
    try:
        try:
            schema = src.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
            app_id = src.execute("PRAGMA application_id").fetchone()[0]
            version = src.execute("PRAGMA user_version").fetchone()[0]
        except Exception as exc:
            if not _broken(exc):
                raise
            log.warning("the schema of %s cannot be read: %s", damaged.name, str(exc))
            return None
        if app_id != APPLICATION_ID:
            return None  # not Afspraak's data (another program's, or a file never written to)
        shadows = _shadow_names(schema)
        tables = [(name, sql) for kind, name, _, sql in schema
                  if kind == "table" and sql and not name.startswith("sqlite_") and name not in shadows]
        out = Salvaged(path=building)
        dst.execute("PRAGMA journal_mode = DELETE")
        dst.execute(f"PRAGMA application_id = {int(app_id)}")
        dst.execute(f"PRAGMA user_version = {int(version)}")
        dst.execute("BEGIN")
        ordinary = [(n, s) for n, s in tables if not s.upper().startswith("CREATE VIRTUAL TABLE")]
        virtual = [(n, s) for n, s in tables if s.upper().startswith("CREATE VIRTUAL TABLE")]
        for _, sql in ordinary:
            dst.execute(sql)
        count = len(ordinary) + len(virtual)

        def reading(name: str, number: int):
            tell(progress, Progress(READING, name, number, count))
            return lambda rows: tell(progress, Progress(READING, name, number, count, rows))

        for number, (name, _) in enumerate(ordinary, start=1):
            _copy_table(src, dst, name, out, reading(name, number))
        if any(name == "sqlite_sequence" for _, name, _, _ in schema):
            _copy_sequence(src, dst)
        for number, (name, sql) in enumerate(virtual, start=len(ordinary) + 1):
            copied_so_far = reading(name, number)
            dst.execute(sql)
            if "CONTENT=" in sql.upper().replace(" ", ""):
                dst.execute(f"INSERT INTO {_q(name)}({_q(name)}) VALUES ('rebuild')")
            else:
                _copy_table(src, dst, name, out, copied_so_far)
        dst.execute("COMMIT")
        tell(progress, Progress(REBUILDING))
        _mend_links(dst, backup, out)  # (outside a transaction: it attaches the backup)
        dst.execute("BEGIN")
        if out.filled.get("person"):
            _keys_made_again(dst)
        for kind in ("index", "view", "trigger"):
            for k, _, _, sql in schema:
                if k == kind and sql:
                    dst.execute(sql)
        dst.execute("COMMIT")
        tell(progress, Progress(CHECKING))
        problems = [r[0] for r in dst.execute("PRAGMA integrity_check(5)")]
        orphans = dst.execute("PRAGMA foreign_key_check").fetchall()
        if problems != ["ok"] or orphans:
            log.warning("the salvage of %s is not whole (%s; %d rows without their parent)", damaged.name,
                        "; ".join(problems), len(orphans))
            return None
        out.unreadable = {t: r for t, r in out.unreadable.items() if t not in shadows}
        log.warning("salvaged from %s: %d rows; unreadable in %s; filled from the backup %s; left out %s",
                    damaged.name, sum(out.rows.values()), sorted(out.unreadable) or "none", out.filled or "none",
                    out.dropped or "none")
        return out
    finally:
        src.close()
        dst.close()


def _copy_sequence(src: sqlite3.Connection, dst: sqlite3.Connection) -> None:
    """AUTOINCREMENT's counters (SQLite goes on from the highest rowid when one is missing)."""
    try:
        for name, seq in src.execute("SELECT name, seq FROM sqlite_sequence"):
            dst.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (name, seq))
    except Exception as exc:
        if not _broken(exc):
            raise


def _mend_links(dst: sqlite3.Connection, backup: Path | None, out: Salvaged) -> None:
    """Rows whose parent could not be read: the parent from ``backup`` when it is there,
    else the row left out (and what hangs on it, in the next round)."""
    if backup is not None:
        dst.execute("ATTACH DATABASE ? AS old", (f"file:{backup}?mode=ro",))
    try:
        for _ in range(20):
            orphans = dst.execute("PRAGMA main.foreign_key_check").fetchall()
            if not orphans:
                return
            for table, rowid, parent, fkid in orphans:
                link = [row for row in dst.execute(f"PRAGMA foreign_key_list({_q(table)})") if row[0] == fkid]
                if not link or rowid is None:
                    continue
                if not _fill(dst, table, rowid, parent, link, backup is not None, out):
                    if dst.execute(f"DELETE FROM {_q(table)} WHERE rowid = ?", (rowid,)).rowcount:
                        out.dropped[table] = out.dropped.get(table, 0) + 1
    finally:
        if backup is not None:
            dst.execute("DETACH DATABASE old")


def _keys_made_again(dst: sqlite3.Connection) -> None:
    """People put back from a backup of an older version came without their sort key
    (Person.name_key, v19): the stored keys' rule is forgotten, so the next open makes every
    key again (store/name_keys.follow_rule)."""
    from desktop.store import name_keys

    try:
        dst.execute('DELETE FROM "setting" WHERE "key" = ?', (name_keys.KEYS_RULE,))
    except sqlite3.DatabaseError:
        pass  # no settings table: a file from before v19 anyway, whose upgrade makes the keys


def _fill(dst, table: str, rowid: int, parent: str, link: list, have_backup: bool, out: Salvaged) -> bool:
    """Put the parent ``link`` names for row ``rowid`` of ``table`` back from the backup."""
    if not have_backup:
        return False
    from_cols = [row[3] for row in sorted(link, key=lambda r: r[1])]
    to_cols = [row[4] for row in sorted(link, key=lambda r: r[1])]
    if any(c is None for c in to_cols):
        to_cols = [row[1] for row in dst.execute(f"PRAGMA main.table_info({_q(parent)})") if row[5]]
    values = dst.execute(f"SELECT {', '.join(_q(c) for c in from_cols)} FROM {_q(table)} WHERE rowid = ?",
                         (rowid,)).fetchone()
    if values is None:
        return False
    try:
        here = [row[1] for row in dst.execute(f"PRAGMA main.table_info({_q(parent)})")]
        there = {row[1] for row in dst.execute(f"PRAGMA old.table_info({_q(parent)})")}
        common = [c for c in here if c in there]
        if not common:
            return False
        where = " AND ".join(f"{_q(c)} IS ?" for c in to_cols)
        cols = ", ".join(_q(c) for c in common)
        added = dst.execute(f"INSERT OR IGNORE INTO main.{_q(parent)} ({cols}) SELECT {cols} FROM old.{_q(parent)} "
                            f"WHERE {where} LIMIT 1", tuple(values)).rowcount
    except sqlite3.DatabaseError:
        return False  # the backup's parent does not fit (another version's columns): left out
    if added:
        out.filled[parent] = out.filled.get(parent, 0) + 1
    return bool(added)


def weigh(salvaged: Path, backup: Path) -> tuple[int, int]:
    """How much of her data each holds that the other lacks, in rows of her tables (not the
    indexes' own): (rows of ``backup`` whose key is not in ``salvaged``: unreadable now,
    or deleted since; rows of ``salvaged`` that ``backup`` has not, or holds as they were
    before: added or changed since). A table the backup does not have counts whole."""
    con = sqlite3.connect(f"file:{salvaged}?mode=ro", uri=True)
    try:
        con.execute("ATTACH DATABASE ? AS old", (f"file:{backup}?mode=ro",))
        schema = con.execute("SELECT type, name, tbl_name, sql FROM main.sqlite_master").fetchall()
        shadows = _shadow_names(schema)
        theirs = {name for (name,) in con.execute("SELECT name FROM old.sqlite_master WHERE type = 'table'")}
        salvage_lacks = backup_lacks = 0
        for kind, name, _, sql in schema:
            if kind != "table" or not sql or name.startswith("sqlite_") or name in shadows \
                    or sql.upper().startswith("CREATE VIRTUAL TABLE"):
                continue
            t = _q(name)
            if name not in theirs:
                backup_lacks += con.execute(f"SELECT count(*) FROM main.{t}").fetchone()[0]
                continue
            there = {row[1] for row in con.execute(f"PRAGMA old.table_info({t})")}
            cols = ", ".join(["rowid"] + [_q(r[1]) for r in con.execute(f"PRAGMA main.table_info({t})")
                                          if r[1] in there])
            salvage_lacks += con.execute(
                f"SELECT count(*) FROM old.{t} WHERE rowid NOT IN (SELECT rowid FROM main.{t})").fetchone()[0]
            backup_lacks += con.execute(
                f"SELECT count(*) FROM (SELECT {cols} FROM main.{t} EXCEPT SELECT {cols} FROM old.{t})").fetchone()[0]
        return salvage_lacks, backup_lacks
    finally:
        con.close()


__all__ = ["CHECKING", "COMPARING", "READING", "REBUILDING", "Progress", "Salvaged", "salvage", "tell", "weigh"]
