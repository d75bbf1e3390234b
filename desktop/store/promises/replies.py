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
from desktop.store.models import Collaboration
from desktop.store.promises.facts import collaboration_details
from desktop.store.promises.registry import ACTIVE_COLLABS, Kind, Scan, as_moment, ids_in, moved, register

REPLY_WINDOW = timedelta(days=60)  # unanswered messages older than this are not chased
DEFAULT_RESPONSE_DAYS = 3

# Constant SQL with bound parameters (Peewee has no INDEXED BY): per person, her latest
# outgoing message about an agreement, walked along the time index from the window's start;
# for one person (her pane) along her own messages (the time index read everyone's: 2.4 ms).
# Its id is that latest message's (SQLite gives a bare column the row of the one MAX): a
# message logged later for an earlier day has a higher id, and MAX(id) paired the latest
# message's day with the other's subject.
_LATEST_OUT_OF = """
    SELECT m.person_id, m.at, (SELECT MIN(c.response_days) FROM collaboration c
                               WHERE c.person_id = m.person_id AND c.status IN (SELECT value FROM json_each(?1))),
           m.id
    FROM (SELECT person_id, MAX(at) AS at, id FROM event {index}
          WHERE kind = 'message' AND direction = 'out' AND at >= ?2 AND {who}
            AND subject_type IN ('collaboration', 'deliverable', 'shipment')
          GROUP BY person_id) m
    WHERE EXISTS (SELECT 1 FROM collaboration c WHERE c.person_id = m.person_id
                  AND c.status IN (SELECT value FROM json_each(?1)))"""
_LATEST_OUT = _LATEST_OUT_OF.format(index='INDEXED BY "event_at"', who="person_id IS NOT NULL")
_LATEST_OUT_ONE = _LATEST_OUT_OF.format(index="", who="person_id = ?3")


def load(scan: Scan) -> None:
    params = [json.dumps(ACTIVE_COLLABS), str(scan.now - REPLY_WINDOW)]  # from the span's first moment
    if scan.person_id is None:
        rows = db.execute_sql(_LATEST_OUT, params)
    else:
        rows = db.execute_sql(_LATEST_OUT_ONE, params + [int(scan.person_id)])
    latest, ahead = scan.latest_reference("reply"), scan.ahead("reply")
    for pid, message_at, days, eid in rows.fetchall():
        message_at = as_moment(message_at)
        due = message_at + timedelta(days=days if days is not None else DEFAULT_RESPONSE_DAYS)
        if due > latest:
            continue
        scan.chase(make_promise("reply", pid, "event", eid, due, since=message_at, details={"message_at": message_at}),
                   message_at, valid_from=moved(due, -ahead), valid_until=moved(message_at, REPLY_WINDOW))


def _newest_live_collaboration(person_id: int):
    return (Collaboration.select(Collaboration.id)
            .where(Collaboration.person == person_id, Collaboration.status.in_(ACTIVE_COLLABS))
            .order_by(Collaboration.id.desc()).scalar())


# The collaboration an outgoing message was about: its subject, or the collaboration of
# the deliverable or parcel it was about (NULL when there is none, or no longer).
_ABOUT = """
    SELECT e.id, e.person_id, c.id
    FROM event e
    LEFT JOIN deliverable d ON e.subject_type = 'deliverable' AND d.id = e.subject_id
    LEFT JOIN shipment s ON e.subject_type = 'shipment' AND s.id = e.subject_id
    LEFT JOIN collaboration c ON c.id = COALESCE(CASE WHEN e.subject_type = 'collaboration' THEN e.subject_id END,
                                                 d.collaboration_id, s.collaboration_id)
    WHERE e.id IN (SELECT value FROM json_each(?))"""


def _collaborations_about(event_ids) -> dict[int, int | None]:
    """event id -> the collaboration the unanswered message was about: the follow-up
    cites that one, not whichever agreement with her is newest (a message about last
    month's necklace is not chased as if it were about this month's earrings). A parcel
    sent outside a collaboration, or a subject since removed: her newest live one."""
    found = {}
    for event_id, person_id, collab_id in db.execute_sql(_ABOUT, [json.dumps(list(event_ids))]).fetchall():
        if collab_id is None:
            collab_id = _newest_live_collaboration(person_id)
        found[event_id] = collab_id
    return found


def details(part: DuePart) -> dict:
    found = dict(part.details)
    found.update(collaboration_details(_collaborations_about([part.subject_id]).get(part.subject_id)))
    found["deadline"] = part.reference
    return found


def subject_facts(items: list[DueItem]) -> dict[int, tuple]:
    """unanswered message (event id) -> (title of the collaboration it was about,)."""
    about = _collaborations_about({item.subject_id for item in items})
    titles = dict(Collaboration.select(Collaboration.id, Collaboration.title)
                  .where(Collaboration.id.in_(ids_in(c for c in about.values() if c))).tuples())
    return {event_id: (titles[c],) for event_id, c in about.items() if c in titles}


register(Kind("reply", load, details, subject_facts))
