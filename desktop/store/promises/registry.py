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


@dataclass
class Scan:
    """One load of the ladder's input: the moment, the settings, whom it is for, and what
    the kinds' loaders found.

    ``chase`` is for promises an influencer makes (a blocked person's status silences
    them; an incoming contact after ``bound`` stops them); ``keep`` for the shop's own
    promises, which neither silences."""

    now: datetime
    settings: LadderSettings
    person_id: int | None
    due_only: bool
    earliest: dict[str, timedelta]  # per rule, its earliest step (followup.min_offsets)
    chased: list[Promise] = field(default_factory=list)
    own: list[Promise] = field(default_factory=list)
    since: dict[int, datetime] = field(default_factory=dict)

    @property
    def horizon(self) -> datetime:
        return self.now + HORIZON

    def latest_reference(self, rule: str) -> datetime:
        """The latest reference moment of a promise of ``rule`` worth loading."""
        # the week ahead: a parcel whose check-in falls in it; other promises by their reference
        week = self.horizon - self.earliest[rule] if rule == "shipment" else self.horizon
        # due_only: its earliest step by now (never more than the week's plan would load,
        # even with step times set before the deadline)
        return min(self.now - self.earliest[rule], week) if self.due_only else week

    def chase(self, promise: Promise, bound: datetime) -> None:
        self.chased.append(promise)
        if promise.person_id not in self.since or bound < self.since[promise.person_id]:
            self.since[promise.person_id] = bound

    def keep(self, promise: Promise) -> None:
        self.own.append(promise)


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


__all__ = ["ACTIVE_COLLABS", "HORIZON", "Kind", "KINDS", "Scan", "as_date", "as_moment", "ids_in", "register", "rows"]
