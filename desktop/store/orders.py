"""Custom orders in the store: save, move, message, ship, and the date history.

Every change that touches more than one row runs in one ``db.atomic()``: bad input changes
nothing. The rules themselves live in ``domain/orders.py``; this module only applies them.

Decisions:

- **Date history** is its own table, ``OrderDateChange`` (old date, new date, when, why,
  and the message that told the customer), because the detail pane and the reminders
  need typed dates; every change also leaves an ``order`` event on the timeline.
- **Status changes** are ``status`` events whose ``step`` holds the new status code, so
  "in production since" can be read back without parsing text.
- **Messages** to the customer are ``message`` events (direction ``out``) whose ``step``
  says which message it was (``order_confirmation``, ``order_ready``, ``order_shipped``,
  ``order_delay``, ``order_update``, ``order_cancelled``; ``order_resend``: its parcel got lost or
  came back and it goes out again).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from peewee import JOIN, fn

from desktop.clock import to_local
from desktop.domain import orders as rules
from desktop.domain.shipments import GONE, ShipTo, none_arrived, says_where
from desktop.store import pictures
from desktop.store.db import db, ids_in
from desktop.store.models import (
    PEOPLE_BY_NAME,
    CustomOrder,
    Event,
    OrderDateChange,
    OrderPicture,
    Person,
    Product,
    Shipment,
    ShipmentItem,
    ShopOrder,
    ShopOrderLine,
)

MESSAGE_STEPS = ("order_confirmation", "order_update", "order_delay", "order_ready", "order_resend", "order_shipped",
                 "order_cancelled")


@dataclass(frozen=True)
class Problem:
    """What the store found wrong with an order, as a fact: ``code`` (below) and its values;
    presentation/errors.py words it."""

    code: str
    params: dict = dataclasses.field(default_factory=dict)

    def __str__(self) -> str:
        return self.code


PRODUCT_GONE = "product_gone"  # the chosen product is no longer in the catalogue
CANNOT_MOVE = "cannot_move"  # params old, new: status codes the pipeline does not allow
EMPTY_MESSAGE = "empty_message"
NOT_READY = "not_ready"  # only a ready order can be shipped
NO_CARRIER = "no_carrier"
NOT_A_LINK = "not_a_link"  # a track-and-trace link must start with https://


class OrderInvalid(Exception):
    """Bad input: ``errors`` maps a field name to what is wrong with it: the domain's
    validation already worded (a ``str``), or the store's own ``Problem`` (a fact).
    ``presentation/errors.fields`` gives every one of them in words."""

    def __init__(self, errors: dict[str, str | Problem]):
        super().__init__("; ".join(str(e) for e in errors.values()))
        self.errors = errors


# --- reading --------------------------------------------------------------------------------

def customers() -> list[Person]:
    """Every customer, by name as every list of people sorts (search_text.sort_key), then by id."""
    return list(Person.select().where(Person.is_customer == True).order_by(*PEOPLE_BY_NAME))  # noqa: E712


def products() -> list[Product]:
    return list(Product.select().order_by(fn.lower(Product.name), Product.variant))


def listed(status: str) -> list[CustomOrder]:
    """The orders for the list, with customer and product joined in: "open", "all" or one status code."""
    query = (CustomOrder.select(CustomOrder, Person, Product).join(Person)
             .switch(CustomOrder).join(Product, join_type=JOIN.LEFT_OUTER))
    if status == "open":  # rules.running: a shipped order only with a parcel to follow in Zendingen
        has_parcel = fn.EXISTS(Shipment.select(Shipment.id).where(Shipment.custom_order == CustomOrder.id))
        query = query.where(CustomOrder.status.in_(rules.BEFORE_PARCEL)
                            | ((CustomOrder.status == "shipped") & has_parcel))
    elif status != "all":
        query = query.where(CustomOrder.status == status)
    return list(query)


def is_running(order: CustomOrder) -> bool:
    """Is ``order`` one of the open orders (``rules.running``; ``listed("open")``)?"""
    has_parcel = Shipment.select(Shipment.id).where(Shipment.custom_order == order.id).exists()
    return rules.running(order.status, has_parcel)


def waiting_for_product() -> list[CustomOrder]:
    """The orders not made yet (new, in production, ready) with their customer joined in, the
    first promised first: the ones a product from the catalogue can still go onto."""
    return list(CustomOrder.select(CustomOrder, Person).join(Person)
                .where(CustomOrder.status.in_(["new", "in_production", "ready"])).order_by(CustomOrder.promised_ready))


def any_order() -> bool:
    return CustomOrder.select().exists()


def find(order_id: int | None) -> CustomOrder | None:
    return CustomOrder.get_or_none(CustomOrder.id == order_id) if order_id is not None else None


def pictures_of(order_id: int) -> list[OrderPicture]:
    return list(OrderPicture.select().where(OrderPicture.custom_order == order_id).order_by(OrderPicture.id))


def taken_numbers(except_id: int | None = None) -> set[str]:
    query = CustomOrder.select(CustomOrder.order_number).where(CustomOrder.order_number != "")
    if except_id is not None:
        query = query.where(CustomOrder.id != except_id)
    return {o.order_number for o in query}


def order_events(order_id: int) -> list[Event]:
    return list(Event.select().where(Event.subject_type == "custom_order", Event.subject_id == order_id)
                .order_by(Event.at.desc(), Event.id.desc()))


def date_history(order_id: int) -> list[OrderDateChange]:
    return list(OrderDateChange.select().where(OrderDateChange.custom_order == order_id)
                .order_by(OrderDateChange.changed_at.desc(), OrderDateChange.id.desc()))


def ship_to(order_id: int | None) -> ShipTo | None:
    """Where the parcel of a custom order goes when not to the customer's own address: the
    delivery the owner typed in its form ("Deliver to another address", schema v17: a
    present for somebody else), else the delivery of the shop order it was made from (the
    recipient of a gift, or the buyer at the address she gave for it). None when neither
    says where (an order typed in by hand for the customer herself, or imported before the
    shop's delivery was kept, schema v16): its parcel goes to the customer's address."""
    if order_id is None:
        return None
    return ship_tos([order_id]).get(order_id)


def ship_tos(order_ids) -> dict[int, ShipTo]:
    """``ship_to`` of many custom orders in two queries (Zendingen's list): custom order id ->
    where its parcel goes, for those whose own delivery (typed in the order form) or whose
    shop order says so. The order's own wins: she typed it knowing the shop's."""
    order_ids = [i for i in set(order_ids) if i is not None]
    if not order_ids:
        return {}
    own: dict[int, ShipTo] = {}
    for order_id, *ship in (CustomOrder.select(CustomOrder.id, CustomOrder.ship_name, CustomOrder.ship_street,
                                               CustomOrder.ship_postcode, CustomOrder.ship_city,
                                               CustomOrder.ship_country, CustomOrder.ship_region)
                            .where(CustomOrder.id.in_(ids_in(order_ids)),
                                   (CustomOrder.ship_street != "") | (CustomOrder.ship_postcode != "")
                                   | (CustomOrder.ship_city != "")).tuples()):
        *ship, region = [value or "" for value in ship]
        own[order_id] = ShipTo(*ship, typed=True, region=region)
    order_ids = [i for i in order_ids if i not in own]
    if not order_ids:
        return own
    fields = (ShopOrderLine.custom_order, ShopOrder.ship_name, ShopOrder.ship_street, ShopOrder.ship_postcode,
              ShopOrder.ship_city, ShopOrder.ship_country, ShopOrder.ship_phone, ShopOrder.ship_region)
    found: dict[int, ShipTo | None] = {}
    for order_id, *ship in (ShopOrderLine.select(*fields).join(ShopOrder)
                            .where(ShopOrderLine.custom_order.in_(ids_in(order_ids)))
                            .order_by(ShopOrderLine.id).tuples()):
        if order_id in found:
            continue  # its first line's order, as ever
        *ship, region = [value or "" for value in ship]
        found[order_id] = ShipTo(*ship, region=region) if says_where(*ship[1:5]) else None
    return {**own, **{order_id: ship for order_id, ship in found.items() if ship is not None}}


def card_delivery(person_id: int | None, street: str, postcode: str) -> ShipTo | None:
    """The delivery of the newest shop order of ``person_id`` that went to the address on
    her card (``street``, ``postcode``; case and punctuation not counting): where the import
    took that address from, with the country and state as the shop's file wrote them
    ("United Kingdom", "AK"). Her card keeps only NL, BE or "other" (that field chooses her
    language and the rules of her messages), so this is how the card's address is written
    as its country writes it. None when no order of hers went there."""
    if person_id is None or not (street or "").strip():
        return None
    rows = (ShopOrder.select(ShopOrder.ship_name, ShopOrder.ship_street, ShopOrder.ship_postcode,
                             ShopOrder.ship_city, ShopOrder.ship_country, ShopOrder.ship_phone, ShopOrder.ship_region)
            .where(ShopOrder.person == person_id, ShopOrder.ship_street != "", ShopOrder.ship_country != "")
            .order_by(ShopOrder.ordered_on.desc(), ShopOrder.id.desc()).tuples())
    for *ship, region in rows:
        found = ShipTo(*[value or "" for value in ship], region=region or "")
        if found.same_address(street, postcode):
            return found
    return None


def shipment_of(order_id: int) -> Shipment | None:
    return Shipment.select().where(Shipment.custom_order == order_id).order_by(Shipment.id.desc()).first()


def parcels(order_id: int) -> list[Shipment]:
    """Every parcel of the order (Zendingen's), oldest first: one that got lost or came back
    and the new one sent after it (Maatwerk's pane names them all)."""
    return list(Shipment.select().where(Shipment.custom_order == order_id).order_by(Shipment.id))


def parcel_to_follow(order_id: int) -> Shipment | None:
    """The order's newest parcel that did not get lost or come back: the one a message may
    name the carrier of and quote the tracking link of; None when every parcel of the order
    got lost or came back (a lost parcel's link is never sent to the customer) or it has none."""
    return (Shipment.select().where((Shipment.custom_order == order_id) & Shipment.status.not_in(list(GONE)))
            .order_by(Shipment.id.desc()).first())


def parcel_statuses(order_id: int) -> list[str]:
    """The statuses of every parcel of the order (Zendingen's), oldest first."""
    return [status for (status,) in Shipment.select(Shipment.status).where(Shipment.custom_order == order_id)
            .order_by(Shipment.id).tuples()]


def gone_parcel(order_id: int) -> Shipment | None:
    """The order's last parcel when its parcels all came back or got lost and none is on its
    way or with the customer (``domain/shipments.none_arrived``): the one to send again; else None."""
    if not none_arrived(parcel_statuses(order_id)):
        return None
    return shipment_of(order_id)


def sent_again(order_id: int) -> bool:
    """Is the order's last parcel a new one, after an earlier parcel got lost or came back?"""
    return replaced_parcel(order_id) is not None


def replaced_parcel(order_id: int) -> str | None:
    """When the order's last parcel is a new one (``sent_again``): what happened to the one it
    replaces, the latest that did not arrive ("lost", "returned"); else None."""
    statuses = parcel_statuses(order_id)
    if not (len(statuses) > 1 and not none_arrived(statuses) and none_arrived(statuses[:-1])):
        return None
    return next(status for status in reversed(statuses[:-1]) if status in GONE)


def on_their_way(order_ids) -> set[int]:
    """Of ``order_ids``, the orders with a parcel on its way (sent, not yet delivered, lost or
    returned), in one query (Maatwerk's list: a shipped order past its delivery date)."""
    order_ids = [i for i in set(order_ids) if i is not None]
    if not order_ids:
        return set()
    return {order_id for (order_id,) in Shipment.select(Shipment.custom_order).distinct()
            .where(Shipment.custom_order.in_(ids_in(order_ids)) & (Shipment.status == "sent")).tuples()}


def gone_parcels(order_ids) -> dict[int, str]:
    """``gone_parcel`` for many orders in one query (Maatwerk's list): order id -> the status
    of its last parcel ("returned", "lost"), for the orders whose parcels all did not arrive."""
    order_ids = [i for i in set(order_ids) if i is not None]
    if not order_ids:
        return {}
    found: dict[int, list[str]] = {}
    for order_id, status in (Shipment.select(Shipment.custom_order, Shipment.status)
                             .where(Shipment.custom_order.in_(ids_in(order_ids))).order_by(Shipment.id).tuples()):
        found.setdefault(order_id, []).append(status)
    return {order_id: statuses[-1] for order_id, statuses in found.items() if none_arrived(statuses)}


# --- saving ---------------------------------------------------------------------------------

def _event(now: datetime, person: Person, order: CustomOrder, kind: str, text: str = "", step: str = "",
           channel: str = "", direction: str = "none", fact: str = "", params: dict | None = None) -> Event:
    """An order's event: a message as written (``text``), or the app's own ``fact`` with its
    ``params``, worded when shown (desktop/event_texts.py)."""
    return Event.create(at=now, kind=kind, text=text, fact=fact, params=params or {}, person=person,
                        subject_type="custom_order", subject_id=order.id, step=step, channel=channel,
                        direction=direction)


def _record_date(order: CustomOrder, field: str, old: date | None, new: date | None, reason: str,
                 now: datetime, event: Event | None = None) -> OrderDateChange:
    if event is None:
        event = _event(now, order.person, order, "order", fact="order_date_moved", params={
            "field": field, "old": old.isoformat() if old else None, "new": new.isoformat() if new else None,
            "note": reason})
    return OrderDateChange.create(custom_order=order, field=field, old_date=old, new_date=new,
                                  changed_at=now, reason=reason, event=event)


def _status_event(order: CustomOrder, old: str, new: str, now: datetime) -> Event:
    return _event(now, order.person, order, "status", step=new, fact="order_status",
                  params={"number": order.order_number or "", "old": old, "new": new})


def save_order(form: rules.OrderInput, now: datetime, order_id: int | None = None, person_id: int | None = None,
               add_pictures: list[str] = (), remove_pictures: list[int] = (),
               check: pictures.Check | None = None) -> CustomOrder:
    """Create (``order_id`` None) or update an order and its customer.

    ``person_id`` picks an existing customer (whose details are updated from the form);
    None makes a new one. ``add_pictures`` are files to copy in, each checked whole (and by
    ``check``: ``store.pictures``). Raises ``OrderInvalid``, ``pictures.NotAPicture`` or the
    OSError of a picture's copy that could not be written (nothing changed in each case).
    """
    existing = CustomOrder.get_by_id(order_id) if order_id is not None else None
    previous = _promised(existing)
    clean = _validated(form, previous, order_id, to_local(now).date())  # her calendar day
    copied = _copy_pictures(add_pictures, check)
    try:
        with db.atomic():
            person = _save_customer(clean.values, person_id, now)
            old_status = existing.status if existing else None
            order = _save_order_row(existing, person, clean, now)
            if existing is None:
                _event(now, person, order, "order", fact="order_entered", params={
                    "number": order.order_number or "",
                    "date": order.promised_ready.isoformat() if order.promised_ready else None})
            else:
                _record_changes(order, previous, old_status, clean.values, now)
            removed_files = _update_pictures(order, copied, remove_pictures, now)
    except Exception:
        for rel, _name in copied:
            pictures.remove_file(rel)
        raise
    for rel in removed_files:
        pictures.remove_file(rel)
    return order


def check_order(form: rules.OrderInput, now: datetime, order_id: int | None = None) -> None:
    """Raises ``OrderInvalid`` as ``save_order`` would, and writes nothing: a question about
    a form that is right (a ready date already over) waits until it is."""
    existing = CustomOrder.get_by_id(order_id) if order_id is not None else None
    _validated(form, _promised(existing), order_id, to_local(now).date())


def _promised(existing: CustomOrder | None) -> dict | None:
    """The promised dates and the status saved on an order being edited (None for a new
    one): moving a date needs a reason, and the status moves as ``rules.form_statuses`` allows."""
    if existing is None:
        return None
    return {"promised_ready": existing.promised_ready, "promised_delivery": existing.promised_delivery,
            "status": existing.status}


def _validated(form: rules.OrderInput, previous: dict | None, order_id: int | None, today: date | None = None
               ) -> rules.CleanOrder:
    """The checked form; raises ``OrderInvalid`` with every problem (the product too)."""
    clean, errors = rules.validate(form, previous=previous, taken_numbers=taken_numbers(order_id), today=today)
    if form.product_id is not None and Product.get_or_none(Product.id == form.product_id) is None:
        errors["product"] = Problem(PRODUCT_GONE)
    if errors:
        raise OrderInvalid(errors)
    return clean


def _copy_pictures(sources: list[str], check: pictures.Check | None) -> list[tuple[str, str]]:
    """Copy the pictures in: [(stored path, original name)]. On a file that is not a
    picture (whole), or a copy that cannot be written, removes the ones already copied
    and raises ``pictures.NotAPicture`` or the OSError."""
    copied: list[tuple[str, str]] = []
    try:
        for source in sources:
            copied.append((pictures.import_picture(source, check=check), Path(source).name))
    except (pictures.NotAPicture, OSError):
        for rel, _name in copied:
            pictures.remove_file(rel)
        raise
    return copied


def _save_customer(v: dict, person_id: int | None, now: datetime) -> Person:
    person = Person.get_by_id(person_id) if person_id is not None else Person(created_at=now)
    for key in ("name", "email", "phone", "street", "postcode", "city", "country", "language", "address_form"):
        setattr(person, key, v[key])
    person.is_customer = True
    person.updated_at = now
    person.save()
    return person


def _save_order_row(existing: CustomOrder | None, person: Person, clean: rules.CleanOrder, now: datetime
                    ) -> CustomOrder:
    v = clean.values
    order = existing or CustomOrder(created_at=now)
    order.person = person
    for key in ("order_number", "quantity", "personalisation", "font", "colour", "size", "note", "ordered_on",
                "promised_ready", "promised_delivery", "status", "checklist", *rules.SHIP_FIELDS):
        setattr(order, key, v[key])
    order.product = v["product_id"]
    order.price_cents = clean.price_cents
    order.deposit_cents = clean.deposit_cents
    order.save()
    return order


def _record_changes(order: CustomOrder, previous: dict, old_status: str, v: dict, now: datetime) -> None:
    """The history of an edited order: each promised date that moved, and a new status,
    which its parcel follows as it does a move by the buttons (review of the custom
    orders, finding 2: back to "ready" from the form kept the parcel on its way, and
    shipping again made a second one)."""
    for field in ("promised_ready", "promised_delivery"):
        if previous[field] != v[field]:
            _record_date(order, field, previous[field], v[field], v["change_reason"], now)
    if old_status != order.status:
        _status_event(order, old_status, order.status, now)
        _parcel_follows(order, old_status, order.status, now)


def _update_pictures(order: CustomOrder, copied: list[tuple[str, str]], remove: list[int], now: datetime) -> list[str]:
    """Attach the copied pictures and detach the ``remove`` ones; returns the files to delete
    once the transaction is committed."""
    for rel, name in copied:
        OrderPicture.create(custom_order=order, path=rel, original_name=name, added_at=now)
    removed_files: list[str] = []
    for picture in OrderPicture.select().where(OrderPicture.id.in_(list(remove)), OrderPicture.custom_order == order):
        removed_files.append(picture.path)
        picture.delete_instance()
    return removed_files


def move_status(order_id: int, to: str, now: datetime) -> CustomOrder:
    order = CustomOrder.get_by_id(order_id)
    if not rules.can_move(order.status, to):
        raise OrderInvalid({"status": Problem(CANNOT_MOVE, {"old": order.status, "new": to})})
    with db.atomic():
        old = order.status
        order.status = to
        order.save()
        _status_event(order, old, to, now)
        _parcel_follows(order, old, to, now)
    return order


def _parcel_follows(order: CustomOrder, old: str, to: str, now: datetime) -> None:
    """The order's parcel follows its status (audit 12, F5). Back from "shipped" to "ready"
    (shipped by mistake, with the wrong carrier say): the parcel that is still on its way
    by the record goes, or Zendingen would keep a second parcel for one order; the
    timeline keeps that it was sent and taken back. "Delivered": a parcel on its way is
    delivered now."""
    on_its_way = (Shipment.custom_order == order.id) & (Shipment.status == "sent")
    if old == "shipped" and to == "ready":
        gone = [s.id for s in Shipment.select(Shipment.id).where(on_its_way)]
        if gone:
            ShipmentItem.delete().where(ShipmentItem.shipment.in_(gone)).execute()
            Shipment.delete().where(Shipment.id.in_(gone)).execute()
    elif to == "delivered":
        Shipment.update(status="delivered", delivered_at=now).where(on_its_way).execute()


def parcel_gone(order_id: int, now: datetime) -> bool:
    """A parcel of the order came back or got lost (Zendingen): a shipped or delivered order
    with no other parcel on its way or with the customer is "ready" again, with its status
    event (``rules.status_after_parcel_gone``): Maatwerk offers "Ship again…" and the ship
    task comes due, where it said "Shipped" with "Mark as delivered" as its main button.
    Called inside the parcel's transaction, after its new status is saved; the parcel stays
    as it is. On Edit → Undo with the parcel's step (the order's status is part of it), which
    is refused once the order was shipped again (store/journal.py)."""
    order = CustomOrder.get_or_none(CustomOrder.id == order_id)
    if order is None:
        return False
    to = rules.status_after_parcel_gone(order.status, none_arrived(parcel_statuses(order_id)))
    if to == order.status:
        return False
    old = order.status
    order.status = to
    order.save()
    _status_event(order, old, to, now)
    return True


def parcel_delivered(order_id: int, now: datetime) -> bool:
    """The parcel of a shipped order was delivered or received (Zendingen): the order is
    delivered too, with its status event. Called inside the parcel's transaction; False
    when the order is not "shipped" (moved on, or back, by hand)."""
    order = CustomOrder.get_or_none(CustomOrder.id == order_id)
    if order is None or order.status != "shipped":
        return False
    order.status = "delivered"
    order.save()
    _status_event(order, "shipped", "delivered", now)
    return True


def toggle_checklist(order_id: int, index: int, done: bool) -> None:
    order = CustomOrder.get_by_id(order_id)
    items = list(order.checklist)
    if 0 <= index < len(items):
        items[index] = {**items[index], "done": bool(done)}
        order.checklist = items
        order.save()


def record_message(order_id: int, step: str, channel: str, text: str, now: datetime,
                   new_ready: date | None = None, reason: str = "") -> Event:
    """Log a message sent to the customer. With ``new_ready`` (the delay message), the
    promised ready date moves too (the delivery date keeps its distance), with history;
    ``reason`` is why, as the owner gave it (the dialog words a default one:
    ``presentation/due_texts.delay_reason``)."""
    if step not in MESSAGE_STEPS:
        raise ValueError(step)
    order = CustomOrder.get_by_id(order_id)
    if new_ready is not None:
        problem = rules.validate_new_promise(order.promised_ready, new_ready, to_local(now).date())  # her calendar day
        if problem:
            raise OrderInvalid({"new_date": problem})
    if not text.strip():
        raise OrderInvalid({"text": Problem(EMPTY_MESSAGE)})
    with db.atomic():
        event = _event(now, order.person, order, "message", text.strip(), step=step, channel=channel, direction="out")
        if new_ready is not None:
            why = reason.strip()
            old_ready, old_delivery = order.promised_ready, order.promised_delivery
            order.promised_ready = new_ready
            _record_date(order, "promised_ready", old_ready, new_ready, why, now, event)
            if old_delivery is not None and old_ready is not None:
                order.promised_delivery = old_delivery + (new_ready - old_ready)
                _record_date(order, "promised_delivery", old_delivery, order.promised_delivery, why, now, event)
            order.save()
    return event


@dataclass
class ShipInput:
    carrier: str = "postnl"
    tracking_code: str = ""
    tracking_url: str = ""
    sent_on: date | None = None  # the day it went out, when the owner records it later


def ship_order(order_id: int, ship: ShipInput, now: datetime) -> Shipment:
    """Make the shipment of a finished order and mark the order shipped. Recorded on a later
    day than it went out (``ship.sent_on``), the parcel counts from that day and the
    timeline says so; a day still to come is refused (``OrderInvalid``, nothing changed)."""
    order = CustomOrder.get_by_id(order_id)
    # a ready order, or one none of whose parcels arrived (lost, returned: a new parcel)
    if not rules.can_ship(order.status, none_arrived(parcel_statuses(order_id))):
        raise OrderInvalid({"status": Problem(NOT_READY)})
    from desktop.store.models import CARRIERS

    if ship.carrier not in CARRIERS:
        raise OrderInvalid({"carrier": Problem(NO_CARRIER)})
    from desktop.domain import carriers
    from desktop.domain.shipments import sent_day_problem
    from desktop.store.influencers import local_day, sent_moment

    today = local_day(now)
    sent_on = ship.sent_on if ship.sent_on != today else None
    if sent_on is not None and (problem := sent_day_problem(sent_on, today)):
        raise OrderInvalid({"sent_on": problem})
    sent_at = sent_moment(sent_on, now)

    person = order.person
    # The carrier's page asks the postcode the parcel goes to: the shop's order's (a gift's), else hers.
    delivery = ship_to(order_id)
    postcode, country = (delivery.postcode, delivery.iso_country) if delivery else (person.postcode, person.country)
    url = ship.tracking_url.strip()
    if url:  # a link pasted from the carrier's mail is kept as given
        if not carriers.is_link(url) or any(c.isspace() for c in url):
            raise OrderInvalid({"tracking_url": Problem(NOT_A_LINK)})
        code = carriers.normalise_code(ship.tracking_code) or carriers.code_from_link(url)
    else:  # a code is checked for the carrier and gets the carrier's link
        typed = carriers.read_tracking_input(ship.carrier, ship.tracking_code, postcode, country, person.language)
        if typed.problem:
            raise OrderInvalid({"tracking_code": typed.problem})
        code, url = typed.code, typed.url
    with db.atomic():
        shipment = Shipment.create(
            person=person, custom_order=order, carrier=ship.carrier, tracking_code=code,
            tracking_url=url, status="sent", sent_at=sent_at, value_cents=order.price_cents or 0, created_at=now)
        if order.product_id is not None:
            ShipmentItem.create(shipment=shipment, product=order.product_id, quantity=max(1, order.quantity))
        params = {"number": order.order_number or "", "carrier": ship.carrier}
        if sent_on is not None:
            params["day"] = sent_on.isoformat()
        _event(now, order.person, order, "shipment", fact="order_shipped", params=params)
        old = order.status
        order.status = "shipped"
        order.save()
        if old != "shipped":  # (a shipped order whose parcel did not arrive stays shipped, in a new parcel)
            _status_event(order, old, "shipped", now)
    return shipment


# --- messages to the customer ------------------------------------------------------------

TEMPLATES = {
    "order_confirmation": "order.confirmation",
    "order_update": "order.update",
    "order_delay": "order.delay",
    "order_ready": "order.ready",
    "order_resend": "order.resend",  # "order.resend.returned" for a parcel that came back
    "order_shipped": "order.shipped",
    "order_cancelled": "order.cancelled",
}
# The ladder's step names for the same purposes (a reminder acted on in the tray).
# The news before the promised date is the "on schedule" update (``followup.RULES``); the
# delay with a new date is sent from the order's dialog, as "order_delay".
LADDER_STEPS = {"delay_warning": "order_update", "no_update": "order_update", "late": "order_delay"}


# The ready date the customer last heard, when the owner moved it in the order's form since
# (no message told them): the old date of the first such move after the last message sent
# about the order. A move made by a delay message carries that message as its event.
TOLD_READY = """
    SELECT c.old_date FROM order_date_change c LEFT JOIN event m ON m.id = c.event_id
    WHERE c.custom_order_id = {order} AND c.field = 'promised_ready' AND c.old_date IS NOT NULL
      AND (m.id IS NULL OR m.direction IS NOT 'out')
      AND c.changed_at > COALESCE((SELECT MAX(e.at) FROM event e WHERE e.direction = 'out'
                                   AND e.subject_type = 'custom_order' AND e.subject_id = {order}), '')
    ORDER BY c.changed_at, c.id LIMIT 1"""


def date_told(order_id: int) -> date | None:
    """The ready date the customer was last told, when the order's promised date has since
    moved later without a message to them (the owner changed it in the order's form: review
    26, finding 2); None when what they heard is the date as it stands. News then says the
    date moved: "on schedule, ready on the 17th, as promised" would be news to them."""
    order = CustomOrder.get_by_id(order_id)
    found = db.execute_sql(TOLD_READY.format(order="?"), [order_id, order_id]).fetchone()
    told = date.fromisoformat(str(found[0])[:10]) if found and found[0] else None
    if told is None or order.promised_ready is None or told >= order.promised_ready:
        return None
    return told


def delays_sent(order_id: int) -> int:
    """How many messages about this order told the customer it would be later than they
    had heard (the delay with a new date, from the dialog or the ladder's "late" step),
    whatever came between: the next such news says it is late again."""
    steps = [step for step, purpose in {**LADDER_STEPS, **{s: s for s in TEMPLATES}}.items() if purpose == "order_delay"]
    return (Event.select().where(Event.subject_type == "custom_order", Event.subject_id == order_id,
                                 Event.direction == "out", Event.step.in_(steps)).count())


@dataclass(frozen=True)
class Shown:
    """An order as a dialog about it showed it when it opened: its status and promised day,
    the newest message sent about it and its newest parcel (ids). The message and ship
    dialogs stay open beside everything else (the tray's, Vandaag's, Maatwerk's); the same
    order shipped or its message marked sent elsewhere meanwhile is no longer as shown."""

    status: str
    promised_ready: date | None
    message: int | None
    parcel: int | None


@dataclass(frozen=True)
class ChangedSince:
    """What happened to an order since a dialog showed it (:func:`changed_since`): ``what``
    is "shipped" (a new parcel), "message" (a message marked sent: its ``step``), "changed"
    (its status or promised day: ``status`` is the new one) or "gone" (deleted); ``at`` when."""

    what: str
    at: datetime | None = None
    step: str = ""
    status: str = ""


def as_shown(order_id: int) -> Shown | None:
    """The order as a dialog opened now shows it; None when it is gone."""
    order = CustomOrder.get_or_none(CustomOrder.id == order_id)
    if order is None:
        return None
    message = (Event.select(Event.id).where(Event.subject_type == "custom_order", Event.subject_id == order_id,
                                            Event.kind == "message", Event.direction == "out")
               .order_by(Event.id.desc()).scalar())
    parcel = Shipment.select(Shipment.id).where(Shipment.custom_order == order_id).order_by(Shipment.id.desc()).scalar()
    return Shown(order.status, order.promised_ready, message, parcel)


def changed_since(order_id: int, shown: Shown | None) -> ChangedSince | None:
    """None when the order is still as ``shown``; else what happened since, the weightiest
    first: a parcel made, then a message marked sent, then any other change of status or date."""
    now = as_shown(order_id)
    if now == shown:
        return None
    if now is None:
        return ChangedSince("gone")
    if _newer(now.parcel, shown and shown.parcel):
        parcel = Shipment.get_by_id(now.parcel)
        return ChangedSince("shipped", parcel.created_at, status=now.status)
    if _newer(now.message, shown and shown.message):
        event = Event.get_by_id(now.message)
        return ChangedSince("message", event.at, step=event.step, status=now.status)
    return ChangedSince("changed", status=now.status)


def _newer(now: int | None, shown: int | None) -> bool:
    """A row made since (ids grow); one taken back by Edit → Undo is no news of its own."""
    return now is not None and (shown is None or now > shown)


def last_purpose(order_id: int) -> str:
    """What the last message sent about this order was (``order_delay``...), or ''."""
    return last_purposes(order_id)[0]


def last_purposes(order_id: int) -> tuple[str, int]:
    """What the last message sent about this order was (``order_delay``...; '' for none),
    and how many messages in a row ended with that purpose: the wording alternates over them
    (a second "on schedule" takes the other wording, a third the first again)."""
    steps = (Event.select(Event.step).where(Event.subject_type == "custom_order", Event.subject_id == order_id,
                                            Event.direction == "out")
             .order_by(Event.at.desc(), Event.id.desc()).tuples())
    last, run = "", 0
    for (step,) in steps:
        purpose = LADDER_STEPS.get(step, step)
        if run and purpose != last:
            break
        last, run = purpose, run + 1
    return last, run
