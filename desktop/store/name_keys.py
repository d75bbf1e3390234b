"""Every person's sort key (``Person.name_key``: ``search_text.sort_key`` of her name),
stored beside the name so the lists of people are sorted by the database (ORDER BY
name_key, name, id), not by folding every name in Python first (issue 20, docs/PERFORMANCE.md
round 31).

The model writes the key with every name (``Person.update``/``insert``/``insert_many``);
here it is written for the rows already stored: by migration v19 for a file from before
it, and once more for every row after an update of Afspraak that sorts by another rule
(``search_text.SORT_KEY_RULE``), the rule's number kept in the ``person_keys_made_with``
setting, as the timeline's search words keep their wording's stamp (store/event_search.py).
"""

from __future__ import annotations

import peewee

from desktop.domain import search_text
from desktop.store import setting_values

# The setting that holds the number of the rule the stored keys were made by.
KEYS_RULE = "person_keys_made_with"


def follow_rule(database: peewee.SqliteDatabase) -> int:
    """Make every person's key again when the stored keys were made by another rule than
    this Afspraak's (one query when they were not); returns how many keys changed."""
    if _made_by(database) == search_text.SORT_KEY_RULE:
        return 0
    with database.atomic():
        return fill(database)


def fill(database: peewee.SqliteDatabase) -> int:
    """Write the key of every person whose stored key is not her name's (in the caller's
    transaction), and keep the rule's number; returns how many changed. The names folded as
    one text (``search_text.sort_keys``): 13,000 people in tens of ms."""
    rows = database.execute_sql('SELECT "id", "name", "name_key" FROM "person"').fetchall()
    keys = search_text.sort_keys([name or "" for _id, name, _key in rows])
    changed = [(key, pid) for (pid, _name, stored), key in zip(rows, keys) if key != stored]
    if changed:
        database.cursor().executemany('UPDATE "person" SET "name_key" = ? WHERE "id" = ?', changed)
    setting_values.keep(database, KEYS_RULE, search_text.SORT_KEY_RULE)  # the migrations call this
    return len(changed)


def _made_by(database: peewee.SqliteDatabase) -> int | None:
    """The number of the rule the stored keys were made by (None before any was kept)."""
    return setting_values.stored(database, KEYS_RULE)
