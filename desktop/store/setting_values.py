"""A setting read or kept as store/settings keeps it (a JSON value under its key), for the
store modules settings cannot serve: those the models import, and those the migrations call
(settings imports the models). The timeline's search words keep their wording's stamp here
(store/event_search.py), the people's sort keys the number of their rule (store/name_keys.py)."""

from __future__ import annotations

import json

import peewee


def stored(database: peewee.SqliteDatabase, key: str):
    """The value kept under ``key``, None when none (or an empty one) was kept."""
    row = database.execute_sql('SELECT "value" FROM "setting" WHERE "key" = ?', (key,)).fetchone()
    return json.loads(row[0]) if row and row[0] else None


def keep(database: peewee.SqliteDatabase, key: str, value) -> None:
    """Keep ``value`` under ``key``, in the caller's transaction."""
    database.execute_sql('INSERT INTO "setting" ("key", "value") VALUES (?, ?) '
                         'ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value"', (key, json.dumps(value)))
