"""Parcels to influencers: sent, but not yet confirmed as received ("is it there?").

Open: on its way or delivered by the carrier (``domain.shipments.AWAITING_RECEIPT``, the
statuses Zendingen marks "received?": a parcel left at a neighbour's or in a locker is
when the check-in matters most), a sent moment, no received moment, not a custom order's
parcel, and not of a collaboration that has ended (a cheerful "is it there?" after "let's
stop" reads as if nothing happened).
Not asked about either: a parcel sent more than ``shipments.CHECKIN_WINDOW`` ago ("did my
parcel of April last year arrive?" reads as if nobody kept track: audit 9, F2), nor one of a
collaboration she has since posted for (then it arrived).
Rule: ``followup.RULES["shipment"]`` (one check-in the morning ``checkin_days`` days after sending)."""

from __future__ import annotations

from peewee import JOIN

from desktop.domain import collaborations, shipments
from desktop.domain.followup import DueItem, DuePart, make_promise
from desktop.store.db import db
from desktop.store.models import Collaboration, Product, Shipment, ShipmentItem
from desktop.store.promises.facts import collaboration_details
from desktop.store.promises.registry import Kind, Scan, as_moment, ids_in, moved, register, rows


# The scan's query (constant SQL, bound parameters): from the few live collaborations to
# their parcels on the way or delivered, and the parcels of no collaboration (a gift), each
# through an index (an IN over json_each on the shipment table walked all 20,000 parcels of
# the large shop, the 6,600 delivered long ago in finished collaborations among them: 0.3 →
# 16 ms of the start). The unary "+" keeps SQLite off the custom-order index.
_STATUSES = list(shipments.AWAITING_RECEIPT)
_LIVE = [status for status in collaborations.PIPELINE if status not in collaborations.CLOSED]
_IN_STATUS = f"s.status IN ({', '.join('?' * len(_STATUSES))})"
_WAITING = (f"{_IN_STATUS} AND s.sent_at IS NOT NULL AND s.received_at IS NULL AND +s.custom_order_id IS NULL "
            "AND s.sent_at <= ? AND s.sent_at >= ?")
# She posted about it: it arrived (audit 9, the new user's F8: "is it there?" after her post).
_POSTED = """
      AND NOT EXISTS (SELECT 1 FROM content ct WHERE ct.collaboration_id = c.id
                      AND (ct.posted_at IS NULL OR ct.posted_at >= date(s.sent_at)))"""
# For one person (her pane) the other way round: from her few parcels (the person index)
# to their collaborations; from the live collaborations it read them all (6 ms a pane).
_OPEN = f"""
    SELECT s.id, s.sent_at, s.person_id, s.collaboration_id FROM {{pair}}
    WHERE c.status IN ({', '.join('?' * len(_LIVE))}) AND s.collaboration_id = c.id AND {_WAITING} {_POSTED} {{person}}
    UNION ALL
    SELECT s.id, s.sent_at, s.person_id, s.collaboration_id FROM shipment s
    WHERE s.collaboration_id IS NULL AND {_WAITING} {{person}}"""
_OPEN_ALL = _OPEN.format(pair="collaboration c CROSS JOIN shipment s", person="")
_OPEN_OF_ONE = _OPEN.format(pair="shipment s CROSS JOIN collaboration c", person="AND s.person_id = ?")


def load(scan: Scan) -> None:
    latest = str(scan.latest_reference("shipment"))
    oldest = str(scan.now - shipments.CHECKIN_WINDOW)  # from the span's first moment
    if scan.person_id is None:
        found = db.execute_sql(_OPEN_ALL, [*_LIVE, *_STATUSES, latest, oldest, *_STATUSES, latest, oldest])
    else:
        pid = int(scan.person_id)
        found = db.execute_sql(_OPEN_OF_ONE, [*_LIVE, *_STATUSES, latest, oldest, pid, *_STATUSES, latest, oldest, pid])
    ahead = scan.ahead("shipment")
    for sid, sent_at, pid, cid in found.fetchall():
        sent_at = as_moment(sent_at)
        scan.chase(make_promise("shipment", pid, "shipment", sid, sent_at, details={"collaboration_id": cid}), sent_at,
                   valid_from=moved(sent_at, -ahead), valid_until=moved(sent_at, shipments.CHECKIN_WINDOW))


def details(part: DuePart) -> dict:
    found = dict(part.details)
    sh = Shipment.get_or_none(Shipment.id == part.subject_id)
    if sh is not None:
        found.update(collaboration_details(sh.collaboration_id))
        # Each product once: two variants of one (a blue and a black bracelet) read "met 7 Shakra
        # Bracelet en 7 Shakra Bracelet" (audit 9, new owner F8).
        names = list(dict.fromkeys(n for (n,) in Product.select(Product.name).join(ShipmentItem)
                                   .where(ShipmentItem.shipment == sh.id).order_by(ShipmentItem.id).tuples()))
        # The names as a list: the message lists them in the reader's language ("… en …").
        found.update(product=names, sent_at=sh.sent_at, value_cents=sh.value_cents)
        # a new parcel after one that got lost or came back: its check-in is about the new one
        from desktop.store.shipping import replaced_parcel  # not before her list (test_start)

        replaces = replaced_parcel(sh.id)
        if replaces is not None:
            found["replaces"] = replaces
    return found


def subject_facts(items: list[DueItem]) -> dict[int, tuple]:
    """shipment id -> (sent at, collaboration title or "")."""
    query = (Shipment.select(Shipment.id, Shipment.sent_at, Collaboration.title)
             .join(Collaboration, JOIN.LEFT_OUTER).where(Shipment.id.in_(ids_in(item.subject_id for item in items))))
    return {sid: (as_moment(sent_at), title or "") for sid, sent_at, title in rows(query)}


register(Kind("shipment", load, details, subject_facts))
