"""Parcels to influencers: sent, but not yet confirmed as received ("is it there?").

Open: on its way or delivered by the carrier (``domain.shipments.AWAITING_RECEIPT``, the
statuses Zendingen marks "received?": a parcel left at a neighbour's or in a locker is
when the check-in matters most), a sent moment, no received moment, not a custom order's
parcel, and not of a collaboration that has ended (a cheerful "is it there?" after "let's
stop" reads as if nothing happened).
Rule: ``followup.RULES["shipment"]`` (one check-in ``checkin_days`` after sending)."""

from __future__ import annotations

import json

from peewee import JOIN

from desktop.domain import collaborations, shipments
from desktop.domain.followup import DueItem, DuePart, make_promise
from desktop.store.db import db
from desktop.store.models import Collaboration, Product, Shipment, ShipmentItem
from desktop.store.promises.facts import collaboration_details
from desktop.store.promises.registry import Kind, Scan, as_moment, ids_in, register, rows


# The scan's query (constant SQL, bound parameters): by status, the few on their way; the
# unary "+" keeps SQLite off the custom-order index (the thousands of parcels without a
# custom order would be walked otherwise).
_OPEN = """
    SELECT s.id, s.sent_at, s.person_id, s.collaboration_id FROM shipment s
    LEFT JOIN collaboration c ON c.id = s.collaboration_id
    WHERE s.status IN (SELECT value FROM json_each(?)) AND s.sent_at IS NOT NULL AND s.received_at IS NULL
      AND +s.custom_order_id IS NULL AND s.sent_at <= ?
      AND (c.id IS NULL OR c.status NOT IN (SELECT value FROM json_each(?)))"""
_OPEN_OF_ONE = _OPEN + " AND s.person_id = ?"
_STATUSES = json.dumps(shipments.AWAITING_RECEIPT)
_ENDED = json.dumps(collaborations.CLOSED)


def load(scan: Scan) -> None:
    params = [_STATUSES, str(scan.latest_reference("shipment")), _ENDED]
    found = (db.execute_sql(_OPEN, params) if scan.person_id is None
             else db.execute_sql(_OPEN_OF_ONE, params + [int(scan.person_id)]))
    for sid, sent_at, pid, cid in found.fetchall():
        sent_at = as_moment(sent_at)
        scan.chase(make_promise("shipment", pid, "shipment", sid, sent_at, details={"collaboration_id": cid}), sent_at)


def details(part: DuePart) -> dict:
    found = dict(part.details)
    sh = Shipment.get_or_none(Shipment.id == part.subject_id)
    if sh is not None:
        found.update(collaboration_details(sh.collaboration_id))
        names = [n for (n,) in Product.select(Product.name).join(ShipmentItem).where(ShipmentItem.shipment == sh.id).tuples()]
        # The names as a list: the message lists them in the reader's language ("… en …").
        found.update(product=names, sent_at=sh.sent_at, value_cents=sh.value_cents)
    return found


def subject_facts(items: list[DueItem]) -> dict[int, tuple]:
    """shipment id -> (sent at, collaboration title or "")."""
    query = (Shipment.select(Shipment.id, Shipment.sent_at, Collaboration.title)
             .join(Collaboration, JOIN.LEFT_OUTER).where(Shipment.id.in_(ids_in(item.subject_id for item in items))))
    return {sid: (as_moment(sent_at), title or "") for sid, sent_at, title in rows(query)}


register(Kind("shipment", load, details, subject_facts))
