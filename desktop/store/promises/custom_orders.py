"""Custom orders: the shop's own promise of a ready date to a customer.

Open: status ``new`` or ``in_production``, and ``ready``, which still owes its shipping.
Rules: ``domain/order_reminders.py`` (news before the promised date, an update after days
of silence during production, late news once the promised day is over, the task to ship
a finished order). A blocked customer's order is still followed: the promise is the
shop's."""

from __future__ import annotations

import json
from datetime import timedelta

from desktop.domain import order_reminders
from desktop.domain.followup import DueItem, DuePart
from desktop.domain.orders import personalisation_summary
from desktop.store.db import db
from desktop.store.models import CustomOrder
from desktop.store.orders import TOLD_READY
from desktop.store.promises.registry import HORIZON, Kind, Scan, as_date, as_moment, ids_in, moved, register, rows

OPEN_ORDERS = ("new", "in_production", "ready")  # ready: still to ship (order_reminders.ship_promises)


# The scan's query (constant SQL, bound parameters): each open order with the last news
# sent about it, the moment it went into production (else its creation), and the ready date
# the customer last heard when the owner moved it since without telling them.
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
    WHERE o.status IN (SELECT value FROM json_each(?))"""
_OPEN_OF_ONE = _OPEN + " AND o.person_id = ?"


def load(scan: Scan) -> None:
    s = scan.settings
    params = [json.dumps(OPEN_ORDERS)]
    query = (db.execute_sql(_OPEN, params) if scan.person_id is None
             else db.execute_sql(_OPEN_OF_ONE, params + [int(scan.person_id)]))
    ahead = timedelta(0) if scan.due_only else HORIZON
    last = scan.last + ahead
    for oid, promised, status, pid, number, last_out, since, delivery, ready, told in query.fetchall():
        facts = order_reminders.OrderFacts(
            order_id=oid, person_id=pid, status=status, promised_ready=as_date(promised),
            in_production_since=as_moment(since), last_news_at=as_moment(last_out), details={"order_number": number},
            promised_delivery=as_date(delivery), ready_since=as_moment(ready), told_ready=as_date(told))
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
    return found


def subject_facts(items: list[DueItem]) -> dict[int, tuple]:
    """order id -> (shop order number,)."""
    query = (CustomOrder.select(CustomOrder.id, CustomOrder.order_number)
             .where(CustomOrder.id.in_(ids_in(item.subject_id for item in items))))
    return {oid: (number,) for oid, number in rows(query)}


register(Kind("custom_order", load, details, subject_facts))
