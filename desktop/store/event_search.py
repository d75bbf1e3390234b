"""The full-text index on event text (``event_fts``, created by migration v2, over
``event.text`` and ``event.words`` since v9).

``event_fts`` is an external-content FTS5 table: it holds only the index; the text stays
in ``event``. ``text`` is what a person wrote (or an old text no migration recognised);
``words`` is an app event's sentence in every language (desktop/event_texts.py), so a
search finds it by the words shown in either language and a switch needs no re-index.
Triggers keep it in step, so ordinary code never touches it. Three things here need to
know it exists:

- ``match_expression``: turns what the owner typed into a safe FTS5 query.
- ``compact``: after erasing personal data, merges the index so the deleted words are
  gone from its pages too (SQLite 3.40 has no FTS5 ``secure-delete`` yet; with
  ``PRAGMA secure_delete`` the freed pages are overwritten).
- ``insert_events_bulk``: loads many events at once (synthetic data for tests and
  benchmarks) and indexes them in one pass instead of row by row.
- ``rewrite_words``: the stored words of the app's events made again where they read
  otherwise now (a catalog or a fact's wording changed since they were stored), once per
  wording (its stamp kept in the ``event_words_made_with`` setting).
"""

from __future__ import annotations

import json
import re
from typing import Iterable, Iterator, Sequence

import peewee

from desktop.store import setting_values

FTS_TABLE = "event_fts"
INSERT_TRIGGER = "event_fts_ai"

_WORD = re.compile(r"\w+", re.UNICODE)

EVENT_COLUMNS = ("at", "kind", "channel", "direction", "text", "person_id", "subject_type", "subject_id", "step")


_wording = None  # (fact, params) -> the fact's sentence in every language


def use_wording(words) -> None:
    """The presentation layer hands in how a fact reads (presentation/event_texts.py,
    installed when it is imported): the store keeps facts, and words only as an index."""
    global _wording
    _wording = words


def search_words(fact: str, params) -> str:
    """The index words of an app event's ``fact``; raises when no wording was handed in,
    so an event can never be stored unsearchable without anybody noticing."""
    if not fact:
        return ""
    if _wording is None:
        raise RuntimeError("no event wording installed: import desktop.presentation.event_texts first")
    return _wording(fact, params)


# The setting that holds the stamp of the wording the stored words were made with.
WORDS_STAMP = "event_words_made_with"
REWRITE_CHUNK = 2000


def rewrite_words(database: peewee.SqliteDatabase, stamp: str, chunk: int = REWRITE_CHUNK) -> Iterator[int]:
    """Make the stored words of the app's events again where they read otherwise now: the
    words are written when an event is stored (``Event.save``), so a catalog that renamed a
    label ("Andere vervoerder" no longer in a parcel's line) left the old words findable.
    Nothing happens when the words were last made with ``stamp`` (the wording's, from
    presentation/event_texts.wording_stamp); else the events are compared ``chunk`` at a
    time, each chunk's changes written in one transaction, yielding how many changed (the
    caller lets the window breathe in between); the stamp is kept once all are done, so a
    rewrite cut short is taken up again at the next start."""
    if _made_with(database) == stamp:
        return
    if _wording is None:
        raise RuntimeError("no event wording installed: import desktop.presentation.event_texts first")
    last = 0
    while True:
        rows = database.execute_sql(
            'SELECT id, fact, params, words FROM "event" WHERE id > ? AND fact != \'\' ORDER BY id LIMIT ?',
            (last, chunk)).fetchall()
        if not rows:
            break
        changed = []
        for event_id, fact, params, words in rows:
            made = _wording(fact, json.loads(params) if params else {})
            if made != words:
                changed.append((made, event_id))
        if changed:
            with database.atomic():
                database.cursor().executemany('UPDATE "event" SET "words" = ? WHERE id = ?', changed)
        last = rows[-1][0]
        yield len(changed)
    # the settings import the models, which import this module
    setting_values.keep(database, WORDS_STAMP, stamp)


def _made_with(database: peewee.SqliteDatabase) -> str:
    """The stamp of the wording the stored words were made with ("" before any was kept)."""
    return setting_values.stored(database, WORDS_STAMP) or ""


def match_expression(text: str) -> str:
    """An FTS5 MATCH expression for search-as-you-type: every word, as a prefix.

    "Pakketje bin" -> '"pakketje"* AND "bin"*'. Punctuation is dropped (the tokenizer
    would drop it anyway), so nothing the owner types can break the query syntax.
    Returns "" when nothing searchable is left.
    """
    words = _WORD.findall(text or "")
    return " AND ".join('"{}"*'.format(w.replace('"', '""')) for w in words)


def compact(database: peewee.SqliteDatabase) -> None:
    """Merge the search index into one segment, dropping every deleted entry."""
    database.execute_sql(f'INSERT INTO "{FTS_TABLE}"("{FTS_TABLE}") VALUES (\'optimize\')')


def indexed_count(database: peewee.SqliteDatabase) -> int:
    """How many rows the search index holds (for tests of erasure and rebuilds)."""
    return database.execute_sql(f'SELECT count(*) FROM "{FTS_TABLE}_docsize"').fetchone()[0]


def index_contains(database: peewee.SqliteDatabase, word: str) -> bool:
    """Whether ``word`` still occurs anywhere in the index (not only in live rows)."""
    database.execute_sql(
        f'CREATE VIRTUAL TABLE IF NOT EXISTS temp."{FTS_TABLE}_vocab" USING fts5vocab(main, "{FTS_TABLE}", row)')
    row = database.execute_sql(f'SELECT 1 FROM temp."{FTS_TABLE}_vocab" WHERE term = ?', (word.lower(),)).fetchone()
    return row is not None


def insert_events_bulk(database: peewee.SqliteDatabase, rows: Iterable[Sequence]) -> int:
    """Insert events (tuples in ``EVENT_COLUMNS`` order) in one transaction; returns the count.

    The per-row index trigger is set aside for the load and the new rows are indexed in
    one statement afterwards (about twice as fast for 250,000 events); the trigger is put
    back from its own stored definition, so this never drifts from the migration.
    """
    placeholders = ", ".join("?" for _ in EVENT_COLUMNS)
    columns = ", ".join(f'"{c}"' for c in EVENT_COLUMNS)
    with database.atomic():
        trigger_sql = database.execute_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (INSERT_TRIGGER,)).fetchone()[0]
        before = database.execute_sql('SELECT coalesce(max(id), 0) FROM "event"').fetchone()[0]
        database.execute_sql(f'DROP TRIGGER "{INSERT_TRIGGER}"')
        cursor = database.cursor()
        cursor.executemany(f'INSERT INTO "event" ({columns}) VALUES ({placeholders})', rows)
        database.execute_sql(
            f'INSERT INTO "{FTS_TABLE}"(rowid, text, words) SELECT id, text, words FROM "event" WHERE id > ?',
            (before,))
        database.execute_sql(trigger_sql)
        after = database.execute_sql('SELECT coalesce(max(id), 0) FROM "event"').fetchone()[0]
    return after - before
