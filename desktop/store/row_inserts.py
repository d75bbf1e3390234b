"""Many rows of one table inserted through one prepared statement (docs/PERFORMANCE.md, round 32).

Peewee builds an INSERT's SQL afresh for every row: for an import of 100,000 orders that
was most of the write's time (~1 ms a row: the statement's text put together, field by
field, then parsed again by SQLite). ``RowInserts`` puts the statement together once per
table and set of columns and hands each row's values to SQLite's own statement cache.

The rows are the ones Peewee writes: every value through its field's ``db_value``, and
the model's defaults (``Meta.defaults``, a callable one called per row) for the columns a
row does not name, as ``Model.insert`` and ``Model.create`` fill them in. It is plain SQL on
the connection of the transaction it runs in, so the undo journal's triggers
(store/journal.py) see every row as they do Peewee's. Only for models whose writes carry
nothing beyond their fields: not ``Person`` (its ``name_key`` follows the name in the
model, ``insert_person`` here writes it) and not ``Event`` (its search words).
"""

from __future__ import annotations

from collections.abc import Iterable

from peewee import Model

from desktop.domain.search_text import sort_key
from desktop.store.db import db


class RowInserts:
    """INSERTs into ``model``'s table, one statement per set of columns named."""

    def __init__(self, model: type[Model]):
        self.model = model
        self._prepared: dict[tuple[str, ...], tuple[str, list, list]] = {}

    def _prepare(self, names: tuple[str, ...]) -> tuple[str, list, list]:
        meta = self.model._meta
        fields = [meta.combined[name] for name in names]
        given = set(fields)
        defaults = [(field, value) for field, value in meta.defaults.items() if field not in given]
        columns = [f.column_name for f in fields] + [f.column_name for f, _v in defaults]
        sql = 'INSERT INTO "{}" ({}) VALUES ({})'.format(
            meta.table_name, ", ".join(f'"{c}"' for c in columns), ", ".join("?" * len(columns)))
        prepared = self._prepared[names] = (sql, [f.db_value for f in fields], defaults)
        return prepared

    def _params(self, names: tuple[str, ...], values: Iterable) -> tuple[str, list]:
        sql, converters, defaults = self._prepared.get(names) or self._prepare(names)
        params = [convert(value) for convert, value in zip(converters, values, strict=True)]
        params.extend(field.db_value(value() if callable(value) else value) for field, value in defaults)
        return sql, params

    def one(self, values: dict) -> int:
        """Insert one row (field name -> value); its id."""
        sql, params = self._params(tuple(values), values.values())
        return db.execute_sql(sql, params).lastrowid

    def many(self, rows: list[dict]) -> None:
        """Insert ``rows`` (each field name -> value; rows naming the same fields share a statement)."""
        by_names: dict[tuple[str, ...], list[list]] = {}
        sql_of: dict[tuple[str, ...], str] = {}
        for values in rows:
            names = tuple(values)
            sql, params = self._params(names, values.values())
            sql_of[names] = sql
            by_names.setdefault(names, []).append(params)
        for names, params in by_names.items():
            db.connection().executemany(sql_of[names], params)


def insert_person(inserts: RowInserts, values: dict) -> int:
    """A person's row as ``Person.create`` writes it, her name's sort key beside the name
    (store/models.py, ``Person``); her id."""
    return inserts.one(dict(values, name_key=sort_key(values["name"])))
