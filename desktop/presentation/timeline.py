"""The timeline: which events match a filter, newest first, a page at a time.

Pure Python over the store (no Qt, no clock: "today" and the time zone come in as
arguments). Pages use keyset paging on (at, id), so page 1,000 costs what page 1 costs;
nothing ever loads every row. Text search goes through the ``event_fts`` index
(``store.event_search``) and also matches person names.

Query plans (250,000 events, see ``views/timeline_model.benchmark``): every filter has an
index that serves "newest first". A search that matches many events walks the filter's
index and probes the match set; one that matches few sorts just those.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Iterator, NamedTuple

from babel import Locale

from desktop import clock, i18n
from desktop.presentation import event_texts
from desktop.i18n import _
from desktop.domain import search_text
from desktop.store import event_search
from desktop.store.db import data_token, db

# A search matching more events than this walks an index in time order instead of
# sorting all matches (measured: both stay under ~15 ms at 250,000 events).
MANY_MATCHES = 2000
PAGE = 200


@dataclass(frozen=True)
class TimelineFilter:
    """What the owner narrowed the timeline to; None or "" means "any"."""

    person_id: int | None = None
    kind: str = ""
    channel: str | None = None  # "" is a real code: events without a channel
    direction: str = ""
    start: datetime | None = None  # naive UTC, inclusive
    end: datetime | None = None  # naive UTC, exclusive
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return self == TimelineFilter()


class EventLine(NamedTuple):
    """One event as the timeline shows it (plain values, no model objects)."""

    id: int
    at: datetime  # naive UTC
    kind: str
    channel: str
    direction: str
    text: str  # as shown: an app event's fact in the current language, else the text as written
    person_id: int | None
    person_name: str
    subject_type: str
    subject_id: int | None
    at_key: str  # ``at`` exactly as stored: the paging cursor
    what: str = ""  # the "What" column: the kind's label, or the fact's own words (event_texts.what)


_SELECT = (
    'SELECT e.id, e.at, e.kind, e.channel, e.direction, e.text, e.person_id, p.name, e.subject_type, e.subject_id, '
    'e.fact, e.params '
    'FROM "event" AS e {hint} LEFT JOIN "person" AS p ON p.id = e.person_id'
)


def _stored(moment: datetime) -> str:
    """A naive UTC moment in the form the store keeps (peewee's str(datetime))."""
    return str(moment.replace(tzinfo=None))


# Everyone's name and handles folded as the search compares them (domain/search_text), with
# the data token they were read at: read again only once something was written.
_people_folded: tuple = (None, ())


def _folded_people() -> tuple[tuple[int, str], ...]:
    global _people_folded
    token = data_token()
    if token is not None and _people_folded[0] == token:
        return _people_folded[1]
    handles: dict[int, list[str]] = {}
    for person_id, handle in db.execute_sql('SELECT person_id, name FROM "handle"'):
        handles.setdefault(person_id, []).append(handle)
    found = tuple((person_id, search_text.fold(" ".join([name or "", *handles.get(person_id, ())])))
                  for person_id, name in db.execute_sql('SELECT id, name FROM "person"'))
    _people_folded = (token, found)
    return found


def _person_ids_named(text: str) -> list[int]:
    """The people whose name or handle holds what was typed, folded as every list's search
    ("anais" finds Anaïs, "@juul" her handle "juul.maakt", "dhondt" D’Hondt)."""
    needle = search_text.needle(text)
    if len(needle) < 2:
        return []
    return [person_id for person_id, folded in _folded_people() if needle in folded]


def _where(f: TimelineFilter) -> tuple[list[str], list, str]:
    """SQL conditions, their parameters, and an index hint ("" = let SQLite choose)."""
    conditions: list[str] = []
    params: list = []
    if f.person_id is not None:
        conditions.append("e.person_id = ?")
        params.append(f.person_id)
    if f.kind:
        conditions.append("e.kind = ?")
        params.append(f.kind)
    if f.channel is not None:
        conditions.append("e.channel = ?")
        params.append(f.channel)
    if f.direction:
        conditions.append("e.direction = ?")
        params.append(f.direction)
    if f.start is not None:
        conditions.append("e.at >= ?")
        params.append(_stored(f.start))
    if f.end is not None:
        conditions.append("e.at < ?")
        params.append(_stored(f.end))
    hint = ""
    expression = event_search.match_expression(f.text)
    if expression:
        people = _person_ids_named(f.text) if f.person_id is None else []
        search = f"e.id IN (SELECT rowid FROM {event_search.FTS_TABLE} WHERE {event_search.FTS_TABLE} MATCH ?)"
        params.append(expression)
        if people:
            search = "({search} OR e.person_id IN ({marks}))".format(search=search, marks=", ".join("?" for _ in people))
            params.extend(people)
        conditions.append(search)
        matches = _match_count(expression) + (MANY_MATCHES if people else 0)
        if f.person_id is not None:
            hint = 'INDEXED BY "event_person_id_at"'
        elif matches > MANY_MATCHES:
            if f.kind:
                hint = 'INDEXED BY "event_kind_at"'
            elif f.channel is not None:
                hint = 'INDEXED BY "event_channel_at"'
            elif f.direction:
                hint = 'INDEXED BY "event_direction_at"'
            else:
                hint = 'INDEXED BY "event_at"'
    return conditions, params, hint


@lru_cache(maxsize=64)
def _match_count(expression: str) -> int:
    """How many events the search matches; only steers the plan, so a stale value is harmless."""
    sql = f"SELECT count(*) FROM {event_search.FTS_TABLE} WHERE {event_search.FTS_TABLE} MATCH ?"
    return db.execute_sql(sql, (expression,)).fetchone()[0]


def _line(row) -> EventLine:
    event_id, at, kind, channel, direction, text, person_id, name, subject_type, subject_id, fact, params = row
    if fact:  # the app's own event, worded in the reader's language (desktop/event_texts.py)
        text = event_texts.render(fact, json.loads(params or "{}"), text, name or "")
    return EventLine(event_id, datetime.fromisoformat(at), kind, channel, direction, text, person_id, name or "",
                     subject_type, subject_id, at, event_texts.what(kind, fact))


def fetch_page(f: TimelineFilter, after: EventLine | None = None, limit: int = PAGE) -> list[EventLine]:
    """The next ``limit`` events matching ``f``, newest first, after ``after`` (None: from the top)."""
    conditions, params, hint = _where(f)
    if after is not None:
        conditions.append("(e.at, e.id) < (?, ?)")
        params.extend([after.at_key, after.id])
    sql = _SELECT.format(hint=hint)
    if conditions:
        sql += " WHERE " + " AND ".join(conditions)
    sql += " ORDER BY e.at DESC, e.id DESC LIMIT ?"
    params.append(int(limit))
    return [_line(row) for row in db.execute_sql(sql, params)]


def count(f: TimelineFilter) -> int:
    """How many events match ``f``."""
    conditions, params, _hint = _where(f)
    sql = 'SELECT count(*) FROM "event" AS e'
    if conditions:
        sql += " WHERE " + " AND ".join(conditions)
    return db.execute_sql(sql, params).fetchone()[0]


def iter_events(f: TimelineFilter, batch: int = 2000) -> Iterator[EventLine]:
    """Every event matching ``f``, newest first, fetched a batch at a time (for exports)."""
    after = None
    while True:
        page = fetch_page(f, after, batch)
        yield from page
        if len(page) < batch:
            return
        after = page[-1]


# --- days and time zones ---------------------------------------------------------------

def to_local(moment: datetime, tz: tzinfo | None = None) -> datetime:
    """A stored naive-UTC moment in ``tz`` (None: the owner's zone, desktop/clock.py)."""
    return moment.replace(tzinfo=timezone.utc).astimezone(tz if tz is not None else clock.owner().tz)


def local_day_bounds(first: date | None, last: date | None, tz: tzinfo | None = None) -> tuple[datetime | None, datetime | None]:
    """Local calendar days ``first``..``last`` (inclusive) as naive UTC [start, end); a day at
    the very start or end of the calendar, whose midnight has no UTC moment, is no bound."""

    def utc_midnight(day: date) -> datetime | None:
        try:
            local = datetime.combine(day, time(), tzinfo=tz if tz is not None else clock.owner().tz)
            return local.astimezone(timezone.utc).replace(tzinfo=None)
        except OverflowError:
            return None

    start = utc_midnight(first) if first else None
    end = utc_midnight(last + timedelta(days=1)) if last and last < date.max else None
    return start, end


def day_heading(day: date, today: date, locale: Locale | None = None) -> str:
    """ "Vandaag", "Gisteren", "Maandag 16 november" (and the year when it is not this year)."""
    if day == today:
        return _("Today")
    if day == today - timedelta(days=1):
        return _("Yesterday")
    if day == today + timedelta(days=1):
        return _("Tomorrow")
    text = i18n.weekday_date(day, today, locale)  # the year only when it is not today's
    return text[:1].upper() + text[1:]


def subject_target(subject_type: str, subject_id: int | None, person_id: int | None) -> tuple[str, int] | None:
    """Which main view shows an event's subject, and which row: ("shipments", 12), ...

    Collaborations (and their deliverables and content) live with the influencer;
    an event about nobody in particular has no target.
    """
    from desktop.store.models import Collaboration, Content, CustomOrder, Deliverable, Person, Shipment

    def collaboration_person(collaboration_id):
        c = Collaboration.get_or_none(Collaboration.id == collaboration_id)
        return ("influencers", c.person_id) if c else None

    if subject_type == "shipment" and Shipment.get_or_none(Shipment.id == subject_id):
        return ("shipments", subject_id)
    if subject_type == "custom_order" and CustomOrder.get_or_none(CustomOrder.id == subject_id):
        return ("orders", subject_id)
    if subject_type == "collaboration":
        found = collaboration_person(subject_id)
        if found:
            return found
    if subject_type == "deliverable":
        d = Deliverable.get_or_none(Deliverable.id == subject_id)
        if d:
            return collaboration_person(d.collaboration_id)
    if subject_type == "content":
        c = Content.get_or_none(Content.id == subject_id)
        if c:
            return collaboration_person(c.collaboration_id)
    person = Person.get_or_none(Person.id == person_id) if person_id else None
    if person is None:
        return None
    if person.is_influencer:
        return ("influencers", person.id)
    order = person.orders.order_by(CustomOrder.created_at.desc()).first()
    return ("orders", order.id) if order else None
