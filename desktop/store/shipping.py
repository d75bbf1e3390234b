"""Shipments in the store: create one from a drop (with its collaboration and timeline
event, in one transaction), move it along, undo it, and give a custom order its product.

Every function here is one transaction; the views only call them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from desktop import clock
from desktop.domain import collaborations as rules_collab
from desktop.domain import shipments as rules
from desktop.store import orders
from desktop.store.db import db, ids_in
from desktop.store.influencers import current_terms, end_of_day_utc, local_day, sent_moment
from desktop.store.models import (AgreementVersion, Collaboration, CollaborationProduct, CustomOrder, Deliverable, Event, Person,
                                  Product, Shipment, ShipmentItem)

if TYPE_CHECKING:
    from desktop.domain.followup import LadderSettings


@dataclass
class NewShipment:
    person_id: int
    items: list[tuple[int, int]]  # (product id, quantity)
    carrier: str = "postnl"
    tracking_code: str = ""
    tracking_url: str = ""
    shipping_cents: int = 0
    collaboration_id: int | None = None  # None: a new proposed collaboration
    collaboration_title: str = ""  # the new one's title as worded for the owner; "" = the products' titles
    sent: bool = False  # already handed to the carrier
    sent_on: date | None = None  # the day it was, when that was before today (None: now)
    address: rules.Address | None = None  # typed in the dialog: saved to the person with the parcel


ADDRESS_FIELDS = ("street", "postcode", "city", "country")


@dataclass
class Created:
    shipment_id: int
    event_id: int
    new_collaboration_id: int | None
    previous_address: dict | None = None  # the person's address before this parcel changed it


def open_collaborations(person_id: int) -> list[Collaboration]:
    """Her collaborations a new parcel may belong to (``domain/shipments.takes_a_new_parcel``):
    not shipped yet, or shipped with every parcel returned or lost; the newest first."""
    found = list(Collaboration.select()
                 .where(Collaboration.person == person_id,
                        Collaboration.status.in_([*rules.OPEN_COLLAB_STATUSES, "shipped"]))
                 .order_by(Collaboration.created_at.desc()))
    statuses = defaultdict(list)
    for collab_id, status in (Shipment.select(Shipment.collaboration, Shipment.status)
                              .where(Shipment.collaboration.in_([c.id for c in found])).tuples()):
        statuses[collab_id].append(status)
    return [c for c in found if rules.takes_a_new_parcel(c.status, statuses[c.id])]


def collaboration_for_parcel(found: list[Collaboration], product_ids: list[int]) -> int | None:
    """Which of her ``open_collaborations`` a new parcel of ``product_ids`` starts on
    (``domain/shipments.collaboration_for_parcel``); None when she has none."""
    gifts = defaultdict(set)
    for cid, product in (CollaborationProduct.select(CollaborationProduct.collaboration, CollaborationProduct.product)
                         .where(CollaborationProduct.collaboration.in_([c.id for c in found]),
                                CollaborationProduct.product.is_null(False)).tuples()):
        gifts[cid].add(product)
    return rules.collaboration_for_parcel([(c.id, c.status, gifts[c.id]) for c in found], product_ids)


def parcel_gifts(collaboration_id: int) -> list[rules_collab.Gift]:
    """What the parcels of a collaboration hold (packed or out to her; not those returned or
    lost), each product once with how many in all, in the order packed, worth its catalogue
    price: the gift of a collaboration a drop made, which names none of its own (the
    agreement in writing says what she receives; writing down what she promised starts from it)."""
    found: dict[int, rules_collab.Gift] = {}
    query = (ShipmentItem.select(Product.id, Product.name, Product.variant, Product.price_cents, ShipmentItem.quantity)
             .join(Shipment).switch(ShipmentItem).join(Product)
             .where((Shipment.collaboration == collaboration_id) & Shipment.status.not_in(list(rules.GONE)))
             .order_by(Shipment.id, ShipmentItem.id).tuples())
    for product_id, name, variant, price, quantity in query:
        quantity = max(1, quantity or 1)
        if product_id in found:
            before = found[product_id]
            found[product_id] = rules_collab.Gift(before.name, before.quantity + quantity, before.value_cents, product_id)
        else:
            found[product_id] = rules_collab.Gift(title_of(name, variant), quantity, price, product_id)
    return list(found.values())


def product_title(product: Product) -> str:
    return title_of(product.name, product.variant)


def title_of(name: str, variant: str | None) -> str:
    """A product's title from its name and variant (for rows read as tuples)."""
    return " ".join(x for x in (name, variant and f"({variant})") if x)


def items_fact(items: list[tuple[Product, int]]) -> list[list]:
    """[[title, quantity]]: a shipment's products as an event keeps them (desktop/event_texts.py)."""
    return [[product_title(p), q] for p, q in items]


def create_shipment(new: NewShipment, now: datetime) -> Created:
    if not new.items:
        raise ValueError("a shipment needs at least one product")
    if new.address is not None and not new.address.empty and not new.address.complete:
        raise ValueError("an address needs a street, a postcode and a city")
    with db.atomic():
        person = Person.get_by_id(new.person_id)
        previous_address = None
        if new.address is not None and not new.address.empty:
            before = {f: getattr(person, f) for f in ADDRESS_FIELDS}
            after = {f: getattr(new.address, f) for f in ADDRESS_FIELDS}
            if after != before:
                previous_address = before
                Person.update(**after).where(Person.id == person.id).execute()
                person = Person.get_by_id(person.id)
        products = {p.id: p for p in Product.select().where(Product.id.in_([i for i, _q in new.items]))}
        items = [(products[i], q) for i, q in new.items]
        created_collab = None
        if new.collaboration_id is None:
            created_collab = Collaboration.create(
                person=person, status="proposed", created_at=now,
                title=new.collaboration_title or ", ".join(product_title(p) for p, _q in items))
            collab = created_collab
        else:
            collab = Collaboration.get_by_id(new.collaboration_id)
        sent_at = sent_moment(new.sent_on, now) if new.sent else None
        shipment = Shipment.create(
            person=person, collaboration=collab, carrier=new.carrier, tracking_code=new.tracking_code,
            tracking_url=new.tracking_url, status="sent" if new.sent else "ready",
            sent_at=sent_at, shipping_cents=new.shipping_cents,
            value_cents=rules.value_cents([(p.price_cents, q) for p, q in items]), created_at=now)
        for product, quantity in items:
            ShipmentItem.create(shipment=shipment, product=product, quantity=quantity)
        if new.sent:
            _give_time_again(collab, shipment, sent_at, now)
            collab.status = rules.collaboration_status_after("send", collab.status)
            collab.save()
            fact, params = "shipment_sent", _sent_params(new.carrier, items_fact(items), sent_at, now)
        else:
            fact, params = "shipment_ready", {"items": items_fact(items)}
        # No direction: a parcel is no message (a line's direction is who spoke; migration v18).
        event = Event.create(at=now, kind="shipment", direction="none", fact=fact, params=params, person=person,
                             subject_type="shipment", subject_id=shipment.id)
    return Created(shipment.id, event.id, created_collab.id if created_collab else None, previous_address)


def undo_shipment(created: Created) -> None:
    """Take back a shipment made by a drop: the shipment, its event, and a collaboration made for it."""
    with db.atomic():
        if created.previous_address is not None:  # the address typed with the parcel goes with it
            person_id = Shipment.select(Shipment.person).where(Shipment.id == created.shipment_id).scalar()
            Person.update(**created.previous_address).where(Person.id == person_id).execute()
        Event.delete().where(Event.id == created.event_id).execute()
        Event.delete().where(Event.subject_type == "shipment", Event.subject_id == created.shipment_id).execute()
        ShipmentItem.delete().where(ShipmentItem.shipment == created.shipment_id).execute()
        Shipment.delete().where(Shipment.id == created.shipment_id).execute()
        if created.new_collaboration_id is not None:
            Collaboration.delete().where(Collaboration.id == created.new_collaboration_id).execute()


_ACTION_FACTS = {"send": "shipment_sent", "deliver": "shipment_delivered", "confirm": "shipment_confirmed",
                 "return": "shipment_returned", "lose": "shipment_lost"}


def _event_fact(action: str, shipment: Shipment) -> tuple[str, dict]:
    params = {"items": items_fact([(i.product, i.quantity) for i in shipment.items])}
    if action in ("send", "deliver", "lose"):
        params["carrier"] = shipment.carrier
    return _ACTION_FACTS.get(action, "shipment_returned"), params


def _sent_params(carrier: str, items: list[list], sent_at: datetime, now: datetime) -> dict:
    """The "shipment sent" event's facts; the day it went out when that was not today."""
    params = {"carrier": carrier, "items": items}
    if local_day(sent_at) != local_day(now):
        params["day"] = local_day(sent_at).isoformat()
    return params


def _give_time_again(collab: Collaboration, shipment: Shipment, sent_at: datetime, now: datetime) -> None:
    """``shipment`` goes out to ``collab``: when every earlier parcel of it came back or got
    lost, its open deadlines move on by the days since the last of those was sent
    (``domain/shipments.deadline_after_resend``); when it is the collaboration's first
    parcel and goes out late, her open deadlines move on together so that she keeps the days
    she would have had before the first one after its arrival (``late_gift_shift``). An event
    says so; the ladder starts afresh from the new deadlines (its steps are keyed by the
    deadline). ``sent_at``: when it went out; ``now``: when that is recorded."""
    earlier = list(Shipment.select(Shipment.status, Shipment.sent_at)
                   .where(Shipment.collaboration == collab.id, Shipment.id != shipment.id).tuples())
    resent = local_day(sent_at)
    if not earlier:
        if collab.status != rules.GIFT_PENDING_STATUS:
            return
        _after_late_gift(collab, now, resent, resent + timedelta(days=rules.TRANSIT_DAYS), why="late_gift")
        return
    if rules.chased((status for status, _sent in earlier), collab_status=collab.status):
        return  # one of them is with her, or the gift reached her by hand since
    sent_days = [local_day(sent_at) for _status, sent_at in earlier if sent_at is not None]
    if not sent_days:
        return
    gone_sent = max(sent_days)
    _move_deadlines(collab, now, resent, lambda day: rules.deadline_after_resend(day, gone_sent, resent), gone_sent)


def gift_handed_over(collaboration_id: int, now: datetime, given_on: date | None = None) -> None:
    """The gift of an agreed collaboration reached her another way than a parcel (handed
    over at a market, say) at ``now``: the collaboration moves on to "received", so her
    deliverables are chased from now on (they waited for the gift), and her deadlines move on
    as for a late parcel, the gift having reached her that day (``late_gift_shift``):
    ``given_on``, when recorded on a later day, else today. Given in place of parcels that
    came back or got lost (``shipments.handed_over_again``: the replacement packed, then
    handed over), her deadlines move on as for a new parcel sent that day
    (``deadline_after_resend``), and the ladder starts afresh from them."""
    collab = Collaboration.get_or_none(Collaboration.id == collaboration_id)
    if collab is None:
        return
    given = given_on or local_day(now)
    parcels = list(Shipment.select(Shipment.status, Shipment.sent_at)
                   .where(Shipment.collaboration == collab.id).tuples())
    if rules.handed_over_again(collab.status, (status for status, _sent in parcels)):
        # In place of the parcels that came back or got lost (a replacement packed, then given
        # by hand): as after a new parcel that reached her, from the day she got it. Left
        # "shipped", every parcel gone, her promises stayed on hold for good.
        sent_days = [local_day(sent) for _status, sent in parcels if sent is not None]
        if sent_days:
            gone_sent = max(sent_days)
            _move_deadlines(collab, now, given, lambda day: rules.deadline_after_resend(day, gone_sent, given),
                            gone_sent, why="handed_again")
    elif collab.status == rules.GIFT_PENDING_STATUS:
        _after_late_gift(collab, now, given, given, why="handed_over")
    else:
        return
    collab.status = "received"
    collab.save()


def withdraw_packed(collaboration_id: int, now: datetime) -> list[int]:
    """The parcels packed for a collaboration and never handed to the carrier ("ready"),
    taken out of Zendingen at ``now`` because its gift reached her without them ("Done
    without a parcel…" on the task to send it, ``due.dismiss``): left packed, a parcel went
    on showing as ready to send in Zendingen and her pane, held back her deliverables
    (``shipments.chased``) and came back as a task to send it. The parcel and its items go;
    the timeline keeps what it held (``shipment_withdrawn``, beside the line of its packing).
    The caller's transaction holds it, so Edit → Undo brings the parcel back with the rest.
    Returns the ids of the parcels taken out."""
    parcels = list(Shipment.select().where((Shipment.collaboration == collaboration_id)
                                           & (Shipment.status == rules.PACKED)).order_by(Shipment.id))
    with db.atomic():
        for parcel in parcels:
            items = [(item.product, item.quantity) for item in
                     ShipmentItem.select().where(ShipmentItem.shipment == parcel.id).order_by(ShipmentItem.id)]
            Event.create(at=now, kind="shipment", direction="none", fact="shipment_withdrawn",
                         params={"items": items_fact(items)}, person=parcel.person_id,
                         subject_type="shipment", subject_id=parcel.id)
            ShipmentItem.delete().where(ShipmentItem.shipment == parcel.id).execute()
            Shipment.delete().where(Shipment.id == parcel.id).execute()
    return [parcel.id for parcel in parcels]


def _open_deadlines(collab: Collaboration):
    return (Deliverable.select().where(Deliverable.collaboration == collab.id, Deliverable.delivered_at.is_null(),
                                       Deliverable.deadline.is_null(False))
            .order_by(Deliverable.deadline, Deliverable.id))


def _after_late_gift(collab: Collaboration, now: datetime, gone: date, arrives: date, why: str) -> None:
    """The gift of ``collab`` went out on ``gone`` and reaches her on ``arrives``: her open
    deadlines move on together as far as her first one needs (``late_gift_shift``)."""
    first = _open_deadlines(collab).first()
    if first is None:
        return
    agreed = local_day(collab.agreed_at or collab.created_at)
    shift = timedelta(days=rules.late_gift_shift(local_day(first.deadline), agreed, arrives))
    _move_deadlines(collab, now, gone, lambda day: day + shift, agreed, why=why)


def _move_deadlines(collab: Collaboration, now: datetime, resent, move, since, why: str = "resent") -> None:
    """Move the open deadlines of ``collab`` by ``move`` (a day to its new day), with one
    event naming the new dates, the days between ``since`` and ``resent`` and ``why``."""
    moved, before = [], []
    open_ones = list(_open_deadlines(collab))
    old_terms = current_terms(collab) if open_ones and rules_collab.is_agreed(collab.status) else None
    days = [local_day(d.deadline) for d in open_ones]
    shop = clock.owner()
    for deliverable, day, new_day in zip(open_ones, days,
                                         rules.moved_deadlines(days, move, shop.country, shop.skip_weekends)):
        if new_day != day:
            deliverable.deadline = end_of_day_utc(new_day)
            deliverable.save()
            moved.append(new_day.isoformat())
            before.append(day.isoformat())
    if moved:
        Event.create(at=now, kind="agreement", direction="none", fact="deadlines_moved",
                     params={"title": collab.title, "days": (resent - since).days, "dates": moved, "before": before,
                             "why": why},
                     person=collab.person_id, subject_type="collaboration", subject_id=collab.id)
        changes = rules_collab.diff(old_terms, current_terms(collab)) if old_terms is not None else {}
        if changes:
            # Her agreement changed: kept among its versions, to confirm with her (the
            # timeline's event above says why; the version carries no typed reason).
            AgreementVersion.create(collaboration=collab.id, changed_at=now, requested_by="shop", reason="",
                                    confirmed=False, changes=changes)


def advance(shipment_id: int, action: str, now: datetime, sent_on: date | None = None) -> Shipment:
    """send / deliver / confirm / return / lose: the new status, its moment, the
    collaboration (and its deadlines when the parcel goes out again), an event.
    ``sent_on``: the day a parcel went out, when "send" is recorded on a later day."""
    with db.atomic():
        shipment = Shipment.get_by_id(shipment_id)
        shipment.status = rules.next_status(action, shipment.status)
        if action == "send":
            sent_at = sent_moment(sent_on, now)
            if shipment.collaboration_id is not None:
                _give_time_again(shipment.collaboration, shipment, sent_at, now)
            shipment.sent_at = sent_at
        elif action == "deliver":
            shipment.delivered_at = now
        elif action == "confirm":
            shipment.received_at = now
        shipment.save()
        if shipment.custom_order_id is not None and action in ("deliver", "confirm"):
            orders.parcel_delivered(shipment.custom_order_id, now)  # Maatwerk follows its parcel
        collab = shipment.collaboration
        if collab is not None:
            status = rules.collaboration_status_after(action, collab.status)
            if status != collab.status:
                collab.status = status
                collab.save()
        fact, params = _event_fact(action, shipment)
        if action == "send":
            params = _sent_params(params["carrier"], params["items"], shipment.sent_at, now)
        Event.create(at=now, kind="shipment", direction="in" if action == "confirm" else "none",
                     fact=fact, params=params, person=shipment.person,
                     subject_type="shipment", subject_id=shipment.id)
        if shipment.custom_order_id is not None and action in ("return", "lose"):
            # its order back at "ready", to ship again (after the parcel's line: the timeline reads cause, then effect)
            orders.parcel_gone(shipment.custom_order_id, now)
    return shipment


def replaced_parcel(shipment_id: int) -> str | None:
    """When a parcel to an influencer is a new one, sent because every earlier parcel of its
    collaboration got lost or came back: what happened to the one it replaces, the latest of
    them ("lost", "returned"; ``domain/shipments.replaced``); else None (her first parcel, one
    sent beside another that reached her, a parcel of no collaboration, a parcel sent after
    the gift reached her by hand). A custom order's counterpart: ``store/orders.replaced_parcel``."""
    parcel = Shipment.get_or_none(Shipment.id == shipment_id)
    if parcel is None or parcel.collaboration_id is None:
        return None
    earlier = [status for (status,) in Shipment.select(Shipment.status)
               .where((Shipment.collaboration == parcel.collaboration_id) & (Shipment.id < parcel.id))
               .order_by(Shipment.id).tuples()]
    collab_status = Collaboration.select(Collaboration.status).where(
        Collaboration.id == parcel.collaboration_id).scalar()
    return rules.replaced(earlier, collab_status)


def awaiting_receipt(now: datetime, ladder: LadderSettings, busy_days: Mapping[int, Iterable[date]]) -> list[Shipment]:
    """Sent parcels nobody confirmed as received by the morning they are asked about
    (``followup.checkin_due``: ``checkin_days`` of the owner's calendar days after sending,
    the next free morning when the shop wrote to her that day: :func:`checkins_moved`, with
    ``busy_days`` as ``store/due.busy_days`` gives them)."""
    from desktop.domain import followup  # the ladder's rules: not loaded with every parcel step

    moved = checkins_moved(ladder, busy_days)
    query = Shipment.select().where(Shipment.status.in_(list(rules.AWAITING_RECEIPT)), Shipment.sent_at.is_null(False))
    return [s for s in query
            if rules.awaiting_receipt(s.status, moved.get(s.id) or followup.checkin_due(s.sent_at, ladder), now)]


# The longest run of days off (Sundays, holidays, skipped Saturdays) a check-in moves over: a
# parcel sent this long before its check-in days plus the first day the shop wrote to somebody
# cannot be asked about on such a day.
_DAYS_OFF_RUN = timedelta(days=7)


def checkins_moved(ladder: LadderSettings, busy_days: Mapping[int, Iterable[date]]) -> dict[int, datetime]:
    """The parcels on their way or delivered whose "received?" moment her busy days move, as
    Vandaag's check-in moves (``followup.checkin_due`` with ``busy_days``, per person the days
    the shop wrote to her: ``store/due.busy_days``): shipment id -> that moment. The shop wrote
    to her on the morning the check-in was due: the marker waits for the next free morning with
    the task (review: it came a day before it). Only parcels sent recently enough for their
    check-in day to be one of those days are read; every other one keeps ``checkin_due`` of its
    sending alone, the same for every parcel of a day (20,000 parcels: one small query)."""
    from desktop.domain import followup

    busy = {pid: frozenset(days) for pid, days in busy_days.items() if days}
    if not busy:
        return {}
    first = min(min(days) for days in busy.values())
    since = datetime.combine(first, datetime.min.time()) - timedelta(days=ladder.checkin_days) - _DAYS_OFF_RUN
    query = (Shipment.select(Shipment.id, Shipment.person, Shipment.sent_at)
             .where(Shipment.status.in_(list(rules.AWAITING_RECEIPT)), Shipment.sent_at >= since,
                    Shipment.person.in_(ids_in(list(busy)))))
    found = {}
    for sid, pid, sent_at in query.tuples():
        moment = followup.checkin_due(sent_at, ladder, busy[pid])
        if moment != followup.checkin_due(sent_at, ladder):
            found[sid] = moment
    return found


@dataclass
class OrderProductChange:
    order_id: int
    previous_product_id: int | None
    event_id: int


def set_order_product(order_id: int, product_id: int, now: datetime) -> OrderProductChange:
    """Give a custom order its product (a drop from the catalogue), with a timeline event."""
    with db.atomic():
        order = CustomOrder.get_by_id(order_id)
        product = Product.get_by_id(product_id)
        previous = order.product_id
        order.product = product
        order.save()
        event = Event.create(at=now, kind="order", fact="order_product",
                             params={"number": order.order_number, "product": product_title(product)},
                             person=order.person, subject_type="custom_order", subject_id=order.id)
    return OrderProductChange(order_id, previous, event.id)


def undo_order_product(change: OrderProductChange) -> None:
    with db.atomic():
        CustomOrder.update(product=change.previous_product_id).where(CustomOrder.id == change.order_id).execute()
        Event.delete().where(Event.id == change.event_id).execute()


def shipment_pages(statuses: tuple[str, ...] | None = None, first: int = 100, size: int = 1000
                   ) -> Iterator[tuple[list[tuple], dict[int, list[str]]]]:
    """The Zendingen list in pages: (id, recipient, carrier, tracking code, tracking url,
    sent at, status, street, postcode, city, gift for) per shipment, with only ``statuses``
    when given, and each shipment's products as "name (variant)". The address is where the
    parcel goes (``domain/shipments.parcel_address``): for a custom order's parcel the
    delivery of the shop's order it was made from (a gift's recipient), else the person's;
    "gift for" is the name of a gift's recipient when the shop's order names someone other
    than the person (the buyer), else "".

    The order is the list's: open parcels whose recipient has no address first (few: they
    are read with the first page), then every other one newest first (created, then id).
    The first page holds ``first`` shipments besides those; then the ids of the rest are
    read in order (one query, an empty page: sorting 20,000 shipments is a turn's work of
    its own), and each later page of ``size`` by its ids (passed as one JSON text, no
    1,000 values to bind). Each page is read when asked for: the list reads one per
    event-loop turn, as 20,000 shipments at once kept it from the screen for 0.4 s
    (docs/PERFORMANCE.md, fix 34). Read as stored, not model objects (fix 15); only
    ``sent_at`` is parsed, by ``datetime.fromisoformat``."""
    which = None
    if statuses:
        which = Shipment.status.in_(list(statuses)) if len(statuses) > 1 else Shipment.status == statuses[0]
    # The last column, the custom order, is read to find where its parcel goes (addressed_to).
    columns = (Shipment.id, Person.name, Shipment.carrier, Shipment.tracking_code, Shipment.tracking_url,
               Shipment.sent_at, Shipment.status, Person.street, Person.postcode, Person.city, Shipment.custom_order)
    newest_first = (Shipment.created_at.desc(), Shipment.id.desc())
    parse = datetime.fromisoformat

    def addressed_to(rows) -> list[tuple]:
        """The rows with the address of the custom order's shop order where it says where
        (a gift: its buyer's card was read; review of the ship-to: flagged "no address" by
        the buyer's card while the order named the recipient's); without the custom order."""
        ships = orders.ship_tos([row[10] for row in rows if row[10] is not None])
        if not ships:
            return [(*row[:10], "") for row in rows]
        out = []
        for row in rows:
            ship = ships.get(row[10])
            gift_for = ship.name.strip() if ship is not None and not ship.is_for(row[1]) else ""
            out.append((*row[:7], *rules.parcel_address(ship, *row[7:10]), gift_for))
        return out

    def shipments(ids) -> list[tuple]:
        query = Shipment.select(*columns).join(Person).where(Shipment.id.in_(ids)).order_by(*newest_first)
        return addressed_to([(sid, name, carrier, code, url, None if sent_at is None else parse(sent_at), *rest)
                             for sid, name, carrier, code, url, sent_at, *rest in db.execute_sql(*query.sql())])

    def products_of(ids) -> dict[int, list[str]]:
        found = defaultdict(list)
        query = (ShipmentItem.select(ShipmentItem.shipment, Product.name, Product.variant).join(Product)
                 .where(ShipmentItem.shipment.in_(ids)).order_by(ShipmentItem.id))
        for shipment_id, name, variant in db.execute_sql(*query.sql()):
            found[shipment_id].append(" ".join(x for x in (name, variant and f"({variant})") if x))
        return found

    def ordered(limit: int | None = None, offset: int = 0):
        query = Shipment.select(Shipment.id).order_by(*newest_first)
        if which is not None:
            query = query.where(which)
        if limit is not None or offset:
            query = query.limit(-1 if limit is None else limit).offset(offset)  # -1: no limit
        return query

    # 1. Open parcels whose recipient has no address, then the first page without them.
    open_statuses = [s for s in rules.NEEDS_ADDRESS if not statuses or s in statuses]
    lacking = set()
    if open_statuses:
        query = Shipment.select(*columns).join(Person).where(Shipment.status.in_(open_statuses))
        lacking = {row[0] for row in addressed_to(list(db.execute_sql(*query.sql())))
                   if rules.missing_address(row[6], row[7], row[8], row[9])}
    page = [sid for (sid,) in db.execute_sql(*ordered(first).sql())]
    ids = [*lacking, *(sid for sid in page if sid not in lacking)]
    if ids:
        rows = shipments(ids_in(ids))  # newest first
        rows.sort(key=lambda row: row[0] not in lacking)  # stable: what cannot go out first
        yield rows, products_of(ids_in(ids))
    if len(page) < first:
        return
    # 2. The rest, in order: their ids at once, then a page of rows at a time.
    rest = [sid for (sid,) in db.execute_sql(*ordered(offset=first).sql()) if sid not in lacking]
    yield [], {}
    for start in range(0, len(rest), size):
        ids = rest[start:start + size]
        yield shipments(ids_in(ids)), products_of(ids_in(ids))
