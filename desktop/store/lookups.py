"""Small read-only look-ups the views need: a person by id, everyone's names, an event.

Views run no SQL (docs/ARCHITECTURE.md); the one-line questions they ask of the database
live here, each named after the answer, so a view reads ``lookups.person(42)`` and never a
query. Longer reads belong to the module of what they read (``store/orders.py`` ...).
"""

from __future__ import annotations

from typing import NamedTuple

from peewee import JOIN, fn

from desktop.store import db as _db
from desktop.store.models import (
    PEOPLE_BY_NAME,
    AgreementVersion,
    Collaboration,
    Content,
    CustomOrder,
    Deliverable,
    Event,
    Handle,
    Person,
    Product,
    Rating,
    Shipment,
    ShopOrder,
)


def person(person_id: int | None) -> Person | None:
    return Person.get_or_none(Person.id == person_id) if person_id is not None else None


def people_like(name: str, email: str, other_than: int | None = None) -> list[Person]:
    """The people who may be the one typed (``domain/people.may_be_the_same``): the same
    e-mail address, or the same name where the addresses do not tell them apart. Compared
    in Python (SQLite's LOWER knows no "Ö"), over plain tuples: a save reads 13,000 in ms."""
    from desktop.domain import people

    if not people.email_key(email) and not people.name_key(name):
        return []
    query = Person.select(Person.id, Person.name, Person.email)
    ids = [pid for pid, other_name, other_email in query.tuples()
           if pid != other_than and people.may_be_the_same(name, email, other_name, other_email)]
    return list(Person.select().where(Person.id.in_(ids)).order_by(Person.id)) if ids else []


def anyone() -> bool:
    """Is there anybody at all (an influencer, a customer) a note could be about?"""
    return Person.select().exists()


def person_names() -> list[tuple[int, str]]:
    """(id, name) of everyone, by name as every list of people sorts (search_text.sort_key:
    case and accents do not count, "@juul" among the J's), then by id for equal names:
    by the key stored beside each name (Person.name_key)."""
    return list(Person.select(Person.id, Person.name).order_by(*PEOPLE_BY_NAME).tuples())


class PersonEntry(NamedTuple):
    """One line of everyone the data holds (the privacy menu's list)."""

    id: int
    name: str
    email: str
    influencer: bool
    orders: int  # custom orders and the shop's own orders together
    name_key: str = ""  # how the lists sort her name (Person.name_key: search_text.sort_key)


def everyone() -> list[PersonEntry]:
    """Every person the data holds, influencers and customers alike (also the customers
    an orders import brought, whom no list shows), by name: the privacy menu asks "who?"
    of all of them."""
    custom = CustomOrder.select(fn.COUNT(CustomOrder.id)).where(CustomOrder.person == Person.id)
    shop = ShopOrder.select(fn.COUNT(ShopOrder.id)).where(ShopOrder.person == Person.id)
    rows = Person.select(Person.id, Person.name, Person.email, Person.is_influencer,
                         custom.alias("custom"), shop.alias("shop"), Person.name_key).tuples()
    entries = [PersonEntry(pid, name, email or "", bool(influencer), (c or 0) + (s or 0), key)
               for pid, name, email, influencer, c, s, key in rows]
    return sorted(entries, key=lambda e: (e.name_key, e.email.casefold(), e.id))


def handles_of(person_id: int) -> list[Handle]:
    """A person's handles, in the order they were added."""
    return list(Handle.select().where(Handle.person == person_id).order_by(Handle.id))


def influencers() -> list[Person]:
    """Everyone marked as an influencer, by name (search_text.sort_key), then by id."""
    return list(Person.select().where(Person.is_influencer == True).order_by(*PEOPLE_BY_NAME))  # noqa: E712


def event(event_id: int | None) -> Event | None:
    return Event.get_or_none(Event.id == event_id) if event_id is not None else None


def any_event() -> bool:
    return Event.select().exists()


def recent_events(person_id: int, limit: int) -> list[Event]:
    """A person's latest events, newest first."""
    return list(Event.select().where(Event.person == person_id).order_by(Event.at.desc(), Event.id.desc())
                .limit(limit))


def deadlines_moved_by(collaboration_id: int, moment) -> str:
    """Why Afspraak moved the deadlines of a collaboration at ``moment`` ("late_gift",
    "resent", "handed_over"; "" when it did not): its "deadlines moved" event's own word."""
    event = (Event.select().where(Event.fact == "deadlines_moved", Event.at == moment,
                                  Event.subject_type == "collaboration", Event.subject_id == collaboration_id)
             .order_by(Event.id.desc()).first())
    return str((event.params or {}).get("why", "")) if event is not None else ""


def agreement_changed_at(moment) -> bool:
    """Was a change to an agreement recorded at ``moment`` (deadlines Afspraak moved become one)?"""
    return AgreementVersion.select().where(AgreementVersion.changed_at == moment).exists()


def deadlines_moved_at(moment) -> list[Event]:
    """The "deadlines moved" events written at ``moment`` (a parcel sent late, or resent:
    the view that sent it says so at once, not only on the timeline)."""
    return list(Event.select().where(Event.fact == "deadlines_moved", Event.at == moment).order_by(Event.id))


def collaboration(collaboration_id: int | None) -> Collaboration | None:
    if collaboration_id is None:
        return None
    return Collaboration.get_or_none(Collaboration.id == collaboration_id)


def collaborations_of(person_id: int) -> list[Collaboration]:
    """A person's collaborations, newest first."""
    return list(Collaboration.select().where(Collaboration.person == person_id)
                .order_by(Collaboration.created_at.desc(), Collaboration.id.desc()))


def deliverable(deliverable_id: int | None) -> Deliverable | None:
    return Deliverable.get_or_none(Deliverable.id == deliverable_id) if deliverable_id is not None else None


def deliverables_of(collaboration_id: int) -> list[Deliverable]:
    """A collaboration's deliverables in the order they were added."""
    return list(Deliverable.select().where(Deliverable.collaboration == collaboration_id).order_by(Deliverable.id))


def deliverables_by_deadline(collaboration_id: int) -> list[Deliverable]:
    """A collaboration's deliverables, the first deadline first (none yet: first of all)."""
    return list(Deliverable.select().where(Deliverable.collaboration == collaboration_id)
                .order_by(Deliverable.deadline, Deliverable.id))


def content(content_id: int | None) -> Content | None:
    """A content record with its collaboration and deliverable read along (its title and its
    person need them)."""
    if content_id is None:
        return None
    return (Content.select(Content, Collaboration, Deliverable).join(Collaboration).switch(Content)
            .join(Deliverable, JOIN.LEFT_OUTER).where(Content.id == content_id).first())


def rating_of(collaboration_id: int) -> Rating | None:
    """The owner's rating of a collaboration (there is at most one)."""
    return Rating.get_or_none(Rating.collaboration == collaboration_id)


def deliverables_logged(collaboration_id: int) -> list[tuple[Deliverable, int]]:
    """A collaboration's deliverables by deadline, each with how many pieces of content are logged."""
    logged = fn.COUNT(Content.id).alias("logged")
    query = (Deliverable.select(Deliverable, logged)
             .join(Content, JOIN.LEFT_OUTER, on=(Content.deliverable == Deliverable.id))
             .where(Deliverable.collaboration == collaboration_id)
             .group_by(Deliverable.id).order_by(Deliverable.deadline, Deliverable.id))
    return [(d, d.logged) for d in query]


def shipment(shipment_id: int | None) -> Shipment | None:
    return Shipment.get_or_none(Shipment.id == shipment_id) if shipment_id is not None else None


def parcel_statuses(collaboration_id: int) -> list[str]:
    """The statuses of a collaboration's parcels."""
    return [status for (status,) in Shipment.select(Shipment.status)
            .where(Shipment.collaboration == collaboration_id).tuples()]


def any_shipment() -> bool:
    return Shipment.select().exists()


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


def latest_event_person() -> int | None:
    """The person of the newest event that is about someone (the timeline benchmark's filter)."""
    row = Event.select(Event.person).where(Event.person.is_null(False)).order_by(Event.id.desc()).first()
    return row.person_id if row is not None else None


def product(product_id: int | None) -> Product | None:
    return Product.get_or_none(Product.id == product_id) if product_id is not None else None


def products(product_ids: list[int]) -> list[Product]:
    """The products with these ids that still exist, in one query (in the store's order)."""
    return list(Product.select().where(Product.id.in_(list(product_ids))))


def database_open() -> bool:
    """Is a database bound and open (not during a restore or after closing)?"""
    return _db.db.obj is not None and not _db.db.is_closed()


def data_token():
    """A token of the database's content (``db.data_token``): the same one again means
    nothing was written in between; None inside a transaction."""
    return _db.data_token()


def writing_in_steps() -> bool:
    """Is a transaction open that hands the event loop turns (another write must wait)?"""
    return _db.writing_in_steps()
