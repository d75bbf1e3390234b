"""Gifts to send: the shop's own promise to an influencer, the product the agreement names.

Open: a collaboration agreed (``shipments.GIFT_PENDING_STATUS``: sending a parcel, or marking
the gift received by hand, moves it on) that names a gift (from the catalogue or in words),
with no parcel of it sent: none at all, or only one packed and left "ready" (audit 9, F4: a
packed parcel hid her late deliverable and nothing asked the owner to send it). While it
waits her deliverables are not chased (``deliverables.py``), so this is what keeps the deal
moving. Rule: ``followup.RULES["gift"]`` (a task for the owner, no message), kept, not
chased: her messages do not answer it."""

from __future__ import annotations

from desktop.domain import shipments
from desktop.domain.followup import DuePart, make_promise
from desktop.store.db import db
from desktop.store.models import CollaborationProduct, Deliverable, Shipment
from desktop.store.promises.facts import collaboration_facts, collaboration_titles
from desktop.store.promises.registry import Kind, Scan, as_moment, moved, register

# The scan's query (constant SQL, bound parameters), through the (status, person) index:
# the agreed collaborations that name a gift and have no parcel beyond a packed one, of
# anyone but a person the owner blocked (no gift goes to her: the owner ends that deal).
_UNSENT = """
      (trim(c.products) != '' OR EXISTS (SELECT 1 FROM collaboration_product g WHERE g.collaboration_id = c.id))
      AND NOT EXISTS (SELECT 1 FROM shipment s WHERE s.collaboration_id = c.id AND s.status != ?)"""
_OPEN = """
    SELECT c.id, c.person_id, COALESCE(c.agreed_at, c.created_at) FROM collaboration c
    WHERE c.status = ? AND COALESCE(c.agreed_at, c.created_at) <= ?
      AND (SELECT p.status FROM person p WHERE p.id = c.person_id) != 'blocked' AND""" + _UNSENT
_OPEN_OF_ONE = _OPEN + " AND c.person_id = ?"
_HERS = "SELECT c.title FROM collaboration c WHERE c.status = ? AND c.person_id = ? AND" + _UNSENT + " ORDER BY c.id"
_PACKED = shipments.PACKED  # the one parcel status that is still the shop's: packed, not sent


def load(scan: Scan) -> None:
    params = [shipments.GIFT_PENDING_STATUS, str(scan.latest_reference("gift")), _PACKED]
    found = (db.execute_sql(_OPEN, params) if scan.person_id is None
             else db.execute_sql(_OPEN_OF_ONE, params + [int(scan.person_id)]))
    ahead = scan.ahead("gift")
    for cid, pid, agreed in found.fetchall():
        agreed = as_moment(agreed)
        scan.keep(make_promise("gift", pid, "collaboration", cid, agreed, details={"collaboration_id": cid}),
                  valid_from=moved(agreed, -ahead))


def unsent_titles(person_id: int) -> list[str]:
    """The titles of her agreed collaborations whose gift is still with the shop, whatever
    her status (what blocking her takes off Vandaag: the block dialog names them)."""
    params = [shipments.GIFT_PENDING_STATUS, int(person_id), _PACKED]
    return [title or "" for (title,) in db.execute_sql(_HERS, params).fetchall()]


def details(part: DuePart) -> dict:
    """The collaboration's facts, with what the owner needs to send its gift: the gift as
    agreed (``gifts``: (quantity, name) from the catalogue; ``gift_words``: what was agreed in
    words), the catalogue products to pack (``product_ids``, one id per piece; ``unlisted``:
    (quantity, name) of a line whose product left the catalogue), the parcel
    already packed (``parcel_id``) and the first open deadline it is for."""
    cid = part.subject_id
    found, c = collaboration_facts(part)
    if c is None:
        return found
    lines = list(CollaborationProduct.select(CollaborationProduct.name, CollaborationProduct.quantity,
                                             CollaborationProduct.product)
                 .where(CollaborationProduct.collaboration == cid)
                 .order_by(CollaborationProduct.position, CollaborationProduct.id).tuples())
    found["gifts"] = [(max(1, quantity or 1), name) for name, quantity, _product in lines if name]
    found["gift_words"] = (c.products or "").strip()
    found["product_ids"] = [product for _name, quantity, product in lines if product
                            for _n in range(max(1, quantity or 1))]
    found["unlisted"] = [(max(1, quantity or 1), name) for name, quantity, product in lines if name and not product]
    packed = (Shipment.select(Shipment.id).where((Shipment.collaboration == cid) & (Shipment.status == _PACKED))
              .order_by(Shipment.id.desc()).first())
    found["parcel_id"] = packed.id if packed is not None else None
    first = (Deliverable.select(Deliverable.deadline)
             .where((Deliverable.collaboration == cid) & Deliverable.delivered_at.is_null()
                    & Deliverable.deadline.is_null(False))
             .order_by(Deliverable.deadline).first())
    found["deadline"] = first.deadline if first is not None else None
    return found


register(Kind("gift", load, details, collaboration_titles))
