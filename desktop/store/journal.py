"""What one action changed, kept so it can be taken back and done again (Edit → Undo / Redo).

``recording()`` wraps an action (a shipment made by a drop, an import, a product's
picture...). While it is open, TEMP triggers on every table of the database write each
row change into a temp log as two SQL statements: the one that takes it back and the one
that does it again. The triggers are the ones SQLite's own documentation describes
("Automatic Undo/Redo Using Triggers"), with two differences: an update is logged per
COLUMN that really changed (so taking back an import restores only what the import
changed, not a price the owner edited by hand since), and every row keeps its id, so a
redo puts back exactly the rows the undo took out (a shipment made later that names an
imported product still finds it).

``undo`` / ``redo`` replay a ``Change`` in ONE transaction. A step that cannot be
taken back any more (an imported product that a parcel uses now) fails with
``NotUndoable`` and changes nothing.

The temp triggers live on the connection only (nothing is written into the database's
schema) and log only while a recording is open.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field

import peewee

from desktop.store.db import db

LOG = "afspraak_undo_log"
STATE = "afspraak_undo_state"
MARK = "afspraak_undo_ready"  # a trigger's name: the connection has the triggers


class NotUndoable(Exception):
    """Replaying the change failed (the data it needs changed since); nothing was changed."""


@dataclass
class Change:
    """The SQL that takes an action back and the SQL that does it again (in order)."""

    undo_sql: list[str] = field(default_factory=list)
    redo_sql: list[str] = field(default_factory=list)
    tables: set[str] = field(default_factory=set)

    @property
    def empty(self) -> bool:
        return not self.undo_sql

    def extend(self, other: "Change") -> None:
        self.undo_sql.extend(other.undo_sql)
        self.redo_sql.extend(other.redo_sql)
        self.tables |= other.tables


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(sql: str) -> str:
    """An SQL string literal holding ``sql``."""
    return "'" + sql.replace("'", "''") + "'"


def _tables(conn) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'event_fts%'").fetchall()
    return [r[0] for r in rows]


def _row_values(columns: list[str], ref: str) -> str:
    """SQL that builds "(rowid, col, ...) VALUES (...)" for the row ``ref`` (NEW or OLD)."""
    names = ", ".join(["rowid"] + [_q(c) for c in columns])
    values = " || ', ' || ".join([f"{ref}.rowid"] + [f"quote({ref}.{_q(c)})" for c in columns])
    return f"{_lit('(' + names + ') VALUES (')} || {values} || ')'"


def _by_row(ref: str) -> str:
    return f"{_lit(' WHERE rowid = ')} || {ref}.rowid"


def _set_to(t: str, c: str, ref: str) -> str:
    """SQL that builds "UPDATE t SET c = <the value in ref> WHERE rowid = ..."."""
    return f"{_lit('UPDATE ' + t + ' SET ' + c + ' = ')} || quote({ref}.{c}) || {_by_row(ref)}"


def _install(conn) -> None:
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {LOG} (seq INTEGER PRIMARY KEY, tbl TEXT, undo TEXT, redo TEXT)")
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {STATE} (active INTEGER NOT NULL)")
    if conn.execute(f"SELECT count(*) FROM {STATE}").fetchone()[0] == 0:
        conn.execute(f"INSERT INTO {STATE} (active) VALUES (0)")
    when = f"WHEN (SELECT active FROM temp.{STATE})"
    for n, table in enumerate(_tables(conn)):
        columns = [r[1] for r in conn.execute(f"PRAGMA main.table_info({_q(table)})").fetchall()]
        t = _q(table)
        conn.execute(
            f"CREATE TEMP TRIGGER afspraak_undo_{n}_i AFTER INSERT ON main.{t} {when} BEGIN "
            f"INSERT INTO {LOG} (tbl, undo, redo) VALUES ({_lit(table)}, {_lit('DELETE FROM ' + t)} || {_by_row('NEW')}, "
            f"{_lit('INSERT INTO ' + t + ' ')} || {_row_values(columns, 'NEW')}); END")
        conn.execute(
            f"CREATE TEMP TRIGGER afspraak_undo_{n}_d BEFORE DELETE ON main.{t} {when} BEGIN "
            f"INSERT INTO {LOG} (tbl, undo, redo) VALUES ({_lit(table)}, "
            f"{_lit('INSERT INTO ' + t + ' ')} || {_row_values(columns, 'OLD')}, "
            f"{_lit('DELETE FROM ' + t)} || {_by_row('OLD')}); END")
        for m, column in enumerate(columns):
            c = _q(column)
            conn.execute(
                f"CREATE TEMP TRIGGER afspraak_undo_{n}_u{m} AFTER UPDATE OF {c} ON main.{t} "
                f"{when} AND OLD.{c} IS NOT NEW.{c} BEGIN "
                f"INSERT INTO {LOG} (tbl, undo, redo) VALUES ({_lit(table)}, {_set_to(t, c, 'OLD')}, "
                f"{_set_to(t, c, 'NEW')}); END")
    conn.execute(f"CREATE TEMP TRIGGER {MARK} AFTER INSERT ON temp.{STATE} BEGIN SELECT 1; END")


def _connection():
    conn = db.connection()
    if conn.execute("SELECT 1 FROM sqlite_temp_master WHERE type = 'trigger' AND name = ?", (MARK,)).fetchone() is None:
        _install(conn)
    return conn


@contextmanager
def recording():
    """Log every row change made inside the block; yields the ``Change``, filled when the
    block ends without an error (a failed action leaves it empty: it was rolled back)."""
    change = Change()
    conn = _connection()
    start = conn.execute(f"SELECT coalesce(max(seq), 0) FROM {LOG}").fetchone()[0]
    conn.execute(f"UPDATE {STATE} SET active = 1")
    try:
        yield change
    finally:
        conn.execute(f"UPDATE {STATE} SET active = 0")
    rows = conn.execute(f"SELECT tbl, undo, redo FROM {LOG} WHERE seq > ? ORDER BY seq", (start,)).fetchall()
    conn.execute(f"DELETE FROM {LOG}")
    for table, undo_sql, redo_sql in rows:
        change.tables.add(table)
        change.undo_sql.append(undo_sql)
        change.redo_sql.append(redo_sql)


def _replay(statements) -> None:
    try:
        with db.atomic():
            # A deleted row and the rows its foreign keys cascaded to come back in any
            # order: the keys are checked when the transaction commits.
            db.execute_sql("PRAGMA defer_foreign_keys = ON")
            for sql in statements:
                db.execute_sql(sql)
    except (peewee.IntegrityError, sqlite3.IntegrityError) as exc:
        raise NotUndoable(str(exc)) from exc


def undo(change: Change) -> None:
    """Take the change back (one transaction); NotUndoable when the data no longer allows it."""
    _replay(reversed(change.undo_sql))


def redo(change: Change) -> None:
    """Do the change again, with the same ids (one transaction)."""
    _replay(change.redo_sql)
