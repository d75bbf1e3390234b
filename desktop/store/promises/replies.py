"""Answers overdue: the last message the shop sent about an agreement, unanswered.

Open: the latest outgoing message with a subject (collaboration, deliverable or shipment:
chit-chat is not chased) to someone in a live collaboration, with nothing back since,
older than the agreed response time. Rule: ``followup.RULES["reply"]`` (three steps at
most; a late deliverable covers it)."""

from __future__ import annotations

import json
from datetime import timedelta

from desktop.domain.followup import DueItem, DuePart, make_promise
from desktop.store.db import db
from desktop.store.models import Collaboration, Event
from desktop.store.promises.facts import collaboration_details
from desktop.store.promises.registry import ACTIVE_COLLABS, Kind, Scan, as_moment, ids_in, register

REPLY_WINDOW = timedelta(days=60)  # unanswered messages older than this are not chased
DEFAULT_RESPONSE_DAYS = 3

# Constant SQL with bound parameters (Peewee has no INDEXED BY): per person, her latest
# outgoing message about an agreement, walked along the time index from the window's start.
_LATEST_OUT = """
    SELECT m.person_id, m.at, (SELECT MIN(c.response_days) FROM collaboration c
                               WHERE c.person_id = m.person_id AND c.status IN (SELECT value FROM json_each(?1))),
           m.id
    FROM (SELECT person_id, MAX(at) AS at, MAX(id) AS id FROM event INDEXED BY "event_at"
          WHERE kind = 'message' AND direction = 'out' AND at >= ?2 AND person_id IS NOT NULL
            AND subject_type IN ('collaboration', 'deliverable', 'shipment')
          GROUP BY person_id) m
    WHERE EXISTS (SELECT 1 FROM collaboration c WHERE c.person_id = m.person_id
                  AND c.status IN (SELECT value FROM json_each(?1)))"""
_LATEST_OUT_ONE = _LATEST_OUT + " AND m.person_id = ?3"


def load(scan: Scan) -> None:
    params = [json.dumps(ACTIVE_COLLABS), str(scan.now - REPLY_WINDOW)]
    if scan.person_id is None:
        rows = db.execute_sql(_LATEST_OUT, params)
    else:
        rows = db.execute_sql(_LATEST_OUT_ONE, params + [int(scan.person_id)])
    latest = scan.latest_reference("reply")
    for pid, message_at, days, eid in rows.fetchall():
        message_at = as_moment(message_at)
        due = message_at + timedelta(days=days if days is not None else DEFAULT_RESPONSE_DAYS)
        if due > latest:
            continue
        scan.chase(make_promise("reply", pid, "event", eid, due, since=message_at, details={"message_at": message_at}),
                   message_at)


def _newest_live_collaboration(person_id: int):
    return (Collaboration.select(Collaboration.id)
            .where(Collaboration.person == person_id, Collaboration.status.in_(ACTIVE_COLLABS))
            .order_by(Collaboration.id.desc()).scalar())


def details(part: DuePart) -> dict:
    found = dict(part.details)
    found.update(collaboration_details(_newest_live_collaboration(Event.get_by_id(part.subject_id).person_id)))
    found["deadline"] = part.reference
    return found


def subject_facts(items: list[DueItem]) -> dict[int, tuple]:
    """person -> (title of her newest live collaboration,)."""
    query = (Collaboration.select(Collaboration.person, Collaboration.title)
             .where(Collaboration.person.in_(ids_in(item.person_id for item in items)),
                    Collaboration.status.in_(ACTIVE_COLLABS))
             .order_by(Collaboration.id))
    return {pid: (title,) for pid, title in query.tuples()}  # the last one (highest id) wins


register(Kind("reply", load, details, subject_facts, subject_of=lambda item: item.person_id))
