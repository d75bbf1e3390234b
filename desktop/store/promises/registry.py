"""The registry of promise kinds, and what a kind's loader is handed (:class:`Scan`).

A kind of promise (something somebody owes somebody) is one module in this package: its
loader (the open promises of that kind, read with Peewee's query builder or constant SQL
with bound parameters), the rule it hands them to (``domain.followup.RULES``, or a pure
module such as ``domain.order_reminders``), the facts a message needs about one of them,
and the facts its title needs; it registers itself with :func:`register`. ``store/due.py``
iterates :data:`KINDS`; the words for a kind's title live in ``presentation/due_texts.py``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from peewee import SQL

from desktop.domain.followup import DueItem, DuePart, LadderSettings, Promise
from desktop.store.db import db

ACTIVE_COLLABS = ("agreed", "shipped", "received", "posted")
HORIZON = timedelta(days=8)  # upcoming items this far ahead ("deze week")


def rows(query) -> list[tuple]:
    """The rows of a Peewee query as SQLite gives them: the scan reads thousands of rows,
    and Peewee's conversion of every value costs more than the query (moments stay text,
    read with :func:`as_moment`)."""
    return db.execute_sql(*query.sql()).fetchall()


def ids_in(ids: Iterable[int]) -> SQL:
    """For ``field.in_(...)``: any number of ids as ONE bound parameter (a JSON list read by
    ``json_each``), so the SQL stays the same text however many there are."""
    return SQL("(SELECT value FROM json_each(?))", (json.dumps(sorted(set(ids))),))


def as_moment(value) -> datetime | None:
    """A DATETIME column's value (text as stored, or already converted) as a datetime."""
    if value.__class__ is str:  # as stored: "2026-11-23 09:30:00", or "2026-11-23" for a DATE column
        return datetime.fromisoformat(value)
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def as_date(value):
    """A DATE column (text or date) as a date."""
    if value is None:
        return None
    return value if not isinstance(value, str) else datetime.fromisoformat(value[:10]).date()


def moved(moment: datetime, by: timedelta) -> datetime | None:
    """``moment + by`` as a bound of the moments a promise is worth loading at; None (no
    bound) past the calendar's first or last day: a date at its end is loaded at every
    moment, as the windows themselves load it."""
    try:
        return moment + by
    except OverflowError:
        return None


@dataclass
class Scan:
    """One load of the ladder's input: the moment, the settings, whom it is for, and what
    the kinds' loaders found.

    ``chase`` is for promises an influencer makes (a blocked person's status silences
    them; an incoming contact after ``bound`` stops them); ``keep`` for the shop's own
    promises, which neither silences.

    With a ``span``, one load serves every moment from ``now`` to ``now + span`` while
    nothing is written (store/due.py keeps it): the loaders read with their windows
    widened to the whole span, and give each promise the moments it is worth loading at
    (``valid_from``, ``valid_until``: what their windows say of it); ``at(moment)`` is
    then what a load at that moment would have found. The loaders' SQL compares the stored
    text of a moment, ``at`` compares datetimes: the same order for the text the store
    writes (``str(datetime)``, or a date alone)."""

    now: datetime
    settings: LadderSettings
    person_id: int | None
    due_only: bool
    earliest: dict[str, timedelta]  # per rule, its earliest step (followup.min_offsets)
    span: timedelta = timedelta(0)
    # (promise, bound for a chased one (None: the shop's own), valid from, valid until)
    found: list[tuple[Promise, datetime | None, datetime | None, datetime | None]] = field(default_factory=list)

    @property
    def last(self) -> datetime:
        """The last moment of the span."""
        return self.now + self.span

    def ahead(self, rule: str) -> timedelta:
        """How far past a moment the reference of a promise of ``rule`` may lie to be worth
        loading at it: the week ahead (a parcel: whose check-in falls in it), or with
        ``due_only`` its earliest step by then (never more than the week's plan would load,
        even with step times set before the deadline)."""
        week = HORIZON - self.earliest[rule] if rule == "shipment" else HORIZON
        return min(-self.earliest[rule], week) if self.due_only else week

    def latest_reference(self, rule: str) -> datetime:
        """The latest reference moment of a promise of ``rule`` worth loading (in the span)."""
        return self.last + self.ahead(rule)

    def chase(self, promise: Promise, bound: datetime, valid_from: datetime | None = None,
              valid_until: datetime | None = None) -> None:
        self.found.append((promise, bound, valid_from, valid_until))

    def keep(self, promise: Promise, valid_from: datetime | None = None, valid_until: datetime | None = None) -> None:
        self.found.append((promise, None, valid_from, valid_until))

    def at(self, moment: datetime) -> tuple[list[Promise], list[Promise], dict[int, datetime]]:
        """The chased and the shop's own promises worth loading at ``moment`` (in the
        span), and per person the earliest ``bound`` of her chased ones."""
        chased, own, since = [], [], {}
        for promise, bound, valid_from, valid_until in self.found:
            if (valid_from is not None and moment < valid_from) or (valid_until is not None and moment > valid_until):
                continue
            if bound is None:
                own.append(promise)
                continue
            chased.append(promise)
            if promise.person_id not in since or bound < since[promise.person_id]:
                since[promise.person_id] = bound
        return chased, own, since


@dataclass(frozen=True)
class Kind:
    """One kind of promise, as ``followup.Rule.kind`` names it (``DueItem.kind``)."""

    name: str
    load: Callable[[Scan], None]  # adds the open promises of this kind to the scan
    details: Callable[[DuePart], dict]  # what the templates need about one part (items shown only)
    # The facts the titles of these items need, read in one query, keyed by ``subject_of(item)``.
    subject_facts: Callable[[list[DueItem]], dict[int, tuple]]
    subject_of: Callable[[DueItem], int] = lambda item: item.subject_id


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    """Add (or replace) a kind; the order of registration is the order of loading."""
    KINDS[kind.name] = kind
    return kind


__all__ = ["ACTIVE_COLLABS", "HORIZON", "Kind", "KINDS", "Scan", "as_date", "as_moment", "ids_in", "moved", "register",
           "rows"]
