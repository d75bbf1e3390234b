"""Agreements to write down: the shop gave an influencer something, and nothing is written
down about what she does in return.

Open (``domain.shipments.promise_unrecorded``, asked here in SQL): a collaboration still open
with nothing posted (``shipments.RECORDABLE_STATUSES``), without a single deliverable or
content record, for which a parcel went out to her (sent, delivered or received; not only
packed, not returned or lost) or, without any parcel, whose agreed gift was handed over
(``shipments.HANDED_OVER_STATUSES``). Not for a person the owner blocked. The README's own
gesture makes one: a product dropped onto a new influencer is a proposed collaboration with
a parcel and no deliverables, and nothing of hers was ever followed up (the owner's
two-week walk, finding 1).

Its reference is the moment the first parcel went out (else the agreement's, or the
collaboration's creation): a second parcel does not move it, so "Nothing agreed" (the
step dismissed) keeps it gone. Rule: ``followup.RULES["agreement"]`` (a task for the owner,
no message), kept, not chased: her messages do not write it down."""

from __future__ import annotations

from desktop.domain import shipments
from desktop.domain.followup import DuePart, make_promise
from desktop.store.db import db
from desktop.store.models import Shipment
from desktop.store.promises.facts import collaboration_facts, collaboration_titles
from desktop.store.promises.registry import Kind, Scan, as_moment, moved, register

_OPEN_STATUSES = list(shipments.RECORDABLE_STATUSES)
_HANDED = list(shipments.HANDED_OVER_STATUSES)
_NOT_WITH_HER = list(shipments.NOT_WITH_HER)


def _marks(values: list[str]) -> str:
    """One "?" per value of a constant list."""
    return ", ".join("?" * len(values))


# The scan's query (constant SQL, bound parameters), through the collaboration's status index
# and the deliverable, content and shipment indexes on their collaboration.
_OPEN = f"""
    SELECT id, person_id, reference FROM (
      SELECT c.id, c.person_id,
             COALESCE((SELECT MIN(s.sent_at) FROM shipment s WHERE s.collaboration_id = c.id AND s.sent_at IS NOT NULL),
                      c.agreed_at, c.created_at) AS reference
      FROM collaboration c
      WHERE c.status IN ({_marks(_OPEN_STATUSES)}) {{person}}
        AND (SELECT p.status FROM person p WHERE p.id = c.person_id) != 'blocked'
        AND NOT EXISTS (SELECT 1 FROM deliverable d WHERE d.collaboration_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM content ct WHERE ct.collaboration_id = c.id)
        AND (EXISTS (SELECT 1 FROM shipment s WHERE s.collaboration_id = c.id
                     AND s.status NOT IN ({_marks(_NOT_WITH_HER)}))
             OR (c.status IN ({_marks(_HANDED)})
                 AND NOT EXISTS (SELECT 1 FROM shipment s WHERE s.collaboration_id = c.id)
                 AND (trim(c.products) != ''
                      OR EXISTS (SELECT 1 FROM collaboration_product g WHERE g.collaboration_id = c.id)))))
    WHERE reference <= ?"""
_OPEN_ALL = _OPEN.format(person="")
_OPEN_OF_ONE = _OPEN.format(person="AND c.person_id = ?")


def load(scan: Scan) -> None:
    latest = str(scan.latest_reference("agreement"))
    if scan.person_id is None:
        found = db.execute_sql(_OPEN_ALL, [*_OPEN_STATUSES, *_NOT_WITH_HER, *_HANDED, latest])
    else:
        found = db.execute_sql(_OPEN_OF_ONE, [*_OPEN_STATUSES, int(scan.person_id), *_NOT_WITH_HER, *_HANDED, latest])
    ahead = scan.ahead("agreement")
    for cid, pid, reference in found.fetchall():
        reference = as_moment(reference)
        scan.keep(make_promise("agreement", pid, "collaboration", cid, reference, details={"collaboration_id": cid}),
                  valid_from=moved(reference, -ahead))


def details(part: DuePart) -> dict:
    """The collaboration's facts (``product``: what she got, from its parcels, or the gift
    handed over; ``title``; ``agreed_at``) and ``sent_at``: when its first parcel that is
    with her went out (None: the gift was handed over)."""
    cid = part.subject_id
    found, c = collaboration_facts(part)
    if c is None:
        return found
    first = (Shipment.select(Shipment.sent_at)
             .where((Shipment.collaboration == cid) & Shipment.sent_at.is_null(False)
                    & Shipment.status.not_in(_NOT_WITH_HER))
             .order_by(Shipment.sent_at).first())
    found["sent_at"] = first.sent_at if first is not None else None
    return found


register(Kind("agreement", load, details, collaboration_titles))
