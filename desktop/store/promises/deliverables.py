"""Deliverables: a post, story or video an influencer agreed to make by a deadline.

Open: not delivered, with a deadline, in a live collaboration. Rule: ``followup.RULES
["deliverable"]`` (the four-step ladder from the end of the deadline's day)."""

from __future__ import annotations

import json

from desktop.domain.followup import DueItem, DuePart, make_promise
from desktop.store.db import db
from desktop.store.models import Collaboration, Deliverable
from desktop.store.promises.facts import collaboration_details
from desktop.store.promises.registry import ACTIVE_COLLABS, Kind, Scan, as_moment, ids_in, register, rows


# The scan's query: constant SQL with bound parameters (building it with Peewee on every
# scan cost more than running it). From the few live collaborations to their deliverables
# (CROSS JOIN keeps that order).
_OPEN = """
    SELECT d.id, d.kind, d.deadline, c.id, c.person_id
    FROM collaboration c CROSS JOIN deliverable d
    WHERE c.status IN (SELECT value FROM json_each(?)) AND d.collaboration_id = c.id
      AND d.delivered_at IS NULL AND d.deadline IS NOT NULL AND d.deadline <= ?"""
_OPEN_OF_ONE = _OPEN + " AND c.person_id = ?"


def load(scan: Scan) -> None:
    params = [json.dumps(ACTIVE_COLLABS), str(scan.latest_reference("deliverable"))]
    found = (db.execute_sql(_OPEN, params) if scan.person_id is None
             else db.execute_sql(_OPEN_OF_ONE, params + [int(scan.person_id)]))
    for did, kind, deadline, cid, pid in found.fetchall():
        deadline = as_moment(deadline)
        scan.chase(make_promise("deliverable", pid, "deliverable", did, deadline,
                                details={"what": kind, "collaboration_id": cid}), deadline)


def details(part: DuePart) -> dict:
    found = dict(part.details)
    d = Deliverable.get_or_none(Deliverable.id == part.subject_id)
    if d is not None:
        found.update(collaboration_details(d.collaboration_id))
        found["what"] = d.kind
        found["deadline"] = d.deadline
    return found


def subject_facts(items: list[DueItem]) -> dict[int, tuple]:
    """deliverable id -> (kind, collaboration title)."""
    query = (Deliverable.select(Deliverable.id, Deliverable.kind, Collaboration.title)
             .join(Collaboration).where(Deliverable.id.in_(ids_in(item.subject_id for item in items))))
    return {did: (kind, title) for did, kind, title in rows(query)}


register(Kind("deliverable", load, details, subject_facts))
