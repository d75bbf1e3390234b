"""Small read-only look-ups the views need: a person by id, everyone's names, an event.

Views run no SQL (docs/ARCHITECTURE.md); the one-line questions they ask of the database
live here, each named after the answer, so a view reads ``lookups.person(42)`` and never a
query. Longer reads belong to the module of what they read (``store/orders.py`` ...).
"""

from __future__ import annotations

from peewee import fn

from desktop.store.models import CustomOrder, Event, Person, Shipment


def person(person_id: int | None) -> Person | None:
    return Person.get_or_none(Person.id == person_id) if person_id is not None else None


def person_names() -> list[tuple[int, str]]:
    """(id, name) of everyone, by name (case-insensitive), then by id for equal names."""
    return list(Person.select(Person.id, Person.name).order_by(fn.lower(Person.name), Person.id).tuples())


def event(event_id: int | None) -> Event | None:
    return Event.get_or_none(Event.id == event_id) if event_id is not None else None


def any_event() -> bool:
    return Event.select().exists()


_OWNED_BY_A_PERSON = {"orders": CustomOrder, "shipments": Shipment, "timeline": Event}


def person_behind(view_key: str, row_id: int | None) -> int | None:
    """The person a row of a list is about: the influencer, the order's customer, the parcel's
    receiver, the event's person; None when the row is gone or is about nobody."""
    if row_id is None:
        return None
    if view_key == "influencers":
        return row_id if Person.select().where(Person.id == row_id).exists() else None
    model = _OWNED_BY_A_PERSON.get(view_key)
    if model is None:
        return None
    row = model.select(model.person).where(model.id == row_id).first()
    return row.person_id if row is not None else None
