"""The database connection: a ``peewee.DatabaseProxy`` bound at start-up.

``open_database`` opens (and creates) the SQLite file with WAL, foreign keys and
secure delete, makes it private (0600), and runs the migrations. One writer: the thread
that opens it (the GUI thread, or the CLI command) owns it; other threads may only read.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path

import peewee


log = logging.getLogger(__name__)

db = peewee.DatabaseProxy()

# PRAGMA application_id: marks a SQLite file as an Afspraak database ("Afsp").
APPLICATION_ID = 0x41667370

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL: a committed change survives power loss too
    "secure_delete": 1,  # erased data is overwritten, not left in free pages
    "busy_timeout": 5000,
    "cache_size": -16000,
}


class OwnedDatabase(peewee.SqliteDatabase):
    """One writer: only the thread that opened the database may write.

    Peewee gives every thread its own connection; a connection made in any other thread
    (a timer thread, a worker) is opened with ``PRAGMA query_only``, so background work
    can read but a write from it fails at once instead of racing the GUI thread.
    """

    def __init__(self, *args, **kwargs):
        # BEGIN IMMEDIATE: a transaction takes the write lock when it starts, so a second
        # writer (the CLI while the GUI runs) waits for busy_timeout instead of failing with
        # "database is locked" when its read turns into a write.
        kwargs.setdefault("lock_type", "IMMEDIATE")
        super().__init__(*args, **kwargs)
        self.owner_thread = threading.get_ident()

    def _add_conn_hooks(self, conn):
        super()._add_conn_hooks(conn)
        if threading.get_ident() != self.owner_thread:
            conn.execute("PRAGMA query_only = 1")


class NotAnAfspraakDatabase(Exception):
    """The file is not SQLite, or is SQLite but not ours (``reason`` FOREIGN); or it is
    ours but written by a newer Afspraak (NEWER) or damaged (DAMAGED): the owner is told
    which (presentation/errors.py ``restore_refused``)."""

    FOREIGN, NEWER, DAMAGED = "foreign", "newer", "damaged"
    UNREADABLE = "unreadable"  # damaged, and a salvage could read nothing of it (store/salvage.py)

    def __init__(self, detail: str = "", reason: str = FOREIGN):
        super().__init__(detail)
        self.reason = reason


def sidecar_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]


# The file the open database was opened from: its path and (device, inode). A sync or
# clean-up program can delete, move or replace the file while it is open; the connection
# then goes on reading and writing the file it opened, which nothing names any more.
_opened_file: tuple[Path, tuple[int, int]] | None = None


def file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file at ``path``; None when there is none."""
    try:
        found = Path(path).stat()
    except FileNotFoundError:
        return None
    return found.st_dev, found.st_ino


def note_opened_file(path: Path) -> None:
    global _opened_file
    identity = file_identity(path)
    _opened_file = (Path(path), identity) if identity is not None else None


def opened_file_gone() -> Path | None:
    """The path of the open database when the file there is no longer the one it opened
    (deleted, moved away, or another file put in its place); else None."""
    if _opened_file is None or db.obj is None or db.is_closed():
        return None
    path, identity = _opened_file
    try:
        return None if file_identity(path) == identity else path
    except OSError:  # the folder cannot be read now: not known to be gone
        return None


def close_database() -> None:
    global _opened_file
    _opened_file = None
    if db.obj is not None and not db.is_closed():
        db.close()
    from desktop import clock

    clock.set_owner(None)


def drop_database() -> None:
    """Close this thread's connection whatever it was doing: the file is damaged, and
    whatever a transaction left open there is given up (SQLite rolls it back). Errors
    closing a damaged file are logged, never raised."""
    global _opened_file
    _opened_file = None
    database = db.obj
    if database is None or database.is_closed():
        return
    try:
        while database.in_transaction():  # peewee refuses to close inside a transaction
            database.pop_transaction()
        connection = database.connection()
        if connection.in_transaction:
            connection.rollback()
    except (peewee.PeeweeException, sqlite3.Error):
        log.warning("rolling back on a damaged database failed", exc_info=True)
    try:
        database.close()
    except (peewee.PeeweeException, sqlite3.Error):
        log.warning("closing a damaged database failed", exc_info=True)


def settle_journal(path: Path) -> None:
    """A file killed while it was being changed in rollback-journal mode (a backup an erase
    was rewriting) has a hot ``-journal`` beside it. SQLite puts the file back as it was
    the first time it is opened for writing; a read-only open refuses it instead ("attempt
    to write a readonly database"), so a good backup was refused as damaged. Open it once
    for writing, so the journal is rolled back; what cannot be (a read-only stick) is left
    to the checks after."""
    journal = path.with_name(path.name + "-journal")
    try:
        if not journal.is_file() or journal.stat().st_size == 0:
            return
        con = sqlite3.connect(str(path), timeout=5)
        try:
            con.execute("PRAGMA schema_version").fetchone()
        finally:
            con.close()
    except (sqlite3.Error, OSError):
        log.warning("could not roll back the journal beside %s", path.name, exc_info=True)


def check_afspraak_file(path: Path, allow_empty: bool = False) -> int:
    """Return the schema version of an Afspraak database file, or raise NotAnAfspraakDatabase."""
    path = Path(path)
    settle_journal(path)
    try:
        with open(path, "rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise NotAnAfspraakDatabase(str(exc)) from exc
    if allow_empty and header == b"":
        return 0
    if header != b"SQLite format 3\x00":
        raise NotAnAfspraakDatabase("not an SQLite file")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            version = con.execute("PRAGMA user_version").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:  # an SQLite file whose first page cannot be read
        raise NotAnAfspraakDatabase(str(exc), NotAnAfspraakDatabase.DAMAGED) from exc
    if app_id == 0 and version == 0 and allow_empty:
        return 0
    if app_id != APPLICATION_ID:
        raise NotAnAfspraakDatabase("SQLite, but not an Afspraak database")
    return version


# --- a transaction that hands the event loop turns -------------------------------------
# A 10,000-row import writes in one transaction but lets the event loop run between
# chunks (the window stays responsive, the import can be cancelled). Any other write
# made during one of those turns (a reminder snoozed from the tray, a quick note)
# would land inside the import's transaction and vanish with it when the import is
# cancelled or fails. Callers that can be reached then ask ``writing_in_steps()`` and
# wait (views/busy.py ``when_free``).
_writing_in_steps = 0


@contextmanager
def handing_turns():
    """Mark the enclosed transaction as one that lets the event loop run in between."""
    global _writing_in_steps
    _writing_in_steps += 1
    try:
        yield
    finally:
        _writing_in_steps -= 1


def writing_in_steps() -> bool:
    """Is a transaction open that hands the event loop turns (another write must wait)?"""
    return _writing_in_steps > 0


def data_token():
    """What identifies the database's content as this connection sees it, or None when
    it cannot be vouched for (inside a transaction, which may still be rolled back).

    The connection itself (a reopened or restored database is another one), the rows it
    changed since it was opened (``total_changes``: every INSERT, UPDATE and DELETE
    through it, triggers included, rolled back or not) and ``PRAGMA data_version``
    (which moves when another connection or process commits). The same token: nothing
    was written in between, so what was read then is still what the file holds."""
    conn = db.connection()
    if conn.in_transaction:
        return None
    return conn, conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0]


def ids_in(ids: list[int]) -> peewee.SQL:
    """For ``field.in_(...)``: any number of ids as ONE bound parameter, a JSON list read by
    ``json_each`` (the order of ``ids`` is not kept). Binding a page of 1,000 ids one by one
    through Peewee cost more than the query (docs/PERFORMANCE.md, fix 34)."""
    return _json_ids(json.dumps(list(ids)))


def _json_ids(text: str) -> peewee.SQL:
    return peewee.SQL("(SELECT value FROM json_each(?))", (text,))


# A query turned into SQL once per shape (its key), with its ids bound anew each time.
_COMPILED: dict[str, tuple[peewee.Query | None, str, tuple, int]] = {}
_IDS_MARK = "[\"ids\"]"  # stands in for the ids while the query is turned into SQL
_ONE_MARK = -7_000_000_001  # stands in for the one id while the query is turned into SQL
# Every Shape by its key (the ones made when their modules were imported).
SHAPES: dict[str, Shape] = {}


class Shape:
    """A query whose shape never changes, only the ids it is asked for (or the one id).

    Its SQL is made by Peewee ahead of time: `make sql-shapes` writes every shape's SQL
    into ``desktop/store/sql_shapes.py`` (tests/test_sql_shapes.py fails when one no longer
    matches its query). Turning a query into SQL costs Peewee 0.2-0.5 ms, and a list or a
    detail pane asks a dozen of these the first time it is shown (docs/PERFORMANCE.md,
    round 20). ``build`` gets what stands in for the ids (``field.in_(ids)``) or the one id
    (``field == id``); every other value in it must be a constant, never a moment or a
    setting, since the SQL is kept as it was made."""

    __slots__ = ("key", "build", "many")

    def __init__(self, key: str, build, many: bool = True):
        if key in SHAPES:
            raise ValueError(f"two query shapes are named {key!r}")
        self.key, self.build, self.many = key, build, many
        SHAPES[key] = self

    def rows(self, value: int | list[int]) -> list[tuple]:
        """The rows as stored (no conversion by Peewee) for these ids (or this id)."""
        _query, sql, params, at = _compiled(self.key, self.build, self.many, stored=True)
        return db.execute_sql(sql, _bound(params, at, _value(value, self.many))).fetchall()

    def objects(self, value: int | list[int]) -> list:
        """What iterating the query gives (model objects with what it joins, or tuples)."""
        return _objects(self.key, self.build, self.many, value, stored=True)

    def sql(self) -> tuple[str, tuple, int]:
        """Its SQL as Peewee makes it now, its parameters, and where the ids go among them."""
        return _make_sql(self.key, self.build, self.many)[1:]


def _stand_in_query(build, many: bool) -> peewee.Query:
    """The query with the stand-in of its ids (or its one id) in their place."""
    return build(_json_ids(_IDS_MARK) if many else _ONE_MARK)


def _make_sql(key: str, build, many: bool) -> tuple[peewee.Query, str, tuple, int]:
    mark = _IDS_MARK if many else _ONE_MARK
    query = _stand_in_query(build, many)
    # Peewee's SQL for the app's kind of database, whether or not one is open (make sql-shapes).
    sql, params = OwnedDatabase(None).get_sql_context().parse(query)
    marks = [i for i, value in enumerate(params) if value == mark]
    if len(marks) != 1:
        raise ValueError(f"{key}: the ids must be bound exactly once, not {len(marks)} times")
    return query, sql, tuple(params), marks[0]


def _stored_sql() -> dict[str, tuple[str, tuple, int]]:
    from desktop.store.sql_shapes import SQL  # generated (make sql-shapes); read at the first shape asked

    return SQL


def _compiled(key: str, build, many: bool, stored: bool = False) -> tuple[peewee.Query | None, str, tuple, int]:
    """The query ``build`` makes (None until it is needed), its SQL and parameters, and
    where among them its ids go: made once per key, or read from sql_shapes.py."""
    found = _COMPILED.get(key)
    if found is None:
        made = _stored_sql().get(key) if stored else None
        found = _COMPILED[key] = (None, *made) if made is not None else _make_sql(key, build, many)
    return found


def _value(value: int | list[int], many: bool):
    return json.dumps(list(value)) if many else value


def _bound(params: tuple, at: int, value) -> list:
    bound = list(params)
    bound[at] = value
    return bound


def prepared(key: str, build, value: int | list[int]) -> list:
    """What the query ``build(value)`` gives (model objects with what it joins, or tuples),
    its SQL made at its first use and kept under ``key``: a Shape whose SQL cannot be made
    ahead of time. ``value`` is one id (``build`` compares a field with it) or a list of
    them (``build`` hands it to ``field.in_``); every other value of the query a constant, as
    for a Shape (docs/PERFORMANCE.md, round 19)."""
    return _objects(key, build, not isinstance(value, int), value)


def _objects(key: str, build, many: bool, value, stored: bool = False) -> list:
    query, sql, params, at = _compiled(key, build, many, stored)
    first = query is None
    if first:  # Peewee reads the cursor for the query: built once, never turned into SQL again
        query = _stand_in_query(build, many)
        _COMPILED[key] = (query, sql, params, at)
    cursor = db.execute_sql(sql, _bound(params, at, _value(value, many)))
    if first and len(cursor.description or ()) != len(query._returning):
        # Stored SQL of another shape (a field added since `make sql-shapes`, which the tests
        # catch): its columns would land in the wrong fields. Made from the query instead.
        log.warning("the stored SQL of %s does not match its query: made anew", key)
        query, sql, params, at = _COMPILED[key] = _make_sql(key, build, many)
        cursor = db.execute_sql(sql, _bound(params, at, _value(value, many)))
    # Peewee's own reading of a cursor for this query: the same objects as iterating it.
    return list(query._get_cursor_wrapper(cursor))
