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

A replay never writes over what was done after it (review of the custom orders, finding 1:
Ctrl+Z put an order's ready date back to the 13th after a delay message had told the
customer the 22nd). Not every change is a step on Edit → Undo (a step that was refused
leaves the stack, and a change made where no step is recorded stays done), so the step
Ctrl+Z reaches is not always the last thing done; in Maatwerk a status move, a parcel made
and a message marked sent are each a step, the latest taken back first. Each ``Change``
keeps the state it left its rows in, and a replay first compares the data with it; it
refuses (``ChangedSince``, the facts of what differs: nothing is written) when, since the
action (or since its undo, for a redo):

- a column it changed holds another value now, or a row it added or removed was changed,
  removed or added again (whole rows: a replay adds or removes them whole);
- a timeline line or a reminder's state was added about a row it touched (an event's
  ``subject_type``/``subject_id``): what was done since (an order marked ready, a message
  about it, its parcel) was done to the record as the action left it, so taking the action
  back under it would leave the two contradicting each other;
- a row that a foreign key ties to a row the replay removes was added (a parcel of the
  product an import added: SQLite's cascades would otherwise take it along unseen).

Taking back only the values still as the action left them was not chosen: that splits one
action in two (an order's ready date kept while the date history the same save wrote is
taken out), and it is never clear which half she meant. Columns the action did not change
stay free, as before (an import taken back leaves a product's "made to order" ticked by
hand since), and so do ``updated_at`` stamps and the settings table (her preferences and
the app's own housekeeping, such as the list of replaced pictures it sweeps).

The temp triggers live on the connection only (nothing is written into the database's
schema) and log only while a recording is open.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field

import peewee

from desktop.store.db import db

LOG = "afspraak_undo_log"
STATE = "afspraak_undo_state"
MARK = "afspraak_undo_ready"  # a trigger's name: the connection has the triggers


# Not compared before a replay: a row's own "last changed" stamp (any later save rewrites
# it, and putting it back harms nothing), and the settings (not her records: the window's
# place, and lists the app keeps and sweeps itself, such as the replaced pictures).
UNCOMPARED_COLUMNS = frozenset({"updated_at"})
UNCOMPARED_TABLES = frozenset({"setting"})

Key = tuple[str, int]  # (table, rowid)
Values = tuple[tuple[str, ...], tuple]  # a row's compared columns and their values


class NotUndoable(Exception):
    """Replaying the change failed (the data it needs changed since); nothing was changed."""


@dataclass(frozen=True)
class RowChanged:
    """A row the action touched that is not as the action (or its undo) left it: the
    ``columns`` whose values differ, or ``gone`` (removed since) or ``back`` (there again,
    though the action left it removed)."""

    table: str
    rowid: int
    columns: tuple[str, ...] = ()
    gone: bool = False
    back: bool = False


@dataclass(frozen=True)
class RowAdded:
    """A row added since that is about, or tied to, a row the action touched (``about``):
    a timeline line about an order, a parcel of an added product."""

    table: str
    rowid: int
    about: Key


class ChangedSince(NotUndoable):
    """The data the change touched was changed since, or something was added about it:
    replaying the change would write over that, so nothing was changed."""

    def __init__(self, changed: list[RowChanged], added: list[RowAdded]):
        super().__init__("changed since: " + ", ".join(
            [f"{c.table} {c.rowid} {'/'.join(c.columns) or ('gone' if c.gone else 'back')}" for c in changed]
            + [f"{a.table} {a.rowid} about {a.about[0]} {a.about[1]}" for a in added]))
        self.changed = changed
        self.added = added


@dataclass
class _Row:
    """How an action touched one row: its first and last operation ("i", "u", "d") and the
    columns it updated (None: the whole row, added or removed)."""

    first: str
    last: str
    columns: set[str] | None


@dataclass
class _State:
    """The rows an action touched as a replay expects to find them: their compared values
    (None: not there), and the rows that were about or tied to them then."""

    values: dict[Key, Values | None]
    refs: dict[Key, Key]


@dataclass
class Change:
    """The SQL that takes an action back and the SQL that does it again (in order), the
    rows it touched, and the state it left them in (``left``: what a replay expects)."""

    undo_sql: list[str] = field(default_factory=list)
    redo_sql: list[str] = field(default_factory=list)
    tables: set[str] = field(default_factory=set)
    rows: dict[Key, _Row] = field(default_factory=dict)
    left: _State | None = None
    done: bool = True  # the action is done (undo comes next); False once undone

    @property
    def empty(self) -> bool:
        return not self.undo_sql

    def extend(self, other: "Change") -> None:
        """Add a later action to this one (several files imported as one step)."""
        self.undo_sql.extend(other.undo_sql)
        self.redo_sql.extend(other.redo_sql)
        self.tables |= other.tables
        for key, row in other.rows.items():
            mine = self.rows.get(key)
            if mine is None:
                self.rows[key] = _Row(row.first, row.last, None if row.columns is None else set(row.columns))
            else:
                mine.last = row.last
                mine.columns = None if mine.columns is None or row.columns is None else mine.columns | row.columns
        if other.left is not None:
            if self.left is None:
                self.left = _State(dict(other.left.values), dict(other.left.refs))
            else:
                for key, values in other.left.values.items():
                    mine = self.left.values.get(key)
                    if values is not None and mine is not None:
                        both = {**dict(zip(*mine)), **dict(zip(*values))}
                        values = (tuple(both), tuple(both.values()))
                    self.left.values[key] = values
                self.left.refs.update(other.left.refs)

    def _note(self, table: str, rowid: int, op: str, column: str | None) -> None:
        key = (table, rowid)
        row = self.rows.get(key)
        if row is None:
            row = self.rows[key] = _Row(op, op, set())
        row.last = op
        if op != "u":
            row.columns = None
        elif row.columns is not None:
            row.columns.add(column)


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
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {LOG} "
                 "(seq INTEGER PRIMARY KEY, tbl TEXT, rid INTEGER, op TEXT, col TEXT, undo TEXT, redo TEXT)")
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {STATE} (active INTEGER NOT NULL)")
    if conn.execute(f"SELECT count(*) FROM {STATE}").fetchone()[0] == 0:
        conn.execute(f"INSERT INTO {STATE} (active) VALUES (0)")
    when = f"WHEN (SELECT active FROM temp.{STATE})"
    for n, table in enumerate(_tables(conn)):
        columns = [r[1] for r in conn.execute(f"PRAGMA main.table_info({_q(table)})").fetchall()]
        t = _q(table)
        conn.execute(
            f"CREATE TEMP TRIGGER afspraak_undo_{n}_i AFTER INSERT ON main.{t} {when} BEGIN "
            f"INSERT INTO {LOG} (tbl, rid, op, undo, redo) VALUES ({_lit(table)}, NEW.rowid, 'i', "
            f"{_lit('DELETE FROM ' + t)} || {_by_row('NEW')}, "
            f"{_lit('INSERT INTO ' + t + ' ')} || {_row_values(columns, 'NEW')}); END")
        conn.execute(
            f"CREATE TEMP TRIGGER afspraak_undo_{n}_d BEFORE DELETE ON main.{t} {when} BEGIN "
            f"INSERT INTO {LOG} (tbl, rid, op, undo, redo) VALUES ({_lit(table)}, OLD.rowid, 'd', "
            f"{_lit('INSERT INTO ' + t + ' ')} || {_row_values(columns, 'OLD')}, "
            f"{_lit('DELETE FROM ' + t)} || {_by_row('OLD')}); END")
        for m, column in enumerate(columns):
            c = _q(column)
            conn.execute(
                f"CREATE TEMP TRIGGER afspraak_undo_{n}_u{m} AFTER UPDATE OF {c} ON main.{t} "
                f"{when} AND OLD.{c} IS NOT NEW.{c} BEGIN "
                f"INSERT INTO {LOG} (tbl, rid, op, col, undo, redo) VALUES ({_lit(table)}, NEW.rowid, 'u', "
                f"{_lit(column)}, {_set_to(t, c, 'OLD')}, "
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
    # row by row from the log, not all of it fetched first: a large import's log held twice
    # at its peak (round 32 of docs/PERFORMANCE.md)
    for table, rowid, op, column, undo_sql, redo_sql in conn.execute(
            f"SELECT tbl, rid, op, col, undo, redo FROM {LOG} WHERE seq > ? ORDER BY seq", (start,)):
        change.tables.add(table)
        change.undo_sql.append(undo_sql)
        change.redo_sql.append(redo_sql)
        change._note(table, rowid, op, column)
    conn.execute(f"DELETE FROM {LOG}")
    if not change.empty:
        change.left = _state(change, True)


# --- what a replay expects to find -------------------------------------------------------

def _links(conn) -> tuple[list[str], dict[str, list[tuple[str, str]]]]:
    """The tables whose rows are about another row (``subject_type``, ``subject_id``: the
    timeline, the reminders' states), and per table the (table, column) of the foreign
    keys that point at its rows."""
    about, pointing = [], {}
    for table in _tables(conn):
        columns = {r[1] for r in conn.execute(f"PRAGMA main.table_info({_q(table)})")}
        if {"subject_type", "subject_id"} <= columns:
            about.append(table)
        for fk in conn.execute(f"PRAGMA main.foreign_key_list({_q(table)})"):
            if fk[4] in (None, "id"):  # the row's id (its rowid): every key of the models
                pointing.setdefault(fk[2], []).append((table, fk[3]))
    return about, pointing


def _by_table(keys) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for table, rowid in keys:
        found.setdefault(table, []).append(rowid)
    return found


def _state(change: Change, done: bool) -> _State:
    """The rows ``change`` touched as they are now, read as the next replay compares them
    (``done``: the action stands, so an undo comes next; else a redo): their compared
    values, and the rows about them or, for the rows that replay removes, tied to them by
    a foreign key."""
    conn = db.connection()
    values: dict[Key, Values | None] = {}
    for table, rowids in _by_table(change.rows).items():
        if table in UNCOMPARED_TABLES:
            continue
        cursor = conn.execute(f"SELECT rowid, * FROM main.{_q(table)} WHERE rowid IN (SELECT value FROM json_each(?))",
                              (json.dumps(rowids),))
        names = [d[0] for d in cursor.description]
        found = {row[0]: row for row in cursor}
        picks: dict[frozenset | None, tuple[tuple[str, ...], list[int]]] = {}
        for rowid in rowids:
            row, columns = found.get(rowid), change.rows[(table, rowid)].columns
            if row is None:
                values[(table, rowid)] = None
                continue
            wanted = None if columns is None else frozenset(columns)
            if wanted not in picks:
                at = [i for i, c in enumerate(names) if i and c not in UNCOMPARED_COLUMNS
                      and (wanted is None or c in wanted)]
                picks[wanted] = (tuple(names[i] for i in at), at)
            compared, at = picks[wanted]
            values[(table, rowid)] = (compared, tuple(row[i] for i in at))
    about, pointing = _links(conn)
    refs: dict[Key, Key] = {}
    for table, rowids in _by_table(change.rows).items():
        for link in about:
            for rowid, subject in conn.execute(
                    f"SELECT rowid, subject_id FROM main.{_q(link)} WHERE subject_type = ? "
                    "AND subject_id IN (SELECT value FROM json_each(?))", (table, json.dumps(rowids))):
                refs[(link, rowid)] = (table, subject)
    # The rows the next replay removes: an undo those the action added, a redo those it removed.
    if done:
        removed = [key for key, row in change.rows.items() if row.first == "i" and row.last != "d"]
    else:
        removed = [key for key, row in change.rows.items() if row.first != "i" and row.last == "d"]
    for table, rowids in _by_table(removed).items():
        for child, column in pointing.get(table, []):
            for rowid, parent in conn.execute(
                    f"SELECT rowid, {_q(column)} FROM main.{_q(child)} "
                    f"WHERE {_q(column)} IN (SELECT value FROM json_each(?))", (json.dumps(rowids),)):
                refs[(child, rowid)] = (table, parent)
    return _State(values, refs)


def _check(change: Change) -> None:
    """Raise ``ChangedSince`` when the rows ``change`` touched are not as it left them."""
    if change.left is None:
        return
    now = _state(change, change.done)
    changed = []
    for key, expected in change.left.values.items():
        found = now.values.get(key)
        if found == expected or (found and expected and dict(zip(*found)) == dict(zip(*expected))):
            continue  # (the columns of steps joined together may come in another order)
        if expected is None or found is None:
            changed.append(RowChanged(*key, gone=found is None, back=expected is None))
        else:
            was, now_is = dict(zip(*expected)), dict(zip(*found))
            columns = sorted(c for c in was.keys() | now_is.keys() if was.get(c) != now_is.get(c))
            changed.append(RowChanged(*key, columns=tuple(columns)))
    added = [RowAdded(*key, about=about) for key, about in now.refs.items()
             if key not in change.left.refs and key not in change.rows]
    if changed or added:
        raise ChangedSince(changed, added)


def row_of(table: str, rowid: int | None) -> dict | None:
    """The row ``rowid`` of ``table`` as it is now (column -> value), or None: for the
    words of what ``ChangedSince`` names (presentation/undo_texts.py)."""
    conn = db.connection()
    if rowid is None or table not in _tables(conn):
        return None
    cursor = conn.execute(f"SELECT * FROM main.{_q(table)} WHERE rowid = ?", (rowid,))
    row = cursor.fetchone()
    return None if row is None else dict(zip([d[0] for d in cursor.description], row))


def _replay(change: Change, statements, done: bool) -> None:
    """Replay ``statements`` in one transaction, after checking that the rows are as
    ``change`` left them; ``done``: whether the action stands afterwards (a redo)."""
    left = None
    try:
        with db.atomic():
            _check(change)  # in the replay's own transaction: nothing comes between
            # A deleted row and the rows its foreign keys cascaded to come back in any
            # order: the keys are checked when the transaction commits.
            db.execute_sql("PRAGMA defer_foreign_keys = ON")
            for sql in statements:
                db.execute_sql(sql)
            if change.left is not None:
                left = _state(change, done)
    except (peewee.IntegrityError, sqlite3.IntegrityError) as exc:
        raise NotUndoable(str(exc)) from exc
    change.done, change.left = done, left  # only once it is committed


def undo(change: Change) -> None:
    """Take the change back (one transaction); NotUndoable when the data no longer allows it
    (``ChangedSince``: it was changed since, or something was added about it)."""
    _replay(change, reversed(change.undo_sql), done=False)


def redo(change: Change) -> None:
    """Do the change again, with the same ids (one transaction); NotUndoable as ``undo``."""
    _replay(change, change.redo_sql, done=True)
