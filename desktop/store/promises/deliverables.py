"""Deliverables: a post, story or video an influencer agreed to make by a deadline.

Open: not delivered, with a deadline, in a live collaboration. Rule: ``followup.RULES
["deliverable"]`` (the four-step ladder from the end of the deadline's day)."""

from __future__ import annotations

from peewee import JOIN

from desktop.domain.followup import DueItem, DuePart, make_promise
from desktop.store.models import Collaboration, Deliverable
from desktop.store.promises.facts import collaboration_details
from desktop.store.promises.registry import ACTIVE_COLLABS, Kind, Scan, as_moment, ids_in, register, rows


def load(scan: Scan) -> None:
    # From the few live collaborations to their deliverables (CROSS JOIN keeps that order).
    query = (Collaboration.select(Deliverable.id, Deliverable.kind, Deliverable.deadline, Collaboration.id,
                                  Collaboration.person)
             .join(Deliverable, JOIN.CROSS)
             .where(Collaboration.status.in_(ACTIVE_COLLABS), Deliverable.collaboration == Collaboration.id,
                    Deliverable.delivered_at.is_null(), Deliverable.deadline.is_null(False),
                    Deliverable.deadline <= scan.latest_reference("deliverable")))
    if scan.person_id is not None:
        query = query.where(Collaboration.person == scan.person_id)
    for did, kind, deadline, cid, pid in rows(query):
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
