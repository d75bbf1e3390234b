"""Custom orders: the shop's own promise of a ready date to a customer.

Open: status ``new`` or ``in_production``, ``ready``, which still owes its shipping, and
``shipped``, whose parcel is to be looked after (or sent again when it got lost or came back).
Rules: ``domain/order_reminders.py`` (news before the promised date, an update after days
of silence during production, late news once the promised day is over, the task to ship
a finished order, to send it again, and to check its parcel arrived). A blocked customer's
order is still followed: the promise is the shop's."""

from __future__ import annotations

import json
from datetime import timedelta

from desktop.domain import order_reminders, shipments
from desktop.domain.followup import DueItem, DuePart
from desktop.domain.orders import personalisation_summary
from desktop.store.db import db
from desktop.store.models import CustomOrder, Shipment
from desktop.store.orders import TOLD_READY, gone_parcel
from desktop.store.promises.registry import HORIZON, Kind, Scan, as_date, as_moment, ids_in, moved, register, rows

# ready: still to ship (order_reminders.ship_promises); shipped: its parcel to look after
OPEN_ORDERS = ("new", "in_production", "ready", "shipped")
# The orders whose parcels matter to their promises: to send again, or to look after.
WITH_PARCELS = ("ready", "shipped")


# The scan's query (constant SQL, bound parameters): each open order with the last news
# sent about it, the moment it went into production (else its creation), and the ready date
# the customer last heard when the owner moved it since without telling them. A shipped order
# only with a parcel in Afspraak (the custom-order index of shipment): the many an import of the
# shop's export brought in as sent, with no parcel to follow, are not read at every scan.
_OPEN = f"""
    SELECT o.id, o.promised_ready, o.status, o.person_id, o.order_number,
           (SELECT MAX(e.at) FROM event e WHERE e.direction = 'out'
            AND e.subject_type = 'custom_order' AND e.subject_id = o.id),
           COALESCE((SELECT MAX(e.at) FROM event e WHERE e.kind = 'status' AND e.step = 'in_production'
                     AND e.subject_type = 'custom_order' AND e.subject_id = o.id),
                    o.created_at),
           o.promised_delivery,
           (SELECT MAX(e.at) FROM event e WHERE e.kind = 'status' AND e.step = 'ready'
            AND e.subject_type = 'custom_order' AND e.subject_id = o.id),
           ({TOLD_READY.format(order="o.id")})
    FROM custom_order o
    WHERE o.status IN (SELECT value FROM json_each(?))
      AND (o.status != 'shipped' OR EXISTS (SELECT 1 FROM shipment s WHERE s.custom_order_id = o.id))"""
_OPEN_OF_ONE = _OPEN + " AND o.person_id = ?"
# The parcels of those orders (oldest first), each with the moment it was marked lost or
# returned (its timeline line: Shipment keeps no such moment).
_PARCELS = """
    SELECT s.custom_order_id, s.id, s.status, s.sent_at,
           (SELECT MAX(e.at) FROM event e WHERE e.subject_type = 'shipment' AND e.subject_id = s.id
            AND e.fact IN ('shipment_lost', 'shipment_returned'))
    FROM shipment s WHERE s.custom_order_id IN (SELECT value FROM json_each(?)) ORDER BY s.id"""


def _parcel_facts(order_ids: list[int]) -> dict[int, dict]:
    """Per order, what its promises need of its parcels (``OrderFacts``' ``parcel_gone``,
    ``gone_at``, ``parcel_id``, ``shipped_at``): the last that got lost or came back when none
    arrived (``shipments.none_arrived``), else its newest parcel on its way."""
    if not order_ids:
        return {}
    found: dict[int, list[tuple]] = {}
    for oid, sid, status, sent_at, gone_at in db.execute_sql(_PARCELS, [json.dumps(sorted(order_ids))]).fetchall():
        found.setdefault(oid, []).append((sid, status, sent_at, gone_at))
    facts = {}
    for oid, parcels in found.items():
        statuses = [status for _sid, status, _sent, _gone in parcels]
        if shipments.none_arrived(statuses):
            gone = next(p for p in reversed(parcels) if p[1] in shipments.GONE)
            facts[oid] = {"parcel_gone": gone[1], "gone_at": as_moment(gone[3])}
            continue
        on_its_way = [p for p in parcels if p[1] == "sent" and p[2] is not None]
        if on_its_way:
            facts[oid] = {"parcel_id": on_its_way[-1][0], "shipped_at": as_moment(on_its_way[-1][2])}
    return facts


def load(scan: Scan) -> None:
    s = scan.settings
    params = [json.dumps(OPEN_ORDERS)]
    query = (db.execute_sql(_OPEN, params) if scan.person_id is None
             else db.execute_sql(_OPEN_OF_ONE, params + [int(scan.person_id)]))
    ahead = timedelta(0) if scan.due_only else HORIZON
    last = scan.last + ahead
    found = query.fetchall()
    parcels = _parcel_facts([row[0] for row in found if row[2] in WITH_PARCELS])
    for oid, promised, status, pid, number, last_out, since, delivery, ready, told in found:
        facts = order_reminders.OrderFacts(
            order_id=oid, person_id=pid, status=status, promised_ready=as_date(promised),
            in_production_since=as_moment(since), last_news_at=as_moment(last_out), details={"order_number": number},
            promised_delivery=as_date(delivery), ready_since=as_moment(ready), told_ready=as_date(told),
            **parcels.get(oid, {}))
        for promise in order_reminders.order_promises(facts, s):
            # the horizon: only what can come due within it, from the rule's earliest step
            # (followup.min_offsets: the news ahead of the date, moved back over days off)
            first = promise.reference + scan.earliest[promise.rule]
            if first <= last:
                scan.keep(promise, valid_from=moved(first, -ahead))


def details(part: DuePart) -> dict:
    found = dict(part.details)
    o = CustomOrder.get_or_none(CustomOrder.id == part.subject_id)
    if o is not None:
        found.update(order_number=o.order_number, promised=o.promised_ready,
                     product=o.product.name if o.product_id else "", value_cents=o.price_cents,
                     personalisation=personalisation_summary(o.personalisation, o.font, o.colour, o.size),
                     price_cents=o.price_cents)
    # the parcel a task is about: the one on its way (a look at its tracking), or the one that
    # got lost or came back (to send again): its carrier, code, link and the day it went out
    parcel_id = found.get("parcel_id")
    parcel = (Shipment.get_or_none(Shipment.id == parcel_id) if parcel_id is not None
              else gone_parcel(part.subject_id) if found.get("parcel_gone") else None)
    if parcel is not None:
        found.update(parcel_id=parcel.id, carrier=parcel.carrier, tracking_code=parcel.tracking_code,
                     tracking_url=parcel.tracking_url, sent_at=parcel.sent_at, parcel_status=parcel.status)
    return found


def subject_facts(items: list[DueItem]) -> dict[int, tuple]:
    """order id -> (shop order number,)."""
    query = (CustomOrder.select(CustomOrder.id, CustomOrder.order_number)
             .where(CustomOrder.id.in_(ids_in(item.subject_id for item in items))))
    return {oid: (number,) for oid, number in rows(query)}


register(Kind("custom_order", load, details, subject_facts))
