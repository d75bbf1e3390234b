"""Gifts to send: the shop's own promise to an influencer, the product the agreement names or
the parcel it packed for her.

Open: a collaboration agreed (``shipments.GIFT_PENDING_STATUS``: sending a parcel, or marking
the gift received by hand, moves it on) that names a gift (from the catalogue or in words),
with no parcel of it sent: none at all, or only one packed and left "ready" (audit 9, F4: a
packed parcel hid her late deliverable and nothing asked the owner to send it). Also open,
named in the agreement or not: a collaboration still going on with a parcel packed in
Zendingen and none on its way or with her (``shipments.gift_unsent``: a drop with "already
handed to the carrier" unticked, a gift never named in the agreement, a new parcel after one
that got lost or came back): Vandaag said "Nothing to follow up" while it waited on the
owner's table (parcel-truth). While it waits her deliverables are not chased
(``deliverables.py``), so this is what keeps the deal moving. Rule: ``followup.RULES["gift"]``
(a task for the owner, no message, due the morning of the second day after its reference),
kept, not chased: her messages do not answer it. Its reference is the agreement for a gift
the agreement names and nothing but packed parcels (its key stays when the parcel is packed),
otherwise the moment the first parcel still waiting was packed: a parcel packed on Monday
and not marked sent comes due on Wednesday morning."""

from __future__ import annotations

from desktop.domain import collaborations, shipments
from desktop.domain.followup import DuePart, make_promise
from desktop.store.db import db
from desktop.store.models import CollaborationProduct, Deliverable, Product, Shipment, ShipmentItem
from desktop.store.promises.facts import collaboration_facts, collaboration_titles
from desktop.store.promises.registry import Kind, Scan, as_moment, moved, register
from desktop.store.shipping import title_of

_PACKED = shipments.PACKED  # the one parcel status that is still the shop's: packed, not sent
_LIVE = [status for status in collaborations.PIPELINE if status not in collaborations.CLOSED]
_AWAY = list(shipments.NOT_WITH_HER)  # packed, returned, lost: not on its way or with her
# The scan's query (constant SQL, bound parameters), through the (status, person) index: the
# collaborations still going on, of anyone but a person the owner blocked (no gift goes to her:
# the owner ends that deal), whose gift is still with the shop. Named: agreed, naming a gift,
# no parcel beyond a packed one (its reference the agreement). Packed: a parcel packed and none
# on its way or with her (its reference the moment the first of them was packed).
_NAMED = """
      (c.status = ? AND (trim(c.products) != ''
                         OR EXISTS (SELECT 1 FROM collaboration_product g WHERE g.collaboration_id = c.id))
       AND NOT EXISTS (SELECT 1 FROM shipment s WHERE s.collaboration_id = c.id AND s.status != ?))"""
_PACKED_ONLY = f"""
      (EXISTS (SELECT 1 FROM shipment s WHERE s.collaboration_id = c.id AND s.status = ?)
       AND NOT EXISTS (SELECT 1 FROM shipment s WHERE s.collaboration_id = c.id
                       AND s.status NOT IN ({', '.join('?' * len(_AWAY))})))"""
_WAITING = f"c.status IN ({', '.join('?' * len(_LIVE))}) AND ({_NAMED} OR {_PACKED_ONLY})"
_REFERENCE = f"""CASE WHEN {_NAMED} THEN COALESCE(c.agreed_at, c.created_at)
      ELSE (SELECT MIN(s.created_at) FROM shipment s WHERE s.collaboration_id = c.id AND s.status = ?) END"""
_OPEN = f"""
    SELECT c.id, c.person_id, {_REFERENCE} AS reference FROM collaboration c
    WHERE {_WAITING} AND (SELECT p.status FROM person p WHERE p.id = c.person_id) != 'blocked'
      {{person}} AND reference <= ?"""
_OPEN_ALL = _OPEN.format(person="")
_OPEN_OF_ONE = _OPEN.format(person="AND c.person_id = ?")
_HERS = f"SELECT c.title FROM collaboration c WHERE c.person_id = ? AND {_WAITING} ORDER BY c.id"


def _named() -> list:
    return [shipments.GIFT_PENDING_STATUS, _PACKED]


def _waiting() -> list:
    """The parameters of ``_WAITING``, in their order."""
    return [*_LIVE, *_named(), _PACKED, *_AWAY]


def load(scan: Scan) -> None:
    params = [*_named(), _PACKED, *_waiting()]
    latest = str(scan.latest_reference("gift"))
    found = (db.execute_sql(_OPEN_ALL, [*params, latest]) if scan.person_id is None
             else db.execute_sql(_OPEN_OF_ONE, [*params, int(scan.person_id), latest]))
    ahead = scan.ahead("gift")
    for cid, pid, reference in found.fetchall():
        reference = as_moment(reference)
        scan.keep(make_promise("gift", pid, "collaboration", cid, reference, details={"collaboration_id": cid}),
                  valid_from=moved(reference, -ahead))


def unsent_titles(person_id: int) -> list[str]:
    """The titles of her collaborations whose gift is still with the shop (named and not sent,
    or packed and not sent), whatever her status (what blocking her takes off Vandaag: the
    block dialog names them)."""
    return [title or "" for (title,) in db.execute_sql(_HERS, [int(person_id), *_waiting()]).fetchall()]


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
    packed = (Shipment.select(Shipment.id, Shipment.created_at)
              .where((Shipment.collaboration == cid) & (Shipment.status == _PACKED))
              .order_by(Shipment.id.desc()).first())
    found["parcel_id"] = packed.id if packed is not None else None
    found["packed_at"] = packed.created_at if packed is not None else None
    # what the packed parcel holds (quantity, name): a gift the agreement does not name is told by it
    found["parcel_items"] = ([(max(1, quantity or 1), title_of(name, variant)) for name, variant, quantity in
                              ShipmentItem.select(Product.name, Product.variant, ShipmentItem.quantity).join(Product)
                              .where(ShipmentItem.shipment == packed.id).order_by(ShipmentItem.id).tuples() if name]
                             if packed is not None else [])
    first = (Deliverable.select(Deliverable.deadline)
             .where((Deliverable.collaboration == cid) & Deliverable.delivered_at.is_null()
                    & Deliverable.deadline.is_null(False))
             .order_by(Deliverable.deadline).first())
    found["deadline"] = first.deadline if first is not None else None
    return found


register(Kind("gift", load, details, collaboration_titles))
