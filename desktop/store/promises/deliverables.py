"""Deliverables: a post, story or video an influencer agreed to make by a deadline.

Open: not delivered, with a deadline, in a live collaboration whose gift reached her or is
on its way: while the gift the agreement names is not sent, and while every parcel of the
collaboration is returned or lost, she owes nothing (``domain/shipments.chased``; the parcel
that goes out then moves the deadlines on, store/shipping.py). Rule: ``followup.RULES
["deliverable"]`` (the four-step ladder from the end of the deadline's day)."""

from __future__ import annotations

import json
from datetime import timedelta

from peewee import fn

from desktop.domain import shipments
from desktop.domain.followup import DueItem, DuePart, make_promise
from desktop.store.db import db
from desktop.store.models import Collaboration, Content, Deliverable
from desktop.store.promises.facts import collaboration_details
from desktop.store.promises.registry import ACTIVE_COLLABS, Kind, Scan, as_moment, ids_in, moved, register, rows


# The scan's query: constant SQL with bound parameters (building it with Peewee on every
# scan cost more than running it). From the few live collaborations to their deliverables
# (CROSS JOIN keeps that order). The live statuses are one placeholder each: through
# ``json_each`` SQLite read every collaboration (45,000 on the large shop, 12 ms) instead of
# the index on status (5 ms). The last lines are ``shipments.chased``: no parcel at all
# and no gift waiting to be sent (``shipments.gift_unsent``), or a parcel that is with her,
# or a collaboration that says the gift reached her (``GIFT_WITH_HER_STATUSES``).
_OPEN = f"""
    SELECT d.id, d.kind, d.deadline, c.id, c.person_id
    FROM collaboration c CROSS JOIN deliverable d
    WHERE c.status IN ({", ".join("?" * len(ACTIVE_COLLABS))}) AND d.collaboration_id = c.id
      AND d.delivered_at IS NULL AND d.deadline IS NOT NULL AND d.deadline <= ?
      AND ((NOT EXISTS (SELECT 1 FROM shipment s WHERE s.collaboration_id = c.id)
            AND NOT (c.status = ? AND (trim(c.products) != ''
                     OR EXISTS (SELECT 1 FROM collaboration_product g WHERE g.collaboration_id = c.id))))
           OR EXISTS (SELECT 1 FROM shipment s WHERE s.collaboration_id = c.id
                      AND s.status NOT IN (SELECT value FROM json_each(?)))
           OR c.status IN (SELECT value FROM json_each(?)))"""
_OPEN_OF_ONE = _OPEN + " AND c.person_id = ?"
_GONE = json.dumps(shipments.NOT_WITH_HER)
_WITH_HER = json.dumps(shipments.GIFT_WITH_HER_STATUSES)  # the gift reached her, whatever became of its parcels
ANSWER_LEAD = timedelta(days=2)  # more than the deadline's day in any zone, clock changes included


def load(scan: Scan) -> None:
    params = [*ACTIVE_COLLABS, str(scan.latest_reference("deliverable")), shipments.GIFT_PENDING_STATUS, _GONE,
              _WITH_HER]
    found = (db.execute_sql(_OPEN, params) if scan.person_id is None
             else db.execute_sql(_OPEN_OF_ONE, params + [int(scan.person_id)]))
    ahead = scan.ahead("deliverable")
    for did, kind, deadline, cid, pid in found.fetchall():
        deadline = as_moment(deadline)
        # Her message on the deadline day already answers (followup._answer_counts_from, in
        # the owner's zone): her latest message from two days before on is handed over.
        scan.chase(make_promise("deliverable", pid, "deliverable", did, deadline,
                                details={"what": kind, "collaboration_id": cid}),
                   moved(deadline, -ANSWER_LEAD) or deadline, valid_from=moved(deadline, -ahead))


def details(part: DuePart) -> dict:
    found = dict(part.details)
    d = Deliverable.get_or_none(Deliverable.id == part.subject_id)
    if d is not None:
        found.update(collaboration_details(d.collaboration_id))
        found["what"] = d.kind
        found["count"] = d.count  # "je twee stories": the number agreed...
        found["posted"] = d.contents.count()  # ...and how many of them she posted ("je laatste story")
        found["deadline"] = d.deadline
    return found


def notice_facts(person_id: int, ending: list[int], named: set[int]) -> tuple[list[dict], list[dict]]:
    """What a final notice that ends the collaborations ``ending`` (and names the deliverables
    ``named``) has to tell her besides (message review, finding 8): (what else ends with them:
    their other open deliverables, not late yet; what still stands: the open deliverables of
    her other live collaborations), each as the details a message names one by (``details``),
    by deadline."""
    query = (Deliverable.select(Deliverable.id, Deliverable.kind, Deliverable.count, Deliverable.deadline,
                                Collaboration.id)
             .join(Collaboration)
             .where(Collaboration.person == person_id, Collaboration.status.in_(list(ACTIVE_COLLABS)),
                    Deliverable.delivered_at.is_null())
             .order_by(Deliverable.deadline, Deliverable.id))
    found = [(did, kind, count, as_moment(deadline), cid) for did, kind, count, deadline, cid in rows(query)
             if did not in named]
    if not found:
        return [], []
    posted = dict(Content.select(Content.deliverable, fn.COUNT(Content.id))
                  .where(Content.deliverable.in_(ids_in(did for did, *_rest in found)))
                  .group_by(Content.deliverable).tuples())
    facts: dict[int, dict] = {}
    also, standing = [], []
    for did, kind, count, deadline, cid in found:
        if cid not in facts:
            facts[cid] = collaboration_details(cid)
        one = {**facts[cid], "what": kind, "count": count, "posted": posted.get(did, 0), "deadline": deadline,
               "collaboration_id": cid}
        (also if cid in ending else standing).append(one)
    return also, standing


def subject_facts(items: list[DueItem]) -> dict[int, tuple]:
    """deliverable id -> (kind, collaboration title), of every deliverable the items name (one
    message or decision may name several collaborations' work)."""
    wanted = {item.subject_id for item in items}
    wanted.update(part.subject_id for item in items for part in item.parts if part.kind == "deliverable")
    query = (Deliverable.select(Deliverable.id, Deliverable.kind, Collaboration.title)
             .join(Collaboration).where(Deliverable.id.in_(ids_in(wanted))))
    return {did: (kind, title) for did, kind, title in rows(query)}


register(Kind("deliverable", load, details, subject_facts))
