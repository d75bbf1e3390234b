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

_PACKED = shipments.PACKED  # the one parcel status that is still the shop's: packed, not sent
_LIVE = [status for status in collaborations.PIPELINE if status not in collaborations.CLOSED]
_AWAY = list(shipments.NOT_WITH_HER)  # packed, returned, lost: not on its way or with her
# The scan's query (constant SQL, bound parameters): the collaborations of anyone but a person
# the owner blocked (no gift goes to her: the owner ends that deal) whose gift is still with
# the shop, in two parts, each through an index. Named: through the (status, person) index,
# the agreed ones that name a gift and have no parcel beyond a packed one (their reference the
# agreement). Packed: from the few packed parcels (the shipment status index; from the live
# collaborations it read them all, 0.8 → 25 ms of the start on the large shop), those of a
# collaboration still going on with none on its way or with her, named ones left to the first
# part (their reference the moment the first parcel still waiting was packed).
_NAMED = """
      c.status = ? AND (trim(c.products) != ''
                        OR EXISTS (SELECT 1 FROM collaboration_product g WHERE g.collaboration_id = c.id))
      AND NOT EXISTS (SELECT 1 FROM shipment o WHERE o.collaboration_id = c.id AND o.status != ?)"""
_NOT_BLOCKED = "(SELECT p.status FROM person p WHERE p.id = c.person_id) != 'blocked'"
_OPEN = f"""
    SELECT c.id, c.person_id, COALESCE(c.agreed_at, c.created_at) FROM collaboration c
    WHERE {_NAMED} AND {_NOT_BLOCKED} {{person}} AND COALESCE(c.agreed_at, c.created_at) <= ?
    UNION ALL
    SELECT c.id, c.person_id, MIN(s.created_at) FROM shipment s CROSS JOIN collaboration c
    WHERE s.status = ? AND c.id = s.collaboration_id AND c.status IN ({', '.join('?' * len(_LIVE))})
      AND NOT EXISTS (SELECT 1 FROM shipment o WHERE o.collaboration_id = c.id
                      AND o.status NOT IN ({', '.join('?' * len(_AWAY))}))
      AND NOT ({_NAMED}) AND {_NOT_BLOCKED} {{person}}
    GROUP BY c.id HAVING MIN(s.created_at) <= ?"""
_OPEN_ALL = _OPEN.format(person="")
_OPEN_OF_ONE = _OPEN.format(person="AND c.person_id = ?")


def _named() -> list:
    return [shipments.GIFT_PENDING_STATUS, _PACKED]


def _params(latest: str, person_id: int | None = None) -> list:
    """The parameters of ``_OPEN_ALL`` (``_OPEN_OF_ONE`` with ``person_id``), in their order."""
    person = [] if person_id is None else [int(person_id)]
    return [*_named(), *person, latest, _PACKED, *_LIVE, *_AWAY, *_named(), *person, latest]


def load(scan: Scan) -> None:
    latest = str(scan.latest_reference("gift"))
    found = (db.execute_sql(_OPEN_ALL, _params(latest)) if scan.person_id is None
             else db.execute_sql(_OPEN_OF_ONE, _params(latest, scan.person_id)))
    ahead = scan.ahead("gift")
    for cid, pid, reference in found.fetchall():
        reference = as_moment(reference)
        scan.keep(make_promise("gift", pid, "collaboration", cid, reference, details={"collaboration_id": cid}),
                  valid_from=moved(reference, -ahead))


_HERS = f"""
    SELECT c.title FROM collaboration c WHERE c.id IN (
      SELECT c.id FROM collaboration c WHERE {_NAMED} AND c.person_id = ?
      UNION
      SELECT c.id FROM collaboration c WHERE c.person_id = ? AND c.status IN ({', '.join('?' * len(_LIVE))})
        AND EXISTS (SELECT 1 FROM shipment s WHERE s.collaboration_id = c.id AND s.status = ?)
        AND NOT EXISTS (SELECT 1 FROM shipment o WHERE o.collaboration_id = c.id
                        AND o.status NOT IN ({', '.join('?' * len(_AWAY))})))
    ORDER BY c.id"""


def unsent_titles(person_id: int) -> list[str]:
    """The titles of her collaborations whose gift is still with the shop (named and not sent,
    or packed and not sent), whatever her status (what blocking her takes off Vandaag: the
    block dialog names them)."""
    pid = int(person_id)
    return [title or "" for (title,) in db.execute_sql(_HERS, [*_named(), pid, pid, *_LIVE, _PACKED, *_AWAY])]


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
    from desktop.store.shipping import title_of  # shown items only, not before her list (test_start)

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
